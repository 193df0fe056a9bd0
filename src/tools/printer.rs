//! The checked program as an indented tree: every statement with its line, every
//! expression with its C type, and the conversions the checker made explicit.
//!
//! ```text
//! function main: int (void)                      hello.c:14
//!   Block                                        line 15
//!     Expr                                       line 18
//!       Call: int
//!         AddrOf: int (*)(const char *, ...)
//!           Func printf: int (const char *, ...)
//! ```

use crate::frontend::typed::*;
use crate::frontend::types::{Type, TypeKind, Types};
use crate::source::{SourceMap, Span};
use std::fmt::Write;

/// Prints the user's part of a checked program (with `all`, the runtime's too).
pub fn render(program: &Program, sources: &SourceMap, all: bool) -> String {
    let mut p = Printer {
        program,
        types: &program.types,
        sources,
        out: String::new(),
        locals: &[],
    };
    let visible = |runtime: bool| all || !runtime;
    for g in program.globals.iter().filter(|g| visible(g.runtime)) {
        if !g.defined || !in_user_file(sources, g.span, all) {
            continue;
        }
        p.global(g);
    }
    if !p.out.is_empty() {
        p.out.push('\n');
    }
    for f in program.functions.iter().filter(|f| visible(f.runtime)) {
        if f.body.is_none() || !in_user_file(sources, f.span, all) {
            continue;
        }
        p.function(f);
    }
    p.out
}

/// Declarations from built-in headers are left out unless `all`.
fn in_user_file(sources: &SourceMap, span: Span, all: bool) -> bool {
    all || sources.file(span.file).dir.is_some()
}

struct Printer<'a> {
    program: &'a Program,
    types: &'a Types,
    sources: &'a SourceMap,
    out: String,
    locals: &'a [Local],
}

impl<'a> Printer<'a> {
    fn ty(&self, ty: &Type) -> String {
        self.types.display(ty)
    }

    fn line(&self, span: Span) -> u32 {
        self.sources.line_of(span)
    }

    /// One line of the tree: indentation, text, and a right-hand note.
    fn row(&mut self, depth: usize, text: &str, note: &str) {
        let indent = "  ".repeat(depth);
        if note.is_empty() {
            let _ = writeln!(self.out, "{indent}{text}");
        } else {
            let left = format!("{indent}{text}");
            let _ = writeln!(self.out, "{left:<48} {note}");
        }
    }

    fn global(&mut self, g: &Global) {
        let where_ = if g.readonly {
            "rodata"
        } else if g
            .init
            .as_ref()
            .is_none_or(|i| i.relocs.is_empty() && i.bytes.iter().all(|&b| b == 0))
        {
            "bss"
        } else {
            "data"
        };
        let kind = match &g.kind {
            GlobalKind::File => "global".to_string(),
            GlobalKind::StaticLocal(f) => format!("static in {f}"),
            GlobalKind::Literal => "compound literal".to_string(),
        };
        let size = self.types.size_of(&g.ty).unwrap_or(0);
        let text = format!(
            "{kind} {}: {} ({size} bytes, {where_})",
            g.name,
            self.ty(&g.ty)
        );
        let note = self.sources.describe(g.span);
        self.row(0, &text, &note);
        if let Some(init) = &g.init
            && where_ != "bss"
        {
            let shown: Vec<String> = init
                .bytes
                .iter()
                .take(16)
                .map(|b| format!("{b:02x}"))
                .collect();
            let more = if init.bytes.len() > 16 { " ..." } else { "" };
            self.row(1, &format!("initial bytes: {}{more}", shown.join(" ")), "");
            for r in &init.relocs {
                let target = match r.target {
                    Symbol::Global(id) => self.program.global(id).name.to_string(),
                    Symbol::Func(id) => self.program.function(id).name.to_string(),
                    Symbol::Str(id) => {
                        let s = &self.program.strings[id.0 as usize];
                        format!("\"{}\"", crate::codegen::escape(&s[..s.len() - 1]))
                    }
                };
                let add = if r.addend != 0 {
                    format!(" + {}", r.addend)
                } else {
                    String::new()
                };
                self.row(
                    1,
                    &format!("at byte {}: the address of {target}{add}", r.offset),
                    "",
                );
            }
        }
    }

