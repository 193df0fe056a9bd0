//! The C preprocessor (C99 6.10): directives, conditional inclusion, `#include`, and
//! macro expansion with Prosser's hide sets, behaving like `gcc -std=c99` where C leaves
//! room. The gcc extensions that C99-mode gcc accepts silently are supported too:
//! `#warning`, `, ## __VA_ARGS__`, named variadic parameters (`args...`), `__VA_OPT__`,
//! `__has_include`, `__COUNTER__`, `#pragma push_macro`/`pop_macro`, `# N "file"` line
//! markers.
//!
//! The preprocessor pulls tokens from a stack of input lists (macro expansions waiting
//! to be rescanned) on top of a stack of files (the main file and the headers it
//! includes). Directives are run as the file lines that hold them are reached. Output
//! tokens carry where the user sees them: a token from a macro body is placed at the
//! outermost invocation and keeps its body location in `spelling`.
//!
//! Work is bounded on any input: `#include` depth, macro-argument nesting and the size of
//! one expansion have limits that end in an error, never in a crash.

mod cond;
mod directive;
mod expand;
mod macros;

use crate::diagnostics::Diagnostic;
use crate::frontend::headers;
use crate::frontend::lexer::{Token, TokenKind, lex};
use crate::source::{FileId, SourceMap, Span};
use crate::target::Target;
use expand::{HideSet, HideSets};
use macros::Macro;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::rc::Rc;

/// Options from the command line.
pub struct PpOptions {
    /// `-I DIR`, searched in order.
    pub include_dirs: Vec<PathBuf>,
    /// `-D NAME[=VAL]`; `None` means `1`.
    pub defines: Vec<(String, Option<String>)>,
    pub target: Target,
}

