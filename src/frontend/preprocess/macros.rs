//! Macro definitions: parsing a `#define` line and comparing redefinitions.

use crate::diagnostics::Diagnostic;
use crate::frontend::lexer::{Token, TokenKind};
use crate::source::Span;
use std::rc::Rc;

#[derive(Debug)]
pub(super) struct Macro {
    pub name: Rc<str>,
    /// Hide-set symbol of the name.
    pub sym: u32,
    /// The name in the `#define`.
    pub def: Span,
    pub kind: MacroKind,
}

#[derive(Debug)]
pub(super) enum MacroKind {
    Object(Vec<Item>),
    Function {
        /// Parameter names; a variadic macro's last one is `__VA_ARGS__` (or the GNU name).
        params: Vec<Rc<str>>,
        variadic: bool,
        body: Vec<Item>,
    },
    /// `__LINE__`, `__FILE__` and friends: computed at each use.
    Dynamic(Dynamic),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Dynamic {
    Line,
    File,
    Date,
    Time,
    Counter,
    IncludeLevel,
    BaseFile,
}

/// A replacement-list element, classified once at definition time.
#[derive(Debug)]
pub(super) enum Item {
    Tok(Token),
    /// A parameter; the token is its spelling in the body (for spacing).
    Param(usize, Token),
    /// `# param`; the token is the `#`.
    Stringify(usize, Token),
    /// `##`.
    Paste(Token),
    /// `__VA_OPT__(...)` (a GNU extension in C99, standard in C23); the token is the
    /// `__VA_OPT__`.
    VaOpt(Vec<Item>, Token),
    /// `# __VA_OPT__(...)`; the token is the `#`.
    StringifyVaOpt(Vec<Item>, Token),
}

impl Item {
    fn token(&self) -> &Token {
        match self {
            Item::Tok(t)
            | Item::Param(_, t)
            | Item::Stringify(_, t)
            | Item::Paste(t)
            | Item::VaOpt(_, t)
            | Item::StringifyVaOpt(_, t) => t,
        }
    }

    /// Same element with the same spacing before it (C99 6.10.3p2 "identical").
    fn same_as(&self, other: &Item, first: bool) -> bool {
        let (a, b) = (self.token(), other.token());
        let spacing =
            first || (a.leading_space || a.line_start) == (b.leading_space || b.line_start);
        let same = match (self, other) {
            (Item::Tok(a), Item::Tok(b)) => a.kind == b.kind && a.text == b.text,
            (Item::Param(i, _), Item::Param(j, _)) => i == j,
            (Item::Stringify(i, _), Item::Stringify(j, _)) => i == j,
            (Item::Paste(_), Item::Paste(_)) => true,
            (Item::VaOpt(a, _), Item::VaOpt(b, _))
            | (Item::StringifyVaOpt(a, _), Item::StringifyVaOpt(b, _)) => same_items(a, b, false),
            _ => false,
        };
        same && spacing
    }
}

/// Whether two replacement lists are identical; `top` ignores the spacing of the first.
fn same_items(a: &[Item], b: &[Item], top: bool) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .enumerate()
            .all(|(i, (x, y))| x.same_as(y, top && i == 0))
}

/// A parsed `#define`, before it gets its hide-set symbol.
pub(super) struct Definition {
    pub name: Rc<str>,
    pub def: Span,
    pub kind: MacroKind,
}

impl MacroKind {
    /// Whether a redefinition is the same definition (then it is allowed silently).
    pub fn same_as(&self, other: &MacroKind) -> bool {
        match (self, other) {
            (MacroKind::Object(a), MacroKind::Object(b)) => same_items(a, b, true),
            (
                MacroKind::Function {
                    params: pa,
                    variadic: va,
                    body: ba,
                },
                MacroKind::Function {
                    params: pb,
                    variadic: vb,
                    body: bb,
                },
            ) => pa == pb && va == vb && same_items(ba, bb, true),
            _ => false,
        }
    }
}

const VA_ARGS: &str = "__VA_ARGS__";
const VA_OPT: &str = "__VA_OPT__";

