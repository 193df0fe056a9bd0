//! `segvm debug`: a step debugger with a gdb-like prompt. Commands are read from standard
//! input, so a session can be scripted (`segvm debug prog.c < commands.txt`); the
//! program's own standard input comes from `--input FILE`.

use super::trace::program_input;
use super::{CompileArgs, report};
use crate::driver::Phase;
use crate::tools::debugger::Session;
use crate::tools::inspect::DebugInfo;
use crate::vm::{Config, Vm, alloc};
use clap::Args;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Args)]
pub struct DebugArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Stop the program after this many instructions (a guard against endless loops)
    #[arg(long, value_name = "N", default_value_t = 50_000_000)]
    pub max_steps: u64,
    /// Heap allocator strategy: segregated size classes by default (as glibc's malloc);
    /// the implicit lists (first-fit, next-fit, best-fit, worst-fit) search every block
    #[arg(long, default_value = alloc::DEFAULT, value_parser = clap::builder::PossibleValuesParser::new(alloc::NAMES))]
    pub alloc: String,
    /// A file to give the program as its standard input (default: none)
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Arguments for the program (after --)
    #[arg(last = true)]
    pub args: Vec<String>,
}

pub fn debug(a: DebugArgs) -> i32 {
    let c = match a.compile.compile(Phase::Link) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let (Some(image), Some(program)) = (&c.image, &c.program) else {
        return 1;
    };
    if alloc::by_name(&a.alloc).is_none() {
        eprintln!("error: unknown allocator '{}'", a.alloc);
        return 2;
    }
    if let Err(status) = program_input(&a.input) {
        return status;
    }
    let info = DebugInfo::new(image, program, &c.sources);
    let mut argv = vec![a.compile.file.display().to_string()];
    argv.extend(a.args.iter().cloned());
    let (target, max_steps, alloc_name, input) = (
        a.compile.target,
        a.max_steps,
        a.alloc.clone(),
        a.input.clone(),
    );
    let new_vm = Box::new(move || -> Result<Vm, String> {
        let config = Config {
            max_steps,
            args: argv.clone(),
            target,
            ..Config::default()
        };
        let heap = alloc::by_name(&alloc_name).ok_or("unknown allocator")?;
        let io =
            program_input(&input).map_err(|_| "cannot read the program's input".to_string())?;
        Vm::new(image, config, heap, io)
    });
    let sources = &c.sources;
    let render =
        Box::new(move |vm: &Vm, fault: &crate::vm::Fault| report::render(vm, fault, sources));
    let stdin = std::io::stdin();
    let echo = !stdin.is_terminal();
    println!(
        "segvm debugger: {} ('help' lists the commands)",
        a.compile.file.display()
    );
    let mut session = Session::new(&info, new_vm, render, echo);
    let mut input = stdin.lock();
    let mut out = std::io::stdout().lock();
    session.run(&mut input, &mut out);
    0
}
