//! Small semantic mutations of valid C. Each takes a program the project already runs
//! and changes one thing a checker must notice (drop or duplicate a declaration, change a
//! type, pass the wrong number of arguments, assign to an rvalue, jump where no loop is,
//! ...). Most mutants break a constraint; some stay valid, which tests the other side.
//!
//! The mutator works on tokens of the source text, with just enough context (inside a
//! function or not, statement boundaries, expression positions) to aim its changes.

/// A small deterministic generator (splitmix64): a seed gives the same mutants anywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> Option<&'a T> {
        if xs.is_empty() {
            None
        } else {
            Some(&xs[self.below(xs.len())])
        }
    }
}

/// FNV-1a, to derive a mutant's seed from the file name.
pub fn hash(seed: u64, text: &str, index: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in text.bytes().chain(index.to_le_bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Ident,
    Number,
    Str,
    Punct,
}

/// A token with the context the mutations aim by.
#[derive(Clone, Debug)]
struct Tok {
    kind: Kind,
    lo: usize,
    hi: usize,
    /// Inside a function body.
    in_func: bool,
    /// Parentheses open around it.
    parens: u32,
    /// For `{`: it opens a block (not an initializer, struct body or compound literal).
    block: bool,
    /// For `{`, `(`, `[`: the index of the matching closer.
    close: Option<usize>,
}

const TYPE_WORDS: &[&str] = &[
    "int", "char", "short", "long", "float", "double", "void", "unsigned", "signed", "_Bool",
];
const DECL_WORDS: &[&str] = &[
    "int", "char", "short", "long", "float", "double", "void", "unsigned", "signed", "_Bool",
    "struct", "union", "enum", "const", "static", "typedef", "extern",
];
const KEYWORDS: &[&str] = &[
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while", "_Bool",
];
const PUNCTS: &[&str] = &[
    "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=",
    "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##",
];
const BINARY_OPS: &[&str] = &[
    "+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=", "&", "|", "^", "<<", ">>", "&&",
    "||",
];
/// Tokens after which an identifier stands in an expression.
const BEFORE_OPERAND: &[&str] = &[
    "=", "(", ",", "return", "[", "!", "~", "?", "+", "-", "*", "/", "%", "<", ">", "<=", ">=",
    "==", "!=", "&", "|", "^", "<<", ">>", "&&", "||", "+=", "-=", "*=", "/=",
];

/// Splits C source into tokens, skipping comments, preprocessor lines and the code
/// between `#if` and `#endif` (which may be there for one compiler only).
fn tokenize(src: &str) -> Vec<Tok> {
    let b = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    let mut line_start = true;
    let mut conditional = 0u32;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            line_start = true;
            i += 1;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if line_start && c == b'#' {
            // A directive, with its continuation lines.
            let name: String = src[i + 1..]
                .trim_start_matches([' ', '\t'])
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            match name.as_str() {
                "if" | "ifdef" | "ifndef" => conditional += 1,
                "endif" => conditional = conditional.saturating_sub(1),
                _ => {}
            }
            while i < b.len() && b[i] != b'\n' {
                if b[i] == b'\\' && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
            }
            continue;
        }
        line_start = false;
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if b[i..].starts_with(b"/*") {
            i += 2;
            while i < b.len() && !b[i..].starts_with(b"*/") {
                i += 1;
            }
            i = (i + 2).min(b.len());
            continue;
        }
        let lo = i;
        let kind = if c == b'"' || c == b'\'' {
            i += 1;
            while i < b.len() && b[i] != c && b[i] != b'\n' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i = (i + 1).min(b.len());
            Kind::Str
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            while i < b.len() {
                let d = b[i];
                let exp = matches!(d, b'+' | b'-') && matches!(b[i - 1], b'e' | b'E' | b'p' | b'P');
                if d.is_ascii_alphanumeric() || d == b'.' || d == b'_' || exp {
                    i += 1;
                } else {
                    break;
                }
            }
            Kind::Number
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            Kind::Ident
        } else {
            let p = PUNCTS.iter().find(|p| b[i..].starts_with(p.as_bytes()));
            i += p.map_or(1, |p| p.len());
            Kind::Punct
        };
        if conditional > 0 {
            continue;
        }
        toks.push(Tok {
            kind,
            lo,
            hi: i,
            in_func: false,
            parens: 0,
            block: false,
            close: None,
        });
    }
    annotate(src, &mut toks);
    toks
}

