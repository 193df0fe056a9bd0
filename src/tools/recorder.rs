//! Records a run line by line for the memory visualiser: at every line event, the stack
//! frames with every slot, the heap's blocks, the globals, the break, the stack pointer
//! and the output so far. The recording is JSON, embedded in one HTML page
//! ([`render_html`]) that draws it with SVG and needs nothing else.
//!
//! Frames, heap lists and global lists that did not change between lines are stored
//! once and referred to by number, so a long run stays small.

use super::inspect::{DebugInfo, FrameRow, FrameView, read_uint};
use super::lines::LineTracker;
use crate::bytecode::Segment;
use crate::bytecode::image::SymbolKind;
use crate::frontend::types::Type;
use crate::vm::{Observer, Stop, Vm};
use std::collections::HashMap;
use std::fmt::Write;

/// A JSON string literal.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // `</script>` must not end the embedding element early.
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Heap blocks a snapshot shows, from the start of the heap: a heap of a million blocks
/// would otherwise make every snapshot (up to `--max-lines` of them) as large.
const MAX_BLOCKS: usize = 500;
/// Frames kept per line: the innermost ones and the outermost ones.
const INNER_FRAMES: usize = 8;
const OUTER_FRAMES: usize = 2;

/// Values in a table interned by their JSON text.
#[derive(Default)]
struct Interned {
    items: Vec<String>,
    index: HashMap<String, usize>,
}

impl Interned {
    fn add(&mut self, json: String) -> usize {
        if let Some(&i) = self.index.get(&json) {
            return i;
        }
        self.items.push(json.clone());
        self.index.insert(json, self.items.len() - 1);
        self.items.len() - 1
    }

    fn to_json(&self) -> String {
        format!("[{}]", self.items.join(",\n"))
    }
}

/// Watches a run and keeps a snapshot per source line.
pub struct Recorder<'d, 'a> {
    info: &'d DebugInfo<'a>,
    tracker: LineTracker,
    max_lines: usize,
    steps: Vec<String>,
    frames: Interned,
    heaps: Interned,
    globals: Interned,
    output: String,
    /// The output's length in UTF-16 units, as the page's script counts.
    output_units: usize,
    seen_out: usize,
    seen_err: usize,
    /// The recording stopped at `max_lines`.
    pub capped: bool,
}

impl<'d, 'a> Recorder<'d, 'a> {
    pub fn new(info: &'d DebugInfo<'a>, max_lines: usize) -> Self {
        Recorder {
            info,
            tracker: LineTracker::new(),
            max_lines,
            steps: Vec::new(),
            frames: Interned::default(),
            heaps: Interned::default(),
            globals: Interned::default(),
            output: String::new(),
            output_units: 0,
            seen_out: 0,
            seen_err: 0,
            capped: false,
        }
    }

    /// How many line snapshots were taken.
    pub fn lines(&self) -> usize {
        self.steps.len()
    }

    fn collect_output(&mut self, vm: &Vm) {
        let (out, err) = (&vm.io.stdout, &vm.io.stderr);
        let mut add = |bytes: &[u8]| {
            let text = String::from_utf8_lossy(bytes);
            self.output_units += text.encode_utf16().count();
            self.output.push_str(&text);
        };
        if out.len() > self.seen_out {
            add(&out[self.seen_out..]);
            self.seen_out = out.len();
        }
        if err.len() > self.seen_err {
            add(&err[self.seen_err..]);
            self.seen_err = err.len();
        }
    }

    /// Takes one snapshot of the whole machine.
    fn snapshot(&mut self, vm: &Vm, line: Option<(u32, String)>, fault: bool) {
        self.collect_output(vm);
        let info = self.info;
        let all = info.frames(vm);
        let n = all.len();
        let keep: Vec<&FrameView> = if n > INNER_FRAMES + OUTER_FRAMES {
            all.iter()
                .take(INNER_FRAMES)
                .chain(all.iter().skip(n - OUTER_FRAMES))
                .collect()
        } else {
            all.iter().collect()
        };
        // The backtrace itself leaves out the middle of a deep stack: count by depth.
        let elided = all.last().map_or(0, |f| f.depth + 1) - keep.len();
        let frame_ids: Vec<String> = keep
            .iter()
            .map(|f| self.frames.add(frame_json(info, vm, f)).to_string())
            .collect();
        let mut typed = typed_pointers(info, vm, &keep);
        let heap = heap_json(info, vm, &mut typed);
        let heap_id = self.heaps.add(heap);
        let globals_id = self.globals.add(globals_json(info, vm));
        let (line, func) = line.unwrap_or((0, String::new()));
        let pc = vm.addr_of(vm.pc);
        let mut s = String::new();
        let _ = write!(
            s,
            "{{\"line\":{line},\"fn\":{},\"pc\":{pc},\"n\":{},\"brk\":{},\"sp\":{},\"fp\":{},\"out\":{},\"frames\":[{}],\"elided\":{elided},\"heap\":{heap_id},\"globals\":{globals_id},\"fault\":{fault}}}",
            json_str(&func),
            vm.steps,
            vm.mem.brk,
            vm.mem.sp,
            vm.fp,
            self.output_units,
            frame_ids.join(","),
        );
        self.steps.push(s);
    }

