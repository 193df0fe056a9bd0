//! Target (a): any bytes, read as a C file, through the whole pipeline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use segvm_fuzz::pipeline::{Limits, run};

fuzz_target!(|data: &[u8]| {
    run(data, Limits::default());
});
