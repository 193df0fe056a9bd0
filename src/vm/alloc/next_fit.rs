//! Next fit over the implicit list (Knuth, TAOCP 2.5, exercise 6): the search goes on where
//! the last one stopped (the rover), wrapping around at the epilogue. Searches are shorter
//! than first fit's, but allocations spread over the whole heap, and studies (Wilson et al.
//! 1995) find worse fragmentation.

use super::Heap;
use super::HeapError;
use super::boundary::{Geometry, Policy, scan};

/// The first free block that fits, searching from where the last search ended.
#[derive(Default)]
pub struct NextFit {
    /// A block's payload address, or 0 for the first block.
    rover: u64,
}

impl Policy for NextFit {
    fn name(&self) -> &'static str {
        "next-fit"
    }

    fn reset(&mut self, g: &Geometry) {
        self.rover = g.first;
    }

    fn merged(&mut self, start: u64, size: u64) {
        // The rover must stay on a block boundary.
        if self.rover > start && self.rover < start + size {
            self.rover = start;
        }
    }

    fn find(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        asize: u64,
    ) -> Result<Option<u64>, HeapError> {
        let fits = |_, size, allocated: bool| !allocated && size >= asize;
        let rover = self.rover.max(g.first);
        let found = match scan(g, heap, rover, None, fits)? {
            Some(bp) => Some(bp),
            None => scan(g, heap, g.first, Some(rover), fits)?,
        };
        if let Some(bp) = found {
            self.rover = bp;
        }
        Ok(found)
    }
}
