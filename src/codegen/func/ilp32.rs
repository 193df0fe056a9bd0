//! ILP32 (`--target ilp32`): pointers are 4 bytes, in memory and in their frame slots.
//!
//! The VM reads an address from a slot as 8 bytes, and instructions that compute an
//! address (`lea`, `addr`, 64-bit adds) write 8. In ILP32 the upper half of a 4-byte
//! pointer's slot is stale, so a pointer is zero-extended into a temporary before it is
//! used as an address, and a computed address reaches a 4-byte slot through a temporary.
//! Calls widen 4-byte arguments in their 8-byte slots, so the library, which reads 8-byte
//! slots, sees clean values. Under LP64 every helper here emits nothing extra.

use super::{Dst, FuncGen, Width};
use crate::bytecode::*;
use crate::frontend::typed::{Expr, ExprKind};
use crate::frontend::types::Type;

impl FuncGen<'_> {
    /// Pointers are 4 bytes.
    pub(super) fn ilp32(&self) -> bool {
        self.types.target.ptr_size == 4
    }

    /// The width a pointer value moves with.
    pub(super) fn ptr_width(&self) -> Width {
        if self.ilp32() { Width::I32 } else { Width::I64 }
    }

    /// A pointer value about to be used as an address (by a load, store, block copy or
    /// call): zero-extended in ILP32.
    pub(super) fn as_address(&mut self, p: Slot) -> Slot {
        if !self.ilp32() {
            return p;
        }
        let d = self.temp(8);
        self.emit(Op::Zext32 { d, a: p });
        d
    }

    /// A copy of a pointer in a temporary of its own, usable as an address.
    pub(super) fn pointer_copy(&mut self, p: Slot) -> Slot {
        if self.ilp32() {
            return self.as_address(p);
        }
        let d = self.temp(8);
        self.mov(Width::I64, d, p);
        d
    }

    /// Where an instruction that writes an 8-byte address puts it, for a result going to
    /// `dst`; [`Self::addr_result`] then moves it there at the pointer's width.
    pub(super) fn addr_dst(&mut self, dst: Dst) -> Slot {
        match dst {
            Dst::To(_) if self.ilp32() => self.temp(8),
            _ => self.dst_slot(dst),
        }
    }

    pub(super) fn addr_result(&mut self, dst: Dst, d: Slot) -> Slot {
        self.deliver(dst, self.ptr_width(), d)
    }

    /// A 4-byte integer or pointer argument, already in its 8-byte outgoing slot,
    /// sign- or zero-extended to fill it (ILP32 only: under LP64 such values are ints,
    /// which the library reads as 4 bytes).
    pub(super) fn widen_arg(&mut self, out: Slot, ty: &Type) {
        if !self.ilp32() || self.size(ty) != 4 || ty.is_float() || ty.is_record() {
            return;
        }
        self.emit(if Self::signed(ty) {
            Op::Sext32 { d: out, a: out }
        } else {
            Op::Zext32 { d: out, a: out }
        });
    }

    /// `p + i * size` for a pointer and an `int` index (ptrdiff_t), in 32-bit arithmetic:
    /// addresses wrap at 4 GiB, and only the bytes that hold the values are read (so
    /// `--check` sees them defined).
    pub(super) fn ptr_offset_32(&mut self, dst: Dst, p: Slot, i: &Expr, size: u64) -> Slot {
        if let ExprKind::Const(c) = i.kind {
            let d = self.dst_slot(dst);
            let imm = Imm(c.wrapping_mul(size) as u32 as i32);
            self.emit(Op::AddI32 { d, a: p, imm });
            return d;
        }
        let i = self.value(i, Dst::Any);
        let scaled = if size == 1 {
            i
        } else {
            let t = self.temp(8);
            self.emit(Op::MulI32 {
                d: t,
                a: i,
                imm: Imm(size as u32 as i32),
            });
            t
        };
        let d = self.dst_slot(dst);
        self.emit(Op::Add32 { d, a: p, b: scaled });
        d
    }

    /// `a - b` for two pointers, in elements of `size` bytes: a 32-bit `int` in ILP32.
    pub(super) fn ptr_diff_32(&mut self, d: Slot, a: Slot, b: Slot, size: u64) {
        self.emit(Op::Sub32 { d, a, b });
        if size > 1 {
            let s = self.const_int(Dst::Any, size, false);
            self.emit(Op::DivS32 { d, a: d, b: s });
        }
    }
}
