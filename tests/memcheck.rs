//! The buggy-program corpus (`tests/c/buggy`): small C programs with exactly one memory
//! or runtime error each, named in a header (`/* kind: KIND */`, then
//! `/* bug: WHAT (line N) */`, and for errors found later than they happen, such as
//! heap corruption found by the next `free`, `/* found: WHERE (line N) */`).
//!
//! - `corpus_is_well_formed`: every header is there and right, every kind is covered,
//!   every program is valid C for gcc.
//! - `memcheck_sees_the_declared_kind`: built natively and run under valgrind memcheck,
//!   each program (but those listed in `NOT_MEMCHECK`) shows the error its header names.
//! - `plain_run_reports_the_fault`: kinds that stop a plain `segvm run` are reported with
//!   their name, exit status and line.
//! - `check_json_agrees_with_memcheck` (the differential): every kind memcheck reports is
//!   in `segvm run --check --json`'s report.
//! - `check_reports_not_memcheck`: the programs memcheck cannot judge (stack and global
//!   buffer overflows, use after return, endless loops) are snapshots of
//!   `segvm run --check`.

mod common;
use common::*;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

const DIR: &str = "tests/c/buggy";

/// Kinds a program may name, as `segvm` names them.
const KINDS: &[&str] = &[
    "null-dereference",
    "segmentation-fault",
    "write-to-read-only",
    "stack-overflow",
    "division-by-zero",
    "assertion-failure",
    "abort",
    "double-free",
    "invalid-free",
    "heap-corruption",
    "step-limit",
    "heap-buffer-overflow",
    "heap-use-after-free",
    "stack-buffer-overflow",
    "global-buffer-overflow",
    "stack-use-after-return",
    "uninitialized-read",
    "memory-leak",
];

/// Kinds that only `--check` finds; the others stop a plain run.
const CHECK_ONLY: &[&str] = &[
    "heap-buffer-overflow",
    "heap-use-after-free",
    "stack-buffer-overflow",
    "global-buffer-overflow",
    "stack-use-after-return",
    "uninitialized-read",
    "memory-leak",
];

/// A bound on any one run: the endless loops stop here.
const MAX_STEPS: &str = "20000000";

/// One program of the corpus and what its header says.
#[derive(Debug, Clone)]
struct Buggy {
    path: PathBuf,
    name: String,
    kind: String,
    line: u32,
    /// Where a plain run finds the error, if not on `line`.
    found: Option<u32>,
}

/// The N of a header line `/* WHAT: ... (line N) */`.
fn header_line(l: &str, what: &str) -> Option<u32> {
    l.strip_prefix(&format!("/* {what}: "))?
        .strip_suffix(") */")?
        .rsplit_once("(line ")?
        .1
        .parse()
        .ok()
}

fn corpus() -> Vec<Buggy> {
    c_files(DIR)
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(root().join(&path)).expect("readable");
            let name = path
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            let mut lines = text.lines();
            let kind = lines
                .next()
                .and_then(|l| l.strip_prefix("/* kind: "))
                .and_then(|l| l.strip_suffix(" */"))
                .unwrap_or_else(|| panic!("{name}: line 1 must be /* kind: KIND */"))
                .to_string();
            let line = lines
                .next()
                .and_then(|l| header_line(l, "bug"))
                .unwrap_or_else(|| panic!("{name}: line 2 must be /* bug: WHAT (line N) */"));
            let found = lines.next().and_then(|l| header_line(l, "found"));
            Buggy {
                path,
                name,
                kind,
                line,
                found,
            }
        })
        .collect()
}

