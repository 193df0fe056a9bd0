//! Heap allocators. Every strategy keeps its metadata inside the heap bytes and grows the
//! heap only through the break ([`Heap::sbrk`]), which can never pass the stack pointer.
//!
//! The contract every strategy keeps (the checking wrapper and the property tests hold
//! them to it):
//! - `malloc(n)` returns a payload of at least `n` bytes, aligned to the strategy's
//!   alignment (16, or 8 on request), inside the heap, overlapping no other live payload;
//!   or `None` when the heap cannot grow (C's NULL).
//! - `free(p)` takes a payload `malloc` returned and has not been freed; anything else is
//!   reported as a [`HeapError`], never ignored, never a panic.
//! - `realloc(p, n)` keeps the first `min(n, old size)` bytes.
//! - `walk` lists every byte from the start of the heap to the break as blocks: the
//!   allocator's own bookkeeping (`meta`), allocated blocks and free blocks. Every walk and
//!   every list traversal is bounded by the heap size, so broken metadata is an error,
//!   never an endless loop.
//!
//! Strategies differ only in what they implement here; statistics, recording and checks
//! wrap any of them ([`manager::HeapManager`], [`checked::Checked`]).

mod best_fit;
mod boundary;
mod buddy;
mod bump;
pub mod checked;
mod explicit;
mod first_fit;
mod free_list;
mod live;
pub mod manager;
mod next_fit;
pub mod replay;
mod segregated;
pub mod trace;
pub mod tracegen;
mod worst_fit;

pub use best_fit::BestFit;
pub use boundary::Tagged;
pub use buddy::Buddy;
pub use bump::Bump;
pub use explicit::Explicit;
pub use first_fit::FirstFit;
pub use manager::HeapManager;
pub use next_fit::NextFit;
pub use segregated::Segregated;
pub use worst_fit::WorstFit;

use super::memory::{HeapWords, HeapWordsMut, Memory};
use super::trap::Trap;
use crate::bytecode::Layout;
use crate::bytecode::image::PAGE;

/// Reading the heap: its bounds and its words. Walks and checks need only this.
pub trait HeapRead {
    fn memory(&self) -> &Memory;

    /// The word at `addr`, if it lies between the heap start and the break.
    fn word(&self, addr: u64) -> Option<u64>;

    fn start(&self) -> u64 {
        self.memory().layout.heap_start
    }

    fn brk(&self) -> u64 {
        self.memory().brk
    }

    /// The 8-byte word at `addr` (inside the heap).
    #[inline(always)]
    fn get(&self, addr: u64) -> Result<u64, HeapError> {
        self.word(addr).ok_or_else(|| outside(addr))
    }
}

/// An allocator's metadata pointed outside the heap (out of line: the fast paths only
/// branch to it).
#[cold]
#[inline(never)]
fn outside(addr: u64) -> HeapError {
    HeapError::Corruption(addr, "allocator metadata points outside the heap".into())
}

/// Damaged metadata at `at`, described by `what` (out of line, as [`outside`]: the
/// message is formatted only when it is reported).
#[cold]
#[inline(never)]
fn corruption(at: u64, what: std::fmt::Arguments) -> HeapError {
    HeapError::Corruption(at, what.to_string())
}

/// The heap as an allocator sees it: words between the heap start and the break, and a
/// counter of the blocks a search looked at (read by the statistics).
pub struct Heap<'m> {
    words: HeapWordsMut<'m>,
    steps: u64,
}

/// A read-only view of the heap, for walks by tools.
pub struct HeapView<'m> {
    words: HeapWords<'m>,
}

impl<'m> HeapView<'m> {
    pub fn new(mem: &'m Memory) -> HeapView<'m> {
        HeapView {
            words: mem.heap_words(),
        }
    }
}

impl HeapRead for HeapView<'_> {
    fn memory(&self) -> &Memory {
        self.words.memory()
    }

    #[inline(always)]
    fn word(&self, addr: u64) -> Option<u64> {
        self.words.get(addr)
    }
}

impl HeapRead for Heap<'_> {
    fn memory(&self) -> &Memory {
        self.words.memory()
    }

    #[inline(always)]
    fn word(&self, addr: u64) -> Option<u64> {
        self.words.get(addr)
    }
}

/// Why an allocator refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeapError {
    DoubleFree(u64),
    InvalidFree(u64, String),
    Corruption(u64, String),
}

impl std::fmt::Display for HeapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HeapError::DoubleFree(a) => write!(f, "double free of {a:#x}"),
            HeapError::InvalidFree(a, why) => write!(f, "invalid free of {a:#x}: {why}"),
            HeapError::Corruption(a, what) => write!(f, "heap corruption at {a:#x}: {what}"),
        }
    }
}

