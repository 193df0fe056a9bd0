//! `segvm gen-trace`: writes a generated allocation trace (CS:APP `.rep`) to stdout.

use crate::vm::alloc::tracegen::{self, Kind};
use clap::Args;

#[derive(Args)]
pub struct GenTraceArgs {
    /// The shape: random, binary, realloc, coalesce, large or phases
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Kind::ALL.map(|(n, _)| n)))]
    pub kind: String,
    /// Seed of the random choices (the same seed gives the same trace)
    #[arg(long, default_value = "1")]
    pub seed: u64,
    /// About how many operations
    #[arg(long, default_value = "10000")]
    pub ops: usize,
}

pub fn gen_trace(a: GenTraceArgs) -> i32 {
    let Some(kind) = Kind::by_name(&a.kind) else {
        eprintln!("error: unknown kind '{}'", a.kind);
        return 2;
    };
    print!("{}", tracegen::generate(kind, a.seed, a.ops).render());
    0
}
