//! Macro expansion (C99 6.10.3) with hide sets, after Prosser: every token carries the
//! set of macros it came out of, and a macro name in its own token's set is not expanded.
//!
//! An object-like expansion adds the macro to the hide sets of its body; a function-like
//! one adds it to the intersection of the hide sets of the name and the closing `)`,
//! which is what makes `f(2)(9)` with `#define f(a) a*g` / `#define g(a) f(a)` give
//! `2*9*g` as in gcc.

use super::macros::{Dynamic, Item, Macro, MacroKind};
use super::{MAX_ARG_NESTING, PpToken, Preprocessor, quote};
use crate::diagnostics::Diagnostic;
use crate::frontend::lexer::{Token, TokenKind, lex};
use std::collections::HashMap;
use std::rc::Rc;

/// The operator gcc provides on `#if` lines (also in C99 mode).
const HAS_INCLUDE: &str = "__has_include";

/// An interned set of macro symbols.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct HideSet(u32);

/// Interned hide sets with memoized operations: most tokens share a handful of sets.
#[derive(Default)]
pub(super) struct HideSets {
    sets: Vec<Rc<[u32]>>,
    ids: HashMap<Rc<[u32]>, HideSet>,
    unions: HashMap<(HideSet, HideSet), HideSet>,
    intersections: HashMap<(HideSet, HideSet), HideSet>,
    singletons: HashMap<u32, HideSet>,
}

impl HideSets {
    pub const EMPTY: HideSet = HideSet(0);

    fn get(&self, s: HideSet) -> &[u32] {
        self.sets.get(s.0 as usize).map_or(&[], |v| v)
    }

    fn intern(&mut self, members: Vec<u32>) -> HideSet {
        if members.is_empty() {
            return Self::EMPTY;
        }
        if self.sets.is_empty() {
            // Index 0 is the empty set.
            self.sets.push(Rc::from(Vec::new()));
        }
        let members: Rc<[u32]> = members.into();
        if let Some(&id) = self.ids.get(&members) {
            return id;
        }
        let id = HideSet(self.sets.len() as u32);
        self.sets.push(members.clone());
        self.ids.insert(members, id);
        id
    }

    pub fn len(&self, s: HideSet) -> usize {
        self.get(s).len()
    }

    pub fn contains(&self, s: HideSet, sym: u32) -> bool {
        self.get(s).binary_search(&sym).is_ok()
    }

    pub fn singleton(&mut self, sym: u32) -> HideSet {
        if let Some(&s) = self.singletons.get(&sym) {
            return s;
        }
        let s = self.intern(vec![sym]);
        self.singletons.insert(sym, s);
        s
    }

    pub fn union(&mut self, a: HideSet, b: HideSet) -> HideSet {
        if a == b || b == Self::EMPTY {
            return a;
        }
        if a == Self::EMPTY {
            return b;
        }
        let key = if a.0 < b.0 { (a, b) } else { (b, a) };
        if let Some(&s) = self.unions.get(&key) {
            return s;
        }
        let (x, y) = (self.get(a), self.get(b));
        let mut v = Vec::with_capacity(x.len() + y.len());
        let (mut i, mut j) = (0, 0);
        while i < x.len() || j < y.len() {
            match (x.get(i), y.get(j)) {
                (Some(p), Some(q)) if p == q => {
                    v.push(*p);
                    i += 1;
                    j += 1;
                }
                (Some(p), Some(q)) if p < q => {
                    v.push(*p);
                    i += 1;
                }
                (_, Some(q)) => {
                    v.push(*q);
                    j += 1;
                }
                (Some(p), None) => {
                    v.push(*p);
                    i += 1;
                }
                (None, None) => break,
            }
        }
        let s = self.intern(v);
        self.unions.insert(key, s);
        s
    }

    pub fn intersect(&mut self, a: HideSet, b: HideSet) -> HideSet {
        if a == b {
            return a;
        }
        if a == Self::EMPTY || b == Self::EMPTY {
            return Self::EMPTY;
        }
        let key = if a.0 < b.0 { (a, b) } else { (b, a) };
        if let Some(&s) = self.intersections.get(&key) {
            return s;
        }
        let y = self.get(b);
        let v: Vec<u32> = self
            .get(a)
            .iter()
            .copied()
            .filter(|m| y.binary_search(m).is_ok())
            .collect();
        let s = self.intern(v);
        self.intersections.insert(key, s);
        s
    }
}

