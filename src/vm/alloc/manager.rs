//! The one choke point between the program and the allocator: every `malloc`, `calloc`,
//! `realloc` and `free` of a run goes through a [`HeapManager`], which keeps the
//! statistics (for any strategy, so strategies keep none), records the requests as a
//! trace when asked, and renders the heap dump.

use super::live::LiveSizes;
use super::trace::{Recorder, Trace};
use super::{Allocator, Block, Heap, HeapError, HeapRead, HeapView};
use crate::vm::memory::Memory;
use std::fmt::Write;
use std::time::{Duration, Instant};

/// What the heap went through in a run.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub mallocs: u64,
    pub callocs: u64,
    pub reallocs: u64,
    pub frees: u64,
    /// Requests that returned NULL.
    pub failed: u64,
    /// The sum of the sizes asked for by live blocks.
    pub live_payload: u64,
    pub peak_payload: u64,
    /// The sum of the sizes of live blocks (metadata and padding included).
    pub live_block_bytes: u64,
    /// The heap's size (break minus heap start) at the moment of the peak, and the bytes
    /// of live blocks then.
    pub heap_at_peak: u64,
    pub blocks_at_peak: u64,
    /// The break's high-water mark, as a size.
    pub heap_size: u64,
    /// Search steps over all requests, and the most one request took.
    pub steps: u64,
    pub max_steps: u64,
    pub time: Duration,
}

impl Stats {
    pub fn requests(&self) -> u64 {
        self.mallocs + self.callocs + self.reallocs + self.frees
    }

