//! The dispatch loop: one arm per instruction, each a line or two. Frame slots are read
//! and written directly (see [`super::raw`]); memory through pointers goes through
//! [`super::memory::Memory`]'s segment checks.

use super::frame::{self, Frame};
use super::{Halt, Observer, Vm};
use crate::arith;
use crate::bytecode::*;
use crate::vm::Trap;

impl Vm<'_> {
    /// Pushes a frame header and jumps to a function's first instruction (whose `enter`
    /// checks the new frame).
    fn call(&mut self, entry: usize) -> Result<(), Trap> {
        let base = Trap::stack_push(self.mem.sp, 16, self.mem.brk, true)?;
        let ret = self.addr_of(self.pc);
        // The header goes just below the stack pointer, checked above to lie between the
        // break and the stack pointer: inside memory, so a frame at `base` may write it.
        let header = Frame::new(self.mem.base(), base, self.mem.size() as usize);
        header.w64(Slot(0), self.fp);
        header.w64(Slot(8), ret);
        self.fp = base;
        self.pc = entry;
        Ok(())
    }

    /// Makes room for the frame of the function just called (its `enter n, up`): checks
    /// that it fits between the break and the top of memory, and moves the stack pointer.
    #[inline(always)]
    fn enter(&mut self, n: Size, up: Size, index: usize) -> Result<(), Trap> {
        let sp = Trap::stack_push(self.fp, n.0 as u64, self.mem.brk, false)?;
        let extent = frame::Extent {
            below: n.0 as u64,
            above: up.0 as u64,
        };
        if !extent.fits(self.fp, self.mem.size()) {
            return Err(Trap::SegmentationFault {
                addr: self.fp,
                size: up.0 as u64,
                write: true,
            });
        }
        self.mem.sp = sp;
        self.mem.lowest_sp = self.mem.lowest_sp.min(sp);
        if self.mem.shadow.is_some() {
            self.enter_checked(index);
        }
        Ok(())
    }

    /// Pops the frame: back to the caller through the saved frame pointer and return
    /// address, read from stack memory where a buggy program may have overwritten them.
    fn ret(&mut self) -> Result<(), Trap> {
        let fp = self.fp;
        // The header is inside the current frame (its extent reaches fp + 16 at least).
        let header = Frame::new(self.mem.base(), fp, self.mem.size() as usize);
        let (saved, ret) = (header.r64(Slot(0)), header.r64(Slot(8)));
        let Some(index) = self.index_at(ret) else {
            return Err(Trap::BadJump {
                addr: ret,
                what: "return",
                expected: "code (the return address was overwritten)",
            });
        };
        if saved <= fp || !self.extent_at(index).fits(saved, self.mem.size()) {
            return Err(Trap::BadJump {
                addr: saved,
                what: "return with frame pointer",
                expected: "a frame on the stack (the saved frame pointer was overwritten)",
            });
        }
        if self.mem.shadow.is_some() {
            // The frame is gone: its red zones are lifted for whatever comes next.
            let sp = self.mem.sp;
            self.mem
                .poison(sp, fp + 16 - sp.min(fp + 16), super::memory::Poison::None);
        }
        self.mem.sp = fp + 16;
        self.fp = saved;
        self.pc = index;
        Ok(())
    }

    /// Runs instructions until the program exits, traps, or the observer pauses.
    ///
    /// The hot state (the instruction position, the step budget, the frame base) lives in
    /// locals; it is written back to `self` before anything that can look at it: the
    /// observer, calls, library functions, faults, and the end of the run.
    pub(crate) fn execute<O: Observer>(&mut self, obs: &mut O) -> Result<(), Halt> {
        use arith::IntOp;
        let ops = std::rc::Rc::clone(if O::ACTIVE { &self.code } else { &self.fast });
        let code = frame::Code::new(&ops);
        let mut ip = code.at(self.pc);
        let size = self.mem.size() as usize;
        let mut frame = Frame::new(self.mem.base(), self.fp, size);
        // Steps are paid for a straight-line run at a time, when control transfers. The
        // budget is one number: `limit`, the position the current run may reach before the
        // steps are spent (see `Self::limit_from`). A transfer checks that the run ended by
        // then, and moves the limit along with control. (An observer is charged
        // instruction by instruction.)
        let mut limit = self.limit_from(ip);
        // The instruction being run. (`ip` stays on it while it runs: an arm that
        // transfers control sets `ip` and goes on with the loop; the others fall out of
        // the match to the step to the next instruction. Kept so, no second register holds
        // the position.)
        macro_rules! at {
            () => {
                ip
            };
        }

        // Write the hot state back (pc at instruction index `$at`) and leave with `$halt`.
        macro_rules! leave {
            ($at:expr, $halt:expr) => {{
                self.pc = $at;
                // The run in progress is paid for up to the current instruction; if that
                // is more than the budget, the budget ran out first.
                let steps = self.steps_at(limit, ip.add(1));
                self.steps = steps.min(self.max_steps);
                return Err(if steps > self.max_steps {
                    Trap::StepLimit(self.max_steps).into()
                } else {
                    $halt
                });
            }};
        }
        // Pays for the run that ends with the instruction at `$last`; gives the position
        // after it.
        macro_rules! charge {
            ($last:expr) => {{
                let last = $last;
                let next = last.add(1);
                if next.addr() > limit {
                    match self.refuel(limit, next) {
                        Some(l) => limit = l,
                        None => leave!(code.index(last), Trap::StepLimit(self.max_steps).into()),
                    }
                }
                next
            }};
        }
        // Moves control from the end of a paid run (`$next`) to `$to`: the next run may
        // go as far past `$to` as this one could have gone past `$next`.
        macro_rules! move_to {
            ($next:expr, $to:expr) => {{
                let to = $to;
                limit = limit.wrapping_sub($next.addr()).wrapping_add(to.addr());
                ip = to;
            }};
        }
        // A checked operation: on a trap, report it at the current instruction.
        macro_rules! check {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(t) => leave!(code.index(at!()), Halt::from(t)),
                }
            };
        }
        // After something that moved the frame or pc (calls, returns), reload them.
        macro_rules! reload {
            ($next:expr) => {{
                move_to!($next, code.at(self.pc));
                frame = Frame::new(self.mem.base(), self.fp, size);
                continue;
            }};
        }
        macro_rules! bin32 {
            ($d:expr, $a:expr, $b:expr, |$x:ident, $y:ident| $e:expr) => {{
                let ($x, $y) = (frame.r32($a), frame.r32($b));
                frame.w32($d, $e)
            }};
        }
        macro_rules! bin64 {
            ($d:expr, $a:expr, $b:expr, |$x:ident, $y:ident| $e:expr) => {{
                let ($x, $y) = (frame.r64($a), frame.r64($b));
                frame.w64($d, $e)
            }};
        }
        // Division and remainder, which trap on a zero divisor and on overflow. (One arm
        // each: a shared arm's constants would be set up on every dispatch.)
        macro_rules! div {
            (32, $d:expr, $a:expr, $b:expr, $op:expr, $signed:expr) => {{
                let r = arith::int_op($op, 32, $signed, frame.r32($a) as u64, frame.r32($b) as u64);
                frame.w32($d, check!(r.map_err(|e| Trap::arith(e, $op, 32))) as u32)
            }};
            (64, $d:expr, $a:expr, $b:expr, $op:expr, $signed:expr) => {{
                let r = arith::int_op($op, 64, $signed, frame.r64($a), frame.r64($b));
                frame.w64($d, check!(r.map_err(|e| Trap::arith(e, $op, 64))))
            }};
        }
        // A conditional jump standing for `$n` instructions (2 for a superinstruction, see
        // `super::fuse`, which continues after the second of its pair). Taken, it pays for
        // the run up to its last instruction; not taken, the run goes on after it and the
        // next transfer pays.
        macro_rules! jump_if {
            ($cond:expr, $t:expr) => {
                jump_if!(1, $cond, $t)
            };
            ($n:literal, $cond:expr, $t:expr) => {{
                if $cond {
                    let next = charge!(at!().add($n - 1));
                    move_to!(next, code.at($t.0 as usize));
                } else {
                    ip = ip.add($n);
                }
                continue;
            }};
        }
        macro_rules! fused_jump_if {
            ($cond:expr, $t:expr) => {
                jump_if!(2, $cond, $t)
            };
        }
        // Adds to a 32-bit slot and gives the sum: a constant `inc`, or the slot `by`.
        macro_rules! inc32 {
            ($a:expr, $inc:expr) => {
                add32!($a, $inc.0 as i32 as u32)
            };
        }
        macro_rules! add32 {
            ($a:expr, $by:expr) => {{
                let v = frame.r32($a).wrapping_add($by);
                frame.w32($a, v);
                v
            }};
        }
        macro_rules! inc64 {
            ($a:expr, $inc:expr) => {{
                let v = frame.r64($a).wrapping_add($inc.0 as i64 as u64);
                frame.w64($a, v);
                v
            }};
        }

        // The instruction the observer last saw begin, which it sees end when the next
        // begins (an arm that moves `ip` skips the end of the loop).
        let mut executed: Option<frame::Ip> = None;
        loop {
            if O::ACTIVE {
                self.pc = code.index(ip);
                self.steps = self.steps_at(limit, ip);
                if let Some(e) = executed {
                    obs.after(self, code.index(e));
                }
                executed = Some(ip);
                if !obs.before(self, self.pc) {
                    return Ok(());
                }
                charge!(ip);
            }
            let op = code.fetch(ip);
            match op {
                Op::Nop {} => {}
                Op::Mov8 { d, a } => frame.w8(d, frame.r8(a)),
                Op::Mov16 { d, a } => frame.w16(d, frame.r16(a)),
                Op::Mov32 { d, a } => frame.w32(d, frame.r32(a)),
                Op::Mov64 { d, a } => frame.w64(d, frame.r64(a)),
                Op::MovN { d, a, n } => {
                    let (src, dst) = (self.slot_range(a, n), self.slot_range(d, n));
                    self.mem.bytes_mut().copy_within(src, dst.start);
                }
                Op::ZeroN { d, n } => {
                    let r = self.slot_range(d, n);
                    self.mem.bytes_mut()[r].fill(0);
                }
                Op::Const32 { d, imm } => frame.w32(d, imm.0 as u32),
                Op::Const64 { d, imm } => frame.w64(d, imm.0),
                Op::Lea { d, a } => frame.w64(d, self.fp.wrapping_add(a.0 as i64 as u64)),
                Op::AddrOf { d, addr } => frame.w64(d, addr.0 as u64),
                Op::LeaXS32 { d, p, i, scale } => {
                    let i = frame.r32(i) as i32 as i64 as u64;
                    frame.w64(d, frame.r64(p).wrapping_add(i.wrapping_mul(scale.0 as u64)))
                }
                Op::LeaXU32 { d, p, i, scale } => {
                    let i = frame.r32(i) as u64;
                    frame.w64(d, frame.r64(p).wrapping_add(i.wrapping_mul(scale.0 as u64)))
                }
                Op::LeaX64 { d, p, i, scale } => {
                    let i = frame.r64(i);
                    frame.w64(d, frame.r64(p).wrapping_add(i.wrapping_mul(scale.0 as u64)))
                }

                Op::Ld8s { d, p, off } => frame.w32(
                    d,
                    check!(self.mem.read_u8(frame.ea(p, off))) as i8 as i32 as u32,
                ),
                Op::Ld8u { d, p, off } => {
                    frame.w32(d, check!(self.mem.read_u8(frame.ea(p, off))) as u32)
                }
                Op::Ld16s { d, p, off } => frame.w32(
                    d,
                    i16::from_le_bytes(check!(self.mem.read(frame.ea(p, off)))) as i32 as u32,
                ),
                Op::Ld16u { d, p, off } => frame.w32(
                    d,
                    u16::from_le_bytes(check!(self.mem.read(frame.ea(p, off)))) as u32,
                ),
                Op::Ld32 { d, p, off } => frame.w32(d, check!(self.mem.read_u32(frame.ea(p, off)))),
                Op::Ld64 { d, p, off } => frame.w64(d, check!(self.mem.read_u64(frame.ea(p, off)))),
                Op::St8 { p, off, a } => {
                    check!(self.mem.write(frame.ea(p, off), [frame.r8(a)]))
                }
                Op::St16 { p, off, a } => {
                    check!(self.mem.write(frame.ea(p, off), frame.r16(a).to_le_bytes()))
                }
                Op::St32 { p, off, a } => {
                    check!(self.mem.write(frame.ea(p, off), frame.r32(a).to_le_bytes()))
                }
                Op::St64 { p, off, a } => {
                    check!(self.mem.write(frame.ea(p, off), frame.r64(a).to_le_bytes()))
                }
                Op::LdX8s { d, p, i } => frame.w32(
                    d,
                    check!(self.mem.read_u8(frame.index(p, i, 1))) as i8 as i32 as u32,
                ),
                Op::LdX8u { d, p, i } => {
                    frame.w32(d, check!(self.mem.read_u8(frame.index(p, i, 1))) as u32)
                }
                Op::LdX16s { d, p, i } => frame.w32(
                    d,
                    i16::from_le_bytes(check!(self.mem.read(frame.index(p, i, 2)))) as i32 as u32,
                ),
                Op::LdX16u { d, p, i } => frame.w32(
                    d,
                    u16::from_le_bytes(check!(self.mem.read(frame.index(p, i, 2)))) as u32,
                ),
                Op::LdX32 { d, p, i } => {
                    frame.w32(d, check!(self.mem.read_u32(frame.index(p, i, 4))))
                }
                Op::LdX64 { d, p, i } => {
                    frame.w64(d, check!(self.mem.read_u64(frame.index(p, i, 8))))
                }
                Op::StX8 { p, i, a } => {
                    check!(self.mem.write(frame.index(p, i, 1), [frame.r8(a)]))
                }
                Op::StX16 { p, i, a } => check!(
                    self.mem
                        .write(frame.index(p, i, 2), frame.r16(a).to_le_bytes())
                ),
                Op::StX32 { p, i, a } => check!(
                    self.mem
                        .write(frame.index(p, i, 4), frame.r32(a).to_le_bytes())
                ),
                Op::StX64 { p, i, a } => check!(
                    self.mem
                        .write(frame.index(p, i, 8), frame.r64(a).to_le_bytes())
                ),
                Op::LdN { d, p, n } => {
                    let (src, dst) = (frame.r64(p), self.slot_range(d, n));
                    let from = check!(self.mem.check(src, n.0 as u64, false));
                    self.mem.bytes_mut().copy_within(from, dst.start);
                }
                Op::StN { p, a, n } => {
                    let (dst, src) = (frame.r64(p), self.slot_range(a, n));
                    let to = check!(self.mem.check(dst, n.0 as u64, true));
                    self.mem.bytes_mut().copy_within(src, to.start);
                }
                Op::CopyMem { d, a, n } => {
                    check!(self.mem.copy(frame.r64(d), frame.r64(a), n.0 as u64))
                }
                Op::ZeroMem { p, n } => {
                    check!(self.mem.slice_mut(frame.r64(p), n.0 as u64)).fill(0)
                }
                Op::Ldg8s { d, addr } => frame.w32(
                    d,
                    check!(self.mem.read_u8(addr.0 as u64)) as i8 as i32 as u32,
                ),
                Op::Ldg8u { d, addr } => {
                    frame.w32(d, check!(self.mem.read_u8(addr.0 as u64)) as u32)
                }
                Op::Ldg16s { d, addr } => frame.w32(
                    d,
                    i16::from_le_bytes(check!(self.mem.read(addr.0 as u64))) as i32 as u32,
                ),
                Op::Ldg16u { d, addr } => frame.w32(
                    d,
                    u16::from_le_bytes(check!(self.mem.read(addr.0 as u64))) as u32,
                ),
                Op::Ldg32 { d, addr } => frame.w32(d, check!(self.mem.read_u32(addr.0 as u64))),
                Op::Ldg64 { d, addr } => frame.w64(d, check!(self.mem.read_u64(addr.0 as u64))),
                Op::Stg8 { addr, a } => check!(self.mem.write(addr.0 as u64, [frame.r8(a)])),
                Op::Stg16 { addr, a } => {
                    check!(self.mem.write(addr.0 as u64, frame.r16(a).to_le_bytes()))
                }
                Op::Stg32 { addr, a } => {
                    check!(self.mem.write(addr.0 as u64, frame.r32(a).to_le_bytes()))
                }
                Op::Stg64 { addr, a } => {
                    check!(self.mem.write(addr.0 as u64, frame.r64(a).to_le_bytes()))
                }

                Op::Add32 { d, a, b } => bin32!(d, a, b, |x, y| x.wrapping_add(y)),
                Op::Sub32 { d, a, b } => bin32!(d, a, b, |x, y| x.wrapping_sub(y)),
                Op::Mul32 { d, a, b } => bin32!(d, a, b, |x, y| x.wrapping_mul(y)),
                Op::DivS32 { d, a, b } => div!(32, d, a, b, IntOp::Div, true),
                Op::DivU32 { d, a, b } => div!(32, d, a, b, IntOp::Div, false),
                Op::RemS32 { d, a, b } => div!(32, d, a, b, IntOp::Rem, true),
                Op::RemU32 { d, a, b } => div!(32, d, a, b, IntOp::Rem, false),
                Op::And32 { d, a, b } => bin32!(d, a, b, |x, y| x & y),
                Op::Or32 { d, a, b } => bin32!(d, a, b, |x, y| x | y),
                Op::Xor32 { d, a, b } => bin32!(d, a, b, |x, y| x ^ y),
                Op::Shl32 { d, a, b } => bin32!(d, a, b, |x, y| x << (y & 31)),
                Op::ShrS32 { d, a, b } => {
                    bin32!(d, a, b, |x, y| ((x as i32) >> (y & 31)) as u32)
                }
                Op::ShrU32 { d, a, b } => bin32!(d, a, b, |x, y| x >> (y & 31)),
                Op::AddI32 { d, a, imm } => frame.w32(d, frame.r32(a).wrapping_add(imm.0 as u32)),
                Op::MulI32 { d, a, imm } => frame.w32(d, frame.r32(a).wrapping_mul(imm.0 as u32)),
                Op::AndI32 { d, a, imm } => frame.w32(d, frame.r32(a) & imm.0 as u32),
                Op::OrI32 { d, a, imm } => frame.w32(d, frame.r32(a) | imm.0 as u32),
                Op::XorI32 { d, a, imm } => frame.w32(d, frame.r32(a) ^ imm.0 as u32),
                Op::ShlI32 { d, a, imm } => frame.w32(d, frame.r32(a) << (imm.0 & 31)),
                Op::ShrSI32 { d, a, imm } => {
                    frame.w32(d, ((frame.r32(a) as i32) >> (imm.0 & 31)) as u32)
                }
                Op::ShrUI32 { d, a, imm } => frame.w32(d, frame.r32(a) >> (imm.0 & 31)),
                Op::AndI64 { d, a, imm } => frame.w64(d, frame.r64(a) & imm.0 as i64 as u64),
                Op::OrI64 { d, a, imm } => frame.w64(d, frame.r64(a) | imm.0 as i64 as u64),
                Op::XorI64 { d, a, imm } => frame.w64(d, frame.r64(a) ^ imm.0 as i64 as u64),
                Op::ShlI64 { d, a, imm } => frame.w64(d, frame.r64(a) << (imm.0 & 63)),
                Op::ShrSI64 { d, a, imm } => {
                    frame.w64(d, ((frame.r64(a) as i64) >> (imm.0 & 63)) as u64)
                }
                Op::ShrUI64 { d, a, imm } => frame.w64(d, frame.r64(a) >> (imm.0 & 63)),
                Op::Neg32 { d, a } => frame.w32(d, frame.r32(a).wrapping_neg()),
                Op::Not32 { d, a } => frame.w32(d, !frame.r32(a)),
                Op::Add64 { d, a, b } => bin64!(d, a, b, |x, y| x.wrapping_add(y)),
                Op::Sub64 { d, a, b } => bin64!(d, a, b, |x, y| x.wrapping_sub(y)),
                Op::Mul64 { d, a, b } => bin64!(d, a, b, |x, y| x.wrapping_mul(y)),
                Op::DivS64 { d, a, b } => div!(64, d, a, b, IntOp::Div, true),
                Op::DivU64 { d, a, b } => div!(64, d, a, b, IntOp::Div, false),
                Op::RemS64 { d, a, b } => div!(64, d, a, b, IntOp::Rem, true),
                Op::RemU64 { d, a, b } => div!(64, d, a, b, IntOp::Rem, false),
                Op::And64 { d, a, b } => bin64!(d, a, b, |x, y| x & y),
                Op::Or64 { d, a, b } => bin64!(d, a, b, |x, y| x | y),
                Op::Xor64 { d, a, b } => bin64!(d, a, b, |x, y| x ^ y),
                Op::Shl64 { d, a, b } => bin64!(d, a, b, |x, y| x << (y & 63)),
                Op::ShrS64 { d, a, b } => {
                    bin64!(d, a, b, |x, y| ((x as i64) >> (y & 63)) as u64)
                }
                Op::ShrU64 { d, a, b } => bin64!(d, a, b, |x, y| x >> (y & 63)),
                Op::AddI64 { d, a, imm } => {
                    frame.w64(d, frame.r64(a).wrapping_add(imm.0 as i64 as u64))
                }
                Op::MulI64 { d, a, imm } => {
                    frame.w64(d, frame.r64(a).wrapping_mul(imm.0 as i64 as u64))
                }
                Op::Neg64 { d, a } => frame.w64(d, frame.r64(a).wrapping_neg()),
                Op::Not64 { d, a } => frame.w64(d, !frame.r64(a)),

                Op::Eq32 { d, a, b } => bin32!(d, a, b, |x, y| (x == y) as u32),
                Op::Ne32 { d, a, b } => bin32!(d, a, b, |x, y| (x != y) as u32),
                Op::LtS32 { d, a, b } => {
                    bin32!(d, a, b, |x, y| ((x as i32) < (y as i32)) as u32)
                }
                Op::LeS32 { d, a, b } => {
                    bin32!(d, a, b, |x, y| ((x as i32) <= (y as i32)) as u32)
                }
                Op::LtU32 { d, a, b } => bin32!(d, a, b, |x, y| (x < y) as u32),
                Op::LeU32 { d, a, b } => bin32!(d, a, b, |x, y| (x <= y) as u32),
                Op::Eq64 { d, a, b } => frame.w32(d, (frame.r64(a) == frame.r64(b)) as u32),
                Op::Ne64 { d, a, b } => frame.w32(d, (frame.r64(a) != frame.r64(b)) as u32),
                Op::LtS64 { d, a, b } => {
                    frame.w32(d, ((frame.r64(a) as i64) < frame.r64(b) as i64) as u32)
                }
                Op::LeS64 { d, a, b } => {
                    frame.w32(d, (frame.r64(a) as i64 <= frame.r64(b) as i64) as u32)
                }
                Op::LtU64 { d, a, b } => frame.w32(d, (frame.r64(a) < frame.r64(b)) as u32),
                Op::LeU64 { d, a, b } => frame.w32(d, (frame.r64(a) <= frame.r64(b)) as u32),
                Op::LNot32 { d, a } => frame.w32(d, (frame.r32(a) == 0) as u32),
                Op::LNot64 { d, a } => frame.w32(d, (frame.r64(a) == 0) as u32),

                Op::AddF64 { d, a, b } => frame.wf64(d, frame.f64(a) + frame.f64(b)),
                Op::SubF64 { d, a, b } => frame.wf64(d, frame.f64(a) - frame.f64(b)),
                Op::MulF64 { d, a, b } => frame.wf64(d, frame.f64(a) * frame.f64(b)),
                Op::DivF64 { d, a, b } => frame.wf64(d, frame.f64(a) / frame.f64(b)),
                Op::NegF64 { d, a } => frame.wf64(d, -frame.f64(a)),
                Op::AddF32 { d, a, b } => frame.wf32(d, frame.f32(a) + frame.f32(b)),
                Op::SubF32 { d, a, b } => frame.wf32(d, frame.f32(a) - frame.f32(b)),
                Op::MulF32 { d, a, b } => frame.wf32(d, frame.f32(a) * frame.f32(b)),
                Op::DivF32 { d, a, b } => frame.wf32(d, frame.f32(a) / frame.f32(b)),
                Op::NegF32 { d, a } => frame.wf32(d, -frame.f32(a)),
                Op::EqF64 { d, a, b } => frame.w32(d, (frame.f64(a) == frame.f64(b)) as u32),
                Op::NeF64 { d, a, b } => frame.w32(d, (frame.f64(a) != frame.f64(b)) as u32),
                Op::LtF64 { d, a, b } => frame.w32(d, (frame.f64(a) < frame.f64(b)) as u32),
                Op::LeF64 { d, a, b } => frame.w32(d, (frame.f64(a) <= frame.f64(b)) as u32),
                Op::EqF32 { d, a, b } => frame.w32(d, (frame.f32(a) == frame.f32(b)) as u32),
                Op::NeF32 { d, a, b } => frame.w32(d, (frame.f32(a) != frame.f32(b)) as u32),
                Op::LtF32 { d, a, b } => frame.w32(d, (frame.f32(a) < frame.f32(b)) as u32),
                Op::LeF32 { d, a, b } => frame.w32(d, (frame.f32(a) <= frame.f32(b)) as u32),

                Op::Sext8 { d, a } => frame.w32(d, frame.r8(a) as i8 as i32 as u32),
                Op::Zext8 { d, a } => frame.w32(d, frame.r8(a) as u32),
                Op::Sext16 { d, a } => frame.w32(d, frame.r16(a) as i16 as i32 as u32),
                Op::Zext16 { d, a } => frame.w32(d, frame.r16(a) as u32),
                Op::Sext32 { d, a } => frame.w64(d, frame.r32(a) as i32 as i64 as u64),
                Op::Zext32 { d, a } => frame.w64(d, frame.r32(a) as u64),
                Op::Bool32 { d, a } => frame.w8(d, (frame.r32(a) != 0) as u8),
                Op::Bool64 { d, a } => frame.w8(d, (frame.r64(a) != 0) as u8),
                Op::BoolF64 { d, a } => frame.w8(d, (frame.f64(a) != 0.0) as u8),
                Op::I32ToF64 { d, a } => frame.wf64(d, frame.r32(a) as i32 as f64),
                Op::U32ToF64 { d, a } => frame.wf64(d, frame.r32(a) as f64),
                Op::I64ToF64 { d, a } => frame.wf64(d, arith::int_to_float(frame.r64(a), true)),
                Op::U64ToF64 { d, a } => frame.wf64(d, arith::int_to_float(frame.r64(a), false)),
                Op::I32ToF32 { d, a } => frame.wf32(d, frame.r32(a) as i32 as f32),
                Op::U32ToF32 { d, a } => frame.wf32(d, frame.r32(a) as f32),
                Op::I64ToF32 { d, a } => frame.wf32(d, arith::int_to_f32(frame.r64(a), true)),
                Op::U64ToF32 { d, a } => frame.wf32(d, arith::int_to_f32(frame.r64(a), false)),
                Op::F64ToI32 { d, a } => {
                    frame.w32(d, arith::float_to_int(frame.f64(a), 32, true) as u32)
                }
                Op::F64ToU32 { d, a } => {
                    frame.w32(d, arith::float_to_int(frame.f64(a), 32, false) as u32)
                }
                Op::F64ToI64 { d, a } => frame.w64(d, arith::float_to_int(frame.f64(a), 64, true)),
                Op::F64ToU64 { d, a } => frame.w64(d, arith::float_to_int(frame.f64(a), 64, false)),
                Op::F32ToF64 { d, a } => frame.wf64(d, frame.f32(a) as f64),
                Op::F64ToF32 { d, a } => frame.wf32(d, frame.f64(a) as f32),

                Op::Jmp { t } => jump_if!(true, t),
                Op::Jz32 { a, t } => jump_if!(frame.r32(a) == 0, t),
                Op::Jnz32 { a, t } => jump_if!(frame.r32(a) != 0, t),
                Op::Jz64 { a, t } => jump_if!(frame.r64(a) == 0, t),
                Op::Jnz64 { a, t } => jump_if!(frame.r64(a) != 0, t),
                Op::JEq32 { a, b, t } => jump_if!(frame.r32(a) == frame.r32(b), t),
                Op::JNe32 { a, b, t } => jump_if!(frame.r32(a) != frame.r32(b), t),
                Op::JLtS32 { a, b, t } => {
                    jump_if!((frame.r32(a) as i32) < frame.r32(b) as i32, t)
                }
                Op::JLeS32 { a, b, t } => {
                    jump_if!(frame.r32(a) as i32 <= frame.r32(b) as i32, t)
                }
                Op::JLtU32 { a, b, t } => jump_if!(frame.r32(a) < frame.r32(b), t),
                Op::JLeU32 { a, b, t } => jump_if!(frame.r32(a) <= frame.r32(b), t),
                Op::JEq64 { a, b, t } => jump_if!(frame.r64(a) == frame.r64(b), t),
                Op::JNe64 { a, b, t } => jump_if!(frame.r64(a) != frame.r64(b), t),
                Op::JLtS64 { a, b, t } => {
                    jump_if!((frame.r64(a) as i64) < frame.r64(b) as i64, t)
                }
                Op::JLeS64 { a, b, t } => {
                    jump_if!(frame.r64(a) as i64 <= frame.r64(b) as i64, t)
                }
                Op::JLtU64 { a, b, t } => jump_if!(frame.r64(a) < frame.r64(b), t),
                Op::JLeU64 { a, b, t } => jump_if!(frame.r64(a) <= frame.r64(b), t),
                Op::JEqI32 { a, imm, t } => jump_if!(frame.r32(a) == imm.0 as u32, t),

                Op::JNeI32 { a, imm, t } => jump_if!(frame.r32(a) != imm.0 as u32, t),
                Op::JLtSI32 { a, imm, t } => jump_if!((frame.r32(a) as i32) < imm.0, t),
                Op::JLeSI32 { a, imm, t } => jump_if!(frame.r32(a) as i32 <= imm.0, t),
                Op::JGtSI32 { a, imm, t } => jump_if!(frame.r32(a) as i32 > imm.0, t),
                Op::JGeSI32 { a, imm, t } => jump_if!(frame.r32(a) as i32 >= imm.0, t),
                Op::JLtUI32 { a, imm, t } => jump_if!(frame.r32(a) < imm.0 as u32, t),
                Op::JLeUI32 { a, imm, t } => jump_if!(frame.r32(a) <= imm.0 as u32, t),
                Op::JGtUI32 { a, imm, t } => jump_if!(frame.r32(a) > imm.0 as u32, t),
                Op::JGeUI32 { a, imm, t } => jump_if!(frame.r32(a) >= imm.0 as u32, t),
                Op::JEqI64 { a, imm, t } => jump_if!(frame.r64(a) == imm.0 as i64 as u64, t),
                Op::JNeI64 { a, imm, t } => jump_if!(frame.r64(a) != imm.0 as i64 as u64, t),
                Op::JLtSI64 { a, imm, t } => {
                    jump_if!((frame.r64(a) as i64) < imm.0 as i64, t)
                }
                Op::JLeSI64 { a, imm, t } => {
                    jump_if!(frame.r64(a) as i64 <= imm.0 as i64, t)
                }
                Op::JGtSI64 { a, imm, t } => jump_if!(frame.r64(a) as i64 > imm.0 as i64, t),
                Op::JGeSI64 { a, imm, t } => {
                    jump_if!(frame.r64(a) as i64 >= imm.0 as i64, t)
                }
                Op::JLtUI64 { a, imm, t } => jump_if!(frame.r64(a) < imm.0 as i64 as u64, t),
                Op::JLeUI64 { a, imm, t } => {
                    jump_if!(frame.r64(a) <= imm.0 as i64 as u64, t)
                }
                Op::JGtUI64 { a, imm, t } => jump_if!(frame.r64(a) > imm.0 as i64 as u64, t),
                Op::JGeUI64 { a, imm, t } => {
                    jump_if!(frame.r64(a) >= imm.0 as i64 as u64, t)
                }
                Op::Call { f } => {
                    self.pc = code.index(ip.add(1));
                    let next = charge!(at!());
                    check!(self.call(f.0 as usize));
                    reload!(next);
                }
                Op::CallEnter { f, n, up } => {
                    self.pc = code.index(ip.add(1));
                    let next = charge!(at!());
                    check!(self.call(f.0 as usize));
                    // The callee's `enter`, run here: it is the first instruction of the
                    // callee's run, and a fault in it is reported there.
                    move_to!(next, code.at(self.pc));
                    check!(self.enter(n, up, self.pc));
                    ip = ip.add(1);
                    frame = Frame::new(self.mem.base(), self.fp, size);
                    continue;
                }
                Op::CallInd { a } => {
                    let next = charge!(at!());
                    let addr = frame.r64(a);
                    let entry = match self.index_at(addr) {
                        Some(i) if self.entries.get(i).copied().unwrap_or(false) => i,
                        _ => leave!(
                            code.index(at!()),
                            Trap::BadJump {
                                addr,
                                what: "call",
                                expected: "a function"
                            }
                            .into()
                        ),
                    };
                    self.pc = code.index(ip.add(1));
                    check!(self.call(entry));
                    reload!(next);
                }
                Op::CallB { b } => {
                    let next = charge!(at!());
                    // Library functions see the call itself as the current instruction.
                    self.pc = code.index(at!());
                    self.steps = self.steps_at(limit, next);
                    let base = self.mem.sp;
                    if let Err(h) = self.library(b, base) {
                        let pos = if matches!(h, Halt::Trap(_)) {
                            code.index(at!())
                        } else {
                            code.index(ip.add(1))
                        };
                        leave!(pos, h)
                    }
                }
                Op::TailB { b } => {
                    let next = charge!(at!());
                    self.pc = code.index(ip.add(1));
                    self.steps = self.steps_at(limit, next);
                    let base = self.fp + 16;
                    if let Err(h) = self.library(b, base) {
                        let pos = if matches!(h, Halt::Trap(_)) {
                            code.index(at!())
                        } else {
                            code.index(ip.add(1))
                        };
                        leave!(pos, h)
                    }
                    check!(self.ret());
                    reload!(next);
                }
                Op::Enter { n, up } => check!(self.enter(n, up, code.index(at!()))),
                Op::Ret {} => {
                    let next = charge!(at!());
                    check!(self.ret());
                    reload!(next);
                }
                Op::Ret32 { a } => {
                    let next = charge!(at!());
                    frame.w32(Slot(16), frame.r32(a));
                    check!(self.ret());
                    reload!(next);
                }
                Op::Ret64 { a } => {
                    let next = charge!(at!());
                    frame.w64(Slot(16), frame.r64(a));
                    check!(self.ret());
                    reload!(next);
                }
                Op::IncJLtSI32 { a, inc, imm, t } => {
                    fused_jump_if!((inc32!(a, inc) as i32) < imm.0, t)
                }
                Op::IncJLeSI32 { a, inc, imm, t } => {
                    fused_jump_if!(inc32!(a, inc) as i32 <= imm.0, t)
                }
                Op::IncJGtSI32 { a, inc, imm, t } => {
                    fused_jump_if!(inc32!(a, inc) as i32 > imm.0, t)
                }
                Op::IncJGeSI32 { a, inc, imm, t } => {
                    fused_jump_if!(inc32!(a, inc) as i32 >= imm.0, t)
                }
                Op::IncJNeI32 { a, inc, imm, t } => {
                    fused_jump_if!(inc32!(a, inc) != imm.0 as u32, t)
                }
                Op::IncJLtS32 { a, inc, b, t } => {
                    fused_jump_if!((inc32!(a, inc) as i32) < frame.r32(b) as i32, t)
                }
                Op::IncJLeS32 { a, inc, b, t } => {
                    fused_jump_if!(inc32!(a, inc) as i32 <= frame.r32(b) as i32, t)
                }
                Op::IncJNe32 { a, inc, b, t } => {
                    fused_jump_if!(inc32!(a, inc) != frame.r32(b), t)
                }
                Op::AddJLtSI32 { a, by, imm, t } => {
                    fused_jump_if!((add32!(a, frame.r32(by.slot())) as i32) < imm.0, t)
                }
                Op::AddJLeSI32 { a, by, imm, t } => {
                    fused_jump_if!(add32!(a, frame.r32(by.slot())) as i32 <= imm.0, t)
                }
                Op::AddJGtSI32 { a, by, imm, t } => {
                    fused_jump_if!(add32!(a, frame.r32(by.slot())) as i32 > imm.0, t)
                }
                Op::AddJGeSI32 { a, by, imm, t } => {
                    fused_jump_if!(add32!(a, frame.r32(by.slot())) as i32 >= imm.0, t)
                }
                Op::IncJLtU64 { a, inc, b, t } => {
                    fused_jump_if!(inc64!(a, inc) < frame.r64(b), t)
                }
                Op::IncJLtS64 { a, inc, b, t } => {
                    fused_jump_if!((inc64!(a, inc) as i64) < frame.r64(b) as i64, t)
                }
                Op::Exit { a } => {
                    charge!(at!());
                    leave!(code.index(ip.add(1)), Halt::Exit(frame.r32(a) as i32))
                }
                Op::Trap {} => {
                    let addr = self.addr_of(code.index(at!()));
                    leave!(
                        code.index(at!()),
                        Trap::BadJump {
                            addr,
                            what: "execution",
                            expected: "code (it ran past the last instruction)"
                        }
                        .into()
                    )
                }
            }
            ip = ip.add(1);
        }
    }

    /// The limit of a run starting at `from` with `self.steps` taken: the position it
    /// reaches when the budget is spent, as if the code went on in a straight line. At
    /// most `SPAN` steps ahead, so that positions cannot overflow; `self.ceiling` records
    /// the step count the limit stands for.
    fn limit_from(&mut self, from: frame::Ip) -> usize {
        const SPAN: u64 = 1 << 40;
        let fuel = self.max_steps.saturating_sub(self.steps).min(SPAN);
        self.ceiling = self.steps + fuel;
        from.addr() + fuel as usize * std::mem::size_of::<Op>()
    }

    /// The steps taken when a run has reached `at`.
    fn steps_at(&self, limit: usize, at: frame::Ip) -> u64 {
        let ahead =
            (limit as i64).wrapping_sub(at.addr() as i64) / std::mem::size_of::<Op>() as i64;
        self.ceiling.wrapping_sub(ahead as u64)
    }

    /// A run has passed its limit at `next`: the new limit, if the budget was only the
    /// span of `limit_from` and goes on; none if the steps are spent.
    #[cold]
    #[inline(never)]
    fn refuel(&mut self, limit: usize, next: frame::Ip) -> Option<usize> {
        let steps = self.steps_at(limit, next);
        if steps > self.max_steps {
            return None;
        }
        self.steps = steps;
        Some(self.limit_from(next))
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
