//! Parser glue: preprocessed tokens to parser tokens (keywords, literal values, typedef
//! names), the lalrpop parser over them, and the one function that turns parser errors
//! into diagnostics.

use super::ast::{FloatSuffix, IntLit, Name, TranslationUnit};
use super::lexer::{Token, TokenKind};
use crate::diagnostics::Diagnostic;
use crate::source::Span;
use lalrpop_util::{ErrorRecovery, ParseError};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused)]
    grammar,
    "/c.rs"
);

/// The tokens the grammar reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Ident(Name),
    /// An identifier declared by `typedef` in an enclosing scope (the "lexer hack").
    TypeName(Name),
    Int(IntLit),
    Float(f64, FloatSuffix),
    Char(i64),
    Str(Vec<u8>),
    Kw(Keyword),
    Punct(TokenKind),
    /// A keyword of a later C standard or an extension that segvm does not support.
    Unsupported(Name),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keyword {
    Auto,
    Break,
    Case,
    Char,
    Const,
    Continue,
    Default,
    Do,
    Double,
    Else,
    Enum,
    Extern,
    Float,
    For,
    Goto,
    If,
    Inline,
    Int,
    Long,
    Register,
    Restrict,
    Return,
    Short,
    Signed,
    Sizeof,
    Static,
    Struct,
    Switch,
    Typedef,
    Union,
    Unsigned,
    Void,
    Volatile,
    While,
    Bool,
    Complex,
    VaList,
    VaArg,
    Offsetof,
}

fn keyword(word: &str) -> Option<Keyword> {
    use Keyword::*;
    Some(match word {
        "auto" => Auto,
        "break" => Break,
        "case" => Case,
        "char" => Char,
        "const" | "__const" | "__const__" => Const,
        "continue" => Continue,
        "default" => Default,
        "do" => Do,
        "double" => Double,
        "else" => Else,
        "enum" => Enum,
        "extern" => Extern,
        "float" => Float,
        "for" => For,
        "goto" => Goto,
        "if" => If,
        "inline" | "__inline" | "__inline__" => Inline,
        "int" => Int,
        "long" => Long,
        "register" => Register,
        "restrict" | "__restrict" | "__restrict__" => Restrict,
        "return" => Return,
        "short" => Short,
        "signed" | "__signed" | "__signed__" => Signed,
        "sizeof" => Sizeof,
        "static" => Static,
        "struct" => Struct,
        "switch" => Switch,
        "typedef" => Typedef,
        "union" => Union,
        "unsigned" => Unsigned,
        "void" => Void,
        "volatile" | "__volatile" | "__volatile__" => Volatile,
        "while" => While,
        "_Bool" => Bool,
        "_Complex" | "_Imaginary" => Complex,
        "__builtin_va_list" => VaList,
        "__builtin_va_arg" => VaArg,
        "__builtin_offsetof" => Offsetof,
        _ => return None,
    })
}

const UNSUPPORTED_WORDS: &[&str] = &[
    "_Generic",
    "_Static_assert",
    "_Alignas",
    "_Alignof",
    "_Atomic",
    "_Noreturn",
    "_Thread_local",
    "__attribute__",
    "__asm__",
    "asm",
    "__typeof__",
    "typeof",
];

/// Shared between the token stream and the grammar's actions: which names are typedef
/// names in the current scope, and the diagnostics found while parsing.
pub struct ParseState<'t> {
    tokens: &'t [Token],
    scopes: RefCell<Vec<HashMap<Name, bool>>>,
    /// One entry per declaration being parsed: does its specifier list say `typedef`?
    typedef_decl: RefCell<Vec<bool>>,
    diagnostics: RefCell<Vec<Diagnostic>>,
}

impl<'t> ParseState<'t> {
    fn new(tokens: &'t [Token]) -> Self {
        ParseState {
            tokens,
            scopes: RefCell::new(vec![HashMap::new()]),
            typedef_decl: RefCell::new(Vec::new()),
            diagnostics: RefCell::new(Vec::new()),
        }
    }

    /// The span from token `l` up to (not including) token `r`.
    pub fn span(&self, l: usize, r: usize) -> Span {
        let first = self.token_span(l);
        if r > l + 1 {
            first.to(self.token_span(r - 1))
        } else {
            first
        }
    }

