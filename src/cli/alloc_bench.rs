//! `segvm alloc-bench`: replays CS:APP malloc-lab traces on allocation strategies and
//! prints, per strategy, utilization and throughput per trace, their average, and the
//! lab's performance index.

use super::{alloc_plot, parse_size};
use crate::vm::alloc::replay::{self, Replay};
use crate::vm::alloc::trace::Trace;
use crate::vm::alloc::{self, heap_memory};
use clap::Args;
use std::path::PathBuf;
use std::time::Duration;

/// The lab's throughput target: 600 Kops/s earns the full 40 points.
const TARGET_KOPS: f64 = 600.0;

#[derive(Args)]
pub struct AllocBenchArgs {
    /// Trace files (.rep), or folders of them
    #[arg(required = true, value_name = "TRACE")]
    pub traces: Vec<PathBuf>,
    /// Strategies: a comma-separated list, or all
    #[arg(long, default_value = "all", value_name = "LIST|all")]
    pub alloc: String,
    /// Payload alignment in bytes
    #[arg(long, default_value = "16", value_parser = clap::builder::PossibleValuesParser::new(["8", "16"]))]
    pub align: String,
    /// Print one JSON array of results instead of tables
    #[arg(long)]
    pub json: bool,
    /// Size of the heap region to replay in (e.g. 64M)
    #[arg(long, default_value = "64M", value_parser = parse_size)]
    pub mem: u64,
    /// Write SVG charts to this folder: heap size and live payload over operations per
    /// trace, and utilization per strategy
    #[arg(long, value_name = "DIR")]
    pub plot: Option<PathBuf>,
    /// Timed replays per trace and strategy (the fastest counts)
    #[arg(long, default_value = "3", value_name = "N")]
    pub runs: u32,
    /// Validate and measure utilization only; no timings (reproducible output)
    #[arg(long)]
    pub no_time: bool,
}

/// One strategy on one trace.
struct Row {
    strategy: &'static str,
    trace: String,
    replay: Replay,
    secs: Option<f64>,
}

impl Row {
    fn kops(&self) -> Option<f64> {
        self.secs.map(|s| kops(self.replay.ops, s))
    }
}

fn kops(ops: u64, secs: f64) -> f64 {
    if secs > 0.0 {
        ops as f64 / secs / 1e3
    } else {
        f64::INFINITY
    }
}

/// The lab's performance index from a utilization (0..1) and a throughput.
fn perf_index(util: f64, kops: Option<f64>) -> f64 {
    60.0 * util + kops.map_or(0.0, |k| 40.0 * (k / TARGET_KOPS).min(1.0))
}

fn strategies(list: &str) -> Result<Vec<&'static str>, String> {
    if list == "all" {
        return Ok(alloc::NAMES.to_vec());
    }
    list.split(',')
        .map(|n| {
            alloc::NAMES
                .iter()
                .find(|k| **k == n.trim())
                .copied()
                .ok_or_else(|| {
                    format!(
                        "unknown allocator '{n}' (one of {})",
                        alloc::NAMES.join(", ")
                    )
                })
        })
        .collect()
}

/// The trace files: files as given, folders as their `.rep` files in name order.
fn trace_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut inner: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "rep"))
                .collect();
            inner.sort();
            files.extend(inner);
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

