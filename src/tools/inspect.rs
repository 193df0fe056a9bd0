//! Looking into a paused program: frames with every slot typed, values printed as C
//! spells them, the heap's blocks, the segments, and what an address points at.
//!
//! The image knows where every variable lives (frame offsets, symbol addresses); the
//! checked program knows their C types. [`DebugInfo`] joins the two once, so the
//! debugger, the tracer and the visualiser all explain memory the same way.

use crate::bytecode::image::{FunctionInfo, SymbolKind};
use crate::bytecode::{Image, Segment};
use crate::frontend::typed::{GlobalKind, Program, Stmt, StmtKind};
use crate::frontend::types::{FloatKind, IntKind, Type, TypeKind, Types};
use crate::source::{SourceMap, Span};
use crate::vm::Vm;
use crate::vm::alloc::{Block, HeapView};
use std::collections::HashMap;

/// A variable of a function: a parameter or a local, at a fixed offset from the frame
/// pointer, with the part of the source where its name is in scope.
#[derive(Clone, Debug)]
pub struct Var {
    pub name: String,
    pub ty: Type,
    pub offset: i32,
    pub size: u64,
    pub is_param: bool,
    /// Byte range of the source (in the function's file) where the name is visible.
    pub scope: (u32, u32),
}

/// A global or static object with its address.
#[derive(Clone, Debug)]
pub struct GlobalVar {
    pub name: String,
    /// `Some(f)` for a static local of `f`.
    pub owner: Option<String>,
    pub ty: Type,
    pub addr: u64,
    pub size: u64,
    pub segment: Segment,
    /// Part of segvm's C runtime rather than the user's program.
    pub runtime: bool,
}

/// The debugging information of one compiled program.
pub struct DebugInfo<'a> {
    pub image: &'a Image,
    pub program: &'a Program,
    pub sources: &'a SourceMap,
    /// Typed variables of each function, by the function's text address.
    vars: HashMap<u64, Vec<Var>>,
    pub globals: Vec<GlobalVar>,
}

/// One frame of the call stack, with its header and variables.
#[derive(Clone, Debug)]
pub struct FrameView<'a> {
    pub depth: usize,
    pub function: &'a FunctionInfo,
    pub fp: u64,
    /// The text address executing (innermost frame) or to return to (callers).
    pub pc: u64,
    pub line: Option<u32>,
    pub return_address: u64,
    pub saved_fp: u64,
    pub vars: &'a [Var],
}

/// One row of a frame's layout, from the top of the frame (high addresses) down.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameRow {
    Var(usize),
    ReturnAddress,
    SavedFp,
    /// Bytes no variable names: temporaries and the outgoing argument area.
    Scratch {
        offset: i32,
        size: u64,
    },
}

impl<'a> DebugInfo<'a> {
    pub fn new(image: &'a Image, program: &'a Program, sources: &'a SourceMap) -> Self {
        let mut vars = HashMap::new();
        for f in &image.functions {
            vars.insert(f.addr, typed_slots(program, sources, f));
        }
        let mut globals = Vec::new();
        for s in &image.symbols {
            let owner = match &s.kind {
                SymbolKind::Global => None,
                SymbolKind::Static(f) => Some(f.clone()),
                _ => continue,
            };
            let g = program.globals.iter().find(|g| {
                *g.name == *s.name
                    && g.defined
                    && match (&g.kind, &owner) {
                        (GlobalKind::File, None) => true,
                        (GlobalKind::StaticLocal(f), Some(o)) => **f == **o,
                        _ => false,
                    }
            });
            let Some(g) = g else { continue };
            let runtime = g.runtime
                || s.name.starts_with("__segvm")
                || owner
                    .as_deref()
                    .is_some_and(|o| image.functions.iter().any(|f| f.name == o && f.runtime));
            globals.push(GlobalVar {
                name: s.name.clone(),
                owner,
                ty: g.ty.clone(),
                addr: s.addr,
                size: s.size,
                segment: s.segment,
                runtime,
            });
        }
        DebugInfo {
            image,
            program,
            sources,
            vars,
            globals,
        }
    }

    pub fn types(&self) -> &Types {
        &self.program.types
    }

    /// The typed variables of the function starting at `addr`.
    pub fn vars_of(&self, f: &FunctionInfo) -> &[Var] {
        self.vars.get(&f.addr).map_or(&[], Vec::as_slice)
    }

