//! Target (b): valid programs mutated at the level of C tokens (seed the corpus with the
//! project's C files), through the whole pipeline.
#![no_main]

use libfuzzer_sys::{fuzz_crossover, fuzz_mutator, fuzz_target, fuzzer_mutate};
use segvm_fuzz::mutate::{Rng, mutate};
use segvm_fuzz::pipeline::{Limits, run};

fuzz_target!(|data: &[u8]| {
    run(data, Limits::default());
});

fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    // Mostly token-level; now and then libFuzzer's own byte-level mutations.
    let mut rng = Rng::new(seed as u64);
    if rng.below(8) == 0 {
        return fuzzer_mutate(data, size, max_size);
    }
    let out = mutate(&data[..size], &[], rng.next_u64(), max_size);
    data[..out.len()].copy_from_slice(&out);
    out.len()
});

fuzz_crossover!(|a: &[u8], b: &[u8], out: &mut [u8], seed: u32| {
    let child = mutate(a, b, seed as u64, out.len());
    out[..child.len()].copy_from_slice(&child);
    child.len()
});
