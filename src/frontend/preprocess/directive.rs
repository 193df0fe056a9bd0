//! Directives (C99 6.10.1-6.10.7): conditionals, `#define`, `#include`, `#line` and the rest.

use super::macros::{self, Macro, MacroKind, end_of};
use super::{Cond, MAX_INCLUDE_DEPTH, PpToken, Preprocessor, cond};
use crate::diagnostics::Diagnostic;
use crate::frontend::headers;
use crate::frontend::lexer::{Token, TokenKind};
use crate::source::{FileId, Span};
use std::path::{Path, PathBuf};
use std::rc::Rc;

impl Preprocessor<'_> {
    /// Runs the directive whose `#` was just read.
    pub(super) fn directive(&mut self) {
        let line = self.rest_of_line();
        let Some((name, args)) = line.split_first() else {
            return; // the null directive
        };
        if name.kind == TokenKind::Number {
            // A GNU line marker, `# 33 "file.c"`.
            return self.do_line(name, &line, true);
        }
        let text = if name.kind == TokenKind::Ident {
            &*name.text
        } else {
            ""
        };
        match text {
            "define" => self.do_define(name, args),
            "undef" => self.do_undef(name, args),
            "include" => self.do_include(name, args),
            "if" => {
                let taken = self.eval_if(name, args);
                self.open_cond("if", name, taken);
            }
            "ifdef" | "ifndef" => {
                let taken = self.eval_ifdef(name, args);
                let directive = if text == "ifdef" { "ifdef" } else { "ifndef" };
                self.open_cond(directive, name, taken);
            }
            "elif" | "else" => self.do_else(name, args),
            "endif" => self.do_endif(name, args),
            "line" => self.do_line(name, args, false),
            "error" | "warning" => {
                // The text as tokens, as gcc prints it: comments gone, spaces collapsed.
                let mut msg = format!("#{text}");
                for (k, t) in args.iter().enumerate() {
                    if k == 0 || t.leading_space {
                        msg.push(' ');
                    }
                    msg.push_str(&t.text);
                }
                self.diags.push(if text == "error" {
                    Diagnostic::error(name.span, msg)
                } else {
                    Diagnostic::warning(name.span, msg)
                });
            }
            "pragma" => self.pragma(name, args),
            _ => self.diags.push(Diagnostic::error(
                name.span,
                format!("invalid preprocessing directive #{}", name.text),
            )),
        }
    }

    fn extra_tokens(&mut self, directive: &Token, extra: &[Token]) {
        if let Some(t) = extra.first() {
            self.diags.push(Diagnostic::warning(
                t.span,
                format!("extra tokens at end of #{} directive", directive.text),
            ));
        }
    }

    fn do_define(&mut self, directive: &Token, args: &[Token]) {
        let def = match macros::parse_define(directive, args, &mut self.diags) {
            Ok(def) => def,
            Err(d) => return self.diags.push(d),
        };
        if let Some(old) = self.macros.get(&def.name) {
            let redefined = match old.kind {
                MacroKind::Dynamic(_) => Some(None),
                _ if !old.kind.same_as(&def.kind) => Some(Some(old.def)),
                _ => None,
            };
            if let Some(previous) = redefined {
                // A constraint violation (C11 6.10.3p2): gcc -pedantic-errors rejects it.
                let mut d = Diagnostic::error(def.def, format!("\"{}\" redefined", def.name));
                if let Some(p) = previous {
                    d = d.with_note("this is the location of the previous definition", Some(p));
                }
                self.diags.push(d);
            }
        }
        let sym = self.symbol(&def.name);
        let m = Macro {
            name: def.name.clone(),
            sym,
            def: def.def,
            kind: def.kind,
        };
        self.macros.insert(def.name, Rc::new(m));
    }

    fn do_undef(&mut self, directive: &Token, args: &[Token]) {
        let name = match macros::macro_name(directive, args.first()) {
            Ok(n) => n,
            Err(d) => return self.diags.push(d),
        };
        if let Some(old) = self.macros.remove(&name.text)
            && matches!(old.kind, MacroKind::Dynamic(_))
        {
            self.diags.push(Diagnostic::warning(
                name.span,
                format!("undefining \"{}\"", name.text),
            ));
        }
        self.extra_tokens(directive, &args[1..]);
    }

    /// `#ifdef NAME` / `#ifndef NAME`: whether the group is taken.
    fn eval_ifdef(&mut self, directive: &Token, args: &[Token]) -> bool {
        let name = match macros::macro_name(directive, args.first()) {
            Ok(n) => n,
            Err(d) => {
                self.diags.push(d);
                return false;
            }
        };
        self.extra_tokens(directive, &args[1..]);
        self.is_defined(&name.text) == (&*directive.text == "ifdef")
    }

    /// Evaluates a `#if` or `#elif` expression; errors make it false.
    fn eval_if(&mut self, directive: &Token, args: &[Token]) -> bool {
        if args.is_empty() {
            self.diags.push(Diagnostic::error(
                end_of(directive),
                format!("#{} with no expression", directive.text),
            ));
            return false;
        }
        self.if_error = false;
        let toks = self.expand_line(args, true);
        if std::mem::take(&mut self.if_error) {
            return false;
        }
        let end = args.last().map_or(directive.span, end_of);
        cond::evaluate(&toks, end, &mut self.diags).is_some_and(|v| v.bits != 0)
    }

    fn open_cond(&mut self, directive: &'static str, name: &Token, taken: bool) {
        self.conds.push(Cond {
            directive,
            start: name.span,
            taken,
            seen_else: false,
        });
        if !taken {
            self.skip_group();
        }
    }

    /// The innermost conditional opened in the current file.
    fn current_cond(&mut self) -> Option<&mut Cond> {
        let base = self.files.last().map_or(0, |f| f.cond_base);
        if self.conds.len() > base {
            self.conds.last_mut()
        } else {
            None
        }
    }

    /// `#elif` or `#else` after a group that was taken: skip to the `#endif`.
    fn do_else(&mut self, name: &Token, args: &[Token]) {
        let is_else = &*name.text == "else";
        if !self.enter_branch(name, is_else) {
            return;
        }
        if is_else {
            self.extra_tokens(name, args);
        }
        self.skip_group();
    }

    /// Bookkeeping for `#elif`/`#else`: errors for a missing `#if` or a second `#else`.
    /// Returns false when there is no conditional to continue.
    fn enter_branch(&mut self, name: &Token, is_else: bool) -> bool {
        let Some(c) = self.current_cond() else {
            self.diags.push(Diagnostic::error(
                name.span,
                format!("#{} without #if", name.text),
            ));
            return false;
        };
        let after_else = c.seen_else;
        let start = c.start;
        c.seen_else |= is_else;
        c.directive = if is_else { "else" } else { "elif" };
        if after_else {
            self.diags.push(
                Diagnostic::error(name.span, format!("#{} after #else", name.text))
                    .with_note("the conditional began here", Some(start)),
            );
        }
        true
    }

    fn do_endif(&mut self, name: &Token, args: &[Token]) {
        if self.current_cond().is_none() {
            self.diags
                .push(Diagnostic::error(name.span, "#endif without #if"));
            return;
        }
        self.conds.pop();
        self.extra_tokens(name, args);
    }

    /// Skips the rest of a group that is not taken, up to the `#elif`, `#else` or
    /// `#endif` that ends it. Nothing in it is expanded or diagnosed except the nesting.
    fn skip_group(&mut self) {
        let mut depth = 0usize;
        loop {
            let Some(frame) = self.files.last_mut() else {
                return;
            };
            let rest = frame.tokens.get(frame.pos..).unwrap_or(&[]);
            let Some(n) = rest
                .iter()
                .position(|t| t.kind == TokenKind::Hash && t.line_start)
            else {
                // End of file: leaving it reports the open conditional.
                frame.pos = frame.tokens.len();
                return;
            };
            frame.pos += n + 1;
            let line = self.rest_of_line();
            let Some((name, args)) = line.split_first() else {
                continue;
            };
            if name.kind != TokenKind::Ident {
                continue;
            }
            match &*name.text {
                "if" | "ifdef" | "ifndef" => depth += 1,
                "endif" if depth > 0 => depth -= 1,
                "endif" => {
                    self.conds.pop();
                    self.extra_tokens(name, args);
                    return;
                }
                "elif" if depth == 0 => {
                    let taken_before = self.current_cond().is_some_and(|c| c.taken || c.seen_else);
                    if !self.enter_branch(name, false) || taken_before {
                        continue;
                    }
                    if self.eval_if(name, args) {
                        if let Some(c) = self.current_cond() {
                            c.taken = true;
                        }
                        return;
                    }
                }
                "else" if depth == 0 => {
                    let taken_before = self.current_cond().is_some_and(|c| c.taken);
                    if !self.enter_branch(name, true) {
                        continue;
                    }
                    self.extra_tokens(name, args);
                    if !taken_before {
                        if let Some(c) = self.current_cond() {
                            c.taken = true;
                        }
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    fn do_include(&mut self, directive: &Token, args: &[Token]) {
        let Some((name, angled, span)) = self.header_name(directive, args) else {
            return;
        };
        if self.collecting_args > 0 {
            self.diags.push(Diagnostic::error(
                directive.span,
                "#include inside the arguments of a macro invocation",
            ));
            return;
        }
        let file = match self.find_include(&name, angled) {
            Ok(Some(file)) => file,
            Ok(None) => {
                let message = match crate::frontend::headers::unsupported_header(&name) {
                    Some(what) => format!("<{name}> is not supported by segvm ({what})"),
                    None => format!("{name}: No such file or directory"),
                };
                self.diags.push(Diagnostic::error(span, message));
                return;
            }
            Err(e) => {
                self.diags
                    .push(Diagnostic::error(span, format!("{name}: {e}")));
                return;
            }
        };
        if self.once.contains(&file) {
            return;
        }
        if self.files.len() >= MAX_INCLUDE_DEPTH {
            self.diags.push(Diagnostic::error(
                directive.span,
                format!(
                    "#include nested depth {} exceeds maximum of {MAX_INCLUDE_DEPTH}",
                    self.files.len()
                ),
            ));
            // Unbounded recursion: nothing sensible can follow.
            self.fatal = true;
            return;
        }
        self.enter_file(file);
    }

    /// The header name of an `#include`: the name, whether it was `<...>`, and its span.
    fn header_name(&mut self, directive: &Token, args: &[Token]) -> Option<(String, bool, Span)> {
        let expects =
            |at: Span| Diagnostic::error(at, "#include expects \"FILENAME\" or <FILENAME>");
        let Some(first) = args.first() else {
            self.diags.push(expects(end_of(directive)));
            return None;
        };
        let found = match first.kind {
            TokenKind::StrLit if first.text.starts_with('"') => {
                self.extra_tokens(directive, &args[1..]);
                let name = first.text[1..first.text.len() - 1].to_string();
                Some((name, false, first.span))
            }
            TokenKind::Lt => {
                // A header name is not made of tokens: take the characters up to the
                // first `>` on the line as written.
                let last = args.last().unwrap_or(first);
                let rest = Span {
                    lo: first.span.hi,
                    hi: last.span.hi.max(first.span.hi),
                    ..first.span
                };
                let Some(len) = self.sources.text(rest).find('>') else {
                    self.diags.push(Diagnostic::error(
                        first.span,
                        "missing terminating > character",
                    ));
                    return None;
                };
                let name = Span {
                    hi: rest.lo + len as u32,
                    ..rest
                };
                let after = name.hi + 1;
                let extra = args.iter().position(|t| t.span.lo >= after);
                self.extra_tokens(directive, extra.map_or(&[], |k| &args[k..]));
                let name_text = self.sources.text(name).to_string();
                Some((
                    name_text,
                    true,
                    Span {
                        hi: after,
                        ..first.span
                    },
                ))
            }
            _ => {
                // `#include MACRO`: expand, then read a string or a `<...>` sequence.
                let toks = self.expand_line(args, false);
                let span = first.span;
                match toks.first().map(PpToken::kind) {
                    Some(TokenKind::StrLit) if toks[0].text().starts_with('"') => {
                        let text = toks[0].text();
                        Some((text[1..text.len() - 1].to_string(), false, span))
                    }
                    Some(TokenKind::Lt) => {
                        let close = toks.iter().position(|t| t.kind() == TokenKind::Gt);
                        close.map(|close| {
                            let mut name = String::new();
                            for (k, t) in toks[1..close].iter().enumerate() {
                                if k > 0 && t.tok.leading_space {
                                    name.push(' ');
                                }
                                name.push_str(t.text());
                            }
                            (name, true, span)
                        })
                    }
                    _ => None,
                }
            }
        };
        match found {
            Some((name, _, span)) if name.is_empty() => {
                self.diags
                    .push(Diagnostic::error(span, "empty filename in #include"));
                None
            }
            None => {
                self.diags.push(expects(first.span));
                None
            }
            found => found,
        }
    }

    /// Searches for a header: `"..."` first in the including file's directory, then the
    /// `-I` directories, then the built-in headers.
    pub(super) fn find_include(
        &mut self,
        name: &str,
        angled: bool,
    ) -> Result<Option<FileId>, String> {
        let path = Path::new(name);
        if path.is_absolute() {
            return self.load_file(path.to_path_buf());
        }
        if !angled {
            let dir = self
                .files
                .last()
                .and_then(|f| self.sources.file(f.file).dir.clone());
            if let Some(dir) = dir
                && let Some(id) = self.load_file(dir.join(name))?
            {
                return Ok(Some(id));
            }
        }
        let opts = self.opts;
        for dir in &opts.include_dirs {
            if let Some(id) = self.load_file(dir.join(name))? {
                return Ok(Some(id));
            }
        }
        if let Some(&id) = self.builtin_files.get(name) {
            return Ok(Some(id));
        }
        Ok(headers::builtin_header(name).map(|text| {
            let id = self.sources.add_builtin(format!("<{name}>"), text);
            self.builtin_files.insert(name.to_string(), id);
            id
        }))
    }

    /// Reads a file from disk once, keyed by its canonical path.
    fn load_file(&mut self, path: PathBuf) -> Result<Option<FileId>, String> {
        if !path.is_file() {
            return Ok(None);
        }
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if let Some(&id) = self.disk_files.get(&key) {
            return Ok(Some(id));
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let id = self.sources.add_file(path.to_string_lossy(), text);
        self.disk_files.insert(key, id);
        Ok(Some(id))
    }

    /// `#line N ["file"]`, or a GNU line marker `# N ["file" flags...]`.
    fn do_line(&mut self, directive: &Token, args: &[Token], marker: bool) {
        let toks: Vec<PpToken> = if marker {
            args.iter().cloned().map(PpToken::new).collect()
        } else {
            self.expand_line(args, false)
        };
        let what = if marker { "#" } else { "#line" };
        let Some(num) = toks.first() else {
            self.diags.push(Diagnostic::error(
                end_of(directive),
                format!("unexpected end of file after {what}"),
            ));
            return;
        };
        let digits =
            num.kind() == TokenKind::Number && num.text().bytes().all(|b| b.is_ascii_digit());
        if !digits {
            let msg = format!("\"{}\" after {what} is not a positive integer", num.text());
            return self.error_at(num, msg);
        }
        let Some(line) = num.text().parse::<u32>().ok() else {
            return self.error_at(num, "line number out of range");
        };
        let mut name = None;
        if let Some(t) = toks.get(1) {
            if t.kind() == TokenKind::StrLit && t.text().starts_with('"') {
                name = Some(unescape(&t.text()[1..t.text().len() - 1]));
                if !marker && let Some(extra) = toks.get(2) {
                    self.warning_at(extra, "extra tokens at end of #line directive");
                }
            } else {
                let msg = format!("invalid filename \"{}\"", t.text());
                return self.error_at(t, msg);
            }
        }
        // The line after the directive gets number `line`.
        let last = args.last().map_or(directive.span, |t| t.span);
        let next_physical = self.sources.line_of(last) as i64 + 1;
        if let Some(frame) = self.files.last_mut() {
            frame.line_delta = line as i64 - next_physical;
            if let Some(name) = name {
                frame.presumed_name = Rc::from(name);
            }
        }
    }

    /// `#pragma` (and `_Pragma`): `once` and `push_macro`/`pop_macro`; others are ignored.
    pub(super) fn pragma(&mut self, directive: &Token, args: &[Token]) {
        let Some(first) = args.first() else {
            return;
        };
        match &*first.text {
            "once" => {
                let Some(file) = self.files.last().map(|f| f.file) else {
                    return;
                };
                if file == self.main {
                    self.diags
                        .push(Diagnostic::warning(first.span, "#pragma once in main file"));
                }
                self.once.insert(file);
            }
            "push_macro" | "pop_macro" => {
                let name = match args {
                    [_, l, s, r, ..]
                        if l.kind == TokenKind::LParen
                            && s.kind == TokenKind::StrLit
                            && s.text.starts_with('"')
                            && r.kind == TokenKind::RParen =>
                    {
                        Rc::from(&s.text[1..s.text.len() - 1])
                    }
                    _ => {
                        self.diags.push(Diagnostic::error(
                            directive.span,
                            format!("invalid #pragma {}", first.text),
                        ));
                        return;
                    }
                };
                if &*first.text == "push_macro" {
                    let current = self.macros.get(&name).cloned();
                    self.pushed_macros.entry(name).or_default().push(current);
                } else if let Some(saved) = self.pushed_macros.get_mut(&name).and_then(Vec::pop) {
                    match saved {
                        Some(m) => self.macros.insert(name, m),
                        None => self.macros.remove(&name),
                    };
                }
            }
            _ => {}
        }
    }
}

/// A `#line` file name's characters: `\\` and `\"` unescaped.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(n) = chars.next()
        {
            out.push(n);
        } else {
            out.push(c);
        }
    }
    out
}
