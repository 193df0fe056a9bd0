//! Code for one function: frame layout, expressions and branches.
//!
//! Frame layout (addresses grow up; the stack grows down):
//!
//! ```text
//!   fp+16+...  arguments: the caller's outgoing area, one 8-byte slot each (structs: their
//!              size rounded up); the return value is written back at fp+16
//!   fp+8       return address (a text address)
//!   fp+0       saved frame pointer of the caller
//!   fp-L ..    locals (L bytes)
//!   .. -L-T    temporaries (T bytes at most)
//!   sp ..      outgoing arguments of calls this function makes (sp = fp - frame size)
//! ```
//!
//! Locals and temporaries are operands of instructions directly (three-address code over
//! frame slots); only objects reached through pointers are loaded and stored.

mod ilp32;

use super::REDZONE;
use crate::bytecode::*;
use crate::frontend::typed::*;
use crate::frontend::types::{FloatKind, IntKind, Type, TypeKind, Types};
use crate::source::Span;
use std::collections::BTreeSet;

/// Slot numbers at and above this are offsets into the outgoing-argument area, whose
/// place is known only when the frame size is.
const OUT_BASE: i32 = 1 << 30;
/// Slot numbers from here up to `OUT_BASE` are pool slots (see [`Pooled`]), placed below
/// the temporaries when the frame size is known.
const POOL_BASE: i32 = 1 << 29;

/// A value the function's prologue computes once into a slot of its own, because a loop
/// uses it: a global's address or a constant, which would otherwise cost an instruction
/// on every iteration.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Pooled {
    Word { bits: u64, wide: bool },
    Addr(Symbol, i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Label(pub u32);

/// Where an object lives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Place {
    /// In the frame, at fp + offset.
    Frame(Slot),
    /// At the address held in a slot, plus an offset.
    Mem(Slot, i32),
    /// At a symbol's address plus an offset.
    Static(Symbol, i32),
    /// An array element: at the address in the first slot plus the (signed 32-bit) index in
    /// the second times the scale, which is the element's size.
    Index(Slot, Slot, u8),
}

/// Where a value should go.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Dst {
    /// Anywhere: a temporary, or the slot of a variable that already holds it.
    Any,
    To(Slot),
}

/// How a value of a type is moved around.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Width {
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    /// A struct or union of this many bytes.
    Block(u32),
    Void,
}

pub(super) struct FuncGen<'p> {
    pub types: &'p Types,
    pub ops: Vec<Op>,
    pub spans: Vec<Span>,
    pub span: Span,
    local_slots: Vec<Slot>,
    locals_size: i32,
    temp_depth: i32,
    temp_max: i32,
    out_max: u32,
    labels: Vec<Option<u32>>,
    pub c_labels: Vec<Label>,
    /// Targets of `break` and `continue` (continue is `None` inside a switch).
    pub jumps: Vec<(Label, Option<Label>)>,
    olds: Vec<Slot>,
    /// Instructions whose address operand is a symbol's address plus an addend.
    pub relocs: Vec<(usize, Symbol, i64)>,
    /// Functions this one calls or takes the address of.
    pub referenced: BTreeSet<FuncId>,
    /// Where a struct-returning function finds the caller's result buffer.
    pub ret_ptr: Option<Slot>,
    pub arg_bytes: u32,
    pub library: &'p dyn Fn(FuncId) -> Option<Lib>,
    /// `--check`: red zones between locals (offset from fp, length).
    pub redzones: Vec<(i32, u32)>,
    /// Loops around the code being generated.
    pub loop_depth: u32,
    pool: Vec<Pooled>,
}

/// Bytes an argument of this size takes in the argument area.
pub(super) fn arg_slot(size: u64) -> u32 {
    size.max(1).next_multiple_of(8) as u32
}

impl<'p> FuncGen<'p> {
    pub fn new(
        prog: &'p Program,
        body: &Body,
        ret: &Type,
        library: &'p dyn Fn(FuncId) -> Option<Lib>,
        check: bool,
    ) -> Self {
        let types = &prog.types;
        let mut local_slots = vec![Slot(0); body.locals.len()];
        // Parameters sit in the caller's argument area, above the return address.
        let mut arg = 16i32;
        let struct_ret = ret.is_record();
        let ret_ptr = struct_ret.then_some(Slot(16));
        if struct_ret {
            arg += 8;
        }
        for &p in &body.params {
            local_slots[p.0 as usize] = Slot(arg);
            let size = types.size_of(&body.locals[p.0 as usize].ty).unwrap_or(8);
            arg += arg_slot(size) as i32;
        }
        let mut cursor = 0i64;
        let mut redzones = Vec::new();
        for (i, local) in body.locals.iter().enumerate() {
            if body.params.contains(&LocalId(i as u32)) {
                continue;
            }
            let size = types.size_of(&local.ty).unwrap_or(0).max(1) as i64;
            let align = types.align_of(&local.ty).max(1) as i64;
            // With --check, arrays and structs sit between red zones: an access running off
            // either end lands in poisoned bytes.
            let zoned = check && (local.ty.is_array() || local.ty.is_record());
            if zoned {
                cursor = align_up(cursor + REDZONE as i64, 8);
                redzones.push((-(cursor as i32), REDZONE as u32));
            }
            cursor = align_up(cursor + size, align);
            local_slots[i] = Slot(-(cursor as i32));
            if zoned {
                cursor = align_up(cursor + REDZONE as i64, 8);
                redzones.push((-(cursor as i32), REDZONE as u32));
            }
        }
        FuncGen {
            types,
            ops: Vec::new(),
            spans: Vec::new(),
            span: Span::default(),
            local_slots,
            locals_size: align_up(cursor, 8) as i32,
            temp_depth: 0,
            temp_max: 0,
            out_max: 8,
            labels: Vec::new(),
            c_labels: Vec::new(),
            jumps: Vec::new(),
            olds: Vec::new(),
            relocs: Vec::new(),
            referenced: BTreeSet::new(),
            ret_ptr,
            arg_bytes: (arg - 16) as u32,
            library,
            redzones,
            loop_depth: 0,
            pool: Vec::new(),
        }
    }

    pub fn local_slot(&self, id: LocalId) -> Slot {
        self.local_slots[id.0 as usize]
    }

    // ---- emission -------------------------------------------------------------------

    pub fn emit(&mut self, op: Op) {
        self.ops.push(op);
        self.spans.push(self.span);
    }

    fn emit_reloc(&mut self, op: Op, sym: Symbol, addend: i64) {
        self.relocs.push((self.ops.len(), sym, addend));
        if let Symbol::Func(f) = sym {
            self.referenced.insert(f);
        }
        self.emit(op);
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn place_label(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.ops.len() as u32);
    }

    /// Some label marks the position after the last instruction.
    pub fn label_at_end(&self) -> bool {
        self.labels.contains(&Some(self.ops.len() as u32))
    }

    pub fn jump(&mut self, l: Label) {
        self.emit(Op::Jmp { t: Target(l.0) });
    }

    // ---- temporaries ----------------------------------------------------------------

    pub fn temp(&mut self, size: u32) -> Slot {
        self.temp_depth = align_up((self.temp_depth + size.max(8) as i32) as i64, 8) as i32;
        self.temp_max = self.temp_max.max(self.temp_depth);
        Slot(-(self.locals_size + self.temp_depth))
    }

    /// Temporaries in use; pass it to [`Self::release`] once they are dead.
    pub fn mark(&self) -> i32 {
        self.temp_depth
    }

    pub fn release(&mut self, mark: i32) {
        self.temp_depth = mark;
    }

    fn out(&mut self, offset: u32, size: u32) -> Slot {
        self.out_max = self.out_max.max(offset + size);
        Slot(OUT_BASE + offset as i32)
    }

    /// The highest frame offset the function may touch: the end of its arguments (at
    /// least the 8-byte slot where a result is returned), plus room for the verifier's
    /// assumption that any slot may be read as 8 bytes (a narrow member of the last
    /// argument is not).
    pub fn frame_top(&self) -> u32 {
        16 + self.arg_bytes.max(8) + 8
    }

