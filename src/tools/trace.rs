//! Tracing a run: every instruction with the values it read and wrote, or every source
//! line with the variables it changed.
//!
//! Both tracers are [`Observer`]s: they see the VM before each instruction. What an
//! instruction wrote is read back before the next one runs (or when the run ends), at
//! the addresses worked out before it ran.

use super::inspect::{self, DebugInfo, format_float, format_int};
use super::lines::{Arrival, LineEvent, LineTracker};
use crate::bytecode::effects::{self, Loc, Width};
use crate::bytecode::{Op, Slot, disasm};
use crate::frontend::types::{FloatKind, Type, TypeKind};
use crate::vm::{Observer, Vm};
use std::collections::HashMap;
use std::io::Write;

/// Program output produced since the last look, as `| ` lines.
#[derive(Default)]
struct OutputEcho {
    out_seen: usize,
    err_seen: usize,
    partial: Vec<u8>,
}

impl OutputEcho {
    fn echo(&mut self, vm: &Vm, out: &mut dyn Write, indent: &str) {
        let stdout = &vm.io.stdout;
        let stderr = &vm.io.stderr;
        let mut new = Vec::new();
        if stdout.len() > self.out_seen {
            new.extend_from_slice(&stdout[self.out_seen..]);
            self.out_seen = stdout.len();
        }
        if stderr.len() > self.err_seen {
            new.extend_from_slice(&stderr[self.err_seen..]);
            self.err_seen = stderr.len();
        }
        self.partial.extend_from_slice(&new);
        while let Some(nl) = self.partial.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.partial.drain(..=nl).collect();
            let text = String::from_utf8_lossy(&line[..line.len() - 1]);
            let _ = writeln!(out, "{indent}| {text}");
        }
    }

    fn finish(&mut self, vm: &Vm, out: &mut dyn Write, indent: &str) {
        self.echo(vm, out, indent);
        if !self.partial.is_empty() {
            let text = String::from_utf8_lossy(&self.partial).into_owned();
            let _ = writeln!(out, "{indent}| {text}   (no newline yet)");
            self.partial.clear();
        }
    }
}

/// A value of a given width, as the tracer shows it.
fn show(vm: &Vm, bytes: &[u8], w: Width) -> String {
    let mut buf = [0u8; 8];
    let n = bytes.len().min(8);
    buf[..n].copy_from_slice(&bytes[..n]);
    let v = u64::from_le_bytes(buf);
    match w {
        Width::U8 | Width::U16 => v.to_string(),
        Width::I32 => (v as u32 as i32).to_string(),
        Width::I64 => {
            if v >= 0x1000 && v < vm.mem.size() {
                format!("{v:#x}")
            } else {
                (v as i64).to_string()
            }
        }
        Width::F32 => format_float(f32::from_bits(v as u32) as f64),
        Width::F64 => format_float(f64::from_bits(v)),
        Width::Bytes(_) if bytes.len() <= 8 => {
            let hex: Vec<String> = bytes.iter().map(|b| format!("{b:02x}")).collect();
            format!("[{}]", hex.join(" "))
        }
        Width::Bytes(n) => format!("({n} bytes)"),
    }
}

/// A resolved place: its label and where its value is.
#[derive(Clone, Debug)]
enum Place {
    Mem(String, u64, Width),
    Fp,
    Sp,
}

/// Traces every instruction: text address, disassembly, values read and written.
pub struct InstrTracer<'d, 'a> {
    info: &'d DebugInfo<'a>,
    out: Box<dyn Write + 'd>,
    /// Show the runtime's functions too.
    all: bool,
    /// The instruction printed last, waiting for the values it wrote.
    pending: Option<(String, Vec<Place>, Option<usize>)>,
    text_cache: HashMap<usize, String>,
    last_function: Option<u64>,
    last_line: Option<(crate::source::FileId, u32)>,
    hidden: (u64, String),
    echo: OutputEcho,
    /// The VM's step limit: the instruction past it never runs, so it is not shown.
    max_steps: u64,
}