    fn token_span(&self, i: usize) -> Span {
        match self.tokens.get(i).or(self.tokens.last()) {
            Some(t) => t.span,
            None => Span::default(),
        }
    }

    fn is_typedef_name(&self, name: &str) -> bool {
        let scopes = self.scopes.borrow();
        scopes
            .iter()
            .rev()
            .find_map(|s| s.get(name))
            .copied()
            .unwrap_or(false)
    }

    /// Called by the grammar when a declaration's specifiers are complete.
    pub fn begin_declaration(&self, is_typedef: bool) {
        self.typedef_decl.borrow_mut().push(is_typedef);
    }

    pub fn end_declaration(&self) {
        self.typedef_decl.borrow_mut().pop();
    }

    /// Called by the grammar when a declarator of the current declaration is complete:
    /// from the next token on, its name is a typedef name or an ordinary identifier.
    pub fn declare(&self, name: Option<&Name>) {
        let Some(name) = name else { return };
        let is_typedef = self.typedef_decl.borrow().last().copied().unwrap_or(false);
        if let Some(scope) = self.scopes.borrow_mut().last_mut() {
            scope.insert(name.clone(), is_typedef);
        }
    }

    pub fn error(&self, span: Span, message: impl Into<String>) {
        self.diagnostics
            .borrow_mut()
            .push(Diagnostic::error(span, message));
    }

    /// Records a syntax error the grammar recovered from.
    pub fn recovered(&self, e: ErrorRecovery<usize, Tok, Diagnostic>) {
        let diag = self.syntax_error(e.error);
        self.diagnostics.borrow_mut().push(diag);
    }

    /// The one place parser-generator errors become messages.
    fn syntax_error(&self, e: ParseError<usize, Tok, Diagnostic>) -> Diagnostic {
        match e {
            ParseError::User { error } => error,
            ParseError::InvalidToken { location } => {
                Diagnostic::error(self.token_span(location), "invalid token")
            }
            ParseError::UnrecognizedEof { location, expected } => {
                let span = self.end_of(location);
                Diagnostic::error(
                    span,
                    format!("expected {} at end of input", summarize(&expected)),
                )
            }
            ParseError::UnrecognizedToken {
                token: (l, tok, _),
                expected,
            } => self.unexpected(l, &tok, &expected),
            ParseError::ExtraToken { token: (l, tok, _) } => self.unexpected(l, &tok, &[]),
        }
    }

    fn unexpected(&self, at: usize, tok: &Tok, expected: &[String]) -> Diagnostic {
        let span = self.token_span(at);
        let spelled = self.tokens.get(at).map_or("", |t| &*t.text);
        if let Tok::Unsupported(name) = tok {
            return Diagnostic::error(span, format!("'{name}' is not supported by segvm"));
        }
        let has = |s: &str| expected.iter().any(|e| e == s);
        let prev = at
            .checked_sub(1)
            .and_then(|p| self.tokens.get(p))
            .map(|t| t.kind);
        let after_boundary = matches!(
            prev,
            Some(TokenKind::Semi | TokenKind::LBrace | TokenKind::RBrace | TokenKind::Colon)
        );
        if prev == Some(TokenKind::Colon) && matches!(tok, Tok::Punct(TokenKind::RBrace)) {
            let label = self.token_span(at.saturating_sub(2));
            return Diagnostic::error(label, "label at end of compound statement");
        }
        if prev == Some(TokenKind::Colon)
            && matches!(tok, Tok::Kw(_) | Tok::TypeName(_))
            && has("\";\"")
        {
            return Diagnostic::error(
                span,
                "a label can only be part of a statement and a declaration is not a statement",
            );
        }
        // A missing terminator belongs at the end of the token before, as gcc reports it.
        for closer in ["\";\"", "\")\"", "\"]\"", "\"}\""] {
            if has(closer) && !after_boundary {
                let what = closer.trim_matches('"');
                let before = at.checked_sub(1).map_or(span, |p| self.end_of(p + 1));
                return Diagnostic::error(before, format!("expected '{what}' before '{spelled}'"));
            }
        }
        if has("Ident") || has("IntConst") {
            return Diagnostic::error(span, format!("expected expression before '{spelled}'"));
        }
        Diagnostic::error(span, format!("syntax error before '{spelled}'"))
    }

