//! Snapshot tests: each `tests/preprocess/*.c` is preprocessed and its rendered output
//! and diagnostics are compared with the stored snapshot (one test per fixture).
//!
//! A fixture's first line may be `// pp-options: -I DIR -D NAME[=VALUE] ...` (paths
//! relative to the package root).

use segvm::diagnostics::DiagnosticRenderer;
use segvm::frontend::preprocess::{PpOptions, preprocess, render_tokens};
use segvm::source::SourceMap;
use segvm::target::Target;
use std::path::{Path, PathBuf};

fn options(text: &str) -> PpOptions {
    let mut opts = PpOptions {
        include_dirs: Vec::new(),
        defines: Vec::new(),
        target: Target::LP64,
    };
    let Some(line) = text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("// pp-options:"))
    else {
        return opts;
    };
    let mut words = line.split_whitespace();
    while let Some(flag) = words.next() {
        let value = words.next().expect("option value");
        match flag {
            "-I" => opts.include_dirs.push(PathBuf::from(value)),
            "-D" => opts.defines.push(match value.split_once('=') {
                Some((name, v)) => (name.to_string(), Some(v.to_string())),
                None => (value.to_string(), None),
            }),
            other => panic!("unknown option {other}"),
        }
    }
    opts
}

/// Preprocesses a fixture and renders what a snapshot shows.
fn run_fixture(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("fixture");
    let file_name = path.file_name().expect("name").to_string_lossy();
    // A name relative to the package root keeps snapshots independent of the checkout.
    let name = format!("tests/preprocess/{file_name}");
    let mut sources = SourceMap::new();
    let main = sources.add_file(name, text.clone());
    let result = preprocess(&mut sources, main, &options(&text));
    let diags = DiagnosticRenderer::plain(&sources).render_all(&result.diagnostics);
    format!(
        "--- output\n{}--- diagnostics\n{}",
        render_tokens(&result.tokens),
        diags
    )
}

/// Checks one fixture against its snapshot `snapshots/preprocess__NAME.snap`.
fn check(name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/preprocess")
        .join(format!("{name}.c"));
    insta::assert_snapshot!(name, run_fixture(&path));
}

macro_rules! fixtures {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*

        const FIXTURES: &[&str] = &[$(stringify!($name)),*];
    };
}

fixtures!(
    conditionals,
    definition_errors,
    error_directive,
    errors_in_macros,
    if_errors,
    include_depth,
    include_dirs,
    include_local,
    line_directive,
    missing_include,
    object_function,
    rescanning,
    std_examples,
    stringify_paste,
    unterminated_if,
    variadic,
);

#[test]
fn every_fixture_is_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/preprocess");
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .expect("fixture directory")
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".c").map(str::to_string)
        })
        .collect();
    found.sort();
    assert_eq!(
        found, FIXTURES,
        "list each tests/preprocess/*.c in fixtures!"
    );
}

/// Pieces of C and of directives, glued at random by the property test below.
const PIECES: &[&str] = &[
    "\n",
    " ",
    "\n#define ",
    "\n#undef ",
    "\n#if ",
    "\n#ifdef ",
    "\n#ifndef ",
    "\n#elif ",
    "\n#else",
    "\n#endif",
    "\n#line ",
    "\n#pragma ",
    "\n#include ",
    "\n#error ",
    "\n#",
    "#",
    "##",
    "(",
    ")",
    ",",
    "...",
    "__VA_ARGS__",
    "F",
    "F(x)",
    "G(a, ...)",
    "x",
    "a",
    "defined",
    "1",
    "0",
    "0x",
    "'a'",
    "'",
    "\"s\"",
    "\"",
    "<",
    ">",
    "+",
    "-",
    "/",
    "%",
    "?",
    ":",
    "@",
    "\\",
    "\\\n",
    "_Pragma",
    "__LINE__",
    "__FILE__",
    "L",
    "1e",
    ".",
    "/*",
    "*/",
    "//",
    "once",
    "push_macro(\"F\")",
    "pop_macro(\"F\")",
    "<x.h>",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Whatever the input, preprocessing returns (no panic, no hang) and its output
    /// holds no newline tokens and only spans inside known files.
    #[test]
    fn never_panics(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60)) {
        let text: String = pieces.concat();
        let mut sources = SourceMap::new();
        let main = sources.add_file("fuzz.c", text);
        let opts = PpOptions {
            include_dirs: Vec::new(),
            defines: Vec::new(),
            target: Target::LP64,
        };
        let result = preprocess(&mut sources, main, &opts);
        for t in &result.tokens {
            proptest::prop_assert!(t.kind != segvm::frontend::lexer::TokenKind::Newline);
            let file = sources.file(t.span.file);
            proptest::prop_assert!(t.span.hi as usize <= file.text.len());
        }
        let _ = render_tokens(&result.tokens);
        let _ = DiagnosticRenderer::plain(&sources).render_all(&result.diagnostics);
    }
}
