//! Frames: each function's extent, and the load-time check that every slot operand lies
//! inside it ([`verify`]), which is what makes the unchecked slot accesses of
//! [`super::raw`] sound.

use super::Vm;
pub(crate) use super::raw::{Code, Frame, Ip};
use crate::bytecode::{Op, Size, Slot, Visitor};

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

impl Vm<'_> {
    /// A range of `n` frame bytes starting at slot `s` (block moves).
    pub(crate) fn slot_range(&self, s: Slot, n: Size) -> std::ops::Range<usize> {
        let at = self.fp.wrapping_add(s.0 as i64 as u64) as usize;
        at..at + n.0 as usize
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