    /// The globals and statics of the user's program (not the runtime's).
    pub fn user_globals(&self) -> impl Iterator<Item = &GlobalVar> {
        self.globals.iter().filter(|g| !g.runtime)
    }

    /// Is this text address in the user's code (rather than the runtime's)?
    pub fn is_user_code(&self, addr: u64) -> bool {
        self.image.function_at(addr).is_some_and(|f| !f.runtime)
    }

    /// The source line of a text address.
    pub fn line_at(&self, addr: u64) -> Option<(Span, u32)> {
        let span = self.image.span_at(addr)?;
        if span == Span::default() {
            return None;
        }
        Some((span, self.sources.line_of(span)))
    }

    /// `file:line` of a text address.
    pub fn location(&self, addr: u64) -> Option<String> {
        let (span, line) = self.line_at(addr)?;
        Some(format!("{}:{line}", self.sources.file(span.file).name))
    }

    /// The frames of the call stack, innermost first (`_start` is left out).
    pub fn frames(&self, vm: &Vm) -> Vec<FrameView<'_>> {
        let image = self.image;
        let mut out = Vec::new();
        for f in vm.backtrace() {
            let depth = f.depth;
            let Some(function) = image.function_at(f.addr) else {
                continue;
            };
            if function.name == "_start" {
                break;
            }
            let read = |a: u64| read_uint(vm, a, 8).unwrap_or(0);
            out.push(FrameView {
                depth,
                function,
                fp: f.fp,
                pc: f.addr,
                line: self.line_at(f.addr).map(|(_, l)| l),
                return_address: read(f.fp + 8),
                saved_fp: read(f.fp),
                vars: self.vars_of(function),
            });
        }
        out
    }

    /// The variable `name` as seen from a frame: the innermost one in scope at the
    /// frame's position, or any of that name.
    pub fn lookup<'f>(&self, frame: &'f FrameView, name: &str) -> Option<&'f Var> {
        let at = self.line_at(frame.pc).map(|(s, _)| s.lo);
        let mut candidates = frame.vars.iter().filter(|v| v.name == name);
        let in_scope = candidates
            .clone()
            .filter(|v| at.is_some_and(|a| a >= v.scope.0 && a <= v.scope.1))
            .max_by_key(|v| v.scope.0);
        in_scope.or_else(|| candidates.next_back())
    }

    /// A global (or a static of the frame's function) by name.
    pub fn global(&self, name: &str, function: Option<&str>) -> Option<&GlobalVar> {
        let own_static = self
            .globals
            .iter()
            .find(|g| g.name == name && g.owner.is_some() && g.owner.as_deref() == function);
        own_static.or_else(|| {
            self.globals
                .iter()
                .find(|g| g.name == name && g.owner.is_none())
        })
    }

    /// The layout of a frame as rows from high addresses to low: arguments, return
    /// address, saved frame pointer, locals, and the unnamed bytes between them.
    pub fn frame_rows(&self, frame: &FrameView) -> Vec<FrameRow> {
        let mut rows: Vec<(i32, FrameRow)> = frame
            .vars
            .iter()
            .enumerate()
            .map(|(i, v)| (v.offset, FrameRow::Var(i)))
            .collect();
        rows.push((8, FrameRow::ReturnAddress));
        rows.push((0, FrameRow::SavedFp));
        rows.sort_by_key(|(off, _)| std::cmp::Reverse(*off));
        // Fill the holes below the header with scratch rows.
        let mut out = Vec::new();
        let mut covered_down_to = i32::MAX;
        for (off, row) in rows {
            let size = match &row {
                FrameRow::Var(i) => frame.vars[*i].size as i32,
                _ => 8,
            };
            if off < 0 && covered_down_to != i32::MAX && off + size < covered_down_to {
                let lo = off + size;
                let hi = covered_down_to.min(0);
                if hi > lo {
                    out.push(FrameRow::Scratch {
                        offset: lo,
                        size: (hi - lo) as u64,
                    });
                }
            }
            covered_down_to = covered_down_to.min(off);
            out.push(row);
        }
        let bottom = -(frame.function.frame_size as i32);
        let lowest = covered_down_to.min(0);
        if bottom < lowest {
            out.push(FrameRow::Scratch {
                offset: bottom,
                size: (lowest - bottom) as u64,
            });
        }
        out
    }

    /// Every block malloc handed out or could hand out, from the heap start to the break
    /// (the allocator's own bookkeeping, such as prologue and epilogue, left out).
    pub fn heap_blocks(&self, vm: &Vm) -> Result<Vec<Block>, String> {
        let blocks = vm
            .heap
            .walk(&HeapView::new(&vm.mem))
            .map_err(|e| format!("the heap's block list is damaged: {e:?}"))?;
        Ok(blocks.into_iter().filter(|b| !b.meta).collect())
    }

    /// The segments as they are now, with the break and stack pointer: name, start,
    /// end, permissions.
    pub fn segments(&self, vm: &Vm) -> Vec<(Segment, u64, u64)> {
        self.image.layout.segments(vm.mem.brk, vm.mem.sp)
    }

    /// What lives at an address, in a few words: `x in main's frame`, `heap block
    /// 0x5010 + 4`, `global lives`, `"hello"`, `function swap`.
    pub fn describe(&self, vm: &Vm, addr: u64) -> String {
        let seg = vm.mem.segment_of(addr);
        let what = match seg {
            Segment::NullGuard if addr == 0 => return "NULL".to_string(),
            Segment::NullGuard => return "the null guard".to_string(),
            Segment::Gap => return "the gap (unmapped)".to_string(),
            Segment::Unmapped => return "unmapped memory".to_string(),
            Segment::Stack => self.stack_object(vm, addr),
            Segment::Heap => self.heap_object(vm, addr),
            _ => self.static_object(addr),
        };
        let label = self.image.layout.label(seg);
        match what {
            Some(w) => format!("{w} ({label})"),
            None => label,
        }
    }

    fn stack_object(&self, vm: &Vm, addr: u64) -> Option<String> {
        for frame in self.frames(vm) {
            for v in frame.vars {
                let start = frame.fp.wrapping_add(v.offset as i64 as u64);
                if addr >= start && addr < start + v.size.max(1) {
                    return Some(format!(
                        "{} in {}'s frame",
                        member_path(self.types(), &v.name, &v.ty, addr - start),
                        frame.function.name
                    ));
                }
            }
            if addr >= frame.fp && addr < frame.fp + 16 {
                let what = if addr >= frame.fp + 8 {
                    "return address"
                } else {
                    "saved frame pointer"
                };
                return Some(format!("{what} in {}'s frame", frame.function.name));
            }
            let low = frame.fp.saturating_sub(frame.function.frame_size as u64);
            if addr >= low && addr < frame.fp {
                return Some(format!("temporaries in {}'s frame", frame.function.name));
            }
        }
        None
    }

    fn heap_object(&self, vm: &Vm, addr: u64) -> Option<String> {
        let blocks = self.heap_blocks(vm).ok()?;
        let b = blocks
            .iter()
            .find(|b| addr >= b.addr && addr < b.addr + b.size)?;
        let state = if b.allocated { "" } else { "free " };
        Some(
            if addr >= b.payload && addr < b.payload + b.payload_size.max(1) {
                if addr == b.payload {
                    format!("{state}heap block {:#x}", b.payload)
                } else {
                    format!("{state}heap block {:#x} + {}", b.payload, addr - b.payload)
                }
            } else {
                format!("header of heap block {:#x}", b.payload)
            },
        )
    }

    fn static_object(&self, addr: u64) -> Option<String> {
        if let Some(g) = self
            .globals
            .iter()
            .find(|g| addr >= g.addr && addr < g.addr + g.size.max(1))
        {
            let path = member_path(self.types(), &g.name, &g.ty, addr - g.addr);
            return Some(match &g.owner {
                Some(f) => format!("static {path} of {f}"),
                None => format!("global {path}"),
            });
        }
        let s = self.image.symbol_at(addr)?;
        Some(match &s.kind {
            SymbolKind::Function if addr == s.addr => format!("function {}", s.name),
            SymbolKind::Function => format!("code of {}", s.name),
            SymbolKind::StringLiteral if addr == s.addr => format!("string {}", s.name),
            SymbolKind::StringLiteral => format!("string {} + {}", s.name, addr - s.addr),
            _ => s.name.clone(),
        })
    }

    /// A value of type `ty` at `addr`, as C would write it (bounded in length).
    pub fn format_value(&self, vm: &Vm, addr: u64, ty: &Type) -> String {
        let mut out = String::new();
        self.write_value(vm, addr, ty, &mut out, 0);
        out
    }

    fn write_value(&self, vm: &Vm, addr: u64, ty: &Type, out: &mut String, depth: usize) {
        use std::fmt::Write;
        let types = self.types();
        if out.len() > 400 {
            out.push_str("...");
            return;
        }
        match &ty.kind {
            TypeKind::Int(k) => {
                let size = k.size(types.target);
                match read_uint(vm, addr, size) {
                    Some(v) => out.push_str(&format_int(v, *k, size)),
                    None => out.push_str("<unreadable>"),
                }
            }
            TypeKind::Float(FloatKind::Float) => match read_uint(vm, addr, 4) {
                Some(v) => out.push_str(&format_float(f32::from_bits(v as u32) as f64)),
                None => out.push_str("<unreadable>"),
            },
            TypeKind::Float(FloatKind::Double) => match read_uint(vm, addr, 8) {
                Some(v) => out.push_str(&format_float(f64::from_bits(v))),
                None => out.push_str("<unreadable>"),
            },
            TypeKind::Pointer(target) => {
                match read_uint(vm, addr, types.target.ptr_size) {
                    Some(p) => out.push_str(&self.format_pointer(vm, p, target)),
                    None => out.push_str("<unreadable>"),
                };
            }
            TypeKind::Array(elem, len) => {
                let len = len.unwrap_or(0);
                let esize = types.size_of(elem).unwrap_or(1).max(1);
                if matches!(
                    elem.kind,
                    TypeKind::Int(IntKind::Char | IntKind::SChar | IntKind::UChar)
                ) {
                    let bytes = read_bytes(vm, addr, len).unwrap_or_default();
                    out.push_str(&c_string_literal(&bytes, true));
                    return;
                }
                if depth > 3 {
                    out.push_str("{...}");
                    return;
                }
                out.push('{');
                let shown = len.min(12);
                for i in 0..shown {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    self.write_value(vm, addr + i * esize, elem, out, depth + 1);
                }
                if len > shown {
                    let _ = write!(out, ", ... ({len} elements)");
                }
                out.push('}');
            }
            TypeKind::Record(id) => {
                let rec = types.record(*id);
                let Some(fields) = &rec.fields else {
                    out.push_str("<incomplete>");
                    return;
                };
                if depth > 3 {
                    out.push_str("{...}");
                    return;
                }
                out.push('{');
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    if let Some(n) = &f.name {
                        let _ = write!(out, "{n} = ");
                    }
                    self.write_value(vm, addr + f.offset, &f.ty, out, depth + 1);
                }
                out.push('}');
            }
            TypeKind::Void => out.push_str("void"),
            TypeKind::Function(_) => {
                let _ = write!(out, "{addr:#x}");
            }
        }
    }

    /// A pointer value: `NULL`, `0x5010`, a string's text, or a function's name.
    pub fn format_pointer(&self, vm: &Vm, p: u64, target: &Type) -> String {
        if p == 0 {
            return "NULL".to_string();
        }
        if target.is_function() || vm.mem.segment_of(p) == Segment::Text {
            return match self.image.function_at(p) {
                Some(f) if f.addr == p => format!("{p:#x} <{}>", f.name),
                _ => format!("{p:#x}"),
            };
        }
        if matches!(target.kind, TypeKind::Int(IntKind::Char)) && vm.mem.check(p, 1, false).is_ok()
        {
            let s = vm.mem.c_string(p, Some(40)).unwrap_or_default();
            let more = vm.mem.read_u8(p + s.len() as u64).is_ok_and(|b| b != 0);
            let mut text = c_string_literal(&s, false);
            if more {
                text.push_str("...");
            }
            return format!("{p:#x} {text}");
        }
        format!("{p:#x}")
    }

    /// The addresses the pointers inside an object hold, with their byte offset in it
    /// (for drawing arrows). Null pointers and pointers into text are left out.
    pub fn pointers_in(&self, vm: &Vm, addr: u64, ty: &Type) -> Vec<(u64, u64, Type)> {
        let mut out = Vec::new();
        self.collect_pointers(vm, addr, 0, ty, &mut out);
        out
    }

    fn collect_pointers(
        &self,
        vm: &Vm,
        base: u64,
        off: u64,
        ty: &Type,
        out: &mut Vec<(u64, u64, Type)>,
    ) {
        if out.len() >= 32 {
            return;
        }
        let types = self.types();
        match &ty.kind {
            TypeKind::Pointer(t) if !t.is_function() => {
                if let Some(p) = read_uint(vm, base + off, types.target.ptr_size)
                    && p != 0
                    && vm.mem.segment_of(p) != Segment::Text
                {
                    out.push((off, p, (**t).clone()));
                }
            }
            TypeKind::Array(elem, Some(n)) => {
                let esize = types.size_of(elem).unwrap_or(1).max(1);
                if !contains_pointer(types, elem) {
                    return;
                }
                for i in 0..(*n).min(64) {
                    self.collect_pointers(vm, base, off + i * esize, elem, out);
                }
            }
            TypeKind::Record(id) => {
                for f in types.record(*id).fields.iter().flatten() {
                    self.collect_pointers(vm, base, off + f.offset, &f.ty, out);
                }
            }
            _ => {}
        }
    }
}

