//! Token-level mutation of C source: split a program into tokens (roughly, as a C lexer
//! would), then delete, duplicate, swap, replace or insert whole tokens, so that most
//! mutants still lex and many still parse, reaching sema, codegen and the VM.
//!
//! Deterministic for a seed, so a property test can replay it; shared by the fuzz targets
//! and `tests/fuzz_regressions.rs`.

/// C tokens and fragments that mutations insert: keywords, punctuators, library names,
/// directives, and numbers at the edges of types and of the address space.
pub const DICTIONARY: &[&str] = &[
    // keywords
    "int",
    "char",
    "short",
    "long",
    "unsigned",
    "signed",
    "float",
    "double",
    "void",
    "_Bool",
    "struct",
    "union",
    "enum",
    "typedef",
    "static",
    "extern",
    "const",
    "volatile",
    "register",
    "auto",
    "inline",
    "restrict",
    "sizeof",
    "if",
    "else",
    "while",
    "do",
    "for",
    "switch",
    "case",
    "default",
    "break",
    "continue",
    "return",
    "goto",
    // punctuators
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ";",
    ",",
    ".",
    "->",
    "...",
    "?",
    ":",
    "=",
    "+=",
    "-=",
    "*=",
    "/=",
    "%=",
    "<<=",
    ">>=",
    "&=",
    "|=",
    "^=",
    "++",
    "--",
    "+",
    "-",
    "*",
    "/",
    "%",
    "<<",
    ">>",
    "<",
    ">",
    "<=",
    ">=",
    "==",
    "!=",
    "&",
    "|",
    "^",
    "~",
    "!",
    "&&",
    "||",
    "#",
    "##",
    // preprocessor
    "\n#define X ",
    "\n#define F(a, b) ",
    "\n#undef X\n",
    "\n#if 1\n",
    "\n#ifdef X\n",
    "\n#else\n",
    "\n#endif\n",
    "\n#include <stdio.h>\n",
    "\n#include <stdlib.h>\n",
    "\n#include <string.h>\n",
    "\n#include <assert.h>\n",
    "__LINE__",
    "__FILE__",
    "defined",
    "#x",
    "a ## b",
    "__VA_ARGS__",
    // library
    "malloc",
    "free",
    "calloc",
    "realloc",
    "printf",
    "puts",
    "putchar",
    "scanf",
    "getchar",
    "strlen",
    "strcpy",
    "strcmp",
    "memcpy",
    "memset",
    "memmove",
    "assert",
    "abort",
    "exit",
    "atoi",
    "qsort",
    "sprintf",
    "snprintf",
    "fopen",
    "fgets",
    "main",
    "NULL",
    "argc",
    "argv",
    // literals
    "0",
    "1",
    "-1",
    "2",
    "7",
    "8",
    "16",
    "255",
    "256",
    "4096",
    "65536",
    "0x7fffffff",
    "0x80000000",
    "2147483647",
    "-2147483648",
    "4294967295",
    "0xffffffffffffffff",
    "9223372036854775807",
    "1e308",
    "0.5",
    "1.0f",
    "'a'",
    "'\\0'",
    "'\\n'",
    "\"%d\\n\"",
    "\"%s\"",
    "\"%p\\n\"",
    "\"%.*f\"",
    "\"%n\"",
    "\"\"",
    "\"abc\"",
    "L'x'",
    "1u",
    "1ul",
    "1ll",
    "077",
    "0b1",
    // fragments
    "int x;",
    "int *p = 0;",
    "char buf[4];",
    "x = 0;",
    "p = malloc(8);",
    "free(p);",
    "return 0;",
    "main(void)",
    "int main(void) { return 0; }",
    "(int *)",
    "(char)",
    "*p",
    "&x",
    "p[1]",
    "s.a",
    "f()",
    "{ int y; }",
    "while (1) ;",
    "for (;;)",
];

/// A small deterministic generator (xorshift64*).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15 | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PUNCTUATORS: &[&str] = &[
    "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##",
];