impl<'d, 'a> InstrTracer<'d, 'a> {
    pub fn new(
        info: &'d DebugInfo<'a>,
        out: Box<dyn Write + 'd>,
        all: bool,
        max_steps: u64,
    ) -> Self {
        InstrTracer {
            max_steps,
            info,
            out,
            all,
            pending: None,
            text_cache: HashMap::new(),
            last_function: None,
            last_line: None,
            hidden: (0, String::new()),
            echo: OutputEcho::default(),
        }
    }

    /// The disassembly of the instruction at an index, as `segvm disasm` prints it.
    fn text(&mut self, vm: &Vm, index: usize) -> String {
        if let Some(t) = self.text_cache.get(&index) {
            return t.clone();
        }
        let image = self.info.image;
        let addr = vm.addr_of(index);
        let off = (addr - image.layout.text.start) as usize;
        let t = match image.text.get(off..).and_then(Op::decode) {
            Some((op, _)) => disasm::instruction(image, image.function_at(addr), &op),
            None => "(undecodable)".to_string(),
        };
        self.text_cache.insert(index, t.clone());
        t
    }

    fn slot_label(&self, vm: &Vm, s: Slot, op: &Op) -> String {
        let is_return = matches!(
            op,
            Op::Ret {} | Op::Ret32 { .. } | Op::Ret64 { .. } | Op::TailB { .. }
        );
        match s.0 {
            0 if is_return => return "saved fp".into(),
            8 if is_return => return "return address".into(),
            16 if is_return => return "return value".into(),
            _ => {}
        }
        let f = self.info.image.function_at(vm.addr_of(vm.pc));
        let named = f.and_then(|f| {
            f.slots
                .iter()
                .find(|v| s.0 >= v.offset && s.0 < v.offset + v.size.max(1) as i32)
                .map(|v| {
                    if v.offset == s.0 {
                        v.name.clone()
                    } else {
                        format!("{}+{}", v.name, s.0 - v.offset)
                    }
                })
        });
        named.unwrap_or_else(|| {
            if s.0 < 0 {
                format!("fp-{}", -(s.0 as i64))
            } else {
                format!("fp+{}", s.0)
            }
        })
    }

    fn resolve(&self, vm: &Vm, loc: Loc, op: &Op) -> Place {
        let fp = vm.fp;
        match loc {
            Loc::Slot(s, w) => Place::Mem(
                self.slot_label(vm, s, op),
                fp.wrapping_add(s.0 as i64 as u64),
                w,
            ),
            Loc::Mem(_, _, w) | Loc::Indexed(_, _, w) => {
                let slot = |s: crate::bytecode::Slot| {
                    inspect::read_uint(vm, fp.wrapping_add(s.0 as i64 as u64), 8).unwrap_or(0)
                };
                let addr = loc.address(fp, vm.mem.sp, slot).unwrap_or(0);
                Place::Mem(format!("m{}[{addr:#x}]", w.size() * 8), addr, w)
            }
            Loc::Abs(addr, w) => {
                let label = match self.info.image.symbol_at(addr) {
                    Some(s) if s.addr == addr => s.name.clone(),
                    Some(s) => format!("{}+{}", s.name, addr - s.addr),
                    None => format!("m{}[{addr:#x}]", w.size() * 8),
                };
                Place::Mem(label, addr, w)
            }
            Loc::StackTop(w) => Place::Mem("result".into(), vm.mem.sp, w),
            Loc::Pushed(true) => Place::Mem(
                "return address".into(),
                vm.mem.sp.wrapping_sub(8),
                Width::I64,
            ),
            Loc::Pushed(false) => {
                Place::Mem("saved fp".into(), vm.mem.sp.wrapping_sub(16), Width::I64)
            }
            Loc::Fp => Place::Fp,
            Loc::Sp => Place::Sp,
        }
    }

