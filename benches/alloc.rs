//! Allocation benchmarks: every strategy replaying every shipped generated trace. Traces
//! are parsed and the heap region made outside the timed loop; each iteration replays the
//! whole trace on a fresh allocator (the region's break reset) and checks it succeeded.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use segvm::vm::alloc::replay;
use segvm::vm::alloc::trace::Trace;
use segvm::vm::alloc::{self, heap_memory};
use std::path::PathBuf;

fn traces() -> Vec<Trace> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("traces");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the traces folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rep"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| Trace::read(f).expect("a valid trace"))
        .collect()
}

fn replay_traces(c: &mut Criterion) {
    let traces = traces();
    let mut mem = heap_memory(64 << 20).expect("64 MiB");
    for name in alloc::NAMES {
        let mut group = c.benchmark_group(format!("alloc/{name}"));
        group.sample_size(10);
        for t in &traces {
            group.throughput(Throughput::Elements(t.ops.len() as u64));
            group.bench_with_input(BenchmarkId::from_parameter(&t.name), t, |b, t| {
                b.iter(|| {
                    let mut a = alloc::by_name(name).expect("a strategy");
                    let took = replay::time(a.as_mut(), t, &mut mem);
                    assert!(took.is_ok(), "{took:?}");
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, replay_traces);
criterion_main!(benches);