/// Splits source into tokens, keeping whitespace and comments as tokens of their own so
/// that joining the tokens gives the input back.
pub fn tokenize(src: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let start = i;
        let c = src[i];
        let rest = &src[i..];
        if c.is_ascii_whitespace() {
            while i < src.len() && src[i].is_ascii_whitespace() {
                i += 1;
            }
        } else if rest.starts_with(b"//") {
            while i < src.len() && src[i] != b'\n' {
                i += 1;
            }
        } else if rest.starts_with(b"/*") {
            i += 2;
            while i < src.len() && !src[i..].starts_with(b"*/") {
                i += 1;
            }
            i = (i + 2).min(src.len());
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            while i < src.len()
                && (src[i].is_ascii_alphanumeric() || src[i] == b'_' || src[i] == b'.')
            {
                i += 1;
            }
        } else if c == b'"' || c == b'\'' {
            i += 1;
            while i < src.len() && src[i] != c && src[i] != b'\n' {
                i += if src[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(src.len());
        } else {
            i += PUNCTUATORS
                .iter()
                .find(|p| rest.starts_with(p.as_bytes()))
                .map_or(1, |p| p.len());
        }
        out.push(&src[start..i.min(src.len())]);
    }
    out
}

fn is_space(t: &[u8]) -> bool {
    t.first().is_some_and(|c| c.is_ascii_whitespace())
}

fn is_ident(t: &[u8]) -> bool {
    t.first()
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_')
}

fn is_number(t: &[u8]) -> bool {
    t.first().is_some_and(u8::is_ascii_digit)
}

const SPLICE: usize = 10;

/// One round of mutation, of the kind `choice` (0..12) names.
fn mutate_once(tokens: &mut Vec<Vec<u8>>, rng: &mut Rng, donor: &[Vec<u8>], choice: usize) {
    if tokens.is_empty() {
        tokens.push(rng.pick(DICTIONARY).as_bytes().to_vec());
        return;
    }
    let n = tokens.len();
    let at = rng.below(n);
    match choice {
        // Delete one token, or a short run.
        0 | 1 => {
            let len = 1 + rng.below(4.min(n - at));
            tokens.drain(at..at + len);
        }
        // Replace a token by one from the dictionary.
        2 | 3 => tokens[at] = rng.pick(DICTIONARY).as_bytes().to_vec(),
        // Insert a dictionary token, spaced so it stays one token.
        4 | 5 => {
            let t = rng.pick(DICTIONARY);
            tokens.insert(at, format!(" {t} ").into_bytes());
        }
        // Duplicate a run of tokens somewhere else.
        6 => {
            let len = 1 + rng.below(32.min(n - at));
            let run: Vec<Vec<u8>> = tokens[at..at + len].to_vec();
            let to = rng.below(n + 1);
            tokens.splice(to..to, run);
        }
        // Swap two tokens.
        7 => {
            let other = rng.below(n);
            tokens.swap(at, other);
        }
        // Replace an identifier by another identifier of the program.
        8 => {
            let idents: Vec<&Vec<u8>> = tokens.iter().filter(|t| is_ident(t)).collect();
            if !idents.is_empty() {
                let new = (*rng.pick(&idents)).clone();
                if let Some(i) = (0..n).map(|k| (at + k) % n).find(|&i| is_ident(&tokens[i])) {
                    tokens[i] = new;
                }
            }
        }
        // Replace a number by an interesting one.
        9 => {
            const NUMBERS: &[&str] = &[
                "0",
                "1",
                "-1",
                "2",
                "3",
                "8",
                "64",
                "1000",
                "4096",
                "100000",
                "1048576",
                "2147483647",
                "4294967296",
                "0x7fffffffffffffff",
                "-9223372036854775807",
                "1e30",
                "1e-30",
                "0.0",
            ];
            if let Some(i) = (0..n)
                .map(|k| (at + k) % n)
                .find(|&i| is_number(&tokens[i]))
            {
                tokens[i] = rng.pick(NUMBERS).as_bytes().to_vec();
            }
        }
        // Splice in a run of tokens from another program.
        SPLICE if !donor.is_empty() => {
            let from = rng.below(donor.len());
            let len = 1 + rng.below(64.min(donor.len() - from));
            tokens.splice(at..at, donor[from..from + len].iter().cloned());
        }
        // Nest: wrap a run in brackets of one kind.
        _ => {
            let (open, close) = *rng.pick(&[("(", ")"), ("{", "}"), ("[", "]")]);
            let len = rng.below(8.min(n - at) + 1);
            tokens.insert(at + len, close.as_bytes().to_vec());
            tokens.insert(at, open.as_bytes().to_vec());
        }
    }
}

/// Mutates `src` with a few rounds of token-level changes (and, with `donor`, splices
/// from another program); the result is at most `max_len` bytes.
pub fn mutate(src: &[u8], donor: &[u8], seed: u64, max_len: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut tokens: Vec<Vec<u8>> = tokenize(src).into_iter().map(<[u8]>::to_vec).collect();
    let donor: Vec<Vec<u8>> = tokenize(donor)
        .into_iter()
        .filter(|t| !is_space(t))
        .map(|t| {
            let mut v = t.to_vec();
            v.push(b' ');
            v
        })
        .collect();
    if !donor.is_empty() {
        mutate_once(&mut tokens, &mut rng, &donor, SPLICE);
    }
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let choice = rng.below(12);
        mutate_once(&mut tokens, &mut rng, &donor, choice);
    }
    let mut out = tokens.concat();
    out.truncate(max_len);
    out
}

/// A random soup of dictionary tokens (a few from a program's own vocabulary mixed in).
pub fn token_soup(seed: u64, len: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    for _ in 0..len {
        out.extend_from_slice(rng.pick(DICTIONARY).as_bytes());
        out.push(if rng.below(8) == 0 { b'\n' } else { b' ' });
    }
    out
}
