//! A step debugger with a gdb-like prompt. Commands come from any reader, so a session
//! can be typed or scripted; everything it prints goes to one writer, the program's
//! output included, in the order it happened.
//!
//! Execution control is an [`Observer`] that pauses the VM: `stepi` after one
//! instruction, `step` at the next line event, `next` at the next line event not in a
//! deeper frame, `finish` when the current frame has returned, and `continue` at a
//! breakpoint.

use super::expr::{self, Value};
use super::inspect::{DebugInfo, FrameRow, FrameView, read_bytes, read_uint};
use super::lines::{Arrival, LineEvent, LineTracker};
use super::trace::scalar;
use crate::bytecode::{Op, disasm};
use crate::source::FileId;
use crate::vm::{Fault, Observer, Stop, Vm};
use std::fmt::Write as _;
use std::io::{BufRead, Write};

/// Where a breakpoint stops.
#[derive(Clone, Debug, PartialEq)]
enum Where {
    Line(FileId, u32),
    /// The first line of a function (by its text address).
    Function(u64, String),
}

#[derive(Clone, Debug)]
struct Breakpoint {
    id: usize,
    at: Where,
    hits: u64,
    temporary: bool,
}

/// How far a resumed run goes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Instruction,
    Step,
    /// Over calls: stop at a line in a frame at least this high.
    Next(u64),
    /// Until the frame with this frame pointer has returned.
    Finish(u64),
    Continue,
}

/// Why the run paused.
#[derive(Clone, Debug, PartialEq)]
enum Reason {
    Done,
    Breakpoint(usize),
}

struct Control<'s, 'd> {
    info: &'s DebugInfo<'d>,
    tracker: &'s mut LineTracker,
    breakpoints: &'s [Breakpoint],
    mode: Mode,
    /// The first call is for the instruction the run is paused at: let it run.
    resumed: bool,
    reason: Option<Reason>,
    event: Option<LineEvent>,
}

impl Observer for Control<'_, '_> {
    fn before(&mut self, vm: &mut Vm, index: usize) -> bool {
        if !self.resumed {
            self.resumed = true;
            return true;
        }
        if let Mode::Instruction = self.mode {
            // The line tracker still sees it, so that lines after `stepi` are right.
            self.event = self.tracker.before(self.info, vm, index);
            self.reason = Some(Reason::Done);
            return false;
        }
        if let Mode::Finish(fp) = self.mode
            && vm.fp > fp
        {
            self.event = self.tracker.before(self.info, vm, index);
            self.reason = Some(Reason::Done);
            return false;
        }
        let Some(ev) = self.tracker.before(self.info, vm, index) else {
            return true;
        };
        self.event = Some(ev);
        if ev.arrival != Arrival::Return {
            let func = self.info.image.function_at(ev.addr).map(|f| f.addr);
            let hit = self.breakpoints.iter().find(|b| match &b.at {
                Where::Line(file, line) => *file == ev.file && *line == ev.line,
                Where::Function(addr, _) => ev.arrival == Arrival::Call && func == Some(*addr),
            });
            if let Some(b) = hit {
                self.reason = Some(Reason::Breakpoint(b.id));
                return false;
            }
        }
        let stop = match self.mode {
            Mode::Step => true,
            // Back in the frame `next` started in, mid-line after a call: that line is
            // done only when the next one begins (as in gdb).
            Mode::Next(fp) => ev.fp > fp || (ev.fp == fp && ev.arrival != Arrival::Return),
            _ => false,
        };
        if stop {
            self.reason = Some(Reason::Done);
        }
        !stop
    }
}

