//! `segvm map`: the segment table and every symbol's address.

use super::CompileArgs;
use crate::bytecode::image::{Symbol, SymbolKind};
use crate::bytecode::{Image, Segment};
use crate::driver::Phase;
use clap::Args;
use std::fmt::Write;

#[derive(Args)]
pub struct MapArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Also list the runtime's symbols
    #[arg(long)]
    pub all: bool,
}

pub fn map(a: MapArgs) -> i32 {
    let c = match a.compile.compile(Phase::Link) {
        Ok(c) => c,
        Err(status) => return status,
    };
    let Some(image) = &c.image else { return 1 };
    print!("{}", render(image, a.all));
    0
}

/// The map as text.
pub fn render(image: &crate::bytecode::Image, all: bool) -> String {
    if image.layout.is_embedded() {
        return render_embedded(image, all);
    }
    let l = &image.layout;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<11} {:>10}  {:>10}  {:>9}  perms",
        "segment", "start", "end", "size"
    );
    let mut row = |name: &str, start: u64, end: u64, perms: &str, note: &str| {
        let _ = writeln!(
            s,
            "{name:<11} {start:#010x}  {end:#010x}  {:>9}  {perms}  {note}",
            end - start
        );
    };
    row(
        "null guard",
        0,
        l.text.start,
        "---",
        "any access is a null-pointer fault",
    );
    row("text", l.text.start, l.text.end, "r-x", "bytecode");
    row(
        "rodata",
        l.rodata.start,
        l.rodata.end,
        "r--",
        "string literals, const objects",
    );
    row(
        "data",
        l.data.start,
        l.data.end,
        "rw-",
        "initialized globals and statics",
    );
    row(
        "bss",
        l.bss.start,
        l.bss.end,
        "rw-",
        "zero-initialized globals and statics",
    );
    row(
        "heap",
        l.heap_start,
        l.heap_start,
        "rw-",
        "grows up from here (the break)",
    );
    row(
        "gap",
        l.heap_start,
        l.mem_size,
        "---",
        "unmapped: the heap and the stack grow into it",
    );
    row(
        "stack",
        l.mem_size,
        l.mem_size,
        "rw-",
        "grows down from the top",
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<12} {:<8} {:>6}  {:<16} name",
        "address", "segment", "size", "kind"
    );
    for sym in shown_symbols(image, all) {
        let _ = writeln!(
            s,
            "{:#010x}   {:<8} {:>6}  {:<16} {}",
            sym.addr,
            sym.segment.name(),
            sym.size,
            kind_of(sym),
            sym.name
        );
    }
    s
}

fn kind_of(sym: &Symbol) -> String {
    match &sym.kind {
        SymbolKind::Function => "function".to_string(),
        SymbolKind::Global => "global".to_string(),
        SymbolKind::Static(f) => format!("static in {f}"),
        SymbolKind::StringLiteral => "string literal".to_string(),
        SymbolKind::CompoundLiteral => "compound literal".to_string(),
    }
}

/// The symbols a map lists: the program's own, or with `all` the runtime's too.
fn shown_symbols(image: &Image, all: bool) -> impl Iterator<Item = &Symbol> {
    let runtime: Vec<&str> = image
        .functions
        .iter()
        // The embedded startup code is listed: it takes FLASH like the program's own.
        .filter(|f| f.runtime && f.name != crate::bytecode::image::STARTUP)
        .map(|f| f.name.as_str())
        .collect();
    image.symbols.iter().filter(move |sym| {
        let is_runtime = runtime.contains(&sym.name.as_str())
            || sym.name.starts_with("__segvm")
            || ["stdin", "stdout", "stderr", "errno"].contains(&sym.name.as_str())
            || matches!(&sym.kind, SymbolKind::Static(f) if f.starts_with("segvm_") || f.starts_with("__segvm"));
        all || !is_runtime
    })
}

/// What a symbol costs: bytes of FLASH and bytes of RAM. Code and constants live in
/// FLASH only, zeroed objects in RAM only; an initialized object needs both, its initial
/// value in FLASH and the object itself in RAM.
fn cost(sym: &Symbol) -> (u64, u64) {
    match sym.segment {
        Segment::Text | Segment::Rodata => (sym.size, 0),
        Segment::Data => (sym.size, sym.size),
        _ => (0, sym.size),
    }
}

fn percent(part: u64, whole: u64) -> String {
    format!("{:.1}%", part as f64 * 100.0 / whole.max(1) as f64)
}