    /// A zero-width span just after token `i - 1`.
    fn end_of(&self, i: usize) -> Span {
        let s = self.token_span(i.saturating_sub(1));
        Span { lo: s.hi, ..s }
    }
}

fn summarize(expected: &[String]) -> String {
    if expected.iter().any(|e| e == "\"}\"") {
        "'}'".into()
    } else if expected.iter().any(|e| e == "\";\"") {
        "';'".into()
    } else {
        "more input".into()
    }
}

/// Parses preprocessed tokens into a translation unit. Every syntax error is reported;
/// the tree holds what could be read.
pub fn parse(tokens: &[Token]) -> (TranslationUnit, Vec<Diagnostic>) {
    let state = ParseState::new(tokens);
    let stream = TokenStream {
        state: &state,
        index: 0,
        type_seen: false,
        declarator: false,
        declaration: None,
        record_keyword: false,
        tag_pending: false,
        enum_keyword: false,
        parens: Vec::new(),
        next_paren: Paren::Plain,
        braces: Vec::new(),
        params: Vec::new(),
        after_goto: false,
    };
    let result = grammar::TranslationUnitParser::new().parse(&state, stream);
    let unit = match result {
        Ok(mut unit) => {
            if let Some(diag) = super::nesting::limit(&mut unit) {
                state.diagnostics.borrow_mut().push(diag);
            }
            unit
        }
        Err(e) => {
            let diag = state.syntax_error(e);
            state.diagnostics.borrow_mut().push(diag);
            TranslationUnit::default()
        }
    };
    let diags = state.diagnostics.into_inner();
    (unit, diags)
}

/// The token stream the parser pulls from: converts lazily, so typedef names declared
/// by the actions so far are known when the next identifier is classified.
struct TokenStream<'s, 't> {
    state: &'s ParseState<'t>,
    index: usize,
    /// The specifiers just read already name a type, so an identifier now is a declarator
    /// (`int T = 2;` declares a variable `T` even where `T` is a typedef name).
    type_seen: bool,
    /// A declarator's name is due: specifiers named a type (or a `,` separates
    /// declarators) and only `*`, `(` and qualifiers came since (`T *T;`, `int a, T;`);
    /// or a member name, after `.` or `->`.
    declarator: bool,
    /// The declaration being read at block or file scope or in a `for` clause: the
    /// parenthesis depth where a `,` separates its declarators.
    declaration: Option<usize>,
    /// `struct`/`union`/`enum` was just read: the next `{` opens a member list.
    record_keyword: bool,
    /// `struct`/`union`/`enum` was just read: an identifier now is its tag.
    tag_pending: bool,
    /// `enum` was just read: its `{` opens a list of enumerators.
    enum_keyword: bool,
    /// What each open parenthesis belongs to.
    parens: Vec<Paren>,
    /// What the next `(` belongs to (`for` or `__builtin_offsetof` was just read).
    next_paren: Paren,
    /// For each open brace: what it opens, and the declaration it interrupts.
    braces: Vec<(Brace, Option<usize>)>,
    /// The previous token was `goto`.
    after_goto: bool,
    /// The parameter names of the declaration being read (at its first level of
    /// parentheses): ordinary identifiers in the function body that may follow.
    params: Vec<Name>,
}

impl Iterator for TokenStream<'_, '_> {
    type Item = Result<(usize, Tok, usize), Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        let state = self.state;
        let i = self.index;
        let token = state.tokens.get(i)?;
        self.index += 1;
        let tok = match convert(token) {
            Ok(t) => t,
            Err(e) => return Some(Err(e)),
        };
        // A label (`out:`, `goto out;`) lives in a name space of its own.
        let label = self.after_goto
            || state
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Colon);
        self.after_goto = matches!(tok, Tok::Kw(Keyword::Goto));
        let tok = match tok {
            Tok::Ident(name)
                if !self.type_seen
                    && !self.declarator
                    && !label
                    && state.is_typedef_name(&name) =>
            {
                Tok::TypeName(name)
            }
            Tok::Ident(name) => {
                if self.declarator
                    && !self.tag_pending
                    && self.declaration.is_some_and(|d| d + 1 == self.parens.len())
                    && self.parens.last() == Some(&Paren::Plain)
                {
                    self.params.push(name.clone());
                }
                Tok::Ident(name)
            }
            t => t,
        };
        self.track(&tok);
        Some(Ok((i, tok, i + 1)))
    }
}

