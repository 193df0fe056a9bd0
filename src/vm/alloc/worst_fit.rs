//! Worst fit over the implicit list: the largest free block, in the hope that what is left
//! after the split stays useful. Every search visits the whole heap; in practice it breaks
//! up the large blocks that large requests need (Wilson et al. 1995), which the
//! measurements in `docs/allocators.md` show.

use super::Heap;
use super::HeapError;
use super::boundary::{Geometry, Policy, scan};

/// The largest free block, if it fits.
pub struct WorstFit;

impl Policy for WorstFit {
    fn name(&self) -> &'static str {
        "worst-fit"
    }

    fn find(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        asize: u64,
    ) -> Result<Option<u64>, HeapError> {
        let mut worst: Option<(u64, u64)> = None;
        scan(g, heap, g.first, None, |bp, size, allocated| {
            if !allocated && size >= asize && worst.is_none_or(|(_, s)| size > s) {
                worst = Some((bp, size));
            }
            false
        })?;
        Ok(worst.map(|(bp, _)| bp))
    }
}
