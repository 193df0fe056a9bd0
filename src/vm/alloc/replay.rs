//! Replaying a trace on a strategy, as the CS:APP malloc-lab driver does: once validated
//! (every payload aligned, inside the heap, overlapping no live block, its contents kept
//! by realloc and untouched until freed) to measure utilization, and then timed without
//! checks to measure throughput.

use super::trace::{Op, Trace};
use super::{Allocator, Heap, HeapRead, heap_memory};
use crate::vm::memory::Memory;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// What a validated replay measured.
#[derive(Clone, Debug, PartialEq)]
pub struct Replay {
    /// Peak live payload / heap size (the break's high-water mark), in 0..=1.
    pub util: f64,
    pub ops: u64,
    /// Requests that returned NULL.
    pub failed: u64,
    pub peak_payload: u64,
    pub heap_size: u64,
    /// Search steps over all requests.
    pub steps: u64,
    /// Heap size and live payload after every `sample_every` operations (when asked).
    pub series: Vec<Sample>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    pub op: u64,
    pub heap_size: u64,
    pub live: u64,
}

/// The byte a block's payload is filled with: changes with every realloc, so stale bytes
/// of an earlier version are caught.
fn pattern(id: u32, version: u32) -> u8 {
    (id.wrapping_mul(167) ^ version.wrapping_mul(59)).wrapping_add(13) as u8
}

struct LiveBlock {
    ptr: u64,
    size: u64,
    version: u32,
}

/// A validated replay of `trace` on a fresh `alloc` in a heap of `mem_size` bytes.
/// `sample_every` > 0 records a [`Sample`] every so many operations.
pub fn validate(
    alloc: &mut dyn Allocator,
    trace: &Trace,
    mem_size: u64,
    align: u64,
    sample_every: u64,
) -> Result<Replay, String> {
    let mut mem = heap_memory(mem_size)?;
    let name = alloc.name();
    let mut blocks: Vec<Option<LiveBlock>> = (0..trace.ids).map(|_| None).collect();
    // Payload ranges by start: a new block must not overlap any.
    let mut ranges: BTreeMap<u64, u64> = BTreeMap::new();
    let (mut live, mut peak, mut failed, mut steps) = (0u64, 0u64, 0u64, 0u64);
    let mut series = Vec::new();
    for (i, &op) in trace.ops.iter().enumerate() {
        let fail =
            |msg: String| format!("{name}: {}: operation {} ({op}): {msg}", trace.name, i + 1);
        let mut heap = Heap::new(&mut mem);
        match op {
            Op::Alloc { id, size } => {
                let p = alloc
                    .malloc(&mut heap, size)
                    .map_err(|e| fail(e.to_string()))?;
                steps += heap.steps();
                let Some(p) = p else {
                    failed += 1;
                    continue;
                };
                admit(&mut heap, &ranges, p, size, align).map_err(fail)?;
                ranges.insert(p, p + size);
                heap.fill(p, size, pattern(id, 0))
                    .map_err(|e| fail(e.to_string()))?;
                blocks[id as usize] = Some(LiveBlock {
                    ptr: p,
                    size,
                    version: 0,
                });
                live += size;
            }
            Op::Free { id } => {
                let Some(b) = blocks[id as usize].take() else {
                    continue;
                };
                intact(&heap, &b, pattern(id, b.version), b.size).map_err(fail)?;
                ranges.remove(&b.ptr);
                alloc
                    .free(&mut heap, b.ptr)
                    .map_err(|e| fail(e.to_string()))?;
                steps += heap.steps();
                live -= b.size;
            }
            Op::Realloc { id, size } => {
                let Some(b) = blocks[id as usize].take() else {
                    // realloc(NULL, n) is malloc(n).
                    let p = alloc
                        .malloc(&mut heap, size)
                        .map_err(|e| fail(e.to_string()))?;
                    steps += heap.steps();
                    let Some(p) = p else {
                        failed += 1;
                        continue;
                    };
                    admit(&mut heap, &ranges, p, size, align).map_err(fail)?;
                    ranges.insert(p, p + size);
                    heap.fill(p, size, pattern(id, 0))
                        .map_err(|e| fail(e.to_string()))?;
                    blocks[id as usize] = Some(LiveBlock {
                        ptr: p,
                        size,
                        version: 0,
                    });
                    live += size;
                    continue;
                };
                intact(&heap, &b, pattern(id, b.version), b.size).map_err(fail)?;
                let p = alloc
                    .realloc(&mut heap, b.ptr, size)
                    .map_err(|e| fail(e.to_string()))?;
                steps += heap.steps();
                let Some(p) = p else {
                    // The old block stays, as C promises.
                    failed += 1;
                    blocks[id as usize] = Some(b);
                    continue;
                };
                ranges.remove(&b.ptr);
                admit(&mut heap, &ranges, p, size, align).map_err(fail)?;
                let kept = b.size.min(size);
                let moved = LiveBlock {
                    ptr: p,
                    size: kept,
                    version: b.version,
                };
                intact(&heap, &moved, pattern(id, b.version), kept)
                    .map_err(|e| fail(format!("realloc lost the old contents: {e}")))?;
                let version = b.version.wrapping_add(1);
                heap.fill(p, size, pattern(id, version))
                    .map_err(|e| fail(e.to_string()))?;
                ranges.insert(p, p + size);
                blocks[id as usize] = Some(LiveBlock {
                    ptr: p,
                    size,
                    version,
                });
                live = live - b.size + size;
            }
        }
        peak = peak.max(live);
        if sample_every > 0 && (i as u64).is_multiple_of(sample_every) {
            series.push(Sample {
                op: i as u64,
                heap_size: mem.brk - mem.layout.heap_start,
                live,
            });
        }
    }
    let heap = Heap::new(&mut mem);
    for (id, b) in blocks.iter().enumerate() {
        if let Some(b) = b {
            intact(&heap, b, pattern(id as u32, b.version), b.size)
                .map_err(|e| format!("{name}: {}: at the end: {e}", trace.name))?;
        }
    }
    alloc
        .check(&heap)
        .map_err(|e| format!("{name}: {}: at the end: {e}", trace.name))?;
    let heap_size = mem.brk - mem.layout.heap_start;
    if sample_every > 0 {
        series.push(Sample {
            op: trace.ops.len() as u64,
            heap_size,
            live,
        });
    }
    Ok(Replay {
        util: if heap_size == 0 {
            0.0
        } else {
            peak as f64 / heap_size as f64
        },
        ops: trace.ops.len() as u64,
        failed,
        peak_payload: peak,
        heap_size,
        steps,
        series,
    })
}