    /// The slot holding a pooled value (inside a loop only: elsewhere an instruction at
    /// the use costs no more than one in the prologue).
    fn pooled(&mut self, value: Pooled) -> Option<Slot> {
        if self.loop_depth == 0 {
            return None;
        }
        let k = match self.pool.iter().position(|&p| p == value) {
            Some(k) => k,
            None => {
                self.pool.push(value);
                self.pool.len() - 1
            }
        };
        Some(Slot(POOL_BASE + 8 * k as i32))
    }

    /// Puts the pool's instructions right after `enter`.
    fn emit_prologue(&mut self) {
        let n = self.pool.len();
        if n == 0 {
            return;
        }
        // Everything after `enter` moves down by the prologue's length.
        for r in &mut self.relocs {
            r.0 += n;
        }
        for l in self.labels.iter_mut().flatten() {
            *l += n as u32;
        }
        let mut prologue = Vec::with_capacity(n);
        for (k, &value) in self.pool.iter().enumerate() {
            let d = Slot(POOL_BASE + 8 * k as i32);
            prologue.push(match value {
                Pooled::Word { bits, wide: true } => Op::Const64 {
                    d,
                    imm: Imm64(bits),
                },
                Pooled::Word { bits, wide: false } => Op::Const32 {
                    d,
                    imm: Imm(bits as u32 as i32),
                },
                Pooled::Addr(sym, off) => {
                    self.relocs.push((1 + k, sym, off as i64));
                    Op::AddrOf { d, addr: Addr(0) }
                }
            });
        }
        let span = self.spans.first().copied().unwrap_or_default();
        self.ops.splice(1..1, prologue);
        self.spans.splice(1..1, std::iter::repeat_n(span, n));
    }

