//! A checking allocator: wraps any strategy and catches what the strategy, or the program
//! using it, gets wrong (after Lua's `debug_realloc` and AddressSanitizer's heap):
//! - every payload gets red zones before and after it, filled with a pattern that must
//!   still be there when the block is freed or resized (a heap buffer overflow);
//! - a freed payload is poisoned and held in a quarantine (not handed back to the
//!   strategy at once), so a write after free is caught when it leaves the quarantine,
//!   and a double free is told from an invalid one;
//! - every block the strategy returns is checked: aligned, inside the heap, overlapping
//!   no other block;
//! - a request can be made to fail on purpose (fault injection).
//!
//! ```text
//!  strategy's payload: | red zone | user payload (size bytes) | red zone |
//!                                 ^ returned pointer (the red zone keeps its alignment)
//! ```
//! Every allocation gets an id in request order; [`Checked::locate`] answers "what is at
//! this address?" (a live payload, a red zone, a freed block) for a checking VM.

use super::{Allocator, Block, Heap, HeapError, HeapRead};
use std::collections::{BTreeMap, VecDeque};

/// The red zone on each side of a payload (a multiple of every alignment).
pub const RED_ZONE: u64 = 16;
const RED: u8 = 0xfa;
const POISON: u8 = 0xdd;
/// Fresh payload bytes: not zero, so code that assumes zeroed memory shows itself.
const FRESH: u8 = 0xcd;

/// One allocation, live or in quarantine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allocation {
    /// The allocation's number, from 0, in request order.
    pub id: u64,
    /// The address handed to the program, and the size it asked for.
    pub ptr: u64,
    pub size: u64,
    pub freed: bool,
}

impl Allocation {
    fn start(&self) -> u64 {
        self.ptr - RED_ZONE
    }

    fn end(&self) -> u64 {
        self.ptr + self.size + RED_ZONE
    }
}

/// What an address is, as far as the checker knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// Byte `offset` of a live payload.
    Payload { alloc: Allocation, offset: u64 },
    /// `distance` bytes before the payload (1 = the byte just before).
    RedZoneBefore { alloc: Allocation, distance: u64 },
    /// `distance` bytes past the end of the payload (0 = the first byte after).
    RedZoneAfter { alloc: Allocation, distance: u64 },
    /// Byte `offset` of a freed payload still in quarantine.
    Freed { alloc: Allocation, offset: u64 },
}

/// A strategy under checks.
pub struct Checked {
    inner: Box<dyn Allocator>,
    align: u64,
    /// Live and quarantined allocations by the start of their front red zone.
    allocs: BTreeMap<u64, Allocation>,
    quarantine: VecDeque<u64>,
    quarantined_bytes: u64,
    quarantine_limit: u64,
    next_id: u64,
    requests: u64,
    fail_at: Option<u64>,
}

impl Checked {
    pub fn new(inner: Box<dyn Allocator>, align: u64) -> Checked {
        Checked {
            inner,
            align,
            allocs: BTreeMap::new(),
            quarantine: VecDeque::new(),
            quarantined_bytes: 0,
            quarantine_limit: 256 << 10,
            next_id: 0,
            requests: 0,
            fail_at: None,
        }
    }

    /// Holds at most this many freed bytes before handing them back.
    pub fn with_quarantine(mut self, bytes: u64) -> Checked {
        self.quarantine_limit = bytes;
        self
    }

    /// Makes allocation request number `n` (from 0) return NULL.
    pub fn fail_request(&mut self, n: u64) {
        self.fail_at = Some(n);
    }

    /// The allocation whose red zones or payload hold `addr`, if any.
    pub fn locate(&self, addr: u64) -> Option<Location> {
        let (_, &alloc) = self.allocs.range(..=addr).next_back()?;
        if addr >= alloc.end() {
            return None;
        }
        Some(if addr < alloc.ptr {
            Location::RedZoneBefore {
                alloc,
                distance: alloc.ptr - addr,
            }
        } else if addr >= alloc.ptr + alloc.size {
            Location::RedZoneAfter {
                alloc,
                distance: addr - alloc.ptr - alloc.size,
            }
        } else if alloc.freed {
            Location::Freed {
                alloc,
                offset: addr - alloc.ptr,
            }
        } else {
            Location::Payload {
                alloc,
                offset: addr - alloc.ptr,
            }
        })
    }