/// A new payload: aligned, inside the heap, overlapping no live payload.
fn admit(
    heap: &mut Heap,
    ranges: &BTreeMap<u64, u64>,
    p: u64,
    size: u64,
    align: u64,
) -> Result<(), String> {
    if !p.is_multiple_of(align) {
        return Err(format!("payload {p:#x} is not {align}-byte aligned"));
    }
    if p < heap.start() || p.saturating_add(size) > heap.brk() {
        return Err(format!(
            "payload {p:#x}..{:#x} is outside the heap {:#x}..{:#x}",
            p.saturating_add(size),
            heap.start(),
            heap.brk()
        ));
    }
    let end = p + size.max(1);
    if let Some((&s, &e)) = ranges.range(..end).next_back()
        && e.max(s + 1) > p
    {
        return Err(format!(
            "payload {p:#x}..{end:#x} overlaps the live payload {s:#x}..{e:#x}"
        ));
    }
    Ok(())
}

/// The first `n` bytes of a live payload still hold its pattern.
fn intact(heap: &Heap, b: &LiveBlock, byte: u8, n: u64) -> Result<(), String> {
    let bytes = heap.bytes(b.ptr, n).map_err(|e| e.to_string())?;
    match bytes.iter().position(|&x| x != byte) {
        None => Ok(()),
        Some(k) => Err(format!(
            "byte {k} of the payload at {:#x} changed while it was live",
            b.ptr
        )),
    }
}

/// Runs the trace once without checks on `mem` (its break reset first); the time taken.
pub fn time(
    alloc: &mut dyn Allocator,
    trace: &Trace,
    mem: &mut Memory,
) -> Result<Duration, String> {
    mem.brk = mem.layout.heap_start;
    let mut ptrs = vec![0u64; trace.ids as usize];
    let name = alloc.name();
    let mut heap = Heap::new(mem);
    let start = Instant::now();
    for (i, &op) in trace.ops.iter().enumerate() {
        let r = match op {
            Op::Alloc { id, size } => alloc
                .malloc(&mut heap, size)
                .map(|p| ptrs[id as usize] = p.unwrap_or(0)),
            Op::Free { id } => match std::mem::take(&mut ptrs[id as usize]) {
                0 => Ok(()),
                p => alloc.free(&mut heap, p).map(drop),
            },
            Op::Realloc { id, size } => {
                let old = ptrs[id as usize];
                let r = if old == 0 {
                    alloc.malloc(&mut heap, size)
                } else {
                    alloc.realloc(&mut heap, old, size)
                };
                r.map(|p| {
                    if let Some(p) = p {
                        ptrs[id as usize] = p;
                    }
                })
            }
        };
        r.map_err(|e| format!("{name}: {}: operation {} ({op}): {e}", trace.name, i + 1))?;
    }
    Ok(start.elapsed())
}