impl TokenStream<'_, '_> {
    /// Follows block scopes and declaration specifiers for the typedef-name decision.
    fn track(&mut self, tok: &Tok) {
        use Keyword::*;
        let state = self.state;
        let next_paren = std::mem::replace(&mut self.next_paren, Paren::Plain);
        match tok {
            Tok::Kw(
                Void | Char | Short | Int | Long | Float | Double | Signed | Unsigned | Bool
                | Complex | VaList,
            )
            | Tok::TypeName(_) => self.type_specifier(),
            Tok::Kw(k @ (Struct | Union | Enum)) => {
                self.type_specifier();
                self.record_keyword = true;
                self.enum_keyword = *k == Enum;
                self.tag_pending = true;
            }
            Tok::Kw(
                Const | Volatile | Restrict | Static | Extern | Typedef | Auto | Register | Inline,
            ) => {}
            // A tag after `struct`: the specifiers still name a type.
            Tok::Ident(_) if self.tag_pending => self.tag_pending = false,
            Tok::Kw(For) => {
                self.reset();
                self.next_paren = Paren::For;
            }
            Tok::Kw(Offsetof) => {
                self.reset();
                self.next_paren = Paren::Offsetof;
            }
            Tok::Punct(TokenKind::Star) if self.declarator => {}
            // A member name comes next (`s.T`, `p->T`, `.T = 1`).
            Tok::Punct(TokenKind::Dot | TokenKind::Arrow) => {
                self.reset();
                self.declarator = true;
            }
            Tok::Punct(TokenKind::LParen) => {
                self.parens.push(next_paren);
                self.type_seen = false;
                self.record_keyword = false;
                self.tag_pending = false;
            }
            Tok::Punct(TokenKind::RParen) => {
                self.parens.pop();
                self.reset();
            }
            // Another declarator, the member path of `offsetof`, or an enumerator is due.
            Tok::Punct(TokenKind::Comma)
                if self.declaration == Some(self.parens.len())
                    || self.parens.last() == Some(&Paren::Offsetof)
                    || self.braces.last().map(|b| b.0)
                        == Some(Brace::Enumerators(self.parens.len())) =>
            {
                self.reset();
                self.declarator = true;
            }
            Tok::Punct(TokenKind::Semi) => {
                self.reset();
                if self.declaration == Some(self.parens.len()) {
                    self.declaration = None;
                    self.params.clear();
                }
            }
            Tok::Punct(TokenKind::LBrace) => {
                // A function body: its parameters hide typedef names of the same name.
                let params = std::mem::take(&mut self.params);
                let scope = params.into_iter().map(|p| (p, false)).collect();
                state.scopes.borrow_mut().push(scope);
                let brace = match (self.record_keyword, self.enum_keyword) {
                    (true, true) => Brace::Enumerators(self.parens.len()),
                    (true, false) => Brace::Members,
                    _ => Brace::Other,
                };
                self.braces.push((brace, self.declaration.take()));
                self.reset();
                self.declarator = matches!(brace, Brace::Enumerators(_));
            }
            Tok::Punct(TokenKind::RBrace) => {
                let mut scopes = state.scopes.borrow_mut();
                if scopes.len() > 1 {
                    scopes.pop();
                }
                self.reset();
                let (brace, declaration) = self.braces.pop().unwrap_or((Brace::Other, None));
                let members = brace != Brace::Other;
                self.type_seen = members;
                self.declarator = members;
                self.declaration = declaration;
            }
            _ => self.reset(),
        }
    }

    /// A type specifier: a declarator comes next; at block or file scope (or in a `for`
    /// clause) a declaration starts here unless one is under way.
    fn type_specifier(&mut self) {
        self.type_seen = true;
        self.declarator = true;
        if self.declaration.is_none() && self.parens.last().is_none_or(|p| *p == Paren::For) {
            self.declaration = Some(self.parens.len());
        }
    }

    fn reset(&mut self) {
        self.type_seen = false;
        self.declarator = false;
        self.record_keyword = false;
        self.enum_keyword = false;
        self.tag_pending = false;
    }
}