/// The state of the debugged program.
enum State<'a> {
    NotStarted,
    Running(Box<Vm<'a>>),
    /// Ended (exited or faulted); the VM is kept for inspection.
    Ended(Box<Vm<'a>>, Option<Fault>),
}

/// Makes a fresh VM (for `run`), and explains a fault (the command line's report).
pub type NewVm<'d, 'a> = Box<dyn Fn() -> Result<Vm<'a>, String> + 'd>;
pub type FaultReport<'d> = Box<dyn Fn(&Vm, &Fault) -> String + 'd>;

/// A debugging session.
pub struct Session<'d, 'a> {
    info: &'d DebugInfo<'a>,
    new_vm: NewVm<'d, 'a>,
    render_fault: FaultReport<'d>,
    state: State<'a>,
    tracker: LineTracker,
    breakpoints: Vec<Breakpoint>,
    next_id: usize,
    /// The frame `print`, `frame` and `info locals` look at (0: innermost).
    selected: usize,
    /// The frame and function of the last stop, to announce a change of function.
    last_stop: Option<(u64, u64)>,
    history: usize,
    echo: bool,
}

const HELP: &str = "\
commands:
  break LINE | FUNC      stop when the line (or the function's first line) is reached
  delete [N]             delete breakpoint N (or all)
  run | start            run from the beginning (start: stop at main's first line)
  step [N], s            run to the next source line, into calls
  next [N], n            run to the next source line, over calls
  stepi [N], si          run one instruction
  finish                 run until the current function returns
  continue, c            run until a breakpoint or the end
  print EXPR, p          a variable, *p, a[i], s.f, p->f, &x, arithmetic
  x/N EXPR               N bytes of memory at an address, in hex and ASCII
  bt                     the call stack
  frame [N], up, down    show (or select) a frame's layout: arguments, return address,
                         saved frame pointer, locals, each with its address
  info locals|args|segments|breakpoints
  heap                   the heap's blocks with their headers
  list [LINE]            source lines around the current one
  quit                   leave
";

impl<'d, 'a> Session<'d, 'a> {
    pub fn new(
        info: &'d DebugInfo<'a>,
        new_vm: NewVm<'d, 'a>,
        render_fault: FaultReport<'d>,
        echo: bool,
    ) -> Self {
        Session {
            info,
            new_vm,
            render_fault,
            state: State::NotStarted,
            tracker: LineTracker::new(),
            breakpoints: Vec::new(),
            next_id: 1,
            selected: 0,
            last_stop: None,
            history: 0,
            echo,
        }
    }

    /// Reads commands until `quit` or the end of input.
    pub fn run(&mut self, input: &mut dyn BufRead, out: &mut dyn Write) {
        let mut line = String::new();
        loop {
            let _ = write!(out, "(segvm) ");
            let _ = out.flush();
            line.clear();
            match input.read_line(&mut line) {
                Ok(0) | Err(_) => {
                    let _ = writeln!(out);
                    break;
                }
                Ok(_) => {}
            }
            let cmd = line.trim();
            if self.echo {
                let _ = writeln!(out, "{cmd}");
            }
            if cmd.is_empty() || cmd.starts_with('#') {
                continue;
            }
            if matches!(cmd, "quit" | "q" | "exit") {
                break;
            }
            let text = self.command(cmd);
            let _ = write!(out, "{text}");
            let _ = out.flush();
        }
    }

    /// Runs one command; returns what it prints.
    pub fn command(&mut self, cmd: &str) -> String {
        let (word, rest) = match cmd.find(|c: char| c.is_whitespace() || c == '/') {
            Some(i) => (&cmd[..i], cmd[i..].trim_start()),
            None => (cmd, ""),
        };
        let count = || rest.parse::<u64>().unwrap_or(1).max(1);
        let mut out = String::new();
        let result = match word {
            "break" | "b" => self.cmd_break(rest, false),
            "tbreak" => self.cmd_break(rest, true),
            "delete" | "d" => self.cmd_delete(rest),
            "run" | "r" => self.cmd_run(&mut out),
            "start" => self
                .cmd_break("main", true)
                .map(|s| out.push_str(&s))
                .and_then(|_| self.cmd_run(&mut out)),
            "step" | "s" => self.resume(Mode::Step, count(), &mut out),
            "next" | "n" => self.resume_next(count(), &mut out),
            "stepi" | "si" => self.resume(Mode::Instruction, count(), &mut out),
            "finish" | "fin" => self.cmd_finish(&mut out),
            "continue" | "c" | "cont" => self.resume(Mode::Continue, 1, &mut out),
            "print" | "p" => self.cmd_print(rest),
            "x" => self.cmd_examine(rest),
            "bt" | "backtrace" | "where" => self.cmd_backtrace(),
            "frame" | "f" => self.cmd_frame(rest),
            "up" => self.cmd_select(self.selected as i64 + 1),
            "down" => self.cmd_select(self.selected as i64 - 1),
            "info" | "i" => self.cmd_info(rest),
            "heap" => self.cmd_heap(),
            "list" | "l" => self.cmd_list(rest),
            "help" | "h" => Ok(HELP.to_string()),
            _ => Err(format!("unknown command '{word}' (try 'help')")),
        };
        match result {
            Ok(s) => out.push_str(&s),
            Err(e) => {
                let _ = writeln!(out, "error: {e}");
            }
        }
        out
    }

    fn vm(&self) -> Option<&Vm<'a>> {
        match &self.state {
            State::Running(vm) | State::Ended(vm, _) => Some(vm),
            State::NotStarted => None,
        }
    }

    fn running(&self) -> Result<&Vm<'a>, String> {
        match &self.state {
            State::Running(vm) => Ok(vm),
            State::Ended(..) => {
                Err("the program is not running (it has ended; 'run' starts it again)".into())
            }
            State::NotStarted => Err("the program is not running yet ('run' or 'start')".into()),
        }
    }

    fn frames(&self) -> Vec<FrameView<'d>> {
        match self.vm() {
            Some(vm) if !matches!(self.state, State::Ended(_, None)) => self.info.frames(vm),
            _ => Vec::new(),
        }
    }

    // ---- breakpoints -----------------------------------------------------------------

    fn cmd_break(&mut self, arg: &str, temporary: bool) -> Result<String, String> {
        let arg = arg.trim();
        if arg.is_empty() {
            return Err("break needs a line number or a function name".into());
        }
        let main_file = self.main_file();
        let line_arg = match arg.rsplit_once(':') {
            Some((_, l)) => l.parse::<u32>().ok(),
            None => arg.parse::<u32>().ok(),
        };
        let (at, addr) = if let Some(line) = line_arg {
            self.resolve_line(main_file, line)?
        } else {
            let f = self
                .info
                .image
                .functions
                .iter()
                .find(|f| f.name == arg)
                .ok_or_else(|| format!("no function named '{arg}'"))?;
            let first = self.first_line_addr(f.addr).unwrap_or(f.addr);
            (Where::Function(f.addr, f.name.clone()), first)
        };
        let id = self.next_id;
        self.next_id += 1;
        self.breakpoints.push(Breakpoint {
            id,
            at: at.clone(),
            hits: 0,
            temporary,
        });
        let loc = self.info.location(addr).unwrap_or_default();
        let kind = if temporary {
            "Temporary breakpoint"
        } else {
            "Breakpoint"
        };
        Ok(match at {
            Where::Function(_, name) => format!("{kind} {id} at {addr:#x}: {name}, {loc}\n"),
            Where::Line(..) => format!("{kind} {id} at {addr:#x}: {loc}\n"),
        })
    }

    fn main_file(&self) -> FileId {
        self.info
            .image
            .functions
            .iter()
            .find(|f| f.name == "main")
            .map_or(FileId(0), |f| f.span.file)
    }

    /// The first instruction of a function's body (after its `enter`).
    fn first_line_addr(&self, func: u64) -> Option<u64> {
        let image = self.info.image;
        let off = (func - image.layout.text.start) as usize;
        let (op, len) = Op::decode(image.text.get(off..)?)?;
        match op {
            Op::Enter { .. } => Some(func + len as u64),
            _ => Some(func),
        }
    }

    /// A line breakpoint at the first line at or after `line` that has code.
    fn resolve_line(&self, file: FileId, line: u32) -> Result<(Where, u64), String> {
        let image = self.info.image;
        let mut best: Option<(u32, u64)> = None;
        for &(addr, span) in &image.lines {
            if span.file != file || span == Default::default() {
                continue;
            }
            let Some(f) = image.function_at(addr) else {
                continue;
            };
            if f.runtime {
                continue;
            }
            let l = self.info.sources.line_of(span);
            if l < line {
                continue;
            }
            // The `enter` of a function stands for the function.
            let is_enter = addr == f.addr;
            let candidate = if is_enter {
                (l, self.first_line_addr(f.addr).unwrap_or(addr))
            } else {
                (l, addr)
            };
            if best.is_none_or(|(bl, ba)| (candidate.0, candidate.1) < (bl, ba)) {
                best = Some(candidate);
            }
        }
        let (l, addr) = best.ok_or_else(|| format!("no code at or after line {line}"))?;
        if let Some(f) = image.function_at(addr)
            && self.first_line_addr(f.addr) == Some(addr)
            && self.info.line_at(f.addr).map(|(_, fl)| fl) == Some(l)
        {
            return Ok((Where::Function(f.addr, f.name.clone()), addr));
        }
        let real = self.info.line_at(addr).map_or(l, |(_, l)| l);
        Ok((Where::Line(file, real), addr))
    }

    fn cmd_delete(&mut self, arg: &str) -> Result<String, String> {
        if arg.is_empty() {
            self.breakpoints.clear();
            return Ok("all breakpoints deleted\n".into());
        }
        let id: usize = arg
            .parse()
            .map_err(|_| format!("not a breakpoint number: {arg}"))?;
        let before = self.breakpoints.len();
        self.breakpoints.retain(|b| b.id != id);
        if self.breakpoints.len() == before {
            return Err(format!("no breakpoint number {id}"));
        }
        Ok(String::new())
    }

    // ---- running ---------------------------------------------------------------------

    fn cmd_run(&mut self, out: &mut String) -> Result<String, String> {
        if !matches!(self.state, State::NotStarted) {
            out.push_str("(starting the program again from the beginning)\n");
        }
        let vm = (self.new_vm)()?;
        self.state = State::Running(Box::new(vm));
        self.tracker = LineTracker::new();
        self.last_stop = None;
        self.selected = 0;
        for b in &mut self.breakpoints {
            b.hits = 0;
        }
        self.go(Mode::Continue, true, out);
        Ok(String::new())
    }

    fn resume(&mut self, mode: Mode, times: u64, out: &mut String) -> Result<String, String> {
        self.running()?;
        for _ in 0..times {
            if self.go(mode, false, out) != Some(Reason::Done) {
                break;
            }
        }
        Ok(String::new())
    }

    fn resume_next(&mut self, times: u64, out: &mut String) -> Result<String, String> {
        for _ in 0..times {
            let fp = self.running()?.fp;
            if self.go(Mode::Next(fp), false, out) != Some(Reason::Done) {
                break;
            }
        }
        Ok(String::new())
    }

    fn cmd_finish(&mut self, out: &mut String) -> Result<String, String> {
        self.running()?;
        let frames = self.frames();
        let Some(frame) = frames.get(self.selected) else {
            return Err("no frame selected".into());
        };
        if frames.len() <= self.selected + 1 {
            return Err(format!(
                "'finish' makes no sense in the outermost frame ({})",
                frame.function.name
            ));
        }
        let (fp, fname) = (frame.fp, frame.function.name.clone());
        let _ = writeln!(
            out,
            "Run till exit from #{} {}",
            self.selected,
            self.frame_title(frame)
        );
        drop(frames);
        let ret_ty = self
            .info
            .program
            .functions
            .iter()
            .find(|p| *p.name == *fname && p.body.is_some())
            .map(|p| p.ty.ret.clone());
        if self.go(Mode::Finish(fp), false, out) == Some(Reason::Done)
            && let (Some(ty), Some(vm)) = (ret_ty, self.vm())
            && !ty.is_void()
        {
            let v = self.info.format_value(vm, fp + 16, &ty);
            let _ = writeln!(out, "Value returned: {v}");
        }
        Ok(String::new())
    }

    /// Resumes the program; prints its output, then where it stopped. `None` if it
    /// ended.
    fn go(&mut self, mode: Mode, from_start: bool, out: &mut String) -> Option<Reason> {
        let State::Running(vm) = &mut self.state else {
            return None;
        };
        let mut control = Control {
            info: self.info,
            tracker: &mut self.tracker,
            breakpoints: &self.breakpoints,
            mode,
            resumed: from_start,
            reason: None,
            event: None,
        };
        let stop = vm.run(&mut control);
        let (reason, event) = (control.reason, control.event);
        drain_output(vm, out);
        self.selected = 0;
        match stop {
            Stop::Paused => {
                if let Some(Reason::Breakpoint(id)) = reason.clone() {
                    if let Some(b) = self.breakpoints.iter_mut().find(|b| b.id == id) {
                        b.hits += 1;
                    }
                    let temporary = self.breakpoints.iter().any(|b| b.id == id && b.temporary);
                    let kind = if temporary {
                        "Temporary breakpoint"
                    } else {
                        "Breakpoint"
                    };
                    self.breakpoints.retain(|b| !(b.id == id && b.temporary));
                    let _ = write!(out, "\n{kind} {id}, ");
                    self.announce(Mode::Continue, event, true, out);
                } else {
                    self.announce(mode, event, false, out);
                }
                reason
            }
            Stop::Exit(status) => {
                let _ = writeln!(out, "[program exited with status {}]", status & 0xff);
                let State::Running(vm) = std::mem::replace(&mut self.state, State::NotStarted)
                else {
                    return None;
                };
                self.state = State::Ended(vm, None);
                None
            }
            Stop::Fault(fault) => {
                let _ = writeln!(out, "\nProgram stopped by a fault:");
                out.push_str(&(self.render_fault)(vm, &fault));
                let State::Running(vm) = std::mem::replace(&mut self.state, State::NotStarted)
                else {
                    return None;
                };
                self.state = State::Ended(vm, Some(fault));
                None
            }
        }
    }

    /// Prints where the program stopped: the function when it changed, and the line.
    fn announce(
        &mut self,
        mode: Mode,
        event: Option<LineEvent>,
        always_title: bool,
        out: &mut String,
    ) {
        let Some(vm) = self.vm() else { return };
        let frames = self.info.frames(vm);
        let Some(frame) = frames.first() else {
            let _ = writeln!(out, "{:#x} (outside the program's code)", vm.addr_of(vm.pc));
            return;
        };
        let key = (frame.fp, frame.function.addr);
        let changed = self.last_stop != Some(key);
        let pc = vm.addr_of(vm.pc);
        if always_title || changed {
            let _ = writeln!(out, "{}", self.frame_title(frame));
        }
        let source = self.info.line_at(pc).map(|(span, line)| {
            let text = self
                .info
                .sources
                .file(span.file)
                .line_text(line)
                .to_string();
            (line, text)
        });
        let mid_line = mode == Mode::Instruction
            || matches!(mode, Mode::Finish(_))
            || event.is_none_or(|e| e.addr != pc);
        if mid_line {
            let image = self.info.image;
            let off = (pc - image.layout.text.start) as usize;
            let text = image
                .text
                .get(off..)
                .and_then(Op::decode)
                .map(|(op, _)| disasm::instruction(image, image.function_at(pc), &op))
                .unwrap_or_default();
            match source {
                Some((line, src)) => {
                    let _ = writeln!(out, "{pc:#07x}  {text:<40} {line}\t{src}");
                }
                None => {
                    let _ = writeln!(out, "{pc:#07x}  {text}");
                }
            }
        } else if let Some((line, src)) = source {
            let _ = writeln!(out, "{line}\t{src}");
        }
        self.last_stop = Some(key);
    }

    /// `factorial (n=5, depth=0) at frames.c:32`
    fn frame_title(&self, frame: &FrameView) -> String {
        let args: Vec<String> = match self.vm() {
            Some(vm) => frame
                .vars
                .iter()
                .filter(|v| v.is_param)
                .map(|v| {
                    let addr = frame.fp.wrapping_add(v.offset as i64 as u64);
                    format!("{}={}", v.name, self.info.format_value(vm, addr, &v.ty))
                })
                .collect(),
            None => Vec::new(),
        };
        let loc = self.info.location(frame.pc).unwrap_or_else(|| "?".into());
        format!("{} ({}) at {loc}", frame.function.name, args.join(", "))
    }

    // ---- inspection ------------------------------------------------------------------

    fn inspectable(&self) -> Result<&Vm<'a>, String> {
        match &self.state {
            State::Running(vm) | State::Ended(vm, Some(_)) => Ok(vm),
            State::Ended(_, None) => Err("the program has exited: it has no frames".into()),
            State::NotStarted => Err("the program is not running yet ('run' or 'start')".into()),
        }
    }

    fn cmd_print(&mut self, arg: &str) -> Result<String, String> {
        let frames = self.frames();
        let vm = self.inspectable()?;
        let frame = frames.get(self.selected);
        let v = expr::eval(self.info, vm, frame, arg)?;
        let text = self.show_value(vm, &v);
        self.history += 1;
        Ok(format!("${} = {text}\n", self.history))
    }

    /// A value as `print` shows it: pointers with their type and what they point at.
    fn show_value(&self, vm: &Vm, v: &Value) -> String {
        let types = self.info.types();
        let ty = v.ty();
        match v {
            Value::Object { addr, ty } if !ty.is_pointer() => self.info.format_value(vm, *addr, ty),
            _ => {
                let bits = match v {
                    Value::Computed { bits, .. } => *bits,
                    Value::Object { addr, ty } => {
                        read_uint(vm, *addr, types.size_of(ty).unwrap_or(8)).unwrap_or(0)
                    }
                };
                let size = types.size_of(ty).unwrap_or(8) as usize;
                let bytes = bits.to_le_bytes();
                match ty.pointee() {
                    Some(target) => {
                        let shown = self.info.format_pointer(vm, bits, target);
                        let at = if bits == 0 || target.is_function() {
                            String::new()
                        } else {
                            format!("  -> {}", self.info.describe(vm, bits))
                        };
                        format!("({}) {shown}{at}", types.display(ty))
                    }
                    None => scalar(self.info, ty, &bytes[..size.min(8)]),
                }
            }
        }
    }

    fn cmd_examine(&self, arg: &str) -> Result<String, String> {
        let vm = self.inspectable()?;
        let (n, expr_text) = match arg.strip_prefix('/') {
            Some(rest) => {
                let end = rest
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(rest.len());
                let n = rest[..end].parse::<u64>().unwrap_or(32);
                let rest = rest[end..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
                (n, rest.trim())
            }
            None => (32, arg.trim()),
        };
        let n = n.clamp(1, 4096);
        let frames = self.frames();
        let v = expr::eval(self.info, vm, frames.get(self.selected), expr_text)?;
        let types = self.info.types();
        let addr = match &v {
            Value::Object { addr, ty } if ty.is_array() || ty.is_record() => *addr,
            Value::Object { addr, ty } => {
                read_uint(vm, *addr, types.size_of(ty).unwrap_or(8)).unwrap_or(0)
            }
            Value::Computed { bits, .. } => *bits,
        };
        Ok(hex_dump(self.info, vm, addr, n))
    }

    fn cmd_backtrace(&self) -> Result<String, String> {
        let frames = self.frames();
        if frames.is_empty() {
            return Err("no stack: the program is not running".into());
        }
        let mut out = String::new();
        let shown: Vec<usize> = if frames.len() > 20 {
            (0..10).chain(frames.len() - 5..frames.len()).collect()
        } else {
            (0..frames.len()).collect()
        };
        for (k, &i) in shown.iter().enumerate() {
            if k > 0 && i != shown[k - 1] + 1 {
                let _ = writeln!(out, "   ... {} more frames ...", i - shown[k - 1] - 1);
            }
            let f = &frames[i];
            let mark = if i == self.selected { ">" } else { " " };
            let _ = writeln!(
                out,
                "{mark}#{i:<3} {}   fp={:#x}",
                self.frame_title(f),
                f.fp
            );
        }
        Ok(out)
    }

    fn cmd_select(&mut self, n: i64) -> Result<String, String> {
        let frames = self.frames();
        if frames.is_empty() {
            return Err("no stack: the program is not running".into());
        }
        if n < 0 || n as usize >= frames.len() {
            return Err(format!("there is no frame #{n}"));
        }
        drop(frames);
        self.selected = n as usize;
        self.frame_layout()
    }

    fn cmd_frame(&mut self, arg: &str) -> Result<String, String> {
        match arg.trim() {
            "" => self.frame_layout(),
            n => {
                let n: i64 = n.parse().map_err(|_| format!("not a frame number: {n}"))?;
                self.cmd_select(n)
            }
        }
    }

    /// The selected frame, byte by byte from its top: arguments, return address, saved
    /// frame pointer, locals, temporaries.
    fn frame_layout(&self) -> Result<String, String> {
        let vm = self.inspectable()?;
        let frames = self.frames();
        let frame = frames.get(self.selected).ok_or("no frame selected")?;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "#{} {}\nframe pointer fp = {:#x}; the frame spans {:#x} .. {:#x}",
            self.selected,
            self.frame_title(frame),
            frame.fp,
            frame.fp - frame.function.frame_size as u64,
            frame.fp + 16 + frame.function.arg_bytes as u64,
        );
        let _ = writeln!(
            out,
            "  {:<10} {:>7} {:>4}  {:<30} what",
            "address", "offset", "size", "contents"
        );
        for row in self.info.frame_rows(frame) {
            let (off, size, contents, what) = match row {
                FrameRow::Var(i) => {
                    let v = &frame.vars[i];
                    let addr = frame.fp.wrapping_add(v.offset as i64 as u64);
                    let value = self.info.format_value(vm, addr, &v.ty);
                    let kind = if v.is_param { "argument" } else { "local" };
                    let tyname = self.info.types().display(&v.ty);
                    (
                        v.offset,
                        v.size,
                        format!("{} = {value}", v.name),
                        format!("{kind} ({tyname})"),
                    )
                }
                FrameRow::ReturnAddress => {
                    let ret = frame.return_address;
                    let into = match self.info.image.function_at(ret) {
                        Some(f) => {
                            let loc = self
                                .info
                                .location(ret.saturating_sub(1))
                                .unwrap_or_default();
                            format!("into {} ({loc})", f.name)
                        }
                        None => "into text".into(),
                    };
                    (8, 8, format!("{ret:#x}"), format!("return address: {into}"))
                }
                FrameRow::SavedFp => (
                    0,
                    8,
                    format!("{:#x}", frame.saved_fp),
                    "saved frame pointer (the caller's fp)".into(),
                ),
                FrameRow::Scratch { offset, size } => (
                    offset,
                    size,
                    String::new(),
                    "temporaries and outgoing arguments".into(),
                ),
            };
            let addr = frame.fp.wrapping_add(off as i64 as u64);
            let offs = if off < 0 {
                format!("fp-{}", -(off as i64))
            } else {
                format!("fp+{off}")
            };
            let _ = writeln!(
                out,
                "  {addr:#010x} {offs:>7} {size:>4}  {contents:<30} {what}"
            );
        }
        Ok(out)
    }

    fn cmd_info(&self, arg: &str) -> Result<String, String> {
        match arg.trim() {
            "locals" | "args" => {
                let want_args = arg.trim() == "args";
                let vm = self.inspectable()?;
                let frames = self.frames();
                let frame = frames.get(self.selected).ok_or("no frame selected")?;
                let mut out = String::new();
                for v in frame.vars.iter().filter(|v| v.is_param == want_args) {
                    let addr = frame.fp.wrapping_add(v.offset as i64 as u64);
                    let _ = writeln!(
                        out,
                        "{} = {}",
                        v.name,
                        self.info.format_value(vm, addr, &v.ty)
                    );
                }
                if out.is_empty() {
                    out = if want_args {
                        "no arguments\n".into()
                    } else {
                        "no locals\n".into()
                    };
                }
                Ok(out)
            }
            "segments" | "seg" => {
                let vm = self.inspectable()?;
                Ok(segment_table(self.info, vm))
            }
            "breakpoints" | "b" | "break" => {
                if self.breakpoints.is_empty() {
                    return Ok("no breakpoints\n".into());
                }
                let mut out = String::from("Num  Where\n");
                for b in &self.breakpoints {
                    let what = match &b.at {
                        Where::Line(file, line) => {
                            format!("{}:{line}", self.info.sources.file(*file).name)
                        }
                        Where::Function(_, name) => format!("function {name}"),
                    };
                    let _ = writeln!(out, "{:<4} {what}   (hit {} times)", b.id, b.hits);
                }
                Ok(out)
            }
            "frame" => self.frame_layout(),
            other => Err(format!(
                "info {other}: try 'info locals', 'info args', 'info segments', 'info breakpoints'"
            )),
        }
    }

    fn cmd_heap(&self) -> Result<String, String> {
        let vm = self.inspectable()?;
        Ok(heap_table(self.info, vm))
    }

    fn cmd_list(&self, arg: &str) -> Result<String, String> {
        let current = self.vm().and_then(|vm| {
            let frames = self.info.frames(vm);
            frames
                .get(self.selected)
                .and_then(|f| self.info.line_at(f.pc))
        });
        let file = current.map_or(self.main_file(), |(s, _)| s.file);
        let center = match arg.trim() {
            "" => current.map_or(1, |(_, l)| l),
            n => n.parse().map_err(|_| format!("not a line number: {n}"))?,
        };
        let f = self.info.sources.file(file);
        let lo = center.saturating_sub(5).max(1);
        let hi = (lo + 9).min(f.line_count());
        let mut out = String::new();
        for l in lo..=hi {
            let mark = if current.is_some_and(|(_, c)| c == l) {
                "=>"
            } else {
                "  "
            };
            let _ = writeln!(out, "{mark}{l:>4}\t{}", f.line_text(l));
        }
        Ok(out)
    }
}