impl From<HeapError> for Trap {
    fn from(e: HeapError) -> Trap {
        match e {
            HeapError::DoubleFree(addr) => Trap::DoubleFree { addr },
            HeapError::InvalidFree(addr, why) => Trap::InvalidFree { addr, why },
            HeapError::Corruption(addr, what) => Trap::HeapCorruption { addr, what },
        }
    }
}

impl<'m> Heap<'m> {
    pub fn new(mem: &'m mut Memory) -> Heap<'m> {
        Heap {
            words: mem.heap_words_mut(),
            steps: 0,
        }
    }

    /// Grows the heap by `incr` bytes; the old break, or `None` if that would reach
    /// into the stack.
    pub fn sbrk(&mut self, incr: u64) -> Option<u64> {
        let mem = self.words.memory();
        let old = mem.brk;
        let new = old.checked_add(incr)?;
        if new > mem.sp {
            return None;
        }
        self.words.set_brk(new);
        Some(old)
    }

    /// A search looked at one more block (a free-list search step).
    #[inline]
    pub fn step(&mut self) {
        self.steps += 1;
    }

    /// Search steps since this view was made.
    pub fn steps(&self) -> u64 {
        self.steps
    }

    fn check(&self, addr: u64, n: u64) -> Result<(), HeapError> {
        let mem = self.memory();
        if addr < mem.layout.heap_start || addr.saturating_add(n) > mem.brk {
            return Err(outside(addr));
        }
        Ok(())
    }

    /// The 8-byte word at `addr` (inside the heap).
    #[inline(always)]
    pub fn get(&self, addr: u64) -> Result<u64, HeapError> {
        HeapRead::get(self, addr)
    }

    #[inline(always)]
    pub fn set(&mut self, addr: u64, v: u64) -> Result<(), HeapError> {
        if self.words.set(addr, v) {
            Ok(())
        } else {
            Err(outside(addr))
        }
    }

    /// memmove of payload bytes (for realloc).
    pub fn copy(&mut self, dst: u64, src: u64, n: u64) -> Result<(), HeapError> {
        self.check(dst, n)?;
        self.check(src, n)?;
        self.words
            .copy(dst, src, n)
            .map_err(|_| HeapError::Corruption(dst, "copy outside the heap".into()))
    }

    pub fn fill(&mut self, addr: u64, n: u64, byte: u8) -> Result<(), HeapError> {
        self.bytes_mut(addr, n)?.fill(byte);
        Ok(())
    }

    /// Heap bytes, for checkers that fill and compare payloads.
    pub fn bytes(&self, addr: u64, n: u64) -> Result<&[u8], HeapError> {
        self.check(addr, n)?;
        self.memory()
            .raw_slice(addr, n)
            .map_err(|_| HeapError::Corruption(addr, "read outside the heap".into()))
    }

    pub fn bytes_mut(&mut self, addr: u64, n: u64) -> Result<&mut [u8], HeapError> {
        self.check(addr, n)?;
        self.words
            .slice_mut(addr, n)
            .map_err(|_| HeapError::Corruption(addr, "write outside the heap".into()))
    }
}

/// One block of a heap walk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Where the block (its header) starts.
    pub addr: u64,
    /// Bytes the block takes, metadata included.
    pub size: u64,
    pub allocated: bool,
    /// The payload address and the bytes usable there (0 for bookkeeping).
    pub payload: u64,
    pub payload_size: u64,
    /// The allocator's own bookkeeping (list heads, prologue, epilogue, padding), not a
    /// block malloc handed out or could hand out.
    pub meta: bool,
}

impl Block {
    /// A bookkeeping area of the allocator.
    pub fn meta(addr: u64, size: u64) -> Block {
        Block {
            addr,
            size,
            allocated: true,
            payload: addr,
            payload_size: 0,
            meta: true,
        }
    }

    pub fn is_free(&self) -> bool {
        !self.allocated && !self.meta
    }

    pub fn end(&self) -> u64 {
        self.addr + self.size
    }
}

/// Where an address lies on the chain of blocks, walked from the first block by their
/// headers: what tells a block whose own metadata was overwritten from an address that
/// never was a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum OnChain {
    /// A block starts here; `prev` is the payload of the block before it, if any.
    Start { prev: Option<u64> },
    /// Inside the block whose payload is `payload`.
    Inside { payload: u64, allocated: bool },
    /// The chain breaks before it gets there.
    Broken(HeapError),
    /// Past the last block.
    Past,
}

