//! Csmith as a second oracle: random, well-defined C programs (each prints a checksum of
//! every global) must print the same under segvm as their gcc build. A fixed list of
//! seeds runs here; `tests/csmith/run.sh` runs any range of seeds.
//!
//! Needs Csmith and its headers (Debian packages `csmith` and `libcsmith-dev`); without
//! them the test says so and passes.

mod common;
use common::*;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The flags `tests/csmith/run.sh` generates with (see `tests/csmith/README.md`).
const CSMITH_FLAGS: &[&str] = &["--no-bitfields", "--no-volatiles", "--no-packed-struct"];

/// Seeds (Csmith 2.3.0, of 1..400) whose programs are the smallest that pass: their gcc
/// builds take well under a second.
const SMALL_SEEDS: &[u64] = &[
    14, 16, 22, 36, 51, 67, 72, 76, 84, 100, 109, 114, 130, 140, 141, 146, 155, 159, 174, 184, 186,
    195, 203, 204, 205, 206, 217, 219, 227, 231, 251, 253, 261, 269, 286, 296, 298, 299, 301, 313,
    315, 318, 320, 322, 326, 331, 336, 337, 339, 349, 350, 360, 361, 366, 370, 377, 379, 383, 388,
    393,
];

/// Seeds (Csmith 2.3.0, of 1..400) of 20 to 60 KB programs that pass: more functions,
/// structs, unions and pointers, and still quick to build.
const MEDIUM_SEEDS: &[u64] = &[
    17, 27, 74, 77, 91, 137, 149, 182, 189, 197, 207, 209, 230, 278, 285, 314, 330,
];

/// Where the Csmith headers are, if Csmith is installed.
fn csmith_include() -> Option<PathBuf> {
    let found = Command::new("csmith")
        .current_dir(std::env::temp_dir())
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        return None;
    }
    ["/usr/include/csmith", "/usr/local/include/csmith"]
        .iter()
        .map(PathBuf::from)
        .find(|d| d.join("csmith.h").exists())
}

/// Runs a command with a time limit; `None` if it ran over.
fn run_for(cmd: &mut Command, limit: Duration) -> Option<Outcome> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    // Read both pipes while the child runs, so that it never blocks on a full one.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            break Some(status);
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let (stdout, stderr) = (
        out.join().unwrap_or_default(),
        err.join().unwrap_or_default(),
    );
    status.map(|s| Outcome {
        stdout,
        stderr,
        status: s.code().unwrap_or(-1),
    })
}

fn same_as_gcc(seed: u64, include: &Path, dir: &Path) -> Result<(), String> {
    // A folder per seed: Csmith rewrites platform.info where it runs, and seeds run in
    // parallel.
    let dir = &dir.join(format!("seed{seed}"));
    std::fs::create_dir_all(dir).map_err(|e| format!("seed {seed}: {e}"))?;
    let src = dir.join(format!("seed{seed}.c"));
    let exe = dir.join(format!("seed{seed}.gcc"));
    // Csmith writes a platform.info into the folder it runs in.
    let generated = Command::new("csmith")
        .current_dir(dir)
        .args(CSMITH_FLAGS)
        .args(["-s", &seed.to_string(), "-o"])
        .arg(&src)
        .output()
        .expect("csmith runs");
    if !generated.status.success() {
        return Err(format!("seed {seed}: csmith failed"));
    }
    let built = Command::new("gcc")
        .args(["-std=c99", "-fwrapv", "-w", "-O0", "-I"])
        .arg(include)
        .arg(&src)
        .arg("-o")
        .arg(&exe)
        .output()
        .expect("gcc is installed");
    if !built.status.success() {
        return Err(format!("seed {seed}: gcc could not build it"));
    }
    let Some(expected) = run_for(Command::new(&exe).arg("1"), Duration::from_secs(10)) else {
        return Err(format!(
            "seed {seed}: its gcc build runs over 10 s: not a seed for this list"
        ));
    };
    let got = run_for(
        Command::new(env!("CARGO_BIN_EXE_segvm"))
            .args(["run", "--permissive", "--max-steps", "2000000000", "-I"])
            .arg(include)
            .arg(&src)
            .args(["--", "1"]),
        Duration::from_secs(60),
    )
    .ok_or(format!("seed {seed}: segvm ran over 60 s"))?;
    if got.stdout == expected.stdout && got.status == expected.status {
        return Ok(());
    }
    let first_diff = got
        .stdout
        .lines()
        .zip(expected.stdout.lines())
        .find(|(a, b)| a != b)
        .map(|(a, b)| format!("segvm {a:?}, gcc {b:?}"))
        .unwrap_or_else(|| "output lengths differ".into());
    Err(format!(
        "seed {seed}: exit {} (gcc {}); {first_diff}; stderr: {}",
        got.status,
        expected.status,
        got.stderr.lines().take(4).collect::<Vec<_>>().join(" | ")
    ))
}

#[test]
fn csmith_programs_match_gcc() {
    let Some(include) = csmith_include() else {
        eprintln!(
            "skipping the Csmith oracle: csmith is not installed \
             (Debian packages csmith and libcsmith-dev)"
        );
        return;
    };
    let seeds: Vec<u64> = SMALL_SEEDS.iter().chain(MEDIUM_SEEDS).copied().collect();
    assert!(seeds.len() >= 50);
    let dir = std::env::temp_dir().join(format!("segvm-csmith-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let failures = check_all(&seeds, |&seed| same_as_gcc(seed, &include, &dir));
    let _ = std::fs::remove_dir_all(&dir);
    assert_none(failures, "Csmith programs differ from gcc");
}

/// Csmith compares and assigns pointers whose targets differ in signedness; `--permissive`
/// accepts those with a warning, as plain `gcc -std=c99` does, and nothing else.
#[test]
fn permissive_accepts_only_what_plain_gcc_accepts() {
    let dir = std::env::temp_dir().join(format!("segvm-permissive-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let file = dir.join("mixed.c");
    std::fs::write(
        &file,
        "#include <stdio.h>\n\
         int main(void) {\n\
         \x20   unsigned u = 3000000000u;\n\
         \x20   int *p = &u;\n\
         \x20   long l = 5, *q = &l;\n\
         \x20   printf(\"%d %d\\n\", *p, (void *)p != (void *)q && p != q);\n\
         \x20   return 0;\n\
         }\n",
    )
    .expect("the test file");
    let path = file.to_string_lossy().into_owned();
    let strict = segvm(&["run", &path], None);
    assert_eq!(strict.status, 1, "{}", strict.stderr);
    assert!(strict.stderr.contains("incompatible pointer type"));
    assert!(
        strict
            .stderr
            .contains("comparison of distinct pointer types lacks a cast")
    );
    let permissive = segvm(&["run", "--permissive", &path], None);
    assert_eq!(permissive.status, 0, "{}", permissive.stderr);
    assert_eq!(permissive.stdout, "-1294967296 1\n");
    assert!(permissive.stderr.contains("warning"));
    assert!(permissive.stderr.contains("differ in signedness"));

    let other = dir.join("other.c");
    std::fs::write(
        &other,
        "int main(void) { long l = 1; int *p = &l; return *p - 1; }\n",
    )
    .expect("the test file");
    let path = other.to_string_lossy().into_owned();
    let rejected = segvm(&["run", "--permissive", &path], None);
    assert_eq!(rejected.status, 1, "{}", rejected.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}