/// The embedded layout's map, as a linker map and `size` show it: the regions, every
/// segment's run address (VMA) and load address (LMA), the linker-defined symbols, each
/// symbol's FLASH and RAM cost, and the totals.
fn render_embedded(image: &Image, all: bool) -> String {
    let l = &image.layout;
    let Some(regions) = &l.regions else {
        return String::new();
    };
    let mut s = String::new();
    let flash_size = regions.flash.end - regions.flash.start;
    let ram_size = regions.ram.end - regions.ram.start;
    let image_range = l.data_image();
    let flash_used = image_range.end.max(l.rodata.end) - regions.flash.start;
    let ram_used = l.bss.end.max(l.data.end) - regions.ram.start;
    let _ = writeln!(s, "memory regions");
    let _ = writeln!(
        s,
        "{:<6} {:>10}  {:>9}  {:>9}  {:>6}  holds",
        "region", "origin", "length", "used", "used%"
    );
    let _ = writeln!(
        s,
        "{:<6} {:#010x}  {flash_size:>9}  {flash_used:>9}  {:>6}  text, rodata, the initial values of .data (r-x, read-only)",
        "FLASH",
        regions.flash.start,
        percent(flash_used, flash_size)
    );
    let _ = writeln!(
        s,
        "{:<6} {:#010x}  {ram_size:>9}  {ram_used:>9}  {:>6}  data, bss, then the heap grows up and the stack down (rw-)",
        "RAM",
        regions.ram.start,
        percent(ram_used, ram_size)
    );
    let _ = writeln!(
        s,
        "outside them nothing is mapped; below {:#x} is the null guard",
        crate::bytecode::image::PAGE
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<8} {:<6} {:>10}  {:>10}  {:>9}  perms  note",
        "segment", "region", "VMA (run)", "LMA (load)", "size"
    );
    let mut row = |name: &str,
                   region: &str,
                   vma: u64,
                   lma: Option<u64>,
                   size: u64,
                   perms: &str,
                   note: &str| {
        let lma = lma.map_or("-".to_string(), |a| format!("{a:#010x}"));
        let _ = writeln!(
            s,
            "{name:<8} {region:<6} {vma:#010x}  {lma:>10}  {size:>9}  {perms}    {note}"
        );
    };
    let size = |r: &std::ops::Range<u64>| r.end - r.start;
    row(
        "text",
        "FLASH",
        l.text.start,
        Some(l.text.start),
        size(&l.text),
        "r-x",
        "bytecode; _start calls Reset_Handler, then main",
    );
    row(
        "rodata",
        "FLASH",
        l.rodata.start,
        Some(l.rodata.start),
        size(&l.rodata),
        "r--",
        "string literals, const objects: they stay in FLASH",
    );
    row(
        "data",
        "RAM",
        l.data.start,
        Some(l.data_load),
        size(&l.data),
        "rw-",
        "initialized globals: loaded in FLASH, copied to RAM by Reset_Handler",
    );
    row(
        "bss",
        "RAM",
        l.bss.start,
        None,
        size(&l.bss),
        "rw-",
        "zero-initialized globals: zeroed by Reset_Handler",
    );
    row(
        "heap",
        "RAM",
        l.heap_start,
        None,
        0,
        "rw-",
        "grows up from here (the break)",
    );
    row(
        "stack",
        "RAM",
        l.mem_size,
        None,
        0,
        "rw-",
        "grows down from the top of RAM",
    );
    let _ = writeln!(s);
    let _ = writeln!(s, "linker symbols (addresses only, used by Reset_Handler)");
    for name in crate::bytecode::image::LINKER_SYMBOLS {
        if let Some(a) = l.linker_symbol(name) {
            let _ = writeln!(s, "  {name:<13} {a:#010x}");
        }
    }
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<12} {:<8} {:>6}  {:>6}  {:>6}  {:<16} name",
        "address", "segment", "size", "flash", "ram", "kind"
    );
    for sym in shown_symbols(image, all) {
        let (flash, ram) = cost(sym);
        let _ = writeln!(
            s,
            "{:#010x}   {:<8} {:>6}  {flash:>6}  {ram:>6}  {:<16} {}",
            sym.addr,
            sym.segment.name(),
            sym.size,
            kind_of(sym),
            sym.name
        );
    }
    // The totals, as `size` prints them (its text counts rodata too).
    let text = size(&l.text) + size(&l.rodata);
    let (data, bss) = (size(&l.data), size(&l.bss));
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:>8} {:>8} {:>8} {:>8} {:>8}",
        "text", "data", "bss", "dec", "hex"
    );
    let _ = writeln!(
        s,
        "{text:>8} {data:>8} {bss:>8} {:>8} {:>8x}",
        text + data + bss,
        text + data + bss
    );
    let _ = writeln!(
        s,
        "FLASH used: {flash_used} of {flash_size} bytes ({}): text + rodata + .data image, with alignment",
        percent(flash_used, flash_size)
    );
    let _ = writeln!(
        s,
        "RAM used:   {ram_used} of {ram_size} bytes ({}) by data + bss; the heap and the stack share the other {}",
        percent(ram_used, ram_size),
        ram_size - ram_used
    );
    s
}
