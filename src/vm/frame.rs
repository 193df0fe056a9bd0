//! Frame slots: the one place the VM reads and writes memory without a bounds check.
//!
//! Why that is sound: at load time [`verify`] checks that every slot operand of every
//! function lies inside that function's frame, `[fp - n, fp + up)` as its `enter n, up`
//! declares. At run time a frame pointer is only installed after checking that this
//! whole range lies inside memory: by `enter` (for a callee) and by `ret` (for the caller
//! it returns to, since the saved frame pointer is read from memory a program can
//! overwrite). So every slot access is within the memory's bytes. Debug builds check each
//! access again (`debug_assert!`), so the test suite would catch a wrong proof.

use super::Vm;
use crate::bytecode::{Imm, Op, Size, Slot, Visitor};

/// A function's frame extent, from its `enter`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Extent {
    /// Bytes below the frame pointer.
    pub below: u64,
    /// Bytes above the frame pointer (header and arguments).
    pub above: u64,
}

impl Extent {
    /// Whether a frame with this extent fits in memory at `fp`.
    pub fn fits(&self, fp: u64, mem_size: u64) -> bool {
        fp >= self.below
            && fp
                .checked_add(self.above)
                .is_some_and(|top| top <= mem_size)
    }
}

/// The current frame: a raw pointer to the byte at the frame pointer. Reads and writes of
/// slots are single unaligned loads and stores.
#[derive(Clone, Copy)]
pub(crate) struct Frame {
    at: *mut u8,
    /// For the debug checks only.
    fp: u64,
    size: usize,
}

macro_rules! slot_access {
    ($($read:ident / $write:ident : $t:ty),*) => {
        $(
            #[inline(always)]
            pub(crate) fn $read(&self, s: Slot) -> $t {
                self.debug_check(s, std::mem::size_of::<$t>());
                // SAFETY: the slot lies in the current frame, which lies in memory (see the
                // module documentation); unaligned access is allowed.
                unsafe { self.at.wrapping_offset(s.0 as isize).cast::<$t>().read_unaligned() }
            }

            #[inline(always)]
            pub(crate) fn $write(&self, s: Slot, v: $t) {
                self.debug_check(s, std::mem::size_of::<$t>());
                // SAFETY: as for reads.
                unsafe { self.at.wrapping_offset(s.0 as isize).cast::<$t>().write_unaligned(v) }
            }
        )*
    };
}

impl Frame {
    /// The frame at `fp` in the space whose bytes start at `base`.
    pub(crate) fn new(base: *mut u8, fp: u64, size: usize) -> Frame {
        Frame {
            at: base.wrapping_add(fp as usize),
            fp,
            size,
        }
    }

    #[inline(always)]
    fn debug_check(&self, s: Slot, n: usize) {
        let at = self.fp as i64 + s.0 as i64;
        debug_assert!(
            at >= 0 && at as usize + n <= self.size,
            "slot {s:?} outside memory at fp {:#x}",
            self.fp
        );
    }

    slot_access!(r8 / w8: u8, r16 / w16: u16, r32 / w32: u32, r64 / w64: u64);

    #[inline(always)]
    pub(crate) fn f32(&self, s: Slot) -> f32 {
        f32::from_bits(self.r32(s))
    }

    #[inline(always)]
    pub(crate) fn f64(&self, s: Slot) -> f64 {
        f64::from_bits(self.r64(s))
    }

    #[inline(always)]
    pub(crate) fn wf32(&self, s: Slot, v: f32) {
        self.w32(s, v.to_bits())
    }

    #[inline(always)]
    pub(crate) fn wf64(&self, s: Slot, v: f64) {
        self.w64(s, v.to_bits())
    }

    /// `base + scale * index` for a pointer and a signed 32-bit index held in slots.
    #[inline(always)]
    pub(crate) fn index(&self, p: Slot, i: Slot, scale: u64) -> u64 {
        let i = self.r32(i) as i32 as i64 as u64;
        self.r64(p).wrapping_add(i.wrapping_mul(scale))
    }