/// Checks that `tok` can name a macro; `directive` is the token naming the directive.
pub(super) fn macro_name<'t>(
    directive: &Token,
    tok: Option<&'t Token>,
) -> Result<&'t Token, Diagnostic> {
    match tok {
        None => Err(Diagnostic::error(
            end_of(directive),
            format!("no macro name given in #{} directive", directive.text),
        )),
        Some(t) if t.kind != TokenKind::Ident => {
            Err(Diagnostic::error(t.span, "macro names must be identifiers"))
        }
        Some(t) if &*t.text == "defined" => Err(Diagnostic::error(
            t.span,
            "\"defined\" cannot be used as a macro name",
        )),
        Some(t) => Ok(t),
    }
}

/// The empty span just after a token, for "... before end of line" messages.
pub(super) fn end_of(tok: &Token) -> Span {
    Span {
        lo: tok.span.hi,
        ..tok.span
    }
}

/// Parses the tokens after `#define`. Errors reject the definition; warnings go to `diags`.
pub(super) fn parse_define(
    directive: &Token,
    line: &[Token],
    diags: &mut Vec<Diagnostic>,
) -> Result<Definition, Diagnostic> {
    let name = macro_name(directive, line.first())?;
    let rest = &line[1..];
    let function_like = rest
        .first()
        .is_some_and(|t| t.kind == TokenKind::LParen && !t.leading_space);
    if !function_like {
        if let Some(first) = rest.first()
            && !first.leading_space
        {
            diags.push(Diagnostic::warning(
                name.span.to(first.span),
                "ISO C99 requires whitespace after the macro name",
            ));
        }
        let body = Body {
            params: &[],
            function_like: false,
            variadic: false,
            diags,
        }
        .items(rest, None)?;
        return Ok(Definition {
            name: name.text.clone(),
            def: name.span,
            kind: MacroKind::Object(body),
        });
    }
    let (params, variadic, used) = parse_params(&rest[0], &rest[1..])?;
    let body = Body {
        params: &params,
        function_like: true,
        variadic,
        diags,
    }
    .items(&rest[1 + used..], None)?;
    Ok(Definition {
        name: name.text.clone(),
        def: name.span,
        kind: MacroKind::Function {
            params,
            variadic,
            body,
        },
    })
}

/// Parses a parameter list after its `(`; returns the names, whether the macro is
/// variadic, and how many tokens the list used (through the `)`).
fn parse_params(lparen: &Token, toks: &[Token]) -> Result<(Vec<Rc<str>>, bool, usize), Diagnostic> {
    let mut params: Vec<Rc<str>> = Vec::new();
    let mut i = 0;
    let missing_paren = |at: Span| Diagnostic::error(at, "missing ')' in macro parameter list");
    let mut last = lparen.span;
    loop {
        // Expecting a parameter, `...`, or (first time only) `)`.
        let Some(t) = toks.get(i) else {
            return Err(missing_paren(Span {
                lo: last.hi,
                ..last
            }));
        };
        last = t.span;
        i += 1;
        match t.kind {
            TokenKind::RParen if params.is_empty() => return Ok((params, false, i)),
            TokenKind::Ellipsis => {
                params.push(Rc::from(VA_ARGS));
                return match toks.get(i) {
                    Some(t) if t.kind == TokenKind::RParen => Ok((params, true, i + 1)),
                    Some(t) => Err(Diagnostic::error(t.span, "expected ')' after \"...\"")),
                    None => Err(missing_paren(Span {
                        lo: last.hi,
                        ..last
                    })),
                };
            }
            TokenKind::Ident => {
                if &*t.text == VA_ARGS {
                    return Err(Diagnostic::error(
                        t.span,
                        "__VA_ARGS__ can not be used as a parameter name",
                    ));
                }
                if params.contains(&t.text) {
                    return Err(Diagnostic::error(
                        t.span,
                        format!("duplicate macro parameter \"{}\"", t.text),
                    ));
                }
                params.push(t.text.clone());
            }
            _ => {
                return Err(Diagnostic::error(
                    t.span,
                    format!("expected parameter name, found \"{}\"", t.text),
                ));
            }
        }
        // After a parameter: `,`, `)`, or the GNU `name...`.
        let Some(t) = toks.get(i) else {
            return Err(missing_paren(Span {
                lo: last.hi,
                ..last
            }));
        };
        last = t.span;
        i += 1;
        match t.kind {
            TokenKind::Comma => {}
            TokenKind::RParen => return Ok((params, false, i)),
            TokenKind::Ellipsis => {
                return match toks.get(i) {
                    Some(t) if t.kind == TokenKind::RParen => Ok((params, true, i + 1)),
                    Some(t) => Err(Diagnostic::error(t.span, "expected ')' after \"...\"")),
                    None => Err(missing_paren(Span {
                        lo: last.hi,
                        ..last
                    })),
                };
            }
            _ => {
                return Err(Diagnostic::error(
                    t.span,
                    format!("expected ',' or ')', found \"{}\"", t.text),
                ));
            }
        }
    }
}