/// Does a value of this type hold a data pointer somewhere?
fn contains_pointer(types: &Types, ty: &Type) -> bool {
    match &ty.kind {
        TypeKind::Pointer(t) => !t.is_function(),
        TypeKind::Array(e, _) => contains_pointer(types, e),
        TypeKind::Record(id) => types
            .record(*id)
            .fields
            .iter()
            .flatten()
            .any(|f| contains_pointer(types, &f.ty)),
        _ => false,
    }
}

/// `name`, `name.field`, `name[3]` or `name + 5`: the part of an object at a byte offset.
pub fn member_path(types: &Types, name: &str, ty: &Type, off: u64) -> String {
    if off == 0 && !ty.is_array() && !ty.is_record() {
        return name.to_string();
    }
    match &ty.kind {
        TypeKind::Array(elem, _) => {
            let esize = types.size_of(elem).unwrap_or(1).max(1);
            let i = off / esize;
            member_path(types, &format!("{name}[{i}]"), elem, off - i * esize)
        }
        TypeKind::Record(id) => {
            let fields = types.record(*id).fields.as_deref().unwrap_or(&[]);
            let hit = fields.iter().rev().find(|f| {
                f.offset <= off && off < f.offset + types.size_of(&f.ty).unwrap_or(0).max(1)
            });
            match hit {
                Some(f) => {
                    let fname = f.name.as_deref().unwrap_or("<anonymous>");
                    member_path(types, &format!("{name}.{fname}"), &f.ty, off - f.offset)
                }
                None if off == 0 => name.to_string(),
                None => format!("{name} + {off}"),
            }
        }
        _ => format!("{name} + {off}"),
    }
}