    /// Peak live payload / heap size, as the CS:APP driver computes it.
    pub fn utilization(&self) -> f64 {
        ratio(self.peak_payload, self.heap_size)
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// An allocator with statistics, optional recording, and dumps.
pub struct HeapManager {
    alloc: Box<dyn Allocator>,
    stats: Stats,
    /// The size each live block was asked for.
    live: LiveSizes,
    /// Whether requests are timed (two clock reads each): only when the time is shown.
    timed: bool,
    recorder: Option<Recorder>,
}

impl HeapManager {
    pub fn new(alloc: Box<dyn Allocator>) -> HeapManager {
        let live = LiveSizes::new(alloc.align());
        HeapManager {
            alloc,
            stats: Stats::default(),
            live,
            timed: false,
            recorder: None,
        }
    }

    pub fn name(&self) -> &'static str {
        self.alloc.name()
    }

    pub fn allocator(&self) -> &dyn Allocator {
        self.alloc.as_ref()
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Measures the wall time of every request from now on (`Stats::time`).
    pub fn time_requests(&mut self) {
        self.timed = true;
    }

    /// The size a live block was asked for.
    pub fn requested(&self, ptr: u64) -> Option<u64> {
        self.live.get(ptr)
    }

    /// Starts recording requests as a trace.
    pub fn record(&mut self) {
        self.recorder = Some(Recorder::default());
    }

    /// The requests recorded so far (if recording).
    pub fn trace(&self, name: &str) -> Option<Trace> {
        self.recorder.as_ref().map(|r| r.trace(name))
    }

    /// Requests the recording left out because it was full.
    pub fn unrecorded(&self) -> u64 {
        self.recorder.as_ref().map_or(0, |r| r.dropped)
    }

    pub fn walk(&self, heap: &dyn HeapRead) -> Result<Vec<Block>, HeapError> {
        self.alloc.walk(heap)
    }

    /// Runs one request: counts its search steps, follows the heap's size, and times it
    /// if asked.
    #[inline]
    fn request<T>(
        &mut self,
        mem: &mut Memory,
        call: impl FnOnce(&mut dyn Allocator, &mut Heap) -> Result<T, HeapError>,
    ) -> Result<T, HeapError> {
        let start = self.timed.then(Instant::now);
        let mut heap = Heap::new(mem);
        let r = call(self.alloc.as_mut(), &mut heap);
        let steps = heap.steps();
        if let Some(start) = start {
            self.stats.time += start.elapsed();
        }
        self.stats.steps += steps;
        self.stats.max_steps = self.stats.max_steps.max(steps);
        self.stats.heap_size = self.stats.heap_size.max(mem.brk - mem.layout.heap_start);
        r
    }

    /// The block of a live payload, read from the heap (0 if it is not one: the request
    /// that follows reports why).
    fn block_size(&self, mem: &Memory, ptr: u64) -> u64 {
        self.alloc.block_size(mem, ptr).unwrap_or(0)
    }

    /// `ptr`, asked for `requested` bytes, is live in a block of `block` bytes.
    #[inline]
    fn born(&mut self, mem: &Memory, ptr: u64, requested: u64, block: u64) {
        self.live.insert(ptr, requested);
        let s = &mut self.stats;
        s.live_payload += requested;
        s.live_block_bytes += block;
        if s.live_payload > s.peak_payload {
            s.peak_payload = s.live_payload;
            s.heap_at_peak = mem.brk - mem.layout.heap_start;
            s.blocks_at_peak = s.live_block_bytes;
        }
    }

    /// `ptr`, whose block had `block` bytes, is no longer live.
    #[inline]
    fn died(&mut self, ptr: u64, block: u64) {
        if let Some(requested) = self.live.remove(ptr) {
            self.stats.live_payload -= requested;
            self.stats.live_block_bytes -= block;
        }
    }

    pub fn malloc(&mut self, mem: &mut Memory, size: u64) -> Result<Option<u64>, HeapError> {
        self.stats.mallocs += 1;
        let p = self.request(mem, |a, h| a.malloc_block(h, size))?;
        Ok(self.allocated(mem, size, p))
    }

    /// A request for `size` bytes gave the payload and block `p` (or NULL); the payload.
    #[inline]
    fn allocated(&mut self, mem: &Memory, size: u64, p: Option<(u64, u64)>) -> Option<u64> {
        match p {
            Some((p, block)) => self.born(mem, p, size, block),
            None => self.stats.failed += 1,
        }
        let p = p.map(|(p, _)| p);
        if let Some(r) = &mut self.recorder {
            r.alloc(size, p.unwrap_or(0));
        }
        p
    }

    /// `calloc(n, size)`: zeroed, NULL if `n * size` overflows.
    pub fn calloc(
        &mut self,
        mem: &mut Memory,
        n: u64,
        size: u64,
    ) -> Result<Option<u64>, HeapError> {
        self.stats.callocs += 1;
        let Some(total) = n.checked_mul(size) else {
            self.stats.failed += 1;
            return Ok(None);
        };
        let p = self.request(mem, |a, h| {
            let p = a.malloc_block(h, total)?;
            if let Some((p, _)) = p {
                h.fill(p, total, 0)?;
            }
            Ok(p)
        })?;
        Ok(self.allocated(mem, total, p))
    }

    /// `realloc(ptr, size)` with C's edge cases: a null `ptr` allocates, a zero `size`
    /// frees (as glibc does) and returns NULL.
    pub fn realloc(
        &mut self,
        mem: &mut Memory,
        ptr: u64,
        size: u64,
    ) -> Result<Option<u64>, HeapError> {
        self.stats.reallocs += 1;
        if ptr == 0 {
            let p = self.request(mem, |a, h| a.malloc_block(h, size))?;
            return Ok(self.allocated(mem, size, p));
        }
        if size == 0 {
            let block = self.request(mem, |a, h| a.free(h, ptr))?;
            self.freed(ptr, block);
            return Ok(None);
        }
        let block = self.block_size(mem, ptr);
        let p = self.request(mem, |a, h| a.realloc(h, ptr, size))?;
        match p {
            Some(p) => {
                self.died(ptr, block);
                let block = self.block_size(mem, p);
                self.born(mem, p, size, block);
            }
            None => self.stats.failed += 1,
        }
        if let Some(r) = &mut self.recorder {
            r.realloc(ptr, size, p.unwrap_or(0));
        }
        Ok(p)
    }

    pub fn free(&mut self, mem: &mut Memory, ptr: u64) -> Result<(), HeapError> {
        self.stats.frees += 1;
        let block = self.request(mem, |a, h| a.free(h, ptr))?;
        self.freed(ptr, block);
        Ok(())
    }

    #[inline]
    fn freed(&mut self, ptr: u64, block: u64) {
        self.died(ptr, block);
        if let Some(r) = &mut self.recorder {
            r.free(ptr);
        }
    }

    /// The `--stats` report (no trailing newline). `with_time` false leaves out the one
    /// figure that changes from run to run.
    pub fn render_stats(&self, mem: &Memory, with_time: bool) -> String {
        let s = &self.stats;
        let mut out = String::new();
        let pct = |a: u64, b: u64| format!("{:.1}%", 100.0 * ratio(a, b));
        let _ = writeln!(out, "heap statistics ({}):", self.name());
        let _ = writeln!(
            out,
            "  requests            {} (malloc {}, calloc {}, realloc {}, free {})",
            s.requests(),
            s.mallocs,
            s.callocs,
            s.reallocs,
            s.frees
        );
        let _ = writeln!(out, "  failed requests     {}", s.failed);
        let _ = writeln!(out, "  peak live payload   {} bytes", s.peak_payload);
        let _ = writeln!(
            out,
            "  heap size           {} bytes (the break's high-water mark)",
            s.heap_size
        );
        let _ = writeln!(
            out,
            "  utilization         {} (peak live payload / heap size)",
            pct(s.peak_payload, s.heap_size)
        );
        let internal = s.blocks_at_peak - s.peak_payload.min(s.blocks_at_peak);
        let external = s.heap_at_peak.saturating_sub(s.blocks_at_peak);
        let _ = writeln!(
            out,
            "  internal frag.      {internal} bytes at the peak ({} of the heap then): headers, padding, rounding",
            pct(internal, s.heap_at_peak)
        );
        let _ = writeln!(
            out,
            "  external frag.      {external} bytes at the peak ({} of the heap then): free blocks and bookkeeping",
            pct(external, s.heap_at_peak)
        );
        match self.alloc.walk(&HeapView::new(mem)) {
            Ok(blocks) => {
                let free: Vec<u64> = blocks
                    .iter()
                    .filter(|b| b.is_free())
                    .map(|b| b.size)
                    .collect();
                let total: u64 = free.iter().sum();
                let largest = free.iter().copied().max().unwrap_or(0);
                let _ = writeln!(
                    out,
                    "  largest free block  {largest} bytes at exit, of {total} free bytes in {} block{} (1 - largest/free = {})",
                    free.len(),
                    if free.len() == 1 { "" } else { "s" },
                    pct(total - largest, total)
                );
            }
            Err(e) => {
                let _ = writeln!(out, "  largest free block  unknown: {e}");
            }
        }
        let _ = writeln!(
            out,
            "  search steps        mean {:.2}, max {} per request",
            ratio(s.steps, s.requests()),
            s.max_steps
        );
        if with_time {
            let _ = write!(
                out,
                "  allocator time      {:.3} ms",
                s.time.as_secs_f64() * 1e3
            );
        } else {
            let _ = write!(out, "  allocator time      (not shown)");
        }
        out
    }

    /// The `--heap-dump` listing: every block from the heap start to the break.
    pub fn render_dump(&self, mem: &Memory) -> String {
        let mut out = String::new();
        let start = mem.layout.heap_start;
        let _ = writeln!(
            out,
            "heap dump ({}): from {start:#x} to the break at {:#x} ({} bytes)",
            self.name(),
            mem.brk,
            mem.brk - start
        );
        let blocks = match self.alloc.walk(&HeapView::new(mem)) {
            Ok(b) => b,
            Err(e) => {
                let _ = write!(out, "  the block list is damaged: {e}");
                return out;
            }
        };
        let _ = writeln!(
            out,
            "  {:<12} {:>9}  {:<9}  {:<12} {:>9} {:>9}",
            "address", "size", "state", "payload", "usable", "requested"
        );
        for b in &blocks {
            let addr = format!("{:#x}", b.addr);
            if b.meta {
                let _ = writeln!(out, "  {addr:<12} {:>9}  bookkeeping", b.size);
                continue;
            }
            let state = if b.allocated { "allocated" } else { "free" };
            let payload = format!("{:#x}", b.payload);
            let requested = match self.live.get(b.payload) {
                Some(r) if b.allocated => r.to_string(),
                _ => String::new(),
            };
            let row = format!(
                "  {addr:<12} {:>9}  {state:<9}  {payload:<12} {:>9} {requested:>9}",
                b.size, b.payload_size
            );
            let _ = writeln!(out, "{}", row.trim_end());
        }
        let used = blocks.iter().filter(|b| b.allocated && !b.meta).count();
        let free = blocks.iter().filter(|b| b.is_free()).count();
        let _ = write!(out, "  {used} allocated, {free} free");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::alloc::{by_name, heap_memory};

    #[test]
    fn statistics_follow_every_request_exactly() {
        let mut mem = heap_memory(1 << 20).expect("a heap");
        let mut m = HeapManager::new(by_name("first-fit").unwrap());
        let a = m.malloc(&mut mem, 10).unwrap().unwrap();
        let b = m.calloc(&mut mem, 3, 100).unwrap().unwrap();
        assert_eq!(m.requested(a), Some(10));
        assert_eq!(m.requested(b), Some(300));
        let s = m.stats();
        assert_eq!((s.live_payload, s.peak_payload), (310, 310));
        // Blocks of 10 + 16 and 300 + 16 bytes, rounded to 16.
        assert_eq!(s.live_block_bytes, 32 + 320);
        let c = m.realloc(&mut mem, a, 1000).unwrap().unwrap();
        assert_eq!(m.requested(a), None);
        assert_eq!(m.requested(c), Some(1000));
        m.free(&mut mem, b).unwrap();
        let s = m.stats();
        assert_eq!((s.live_payload, s.peak_payload), (1000, 1300));
        assert_eq!(s.live_block_bytes, 1024);
        assert_eq!(m.realloc(&mut mem, c, 0), Ok(None));
        let s = m.stats();
        assert_eq!((s.live_payload, s.live_block_bytes), (0, 0));
        assert_eq!((s.mallocs, s.callocs, s.reallocs, s.frees), (1, 1, 2, 1));
        // A free that fails changes no figure but the count of requests.
        assert!(m.free(&mut mem, c).is_err());
        let s = m.stats();
        assert_eq!((s.live_payload, s.live_block_bytes, s.frees), (0, 0, 2));
    }

    #[test]
    fn requests_are_timed_only_when_asked() {
        let mut mem = heap_memory(1 << 20).expect("a heap");
        let mut m = HeapManager::new(by_name("first-fit").unwrap());
        for _ in 0..100 {
            m.malloc(&mut mem, 64).unwrap();
        }
        assert_eq!(m.stats().time, Duration::ZERO);
        m.time_requests();
        for _ in 0..100 {
            m.malloc(&mut mem, 64).unwrap();
        }
        assert!(m.stats().time > Duration::ZERO);
    }

    /// The block sizes a strategy reports as it allocates are those its blocks have, in
    /// every case: split or not, from a list, the top or fresh heap.
    #[test]
    fn live_block_bytes_are_the_blocks_sizes() {
        for name in crate::vm::alloc::NAMES {
            let mut mem = heap_memory(1 << 20).expect("a heap");
            let mut m = HeapManager::new(by_name(name).unwrap());
            let mut live = Vec::new();
            for round in 0..6u64 {
                for i in 0..40u64 {
                    let size = (i * 37 + round * 11) % 300;
                    live.push(m.malloc(&mut mem, size).unwrap().unwrap());
                }
                // Holes of every size, some next to each other.
                let mut k = 0;
                live.retain(|&p| {
                    k += 1;
                    if k % 3 != 0 {
                        m.free(&mut mem, p).unwrap();
                    }
                    k % 3 == 0
                });
                let total: u64 = live
                    .iter()
                    .map(|&p| m.allocator().block_size(&mem, p).unwrap())
                    .sum();
                assert_eq!(m.stats().live_block_bytes, total, "{name}, round {round}");
            }
        }
    }
}