fn not_memcheck() -> BTreeSet<String> {
    listed(&format!("{DIR}/NOT_MEMCHECK")).into_iter().collect()
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

/// Builds a program natively for memcheck (`-g -O0`); the executable's path.
fn build(b: &Buggy, opt: &str) -> Result<PathBuf, String> {
    // Tests run in parallel and may build the same program: each build its own name.
    static BUILDS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let exe = std::env::temp_dir().join(format!(
        "segvm-buggy-{}-{n}-{}{opt}",
        std::process::id(),
        b.name
    ));
    let out = Command::new("gcc")
        .current_dir(root())
        .args(["-std=c99", "-w", "-g", opt])
        .arg(&b.path)
        .arg("-o")
        .arg(&exe)
        .output()
        .map_err(|e| format!("gcc: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{}: gcc rejects it:\n{}",
            b.name,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(exe)
}

#[test]
fn corpus_is_well_formed() {
    let corpus = corpus();
    assert!(
        corpus.len() >= 45,
        "only {} programs in {DIR}",
        corpus.len()
    );
    for k in KINDS {
        assert!(
            corpus.iter().any(|b| b.kind == *k),
            "no program of kind {k} in {DIR}"
        );
    }
    for b in &corpus {
        assert!(
            KINDS.contains(&b.kind.as_str()),
            "{}: unknown kind {}",
            b.name,
            b.kind
        );
        let text = std::fs::read_to_string(root().join(&b.path)).expect("readable");
        let lines = text.lines().count() as u32;
        for line in [Some(b.line), b.found].into_iter().flatten() {
            assert!(
                line > 2 && line <= lines,
                "{}: line {line} is not in the program",
                b.name,
            );
        }
        assert_eq!(
            b.found.is_some(),
            b.kind == "heap-corruption",
            "{}: heap corruption, and only it, is found later than it happens: a found: line",
            b.name
        );
    }
    let names: BTreeSet<String> = corpus.iter().map(|b| format!("{}.c", b.name)).collect();
    for n in not_memcheck() {
        assert!(
            names.contains(&n),
            "NOT_MEMCHECK lists {n}, which is not in {DIR}"
        );
    }
    if !have("gcc") {
        eprintln!("gcc is not installed: not checking that the programs are valid C");
        return;
    }
    let failures = check_all(&corpus, |b| {
        let exe = build(b, "-O0")?;
        let _ = std::fs::remove_file(exe);
        Ok(())
    });
    assert_none(failures, "programs gcc rejects");
}

/// What memcheck said of one run: its report (stderr) and how the process ended.
fn memcheck(b: &Buggy) -> Result<String, String> {
    let exe = build(b, "-O0")?;
    let out = Command::new("timeout")
        .args(["120", "valgrind", "--tool=memcheck", "--error-exitcode=99"])
        .args(["--leak-check=full", "--main-stacksize=8388608"])
        .arg(&exe)
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| format!("valgrind: {e}"));
    let _ = std::fs::remove_file(&exe);
    let out = out?;
    Ok(String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The kinds memcheck's report shows, in segvm's names.
fn memcheck_kinds(report: &str) -> BTreeSet<&'static str> {
    let mut kinds = BTreeSet::new();
    // Each message's first line, without the `==PID== ` prefix.
    let lines: Vec<&str> = report
        .lines()
        .map(|l| match l.strip_prefix("==") {
            Some(rest) => rest.split_once("== ").map_or("", |(_, m)| m),
            None => l,
        })
        .collect();
    let address_after = |i: usize| {
        lines[i + 1..]
            .iter()
            .take_while(|l| !l.is_empty())
            .find(|l| l.trim_start().starts_with("Address 0x"))
            .map(|l| l.trim_start())
            .unwrap_or("")
    };
    let mut bad_access = false;
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with("Invalid read of size") || l.starts_with("Invalid write of size") {
            bad_access = true;
            let a = address_after(i);
            if a.contains("not stack'd, malloc'd") {
                let addr = a
                    .strip_prefix("Address 0x")
                    .and_then(|r| r.split_whitespace().next())
                    .and_then(|h| u64::from_str_radix(h, 16).ok())
                    .unwrap_or(u64::MAX);
                kinds.insert(if addr < 4096 {
                    "null-dereference"
                } else {
                    "segmentation-fault"
                });
            } else if a.contains("bytes after a block") || a.contains("bytes before a block") {
                kinds.insert("heap-buffer-overflow");
            } else if a.contains("free'd") {
                kinds.insert("heap-use-after-free");
            } else if a.contains("below stack pointer") {
                kinds.insert("stack-use-after-return");
            }
        } else if l.starts_with("Invalid free()") {
            let a = address_after(i);
            kinds.insert(
                if a.contains("inside a block of size") && a.contains("free'd") {
                    "double-free"
                } else {
                    "invalid-free"
                },
            );
        } else if l.starts_with("Conditional jump or move depends on uninitialised value")
            || l.starts_with("Use of uninitialised value")
            || (l.starts_with("Syscall param") && l.contains("uninitialised byte"))
        {
            kinds.insert("uninitialized-read");
        }
    }
    let signal = lines
        .iter()
        .position(|l| l.starts_with("Process terminating with default action of signal"));
    if let Some(i) = signal {
        let l = lines[i];
        let after = &lines[i + 1..];
        if l.contains("(SIGSEGV)") && !bad_access {
            if report.contains("Stack overflow in thread")
                || after
                    .iter()
                    .any(|l| l.contains("overflow in your program's main thread"))
            {
                kinds.insert("stack-overflow");
            } else if after.iter().any(|l| {
                l.trim_start()
                    .starts_with("Bad permissions for mapped region")
            }) {
                kinds.insert("write-to-read-only");
            } else {
                kinds.insert("segmentation-fault");
            }
        } else if l.contains("(SIGFPE)") {
            kinds.insert("division-by-zero");
        } else if l.contains("(SIGABRT)") {
            kinds.insert(if report.contains("Assertion `") {
                "assertion-failure"
            } else {
                "abort"
            });
        }
    } else if lines.iter().any(|l| {
        l.trim_start()
            .strip_prefix("definitely lost: ")
            .is_some_and(|r| !r.starts_with("0 bytes"))
    }) {
        // Leaks count only for a run that ended normally.
        kinds.insert("memory-leak");
    }
    kinds
}

/// The kind memcheck shows for a program's declared kind: heap corruption is, to memcheck,
/// the overflow that caused it.
fn as_memcheck_sees(kind: &str) -> &str {
    match kind {
        "heap-corruption" => "heap-buffer-overflow",
        k => k,
    }
}

fn memcheck_programs() -> Option<Vec<Buggy>> {
    if !have("valgrind") || !have("gcc") {
        eprintln!("SKIPPED: valgrind or gcc is not installed; the memcheck comparison needs both");
        return None;
    }
    let skip = not_memcheck();
    Some(
        corpus()
            .into_iter()
            .filter(|b| !skip.contains(&format!("{}.c", b.name)))
            .collect(),
    )
}

#[test]
fn memcheck_sees_the_declared_kind() {
    let Some(programs) = memcheck_programs() else {
        return;
    };
    let failures = check_all(&programs, |b| {
        let report = memcheck(b)?;
        let kinds = memcheck_kinds(&report);
        let want = as_memcheck_sees(&b.kind);
        if kinds.len() == 1 && kinds.contains(want) {
            return Ok(());
        }
        Err(format!(
            "{}: declared {}, memcheck shows {kinds:?} (a program memcheck cannot judge belongs in NOT_MEMCHECK):\n{report}",
            b.name, b.kind
        ))
    });
    assert_none(
        failures,
        "programs where memcheck disagrees with the header",
    );
}

#[test]
fn plain_run_reports_the_fault() {
    let programs: Vec<Buggy> = corpus()
        .into_iter()
        .filter(|b| !CHECK_ONLY.contains(&b.kind.as_str()))
        .collect();
    let failures = check_all(&programs, |b| {
        let path = b.path.to_string_lossy().into_owned();
        let out = segvm(&["run", "--max-steps", MAX_STEPS, &path], None);
        let status = match b.kind.as_str() {
            "division-by-zero" => 136,
            "assertion-failure" | "abort" | "double-free" | "invalid-free" | "heap-corruption" => {
                134
            }
            "step-limit" => 124,
            _ => 139,
        };
        let mut wrong = Vec::new();
        if out.status != status {
            wrong.push(format!("exit status {} instead of {status}", out.status));
        }
        if !out.stderr.contains(&format!("[{}]", b.kind)) {
            wrong.push(format!("no [{}] in the report", b.kind));
        }
        // The faulting line is in the report or its backtrace (an endless loop stops
        // anywhere in the loop).
        let line = b.found.unwrap_or(b.line);
        let at = format!("{path}:{line}");
        let shown = out
            .stderr
            .lines()
            .any(|l| l.contains(&format!("{at}:")) || l.ends_with(&at));
        if b.kind != "step-limit" && !shown {
            wrong.push(format!("line {line} is not in the report"));
        }
        if out.stdout.is_empty() {
            wrong.push("nothing on stdout before the fault".into());
        }
        if wrong.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{}: {}\n{}",
                b.name,
                wrong.join("; "),
                out.render(&format!("segvm run {path}"))
            ))
        }
    });
    assert_none(failures, "programs whose fault a plain run misreports");
}

