//! `segvm trace`: run a program and print every instruction it executes (with the values
//! each read and wrote), or with `--lines` every source line (with the variables it
//! changed). Program output appears in the trace as `| ` lines.

use super::{CompileArgs, report};
use crate::driver::Phase;
use crate::tools::inspect::DebugInfo;
use crate::tools::trace::{InstrTracer, LineTracer};
use crate::vm::{Config, Io, Stop, Trap, Vm, alloc};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct TraceArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// One line of trace per source line, with the variables it changed
    #[arg(long)]
    pub lines: bool,
    /// Stop after this many instructions (exit status 124)
    #[arg(long, value_name = "N", default_value_t = 20_000)]
    pub max_steps: u64,
    /// Also trace inside the runtime's functions
    #[arg(long)]
    pub all: bool,
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

/// Standard input for a traced or debugged program: a file, or nothing.
pub fn program_input(input: &Option<PathBuf>) -> Result<Io, i32> {
    let stdin: Box<dyn std::io::BufRead> = match input {
        Some(path) => match std::fs::File::open(path) {
            Ok(f) => Box::new(std::io::BufReader::new(f)),
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                return Err(1);
            }
        },
        None => Box::new(std::io::empty()),
    };
    Ok(Io::new(stdin))
}

pub fn trace(a: TraceArgs) -> i32 {
    let c = match a.compile.compile(Phase::Link) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let (Some(image), Some(program)) = (&c.image, &c.program) else {
        return 1;
    };
    let info = DebugInfo::new(image, program, &c.sources);
    let mut argv = vec![a.compile.file.display().to_string()];
    argv.extend(a.args.iter().cloned());
    let config = Config {
        max_steps: a.max_steps,
        args: argv,
        target: a.compile.target,
        ..Config::default()
    };
    let Some(heap) = alloc::by_name(&a.alloc) else {
        eprintln!("error: unknown allocator '{}'", a.alloc);
        return 2;
    };
    let io = match program_input(&a.input) {
        Ok(io) => io,
        Err(status) => return status,
    };
    let mut vm = match Vm::new(image, config, heap, io) {
        Ok(vm) => vm,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let out = Box::new(std::io::BufWriter::new(std::io::stdout().lock()));
    let stop = if a.lines {
        let mut t = LineTracer::new(&info, out);
        let stop = vm.run(&mut t);
        t.finish(&vm);
        stop
    } else {
        let mut t = InstrTracer::new(&info, out, a.all, a.max_steps);
        let stop = vm.run(&mut t);
        let faulted = matches!(&stop, Stop::Fault(f) if !matches!(f.trap, Trap::StepLimit(_)));
        t.finish(&vm, faulted);
        stop
    };
    let mut stdout = std::io::stdout().lock();
    match stop {
        Stop::Exit(status) => {
            let _ = writeln!(
                stdout,
                "exit status {} after {} instructions",
                status & 0xff,
                vm.steps
            );
            status & 0xff
        }
        Stop::Fault(fault) => {
            match fault.trap {
                Trap::StepLimit(n) => {
                    let _ = writeln!(stdout, "stopped: the step limit of {n} instructions");
                }
                _ => {
                    let _ = writeln!(stdout, "fault at instruction {}", vm.steps);
                }
            }
            let _ = stdout.flush();
            eprint!("{}", report::render(&vm, &fault, &c.sources));
            fault.trap.exit_status()
        }
        Stop::Paused => 0,
    }
}
