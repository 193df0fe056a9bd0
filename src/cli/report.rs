//! Explaining a fault: what happened, where the address lies, which source line, and how
//! the program got there.

use crate::bytecode::image::SymbolKind;
use crate::bytecode::{Image, Segment};
use crate::diagnostics::{Diagnostic, DiagnosticRenderer};
use crate::source::SourceMap;
use crate::vm::{Fault, Trap, Vm};

/// Where an address is, in words: its segment and the object in it.
pub fn describe_address(vm: &Vm, addr: u64) -> String {
    let image = vm.image;
    let seg = vm.mem.segment_of(addr);
    let what = match seg {
        Segment::NullGuard => {
            "the null guard (the first 4 KiB: where null pointers point)".to_string()
        }
        Segment::Gap => "the unmapped gap between the heap and the stack".to_string(),
        Segment::Unmapped if addr >= vm.mem.size() => format!(
            "no segment: past the end of the {}-byte address space",
            vm.mem.size()
        ),
        Segment::Unmapped => "no segment (padding between segments)".to_string(),
        Segment::Heap => heap_object(vm, addr),
        Segment::Stack => stack_object(vm, addr),
        _ => match image.symbol_at(addr) {
            Some(s) => {
                let what = match &s.kind {
                    SymbolKind::Function => format!("the code of {}", s.name),
                    SymbolKind::StringLiteral => format!("the string literal {}", s.name),
                    SymbolKind::Global => format!("the global '{}'", s.name),
                    SymbolKind::Static(f) => format!("the static '{}' of {f}", s.name),
                    SymbolKind::CompoundLiteral => "a compound literal".to_string(),
                };
                let at = if addr == s.addr {
                    String::new()
                } else {
                    format!("byte {} of ", addr - s.addr)
                };
                format!("{} ({}): {at}{what}", seg.name(), seg_perms(seg))
            }
            None => format!("{} ({})", seg.name(), seg_perms(seg)),
        },
    };
    format!("address {addr:#x} is in {what}")
}

fn seg_perms(seg: Segment) -> &'static str {
    match seg {
        Segment::Text | Segment::Rodata => "read-only",
        _ => "read-write",
    }
}

fn heap_object(vm: &Vm, addr: u64) -> String {
    let heap = crate::vm::alloc::HeapView::new(&vm.mem);
    match vm.heap.walk(&heap) {
        Ok(blocks) => match blocks
            .iter()
            .find(|b| addr >= b.addr && addr < b.addr + b.size)
        {
            Some(b) if addr >= b.payload && addr < b.payload + b.payload_size => format!(
                "the heap, {} bytes into the {} block at {:#x} ({} bytes)",
                addr - b.payload,
                if b.allocated { "allocated" } else { "free" },
                b.payload,
                b.payload_size
            ),
            Some(b) => format!("the heap, in the metadata of the block at {:#x}", b.payload),
            None => "the heap".to_string(),
        },
        Err(_) => "the heap (its block list is damaged)".to_string(),
    }
}

fn stack_object(vm: &Vm, addr: u64) -> String {
    for frame in vm.backtrace() {
        let Some(f) = vm.image.function_at(frame.addr) else {
            continue;
        };
        for s in &f.slots {
            let start = frame.fp.wrapping_add(s.offset as i64 as u64);
            if addr >= start && addr < start + s.size as u64 {
                return format!(
                    "the stack, {} bytes into '{}' of {}",
                    addr - start,
                    s.name,
                    f.name
                );
            }
        }
        if addr >= frame.fp && addr < frame.fp + 16 {
            let what = if addr >= frame.fp + 8 {
                "return address"
            } else {
                "saved frame pointer"
            };
            return format!("the stack, in the {what} of {}'s frame", f.name);
        }
    }
    "the stack".to_string()
}

/// The whole report, as printed on stderr.
pub fn render(vm: &Vm, fault: &Fault, sources: &SourceMap) -> String {
    let trap = &fault.trap;
    let message = format!("{} [{}]", trap, trap.kind());
    let mut diag = match fault.backtrace.first().and_then(|f| f.span) {
        Some(span) => Diagnostic::error(span, message),
        None => Diagnostic::bare(message),
    };
    if let Some(addr) = trap.address()
        && !matches!(trap, Trap::StackOverflow { .. })
    {
        diag = diag.with_note(describe_address(vm, addr), None);
    }
    if let Trap::StackOverflow { .. } = trap {
        diag = diag.with_note(
            format!(
                "{} calls deep; the stack met the heap",
                fault.backtrace.len().saturating_sub(1)
            ),
            None,
        );
    }
    let mut out = DiagnosticRenderer::plain(sources).render(&diag);
    out.push_str("\nbacktrace:\n");
    out.push_str(&backtrace(vm.image, fault, sources));
    out
}

pub fn backtrace(image: &Image, fault: &Fault, sources: &SourceMap) -> String {
    let mut out = String::new();
    let frames = &fault.backtrace;
    // A deep recursion shows its first and last frames.
    let shown: Vec<usize> = if frames.len() > 12 {
        (0..6).chain(frames.len() - 4..frames.len()).collect()
    } else {
        (0..frames.len()).collect()
    };
    let _ = image;
    for (n, &i) in shown.iter().enumerate() {
        if n > 0 && i != shown[n - 1] + 1 {
            out.push_str(&format!("  ... {} more frames ...\n", i - shown[n - 1] - 1));
        }
        let f = &frames[i];
        match f.span {
            Some(span) if span != Default::default() => {
                let line = sources.line_of(span);
                let file = &sources.file(span.file).name;
                out.push_str(&format!(
                    "  #{i} {:#x} in {} at {file}:{line}\n",
                    f.addr, f.function
                ));
            }
            _ => out.push_str(&format!("  #{i} {:#x} in {}\n", f.addr, f.function)),
        }
    }
    out
}
