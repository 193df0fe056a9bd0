//! The boundary-tag block layout (Knuth; CS:APP 9.9), shared by every strategy that keeps
//! free blocks next to allocated ones and merges free neighbours at once: the implicit
//! lists (first, next, best and worst fit), the explicit free lists and the segregated
//! lists. They differ only in their [`Policy`]: where free blocks are kept and how a fit
//! is found. Splitting, coalescing, growing the heap, `realloc` in place and walking are
//! written once, here.
//!
//! ```text
//!  heap start                                                                      break
//!  | list heads (policy) | pad | prologue 16/a | hdr | payload ... | ftr | ... | epilogue 0/a |
//!                                                    ^ aligned (16, or 8)
//!
//!  allocated block:  | size|1 | payload .....................| size|1 |
//!  free block:       | size|0 | (links of a list policy) ... | size|0 |
//! ```
//! Header and footer are 8-byte words holding `size | allocated`; `size` counts the whole
//! block and is a multiple of the alignment. The footer lets `free` find the previous
//! block in O(1), so free neighbours are merged at once: no two free blocks are ever
//! adjacent. The prologue and epilogue are allocated sentinels that end every merge.

use super::{Allocator, Block, Heap, HeapError, HeapRead, HeapView, OnChain, corruption, round_up};
use crate::vm::memory::Memory;

pub(super) const WORD: u64 = 8;

#[inline]
fn pack(size: u64, allocated: bool) -> u64 {
    size | allocated as u64
}

#[inline]
fn unpack(word: u64) -> (u64, bool) {
    (word & !7, word & 1 == 1)
}

/// Where the blocks are: fixed when the heap is first set up.
#[derive(Clone, Copy, Debug)]
pub struct Geometry {
    pub align: u64,
    /// The smallest block: a header, a footer and room for a free block's links.
    pub min_block: u64,
    /// The start of the heap, where the policy's list heads live.
    pub base: u64,
    /// The payload address of the first real block (0 before set-up).
    pub first: u64,
}

impl Geometry {
    /// Whether `n` is a multiple of the alignment (a power of two: a mask, not a division).
    #[inline]
    pub fn aligned(&self, n: u64) -> bool {
        n & (self.align - 1) == 0
    }

    /// The address of list head `i`.
    pub fn root(&self, i: u64) -> u64 {
        self.base + i * WORD
    }

    #[inline(always)]
    pub fn header(
        &self,
        heap: &(impl HeapRead + ?Sized),
        bp: u64,
    ) -> Result<(u64, bool), HeapError> {
        Ok(unpack(heap.get(bp.wrapping_sub(WORD))?))
    }

    /// The size and state of the block at `bp`, or `None` at the epilogue. A header that
    /// would not move a walk forward, or would carry it past the break, is corruption:
    /// this is what bounds every walk by the heap size.
    #[inline(always)]
    pub fn block_at(
        &self,
        heap: &(impl HeapRead + ?Sized),
        bp: u64,
    ) -> Result<Option<(u64, bool)>, HeapError> {
        let (size, allocated) = self.header(heap, bp)?;
        let end = heap.brk() - WORD;
        if size == 0 && allocated && bp - WORD == end {
            return Ok(None);
        }
        if size < self.min_block || !self.aligned(size) || size > end - (bp - WORD) {
            return Err(corruption(
                bp - WORD,
                format_args!("block header says size {size}"),
            ));
        }
        Ok(Some((size, allocated)))
    }
}