    /// Finishes the function: the frame size, outgoing slots and jump targets resolved.
    pub fn finish(&mut self) -> u32 {
        let pool_bytes = 8 * self.pool.len() as i32;
        let frame = align_up(
            (self.locals_size + self.temp_max + pool_bytes + self.out_max as i32) as i64,
            16,
        ) as i32;
        self.emit_prologue();
        struct Fix<'a> {
            frame: i32,
            pool_top: i32,
            labels: &'a [Option<u32>],
        }
        impl Visitor for Fix<'_> {
            fn slot(&mut self, s: &mut Slot) {
                if s.0 >= OUT_BASE {
                    s.0 = s.0 - OUT_BASE - self.frame;
                } else if s.0 >= POOL_BASE {
                    s.0 = self.pool_top - (s.0 - POOL_BASE) - 8;
                }
            }
            fn target(&mut self, t: &mut Target) {
                t.0 = self
                    .labels
                    .get(t.0 as usize)
                    .copied()
                    .flatten()
                    .unwrap_or(0);
            }
        }
        let mut fix = Fix {
            frame,
            pool_top: -(self.locals_size + self.temp_max),
            labels: &self.labels,
        };
        for op in &mut self.ops {
            op.visit(&mut fix);
        }
        let top = self.frame_top();
        if let Some(Op::Enter { n, up }) = self.ops.first_mut() {
            n.0 = frame as u32;
            up.0 = top;
        }
        frame as u32
    }

    // ---- types ----------------------------------------------------------------------

    pub fn size(&self, ty: &Type) -> u32 {
        self.types.size_of(ty).unwrap_or(0) as u32
    }

    pub fn width(&self, ty: &Type) -> Width {
        match &ty.kind {
            TypeKind::Void => Width::Void,
            TypeKind::Float(FloatKind::Float) => Width::F32,
            TypeKind::Float(FloatKind::Double) => Width::F64,
            TypeKind::Record(_) | TypeKind::Array(..) => Width::Block(self.size(ty)),
            _ => match self.size(ty) {
                1 => Width::I8,
                2 => Width::I16,
                4 => Width::I32,
                _ => Width::I64,
            },
        }
    }

    fn signed(ty: &Type) -> bool {
        ty.int_kind().is_some_and(|k| k.is_signed())
    }

    fn is_wide(&self, ty: &Type) -> bool {
        self.size(ty) == 8
    }

    // ---- moving values --------------------------------------------------------------

    pub fn mov(&mut self, w: Width, d: Slot, a: Slot) {
        if d == a {
            return;
        }
        self.emit(match w {
            Width::I8 => Op::Mov8 { d, a },
            Width::I16 => Op::Mov16 { d, a },
            Width::I32 | Width::F32 => Op::Mov32 { d, a },
            Width::I64 | Width::F64 => Op::Mov64 { d, a },
            Width::Block(n) => Op::MovN { d, a, n: Size(n) },
            Width::Void => return,
        });
    }

    fn deliver(&mut self, dst: Dst, w: Width, s: Slot) -> Slot {
        match dst {
            Dst::Any => s,
            Dst::To(d) => {
                self.mov(w, d, s);
                d
            }
        }
    }

    fn dst_slot(&mut self, dst: Dst) -> Slot {
        match dst {
            Dst::Any => self.temp(8),
            Dst::To(d) => d,
        }
    }

    pub fn const_int(&mut self, dst: Dst, v: u64, wide: bool) -> Slot {
        if dst == Dst::Any
            && let Some(s) = self.pooled(Pooled::Word { bits: v, wide })
        {
            return s;
        }
        let d = self.dst_slot(dst);
        if wide {
            self.emit(Op::Const64 { d, imm: Imm64(v) });
        } else {
            self.emit(Op::Const32 {
                d,
                imm: Imm(v as u32 as i32),
            });
        }
        d
    }

    /// Loads an object's value. Narrow integers arrive widened to 32 bits in a temporary
    /// (or exactly in their own slot when they live in the frame).
    pub fn load(&mut self, place: Place, ty: &Type, dst: Dst) -> Slot {
        let w = self.width(ty);
        let place = self.fit(place, w);
        if let Place::Frame(s) = place {
            return self.deliver(dst, w, s);
        }
        if let Width::Block(n) = w {
            let d = match dst {
                Dst::To(d) => d,
                Dst::Any => self.temp(n),
            };
            let p = self.address(place);
            self.emit(Op::LdN { d, p, n: Size(n) });
            return d;
        }
        // A narrow destination must not receive the widened 32 bits.
        let narrow = matches!(w, Width::I8 | Width::I16);
        let d = match dst {
            Dst::To(d) if !narrow => d,
            _ => self.temp(8),
        };
        let signed = Self::signed(ty);
        match place {
            Place::Mem(p, off) => {
                let off = Imm(off);
                self.emit(match (w, signed) {
                    (Width::I8, true) => Op::Ld8s { d, p, off },
                    (Width::I8, false) => Op::Ld8u { d, p, off },
                    (Width::I16, true) => Op::Ld16s { d, p, off },
                    (Width::I16, false) => Op::Ld16u { d, p, off },
                    (Width::I32 | Width::F32, _) => Op::Ld32 { d, p, off },
                    _ => Op::Ld64 { d, p, off },
                });
            }
            Place::Static(sym, off) => {
                let addr = Addr(0);
                let op = match (w, signed) {
                    (Width::I8, true) => Op::Ldg8s { d, addr },
                    (Width::I8, false) => Op::Ldg8u { d, addr },
                    (Width::I16, true) => Op::Ldg16s { d, addr },
                    (Width::I16, false) => Op::Ldg16u { d, addr },
                    (Width::I32 | Width::F32, _) => Op::Ldg32 { d, addr },
                    _ => Op::Ldg64 { d, addr },
                };
                self.emit_reloc(op, sym, off as i64);
            }
            Place::Index(p, i, _) => self.emit(match (w, signed) {
                (Width::I8, true) => Op::LdX8s { d, p, i },
                (Width::I8, false) => Op::LdX8u { d, p, i },
                (Width::I16, true) => Op::LdX16s { d, p, i },
                (Width::I16, false) => Op::LdX16u { d, p, i },
                (Width::I32 | Width::F32, _) => Op::LdX32 { d, p, i },
                _ => Op::LdX64 { d, p, i },
            }),
            Place::Frame(_) => unreachable!("handled above"),
        }
        match dst {
            Dst::To(t) if narrow => {
                self.mov(w, t, d);
                t
            }
            _ => d,
        }
    }

    pub fn store(&mut self, place: Place, ty: &Type, a: Slot) {
        let w = self.width(ty);
        let place = self.fit(place, w);
        match place {
            Place::Index(p, i, _) => self.emit(match w {
                Width::I8 => Op::StX8 { p, i, a },
                Width::I16 => Op::StX16 { p, i, a },
                Width::I32 | Width::F32 => Op::StX32 { p, i, a },
                _ => Op::StX64 { p, i, a },
            }),
            Place::Frame(d) => self.mov(w, d, a),
            Place::Mem(p, off) => {
                let off = Imm(off);
                self.emit(match w {
                    Width::I8 => Op::St8 { p, off, a },
                    Width::I16 => Op::St16 { p, off, a },
                    Width::I32 | Width::F32 => Op::St32 { p, off, a },
                    Width::I64 | Width::F64 => Op::St64 { p, off, a },
                    Width::Block(n) => {
                        let p = self.address(place);
                        self.emit(Op::StN { p, a, n: Size(n) });
                        return;
                    }
                    Width::Void => return,
                });
            }
            Place::Static(sym, off) => {
                let addr = Addr(0);
                let op = match w {
                    Width::I8 => Op::Stg8 { addr, a },
                    Width::I16 => Op::Stg16 { addr, a },
                    Width::I32 | Width::F32 => Op::Stg32 { addr, a },
                    Width::I64 | Width::F64 => Op::Stg64 { addr, a },
                    Width::Block(n) => {
                        let p = self.address(place);
                        self.emit(Op::StN { p, a, n: Size(n) });
                        return;
                    }
                    Width::Void => return,
                };
                self.emit_reloc(op, sym, off as i64);
            }
        }
    }

    /// An indexed place accessed at another width than its scale becomes a plain one.
    fn fit(&mut self, place: Place, w: Width) -> Place {
        let bytes = match w {
            Width::I8 => 1,
            Width::I16 => 2,
            Width::I32 | Width::F32 => 4,
            Width::I64 | Width::F64 => 8,
            _ => 0,
        };
        match place {
            Place::Index(_, _, scale) if scale == bytes => place,
            Place::Index(..) => Place::Mem(self.address(place), 0),
            p => p,
        }
    }

    /// The address of a place, as a pointer value in a slot.
    pub fn address(&mut self, place: Place) -> Slot {
        match place {
            Place::Index(p, i, scale) => {
                let d = self.temp(8);
                let scale = Scale(scale as u16);
                self.emit(Op::LeaXS32 { d, p, i, scale });
                d
            }
            Place::Frame(a) => {
                let d = self.temp(8);
                self.emit(Op::Lea { d, a });
                d
            }
            Place::Mem(p, 0) => p,
            Place::Mem(p, off) => {
                let d = self.temp(8);
                self.emit(Op::AddI64 {
                    d,
                    a: p,
                    imm: Imm(off),
                });
                d
            }
            Place::Static(sym, off) => self.static_address(sym, off, Dst::Any),
        }
    }

    /// `p + i * scale` in one instruction; an `int` or `unsigned` index converted to 64
    /// bits is extended by the instruction itself.
    fn scaled_index(&mut self, dst: Dst, p: Slot, i: &Expr, scale: Scale) -> Slot {
        let narrow = match &i.kind {
            ExprKind::Convert(x) => match x.ty.int_kind() {
                Some(IntKind::Int) => Some((x, true)),
                Some(IntKind::UInt) => Some((x, false)),
                _ => None,
            },
            _ => None,
        };
        let (i, signed) = match narrow {
            Some((x, signed)) => (self.value(x, Dst::Any), Some(signed)),
            None => (self.value(i, Dst::Any), None),
        };
        let d = self.dst_slot(dst);
        self.emit(match signed {
            Some(true) => Op::LeaXS32 { d, p, i, scale },
            Some(false) => Op::LeaXU32 { d, p, i, scale },
            None => Op::LeaX64 { d, p, i, scale },
        });
        d
    }

    /// A symbol's address plus an offset, as a value.
    fn static_address(&mut self, sym: Symbol, off: i32, dst: Dst) -> Slot {
        if dst == Dst::Any
            && let Some(s) = self.pooled(Pooled::Addr(sym, off))
        {
            return s;
        }
        let d = self.addr_dst(dst);
        self.emit_reloc(Op::AddrOf { d, addr: Addr(0) }, sym, off as i64);
        self.addr_result(dst, d)
    }

    /// Copies a whole object (a struct) between places.
    pub fn copy(&mut self, dst: Place, src: Place, n: u32) {
        if dst == src {
            return;
        }
        let (dst, src) = (self.fit(dst, Width::Void), self.fit(src, Width::Void));
        let n = Size(n);
        match (dst, src) {
            (Place::Frame(d), Place::Frame(a)) => self.emit(Op::MovN { d, a, n }),
            (Place::Frame(d), _) => {
                let p = self.address(src);
                self.emit(Op::LdN { d, p, n });
            }
            (_, Place::Frame(a)) => {
                let p = self.address(dst);
                self.emit(Op::StN { p, a, n });
            }
            _ => {
                let (d, a) = (self.address(dst), self.address(src));
                self.emit(Op::CopyMem { d, a, n });
            }
        }
    }

    // ---- places ---------------------------------------------------------------------

    /// Where an lvalue (or a struct-valued expression) lives.
    pub fn place(&mut self, e: &Expr) -> Place {
        let outer = std::mem::replace(&mut self.span, e.span);
        let p = self.place_inner(e);
        self.span = outer;
        p
    }

    fn place_inner(&mut self, e: &Expr) -> Place {
        match &e.kind {
            ExprKind::Local(id) => Place::Frame(self.local_slot(*id)),
            ExprKind::Global(id) => Place::Static(Symbol::Global(*id), 0),
            ExprKind::Str(id) => Place::Static(Symbol::Str(*id), 0),
            ExprKind::Deref(p) => {
                if let ExprKind::PtrOffset(base, idx, size) = &p.kind
                    && let ExprKind::Const(i) = idx.kind
                    && let Some(off) = (i as i64)
                        .checked_mul(*size as i64)
                        .and_then(|o| i32::try_from(o).ok())
                {
                    let b = self.value(base, Dst::Any);
                    let b = self.as_address(b); // ILP32: zero-extended
                    return Place::Mem(b, off);
                }
                // `a[i]` with an int index: an indexed access.
                if let ExprKind::PtrOffset(base, idx, size) = &p.kind
                    && matches!(size, 1 | 2 | 4 | 8)
                    && let ExprKind::Convert(i) = &idx.kind
                    && i.ty.int_kind() == Some(IntKind::Int)
                {
                    let b = self.value(base, Dst::Any);
                    let b = self.as_address(b); // ILP32: zero-extended
                    let b = self.stable(b, i);
                    let i = self.value(i, Dst::Any);
                    return Place::Index(b, i, *size as u8);
                }
                let s = self.value(p, Dst::Any);
                Place::Mem(self.as_address(s), 0) // ILP32: zero-extended
            }
            ExprKind::Member(base, off) => match self.place(base) {
                p @ Place::Index(..) => match self.fit(p, Width::Void) {
                    Place::Mem(p, o) => Place::Mem(p, o + *off as i32),
                    other => other,
                },
                Place::Frame(s) => Place::Frame(Slot(s.0 + *off as i32)),
                Place::Mem(p, o) => Place::Mem(p, o + *off as i32),
                Place::Static(sym, o) => Place::Static(sym, o + *off as i32),
            },
            ExprKind::InitLocal(id, pieces) => {
                self.init_local(*id, pieces);
                Place::Frame(self.local_slot(*id))
            }
            ExprKind::Comma(a, b) => {
                self.effect(a);
                self.place(b)
            }
            ExprKind::Call(f, args) => {
                let s = self.call(f, args, &e.ty, Some(Dst::Any));
                Place::Frame(s)
            }
            ExprKind::Assign(target, value) if e.ty.is_record() => {
                let dst = self.place(target);
                let src = self.place(value);
                self.copy(dst, src, self.size(&e.ty));
                dst
            }
            ExprKind::Cond(c, t, f) if e.ty.is_record() => {
                let n = self.size(&e.ty);
                let tmp = self.temp(n);
                let (l_else, l_end) = (self.new_label(), self.new_label());
                self.branch(c, false, l_else);
                let pt = self.place(t);
                self.copy(Place::Frame(tmp), pt, n);
                self.jump(l_end);
                self.place_label(l_else);
                let pf = self.place(f);
                self.copy(Place::Frame(tmp), pf, n);
                self.place_label(l_end);
                Place::Frame(tmp)
            }
            ExprKind::VaArg(ap) if e.ty.is_record() => {
                Place::Mem(self.va_arg_pointer(ap, &e.ty), 0)
            }
            _ => {
                let s = self.value(e, Dst::Any);
                // A call's result would not survive the next call: give it a slot.
                if s.0 >= OUT_BASE {
                    let t = self.temp(8);
                    self.mov(Width::I64, t, s);
                    return Place::Frame(t);
                }
                Place::Frame(s)
            }
        }
    }

    // ---- values ---------------------------------------------------------------------

    /// Evaluates for side effects only.
    pub fn effect(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Modify { target, value, .. } => {
                self.modify(target, value, false, &e.ty, Dst::Any);
            }
            ExprKind::Comma(a, b) => {
                self.effect(a);
                self.effect(b);
            }
            ExprKind::Convert(x) if e.ty.is_void() => self.effect(x),
            ExprKind::Cond(c, t, f) => {
                let (l_else, l_end) = (self.new_label(), self.new_label());
                self.branch(c, false, l_else);
                self.effect(t);
                self.jump(l_end);
                self.place_label(l_else);
                self.effect(f);
                self.place_label(l_end);
            }
            ExprKind::LogAnd(a, b) | ExprKind::LogOr(a, b) => {
                let l_end = self.new_label();
                let is_and = matches!(e.kind, ExprKind::LogAnd(..));
                self.branch(a, !is_and, l_end);
                self.effect(b);
                self.place_label(l_end);
            }
            ExprKind::Call(f, args) => {
                self.call(f, args, &e.ty, None);
            }
            ExprKind::Assign(..) | ExprKind::InitLocal(..) | ExprKind::VaStart(..) => {
                self.value(e, Dst::Any);
            }
            _ if e.ty.is_record() => {
                self.place(e);
            }
            _ if e.ty.is_void() => {}
            _ => {
                self.value(e, Dst::Any);
            }
        }
    }

    /// Evaluates a scalar rvalue (a struct gives the slot where its bytes are).
    pub fn value(&mut self, e: &Expr, dst: Dst) -> Slot {
        // Each instruction is attributed to the innermost expression it computes.
        let outer = std::mem::replace(&mut self.span, e.span);
        let s = self.value_inner(e, dst);
        self.span = outer;
        s
    }

    fn value_inner(&mut self, e: &Expr, dst: Dst) -> Slot {
        let ty = &e.ty;
        match &e.kind {
            // Never generated: programs with errors stop before code generation.
            ExprKind::Error => self.const_int(dst, 0, false),
            ExprKind::Const(v) => {
                let w = self.width(ty);
                if let (Dst::To(d), Width::I8 | Width::I16) = (dst, w) {
                    let t = self.const_int(Dst::Any, *v, false);
                    self.mov(w, d, t);
                    return d;
                }
                self.const_int(dst, *v, self.is_wide(ty))
            }
            ExprKind::FConst(f) => match self.width(ty) {
                Width::F32 => self.const_int(dst, (*f as f32).to_bits() as u64, false),
                _ => self.const_int(dst, f.to_bits(), true),
            },
            ExprKind::Local(_)
            | ExprKind::Global(_)
            | ExprKind::Str(_)
            | ExprKind::Deref(_)
            | ExprKind::Member(..)
            | ExprKind::InitLocal(..) => {
                let place = self.place(e);
                self.load(place, ty, dst)
            }
            // Addresses are computed 8 bytes wide; `addr_dst`/`addr_result` keep them out
            // of a 4-byte pointer's slot in ILP32.
            ExprKind::Func(id) => self.static_address(Symbol::Func(*id), 0, dst),
            ExprKind::AddrOf(x) => {
                if let ExprKind::Func(id) = x.kind {
                    return self.static_address(Symbol::Func(id), 0, dst);
                }
                let place = self.place(x);
                match place {
                    Place::Frame(a) => {
                        let d = self.addr_dst(dst);
                        self.emit(Op::Lea { d, a });
                        self.addr_result(dst, d)
                    }
                    Place::Mem(p, 0) => self.addr_result(dst, p),
                    Place::Mem(p, off) => {
                        let d = self.addr_dst(dst);
                        self.emit(Op::AddI64 {
                            d,
                            a: p,
                            imm: Imm(off),
                        });
                        self.addr_result(dst, d)
                    }
                    Place::Static(sym, off) => self.static_address(sym, off, dst),
                    p @ Place::Index(..) => {
                        let a = self.address(p);
                        self.addr_result(dst, a)
                    }
                }
            }
            ExprKind::Convert(x) => self.convert(x, ty, dst),
            ExprKind::Unary(op, x) => self.unary(*op, x, ty, dst),
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, ty, dst),
            ExprKind::Compare(..) | ExprKind::LogAnd(..) | ExprKind::LogOr(..) => {
                if let ExprKind::Compare(op, a, b) = &e.kind
                    && let Some(s) = self.compare_value(*op, a, b, dst)
                {
                    return s;
                }
                let d = self.dst_slot(dst);
                let (l_false, l_end) = (self.new_label(), self.new_label());
                self.branch(e, false, l_false);
                self.emit(Op::Const32 { d, imm: Imm(1) });
                self.jump(l_end);
                self.place_label(l_false);
                self.emit(Op::Const32 { d, imm: Imm(0) });
                self.place_label(l_end);
                d
            }
            ExprKind::PtrOffset(p, i, size) => {
                let p = self.value(p, Dst::Any);
                let p = self.stable(p, i);
                if self.ilp32() {
                    return self.ptr_offset_32(dst, p, i, *size); // 32-bit arithmetic
                }
                if let ExprKind::Const(c) = i.kind
                    && let Some(off) = (c as i64)
                        .checked_mul(*size as i64)
                        .and_then(|o| i32::try_from(o).ok())
                {
                    let d = self.dst_slot(dst);
                    self.emit(Op::AddI64 {
                        d,
                        a: p,
                        imm: Imm(off),
                    });
                    return d;
                }
                if let Ok(scale) = u16::try_from(*size) {
                    return self.scaled_index(dst, p, i, Scale(scale));
                }
                let i = self.value(i, Dst::Any);
                let scaled = self.scale(i, *size);
                let d = self.dst_slot(dst);
                self.emit(Op::Add64 { d, a: p, b: scaled });
                d
            }
            ExprKind::PtrDiff(a, b, size) => {
                let x = self.value(a, Dst::Any);
                let x = self.stable(x, b);
                let (a, b) = (x, self.value(b, Dst::Any));
                let d = self.dst_slot(dst);
                if self.ilp32() {
                    self.ptr_diff_32(d, a, b, *size);
                    return d;
                }
                self.emit(Op::Sub64 { d, a, b });
                if *size > 1 {
                    let s = self.const_int(Dst::Any, *size, true);
                    self.emit(Op::DivS64 { d, a: d, b: s });
                }
                d
            }
            ExprKind::Cond(c, t, f) => {
                let w = self.width(ty);
                let d = match dst {
                    Dst::To(d) => d,
                    Dst::Any => self.temp(self.size(ty).max(8)),
                };
                let (l_else, l_end) = (self.new_label(), self.new_label());
                self.branch(c, false, l_else);
                let vt = self.value(t, Dst::To(d));
                self.mov(w, d, vt);
                self.jump(l_end);
                self.place_label(l_else);
                let vf = self.value(f, Dst::To(d));
                self.mov(w, d, vf);
                self.place_label(l_end);
                d
            }
            ExprKind::Assign(target, v) => {
                if ty.is_record() {
                    return match self.place(e) {
                        Place::Frame(s) => s,
                        p => self.address(p),
                    };
                }
                let place = self.place(target);
                let place = self.stable_place(place, v);
                match place {
                    Place::Frame(s) => {
                        let r = self.value(v, Dst::To(s));
                        self.deliver(dst, self.width(ty), r)
                    }
                    _ => {
                        let r = self.value(v, Dst::Any);
                        self.store(place, ty, r);
                        self.deliver(dst, self.width(ty), r)
                    }
                }
            }
            ExprKind::Modify {
                target,
                value,
                post,
            } => self.modify(target, value, *post, ty, dst),
            ExprKind::Old => {
                let s = *self.olds.last().expect("Old appears only inside Modify");
                self.deliver(dst, self.width(ty), s)
            }
            ExprKind::Call(f, args) => self.call(f, args, ty, Some(dst)),
            ExprKind::Comma(a, b) => {
                self.effect(a);
                self.value(b, dst)
            }
            ExprKind::VaStart(ap, offset) => {
                let place = self.place(ap);
                let first = Slot(16 + *offset as i32);
                let d = self.temp(8);
                self.emit(Op::Lea { d, a: first });
                self.store(place, &ap.ty, d);
                d
            }
            ExprKind::VaArg(ap) => {
                let p = self.va_arg_pointer(ap, ty);
                self.load(Place::Mem(p, 0), ty, dst)
            }
        }
    }

    /// `va_arg`: the address of the current argument slot; advances the list.
    fn va_arg_pointer(&mut self, ap: &Expr, ty: &Type) -> Slot {
        let place = self.place(ap);
        let cur = self.load(place, &ap.ty, Dst::Any);
        let cur_copy = self.pointer_copy(cur); // ILP32: zero-extended
        let next = self.temp(8);
        let step = arg_slot(self.size(ty) as u64) as i32;
        self.emit(Op::AddI64 {
            d: next,
            a: cur_copy,
            imm: Imm(step),
        });
        self.store(place, &ap.ty, next);
        cur_copy
    }

    fn scale(&mut self, i: Slot, size: u64) -> Slot {
        if size == 1 {
            return i;
        }
        let d = self.temp(8);
        match i32::try_from(size) {
            Ok(imm) => self.emit(Op::MulI64 {
                d,
                a: i,
                imm: Imm(imm),
            }),
            Err(_) => {
                let s = self.const_int(Dst::Any, size, true);
                self.emit(Op::Mul64 { d, a: i, b: s });
            }
        }
        d
    }

    fn modify(&mut self, target: &Expr, value: &Expr, post: bool, ty: &Type, dst: Dst) -> Slot {
        let w = self.width(ty);
        let place = self.place(target);
        let place = self.stable_place(place, value);
        let old = self.load(place, ty, Dst::Any);
        // The result of `x++` is the old value: keep a copy before `x` changes.
        let kept = if post {
            let k = self.temp(8);
            self.mov(w, k, old);
            Some(k)
        } else {
            None
        };
        self.olds.push(old);
        let new = match place {
            Place::Frame(s) => self.value(value, Dst::To(s)),
            _ => {
                let v = self.value(value, Dst::Any);
                self.store(place, ty, v);
                v
            }
        };
        self.olds.pop();
        match kept {
            Some(k) => self.deliver(dst, w, k),
            None => self.deliver(dst, w, new),
        }
    }

    fn convert(&mut self, x: &Expr, to: &Type, dst: Dst) -> Slot {
        if to.is_void() {
            self.effect(x);
            return Slot(0);
        }
        let from = &x.ty;
        let (fw, tw) = (self.width(from), self.width(to));
        if to.is_bool() {
            let s = self.widened(x);
            let d = self.dst_slot(dst);
            let op = match self.width(from) {
                Width::I64 => Op::Bool64 { d, a: s },
                Width::F32 => {
                    let t = self.temp(8);
                    self.emit(Op::F32ToF64 { d: t, a: s });
                    Op::BoolF64 { d, a: t }
                }
                Width::F64 => Op::BoolF64 { d, a: s },
                _ => Op::Bool32 { d, a: s },
            };
            self.emit(op);
            return d;
        }
        let int_like = |w: Width| matches!(w, Width::I8 | Width::I16 | Width::I32 | Width::I64);
        if int_like(fw) && int_like(tw) {
            let (fs, ts) = (self.size(from), self.size(to));
            if ts == fs {
                return self.value(x, dst);
            }
            if ts < fs {
                // Truncation keeps the low bytes, which are where the value already is.
                let s = self.value(x, Dst::Any);
                return self.deliver(dst, tw, s);
            }
            let s = self.widened(x);
            if ts <= 4 {
                return self.deliver(dst, tw, s);
            }
            let d = self.dst_slot(dst);
            self.emit(if Self::signed(from) {
                Op::Sext32 { d, a: s }
            } else {
                Op::Zext32 { d, a: s }
            });
            return d;
        }
        if int_like(fw) {
            // Integer to floating.
            let s = self.widened(x);
            let signed = Self::signed(from);
            let wide = fw == Width::I64;
            let d = self.dst_slot(dst);
            self.emit(match (tw, wide, signed) {
                (Width::F64, false, true) => Op::I32ToF64 { d, a: s },
                (Width::F64, false, false) => Op::U32ToF64 { d, a: s },
                (Width::F64, true, true) => Op::I64ToF64 { d, a: s },
                (Width::F64, true, false) => Op::U64ToF64 { d, a: s },
                (_, false, true) => Op::I32ToF32 { d, a: s },
                (_, false, false) => Op::U32ToF32 { d, a: s },
                (_, true, true) => Op::I64ToF32 { d, a: s },
                (_, true, false) => Op::U64ToF32 { d, a: s },
            });
            return d;
        }
        let s = self.value(x, Dst::Any);
        match (fw, tw) {
            (Width::F32, Width::F32) | (Width::F64, Width::F64) => self.deliver(dst, tw, s),
            (Width::F32, Width::F64) => {
                let d = self.dst_slot(dst);
                self.emit(Op::F32ToF64 { d, a: s });
                d
            }
            (Width::F64, Width::F32) => {
                let d = self.dst_slot(dst);
                self.emit(Op::F64ToF32 { d, a: s });
                d
            }
            (Width::F32 | Width::F64, _) => {
                let s = if fw == Width::F32 {
                    let t = self.temp(8);
                    self.emit(Op::F32ToF64 { d: t, a: s });
                    t
                } else {
                    s
                };
                let (ts, signed) = (self.size(to), Self::signed(to));
                // Narrow targets convert through int and keep the low bytes, as gcc does.
                let narrow = ts < 4;
                let d = match dst {
                    Dst::To(d) if !narrow => d,
                    _ => self.temp(8),
                };
                self.emit(match (ts, signed || narrow) {
                    (8, true) => Op::F64ToI64 { d, a: s },
                    (8, false) => Op::F64ToU64 { d, a: s },
                    (_, true) => Op::F64ToI32 { d, a: s },
                    (_, false) => Op::F64ToU32 { d, a: s },
                });
                self.deliver(dst, tw, d)
            }
            _ => self.deliver(dst, tw, s),
        }
    }

    /// An integer value widened to at least 32 bits (narrow ones sign- or zero-extended
    /// by their type), or any other scalar as it is.
    pub fn widened(&mut self, x: &Expr) -> Slot {
        let w = self.width(&x.ty);
        if !matches!(w, Width::I8 | Width::I16) {
            return self.value(x, Dst::Any);
        }
        // A narrow object in memory is loaded already extended.
        if x.is_lvalue() {
            let place = self.place(x);
            if !matches!(place, Place::Frame(_)) {
                return self.load(place, &x.ty, Dst::Any);
            }
            let s = self.load(place, &x.ty, Dst::Any);
            return self.extend(s, w, Self::signed(&x.ty));
        }
        let s = self.value(x, Dst::Any);
        self.extend(s, w, Self::signed(&x.ty))
    }

    fn extend(&mut self, a: Slot, w: Width, signed: bool) -> Slot {
        let d = self.temp(8);
        self.emit(match (w, signed) {
            (Width::I8, true) => Op::Sext8 { d, a },
            (Width::I8, false) => Op::Zext8 { d, a },
            (Width::I16, true) => Op::Sext16 { d, a },
            _ => Op::Zext16 { d, a },
        });
        d
    }

    fn unary(&mut self, op: UnaryOp, x: &Expr, ty: &Type, dst: Dst) -> Slot {
        match op {
            UnaryOp::LogNot => {
                let w = self.width(&x.ty);
                let s = self.widened(x);
                let d = self.dst_slot(dst);
                match w {
                    Width::F32 | Width::F64 => {
                        let z = self.const_int(Dst::Any, 0, true);
                        if w == Width::F32 {
                            let t = self.temp(8);
                            self.emit(Op::F32ToF64 { d: t, a: s });
                            self.emit(Op::EqF64 { d, a: t, b: z });
                        } else {
                            self.emit(Op::EqF64 { d, a: s, b: z });
                        }
                    }
                    Width::I64 => self.emit(Op::LNot64 { d, a: s }),
                    _ => self.emit(Op::LNot32 { d, a: s }),
                }
                d
            }
            UnaryOp::Neg | UnaryOp::BitNot => {
                let s = self.value(x, Dst::Any);
                let d = self.dst_slot(dst);
                self.emit(match (op, self.width(ty)) {
                    (UnaryOp::Neg, Width::F64) => Op::NegF64 { d, a: s },
                    (UnaryOp::Neg, Width::F32) => Op::NegF32 { d, a: s },
                    (UnaryOp::Neg, Width::I64) => Op::Neg64 { d, a: s },
                    (UnaryOp::Neg, _) => Op::Neg32 { d, a: s },
                    (_, Width::I64) => Op::Not64 { d, a: s },
                    _ => Op::Not32 { d, a: s },
                });
                d
            }
        }
    }

    fn binary(&mut self, op: BinaryOp, a: &Expr, b: &Expr, ty: &Type, dst: Dst) -> Slot {
        let w = self.width(ty);
        // An operation with a small constant has its own instruction.
        let commutes = matches!(
            op,
            BinaryOp::Add | BinaryOp::Mul | BinaryOp::BitAnd | BinaryOp::BitOr | BinaryOp::BitXor
        );
        let (var, konst) = match (self.imm_of(b, w), self.imm_of(a, w)) {
            (Some(c), _) => (a, Some(c)),
            (None, Some(c)) if commutes => (b, Some(c)),
            _ => (a, None),
        };
        if let Some(c) = konst
            && let Some(make) = imm_op(op, w, c, Self::signed(ty))
        {
            let s = self.value(var, Dst::Any);
            let d = self.dst_slot(dst);
            self.emit(make(d, s));
            return d;
        }
        let mark = self.mark();
        let x = self.value(a, Dst::Any);
        let x = self.stable(x, b);
        let y = self.value(b, Dst::Any);
        let d = match dst {
            Dst::To(d) => d,
            Dst::Any => {
                // Operand temporaries are dead once read; the result may reuse one.
                let (xt, yt) = (self.is_temp(x, mark), self.is_temp(y, mark));
                if xt {
                    x
                } else if yt {
                    y
                } else {
                    self.release(mark);
                    self.temp(8)
                }
            }
        };
        let signed = Self::signed(ty);
        use BinaryOp::*;
        let (a, b) = (x, y);
        self.emit(match (w, op) {
            (Width::F64, Add) => Op::AddF64 { d, a, b },
            (Width::F64, Sub) => Op::SubF64 { d, a, b },
            (Width::F64, Mul) => Op::MulF64 { d, a, b },
            (Width::F64, _) => Op::DivF64 { d, a, b },
            (Width::F32, Add) => Op::AddF32 { d, a, b },
            (Width::F32, Sub) => Op::SubF32 { d, a, b },
            (Width::F32, Mul) => Op::MulF32 { d, a, b },
            (Width::F32, _) => Op::DivF32 { d, a, b },
            (Width::I64, Add) => Op::Add64 { d, a, b },
            (Width::I64, Sub) => Op::Sub64 { d, a, b },
            (Width::I64, Mul) => Op::Mul64 { d, a, b },
            (Width::I64, Div) if signed => Op::DivS64 { d, a, b },
            (Width::I64, Div) => Op::DivU64 { d, a, b },
            (Width::I64, Rem) if signed => Op::RemS64 { d, a, b },
            (Width::I64, Rem) => Op::RemU64 { d, a, b },
            (Width::I64, Shl) => Op::Shl64 { d, a, b },
            (Width::I64, Shr) if signed => Op::ShrS64 { d, a, b },
            (Width::I64, Shr) => Op::ShrU64 { d, a, b },
            (Width::I64, BitAnd) => Op::And64 { d, a, b },
            (Width::I64, BitOr) => Op::Or64 { d, a, b },
            (Width::I64, BitXor) => Op::Xor64 { d, a, b },
            (_, Add) => Op::Add32 { d, a, b },
            (_, Sub) => Op::Sub32 { d, a, b },
            (_, Mul) => Op::Mul32 { d, a, b },
            (_, Div) if signed => Op::DivS32 { d, a, b },
            (_, Div) => Op::DivU32 { d, a, b },
            (_, Rem) if signed => Op::RemS32 { d, a, b },
            (_, Rem) => Op::RemU32 { d, a, b },
            (_, Shl) => Op::Shl32 { d, a, b },
            (_, Shr) if signed => Op::ShrS32 { d, a, b },
            (_, Shr) => Op::ShrU32 { d, a, b },
            (_, BitAnd) => Op::And32 { d, a, b },
            (_, BitOr) => Op::Or32 { d, a, b },
            (_, BitXor) => Op::Xor32 { d, a, b },
        });
        d
    }

    /// A constant operand that fits an instruction's 32-bit immediate (as the value the
    /// operation sees: sign-extended for 64-bit operations).
    fn imm_of(&self, e: &Expr, w: Width) -> Option<i64> {
        let ExprKind::Const(c) = e.kind else {
            return None;
        };
        let v = match w {
            Width::I32 => c as u32 as i32 as i64,
            Width::I64 => c as i64,
            _ => return None,
        };
        i32::try_from(v).ok().map(i64::from)
    }

    /// A temporary allocated since `mark` (so dead after use).
    fn is_temp(&self, s: Slot, mark: i32) -> bool {
        s.0 < -(self.locals_size + mark) && s.0 < OUT_BASE
    }

    /// Materializes a comparison with one instruction where there is one.
    fn compare_value(&mut self, op: CmpOp, a: &Expr, b: &Expr, dst: Dst) -> Option<Slot> {
        let w = self.width(&a.ty);
        let x = self.value(a, Dst::Any);
        let x = self.stable(x, b);
        let y = self.value(b, Dst::Any);
        let d = self.dst_slot(dst);
        let unsigned = a.ty.is_pointer() || !Self::signed(&a.ty);
        let (op, x, y) = match op {
            CmpOp::Gt => (CmpOp::Lt, y, x),
            CmpOp::Ge => (CmpOp::Le, y, x),
            o => (o, x, y),
        };
        let (a, b) = (x, y);
        self.emit(match (w, op, unsigned) {
            (Width::F64, CmpOp::Eq, _) => Op::EqF64 { d, a, b },
            (Width::F64, CmpOp::Ne, _) => Op::NeF64 { d, a, b },
            (Width::F64, CmpOp::Lt, _) => Op::LtF64 { d, a, b },
            (Width::F64, _, _) => Op::LeF64 { d, a, b },
            (Width::F32, CmpOp::Eq, _) => Op::EqF32 { d, a, b },
            (Width::F32, CmpOp::Ne, _) => Op::NeF32 { d, a, b },
            (Width::F32, CmpOp::Lt, _) => Op::LtF32 { d, a, b },
            (Width::F32, _, _) => Op::LeF32 { d, a, b },
            (Width::I64, CmpOp::Eq, _) => Op::Eq64 { d, a, b },
            (Width::I64, CmpOp::Ne, _) => Op::Ne64 { d, a, b },
            (Width::I64, CmpOp::Lt, false) => Op::LtS64 { d, a, b },
            (Width::I64, CmpOp::Lt, true) => Op::LtU64 { d, a, b },
            (Width::I64, _, false) => Op::LeS64 { d, a, b },
            (Width::I64, _, true) => Op::LeU64 { d, a, b },
            (_, CmpOp::Eq, _) => Op::Eq32 { d, a, b },
            (_, CmpOp::Ne, _) => Op::Ne32 { d, a, b },
            (_, CmpOp::Lt, false) => Op::LtS32 { d, a, b },
            (_, CmpOp::Lt, true) => Op::LtU32 { d, a, b },
            (_, _, false) => Op::LeS32 { d, a, b },
            (_, _, true) => Op::LeU32 { d, a, b },
        });
        Some(d)
    }

    /// Jumps to `target` when the scalar `e` is true (`when`) or false.
    pub fn branch(&mut self, e: &Expr, when: bool, target: Label) {
        let t = Target(target.0);
        match &e.kind {
            ExprKind::Const(v) => {
                if (*v != 0) == when {
                    self.jump(target);
                }
            }
            ExprKind::Unary(UnaryOp::LogNot, x) => self.branch(x, !when, target),
            ExprKind::LogAnd(a, b) => {
                if when {
                    let skip = self.new_label();
                    self.branch(a, false, skip);
                    self.branch(b, true, target);
                    self.place_label(skip);
                } else {
                    self.branch(a, false, target);
                    self.branch(b, false, target);
                }
            }
            ExprKind::LogOr(a, b) => {
                if when {
                    self.branch(a, true, target);
                    self.branch(b, true, target);
                } else {
                    let skip = self.new_label();
                    self.branch(a, true, skip);
                    self.branch(b, false, target);
                    self.place_label(skip);
                }
            }
            ExprKind::Compare(op, a, b) if !a.ty.is_float() => {
                let w = self.width(&a.ty);
                let unsigned = a.ty.is_pointer() || !Self::signed(&a.ty);
                let op = if when { *op } else { negate(*op) };
                // A constant operand: compare with an immediate.
                let konst = match (self.imm_of(b, w), self.imm_of(a, w)) {
                    (Some(c), _) => Some((a, c, op)),
                    (None, Some(c)) => Some((b, c, mirror(op))),
                    _ => None,
                };
                if let Some((var, c, op)) = konst {
                    let mark = self.mark();
                    let a = self.value(var, Dst::Any);
                    self.release(mark);
                    self.emit(jump_imm(op, w == Width::I64, unsigned, a, Imm(c as i32), t));
                    return;
                }
                let mark = self.mark();
                let x = self.value(a, Dst::Any);
                let x = self.stable(x, b);
                let y = self.value(b, Dst::Any);
                self.release(mark);
                let (op, a, b) = match op {
                    CmpOp::Gt => (CmpOp::Lt, y, x),
                    CmpOp::Ge => (CmpOp::Le, y, x),
                    o => (o, x, y),
                };
                self.emit(match (w == Width::I64, op, unsigned) {
                    (true, CmpOp::Eq, _) => Op::JEq64 { a, b, t },
                    (true, CmpOp::Ne, _) => Op::JNe64 { a, b, t },
                    (true, CmpOp::Lt, false) => Op::JLtS64 { a, b, t },
                    (true, CmpOp::Lt, true) => Op::JLtU64 { a, b, t },
                    (true, _, false) => Op::JLeS64 { a, b, t },
                    (true, _, true) => Op::JLeU64 { a, b, t },
                    (false, CmpOp::Eq, _) => Op::JEq32 { a, b, t },
                    (false, CmpOp::Ne, _) => Op::JNe32 { a, b, t },
                    (false, CmpOp::Lt, false) => Op::JLtS32 { a, b, t },
                    (false, CmpOp::Lt, true) => Op::JLtU32 { a, b, t },
                    (false, _, false) => Op::JLeS32 { a, b, t },
                    (false, _, true) => Op::JLeU32 { a, b, t },
                });
            }
            _ => {
                let w = self.width(&e.ty);
                let mark = self.mark();
                let s = self.widened(e);
                let s = match w {
                    Width::F32 | Width::F64 => {
                        let d = self.temp(8);
                        let z = self.const_int(Dst::Any, 0, true);
                        if w == Width::F32 {
                            let t = self.temp(8);
                            self.emit(Op::F32ToF64 { d: t, a: s });
                            self.emit(Op::NeF64 { d, a: t, b: z });
                        } else {
                            self.emit(Op::NeF64 { d, a: s, b: z });
                        }
                        d
                    }
                    _ => s,
                };
                self.release(mark);
                let wide = w == Width::I64;
                self.emit(match (wide, when) {
                    (true, true) => Op::Jnz64 { a: s, t },
                    (true, false) => Op::Jz64 { a: s, t },
                    (false, true) => Op::Jnz32 { a: s, t },
                    (false, false) => Op::Jz32 { a: s, t },
                });
            }
        }
    }

    // ---- calls ----------------------------------------------------------------------

    /// A call; its result goes to `dst` (`None`: the result is not used).
    pub fn call(&mut self, callee: &Expr, args: &[Expr], ret: &Type, dst: Option<Dst>) -> Slot {
        // Evaluate everything that may itself call before filling the outgoing area.
        let direct = match &callee.kind {
            ExprKind::AddrOf(f) => match f.kind {
                ExprKind::Func(id) => Some(id),
                _ => None,
            },
            _ => None,
        };
        let target = match direct {
            Some(_) => None,
            None => {
                let s = self.value(callee, Dst::Any);
                Some(self.pointer_copy(s)) // ILP32: zero-extended
            }
        };
        let struct_ret = ret.is_record();
        let ret_size = self.size(ret);
        let ret_buf = struct_ret.then(|| self.temp(ret_size));
        let mut offset = if struct_ret { 8 } else { 0 };
        let mut offsets = Vec::with_capacity(args.len());
        for a in args {
            offsets.push(offset);
            offset += arg_slot(self.size(&a.ty) as u64);
        }
        // Arguments are evaluated right to left, as gcc's x86-64 code does: C leaves the
        // order unspecified, and matching gcc keeps programs' output the same.
        let mut pending: Vec<(u32, &Expr, Option<Place>, Option<Slot>)> = Vec::new();
        for (i, a) in args.iter().enumerate().rev() {
            let later_calls = args[..=i].iter().any(contains_call);
            if a.ty.is_record() {
                let p = self.place(a);
                pending.push((offsets[i], a, Some(p), None));
            } else if later_calls {
                let s = self.value(a, Dst::Any);
                // A value in a variable's slot could change before the call; copy it.
                let keep = self.temp(8);
                self.mov(self.width(&a.ty), keep, s);
                pending.push((offsets[i], a, None, Some(keep)));
            } else {
                pending.push((offsets[i], a, None, None));
            }
        }
        if let Some(buf) = ret_buf {
            let out = self.out(0, 8);
            self.emit(Op::Lea { d: out, a: buf });
        }
        for (off, a, place, slot) in pending {
            let size = self.size(&a.ty);
            let out = self.out(off, arg_slot(size as u64));
            match (place, slot) {
                (Some(p), _) => self.copy(Place::Frame(out), p, size),
                (None, Some(s)) => self.mov(self.width(&a.ty), out, s),
                (None, None) => {
                    let s = self.value(a, Dst::To(out));
                    self.mov(self.width(&a.ty), out, s);
                }
            }
            self.widen_arg(out, &a.ty); // ILP32: 4-byte values fill their 8-byte slot
        }
        self.out(0, offset.max(8));
        match (direct, target) {
            (Some(id), _) => match (self.library)(id) {
                Some(lib) => self.emit(Op::CallB {
                    b: Builtin(lib.id()),
                }),
                None => {
                    self.referenced.insert(id);
                    self.emit(Op::Call { f: Func(id.0) });
                }
            },
            (None, Some(s)) => self.emit(Op::CallInd { a: s }),
            (None, None) => unreachable!("a callee is direct or computed"),
        }
        if let Some(buf) = ret_buf {
            return buf;
        }
        let w = self.width(ret);
        let Some(dst) = dst.filter(|_| w != Width::Void) else {
            return Slot(0);
        };
        // The result stays where the callee left it until the next call (see `stable`).
        let result = self.out(0, 8);
        self.deliver(dst, w, result)
    }

    /// A value held while `later` is evaluated: one sitting in the outgoing area (a call's
    /// result) moves to a temporary if `later` calls and so would overwrite it.
    fn stable(&mut self, s: Slot, later: &Expr) -> Slot {
        if s.0 < OUT_BASE || !contains_call(later) {
            return s;
        }
        let t = self.temp(8);
        self.mov(Width::I64, t, s);
        t
    }

    fn stable_place(&mut self, place: Place, later: &Expr) -> Place {
        match place {
            Place::Mem(p, off) => Place::Mem(self.stable(p, later), off),
            Place::Index(p, i, scale) => {
                let p = self.stable(p, later);
                Place::Index(p, self.stable(i, later), scale)
            }
            other => other,
        }
    }

    // ---- initialization ---------------------------------------------------------------

    pub fn init_local(&mut self, id: LocalId, pieces: &[InitPiece]) {
        let base = self.local_slot(id);
        for piece in pieces {
            match piece {
                InitPiece::Zero { offset, len } => {
                    self.emit(Op::ZeroN {
                        d: Slot(base.0 + *offset as i32),
                        n: Size(*len as u32),
                    });
                }
                InitPiece::Bytes { offset, bytes } => {
                    self.init_bytes(Slot(base.0 + *offset as i32), bytes)
                }
                InitPiece::Expr { offset, expr } => {
                    let d = Slot(base.0 + *offset as i32);
                    if expr.ty.is_record() {
                        let src = self.place(expr);
                        self.copy(Place::Frame(d), src, self.size(&expr.ty));
                    } else {
                        let w = self.width(&expr.ty);
                        let s = self.value(expr, Dst::To(d));
                        self.mov(w, d, s);
                    }
                }
            }
        }
    }

    /// Stores constant bytes into the frame, eight at a time.
    fn init_bytes(&mut self, d: Slot, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            let rest = bytes.len() - i;
            let at = Slot(d.0 + i as i32);
            let chunk = |n: usize| {
                let mut b = [0u8; 8];
                b[..n].copy_from_slice(&bytes[i..i + n]);
                u64::from_le_bytes(b)
            };
            if rest >= 8 {
                self.emit(Op::Const64 {
                    d: at,
                    imm: Imm64(chunk(8)),
                });
                i += 8;
            } else if rest >= 4 {
                self.emit(Op::Const32 {
                    d: at,
                    imm: Imm(chunk(4) as u32 as i32),
                });
                i += 4;
            } else {
                let n = if rest >= 2 { 2 } else { 1 };
                let t = self.const_int(Dst::Any, chunk(n), false);
                self.mov(if n == 2 { Width::I16 } else { Width::I8 }, at, t);
                i += n;
            }
        }
    }
}