impl OnChain {
    /// Finds `bp` walking from the payload `first`; `next(p)` is, for the block at `p`,
    /// the payload where the block after it would be and whether it is allocated (`None`
    /// past the last block). Each strategy's header checks make `next` move forward and
    /// stay within the break, so the walk ends.
    pub(super) fn find(
        first: u64,
        bp: u64,
        mut next: impl FnMut(u64) -> Result<Option<(u64, bool)>, HeapError>,
    ) -> OnChain {
        let (mut cur, mut prev) = (first, None);
        while cur < bp {
            match next(cur) {
                Err(e) => return OnChain::Broken(e),
                Ok(None) => return OnChain::Past,
                Ok(Some((after, allocated))) if bp < after => {
                    return OnChain::Inside {
                        payload: cur,
                        allocated,
                    };
                }
                Ok(Some((after, _))) => (prev, cur) = (Some(cur), after),
            }
        }
        if cur == bp {
            OnChain::Start { prev }
        } else {
            OnChain::Past
        }
    }

    /// Why `free(bp)` (or `realloc`) is refused when the metadata at `bp` does not describe
    /// a live block: `damage` says what is wrong with it, at `at`, should a block start
    /// there (`at` is its header, or with `footer` its footer, which an overrun of its own
    /// payload reaches first); `stale_free` that the word before `bp` still reads as a free
    /// block's header (a freed block that merged into its free neighbour).
    pub(super) fn refusal(
        self,
        bp: u64,
        at: u64,
        damage: String,
        footer: bool,
        stale_free: bool,
    ) -> HeapError {
        match self {
            OnChain::Start { prev } => {
                let culprit = match prev {
                    _ if footer => {
                        "a write past the end of this block or before the start of the next"
                            .to_string()
                    }
                    Some(p) => format!(
                        "a write past the end of the block before it (at {p:#x}) or before the start of this one"
                    ),
                    None => "a write before the start of this block (the first)".to_string(),
                };
                HeapError::Corruption(at, format!("{damage}; {culprit} would do this"))
            }
            OnChain::Inside {
                allocated: false, ..
            } if stale_free => HeapError::DoubleFree(bp),
            OnChain::Inside { payload, allocated } => HeapError::InvalidFree(
                bp,
                format!(
                    "it is {} bytes into the {} block at {payload:#x}",
                    bp - payload,
                    if allocated { "allocated" } else { "free" }
                ),
            ),
            OnChain::Broken(HeapError::Corruption(a, what)) => HeapError::Corruption(
                a,
                format!("{what} (found looking for the block at {bp:#x})"),
            ),
            OnChain::Broken(e) => e,
            OnChain::Past => HeapError::InvalidFree(bp, "not the start of a heap block".into()),
        }
    }
}

/// A heap allocation strategy.
pub trait Allocator {
    fn name(&self) -> &'static str;
    /// The alignment of every payload (8 or 16).
    fn align(&self) -> u64;
    fn malloc(&mut self, heap: &mut Heap, size: u64) -> Result<Option<u64>, HeapError>;
    /// Frees a live payload; the bytes its block took (for the statistics).
    fn free(&mut self, heap: &mut Heap, ptr: u64) -> Result<u64, HeapError>;
    /// The block of a live payload (an error if `ptr` is not one).
    fn block(&self, heap: &dyn HeapRead, ptr: u64) -> Result<Block, HeapError>;
    /// Every block from the heap start to the break.
    fn walk(&self, heap: &dyn HeapRead) -> Result<Vec<Block>, HeapError>;

    /// The bytes the block of the live payload `ptr` takes, metadata included, for the
    /// statistics after every malloc and before a realloc. The manager asks only about
    /// payloads it knows are live, so a strategy may answer without the checks of
    /// [`Allocator::block`] (about anything else, the answer may be wrong but is never
    /// a panic).
    fn block_size(&self, mem: &Memory, ptr: u64) -> Result<u64, HeapError> {
        Ok(self.block(&HeapView::new(mem), ptr)?.size)
    }

    /// `malloc`, with the bytes the new block takes as [`Allocator::block_size`] tells
    /// them (0 if it cannot): a strategy that knows them as it allocates says so here and
    /// saves the statistics a second look at the block.
    fn malloc_block(
        &mut self,
        heap: &mut Heap,
        size: u64,
    ) -> Result<Option<(u64, u64)>, HeapError> {
        let Some(p) = self.malloc(heap, size)? else {
            return Ok(None);
        };
        Ok(Some((p, self.block_size(heap.memory(), p).unwrap_or(0))))
    }

    /// The bytes usable at a live payload.
    fn payload_size(&self, heap: &dyn HeapRead, ptr: u64) -> Result<u64, HeapError> {
        Ok(self.block(heap, ptr)?.payload_size)
    }