/// Fills in the context: matching brackets, which braces open blocks, function bodies.
fn annotate(src: &str, toks: &mut [Tok]) {
    let text = |t: &Tok| &src[t.lo..t.hi];
    let mut open: Vec<usize> = Vec::new();
    // Enclosing braces: (index, is a block).
    let mut braces: Vec<(usize, bool)> = Vec::new();
    let mut parens = 0u32;
    for i in 0..toks.len() {
        let in_func = braces.iter().any(|&(_, block)| block);
        toks[i].in_func = in_func;
        toks[i].parens = parens;
        match text(&toks[i]) {
            "(" | "[" => {
                open.push(i);
                if text(&toks[i]) == "(" {
                    parens += 1;
                }
            }
            ")" | "]" => {
                if let Some(o) = open.pop() {
                    toks[o].close = Some(i);
                }
                if text(&toks[i]) == ")" {
                    parens = parens.saturating_sub(1);
                }
            }
            "{" => {
                let prev = i.checked_sub(1).map(|p| text(&toks[p]));
                let block = match prev {
                    Some(")") => {
                        // `if (..) {`, a function body, or a compound literal `(T){`.
                        let opener = (0..i - 1).rev().find(|&o| toks[o].close == Some(i - 1));
                        let before = opener
                            .and_then(|o| o.checked_sub(1))
                            .map(|p| text(&toks[p]));
                        matches!(before, Some("if" | "while" | "for" | "switch"))
                            || (!in_func && parens == 0)
                    }
                    Some("{" | "}" | ";" | ":" | "else" | "do") => in_func,
                    _ => false,
                };
                toks[i].block = block;
                braces.push((i, block));
                open.push(i);
            }
            "}" => {
                braces.pop();
                if let Some(o) = open.pop() {
                    toks[o].close = Some(i);
                }
            }
            _ => {}
        }
    }
}

/// One mutant: the new text and what was done, for the report.
pub struct Mutant {
    pub text: String,
    pub what: String,
}

struct Ctx<'a> {
    src: &'a str,
    toks: Vec<Tok>,
}

impl<'a> Ctx<'a> {
    fn text(&self, i: usize) -> &'a str {
        &self.src[self.toks[i].lo..self.toks[i].hi]
    }

    fn is(&self, i: usize, s: &str) -> bool {
        i < self.toks.len() && self.text(i) == s
    }

    fn line_of(&self, pos: usize) -> usize {
        self.src[..pos].bytes().filter(|&c| c == b'\n').count() + 1
    }

    /// Replaces the text of tokens `lo..=hi` (byte range of them).
    fn replace(&self, lo: usize, hi: usize, with: &str, what: &str) -> Mutant {
        let (a, b) = (self.toks[lo].lo, self.toks[hi].hi);
        let mut text = String::with_capacity(self.src.len() + with.len());
        text.push_str(&self.src[..a]);
        text.push_str(with);
        text.push_str(&self.src[b..]);
        Mutant {
            text,
            what: format!(
                "line {}: {what}: `{}` -> `{with}`",
                self.line_of(a),
                &self.src[a..b]
            ),
        }
    }

    /// Inserts text before token `at`.
    fn insert(&self, at: usize, with: &str, what: &str) -> Mutant {
        let a = self.toks[at].lo;
        let mut text = String::with_capacity(self.src.len() + with.len());
        text.push_str(&self.src[..a]);
        text.push_str(with);
        text.push_str(&self.src[a..]);
        Mutant {
            text,
            what: format!("line {}: {what}: inserted `{with}`", self.line_of(a)),
        }
    }

    fn indices(&self, keep: impl Fn(usize) -> bool) -> Vec<usize> {
        (0..self.toks.len()).filter(|&i| keep(i)).collect()
    }

    /// Tokens that begin a statement in a function body.
    fn statement_starts(&self) -> Vec<usize> {
        self.indices(|i| {
            i > 0
                && self.toks[i].in_func
                && self.toks[i - 1].parens == 0
                && (self.is(i - 1, ";")
                    || self.is(i - 1, "}")
                    || (self.is(i - 1, "{") && self.toks[i - 1].block))
                && !self.is(i, "}")
                && !self.is(i, "else")
        })
    }

    /// Tokens that begin a declaration (in a function or at file scope).
    fn declaration_starts(&self) -> Vec<usize> {
        self.indices(|i| {
            DECL_WORDS.contains(&self.text(i))
                && self.toks[i].parens == 0
                && (i == 0
                    || self.is(i - 1, ";")
                    || self.is(i - 1, "}")
                    || (self.is(i - 1, "{") && self.toks[i - 1].block))
        })
    }

    /// The `;` that ends a declaration or simple statement starting at `i`, if no block
    /// is inside it.
    fn statement_end(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while j < self.toks.len() {
            match self.text(j) {
                ";" => return Some(j),
                "{" if self.toks[j].block => return None,
                "(" | "[" | "{" => j = self.toks[j].close?,
                "}" => return None,
                _ => {}
            }
            j += 1;
        }
        None
    }

    /// Identifiers in expression position inside functions (not called, not members).
    fn operands(&self) -> Vec<usize> {
        self.indices(|i| {
            self.toks[i].in_func
                && matches!(self.toks[i].kind, Kind::Ident | Kind::Number)
                && !KEYWORDS.contains(&self.text(i))
                && i > 0
                && BEFORE_OPERAND.contains(&self.text(i - 1))
                && !self.is(i + 1, "(")
                && !self.is(i + 1, ")")
        })
    }

    /// Calls: an identifier followed by `(` inside a function.
    fn calls(&self) -> Vec<usize> {
        self.indices(|i| {
            self.toks[i].in_func
                && self.toks[i].kind == Kind::Ident
                && !KEYWORDS.contains(&self.text(i))
                && self.is(i + 1, "(")
        })
    }
}