fn align_up(x: i64, a: i64) -> i64 {
    (x + a - 1).div_euclid(a) * a
}

/// The same comparison with its operands swapped.
fn mirror(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Ge => CmpOp::Le,
        o => o,
    }
}

/// `if a op imm: pc = t`.
fn jump_imm(op: CmpOp, wide: bool, unsigned: bool, a: Slot, imm: Imm, t: Target) -> Op {
    use CmpOp::*;
    match (wide, op, unsigned) {
        (false, Eq, _) => Op::JEqI32 { a, imm, t },
        (false, Ne, _) => Op::JNeI32 { a, imm, t },
        (false, Lt, false) => Op::JLtSI32 { a, imm, t },
        (false, Le, false) => Op::JLeSI32 { a, imm, t },
        (false, Gt, false) => Op::JGtSI32 { a, imm, t },
        (false, Ge, false) => Op::JGeSI32 { a, imm, t },
        (false, Lt, true) => Op::JLtUI32 { a, imm, t },
        (false, Le, true) => Op::JLeUI32 { a, imm, t },
        (false, Gt, true) => Op::JGtUI32 { a, imm, t },
        (false, Ge, true) => Op::JGeUI32 { a, imm, t },
        (true, Eq, _) => Op::JEqI64 { a, imm, t },
        (true, Ne, _) => Op::JNeI64 { a, imm, t },
        (true, Lt, false) => Op::JLtSI64 { a, imm, t },
        (true, Le, false) => Op::JLeSI64 { a, imm, t },
        (true, Gt, false) => Op::JGtSI64 { a, imm, t },
        (true, Ge, false) => Op::JGeSI64 { a, imm, t },
        (true, Lt, true) => Op::JLtUI64 { a, imm, t },
        (true, Le, true) => Op::JLeUI64 { a, imm, t },
        (true, Gt, true) => Op::JGtUI64 { a, imm, t },
        (true, Ge, true) => Op::JGeUI64 { a, imm, t },
    }
}