/// Reads a little-endian unsigned integer of 1 to 8 bytes, ignoring permissions.
pub fn read_uint(vm: &Vm, addr: u64, size: u64) -> Option<u64> {
    let bytes = read_bytes(vm, addr, size)?;
    let mut buf = [0u8; 8];
    buf.get_mut(..bytes.len())?.copy_from_slice(&bytes);
    Some(u64::from_le_bytes(buf))
}

/// Reads bytes of the address space, ignoring permissions (tools may look anywhere).
pub fn read_bytes(vm: &Vm, addr: u64, n: u64) -> Option<Vec<u8>> {
    let start = usize::try_from(addr).ok()?;
    let end = start.checked_add(usize::try_from(n).ok()?)?;
    vm.mem.bytes().get(start..end).map(<[u8]>::to_vec)
}

/// An integer of a C type: `-3`, `4000000000`, `65 'A'`.
pub fn format_int(v: u64, kind: IntKind, size: u64) -> String {
    let bits = size * 8;
    let masked = if bits >= 64 { v } else { v & ((1 << bits) - 1) };
    let signed = if kind.is_signed() && bits < 64 && masked >> (bits - 1) & 1 == 1 {
        (masked as i64) - (1i64 << bits)
    } else {
        masked as i64
    };
    match kind {
        IntKind::Char | IntKind::SChar | IntKind::UChar => {
            let n = if kind.is_signed() {
                signed
            } else {
                masked as i64
            };
            format!("{n} {}", c_char_literal(masked as u8))
        }
        k if k.is_signed() => signed.to_string(),
        _ => masked.to_string(),
    }
}