    /// A full check of the strategy's own invariants (a walk, and that its free lists
    /// hold exactly the free blocks).
    fn check(&self, heap: &dyn HeapRead) -> Result<(), HeapError> {
        self.walk(heap).map(drop)
    }

    /// Whether no two free blocks are ever adjacent in a walk (the boundary-tag
    /// strategies); the buddy system merges only buddies and bump never frees space.
    fn coalesces(&self) -> bool {
        true
    }

    /// Resizes; strategies that can grow or shrink in place override this.
    fn realloc(&mut self, heap: &mut Heap, ptr: u64, size: u64) -> Result<Option<u64>, HeapError> {
        let old = self.payload_size(heap, ptr)?;
        let Some(new) = self.malloc(heap, size)? else {
            return Ok(None);
        };
        heap.copy(new, ptr, old.min(size))?;
        self.free(heap, ptr)?;
        Ok(Some(new))
    }
}

/// The strategy a run uses unless `--alloc` names another: segregated fits with a class
/// map and exact small classes (as glibc's malloc), O(1) for common requests however many
/// blocks are live. The implicit lists (`first-fit` ...) are there to be studied: their
/// search visits every block, so a program with many live blocks becomes quadratic.
pub const DEFAULT: &str = "segregated";

/// The names `--alloc` accepts.
pub const NAMES: &[&str] = &[
    "bump",
    "first-fit",
    "next-fit",
    "best-fit",
    "worst-fit",
    "explicit",
    "explicit-addr",
    "segregated",
    "buddy",
];

/// The strategy for a name given on the command line, with 16-byte alignment.
pub fn by_name(name: &str) -> Option<Box<dyn Allocator>> {
    by_name_aligned(name, 16)
}

/// The strategy for a name, with payloads aligned to `align` (8 or 16).
pub fn by_name_aligned(name: &str, align: u64) -> Option<Box<dyn Allocator>> {
    if align != 8 && align != 16 {
        return None;
    }
    Some(match name {
        "bump" => Box::new(Bump::new(align)),
        "first-fit" => Box::new(Tagged::new(FirstFit, align)),
        "next-fit" => Box::new(Tagged::new(NextFit::default(), align)),
        "best-fit" => Box::new(Tagged::new(BestFit, align)),
        "worst-fit" => Box::new(Tagged::new(WorstFit, align)),
        "explicit" => Box::new(Tagged::new(Explicit::lifo(), align)),
        "explicit-addr" => Box::new(Tagged::new(Explicit::address_ordered(), align)),
        "segregated" => Box::new(Tagged::new(Segregated::new(), align)),
        "buddy" => Box::new(Buddy::new(align)),
        _ => return None,
    })
}

/// An address space that is all heap (and no stack) of `heap_bytes` bytes, for replaying
/// traces and testing allocators without a program.
pub fn heap_memory(heap_bytes: u64) -> Result<Memory, String> {
    let empty = PAGE..PAGE;
    Memory::new(Layout {
        text: empty.clone(),
        rodata: empty.clone(),
        data: empty.clone(),
        bss: empty,
        heap_start: PAGE,
        mem_size: PAGE + heap_bytes,
        data_load: PAGE,
        regions: None,
    })
}

/// Rounds `n` up to a multiple of `align` (a power of two); `None` on overflow.
fn round_up(n: u64, align: u64) -> Option<u64> {
    Some(n.checked_add(align - 1)? & !(align - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Metadata words are read and written only between the heap start and the break,
    /// whatever the address (a damaged link may hold any value).
    #[test]
    fn heap_words_stay_between_the_start_and_the_break() {
        let mut mem = heap_memory(1 << 16).expect("a heap");
        let mut heap = Heap::new(&mut mem);
        let start = heap.sbrk(64).expect("room");
        let brk = heap.brk();
        for addr in [start, start + 8, brk - 8, start + 3] {
            heap.set(addr, addr ^ 0x5a5a).unwrap();
            assert_eq!(heap.get(addr), Ok(addr ^ 0x5a5a), "{addr:#x}");
        }
        for addr in [
            0,
            start - 1,
            start - 8,
            brk - 7,
            brk,
            u64::MAX - 3,
            u64::MAX,
        ] {
            assert!(heap.get(addr).is_err(), "{addr:#x}");
            assert!(heap.set(addr, 1).is_err(), "{addr:#x}");
        }
        // Nothing was written outside: the bytes past the break are still zero.
        assert!(
            mem.bytes()[brk as usize..brk as usize + 64]
                .iter()
                .all(|&b| b == 0)
        );
    }
}
