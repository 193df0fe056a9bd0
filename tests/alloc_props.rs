//! Property tests of every allocation strategy, through the checking wrapper: random
//! malloc/free/realloc sequences keep payloads aligned, inside the heap, apart, and
//! intact; a full heap walk accounts for every byte from the heap start to the break; no
//! two free blocks are adjacent where the strategy coalesces; and all of it still holds
//! when the heap meets the stack and requests fail. A damaged heap gives errors, never a
//! panic or an endless loop.

use proptest::prelude::*;
use segvm::vm::alloc::checked::{Checked, RED_ZONE};
use segvm::vm::alloc::{self, Allocator, Heap, HeapView, heap_memory};
use segvm::vm::memory::Memory;

#[derive(Clone, Debug)]
enum Cmd {
    Malloc(u64),
    Free(usize),
    Realloc(usize, u64),
}

fn size() -> impl Strategy<Value = u64> {
    prop_oneof![6 => 0..64u64, 3 => 64..1024u64, 1 => 1024..20_000u64]
}

fn cmds(max: usize) -> impl Strategy<Value = Vec<Cmd>> {
    prop::collection::vec(
        prop_oneof![
            4 => size().prop_map(Cmd::Malloc),
            3 => any::<usize>().prop_map(Cmd::Free),
            2 => (any::<usize>(), size()).prop_map(|(i, n)| Cmd::Realloc(i, n)),
        ],
        1..max,
    )
}

struct Model {
    /// Live blocks: pointer, size, fill byte.
    live: Vec<(u64, u64, u8)>,
    next_byte: u8,
}

impl Model {
    fn byte(&mut self) -> u8 {
        self.next_byte = self.next_byte.wrapping_add(37) | 1;
        self.next_byte
    }
}

fn intact(mem: &Memory, ptr: u64, n: u64, byte: u8) -> Result<(), TestCaseError> {
    let bytes = mem
        .slice(ptr, n)
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert!(
        bytes.iter().all(|&b| b == byte),
        "payload at {ptr:#x} changed while live"
    );
    Ok(())
}

/// The walk accounts for every byte, free blocks are never adjacent where the strategy
/// coalesces, and every live payload lies in an allocated block.
fn invariants(a: &Checked, mem: &Memory, model: &Model) -> Result<(), TestCaseError> {
    let view = HeapView::new(mem);
    a.check(&view)
        .map_err(|e| TestCaseError::fail(format!("check: {e}")))?;
    let blocks = a
        .walk(&view)
        .map_err(|e| TestCaseError::fail(format!("walk: {e}")))?;
    let start = mem.layout.heap_start;
    if mem.brk > start {
        prop_assert_eq!(blocks.first().map(|b| b.addr), Some(start));
        prop_assert_eq!(blocks.last().map(|b| b.end()), Some(mem.brk));
    }
    for w in blocks.windows(2) {
        prop_assert_eq!(w[0].end(), w[1].addr, "blocks are not contiguous");
        if a.coalesces() {
            prop_assert!(
                !(w[0].is_free() && w[1].is_free()),
                "adjacent free blocks at {:#x}",
                w[0].addr
            );
        }
    }
    for &(ptr, size, _) in &model.live {
        let (lo, hi) = (ptr - RED_ZONE, ptr + size + RED_ZONE);
        let holder = blocks.iter().find(|b| {
            b.allocated && !b.meta && b.payload <= lo && hi <= b.payload + b.payload_size
        });
        prop_assert!(
            holder.is_some(),
            "live payload {ptr:#x} is in no allocated block"
        );
    }
    Ok(())
}