/// The invocation being replaced: its macro and name token.
struct Invocation<'a> {
    mac: &'a Rc<Macro>,
    name: &'a PpToken,
    /// Index of the variadic parameter, if any.
    va_index: Option<usize>,
}

/// The arguments of one invocation, each expanded on first use.
struct Args {
    raw: Vec<Vec<PpToken>>,
    expanded: Vec<Option<Vec<PpToken>>>,
    /// The variadic argument was left out altogether (`F(a)` for `F(x, ...)`).
    va_absent: bool,
}

impl Args {
    fn raw(&self, i: usize) -> &[PpToken] {
        self.raw.get(i).map_or(&[], Vec::as_slice)
    }
}

impl Preprocessor<'_> {
    /// Makes `__LINE__` and friends known, so `defined` and `#undef` see them.
    pub(super) fn define_dynamic_macros(&mut self) {
        let all = [
            ("__LINE__", Dynamic::Line),
            ("__FILE__", Dynamic::File),
            ("__DATE__", Dynamic::Date),
            ("__TIME__", Dynamic::Time),
            ("__COUNTER__", Dynamic::Counter),
            ("__INCLUDE_LEVEL__", Dynamic::IncludeLevel),
            ("__BASE_FILE__", Dynamic::BaseFile),
        ];
        for (name, d) in all {
            let name: Rc<str> = Rc::from(name);
            let sym = self.symbol(&name);
            let m = Macro {
                name: name.clone(),
                sym,
                def: Default::default(),
                kind: MacroKind::Dynamic(d),
            };
            self.macros.insert(name, Rc::new(m));
        }
    }

    /// The next unexpanded token of the current input: the top list, then (at the
    /// bottom of the stack only) the current file.
    pub(super) fn next_raw(&mut self) -> Option<PpToken> {
        let depth = self.inputs.len();
        let top = self.inputs.last_mut()?;
        if self.overflowed {
            top.clear();
            if depth > 1 {
                return None;
            }
        }
        if let Some(t) = top.pop() {
            return Some(t);
        }
        if depth == 1 {
            self.next_file_token().map(PpToken::new)
        } else {
            None
        }
    }

    /// The next fully macro-expanded token of the current input.
    pub(super) fn next_expanded(&mut self) -> Option<PpToken> {
        loop {
            let tok = self.next_raw()?;
            if tok.kind() != TokenKind::Ident {
                return Some(tok);
            }
            if self.in_if && tok.text() == "defined" {
                return Some(self.defined_operator(tok));
            }
            if tok.text() == HAS_INCLUDE {
                if self.in_if {
                    return Some(self.has_include_operator(tok));
                }
                self.error_at(
                    &tok,
                    "\"__has_include\" used outside of preprocessing directive",
                );
                return Some(tok);
            }
            let Some(mac) = self.macros.get(&tok.tok.text).cloned() else {
                if tok.text() == "_Pragma" && !self.in_if {
                    self.pragma_operator(tok);
                    continue;
                }
                return Some(tok);
            };
            if self.hide.contains(tok.hide, mac.sym) {
                return Some(tok);
            }
            let out = match &mac.kind {
                MacroKind::Dynamic(d) => return Some(self.dynamic(*d, tok)),
                MacroKind::Object(_) => {
                    let hs = self.hide.singleton(mac.sym);
                    let hs = self.hide.union(tok.hide, hs);
                    let mut args = Args {
                        raw: Vec::new(),
                        expanded: Vec::new(),
                        va_absent: false,
                    };
                    self.substitute(&mac, &tok, hs, &mut args)
                }
                MacroKind::Function { .. } => {
                    if !self.take_lparen() {
                        return Some(tok);
                    }
                    let Some((raw, rparen)) = self.collect_args(&mac, &tok) else {
                        return Some(tok);
                    };
                    let Some(mut args) = self.check_args(&mac, &tok, raw) else {
                        return Some(tok);
                    };
                    let hs = self.hide.intersect(tok.hide, rparen.hide);
                    let single = self.hide.singleton(mac.sym);
                    let hs = self.hide.union(hs, single);
                    self.substitute(&mac, &tok, hs, &mut args)
                }
            };
            self.push_expansion(&tok, out);
        }
    }

    /// Queues an expansion for rescanning; its first token stands where the name stood.
    fn push_expansion(&mut self, name: &PpToken, mut out: Vec<PpToken>) {
        if out.len() > self.budget {
            self.overflow(name);
            return;
        }
        self.budget -= out.len();
        let depth = self.inputs.len();
        let Some(top) = self.inputs.last_mut() else {
            return;
        };
        match out.first_mut() {
            Some(first) => {
                first.tok.leading_space = name.tok.leading_space;
                first.tok.line_start = name.tok.line_start;
            }
            None => match top.last_mut() {
                // An empty expansion hands its spacing to what follows.
                Some(next) => {
                    next.tok.leading_space |= name.tok.leading_space;
                    next.tok.line_start |= name.tok.line_start;
                }
                None if depth == 1 => {
                    self.carry_space |= name.tok.leading_space;
                    self.carry_line_start |= name.tok.line_start;
                }
                None => {}
            },
        }
        out.reverse();
        top.append(&mut out);
    }

    fn overflow(&mut self, name: &PpToken) {
        if !self.overflowed {
            self.overflowed = true;
            let msg = format!(
                "macro expansion too large (more than {} tokens)",
                super::EXPANSION_BUDGET
            );
            self.error_at(name, msg);
        }
    }

    /// Consumes the `(` after a function-like macro name if there is one. Newlines may
    /// come first; a directive line or the end of the file means no invocation.
    fn take_lparen(&mut self) -> bool {
        let depth = self.inputs.len();
        let Some(top) = self.inputs.last_mut() else {
            return false;
        };
        if let Some(t) = top.last() {
            let paren = t.kind() == TokenKind::LParen;
            if paren {
                top.pop();
            }
            return paren;
        }
        if depth != 1 || self.overflowed {
            return false;
        }
        let Some(frame) = self.files.last_mut() else {
            return false;
        };
        let mut i = frame.pos;
        while frame
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Newline)
        {
            i += 1;
        }
        let paren = frame
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::LParen);
        if paren {
            frame.pos = i + 1;
        }
        paren
    }

    /// Collects the arguments of an invocation whose `(` was consumed; returns them
    /// unexpanded, with the closing `)`.
    fn collect_args(
        &mut self,
        mac: &Macro,
        name: &PpToken,
    ) -> Option<(Vec<Vec<PpToken>>, PpToken)> {
        let (nparams, variadic) = match &mac.kind {
            MacroKind::Function {
                params, variadic, ..
            } => (params.len(), *variadic),
            _ => (0, false),
        };
        let mut args: Vec<Vec<PpToken>> = vec![Vec::new()];
        let mut depth = 0usize;
        self.collecting_args += 1;
        let rparen = loop {
            let Some(t) = self.next_raw() else {
                break None;
            };
            match t.kind() {
                TokenKind::LParen => depth += 1,
                TokenKind::RParen if depth == 0 => break Some(t),
                TokenKind::RParen => depth -= 1,
                // The variadic parameter takes the remaining commas.
                TokenKind::Comma if depth == 0 && !(variadic && args.len() >= nparams) => {
                    args.push(Vec::new());
                    continue;
                }
                _ => {}
            }
            if let Some(arg) = args.last_mut() {
                arg.push(t);
            }
        };
        self.collecting_args -= 1;
        match rparen {
            Some(r) => Some((args, r)),
            None => {
                if !self.overflowed {
                    let msg = format!("unterminated argument list invoking macro \"{}\"", mac.name);
                    self.error_at(name, msg);
                }
                None
            }
        }
    }

    /// Checks the argument count against the parameters.
    fn check_args(&mut self, mac: &Macro, name: &PpToken, raw: Vec<Vec<PpToken>>) -> Option<Args> {
        let MacroKind::Function {
            params, variadic, ..
        } = &mac.kind
        else {
            return None;
        };
        let (n, given) = (params.len(), raw.len());
        // `F()` passes one empty argument, which a macro of no parameters accepts.
        let ok = if n == 0 {
            given == 1 && raw[0].is_empty()
        } else if *variadic {
            given + 1 >= n
        } else {
            given == n
        };
        if !ok {
            let msg = if given < n {
                format!(
                    "macro \"{}\" requires {n} arguments, but only {given} given",
                    mac.name
                )
            } else {
                format!(
                    "macro \"{}\" passed {given} arguments, but takes just {n}",
                    mac.name
                )
            };
            let d = Diagnostic::error(name.tok.span, msg);
            let d = super::with_expansion_note(d, name).with_note(
                format!("macro \"{}\" defined here", mac.name),
                Some(mac.def),
            );
            self.diags.push(d);
            return None;
        }
        let va_absent = *variadic && given < n;
        let mut raw = raw;
        raw.resize_with(n, Vec::new);
        Some(Args {
            expanded: vec![None; raw.len()],
            raw,
            va_absent,
        })
    }

    /// The fully expanded tokens of argument `i`.
    fn expanded_arg(&mut self, args: &mut Args, i: usize, name: &PpToken) -> Vec<PpToken> {
        if let Some(Some(done)) = args.expanded.get(i) {
            return done.clone();
        }
        let raw = args.raw.get(i).cloned().unwrap_or_default();
        // Every level of invocations nested in arguments holds a copy of the tokens
        // inside it: charging for them keeps deep nesting from using quadratic memory.
        if raw.len() > self.budget {
            self.overflow(name);
            return Vec::new();
        }
        self.budget -= raw.len();
        let done = self.expand_list(raw, name);
        if let Some(slot) = args.expanded.get_mut(i) {
            *slot = Some(done.clone());
        }
        done
    }

    /// Expands an isolated list of tokens (a macro argument) completely.
    fn expand_list(&mut self, toks: Vec<PpToken>, name: &PpToken) -> Vec<PpToken> {
        if self.inputs.len() > MAX_ARG_NESTING {
            if !self.nesting_reported {
                self.nesting_reported = true;
                self.error_at(name, "macro invocations nested too deeply in arguments");
            }
            // Abandon the whole expansion, as for one too large: rescanning what is left
            // at every level above would take time and memory quadratic in the nesting.
            self.overflowed = true;
            return Vec::new();
        }
        let mut toks = toks;
        toks.reverse();
        self.inputs.push(toks);
        let mut out = Vec::new();
        while let Some(t) = self.next_expanded() {
            out.push(t);
        }
        self.inputs.pop();
        out
    }

    /// Expands a directive's tokens (`#if`, `#include`, `#line`) completely.
    pub(super) fn expand_line(&mut self, line: &[Token], in_if: bool) -> Vec<PpToken> {
        let saved = self.in_if;
        self.in_if = in_if;
        self.inputs
            .push(line.iter().rev().cloned().map(PpToken::new).collect());
        let mut out = Vec::new();
        while let Some(t) = self.next_expanded() {
            out.push(t);
        }
        self.inputs.pop();
        self.in_if = saved;
        out
    }

    /// The replacement of one invocation, before rescanning (C99 6.10.3.1-3).
    fn substitute(
        &mut self,
        mac: &Rc<Macro>,
        name: &PpToken,
        hs: super::HideSet,
        args: &mut Args,
    ) -> Vec<PpToken> {
        let (body, va_index): (&[Item], Option<usize>) = match &mac.kind {
            MacroKind::Object(body) => (body, None),
            MacroKind::Function {
                params,
                variadic,
                body,
            } => (body, variadic.then(|| params.len().saturating_sub(1))),
            MacroKind::Dynamic(_) => return Vec::new(),
        };
        // Each expansion interns a hide set one larger than its name's: charging for it
        // keeps a long chain of macros from using quadratic memory.
        let cost = self.hide.len(hs);
        if cost > self.budget {
            self.overflow(name);
            return Vec::new();
        }
        self.budget -= cost;
        let inv = Invocation {
            mac,
            name,
            va_index,
        };
        let mut out: Vec<PpToken> = Vec::with_capacity(body.len());
        if self.replace(&inv, body, args, &mut out).is_none() {
            return Vec::new();
        }
        for t in &mut out {
            t.hide = self.hide.union(t.hide, hs);
        }
        out
    }

    /// Appends the replacement of `items` (a body, or a `__VA_OPT__`'s contents) to
    /// `out`; `None` when the expansion budget ran out.
    fn replace(
        &mut self,
        inv: &Invocation,
        items: &[Item],
        args: &mut Args,
        out: &mut Vec<PpToken>,
    ) -> Option<()> {
        // The last operand was empty: a placemarker in the standard's terms.
        let mut placemarker = false;
        // An empty operand had a space before it: the next token gets it.
        let mut space = false;
        let mut i = 0;
        while let Some(item) = items.get(i) {
            i += 1;
            let before = out.len();
            match item {
                Item::Tok(t) => {
                    out.push(body_token(inv, t));
                    placemarker = false;
                }
                Item::Stringify(p, hash) => {
                    out.push(self.stringify(inv, hash, args.raw(*p)));
                    placemarker = false;
                }
                Item::StringifyVaOpt(content, hash) => {
                    let toks = self.va_opt(inv, content, args)?;
                    out.push(self.stringify(inv, hash, &toks));
                    placemarker = false;
                }
                Item::Param(p, t) => {
                    // Operands of `##` are not expanded.
                    let toks = if matches!(items.get(i), Some(Item::Paste(_))) {
                        args.raw(*p).to_vec()
                    } else {
                        self.expanded_arg(args, *p, inv.name)
                    };
                    placemarker = toks.is_empty();
                    space |= placemarker && t.leading_space;
                    append_arg(out, &toks, Some(t.leading_space));
                }
                Item::VaOpt(content, t) => {
                    let toks = self.va_opt(inv, content, args)?;
                    placemarker = toks.is_empty();
                    space |= placemarker && t.leading_space;
                    append_arg(out, &toks, Some(t.leading_space));
                }
                Item::Paste(op) => {
                    let Some(rhs_item) = items.get(i) else {
                        break;
                    };
                    i += 1;
                    let after_comma = i >= 3
                        && matches!(&items[i - 3], Item::Tok(t) if t.kind == TokenKind::Comma);
                    match rhs_item {
                        // GNU `, ## __VA_ARGS__`: the comma goes when the variadic argument
                        // is left out, and otherwise nothing is pasted.
                        Item::Param(p, _) if after_comma && Some(*p) == inv.va_index => {
                            if args.va_absent {
                                out.pop();
                            } else {
                                let toks = if matches!(items.get(i), Some(Item::Paste(_))) {
                                    args.raw(*p).to_vec()
                                } else {
                                    self.expanded_arg(args, *p, inv.name)
                                };
                                append_arg(out, &toks, None);
                            }
                            placemarker = false;
                        }
                        _ => {
                            let rhs = self.paste_operand(inv, rhs_item, args)?;
                            if placemarker {
                                placemarker = rhs.is_empty();
                                out.extend(rhs);
                            } else if let Some((first, rest)) = rhs.split_first() {
                                match out.pop() {
                                    Some(lhs) => {
                                        let pasted = self.paste(inv, op, lhs, first);
                                        out.extend(pasted);
                                    }
                                    None => out.push(first.clone()),
                                }
                                out.extend_from_slice(rest);
                            }
                        }
                    }
                }
            }
            if space && let Some(t) = out.get_mut(before) {
                t.tok.leading_space = true;
                space = false;
            }
            if out.len() > self.budget {
                self.overflow(inv.name);
                return None;
            }
        }
        Some(())
    }

    /// The tokens of `item` as the right operand of `##`: arguments unexpanded, with
    /// their own spacing (as gcc shows a failed paste).
    fn paste_operand(
        &mut self,
        inv: &Invocation,
        item: &Item,
        args: &mut Args,
    ) -> Option<Vec<PpToken>> {
        Some(match item {
            Item::Param(p, _) => {
                let mut v = Vec::new();
                append_arg(&mut v, args.raw(*p), None);
                v
            }
            Item::Stringify(p, hash) => vec![self.stringify(inv, hash, args.raw(*p))],
            Item::StringifyVaOpt(content, hash) => {
                let toks = self.va_opt(inv, content, args)?;
                vec![self.stringify(inv, hash, &toks)]
            }
            Item::VaOpt(content, _) => self.va_opt(inv, content, args)?,
            Item::Tok(t) | Item::Paste(t) => vec![body_token(inv, t)],
        })
    }

    /// `__VA_OPT__(content)`: the content's replacement when the variadic argument
    /// expands to something, else nothing (as gcc).
    fn va_opt(
        &mut self,
        inv: &Invocation,
        content: &[Item],
        args: &mut Args,
    ) -> Option<Vec<PpToken>> {
        let present = match inv.va_index {
            Some(v) => !self.expanded_arg(args, v, inv.name).is_empty(),
            None => false,
        };
        let mut out = Vec::new();
        if present {
            self.replace(inv, content, args, &mut out)?;
        }
        Some(out)
    }

    /// `# param`: the argument's spelling as a string literal.
    fn stringify(&mut self, inv: &Invocation, hash: &Token, arg: &[PpToken]) -> PpToken {
        let mut s = String::from("\"");
        for (k, t) in arg.iter().enumerate() {
            if k > 0 && (t.tok.leading_space || t.tok.line_start) {
                s.push(' ');
            }
            let literal = matches!(t.kind(), TokenKind::StrLit | TokenKind::CharLit)
                || (t.kind() == TokenKind::Stray && t.text().contains(['"', '\'']));
            if literal {
                for c in t.text().chars() {
                    if c == '"' || c == '\\' {
                        s.push('\\');
                    }
                    s.push(c);
                }
            } else {
                s.push_str(t.text());
            }
        }
        let mut tok = body_token(inv, hash);
        // A trailing lone backslash would escape the closing quote.
        let trailing = s.len() - s.trim_end_matches('\\').len();
        if trailing % 2 == 1 {
            s.pop();
            let d =
                Diagnostic::warning(tok.tok.span, "invalid string literal, ignoring final '\\'");
            self.report_at(&tok, d);
        }
        s.push('"');
        tok.tok.kind = TokenKind::StrLit;
        tok.tok.text = Rc::from(s);
        tok
    }

    /// `lhs ## rhs`: lexes the joined spelling, which must be one token.
    fn paste(&mut self, inv: &Invocation, op: &Token, lhs: PpToken, rhs: &PpToken) -> Vec<PpToken> {
        let text = format!("{}{}", lhs.text(), rhs.text());
        let lexed = lex(op.span.file, &text);
        if let [one] = lexed.as_slice()
            && one.text.len() == text.len()
            && one.kind != TokenKind::Stray
        {
            let mut tok = body_token(inv, op);
            tok.tok.kind = one.kind;
            tok.tok.text = one.text.clone();
            tok.tok.spelling = Some(lhs.tok.spelling.unwrap_or(lhs.tok.span));
            tok.tok.leading_space = lhs.tok.leading_space;
            return vec![tok];
        }
        let msg = format!(
            "pasting \"{}\" and \"{}\" does not give a valid preprocessing token",
            lhs.text(),
            rhs.text()
        );
        let d = Diagnostic::error(lhs.tok.span, msg).with_note(
            format!("in expansion of macro '{}'", inv.mac.name),
            Some(op.span),
        );
        self.diags.push(d);
        vec![lhs, rhs.clone()]
    }

    /// `defined X` or `defined ( X )` on a `#if` line.
    fn defined_operator(&mut self, kw: PpToken) -> PpToken {
        let mut t = self.next_raw();
        let paren = t.as_ref().is_some_and(|t| t.kind() == TokenKind::LParen);
        if paren {
            t = self.next_raw();
        }
        let name = match t {
            Some(t) if t.kind() == TokenKind::Ident => t,
            other => {
                let at = other.unwrap_or_else(|| kw.clone());
                self.error_at(&at, "operator \"defined\" requires an identifier");
                self.if_error = true;
                return kw.replaced(TokenKind::Number, "0");
            }
        };
        if paren
            && !self
                .next_raw()
                .is_some_and(|t| t.kind() == TokenKind::RParen)
        {
            self.error_at(&name, "missing ')' after \"defined\"");
            self.if_error = true;
        }
        let value = if self.is_defined(name.text()) {
            "1"
        } else {
            "0"
        };
        kw.replaced(TokenKind::Number, value)
    }

    /// Whether `defined NAME` holds: a macro, or the `__has_include` operator.
    pub(super) fn is_defined(&self, name: &str) -> bool {
        self.macros.contains_key(name) || name == HAS_INCLUDE
    }

    /// `__has_include("file")` or `__has_include(<file>)` on a `#if` line, as gcc.
    fn has_include_operator(&mut self, kw: PpToken) -> PpToken {
        let zero = kw.replaced(TokenKind::Number, "0");
        if !self
            .next_raw()
            .is_some_and(|t| t.kind() == TokenKind::LParen)
        {
            self.error_at(&kw, "missing '(' before \"__has_include\" operand");
            self.if_error = true;
            return zero;
        }
        let header = match self.next_raw() {
            Some(t) if t.kind() == TokenKind::StrLit && t.text().starts_with('"') => {
                let text = t.text();
                Some((text[1..text.len() - 1].to_string(), false))
            }
            Some(t) if t.kind() == TokenKind::Lt => {
                let mut name = String::new();
                loop {
                    match self.next_raw() {
                        Some(t) if t.kind() == TokenKind::Gt => break Some((name, true)),
                        Some(t) => {
                            if !name.is_empty() && t.tok.leading_space {
                                name.push(' ');
                            }
                            name.push_str(t.text());
                        }
                        None => break None,
                    }
                }
            }
            _ => None,
        };
        let Some((name, angled)) = header else {
            self.error_at(&kw, "operator \"__has_include\" requires a header-name");
            self.if_error = true;
            return zero;
        };
        if !self
            .next_raw()
            .is_some_and(|t| t.kind() == TokenKind::RParen)
        {
            self.error_at(&kw, "missing ')' after \"__has_include\" operand");
            self.if_error = true;
            return zero;
        }
        let found = !name.is_empty() && matches!(self.find_include(&name, angled), Ok(Some(_)));
        kw.replaced(TokenKind::Number, if found { "1" } else { "0" })
    }

    /// `_Pragma("...")` (C99 6.10.9): runs the pragma and leaves nothing behind.
    fn pragma_operator(&mut self, kw: PpToken) {
        let lparen = self.next_raw();
        let string = self.next_raw();
        let rparen = self.next_raw();
        let ok = lparen.is_some_and(|t| t.kind() == TokenKind::LParen)
            && rparen.is_some_and(|t| t.kind() == TokenKind::RParen);
        let text = match string {
            Some(s) if ok && s.kind() == TokenKind::StrLit => s.tok.text.clone(),
            _ => {
                self.error_at(&kw, "_Pragma takes a parenthesized string literal");
                return;
            }
        };
        let body = destringize(&text);
        let mut toks = lex(kw.tok.span.file, &body);
        for t in &mut toks {
            t.span = kw.tok.span;
        }
        self.pragma(&kw.tok, &toks);
    }

    /// The value of a dynamic macro at this use.
    fn dynamic(&mut self, d: Dynamic, tok: PpToken) -> PpToken {
        let (kind, text) = match d {
            Dynamic::Line => (
                TokenKind::Number,
                self.presumed_line(tok.tok.span).to_string(),
            ),
            Dynamic::File => {
                let name = self
                    .files
                    .last()
                    .map_or_else(String::new, |f| f.presumed_name.to_string());
                (TokenKind::StrLit, quote(&name))
            }
            Dynamic::Date => (TokenKind::StrLit, "\"Jan  1 1970\"".to_string()),
            Dynamic::Time => (TokenKind::StrLit, "\"00:00:00\"".to_string()),
            Dynamic::Counter => {
                self.counter += 1;
                (TokenKind::Number, (self.counter - 1).to_string())
            }
            Dynamic::IncludeLevel => (
                TokenKind::Number,
                self.files.len().saturating_sub(1).to_string(),
            ),
            Dynamic::BaseFile => (TokenKind::StrLit, quote(&self.sources.file(self.main).name)),
        };
        tok.replaced(kind, &text)
    }
}

