//! The whole of `segvm run` on one input, in process and bounded: compile (rendering every
//! diagnostic, as the command line does), load, run with a step limit, a small address
//! space, an output limit and empty stdin, then walk the heap and the backtrace as a fault
//! report does.
//!
//! Shared by the fuzz targets and by `tests/fuzz_regressions.rs` (which includes this file
//! by path), so a crash found by a fuzzer replays through exactly the same code.

use segvm::bytecode::image::MemoryModel;
use segvm::diagnostics::DiagnosticRenderer;
use segvm::driver::{self, Options, Phase};
use segvm::vm::{Config, Io, Stop, Unobserved, Vm, alloc};

/// How far one input may go.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Instructions the program may execute.
    pub max_steps: u64,
    /// Size of the address space (`--mem`).
    pub mem: u64,
    /// Bytes the program may write.
    pub max_output: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_steps: 100_000,
            mem: 1 << 20,
            max_output: 64 << 10,
        }
    }
}

/// How one input ended. Every variant is a fine outcome; only a panic, a hang or an abort
/// of the host process is a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The compiler reported this many errors.
    CompileError(usize),
    /// The image did not load (e.g. it failed verification).
    LoadError(String),
    /// The program exited with this status.
    Exit(i32),
    /// The program stopped on a fault of this kind.
    Fault(&'static str),
}

/// Runs one input (bytes, read as a C file the way the command line reads one).
pub fn run(bytes: &[u8], limits: Limits) -> Outcome {
    let text = String::from_utf8_lossy(bytes);
    let opts = Options {
        memory: MemoryModel::Process {
            mem_size: limits.mem,
        },
        ..Options::default()
    };
    let c = driver::compile("fuzz.c", &text, &opts, Phase::Link);
    // The command line renders every diagnostic: spans must all be renderable.
    let rendered = DiagnosticRenderer::plain(&c.sources).render_all(&c.diagnostics);
    std::hint::black_box(rendered);
    if c.has_errors() {
        return Outcome::CompileError(c.diagnostics.iter().filter(|d| d.is_error()).count());
    }
    let Some(image) = &c.image else {
        return Outcome::CompileError(0);
    };
    let config = Config {
        max_steps: limits.max_steps,
        max_output: limits.max_output,
        ..Config::default()
    };
    let heap = alloc::by_name(alloc::DEFAULT).expect("the default allocator exists");
    let io = Io::new(Box::new(std::io::Cursor::new(Vec::new())));
    let mut vm = match Vm::new(image, config, heap, io) {
        Ok(vm) => vm,
        Err(e) => return Outcome::LoadError(e),
    };
    match vm.run(&mut Unobserved) {
        Stop::Exit(status) => Outcome::Exit(status),
        Stop::Paused => Outcome::Exit(0),
        Stop::Fault(fault) => {
            // What a fault report reads besides the trap: the heap's blocks, every
            // frame's function and line.
            let view = alloc::HeapView::new(&vm.mem);
            std::hint::black_box(vm.heap.walk(&view).map(|b| b.len()).ok());
            for frame in &fault.backtrace {
                if let Some(span) = frame.span {
                    std::hint::black_box(c.sources.line_of(span));
                }
            }
            Outcome::Fault(fault.trap.kind())
        }
    }
}
