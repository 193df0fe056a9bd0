//! The checker against gcc on mutants: every valid C file of the project, changed in one
//! small way (see `mutants/mutator.rs`), must be rejected by segvm exactly when
//! `gcc -std=c99 -pedantic-errors -fsyntax-only` rejects it.
//!
//! A fixed seed keeps `cargo test` fast and repeatable; a campaign over more mutants:
//! `SEGVM_MUTANTS=50 SEGVM_MUTANT_SEED=7 cargo test --release --test mutants -- --nocapture`
//! (`SEGVM_MUTANT_DIR=DIR` keeps every mismatching mutant there, as a C file).

mod common;
#[path = "mutants/mutator.rs"]
mod mutator;

use common::*;
use segvm::driver::{self, Options, Phase};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Mutants per file and the seed, unless the environment says otherwise.
const MUTANTS_PER_FILE: u64 = 3;
const SEED: u64 = 1;

/// Programs gcc accepts that segvm rejects on purpose, by the start of segvm's message.
const STRICTER: &[(&str, &str)] = &[
    (
        "passing argument 1 of 'is",
        "glibc's <ctype.h> classification macros cast their argument to int, so gcc takes \
         a pointer there; segvm's are functions, and a pointer is a bug worth an error",
    ),
    (
        "called object 'is",
        "the same macros: glibc's isgraph(c) never calls an object named isgraph",
    ),
    (
        "conflicting types for library function",
        "a program's own declaration of a library function that differs from the real one \
         beyond qualifiers: gcc warns (-Wbuiltin-declaration-mismatch) and calls it anyway",
    ),
    (
        "first argument to 'va_",
        "gcc's va_list is an array that decays to a pointer, and its va_start and va_arg \
         take any expression of that pointer type; segvm's take the va_list object",
    ),
    (
        "argument to 'va_copy'",
        "the same: gcc's va_copy takes any pointer of that type, even a null constant",
    ),
    (
        "arithmetic on pointer to an incomplete type 'struct __va_list_tag'",
        "pointer arithmetic on a decayed va_list: gcc allows it, nothing portable uses it",
    ),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    Accepted,
    Rejected,
    /// segvm rejects a construct it does not support ("not supported by segvm").
    Unsupported,
}

/// The valid C files of the project: the feature tests and the example programs.
fn corpus() -> Vec<PathBuf> {
    let skip = listed("tests/c/level2/UNSUPPORTED");
    ["tests/c/level1", "tests/c/level2", "programs"]
        .iter()
        .flat_map(|d| c_files(d))
        .filter(|f| {
            !skip
                .iter()
                .any(|s| f.file_name().is_some_and(|n| n.to_string_lossy() == *s))
        })
        .collect()
}

fn include_dirs(file: &Path) -> Vec<PathBuf> {
    let dir = file.parent().unwrap_or(Path::new("."));
    vec![root().join("tests/c"), root().join(dir)]
}