/// The result of preprocessing one translation unit.
pub struct Preprocessed {
    /// The expanded tokens, with no `Newline` tokens.
    pub tokens: Vec<Token>,
    /// Errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Preprocesses the file `main` (already in `sources`); included files are added to `sources`.
pub fn preprocess(sources: &mut SourceMap, main: FileId, opts: &PpOptions) -> Preprocessed {
    let mut pp = Preprocessor::new(sources, opts, main);
    let predefined = pp
        .sources
        .add_builtin("<built-in>", headers::predefines(opts.target));
    pp.run_file(predefined);
    if !opts.defines.is_empty() {
        let mut text = String::new();
        for (name, value) in &opts.defines {
            let value = value.as_deref().unwrap_or("1");
            // A newline in an option must not start another line of this file.
            let line = format!("#define {name} {value}").replace(['\r', '\n'], " ");
            text.push_str(&line);
            text.push('\n');
        }
        let command_line = pp.sources.add_builtin("<command-line>", text);
        pp.run_file(command_line);
    }
    pp.run_file(main);
    Preprocessed {
        tokens: pp.out,
        diagnostics: pp.diags,
    }
}

/// Prints tokens as text: a newline before a token that starts a line, a space where the
/// source had one or where the two tokens would otherwise lex as one.
pub fn render_tokens(tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Token> = None;
    for tok in tokens {
        if let Some(prev) = prev {
            if tok.line_start {
                out.push('\n');
            } else if tok.leading_space || would_merge(prev, tok) {
                out.push(' ');
            }
        }
        out.push_str(&tok.text);
        prev = Some(tok);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// Whether printing `b` right after `a` would lex differently (as `+` `+` would).
fn would_merge(a: &Token, b: &Token) -> bool {
    // `.` `.` is fine alone but not before another `.`; `/*` would open a comment.
    if (&*a.text == "." && &*b.text == ".") || (a.text.ends_with('/') && b.text.starts_with('*')) {
        return true;
    }
    let text = format!("{}{}", a.text, b.text);
    let toks = lex(FileId(0), &text);
    toks.len() != 2 || toks[0].text != a.text
}

/// Deepest `#include` nesting, as gcc's default.
const MAX_INCLUDE_DEPTH: usize = 200;
/// Deepest nesting of macro invocations inside macro arguments (each level recurses).
const MAX_ARG_NESTING: usize = 200;
/// Tokens one top-level macro invocation may produce before it is cut off.
const EXPANSION_BUDGET: usize = 1 << 20;

/// A token on its way through expansion.
#[derive(Clone, Debug)]
struct PpToken {
    tok: Token,
    /// Macros that must not expand this token again (Prosser's hide set).
    hide: HideSet,
    /// The macro whose body spelled this token, for "in expansion of" notes.
    from: Option<Rc<Macro>>,
}

impl PpToken {
    fn new(tok: Token) -> PpToken {
        PpToken {
            tok,
            hide: HideSets::EMPTY,
            from: None,
        }
    }

    fn kind(&self) -> TokenKind {
        self.tok.kind
    }

    fn text(&self) -> &str {
        &self.tok.text
    }

    /// A new token of the given kind and spelling that stands where `self` stood.
    fn replaced(&self, kind: TokenKind, text: &str) -> PpToken {
        let mut t = self.clone();
        t.tok.kind = kind;
        t.tok.text = Rc::from(text);
        t
    }
}

/// One file being read.
struct Frame {
    file: FileId,
    tokens: Rc<[Token]>,
    pos: usize,
    /// Length of the conditional stack when the file was entered.
    cond_base: usize,
    /// `#line`: presumed line minus physical line.
    line_delta: i64,
    /// `__FILE__` (changed by `#line N "name"`).
    presumed_name: Rc<str>,
}

/// An open `#if` group.
struct Cond {
    /// The directive that opened the current group, for "unterminated #..." messages.
    directive: &'static str,
    /// The `#if`, `#ifdef` or `#ifndef` that began the conditional.
    start: Span,
    /// A group of this conditional has been taken.
    taken: bool,
    seen_else: bool,
}

struct Preprocessor<'a> {
    sources: &'a mut SourceMap,
    opts: &'a PpOptions,
    main: FileId,
    out: Vec<Token>,
    diags: Vec<Diagnostic>,
    macros: HashMap<Rc<str>, Rc<Macro>>,
    /// Macro names as hide-set symbols.
    symbols: HashMap<Rc<str>, u32>,
    hide: HideSets,
    files: Vec<Frame>,
    conds: Vec<Cond>,
    /// Token lists waiting to be rescanned, each reversed; `inputs[0]` sits on the
    /// files, the others are isolated lists (macro arguments, directive lines).
    inputs: Vec<Vec<PpToken>>,
    lexed: HashMap<FileId, Rc<[Token]>>,
    /// Files read from disk, by canonical path, so each is read and lexed once.
    disk_files: HashMap<PathBuf, FileId>,
    builtin_files: HashMap<String, FileId>,
    /// Files that said `#pragma once`.
    once: HashSet<FileId>,
    /// `#pragma push_macro` stacks.
    pushed_macros: HashMap<Rc<str>, Vec<Option<Rc<Macro>>>>,
    /// Expanding a `#if` line: `defined` is an operator.
    in_if: bool,
    /// An error was reported while expanding the current `#if` line.
    if_error: bool,
    /// Collecting the arguments of a macro invocation from the file.
    collecting_args: usize,
    /// Tokens the current top-level expansion may still produce.
    budget: usize,
    /// The budget ran out: the rest of the expansion is being dropped.
    overflowed: bool,
    nesting_reported: bool,
    /// Spacing of a macro invocation that expanded to nothing, for the next token.
    carry_line_start: bool,
    carry_space: bool,
    counter: u64,
    /// An unrecoverable error (runaway `#include` recursion): stop.
    fatal: bool,
}

impl<'a> Preprocessor<'a> {
    fn new(sources: &'a mut SourceMap, opts: &'a PpOptions, main: FileId) -> Self {
        let mut pp = Preprocessor {
            sources,
            opts,
            main,
            out: Vec::new(),
            diags: Vec::new(),
            macros: HashMap::new(),
            symbols: HashMap::new(),
            hide: HideSets::default(),
            files: Vec::new(),
            conds: Vec::new(),
            inputs: vec![Vec::new()],
            lexed: HashMap::new(),
            disk_files: HashMap::new(),
            builtin_files: HashMap::new(),
            once: HashSet::new(),
            pushed_macros: HashMap::new(),
            in_if: false,
            if_error: false,
            collecting_args: 0,
            budget: EXPANSION_BUDGET,
            overflowed: false,
            nesting_reported: false,
            carry_line_start: false,
            carry_space: false,
            counter: 0,
            fatal: false,
        };
        pp.define_dynamic_macros();
        pp
    }

    /// Preprocesses one file to its end, appending to the output.
    fn run_file(&mut self, file: FileId) {
        let base = self.files.len();
        self.enter_file(file);
        while !self.fatal && self.files.len() > base {
            if self.inputs[0].is_empty() {
                self.budget = EXPANSION_BUDGET;
                self.overflowed = false;
            }
            match self.next_expanded() {
                Some(tok) => self.emit(tok),
                None => self.leave_file(),
            }
        }
        self.files.truncate(base);
        self.inputs[0].clear();
    }

    fn emit(&mut self, mut t: PpToken) {
        if t.kind() == TokenKind::Stray {
            // An unterminated literal lexes as a stray token from its opening quote on.
            let msg = match t
                .text()
                .trim_start_matches(['L', 'u', 'U', '8'])
                .chars()
                .next()
            {
                Some(q @ ('"' | '\'')) => format!("missing terminating {q} character"),
                _ => format!("stray '{}' in program", t.text()),
            };
            self.error_at(&t, msg);
            return;
        }
        if self.carry_line_start || self.carry_space {
            t.tok.line_start |= self.carry_line_start;
            t.tok.leading_space |= self.carry_space;
            self.carry_line_start = false;
            self.carry_space = false;
        }
        self.out.push(t.tok);
    }

    fn enter_file(&mut self, file: FileId) {
        let tokens = match self.lexed.get(&file) {
            Some(t) => t.clone(),
            None => {
                let text = &self.sources.file(file).text;
                // A UTF-8 byte order mark is not part of the program.
                let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
                let mut toks = lex(file, &text[bom..]);
                if bom > 0 {
                    for t in &mut toks {
                        t.span.lo += bom as u32;
                        t.span.hi += bom as u32;
                    }
                }
                let toks: Rc<[Token]> = toks.into();
                self.lexed.insert(file, toks.clone());
                toks
            }
        };
        self.files.push(Frame {
            file,
            tokens,
            pos: 0,
            cond_base: self.conds.len(),
            line_delta: 0,
            presumed_name: Rc::from(self.sources.file(file).name.as_str()),
        });
    }

    /// Ends the current file, reporting the conditionals it left open.
    fn leave_file(&mut self) {
        let Some(frame) = self.files.pop() else {
            return;
        };
        let open = self.conds.split_off(frame.cond_base.min(self.conds.len()));
        for c in open.iter().rev() {
            self.diags.push(Diagnostic::error(
                c.start,
                format!("unterminated #{}", c.directive),
            ));
        }
        self.carry_line_start = false;
        self.carry_space = false;
    }

    /// The next token of the current file, running the directives it meets; `None` at
    /// the file's end (the caller decides whether to leave the file).
    fn next_file_token(&mut self) -> Option<Token> {
        loop {
            if self.fatal {
                return None;
            }
            let frame = self.files.last_mut()?;
            let tok = frame.tokens.get(frame.pos)?.clone();
            frame.pos += 1;
            match tok.kind {
                TokenKind::Newline => {}
                TokenKind::Hash if tok.line_start => self.directive(),
                _ => return Some(tok),
            }
        }
    }

    /// The tokens of the current file up to the end of the line, consuming the newline.
    fn rest_of_line(&mut self) -> Vec<Token> {
        let Some(frame) = self.files.last_mut() else {
            return Vec::new();
        };
        let start = frame.pos.min(frame.tokens.len());
        let end = frame.tokens[start..]
            .iter()
            .position(|t| t.kind == TokenKind::Newline)
            .map_or(frame.tokens.len(), |n| start + n);
        frame.pos = end + 1;
        frame.tokens[start..end].to_vec()
    }

    /// The symbol of a macro name in hide sets.
    fn symbol(&mut self, name: &Rc<str>) -> u32 {
        let next = self.symbols.len() as u32;
        *self.symbols.entry(name.clone()).or_insert(next)
    }

    fn error_at(&mut self, tok: &PpToken, msg: impl Into<String>) {
        let d = Diagnostic::error(tok.tok.span, msg);
        self.report_at(tok, d);
    }

    fn warning_at(&mut self, tok: &PpToken, msg: impl Into<String>) {
        let d = Diagnostic::warning(tok.tok.span, msg);
        self.report_at(tok, d);
    }

    /// Reports a diagnostic about `tok`, noting the macro body it was spelled in.
    fn report_at(&mut self, tok: &PpToken, d: Diagnostic) {
        self.diags.push(with_expansion_note(d, tok));
    }

    /// `__LINE__` for a token the user sees at `span`.
    fn presumed_line(&self, span: Span) -> i64 {
        let line = self.sources.line_of(span) as i64;
        match self.files.last() {
            Some(f) if f.file == span.file => (line + f.line_delta).max(0),
            _ => line,
        }
    }
}

/// Adds the "in expansion of macro" note when `tok` was spelled in a macro body.
fn with_expansion_note(d: Diagnostic, tok: &PpToken) -> Diagnostic {
    match &tok.from {
        Some(m) => d.with_note(
            format!("in expansion of macro '{}'", m.name),
            Some(tok.tok.spelling.unwrap_or(m.def)),
        ),
        None => d,
    }
}

/// A string literal's spelling for `text` (for `__FILE__`).
fn quote(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
    s
}

#[cfg(test)]
mod tests;
