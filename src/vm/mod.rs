//! The virtual machine: loads an image into a fresh address space and runs it.
//!
//! The text segment holds the encoded bytecode; at load time it is decoded once into
//! instructions (text is read-only, so the decoded copy can never go stale). Jump and call
//! targets are text addresses in the bytes and instruction indices in the decoded copy.

pub mod alloc;
pub mod builtins;
pub mod check;
mod frame;
mod fuse;
mod interp;
pub mod memory;
mod raw;
pub mod trap;

use crate::bytecode::{Image, Op, Segment, Visitor};
use crate::source::Span;
use crate::target::Target;
use alloc::{Allocator, HeapManager};
use memory::Memory;
use std::io::{BufRead, Write};
pub use trap::Trap;

/// How a run is set up.
pub struct Config {
    /// Stop after this many instructions.
    pub max_steps: u64,
    /// Stop when the program has written more than this many bytes.
    pub max_output: u64,
    /// `argv` (the program name first).
    pub args: Vec<String>,
    pub target: Target,
    /// `--check` mode (the image must be built with red zones too).
    pub check: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_steps: u64::MAX,
            max_output: 256 << 20,
            args: vec!["a.out".into()],
            target: Target::LP64,
            check: false,
        }
    }
}

/// A frame of a backtrace.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    pub function: String,
    /// The text address executing (innermost) or returned to (callers).
    pub addr: u64,
    pub span: Option<Span>,
    pub fp: u64,
    /// 0 for the innermost frame, counting outward (a long backtrace leaves a gap).
    pub depth: usize,
}

/// Frames a backtrace keeps of a deep stack: the innermost and the outermost. A stack
/// of millions of frames would otherwise cost the host far more than the program's
/// memory, once per report.
pub const BACKTRACE_INNER: usize = 64;
pub const BACKTRACE_OUTER: usize = 16;

/// A run that stopped on a trap: what, where, and how it got there.
#[derive(Clone, Debug)]
pub struct Fault {
    pub trap: Trap,
    /// The segment the faulting address falls in (when there is one).
    pub segment: Option<Segment>,
    pub backtrace: Vec<Frame>,
}

/// Why [`Vm::run`] returned.
#[derive(Clone, Debug)]
pub enum Stop {
    Exit(i32),
    Fault(Fault),
    /// An observer asked to pause; `run` may be called again.
    Paused,
}

/// Watches execution; the default methods cost nothing.
pub trait Observer {
    /// False for an observer that does nothing: the loop then skips it entirely.
    const ACTIVE: bool = true;

    /// Before each instruction (by index); returning false pauses the run. The observer
    /// may update what it keeps in the VM (`--check`'s shadow), not the registers.
    #[inline(always)]
    fn before(&mut self, _vm: &mut Vm, _index: usize) -> bool {
        true
    }

    /// After an instruction completed (by the index it had; `vm.pc` is the next one).
    #[inline(always)]
    fn after(&mut self, _vm: &mut Vm, _index: usize) {}
}

/// Observes nothing.
pub struct Unobserved;
impl Observer for Unobserved {
    const ACTIVE: bool = false;
}

/// Where program output goes.
pub struct Io {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// When set, output is written through as it comes (in chunks) instead of kept.
    pub sink: Option<Box<dyn Write>>,
    pub err_sink: Option<Box<dyn Write>>,
    pub stdin: Box<dyn BufRead>,
    written: u64,
    limit: u64,
}

impl Io {
    pub fn new(stdin: Box<dyn BufRead>) -> Io {
        Io {
            stdout: Vec::new(),
            stderr: Vec::new(),
            sink: None,
            err_sink: None,
            stdin,
            written: 0,
            limit: u64::MAX,
        }
    }

    fn count(&mut self, n: usize) -> Result<(), Trap> {
        self.written += n as u64;
        if self.written > self.limit {
            return Err(Trap::OutputLimit(self.limit));
        }
        Ok(())
    }

    pub fn out(&mut self, bytes: &[u8]) -> Result<(), Trap> {
        self.count(bytes.len())?;
        self.stdout.extend_from_slice(bytes);
        if self.stdout.len() >= 1 << 16 {
            self.flush_out();
        }
        Ok(())
    }

    pub fn err(&mut self, bytes: &[u8]) -> Result<(), Trap> {
        self.count(bytes.len())?;
        // stderr is unbuffered: stdout written so far goes first.
        self.flush_out();
        self.stderr.extend_from_slice(bytes);
        if let Some(sink) = &mut self.err_sink {
            let _ = sink.write_all(&self.stderr);
            let _ = sink.flush();
            self.stderr.clear();
        }
        Ok(())
    }

