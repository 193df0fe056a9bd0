//! gcc is the oracle: every program whose output does not depend on addresses must print
//! the same and exit the same under segvm as its gcc build.

mod common;
use common::*;
use std::path::{Path, PathBuf};

fn same_as_gcc(file: &Path) -> Result<(), String> {
    let stdin = stdin_for(file);
    let expected = gcc(file, stdin.as_deref());
    let path = file.to_string_lossy();
    let got = segvm(
        &[
            "run",
            "-I",
            "tests/c",
            "-I",
            &file.parent().unwrap_or(file).to_string_lossy(),
            &path,
        ],
        stdin.as_deref(),
    );
    if got.stdout == expected.stdout && got.status == expected.status {
        return Ok(());
    }
    let first_diff = got
        .stdout
        .lines()
        .zip(expected.stdout.lines())
        .position(|(a, b)| a != b)
        .map(|i| {
            format!(
                "first difference at line {}: segvm {:?} gcc {:?}",
                i + 1,
                got.stdout.lines().nth(i),
                expected.stdout.lines().nth(i)
            )
        })
        .unwrap_or_else(|| "output lengths differ".into());
    Err(format!(
        "{path}: exit {} (gcc {}); {first_diff}; stderr: {}",
        got.status,
        expected.status,
        got.stderr.lines().take(6).collect::<Vec<_>>().join(" | ")
    ))
}

fn check_folder(dir: &str, skip: &[String]) {
    let files: Vec<PathBuf> = c_files(dir)
        .into_iter()
        .filter(|f| {
            !skip
                .iter()
                .any(|s| f.file_name().is_some_and(|n| n.to_string_lossy() == *s))
        })
        .collect();
    assert!(!files.is_empty(), "no C files in {dir}");
    assert_none(
        check_all(&files, |f| same_as_gcc(f)),
        &format!("programs in {dir} differ from gcc"),
    );
}

#[test]
fn example_programs_match_gcc() {
    let mut skip = listed("programs/PRINTS_ADDRESSES");
    skip.extend(listed("programs/FAULTS"));
    check_folder("programs", &skip);
}

#[test]
fn level1_feature_tests_match_gcc() {
    check_folder("tests/c/level1", &[]);
}

#[test]
fn level2_programs_match_gcc() {
    check_folder("tests/c/level2", &listed("tests/c/level2/UNSUPPORTED"));
}

#[test]
fn regression_programs_match_gcc() {
    check_folder("tests/c/regressions", &[]);
}

#[test]
fn compile_benchmark_program_matches_gcc() {
    // The interpreter timed by benches/compile_time.py, on its scripts (tiny.stdin).
    check_folder("benches/compile", &[]);
}