type Op = fn(&Ctx, &mut Rng) -> Option<Mutant>;

/// The mutations, by name.
const OPS: &[(&str, Op)] = &[
    ("drop declaration", drop_declaration),
    ("duplicate declaration", duplicate_declaration),
    ("change type", change_type),
    ("swap operand", swap_operand),
    ("swap identifier", swap_identifier),
    ("add qualifier", add_qualifier),
    ("add storage class", add_storage_class),
    ("call arity", call_arity),
    ("assign to rvalue", assign_to_rvalue),
    ("insert jump", insert_jump),
    ("duplicate case or label", duplicate_case_or_label),
    ("swap member access", swap_member_access),
    ("deref or address", deref_or_address),
    ("change literal", change_literal),
    ("toggle pointer", toggle_pointer),
    ("change operator", change_operator),
    ("drop token", drop_token),
    ("drop return value", drop_return_value),
    ("insert cast", insert_cast),
    ("combine operand", combine_operand),
    ("change tag kind", change_tag_kind),
    ("redeclare name", redeclare_name),
];

/// One mutant of `src`, or `None` when no mutation applies.
pub fn mutate(src: &str, rng: &mut Rng) -> Option<Mutant> {
    let ctx = Ctx {
        src,
        toks: tokenize(src),
    };
    for _ in 0..16 {
        let (name, op) = OPS[rng.below(OPS.len())];
        if let Some(m) = op(&ctx, rng)
            && m.text != src
        {
            return Some(Mutant {
                what: format!("{name}, {}", m.what),
                ..m
            });
        }
    }
    None
}

fn drop_declaration(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let starts: Vec<usize> = c
        .declaration_starts()
        .into_iter()
        .chain(c.statement_starts())
        .collect();
    let i = *rng.pick(&starts)?;
    let end = c.statement_end(i)?;
    Some(c.replace(i, end, "", "dropped"))
}

fn duplicate_declaration(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.declaration_starts())?;
    let end = c.statement_end(i)?;
    let decl = &c.src[c.toks[i].lo..c.toks[end].hi];
    Some(c.replace(i, end, &format!("{decl} {decl}"), "duplicated"))
}

fn change_type(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    const TO: &[&str] = &[
        "int",
        "double",
        "void",
        "char *",
        "struct segvm_incomplete",
        "float",
        "_Bool",
        "long long",
        "const int",
        "unsigned",
        "int *",
        "struct { int m; }",
        "void *",
    ];
    let i = *rng.pick(&c.indices(|i| TYPE_WORDS.contains(&c.text(i))))?;
    let to = rng.pick(TO)?;
    Some(c.replace(i, i, to, "type"))
}

