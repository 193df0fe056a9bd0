//! The embedded view: `--layout embedded` (FLASH and RAM, the startup copy of .data) and
//! `--target ilp32` (a 32-bit data model), each alone and together.
//!
//! ILP32 runs are compared with gcc's 32-bit build (`gcc -m32`) where gcc's 32-bit
//! support is installed; otherwise the self-checking feature tests must pass on their own.

mod common;
use common::*;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};

/// The combinations of layout and target, as command-line options.
const MODELS: [(&str, &str); 4] = [
    ("process", "lp64"),
    ("process", "ilp32"),
    ("embedded", "lp64"),
    ("embedded", "ilp32"),
];

// ---- gcc's 32-bit build as the oracle ----------------------------------------------------

/// Whether gcc can build and run 32-bit programs here.
fn gcc_m32() -> bool {
    static OK: OnceLock<bool> = OnceLock::new();
    *OK.get_or_init(|| {
        // To try the checks that stand in for it.
        if std::env::var_os("SEGVM_WITHOUT_GCC_M32").is_some() {
            return false;
        }
        let dir = std::env::temp_dir();
        let src = dir.join(format!("segvm-m32-probe-{}.c", std::process::id()));
        let exe = dir.join(format!("segvm-m32-probe-{}", std::process::id()));
        let ok = std::fs::write(
            &src,
            "int main(void) { return sizeof(long) == 4 ? 0 : 1; }\n",
        )
        .is_ok()
            && Command::new("gcc")
                .args(["-m32", "-o"])
                .arg(&exe)
                .arg(&src)
                .output()
                .is_ok_and(|o| o.status.success())
            && Command::new(&exe).status().is_ok_and(|s| s.success());
        let _ = std::fs::remove_file(&src);
        let _ = std::fs::remove_file(&exe);
        if !ok {
            eprintln!("gcc -m32 is not available: ILP32 runs are checked without it");
        }
        ok
    })
}

/// Builds a C file with `gcc -m32` and runs it (failed ASSERTs go on). Doubles are
/// computed with SSE2, one rounding per operation as segvm (and a microcontroller's FPU)
/// does, not on the x87 with 80-bit intermediates.
/// Each file is built and run once; the tests that compare with it share the outcome.
fn gcc32(file: &Path, stdin: Option<&Path>) -> Outcome {
    type Cache = Mutex<HashMap<PathBuf, Arc<OnceLock<Outcome>>>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cell = CACHE
        .get_or_init(Default::default)
        .lock()
        .expect("no panics while holding it")
        .entry(file.to_path_buf())
        .or_default()
        .clone();
    cell.get_or_init(|| build_and_run_m32(file, stdin)).clone()
}

fn build_and_run_m32(file: &Path, stdin: Option<&Path>) -> Outcome {
    let exe = std::env::temp_dir().join(format!(
        "segvm-oracle32-{}-{}",
        std::process::id(),
        file.to_string_lossy().replace(['/', '.'], "_")
    ));
    let dir = file.parent().unwrap_or(Path::new("."));
    let built = Command::new("gcc")
        .current_dir(root())
        .args(["-m32", "-msse2", "-mfpmath=sse", "-DASSERT_KEEP_GOING"])
        .args(["-std=c99", "-fwrapv", "-w", "-I", "tests/c", "-I"])
        .arg(dir)
        .arg(file)
        .arg("-o")
        .arg(&exe)
        .arg("-lm")
        .output()
        .expect("gcc runs");
    assert!(
        built.status.success(),
        "gcc -m32 could not build {}: {}",
        file.display(),
        String::from_utf8_lossy(&built.stderr)
    );
    let mut cmd = Command::new(&exe);
    cmd.current_dir(root()).stdin(match stdin {
        Some(p) => Stdio::from(std::fs::File::open(root().join(p)).expect("stdin file")),
        None => Stdio::null(),
    });
    let out = cmd.output().expect("the program runs");
    let _ = std::fs::remove_file(&exe);
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code().unwrap_or(-1),
    }
}

/// `segvm run OPTIONS FILE` with the feature tests' include paths.
fn run_with(options: &[&str], file: &Path) -> Outcome {
    let path = file.to_string_lossy();
    let dir = file.parent().unwrap_or(file).to_string_lossy().into_owned();
    let mut args = vec!["run", "-I", "tests/c", "-I", &dir];
    args.extend_from_slice(options);
    args.push(&path);
    segvm(&args, stdin_for(file).as_deref())
}