/// Where free blocks are kept and how a fit is found.
pub trait Policy {
    fn name(&self) -> &'static str;
    /// Words of list heads kept at the start of the heap.
    fn roots(&self) -> u64 {
        0
    }
    /// Whether free blocks hold two link words (a larger minimum block).
    fn links(&self) -> bool {
        false
    }
    /// Set-up (or a fresh heap).
    fn reset(&mut self, _g: &Geometry) {}
    /// `bp` became a free block of `size` bytes (already merged with its neighbours).
    fn insert(
        &mut self,
        _g: &Geometry,
        _heap: &mut Heap,
        _bp: u64,
        _size: u64,
    ) -> Result<(), HeapError> {
        Ok(())
    }
    /// The free block `bp` is about to be allocated or merged.
    fn remove(
        &mut self,
        _g: &Geometry,
        _heap: &mut Heap,
        _bp: u64,
        _size: u64,
    ) -> Result<(), HeapError> {
        Ok(())
    }
    /// The free block `bp` (known to the policy) grew or shrank from `old` to `new` bytes
    /// in place: a merge with the block after it.
    fn resized(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        bp: u64,
        old: u64,
        new: u64,
    ) -> Result<(), HeapError> {
        self.remove(g, heap, bp, old)?;
        self.insert(g, heap, bp, new)
    }
    /// The free block `from` of `old` bytes (known to the policy) became the free block
    /// `to` of `new` bytes, with no other free block between them: its front was
    /// allocated (a split) or merged with the block before it.
    #[allow(clippy::too_many_arguments)]
    fn moved(
        &mut self,
        g: &Geometry,
        heap: &mut Heap,
        from: u64,
        old: u64,
        to: u64,
        new: u64,
    ) -> Result<(), HeapError> {
        self.remove(g, heap, from, old)?;
        self.insert(g, heap, to, new)
    }
    /// Blocks inside `start..start + size` (other than `start`) stopped being blocks.
    fn merged(&mut self, _start: u64, _size: u64) {}
    /// The free blocks the policy keeps, if it keeps them (for heap checks).
    fn listed(&self, _g: &Geometry, _heap: &dyn HeapRead) -> Result<Option<Vec<u64>>, HeapError> {
        Ok(None)
    }
    /// A free block of at least `asize` bytes, counting a step per block looked at.
    fn find(&mut self, g: &Geometry, heap: &mut Heap, asize: u64)
    -> Result<Option<u64>, HeapError>;
}

/// A boundary-tag heap with the policy `P`.
pub struct Tagged<P> {
    g: Geometry,
    policy: P,
}

impl<P: Policy> Tagged<P> {
    pub fn new(policy: P, align: u64) -> Tagged<P> {
        let room = if policy.links() { 2 * WORD } else { WORD };
        let min_block = round_up(2 * WORD + room, align).unwrap_or(32);
        Tagged {
            g: Geometry {
                align,
                min_block,
                base: 0,
                first: 0,
            },
            policy,
        }
    }

    #[inline(always)]
    fn set_block(heap: &mut Heap, bp: u64, size: u64, allocated: bool) -> Result<(), HeapError> {
        // Wrapping: sizes may come from a damaged heap; `set` rejects what lands outside.
        heap.set(bp.wrapping_sub(WORD), pack(size, allocated))?;
        heap.set(
            bp.wrapping_add(size).wrapping_sub(2 * WORD),
            pack(size, allocated),
        )
    }

    /// Lays out the list heads, prologue and epilogue on first use; false if even that
    /// does not fit.
    #[inline]
    fn init(&mut self, heap: &mut Heap) -> Result<bool, HeapError> {
        if self.g.first != 0 {
            return Ok(true);
        }
        let roots = self.policy.roots() * WORD;
        // Prologue header and footer, then the epilogue header just before an aligned bp.
        let pad = (self.g.align - (roots + 3 * WORD) % self.g.align) % self.g.align;
        let Some(base) = heap.sbrk(roots + pad + 3 * WORD) else {
            return Ok(false);
        };
        for i in 0..self.policy.roots() + pad / WORD {
            heap.set(base + i * WORD, 0)?;
        }
        let prologue = base + roots + pad;
        heap.set(prologue, pack(2 * WORD, true))?;
        heap.set(prologue + WORD, pack(2 * WORD, true))?;
        heap.set(prologue + 2 * WORD, pack(0, true))?;
        self.g.base = base;
        self.g.first = prologue + 3 * WORD;
        self.policy.reset(&self.g);
        Ok(true)
    }

    /// The payload plus header and footer, aligned; `None` if absurdly large.
    #[inline]
    fn adjusted(&self, size: u64) -> Option<u64> {
        Some(round_up(size.checked_add(2 * WORD)?, self.g.align)?.max(self.g.min_block))
    }

    /// Grows the heap by `size` bytes as a free block, merged with a free last block.
    /// Returns the (merged) free block, already known to the policy.
    fn extend(&mut self, heap: &mut Heap, size: u64) -> Result<Option<(u64, u64)>, HeapError> {
        let Some(bp) = heap.sbrk(size) else {
            return Ok(None);
        };
        // The old epilogue header becomes the new block's header.
        Self::set_block(heap, bp, size, false)?;
        heap.set(bp + size - WORD, pack(0, true))?;
        self.coalesce(heap, bp, size).map(Some)
    }