    /// `base + off` for a pointer held in a slot.
    #[inline(always)]
    pub(crate) fn ea(&self, p: Slot, off: Imm) -> u64 {
        self.r64(p).wrapping_add(off.0 as i64 as u64)
    }
}

impl Vm<'_> {
    /// A range of `n` frame bytes starting at slot `s` (block moves).
    pub(crate) fn slot_range(&self, s: Slot, n: Size) -> std::ops::Range<usize> {
        let at = self.fp.wrapping_add(s.0 as i64 as u64) as usize;
        at..at + n.0 as usize
    }
}

/// The code being run, addressed by [`Ip`]s: a fetch is one load and a jump one add, with
/// no bounds check. Sound because decoding ends the code with a `trap` that execution
/// cannot pass, and checks that every jump, call and return target is an instruction
/// index: an `Ip` is only ever made from such an index, or by stepping past an instruction
/// that is not the last.
#[derive(Clone, Copy)]
pub(crate) struct Code<'a> {
    ops: &'a [Op],
}

/// The position of an instruction in a [`Code`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ip(*const Op);

impl<'a> Code<'a> {
    pub(crate) fn new(ops: &'a [Op]) -> Code<'a> {
        Code { ops }
    }

    /// The position of instruction `index` (an instruction index, see above).
    #[inline(always)]
    pub(crate) fn at(&self, index: usize) -> Ip {
        debug_assert!(index < self.ops.len(), "pc {index} past the code");
        Ip(self.ops.as_ptr().wrapping_add(index))
    }

    /// The instruction index of a position.
    #[inline(always)]
    pub(crate) fn index(&self, ip: Ip) -> usize {
        (ip.0 as usize - self.ops.as_ptr() as usize) / std::mem::size_of::<Op>()
    }

    /// The instruction at `ip`.
    #[inline(always)]
    pub(crate) fn fetch(&self, ip: Ip) -> Op {
        debug_assert!(self.index(ip) < self.ops.len(), "ip past the code");
        // SAFETY: `ip` points at an instruction of `ops` (see above).
        unsafe { *ip.0 }
    }
}

impl Ip {
    /// The host address of the position (budgets are kept in these units).
    #[inline(always)]
    pub(crate) fn addr(self) -> usize {
        self.0 as usize
    }

    /// The position `n` instructions on.
    #[inline(always)]
    pub(crate) fn add(self, n: usize) -> Ip {
        Ip(self.0.wrapping_add(n))
    }
}

/// Checks every slot operand of the code of one function against its frame extent. Slots
/// are assumed to be read as 8 bytes (the widest scalar), block moves as their size.
pub fn verify(code: &[Op], extent: Extent) -> Result<(), String> {
    struct Slots(Vec<Slot>);
    impl Visitor for Slots {
        fn slot(&mut self, s: &mut Slot) {
            self.0.push(*s);
        }
    }
    let lo = -(extent.below as i64);
    let hi = extent.above as i64;
    for op in code {
        let (mut slots, width) = match *op {
            // Only the destination is accessed; the source slot is an address.
            Op::Lea { d, .. } => (vec![d], 8),
            Op::MovN { d, a, n } => (vec![d, a], n.0 as i64),
            Op::ZeroN { d, n } | Op::LdN { d, n, .. } => (vec![d], n.0 as i64),
            Op::StN { a, n, .. } => (vec![a], n.0 as i64),
            _ => (Vec::new(), 8),
        };
        if slots.is_empty() {
            let mut v = Slots(Vec::new());
            let mut copy = *op;
            copy.visit(&mut v);
            slots = v.0;
        }
        if let Op::LdN { p, .. } | Op::StN { p, .. } = *op {
            slots.push(p);
        }
        for s in slots {
            let start = s.0 as i64;
            let w = if matches!(op, Op::LdN { p, .. } | Op::StN { p, .. } if *p == s) {
                8
            } else {
                width
            };
            if start < lo || start + w > hi {
                return Err(format!(
                    "{} uses frame slot {} outside its frame [{lo}, {hi})",
                    op.mnemonic(),
                    s.0
                ));
            }
        }
    }
    Ok(())
}
