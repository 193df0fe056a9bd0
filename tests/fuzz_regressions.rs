//! No input may crash segvm. Every input a fuzzer ever crashed or hung segvm with is kept in
//! `tests/fuzz_regressions/` and replayed here through the whole pipeline (compile, render
//! diagnostics, load, run with a step limit), in process, each under `catch_unwind` so one
//! failure names its file and the others still run. A property test feeds random token
//! soups and random token-level mutations of the project's own C programs through the same
//! pipeline.
//!
//! The pipeline and the mutator are the fuzz targets' own (`fuzz/src/`), included here by
//! path so the replay runs exactly the code the fuzzers ran.

#[path = "../fuzz/src/mutate.rs"]
#[allow(dead_code)]
mod mutate;
#[path = "../fuzz/src/pipeline.rs"]
#[allow(dead_code)]
mod pipeline;

use pipeline::{Limits, Outcome, run};
use proptest::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs one input on a thread of its own (with the main thread's usual 8 MiB stack, so a
/// deep recursion in the compiler shows as it would in `segvm`), catching a panic. An
/// unoptimized build's frames are several times larger: it gets more room.
fn run_guarded(input: Vec<u8>) -> Result<(Outcome, Duration), String> {
    let stack = if cfg!(debug_assertions) {
        64 << 20
    } else {
        8 << 20
    };
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let start = Instant::now();
            catch_unwind(AssertUnwindSafe(|| run(&input, Limits::default())))
                .map(|o| (o, start.elapsed()))
                .map_err(|e| {
                    e.downcast_ref::<String>()
                        .cloned()
                        .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_else(|| "a panic".into())
                })
        })
        .expect("a thread")
        .join()
        .unwrap_or_else(|_| Err("the thread died".into()))
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.is_file() && p.extension().is_none_or(|x| x != "md"));
    files.sort();
    files
}

/// Each input takes well under this in a release build; more is a hang to look into.
const SLOW: Duration = Duration::from_secs(2);

#[test]
fn replay_fuzz_findings() {
    let files = files_in(&root().join("tests/fuzz_regressions"));
    assert!(!files.is_empty(), "no inputs in tests/fuzz_regressions");
    let mut failures = Vec::new();
    for file in &files {
        let input = std::fs::read(file).expect("readable");
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        match run_guarded(input) {
            Ok((_, t)) if t > SLOW && !cfg!(debug_assertions) => {
                failures.push(format!("{name}: took {t:?}"))
            }
            Ok(_) => {}
            Err(e) => failures.push(format!("{name}: panicked: {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

/// A few small valid programs to mutate (the fuzzers start from all of them).
fn seeds() -> Vec<Vec<u8>> {
    [
        "programs/linked_list.c",
        "programs/sorting.c",
        "programs/strings.c",
        "programs/pointers.c",
        "tests/c/buggy/use_after_free_list.c",
        "tests/c/buggy/heap_corruption_overrun.c",
    ]
    .iter()
    .map(|p| std::fs::read(root().join(p)).expect("a seed program"))
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn token_soup_never_crashes(seed in any::<u64>(), len in 0usize..120) {
        let input = mutate::token_soup(seed, len);
        let r = run_guarded(input.clone());
        prop_assert!(r.is_ok(), "{:?} on:\n{}", r.err(), String::from_utf8_lossy(&input));
    }

    #[test]
    fn mutated_programs_never_crash(which in 0usize..6, donor in 0usize..6, seed in any::<u64>()) {
        let seeds = seeds();
        let input = mutate::mutate(&seeds[which], &seeds[donor], seed, 1 << 16);
        let r = run_guarded(input.clone());
        prop_assert!(r.is_ok(), "{:?} on:\n{}", r.err(), String::from_utf8_lossy(&input));
    }
}

#[test]
fn tokenize_round_trips() {
    for src in seeds() {
        assert_eq!(mutate::tokenize(&src).concat(), src);
    }
}
