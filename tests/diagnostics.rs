//! Compile errors as users see them: message, `--> FILE:LINE:COL`, the line and a caret.
//! One snapshot each for a set of distinct errors across every phase.

mod common;
use common::*;

/// One of each kind: lexical, preprocessor, syntax, declarations, types, statements.
const CASES: &[&str] = &[
    "stray_at",
    "invalid_suffix_constant",
    "unterminated_comment",
    "include_missing_file",
    "macro_too_few_args",
    "missing_semicolon",
    "unbalanced_paren",
    "undeclared_identifier",
    "undeclared_function",
    "redef_function",
    "conflicting_prototypes",
    "assign_struct_to_int",
    "int_from_pointer_no_cast",
    "assign_through_pointer_to_const",
    "binop_pointer_plus_pointer",
    "call_too_few_args",
    "no_such_member",
    "break_outside_loop",
    "duplicate_case",
    "undeclared_label",
    "negative_array_size",
    "global_init_nonconst",
    "excess_scalar_initializers",
    "sizeof_incomplete_struct",
    "return_value_from_void",
    "global_init_division_overflow",
];

#[test]
fn compile_error_messages() {
    for case in CASES {
        let path = format!("tests/c/invalid/{case}.c");
        let out = segvm(&["run", &path], None);
        assert_eq!(out.status, 1, "{path}");
        insta::assert_snapshot!(
            format!("error_{case}"),
            out.render(&format!("segvm run {path}"))
        );
    }
}

#[test]
fn all_errors_of_a_file_are_reported() {
    let out = segvm(&["run", "tests/c/errors/many_errors.c"], None);
    assert_eq!(out.status, 1);
    let errors = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("error"))
        .count();
    assert!(errors >= 4, "expected every error, got:\n{}", out.stderr);
    insta::assert_snapshot!(
        "error_many",
        out.render("segvm run tests/c/errors/many_errors.c")
    );
}

#[test]
fn folded_division_overflow_is_a_warning_as_in_gcc() {
    let path = "tests/c/errors/folded_division_overflow.c";
    let out = segvm(&["run", path], None);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert_eq!(out.stdout, gcc(std::path::Path::new(path), None).stdout);
    assert_eq!(
        out.stderr
            .matches("warning: integer overflow in expression of type")
            .count(),
        2
    );
    insta::assert_snapshot!(
        "warning_folded_division_overflow",
        out.render(&format!("segvm run {path}"))
    );
}

/// A file of many errors prints at most 100, then a note; a very long line is shown as a
/// window around each error (with the column in the whole line).
#[test]
fn many_errors_on_a_long_line_are_capped_and_windowed() {
    let path = "tests/c/errors/long_line_errors.c";
    let out = segvm(&["run", path], None);
    assert_eq!(out.status, 1);
    let errors = out
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .count();
    assert_eq!(errors, 100, "{}", out.stderr);
    assert!(out.stderr.contains("note: 50 more errors not shown"));
    assert!(out.stderr.contains(&format!("{path}:3:3961\n")));
    // The first error, the second (in a window), the last shown and the note.
    let shown: Vec<&str> = out
        .stderr
        .split("error: ")
        .filter(|b| !b.is_empty())
        .collect();
    let picked = [shown[0], shown[1], shown[99]]
        .iter()
        .map(|b| format!("error: {b}"))
        .collect::<String>();
    insta::assert_snapshot!("error_long_line", picked);

    // 4,000 errors on a 100 KB line: the output stays small (it once rendered the whole
    // line for each error, quadratic in the line's length).
    let dir = std::env::temp_dir().join(format!("segvm-long-line-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let big = dir.join("big.c");
    let line: String = (0..4000).map(|_| "@                        ").collect();
    std::fs::write(&big, format!("int main(void) {{ return 0; }}\n{line}\n")).expect("written");
    let out = segvm(&["run", &big.to_string_lossy()], None);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status, 1);
    assert!(out.stderr.contains("note: 3900 more errors not shown"));
    assert!(
        out.stderr.len() < 40_000,
        "{} bytes of errors",
        out.stderr.len()
    );
}