fn swap_operand(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    const TO: &[&str] = &[
        "\"s\"",
        "(struct { int m; }){0}",
        "(int *)0",
        "1.5",
        "(void)0",
        "main",
        "0",
        "(char)1",
        "&main",
    ];
    let i = *rng.pick(&c.operands())?;
    let to = rng.pick(TO)?;
    Some(c.replace(i, i, to, "operand"))
}

fn swap_identifier(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let idents = c.indices(|i| c.toks[i].kind == Kind::Ident && !KEYWORDS.contains(&c.text(i)));
    let i = *rng.pick(&c.indices(|i| c.toks[i].in_func && idents.contains(&i)))?;
    let j = *rng.pick(&idents)?;
    Some(c.replace(i, i, c.text(j), "identifier"))
}

fn add_qualifier(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.indices(|i| TYPE_WORDS.contains(&c.text(i)) || c.is(i, "struct")))?;
    let q = rng.pick(&["const ", "volatile ", "restrict "])?;
    Some(c.insert(i, q, "qualifier"))
}

fn add_storage_class(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.declaration_starts())?;
    let s = rng.pick(&[
        "static ",
        "extern ",
        "register ",
        "auto ",
        "typedef ",
        "inline ",
    ])?;
    Some(c.insert(i, s, "storage class"))
}

fn call_arity(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.calls())?;
    let close = c.toks[i + 1].close?;
    if close == i + 2 {
        return Some(c.insert(close, "0", "argument added"));
    }
    if rng.below(2) == 0 {
        return Some(c.insert(close, ", 0", "argument added"));
    }
    // Drop the last argument (with its comma).
    let mut j = i + 2;
    let mut last_comma = None;
    while j < close {
        match c.text(j) {
            "(" | "[" | "{" => j = c.toks[j].close?,
            "," => last_comma = Some(j),
            _ => {}
        }
        j += 1;
    }
    let from = last_comma.unwrap_or(i + 2);
    Some(c.replace(from, close - 1, "", "argument dropped"))
}

fn assign_to_rvalue(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let targets = c.indices(|i| {
        c.toks[i].in_func
            && c.toks[i].kind == Kind::Ident
            && !KEYWORDS.contains(&c.text(i))
            && (["=", "+=", "-=", "++", "--"]
                .iter()
                .any(|op| c.is(i + 1, op))
                || (i > 0 && ["&", "++", "--"].iter().any(|op| c.is(i - 1, op))))
    });
    let i = *rng.pick(&targets)?;
    let name = c.text(i);
    let forms = [
        format!("({name} + 0)"),
        format!("(0, {name})"),
        format!("(+{name})"),
    ];
    let to = rng.pick(&forms)?;
    Some(c.replace(i, i, to, "rvalue"))
}

fn insert_jump(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.statement_starts())?;
    let s = rng.pick(&[
        "break; ",
        "continue; ",
        "goto segvm_nowhere; ",
        "return; ",
        "return 0; ",
        "case 1: ; ",
        "default: ; ",
        "segvm_l: ; segvm_l: ; ",
        "return \"s\"; ",
    ])?;
    Some(c.insert(i, s, "statement"))
}

fn duplicate_case_or_label(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let labels = c.indices(|i| {
        c.toks[i].in_func
            && (c.is(i, "case")
                || c.is(i, "default")
                || (c.toks[i].kind == Kind::Ident
                    && c.is(i + 1, ":")
                    && !KEYWORDS.contains(&c.text(i))
                    && i > 0
                    && [";", "{", "}"].contains(&c.text(i - 1))))
    });
    let i = *rng.pick(&labels)?;
    let colon = (i..c.toks.len()).find(|&j| c.is(j, ":"))?;
    let label = &c.src[c.toks[i].lo..c.toks[colon].hi];
    Some(c.insert(i, &format!("{label} "), "label duplicated"))
}

fn swap_member_access(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.indices(|i| c.toks[i].in_func && (c.is(i, ".") || c.is(i, "->"))))?;
    let to = if c.is(i, ".") { "->" } else { "." };
    Some(c.replace(i, i, to, "member access"))
}

