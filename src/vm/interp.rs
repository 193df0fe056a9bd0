//! The dispatch loop: one arm per instruction, each a line or two. Frame slots are read
//! and written at `fp + offset`; memory through pointers goes through [`Memory`]'s checks.

use super::{Halt, Observer, Vm};
use crate::arith;
use crate::bytecode::*;
use crate::vm::Trap;

/// Reads frame slots and writes results: the only code that touches slot bytes.
macro_rules! slot_access {
    ($($read:ident / $write:ident : $t:ty = $n:literal),*) => {
        impl Vm<'_> {
            $(
                #[inline(always)]
                pub(crate) fn $read(&self, s: Slot) -> Result<$t, Trap> {
                    let at = self.fp.wrapping_add(s.0 as i64 as u64) as usize;
                    match self.mem.bytes().get(at..at + $n) {
                        Some(b) => Ok(<$t>::from_le_bytes(b.try_into().unwrap_or([0; $n]))),
                        None => Err(self.frame_fault(s)),
                    }
                }

                #[inline(always)]
                pub(crate) fn $write(&mut self, s: Slot, v: $t) -> Result<(), Trap> {
                    let at = self.fp.wrapping_add(s.0 as i64 as u64) as usize;
                    match self.mem.bytes_mut().get_mut(at..at + $n) {
                        Some(b) => {
                            b.copy_from_slice(&v.to_le_bytes());
                            Ok(())
                        }
                        None => Err(self.frame_fault(s)),
                    }
                }
            )*
        }
    };
}

slot_access!(r8 / w8: u8 = 1, r16 / w16: u16 = 2, r32 / w32: u32 = 4, r64 / w64: u64 = 8);