/// gcc's verdict and its first error message.
fn gcc_verdict(file: &Path, text: &str) -> (Verdict, String) {
    let mut cmd = Command::new("gcc");
    cmd.args(["-std=c99", "-pedantic-errors", "-fsyntax-only"]);
    for d in include_dirs(file) {
        cmd.arg("-I").arg(d);
    }
    let mut child = cmd
        .args(["-x", "c", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gcc is installed");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("piped");
        stdin
            .write_all(text.as_bytes())
            .expect("gcc reads its input");
    }
    let out = child.wait_with_output().expect("gcc runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr
        .lines()
        .find(|l| l.contains("error:"))
        .unwrap_or("")
        .to_string();
    let v = if out.status.success() {
        Verdict::Accepted
    } else {
        Verdict::Rejected
    };
    (v, first)
}

/// segvm's verdict (the checker, as far as `gcc -fsyntax-only` goes) and its first
/// error; a panic is reported as an error of its own.
fn segvm_verdict(file: &Path, text: &str) -> Result<(Verdict, String), String> {
    let opts = Options {
        include_dirs: include_dirs(file),
        ..Options::default()
    };
    let name = file.to_string_lossy().into_owned();
    let c = std::panic::catch_unwind(|| driver::compile(&name, text, &opts, Phase::Check))
        .map_err(|_| "segvm panicked".to_string())?;
    let errors: Vec<&str> = c
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.as_str())
        .collect();
    let v = if errors.is_empty() {
        Verdict::Accepted
    } else if errors.iter().any(|m| m.contains("not supported by segvm")) {
        Verdict::Unsupported
    } else {
        Verdict::Rejected
    };
    Ok((v, errors.first().unwrap_or(&"").to_string()))
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Counts of how a run went.
#[derive(Default)]
struct Tally {
    both_reject: usize,
    both_accept: usize,
    unsupported: usize,
    stricter: usize,
    segvm_only: usize,
}

#[test]
fn segvm_rejects_exactly_what_gcc_rejects() {
    let per_file = env_u64("SEGVM_MUTANTS", MUTANTS_PER_FILE);
    let seed = env_u64("SEGVM_MUTANT_SEED", SEED);
    let keep = std::env::var("SEGVM_MUTANT_DIR").ok().map(PathBuf::from);
    let files = corpus();
    assert!(files.len() > 200, "the corpus is there");
    let jobs: Vec<(PathBuf, u64)> = files
        .iter()
        .flat_map(|f| (0..=per_file).map(move |i| (f.clone(), i)))
        .collect();
    let tally = std::sync::Mutex::new(Tally::default());
    let failures = check_all(&jobs, |(file, index)| {
        let original = std::fs::read_to_string(root().join(file)).map_err(|e| e.to_string())?;
        // Index 0 is the file itself: both must accept it.
        let (text, what) = if *index == 0 {
            (original, "unchanged".to_string())
        } else {
            let mut rng = mutator::Rng::new(mutator::hash(seed, &file.to_string_lossy(), *index));
            match mutator::mutate(&original, &mut rng) {
                Some(m) => (m.text, m.what),
                None => return Ok(()),
            }
        };
        let (gcc, gcc_msg) = gcc_verdict(file, &text);
        let (ours, our_msg) =
            segvm_verdict(file, &text).map_err(|e| format!("{}: {what}: {e}", file.display()))?;
        let mut t = tally.lock().expect("no panics while holding it");
        let problem = match (gcc, ours) {
            (Verdict::Rejected, Verdict::Rejected | Verdict::Unsupported) => {
                t.both_reject += 1;
                None
            }
            (Verdict::Accepted, Verdict::Accepted) => {
                t.both_accept += 1;
                None
            }
            (Verdict::Accepted, Verdict::Unsupported) => {
                t.unsupported += 1;
                None
            }
            // A change that reaches code under `#ifdef __segvm__`, which gcc never sees.
            (Verdict::Accepted, Verdict::Rejected) if our_msg.contains("'segvm_") => {
                t.segvm_only += 1;
                None
            }
            (Verdict::Accepted, Verdict::Rejected)
                if STRICTER.iter().any(|(m, _)| our_msg.starts_with(m)) =>
            {
                t.stricter += 1;
                None
            }
            (Verdict::Rejected, Verdict::Accepted) => {
                Some(format!("segvm accepts what gcc rejects ({gcc_msg})"))
            }
            (Verdict::Accepted, Verdict::Rejected) => {
                Some(format!("segvm rejects what gcc accepts ({our_msg})"))
            }
            (Verdict::Unsupported, _) => unreachable!("gcc has no such verdict"),
        };
        drop(t);
        let Some(problem) = problem else {
            return Ok(());
        };
        if let Some(dir) = &keep {
            let stem = file.file_stem().unwrap_or_default().to_string_lossy();
            let _ = std::fs::create_dir_all(dir);
            let _ = std::fs::write(dir.join(format!("{stem}_{seed}_{index}.c")), &text);
        }
        Err(format!(
            "{} mutant {index}: {what}: {problem}",
            file.display()
        ))
    });
    let t = tally.into_inner().expect("threads are done");
    println!(
        "{} files, {} mutants per file, seed {seed}: both reject {}, both accept {}, \
         unsupported by segvm {}, stricter on purpose {}, in segvm-only code {}, \
         mismatches {}",
        files.len(),
        per_file,
        t.both_reject,
        t.both_accept,
        t.unsupported,
        t.stricter,
        t.segvm_only,
        failures.len()
    );
    assert_none(failures, "mutants judged differently by segvm and gcc");
}