    fn function(&mut self, f: &'a Function) {
        let Some(body) = &f.body else { return };
        self.locals = &body.locals;
        let fty = Type::new(TypeKind::Function(f.ty.clone()));
        let note = self.sources.describe(f.span);
        self.row(0, &format!("function {}: {}", f.name, self.ty(&fty)), &note);
        for &p in &body.params {
            let l = &body.locals[p.0 as usize];
            let text = format!("param {}: {}", display_name(&l.name), self.ty(&l.ty));
            self.row(1, &text, "");
        }
        for (i, l) in body.locals.iter().enumerate() {
            if body.params.contains(&LocalId(i as u32)) || l.name.is_empty() {
                continue;
            }
            let text = format!("local {}: {}", l.name, self.ty(&l.ty));
            let note = format!("line {}", self.line(l.span));
            self.row(1, &text, &note);
        }
        self.stmt(&body.stmt, 1);
        self.out.push('\n');
    }

    fn local_name(&self, id: LocalId) -> String {
        self.locals
            .get(id.0 as usize)
            .map_or_else(|| format!("local#{}", id.0), |l| display_name(&l.name))
    }

    fn stmt(&mut self, s: &Stmt, d: usize) {
        let note = format!("line {}", self.line(s.span));
        match &s.kind {
            StmtKind::Empty => self.row(d, "Empty", &note),
            StmtKind::Expr(e) => {
                self.row(d, "Expr", &note);
                self.expr(e, d + 1);
            }
            StmtKind::Block(list) => {
                self.row(d, "Block", &note);
                list.iter().for_each(|s| self.stmt(s, d + 1));
            }
            StmtKind::If(c, t, e) => {
                self.row(d, "If", &note);
                self.expr(c, d + 1);
                self.row(d + 1, "then:", "");
                self.stmt(t, d + 2);
                if let Some(e) = e {
                    self.row(d + 1, "else:", "");
                    self.stmt(e, d + 2);
                }
            }
            StmtKind::While(c, b) => {
                self.row(d, "While", &note);
                self.expr(c, d + 1);
                self.stmt(b, d + 1);
            }
            StmtKind::DoWhile(b, c) => {
                self.row(d, "DoWhile", &note);
                self.stmt(b, d + 1);
                self.expr(c, d + 1);
            }
            StmtKind::For(init, c, step, b) => {
                self.row(d, "For", &note);
                if let Some(i) = init {
                    self.row(d + 1, "init:", "");
                    self.stmt(i, d + 2);
                }
                if let Some(c) = c {
                    self.row(d + 1, "condition:", "");
                    self.expr(c, d + 2);
                }
                if let Some(st) = step {
                    self.row(d + 1, "step:", "");
                    self.expr(st, d + 2);
                }
                self.row(d + 1, "body:", "");
                self.stmt(b, d + 2);
            }
            StmtKind::Break => self.row(d, "Break", &note),
            StmtKind::Continue => self.row(d, "Continue", &note),
            StmtKind::Return(e) => {
                self.row(d, "Return", &note);
                if let Some(e) = e {
                    self.expr(e, d + 1);
                }
            }
            StmtKind::Switch(c, b, table) => {
                self.row(d, "Switch", &note);
                self.expr(c, d + 1);
                let mut cases: Vec<String> = table
                    .cases
                    .iter()
                    .map(|(v, l)| format!("{} -> L{}", *v as i64, l.0))
                    .collect();
                if let Some(l) = table.default {
                    cases.push(format!("default -> L{}", l.0));
                }
                self.row(d + 1, &format!("cases: {}", cases.join(", ")), "");
                self.stmt(b, d + 1);
            }
            StmtKind::Label(l, b) => {
                self.row(d, &format!("Label L{}", l.0), &note);
                self.stmt(b, d + 1);
            }
            StmtKind::Goto(l) => self.row(d, &format!("Goto L{}", l.0), &note),
            StmtKind::Init(id, pieces) => {
                let l = &self.locals[id.0 as usize];
                let text = format!("Init {}: {}", self.local_name(*id), self.ty(&l.ty));
                self.row(d, &text, &note);
                self.pieces(pieces, d + 1);
            }
        }
    }