impl Vm<'_> {
    fn frame_fault(&self, s: Slot) -> Trap {
        let addr = self.fp.wrapping_add(s.0 as i64 as u64);
        Trap::SegmentationFault {
            addr,
            size: 8,
            write: false,
        }
    }

    fn f32(&self, s: Slot) -> Result<f32, Trap> {
        Ok(f32::from_bits(self.r32(s)?))
    }

    fn f64(&self, s: Slot) -> Result<f64, Trap> {
        Ok(f64::from_bits(self.r64(s)?))
    }

    fn wf32(&mut self, s: Slot, v: f32) -> Result<(), Trap> {
        self.w32(s, v.to_bits())
    }

    fn wf64(&mut self, s: Slot, v: f64) -> Result<(), Trap> {
        self.w64(s, v.to_bits())
    }

    /// `base + off` for a pointer in a slot.
    fn ea(&self, p: Slot, off: Imm) -> Result<u64, Trap> {
        Ok(self.r64(p)?.wrapping_add(off.0 as i64 as u64))
    }

    fn int32(
        &mut self,
        d: Slot,
        a: Slot,
        b: Slot,
        op: arith::IntOp,
        signed: bool,
    ) -> Result<(), Trap> {
        let (x, y) = (self.r32(a)? as u64, self.r32(b)? as u64);
        let r = arith::int_op(op, 32, signed, x, y).ok_or(Trap::DivisionByZero)?;
        self.w32(d, r as u32)
    }

    fn int64(
        &mut self,
        d: Slot,
        a: Slot,
        b: Slot,
        op: arith::IntOp,
        signed: bool,
    ) -> Result<(), Trap> {
        let (x, y) = (self.r64(a)?, self.r64(b)?);
        let r = arith::int_op(op, 64, signed, x, y).ok_or(Trap::DivisionByZero)?;
        self.w64(d, r)
    }

    fn cmp32(
        &mut self,
        d: Slot,
        a: Slot,
        b: Slot,
        op: arith::Cmp,
        signed: bool,
    ) -> Result<(), Trap> {
        let r = arith::int_cmp(op, 32, signed, self.r32(a)? as u64, self.r32(b)? as u64);
        self.w32(d, r as u32)
    }

    fn cmp64(
        &mut self,
        d: Slot,
        a: Slot,
        b: Slot,
        op: arith::Cmp,
        signed: bool,
    ) -> Result<(), Trap> {
        let r = arith::int_cmp(op, 64, signed, self.r64(a)?, self.r64(b)?);
        self.w32(d, r as u32)
    }

    fn branch32(
        &mut self,
        a: Slot,
        b: Slot,
        t: Target,
        op: arith::Cmp,
        signed: bool,
    ) -> Result<(), Trap> {
        if arith::int_cmp(op, 32, signed, self.r32(a)? as u64, self.r32(b)? as u64) {
            self.pc = t.0 as usize;
        }
        Ok(())
    }

    fn branch64(
        &mut self,
        a: Slot,
        b: Slot,
        t: Target,
        op: arith::Cmp,
        signed: bool,
    ) -> Result<(), Trap> {
        if arith::int_cmp(op, 64, signed, self.r64(a)?, self.r64(b)?) {
            self.pc = t.0 as usize;
        }
        Ok(())
    }

    fn fcmp64(&mut self, d: Slot, a: Slot, b: Slot, op: arith::Cmp) -> Result<(), Trap> {
        let r = op.holds(self.f64(a)?, self.f64(b)?);
        self.w32(d, r as u32)
    }

    fn fcmp32(&mut self, d: Slot, a: Slot, b: Slot, op: arith::Cmp) -> Result<(), Trap> {
        let r = op.holds(self.f32(a)?, self.f32(b)?);
        self.w32(d, r as u32)
    }

    /// Copies `n` bytes between frame slots.
    fn move_slots(&mut self, d: Slot, a: Slot, n: Size) -> Result<(), Trap> {
        let src = self.fp.wrapping_add(a.0 as i64 as u64) as usize;
        let dst = self.fp.wrapping_add(d.0 as i64 as u64) as usize;
        let len = self.mem.size() as usize;
        if src + n.0 as usize > len || dst + n.0 as usize > len {
            return Err(self.frame_fault(d));
        }
        self.mem
            .bytes_mut()
            .copy_within(src..src + n.0 as usize, dst);
        Ok(())
    }

    fn slot_addr(&self, s: Slot) -> u64 {
        self.fp.wrapping_add(s.0 as i64 as u64)
    }

    /// Pushes a frame header and jumps to a function's first instruction.
    fn call(&mut self, entry: usize) -> Result<(), Trap> {
        let sp = self.mem.sp;
        let base = sp.wrapping_sub(16);
        if base < self.mem.brk || base > sp {
            return Err(Trap::StackOverflow {
                sp: base,
                brk: self.mem.brk,
            });
        }
        let ret = self.addr_of(self.pc);
        let bytes = self.mem.bytes_mut();
        let at = base as usize;
        bytes[at + 8..at + 16].copy_from_slice(&ret.to_le_bytes());
        bytes[at..at + 8].copy_from_slice(&self.fp.to_le_bytes());
        self.fp = base;
        self.pc = entry;
        Ok(())
    }

    /// Pops the frame: back to the caller through the saved frame pointer and return
    /// address (read from stack memory, where a buggy program may have overwritten them).
    fn ret(&mut self) -> Result<(), Trap> {
        let fp = self.fp;
        let ret = self.mem.read_u64(fp + 8)?;
        let saved = self.mem.read_u64(fp)?;
        let Some(index) = self.index_at(ret) else {
            return Err(Trap::BadJump {
                addr: ret,
                what: "return",
                expected: "code (the return address was overwritten)",
            });
        };
        if saved <= fp || saved >= self.mem.size() {
            return Err(Trap::BadJump {
                addr: saved,
                what: "return with frame pointer",
                expected: "in the stack (the saved frame pointer was overwritten)",
            });
        }
        self.mem.sp = fp + 16;
        self.fp = saved;
        self.pc = index;
        Ok(())
    }

    /// Runs instructions until the program exits, traps, or the observer pauses.
    pub(crate) fn execute<O: Observer>(&mut self, obs: &mut O) -> Result<(), Halt> {
        loop {
            if !obs.before(self, self.pc) {
                return Ok(());
            }
            let Some(&op) = self.code.get(self.pc) else {
                let addr = self.addr_of(self.pc);
                return Err(Trap::BadJump {
                    addr,
                    what: "execution",
                    expected: "code",
                }
                .into());
            };
            self.steps += 1;
            if self.steps > self.max_steps {
                return Err(Trap::StepLimit(self.max_steps).into());
            }
            let index = self.pc;
            self.pc += 1;
            if let Err(halt) = self.exec(op) {
                // A fault is reported at the instruction that caused it.
                if let Halt::Trap(_) = halt {
                    self.pc = index;
                }
                return Err(halt);
            }
        }
    }

    /// Executes one instruction (`pc` already points past it).
    #[inline(always)]
    fn exec(&mut self, op: Op) -> Result<(), Halt> {
        use arith::{Cmp, IntOp};
        {
            match op {
                Op::Nop {} => {}
                Op::Mov8 { d, a } => self.w8(d, self.r8(a)?)?,
                Op::Mov16 { d, a } => self.w16(d, self.r16(a)?)?,
                Op::Mov32 { d, a } => self.w32(d, self.r32(a)?)?,
                Op::Mov64 { d, a } => self.w64(d, self.r64(a)?)?,
                Op::MovN { d, a, n } => self.move_slots(d, a, n)?,
                Op::ZeroN { d, n } => {
                    let at = self.slot_addr(d) as usize;
                    match self.mem.bytes_mut().get_mut(at..at + n.0 as usize) {
                        Some(b) => b.fill(0),
                        None => return Err(self.frame_fault(d).into()),
                    }
                }
                Op::Const32 { d, imm } => self.w32(d, imm.0 as u32)?,
                Op::Const64 { d, imm } => self.w64(d, imm.0)?,
                Op::Lea { d, a } => self.w64(d, self.slot_addr(a))?,
                Op::AddrOf { d, addr } => self.w64(d, addr.0 as u64)?,

                Op::Ld8s { d, p, off } => {
                    self.w32(d, self.mem.read_u8(self.ea(p, off)?)? as i8 as i32 as u32)?
                }
                Op::Ld8u { d, p, off } => {
                    self.w32(d, self.mem.read_u8(self.ea(p, off)?)? as u32)?
                }
                Op::Ld16s { d, p, off } => self.w32(
                    d,
                    i16::from_le_bytes(self.mem.read(self.ea(p, off)?)?) as i32 as u32,
                )?,
                Op::Ld16u { d, p, off } => self.w32(
                    d,
                    u16::from_le_bytes(self.mem.read(self.ea(p, off)?)?) as u32,
                )?,
                Op::Ld32 { d, p, off } => self.w32(d, self.mem.read_u32(self.ea(p, off)?)?)?,
                Op::Ld64 { d, p, off } => self.w64(d, self.mem.read_u64(self.ea(p, off)?)?)?,
                Op::St8 { p, off, a } => self.mem.write(self.ea(p, off)?, [self.r8(a)?])?,
                Op::St16 { p, off, a } => self
                    .mem
                    .write(self.ea(p, off)?, self.r16(a)?.to_le_bytes())?,
                Op::St32 { p, off, a } => self
                    .mem
                    .write(self.ea(p, off)?, self.r32(a)?.to_le_bytes())?,
                Op::St64 { p, off, a } => self
                    .mem
                    .write(self.ea(p, off)?, self.r64(a)?.to_le_bytes())?,
                Op::LdN { d, p, n } => {
                    self.mem.copy(self.slot_addr(d), self.r64(p)?, n.0 as u64)?
                }
                Op::StN { p, a, n } => {
                    self.mem.copy(self.r64(p)?, self.slot_addr(a), n.0 as u64)?
                }
                Op::CopyMem { d, a, n } => self.mem.copy(self.r64(d)?, self.r64(a)?, n.0 as u64)?,
                Op::ZeroMem { p, n } => self.mem.slice_mut(self.r64(p)?, n.0 as u64)?.fill(0),
                Op::Ldg8s { d, addr } => {
                    self.w32(d, self.mem.read_u8(addr.0 as u64)? as i8 as i32 as u32)?
                }
                Op::Ldg8u { d, addr } => self.w32(d, self.mem.read_u8(addr.0 as u64)? as u32)?,
                Op::Ldg16s { d, addr } => self.w32(
                    d,
                    i16::from_le_bytes(self.mem.read(addr.0 as u64)?) as i32 as u32,
                )?,
                Op::Ldg16u { d, addr } => {
                    self.w32(d, u16::from_le_bytes(self.mem.read(addr.0 as u64)?) as u32)?
                }
                Op::Ldg32 { d, addr } => self.w32(d, self.mem.read_u32(addr.0 as u64)?)?,
                Op::Ldg64 { d, addr } => self.w64(d, self.mem.read_u64(addr.0 as u64)?)?,
                Op::Stg8 { addr, a } => self.mem.write(addr.0 as u64, [self.r8(a)?])?,
                Op::Stg16 { addr, a } => {
                    self.mem.write(addr.0 as u64, self.r16(a)?.to_le_bytes())?
                }
                Op::Stg32 { addr, a } => {
                    self.mem.write(addr.0 as u64, self.r32(a)?.to_le_bytes())?
                }
                Op::Stg64 { addr, a } => {
                    self.mem.write(addr.0 as u64, self.r64(a)?.to_le_bytes())?
                }

                Op::Add32 { d, a, b } => self.int32(d, a, b, IntOp::Add, false)?,
                Op::Sub32 { d, a, b } => self.int32(d, a, b, IntOp::Sub, false)?,
                Op::Mul32 { d, a, b } => self.int32(d, a, b, IntOp::Mul, false)?,
                Op::DivS32 { d, a, b } => self.int32(d, a, b, IntOp::Div, true)?,
                Op::DivU32 { d, a, b } => self.int32(d, a, b, IntOp::Div, false)?,
                Op::RemS32 { d, a, b } => self.int32(d, a, b, IntOp::Rem, true)?,
                Op::RemU32 { d, a, b } => self.int32(d, a, b, IntOp::Rem, false)?,
                Op::And32 { d, a, b } => self.int32(d, a, b, IntOp::And, false)?,
                Op::Or32 { d, a, b } => self.int32(d, a, b, IntOp::Or, false)?,
                Op::Xor32 { d, a, b } => self.int32(d, a, b, IntOp::Xor, false)?,
                Op::Shl32 { d, a, b } => self.int32(d, a, b, IntOp::Shl, false)?,
                Op::ShrS32 { d, a, b } => self.int32(d, a, b, IntOp::Shr, true)?,
                Op::ShrU32 { d, a, b } => self.int32(d, a, b, IntOp::Shr, false)?,
                Op::AddI32 { d, a, imm } => self.w32(d, self.r32(a)?.wrapping_add(imm.0 as u32))?,
                Op::Neg32 { d, a } => self.w32(d, self.r32(a)?.wrapping_neg())?,
                Op::Not32 { d, a } => self.w32(d, !self.r32(a)?)?,
                Op::Add64 { d, a, b } => self.int64(d, a, b, IntOp::Add, false)?,
                Op::Sub64 { d, a, b } => self.int64(d, a, b, IntOp::Sub, false)?,
                Op::Mul64 { d, a, b } => self.int64(d, a, b, IntOp::Mul, false)?,
                Op::DivS64 { d, a, b } => self.int64(d, a, b, IntOp::Div, true)?,
                Op::DivU64 { d, a, b } => self.int64(d, a, b, IntOp::Div, false)?,
                Op::RemS64 { d, a, b } => self.int64(d, a, b, IntOp::Rem, true)?,
                Op::RemU64 { d, a, b } => self.int64(d, a, b, IntOp::Rem, false)?,
                Op::And64 { d, a, b } => self.int64(d, a, b, IntOp::And, false)?,
                Op::Or64 { d, a, b } => self.int64(d, a, b, IntOp::Or, false)?,
                Op::Xor64 { d, a, b } => self.int64(d, a, b, IntOp::Xor, false)?,
                Op::Shl64 { d, a, b } => self.int64(d, a, b, IntOp::Shl, false)?,
                Op::ShrS64 { d, a, b } => self.int64(d, a, b, IntOp::Shr, true)?,
                Op::ShrU64 { d, a, b } => self.int64(d, a, b, IntOp::Shr, false)?,
                Op::AddI64 { d, a, imm } => {
                    self.w64(d, self.r64(a)?.wrapping_add(imm.0 as i64 as u64))?
                }
                Op::MulI64 { d, a, imm } => {
                    self.w64(d, self.r64(a)?.wrapping_mul(imm.0 as i64 as u64))?
                }
                Op::Neg64 { d, a } => self.w64(d, self.r64(a)?.wrapping_neg())?,
                Op::Not64 { d, a } => self.w64(d, !self.r64(a)?)?,

                Op::Eq32 { d, a, b } => self.cmp32(d, a, b, Cmp::Eq, false)?,
                Op::Ne32 { d, a, b } => self.cmp32(d, a, b, Cmp::Ne, false)?,
                Op::LtS32 { d, a, b } => self.cmp32(d, a, b, Cmp::Lt, true)?,
                Op::LeS32 { d, a, b } => self.cmp32(d, a, b, Cmp::Le, true)?,
                Op::LtU32 { d, a, b } => self.cmp32(d, a, b, Cmp::Lt, false)?,
                Op::LeU32 { d, a, b } => self.cmp32(d, a, b, Cmp::Le, false)?,
                Op::Eq64 { d, a, b } => self.cmp64(d, a, b, Cmp::Eq, false)?,
                Op::Ne64 { d, a, b } => self.cmp64(d, a, b, Cmp::Ne, false)?,
                Op::LtS64 { d, a, b } => self.cmp64(d, a, b, Cmp::Lt, true)?,
                Op::LeS64 { d, a, b } => self.cmp64(d, a, b, Cmp::Le, true)?,
                Op::LtU64 { d, a, b } => self.cmp64(d, a, b, Cmp::Lt, false)?,
                Op::LeU64 { d, a, b } => self.cmp64(d, a, b, Cmp::Le, false)?,
                Op::LNot32 { d, a } => self.w32(d, (self.r32(a)? == 0) as u32)?,
                Op::LNot64 { d, a } => self.w32(d, (self.r64(a)? == 0) as u32)?,

                Op::AddF64 { d, a, b } => self.wf64(d, self.f64(a)? + self.f64(b)?)?,
                Op::SubF64 { d, a, b } => self.wf64(d, self.f64(a)? - self.f64(b)?)?,
                Op::MulF64 { d, a, b } => self.wf64(d, self.f64(a)? * self.f64(b)?)?,
                Op::DivF64 { d, a, b } => self.wf64(d, self.f64(a)? / self.f64(b)?)?,
                Op::NegF64 { d, a } => self.wf64(d, -self.f64(a)?)?,
                Op::AddF32 { d, a, b } => self.wf32(d, self.f32(a)? + self.f32(b)?)?,
                Op::SubF32 { d, a, b } => self.wf32(d, self.f32(a)? - self.f32(b)?)?,
                Op::MulF32 { d, a, b } => self.wf32(d, self.f32(a)? * self.f32(b)?)?,
                Op::DivF32 { d, a, b } => self.wf32(d, self.f32(a)? / self.f32(b)?)?,
                Op::NegF32 { d, a } => self.wf32(d, -self.f32(a)?)?,
                Op::EqF64 { d, a, b } => self.fcmp64(d, a, b, Cmp::Eq)?,
                Op::NeF64 { d, a, b } => self.fcmp64(d, a, b, Cmp::Ne)?,
                Op::LtF64 { d, a, b } => self.fcmp64(d, a, b, Cmp::Lt)?,
                Op::LeF64 { d, a, b } => self.fcmp64(d, a, b, Cmp::Le)?,
                Op::EqF32 { d, a, b } => self.fcmp32(d, a, b, Cmp::Eq)?,
                Op::NeF32 { d, a, b } => self.fcmp32(d, a, b, Cmp::Ne)?,
                Op::LtF32 { d, a, b } => self.fcmp32(d, a, b, Cmp::Lt)?,
                Op::LeF32 { d, a, b } => self.fcmp32(d, a, b, Cmp::Le)?,

                Op::Sext8 { d, a } => self.w32(d, self.r8(a)? as i8 as i32 as u32)?,
                Op::Zext8 { d, a } => self.w32(d, self.r8(a)? as u32)?,
                Op::Sext16 { d, a } => self.w32(d, self.r16(a)? as i16 as i32 as u32)?,
                Op::Zext16 { d, a } => self.w32(d, self.r16(a)? as u32)?,
                Op::Sext32 { d, a } => self.w64(d, self.r32(a)? as i32 as i64 as u64)?,
                Op::Zext32 { d, a } => self.w64(d, self.r32(a)? as u64)?,
                Op::Bool32 { d, a } => self.w8(d, (self.r32(a)? != 0) as u8)?,
                Op::Bool64 { d, a } => self.w8(d, (self.r64(a)? != 0) as u8)?,
                Op::BoolF64 { d, a } => self.w8(d, (self.f64(a)? != 0.0) as u8)?,
                Op::I32ToF64 { d, a } => self.wf64(d, self.r32(a)? as i32 as f64)?,
                Op::U32ToF64 { d, a } => self.wf64(d, self.r32(a)? as f64)?,
                Op::I64ToF64 { d, a } => self.wf64(d, arith::int_to_float(self.r64(a)?, true))?,
                Op::U64ToF64 { d, a } => self.wf64(d, arith::int_to_float(self.r64(a)?, false))?,
                Op::I32ToF32 { d, a } => self.wf32(d, self.r32(a)? as i32 as f32)?,
                Op::U32ToF32 { d, a } => self.wf32(d, self.r32(a)? as f32)?,
                Op::I64ToF32 { d, a } => self.wf32(d, arith::int_to_f32(self.r64(a)?, true))?,
                Op::U64ToF32 { d, a } => self.wf32(d, arith::int_to_f32(self.r64(a)?, false))?,
                Op::F64ToI32 { d, a } => {
                    self.w32(d, arith::float_to_int(self.f64(a)?, 32, true) as u32)?
                }
                Op::F64ToU32 { d, a } => {
                    self.w32(d, arith::float_to_int(self.f64(a)?, 32, false) as u32)?
                }
                Op::F64ToI64 { d, a } => {
                    self.w64(d, arith::float_to_int(self.f64(a)?, 64, true))?
                }
                Op::F64ToU64 { d, a } => {
                    self.w64(d, arith::float_to_int(self.f64(a)?, 64, false))?
                }
                Op::F32ToF64 { d, a } => self.wf64(d, self.f32(a)? as f64)?,
                Op::F64ToF32 { d, a } => self.wf32(d, self.f64(a)? as f32)?,

                Op::Jmp { t } => self.pc = t.0 as usize,
                Op::Jz32 { a, t } => {
                    if self.r32(a)? == 0 {
                        self.pc = t.0 as usize;
                    }
                }
                Op::Jnz32 { a, t } => {
                    if self.r32(a)? != 0 {
                        self.pc = t.0 as usize;
                    }
                }
                Op::Jz64 { a, t } => {
                    if self.r64(a)? == 0 {
                        self.pc = t.0 as usize;
                    }
                }
                Op::Jnz64 { a, t } => {
                    if self.r64(a)? != 0 {
                        self.pc = t.0 as usize;
                    }
                }
                Op::JEq32 { a, b, t } => self.branch32(a, b, t, Cmp::Eq, false)?,
                Op::JNe32 { a, b, t } => self.branch32(a, b, t, Cmp::Ne, false)?,
                Op::JLtS32 { a, b, t } => self.branch32(a, b, t, Cmp::Lt, true)?,
                Op::JLeS32 { a, b, t } => self.branch32(a, b, t, Cmp::Le, true)?,
                Op::JLtU32 { a, b, t } => self.branch32(a, b, t, Cmp::Lt, false)?,
                Op::JLeU32 { a, b, t } => self.branch32(a, b, t, Cmp::Le, false)?,
                Op::JEq64 { a, b, t } => self.branch64(a, b, t, Cmp::Eq, false)?,
                Op::JNe64 { a, b, t } => self.branch64(a, b, t, Cmp::Ne, false)?,
                Op::JLtS64 { a, b, t } => self.branch64(a, b, t, Cmp::Lt, true)?,
                Op::JLeS64 { a, b, t } => self.branch64(a, b, t, Cmp::Le, true)?,
                Op::JLtU64 { a, b, t } => self.branch64(a, b, t, Cmp::Lt, false)?,
                Op::JLeU64 { a, b, t } => self.branch64(a, b, t, Cmp::Le, false)?,
                Op::JEqI32 { a, imm, t } => {
                    if self.r32(a)? == imm.0 as u32 {
                        self.pc = t.0 as usize;
                    }
                }

                Op::Call { f } => self.call(f.0 as usize)?,
                Op::CallInd { a } => {
                    let addr = self.r64(a)?;
                    match self.index_at(addr) {
                        Some(i) if self.entries.get(i).copied().unwrap_or(false) => self.call(i)?,
                        _ => {
                            return Err(Trap::BadJump {
                                addr,
                                what: "call",
                                expected: "a function",
                            }
                            .into());
                        }
                    }
                }
                Op::CallB { b } => {
                    let base = self.mem.sp;
                    self.library(b, base)?;
                }
                Op::TailB { b } => {
                    let base = self.fp + 16;
                    self.library(b, base)?;
                    self.ret()?;
                }
                Op::Enter { n } => {
                    let sp = self.fp.wrapping_sub(n.0 as u64);
                    if sp < self.mem.brk || sp > self.fp {
                        return Err(Trap::StackOverflow {
                            sp,
                            brk: self.mem.brk,
                        }
                        .into());
                    }
                    self.mem.sp = sp;
                }
                Op::Ret {} => self.ret()?,
                Op::Ret32 { a } => {
                    let v = self.r32(a)?;
                    self.w32(Slot(16), v)?;
                    self.ret()?;
                }
                Op::Ret64 { a } => {
                    let v = self.r64(a)?;
                    self.w64(Slot(16), v)?;
                    self.ret()?;
                }
                Op::Exit { a } => return Err(Halt::Exit(self.r32(a)? as i32)),
            }
        }
        Ok(())
    }

    fn library(&mut self, b: Builtin, base: u64) -> Result<(), Halt> {
        let Some(lib) = Lib::from_id(b.0) else {
            return Err(Trap::BadJump {
                addr: b.0 as u64,
                what: "library call",
                expected: "a library function",
            }
            .into());
        };
        self.call_library(lib, base)
    }
}
