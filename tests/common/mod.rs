//! Helpers shared by the integration tests: running segvm and gcc, listing C files,
//! checking many files in parallel.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What a run printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

impl Outcome {
    /// The snapshot form: what a user sees.
    pub fn render(&self, command: &str) -> String {
        format!(
            "## command\n{command}\n## exit\n{}\n## stdout\n{}## stderr\n{}",
            self.status,
            ensure_newline(&self.stdout),
            ensure_newline(&self.stderr)
        )
    }
}

fn ensure_newline(s: &str) -> String {
    if s.is_empty() || s.ends_with('\n') {
        s.to_string()
    } else {
        format!("{s}\n(no newline at end)\n")
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(mut cmd: Command, stdin: Option<&Path>) -> Outcome {
    cmd.current_dir(root());
    cmd.stdin(match stdin {
        Some(p) => Stdio::from(std::fs::File::open(root().join(p)).expect("stdin file")),
        None => Stdio::null(),
    });
    let out = cmd.output().expect("the command runs");
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code().unwrap_or(-1),
    }
}

/// `segvm ARGS...` from the package root.
pub fn segvm(args: &[&str], stdin: Option<&Path>) -> Outcome {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_segvm"));
    cmd.args(args);
    run(cmd, stdin)
}

/// The stdin file that goes with a test program (`X.stdin` next to `X.c`), if any.
pub fn stdin_for(file: &Path) -> Option<PathBuf> {
    let p = file.with_extension("stdin");
    root().join(&p).exists().then_some(p)
}

/// Builds a C file with gcc (`-std=c99 -fwrapv`) and runs it: the oracle.
pub fn gcc(file: &Path, stdin: Option<&Path>) -> Outcome {
    let exe = std::env::temp_dir().join(format!(
        "segvm-oracle-{}-{}",
        std::process::id(),
        file.to_string_lossy().replace(['/', '.'], "_")
    ));
    let dir = file.parent().unwrap_or(Path::new("."));
    let built = Command::new("gcc")
        .current_dir(root())
        .args(["-std=c99", "-fwrapv", "-w", "-I", "tests/c", "-I"])
        .arg(dir)
        .arg(file)
        .arg("-o")
        .arg(&exe)
        .arg("-lm")
        .output()
        .expect("gcc is installed");
    assert!(
        built.status.success(),
        "gcc could not build {}: {}",
        file.display(),
        String::from_utf8_lossy(&built.stderr)
    );
    let outcome = run(Command::new(&exe), stdin);
    let _ = std::fs::remove_file(&exe);
    outcome
}

/// Command-line options a test program asks for in a line `/* options: ARGS */` among its
/// first three (say, a limit it is meant to exceed).
pub fn options_of(file: &Path) -> Vec<String> {
    std::fs::read_to_string(root().join(file))
        .unwrap_or_default()
        .lines()
        .take(3)
        .find_map(|l| l.strip_prefix("/* options: ")?.strip_suffix(" */"))
        .map(|o| o.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// The `.c` files of a folder (relative to the package root), sorted.
pub fn c_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("the folder exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .map(|p| PathBuf::from(dir).join(p.file_name().expect("a file name")))
        .collect();
    files.sort();
    files
}

/// File names listed in a text file (one per line, `#` starts a comment).
pub fn listed(path: &str) -> Vec<String> {
    std::fs::read_to_string(root().join(path))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Checks every item on a few threads; returns the failures' messages.
pub fn check_all<T: Sync>(
    items: &[T],
    check: impl Fn(&T) -> Result<(), String> + Sync,
) -> Vec<String> {
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    if let Err(e) = check(item) {
                        failures.lock().expect("no panics while holding it").push(e);
                    }
                }
            });
        }
    });
    let mut f = failures.into_inner().expect("threads are done");
    f.sort();
    f
}

/// Fails with every message at once.
pub fn assert_none(failures: Vec<String>, what: &str) {
    assert!(
        failures.is_empty(),
        "{} {what}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
