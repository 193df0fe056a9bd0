//! `segvm viz`: run a program and write one self-contained HTML page that replays the
//! run line by line: the source, the address space to scale, frames, heap blocks,
//! globals, pointers as arrows, the output, and a fault where it happens.

use super::CompileArgs;
use super::trace::program_input;
use crate::driver::Phase;
use crate::tools::inspect::DebugInfo;
use crate::tools::recorder::{Recorder, render_html};
use crate::vm::{Config, Vm, alloc};
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct VizArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Where to write the page
    #[arg(short = 'o', long = "output", value_name = "OUT.html")]
    pub out: PathBuf,
    /// Record at most this many source lines
    #[arg(long, value_name = "N", default_value_t = 10_000)]
    pub max_lines: usize,
    /// Stop the program after this many instructions
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

pub fn viz(a: VizArgs) -> i32 {
    let c = match a.compile.compile(Phase::Link) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let (Some(image), Some(program)) = (&c.image, &c.program) else {
        return 1;
    };
    let info = DebugInfo::new(image, program, &c.sources);
    let title = a.compile.file.display().to_string();
    let mut argv = vec![title.clone()];
    argv.extend(a.args.iter().cloned());
    let config = Config {
        max_steps: a.max_steps,
        // The page holds the output (and the VM a copy): what a page can show.
        max_output: 4 << 20,
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
    let mut rec = Recorder::new(&info, a.max_lines);
    let stop = vm.run(&mut rec);
    let data = rec.finish(&vm, &stop, &title);
    let page = render_html(&data, &title);
    if let Err(e) = std::fs::write(&a.out, page) {
        eprintln!("error: cannot write {}: {e}", a.out.display());
        return 1;
    }
    let how = match &stop {
        crate::vm::Stop::Exit(status) => format!("exited with status {}", status & 0xff),
        crate::vm::Stop::Fault(f) => format!("stopped by a fault: {}", f.trap.kind()),
        crate::vm::Stop::Paused => format!("recording stopped at {} lines", a.max_lines),
    };
    println!(
        "wrote {}: {} lines recorded; the program {how}",
        a.out.display(),
        rec.lines()
    );
    0
}
