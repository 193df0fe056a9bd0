//! Best fit over the implicit list: the smallest free block that is large enough (an exact
//! fit ends the search early). Every search visits the whole heap, but the leftovers are
//! as small as they can be; Wilson et al. (1995) measure it among the least fragmenting.

use super::Heap;
use super::HeapError;
use super::boundary::{Geometry, Policy, scan};

/// The smallest free block that fits.
pub struct BestFit;

impl Policy for BestFit {
    fn name(&self) -> &'static str {
        "best-fit"
    }

    fn find(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        asize: u64,
    ) -> Result<Option<u64>, HeapError> {
        let mut best: Option<(u64, u64)> = None;
        let exact = scan(g, heap, g.first, None, |bp, size, allocated| {
            if allocated || size < asize {
                return false;
            }
            if best.is_none_or(|(_, s)| size < s) {
                best = Some((bp, size));
            }
            size == asize
        })?;
        Ok(exact.or(best.map(|(bp, _)| bp)))
    }
}