    /// Merges the free block `bp` (not yet known to the policy) with free neighbours and
    /// hands the result to the policy.
    #[inline(always)]
    fn coalesce(&mut self, heap: &mut Heap, bp: u64, size: u64) -> Result<(u64, u64), HeapError> {
        let (prev_size, prev_alloc) = unpack(heap.get(bp.wrapping_sub(2 * WORD))?);
        if !prev_alloc
            && (prev_size < self.g.min_block || prev_size > bp.saturating_sub(self.g.first))
        {
            return Err(corruption(
                bp - 2 * WORD,
                format_args!("block footer says size {prev_size}"),
            ));
        }
        let next = bp.wrapping_add(size);
        let (next_size, next_alloc) = self.g.block_at(heap, next)?.unwrap_or((0, true));
        let (mut start, mut total) = (bp, size);
        if !next_alloc {
            total = total.wrapping_add(next_size);
        }
        if !prev_alloc {
            start = bp.wrapping_sub(prev_size);
            total = total.wrapping_add(prev_size);
            // This header stays behind inside the merged block: marked free, a second
            // free of `bp` is still told as a double free.
            heap.set(bp.wrapping_sub(WORD), pack(size, false))?;
        }
        Self::set_block(heap, start, total, false)?;
        // The merged block takes the place of a free neighbour in the policy's lists.
        match (prev_alloc, next_alloc) {
            (true, true) => self.policy.insert(&self.g, heap, bp, size)?,
            (true, false) => self
                .policy
                .moved(&self.g, heap, next, next_size, bp, total)?,
            (false, next_alloc) => {
                if !next_alloc {
                    self.policy.remove(&self.g, heap, next, next_size)?;
                }
                self.policy
                    .resized(&self.g, heap, start, prev_size, total)?
            }
        }
        if total != size {
            self.policy.merged(start, total);
        }
        Ok((start, total))
    }

    /// Allocates `asize` bytes of the free block `bp` (known to the policy), splitting off
    /// the rest when it can stand as a block of its own; the size of the allocated block.
    #[inline(always)]
    fn place(
        &mut self,
        heap: &mut Heap,
        bp: u64,
        bsize: u64,
        asize: u64,
    ) -> Result<u64, HeapError> {
        if bsize - asize >= self.g.min_block {
            Self::set_block(heap, bp, asize, true)?;
            Self::set_block(heap, bp + asize, bsize - asize, false)?;
            // The block after a free block is allocated: nothing to merge with.
            self.policy
                .moved(&self.g, heap, bp, bsize, bp + asize, bsize - asize)?;
            Ok(asize)
        } else {
            self.policy.remove(&self.g, heap, bp, bsize)?;
            Self::set_block(heap, bp, bsize, true)?;
            Ok(bsize)
        }
    }

    /// Cuts the allocated block `bp` down to `asize` bytes, freeing the tail.
    fn shrink(
        &mut self,
        heap: &mut Heap,
        bp: u64,
        bsize: u64,
        asize: u64,
    ) -> Result<(), HeapError> {
        if bsize - asize >= self.g.min_block {
            Self::set_block(heap, bp, asize, true)?;
            Self::set_block(heap, bp + asize, bsize - asize, false)?;
            self.coalesce(heap, bp + asize, bsize - asize)?;
        }
        Ok(())
    }

    /// Checks that `bp` is the payload of a block; its size and state. Metadata that does
    /// not describe a block is told apart by the walk of headers: a block starts there and
    /// its header or footer was overwritten (heap corruption), or it is no block (an
    /// invalid free). The walk is needed only to explain a refusal, so it runs only then.
    #[inline(always)]
    fn validate(&self, heap: &(impl HeapRead + ?Sized), bp: u64) -> Result<(u64, bool), HeapError> {
        let g = &self.g;
        if g.first == 0 || bp < g.first || bp >= heap.brk() || !g.aligned(bp) {
            return Err(self.refusal(heap, bp));
        }
        let word = heap.get(bp - WORD)?;
        let (size, allocated) = unpack(word);
        let fits =
            word & 6 == 0 && size >= g.min_block && g.aligned(size) && size <= heap.brk() - bp;
        if !fits || heap.get(bp + size - 2 * WORD)? != word {
            return Err(self.refusal(heap, bp));
        }
        Ok((size, allocated))
    }