    fn pieces(&mut self, pieces: &[InitPiece], d: usize) {
        // The common case, one value for the whole object, needs no offsets.
        if let [InitPiece::Expr { offset: 0, expr }] = pieces {
            self.expr(expr, d);
            return;
        }
        for p in pieces {
            match p {
                InitPiece::Zero { offset, len } => {
                    self.row(d, &format!("at byte {offset}: {len} zero bytes"), "")
                }
                InitPiece::Bytes { offset, bytes } => {
                    let shown: Vec<String> =
                        bytes.iter().take(16).map(|b| format!("{b:02x}")).collect();
                    let more = if bytes.len() > 16 { " ..." } else { "" };
                    self.row(
                        d,
                        &format!("at byte {offset}: bytes {}{more}", shown.join(" ")),
                        "",
                    )
                }
                InitPiece::Expr { offset, expr } => {
                    self.row(d, &format!("at byte {offset}:"), "");
                    self.expr(expr, d + 1);
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr, d: usize) {
        let ty = self.ty(&e.ty);
        let head = |what: &str| format!("{what}: {ty}");
        match &e.kind {
            ExprKind::Const(v) => {
                let shown = if e.ty.is_pointer() {
                    format!("{v:#x}")
                } else if let Some(k) = e.ty.int_kind() {
                    let size = self.types.size_of(&e.ty).unwrap_or(8);
                    super::inspect::format_int(*v, k, size)
                } else {
                    v.to_string()
                };
                self.row(d, &head(&format!("Const {shown}")), "")
            }
            ExprKind::FConst(v) => self.row(
                d,
                &head(&format!("Const {}", super::inspect::format_float(*v))),
                "",
            ),
            ExprKind::Local(id) => {
                self.row(d, &head(&format!("Local {}", self.local_name(*id))), "")
            }
            ExprKind::Global(id) => {
                let g = self.program.global(*id);
                let what = match &g.kind {
                    GlobalKind::StaticLocal(_) => "Static",
                    _ => "Global",
                };
                self.row(d, &head(&format!("{what} {}", g.name)), "")
            }
            ExprKind::Str(id) => {
                let s = &self.program.strings[id.0 as usize];
                let text = crate::codegen::escape(&s[..s.len() - 1]);
                self.row(d, &head(&format!("String \"{text}\"")), "")
            }
            ExprKind::Deref(x) => {
                self.row(d, &head("Deref"), "");
                self.expr(x, d + 1);
            }
            ExprKind::Member(base, off) => {
                let name = self.field_name(&base.ty, *off);
                self.row(d, &head(&format!("Member .{name} (byte {off})")), "");
                self.expr(base, d + 1);
            }
            ExprKind::Func(id) => {
                let f = self.program.function(*id);
                self.row(d, &head(&format!("Func {}", f.name)), "")
            }
            ExprKind::AddrOf(x) => {
                let what = if x.ty.is_array() {
                    "AddrOf (array decays to a pointer)"
                } else if x.ty.is_function() {
                    "AddrOf (function decays to a pointer)"
                } else {
                    "AddrOf"
                };
                self.row(d, &head(what), "");
                self.expr(x, d + 1);
            }
            ExprKind::Convert(x) => {
                self.row(d, &format!("Convert {} -> {ty}", self.ty(&x.ty)), "");
                self.expr(x, d + 1);
            }
            ExprKind::Unary(op, x) => {
                let name = match op {
                    UnaryOp::Neg => "Neg (-)",
                    UnaryOp::BitNot => "BitNot (~)",
                    UnaryOp::LogNot => "Not (!)",
                };
                self.row(d, &head(name), "");
                self.expr(x, d + 1);
            }
            ExprKind::Binary(op, a, b) => {
                let name = match op {
                    BinaryOp::Add => "Add (+)",
                    BinaryOp::Sub => "Sub (-)",
                    BinaryOp::Mul => "Mul (*)",
                    BinaryOp::Div => "Div (/)",
                    BinaryOp::Rem => "Rem (%)",
                    BinaryOp::Shl => "Shl (<<)",
                    BinaryOp::Shr => "Shr (>>)",
                    BinaryOp::BitAnd => "BitAnd (&)",
                    BinaryOp::BitOr => "BitOr (|)",
                    BinaryOp::BitXor => "BitXor (^)",
                };
                self.row(d, &head(name), "");
                self.expr(a, d + 1);
                self.expr(b, d + 1);
            }
            ExprKind::Compare(op, a, b) => {
                let name = match op {
                    CmpOp::Eq => "Compare (==)",
                    CmpOp::Ne => "Compare (!=)",
                    CmpOp::Lt => "Compare (<)",
                    CmpOp::Le => "Compare (<=)",
                    CmpOp::Gt => "Compare (>)",
                    CmpOp::Ge => "Compare (>=)",
                };
                self.row(d, &head(name), "");
                self.expr(a, d + 1);
                self.expr(b, d + 1);
            }
            ExprKind::PtrOffset(p, i, size) => {
                self.row(d, &head(&format!("PtrAdd (index * {size} bytes)")), "");
                self.expr(p, d + 1);
                self.expr(i, d + 1);
            }
            ExprKind::PtrDiff(a, b, size) => {
                self.row(d, &head(&format!("PtrDiff (bytes / {size})")), "");
                self.expr(a, d + 1);
                self.expr(b, d + 1);
            }
            ExprKind::LogAnd(a, b) => {
                self.row(d, &head("And (&&)"), "");
                self.expr(a, d + 1);
                self.expr(b, d + 1);
            }
            ExprKind::LogOr(a, b) => {
                self.row(d, &head("Or (||)"), "");
                self.expr(a, d + 1);
                self.expr(b, d + 1);
            }
            ExprKind::Cond(c, a, b) => {
                self.row(d, &head("Cond (?:)"), "");
                self.expr(c, d + 1);
                self.expr(a, d + 1);
                self.expr(b, d + 1);
            }
            ExprKind::Assign(t, v) => {
                self.row(d, &head("Assign (=)"), "");
                self.expr(t, d + 1);
                self.expr(v, d + 1);
            }
            ExprKind::Modify {
                target,
                value,
                post,
            } => {
                let what = if *post {
                    "Modify (yields the old value)"
                } else {
                    "Modify (yields the new value)"
                };
                self.row(d, &head(what), "");
                self.expr(target, d + 1);
                self.expr(value, d + 1);
            }
            ExprKind::Old => self.row(d, &head("Old (the value read)"), ""),
            ExprKind::Call(f, args) => {
                self.row(d, &head("Call"), "");
                self.expr(f, d + 1);
                for a in args {
                    self.expr(a, d + 1);
                }
            }
            ExprKind::Comma(a, b) => {
                self.row(d, &head("Comma (,)"), "");
                self.expr(a, d + 1);
                self.expr(b, d + 1);
            }
            ExprKind::VaStart(ap, off) => {
                self.row(d, &head(&format!("VaStart (+{off} bytes)")), "");
                self.expr(ap, d + 1);
            }
            ExprKind::VaArg(ap) => {
                self.row(d, &head("VaArg"), "");
                self.expr(ap, d + 1);
            }
            ExprKind::InitLocal(id, pieces) => {
                self.row(d, &head(&format!("Temporary {}", self.local_name(*id))), "");
                self.pieces(pieces, d + 1);
            }
            ExprKind::Error => self.row(d, "Error", ""),
        }
    }

    /// The name of the member at a byte offset of a struct or union type.
    fn field_name(&self, ty: &Type, off: u64) -> String {
        if let TypeKind::Record(id) = ty.kind
            && let Some(fields) = &self.types.record(id).fields
            && let Some(f) = fields.iter().find(|f| f.offset == off && f.name.is_some())
        {
            return f.name.as_deref().unwrap_or("").to_string();
        }
        let path = super::inspect::member_path(self.types, "", ty, off);
        path.trim_start_matches('.').to_string()
    }
}

fn display_name(name: &str) -> String {
    if name.is_empty() {
        "(unnamed)".to_string()
    } else {
        name.to_string()
    }
}