/// What a parenthesis belongs to, for the typedef-name decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Paren {
    Plain,
    /// A `for` statement's clauses: a declaration may start there.
    For,
    /// `__builtin_offsetof(type, member)`: a member name follows the `,`.
    Offsetof,
}

/// What a brace opens, for the typedef-name decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Brace {
    /// A struct or union's member list.
    Members,
    /// An enum's list, at this parenthesis depth: an enumerator follows `{` and `,`.
    Enumerators(usize),
    Other,
}

/// One preprocessing token to one parser token. Literal values are computed here.
fn convert(token: &Token) -> Result<Tok, Diagnostic> {
    let text = &*token.text;
    let err = |msg: String| Diagnostic::error(token.span, msg);
    Ok(match token.kind {
        TokenKind::Ident => {
            if let Some(k) = keyword(text) {
                Tok::Kw(k)
            } else if UNSUPPORTED_WORDS.contains(&text) {
                Tok::Unsupported(token.text.clone())
            } else {
                Tok::Ident(token.text.clone())
            }
        }
        TokenKind::Number => parse_number(text).map_err(err)?,
        TokenKind::CharLit => Tok::Char(parse_char(text).map_err(err)?),
        TokenKind::StrLit => Tok::Str(parse_string(text).map_err(err)?),
        TokenKind::Stray => return Err(err(format!("stray '{text}' in program"))),
        TokenKind::Newline | TokenKind::Hash | TokenKind::HashHash => {
            return Err(err(format!("stray '{text}' in program")));
        }
        kind => Tok::Punct(kind),
    })
}

/// An integer or floating constant (C11 6.4.4.1, 6.4.4.2).
pub fn parse_number(text: &str) -> Result<Tok, String> {
    let lower = text.to_ascii_lowercase();
    let is_hex = lower.starts_with("0x");
    let is_float = if is_hex {
        lower.contains('.') || lower.contains('p')
    } else {
        lower.contains('.') || lower.contains('e')
    };
    if is_float {
        return parse_float(text, is_hex);
    }
    let (radix, digits_start) = if is_hex {
        (16, 2)
    } else if lower.starts_with('0') {
        (8, 0)
    } else {
        (10, 0)
    };
    let body = &lower[digits_start..];
    let digits_end = body
        .find(|c: char| !c.is_ascii_hexdigit() || (radix != 16 && !c.is_ascii_digit()))
        .unwrap_or(body.len());
    let (digits, suffix) = body.split_at(digits_end);
    let invalid_suffix = || {
        format!(
            "invalid suffix \"{}\" on integer constant",
            &text[digits_start + digits_end..]
        )
    };
    let (unsigned, longs) = match suffix {
        "" => (false, 0),
        "u" => (true, 0),
        "l" => (false, 1),
        "ul" | "lu" => (true, 1),
        "ll" => (false, 2),
        "ull" | "llu" => (true, 2),
        _ => return Err(invalid_suffix()),
    };
    // `lL` and `Ll` are not valid spellings of `ll`.
    if longs == 2 && !(text.contains("ll") || text.contains("LL")) {
        return Err(invalid_suffix());
    }
    if digits.is_empty() && radix == 16 {
        return Err(invalid_suffix());
    }
    if radix == 8 && digits.bytes().any(|b| b >= b'8') {
        return Err(format!("invalid digit in octal constant \"{text}\""));
    }
    let value = if digits.is_empty() {
        0
    } else {
        u64::from_str_radix(digits, radix)
            .map_err(|_| "integer constant is too large for its type".to_string())?
    };
    Ok(Tok::Int(IntLit {
        value,
        unsigned,
        longs,
        decimal: radix == 10,
    }))
}

fn parse_float(text: &str, is_hex: bool) -> Result<Tok, String> {
    let (body, suffix) = match text.as_bytes().last() {
        Some(b'f' | b'F') if !is_hex || text.to_ascii_lowercase().contains('p') => {
            (&text[..text.len() - 1], FloatSuffix::F)
        }
        Some(b'l' | b'L') => (&text[..text.len() - 1], FloatSuffix::L),
        _ => (text, FloatSuffix::None),
    };
    let bad = || format!("invalid floating constant \"{text}\"");
    let value = if is_hex {
        parse_hex_float(&body[2..]).ok_or_else(bad)?
    } else if suffix == FloatSuffix::F {
        body.parse::<f32>().map_err(|_| bad())? as f64
    } else {
        body.parse::<f64>().map_err(|_| bad())?
    };
    Ok(Tok::Float(value, suffix))
}

