//! `--check` must be trusted: on correct programs it changes nothing and reports nothing
//! (leaks aside, which are real); and `--json` gives the documented object.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn quiet_under_check(file: &Path) -> Result<(), String> {
    let path = file.to_string_lossy();
    let dir = file.parent().unwrap_or(file).to_string_lossy().into_owned();
    let stdin = stdin_for(file);
    let plain = segvm(
        &["run", "-I", "tests/c", "-I", &dir, &path],
        stdin.as_deref(),
    );
    let checked = segvm(
        &["run", "--check", "-I", "tests/c", "-I", &dir, &path],
        stdin.as_deref(),
    );
    if plain.stdout != checked.stdout || plain.status != checked.status {
        return Err(format!(
            "{path}: --check changed the run (exit {} vs {})",
            checked.status, plain.status
        ));
    }
    if let Some(l) = checked
        .stderr
        .lines()
        .find(|l| l.starts_with("warning") || l.starts_with("error"))
    {
        return Err(format!("{path}: --check reported: {l}"));
    }
    Ok(())
}

#[test]
fn check_mode_is_quiet_on_correct_programs() {
    let skip = listed("tests/c/level2/UNSUPPORTED");
    let mut files: Vec<PathBuf> = c_files("tests/c/level1");
    files.extend(
        c_files("tests/c/level2")
            .into_iter()
            .filter(|f| !skip.iter().any(|s| f.ends_with(s))),
    );
    // Red zones move objects, so programs that print addresses print others.
    let mut unlike = listed("programs/FAULTS");
    unlike.extend(listed("programs/PRINTS_ADDRESSES"));
    files.extend(
        c_files("programs")
            .into_iter()
            .filter(|f| !unlike.iter().any(|s| f.ends_with(s))),
    );
    assert_none(
        check_all(&files, |f| quiet_under_check(f)),
        "programs where --check is not quiet",
    );
}

#[test]
fn json_results_for_autograders() {
    let out = segvm(&["run", "--json", "tests/c/faults/null_deref.c"], None);
    assert_eq!(out.status, 139);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON object");
    assert_eq!(v["exit_status"], 139);
    assert_eq!(v["stdout"], "before the fault\np is null: 1\n");
    assert_eq!(v["fault"]["kind"], "null-dereference");
    assert_eq!(v["fault"]["address"], 0);
    assert_eq!(v["fault"]["segment"], "null guard");
    assert_eq!(v["fault"]["line"], 10);
    assert!(
        v["fault"]["backtrace"]
            .as_array()
            .is_some_and(|b| b[0]["function"] == "main")
    );
    assert!(v["steps"].as_u64().is_some_and(|s| s > 0));
    assert_eq!(v["errors"], serde_json::json!([]));
    assert_eq!(v["leaks"]["bytes"], 0);

    let out = segvm(
        &["run", "--json", "tests/c/invalid/missing_semicolon.c"],
        None,
    );
    assert_eq!(out.status, 1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON object");
    assert_eq!(v["errors"][0]["kind"], "compile-error");
    assert_eq!(v["errors"][0]["line"], 4);
}

#[test]
fn json_reports_check_findings_and_leaks() {
    let out = segvm(
        &[
            "run",
            "--check",
            "--json",
            "tests/c/check/uninit_and_leak.c",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON object");
    assert_eq!(v["exit_status"], 0);
    assert_eq!(v["errors"][0]["kind"], "uninitialized-read");
    assert_eq!(v["errors"][0]["line"], 8);
    assert_eq!(v["leaks"]["bytes"], 24);
    assert_eq!(v["leaks"]["blocks"], 1);
    assert_eq!(v["leaks"]["list"][0]["allocated"][0]["line"], 7);
}

/// `main`'s argc and argv come from the start code: defined, with or without arguments,
/// in every layout and data model.
#[test]
fn main_arguments_are_defined() {
    let path = "tests/c/check/main_args.c";
    let name_len = path.len();
    for layout in [
        &["--layout", "process"][..],
        &["--layout", "embedded"],
        &["--layout", "embedded", "--target", "ilp32"],
    ] {
        for (args, first) in [
            (&[][..], "no arguments\n".to_string()),
            (&["--", "a", "bc"], "2 arguments, the last bc\n".to_string()),
        ] {
            let mut cmd = vec!["run", "--check"];
            cmd.extend(layout);
            cmd.push(path);
            cmd.extend(args);
            let out = segvm(&cmd, None);
            let expected = format!("{first}the program's name has {name_len} characters\n");
            assert_eq!(
                (out.status, out.stdout.as_str(), out.stderr.as_str()),
                (0, expected.as_str(), ""),
                "{cmd:?}"
            );
        }
    }
}

/// A write just past a block names that block, under `--check` (the nearest one, not the
/// next one allocated) and without it (the overrun block's own footer is what broke).
#[test]
fn an_overrun_names_the_block_it_overran() {
    let path = "tests/c/check/overflow_into_neighbour.c";
    let checked = segvm(&["run", "--check", path], None);
    assert!(
        checked
            .stderr
            .contains("0 bytes after the 16-byte block at"),
        "{}",
        checked.stderr
    );
    assert!(
        checked.stderr.contains("allocated in main at"),
        "{}",
        checked.stderr
    );
    let plain = segvm(&["run", path], None);
    assert!(
        plain.stderr.contains(
            "a write past the end of this block or before the start of the next would do this [heap-corruption]"
        ),
        "{}",
        plain.stderr
    );
}