fn run(name: &str, align: u64, cmds: &[Cmd], heap_limit: Option<u64>) -> Result<(), TestCaseError> {
    let mut mem = heap_memory(1 << 20).expect("a heap");
    if let Some(limit) = heap_limit {
        // The stack comes down to here: the heap can grow no further.
        mem.sp = mem.layout.heap_start + limit;
    }
    let inner = alloc::by_name_aligned(name, align).expect("a strategy");
    let mut a = Checked::new(inner, align).with_quarantine(4096);
    let mut m = Model {
        live: Vec::new(),
        next_byte: 0,
    };
    let fail = |e: alloc::HeapError| TestCaseError::fail(format!("{name}/{align}: {e}"));
    for cmd in cmds {
        match *cmd {
            Cmd::Malloc(n) => {
                if let Some(p) = a.malloc(&mut Heap::new(&mut mem), n).map_err(fail)? {
                    prop_assert_eq!(p % align, 0);
                    let byte = m.byte();
                    mem.slice_mut(p, n).expect("in the heap").fill(byte);
                    m.live.push((p, n, byte));
                }
            }
            Cmd::Free(i) if !m.live.is_empty() => {
                let (p, n, byte) = m.live.swap_remove(i % m.live.len());
                intact(&mem, p, n, byte)?;
                a.free(&mut Heap::new(&mut mem), p).map_err(fail)?;
            }
            Cmd::Realloc(i, n) if !m.live.is_empty() => {
                let k = i % m.live.len();
                let (p, old, byte) = m.live[k];
                intact(&mem, p, old, byte)?;
                if let Some(q) = a.realloc(&mut Heap::new(&mut mem), p, n).map_err(fail)? {
                    prop_assert_eq!(q % align, 0);
                    intact(&mem, q, old.min(n), byte)?;
                    let byte = m.byte();
                    mem.slice_mut(q, n).expect("in the heap").fill(byte);
                    m.live[k] = (q, n, byte);
                }
            }
            _ => {}
        }
        invariants(&a, &mem, &m)?;
    }
    for &(p, n, byte) in &m.live {
        intact(&mem, p, n, byte)?;
    }
    Ok(())
}

macro_rules! strategy_props {
    ($($test:ident => $name:expr),* $(,)?) => {
        mod props {
            use super::*;
            proptest! {
                #![proptest_config(ProptestConfig::with_cases(128))]
                $(
                    #[test]
                    fn $test(cmds in cmds(160), align in prop_oneof![Just(8u64), Just(16u64)]) {
                        run($name, align, &cmds, None)?;
                    }
                )*
            }
        }
        mod meets_stack {
            use super::*;
            proptest! {
                #![proptest_config(ProptestConfig::with_cases(64))]
                $(
                    #[test]
                    fn $test(cmds in cmds(120), limit in 2048..40_000u64) {
                        run($name, 16, &cmds, Some(limit))?;
                    }
                )*
            }
        }
        mod damaged {
            use super::*;
            proptest! {
                #![proptest_config(ProptestConfig::with_cases(48))]
                $(
                    #[test]
                    fn $test(cmds in cmds(60), hits in prop::collection::vec((any::<u64>(), any::<u64>()), 1..6)) {
                        damaged($name, &cmds, &hits);
                    }
                )*
            }
        }
    };
}

strategy_props! {
    bump => "bump",
    first_fit => "first-fit",
    next_fit => "next-fit",
    best_fit => "best-fit",
    worst_fit => "worst-fit",
    explicit => "explicit",
    explicit_addr => "explicit-addr",
    segregated => "segregated",
    buddy => "buddy",
}

/// Builds a heap, writes random words into it, then keeps using it: every call returns,
/// with a value or an error.
fn damaged(name: &str, cmds: &[Cmd], hits: &[(u64, u64)]) {
    let mut mem = heap_memory(1 << 20).expect("a heap");
    let mut a = alloc::by_name(name).expect("a strategy");
    let mut live = Vec::new();
    for cmd in cmds {
        if let Cmd::Malloc(n) = cmd
            && let Ok(Some(p)) = a.malloc(&mut Heap::new(&mut mem), *n)
        {
            live.push(p);
        }
    }
    for (i, p) in live.iter().enumerate() {
        if i % 2 == 0 {
            let _ = a.free(&mut Heap::new(&mut mem), *p);
        }
    }
    let span = mem.brk - mem.layout.heap_start;
    for &(at, value) in hits {
        if span >= 8 {
            let addr = mem.layout.heap_start + (at % (span / 8)) * 8;
            let _ = mem.write_u64(addr, value);
        }
    }
    let _ = a.walk(&HeapView::new(&mem));
    let _ = a.check(&HeapView::new(&mem));
    for (i, p) in live.iter().enumerate() {
        let mut heap = Heap::new(&mut mem);
        let _ = match i % 3 {
            0 => a.free(&mut heap, *p).map(|_| None),
            1 => a.realloc(&mut heap, *p, 100),
            _ => a.malloc(&mut heap, 64),
        };
    }
    let _ = a.walk(&HeapView::new(&mem));
}