/// A double the way `%g` would show it, but with all the digits needed.
pub fn format_float(v: f64) -> String {
    if v.is_nan() {
        "nan".into()
    } else if v.is_infinite() {
        if v > 0.0 { "inf".into() } else { "-inf".into() }
    } else if v == v.trunc() && v.abs() < 1e15 {
        format!("{v:.1}")
    } else {
        format!("{v}")
    }
}

/// `'A'`, `'\n'`, `'\0'`, `'\xff'`.
pub fn c_char_literal(b: u8) -> String {
    match b {
        0 => "'\\0'".into(),
        b'\'' => "'\\''".into(),
        _ => format!("'{}'", escape_byte(b)),
    }
}

fn escape_byte(b: u8) -> String {
    match b {
        b'\n' => "\\n".into(),
        b'\t' => "\\t".into(),
        b'\r' => "\\r".into(),
        b'\\' => "\\\\".into(),
        0x20..=0x7e => (b as char).to_string(),
        _ => format!("\\x{b:02x}"),
    }
}

/// Bytes as a C string literal; for an array (`array`), up to its first NUL, with the
/// rest shown only if it is not all zero.
pub fn c_string_literal(bytes: &[u8], array: bool) -> String {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let mut s = String::from("\"");
    for &b in &bytes[..end.min(64)] {
        s.push_str(&match b {
            b'"' => "\\\"".to_string(),
            _ => escape_byte(b),
        });
    }
    if end > 64 {
        s.push_str("...");
    }
    s.push('"');
    if array && end == bytes.len() && !bytes.is_empty() {
        s.push_str(" (no NUL)");
    } else if array && bytes[end..].iter().skip(1).any(|&b| b != 0) {
        s.push_str(" ...");
    }
    s
}

