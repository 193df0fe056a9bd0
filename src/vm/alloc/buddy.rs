//! The binary buddy system (Knowlton 1965; Knuth, TAOCP 2.5): every block is 2^k bytes
//! at an offset from the arena's base that is a multiple of 2^k. A block splits into two
//! halves, buddies of each other, and a freed block merges with its buddy whenever the
//! buddy is free and whole, so finding the neighbour to merge is one XOR:
//! `buddy = base + ((block - base) ^ 2^k)`.
//!
//! ```text
//!  heap start                                                                  break
//!  | list heads, one per order | pad | block 2^k | block 2^j | ...            |
//!                                    ^ base
//!  allocated block: | MAGIC|k|1 (pad to alignment) | payload ..........|
//!  free block:      | MAGIC|k|0 | next | prev | .......................|
//! ```
//! The heap grows at the break by blocks placed where the buddy rule allows: at an arena
//! size `s`, the next block can be `2^tz(s)` bytes (or any size when `s` is a multiple of
//! it), so a large request first pads the arena with smaller free blocks. Costs: O(log n)
//! per operation, and internal fragmentation of up to half a block on every request
//! (a 33-byte request takes 64 bytes, and a 2^k + 1 byte request takes 2^(k+1)).

use super::free_list::{self, Nodes};
use super::{Allocator, Block, Heap, HeapError, HeapRead, OnChain};

const WORD: u64 = 8;
const MAGIC: u64 = 0xb0dd << 48;
const MIN_ORDER: u64 = 5;
const MAX_ORDER: u64 = 40;
/// List heads, one per order 0..=MAX_ORDER (the low ones unused, for simple indexing).
const ROOTS: u64 = MAX_ORDER + 1;

/// A binary buddy heap.
pub struct Buddy {
    align: u64,
    /// Where the list heads start (0 before set-up).
    roots: u64,
    /// The arena's base: offsets are measured from here.
    base: u64,
}

fn pack(order: u64, allocated: bool) -> u64 {
    MAGIC | order << 1 | allocated as u64
}

/// The order of a header word, if it is one.
fn unpack(word: u64) -> Option<(u64, bool)> {
    let order = (word >> 1) & 0x3f;
    let ok = word & !0x7f == MAGIC && (MIN_ORDER..=MAX_ORDER).contains(&order);
    ok.then_some((order, word & 1 == 1))
}

impl Buddy {
    pub fn new(align: u64) -> Buddy {
        Buddy {
            align,
            roots: 0,
            base: 0,
        }
    }

    fn head(&self, order: u64) -> u64 {
        self.roots + order * WORD
    }

    /// The block at `block` if a header is there and it lies whole in the arena.
    fn header(
        &self,
        heap: &(impl HeapRead + ?Sized),
        block: u64,
    ) -> Result<Option<(u64, bool)>, HeapError> {
        if block < self.base || block >= heap.brk() {
            return Ok(None);
        }
        let Some((order, allocated)) = unpack(heap.get(block)?) else {
            return Ok(None);
        };
        let off = block - self.base;
        let fits = off.is_multiple_of(1 << order) && (1 << order) <= heap.brk() - block;
        Ok(fits.then_some((order, allocated)))
    }

    /// The block and order of a live payload.
    fn live(&self, heap: &(impl HeapRead + ?Sized), bp: u64) -> Result<(u64, u64), HeapError> {
        if self.base == 0 || bp < self.base + self.align || bp >= heap.brk() {
            return Err(HeapError::InvalidFree(
                bp,
                "not an address malloc returned".into(),
            ));
        }
        let block = bp - self.align;
        match self.header(heap, block)? {
            Some((order, true)) => Ok((block, order)),
            Some((_, false)) => Err(HeapError::DoubleFree(bp)),
            None => {
                // Told apart by the walk of headers: a block whose header was overwritten,
                // or no block at all.
                let word = heap.get(block)?;
                let damage = format!(
                    "the header of the block at {bp:#x} was overwritten: it reads {word:#x}"
                );
                let position = OnChain::find(self.base + self.align, bp, |p| {
                    let block = p - self.align;
                    if block >= heap.brk() {
                        return Ok(None);
                    }
                    match self.header(heap, block)? {
                        Some((order, allocated)) => {
                            Ok(Some((block + (1 << order) + self.align, allocated)))
                        }
                        None => Err(broken(block)),
                    }
                });
                Err(position.refusal(bp, block, damage, false, false))
            }
        }
    }

