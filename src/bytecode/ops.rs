//! The instruction set, described once. Encoder, decoder, disassembler and operand
//! rewriting are generated from this table; the VM's dispatch follows it arm by arm.
//!
//! ```text
//! encoding:  | opcode: u8 | operand | operand | ... |     operands little-endian:
//!            slot i32, imm i32, imm64 u64, target/func/addr u32 (addresses), size u32
//! notation:  s32[a]  the 4 bytes at frame pointer + a      m32[x]  the 4 bytes at address x
//!            fp, sp  frame and stack pointer               pc      the next instruction
//! ```
//!
//! Every value of a C type occupies exactly its size at its slot; an operation reads and
//! writes its own width. Loads and stores through pointers are checked against segment
//! permissions; frame slots are inside the current frame by construction.

use super::operand::*;

macro_rules! ops {
    ($( $(#[doc = $doc:literal])* $name:ident = $mnemonic:literal { $($field:ident: $kind:ident),* } )*) => {
        /// One instruction.
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub enum Op {
            $( $(#[doc = $doc])* $name { $($field: $kind),* }, )*
        }

        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy)]
        #[repr(u8)]
        enum Code { $($name,)* }

        /// Every mnemonic with its meaning, for documentation and `--help`.
        pub const OP_DOCS: &[(&str, &str)] = &[ $( ($mnemonic, concat!($($doc),*)), )* ];

        impl Op {
            pub fn mnemonic(&self) -> &'static str {
                match self { $( Op::$name { .. } => $mnemonic, )* }
            }

            /// The operands in order, for printing.
            pub fn operands(&self) -> Vec<Operand> {
                match *self { $( Op::$name { $($field),* } => vec![$(Operand::from($field)),*], )* }
            }

            pub fn encode(&self, out: &mut Vec<u8>) {
                match *self {
                    $( Op::$name { $($field),* } => {
                        out.push(Code::$name as u8);
                        $( $field.encode(out); )*
                    } )*
                }
            }

            /// Decodes one instruction; `None` if the bytes are not a whole instruction.
            pub fn decode(bytes: &[u8]) -> Option<(Op, usize)> {
                let (&code, _) = bytes.split_first()?;
                let mut r = Reader { bytes, pos: 1 };
                let op = $( if code == Code::$name as u8 {
                    Op::$name { $($field: $kind::decode(&mut r)?),* }
                } else )* { return None };
                Some((op, r.pos))
            }

            /// Shows every operand to a visitor, which may rewrite it.
            pub fn visit(&mut self, v: &mut dyn Visitor) {
                match self { $( Op::$name { $($field),* } => { $( $field.visit(v); )* } )* }
            }
        }
    };
}

ops! {
    /// no operation
    Nop = "nop" {}
    /// s8[d] = s8[a]
    Mov8 = "mov8" { d: Slot, a: Slot }
    /// s16[d] = s16[a]
    Mov16 = "mov16" { d: Slot, a: Slot }
    /// s32[d] = s32[a]
    Mov32 = "mov32" { d: Slot, a: Slot }
    /// s64[d] = s64[a]
    Mov64 = "mov64" { d: Slot, a: Slot }
    /// s[d .. d+n] = s[a .. a+n]
    MovN = "movn" { d: Slot, a: Slot, n: Size }
    /// s[d .. d+n] = 0
    ZeroN = "zeron" { d: Slot, n: Size }
    /// s32[d] = imm
    Const32 = "const32" { d: Slot, imm: Imm }
    /// s64[d] = imm
    Const64 = "const64" { d: Slot, imm: Imm64 }
    /// s64[d] = fp + a (the address of a frame slot)
    Lea = "lea" { d: Slot, a: Slot }
    /// s64[d] = addr (the address of a global, string literal or function)
    AddrOf = "addr" { d: Slot, addr: Addr }
    /// s64[d] = s64[p] + sign-extend(s32[i]) * scale (the address of element i)
    LeaXS32 = "leaxs32" { d: Slot, p: Slot, i: Slot, scale: Scale }
    /// s64[d] = s64[p] + zero-extend(s32[i]) * scale
    LeaXU32 = "leaxu32" { d: Slot, p: Slot, i: Slot, scale: Scale }
    /// s64[d] = s64[p] + s64[i] * scale
    LeaX64 = "leax64" { d: Slot, p: Slot, i: Slot, scale: Scale }

    /// s32[d] = sign-extend(m8[s64[p] + off])
    Ld8s = "ld8s" { d: Slot, p: Slot, off: Imm }
    /// s32[d] = zero-extend(m8[s64[p] + off])
    Ld8u = "ld8u" { d: Slot, p: Slot, off: Imm }
    /// s32[d] = sign-extend(m16[s64[p] + off])
    Ld16s = "ld16s" { d: Slot, p: Slot, off: Imm }
    /// s32[d] = zero-extend(m16[s64[p] + off])
    Ld16u = "ld16u" { d: Slot, p: Slot, off: Imm }
    /// s32[d] = m32[s64[p] + off]
    Ld32 = "ld32" { d: Slot, p: Slot, off: Imm }
    /// s64[d] = m64[s64[p] + off]
    Ld64 = "ld64" { d: Slot, p: Slot, off: Imm }
    /// m8[s64[p] + off] = s8[a]
    St8 = "st8" { p: Slot, off: Imm, a: Slot }
    /// m16[s64[p] + off] = s16[a]
    St16 = "st16" { p: Slot, off: Imm, a: Slot }
    /// m32[s64[p] + off] = s32[a]
    St32 = "st32" { p: Slot, off: Imm, a: Slot }
    /// m64[s64[p] + off] = s64[a]
    St64 = "st64" { p: Slot, off: Imm, a: Slot }
    /// s32[d] = sign-extend(m8[s64[p] + s32[i]]) (a signed 32-bit index)
    LdX8s = "ldx8s" { d: Slot, p: Slot, i: Slot }
    /// s32[d] = zero-extend(m8[s64[p] + s32[i]]) (a signed 32-bit index)
    LdX8u = "ldx8u" { d: Slot, p: Slot, i: Slot }
    /// s32[d] = sign-extend(m16[s64[p] + 2 * s32[i]]) (a signed 32-bit index)
    LdX16s = "ldx16s" { d: Slot, p: Slot, i: Slot }
    /// s32[d] = zero-extend(m16[s64[p] + 2 * s32[i]]) (a signed 32-bit index)
    LdX16u = "ldx16u" { d: Slot, p: Slot, i: Slot }
    /// s32[d] = m32[s64[p] + 4 * s32[i]] (a signed 32-bit index)
    LdX32 = "ldx32" { d: Slot, p: Slot, i: Slot }
    /// s64[d] = m64[s64[p] + 8 * s32[i]] (a signed 32-bit index)
    LdX64 = "ldx64" { d: Slot, p: Slot, i: Slot }
    /// m8[s64[p] + s32[i]] = s8[a] (a signed 32-bit index)
    StX8 = "stx8" { p: Slot, i: Slot, a: Slot }
    /// m16[s64[p] + 2 * s32[i]] = s16[a] (a signed 32-bit index)
    StX16 = "stx16" { p: Slot, i: Slot, a: Slot }
    /// m32[s64[p] + 4 * s32[i]] = s32[a] (a signed 32-bit index)
    StX32 = "stx32" { p: Slot, i: Slot, a: Slot }
    /// m64[s64[p] + 8 * s32[i]] = s64[a] (a signed 32-bit index)
    StX64 = "stx64" { p: Slot, i: Slot, a: Slot }
    /// s[d .. d+n] = m[s64[p] .. +n] (a struct read into the frame)
    LdN = "ldn" { d: Slot, p: Slot, n: Size }
    /// m[s64[p] .. +n] = s[a .. a+n] (a struct written from the frame)
    StN = "stn" { p: Slot, a: Slot, n: Size }
    /// m[s64[d] .. +n] = m[s64[a] .. +n], as memmove
    CopyMem = "copymem" { d: Slot, a: Slot, n: Size }
    /// m[s64[p] .. +n] = 0
    ZeroMem = "zeromem" { p: Slot, n: Size }
    /// s32[d] = sign-extend(m8[addr])
    Ldg8s = "ldg8s" { d: Slot, addr: Addr }
    /// s32[d] = zero-extend(m8[addr])
    Ldg8u = "ldg8u" { d: Slot, addr: Addr }
    /// s32[d] = sign-extend(m16[addr])
    Ldg16s = "ldg16s" { d: Slot, addr: Addr }
    /// s32[d] = zero-extend(m16[addr])
    Ldg16u = "ldg16u" { d: Slot, addr: Addr }
    /// s32[d] = m32[addr]
    Ldg32 = "ldg32" { d: Slot, addr: Addr }
    /// s64[d] = m64[addr]
    Ldg64 = "ldg64" { d: Slot, addr: Addr }
    /// m8[addr] = s8[a]
    Stg8 = "stg8" { addr: Addr, a: Slot }
    /// m16[addr] = s16[a]
    Stg16 = "stg16" { addr: Addr, a: Slot }
    /// m32[addr] = s32[a]
    Stg32 = "stg32" { addr: Addr, a: Slot }
    /// m64[addr] = s64[a]
    Stg64 = "stg64" { addr: Addr, a: Slot }

    /// s32[d] = s32[a] + s32[b] (wrapping)
    Add32 = "add32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] - s32[b]
    Sub32 = "sub32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] * s32[b]
    Mul32 = "mul32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] / s32[b], signed (traps on zero)
    DivS32 = "divs32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] / s32[b], unsigned
    DivU32 = "divu32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] % s32[b], signed
    RemS32 = "rems32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] % s32[b], unsigned
    RemU32 = "remu32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] & s32[b]
    And32 = "and32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] | s32[b]
    Or32 = "or32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] ^ s32[b]
    Xor32 = "xor32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] << (s32[b] & 31)
    Shl32 = "shl32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] >> (s32[b] & 31), arithmetic
    ShrS32 = "shrs32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] >> (s32[b] & 31), logical
    ShrU32 = "shru32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] + imm
    AddI32 = "addi32" { d: Slot, a: Slot, imm: Imm }
    /// s32[d] = s32[a] * imm
    MulI32 = "muli32" { d: Slot, a: Slot, imm: Imm }
    /// s32[d] = s32[a] & imm
    AndI32 = "andi32" { d: Slot, a: Slot, imm: Imm }
    /// s32[d] = s32[a] | imm
    OrI32 = "ori32" { d: Slot, a: Slot, imm: Imm }
    /// s32[d] = s32[a] ^ imm
    XorI32 = "xori32" { d: Slot, a: Slot, imm: Imm }
    /// s32[d] = s32[a] << (imm & 31)
    ShlI32 = "shli32" { d: Slot, a: Slot, imm: Imm }
    /// s32[d] = s32[a] >> (imm & 31), arithmetic
    ShrSI32 = "shrsi32" { d: Slot, a: Slot, imm: Imm }
    /// s32[d] = s32[a] >> (imm & 31), logical
    ShrUI32 = "shrui32" { d: Slot, a: Slot, imm: Imm }
    /// s32[d] = -s32[a]
    Neg32 = "neg32" { d: Slot, a: Slot }
    /// s32[d] = ~s32[a]
    Not32 = "not32" { d: Slot, a: Slot }
    /// s64[d] = s64[a] + s64[b]
    Add64 = "add64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] - s64[b]
    Sub64 = "sub64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] * s64[b]
    Mul64 = "mul64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] / s64[b], signed
    DivS64 = "divs64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] / s64[b], unsigned
    DivU64 = "divu64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] % s64[b], signed
    RemS64 = "rems64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] % s64[b], unsigned
    RemU64 = "remu64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] & s64[b]
    And64 = "and64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] | s64[b]
    Or64 = "or64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] ^ s64[b]
    Xor64 = "xor64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] << (s64[b] & 63)
    Shl64 = "shl64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] >> (s64[b] & 63), arithmetic
    ShrS64 = "shrs64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] >> (s64[b] & 63), logical
    ShrU64 = "shru64" { d: Slot, a: Slot, b: Slot }
    /// s64[d] = s64[a] + sign-extend(imm)
    AddI64 = "addi64" { d: Slot, a: Slot, imm: Imm }
    /// s64[d] = s64[a] * sign-extend(imm)
    MulI64 = "muli64" { d: Slot, a: Slot, imm: Imm }
    /// s64[d] = s64[a] & sign-extend(imm)
    AndI64 = "andi64" { d: Slot, a: Slot, imm: Imm }
    /// s64[d] = s64[a] | sign-extend(imm)
    OrI64 = "ori64" { d: Slot, a: Slot, imm: Imm }
    /// s64[d] = s64[a] ^ sign-extend(imm)
    XorI64 = "xori64" { d: Slot, a: Slot, imm: Imm }
    /// s64[d] = s64[a] << (imm & 63)
    ShlI64 = "shli64" { d: Slot, a: Slot, imm: Imm }
    /// s64[d] = s64[a] >> (imm & 63), arithmetic
    ShrSI64 = "shrsi64" { d: Slot, a: Slot, imm: Imm }
    /// s64[d] = s64[a] >> (imm & 63), logical
    ShrUI64 = "shrui64" { d: Slot, a: Slot, imm: Imm }
    /// s64[d] = -s64[a]
    Neg64 = "neg64" { d: Slot, a: Slot }
    /// s64[d] = ~s64[a]
    Not64 = "not64" { d: Slot, a: Slot }

    /// s32[d] = s32[a] == s32[b]
    Eq32 = "eq32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] != s32[b]
    Ne32 = "ne32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] < s32[b], signed
    LtS32 = "lts32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] <= s32[b], signed
    LeS32 = "les32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] < s32[b], unsigned
    LtU32 = "ltu32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] <= s32[b], unsigned
    LeU32 = "leu32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s64[a] == s64[b]
    Eq64 = "eq64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s64[a] != s64[b]
    Ne64 = "ne64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s64[a] < s64[b], signed
    LtS64 = "lts64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s64[a] <= s64[b], signed
    LeS64 = "les64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s64[a] < s64[b], unsigned
    LtU64 = "ltu64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s64[a] <= s64[b], unsigned
    LeU64 = "leu64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = s32[a] == 0
    LNot32 = "lnot32" { d: Slot, a: Slot }
    /// s32[d] = s64[a] == 0
    LNot64 = "lnot64" { d: Slot, a: Slot }

    /// f64[d] = f64[a] + f64[b]
    AddF64 = "addf64" { d: Slot, a: Slot, b: Slot }
    /// f64[d] = f64[a] - f64[b]
    SubF64 = "subf64" { d: Slot, a: Slot, b: Slot }
    /// f64[d] = f64[a] * f64[b]
    MulF64 = "mulf64" { d: Slot, a: Slot, b: Slot }
    /// f64[d] = f64[a] / f64[b]
    DivF64 = "divf64" { d: Slot, a: Slot, b: Slot }
    /// f64[d] = -f64[a]
    NegF64 = "negf64" { d: Slot, a: Slot }
    /// f32[d] = f32[a] + f32[b]
    AddF32 = "addf32" { d: Slot, a: Slot, b: Slot }
    /// f32[d] = f32[a] - f32[b]
    SubF32 = "subf32" { d: Slot, a: Slot, b: Slot }
    /// f32[d] = f32[a] * f32[b]
    MulF32 = "mulf32" { d: Slot, a: Slot, b: Slot }
    /// f32[d] = f32[a] / f32[b]
    DivF32 = "divf32" { d: Slot, a: Slot, b: Slot }
    /// f32[d] = -f32[a]
    NegF32 = "negf32" { d: Slot, a: Slot }
    /// s32[d] = f64[a] == f64[b]
    EqF64 = "eqf64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = f64[a] != f64[b] (true for NaN)
    NeF64 = "nef64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = f64[a] < f64[b]
    LtF64 = "ltf64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = f64[a] <= f64[b]
    LeF64 = "lef64" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = f32[a] == f32[b]
    EqF32 = "eqf32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = f32[a] != f32[b]
    NeF32 = "nef32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = f32[a] < f32[b]
    LtF32 = "ltf32" { d: Slot, a: Slot, b: Slot }
    /// s32[d] = f32[a] <= f32[b]
    LeF32 = "lef32" { d: Slot, a: Slot, b: Slot }

    /// s32[d] = sign-extend(s8[a])
    Sext8 = "sext8" { d: Slot, a: Slot }
    /// s32[d] = zero-extend(s8[a])
    Zext8 = "zext8" { d: Slot, a: Slot }
    /// s32[d] = sign-extend(s16[a])
    Sext16 = "sext16" { d: Slot, a: Slot }
    /// s32[d] = zero-extend(s16[a])
    Zext16 = "zext16" { d: Slot, a: Slot }
    /// s64[d] = sign-extend(s32[a])
    Sext32 = "sext32" { d: Slot, a: Slot }
    /// s64[d] = zero-extend(s32[a])
    Zext32 = "zext32" { d: Slot, a: Slot }
    /// s8[d] = s32[a] != 0 (conversion to _Bool)
    Bool32 = "bool32" { d: Slot, a: Slot }
    /// s8[d] = s64[a] != 0
    Bool64 = "bool64" { d: Slot, a: Slot }
    /// s8[d] = f64[a] != 0
    BoolF64 = "boolf64" { d: Slot, a: Slot }
    /// f64[d] = (double) signed s32[a]
    I32ToF64 = "i32tof64" { d: Slot, a: Slot }
    /// f64[d] = (double) unsigned s32[a]
    U32ToF64 = "u32tof64" { d: Slot, a: Slot }
    /// f64[d] = (double) signed s64[a]
    I64ToF64 = "i64tof64" { d: Slot, a: Slot }
    /// f64[d] = (double) unsigned s64[a]
    U64ToF64 = "u64tof64" { d: Slot, a: Slot }
    /// f32[d] = (float) signed s32[a]
    I32ToF32 = "i32tof32" { d: Slot, a: Slot }
    /// f32[d] = (float) unsigned s32[a]
    U32ToF32 = "u32tof32" { d: Slot, a: Slot }
    /// f32[d] = (float) signed s64[a]
    I64ToF32 = "i64tof32" { d: Slot, a: Slot }
    /// f32[d] = (float) unsigned s64[a]
    U64ToF32 = "u64tof32" { d: Slot, a: Slot }
    /// s32[d] = (int) f64[a], truncating
    F64ToI32 = "f64toi32" { d: Slot, a: Slot }
    /// s32[d] = (unsigned) f64[a]
    F64ToU32 = "f64tou32" { d: Slot, a: Slot }
    /// s64[d] = (long) f64[a]
    F64ToI64 = "f64toi64" { d: Slot, a: Slot }
    /// s64[d] = (unsigned long) f64[a]
    F64ToU64 = "f64tou64" { d: Slot, a: Slot }
    /// f64[d] = f32[a]
    F32ToF64 = "f32tof64" { d: Slot, a: Slot }
    /// f32[d] = f64[a], rounded
    F64ToF32 = "f64tof32" { d: Slot, a: Slot }

    /// pc = t
    Jmp = "jmp" { t: Target }
    /// if s32[a] == 0: pc = t
    Jz32 = "jz32" { a: Slot, t: Target }
    /// if s32[a] != 0: pc = t
    Jnz32 = "jnz32" { a: Slot, t: Target }
    /// if s64[a] == 0: pc = t
    Jz64 = "jz64" { a: Slot, t: Target }
    /// if s64[a] != 0: pc = t
    Jnz64 = "jnz64" { a: Slot, t: Target }
    /// if s32[a] == s32[b]: pc = t
    JEq32 = "jeq32" { a: Slot, b: Slot, t: Target }
    /// if s32[a] != s32[b]: pc = t
    JNe32 = "jne32" { a: Slot, b: Slot, t: Target }
    /// if s32[a] < s32[b], signed: pc = t
    JLtS32 = "jlts32" { a: Slot, b: Slot, t: Target }
    /// if s32[a] <= s32[b], signed: pc = t
    JLeS32 = "jles32" { a: Slot, b: Slot, t: Target }
    /// if s32[a] < s32[b], unsigned: pc = t
    JLtU32 = "jltu32" { a: Slot, b: Slot, t: Target }
    /// if s32[a] <= s32[b], unsigned: pc = t
    JLeU32 = "jleu32" { a: Slot, b: Slot, t: Target }
    /// if s64[a] == s64[b]: pc = t
    JEq64 = "jeq64" { a: Slot, b: Slot, t: Target }
    /// if s64[a] != s64[b]: pc = t
    JNe64 = "jne64" { a: Slot, b: Slot, t: Target }
    /// if s64[a] < s64[b], signed: pc = t
    JLtS64 = "jlts64" { a: Slot, b: Slot, t: Target }
    /// if s64[a] <= s64[b], signed: pc = t
    JLeS64 = "jles64" { a: Slot, b: Slot, t: Target }
    /// if s64[a] < s64[b], unsigned: pc = t
    JLtU64 = "jltu64" { a: Slot, b: Slot, t: Target }
    /// if s64[a] <= s64[b], unsigned: pc = t
    JLeU64 = "jleu64" { a: Slot, b: Slot, t: Target }
    /// if s32[a] == imm: pc = t (a switch case)
    JEqI32 = "jeqi32" { a: Slot, imm: Imm, t: Target }

    /// if s32[a] != imm: pc = t
    JNeI32 = "jnei32" { a: Slot, imm: Imm, t: Target }
    /// if s32[a] < imm, signed: pc = t
    JLtSI32 = "jltsi32" { a: Slot, imm: Imm, t: Target }
    /// if s32[a] <= imm, signed: pc = t
    JLeSI32 = "jlesi32" { a: Slot, imm: Imm, t: Target }
    /// if s32[a] > imm, signed: pc = t
    JGtSI32 = "jgtsi32" { a: Slot, imm: Imm, t: Target }
    /// if s32[a] >= imm, signed: pc = t
    JGeSI32 = "jgesi32" { a: Slot, imm: Imm, t: Target }
    /// if s32[a] < imm, unsigned: pc = t
    JLtUI32 = "jltui32" { a: Slot, imm: Imm, t: Target }
    /// if s32[a] <= imm, unsigned: pc = t
    JLeUI32 = "jleui32" { a: Slot, imm: Imm, t: Target }
    /// if s32[a] > imm, unsigned: pc = t
    JGtUI32 = "jgtui32" { a: Slot, imm: Imm, t: Target }
    /// if s32[a] >= imm, unsigned: pc = t
    JGeUI32 = "jgeui32" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] == sign-extend(imm): pc = t
    JEqI64 = "jeqi64" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] != sign-extend(imm): pc = t
    JNeI64 = "jnei64" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] < sign-extend(imm), signed: pc = t
    JLtSI64 = "jltsi64" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] <= sign-extend(imm), signed: pc = t
    JLeSI64 = "jlesi64" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] > sign-extend(imm), signed: pc = t
    JGtSI64 = "jgtsi64" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] >= sign-extend(imm), signed: pc = t
    JGeSI64 = "jgesi64" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] < sign-extend(imm), unsigned: pc = t
    JLtUI64 = "jltui64" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] <= sign-extend(imm), unsigned: pc = t
    JLeUI64 = "jleui64" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] > sign-extend(imm), unsigned: pc = t
    JGtUI64 = "jgtui64" { a: Slot, imm: Imm, t: Target }
    /// if s64[a] >= sign-extend(imm), unsigned: pc = t
    JGeUI64 = "jgeui64" { a: Slot, imm: Imm, t: Target }
    /// m64[sp-8] = pc (return address); m64[sp-16] = fp; fp = sp - 16; pc = f
    Call = "call" { f: Func }
    /// as call, to the function whose text address is s64[a]
    CallInd = "callind" { a: Slot }
    /// run library function b on the arguments at m[sp ..]; its result goes to m[sp]
    CallB = "callb" { b: Builtin }
    /// sp = fp - n; stack overflow if sp falls below the break. The function touches
    /// frame slots from fp-n up to fp+up (its arguments end there).
    Enter = "enter" { n: Size, up: Size }
    /// sp = fp + 16; pc = m64[fp+8]; fp = m64[fp]
    Ret = "ret" {}
    /// run library function b on this frame's arguments (m[fp+16 ..]), result to m[fp+16]; then ret
    TailB = "tailb" { b: Builtin }
    /// m32[fp+16] = s32[a]; then ret
    Ret32 = "ret32" { a: Slot }
    /// m64[fp+16] = s64[a]; then ret
    Ret64 = "ret64" { a: Slot }
    /// end the program with exit status s32[a]
    Exit = "exit" { a: Slot }
    /// fault: execution reached code that must not run (past the end of text)
    Trap = "trap" {}

    // Superinstructions. The loader forms them from a pair of the instructions above (see
    // `vm::fuse`); they never appear in text. Each stands where the first of its pair
    // stood, does what both would do, and continues after the second. Each is named after
    // its pair, `first+second` (the loader relies on the `+`).

    /// s32[a] += inc; then as jltsi32
    IncJLtSI32 = "addi32+jltsi32" { a: Slot, inc: Small, imm: Imm, t: Target }
    /// s32[a] += inc; then as jlesi32
    IncJLeSI32 = "addi32+jlesi32" { a: Slot, inc: Small, imm: Imm, t: Target }
    /// s32[a] += inc; then as jgtsi32
    IncJGtSI32 = "addi32+jgtsi32" { a: Slot, inc: Small, imm: Imm, t: Target }
    /// s32[a] += inc; then as jgesi32
    IncJGeSI32 = "addi32+jgesi32" { a: Slot, inc: Small, imm: Imm, t: Target }
    /// s32[a] += inc; then as jnei32
    IncJNeI32 = "addi32+jnei32" { a: Slot, inc: Small, imm: Imm, t: Target }
    /// s32[a] += inc; then as jlts32
    IncJLtS32 = "addi32+jlts32" { a: Slot, inc: Small, b: Slot, t: Target }
    /// s32[a] += inc; then as jles32
    IncJLeS32 = "addi32+jles32" { a: Slot, inc: Small, b: Slot, t: Target }
    /// s32[a] += inc; then as jne32
    IncJNe32 = "addi32+jne32" { a: Slot, inc: Small, b: Slot, t: Target }
    /// s64[a] += inc; then as jltu64
    IncJLtU64 = "addi64+jltu64" { a: Slot, inc: Small, b: Slot, t: Target }
    /// s64[a] += inc; then as jlts64
    IncJLtS64 = "addi64+jlts64" { a: Slot, inc: Small, b: Slot, t: Target }
    /// s32[a] += s32[by]; then as jltsi32
    AddJLtSI32 = "add32+jltsi32" { a: Slot, by: NearSlot, imm: Imm, t: Target }
    /// s32[a] += s32[by]; then as jlesi32
    AddJLeSI32 = "add32+jlesi32" { a: Slot, by: NearSlot, imm: Imm, t: Target }
    /// s32[a] += s32[by]; then as jgtsi32
    AddJGtSI32 = "add32+jgtsi32" { a: Slot, by: NearSlot, imm: Imm, t: Target }
    /// s32[a] += s32[by]; then as jgesi32
    AddJGeSI32 = "add32+jgesi32" { a: Slot, by: NearSlot, imm: Imm, t: Target }
    /// as call, then as the `enter n, up` that is the first instruction of f (and
    /// continues after it)
    CallEnter = "call+enter" { f: Func, n: Size, up: Size }
}