fn first_difference(got: &Outcome, expected: &Outcome) -> String {
    got.stdout
        .lines()
        .zip(expected.stdout.lines())
        .position(|(a, b)| a != b)
        .map(|i| {
            format!(
                "first difference at line {}: segvm {:?} expected {:?}",
                i + 1,
                got.stdout.lines().nth(i),
                expected.stdout.lines().nth(i)
            )
        })
        .unwrap_or_else(|| "output lengths differ".into())
}

/// Same stdout and status as the oracle.
fn same(file: &Path, got: &Outcome, expected: &Outcome) -> Result<(), String> {
    if got.stdout == expected.stdout && got.status == expected.status {
        return Ok(());
    }
    Err(format!(
        "{}: exit {} (expected {}); {}; stderr: {}",
        file.display(),
        got.status,
        expected.status,
        first_difference(got, expected),
        got.stderr.lines().take(6).collect::<Vec<_>>().join(" | ")
    ))
}

/// The files a folder's `LP64_ONLY` list names, by kind (`sizes` or `undefined`).
fn lp64_only(dir: &str, kind: &str) -> Vec<String> {
    listed(&format!("{dir}/LP64_ONLY"))
        .into_iter()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let (file, k) = (words.next()?, words.next()?);
            (k == kind).then(|| file.to_string())
        })
        .collect()
}

fn named_in(file: &Path, names: &[String]) -> bool {
    file.file_name()
        .is_some_and(|n| names.iter().any(|s| n.to_string_lossy() == *s))
}

/// Every level-1 feature test under ILP32, in both layouts, built so that a failed ASSERT
/// goes on (`-DASSERT_KEEP_GOING`): the output must be gcc -m32's, in full. Files with LP64
/// expectations print them as failed (as gcc -m32 does); all others must pass every ASSERT.
/// Without gcc's 32-bit support, the snapshots (taken where gcc -m32 agreed) stand in.
#[test]
fn level1_feature_tests_under_ilp32() {
    let dir = "tests/c/level1";
    let undefined = lp64_only(dir, "undefined");
    let sizes = lp64_only(dir, "sizes");
    let files: Vec<PathBuf> = c_files(dir)
        .into_iter()
        .filter(|f| !named_in(f, &undefined))
        .collect();
    assert!(files.len() >= 28, "too few files compared");
    let keep_going = ["-D", "ASSERT_KEEP_GOING", "--target", "ilp32"];
    let outputs = Mutex::new(Vec::new());
    assert_none(
        check_all(&files, |f| {
            let got = run_with(&keep_going, f);
            let mut embedded = keep_going.to_vec();
            embedded.extend(["--layout", "embedded", "--ram", "4M"]);
            same(f, &run_with(&embedded, f), &got)?;
            if gcc_m32() {
                same(f, &got, &gcc32(f, stdin_for(f).as_deref()))?;
            }
            let failed = got.stdout.contains("expected but got");
            if got.status != 0 || failed != named_in(f, &sizes) {
                return Err(format!(
                    "{}: exit {}; LP64_ONLY says {}, but it {} an ASSERT",
                    f.display(),
                    got.status,
                    if named_in(f, &sizes) {
                        "sizes"
                    } else {
                        "nothing"
                    },
                    if failed { "failed" } else { "failed not one" }
                ));
            }
            outputs
                .lock()
                .expect("no panics while holding it")
                .push((f.clone(), got.stdout));
            Ok(())
        }),
        "level-1 programs differ under --target ilp32",
    );
    let mut outputs = outputs.into_inner().expect("threads are done");
    outputs.sort();
    for (f, stdout) in outputs {
        let name = f
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(format!("ilp32_level1_{name}"), stdout);
    }
}