pub fn alloc_bench(a: AllocBenchArgs) -> i32 {
    match bench(&a) {
        Ok(ok) => {
            if ok {
                0
            } else {
                1
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

/// Runs everything; false if any replay failed validation.
fn bench(a: &AllocBenchArgs) -> Result<bool, String> {
    let names = strategies(&a.alloc)?;
    let align = if a.align == "8" { 8 } else { 16 };
    let traces = trace_files(&a.traces)?
        .iter()
        .map(|f| Trace::read(f))
        .collect::<Result<Vec<_>, _>>()?;
    let mut rows = Vec::new();
    let mut ok = true;
    let mut mem = heap_memory(a.mem)?;
    for &name in &names {
        for t in &traces {
            let sample = if a.plot.is_some() {
                (t.ops.len() as u64 / 400).max(1)
            } else {
                0
            };
            // `strategies` took the names from `NAMES`; the alignment is 8 or 16.
            let fresh = || alloc::by_name_aligned(name, align).expect("a known strategy");
            let replay = match replay::validate(fresh().as_mut(), t, a.mem, align, sample) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {e}");
                    ok = false;
                    continue;
                }
            };
            let secs = if a.no_time {
                None
            } else {
                let mut best = Duration::MAX;
                for _ in 0..a.runs.max(1) {
                    best = best.min(replay::time(fresh().as_mut(), t, &mut mem)?);
                }
                Some(best.as_secs_f64())
            };
            rows.push(Row {
                strategy: name,
                trace: t.name.clone(),
                replay,
                secs,
            });
        }
    }
    if a.json {
        println!("{}", json(&rows));
    } else {
        print!("{}", tables(&names, &rows, align));
    }
    if let Some(dir) = &a.plot {
        plot(dir, &names, &traces, &rows)?;
    }
    Ok(ok)
}

/// Averages over a strategy's rows: utilization, ops, seconds, Kops/s.
fn average(rows: &[&Row]) -> (f64, u64, Option<f64>, Option<f64>) {
    let n = rows.len().max(1) as f64;
    let util = rows.iter().map(|r| r.replay.util).sum::<f64>() / n;
    let ops = rows.iter().map(|r| r.replay.ops).sum();
    let secs: Option<f64> = rows.iter().map(|r| r.secs).sum();
    (util, ops, secs, secs.map(|s| kops(ops, s)))
}

fn fmt_opt(v: Option<f64>, f: impl Fn(f64) -> String) -> String {
    v.map_or_else(|| "-".to_string(), f)
}

fn tables(names: &[&'static str], rows: &[Row], align: u64) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let width = rows.iter().map(|r| r.trace.len()).max().unwrap_or(5).max(7);
    let mut summary = Vec::new();
    for &name in names {
        let mine: Vec<&Row> = rows.iter().filter(|r| r.strategy == name).collect();
        if mine.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{name} (align {align})");
        let _ = writeln!(
            out,
            "  {:<width$} {:>7} {:>9} {:>10} {:>9} {:>6}",
            "trace", "util", "ops", "secs", "Kops", "failed"
        );
        for r in &mine {
            let _ = writeln!(
                out,
                "  {:<width$} {:>6.1}% {:>9} {:>10} {:>9} {:>6}",
                r.trace,
                100.0 * r.replay.util,
                r.replay.ops,
                fmt_opt(r.secs, |s| format!("{s:.6}")),
                fmt_opt(r.kops(), |k| format!("{k:.0}")),
                r.replay.failed
            );
        }
        let (util, ops, secs, k) = average(&mine);
        let failed: u64 = mine.iter().map(|r| r.replay.failed).sum();
        let _ = writeln!(
            out,
            "  {:<width$} {:>6.1}% {:>9} {:>10} {:>9} {:>6}",
            "average",
            100.0 * util,
            ops,
            fmt_opt(secs, |s| format!("{s:.6}")),
            fmt_opt(k, |k| format!("{k:.0}")),
            failed
        );
        let p = perf_index(util, k);
        let _ = writeln!(
            out,
            "  perf index = 60 x util + 40 x min(1, Kops/{TARGET_KOPS:.0}) = {}\n",
            if k.is_some() {
                format!("{p:.1}")
            } else {
                format!("{p:.1} + throughput (not timed)")
            }
        );
        summary.push((name, util, k, p));
    }
    if summary.len() > 1 {
        let traces = rows
            .iter()
            .map(|r| &r.trace)
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let _ = writeln!(out, "summary over {traces} traces (align {align})");
        let _ = writeln!(
            out,
            "  {:<14} {:>7} {:>9} {:>6}",
            "strategy", "util", "Kops", "index"
        );
        for (name, util, k, p) in summary {
            let _ = writeln!(
                out,
                "  {name:<14} {:>6.1}% {:>9} {:>6.1}",
                100.0 * util,
                fmt_opt(k, |k| format!("{k:.0}")),
                p
            );
        }
    }
    out
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_number(v: Option<f64>) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v}"),
        _ => "null".into(),
    }
}

fn json(rows: &[Row]) -> String {
    let items: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{{\"strategy\": {}, \"trace\": {}, \"util\": {}, \"ops\": {}, \"secs\": {}, \"kops\": {}, \"failed\": {}}}",
                json_string(r.strategy),
                json_string(&r.trace),
                json_number(Some(r.replay.util)),
                r.replay.ops,
                json_number(r.secs),
                json_number(r.kops()),
                r.replay.failed
            )
        })
        .collect();
    format!("[\n  {}\n]", items.join(",\n  "))
}

fn plot(
    dir: &std::path::Path,
    names: &[&'static str],
    traces: &[Trace],
    rows: &[Row],
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for t in traces {
        let series: Vec<(&str, &[replay::Sample])> = rows
            .iter()
            .filter(|r| r.trace == t.name)
            .map(|r| (r.strategy, r.replay.series.as_slice()))
            .collect();
        let path = dir.join(format!("{}.svg", t.name));
        alloc_plot::heap_over_time(&path, &t.name, &series)?;
    }
    let utils: Vec<(&str, f64)> = names
        .iter()
        .filter_map(|&n| {
            let mine: Vec<&Row> = rows.iter().filter(|r| r.strategy == n).collect();
            (!mine.is_empty()).then(|| (n, average(&mine).0))
        })
        .collect();
    alloc_plot::utilization(&dir.join("utilization.svg"), &utils)
}