impl Op {
    /// Encoded length in bytes.
    pub fn encoded_len(&self) -> usize {
        let mut out = Vec::with_capacity(16);
        self.encode(&mut out);
        out.len()
    }

    /// The targets this instruction may jump to (besides falling through).
    pub fn jump_target(&self) -> Option<Target> {
        struct Find(Option<Target>);
        impl Visitor for Find {
            fn target(&mut self, t: &mut Target) {
                self.0 = Some(*t);
            }
        }
        let mut f = Find(None);
        let mut copy = *self;
        copy.visit(&mut f);
        f.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instruction_fits_sixteen_bytes() {
        // The dispatch loop fetches one instruction per step: keep them small.
        assert_eq!(std::mem::size_of::<Op>(), 16);
    }

    #[test]
    fn every_op_round_trips_through_bytes() {
        let samples = [
            Op::Nop {},
            Op::Add32 {
                d: Slot(-8),
                a: Slot(-16),
                b: Slot(24),
            },
            Op::Const64 {
                d: Slot(-8),
                imm: Imm64(u64::MAX),
            },
            Op::JEqI32 {
                a: Slot(-4),
                imm: Imm(-7),
                t: Target(0x1234),
            },
            Op::Call { f: Func(0x1000) },
            Op::Ret {},
        ];
        for op in samples {
            let mut bytes = Vec::new();
            op.encode(&mut bytes);
            assert_eq!(Op::decode(&bytes), Some((op, bytes.len())));
            assert_eq!(op.encoded_len(), bytes.len());
        }
    }

    #[test]
    fn truncated_bytes_do_not_decode() {
        let mut bytes = Vec::new();
        Op::Add32 {
            d: Slot(1),
            a: Slot(2),
            b: Slot(3),
        }
        .encode(&mut bytes);
        assert_eq!(Op::decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Op::decode(&[0xff]), None);
    }

    #[test]
    fn every_op_is_documented() {
        assert!(OP_DOCS.iter().all(|(_, doc)| !doc.trim().is_empty()));
        assert!(OP_DOCS.len() < 256, "opcodes are one byte");
    }
}
