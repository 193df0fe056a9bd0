//! Scripted debugger sessions: commands on standard input, the transcript snapshotted.

mod common;
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `segvm debug FILE` with `script` as its standard input; returns the transcript.
fn session(file: &str, script: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_segvm"))
        .current_dir(common::root())
        .args(["debug", file])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("segvm runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(script.as_bytes())
        .expect("the script is written");
    let out = child.wait_with_output().expect("segvm ends");
    assert!(out.status.success(), "segvm debug failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.is_empty(), "no diagnostics expected: {stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn breakpoint_in_a_recursive_function() {
    let t = session(
        "programs/frames.c",
        "break factorial\nrun\nbt\nnext\nnext\nprint n\nprint &result\ncontinue\nbt\nframe\nup\nprint n * 2 + 1\ndelete\ncontinue\nquit\n",
    );
    assert!(t.contains("Breakpoint 1, factorial (n=5, depth=0) at programs/frames.c:32"));
    assert!(t.contains("Breakpoint 1, factorial (n=4, depth=1)"));
    assert!(t.contains("saved frame pointer (the caller's fp)"));
    assert!(t.contains("[program exited with status 0]"));
    insta::assert_snapshot!("debug_frames", t);
}

#[test]
fn step_into_and_finish() {
    let t = session(
        "programs/frames.c",
        "break 55\nrun\nstep\nstep\ninfo args\ninfo locals\nfinish\nstepi\nstepi\nlist\nquit\n",
    );
    assert!(t.contains("factorial (n=5, depth=0) at programs/frames.c:32"));
    assert!(t.contains("Run till exit from #0 factorial"));
    assert!(t.contains("Value returned: 120"));
    insta::assert_snapshot!("debug_step_finish", t);
}

#[test]
fn next_steps_over_a_call_to_the_following_line() {
    let t = session("programs/frames.c", "break 55\nrun\nnext\nquit\n");
    let after = t
        .split("(segvm) next")
        .nth(1)
        .expect("the next command ran");
    assert!(after.contains("factorial(5) returns 120"), "{t}");
    assert!(after.contains("\n56\t"), "next stops at line 56:\n{t}");
    assert!(!after.contains("\n55\t"), "next stops mid-line 55:\n{t}");
}

#[test]
fn print_pointers_arrays_and_members() {
    let t = session(
        "programs/pointers.c",
        "break 45\nrun\nprint x\nprint p\nprint *p\nprint **pp\nprint &x\nprint primes\nprint primes[3]\nprint *(primes + 4)\nprint missing\nprint *missing\nprint nosuch\nx/24 &primes\nquit\n",
    );
    assert!(t.contains("$2 = (int *) 0xffff9c  -> x in main's frame (stack)"));
    assert!(t.contains("{2, 3, 5, 7, 11}"));
    assert!(t.contains("cannot access memory at address 0x0 (the null guard: a null pointer)"));
    insta::assert_snapshot!("debug_pointers", t);
}

#[test]
fn heap_and_struct_members() {
    let t = session(
        "programs/linked_list.c",
        "break print_list\nrun\nprint head\nprint *head\nprint head->next->value\nprint head->next->next\nheap\ninfo segments\nquit\n",
    );
    assert!(t.contains("$1 = (const struct node *) 0x4230  -> heap block 0x4230 (heap)"));
    assert!(t.contains("allocated"));
    assert!(t.contains("break at 0x"));
    insta::assert_snapshot!("debug_linked_list", t);
}

#[test]
fn a_fault_stops_the_program_where_it_happens() {
    let t = session(
        "programs/code_is_readonly.c",
        "run\nbt\nprint code\nx/16 code\nstep\nquit\n",
    );
    assert!(t.contains("Program stopped by a fault:"));
    assert!(t.contains("write to read-only memory"));
    assert!(t.contains("the code of answer"));
    insta::assert_snapshot!("debug_fault", t);
}

#[test]
fn commands_before_run_and_unknown_commands() {
    let t = session(
        "programs/hello.c",
        "step\nprint x\nfoo\nbreak 999\nbreak nosuch\nstart\nnext\nnext\nnext\nhelp\n",
    );
    assert!(t.contains("error: the program is not running yet"));
    assert!(t.contains("error: unknown command 'foo'"));
    assert!(t.contains("Hello, world!"));
    insta::assert_snapshot!("debug_errors", t);
}