/// Classifies a replacement list and checks the rules for `#`, `##` and `__VA_OPT__`.
struct Body<'a> {
    params: &'a [Rc<str>],
    function_like: bool,
    variadic: bool,
    diags: &'a mut Vec<Diagnostic>,
}

impl Body<'_> {
    fn param(&self, t: &Token) -> Option<usize> {
        if t.kind != TokenKind::Ident {
            return None;
        }
        self.params.iter().position(|p| *p == t.text)
    }

    fn is_va_opt(&self, t: &Token) -> bool {
        self.variadic && t.is_ident(VA_OPT)
    }

    /// Classifies `toks`, the whole list or the contents of the `__VA_OPT__` `inside`.
    fn items(&mut self, toks: &[Token], inside: Option<&Token>) -> Result<Vec<Item>, Diagnostic> {
        let mut items = Vec::with_capacity(toks.len());
        let mut i = 0;
        while let Some(t) = toks.get(i) {
            i += 1;
            if t.kind == TokenKind::HashHash {
                if items.is_empty() || i == toks.len() {
                    let place = if inside.is_some() {
                        "__VA_OPT__"
                    } else {
                        "a macro expansion"
                    };
                    return Err(Diagnostic::error(
                        t.span,
                        format!("'##' cannot appear at either end of {place}"),
                    ));
                }
                items.push(Item::Paste(t.clone()));
            } else if let Some(p) = self.param(t) {
                items.push(Item::Param(p, t.clone()));
            } else if self.is_va_opt(t) {
                let (content, used) = self.va_opt(t, &toks[i..], inside)?;
                i += used;
                items.push(Item::VaOpt(content, t.clone()));
            } else if t.kind == TokenKind::Hash && self.function_like {
                let next = toks.get(i);
                if let Some(p) = next.and_then(|n| self.param(n)) {
                    items.push(Item::Stringify(p, t.clone()));
                    i += 1;
                } else if let Some(n) = next.filter(|n| self.is_va_opt(n)) {
                    let (content, used) = self.va_opt(n, &toks[i + 1..], inside)?;
                    i += 1 + used;
                    items.push(Item::StringifyVaOpt(content, t.clone()));
                } else {
                    return Err(Diagnostic::error(
                        t.span,
                        "'#' is not followed by a macro parameter",
                    ));
                }
            } else {
                let misplaced = if t.is_ident(VA_ARGS) {
                    Some("__VA_ARGS__ can only appear in the expansion of a C99 variadic macro")
                } else if t.is_ident(VA_OPT) {
                    Some("__VA_OPT__ can only appear in the expansion of a variadic macro")
                } else {
                    None
                };
                if let Some(msg) = misplaced {
                    self.diags.push(Diagnostic::warning(t.span, msg));
                }
                items.push(Item::Tok(t.clone()));
            }
        }
        Ok(items)
    }

    /// The contents of `__VA_OPT__ ( ... )`, given the tokens after the name; returns
    /// them classified, and how many tokens they took with the parentheses.
    fn va_opt(
        &mut self,
        name: &Token,
        rest: &[Token],
        inside: Option<&Token>,
    ) -> Result<(Vec<Item>, usize), Diagnostic> {
        if inside.is_some() {
            return Err(Diagnostic::error(
                name.span,
                "__VA_OPT__ may not appear in a __VA_OPT__",
            ));
        }
        if !rest.first().is_some_and(|t| t.kind == TokenKind::LParen) {
            return Err(Diagnostic::error(
                name.span,
                "__VA_OPT__ must be followed by an open parenthesis",
            ));
        }
        let mut depth = 0usize;
        let mut close = None;
        for (k, t) in rest.iter().enumerate() {
            match t.kind {
                TokenKind::LParen => depth += 1,
                TokenKind::RParen if depth == 1 => {
                    close = Some(k);
                    break;
                }
                TokenKind::RParen => depth -= 1,
                _ => {}
            }
        }
        let Some(close) = close else {
            return Err(Diagnostic::error(name.span, "unterminated __VA_OPT__"));
        };
        let content = self.items(&rest[1..close], Some(name))?;
        Ok((content, close + 1))
    }
}