/// Joins the image's frame slots with the checked program's types; each local gets the
/// part of the source where it is in scope.
fn typed_slots(program: &Program, sources: &SourceMap, f: &FunctionInfo) -> Vec<Var> {
    let pf = program
        .functions
        .iter()
        .find(|p| *p.name == *f.name && p.runtime == f.runtime && p.body.is_some())
        .or_else(|| {
            program
                .functions
                .iter()
                .find(|p| *p.name == *f.name && p.body.is_some())
        });
    let Some(body) = pf.and_then(|p| p.body.as_ref()) else {
        return Vec::new();
    };
    let fn_scope = (f.span.lo, body.end.hi);
    let mut scopes = Vec::new();
    collect_scopes(&body.stmt, &mut scopes);
    let named = body.locals.iter().filter(|l| !l.name.is_empty());
    let _ = sources;
    named
        .zip(&f.slots)
        .map(|(l, s)| {
            let scope = if s.is_param {
                fn_scope
            } else {
                scopes
                    .iter()
                    .filter(|b| b.file == l.span.file && b.lo <= l.span.lo && l.span.lo < b.hi)
                    .max_by_key(|b| b.lo)
                    .map_or(fn_scope, |b| (l.span.lo, b.hi))
            };
            Var {
                name: s.name.clone(),
                ty: l.ty.clone(),
                offset: s.offset,
                size: s.size as u64,
                is_param: s.is_param,
                scope,
            }
        })
        .collect()
}

/// The spans of blocks and `for` statements: where declared names end their scope.
fn collect_scopes(s: &Stmt, out: &mut Vec<Span>) {
    match &s.kind {
        StmtKind::Block(list) => {
            out.push(s.span);
            list.iter().for_each(|s| collect_scopes(s, out));
        }
        StmtKind::For(init, _, _, body) => {
            out.push(s.span);
            if let Some(i) = init {
                collect_scopes(i, out);
            }
            collect_scopes(body, out);
        }
        StmtKind::If(_, t, e) => {
            collect_scopes(t, out);
            if let Some(e) = e {
                collect_scopes(e, out);
            }
        }
        StmtKind::While(_, b)
        | StmtKind::DoWhile(b, _)
        | StmtKind::Switch(_, b, _)
        | StmtKind::Label(_, b) => collect_scopes(b, out),
        _ => {}
    }
}
