//! The executable image: segment contents, the memory layout, and the tables (functions,
//! symbols, lines) that let tools explain an address.

use crate::source::Span;
use std::ops::Range;

pub const PAGE: u64 = 4096;

/// Where each segment lies in the address space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub text: Range<u64>,
    pub rodata: Range<u64>,
    pub data: Range<u64>,
    pub bss: Range<u64>,
    /// The first heap address; the break starts here.
    pub heap_start: u64,
    /// The size of the whole address space; the stack starts here and grows down.
    pub mem_size: u64,
}

/// The segments of the address space, and the holes between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Segment {
    NullGuard,
    Text,
    Rodata,
    Data,
    Bss,
    Heap,
    /// Between the break and the stack pointer.
    Gap,
    Stack,
    /// Padding between segments, or past the end of the space.
    Unmapped,
}

impl Segment {
    /// In the order `__segvm_segment_id` numbers them (the runtime's table follows it).
    pub const ALL: [Segment; 9] = [
        Segment::NullGuard,
        Segment::Text,
        Segment::Rodata,
        Segment::Data,
        Segment::Bss,
        Segment::Heap,
        Segment::Gap,
        Segment::Stack,
        Segment::Unmapped,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Segment::NullGuard => "null guard",
            Segment::Text => "text",
            Segment::Rodata => "rodata",
            Segment::Data => "data",
            Segment::Bss => "bss",
            Segment::Heap => "heap",
            Segment::Gap => "gap between heap and stack",
            Segment::Stack => "stack",
            Segment::Unmapped => "unmapped",
        }
    }

    /// Permissions as `rwx` letters.
    pub fn perms(self) -> &'static str {
        match self {
            Segment::Text => "r-x",
            Segment::Rodata => "r--",
            Segment::Data | Segment::Bss | Segment::Heap | Segment::Stack => "rw-",
            _ => "---",
        }
    }
}

impl Layout {
    /// The segment an address falls in, given the current break and stack pointer.
    pub fn segment_of(&self, addr: u64, brk: u64, sp: u64) -> Segment {
        let within = |r: &Range<u64>| r.contains(&addr);
        if addr < PAGE {
            Segment::NullGuard
        } else if within(&self.text) {
            Segment::Text
        } else if within(&self.rodata) {
            Segment::Rodata
        } else if within(&self.data) {
            Segment::Data
        } else if within(&self.bss) {
            Segment::Bss
        } else if addr >= self.heap_start && addr < brk {
            Segment::Heap
        } else if addr >= brk && addr < sp && addr >= self.heap_start {
            Segment::Gap
        } else if addr >= sp && addr < self.mem_size {
            Segment::Stack
        } else {
            Segment::Unmapped
        }
    }
}

/// A local variable or parameter: where it lives in its frame.
#[derive(Clone, Debug)]
pub struct SlotInfo {
    pub name: String,
    /// Offset from the frame pointer.
    pub offset: i32,
    pub size: u32,
    /// The C type as written for students (`int *`, `char[16]`).
    pub ty: String,
    pub is_param: bool,
    /// The source lines where this variable is in scope.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct FunctionInfo {
    pub name: String,
    /// Text address of the first instruction, and one past the last.
    pub addr: u64,
    pub end: u64,
    pub frame_size: u32,
    /// Bytes of the caller's argument area the parameters use.
    pub arg_bytes: u32,
    pub span: Span,
    /// Part of segvm's runtime rather than the user's program.
    pub runtime: bool,
    pub slots: Vec<SlotInfo>,
    /// `--check` builds: the red zones between locals (offset from fp, length).
    pub redzones: Vec<(i32, u32)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Function,
    Global,
    /// A static local of the named function.
    Static(String),
    StringLiteral,
    CompoundLiteral,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub kind: SymbolKind,
    pub addr: u64,
    pub size: u64,
    pub segment: Segment,
}

/// A compiled program, ready to load.
#[derive(Clone, Debug)]
pub struct Image {
    pub layout: Layout,
    pub text: Vec<u8>,
    pub rodata: Vec<u8>,
    pub data: Vec<u8>,
    /// Text address of `_start`, which calls `main` and exits.
    pub entry: u64,
    pub functions: Vec<FunctionInfo>,
    pub symbols: Vec<Symbol>,
    /// For every instruction (by text address, ascending): the source it came from.
    pub lines: Vec<(u64, Span)>,
    /// `--check` builds: the red zones between globals (address, length).
    pub redzones: Vec<(u64, u64)>,
}

impl Image {
    /// The function whose code contains a text address.
    pub fn function_at(&self, addr: u64) -> Option<&FunctionInfo> {
        let i = self.functions.partition_point(|f| f.addr <= addr);
        self.functions
            .get(i.checked_sub(1)?)
            .filter(|f| addr < f.end)
    }

    /// The source span of the instruction at a text address.
    pub fn span_at(&self, addr: u64) -> Option<Span> {
        let i = self.lines.partition_point(|(a, _)| *a <= addr);
        self.lines.get(i.checked_sub(1)?).map(|(_, s)| *s)
    }

    /// The symbol (object or function) containing an address.
    pub fn symbol_at(&self, addr: u64) -> Option<&Symbol> {
        self.symbols
            .iter()
            .find(|s| addr >= s.addr && addr < s.addr + s.size.max(1))
    }
}