/// The level-2 programs (not self-checking) under ILP32, where gcc -m32 is there to say.
#[test]
fn level2_programs_under_ilp32() {
    let dir = "tests/c/level2";
    if !gcc_m32() {
        return;
    }
    let mut skip = lp64_only(dir, "undefined");
    skip.extend(listed(&format!("{dir}/UNSUPPORTED")));
    let files: Vec<PathBuf> = c_files(dir)
        .into_iter()
        .filter(|f| !named_in(f, &skip))
        .collect();
    assert!(files.len() >= 100, "too few files in {dir}");
    assert_none(
        check_all(&files, |f| {
            let got = run_with(&["--target", "ilp32"], f);
            same(f, &got, &gcc32(f, stdin_for(f).as_deref()))
        }),
        "level-2 programs differ under --target ilp32",
    );
}

#[test]
fn the_ilp32_data_model_matches_gcc_m32() {
    let file = Path::new("tests/c/ilp32/data_model.c");
    let got = run_with(&["--target", "ilp32"], file);
    if gcc_m32() {
        same(file, &got, &gcc32(file, None)).unwrap();
    }
    assert_eq!(got.status, 0);
    insta::assert_snapshot!("ilp32_data_model", got.stdout);
}

#[test]
fn example_programs_under_ilp32_and_embedded() {
    let mut skip = listed("programs/PRINTS_ADDRESSES");
    skip.extend(listed("programs/FAULTS"));
    let files: Vec<PathBuf> = c_files("programs")
        .into_iter()
        .filter(|f| !named_in(f, &skip))
        .collect();
    for (layout, target) in MODELS {
        let options = ["--layout", layout, "--target", target, "--ram", "4M"];
        assert_none(
            check_all(&files, |f| {
                let got = run_with(&options, f);
                let expected = if target == "lp64" {
                    gcc(f, stdin_for(f).as_deref())
                } else if gcc_m32() {
                    gcc32(f, stdin_for(f).as_deref())
                } else {
                    run_with(&[], f)
                };
                same(f, &got, &expected)
            }),
            &format!("example programs differ under --layout {layout} --target {target}"),
        );
    }
}

#[test]
fn level1_feature_tests_in_embedded_layout_match_gcc() {
    let files = c_files("tests/c/level1");
    assert_none(
        check_all(&files, |f| {
            let got = run_with(&["--layout", "embedded", "--ram", "4M"], f);
            same(f, &got, &gcc(f, stdin_for(f).as_deref()))
        }),
        "level-1 programs differ in the embedded layout",
    );
}

#[test]
fn check_is_quiet_in_embedded_layout_and_ilp32() {
    let mut files = c_files("tests/c/level1");
    // The other embedded programs fault on purpose.
    files.push(PathBuf::from("tests/c/embedded/startup_order.c"));
    // Under ILP32 these are not even valid (`1L << 40` in a static initializer).
    let undefined = lp64_only("tests/c/level1", "undefined");
    for options in [
        ["--layout", "embedded", "--target", "lp64"],
        ["--layout", "embedded", "--target", "ilp32"],
        ["--layout", "process", "--target", "ilp32"],
    ] {
        let mut big = options.to_vec();
        big.extend(["--ram", "4M"]);
        let files: Vec<PathBuf> = files
            .iter()
            .filter(|f| options[3] == "lp64" || !named_in(f, &undefined))
            .cloned()
            .collect();
        assert_none(
            check_all(&files, |f| {
                let plain = run_with(&big, f);
                let mut checked_options = big.clone();
                checked_options.push("--check");
                let checked = run_with(&checked_options, f);
                same(f, &checked, &plain)?;
                match checked
                    .stderr
                    .lines()
                    .find(|l| l.starts_with("warning") || l.starts_with("error"))
                {
                    Some(l) => Err(format!("{}: --check reported: {l}", f.display())),
                    None => Ok(()),
                }
            }),
            &format!(
                "programs where --check is not quiet under {}",
                big.join(" ")
            ),
        );
    }
}

// ---- the map ------------------------------------------------------------------------------

#[test]
fn map_in_both_layouts_and_targets() {
    for (layout, target) in MODELS {
        let out = segvm(
            &[
                "map",
                "--layout",
                layout,
                "--target",
                target,
                "programs/flash_and_ram.c",
            ],
            None,
        );
        assert_eq!(out.status, 0, "{}", out.stderr);
        insta::assert_snapshot!(
            format!("map_{layout}_{target}"),
            out.render(&format!(
                "segvm map --layout {layout} --target {target} programs/flash_and_ram.c"
            ))
        );
    }
}

