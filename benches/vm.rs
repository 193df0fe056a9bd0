//! Benchmarks by phase: compiling and executing the programs in `benches/programs/`, and
//! compiling the 2,600-line program of `benches/compile/` (the compile-time target's).
//! Inputs come from files; compilation happens outside the timed loop of `execute`, and
//! each run's output is checked inside it.

use criterion::{Criterion, criterion_group, criterion_main};
use segvm::driver::{self, Options, Phase};
use segvm::vm::{Config, Stop, alloc};
use std::path::Path;

/// The C files of a folder of the package, as (name, text), sorted.
fn c_files(folder: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("the benchmark folder exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .map(|p| {
            let name = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect();
    out.sort();
    out
}

fn programs() -> Vec<(String, String)> {
    c_files("benches/programs")
}

fn compile(c: &mut Criterion) {
    let mut group = c.benchmark_group("compile");
    for (name, text) in programs().into_iter().chain(c_files("benches/compile")) {
        group.bench_function(&name, |b| {
            b.iter(|| {
                let c = driver::compile(&name, &text, &Options::default(), Phase::Link);
                assert!(c.image.is_some());
            })
        });
    }
    group.finish();
}

fn execute(c: &mut Criterion) {
    let mut group = c.benchmark_group("execute");
    group.sample_size(10);
    for (name, text) in programs() {
        let compiled = driver::compile(&name, &text, &Options::default(), Phase::Link);
        let image = compiled.image.expect("benchmark programs compile");
        // The expected checksum: the first run's output.
        let expected = driver::execute(&image, Config::default(), alloc::DEFAULT, b"")
            .expect("loads")
            .stdout;
        group.bench_function(&name, |b| {
            b.iter(|| {
                let run =
                    driver::execute(&image, Config::default(), alloc::DEFAULT, b"").expect("loads");
                assert!(matches!(run.stop, Stop::Exit(0)));
                assert_eq!(run.stdout, expected);
            })
        });
    }
    group.finish();
}

criterion_group!(benches, compile, execute);
criterion_main!(benches);
