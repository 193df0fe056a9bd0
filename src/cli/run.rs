//! `segvm run`: compile, load, execute; the program's stdin and stdout are segvm's.

use super::{CompileArgs, report};
use crate::driver::Phase;
use crate::vm::check::DefinednessCheck;
use crate::vm::{Config, Io, Stop, Unobserved, Vm, alloc};
use clap::Args;

#[derive(Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Stop after this many instructions (exit status 124)
    #[arg(long, value_name = "N")]
    pub max_steps: Option<u64>,
    /// Heap allocator strategy: segregated size classes by default (as glibc's malloc);
    /// the implicit lists (first-fit, next-fit, best-fit, worst-fit) search every block
    #[arg(long, default_value = alloc::DEFAULT, value_parser = clap::builder::PossibleValuesParser::new(alloc::NAMES))]
    pub alloc: String,
    /// Stop when the program has written more than this many bytes (e.g. 64M; default 256M)
    #[arg(long, value_name = "SIZE", value_parser = super::parse_any_size)]
    pub max_output: Option<u64>,
    /// Print one JSON object with the run's results (output, exit status, fault) instead
    /// of the program's own output: for autograders
    #[arg(long)]
    pub json: bool,
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
    /// Compile and link, report any errors, and stop before running (exit status 0 if it
    /// compiled): what `gcc -c` does, for timing the compiler
    #[arg(long, conflicts_with = "json")]
    pub compile_only: bool,
    /// Arguments for the program (after --)
    #[arg(last = true)]
    pub args: Vec<String>,
}

pub fn run(a: RunArgs) -> i32 {
    let c = if a.json {
        let c = a.compile.compile_quietly(Phase::Link);
        if c.has_errors() || c.image.is_none() {
            println!("{}", report::compile_errors_json(&c));
            return 1;
        }
        c
    } else {
        match a.compile.compile(Phase::Link) {
            Ok(c) => c,
            Err(status) => return status,
        }
    };
    let Some(image) = &c.image else { return 1 };
    if a.compile_only {
        return 0;
    }
    let mut argv = vec![a.compile.file.display().to_string()];
    argv.extend(a.args.iter().cloned());
    let mut config = Config {
        max_steps: a.max_steps.unwrap_or(u64::MAX),
        args: argv,
        target: a.compile.target,
        check: a.compile.check,
        ..Config::default()
    };
    if let Some(limit) = a.max_output {
        config.max_output = limit;
    }
    let align = if a.align == "8" { 8 } else { 16 };
    let Some(heap) = alloc::by_name_aligned(&a.alloc, align) else {
        eprintln!("error: unknown allocator '{}'", a.alloc);
        return 2;
    };
    let mut io = Io::new(Box::new(std::io::stdin().lock()));
    if !a.json {
        io.sink = Some(Box::new(std::io::stdout()));
        io.err_sink = Some(Box::new(std::io::stderr()));
    }
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
    if a.stats {
        vm.heap.time_requests();
    }
    let stop = if a.compile.check {
        vm.run(&mut DefinednessCheck)
    } else {
        vm.run(&mut Unobserved)
    };
    let leaks = match stop {
        Stop::Exit(_) => vm.leaks(),
        _ => Vec::new(),
    };
    let status = match &stop {
        Stop::Exit(status) => status & 0xff,
        Stop::Fault(fault) => fault.trap.exit_status(),
        Stop::Paused => 0,
    };
    if a.json {
        println!(
            "{}",
            report::run_json(&vm, &stop, status, &leaks, &c.sources)
        );
        return status;
    }
    eprint!("{}", report::findings(&vm, &c.sources));
    if let Stop::Fault(fault) = &stop {
        eprint!("{}", report::render(&vm, fault, &c.sources));
    }
    eprint!("{}", report::leak_report(&leaks, &c.sources));
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
    let left_out = vm.heap.unrecorded();
    if left_out > 0 {
        eprintln!(
            "warning: {} holds the first {} heap requests; {left_out} more were left out",
            path.display(),
            alloc::trace::MAX_RECORDED
        );
    }
    None
}
