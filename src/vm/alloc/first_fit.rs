//! First fit over an implicit free list with boundary tags (the classic of CS:APP 9.9).
//!
//! ```text
//!  heap start                                                                     break
//!  | pad | prologue hdr 16/1 | prologue ftr 16/1 | hdr | payload ... | ftr | ... | epilogue 0/1 |
//!                                                      ^ 16-aligned
//! ```
//! Every block has an 8-byte header and an 8-byte footer holding `size | allocated`; size
//! counts the whole block and is a multiple of 16 (at least 32). Free neighbours are
//! merged at once, so no two free blocks are ever adjacent.

use super::{Allocator, Block, Heap, HeapError, HeapRead};

const WORD: u64 = 8;
const ALIGN: u64 = 16;
const MIN_BLOCK: u64 = 32;
/// Bytes the heap grows by at least.
const CHUNK: u64 = 4096;

#[derive(Default)]
pub struct FirstFit {
    /// Payload address of the first real block, once the heap is set up.
    first: Option<u64>,
}

fn pack(size: u64, allocated: bool) -> u64 {
    size | allocated as u64
}

impl FirstFit {
    pub fn new() -> FirstFit {
        FirstFit::default()
    }

    fn header(heap: &(impl HeapRead + ?Sized), bp: u64) -> Result<(u64, bool), HeapError> {
        let h = heap.get(bp - WORD)?;
        Ok((h & !0xf, h & 1 == 1))
    }

    fn set_block(heap: &mut Heap, bp: u64, size: u64, allocated: bool) -> Result<(), HeapError> {
        heap.set(bp - WORD, pack(size, allocated))?;
        heap.set(bp + size - 2 * WORD, pack(size, allocated))
    }

    /// Lays out the prologue and epilogue on the first use.
    fn init(&mut self, heap: &mut Heap) -> Result<Option<u64>, HeapError> {
        if let Some(first) = self.first {
            return Ok(Some(first));
        }
        let Some(start) = heap.sbrk(4 * WORD) else {
            return Ok(None);
        };
        heap.set(start, 0)?;
        heap.set(start + WORD, pack(2 * WORD, true))?;
        heap.set(start + 2 * WORD, pack(2 * WORD, true))?;
        heap.set(start + 3 * WORD, pack(0, true))?;
        self.first = Some(start + 4 * WORD);
        Ok(self.first)
    }

    /// Grows the heap by a free block of `size` bytes, merged with a free last block.
    fn extend(&mut self, heap: &mut Heap, size: u64) -> Result<Option<u64>, HeapError> {
        let Some(bp) = heap.sbrk(size) else {
            return Ok(None);
        };
        // The old epilogue header becomes the new block's header.
        Self::set_block(heap, bp, size, false)?;
        heap.set(bp + size - WORD, pack(0, true))?;
        self.coalesce(heap, bp).map(Some)
    }

    fn coalesce(&mut self, heap: &mut Heap, bp: u64) -> Result<u64, HeapError> {
        let (mut size, _) = Self::header(heap, bp)?;
        let prev_footer = heap.get(bp - 2 * WORD)?;
        let (prev_size, prev_alloc) = (prev_footer & !0xf, prev_footer & 1 == 1);
        let (next_size, next_alloc) = Self::header(heap, bp + size)?;
        let mut start = bp;
        if !next_alloc {
            size += next_size;
        }
        if !prev_alloc {
            size += prev_size;
            start = bp - prev_size;
        }
        Self::set_block(heap, start, size, false)?;
        Ok(start)
    }

    /// Checks that `bp` is the payload of a block, and returns its header.
    fn validate(&self, heap: &(impl HeapRead + ?Sized), bp: u64) -> Result<(u64, bool), HeapError> {
        let first = self.first.unwrap_or(u64::MAX);
        if bp < first || bp >= heap.brk() {
            return Err(HeapError::InvalidFree(
                bp,
                "not an address malloc returned".into(),
            ));
        }
        if !bp.is_multiple_of(ALIGN) {
            return Err(HeapError::InvalidFree(
                bp,
                "not the start of a heap block".into(),
            ));
        }
        let (size, allocated) = Self::header(heap, bp)?;
        let fits = size >= MIN_BLOCK && size.is_multiple_of(ALIGN) && bp - WORD + size < heap.brk();
        if !fits || heap.get(bp + size - 2 * WORD)? != pack(size, allocated) {
            return Err(HeapError::InvalidFree(
                bp,
                "not the start of a heap block".into(),
            ));
        }
        Ok((size, allocated))
    }