    fn value(vm: &Vm, p: &Place) -> String {
        match p {
            Place::Mem(label, addr, w) => {
                let bytes = inspect::read_bytes(vm, *addr, w.size()).unwrap_or_default();
                format!("{label}={}", show(vm, &bytes, *w))
            }
            Place::Fp => format!("fp={:#x}", vm.fp),
            Place::Sp => format!("sp={:#x}", vm.mem.sp),
        }
    }

    /// Completes the pending line with what the instruction wrote (nothing, if it
    /// faulted).
    fn flush_pending(&mut self, vm: &Vm, next: Option<usize>, faulted: bool) {
        if let Some((line, writes, branch_from)) = self.pending.take() {
            let mut text = line;
            let w: Vec<String> = writes.iter().map(|p| Self::value(vm, p)).collect();
            let mut effect = if faulted {
                "FAULT".to_string()
            } else {
                w.join(" ")
            };
            if let (Some(from), Some(next)) = (branch_from, next) {
                effect = if next == from + 1 {
                    "no jump".into()
                } else {
                    "jump".into()
                };
            }
            if !effect.is_empty() {
                text.push_str(" -> ");
                text.push_str(&effect);
            }
            let _ = writeln!(self.out, "{}", text.trim_end());
        }
        self.echo.echo(vm, &mut self.out, "    ");
    }

    /// Ends the trace: the last instruction's writes and any output not shown yet.
    pub fn finish(&mut self, vm: &Vm, faulted: bool) {
        self.flush_pending(vm, None, faulted);
        self.flush_hidden();
        self.echo.finish(vm, &mut self.out, "    ");
        let _ = self.out.flush();
    }

    fn flush_hidden(&mut self) {
        if self.hidden.0 > 0 {
            let _ = writeln!(
                self.out,
                "    ... {} instructions in {} (the runtime; --all shows them)",
                self.hidden.0, self.hidden.1
            );
            self.hidden = (0, String::new());
        }
    }
}

impl Observer for InstrTracer<'_, '_> {
    fn before(&mut self, vm: &mut Vm, index: usize) -> bool {
        self.flush_pending(vm, Some(index), false);
        if vm.steps >= self.max_steps {
            return true;
        }
        let addr = vm.addr_of(index);
        let image = self.info.image;
        let f = image.function_at(addr);
        let hide = !self.all && f.is_some_and(|f| !f.shown());
        if hide {
            let name = f.map_or("?", |f| f.name.as_str());
            if self.hidden.0 == 0 {
                self.hidden.1 = name.to_string();
            }
            self.hidden.0 += 1;
            self.last_function = None;
            return true;
        }
        self.flush_hidden();
        if let Some(f) = f
            && self.last_function != Some(f.addr)
        {
            self.last_function = Some(f.addr);
            self.last_line = None;
            let _ = writeln!(self.out, "{}:  fp={:#x}", f.name, vm.fp);
        }
        if let Some((span, line)) = self.info.line_at(addr)
            && self.last_line != Some((span.file, line))
        {
            self.last_line = Some((span.file, line));
            let file = self.info.sources.file(span.file);
            let _ = writeln!(
                self.out,
                "  ; {}:{line}: {}",
                file.name,
                file.line_text(line).trim()
            );
        }
        let Some(op) = vm.code().get(index).copied() else {
            return true;
        };
        let fx = effects::of(&op);
        let reads: Vec<String> = fx
            .reads
            .iter()
            .map(|l| Self::value(vm, &self.resolve(vm, *l, &op)))
            .collect();
        let writes: Vec<Place> = fx
            .writes
            .iter()
            .map(|l| self.resolve(vm, *l, &op))
            .collect();
        let text = self.text(vm, index);
        let step = vm.steps + 1;
        let line = format!("{step:>7}  {addr:#07x}  {text:<44} {}", reads.join(" "));
        self.pending = Some((line, writes, fx.branches.then_some(index)));
        true
    }
}

/// A variable being watched for changes: where it is and its bytes at the last line.
struct Watched {
    /// The frame it belongs to (`None` for globals) and its function's address.
    frame: Option<(u64, u64)>,
    name: String,
    addr: u64,
    ty: Type,
    bytes: Vec<u8>,
}

