//! A seedable generator of allocation traces with the shapes that tell allocators apart
//! (after the CS:APP malloc-lab traces and Wilson et al. 1995's ramps, peaks and
//! plateaus). The same kind, seed and length always give the same trace.

use super::trace::{Op, Trace};

/// The shapes a trace can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Random sizes (log-uniform 1 B to 4 KiB), random frees, a few reallocs.
    Random,
    /// Power-of-two sizes and the alternating small/large pattern that defeats
    /// size classes (the lab's "binary" traces).
    Binary,
    /// A few buffers that grow by realloc between small allocations.
    Realloc,
    /// Many small blocks freed in an order that leaves holes, then larger requests that
    /// only fit if the holes were merged.
    Coalesce,
    /// Large blocks (16 KiB to 1 MiB) with megabytes live.
    Large,
    /// A program's life: a ramp up, a plateau of churn, a ramp down, repeated.
    Phases,
}

impl Kind {
    pub const ALL: [(&'static str, Kind); 6] = [
        ("random", Kind::Random),
        ("binary", Kind::Binary),
        ("realloc", Kind::Realloc),
        ("coalesce", Kind::Coalesce),
        ("large", Kind::Large),
        ("phases", Kind::Phases),
    ];

    pub fn by_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
    }
}

/// SplitMix64: small, fast, and good enough for workloads.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// Log-uniform in `lo..=hi`: as many small as large orders of magnitude.
    fn log_range(&mut self, lo: u64, hi: u64) -> u64 {
        let (a, b) = ((lo as f64).ln(), (hi as f64).ln());
        let x = a + (b - a) * (self.next() as f64 / u64::MAX as f64);
        (x.exp() as u64).clamp(lo, hi)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Builds a trace: live ids and sizes, ops appended.
struct Builder {
    ops: Vec<Op>,
    live: Vec<u32>,
    sizes: Vec<u64>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            ops: Vec::new(),
            live: Vec::new(),
            sizes: Vec::new(),
        }
    }

    fn alloc(&mut self, size: u64) -> u32 {
        let id = self.sizes.len() as u32;
        self.sizes.push(size);
        self.live.push(id);
        self.ops.push(Op::Alloc { id, size });
        id
    }

    /// Frees the live id at position `i` of the live list.
    fn free_at(&mut self, i: usize) {
        let id = self.live.swap_remove(i);
        self.ops.push(Op::Free { id });
    }

    fn free_id(&mut self, id: u32) {
        if let Some(i) = self.live.iter().position(|&x| x == id) {
            self.free_at(i);
        }
    }

    fn realloc(&mut self, id: u32, size: u64) {
        self.sizes[id as usize] = size;
        self.ops.push(Op::Realloc { id, size });
    }

    /// Whether the trace, with every live block freed at the end, stays under `ops`.
    fn more(&self, ops: usize) -> bool {
        self.ops.len() + self.live.len() < ops
    }

    fn free_random(&mut self, rng: &mut Rng) {
        if !self.live.is_empty() {
            let i = rng.next() as usize % self.live.len();
            self.free_at(i);
        }
    }

    /// Frees everything still live, in random order, and names the trace.
    fn finish(mut self, rng: &mut Rng, name: String) -> Trace {
        while !self.live.is_empty() {
            self.free_random(rng);
        }
        let mut t = Trace {
            name,
            suggested_heap: 0,
            ids: self.sizes.len() as u32,
            weight: 1,
            ops: self.ops,
        };
        t.suggested_heap = t.peak_live();
        t
    }
}