/// The kinds `segvm run --check --json` reports: the fault's, each error's, and
/// `memory-leak` for a leak report of more than 0 bytes.
fn segvm_kinds(b: &Buggy) -> Result<BTreeSet<String>, String> {
    let path = b.path.to_string_lossy().into_owned();
    let out = segvm(
        &["run", "--check", "--json", "--max-steps", MAX_STEPS, &path],
        None,
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout)
        .map_err(|e| format!("{}: the JSON does not parse ({e}):\n{}", b.name, out.stdout))?;
    let mut kinds = BTreeSet::new();
    if let Some(k) = json["fault"]["kind"].as_str() {
        kinds.insert(k.to_string());
    }
    for e in json["errors"].as_array().into_iter().flatten() {
        if let Some(k) = e["kind"].as_str() {
            kinds.insert(k.to_string());
        }
    }
    if json["leaks"]["bytes"].as_f64().unwrap_or(0.0) > 0.0 {
        kinds.insert("memory-leak".to_string());
    }
    Ok(kinds)
}

#[test]
fn check_json_agrees_with_memcheck() {
    let Some(programs) = memcheck_programs() else {
        return;
    };
    let failures = check_all(&programs, |b| {
        let report = memcheck(b)?;
        let want = memcheck_kinds(&report);
        let got = segvm_kinds(b)?;
        let missing: Vec<&&str> = want.iter().filter(|k| !got.contains(**k)).collect();
        if want.is_empty() || !missing.is_empty() {
            return Err(format!(
                "{}: memcheck reports {want:?}, segvm --check reports {got:?}",
                b.name
            ));
        }
        Ok(())
    });
    assert_none(
        failures,
        "programs where segvm --check misses what memcheck finds",
    );
}