fn negate(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Eq => CmpOp::Ne,
        CmpOp::Ne => CmpOp::Eq,
        CmpOp::Lt => CmpOp::Ge,
        CmpOp::Ge => CmpOp::Lt,
        CmpOp::Le => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Le,
    }
}

/// The instruction for `d = a op imm`, if there is one (a subtraction adds the negation).
fn imm_op(op: BinaryOp, w: Width, c: i64, signed: bool) -> Option<impl Fn(Slot, Slot) -> Op> {
    let c = if op == BinaryOp::Sub {
        c.checked_neg()?
    } else {
        c
    };
    let imm = Imm(i32::try_from(c).ok()?);
    let wide = match w {
        Width::I32 => false,
        Width::I64 => true,
        _ => return None,
    };
    use BinaryOp::*;
    let make: fn(Slot, Slot, Imm) -> Op = match (op, wide) {
        (Add | Sub, false) => |d, a, imm| Op::AddI32 { d, a, imm },
        (Mul, false) => |d, a, imm| Op::MulI32 { d, a, imm },
        (BitAnd, false) => |d, a, imm| Op::AndI32 { d, a, imm },
        (BitOr, false) => |d, a, imm| Op::OrI32 { d, a, imm },
        (BitXor, false) => |d, a, imm| Op::XorI32 { d, a, imm },
        (Add | Sub, true) => |d, a, imm| Op::AddI64 { d, a, imm },
        (Mul, true) => |d, a, imm| Op::MulI64 { d, a, imm },
        (BitAnd, true) => |d, a, imm| Op::AndI64 { d, a, imm },
        (BitOr, true) => |d, a, imm| Op::OrI64 { d, a, imm },
        (BitXor, true) => |d, a, imm| Op::XorI64 { d, a, imm },
        (Shl, false) => |d, a, imm| Op::ShlI32 { d, a, imm },
        (Shl, true) => |d, a, imm| Op::ShlI64 { d, a, imm },
        (Shr, false) if signed => |d, a, imm| Op::ShrSI32 { d, a, imm },
        (Shr, false) => |d, a, imm| Op::ShrUI32 { d, a, imm },
        (Shr, true) if signed => |d, a, imm| Op::ShrSI64 { d, a, imm },
        (Shr, true) => |d, a, imm| Op::ShrUI64 { d, a, imm },
        _ => return None,
    };
    Some(move |d, a| make(d, a, imm))
}