    fn init(&mut self, heap: &mut Heap) -> Result<bool, HeapError> {
        if self.base != 0 {
            return Ok(true);
        }
        let table = ROOTS * WORD;
        let start = heap.brk();
        let pad = (start + table).next_multiple_of(16) - (start + table);
        let Some(roots) = heap.sbrk(table + pad) else {
            return Ok(false);
        };
        for i in 0..(table + pad) / WORD {
            heap.set(roots + i * WORD, 0)?;
        }
        self.roots = roots;
        self.base = roots + table + pad;
        Ok(true)
    }

    fn push(&self, heap: &mut Heap, block: u64, order: u64) -> Result<(), HeapError> {
        heap.set(block, pack(order, false))?;
        free_list::push(heap, self.head(order), block + WORD).map(drop)
    }

    fn unlink(&self, heap: &mut Heap, block: u64, order: u64) -> Result<(), HeapError> {
        free_list::unlink(heap, self.head(order), block + WORD).map(drop)
    }

    /// Frees `block` of `order`, merging with its buddy as long as the buddy is free.
    fn release(&self, heap: &mut Heap, mut block: u64, mut order: u64) -> Result<(), HeapError> {
        while order < MAX_ORDER {
            let buddy = self.base + ((block - self.base) ^ (1 << order));
            match self.header(heap, buddy)? {
                Some((o, false)) if o == order => {
                    self.unlink(heap, buddy, order)?;
                    block = block.min(buddy);
                    order += 1;
                }
                _ => break,
            }
        }
        self.push(heap, block, order)
    }

    /// The order a request of `size` bytes needs.
    fn order_for(&self, size: u64) -> Option<u64> {
        let need = size.checked_add(self.align)?.checked_next_power_of_two()?;
        let order = u64::from(need.trailing_zeros()).max(MIN_ORDER);
        (order <= MAX_ORDER).then_some(order)
    }

    /// Takes a free block of exactly `order`, splitting a larger one or growing the heap.
    fn take(&self, heap: &mut Heap, order: u64) -> Result<Option<u64>, HeapError> {
        loop {
            for j in order..=MAX_ORDER {
                let first = heap.get(self.head(j))?;
                if first == 0 {
                    continue;
                }
                heap.step();
                self.node(heap, first)?;
                let block = first - WORD;
                self.unlink(heap, block, j)?;
                for k in (order..j).rev() {
                    self.push(heap, block + (1 << k), k)?;
                }
                return Ok(Some(block));
            }
            // Grow: a block of `order` if the arena size allows it here, else a smaller
            // free block that brings the arena size closer to a multiple of 2^order.
            let size = heap.brk() - self.base;
            let piece = if size.is_multiple_of(1 << order) {
                order
            } else {
                u64::from(size.trailing_zeros())
            };
            let Some(block) = heap.sbrk(1 << piece) else {
                return Ok(None);
            };
            if piece == order {
                return Ok(Some(block));
            }
            self.release(heap, block, piece)?;
        }
    }
}

/// The walk met a header that is not one.
fn broken(block: u64) -> HeapError {
    HeapError::Corruption(block, "a broken buddy block header".into())
}

impl Nodes for Buddy {
    fn node(&self, heap: &dyn HeapRead, link: u64) -> Result<u64, HeapError> {
        match self.header(heap, link.wrapping_sub(WORD))? {
            Some((order, false)) => Ok(1 << order),
            _ => Err(HeapError::Corruption(
                link,
                "a free-list link points at a block that is not free".into(),
            )),
        }
    }

    fn limit(&self, heap: &dyn HeapRead) -> u64 {
        (heap.brk() - self.base) / (1 << MIN_ORDER) + 1
    }
}