/// A body token as it appears in an expansion: seen at the invocation, spelled in the body.
fn body_token(inv: &Invocation, t: &Token) -> PpToken {
    PpToken {
        tok: Token {
            kind: t.kind,
            text: t.text.clone(),
            span: inv.name.tok.span,
            spelling: Some(t.span),
            leading_space: t.leading_space,
            line_start: false,
        },
        hide: HideSets::EMPTY,
        from: Some(inv.mac.clone()),
    }
}

/// Appends an argument's tokens where its parameter stood; the first takes the
/// parameter's spacing (`None`: keeps its own, as gcc does next to `##`), and line
/// breaks inside the argument become spaces.
fn append_arg(out: &mut Vec<PpToken>, toks: &[PpToken], first_space: Option<bool>) {
    for (k, t) in toks.iter().enumerate() {
        let mut t = t.clone();
        match first_space {
            Some(space) if k == 0 => t.tok.leading_space = space,
            _ => t.tok.leading_space |= t.tok.line_start,
        }
        t.tok.line_start = false;
        out.push(t);
    }
}

/// The contents of a string literal for `_Pragma`: prefix and quotes dropped, `\"` and
/// `\\` unescaped.
fn destringize(lit: &str) -> String {
    let start = lit.find('"').map_or(0, |i| i + 1);
    let inner = lit.get(start..lit.len().saturating_sub(1)).unwrap_or("");
    let mut s = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(n @ ('"' | '\\')) => s.push(n),
                Some(n) => {
                    s.push('\\');
                    s.push(n);
                }
                None => s.push('\\'),
            }
        } else {
            s.push(c);
        }
    }
    s
}
