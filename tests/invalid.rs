//! Invalid programs (each with one constraint violation `gcc -std=c99 -pedantic-errors`
//! rejects, on the line marked `// ERROR`) are compile errors: exit status 1, a
//! diagnostic on that line, and the program never runs.

mod common;
use common::*;
use std::path::Path;

fn rejected_at_marked_line(file: &Path) -> Result<(), String> {
    let path = file.to_string_lossy();
    let text = std::fs::read_to_string(root().join(file)).map_err(|e| e.to_string())?;
    let line = text
        .lines()
        .position(|l| l.contains("// ERROR"))
        .ok_or(format!("{path}: no // ERROR line"))?
        + 1;
    let dir = file.parent().unwrap_or(file).to_string_lossy().into_owned();
    let got = segvm(&["run", "-I", &dir, &path], None);
    if got.status != 1 {
        return Err(format!("{path}: exit status {}, not 1", got.status));
    }
    let wanted = format!("{path}:{line}:");
    let expected_exempt = listed("tests/c/invalid/UNSUPPORTED")
        .iter()
        .any(|s| path.ends_with(s.as_str()));
    if !expected_exempt && !error_at(&got.stderr, &wanted) {
        return Err(format!(
            "{path}: no error at line {line}: {}",
            got.stderr.lines().take(3).collect::<Vec<_>>().join(" | ")
        ));
    }
    if !got.stdout.is_empty() {
        return Err(format!("{path}: the program ran"));
    }
    Ok(())
}

/// Whether an error (not a warning or a note) points at `FILE:LINE:`.
fn error_at(stderr: &str, wanted: &str) -> bool {
    let mut in_error = false;
    stderr.lines().any(|l| {
        if !l.starts_with(' ') {
            in_error = l.starts_with("error");
        }
        in_error && l.trim_start().starts_with("-->") && l.contains(wanted)
    })
}

#[test]
fn invalid_programs_are_rejected_at_the_right_line() {
    let files = c_files("tests/c/invalid");
    assert!(files.len() >= 100);
    assert_none(
        check_all(&files, |f| rejected_at_marked_line(f)),
        "invalid programs not rejected as expected",
    );
}

#[test]
fn unsupported_constructs_say_so() {
    for name in listed("tests/c/level2/UNSUPPORTED") {
        let path = format!("tests/c/level2/{name}");
        let got = segvm(&["run", &path], None);
        assert_eq!(got.status, 1, "{path}");
        assert!(
            got.stderr.contains("not supported by segvm"),
            "{path}: {}",
            got.stderr
        );
    }
}
