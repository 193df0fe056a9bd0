//! `segvm tokens`: the token stream the parser reads (after preprocessing), one token a
//! line with its kind, spelling and position; `--raw` shows the lexer's tokens before
//! preprocessing, directives and line ends included.

use super::CompileArgs;
use crate::driver::Phase;
use crate::frontend::lexer::{self, Token, TokenKind};
use crate::source::SourceMap;
use clap::Args;
use std::fmt::Write;

#[derive(Args)]
pub struct TokensArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// The lexer's tokens of the file as written, before preprocessing
    #[arg(long)]
    pub raw: bool,
    /// Also show tokens that come from included headers
    #[arg(long)]
    pub all: bool,
}

/// The C99 keywords (6.4.1), told apart from identifiers for the reader.
const KEYWORDS: &[&str] = &[
    "auto",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "register",
    "restrict",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "void",
    "volatile",
    "while",
    "_Bool",
    "_Complex",
    "_Imaginary",
];

pub fn tokens(a: TokensArgs) -> i32 {
    if a.raw {
        let name = a.compile.file.display().to_string();
        let text = match std::fs::read(&a.compile.file) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!("error: cannot read {name}: {e}");
                return 1;
            }
        };
        let mut sources = SourceMap::new();
        let file = sources.add_file(name, text.as_str());
        let toks = lexer::lex(file, &text);
        print!("{}", render(&toks, &sources, true, true));
        return 0;
    }
    let c = match a.compile.compile(Phase::Preprocess) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let main = c.main;
    let shown: Vec<Token> = c
        .tokens
        .iter()
        .filter(|t| a.all || t.span.file == main)
        .cloned()
        .collect();
    print!("{}", render(&shown, &c.sources, false, a.all));
    let hidden = c.tokens.len() - shown.len();
    if hidden > 0 {
        println!("({hidden} tokens from included headers not shown; --all shows them)");
    }
    0
}

/// The kind of a token as the C standard names it.
pub fn kind_name(t: &Token) -> &'static str {
    match t.kind {
        TokenKind::Newline => "newline",
        TokenKind::Ident if KEYWORDS.contains(&&*t.text) => "keyword",
        TokenKind::Ident => "identifier",
        TokenKind::Number => {
            let s = t.text.to_ascii_lowercase();
            let hex = s.starts_with("0x");
            if s.contains('.') || (!hex && s.contains('e')) || (hex && s.contains('p')) {
                "floating constant"
            } else {
                "integer constant"
            }
        }
        TokenKind::CharLit => "character constant",
        TokenKind::StrLit => "string literal",
        TokenKind::Stray => "stray character",
        TokenKind::Hash | TokenKind::HashHash => "preprocessor punctuator",
        _ => "punctuator",
    }
}

/// One token a line: `LINE:COL  KIND  TEXT`, with where a macro expansion came from.
pub fn render(tokens: &[Token], sources: &SourceMap, raw: bool, with_file: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:<10} {:<24} text", "line:col", "kind");
    for t in tokens {
        let file = sources.file(t.span.file);
        let (line, col) = file.line_col(t.span.lo);
        let at = if with_file && !raw {
            format!("{}:{line}:{col}", file.name)
        } else {
            format!("{line}:{col}")
        };
        let text = if t.kind == TokenKind::Newline {
            "\\n".to_string()
        } else {
            t.text.to_string()
        };
        let from_macro = match t.spelling {
            Some(sp) if sp != t.span => {
                let f = sources.file(sp.file);
                let (l, _) = f.line_col(sp.lo);
                format!("   (macro expansion; spelled at {}:{l})", f.name)
            }
            _ => String::new(),
        };
        let _ = writeln!(out, "{at:<10} {:<24} {text}{from_macro}", kind_name(t));
    }
    out
}
