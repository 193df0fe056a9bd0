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
    /// Heap allocator strategy
    #[arg(long, default_value = "first-fit", value_parser = clap::builder::PossibleValuesParser::new(alloc::NAMES))]
    pub alloc: String,
    /// Stop when the program has written more than this many bytes (e.g. 64M)
    #[arg(long, value_name = "SIZE", value_parser = super::parse_any_size)]
    pub max_output: Option<u64>,
    /// Print one JSON object with the run's results (output, exit status, fault) instead
    /// of the program's own output: for autograders
    #[arg(long)]
    pub json: bool,
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
    let Some(heap) = alloc::by_name(&a.alloc) else {
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
    status
}
