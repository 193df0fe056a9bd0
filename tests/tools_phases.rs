//! Snapshots of the phase dumps on example programs: what `segvm tokens`, `segvm ast`
//! and `segvm disasm` print, so that a change in any phase shows up here.

mod common;
use common::*;

fn dump(args: &[&str]) -> String {
    let out = segvm(args, None);
    assert_eq!(out.status, 0, "segvm {args:?} failed: {}", out.stderr);
    assert!(
        out.stderr.is_empty(),
        "no diagnostics expected: {}",
        out.stderr
    );
    out.render(&format!("segvm {}", args.join(" ")))
}

#[test]
fn tokens_of_hello() {
    insta::assert_snapshot!("tokens_hello", dump(&["tokens", "programs/hello.c"]));
}

#[test]
fn raw_tokens_of_hello_include_directives() {
    let out = dump(&["tokens", "--raw", "programs/hello.c"]);
    assert!(out.contains("preprocessor punctuator  #"));
    assert!(out.contains("newline"));
    insta::assert_snapshot!("tokens_raw_hello", out);
}

#[test]
fn tokens_of_pointers() {
    insta::assert_snapshot!("tokens_pointers", dump(&["tokens", "programs/pointers.c"]));
}

#[test]
fn ast_of_pointers() {
    insta::assert_snapshot!("ast_pointers", dump(&["ast", "programs/pointers.c"]));
}

#[test]
fn ast_of_linked_list() {
    insta::assert_snapshot!("ast_linked_list", dump(&["ast", "programs/linked_list.c"]));
}

#[test]
fn ast_of_globals_shows_where_they_live() {
    let out = dump(&["ast", "programs/globals.c"]);
    assert!(out.contains("global lives: int (4 bytes, data)"));
    assert!(out.contains("global big_table: int[1000] (4000 bytes, bss)"));
    insta::assert_snapshot!("ast_globals", out);
}

#[test]
fn disasm_of_frames() {
    insta::assert_snapshot!("disasm_frames", dump(&["disasm", "programs/frames.c"]));
}

#[test]
fn disasm_of_hello() {
    insta::assert_snapshot!("disasm_hello", dump(&["disasm", "programs/hello.c"]));
}

#[test]
fn every_example_program_has_phase_dumps() {
    for file in c_files("programs") {
        let path = file.to_string_lossy().into_owned();
        for cmd in ["tokens", "ast", "disasm"] {
            let out = segvm(&[cmd, &path], None);
            assert_eq!(out.status, 0, "segvm {cmd} {path}: {}", out.stderr);
            assert!(!out.stdout.is_empty());
        }
    }
}

#[test]
fn compile_only_compiles_without_running() {
    // hello.c prints a line when run; compiled only, it prints nothing.
    let out = segvm(&["run", "--compile-only", "programs/hello.c"], None);
    assert_eq!(
        (out.status, out.stdout.as_str(), out.stderr.as_str()),
        (0, "", "")
    );
    let bad = segvm(
        &["run", "--compile-only", "tests/c/errors/many_errors.c"],
        None,
    );
    assert_eq!(bad.status, 1);
    assert!(bad.stderr.contains("error:"), "{}", bad.stderr);
    assert!(bad.stdout.is_empty());
}
