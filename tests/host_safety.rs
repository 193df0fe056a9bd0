//! The host stays safe whatever the program or the command line: a bug in segvm ends in a
//! one-line internal error (exit 70), not a Rust backtrace; and what segvm keeps about a
//! run (backtraces, `--check`'s records, leak reports, recordings) stays bounded, as do the
//! address space and the host memory asked for it. The programs are in `tests/c/host`.

mod common;
use common::*;

/// Set in the environment of the child this test binary runs of itself.
const PANIC_CHILD: &str = "SEGVM_TEST_PANIC_CHILD";

/// In the child: a panic inside `guarded`, as `segvm`'s `main` runs the command line.
#[test]
fn panicking_child() {
    if std::env::var_os(PANIC_CHILD).is_some() {
        let status = segvm::cli::guarded(|| panic!("an invariant broke"));
        std::process::exit(status);
    }
}

#[test]
fn a_panic_is_an_internal_error_not_a_backtrace() {
    let out = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "panicking_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(PANIC_CHILD, "1")
        .env("RUST_BACKTRACE", "1")
        .output()
        .expect("the test binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(segvm::cli::INTERNAL_ERROR),
        "{stderr}"
    );
    assert!(
        stderr.contains("segvm: internal error: an invariant broke (at tests/host_safety.rs:"),
        "{stderr}"
    );
    assert!(stderr.contains("please report it"), "{stderr}");
    assert!(!stderr.contains("stack backtrace"), "{stderr}");
    assert!(!stderr.contains("panicked at"), "{stderr}");
    assert_eq!(segvm::cli::guarded(|| 3), 3);
}

/// The largest resident size of any child this test binary has waited for, in KiB.
fn children_max_rss_kib() -> i64 {
    // SAFETY: getrusage only writes the struct it is given.
    unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage.ru_maxrss
    }
}

#[test]
fn a_deep_stack_gives_a_small_report() {
    let file = "tests/c/host/deep_recursion.c";
    let out = segvm(&["run", "--json", "--mem", "64M", file], None);
    assert_eq!(out.status, 139);
    // 4 million frames: once a 3.8 GB, 13-second report of every frame.
    assert!(out.stdout.len() < 64 << 10, "{} bytes", out.stdout.len());
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON object");
    let frames = v["fault"]["backtrace"].as_array().expect("a backtrace");
    assert_eq!(
        frames.len(),
        segvm::vm::BACKTRACE_INNER + segvm::vm::BACKTRACE_OUTER
    );
    assert_eq!(frames[0]["depth"], 0);
    let deepest = frames.last().and_then(|f| f["depth"].as_u64()).unwrap_or(0);
    assert!(deepest > 1_000_000, "{deepest}");
    assert_eq!(
        frames.last().map(|f| &f["function"]),
        Some(&"_start".into())
    );

    let out = segvm(&["run", "--mem", "64M", file], None);
    assert!(
        out.stderr.contains(&format!("{} calls deep", deepest)),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains(&format!("more frames ...\n  #{}", deepest - 3))
    );
    assert!(
        children_max_rss_kib() < 512 << 10,
        "{} KiB",
        children_max_rss_kib()
    );
}

#[test]
fn check_records_stay_bounded() {
    // Every level of a 30,000-deep recursion allocates: each block keeps 32 frames of
    // where it was made, not all 30,000.
    let file = "tests/c/host/check_deep_mallocs.c";
    let out = segvm(&["run", "--check", "--alloc", "segregated", file], None);
    assert_eq!(
        (out.status, out.stdout.as_str()),
        (0, "450015000\n"),
        "{}",
        out.stderr
    );
    assert!(
        children_max_rss_kib() < 512 << 10,
        "{} KiB",
        children_max_rss_kib()
    );

    // Empty blocks count their red zones in the quarantine, which stays at 1 MiB: the
    // heap does not grow with every malloc(0) (it reached 4.8 MB here).
    let file = "tests/c/host/empty_blocks.c";
    let out = segvm(
        &["run", "--check", "--stats", "--alloc", "segregated", file],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    let heap: u64 = out
        .stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("heap size"))
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("a heap size");
    assert!(heap < 2 << 20, "heap of {heap} bytes");
}

#[test]
fn leak_reports_list_a_hundred_and_count_all() {
    let file = "tests/c/host/many_leaks.c";
    let out = segvm(&["run", "--check", file], None);
    assert_eq!(out.stderr.matches("[memory-leak]").count(), 100);
    assert!(out.stderr.contains("... and 900 more leaked blocks\n"));
    assert!(
        out.stderr
            .contains("4000 bytes in 1000 blocks definitely lost")
    );
    let out = segvm(&["run", "--check", "--json", file], None);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON object");
    assert_eq!(v["leaks"]["blocks"], 1000);
    assert_eq!(v["leaks"]["bytes"], 4000);
    assert_eq!(v["leaks"]["list"].as_array().map(Vec::len), Some(100));
}

#[test]
fn viz_snapshots_record_at_most_500_blocks() {
    let dir = std::env::temp_dir().join(format!("segvm-host-viz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let page = dir.join("page.html");
    let out = segvm(
        &[
            "viz",
            "tests/c/host/many_blocks.c",
            "-o",
            &page.to_string_lossy(),
        ],
        None,
    );
    let html = std::fs::read_to_string(&page).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        html.contains("\"more\":100}"),
        "no snapshot leaves 100 blocks out"
    );
    assert!(!html.contains("\"more\":101}"));
}

#[test]
fn viz_pages_hold_at_most_4_mib_of_output() {
    let dir = std::env::temp_dir().join(format!("segvm-host-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let page = dir.join("page.html");
    let out = segvm(
        &[
            "viz",
            "tests/c/host/much_output.c",
            "-o",
            &page.to_string_lossy(),
        ],
        None,
    );
    let size = std::fs::metadata(&page).map_or(0, |m| m.len());
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(out.stdout.contains("output-limit"), "{}", out.stdout);
    assert!(size < 5 << 20, "a page of {size} bytes");
}

#[test]
fn the_address_space_has_bounds_and_the_host_may_refuse_it() {
    let out = segvm(&["run", "--mem", "5G", "tests/c/host/many_leaks.c"], None);
    assert_eq!(out.status, 2);
    assert!(
        out.stderr
            .contains("the address space must be between 64K and 4G, not 5G"),
        "{}",
        out.stderr
    );
    // A host that will not give 4 GiB (here a 1 GiB limit): an error, not an abort.
    let exe = env!("CARGO_BIN_EXE_segvm");
    let out = std::process::Command::new("sh")
        .current_dir(root())
        .arg("-c")
        .arg(format!(
            "ulimit -v 1048576; exec '{exe}' run --mem 4G tests/c/host/many_leaks.c"
        ))
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr.trim(),
        "error: the host cannot give 4294967296 bytes for the address space (try a smaller --mem)"
    );
}
