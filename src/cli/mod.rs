//! The command line: one file per subcommand. This is the one place that prints (besides
//! the program's own output) and chooses exit statuses.

mod alloc_bench;
mod alloc_plot;
mod ast;
mod debug;
mod disasm;
mod gen_trace;
mod map;
mod report;
mod run;
mod tokens;
mod trace;
mod viz;

use crate::bytecode::image::MemoryModel;
use crate::diagnostics::DiagnosticRenderer;
use crate::driver::{self, Compilation, Options, Phase};
use crate::target::Target;
use clap::{Args, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "segvm",
    version,
    about = "Compile C to bytecode and run it in one segmented address space"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile and run a C program
    Run(run::RunArgs),
    /// Print the memory map: segments and the address of every symbol
    Map(map::MapArgs),
    /// Print the bytecode with addresses, jump targets and source lines
    Disasm(disasm::DisasmArgs),
    /// Print the tokens the parser reads, with kind and position
    Tokens(tokens::TokensArgs),
    /// Print the checked program as a tree, every expression with its type
    Ast(ast::AstArgs),
    /// Run a program and print every instruction (or, with --lines, every source line)
    Trace(trace::TraceArgs),
    /// Debug a program at a gdb-like prompt (commands from standard input)
    Debug(debug::DebugArgs),
    /// Record a run as a self-contained HTML page: a memory visualiser
    Viz(viz::VizArgs),
    /// Replay CS:APP malloc-lab traces on allocation strategies: utilization, throughput
    AllocBench(alloc_bench::AllocBenchArgs),
    /// Write a generated allocation trace (.rep) to stdout
    GenTrace(gen_trace::GenTraceArgs),
}

/// Options every command that compiles takes.
#[derive(Args, Clone, Debug)]
pub struct CompileArgs {
    /// The C source file
    pub file: PathBuf,
    /// Add a directory to the #include search path
    #[arg(short = 'I', value_name = "DIR")]
    pub include: Vec<PathBuf>,
    /// Define a macro: NAME or NAME=VALUE
    #[arg(short = 'D', value_name = "NAME[=VALUE]")]
    pub define: Vec<String>,
    /// Size of the address space in the process layout (e.g. 16M, 1G, 65536)
    #[arg(long, default_value = "16M", value_parser = parse_size)]
    pub mem: u64,
    /// Data model: lp64 (x86-64) or ilp32 (int, long and pointers 4 bytes, as on a 32-bit
    /// microcontroller)
    #[arg(long, default_value = "lp64", value_parser = parse_target)]
    pub target: Target,
    /// Memory layout: process (one space of --mem bytes) or embedded (FLASH at
    /// 0x08000000 holds code, constants and the initial values of .data; RAM at
    /// 0x20000000 holds .data, .bss, heap and stack)
    #[arg(long, default_value = "process", value_parser = ["process", "embedded"])]
    pub layout: String,
    /// Size of FLASH in the embedded layout (e.g. 256K)
    #[arg(long, default_value = "256K", value_parser = parse_region_size)]
    pub flash: u64,
    /// Size of RAM in the embedded layout (e.g. 64K)
    #[arg(long, default_value = "64K", value_parser = parse_region_size)]
    pub ram: u64,
    /// Warn instead of failing on pointer targets that differ in signedness and on
    /// comparisons of distinct pointer types, as plain `gcc -std=c99` does (for generated
    /// test programs)
    #[arg(long)]
    pub permissive: bool,
    /// Find memory errors as AddressSanitizer and memcheck do: red zones around objects,
    /// freed blocks held back, uninitialized values followed, leaks reported at exit
    #[arg(long)]
    pub check: bool,
}

/// `16M`, `64KiB`, `1G`, or a plain number of bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_lowercase();
    let t = t.trim_end_matches("ib").trim_end_matches('b');
    let (digits, mult) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1u64 << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let n: u64 = digits.parse().map_err(|_| format!("not a size: '{s}'"))?;
    let size = n
        .checked_mul(mult)
        .ok_or_else(|| format!("size too large: '{s}'"))?;
    if !(64 << 10..=4 << 30).contains(&size) {
        return Err(format!(
            "the address space must be between 64K and 4G, not {s}"
        ));
    }
    Ok(size)
}

/// The size of a FLASH or RAM region: 1K to 256M.
fn parse_region_size(s: &str) -> Result<u64, String> {
    let size = parse_any_size(s)?;
    if !(1 << 10..=256 << 20).contains(&size) {
        return Err(format!(
            "a memory region must be between 1K and 256M, not {s}"
        ));
    }
    Ok(size)
}

