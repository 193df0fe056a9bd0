//! What each instruction reads and writes, for the tracer and for `--check`: frame slots, memory through
//! a pointer, absolute addresses, and the frame and stack pointers.
//!
//! This follows the register-transfer notation documented on each instruction in
//! [`crate::bytecode::ops`]; `every_op_has_effects` checks the table stays complete.

use crate::bytecode::{Op, Slot};

/// How many bytes a location holds and how to show them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    U8,
    U16,
    /// 32 bits, shown signed.
    I32,
    /// 64 bits: shown in hex when it looks like an address.
    I64,
    F32,
    F64,
    Bytes(u32),
}

impl Width {
    pub fn size(self) -> u64 {
        match self {
            Width::U8 => 1,
            Width::U16 => 2,
            Width::I32 | Width::F32 => 4,
            Width::I64 | Width::F64 => 8,
            Width::Bytes(n) => n as u64,
        }
    }
}

/// A place an instruction reads or writes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Loc {
    /// A frame slot: `fp + offset`.
    Slot(Slot, Width),
    /// Memory at the pointer in a slot plus an offset.
    Mem(Slot, i32, Width),
    /// Memory at the pointer in the first slot plus the signed 32-bit index in the second
    /// times the width (an array element).
    Indexed(Slot, Slot, Width),
    /// Memory at an absolute address (a global).
    Abs(u64, Width),
    /// The result area of a library call, at the stack pointer.
    StackTop(Width),
    /// What a call pushes below the stack pointer: the caller's frame pointer (at
    /// `sp - 16`, `false`) or the return address (at `sp - 8`, `true`).
    Pushed(bool),
    /// The frame pointer register.
    Fp,
    /// The stack pointer register.
    Sp,
}

impl Loc {
    /// The width of a memory or slot location.
    pub fn width(self) -> Option<Width> {
        match self {
            Loc::Slot(_, w)
            | Loc::Mem(_, _, w)
            | Loc::Indexed(_, _, w)
            | Loc::Abs(_, w)
            | Loc::StackTop(w) => Some(w),
            Loc::Pushed(_) => Some(Width::I64),
            Loc::Fp | Loc::Sp => None,
        }
    }

    /// The address of a location, given the frame and stack pointers and a way to read a
    /// frame slot's 8 bytes (for pointers and indices); `None` for the registers.
    pub fn address(self, fp: u64, sp: u64, slot: impl Fn(Slot) -> u64) -> Option<u64> {
        let at = |s: Slot| fp.wrapping_add(s.0 as i64 as u64);
        Some(match self {
            Loc::Slot(s, _) => at(s),
            Loc::Mem(p, off, _) => slot(p).wrapping_add(off as i64 as u64),
            Loc::Indexed(p, i, w) => {
                let index = slot(i) as u32 as i32 as i64 as u64;
                slot(p).wrapping_add(index.wrapping_mul(w.size()))
            }
            Loc::Abs(a, _) => a,
            Loc::StackTop(_) => sp,
            Loc::Pushed(ret) => sp.wrapping_sub(if ret { 8 } else { 16 }),
            Loc::Fp | Loc::Sp => return None,
        })
    }
}

/// The locations one instruction reads and writes, and whether it may jump.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Effects {
    pub reads: Vec<Loc>,
    pub writes: Vec<Loc>,
    /// A conditional jump: the tracer says whether it was taken.
    pub branches: bool,
}

fn e(reads: Vec<Loc>, writes: Vec<Loc>) -> Effects {
    Effects {
        reads,
        writes,
        branches: false,
    }
}

fn branch(reads: Vec<Loc>) -> Effects {
    Effects {
        reads,
        writes: Vec::new(),
        branches: true,
    }
}