    /// Writes buffered stdout through to the sink, if there is one.
    pub fn flush_out(&mut self) {
        if let Some(sink) = &mut self.sink {
            let _ = sink.write_all(&self.stdout);
            let _ = sink.flush();
            self.stdout.clear();
        }
    }
}

/// How a library call or instruction ends other than normally.
#[derive(Debug)]
pub(crate) enum Halt {
    Trap(Trap),
    Exit(i32),
}

impl From<Trap> for Halt {
    fn from(t: Trap) -> Halt {
        Halt::Trap(t)
    }
}

const NO_INSTR: u32 = u32::MAX;

/// What RAM's .data and .bss hold at reset in the embedded layout, before the startup
/// code has run: not the program's values.
pub const RESET_GARBAGE: u8 = 0xa5;

pub struct Vm<'i> {
    pub image: &'i Image,
    pub mem: Memory,
    code: std::rc::Rc<[Op]>,
    /// The same code with superinstructions, for runs nobody observes.
    fast: std::rc::Rc<[Op]>,
    /// Text address of each instruction.
    addr_of: Vec<u64>,
    /// Instruction index at each text offset (`NO_INSTR` inside an instruction).
    index_of: Vec<u32>,
    /// Instruction indices where functions start.
    entries: Vec<bool>,
    /// For each instruction, the frame extent of its function (from its `enter`).
    extents: Vec<frame::Extent>,
    pub pc: usize,
    pub fp: u64,
    pub steps: u64,
    max_steps: u64,
    /// While instructions run: the step count at which the run's limit is reached.
    ceiling: u64,
    /// Every heap request goes through here (statistics, recording, dumps).
    pub heap: HeapManager,
    pub io: Io,
    pub target: Target,
    lib: builtins::LibState,
    /// `--check` mode's findings and allocation records.
    pub check: Option<Box<check::CheckState>>,
}

