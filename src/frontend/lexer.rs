//! The lexer: source text to preprocessing tokens (C11 6.4), with logos.
//!
//! Keywords are not told apart here: the preprocessor sees every word as an identifier,
//! and the parser glue ([`super::parser`]) classifies them after macro expansion.

use crate::source::{FileId, Span};
use logos::Logos;
use std::rc::Rc;

/// Kinds of preprocessing tokens. Comments, spaces and escaped newlines are skipped;
/// a real newline is a token because it ends a directive.
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[logos(skip r"[ \t\x0c\x0b\r]+")]
#[logos(skip r"\\\r?\n")]
#[logos(skip(r"//[^\n]*", allow_greedy = true))]
#[logos(skip r"/\*([^*]|\*+[^*/])*\*+/")]
pub enum TokenKind {
    #[token("\n")]
    Newline,
    #[regex(r"[A-Za-z_$]([A-Za-z0-9_$]|\\\r?\n)*")]
    Ident,
    /// A pp-number: integer and floating constants before they are checked.
    #[regex(r"\.?[0-9]([0-9A-Za-z_.]|[eEpP][+-]|\\\r?\n)*")]
    Number,
    #[regex(r#"(L|u8|u|U)?'([^'\\\n]|\\.|\\\r?\n)*'"#)]
    CharLit,
    #[regex(r#"(L|u8|u|U)?"([^"\\\n]|\\.|\\\r?\n)*""#)]
    StrLit,
    #[token("[")]
    LBracket,
    #[token("]")]
    RBracket,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(".")]
    Dot,
    #[token("->")]
    Arrow,
    #[token("++")]
    PlusPlus,
    #[token("--")]
    MinusMinus,
    #[token("&")]
    Amp,
    #[token("*")]
    Star,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("~")]
    Tilde,
    #[token("!")]
    Bang,
    #[token("/")]
    Slash,
    #[token("%")]
    Percent,
    #[token("<<")]
    Shl,
    #[token(">>")]
    Shr,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("==")]
    EqEq,
    #[token("!=")]
    Ne,
    #[token("^")]
    Caret,
    #[token("|")]
    Pipe,
    #[token("&&")]
    AmpAmp,
    #[token("||")]
    PipePipe,
    #[token("?")]
    Question,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token("...")]
    Ellipsis,
    #[token("=")]
    Assign,
    #[token("*=")]
    StarAssign,
    #[token("/=")]
    SlashAssign,
    #[token("%=")]
    PercentAssign,
    #[token("+=")]
    PlusAssign,
    #[token("-=")]
    MinusAssign,
    #[token("<<=")]
    ShlAssign,
    #[token(">>=")]
    ShrAssign,
    #[token("&=")]
    AmpAssign,
    #[token("^=")]
    CaretAssign,
    #[token("|=")]
    PipeAssign,
    #[token(",")]
    Comma,
    #[token("#")]
    Hash,
    #[token("##")]
    HashHash,
    /// Any other character: an error if it survives preprocessing (it may sit in a
    /// skipped `#if` branch, where it is harmless).
    Stray,
}

/// A preprocessing token with its spelling and where it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    pub text: Rc<str>,
    /// Where the user sees this token: for a token produced by a macro expansion, the
    /// place of the (outermost) macro invocation.
    pub span: Span,
    /// Where the token was spelled, when that differs from `span` (inside a macro body).
    pub spelling: Option<Span>,
    /// White space (or a comment) precedes the token on its line.
    pub leading_space: bool,
    /// The token is the first of its line.
    pub line_start: bool,
}

impl Token {
    pub fn is(&self, kind: TokenKind) -> bool {
        self.kind == kind
    }

    pub fn is_ident(&self, name: &str) -> bool {
        self.kind == TokenKind::Ident && &*self.text == name
    }
}

