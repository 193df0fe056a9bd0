//! Explaining a fault: what happened, where the address lies, which source line, and how
//! the program got there.

use crate::bytecode::image::SymbolKind;
use crate::bytecode::{Image, Segment};
use crate::diagnostics::{Diagnostic, DiagnosticRenderer};
use crate::source::SourceMap;
use crate::vm::{Fault, Stop, Trap, Vm};
use serde_json::{Value, json};

/// Where an address is, in words: its segment and the object in it.
pub fn describe_address(vm: &Vm, addr: u64, sources: &SourceMap) -> String {
    let image = vm.image;
    let seg = vm.mem.segment_of(addr);
    let l = &image.layout;
    // A segment named with its region in the embedded layout: `rodata (FLASH), read-only`.
    let named = |seg: Segment| match l.regions {
        Some(_) => format!("{}, {}", l.label(seg), seg_perms(seg)),
        None => format!("{} ({})", seg.name(), seg_perms(seg)),
    };
    let what = match seg {
        Segment::NullGuard => {
            "the null guard (the first 4 KiB: where null pointers point)".to_string()
        }
        Segment::Gap if l.is_embedded() => {
            "the unmapped gap between the heap and the stack (RAM)".to_string()
        }
        Segment::Gap => "the unmapped gap between the heap and the stack".to_string(),
        Segment::Unmapped => match &l.regions {
            Some(r) if r.flash.contains(&addr) => "FLASH, but no segment (padding)".to_string(),
            Some(r) if r.ram.contains(&addr) => "RAM, but no segment (padding)".to_string(),
            Some(r) => format!(
                "unmapped space: only FLASH ({:#010x}..{:#010x}) and RAM ({:#010x}..{:#010x}) exist",
                r.flash.start, r.flash.end, r.ram.start, r.ram.end
            ),
            None if addr >= vm.mem.size() => format!(
                "no segment: past the end of the {}-byte address space",
                vm.mem.size()
            ),
            None => "no segment (padding between segments)".to_string(),
        },
        // The initial bytes of .data in FLASH: name the object they are copied to.
        Segment::DataImage => {
            let run = addr - l.data_load + l.data.start;
            match image.symbol_at(run) {
                Some(s) => format!(
                    "{}: the initial value of '{}' (copied to {:#x} in RAM at startup)",
                    named(seg),
                    s.name,
                    s.addr
                ),
                None => named(seg),
            }
        }
        Segment::Heap => heap_object(vm, addr, sources),
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
                format!("{}: {at}{what}", named(seg))
            }
            None => match image
                .symbols
                .iter()
                .filter(|s| s.addr + s.size <= addr && s.segment == seg)
                .max_by_key(|s| s.addr + s.size)
            {
                Some(s) => format!(
                    "{}: {} bytes after '{}' ({} bytes)",
                    named(seg),
                    addr - (s.addr + s.size),
                    s.name,
                    s.size
                ),
                None => named(seg),
            },
        },
    };
    format!("address {addr:#x} is in {what}")
}

fn seg_perms(seg: Segment) -> &'static str {
    match seg {
        Segment::Text | Segment::Rodata | Segment::DataImage => "read-only",
        _ => "read-write",
    }
}

/// In `--check` mode the allocation records say the most: which block, where it was
/// allocated, where it was freed.
fn checked_heap_object(vm: &Vm, addr: u64, sources: &SourceMap) -> Option<String> {
    let check = vm.check.as_ref()?;
    let site = |frames: &[crate::vm::Frame]| match frames.first() {
        Some(f) => match f.span {
            Some(span) if span != Default::default() => format!(
                "{} at {}:{}",
                f.function,
                sources.file(span.file).name,
                sources.line_of(span)
            ),
            _ => f.function.clone(),
        },
        None => "?".to_string(),
    };
    // How far `addr` lies outside the block of `size` bytes at `p` (0: inside it).
    let gap = |p: u64, size: u64| -> u64 {
        if addr < p {
            p - addr
        } else {
            addr.saturating_sub((p + size).saturating_sub(1))
        }
    };
    let near = |p: u64, size: u64| -> String {
        if addr < p {
            format!("{} bytes before", p - addr)
        } else if addr >= p + size {
            format!("{} bytes after", addr - (p + size))
        } else {
            format!("{} bytes into", addr - p)
        }
    };
    // The block the address is in or nearest to (within a red zone's reach): a freed one
    // (the most recent first) or one of the live blocks on either side of it.
    let freed = check
        .heap
        .quarantine
        .iter()
        .rev()
        .map(|f| (f.payload, &f.allocation, Some(f)));
    let live = check.heap.live.range(..=addr).next_back().into_iter();
    let live = live.chain(check.heap.live.range(addr + 1..).next());
    let (p, a, freed) = freed
        .chain(live.map(|(p, a)| (*p, a, None)))
        .filter(|(p, a, _)| gap(*p, a.size.max(1)) <= 64)
        .min_by_key(|(p, a, _)| gap(*p, a.size.max(1)))?;
    let allocated = site(&vm.site_frames(&a.site));
    Some(match freed {
        Some(f) => format!(
            "the heap, {} the {}-byte block at {p:#x}, allocated in {allocated} and freed in {}",
            near(p, a.size),
            a.size,
            site(&vm.site_frames(&f.site))
        ),
        None => format!(
            "the heap, {} the {}-byte block at {p:#x} allocated in {allocated}",
            near(p, a.size),
            a.size
        ),
    })
}