/// Each strategy reports misuse as an error of the right kind.
#[test]
fn misuse_is_an_error() {
    for name in alloc::NAMES {
        let mut mem = heap_memory(1 << 20).expect("a heap");
        let mut a = alloc::by_name(name).expect("a strategy");
        let mut heap = Heap::new(&mut mem);
        let p = a.malloc(&mut heap, 100).unwrap().unwrap();
        let q = a.malloc(&mut heap, 100).unwrap().unwrap();
        assert!(
            matches!(
                a.free(&mut heap, p + 16),
                Err(alloc::HeapError::InvalidFree(..))
            ),
            "{name}: interior pointer"
        );
        assert!(
            matches!(
                a.free(&mut heap, p + 3),
                Err(alloc::HeapError::InvalidFree(..))
            ),
            "{name}: misaligned pointer"
        );
        assert!(
            matches!(a.free(&mut heap, 8), Err(alloc::HeapError::InvalidFree(..))),
            "{name}: outside the heap"
        );
        a.free(&mut heap, p).unwrap();
        assert_eq!(
            a.free(&mut heap, p),
            Err(alloc::HeapError::DoubleFree(p)),
            "{name}"
        );
        a.free(&mut heap, q).unwrap();
    }
}

/// A block whose metadata was overwritten is heap corruption, not an invalid free: every
/// strategy tells it apart from an address that is no block by walking its headers.
#[test]
fn damaged_metadata_is_heap_corruption() {
    let corrupt =
        |e: &Result<u64, alloc::HeapError>| matches!(e, Err(alloc::HeapError::Corruption(..)));
    for name in alloc::NAMES {
        for victim in 0..3 {
            let mut mem = heap_memory(1 << 20).expect("a heap");
            let mut a = alloc::by_name(name).expect("a strategy");
            let ps: Vec<u64> = (0..3)
                .map(|_| a.malloc(&mut Heap::new(&mut mem), 40).unwrap().unwrap())
                .collect();
            // An interior pointer of an intact heap is an invalid free that says where.
            let e = a.free(&mut Heap::new(&mut mem), ps[victim] + 16);
            assert!(
                matches!(&e, Err(alloc::HeapError::InvalidFree(_, why)) if why.contains("bytes into the allocated block")),
                "{name}: interior pointer: {e:?}"
            );
            let header = a.block(&HeapView::new(&mem), ps[victim]).unwrap().addr;
            mem.write_u64(header, 0x4141_4141_4141_4141).unwrap();
            let e = a.free(&mut Heap::new(&mut mem), ps[victim]);
            assert!(corrupt(&e), "{name}: header of block {victim}: {e:?}");
        }
    }
    // The boundary-tag strategies also keep a footer: a damaged one is found too.
    for name in alloc::NAMES
        .iter()
        .filter(|n| !["bump", "buddy"].contains(n))
    {
        let mut mem = heap_memory(1 << 20).expect("a heap");
        let mut a = alloc::by_name(name).expect("a strategy");
        let p = a.malloc(&mut Heap::new(&mut mem), 40).unwrap().unwrap();
        let q = a.malloc(&mut Heap::new(&mut mem), 40).unwrap().unwrap();
        let b = a.block(&HeapView::new(&mem), p).unwrap();
        mem.write_u64(b.addr + b.size - 8, 7).unwrap();
        let e = a.free(&mut Heap::new(&mut mem), p);
        assert!(corrupt(&e), "{name}: footer: {e:?}");
        a.free(&mut Heap::new(&mut mem), q).unwrap();
    }
}