/// Lexes one file into tokens, newlines included.
pub fn lex(file: FileId, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut lexer = TokenKind::lexer(text);
    let mut prev_end = 0usize;
    let mut line_start = true;
    while let Some(result) = lexer.next() {
        let range = lexer.span();
        let kind = result.unwrap_or(TokenKind::Stray);
        let leading_space = range.start > prev_end;
        let slice = lexer.slice();
        // A newline inside a token can only be a backslash-newline: a line splice
        // (C99 5.1.1.2 phase 2), which is not part of the spelling.
        let text = if slice.len() > 1 && slice.contains('\n') {
            Rc::from(slice.replace("\\\r\n", "").replace("\\\n", ""))
        } else {
            Rc::from(slice)
        };
        out.push(Token {
            kind,
            text,
            span: Span::new(file, range.start, range.end),
            spelling: None,
            leading_space,
            line_start,
        });
        line_start = kind == TokenKind::Newline;
        prev_end = range.end;
    }
    out
}

/// A punctuator's spelling, for messages and for pasting.
pub fn describe(kind: TokenKind) -> &'static str {
    use TokenKind::*;
    match kind {
        Newline => "end of line",
        Ident => "identifier",
        Number => "number",
        CharLit => "character constant",
        StrLit => "string literal",
        Stray => "stray character",
        LBracket => "[",
        RBracket => "]",
        LParen => "(",
        RParen => ")",
        LBrace => "{",
        RBrace => "}",
        Dot => ".",
        Arrow => "->",
        PlusPlus => "++",
        MinusMinus => "--",
        Amp => "&",
        Star => "*",
        Plus => "+",
        Minus => "-",
        Tilde => "~",
        Bang => "!",
        Slash => "/",
        Percent => "%",
        Shl => "<<",
        Shr => ">>",
        Lt => "<",
        Gt => ">",
        Le => "<=",
        Ge => ">=",
        EqEq => "==",
        Ne => "!=",
        Caret => "^",
        Pipe => "|",
        AmpAmp => "&&",
        PipePipe => "||",
        Question => "?",
        Colon => ":",
        Semi => ";",
        Ellipsis => "...",
        Assign => "=",
        StarAssign => "*=",
        SlashAssign => "/=",
        PercentAssign => "%=",
        PlusAssign => "+=",
        MinusAssign => "-=",
        ShlAssign => "<<=",
        ShrAssign => ">>=",
        AmpAssign => "&=",
        CaretAssign => "^=",
        PipeAssign => "|=",
        Comma => ",",
        Hash => "#",
        HashHash => "##",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenKind::*;

    fn kinds(src: &str) -> Vec<TokenKind> {
        lex(FileId(0), src).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn punctuators_take_the_longest_match() {
        assert_eq!(
            kinds("a<<=b->c"),
            vec![Ident, ShlAssign, Ident, Arrow, Ident]
        );
        assert_eq!(kinds("x+++y"), vec![Ident, PlusPlus, Plus, Ident]);
    }

    #[test]
    fn comments_and_continuations_are_skipped() {
        assert_eq!(
            kinds("a /* x\ny */ b // c\n#define \\\n X"),
            vec![Ident, Ident, Newline, Hash, Ident, Ident]
        );
    }

    #[test]
    fn numbers_and_literals() {
        assert_eq!(
            kinds("0x1fUL 1.5e+3f .5 'a' '\\'' \"s\\\"t\""),
            vec![Number, Number, Number, CharLit, CharLit, StrLit]
        );
    }

    #[test]
    fn line_splices_inside_tokens() {
        let toks = lex(FileId(0), "\"ab\\\ncd\" fo\\\r\no 1\\\n2 'x\\\n'");
        let texts: Vec<&str> = toks.iter().map(|t| &*t.text).collect();
        assert_eq!(texts, ["\"abcd\"", "foo", "12", "'x'"]);
        assert_eq!(kinds("\"ab\\\ncd\""), vec![StrLit]);
        assert_eq!(toks[1].span, Span::new(FileId(0), 9, 15));
    }

    #[test]
    fn line_start_and_spacing_are_recorded() {
        let toks = lex(FileId(0), "#define F(x) (x)\n  #if");
        assert!(toks[0].line_start);
        assert!(!toks[3].leading_space, "F( has no space");
        assert!(toks[6].leading_space);
        let hash = toks.iter().rposition(|t| t.kind == Hash).unwrap();
        assert!(toks[hash].line_start && toks[hash].leading_space);
    }
}