/// Moves the program's output produced so far into the transcript.
fn drain_output(vm: &mut Vm, out: &mut String) {
    let stdout = std::mem::take(&mut vm.io.stdout);
    let stderr = std::mem::take(&mut vm.io.stderr);
    out.push_str(&String::from_utf8_lossy(&stdout));
    out.push_str(&String::from_utf8_lossy(&stderr));
}

/// Memory in hex and ASCII, 16 bytes a row, each row naming its segment and object.
pub fn hex_dump(info: &DebugInfo, vm: &Vm, addr: u64, n: u64) -> String {
    let mut out = String::new();
    let mut a = addr;
    let end = addr.saturating_add(n);
    while a < end {
        let len = (end - a).min(16);
        let seg = vm.mem.segment_of(a);
        let row = match read_bytes(vm, a, len) {
            Some(bytes) if seg.perms() != "---" => bytes,
            _ => {
                let _ = writeln!(out, "{a:#010x}  (no access: {})", info.describe(vm, a));
                break;
            }
        };
        let mut hex = String::new();
        for (i, b) in row.iter().enumerate() {
            if i == 8 {
                hex.push(' ');
            }
            let _ = write!(hex, "{b:02x} ");
        }
        let ascii: String = row
            .iter()
            .map(|&b| {
                if (0x20..0x7f).contains(&b) {
                    b as char
                } else {
                    '.'
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "{a:#010x}  {hex:<49} |{ascii:<16}|  {}",
            info.describe(vm, a)
        );
        a += len;
    }
    out
}

/// The segments now, with the break and the stack pointer.
pub fn segment_table(info: &DebugInfo, vm: &Vm) -> String {
    let mut out = String::new();
    let layout = &info.image.layout;
    // Embedded labels name the region too: `gap between heap and stack (RAM)`.
    let width = info
        .segments(vm)
        .iter()
        .map(|(seg, _, _)| layout.label(*seg).len())
        .max()
        .unwrap_or(0)
        .max(28);
    let _ = writeln!(
        out,
        "{:<width$} {:>10}  {:>10}  {:>9}  perms",
        "segment", "start", "end", "size"
    );
    for (seg, start, end) in info.segments(vm) {
        let note = match seg {
            crate::bytecode::Segment::Heap => format!("  break at {:#x}", vm.mem.brk),
            crate::bytecode::Segment::Stack => format!("  stack pointer at {:#x}", vm.mem.sp),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{:<width$} {start:#010x}  {end:#010x}  {:>9}  {}{note}",
            layout.label(seg),
            end.saturating_sub(start),
            seg.perms()
        );
    }
    out
}

/// Every heap block with its header word, state and payload.
pub fn heap_table(info: &DebugInfo, vm: &Vm) -> String {
    let mut out = String::new();
    let start = info.image.layout.heap_start;
    let _ = writeln!(
        out,
        "heap {start:#x} .. {:#x} (the break): {} bytes, allocator {}",
        vm.mem.brk,
        vm.mem.brk - start,
        vm.heap.name()
    );
    let blocks = match info.heap_blocks(vm) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(out, "{e}");
            return out;
        }
    };
    if blocks.is_empty() {
        out.push_str("no blocks yet (nothing was allocated)\n");
        return out;
    }
    let _ = writeln!(
        out,
        "  {:<10} {:>6}  {:<18}  {:<9}  {:<10} {:>7}  contents",
        "block", "size", "header word", "state", "payload", "usable"
    );
    for b in &blocks {
        let header = read_uint(vm, b.addr, 8).unwrap_or(0);
        let state = if b.allocated { "allocated" } else { "free" };
        let preview = read_bytes(vm, b.payload, b.payload_size.min(8))
            .map(|bytes| {
                bytes
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let more = if b.payload_size > 8 { " ..." } else { "" };
        let _ = writeln!(
            out,
            "  {:#010x} {:>6}  {:<18}  {state:<9}  {:#010x} {:>7}  {preview}{more}",
            b.addr,
            b.size,
            format!("{header:#x}"),
            b.payload,
            b.payload_size
        );
    }
    out
}