    /// Why [`Self::validate`] refuses `bp` (out of line: only errors get here).
    #[cold]
    #[inline(never)]
    fn refusal(&self, heap: &(impl HeapRead + ?Sized), bp: u64) -> HeapError {
        let g = &self.g;
        if g.first == 0 || bp < g.first || bp >= heap.brk() {
            return HeapError::InvalidFree(bp, "not an address malloc returned".into());
        }
        let on_chain = || {
            OnChain::find(g.first, bp, |p| {
                Ok(g.block_at(heap, p)?
                    .map(|(size, allocated)| (p + size, allocated)))
            })
        };
        let header = bp - WORD;
        if !g.aligned(bp) {
            return on_chain().refusal(bp, header, String::new(), false, false);
        }
        let word = match heap.get(header) {
            Ok(word) => word,
            Err(e) => return e,
        };
        let (size, allocated) = unpack(word);
        let fits =
            word & 6 == 0 && size >= g.min_block && g.aligned(size) && size <= heap.brk() - bp;
        if !fits {
            let damage =
                format!("the header of the block at {bp:#x} was overwritten: it reads {word:#x}");
            return on_chain().refusal(bp, header, damage, false, false);
        }
        let at = bp + size - 2 * WORD;
        let footer = match heap.get(at) {
            Ok(footer) => footer,
            Err(e) => return e,
        };
        let damage =
            format!("the footer of the block at {bp:#x} reads {footer:#x}, its header {word:#x}");
        on_chain().refusal(bp, at, damage, true, !allocated)
    }

    #[inline(always)]
    fn live(&self, heap: &(impl HeapRead + ?Sized), bp: u64) -> Result<u64, HeapError> {
        let (size, allocated) = self.validate(heap, bp)?;
        if !allocated {
            return Err(HeapError::DoubleFree(bp));
        }
        Ok(size)
    }

    /// The footer word of the last block (the prologue's if there is none).
    fn last_block(&self, heap: &Heap) -> Result<(u64, bool), HeapError> {
        Ok(unpack(heap.get(heap.brk() - 2 * WORD)?))
    }
}