/// Whether evaluating the expression may call a function (and so reuse the outgoing
/// argument area).
pub(super) fn contains_call(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call(..) => true,
        ExprKind::Error => false,
        ExprKind::Const(_)
        | ExprKind::FConst(_)
        | ExprKind::Local(_)
        | ExprKind::Global(_)
        | ExprKind::Str(_)
        | ExprKind::Func(_)
        | ExprKind::Old => false,
        ExprKind::Deref(x)
        | ExprKind::Member(x, _)
        | ExprKind::AddrOf(x)
        | ExprKind::Convert(x)
        | ExprKind::Unary(_, x)
        | ExprKind::VaArg(x)
        | ExprKind::VaStart(x, _) => contains_call(x),
        ExprKind::Binary(_, a, b)
        | ExprKind::Compare(_, a, b)
        | ExprKind::PtrOffset(a, b, _)
        | ExprKind::PtrDiff(a, b, _)
        | ExprKind::LogAnd(a, b)
        | ExprKind::LogOr(a, b)
        | ExprKind::Assign(a, b)
        | ExprKind::Comma(a, b) => contains_call(a) || contains_call(b),
        ExprKind::Modify { target, value, .. } => contains_call(target) || contains_call(value),
        ExprKind::Cond(c, t, f) => contains_call(c) || contains_call(t) || contains_call(f),
        ExprKind::InitLocal(_, pieces) => pieces
            .iter()
            .any(|p| matches!(p, InitPiece::Expr { expr, .. } if contains_call(expr))),
    }
}