/// A trace of the given kind with about `ops` operations.
pub fn generate(kind: Kind, seed: u64, ops: usize) -> Trace {
    let mut rng = Rng(seed ^ 0x5eed_0000 ^ kind as u64);
    let mut b = Builder::new();
    match kind {
        Kind::Random => {
            let target = (ops / 8).max(1);
            while b.more(ops) {
                let grow = b.live.len() < target || rng.chance(55);
                if grow {
                    let id = b.alloc(rng.log_range(1, 4096));
                    if rng.chance(5) {
                        let size = rng.log_range(1, 8192);
                        b.realloc(id, size);
                    }
                } else {
                    b.free_random(&mut rng);
                }
            }
        }
        Kind::Binary => {
            // Phase 1: pairs of a small and a large block; free the large ones; then ask
            // for blocks slightly larger than the large ones. Phase 2: random powers of two.
            let pairs = ops / 8;
            let (small, large) = if rng.chance(50) { (64, 448) } else { (16, 112) };
            let mut larges = Vec::new();
            for _ in 0..pairs {
                b.alloc(small);
                larges.push(b.alloc(large));
            }
            for id in larges {
                b.free_id(id);
            }
            for _ in 0..pairs / 2 {
                b.alloc(large + small + 16);
            }
            while b.more(ops) {
                if rng.chance(60) {
                    b.alloc(1 << rng.range(3, 12));
                } else {
                    b.free_random(&mut rng);
                }
            }
        }
        Kind::Realloc => {
            let buffers: Vec<u32> = (0..rng.range(1, 4))
                .map(|_| b.alloc(rng.range(8, 512)))
                .collect();
            let mut sizes: Vec<u64> = buffers.iter().map(|&id| b.sizes[id as usize]).collect();
            while b.more(ops) {
                let k = rng.next() as usize % buffers.len();
                sizes[k] += rng.range(1, 256);
                b.realloc(buffers[k], sizes[k]);
                // Small blocks in between pin the buffers in place for some strategies.
                if rng.chance(30) {
                    b.alloc(rng.range(8, 64));
                }
                if rng.chance(20) && b.live.len() > buffers.len() {
                    let i = rng.range(0, b.live.len() as u64 - 1) as usize;
                    if !buffers.contains(&b.live[i]) {
                        b.free_at(i);
                    }
                }
            }
        }
        Kind::Coalesce => {
            // Rounds of a batch of similar blocks: every other one is freed (holes that
            // only merging can join), a tenth survive as long-lived data scattered among
            // them, then the rest go and the next round asks for larger blocks that fit
            // only where the holes merged.
            let mut size = rng.range(16, 64);
            let mut survivors: Vec<u32> = Vec::new();
            while b.more(ops) {
                let batch = rng.range(100, 600) as usize;
                let ids: Vec<u32> = (0..batch)
                    .map(|_| b.alloc(rng.range(size / 2 + 1, size * 3 / 2)))
                    .collect();
                for id in ids.iter().step_by(2) {
                    b.free_id(*id);
                }
                for id in ids.iter().skip(1).step_by(2) {
                    if rng.chance(10) {
                        survivors.push(*id);
                    } else {
                        b.free_id(*id);
                    }
                }
                while survivors.len() > 40 {
                    let i = rng.range(0, survivors.len() as u64 - 1) as usize;
                    b.free_id(survivors.swap_remove(i));
                }
                size = if size >= 4096 {
                    rng.range(16, 64)
                } else {
                    size * 2
                };
            }
        }
        Kind::Large => {
            let target = 8u64 << 20;
            let mut live_bytes = 0u64;
            while b.more(ops) {
                if live_bytes < target || rng.chance(40) {
                    let size = rng.log_range(16 << 10, 1 << 20);
                    live_bytes += size;
                    b.alloc(size);
                } else if !b.live.is_empty() {
                    let i = rng.next() as usize % b.live.len();
                    live_bytes -= b.sizes[b.live[i] as usize];
                    b.free_at(i);
                }
            }
        }
        Kind::Phases => {
            while b.more(ops) {
                let ramp = rng.range(100, 2000) as usize;
                let mean = rng.log_range(16, 1024);
                for _ in 0..ramp {
                    b.alloc(rng.range(1, mean * 2));
                }
                for _ in 0..ramp {
                    if rng.chance(50) {
                        b.free_random(&mut rng);
                    } else {
                        b.alloc(rng.range(1, mean * 2));
                    }
                }
                let down = b.live.len() * rng.range(50, 95) as usize / 100;
                for _ in 0..down {
                    b.free_random(&mut rng);
                }
            }
        }
    }
    let name = format!(
        "{}-{seed}",
        Kind::ALL
            .iter()
            .find(|(_, k)| *k == kind)
            .map_or("trace", |(n, _)| n)
    );
    b.finish(&mut rng, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_valid_and_deterministic() {
        for (name, kind) in Kind::ALL {
            let t = generate(kind, 7, 2000);
            assert_eq!(t, generate(kind, 7, 2000), "{name}");
            let again = Trace::parse(&t.name, &t.render()).expect(name);
            assert_eq!(again.ops, t.ops);
            assert!(t.ops.len() >= 1000, "{name}: {}", t.ops.len());
        }
    }
}
