//! The disassembler: each instruction with its text address, mnemonic and operands;
//! jump targets and callees resolved to names; frame slots named after the variables
//! that live there; source lines interleaved.

use super::image::{FunctionInfo, Image};
use super::{Lib, Op, Operand};
use crate::source::SourceMap;
use std::fmt::Write;

/// Disassembles the whole text segment (the runtime's functions only with `all`).
pub fn render(image: &Image, sources: Option<&SourceMap>, all: bool) -> String {
    let mut out = String::new();
    let mut pos = 0usize;
    let base = image.layout.text.start;
    let mut last_line = None;
    let mut current: Option<&FunctionInfo> = None;
    while pos < image.text.len() {
        let addr = base + pos as u64;
        let Some((op, len)) = Op::decode(&image.text[pos..]) else {
            let _ = writeln!(
                out,
                "  {addr:#07x}  (undecodable byte {:#04x})",
                image.text[pos]
            );
            pos += 1;
            continue;
        };
        pos += len;
        let func = image.function_at(addr);
        if let Some(f) = func
            && current.is_none_or(|c| c.addr != f.addr)
        {
            current = Some(f);
            last_line = None;
            if all || f.shown() {
                let _ = writeln!(out, "\n{}:  frame {} bytes", f.name, f.frame_size);
            }
        }
        if current.is_some_and(|f| !f.shown()) && !all {
            continue;
        }
        if let (Some(sources), Some(span)) = (sources, image.span_at(addr))
            && span != Default::default()
        {
            let file = sources.file(span.file);
            let (line, _) = file.line_col(span.lo);
            if last_line != Some((span.file, line)) {
                last_line = Some((span.file, line));
                let _ = writeln!(
                    out,
                    "  ; {}:{line}: {}",
                    file.name,
                    file.line_text(line).trim()
                );
            }
        }
        let _ = writeln!(out, "  {addr:#07x}  {}", instruction(image, func, &op));
    }
    out
}

/// One instruction as text: mnemonic and operands.
pub fn instruction(image: &Image, func: Option<&FunctionInfo>, op: &Op) -> String {
    let operands: Vec<String> = op
        .operands()
        .iter()
        .map(|o| operand(image, func, *o))
        .collect();
    format!("{:<9} {}", op.mnemonic(), operands.join(", "))
        .trim_end()
        .to_string()
}

fn operand(image: &Image, func: Option<&FunctionInfo>, o: Operand) -> String {
    match o {
        Operand::Slot(s) => {
            let name = func.and_then(|f| {
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
            let at = if s.0 < 0 {
                format!("fp-{}", -(s.0 as i64))
            } else {
                format!("fp+{}", s.0)
            };
            match name {
                Some(n) => format!("[{at} {n}]"),
                None => format!("[{at}]"),
            }
        }
        Operand::Imm(i) => i.0.to_string(),
        Operand::Imm64(i) => {
            if i.0 > 0xffff_ffff {
                format!("{:#x}", i.0)
            } else {
                i.0.to_string()
            }
        }
        Operand::Target(t) => format!("{:#x}", t.0),
        Operand::Func(f) => match image.function_at(f.0 as u64) {
            Some(info) => format!("{:#x} <{}>", f.0, info.name),
            None => format!("{:#x}", f.0),
        },
        Operand::Addr(a) => match image.symbol_at(a.0 as u64) {
            Some(s) if s.addr == a.0 as u64 => format!("{:#x} <{}>", a.0, s.name),
            Some(s) => format!("{:#x} <{}+{}>", a.0, s.name, a.0 as u64 - s.addr),
            None => format!("{:#x}", a.0),
        },
        Operand::Builtin(b) => match Lib::from_id(b.0) {
            Some(l) => format!("<{}>", l.name()),
            None => format!("<library #{}>", b.0),
        },
        Operand::Size(n) => n.0.to_string(),
        Operand::Small(n) => n.0.to_string(),
        Operand::NearSlot(s) => format!("[fp{:+}]", s.0),
        Operand::Scale(n) => n.0.to_string(),
    }
}