    /// The live allocations, in address order.
    pub fn live(&self) -> impl Iterator<Item = &Allocation> {
        self.allocs.values().filter(|a| !a.freed)
    }

    fn find_live(&self, ptr: u64) -> Result<Allocation, HeapError> {
        match self.allocs.get(&ptr.wrapping_sub(RED_ZONE)) {
            Some(a) if a.ptr == ptr && !a.freed => Ok(*a),
            Some(a) if a.ptr == ptr => Err(HeapError::DoubleFree(ptr)),
            _ => Err(HeapError::InvalidFree(
                ptr,
                match self.locate(ptr) {
                    Some(Location::Payload { alloc, offset }) => format!(
                        "{offset} bytes inside allocation #{} at {:#x}",
                        alloc.id, alloc.ptr
                    ),
                    Some(Location::Freed { alloc, offset }) => format!(
                        "{offset} bytes inside freed allocation #{} at {:#x}",
                        alloc.id, alloc.ptr
                    ),
                    Some(_) => "in a red zone: not an address malloc returned".into(),
                    None => "not an address malloc returned".into(),
                },
            )),
        }
    }

    fn check_red_zones(heap: &Heap, a: &Allocation) -> Result<(), HeapError> {
        let zones = [(a.start(), "before"), (a.ptr + a.size, "after")];
        for (at, side) in zones {
            if let Some(k) = heap.bytes(at, RED_ZONE)?.iter().position(|&b| b != RED) {
                return Err(HeapError::Corruption(
                    at + k as u64,
                    format!(
                        "heap buffer overflow: a write {side} allocation #{} ({} bytes at {:#x})",
                        a.id, a.size, a.ptr
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Checks a block the strategy returned and claims it for `size` bytes.
    fn admit(
        &mut self,
        heap: &mut Heap,
        inner: u64,
        size: u64,
        id: u64,
    ) -> Result<Allocation, HeapError> {
        let a = Allocation {
            id,
            ptr: inner + RED_ZONE,
            size,
            freed: false,
        };
        let bad =
            |what: String| HeapError::Corruption(inner, format!("{}: {what}", self.inner.name()));
        if !inner.is_multiple_of(self.align) {
            return Err(bad(format!(
                "payload {inner:#x} is not {}-byte aligned",
                self.align
            )));
        }
        if inner < heap.start() || a.end() > heap.brk() {
            return Err(bad(format!("payload {inner:#x} is outside the heap")));
        }
        if self.inner.payload_size(heap, inner)? < size + 2 * RED_ZONE {
            return Err(bad(format!("payload {inner:#x} is smaller than asked")));
        }
        if let Some((_, other)) = self.allocs.range(..a.end()).next_back()
            && other.end() > a.start()
        {
            return Err(bad(format!(
                "payload {inner:#x} overlaps allocation #{} at {:#x}",
                other.id, other.ptr
            )));
        }
        heap.fill(a.start(), RED_ZONE, RED)?;
        heap.fill(a.ptr + size, RED_ZONE, RED)?;
        self.allocs.insert(a.start(), a);
        Ok(a)
    }

    /// Hands quarantined blocks back to the strategy until at most `keep` bytes stay.
    fn drain(&mut self, heap: &mut Heap, keep: u64) -> Result<(), HeapError> {
        while self.quarantined_bytes > keep {
            let Some(start) = self.quarantine.pop_front() else {
                break;
            };
            let Some(a) = self.allocs.remove(&start) else {
                continue;
            };
            self.quarantined_bytes -= a.size;
            if let Some(k) = heap.bytes(a.ptr, a.size)?.iter().position(|&b| b != POISON) {
                return Err(HeapError::Corruption(
                    a.ptr + k as u64,
                    format!(
                        "use after free: a write to freed allocation #{} ({} bytes at {:#x})",
                        a.id, a.size, a.ptr
                    ),
                ));
            }
            Self::check_red_zones(heap, &a)?;
            self.inner.free(heap, start)?;
        }
        Ok(())
    }
}

impl Allocator for Checked {
    fn name(&self) -> &'static str {
        self.inner.name()
    }

    fn align(&self) -> u64 {
        self.align
    }

    fn coalesces(&self) -> bool {
        self.inner.coalesces()
    }

    fn malloc(&mut self, heap: &mut Heap, size: u64) -> Result<Option<u64>, HeapError> {
        let n = self.requests;
        self.requests += 1;
        if self.fail_at == Some(n) {
            return Ok(None);
        }
        let Some(total) = size.checked_add(2 * RED_ZONE) else {
            return Ok(None);
        };
        let mut p = self.inner.malloc(heap, total)?;
        if p.is_none() && self.quarantined_bytes > 0 {
            // Out of memory: give the quarantine back and try again.
            self.drain(heap, 0)?;
            p = self.inner.malloc(heap, total)?;
        }
        let Some(inner) = p else {
            return Ok(None);
        };
        let a = self.admit(heap, inner, size, self.next_id)?;
        self.next_id += 1;
        heap.fill(a.ptr, size, FRESH)?;
        Ok(Some(a.ptr))
    }

    fn free(&mut self, heap: &mut Heap, ptr: u64) -> Result<u64, HeapError> {
        let a = self.find_live(ptr)?;
        Self::check_red_zones(heap, &a)?;
        // The strategy's block, which the quarantine gives back later.
        let block = self.inner.block_size(heap.memory(), a.start())?;
        heap.fill(a.ptr, a.size, POISON)?;
        self.allocs
            .insert(a.start(), Allocation { freed: true, ..a });
        self.quarantine.push_back(a.start());
        self.quarantined_bytes += a.size;
        self.drain(heap, self.quarantine_limit)?;
        Ok(block)
    }

    fn realloc(&mut self, heap: &mut Heap, ptr: u64, size: u64) -> Result<Option<u64>, HeapError> {
        let a = self.find_live(ptr)?;
        Self::check_red_zones(heap, &a)?;
        let n = self.requests;
        self.requests += 1;
        if self.fail_at == Some(n) {
            return Ok(None);
        }
        let Some(total) = size.checked_add(2 * RED_ZONE) else {
            return Ok(None);
        };
        // The strategy's own realloc, so that its in-place paths are what gets checked.
        let Some(inner) = self.inner.realloc(heap, a.start(), total)? else {
            return Ok(None);
        };
        self.allocs.remove(&a.start());
        let b = match self.admit(heap, inner, size, a.id) {
            Ok(b) => b,
            Err(e) => {
                self.allocs.insert(a.start(), a);
                return Err(e);
            }
        };
        if size > a.size {
            heap.fill(b.ptr + a.size, size - a.size, FRESH)?;
        }
        Ok(Some(b.ptr))
    }

    fn block(&self, heap: &dyn HeapRead, ptr: u64) -> Result<Block, HeapError> {
        let a = self.find_live(ptr)?;
        self.inner.block(heap, a.start())
    }

    fn payload_size(&self, _heap: &dyn HeapRead, ptr: u64) -> Result<u64, HeapError> {
        Ok(self.find_live(ptr)?.size)
    }

    fn walk(&self, heap: &dyn HeapRead) -> Result<Vec<Block>, HeapError> {
        self.inner.walk(heap)
    }

    fn check(&self, heap: &dyn HeapRead) -> Result<(), HeapError> {
        self.inner.check(heap)?;
        for a in self.allocs.values() {
            let zones = [a.start(), a.ptr + a.size];
            for at in zones {
                for k in 0..RED_ZONE {
                    if heap.memory().read_u8(at + k).ok() != Some(RED) {
                        return Err(HeapError::Corruption(
                            at + k,
                            format!("a red zone of allocation #{} was overwritten", a.id),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}