fn heap_object(vm: &Vm, addr: u64, sources: &SourceMap) -> String {
    if let Some(s) = checked_heap_object(vm, addr, sources) {
        return s;
    }
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
        Err(crate::vm::alloc::HeapError::Corruption(at, _)) if at == addr => {
            "the heap, in allocator metadata that is broken: the block list cannot be walked past it"
                .to_string()
        }
        Err(e) => format!(
            "the heap (its block list is damaged: {})",
            match e {
                crate::vm::alloc::HeapError::Corruption(at, _) => format!("at {at:#x}"),
                other => other.to_string(),
            }
        ),
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
        // Between variables (a --check red zone): name the nearest one below.
        let below = f
            .slots
            .iter()
            .map(|s| (frame.fp.wrapping_add(s.offset as i64 as u64), s))
            .filter(|(start, s)| *start + s.size as u64 <= addr && addr < frame.fp)
            .max_by_key(|(start, s)| *start + s.size as u64);
        if let Some((start, s)) = below {
            return format!(
                "the stack, {} bytes after '{}' ({}, {} bytes) in the frame of {}",
                addr - (start + s.size as u64),
                s.name,
                s.ty,
                s.size,
                f.name
            );
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

/// Where a report points: the line of the program's own code that was running (a fault
/// or finding inside the runtime's C library points at the program's call).
fn place(vm: &Vm, frames: &[crate::vm::Frame]) -> Option<crate::source::Span> {
    crate::vm::check::program_frame(vm.image, frames).and_then(|f| f.span)
}

/// The whole report, as printed on stderr.
pub fn render(vm: &Vm, fault: &Fault, sources: &SourceMap) -> String {
    let trap = &fault.trap;
    let message = format!("{} [{}]", trap, trap.kind());
    let mut diag = match place(vm, &fault.backtrace) {
        Some(span) => Diagnostic::error(span, message),
        None => Diagnostic::bare(message),
    };
    if let Some(addr) = trap.address()
        && !matches!(trap, Trap::StackOverflow { .. })
    {
        diag = diag.with_note(describe_address(vm, addr, sources), None);
    }
    if let Trap::StackOverflow { .. } = trap {
        let full = match &vm.image.layout.regions {
            Some(r) => format!(" (RAM holds {} bytes in all)", r.ram.end - r.ram.start),
            None => String::new(),
        };
        diag = diag.with_note(
            format!(
                "{} calls deep; the stack would run into the heap{full}",
                fault.backtrace.last().map_or(0, |f| f.depth)
            ),
            None,
        );
    }
    if let Trap::DivisionOverflow { bits, rem } = trap {
        let how = if *rem {
            "x86 computes the remainder together with the quotient, so `%` traps too"
        } else {
            "the quotient does not fit"
        };
        diag = diag.with_note(
            format!(
                "the largest {bits}-bit signed integer is {}: {how}; the processor raises the same signal (SIGFPE) as for a division by zero",
                (1u128 << (bits - 1)) - 1
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
    let shown: Vec<&crate::vm::Frame> = if frames.len() > 12 {
        frames[..6]
            .iter()
            .chain(&frames[frames.len() - 4..])
            .collect()
    } else {
        frames.iter().collect()
    };
    let _ = image;
    for (n, f) in shown.iter().enumerate() {
        let skipped = n
            .checked_sub(1)
            .map_or(0, |p| f.depth.saturating_sub(shown[p].depth + 1));
        if skipped > 0 {
            out.push_str(&format!("  ... {skipped} more frames ...\n"));
        }
        let i = f.depth;
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

/// A frame of a backtrace, as JSON.
fn frame_json(f: &crate::vm::Frame, sources: &SourceMap) -> Value {
    let (file, line) = location(f.span, sources);
    json!({ "function": f.function, "address": f.addr, "file": file, "line": line, "depth": f.depth })
}

fn location(span: Option<crate::source::Span>, sources: &SourceMap) -> (Value, Value) {
    match span {
        Some(s) if s != Default::default() => {
            (json!(sources.file(s.file).name), json!(sources.line_of(s)))
        }
        _ => (Value::Null, Value::Null),
    }
}

/// `--check` findings that did not stop the program, in the order found.
pub fn findings(vm: &Vm, sources: &SourceMap) -> String {
    let Some(check) = &vm.check else {
        return String::new();
    };
    let mut out = String::new();
    for f in &check.findings {
        let message = format!("{} [{}]", f.message, f.kind);
        let diag = match place(vm, &f.backtrace) {
            Some(span) => Diagnostic::warning(span, message),
            None => Diagnostic::bare(message),
        };
        out.push_str(&DiagnosticRenderer::plain(sources).render(&diag));
        out.push_str("\nbacktrace:\n");
        let fault = Fault {
            trap: Trap::Abort,
            segment: None,
            backtrace: f.backtrace.clone(),
        };
        out.push_str(&backtrace(vm.image, &fault, sources));
    }
    out
}

/// Leaked blocks listed one by one (in the text and in JSON); the totals count them all.
const MAX_LEAKS_SHOWN: usize = 100;

/// The leak report at exit: each block nothing points to, with where it was allocated.
pub fn leak_report(leaks: &[crate::vm::check::Leak], sources: &SourceMap) -> String {
    if leaks.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for l in leaks.iter().take(MAX_LEAKS_SHOWN) {
        out.push_str(&format!(
            "leak: {} bytes at {:#x} were never freed [memory-leak]\n  allocated at:\n",
            l.size, l.payload
        ));
        for f in l.site.iter().take(8) {
            match f.span {
                Some(span) if span != Default::default() => out.push_str(&format!(
                    "    {} at {}:{}\n",
                    f.function,
                    sources.file(span.file).name,
                    sources.line_of(span)
                )),
                _ => out.push_str(&format!("    {}\n", f.function)),
            }
        }
    }
    let bytes: u64 = leaks.iter().map(|l| l.size).sum();
    let blocks = leaks.len();
    if blocks > MAX_LEAKS_SHOWN {
        out.push_str(&format!(
            "... and {} more leaked blocks\n",
            blocks - MAX_LEAKS_SHOWN
        ));
    }
    out.push_str(&format!(
        "leak summary: {bytes} bytes in {blocks} block{} definitely lost\n",
        if blocks == 1 { "" } else { "s" }
    ));
    out
}

/// The results of a run, for autograders.
pub fn run_json(
    vm: &Vm,
    stop: &Stop,
    status: i32,
    leaks: &[crate::vm::check::Leak],
    sources: &SourceMap,
) -> Value {
    let fault = match stop {
        Stop::Fault(f) => {
            let (file, line) = location(place(vm, &f.backtrace), sources);
            json!({
                "kind": f.trap.kind(),
                "message": f.trap.to_string(),
                "address": f.trap.address(),
                "segment": f.segment.map(|s| s.name()),
                "explanation": f.trap.address().map(|a| describe_address(vm, a, sources)),
                "file": file,
                "line": line,
                "backtrace": f.backtrace.iter().map(|fr| frame_json(fr, sources)).collect::<Vec<_>>(),
            })
        }
        _ => Value::Null,
    };
    json!({
        "exit_status": status,
        "stdout": String::from_utf8_lossy(&vm.io.stdout),
        "stderr": String::from_utf8_lossy(&vm.io.stderr),
        "steps": vm.steps,
        "fault": fault,
        "errors": vm.check.as_ref().map(|c| c.findings.iter().map(|f| {
            let (file, line) = location(place(vm, &f.backtrace), sources);
            json!({
                "kind": f.kind,
                "message": f.message,
                "file": file,
                "line": line,
                "backtrace": f.backtrace.iter().map(|fr| frame_json(fr, sources)).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>()).unwrap_or_default(),
        "leaks": {
            "bytes": leaks.iter().map(|l| l.size).sum::<u64>(),
            "blocks": leaks.len(),
            "list": leaks.iter().take(MAX_LEAKS_SHOWN).map(|l| json!({
                "address": l.payload,
                "bytes": l.size,
                "allocated": l.site.iter().map(|fr| frame_json(fr, sources)).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
    })
}

/// A compilation that failed, for autograders.
pub fn compile_errors_json(c: &crate::driver::Compilation) -> Value {
    let errors: Vec<Value> = c
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let (file, line) = location(d.span, &c.sources);
            let column = d.span.map(|s| c.sources.file(s.file).line_col(s.lo).1);
            json!({ "kind": "compile-error", "message": d.message, "file": file, "line": line, "column": column })
        })
        .collect();
    json!({
        "exit_status": 1,
        "stdout": "",
        "stderr": DiagnosticRenderer::plain(&c.sources).render_all(&c.diagnostics),
        "steps": 0,
        "fault": Value::Null,
        "errors": errors,
        "leaks": { "bytes": 0, "blocks": 0 },
    })
}