/// A size without the address-space bounds (for limits such as output bytes).
pub fn parse_any_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_lowercase();
    let t = t.trim_end_matches("ib").trim_end_matches('b');
    let (digits, mult) = match t.chars().last() {
        Some('k') => (&t[..t.len() - 1], 1u64 << 10),
        Some('m') => (&t[..t.len() - 1], 1 << 20),
        Some('g') => (&t[..t.len() - 1], 1 << 30),
        _ => (t, 1),
    };
    let n: u64 = digits.parse().map_err(|_| format!("not a size: '{s}'"))?;
    n.checked_mul(mult)
        .ok_or_else(|| format!("size too large: '{s}'"))
}

fn parse_target(s: &str) -> Result<Target, String> {
    match s {
        "lp64" => Ok(Target::LP64),
        "ilp32" => Ok(Target::ILP32),
        _ => Err(format!("unknown target '{s}' (lp64 or ilp32)")),
    }
}

impl CompileArgs {
    pub fn options(&self) -> Options {
        Options {
            include_dirs: self.include.clone(),
            defines: self
                .define
                .iter()
                .map(|d| match d.split_once('=') {
                    Some((n, v)) => (n.to_string(), Some(v.to_string())),
                    None => (d.clone(), None),
                })
                .collect(),
            target: self.target,
            memory: self.memory(),
            permissive: self.permissive,
            check: self.check,
        }
    }

    /// The address space the options ask for.
    pub fn memory(&self) -> MemoryModel {
        if self.layout == "embedded" {
            MemoryModel::Embedded {
                flash_size: self.flash,
                ram_size: self.ram,
            }
        } else {
            MemoryModel::Process { mem_size: self.mem }
        }
    }

    /// Reads and compiles the file without printing anything (unreadable files become a
    /// diagnostic).
    pub fn compile_quietly(&self, phase: Phase) -> Compilation {
        let name = self.file.display().to_string();
        match std::fs::read(&self.file) {
            Ok(bytes) => driver::compile(
                &name,
                &String::from_utf8_lossy(&bytes),
                &self.options(),
                phase,
            ),
            Err(e) => {
                let mut c = driver::compile(&name, "", &self.options(), Phase::Preprocess);
                c.diagnostics
                    .push(crate::diagnostics::Diagnostic::bare(format!(
                        "cannot read {name}: {e}"
                    )));
                c
            }
        }
    }

    /// Reads and compiles the file; prints diagnostics. `None` if it did not compile.
    pub fn compile(&self, phase: Phase) -> Result<Compilation, i32> {
        let name = self.file.display().to_string();
        let text = match std::fs::read(&self.file) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!("error: cannot read {name}: {e}");
                return Err(1);
            }
        };
        let c = driver::compile(&name, &text, &self.options(), phase);
        print_diagnostics(&c);
        if c.has_errors() {
            return Err(1);
        }
        Ok(c)
    }
}

pub fn print_diagnostics(c: &Compilation) {
    if c.diagnostics.is_empty() {
        return;
    }
    let renderer = if std::io::stderr().is_terminal() {
        DiagnosticRenderer::styled(&c.sources)
    } else {
        DiagnosticRenderer::plain(&c.sources)
    };
    eprint!("{}", renderer.render_all(&c.diagnostics));
}

/// The exit status of an internal error (`EX_SOFTWARE` of sysexits.h).
pub const INTERNAL_ERROR: i32 = 70;

/// Runs `f` (the command line) so that a panic, which is always a bug in segvm, ends it
/// with a one-line message and [`INTERNAL_ERROR`] rather than a Rust backtrace.
pub fn guarded(f: impl FnOnce() -> i32) -> i32 {
    static LAST_PANIC: std::sync::Mutex<Option<String>> = std::sync::Mutex::new(None);
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        let at = info
            .location()
            .map(|l| format!(" (at {}:{})", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut last) = LAST_PANIC.lock() {
            *last = Some(format!("{what}{at}"));
        }
    }));
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(status) => status,
        Err(_) => {
            let what = LAST_PANIC
                .lock()
                .ok()
                .and_then(|mut m| m.take())
                .unwrap_or_else(|| "a panic".to_string());
            eprintln!("{}", internal_error(&what));
            INTERNAL_ERROR
        }
    }
}

/// The message for a bug in segvm itself.
pub fn internal_error(what: &str) -> String {
    format!(
        "segvm: internal error: {what}\nThis is a bug in segvm, not in your program: please report it, with the file and command that caused it."
    )
}

/// Runs the command line; returns the process exit status.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Command::Run(a) => run::run(a),
        Command::Map(a) => map::map(a),
        Command::Disasm(a) => disasm::disasm(a),
        Command::Tokens(a) => tokens::tokens(a),
        Command::Ast(a) => ast::ast(a),
        Command::Trace(a) => trace::trace(a),
        Command::Debug(a) => debug::debug(a),
        Command::Viz(a) => viz::viz(a),
        Command::AllocBench(a) => alloc_bench::alloc_bench(a),
        Command::GenTrace(a) => gen_trace::gen_trace(a),
    }
}