    /// The last snapshot, after the run stopped; returns the page's data as JSON.
    pub fn finish(&mut self, vm: &Vm, stop: &Stop, title: &str) -> String {
        let info = self.info;
        let end = match stop {
            Stop::Exit(status) => {
                self.snapshot(vm, None, false);
                format!("{{\"kind\":\"exit\",\"status\":{}}}", status & 0xff)
            }
            Stop::Fault(fault) => {
                let line = fault
                    .backtrace
                    .first()
                    .and_then(|f| f.span)
                    .filter(|s| *s != Default::default())
                    .map(|s| info.sources.line_of(s));
                let func = fault
                    .backtrace
                    .first()
                    .map(|f| f.function.clone())
                    .unwrap_or_default();
                self.snapshot(vm, line.map(|l| (l, func.clone())), true);
                let addr = fault
                    .trap
                    .address()
                    .map_or("null".to_string(), |a| a.to_string());
                let place = fault
                    .trap
                    .address()
                    .map(|a| info.describe(vm, a))
                    .unwrap_or_default();
                format!(
                    "{{\"kind\":\"fault\",\"message\":{},\"name\":{},\"addr\":{addr},\"where\":{},\"line\":{},\"fn\":{}}}",
                    json_str(&fault.trap.to_string()),
                    json_str(fault.trap.kind()),
                    json_str(&place),
                    line.unwrap_or(0),
                    json_str(&func),
                )
            }
            Stop::Paused => {
                self.collect_output(vm);
                "{\"kind\":\"capped\"}".to_string()
            }
        };
        self.page_json(vm, title, &end)
    }

    fn page_json(&self, vm: &Vm, title: &str, end: &str) -> String {
        let info = self.info;
        let image = info.image;
        let l = &image.layout;
        let main_file = image
            .functions
            .iter()
            .find(|f| f.name == "main")
            .map(|f| f.span.file)
            .unwrap_or_default();
        let source: Vec<String> = {
            let f = info.sources.file(main_file);
            (1..=f.line_count())
                .map(|n| json_str(f.line_text(n)))
                .collect()
        };
        let functions: Vec<String> = image
            .functions
            .iter()
            .filter(|f| !f.runtime || f.name == "_start")
            .map(|f| {
                format!(
                    "{{\"name\":{},\"addr\":{},\"end\":{}}}",
                    json_str(&f.name),
                    f.addr,
                    f.end
                )
            })
            .collect();
        let strings: Vec<String> = image
            .symbols
            .iter()
            .filter(|s| s.kind == SymbolKind::StringLiteral)
            .take(400)
            .map(|s| {
                format!(
                    "{{\"addr\":{},\"size\":{},\"text\":{}}}",
                    s.addr,
                    s.size,
                    json_str(&s.name)
                )
            })
            .collect();
        let mut s = String::new();
        let _ = write!(
            s,
            "{{\"title\":{},\"mem\":{},\"segments\":{{\"text\":[{},{}],\"rodata\":[{},{}],\"data\":[{},{}],\"bss\":[{},{}],\"heap\":{}}},\"allocator\":{},",
            json_str(title),
            l.mem_size,
            l.text.start,
            l.text.end,
            l.rodata.start,
            l.rodata.end,
            l.data.start,
            l.data.end,
            l.bss.start,
            l.bss.end,
            l.heap_start,
            json_str(vm.heap.name()),
        );
        let _ = write!(
            s,
            "\"source\":[{}],\n\"functions\":[{}],\n\"strings\":[{}],\n\"output\":{},\n\"capped\":{},\"end\":{end},\n\"frames\":{},\n\"heaps\":{},\n\"globals\":{},\n\"steps\":[{}]}}",
            source.join(","),
            functions.join(","),
            strings.join(","),
            json_str(&self.output),
            self.capped,
            self.frames.to_json(),
            self.heaps.to_json(),
            self.globals.to_json(),
            self.steps.join(",\n"),
        );
        s
    }
}

