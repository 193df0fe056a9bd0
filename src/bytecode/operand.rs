//! Operand kinds. Each knows its encoding (little-endian, fixed width) and how it prints.

/// A frame slot: a byte offset from the frame pointer (negative: locals and temporaries;
/// positive: the caller's argument area).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Slot(pub i32);

/// A 32-bit immediate (sign-extended where the operation is 64-bit).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Imm(pub i32);

/// A 64-bit immediate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Imm64(pub u64);

/// A jump target. In text it is an address; in the decoded program, an instruction index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Target(pub u32);

/// A function's entry point. In text it is an address; decoded, an instruction index.
/// (During code generation it is a function number, until the linker places functions.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Func(pub u32);

/// An absolute data address (a global, a string literal).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Addr(pub u32);

/// A library function implemented by the VM.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Builtin(pub u32);

/// A byte count (block moves, frame sizes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Size(pub u32);

/// A 16-bit immediate (superinstructions fit it beside three 32-bit operands).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Small(pub i16);

/// A frame slot whose offset fits 16 bits (superinstructions fit it beside three 32-bit
/// operands). Formed only by the loader from slots already checked against their frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NearSlot(pub i16);

impl NearSlot {
    pub fn slot(self) -> Slot {
        Slot(self.0 as i32)
    }
}

/// An element size for scaled indexing (up to 64 KiB: larger elements use a multiply).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scale(pub u16);

/// Reads operands out of encoded bytes.
pub struct Reader<'a> {
    pub bytes: &'a [u8],
    pub pos: usize,
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let b = self.bytes.get(self.pos..self.pos + N)?;
        self.pos += N;
        b.try_into().ok()
    }
}

/// What every operand kind provides to the op table.
pub trait OperandKind: Sized + Copy {
    fn encode(self, out: &mut Vec<u8>);
    fn decode(r: &mut Reader) -> Option<Self>;
    /// Lets a visitor see (and rewrite) operands by kind.
    fn visit(&mut self, v: &mut dyn Visitor);
}

/// Rewrites or inspects operands of one kind; the defaults leave everything alone.
pub trait Visitor {
    fn slot(&mut self, _: &mut Slot) {}
    fn target(&mut self, _: &mut Target) {}
    fn func(&mut self, _: &mut Func) {}
    fn addr(&mut self, _: &mut Addr) {}
    fn other(&mut self, _: Operand) {}
}

/// Any operand, for printing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    Slot(Slot),
    Imm(Imm),
    Imm64(Imm64),
    Target(Target),
    Func(Func),
    Addr(Addr),
    Builtin(Builtin),
    Size(Size),
    Small(Small),
    NearSlot(NearSlot),
    Scale(Scale),
}

macro_rules! fixed_operand {
    ($ty:ident, $inner:ty, $visit:ident) => {
        impl OperandKind for $ty {
            fn encode(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.0.to_le_bytes());
            }
            fn decode(r: &mut Reader) -> Option<Self> {
                Some($ty(<$inner>::from_le_bytes(r.take()?)))
            }
            fn visit(&mut self, v: &mut dyn Visitor) {
                fixed_operand!(@visit self, v, $visit, $ty);
            }
        }
        impl From<$ty> for Operand {
            fn from(x: $ty) -> Operand {
                Operand::$ty(x)
            }
        }
    };
    (@visit $self:ident, $v:ident, slot, $ty:ident) => { $v.slot($self) };
    (@visit $self:ident, $v:ident, target, $ty:ident) => { $v.target($self) };
    (@visit $self:ident, $v:ident, func, $ty:ident) => { $v.func($self) };
    (@visit $self:ident, $v:ident, addr, $ty:ident) => { $v.addr($self) };
    (@visit $self:ident, $v:ident, other, $ty:ident) => { $v.other(Operand::$ty(*$self)) };
}

fixed_operand!(Slot, i32, slot);
fixed_operand!(Imm, i32, other);
fixed_operand!(Imm64, u64, other);
fixed_operand!(Target, u32, target);
fixed_operand!(Func, u32, func);
fixed_operand!(Addr, u32, addr);
fixed_operand!(Builtin, u32, other);
fixed_operand!(Size, u32, other);
fixed_operand!(Small, i16, other);
fixed_operand!(NearSlot, i16, other);
fixed_operand!(Scale, u16, other);
