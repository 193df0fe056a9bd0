//! `segvm map`: the segment table and every symbol's address.

use super::CompileArgs;
use crate::bytecode::image::SymbolKind;
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
    let runtime: Vec<&str> = image
        .functions
        .iter()
        .filter(|f| f.runtime)
        .map(|f| f.name.as_str())
        .collect();
    for sym in &image.symbols {
        let kind = match &sym.kind {
            SymbolKind::Function => "function".to_string(),
            SymbolKind::Global => "global".to_string(),
            SymbolKind::Static(f) => format!("static in {f}"),
            SymbolKind::StringLiteral => "string literal".to_string(),
            SymbolKind::CompoundLiteral => "compound literal".to_string(),
        };
        let is_runtime = runtime.contains(&sym.name.as_str())
            || sym.name.starts_with("__segvm")
            || ["stdin", "stdout", "stderr", "errno"].contains(&sym.name.as_str())
            || matches!(&sym.kind, SymbolKind::Static(f) if f.starts_with("segvm_") || f.starts_with("__segvm"));
        if is_runtime && !all {
            continue;
        }
        let _ = writeln!(
            s,
            "{:#010x}   {:<8} {:>6}  {:<16} {}",
            sym.addr,
            sym.segment.name(),
            sym.size,
            kind,
            sym.name
        );
    }
    s
}