impl<'i> Vm<'i> {
    /// Loads an image: segments into memory, text decoded, `argv` on the stack.
    pub fn new(
        image: &'i Image,
        config: Config,
        heap: Box<dyn Allocator>,
        mut io: Io,
    ) -> Result<Vm<'i>, String> {
        let mut mem = Memory::new(image.layout.clone())?;
        let l = &image.layout;
        mem.load_segment(l.text.start, &image.text);
        mem.load_segment(l.rodata.start, &image.rodata);
        // .data's bytes go to its load address: in place for a process, into FLASH for
        // the embedded layout, whose RAM holds garbage at reset until the startup code
        // copies .data there and zeroes .bss.
        mem.load_segment(l.data_load, &image.data);
        if l.is_embedded() {
            let ram = l.data.start..l.bss.end.max(l.data.end);
            mem.load_segment(
                ram.start,
                &vec![RESET_GARBAGE; (ram.end - ram.start) as usize],
            );
        }
        let (code, addr_of, index_of) = decode_text(&image.text, l.text.start)?;
        let mut entries = vec![false; code.len()];
        let mut extents = vec![frame::Extent::default(); code.len()];
        let index = |addr: u64| {
            index_of
                .get((addr - l.text.start) as usize)
                .copied()
                .unwrap_or(NO_INSTR) as usize
        };
        for f in &image.functions {
            let start = index(f.addr);
            let end = if f.end >= l.text.end {
                code.len()
            } else {
                index(f.end)
            };
            let Some(Op::Enter { n, up }) = code.get(start) else {
                return Err(format!("function {} does not begin with enter", f.name));
            };
            let extent = frame::Extent {
                below: n.0 as u64,
                above: up.0 as u64,
            };
            let body = code
                .get(start..end)
                .ok_or_else(|| format!("function {} has no code", f.name))?;
            frame::verify(body, extent).map_err(|e| format!("in {}: {e}", f.name))?;
            entries[start] = true;
            extents[start..end].fill(extent);
        }
        io.limit = config.max_output;
        let mut vm = Vm {
            image,
            mem,
            fast: fuse::superinstructions(&code).into(),
            code: code.into(),
            addr_of,
            index_of,
            entries,
            extents,
            pc: 0,
            fp: 0,
            steps: 0,
            max_steps: config.max_steps,
            ceiling: 0,
            heap: HeapManager::new(heap),
            io,
            target: config.target,
            lib: builtins::LibState::new(),
            check: None,
        };
        if config.check {
            vm.mem.enable_shadow()?;
            let mut check = Box::<check::CheckState>::default();
            for &(addr, len) in &image.redzones {
                // The startup code writes all of RAM's .data and .bss, red zones too: those
                // are poisoned when `main` is entered.
                if l.is_embedded() && addr >= l.data.start {
                    check.deferred_redzones.push((addr, len));
                } else {
                    vm.mem.poison(addr, len, memory::Poison::GlobalRedzone);
                }
            }
            vm.check = Some(check);
        }
        vm.start(&config.args)?;
        Ok(vm)
    }

    /// Lays out `argv` at the top of the stack, as a process starts, and enters `_start`.
    fn start(&mut self, args: &[String]) -> Result<(), String> {
        let top = self.mem.size();
        // Stack the arguments may take: a page, or less of a small RAM.
        let reserve = if self.mem.layout.is_embedded() {
            256
        } else {
            4096
        };
        let room = top.saturating_sub(self.mem.layout.heap_start + reserve);
        let needed: u64 = args.iter().map(|a| a.len() as u64 + 1 + 8).sum::<u64>() + 64;
        if needed > room {
            return Err("the arguments do not fit in memory".into());
        }
        let mut cursor = top;
        let mut ptrs = Vec::new();
        for a in args {
            let bytes = a.as_bytes();
            cursor -= bytes.len() as u64 + 1;
            let dst = self.mem.bytes_mut();
            dst[cursor as usize..cursor as usize + bytes.len()].copy_from_slice(bytes);
            dst[cursor as usize + bytes.len()] = 0;
            ptrs.push(cursor);
        }
        ptrs.push(0);
        // argv[] holds pointers of the target's size (4 bytes in ILP32).
        let ptr = self.target.ptr_size;
        cursor = (cursor - ptr * ptrs.len() as u64) & !15;
        let argv = cursor;
        for (i, p) in ptrs.iter().enumerate() {
            let at = (argv + ptr * i as u64) as usize;
            self.mem.bytes_mut()[at..at + ptr as usize]
                .copy_from_slice(&p.to_le_bytes()[..ptr as usize]);
        }
        // _start's frame: its outgoing area holds argc and argv for main.
        let fp = argv - 16;
        let out = fp - 16;
        if out < self.mem.layout.heap_start + reserve {
            return Err("the arguments do not fit in memory".into());
        }
        let bytes = self.mem.bytes_mut();
        bytes[out as usize..out as usize + 8].copy_from_slice(&(args.len() as u64).to_le_bytes());
        bytes[out as usize + 8..out as usize + 16].copy_from_slice(&argv.to_le_bytes());
        self.fp = fp;
        self.mem.sp = fp;
        self.pc = self
            .index_at(self.image.entry)
            .ok_or("no code at the entry point")?;
        Ok(())
    }

    /// The instruction index at a text address, if an instruction starts there.
    pub fn index_at(&self, addr: u64) -> Option<usize> {
        let off = addr.checked_sub(self.image.layout.text.start)?;
        match self.index_of.get(off as usize) {
            Some(&i) if i != NO_INSTR => Some(i as usize),
            _ => None,
        }
    }

    pub fn addr_of(&self, index: usize) -> u64 {
        self.addr_of.get(index).copied().unwrap_or(0)
    }

    /// The frame extent of the function an instruction belongs to.
    fn extent_at(&self, index: usize) -> frame::Extent {
        self.extents.get(index).copied().unwrap_or_default()
    }

    /// The decoded instructions (index order).
    pub fn code(&self) -> &[Op] {
        &self.code
    }

    /// Runs until exit, a fault, or an observer pauses.
    pub fn run<O: Observer>(&mut self, obs: &mut O) -> Stop {
        match self.execute(obs) {
            Ok(()) => Stop::Paused,
            Err(Halt::Exit(status)) => {
                self.io.flush_out();
                Stop::Exit(status)
            }
            Err(Halt::Trap(trap)) => {
                self.io.flush_out();
                let segment = trap.address().map(|a| self.mem.segment_of(a));
                let segment = match trap {
                    Trap::StackOverflow { .. } => Some(Segment::Gap),
                    _ => segment,
                };
                Stop::Fault(Fault {
                    segment,
                    backtrace: self.backtrace(),
                    trap,
                })
            }
        }
    }

    /// The chain of frames, innermost first, read from the saved frame pointers and
    /// return addresses in stack memory: the innermost [`BACKTRACE_INNER`] and the
    /// outermost [`BACKTRACE_OUTER`] of them.
    pub fn backtrace(&self) -> Vec<Frame> {
        let mut frames = Vec::new();
        let mut outer = std::collections::VecDeque::new();
        for (depth, (addr, fp)) in self.frame_chain().enumerate() {
            if depth < BACKTRACE_INNER {
                frames.push(self.frame(depth, addr, fp));
            } else {
                if outer.len() == BACKTRACE_OUTER {
                    outer.pop_front();
                }
                outer.push_back((depth, addr, fp));
            }
        }
        frames.extend(outer.into_iter().map(|(d, a, fp)| self.frame(d, a, fp)));
        frames
    }

    /// The innermost `n` frames (cheap however deep the stack).
    pub fn backtrace_upto(&self, n: usize) -> Vec<Frame> {
        self.frame_chain()
            .take(n)
            .enumerate()
            .map(|(depth, (addr, fp))| self.frame(depth, addr, fp))
            .collect()
    }

    /// The frame of the function executing at (or called from) a text address, `depth`
    /// frames out from the innermost.
    fn frame(&self, depth: usize, addr: u64, fp: u64) -> Frame {
        Frame {
            function: self
                .image
                .function_at(addr)
                .map_or_else(String::new, |f| f.name.clone()),
            addr,
            span: self.image.span_at(addr),
            fp,
            depth,
        }
    }

    /// Each frame's text address and frame pointer, innermost first.
    fn frame_chain(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        let mut next = Some((self.addr_of(self.pc), self.fp));
        std::iter::from_fn(move || {
            let (addr, fp) = next.take()?;
            let f = self.image.function_at(addr)?;
            if f.name != "_start" {
                let bytes = self.mem.bytes();
                let read = |a: u64| {
                    bytes
                        .get(a as usize..a as usize + 8)
                        .and_then(|b| b.try_into().ok())
                        .map(u64::from_le_bytes)
                };
                // Frame pointers only grow toward the top of memory, so this ends.
                if let (Some(ret), Some(saved)) = (read(fp + 8), read(fp))
                    && saved > fp
                {
                    // A return address points after the call; show the call's line.
                    next = Some((ret.saturating_sub(1), saved));
                }
            }
            Some((addr, fp))
        })
    }
}