impl Observer for Recorder<'_, '_> {
    fn before(&mut self, vm: &mut Vm, index: usize) -> bool {
        let Some(ev) = self.tracker.before(self.info, vm, index) else {
            return true;
        };
        // The page shows the main file's source: lines of other files (the embedded
        // startup code, in the runtime) are no steps of their own.
        let main_file = self.info.image.functions.iter().find(|f| f.name == "main");
        if main_file.is_some_and(|f| f.span.file != ev.file) {
            return true;
        }
        if self.steps.len() >= self.max_lines {
            self.capped = true;
            return false;
        }
        let func = self
            .info
            .image
            .function_at(ev.addr)
            .map(|f| f.name.clone())
            .unwrap_or_default();
        self.snapshot(vm, Some((ev.line, func)), false);
        true
    }
}

/// `[[offset, target], ...]` for the pointers in an object.
fn ptrs_json(ptrs: &[(u64, u64, Type)]) -> String {
    let items: Vec<String> = ptrs.iter().map(|(o, t, _)| format!("[{o},{t}]")).collect();
    format!("[{}]", items.join(","))
}

fn slot_json(
    name: &str,
    kind: &str,
    addr: u64,
    size: u64,
    ty: &str,
    value: &str,
    ptrs: &str,
) -> String {
    format!(
        "{{\"name\":{},\"kind\":\"{kind}\",\"addr\":{addr},\"size\":{size},\"type\":{},\"value\":{},\"ptrs\":{ptrs}}}",
        json_str(name),
        json_str(ty),
        json_str(value)
    )
}

fn frame_json(info: &DebugInfo, vm: &Vm, f: &FrameView) -> String {
    let types = info.types();
    let mut slots = Vec::new();
    for row in info.frame_rows(f) {
        match row {
            FrameRow::Var(i) => {
                let v = &f.vars[i];
                let addr = f.fp.wrapping_add(v.offset as i64 as u64);
                let ptrs = info.pointers_in(vm, addr, &v.ty);
                slots.push(slot_json(
                    &v.name,
                    if v.is_param { "arg" } else { "local" },
                    addr,
                    v.size,
                    &types.display(&v.ty),
                    &info.format_value(vm, addr, &v.ty),
                    &ptrs_json(&ptrs),
                ));
            }
            FrameRow::ReturnAddress => {
                let into = info
                    .image
                    .function_at(f.return_address)
                    .map(|g| format!(" (into {})", g.name))
                    .unwrap_or_default();
                slots.push(slot_json(
                    "return address",
                    "ret",
                    f.fp + 8,
                    8,
                    "",
                    &format!("{:#x}{into}", f.return_address),
                    "[]",
                ));
            }
            FrameRow::SavedFp => slots.push(slot_json(
                "saved fp",
                "savedfp",
                f.fp,
                8,
                "",
                &format!("{:#x}", f.saved_fp),
                &format!("[[0,{}]]", f.saved_fp),
            )),
            FrameRow::Scratch { offset, size } => slots.push(slot_json(
                "temporaries",
                "scratch",
                f.fp.wrapping_add(offset as i64 as u64),
                size,
                "",
                "",
                "[]",
            )),
        }
    }
    format!(
        "{{\"fn\":{},\"fp\":{},\"line\":{},\"size\":{},\"args\":{},\"slots\":[{}]}}",
        json_str(&f.function.name),
        f.fp,
        f.line.unwrap_or(0),
        f.function.frame_size,
        f.function.arg_bytes,
        slots.join(",")
    )
}

/// Pointer values with the type they point to, from the frames and globals: the heap
/// blocks they point at are shown as that type.
fn typed_pointers(info: &DebugInfo, vm: &Vm, frames: &[&FrameView]) -> Vec<(u64, Type)> {
    let mut out = Vec::new();
    for f in frames {
        for v in f.vars {
            let addr = f.fp.wrapping_add(v.offset as i64 as u64);
            for (_, target, ty) in info.pointers_in(vm, addr, &v.ty) {
                out.push((target, ty));
            }
        }
    }
    for g in info.user_globals() {
        for (_, target, ty) in info.pointers_in(vm, g.addr, &g.ty) {
            out.push((target, ty));
        }
    }
    out
}