impl Allocator for Buddy {
    fn name(&self) -> &'static str {
        "buddy"
    }

    fn align(&self) -> u64 {
        self.align
    }

    fn coalesces(&self) -> bool {
        false
    }

    fn malloc(&mut self, heap: &mut Heap, size: u64) -> Result<Option<u64>, HeapError> {
        let Some(order) = self.order_for(size) else {
            return Ok(None);
        };
        if !self.init(heap)? {
            return Ok(None);
        }
        let Some(block) = self.take(heap, order)? else {
            return Ok(None);
        };
        heap.set(block, pack(order, true))?;
        Ok(Some(block + self.align))
    }

    fn free(&mut self, heap: &mut Heap, bp: u64) -> Result<u64, HeapError> {
        let (block, order) = self.live(heap, bp)?;
        // Marked free first: should it merge into its buddy, this header stays behind
        // inside the merged block, and a second free of `bp` is still a double free.
        heap.set(block, pack(order, false))?;
        self.release(heap, block, order)?;
        Ok(1 << order)
    }

    fn realloc(&mut self, heap: &mut Heap, bp: u64, size: u64) -> Result<Option<u64>, HeapError> {
        let (block, order) = self.live(heap, bp)?;
        let Some(want) = self.order_for(size) else {
            return Ok(None);
        };
        if want <= order {
            // Give back the upper halves; their buddies are this block, so none merges.
            for k in (want..order).rev() {
                self.push(heap, block + (1 << k), k)?;
            }
            heap.set(block, pack(want, true))?;
            return Ok(Some(bp));
        }
        // Grow in place while this block is the lower buddy and the upper one is free
        // (or past the break, which can grow).
        let off = block - self.base;
        let mut free_buddies = Vec::new();
        let mut grow = 0;
        let mut fits = true;
        for k in order..want {
            let buddy = block + (1 << k);
            if off & (1 << k) != 0 {
                fits = false;
                break;
            }
            if buddy >= heap.brk() && buddy == heap.brk() + grow {
                grow += 1 << k;
                continue;
            }
            match self.header(heap, buddy)? {
                Some((o, false)) if o == k && grow == 0 => free_buddies.push((buddy, k)),
                _ => {
                    fits = false;
                    break;
                }
            }
        }
        if fits && (grow == 0 || heap.sbrk(grow).is_some()) {
            for (buddy, k) in free_buddies {
                self.unlink(heap, buddy, k)?;
            }
            heap.set(block, pack(want, true))?;
            return Ok(Some(bp));
        }
        let Some(new) = self.malloc(heap, size)? else {
            return Ok(None);
        };
        heap.copy(new, bp, (1 << order) - self.align)?;
        self.free(heap, bp)?;
        Ok(Some(new))
    }

    fn block(&self, heap: &dyn HeapRead, bp: u64) -> Result<Block, HeapError> {
        let (block, order) = self.live(heap, bp)?;
        Ok(Block {
            addr: block,
            size: 1 << order,
            allocated: true,
            payload: bp,
            payload_size: (1 << order) - self.align,
            meta: false,
        })
    }

    fn walk(&self, heap: &dyn HeapRead) -> Result<Vec<Block>, HeapError> {
        if self.base == 0 {
            return Ok(Vec::new());
        }
        let mut blocks = vec![Block::meta(heap.start(), self.base - heap.start())];
        let mut block = self.base;
        while block < heap.brk() {
            let Some((order, allocated)) = self.header(heap, block)? else {
                return Err(broken(block));
            };
            blocks.push(Block {
                addr: block,
                size: 1 << order,
                allocated,
                payload: block + self.align,
                payload_size: (1 << order) - self.align,
                meta: false,
            });
            block += 1 << order;
        }
        Ok(blocks)
    }

    fn check(&self, heap: &dyn HeapRead) -> Result<(), HeapError> {
        if self.base == 0 {
            return Ok(());
        }
        let blocks = self.walk(heap)?;
        let mut listed = Vec::new();
        for order in 0..=MAX_ORDER {
            for link in free_list::members(self, heap, self.head(order))? {
                let block = link - WORD;
                if self.header(heap, block)? != Some((order, false)) {
                    return Err(HeapError::Corruption(
                        block,
                        format!("not a free block of order {order}"),
                    ));
                }
                listed.push(block);
            }
        }
        let mut free: Vec<u64> = blocks
            .iter()
            .filter(|b| b.is_free())
            .map(|b| b.addr)
            .collect();
        listed.sort_unstable();
        free.sort_unstable();
        if listed != free {
            return Err(HeapError::Corruption(
                self.base,
                format!(
                    "{} blocks are free but {} are listed",
                    free.len(),
                    listed.len()
                ),
            ));
        }
        // A free block whose buddy is free and whole should have merged.
        for b in blocks.iter().filter(|b| b.is_free()) {
            let buddy = self.base + ((b.addr - self.base) ^ b.size);
            if let Some((o, false)) = self.header(heap, buddy)?
                && 1 << o == b.size
            {
                return Err(HeapError::Corruption(
                    b.addr,
                    "two free buddies did not merge".into(),
                ));
            }
        }
        Ok(())
    }
}