fn deref_or_address(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.operands())?;
    let op = rng.pick(&["*", "&", "-", "~", "!"])?;
    Some(c.insert(i, op, "unary operator"))
}

fn change_literal(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.indices(|i| c.toks[i].kind == Kind::Number))?;
    let to = rng.pick(&[
        "1.5",
        "\"s\"",
        "-1",
        "0",
        "99999999999999999999",
        "n",
        "(void *)0",
    ])?;
    Some(c.replace(i, i, to, "literal"))
}

fn toggle_pointer(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let decl_stars = c.indices(|i| {
        c.is(i, "*")
            && i > 0
            && (TYPE_WORDS.contains(&c.text(i - 1)) || c.is(i - 1, "*") || c.is(i - 1, "const"))
    });
    if rng.below(2) == 0
        && let Some(&i) = rng.pick(&decl_stars)
    {
        return Some(c.replace(i, i, "", "pointer dropped"));
    }
    let i = *rng.pick(&c.indices(|i| TYPE_WORDS.contains(&c.text(i))))?;
    Some(c.insert(i + 1, "*", "pointer added"))
}

fn change_operator(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let ops = c.indices(|i| {
        c.toks[i].in_func
            && BINARY_OPS.contains(&c.text(i))
            && i > 0
            && (matches!(c.toks[i - 1].kind, Kind::Ident | Kind::Number | Kind::Str)
                || c.is(i - 1, ")")
                || c.is(i - 1, "]"))
            && !KEYWORDS.contains(&c.text(i - 1))
    });
    let i = *rng.pick(&ops)?;
    let to = rng.pick(BINARY_OPS)?;
    Some(c.replace(i, i, to, "operator"))
}

fn drop_token(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.indices(|i| c.toks[i].in_func))?;
    Some(c.replace(i, i, "", "token dropped"))
}

fn drop_return_value(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.indices(|i| c.is(i, "return") && !c.is(i + 1, ";")))?;
    let end = c.statement_end(i)?;
    Some(c.replace(i + 1, end - 1, "", "return value dropped"))
}

fn insert_cast(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    const CASTS: &[&str] = &[
        "(void *)",
        "(int (*)(void))",
        "(char *)",
        "(double)",
        "(long)",
        "(struct { int m; })",
        "(int[2])",
        "(void)",
        "(_Bool)",
        "(const char *)",
        "(float)",
        "(unsigned char)",
    ];
    let i = *rng.pick(&c.operands())?;
    Some(c.insert(i, rng.pick(CASTS)?, "cast"))
}

fn combine_operand(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    const WITH: &[&str] = &[
        "(void *)0",
        "0",
        "main",
        "\"s\"",
        "1.5",
        "(char *)0",
        "(int *)0",
        "&main",
    ];
    let i = *rng.pick(&c.operands())?;
    let (x, y) = (c.text(i), rng.pick(WITH)?);
    let forms = [
        format!("({x} == {y})"),
        format!("({x} < {y})"),
        format!("(1 ? {x} : {y})"),
        format!("({x} - {y})"),
        format!("({x} && {y})"),
        format!("({x} ? {y} : {x})"),
    ];
    Some(c.replace(i, i, rng.pick(&forms)?, "combined"))
}

fn change_tag_kind(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let i = *rng.pick(&c.indices(|i| ["struct", "union", "enum"].contains(&c.text(i))))?;
    let to = *rng.pick(&["struct", "union", "enum"])?;
    Some(c.replace(i, i, to, "tag kind"))
}

fn redeclare_name(c: &Ctx, rng: &mut Rng) -> Option<Mutant> {
    let names = c.indices(|i| c.toks[i].kind == Kind::Ident && !KEYWORDS.contains(&c.text(i)));
    let name = c.text(*rng.pick(&names)?);
    let forms = [
        format!("int {name}; "),
        format!("extern double {name}; "),
        format!("typedef int {name}; "),
        format!("void {name}(void); "),
        format!("static int {name}; "),
        format!("enum {{ {name} }}; "),
        format!("struct {name} {{ int m; }}; "),
        format!("int {name}(int, ...); "),
    ];
    let at: Vec<usize> = c
        .statement_starts()
        .into_iter()
        .chain(c.declaration_starts())
        .collect();
    let i = *rng.pick(&at)?;
    Some(c.insert(i, rng.pick(&forms)?, "declaration"))
}