/// Decodes the whole text segment; every instruction must decode and every jump and call
/// must land on an instruction start.
#[allow(clippy::type_complexity)]
fn decode_text(text: &[u8], base: u64) -> Result<(Vec<Op>, Vec<u64>, Vec<u32>), String> {
    let mut code = Vec::new();
    let mut addr_of = Vec::new();
    let mut index_of = vec![NO_INSTR; text.len() + 1];
    let mut pos = 0;
    while pos < text.len() {
        let (op, len) = Op::decode(&text[pos..])
            .filter(|(op, _)| !fuse::is_fused(op))
            .ok_or_else(|| format!("undecodable instruction at {:#x}", base + pos as u64))?;
        index_of[pos] = code.len() as u32;
        addr_of.push(base + pos as u64);
        code.push(op);
        pos += len;
    }
    addr_of.push(base + pos as u64);
    // Running past the last instruction lands on this guard (see `frame::fetch`).
    index_of[pos] = code.len() as u32;
    code.push(Op::Trap {});
    struct ToIndex<'a> {
        index_of: &'a [u32],
        base: u64,
        bad: Option<u64>,
    }
    impl ToIndex<'_> {
        fn map(&mut self, addr: u32) -> u32 {
            let i = (addr as u64)
                .checked_sub(self.base)
                .and_then(|o| self.index_of.get(o as usize).copied())
                .unwrap_or(NO_INSTR);
            if i == NO_INSTR {
                self.bad = Some(addr as u64);
            }
            i
        }
    }
    impl Visitor for ToIndex<'_> {
        fn target(&mut self, t: &mut crate::bytecode::Target) {
            t.0 = self.map(t.0);
        }
        fn func(&mut self, f: &mut crate::bytecode::Func) {
            f.0 = self.map(f.0);
        }
    }
    let mut v = ToIndex {
        index_of: &index_of,
        base,
        bad: None,
    };
    for op in &mut code {
        op.visit(&mut v);
    }
    if let Some(bad) = v.bad {
        return Err(format!(
            "a jump or call to {bad:#x} lands inside an instruction"
        ));
    }
    Ok((code, addr_of, index_of))
}
