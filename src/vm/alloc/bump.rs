//! The bump allocator: every request takes fresh bytes at the break; `free` only marks the
//! block, its bytes are never used again. The fastest malloc there is and the baseline of
//! every utilization table: its heap is the sum of all requests ever made.
//!
//! ```text
//!  heap start                                                       break
//!  | pad | hdr | payload ... | hdr | payload ... | hdr | payload ... |
//!              ^ aligned
//! ```
//! The header word is `MAGIC << 48 | size | allocated`, `size` counting the header; the
//! magic number lets `free` tell a block from a random address.

use super::{Allocator, Block, Heap, HeapError, HeapRead, OnChain, round_up};

const WORD: u64 = 8;
const MAGIC: u64 = 0xb0b0 << 48;
const SIZE_MASK: u64 = (1 << 48) - 1 - 7;

/// Never reuses memory.
pub struct Bump {
    align: u64,
    /// The first payload address (0 before set-up).
    first: u64,
}

impl Bump {
    pub fn new(align: u64) -> Bump {
        Bump { align, first: 0 }
    }

    fn header(
        &self,
        heap: &(impl HeapRead + ?Sized),
        bp: u64,
    ) -> Result<Option<(u64, bool)>, HeapError> {
        let word = heap.get(bp - WORD)?;
        let size = word & SIZE_MASK;
        let sane = word & !(SIZE_MASK | 1) == MAGIC
            && size >= 2 * WORD
            && size.is_multiple_of(self.align)
            && size <= heap.brk() - (bp - WORD);
        Ok(sane.then_some((size, word & 1 == 1)))
    }

    fn live(&self, heap: &(impl HeapRead + ?Sized), bp: u64) -> Result<u64, HeapError> {
        if self.first == 0 || bp < self.first || bp >= heap.brk() {
            return Err(HeapError::InvalidFree(
                bp,
                "not an address malloc returned".into(),
            ));
        }
        let aligned = bp.is_multiple_of(self.align);
        match self.header(heap, bp)? {
            Some((size, true)) if aligned => Ok(size),
            Some((_, false)) if aligned => Err(HeapError::DoubleFree(bp)),
            _ => {
                // Told apart by the walk of headers: a block whose header was overwritten,
                // or no block at all.
                let word = heap.get(bp - WORD)?;
                let damage = format!(
                    "the header of the block at {bp:#x} was overwritten: it reads {word:#x}"
                );
                let position = OnChain::find(self.first, bp, |p| {
                    if p - WORD >= heap.brk() {
                        return Ok(None);
                    }
                    match self.header(heap, p)? {
                        Some((size, allocated)) => Ok(Some((p + size, allocated))),
                        None => Err(broken(p)),
                    }
                });
                Err(position.refusal(bp, bp - WORD, damage, false, false))
            }
        }
    }
}

/// The walk met a header that is not one.
fn broken(bp: u64) -> HeapError {
    HeapError::Corruption(bp - WORD, "a broken block header".into())
}

impl Allocator for Bump {
    fn name(&self) -> &'static str {
        "bump"
    }

    fn align(&self) -> u64 {
        self.align
    }

    fn coalesces(&self) -> bool {
        false
    }

    fn malloc(&mut self, heap: &mut Heap, size: u64) -> Result<Option<u64>, HeapError> {
        if self.first == 0 {
            let pad = (self.align - WORD) % self.align;
            let Some(start) = heap.sbrk(pad) else {
                return Ok(None);
            };
            self.first = start + pad + WORD;
        }
        let Some(asize) = size.checked_add(WORD).and_then(|n| round_up(n, self.align)) else {
            return Ok(None);
        };
        let asize = asize.max(2 * WORD);
        let Some(at) = heap.sbrk(asize) else {
            return Ok(None);
        };
        heap.set(at, MAGIC | asize | 1)?;
        Ok(Some(at + WORD))
    }

    fn free(&mut self, heap: &mut Heap, bp: u64) -> Result<u64, HeapError> {
        let size = self.live(heap, bp)?;
        heap.set(bp - WORD, MAGIC | size)?;
        Ok(size)
    }

    fn realloc(&mut self, heap: &mut Heap, bp: u64, size: u64) -> Result<Option<u64>, HeapError> {
        let bsize = self.live(heap, bp)?;
        let Some(asize) = size.checked_add(WORD).and_then(|n| round_up(n, self.align)) else {
            return Ok(None);
        };
        if asize <= bsize {
            return Ok(Some(bp));
        }
        // The last block grows at the break.
        if bp - WORD + bsize == heap.brk() && heap.sbrk(asize - bsize).is_some() {
            heap.set(bp - WORD, MAGIC | asize | 1)?;
            return Ok(Some(bp));
        }
        let Some(new) = self.malloc(heap, size)? else {
            return Ok(None);
        };
        heap.copy(new, bp, bsize - WORD)?;
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
            payload_size: size - WORD,
            meta: false,
        })
    }

    fn walk(&self, heap: &dyn HeapRead) -> Result<Vec<Block>, HeapError> {
        let mut blocks = Vec::new();
        if self.first == 0 {
            return Ok(blocks);
        }
        if self.first - WORD > heap.start() {
            blocks.push(Block::meta(heap.start(), self.first - WORD - heap.start()));
        }
        let mut bp = self.first;
        while bp - WORD < heap.brk() {
            let Some((size, allocated)) = self.header(heap, bp)? else {
                return Err(broken(bp));
            };
            blocks.push(Block {
                addr: bp - WORD,
                size,
                allocated,
                payload: bp,
                payload_size: size - WORD,
                meta: false,
            });
            bp += size;
        }
        Ok(blocks)
    }
}
