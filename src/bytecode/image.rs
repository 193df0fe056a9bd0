//! The executable image: segment contents, the memory layout, and the tables (functions,
//! symbols, lines) that let tools explain an address.

use crate::source::Span;
use std::ops::Range;

pub const PAGE: u64 = 4096;

/// Where FLASH begins in the embedded layout (as on many 32-bit microcontrollers).
pub const FLASH_BASE: u64 = 0x0800_0000;
/// Where RAM begins in the embedded layout.
pub const RAM_BASE: u64 = 0x2000_0000;

/// The address space a program is linked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemoryModel {
    /// A process: one space of `mem_size` bytes from address 0, the loader puts every
    /// segment in place.
    Process { mem_size: u64 },
    /// A microcontroller: FLASH (text, rodata, the load image of .data) at [`FLASH_BASE`],
    /// RAM (.data, .bss, heap, stack) at [`RAM_BASE`]; nothing mapped between them.
    Embedded { flash_size: u64, ram_size: u64 },
}

impl Default for MemoryModel {
    fn default() -> MemoryModel {
        MemoryModel::Process { mem_size: 16 << 20 }
    }
}

/// A memory region of the embedded layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Region {
    Flash,
    Ram,
}

impl Region {
    pub fn name(self) -> &'static str {
        match self {
            Region::Flash => "FLASH",
            Region::Ram => "RAM",
        }
    }
}

/// Where each segment lies in the address space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub text: Range<u64>,
    pub rodata: Range<u64>,
    /// Where .data runs (its VMA).
    pub data: Range<u64>,
    pub bss: Range<u64>,
    /// The first heap address; the break starts here.
    pub heap_start: u64,
    /// The end of the mapped space; the stack starts here and grows down.
    pub mem_size: u64,
    /// Where .data's initial bytes are stored (its LMA). In the process layout the same
    /// as `data.start`: the loader puts the bytes in place. In the embedded layout an
    /// address in FLASH, from where the startup code copies them into RAM.
    pub data_load: u64,
    /// The embedded layout's FLASH and RAM; `None` for a process.
    pub regions: Option<Regions>,
}

/// The embedded layout's startup code (in the runtime): copies .data from FLASH to RAM
/// and zeroes .bss before `main` runs. It is shown as part of the program, as the startup
/// code of a firmware image is.
pub const STARTUP: &str = "Reset_Handler";

/// Names the linker defines, as a linker script does: the startup code finds the
/// segments through them. Only their addresses mean something.
pub const LINKER_SYMBOLS: [&str; 5] = [
    "__data_load",
    "__data_start",
    "__data_end",
    "__bss_start",
    "__bss_end",
];

/// The two regions of the embedded layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regions {
    pub flash: Range<u64>,
    pub ram: Range<u64>,
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
    /// Embedded layout: the initial bytes of .data, kept in FLASH for the startup code.
    DataImage,
}

impl Segment {
    /// In the order `__segvm_segment_id` numbers them (the runtime's table follows it).
    pub const ALL: [Segment; 10] = [
        Segment::NullGuard,
        Segment::Text,
        Segment::Rodata,
        Segment::Data,
        Segment::Bss,
        Segment::Heap,
        Segment::Gap,
        Segment::Stack,
        Segment::Unmapped,
        Segment::DataImage,
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
            Segment::DataImage => "data load image",
        }
    }

    /// The region a segment lives in, in the embedded layout.
    pub fn region(self) -> Option<Region> {
        match self {
            Segment::Text | Segment::Rodata | Segment::DataImage => Some(Region::Flash),
            Segment::Data | Segment::Bss | Segment::Heap | Segment::Gap | Segment::Stack => {
                Some(Region::Ram)
            }
            Segment::NullGuard | Segment::Unmapped => None,
        }
    }

    /// Permissions as `rwx` letters.
    pub fn perms(self) -> &'static str {
        match self {
            Segment::Text => "r-x",
            Segment::Rodata | Segment::DataImage => "r--",
            Segment::Data | Segment::Bss | Segment::Heap | Segment::Stack => "rw-",
            _ => "---",
        }
    }
}

impl Layout {
    /// The embedded layout (FLASH and RAM) rather than a process.
    pub fn is_embedded(&self) -> bool {
        self.regions.is_some()
    }

    /// Where .data's initial bytes lie in FLASH (embedded layout; empty for a process).
    pub fn data_image(&self) -> Range<u64> {
        if self.is_embedded() {
            self.data_load..self.data_load + (self.data.end - self.data.start)
        } else {
            self.data_load..self.data_load
        }
    }

    /// The address a linker-defined name stands for.
    pub fn linker_symbol(&self, name: &str) -> Option<u64> {
        Some(match name {
            "__data_load" => self.data_load,
            "__data_start" => self.data.start,
            "__data_end" => self.data.end,
            "__bss_start" => self.bss.start,
            "__bss_end" => self.bss.end,
            _ => return None,
        })
    }

    /// A segment's name for messages: in the embedded layout with its region, as
    /// `rodata (FLASH)` or `stack (RAM)`.
    pub fn label(&self, seg: Segment) -> String {
        match seg.region() {
            Some(r) if self.is_embedded() => format!("{} ({})", seg.name(), r.name()),
            _ => seg.name().to_string(),
        }
    }

    /// The segments in address order, with the current break and stack pointer: the
    /// segment, its start and its end.
    pub fn segments(&self, brk: u64, sp: u64) -> Vec<(Segment, u64, u64)> {
        let mut v = vec![
            (Segment::NullGuard, 0, PAGE),
            (Segment::Text, self.text.start, self.text.end),
            (Segment::Rodata, self.rodata.start, self.rodata.end),
        ];
        if self.is_embedded() {
            let image = self.data_image();
            v.push((Segment::DataImage, image.start, image.end));
        }
        v.extend([
            (Segment::Data, self.data.start, self.data.end),
            (Segment::Bss, self.bss.start, self.bss.end),
            (Segment::Heap, self.heap_start, brk),
            (Segment::Gap, brk, sp),
            (Segment::Stack, sp, self.mem_size),
        ]);
        v
    }

    /// The segment an address falls in, given the current break and stack pointer.
    pub fn segment_of(&self, addr: u64, brk: u64, sp: u64) -> Segment {
        let within = |r: &Range<u64>| r.contains(&addr);
        if addr < PAGE {
            Segment::NullGuard
        } else if within(&self.text) {
            Segment::Text
        } else if within(&self.rodata) {
            Segment::Rodata
        } else if within(&self.data_image()) {
            Segment::DataImage
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

impl FunctionInfo {
    /// Shown by the tools without `--all`: the program's own functions, `_start`, and the
    /// embedded startup code.
    pub fn shown(&self) -> bool {
        !self.runtime || self.name == "_start" || self.name == STARTUP
    }
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
