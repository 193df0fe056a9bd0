//! `segvm run`: compile, load, execute; the program's stdin and stdout are segvm's.

use super::{CompileArgs, report};
use crate::driver::Phase;
use crate::vm::{Config, Io, Stop, Unobserved, Vm, alloc};
use clap::Args;

#[derive(Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Stop after this many instructions (exit status 124)
    #[arg(long, value_name = "N")]
    pub max_steps: Option<u64>,
    /// Heap allocator strategy
    #[arg(long, default_value = "first-fit", value_parser = clap::builder::PossibleValuesParser::new(alloc::NAMES))]
    pub alloc: String,
    /// Payload alignment in bytes: 16 (as glibc on x86-64) or 8 (as the CS:APP malloc lab)
    #[arg(long, default_value = "16", value_parser = clap::builder::PossibleValuesParser::new(["8", "16"]))]
    pub align: String,
    /// Print heap statistics to stderr after the run
    #[arg(long)]
    pub stats: bool,
    /// Print every heap block to stderr at exit or at a fault
    #[arg(long)]
    pub heap_dump: bool,
    /// Write the program's heap requests to FILE as a CS:APP malloc-lab trace
    #[arg(long, value_name = "FILE.rep")]
    pub record_allocs: Option<std::path::PathBuf>,
    /// Arguments for the program (after --)
    #[arg(last = true)]
    pub args: Vec<String>,
}

pub fn run(a: RunArgs) -> i32 {
    let c = match a.compile.compile(Phase::Link) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let Some(image) = &c.image else { return 1 };
    let mut argv = vec![a.compile.file.display().to_string()];
    argv.extend(a.args.iter().cloned());
    let config = Config {
        max_steps: a.max_steps.unwrap_or(u64::MAX),
        args: argv,
        target: a.compile.target,
        ..Config::default()
    };
    let align = if a.align == "8" { 8 } else { 16 };
    let Some(heap) = alloc::by_name_aligned(&a.alloc, align) else {
        eprintln!("error: unknown allocator '{}'", a.alloc);
        return 2;
    };
    let mut io = Io::new(Box::new(std::io::stdin().lock()));
    io.sink = Some(Box::new(std::io::stdout()));
    io.err_sink = Some(Box::new(std::io::stderr()));
    let mut vm = match Vm::new(image, config, heap, io) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    if a.record_allocs.is_some() {
        vm.heap.record();
    }
    let status = match vm.run(&mut Unobserved) {
        Stop::Exit(status) => status & 0xff,
        Stop::Fault(fault) => {
            eprint!("{}", report::render(&vm, &fault, &c.sources));
            fault.trap.exit_status()
        }
        Stop::Paused => 0,
    };
    heap_reports(&a, &vm).unwrap_or(status)
}

/// `--heap-dump`, `--stats` and `--record-allocs` after the run; an exit status if the
/// trace could not be written.
fn heap_reports(a: &RunArgs, vm: &Vm) -> Option<i32> {
    if a.heap_dump {
        eprintln!("{}", vm.heap.render_dump(&vm.mem));
    }
    if a.stats {
        eprintln!("{}", vm.heap.render_stats(&vm.mem, true));
    }
    let path = a.record_allocs.as_ref()?;
    let name = a
        .compile
        .file
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy();
    let trace = vm.heap.trace(&name)?;
    if let Err(e) = std::fs::write(path, trace.render()) {
        eprintln!("error: cannot write {}: {e}", path.display());
        return Some(1);
    }
    None
}
