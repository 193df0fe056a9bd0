//! First fit over the implicit list (CS:APP 9.9.7): the first free block, from the start of
//! the heap, that is large enough. Simple, and it tends to leave small splinters near the
//! start of the heap that every later search must step over.

use super::Heap;
use super::HeapError;
use super::boundary::{Geometry, Policy, scan};

/// The first free block that fits, searching from the start of the heap.
pub struct FirstFit;

impl Policy for FirstFit {
    fn name(&self) -> &'static str {
        "first-fit"
    }

    fn find(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        asize: u64,
    ) -> Result<Option<u64>, HeapError> {
        scan(g, heap, g.first, None, |_, size, allocated| {
            !allocated && size >= asize
        })
    }
}
