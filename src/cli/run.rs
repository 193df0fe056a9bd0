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
    let Some(heap) = alloc::by_name(&a.alloc) else {
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
    match vm.run(&mut Unobserved) {
        Stop::Exit(status) => status & 0xff,
        Stop::Fault(fault) => {
            eprint!("{}", report::render(&vm, &fault, &c.sources));
            fault.trap.exit_status()
        }
        Stop::Paused => 0,
    }
}
