//! An explicit free list (CS:APP 9.9.13): the free blocks form one doubly linked list
//! through their payloads, so a search visits free blocks only. The list is kept
//! - LIFO (`explicit`): a freed block goes first; O(1) free, but a block's neighbours in
//!   the list are unrelated in memory, which fragments more;
//! - in address order (`explicit-addr`): first fit then behaves like first fit over the
//!   free blocks (less fragmentation), at the price of a list walk on every free.
//!
//! Block layout and coalescing are the boundary tags of [`super::boundary`]; the head of
//! the list is the first word of the heap.

use super::boundary::{Geometry, Policy};
use super::{Heap, HeapError, HeapRead, free_list};

/// One free list, LIFO or address ordered.
pub struct Explicit {
    ordered: bool,
}

impl Explicit {
    pub fn lifo() -> Explicit {
        Explicit { ordered: false }
    }

    pub fn address_ordered() -> Explicit {
        Explicit { ordered: true }
    }
}

impl Policy for Explicit {
    fn name(&self) -> &'static str {
        if self.ordered {
            "explicit-addr"
        } else {
            "explicit"
        }
    }

    fn roots(&self) -> u64 {
        1
    }

    fn links(&self) -> bool {
        true
    }

    fn insert(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        bp: u64,
        _size: u64,
    ) -> Result<(), HeapError> {
        if self.ordered {
            free_list::insert_sorted(g, heap, g.root(0), bp)
        } else {
            free_list::push(heap, g.root(0), bp).map(drop)
        }
    }

    fn remove(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        bp: u64,
        _size: u64,
    ) -> Result<(), HeapError> {
        free_list::unlink(heap, g.root(0), bp).map(drop)
    }

    // In address order a block that grows at its end, or whose start moves with no free
    // block in between, keeps its place: no walk.
    fn resized(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        bp: u64,
        old: u64,
        new: u64,
    ) -> Result<(), HeapError> {
        if self.ordered {
            return Ok(());
        }
        self.remove(g, heap, bp, old)?;
        self.insert(g, heap, bp, new)
    }

    fn moved(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        from: u64,
        old: u64,
        to: u64,
        new: u64,
    ) -> Result<(), HeapError> {
        if self.ordered {
            return free_list::replace(heap, g.root(0), from, to);
        }
        self.remove(g, heap, from, old)?;
        self.insert(g, heap, to, new)
    }

    fn find(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        asize: u64,
    ) -> Result<Option<u64>, HeapError> {
        free_list::first_fit(g, heap, g.root(0), asize)
    }

    fn listed(&self, g: &Geometry, heap: &dyn HeapRead) -> Result<Option<Vec<u64>>, HeapError> {
        free_list::members(g, heap, g.root(0)).map(Some)
    }
}
