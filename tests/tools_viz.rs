//! The memory visualiser in a real browser: `segvm viz` writes a page, headless Chromium
//! loads it at `#step=N` and dumps the DOM, and the test checks the frames, heap blocks,
//! arrows, output and faults drawn at that step.
//!
//! Skipped (with a message) when no Chromium is installed; CI installs it.

mod common;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser"] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("segvm-viz-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// Writes the page for a program; returns its path and text.
fn page(dir: &Path, program: &str, extra: &[&str]) -> (PathBuf, String) {
    let out = dir.join("page.html");
    let out_s = out.to_string_lossy().into_owned();
    let mut args = vec!["viz", program, "-o", &out_s];
    args.extend_from_slice(extra);
    let run = common::segvm(&args, None);
    assert_eq!(run.status, 0, "segvm viz failed: {}", run.stderr);
    let text = std::fs::read_to_string(&out).expect("the page was written");
    (out, text)
}

/// The 1-based number of the first recorded step at this line of this function.
fn step_at(page: &str, line: u32, func: &str) -> usize {
    let key = format!("{{\"line\":{line},\"fn\":\"{func}\"");
    let steps = &page[page.find("\"steps\":[").expect("steps in the page")..];
    steps
        .lines()
        .position(|l| l.contains(&key))
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("no step at {func}:{line}"))
}

/// The number of recorded steps.
fn step_count(page: &str) -> usize {
    let steps = &page[page.find("\"steps\":[").expect("steps in the page")..];
    steps.lines().filter(|l| l.contains("\"line\":")).count()
}

/// One browser at a time: the machine is small.
static BROWSER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Loads the page in headless Chromium at a step and returns the rendered DOM.
fn dom(browser: &Path, dir: &Path, page: &Path, step: usize) -> String {
    let _one = BROWSER.lock().unwrap_or_else(|e| e.into_inner());
    let profile = dir.join(format!("profile-{step}"));
    let dump = dir.join(format!("dom-{step}.html"));
    let file = std::fs::File::create(&dump).expect("a file for the DOM");
    let url = format!("file://{}#step={step}", page.display());
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=3000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(&url)
        .stdout(file)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        match child.try_wait().expect("chromium runs") {
            Some(_) => break,
            None if Instant::now() > deadline => {
                let _ = child.kill();
                panic!("chromium did not finish in time");
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    let dom = std::fs::read_to_string(&dump).expect("the dumped DOM");
    assert!(
        dom.contains("id=\"mem\""),
        "no diagram rendered: {dom:.400}"
    );
    dom
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn the_page_is_self_contained() {
    let dir = scratch("self-contained");
    let (_, text) = page(&dir, "programs/hello.c", &[]);
    assert!(!text.contains("<link"), "no external style sheets");
    assert!(!text.contains("<script src"), "no external scripts");
    let without_ns = text.replace("http://www.w3.org/2000/svg", "");
    assert!(!without_ns.contains("http://") && !without_ns.contains("https://"));
    assert!(text.contains("\"output\":\"Hello, world!\\n\""));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn linked_list_frames_heap_blocks_and_arrows() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed; the visualiser was not tested in a browser");
        return;
    };
    let dir = scratch("linked-list");
    let (path, text) = page(&dir, "programs/linked_list.c", &[]);
    // In print_list, after four appends: main's frame above print_list's, four nodes.
    let n = step_at(&text, 83, "print_list");
    let d = dom(&browser, &dir, &path, n);
    assert!(d.contains("line 83 in print_list"), "the step label");
    assert!(
        d.contains("class=\"ln cur\" data-line=\"83\""),
        "the current line"
    );
    assert!(d.contains("class=\"frame\" data-fn=\"main\""));
    assert!(d.contains("class=\"frame\" data-fn=\"print_list\""));
    assert!(
        d.contains("data-name=\"head\" data-kind=\"local\""),
        "main's head"
    );
    assert!(
        d.contains("data-name=\"head\" data-kind=\"arg\""),
        "print_list's head"
    );
    assert_eq!(count(&d, "class=\"block\" data-state=\"allocated\""), 4);
    for v in [10, 20, 30, 40] {
        assert!(
            d.contains(&format!("data-value=\"{{value = {v}, next = ")),
            "node {v} typed through the pointers to it"
        );
    }
    // head in main, head in print_list, three next pointers, and the saved fp chain.
    assert!(
        count(&d, "class=\"arrow\"") >= 6,
        "{} arrows",
        count(&d, "class=\"arrow\"")
    );
    assert!(d.contains("class=\"gap\""));

    // At the end: every block free again, and all the output.
    let last = step_count(&text);
    let d = dom(&browser, &dir, &path, last);
    assert_eq!(count(&d, "data-state=\"allocated\""), 0);
    assert!(d.contains("data-state=\"free\""));
    assert!(d.contains("after free_list: 0 nodes left"));
    assert!(d.contains("the program exited with status 0"));

    // Output appears step by step: not yet at the first line of main.
    let first = step_at(&text, 104, "main");
    let d = dom(&browser, &dir, &path, first);
    assert!(d.contains("<pre id=\"output\"></pre>"), "no output yet");
    assert!(d.contains("(empty: nothing allocated yet)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_fault_is_shown_where_it_happens() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed; the visualiser was not tested in a browser");
        return;
    };
    let dir = scratch("fault");
    let (path, text) = page(&dir, "programs/code_is_readonly.c", &[]);
    let last = step_count(&text);
    let d = dom(&browser, &dir, &path, last);
    assert!(
        d.contains("class=\"ln fault\" data-line=\"37\""),
        "the faulting line"
    );
    // The page marks the address the run reports.
    let run = common::segvm(&["run", "--json", "programs/code_is_readonly.c"], None);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    let addr = v["fault"]["address"].as_u64().expect("an address");
    assert!(
        d.contains(&format!("id=\"faultmark\" data-addr=\"{addr}\"")),
        "the fault's address"
    );
    assert!(d.contains("write to read-only memory"));
    assert!(d.contains("data-name=\"answer\""), "the function in text");
    assert!(d.contains("now trying to overwrite that byte"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stack_and_heap_grow_toward_each_other() {
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed; the visualiser was not tested in a browser");
        return;
    };
    let dir = scratch("toward");
    let (path, text) = page(&dir, "programs/toward_each_other.c", &["--mem", "1M"]);
    let gap_at = |d: &str| -> u64 {
        let needle = "class=\"gap\" data-size=\"";
        let i = d.find(needle).expect("a gap") + needle.len();
        d[i..].split('"').next().unwrap().parse().unwrap()
    };
    let early = dom(&browser, &dir, &path, step_at(&text, 32, "step"));
    // The fifth nested call: five frames of step() above main's.
    let key = "\"line\":43,\"fn\":\"step\"";
    let n = text[text.find("\"steps\":[").unwrap()..]
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(key))
        .nth(4)
        .map(|(i, _)| i + 1)
        .unwrap();
    let late = dom(&browser, &dir, &path, n);
    assert_eq!(count(&late, "class=\"frame\" data-fn=\"step\""), 5);
    assert!(
        gap_at(&late) + 4 * 96 * 1024 <= gap_at(&early),
        "the gap shrinks by about 96 KiB a step: {} then {}",
        gap_at(&early),
        gap_at(&late)
    );
    assert!(late.contains("class=\"scale stack\""), "the to-scale bar");
    let _ = std::fs::remove_dir_all(&dir);
}
