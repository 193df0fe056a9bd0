//! What a user sees of the allocator laboratory: `--stats` and `--heap-dump` after an
//! example program, `alloc-bench` on a small trace (no timings, so the output is
//! reproducible), its JSON, its validation errors, and `gen-trace`.

mod common;
use common::*;

/// The one line of `--stats` that changes from run to run.
fn without_time(s: &str) -> String {
    s.lines()
        .map(|l| {
            if l.trim_start().starts_with("allocator time") {
                "  allocator time      [redacted]"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn stats_and_heap_dump_of_a_program() {
    for alloc in ["first-fit", "segregated", "buddy"] {
        let args = [
            "run",
            "programs/linked_list.c",
            "--alloc",
            alloc,
            "--stats",
            "--heap-dump",
        ];
        let mut out = segvm(&args, None);
        out.stderr = without_time(&out.stderr);
        insta::assert_snapshot!(
            format!("stats_linked_list_{alloc}"),
            out.render(&format!("segvm {}", args.join(" ")))
        );
    }
}

#[test]
fn heap_dump_at_a_fault() {
    let dir = std::env::temp_dir().join(format!("segvm-alloc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("double_free.c");
    std::fs::write(
        &file,
        "#include <stdlib.h>\nint main(void) {\n    char *p = malloc(24);\n    char *q = malloc(100);\n    free(p);\n    free(p);\n    free(q);\n    return 0;\n}\n",
    )
    .unwrap();
    let path = file.to_string_lossy().into_owned();
    let out = segvm(&["run", &path, "--heap-dump"], None);
    assert_eq!(out.status, 134);
    let dump = out.stderr.split("heap dump").nth(1).expect("a heap dump");
    insta::assert_snapshot!("heap_dump_double_free", format!("heap dump{dump}"));
}

#[test]
fn alloc_bench_on_a_small_trace() {
    let args = [
        "alloc-bench",
        "--no-time",
        "--alloc",
        "all",
        "traces/programs/linked_list.rep",
        "traces/programs/dynamic_array.rep",
    ];
    let out = segvm(&args, None);
    assert_eq!(out.status, 0, "{}", out.stderr);
    insta::assert_snapshot!(
        "alloc_bench_programs",
        out.render(&format!("segvm {}", args.join(" ")))
    );
    let json = segvm(
        &[
            "alloc-bench",
            "--no-time",
            "--json",
            "--align",
            "8",
            "--alloc",
            "explicit,buddy",
            "traces/programs/linked_list.rep",
        ],
        None,
    );
    insta::assert_snapshot!("alloc_bench_json", json.stdout);
}

#[test]
fn alloc_bench_reports_bad_traces() {
    let dir = std::env::temp_dir().join(format!("segvm-alloc-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.rep");
    std::fs::write(&bad, "100\n1\n2\n1\na 0 10\nx 0\n").unwrap();
    let out = segvm(&["alloc-bench", "--no-time", &bad.to_string_lossy()], None);
    assert_ne!(out.status, 0);
    assert!(out.stderr.contains("bad.rep:6"), "{}", out.stderr);
}

#[test]
fn recorded_trace_replays() {
    let dir = std::env::temp_dir().join(format!("segvm-alloc-rec-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rep = dir.join("dyn.rep");
    let out = segvm(
        &[
            "run",
            "programs/dynamic_array.c",
            "--record-allocs",
            &rep.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    let recorded = std::fs::read_to_string(&rep).unwrap();
    let shipped =
        std::fs::read_to_string(root().join("traces/programs/dynamic_array.rep")).unwrap();
    assert_eq!(
        recorded, shipped,
        "the shipped trace is what the program records"
    );
}

#[test]
fn gen_trace_is_deterministic_and_replays() {
    let a = segvm(
        &[
            "gen-trace",
            "--kind",
            "binary",
            "--seed",
            "3",
            "--ops",
            "600",
        ],
        None,
    );
    let b = segvm(
        &[
            "gen-trace",
            "--kind",
            "binary",
            "--seed",
            "3",
            "--ops",
            "600",
        ],
        None,
    );
    assert_eq!(a.status, 0);
    assert_eq!(a.stdout, b.stdout);
    let dir = std::env::temp_dir().join(format!("segvm-alloc-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rep = dir.join("g.rep");
    std::fs::write(&rep, &a.stdout).unwrap();
    let plots = dir.join("plots");
    let out = segvm(
        &[
            "alloc-bench",
            "--runs",
            "1",
            "--plot",
            &plots.to_string_lossy(),
            &rep.to_string_lossy(),
        ],
        None,
    );
    assert_eq!(out.status, 0, "{}", out.stderr);
    for f in ["g.svg", "utilization.svg"] {
        let svg = std::fs::read_to_string(plots.join(f)).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("</svg>"), "{f}");
    }
}