/// `1.8p3` (after `0x`): mantissa in hex, exponent in decimal, power of two.
fn parse_hex_float(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    let (mantissa, exp) = lower.split_once('p')?;
    let exp: i32 = exp.parse().ok()?;
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut value = 0f64;
    for c in int_part.chars() {
        value = value * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        value += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    Some(value * 2f64.powi(exp))
}

/// Reads one escape sequence or plain character; returns the byte value and the rest.
fn unescape_one(s: &[u8]) -> Result<(u32, &[u8]), String> {
    let Some((&first, rest)) = s.split_first() else {
        return Err("empty character constant".into());
    };
    if first != b'\\' {
        return Ok((first as u32, rest));
    }
    let Some((&c, rest)) = rest.split_first() else {
        return Err("missing character after '\\'".into());
    };
    let simple = match c {
        b'n' => Some(b'\n'),
        b't' => Some(b'\t'),
        b'r' => Some(b'\r'),
        b'a' => Some(7),
        b'b' => Some(8),
        b'f' => Some(12),
        b'v' => Some(11),
        b'e' => Some(27),
        b'\\' | b'\'' | b'"' | b'?' => Some(c),
        _ => None,
    };
    if let Some(b) = simple {
        return Ok((b as u32, rest));
    }
    match c {
        b'0'..=b'7' => {
            let n = rest
                .iter()
                .take(2)
                .take_while(|b| (b'0'..=b'7').contains(b))
                .count();
            let digits = std::str::from_utf8(&s[1..2 + n]).unwrap_or("0");
            let v = u32::from_str_radix(digits, 8).unwrap_or(0);
            if v > 0xff {
                return Err("octal escape sequence out of range".into());
            }
            Ok((v, &rest[n..]))
        }
        b'x' => {
            let n = rest.iter().take_while(|b| b.is_ascii_hexdigit()).count();
            if n == 0 {
                return Err("\\x used with no following hex digits".into());
            }
            let digits = std::str::from_utf8(&rest[..n]).unwrap_or("0");
            match u32::from_str_radix(digits, 16) {
                Ok(v) if v <= 0xff => Ok((v, &rest[n..])),
                _ => Err("hex escape sequence out of range".into()),
            }
        }
        b'u' | b'U' => Err("universal character names are not supported by segvm".into()),
        other => Ok((other as u32, rest)),
    }
}

fn reject_prefix(text: &str, what: &str) -> Result<(), String> {
    match text.as_bytes().first() {
        Some(b'L' | b'u' | b'U') => Err(format!("wide {what} are not supported by segvm")),
        _ => Ok(()),
    }
}

/// A character constant's value as an `int` (plain `char` is signed; several characters
/// combine as gcc does).
pub fn parse_char(text: &str) -> Result<i64, String> {
    reject_prefix(text, "character constants")?;
    let inner = &text.as_bytes()[1..text.len() - 1];
    if inner.is_empty() {
        return Err("empty character constant".into());
    }
    let mut rest = inner;
    let mut chars = Vec::new();
    while !rest.is_empty() {
        let (v, r) = unescape_one(rest)?;
        chars.push(v as u8);
        rest = r;
    }
    Ok(match chars.as_slice() {
        [c] => *c as i8 as i64,
        many => many
            .iter()
            .fold(0i32, |acc, &c| acc.wrapping_shl(8) | c as i32) as i64,
    })
}

/// The bytes of a string literal, escapes resolved, without the terminating NUL.
pub fn parse_string(text: &str) -> Result<Vec<u8>, String> {
    reject_prefix(text, "string literals")?;
    let mut rest = &text.as_bytes()[1..text.len() - 1];
    let mut out = Vec::with_capacity(rest.len());
    while !rest.is_empty() {
        let (v, r) = unescape_one(rest)?;
        out.push(v as u8);
        rest = r;
    }
    Ok(out)
}

/// Concatenates adjacent string literals (the grammar's `Str+`).
pub fn concat_strings(parts: Vec<Vec<u8>>) -> Vec<u8> {
    parts.concat()
}

/// Shared handle for actions that build names.
pub fn name(s: &str) -> Name {
    Rc::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_constants() {
        let int = |t: &str| match parse_number(t) {
            Ok(Tok::Int(i)) => (i.value, i.unsigned, i.longs, i.decimal),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(int("42"), (42, false, 0, true));
        assert_eq!(int("0x1fUL"), (31, true, 1, false));
        assert_eq!(int("017"), (15, false, 0, false));
        assert_eq!(int("0"), (0, false, 0, false));
        assert_eq!(int("10ull"), (10, true, 2, true));
        assert!(parse_number("123abc").is_err());
        assert!(parse_number("08").is_err());
        assert!(parse_number("99999999999999999999").is_err());
        assert!(parse_number("1lL").is_err());
    }

    #[test]
    fn float_constants() {
        assert_eq!(parse_number("1.5"), Ok(Tok::Float(1.5, FloatSuffix::None)));
        assert_eq!(parse_number("1e3f"), Ok(Tok::Float(1000.0, FloatSuffix::F)));
        assert_eq!(
            parse_number("0x1.8p1"),
            Ok(Tok::Float(3.0, FloatSuffix::None))
        );
        assert_eq!(parse_number(".5"), Ok(Tok::Float(0.5, FloatSuffix::None)));
        assert_eq!(
            parse_number("0.1f"),
            Ok(Tok::Float(0.1f32 as f64, FloatSuffix::F))
        );
    }

    #[test]
    fn character_constants() {
        assert_eq!(parse_char("'a'"), Ok(97));
        assert_eq!(parse_char("'\\n'"), Ok(10));
        assert_eq!(parse_char("'\\xff'"), Ok(-1));
        assert_eq!(parse_char("'\\101'"), Ok(65));
        assert_eq!(parse_char("'\\0'"), Ok(0));
        assert_eq!(parse_char("'ab'"), Ok(0x6162));
        assert!(parse_char("''").is_err());
        assert!(parse_char("L'a'").is_err());
    }

    #[test]
    fn string_literals() {
        assert_eq!(parse_string(r#""a\tb\"\\""#), Ok(b"a\tb\"\\".to_vec()));
        assert_eq!(parse_string(r#""\x41\0""#), Ok(vec![65, 0]));
        assert!(parse_string(r#""\x100""#).is_err());
    }
}

#[cfg(test)]
mod parse_tests {
    use super::*;
    use crate::frontend::lexer::lex;
    use crate::source::FileId;

    fn parse_src(src: &str) -> (TranslationUnit, Vec<Diagnostic>) {
        let toks: Vec<Token> = lex(FileId(0), src)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Newline)
            .collect();
        parse(&toks)
    }

    #[test]
    fn parses_declarations_and_statements() {
        let (unit, diags) = parse_src(
            "typedef int T; T x = 1; int (*fp[4])(int, char *);
             struct S { int a; T b[3]; } s;
             int main(void) { T y = (T)x; if (y) if (x) y = 1; else y = 2;
               for (int i = 0; i < 3; i++) { y += i; } return sizeof(T) + y; }",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(unit.items.len(), 5);
    }

    #[test]
    fn typedef_name_shadowed_by_a_variable() {
        let (_, diags) = parse_src("typedef int T; int f(void) { int T = 2; return T * 3; }");
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn typedef_name_redeclared_by_any_declarator() {
        let (_, diags) = parse_src(
            "typedef int T; typedef int U; typedef int V;
             int f(int *T) { int a, U = 1, *V = &a; return *T + U + *V; }
             int g(void) { for (int i = 0, j = 1; i < j; i++) {} { char *T, *U[2]; }
               struct S { int a, V; } s = { 1, 2 }; T x = (T)1; return s.V + x; }
             typedef struct N N; static struct N *h(struct N *n, const U u) { N *m = n; return m; }
             int k(void) { enum { A, B = 2 }; return B + (int)__builtin_offsetof(struct S, V); }
             enum E { T, U = 2, V };
             int l(void) { goto T; T: return 0; }",
        );
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn reports_several_syntax_errors() {
        let (_, diags) =
            parse_src("int f(void) { int x = 1 return x; }\nint g(void) { y = ; return 0; }");
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(diags[0].message, "expected ';' before 'return'");
    }
}
