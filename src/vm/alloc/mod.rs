//! Heap allocators. Every strategy keeps its metadata inside the heap bytes and grows the
//! heap only through the break ([`Heap::sbrk`]), which can never pass the stack pointer.
//!
//! The contract every strategy keeps (the checking wrapper and the property tests hold
//! them to it):
//! - `malloc(n)` returns a payload of at least `n` bytes, aligned to 16, inside the heap,
//!   overlapping no other live payload; or `None` when the heap cannot grow (C's NULL).
//! - `free(p)` takes a payload `malloc` returned and has not been freed; anything else is
//!   reported as a [`HeapError`], never ignored.
//! - `realloc(p, n)` keeps the first `min(n, old size)` bytes.
//! - `walk` lists every block from the start of the heap to the break.

mod first_fit;

pub use first_fit::FirstFit;

use super::memory::Memory;
use super::trap::Trap;

/// Reading the heap: its bounds and its words. Walks and checks need only this.
pub trait HeapRead {
    fn memory(&self) -> &Memory;

    fn start(&self) -> u64 {
        self.memory().layout.heap_start
    }

    fn brk(&self) -> u64 {
        self.memory().brk
    }

    /// The 8-byte word at `addr` (inside the heap).
    fn get(&self, addr: u64) -> Result<u64, HeapError> {
        if addr < self.start() || addr.saturating_add(8) > self.brk() {
            return Err(HeapError::Corruption(
                addr,
                "allocator metadata points outside the heap".into(),
            ));
        }
        self.memory()
            .raw_read_u64(addr)
            .map_err(|_| HeapError::Corruption(addr, "unreadable heap word".into()))
    }
}

/// The heap as an allocator sees it: words between the heap start and the break.
pub struct Heap<'m> {
    mem: &'m mut Memory,
}

/// A read-only view of the heap, for walks by tools.
pub struct HeapView<'m> {
    mem: &'m Memory,
}

impl<'m> HeapView<'m> {
    pub fn new(mem: &'m Memory) -> HeapView<'m> {
        HeapView { mem }
    }
}

impl HeapRead for HeapView<'_> {
    fn memory(&self) -> &Memory {
        self.mem
    }
}

impl HeapRead for Heap<'_> {
    fn memory(&self) -> &Memory {
        self.mem
    }
}

/// Why an allocator refused an operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeapError {
    DoubleFree(u64),
    InvalidFree(u64, String),
    Corruption(u64, String),
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
        Heap { mem }
    }

    /// Grows the heap by `incr` bytes; the old break, or `None` if that would reach
    /// into the stack.
    pub fn sbrk(&mut self, incr: u64) -> Option<u64> {
        let old = self.mem.brk;
        let new = old.checked_add(incr)?;
        if new > self.mem.sp {
            return None;
        }
        self.mem.brk = new;
        Some(old)
    }

    fn check(&self, addr: u64, n: u64) -> Result<(), HeapError> {
        if addr < self.start() || addr.saturating_add(n) > self.brk() {
            return Err(HeapError::Corruption(
                addr,
                "allocator metadata points outside the heap".into(),
            ));
        }
        Ok(())
    }

    /// The 8-byte word at `addr` (inside the heap).
    pub fn get(&self, addr: u64) -> Result<u64, HeapError> {
        self.check(addr, 8)?;
        self.mem
            .raw_read_u64(addr)
            .map_err(|_| HeapError::Corruption(addr, "unreadable heap word".into()))
    }

    pub fn set(&mut self, addr: u64, v: u64) -> Result<(), HeapError> {
        self.check(addr, 8)?;
        self.mem
            .raw_write_u64(addr, v)
            .map_err(|_| HeapError::Corruption(addr, "unwritable heap word".into()))
    }

    /// memmove of payload bytes (for realloc).
    pub fn copy(&mut self, dst: u64, src: u64, n: u64) -> Result<(), HeapError> {
        self.check(dst, n)?;
        self.check(src, n)?;
        self.mem
            .raw_copy(dst, src, n)
            .map_err(|_| HeapError::Corruption(dst, "copy outside the heap".into()))
    }

    pub fn fill(&mut self, addr: u64, n: u64, byte: u8) -> Result<(), HeapError> {
        self.check(addr, n)?;
        match self.mem.raw_slice_mut(addr, n) {
            Ok(s) => {
                s.fill(byte);
                Ok(())
            }
            Err(_) => Err(HeapError::Corruption(addr, "fill outside the heap".into())),
        }
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
    /// The payload address and the bytes usable there.
    pub payload: u64,
    pub payload_size: u64,
}

/// A heap allocation strategy.
pub trait Allocator {
    fn name(&self) -> &'static str;
    fn malloc(&mut self, heap: &mut Heap, size: u64) -> Result<Option<u64>, HeapError>;
    fn free(&mut self, heap: &mut Heap, ptr: u64) -> Result<(), HeapError>;
    /// The bytes usable at a live payload.
    fn payload_size(&self, heap: &dyn HeapRead, ptr: u64) -> Result<u64, HeapError>;
    /// Every block from the heap start to the break.
    fn walk(&self, heap: &dyn HeapRead) -> Result<Vec<Block>, HeapError>;

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

/// The strategy for a name given on the command line.
pub fn by_name(name: &str) -> Option<Box<dyn Allocator>> {
    match name {
        "first-fit" => Some(Box::new(FirstFit::new())),
        _ => None,
    }
}

/// The names `--alloc` accepts.
pub const NAMES: &[&str] = &["first-fit"];