#[test]
fn embedded_map_costs_add_up() {
    let out = segvm(
        &[
            "map",
            "--layout",
            "embedded",
            "--all",
            "programs/flash_and_ram.c",
        ],
        None,
    );
    let s = &out.stdout;
    // The const table is in rodata and costs FLASH only; an initialized global costs
    // both; a zeroed one RAM only.
    let row = |name: &str| -> Vec<String> {
        s.lines()
            .find(|l| l.starts_with("0x") && l.ends_with(&format!(" {name}")))
            .unwrap_or_else(|| panic!("no row for {name} in\n{s}"))
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(row("pattern")[1..5], ["rodata", "48", "48", "0"]);
    assert_eq!(row("warn_level")[1..5], ["data", "4", "4", "4"]);
    assert_eq!(row("readings")[1..5], ["bss", "16", "0", "16"]);
    assert!(row("Reset_Handler")[0].starts_with("0x080"));
    // Data runs in RAM and is loaded in FLASH.
    assert!(s.contains("\ndata     RAM    0x20000000  0x080"), "{s}");
    for name in [
        "__data_load",
        "__data_start",
        "__data_end",
        "__bss_start",
        "__bss_end",
    ] {
        assert!(s.contains(name), "linker symbol {name} missing");
    }
}

// ---- FLASH, RAM and the startup code --------------------------------------------------------

/// One snapshot per program of `tests/c/embedded` (run in the embedded layout; the one
/// about `--check` with it) and of `tests/c/embedded/link` (which do not fit).
#[test]
fn embedded_programs_and_faults() {
    for file in c_files("tests/c/embedded") {
        let path = file.to_string_lossy().into_owned();
        let name = file
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let mut args = vec!["run", "--layout", "embedded"];
        if name.contains("check") {
            args.push("--check");
        }
        args.push(&path);
        let out = segvm(&args, None);
        insta::assert_snapshot!(
            format!("embedded_{name}"),
            out.render(&format!("segvm {}", args.join(" ")))
        );
    }
    for (file, args) in [
        ("big_const_table.c", ["--flash", "4K"]),
        ("big_buffer.c", ["--ram", "8K"]),
    ] {
        let path = format!("tests/c/embedded/link/{file}");
        let mut all = vec!["run", "--layout", "embedded"];
        all.extend(args);
        all.push(&path);
        let out = segvm(&all, None);
        assert_eq!(out.status, 1);
        assert!(out.stderr.contains("overflowed by"), "{}", out.stderr);
        insta::assert_snapshot!(
            format!("embedded_link_{}", file.trim_end_matches(".c")),
            out.render(&format!("segvm {}", all.join(" ")))
        );
    }
}

#[test]
fn writes_to_flash_fault() {
    for (file, segment) in [
        ("tests/c/embedded/write_const_table.c", "rodata (FLASH)"),
        (
            "tests/c/embedded/write_data_image.c",
            "data load image (FLASH)",
        ),
        ("tests/c/faults/write_rodata.c", "rodata (FLASH)"),
        ("tests/c/faults/write_text.c", "text (FLASH)"),
    ] {
        for target in ["lp64", "ilp32"] {
            let out = segvm(
                &["run", "--layout", "embedded", "--target", target, file],
                None,
            );
            assert_eq!(out.status, 139, "{file}: {}", out.stderr);
            assert!(
                out.stderr.contains("[write-to-read-only]"),
                "{}",
                out.stderr
            );
            assert!(out.stderr.contains(segment), "{file}: {}", out.stderr);
        }
    }
}

/// Every fault program behaves the same in a small RAM and names FLASH or RAM.
#[test]
fn faults_in_the_embedded_layout() {
    for file in c_files("tests/c/faults") {
        let path = file.to_string_lossy().into_owned();
        let name = file
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .into_owned();
        let options = options_of(&file);
        let mut args: Vec<&str> = vec!["run"];
        args.extend(options.iter().map(String::as_str));
        let process = segvm(&[&args[..], &[path.as_str()]].concat(), None);
        args.extend(["--layout", "embedded", "--target", "ilp32", &path]);
        let out = segvm(&args, None);
        assert_eq!(out.status, process.status, "{path}: {}", out.stderr);
        assert_eq!(out.stdout, process.stdout, "{path}");
        insta::assert_snapshot!(
            format!("fault_embedded_{name}"),
            out.render(&format!("segvm {}", args.join(" ")))
        );
    }
}

#[test]
fn ram_exhaustion_is_a_stack_overflow() {
    let file = "programs/small_ram_stack.c";
    let plain = segvm(&["run", file], None);
    assert_eq!(plain.status, 0, "{}", plain.stderr);
    for target in ["lp64", "ilp32"] {
        let args = [
            "run", "--layout", "embedded", "--ram", "8K", "--target", target, file,
        ];
        let out = segvm(&args, None);
        assert_eq!(out.status, 139);
        assert!(out.stderr.contains("[stack-overflow]"), "{}", out.stderr);
        assert!(out.stderr.contains("RAM holds 8192 bytes in all"));
        assert!(
            out.stdout
                .starts_with(plain.stdout.lines().next().unwrap_or("?"))
        );
        insta::assert_snapshot!(
            format!("embedded_small_ram_stack_{target}"),
            out.render(&format!("segvm {}", args.join(" ")))
        );
    }
    // The heap takes what it can first (malloc says NULL, no fault); then the stack
    // meets the break.
    let out = segvm(
        &[
            "run",
            "--layout",
            "embedded",
            "--ram",
            "16K",
            "tests/c/embedded/heap_then_stack.c",
        ],
        None,
    );
    assert_eq!(out.status, 139);
    assert!(out.stdout.contains("malloc returned NULL after"));
    assert!(out.stderr.contains("[stack-overflow]"));
}

/// `.data` holds garbage until the startup code has copied its initial values from
/// FLASH; `.bss` until it has zeroed it. `trace --lines` shows the copy happening.
#[test]
fn trace_shows_the_startup_copy() {
    let out = segvm(
        &[
            "trace",
            "--lines",
            "--layout",
            "embedded",
            "tests/c/embedded/startup_order.c",
        ],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    let t = &out.stdout;
    let copy = t
        .find("answer = 42 (was -1515870811)")
        .unwrap_or_else(|| panic!("no copy of answer in\n{t}"));
    let zero = t.find("zeros = {0, ").unwrap_or(usize::MAX);
    let reset = t
        .find("call Reset_Handler()")
        .expect("the startup code runs");
    let main = t.find("call main(").expect("main runs");
    assert!(reset < copy && copy < main, "the copy happens before main");
    assert!(zero == usize::MAX || (reset < zero && zero < main));
    // The process layout has no startup code: the loader puts .data in place.
    let process = segvm(
        &["trace", "--lines", "tests/c/embedded/startup_order.c"],
        None,
    );
    assert!(!process.stdout.contains("Reset_Handler"));
}

#[test]
fn disasm_lists_the_startup_code() {
    let out = segvm(
        &[
            "disasm",
            "--layout",
            "embedded",
            "tests/c/embedded/startup_order.c",
        ],
        None,
    );
    assert!(out.stdout.contains("\nReset_Handler:"), "{}", out.stdout);
    assert!(out.stdout.contains("call      0x8"));
    let process = segvm(&["disasm", "tests/c/embedded/startup_order.c"], None);
    assert!(!process.stdout.contains("Reset_Handler"));
}

#[test]
fn debugger_sees_ram_before_and_after_startup() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_segvm"))
        .current_dir(root())
        .args([
            "debug",
            "--layout",
            "embedded",
            "--target",
            "ilp32",
            "tests/c/embedded/startup_order.c",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("segvm runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(
            b"break Reset_Handler\nbreak main\nrun\nprint answer\nprint zeros\n\
              info segments\ncontinue\nprint answer\nprint zeros\nprint *where\n\
              print message\ncontinue\nquit\n",
        )
        .expect("the script is written");
    let out = child.wait_with_output().expect("segvm ends");
    assert!(out.status.success());
    let t = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(t.contains("Breakpoint 1, Reset_Handler ()"), "{t}");
    assert!(t.contains("$1 = -1515870811"), "{t}");
    assert!(t.contains("Breakpoint 2, main ()"), "{t}");
    assert!(t.contains("$3 = 42"), "{t}");
    assert!(t.contains("$4 = {0, 0, 0}"), "{t}");
    assert!(t.contains("data load image (FLASH)"), "{t}");
    insta::assert_snapshot!("embedded_debug_startup", t);
}