/// The reads and writes of an instruction.
pub fn of(op: &Op) -> Effects {
    use Loc::{Abs, Mem, Slot as S};
    use Width::*;
    let ptr = |p: Slot| S(p, I64);
    let idx = |i: Slot| S(i, I32);
    use Loc::Indexed as X;
    match *op {
        Op::Nop {} | Op::Jmp { .. } => Effects::default(),
        Op::Mov8 { d, a } => e(vec![S(a, U8)], vec![S(d, U8)]),
        Op::Mov16 { d, a } => e(vec![S(a, U16)], vec![S(d, U16)]),
        Op::Mov32 { d, a } => e(vec![S(a, I32)], vec![S(d, I32)]),
        Op::Mov64 { d, a } => e(vec![S(a, I64)], vec![S(d, I64)]),
        Op::MovN { d, a, n } => e(vec![S(a, Bytes(n.0))], vec![S(d, Bytes(n.0))]),
        Op::ZeroN { d, n } => e(vec![], vec![S(d, Bytes(n.0))]),
        Op::Const32 { d, .. } => e(vec![], vec![S(d, I32)]),
        Op::Const64 { d, .. } | Op::Lea { d, .. } | Op::AddrOf { d, .. } => {
            e(vec![], vec![S(d, I64)])
        }
        Op::LeaXS32 { d, p, i, .. } | Op::LeaXU32 { d, p, i, .. } => {
            e(vec![ptr(p), S(i, I32)], vec![S(d, I64)])
        }
        Op::LeaX64 { d, p, i, .. } => e(vec![ptr(p), S(i, I64)], vec![S(d, I64)]),

        Op::Ld8s { d, p, off } | Op::Ld8u { d, p, off } => {
            e(vec![ptr(p), Mem(p, off.0, U8)], vec![S(d, I32)])
        }
        Op::Ld16s { d, p, off } | Op::Ld16u { d, p, off } => {
            e(vec![ptr(p), Mem(p, off.0, U16)], vec![S(d, I32)])
        }
        Op::Ld32 { d, p, off } => e(vec![ptr(p), Mem(p, off.0, I32)], vec![S(d, I32)]),
        Op::Ld64 { d, p, off } => e(vec![ptr(p), Mem(p, off.0, I64)], vec![S(d, I64)]),
        Op::St8 { p, off, a } => e(vec![ptr(p), S(a, U8)], vec![Mem(p, off.0, U8)]),
        Op::St16 { p, off, a } => e(vec![ptr(p), S(a, U16)], vec![Mem(p, off.0, U16)]),
        Op::St32 { p, off, a } => e(vec![ptr(p), S(a, I32)], vec![Mem(p, off.0, I32)]),
        Op::St64 { p, off, a } => e(vec![ptr(p), S(a, I64)], vec![Mem(p, off.0, I64)]),
        Op::LdX8s { d, p, i } | Op::LdX8u { d, p, i } => {
            e(vec![ptr(p), idx(i), X(p, i, U8)], vec![S(d, I32)])
        }
        Op::LdX16s { d, p, i } | Op::LdX16u { d, p, i } => {
            e(vec![ptr(p), idx(i), X(p, i, U16)], vec![S(d, I32)])
        }
        Op::LdX32 { d, p, i } => e(vec![ptr(p), idx(i), X(p, i, I32)], vec![S(d, I32)]),
        Op::LdX64 { d, p, i } => e(vec![ptr(p), idx(i), X(p, i, I64)], vec![S(d, I64)]),
        Op::StX8 { p, i, a } => e(vec![ptr(p), idx(i), S(a, U8)], vec![X(p, i, U8)]),
        Op::StX16 { p, i, a } => e(vec![ptr(p), idx(i), S(a, U16)], vec![X(p, i, U16)]),
        Op::StX32 { p, i, a } => e(vec![ptr(p), idx(i), S(a, I32)], vec![X(p, i, I32)]),
        Op::StX64 { p, i, a } => e(vec![ptr(p), idx(i), S(a, I64)], vec![X(p, i, I64)]),
        Op::LdN { d, p, n } => e(vec![ptr(p), Mem(p, 0, Bytes(n.0))], vec![S(d, Bytes(n.0))]),
        Op::StN { p, a, n } => e(vec![ptr(p), S(a, Bytes(n.0))], vec![Mem(p, 0, Bytes(n.0))]),
        Op::CopyMem { d, a, n } => e(
            vec![ptr(d), ptr(a), Mem(a, 0, Bytes(n.0))],
            vec![Mem(d, 0, Bytes(n.0))],
        ),
        Op::ZeroMem { p, n } => e(vec![ptr(p)], vec![Mem(p, 0, Bytes(n.0))]),
        Op::Ldg8s { d, addr } | Op::Ldg8u { d, addr } => {
            e(vec![Abs(addr.0 as u64, U8)], vec![S(d, I32)])
        }
        Op::Ldg16s { d, addr } | Op::Ldg16u { d, addr } => {
            e(vec![Abs(addr.0 as u64, U16)], vec![S(d, I32)])
        }
        Op::Ldg32 { d, addr } => e(vec![Abs(addr.0 as u64, I32)], vec![S(d, I32)]),
        Op::Ldg64 { d, addr } => e(vec![Abs(addr.0 as u64, I64)], vec![S(d, I64)]),
        Op::Stg8 { addr, a } => e(vec![S(a, U8)], vec![Abs(addr.0 as u64, U8)]),
        Op::Stg16 { addr, a } => e(vec![S(a, U16)], vec![Abs(addr.0 as u64, U16)]),
        Op::Stg32 { addr, a } => e(vec![S(a, I32)], vec![Abs(addr.0 as u64, I32)]),
        Op::Stg64 { addr, a } => e(vec![S(a, I64)], vec![Abs(addr.0 as u64, I64)]),

        Op::Add32 { d, a, b }
        | Op::Sub32 { d, a, b }
        | Op::Mul32 { d, a, b }
        | Op::DivS32 { d, a, b }
        | Op::DivU32 { d, a, b }
        | Op::RemS32 { d, a, b }
        | Op::RemU32 { d, a, b }
        | Op::And32 { d, a, b }
        | Op::Or32 { d, a, b }
        | Op::Xor32 { d, a, b }
        | Op::Shl32 { d, a, b }
        | Op::ShrS32 { d, a, b }
        | Op::ShrU32 { d, a, b }
        | Op::Eq32 { d, a, b }
        | Op::Ne32 { d, a, b }
        | Op::LtS32 { d, a, b }
        | Op::LeS32 { d, a, b }
        | Op::LtU32 { d, a, b }
        | Op::LeU32 { d, a, b } => e(vec![S(a, I32), S(b, I32)], vec![S(d, I32)]),
        Op::Add64 { d, a, b }
        | Op::Sub64 { d, a, b }
        | Op::Mul64 { d, a, b }
        | Op::DivS64 { d, a, b }
        | Op::DivU64 { d, a, b }
        | Op::RemS64 { d, a, b }
        | Op::RemU64 { d, a, b }
        | Op::And64 { d, a, b }
        | Op::Or64 { d, a, b }
        | Op::Xor64 { d, a, b }
        | Op::Shl64 { d, a, b }
        | Op::ShrS64 { d, a, b }
        | Op::ShrU64 { d, a, b } => e(vec![S(a, I64), S(b, I64)], vec![S(d, I64)]),
        Op::Eq64 { d, a, b }
        | Op::Ne64 { d, a, b }
        | Op::LtS64 { d, a, b }
        | Op::LeS64 { d, a, b }
        | Op::LtU64 { d, a, b }
        | Op::LeU64 { d, a, b } => e(vec![S(a, I64), S(b, I64)], vec![S(d, I32)]),
        Op::AddI32 { d, a, .. }
        | Op::MulI32 { d, a, .. }
        | Op::AndI32 { d, a, .. }
        | Op::OrI32 { d, a, .. }
        | Op::XorI32 { d, a, .. }
        | Op::ShlI32 { d, a, .. }
        | Op::ShrSI32 { d, a, .. }
        | Op::ShrUI32 { d, a, .. }
        | Op::Neg32 { d, a }
        | Op::Not32 { d, a }
        | Op::LNot32 { d, a } => e(vec![S(a, I32)], vec![S(d, I32)]),
        Op::AddI64 { d, a, .. }
        | Op::MulI64 { d, a, .. }
        | Op::AndI64 { d, a, .. }
        | Op::OrI64 { d, a, .. }
        | Op::XorI64 { d, a, .. }
        | Op::ShlI64 { d, a, .. }
        | Op::ShrSI64 { d, a, .. }
        | Op::ShrUI64 { d, a, .. }
        | Op::Neg64 { d, a }
        | Op::Not64 { d, a } => e(vec![S(a, I64)], vec![S(d, I64)]),
        Op::LNot64 { d, a } => e(vec![S(a, I64)], vec![S(d, I32)]),

        Op::AddF64 { d, a, b }
        | Op::SubF64 { d, a, b }
        | Op::MulF64 { d, a, b }
        | Op::DivF64 { d, a, b } => e(vec![S(a, F64), S(b, F64)], vec![S(d, F64)]),
        Op::AddF32 { d, a, b }
        | Op::SubF32 { d, a, b }
        | Op::MulF32 { d, a, b }
        | Op::DivF32 { d, a, b } => e(vec![S(a, F32), S(b, F32)], vec![S(d, F32)]),
        Op::NegF64 { d, a } => e(vec![S(a, F64)], vec![S(d, F64)]),
        Op::NegF32 { d, a } => e(vec![S(a, F32)], vec![S(d, F32)]),
        Op::EqF64 { d, a, b }
        | Op::NeF64 { d, a, b }
        | Op::LtF64 { d, a, b }
        | Op::LeF64 { d, a, b } => e(vec![S(a, F64), S(b, F64)], vec![S(d, I32)]),
        Op::EqF32 { d, a, b }
        | Op::NeF32 { d, a, b }
        | Op::LtF32 { d, a, b }
        | Op::LeF32 { d, a, b } => e(vec![S(a, F32), S(b, F32)], vec![S(d, I32)]),

        Op::Sext8 { d, a } | Op::Zext8 { d, a } => e(vec![S(a, U8)], vec![S(d, I32)]),
        Op::Sext16 { d, a } | Op::Zext16 { d, a } => e(vec![S(a, U16)], vec![S(d, I32)]),
        Op::Sext32 { d, a } | Op::Zext32 { d, a } => e(vec![S(a, I32)], vec![S(d, I64)]),
        Op::Bool32 { d, a } => e(vec![S(a, I32)], vec![S(d, U8)]),
        Op::Bool64 { d, a } => e(vec![S(a, I64)], vec![S(d, U8)]),
        Op::BoolF64 { d, a } => e(vec![S(a, F64)], vec![S(d, U8)]),
        Op::I32ToF64 { d, a } | Op::U32ToF64 { d, a } => e(vec![S(a, I32)], vec![S(d, F64)]),
        Op::I64ToF64 { d, a } | Op::U64ToF64 { d, a } => e(vec![S(a, I64)], vec![S(d, F64)]),
        Op::I32ToF32 { d, a } | Op::U32ToF32 { d, a } => e(vec![S(a, I32)], vec![S(d, F32)]),
        Op::I64ToF32 { d, a } | Op::U64ToF32 { d, a } => e(vec![S(a, I64)], vec![S(d, F32)]),
        Op::F64ToI32 { d, a } | Op::F64ToU32 { d, a } => e(vec![S(a, F64)], vec![S(d, I32)]),
        Op::F64ToI64 { d, a } | Op::F64ToU64 { d, a } => e(vec![S(a, F64)], vec![S(d, I64)]),
        Op::F32ToF64 { d, a } => e(vec![S(a, F32)], vec![S(d, F64)]),
        Op::F64ToF32 { d, a } => e(vec![S(a, F64)], vec![S(d, F32)]),

        Op::Jz32 { a, .. }
        | Op::Jnz32 { a, .. }
        | Op::JEqI32 { a, .. }
        | Op::JNeI32 { a, .. }
        | Op::JLtSI32 { a, .. }
        | Op::JLeSI32 { a, .. }
        | Op::JGtSI32 { a, .. }
        | Op::JGeSI32 { a, .. }
        | Op::JLtUI32 { a, .. }
        | Op::JLeUI32 { a, .. }
        | Op::JGtUI32 { a, .. }
        | Op::JGeUI32 { a, .. } => branch(vec![S(a, I32)]),
        Op::Jz64 { a, .. }
        | Op::Jnz64 { a, .. }
        | Op::JEqI64 { a, .. }
        | Op::JNeI64 { a, .. }
        | Op::JLtSI64 { a, .. }
        | Op::JLeSI64 { a, .. }
        | Op::JGtSI64 { a, .. }
        | Op::JGeSI64 { a, .. }
        | Op::JLtUI64 { a, .. }
        | Op::JLeUI64 { a, .. }
        | Op::JGtUI64 { a, .. }
        | Op::JGeUI64 { a, .. } => branch(vec![S(a, I64)]),
        Op::JEq32 { a, b, .. }
        | Op::JNe32 { a, b, .. }
        | Op::JLtS32 { a, b, .. }
        | Op::JLeS32 { a, b, .. }
        | Op::JLtU32 { a, b, .. }
        | Op::JLeU32 { a, b, .. } => branch(vec![S(a, I32), S(b, I32)]),
        Op::JEq64 { a, b, .. }
        | Op::JNe64 { a, b, .. }
        | Op::JLtS64 { a, b, .. }
        | Op::JLeS64 { a, b, .. }
        | Op::JLtU64 { a, b, .. }
        | Op::JLeU64 { a, b, .. } => branch(vec![S(a, I64), S(b, I64)]),

        // A call pushes the return address and the caller's frame pointer below the
        // stack pointer; the new frame pointer points at them.
        Op::Call { .. } => e(vec![], vec![Loc::Pushed(true), Loc::Pushed(false), Loc::Fp]),
        Op::CallInd { a } => e(
            vec![S(a, I64)],
            vec![Loc::Pushed(true), Loc::Pushed(false), Loc::Fp],
        ),
        Op::CallB { .. } => e(vec![], vec![Loc::StackTop(I64)]),
        Op::Enter { .. } => e(vec![], vec![Loc::Sp]),
        Op::CallEnter { .. } => e(
            vec![],
            vec![Loc::Pushed(true), Loc::Pushed(false), Loc::Fp, Loc::Sp],
        ),
        Op::Ret {} => e(vec![S(Slot(8), I64), S(Slot(0), I64)], vec![Loc::Fp]),
        Op::TailB { .. } => e(vec![], vec![S(Slot(16), I64), Loc::Fp]),
        Op::Ret32 { a } => e(vec![S(a, I32)], vec![S(Slot(16), I32), Loc::Fp]),
        Op::Ret64 { a } => e(vec![S(a, I64)], vec![S(Slot(16), I64), Loc::Fp]),
        Op::Exit { a } => e(vec![S(a, I32)], vec![]),
        Op::IncJLtSI32 { a, .. }
        | Op::IncJLeSI32 { a, .. }
        | Op::IncJGtSI32 { a, .. }
        | Op::IncJGeSI32 { a, .. }
        | Op::IncJNeI32 { a, .. } => Effects {
            branches: true,
            ..e(vec![S(a, I32)], vec![S(a, I32)])
        },
        Op::IncJLtS32 { a, b, .. } | Op::IncJLeS32 { a, b, .. } | Op::IncJNe32 { a, b, .. } => {
            Effects {
                branches: true,
                ..e(vec![S(a, I32), S(b, I32)], vec![S(a, I32)])
            }
        }
        Op::AddJLtSI32 { a, by, .. }
        | Op::AddJLeSI32 { a, by, .. }
        | Op::AddJGtSI32 { a, by, .. }
        | Op::AddJGeSI32 { a, by, .. } => Effects {
            branches: true,
            ..e(vec![S(a, I32), S(by.slot(), I32)], vec![S(a, I32)])
        },
        Op::IncJLtU64 { a, b, .. } | Op::IncJLtS64 { a, b, .. } => Effects {
            branches: true,
            ..e(vec![S(a, I64), S(b, I64)], vec![S(a, I64)])
        },
        Op::Trap {} => Effects::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::*;

    #[test]
    fn stores_write_memory_and_loads_read_it() {
        let st = of(&Op::St32 {
            p: Slot(-8),
            off: Imm(4),
            a: Slot(-12),
        });
        assert_eq!(st.writes, vec![Loc::Mem(Slot(-8), 4, Width::I32)]);
        let ld = of(&Op::Ld64 {
            d: Slot(-16),
            p: Slot(-8),
            off: Imm(0),
        });
        assert!(ld.reads.contains(&Loc::Mem(Slot(-8), 0, Width::I64)));
        assert!(
            of(&Op::JLtS32 {
                a: Slot(-4),
                b: Slot(-8),
                t: Target(0)
            })
            .branches
        );
    }
}