    fn place(heap: &mut Heap, bp: u64, block: u64, asize: u64) -> Result<(), HeapError> {
        if block - asize >= MIN_BLOCK {
            Self::set_block(heap, bp, asize, true)?;
            Self::set_block(heap, bp + asize, block - asize, false)
        } else {
            Self::set_block(heap, bp, block, true)
        }
    }
}

/// The block size for a request: payload plus header and footer, aligned.
fn adjusted(size: u64) -> Option<u64> {
    Some(
        size.checked_add(2 * WORD)?
            .next_multiple_of(ALIGN)
            .max(MIN_BLOCK),
    )
}

impl Allocator for FirstFit {
    fn name(&self) -> &'static str {
        "first-fit"
    }

    fn malloc(&mut self, heap: &mut Heap, size: u64) -> Result<Option<u64>, HeapError> {
        let Some(first) = self.init(heap)? else {
            return Ok(None);
        };
        let Some(asize) = adjusted(size) else {
            return Ok(None);
        };
        let mut bp = first;
        loop {
            let (bsize, allocated) = Self::header(heap, bp)?;
            if bsize == 0 {
                break;
            }
            if !allocated && bsize >= asize {
                Self::place(heap, bp, bsize, asize)?;
                return Ok(Some(bp));
            }
            bp += bsize;
        }
        let Some(bp) = self.extend(heap, asize.max(CHUNK))? else {
            // Not a whole chunk: try exactly what is needed.
            let Some(bp) = self.extend(heap, asize)? else {
                return Ok(None);
            };
            let (bsize, _) = Self::header(heap, bp)?;
            Self::place(heap, bp, bsize, asize)?;
            return Ok(Some(bp));
        };
        let (bsize, _) = Self::header(heap, bp)?;
        if bsize < asize {
            return Ok(None);
        }
        Self::place(heap, bp, bsize, asize)?;
        Ok(Some(bp))
    }

    fn free(&mut self, heap: &mut Heap, bp: u64) -> Result<(), HeapError> {
        let (size, allocated) = self.validate(heap, bp)?;
        if !allocated {
            return Err(HeapError::DoubleFree(bp));
        }
        Self::set_block(heap, bp, size, false)?;
        self.coalesce(heap, bp)?;
        Ok(())
    }

    fn payload_size(&self, heap: &dyn HeapRead, bp: u64) -> Result<u64, HeapError> {
        let (size, allocated) = self.validate(heap, bp)?;
        if !allocated {
            return Err(HeapError::DoubleFree(bp));
        }
        Ok(size - 2 * WORD)
    }

    fn realloc(&mut self, heap: &mut Heap, bp: u64, size: u64) -> Result<Option<u64>, HeapError> {
        let (bsize, allocated) = self.validate(heap, bp)?;
        if !allocated {
            return Err(HeapError::DoubleFree(bp));
        }
        let Some(asize) = adjusted(size) else {
            return Ok(None);
        };
        // Shrink in place, or grow into a free neighbour.
        if asize <= bsize {
            Self::place(heap, bp, bsize, asize)?;
            if bsize - asize >= MIN_BLOCK {
                self.coalesce(heap, bp + asize)?;
            }
            return Ok(Some(bp));
        }
        let (next_size, next_alloc) = Self::header(heap, bp + bsize)?;
        if !next_alloc && bsize + next_size >= asize {
            Self::place(heap, bp, bsize + next_size, asize)?;
            return Ok(Some(bp));
        }
        let Some(new) = self.malloc(heap, size)? else {
            return Ok(None);
        };
        heap.copy(new, bp, bsize - 2 * WORD)?;
        self.free(heap, bp)?;
        Ok(Some(new))
    }

    fn walk(&self, heap: &dyn HeapRead) -> Result<Vec<Block>, HeapError> {
        let mut blocks = Vec::new();
        let Some(mut bp) = self.first else {
            return Ok(blocks);
        };
        loop {
            let (size, allocated) = Self::header(heap, bp)?;
            if size == 0 {
                return Ok(blocks);
            }
            if size < MIN_BLOCK || size % ALIGN != 0 {
                return Err(HeapError::Corruption(
                    bp - WORD,
                    format!("block header says size {size}"),
                ));
            }
            blocks.push(Block {
                addr: bp - WORD,
                size,
                allocated,
                payload: bp,
                payload_size: size - 2 * WORD,
            });
            bp += size;
        }
    }
}