/// Freeing a block again after it merged with a free neighbour is still a double free.
#[test]
fn double_free_after_a_merge() {
    for name in alloc::NAMES {
        let mut mem = heap_memory(1 << 20).expect("a heap");
        let mut a = alloc::by_name(name).expect("a strategy");
        let ps: Vec<u64> = (0..3)
            .map(|_| a.malloc(&mut Heap::new(&mut mem), 16).unwrap().unwrap())
            .collect();
        a.free(&mut Heap::new(&mut mem), ps[0]).unwrap();
        a.free(&mut Heap::new(&mut mem), ps[1]).unwrap();
        assert_eq!(
            a.free(&mut Heap::new(&mut mem), ps[1]),
            Err(alloc::HeapError::DoubleFree(ps[1])),
            "{name}"
        );
        a.check(&HeapView::new(&mem)).unwrap();
    }
}

/// The checker tells overflows, writes after free, double and invalid frees apart, and
/// says where an address is.
#[test]
fn checker_finds_misuse() {
    use segvm::vm::alloc::checked::Location;
    for name in alloc::NAMES {
        let mut mem = heap_memory(1 << 20).expect("a heap");
        let mut a = Checked::new(alloc::by_name(name).unwrap(), 16);
        let p = a.malloc(&mut Heap::new(&mut mem), 10).unwrap().unwrap();
        let q = a.malloc(&mut Heap::new(&mut mem), 10).unwrap().unwrap();
        assert!(matches!(
            a.locate(p + 3),
            Some(Location::Payload { offset: 3, .. })
        ));
        assert!(matches!(
            a.locate(p + 10),
            Some(Location::RedZoneAfter { distance: 0, .. })
        ));
        assert!(matches!(
            a.locate(p - 1),
            Some(Location::RedZoneBefore { distance: 1, .. })
        ));
        let e = a.free(&mut Heap::new(&mut mem), p + 4).unwrap_err();
        assert!(
            format!("{e}").contains("inside allocation #0"),
            "{name}: {e}"
        );
        // One byte past the end.
        mem.write_u8(q + 10, 0).unwrap();
        let e = a.free(&mut Heap::new(&mut mem), q).unwrap_err();
        assert!(
            format!("{e}").contains("heap buffer overflow"),
            "{name}: {e}"
        );
        a.free(&mut Heap::new(&mut mem), p).unwrap();
        assert!(matches!(a.locate(p), Some(Location::Freed { .. })));
        assert_eq!(
            a.free(&mut Heap::new(&mut mem), p),
            Err(alloc::HeapError::DoubleFree(p))
        );
        // A write after free is found when the block leaves the quarantine.
        let mut b = Checked::new(alloc::by_name(name).unwrap(), 16).with_quarantine(0);
        let mut mem = heap_memory(1 << 20).expect("a heap");
        b.fail_request(1);
        let r = b.malloc(&mut Heap::new(&mut mem), 32).unwrap().unwrap();
        assert_eq!(
            b.malloc(&mut Heap::new(&mut mem), 32),
            Ok(None),
            "{name}: injected failure"
        );
        let mut mem = heap_memory(1 << 20).expect("a heap");
        let mut c = Checked::new(alloc::by_name(name).unwrap(), 16).with_quarantine(64);
        let s = c.malloc(&mut Heap::new(&mut mem), 32).unwrap().unwrap();
        c.free(&mut Heap::new(&mut mem), s).unwrap();
        mem.write_u8(s + 5, 1).unwrap();
        let t = c.malloc(&mut Heap::new(&mut mem), 64).unwrap().unwrap();
        let e = c.free(&mut Heap::new(&mut mem), t).unwrap_err();
        assert!(format!("{e}").contains("use after free"), "{name}: {e}");
        let _ = r;
    }
}