impl<P: Policy> Allocator for Tagged<P> {
    fn name(&self) -> &'static str {
        self.policy.name()
    }

    fn align(&self) -> u64 {
        self.g.align
    }

    fn block_size(&self, mem: &Memory, bp: u64) -> Result<u64, HeapError> {
        // Its header: `bp` is live (see the trait).
        Ok(self.g.header(&HeapView::new(mem), bp)?.0)
    }

    fn malloc(&mut self, heap: &mut Heap, size: u64) -> Result<Option<u64>, HeapError> {
        Ok(self.malloc_block(heap, size)?.map(|(bp, _)| bp))
    }

    fn malloc_block(
        &mut self,
        heap: &mut Heap,
        size: u64,
    ) -> Result<Option<(u64, u64)>, HeapError> {
        if !self.init(heap)? {
            return Ok(None);
        }
        let Some(asize) = self.adjusted(size) else {
            return Ok(None);
        };
        if let Some(bp) = self.policy.find(&self.g, heap, asize)? {
            let (bsize, _) = self.g.header(heap, bp)?;
            if bsize < asize {
                return Err(HeapError::Corruption(bp, "a fit too small".into()));
            }
            return Ok(Some((bp, self.place(heap, bp, bsize, asize)?)));
        }
        // Grow by exactly what is missing: a free last block is extended, not left behind.
        let (last, last_alloc) = self.last_block(heap)?;
        let need = if last_alloc {
            asize
        } else {
            // At least a minimum block, so that a list policy's links fit in it.
            asize.saturating_sub(last).max(self.g.min_block)
        };
        let Some((bp, bsize)) = self.extend(heap, need)? else {
            return Ok(None);
        };
        if bsize < asize {
            return Err(HeapError::Corruption(bp, "the heap grew too little".into()));
        }
        Ok(Some((bp, self.place(heap, bp, bsize, asize)?)))
    }

    fn free(&mut self, heap: &mut Heap, bp: u64) -> Result<u64, HeapError> {
        let size = self.live(heap, bp)?;
        // The merge writes the (merged) block's header and footer.
        self.coalesce(heap, bp, size)?;
        Ok(size)
    }

    fn realloc(&mut self, heap: &mut Heap, bp: u64, size: u64) -> Result<Option<u64>, HeapError> {
        let bsize = self.live(heap, bp)?;
        let Some(asize) = self.adjusted(size) else {
            return Ok(None);
        };
        if asize <= bsize {
            self.shrink(heap, bp, bsize, asize)?;
            return Ok(Some(bp));
        }
        let next = bp + bsize;
        let (mut next_size, mut next_alloc) = self.g.block_at(heap, next)?.unwrap_or((0, true));
        // The last block grows through the break.
        let free_after = if next_alloc { 0 } else { next_size };
        if bsize + free_after < asize && next + free_after == heap.brk() {
            // At least a minimum block, so that a list policy's links fit in it.
            let need = asize - bsize - free_after;
            if self.extend(heap, need.max(self.g.min_block))?.is_some() {
                (next_size, next_alloc) = self.g.block_at(heap, next)?.unwrap_or((0, true));
            }
        }
        if !next_alloc && bsize + next_size >= asize {
            self.policy.remove(&self.g, heap, next, next_size)?;
            self.policy.merged(bp, bsize + next_size);
            Self::set_block(heap, bp, bsize + next_size, true)?;
            self.shrink(heap, bp, bsize + next_size, asize)?;
            return Ok(Some(bp));
        }
        // Slide down into a free previous block (and a free next one).
        let (prev_size, prev_alloc) = unpack(heap.get(bp - 2 * WORD)?);
        if !prev_alloc && (prev_size < self.g.min_block || prev_size > bp - self.g.first) {
            return Err(HeapError::Corruption(
                bp - 2 * WORD,
                format!("block footer says size {prev_size}"),
            ));
        }
        let after = if next_alloc { 0 } else { next_size };
        if !prev_alloc && prev_size + bsize + after >= asize {
            let start = bp.wrapping_sub(prev_size);
            self.policy.remove(&self.g, heap, start, prev_size)?;
            if !next_alloc {
                self.policy.remove(&self.g, heap, next, next_size)?;
            }
            let total = prev_size.wrapping_add(bsize).wrapping_add(after);
            self.policy.merged(start, total);
            heap.copy(start, bp, bsize - 2 * WORD)?;
            Self::set_block(heap, start, total, true)?;
            self.shrink(heap, start, total, asize)?;
            return Ok(Some(start));
        }
        let Some(new) = self.malloc(heap, size)? else {
            return Ok(None);
        };
        heap.copy(new, bp, bsize - 2 * WORD)?;
        self.free(heap, bp)?;
        Ok(Some(new))
    }

    fn block(&self, heap: &dyn HeapRead, bp: u64) -> Result<Block, HeapError> {
        let size = self.live(heap, bp)?;
        Ok(Block {
            addr: bp - WORD,
            size,
            allocated: true,
            payload: bp,
            payload_size: size - 2 * WORD,
            meta: false,
        })
    }

    fn check(&self, heap: &dyn HeapRead) -> Result<(), HeapError> {
        if self.g.first == 0 {
            return Ok(());
        }
        let blocks = self.walk(heap)?;
        if let Some(mut listed) = self.policy.listed(&self.g, heap)? {
            let mut free: Vec<u64> = blocks
                .iter()
                .filter(|b| b.is_free())
                .map(|b| b.payload)
                .collect();
            listed.sort_unstable();
            free.sort_unstable();
            if listed != free {
                return Err(HeapError::Corruption(
                    self.g.base,
                    format!(
                        "{} blocks are free but {} are listed",
                        free.len(),
                        listed.len()
                    ),
                ));
            }
        }
        Ok(())
    }

    fn walk(&self, heap: &dyn HeapRead) -> Result<Vec<Block>, HeapError> {
        let g = &self.g;
        if g.first == 0 {
            return Ok(Vec::new());
        }
        let mut blocks = vec![Block::meta(heap.start(), g.first - WORD - heap.start())];
        let mut bp = g.first;
        while let Some((size, allocated)) = g.block_at(heap, bp)? {
            if heap.get(bp + size - 2 * WORD)? != pack(size, allocated) {
                return Err(HeapError::Corruption(
                    bp + size - 2 * WORD,
                    "a block's footer differs from its header".into(),
                ));
            }
            blocks.push(Block {
                addr: bp - WORD,
                size,
                allocated,
                payload: bp,
                payload_size: size - 2 * WORD,
                meta: false,
            });
            bp += size;
        }
        blocks.push(Block::meta(bp - WORD, WORD));
        Ok(blocks)
    }
}

/// Visits blocks from `from` to the epilogue, counting a step each; the first for which
/// `pick` says stop, or `None`. Shared by the implicit-list policies.
pub(super) fn scan(
    g: &Geometry,
    heap: &mut Heap,
    from: u64,
    until: Option<u64>,
    mut visit: impl FnMut(u64, u64, bool) -> bool,
) -> Result<Option<u64>, HeapError> {
    let mut bp = from;
    while let Some((size, allocated)) = g.block_at(heap, bp)? {
        if until.is_some_and(|u| bp >= u) {
            break;
        }
        heap.step();
        if visit(bp, size, allocated) {
            return Ok(Some(bp));
        }
        bp += size;
    }
    Ok(None)
}