fn heap_json(info: &DebugInfo, vm: &Vm, typed: &mut Vec<(u64, Type)>) -> String {
    let Ok(blocks) = info.heap_blocks(vm) else {
        return "{\"error\":\"the heap's block list is damaged\",\"blocks\":[]}".into();
    };
    let types = info.types();
    // Give blocks types from the pointers that point at them, following pointers found
    // in blocks already typed (a linked list types itself node by node).
    let mut block_ty: HashMap<u64, Type> = HashMap::new();
    let mut i = 0;
    while i < typed.len() && i < 4096 {
        let (target, ty) = typed[i].clone();
        i += 1;
        if ty.is_void() || block_ty.contains_key(&target) {
            continue;
        }
        let Some(b) = blocks.iter().find(|b| b.allocated && b.payload == target) else {
            continue;
        };
        let esize = types.size_of(&ty).unwrap_or(0);
        if esize == 0 {
            continue;
        }
        let count = (b.payload_size / esize).max(1);
        let shown = if count > 1 && !ty.is_record() {
            Type::array_of(ty.clone(), Some(count.min(64)))
        } else {
            ty.clone()
        };
        for (_, t, pty) in info.pointers_in(vm, b.payload, &shown) {
            typed.push((t, pty));
        }
        block_ty.insert(target, shown);
    }
    let items: Vec<String> = blocks
        .iter()
        .take(MAX_BLOCKS)
        .map(|b| {
            let header = read_uint(vm, b.addr, 8).unwrap_or(0);
            let (ty, value, ptrs) = match block_ty.get(&b.payload) {
                Some(ty) => (
                    types.display(ty),
                    info.format_value(vm, b.payload, ty),
                    ptrs_json(&info.pointers_in(vm, b.payload, ty)),
                ),
                None if b.allocated => {
                    let bytes = super::inspect::read_bytes(vm, b.payload, b.payload_size.min(16))
                        .unwrap_or_default();
                    let hex: Vec<String> = bytes.iter().map(|x| format!("{x:02x}")).collect();
                    let more = if b.payload_size > 16 { " ..." } else { "" };
                    (String::new(), format!("{}{more}", hex.join(" ")), "[]".into())
                }
                None => (String::new(), String::new(), "[]".into()),
            };
            format!(
                "{{\"addr\":{},\"size\":{},\"alloc\":{},\"payload\":{},\"psize\":{},\"header\":{},\"type\":{},\"value\":{},\"ptrs\":{ptrs}}}",
                b.addr,
                b.size,
                b.allocated,
                b.payload,
                b.payload_size,
                json_str(&format!("{header:#x}")),
                json_str(&ty),
                json_str(&value),
            )
        })
        .collect();
    let more = blocks.len().saturating_sub(MAX_BLOCKS);
    format!("{{\"blocks\":[{}],\"more\":{more}}}", items.join(","))
}

fn globals_json(info: &DebugInfo, vm: &Vm) -> String {
    let types = info.types();
    let items: Vec<String> = info
        .user_globals()
        .map(|g| {
            let name = match &g.owner {
                Some(f) => format!("{} (static in {f})", g.name),
                None => g.name.clone(),
            };
            let seg = match g.segment {
                Segment::Rodata => "rodata",
                Segment::Bss => "bss",
                _ => "data",
            };
            let ptrs = info.pointers_in(vm, g.addr, &g.ty);
            format!(
                "{{\"name\":{},\"seg\":\"{seg}\",\"addr\":{},\"size\":{},\"type\":{},\"value\":{},\"ptrs\":{}}}",
                json_str(&name),
                g.addr,
                g.size,
                json_str(&types.display(&g.ty)),
                json_str(&info.format_value(vm, g.addr, &g.ty)),
                ptrs_json(&ptrs)
            )
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// The page template; the recording goes where the marker is.
const TEMPLATE: &str = include_str!("viz.html");
const MARKER: &str = "/*SEGVM_RECORDING*/";

/// One self-contained HTML page showing a recording.
pub fn render_html(data_json: &str, title: &str) -> String {
    let page = TEMPLATE.replace("<!--SEGVM_TITLE-->", &html_escape(title));
    page.replacen(MARKER, data_json, 1)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
