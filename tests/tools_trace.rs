//! Snapshots of `segvm trace`: every instruction with the values it read and wrote, and
//! `--lines` with the variables each line changed.

mod common;
use common::*;

fn trace(args: &[&str]) -> common::Outcome {
    segvm(args, None)
}

#[test]
fn instruction_trace_of_hello() {
    let out = trace(&["trace", "programs/hello.c"]);
    assert_eq!(out.status, 0);
    assert!(out.stdout.contains("callb     <printf>"));
    assert!(out.stdout.contains("| Hello, world!"));
    insta::assert_snapshot!("trace_hello", out.render("segvm trace programs/hello.c"));
}

#[test]
fn instruction_trace_shows_reads_and_writes() {
    let out = trace(&["trace", "programs/pointers.c"]);
    assert_eq!(out.status, 0);
    // `*p = 15` stores through p into x.
    assert!(
        out.stdout.contains("st32      [fp-16 p], 0, [fp-72]")
            && out.stdout.contains("-> m32[0xffff9c]=15"),
        "{}",
        out.stdout
    );
    // A call writes the return address and the saved frame pointer.
    assert!(out.stdout.lines().any(|l| l.contains("call")
        && l.contains("-> return address=0x")
        && l.contains(" saved fp=0x")
        && l.contains(" fp=0x")));
    insta::assert_snapshot!(
        "trace_pointers",
        out.render("segvm trace programs/pointers.c")
    );
}

#[test]
fn line_trace_of_frames() {
    let out = trace(&["trace", "--lines", "programs/frames.c"]);
    assert_eq!(out.status, 0);
    assert!(out.stdout.contains("call factorial(n = 5, depth = 0)"));
    assert!(out.stdout.contains("return 120 from factorial"));
    assert!(out.stdout.contains("answer = 120 (was 0)"));
    insta::assert_snapshot!(
        "trace_lines_frames",
        out.render("segvm trace --lines programs/frames.c")
    );
}

#[test]
fn line_trace_of_static_vs_auto() {
    let out = trace(&["trace", "--lines", "programs/static_vs_auto.c"]);
    assert_eq!(out.status, 0);
    insta::assert_snapshot!(
        "trace_lines_static_vs_auto",
        out.render("segvm trace --lines programs/static_vs_auto.c")
    );
}

#[test]
fn trace_is_bounded_by_max_steps() {
    let out = trace(&["trace", "--max-steps", "40", "programs/frames.c"]);
    assert_eq!(out.status, 124, "step limit: {}", out.stderr);
    let traced = out
        .stdout
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .count();
    assert!(traced <= 40, "{traced} instructions traced");
    assert!(out.stderr.contains("step limit exceeded"));
}

#[test]
fn trace_of_a_fault_ends_at_the_faulting_line() {
    let out = trace(&["trace", "--lines", "programs/code_is_readonly.c"]);
    assert_eq!(out.status, 139);
    assert!(out.stdout.contains("main:37  code[0] = 0;"));
    insta::assert_snapshot!(
        "trace_lines_code_is_readonly",
        out.render("segvm trace --lines programs/code_is_readonly.c")
    );
}
