//! The pipeline from a C file to an image, in one place for every command.

use crate::bytecode::Image;
use crate::bytecode::image::MemoryModel;
use crate::codegen;
use crate::diagnostics::Diagnostic;
use crate::frontend::ast::TranslationUnit;
use crate::frontend::lexer::Token;
use crate::frontend::preprocess::{self, PpOptions};
use crate::frontend::typed::Program;
use crate::frontend::{parser, sema};
use crate::source::{FileId, SourceMap};
use crate::target::Target;
use std::path::PathBuf;

/// The C runtime compiled with every program.
pub const RUNTIME: &str = include_str!("runtime/crt.c");

#[derive(Clone, Debug)]
pub struct Options {
    pub include_dirs: Vec<PathBuf>,
    pub defines: Vec<(String, Option<String>)>,
    pub target: Target,
    /// The address space to link for: a process, or FLASH and RAM.
    pub memory: MemoryModel,
    /// Accept the pointer mismatches plain `gcc -std=c99` only warns about (see `sema`).
    pub permissive: bool,
    /// Lay out red zones between objects for `--check`.
    pub check: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            include_dirs: Vec::new(),
            defines: Vec::new(),
            target: Target::LP64,
            memory: MemoryModel::default(),
            permissive: false,
            check: false,
        }
    }
}

/// Everything a compilation produced, for whichever phase a tool wants to show.
pub struct Compilation {
    pub sources: SourceMap,
    pub main: FileId,
    pub tokens: Vec<Token>,
    pub unit: Option<TranslationUnit>,
    pub program: Option<Program>,
    pub image: Option<Image>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How far to go.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Preprocess,
    Parse,
    Check,
    Link,
}

/// Compiles one C file (given by name and text) as far as `phase`, stopping at the
/// first phase with errors.
pub fn compile(name: &str, text: &str, opts: &Options, phase: Phase) -> Compilation {
    let mut sources = SourceMap::new();
    let main = sources.add_file(name, text);
    let pp_opts = PpOptions {
        include_dirs: opts.include_dirs.clone(),
        defines: opts.defines.clone(),
        target: opts.target,
    };
    let pre = preprocess::preprocess(&mut sources, main, &pp_opts);
    let mut c = Compilation {
        sources,
        main,
        tokens: pre.tokens,
        unit: None,
        program: None,
        image: None,
        diagnostics: pre.diagnostics,
    };
    if phase == Phase::Preprocess || c.has_errors() {
        return c;
    }
    let (unit, diags) = parser::parse(&c.tokens);
    c.diagnostics.extend(diags);
    c.unit = Some(unit);
    if phase == Phase::Parse || c.has_errors() {
        return c;
    }
    // The runtime is a translation unit of its own.
    let rt = c.sources.add_builtin("<runtime>", RUNTIME);
    let rt_tokens = preprocess::preprocess(&mut c.sources, rt, &pp_opts);
    let (rt_unit, rt_diags) = parser::parse(&rt_tokens.tokens);
    debug_assert!(
        rt_diags.is_empty() && rt_tokens.diagnostics.is_empty(),
        "the runtime must compile: {rt_diags:?}"
    );
    let Some(unit) = c.unit.as_ref() else {
        return c;
    };
    let (program, diags) = sema::check(
        &[(unit, false), (&rt_unit, true)],
        opts.target,
        opts.permissive,
    );
    c.diagnostics.extend(diags);
    c.program = Some(program);
    if phase == Phase::Check || c.has_errors() {
        return c;
    }
    if let Some(program) = &c.program {
        match codegen::compile(program, opts.memory, opts.check) {
            Ok(image) => c.image = Some(image),
            Err(errors) => c.diagnostics.extend(errors),
        }
    }
    c
}

/// The outcome of running an image with captured input and output.
pub struct Execution {
    pub stop: crate::vm::Stop,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub steps: u64,
}

/// Runs an image to completion with the given stdin, capturing its output.
pub fn execute(
    image: &Image,
    config: crate::vm::Config,
    allocator: &str,
    stdin: &[u8],
) -> Result<Execution, String> {
    use crate::vm::{Io, Unobserved, Vm, alloc};
    let heap =
        alloc::by_name(allocator).ok_or_else(|| format!("unknown allocator '{allocator}'"))?;
    let io = Io::new(Box::new(std::io::Cursor::new(stdin.to_vec())));
    let mut vm = Vm::new(image, config, heap, io)?;
    let stop = vm.run(&mut Unobserved);
    Ok(Execution {
        stop,
        stdout: std::mem::take(&mut vm.io.stdout),
        stderr: std::mem::take(&mut vm.io.stderr),
        steps: vm.steps,
    })
}
