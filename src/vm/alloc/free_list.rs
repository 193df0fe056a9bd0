//! Doubly linked lists of free blocks, threaded through the free blocks' payloads, with
//! their heads in the list-head table at the start of the heap (so every byte of the
//! allocator's state is in the heap). Shared by the explicit and segregated strategies.
//!
//! ```text
//!  head ──> | size|0 | next ──┐ | prev=0 | ... | size|0 |
//!                             └──> | size|0 | next=0 | prev | ... | size|0 |
//! ```
//! A link is a payload address; 0 ends a list. Every traversal checks that it lands on a
//! free block and stops after as many steps as the heap could hold blocks.

use super::boundary::{Geometry, WORD};
use super::{Heap, HeapError, HeapRead, corruption};

/// What a list may hold: the strategy checks each link (`bp` is where the two link words
/// are) and says how many blocks the heap could hold at most.
pub trait Nodes {
    /// The size of the free block whose links are at `bp`, or an error if it is not one.
    fn node(&self, heap: &dyn HeapRead, bp: u64) -> Result<u64, HeapError>;
    fn limit(&self, heap: &dyn HeapRead) -> u64;
}

impl Nodes for Geometry {
    #[inline(always)]
    fn node(&self, heap: &dyn HeapRead, bp: u64) -> Result<u64, HeapError> {
        if bp < self.first || bp >= heap.brk() || !self.aligned(bp) {
            return Err(corruption(
                bp,
                format_args!("a free-list link points outside the blocks"),
            ));
        }
        let (size, allocated) = self.header(heap, bp)?;
        if allocated || size < self.min_block {
            return Err(corruption(
                bp,
                format_args!("a free-list link points at a block that is not free"),
            ));
        }
        Ok(size)
    }

    fn limit(&self, heap: &dyn HeapRead) -> u64 {
        (heap.brk() - self.base) / self.min_block + 1
    }
}

fn cycle(head: u64) -> HeapError {
    HeapError::Corruption(head, "a free list runs in a cycle".into())
}

/// Puts `bp` first in the list at `head`; whether the list was empty.
#[inline(always)]
pub fn push(heap: &mut Heap, head: u64, bp: u64) -> Result<bool, HeapError> {
    let first = heap.get(head)?;
    heap.set(bp, first)?;
    heap.set(bp + WORD, 0)?;
    if first != 0 {
        heap.set(first.wrapping_add(WORD), bp)?;
    }
    heap.set(head, bp)?;
    Ok(first == 0)
}

/// Puts `bp` in the list at `head` in address order, counting a step per block passed.
pub fn insert_sorted(g: &impl Nodes, heap: &mut Heap, head: u64, bp: u64) -> Result<(), HeapError> {
    let (mut prev, mut cur) = (0, heap.get(head)?);
    let mut left = g.limit(heap);
    while cur != 0 && cur < bp {
        g.node(heap, cur)?;
        heap.step();
        left = left.checked_sub(1).ok_or_else(|| cycle(head))?;
        prev = cur;
        cur = heap.get(cur)?;
    }
    heap.set(bp, cur)?;
    heap.set(bp + WORD, prev)?;
    if cur != 0 {
        heap.set(cur.wrapping_add(WORD), bp)?;
    }
    if prev == 0 {
        heap.set(head, bp)
    } else {
        heap.set(prev, bp)
    }
}

/// Makes what points at `bp` (its predecessor `prev`, or the head) point at `to`.
#[inline(always)]
fn repoint(heap: &mut Heap, head: u64, bp: u64, prev: u64, to: u64) -> Result<(), HeapError> {
    if prev != 0 {
        return heap.set(prev, to);
    }
    if heap.get(head)? != bp {
        return Err(corruption(
            bp,
            format_args!("a free block with no predecessor is not at the head of its list"),
        ));
    }
    heap.set(head, to)
}

/// Takes `bp` out of the list at `head`; whether the list is now empty.
#[inline(always)]
pub fn unlink(heap: &mut Heap, head: u64, bp: u64) -> Result<bool, HeapError> {
    let (next, prev) = (heap.get(bp)?, heap.get(bp + WORD)?);
    repoint(heap, head, bp, prev, next)?;
    if next != 0 {
        heap.set(next.wrapping_add(WORD), prev)?;
    }
    Ok(prev == 0 && next == 0)
}

/// Puts `to` where `from` is in the list at `head` (a block whose start moved).
#[inline(always)]
pub fn replace(heap: &mut Heap, head: u64, from: u64, to: u64) -> Result<(), HeapError> {
    let (next, prev) = (heap.get(from)?, heap.get(from + WORD)?);
    heap.set(to, next)?;
    heap.set(to + WORD, prev)?;
    repoint(heap, head, from, prev, to)?;
    if next != 0 {
        heap.set(next.wrapping_add(WORD), to)?;
    }
    Ok(())
}

/// The first block of the list at `head` of at least `asize` bytes.
#[inline(always)]
pub fn first_fit(
    g: &impl Nodes,
    heap: &mut Heap,
    head: u64,
    asize: u64,
) -> Result<Option<u64>, HeapError> {
    let mut cur = heap.get(head)?;
    let mut left = g.limit(heap);
    while cur != 0 {
        let size = g.node(heap, cur)?;
        heap.step();
        if size >= asize {
            return Ok(Some(cur));
        }
        left = left.checked_sub(1).ok_or_else(|| cycle(head))?;
        cur = heap.get(cur)?;
    }
    Ok(None)
}

/// Every block of the list at `head`, checking the back links (for heap checks).
pub fn members(g: &impl Nodes, heap: &dyn HeapRead, head: u64) -> Result<Vec<u64>, HeapError> {
    let mut out = Vec::new();
    let (mut prev, mut cur) = (0, heap.get(head)?);
    let mut left = g.limit(heap);
    while cur != 0 {
        g.node(heap, cur)?;
        if heap.get(cur + WORD)? != prev {
            return Err(HeapError::Corruption(
                cur + WORD,
                "a free block's back link is wrong".into(),
            ));
        }
        left = left.checked_sub(1).ok_or_else(|| cycle(head))?;
        out.push(cur);
        prev = cur;
        cur = heap.get(cur)?;
    }
    Ok(out)
}