/// Traces source lines: each line as it starts, then the variables it changed.
pub struct LineTracer<'d, 'a> {
    info: &'d DebugInfo<'a>,
    out: Box<dyn Write + 'd>,
    tracker: LineTracker,
    watched: Vec<Watched>,
    /// The frame of the last line event: its fp, function and depth.
    last: Option<(u64, u64, usize)>,
    echo: OutputEcho,
    pub lines: u64,
}

impl<'d, 'a> LineTracer<'d, 'a> {
    pub fn new(info: &'d DebugInfo<'a>, out: Box<dyn Write + 'd>) -> Self {
        LineTracer {
            info,
            out,
            tracker: LineTracker::new(),
            watched: Vec::new(),
            last: None,
            echo: OutputEcho::default(),
            lines: 0,
        }
    }

    fn indent(depth: usize) -> String {
        "  ".repeat(depth)
    }

    /// Prints what changed since the last line event.
    fn report_changes(&mut self, vm: &Vm) {
        let Some((_, _, depth)) = self.last else {
            return;
        };
        let live: Vec<(u64, u64)> = self
            .info
            .frames(vm)
            .iter()
            .map(|f| (f.fp, f.function.addr))
            .collect();
        let mut changes = Vec::new();
        for w in &self.watched {
            if let Some(frame) = w.frame
                && !live.contains(&frame)
            {
                continue;
            }
            let now = inspect::read_bytes(vm, w.addr, w.bytes.len() as u64).unwrap_or_default();
            if now != w.bytes {
                diff(self.info, &w.name, &w.ty, &w.bytes, &now, 0, &mut changes);
            }
        }
        let pad = format!("{}    ", Self::indent(depth));
        let total = changes.len();
        for c in changes.iter().take(12) {
            let _ = writeln!(self.out, "{pad}{c}");
        }
        if total > 12 {
            let _ = writeln!(self.out, "{pad}... and {} more changes", total - 12);
        }
    }

    /// Takes a new baseline of every variable in the live frames and every global.
    fn rebaseline(&mut self, vm: &Vm) {
        self.watched.clear();
        for f in self.info.frames(vm).iter().take(16) {
            for v in f.vars {
                let addr = f.fp.wrapping_add(v.offset as i64 as u64);
                self.watched.push(Watched {
                    frame: Some((f.fp, f.function.addr)),
                    name: v.name.clone(),
                    addr,
                    ty: v.ty.clone(),
                    bytes: inspect::read_bytes(vm, addr, v.size).unwrap_or_default(),
                });
            }
        }
        for g in self.info.user_globals() {
            self.watched.push(Watched {
                frame: None,
                name: g.name.clone(),
                addr: g.addr,
                ty: g.ty.clone(),
                bytes: inspect::read_bytes(vm, g.addr, g.size).unwrap_or_default(),
            });
        }
    }

    fn on_line(&mut self, vm: &Vm, ev: LineEvent) {
        self.report_changes(vm);
        let frames = self.info.frames(vm);
        let depth = frames.len().saturating_sub(1);
        let indent = Self::indent(depth);
        self.echo.echo(vm, &mut self.out, &indent);
        let Some(frame) = frames.first() else { return };
        match ev.arrival {
            Arrival::Call => {
                let args: Vec<String> = frame
                    .vars
                    .iter()
                    .filter(|v| v.is_param)
                    .map(|v| {
                        let addr = frame.fp.wrapping_add(v.offset as i64 as u64);
                        format!("{} = {}", v.name, self.info.format_value(vm, addr, &v.ty))
                    })
                    .collect();
                let _ = writeln!(
                    self.out,
                    "{indent}call {}({})",
                    frame.function.name,
                    args.join(", ")
                );
            }
            Arrival::Return => {
                if let Some((fp, func, d)) = self.last {
                    let text = self.return_text(vm, fp, func);
                    let _ = writeln!(self.out, "{}{text}", Self::indent(d));
                }
            }
            Arrival::Line => {}
        }
        let file = self.info.sources.file(ev.file);
        let _ = writeln!(
            self.out,
            "{indent}{}:{}  {}",
            frame.function.name,
            ev.line,
            file.line_text(ev.line).trim()
        );
        self.lines += 1;
        self.last = Some((frame.fp, frame.function.addr, depth));
        self.rebaseline(vm);
    }