#[test]
fn check_reports_not_memcheck() {
    let skip = not_memcheck();
    let programs: Vec<Buggy> = corpus()
        .into_iter()
        .filter(|b| skip.contains(&format!("{}.c", b.name)))
        .collect();
    let failures = check_all(&programs, |b| {
        let got = segvm_kinds(b)?;
        if got.contains(&b.kind) {
            Ok(())
        } else {
            Err(format!(
                "{}: declared {}, segvm --check reports {got:?}",
                b.name, b.kind
            ))
        }
    });
    assert_none(failures, "programs whose kind segvm --check misses");
    for b in &programs {
        let path = b.path.to_string_lossy().into_owned();
        let out = segvm(&["run", "--check", "--max-steps", MAX_STEPS, &path], None);
        insta::assert_snapshot!(
            format!("buggy_{}", b.name),
            out.render(&format!("segvm run --check --max-steps {MAX_STEPS} {path}"))
        );
    }
}

/// The message of every kind, as a user sees it: a snapshot of the first program of each
/// kind (by name), under `--check` for the kinds only it finds, else of a plain run. (The
/// `NOT_MEMCHECK` programs have snapshots of their own above.)
#[test]
fn every_kind_has_a_snapshot() {
    let corpus = corpus();
    for kind in KINDS {
        let b = corpus
            .iter()
            .find(|b| b.kind == *kind)
            .unwrap_or_else(|| panic!("no program of kind {kind}"));
        let path = b.path.to_string_lossy().into_owned();
        let args: Vec<&str> = if CHECK_ONLY.contains(kind) {
            vec!["run", "--check", &path]
        } else {
            vec!["run", "--max-steps", MAX_STEPS, &path]
        };
        let out = segvm(&args, None);
        assert!(out.stderr.contains(&format!("[{kind}]")), "{}", out.stderr);
        insta::assert_snapshot!(
            format!("kind_{kind}"),
            out.render(&format!("segvm {}", args.join(" ")))
        );
    }
}

#[test]
fn memcheck_classifier() {
    let report = "==1== Invalid read of size 4\n==1==    at 0x1: main (a.c:3)\n==1==  Address 0x4a41068 is 0 bytes after a block of size 40 alloc'd\n==1== \n";
    assert_eq!(memcheck_kinds(report), ["heap-buffer-overflow"].into());
    let report = "==1== Invalid free() / delete / delete[] / realloc()\n==1==    at 0x1: free\n==1==  Address 0x4a41040 is 0 bytes inside a block of size 16 free'd\n==1== \n";
    assert_eq!(memcheck_kinds(report), ["double-free"].into());
    let report = "==1== Invalid write of size 4\n==1==  Address 0x0 is not stack'd, malloc'd or (recently) free'd\n==1== \n==1== Process terminating with default action of signal 11 (SIGSEGV)\n==1==  Access not within mapped region at address 0x0\n";
    assert_eq!(memcheck_kinds(report), ["null-dereference"].into());
    let report = "==1== Process terminating with default action of signal 11 (SIGSEGV)\n==1==  Bad permissions for mapped region at address 0x10A004\n==1==    definitely lost: 0 bytes in 0 blocks\n";
    assert_eq!(memcheck_kinds(report), ["write-to-read-only"].into());
    let report = "==1==    definitely lost: 60 bytes in 5 blocks\n";
    assert_eq!(memcheck_kinds(report), ["memory-leak"].into());
    assert!(memcheck_kinds("==1==    definitely lost: 0 bytes in 0 blocks\n").is_empty());
}