    /// `return 120 from factorial`: the value is where the callee left it (fp + 16).
    fn return_text(&self, vm: &Vm, fp: u64, func: u64) -> String {
        let Some(f) = self.info.image.functions.iter().find(|f| f.addr == func) else {
            return "return".into();
        };
        let ret = self
            .info
            .program
            .functions
            .iter()
            .find(|p| *p.name == *f.name && p.body.is_some())
            .map(|p| p.ty.ret.clone());
        match ret {
            Some(t) if !t.is_void() => format!(
                "return {} from {}",
                self.info.format_value(vm, fp + 16, &t),
                f.name
            ),
            _ => format!("return from {}", f.name),
        }
    }

    /// Ends the trace: the changes of the last line and output not shown yet.
    pub fn finish(&mut self, vm: &Vm) {
        self.report_changes(vm);
        let depth = self.last.map_or(0, |l| l.2);
        self.echo.finish(vm, &mut self.out, &Self::indent(depth));
        let _ = self.out.flush();
    }
}

impl Observer for LineTracer<'_, '_> {
    fn before(&mut self, vm: &mut Vm, index: usize) -> bool {
        if let Some(ev) = self.tracker.before(self.info, vm, index) {
            self.on_line(vm, ev);
        }
        true
    }
}

/// The parts of a value that changed: `x = 5 (was 4)`, `a[2] = 7 (was 0)`, `s.next = ...`.
pub fn diff(
    info: &DebugInfo,
    path: &str,
    ty: &Type,
    old: &[u8],
    new: &[u8],
    off: usize,
    out: &mut Vec<String>,
) {
    let types = info.types();
    let size = types.size_of(ty).unwrap_or(0) as usize;
    let (Some(o), Some(n)) = (old.get(off..off + size), new.get(off..off + size)) else {
        return;
    };
    if o == n || out.len() > 64 {
        return;
    }
    match &ty.kind {
        TypeKind::Array(elem, Some(len)) if size > 0 => {
            let esize = types.size_of(elem).unwrap_or(1).max(1) as usize;
            for i in 0..*len as usize {
                diff(
                    info,
                    &format!("{path}[{i}]"),
                    elem,
                    old,
                    new,
                    off + i * esize,
                    out,
                );
            }
        }
        TypeKind::Record(id) => {
            for f in types.record(*id).fields.iter().flatten() {
                let name = f.name.as_deref().unwrap_or("");
                diff(
                    info,
                    &format!("{path}.{name}"),
                    &f.ty,
                    old,
                    new,
                    off + f.offset as usize,
                    out,
                );
            }
        }
        _ => out.push(format!(
            "{path} = {} (was {})",
            scalar(info, ty, n),
            scalar(info, ty, o)
        )),
    }
}

/// A scalar from its bytes.
pub fn scalar(info: &DebugInfo, ty: &Type, bytes: &[u8]) -> String {
    let mut buf = [0u8; 8];
    let n = bytes.len().min(8);
    buf[..n].copy_from_slice(&bytes[..n]);
    let v = u64::from_le_bytes(buf);
    match &ty.kind {
        TypeKind::Int(k) => format_int(v, *k, n as u64),
        TypeKind::Float(FloatKind::Float) => format_float(f32::from_bits(v as u32) as f64),
        TypeKind::Float(FloatKind::Double) => format_float(f64::from_bits(v)),
        TypeKind::Pointer(_) if v == 0 => "NULL".into(),
        TypeKind::Pointer(_) => match info.image.function_at(v) {
            Some(f) if f.addr == v => format!("{v:#x} <{}>", f.name),
            _ => format!("{v:#x}"),
        },
        _ => format!("{v:#x}"),
    }
}
