//! A bound on how deeply the syntax tree nests.
//!
//! The parser is table driven and reads any nesting, but the checker, the code generator
//! (and dropping the tree) recurse once per level on the host's stack: a program of
//! `- - - … - 1` or of ten thousand `else if`s would overflow it. So the tree is measured
//! here, right after parsing, and any part nested deeper than [`MAX_DEPTH`] levels
//! (expressions, statements, declarators, initializer braces and member lists all count)
//! is cut off with an error. The cut part is taken apart with a work list, never
//! recursively.
//!
//! C99 asks a compiler for 63 levels of parenthesized expressions and 127 of blocks
//! (5.2.4.1); clang stops at 256 levels of brackets by default.

use super::ast::*;
use crate::diagnostics::Diagnostic;
use crate::source::Span;

/// The deepest nesting accepted. Each level costs a few KiB of host stack in the checker;
/// this bound keeps a release build well inside a thread's usual 8 MiB.
pub const MAX_DEPTH: usize = 512;

/// Cuts every part of `unit` nested deeper than [`MAX_DEPTH`]; the error for the first.
pub fn limit(unit: &mut TranslationUnit) -> Option<Diagnostic> {
    let mut w = Walker { cut: None };
    for item in &mut unit.items {
        match item {
            ExternalDecl::Function(f) => {
                w.specs(&mut f.specs, 1);
                w.declarator(&mut f.declarator, 1);
                w.block(&mut f.body, 1);
            }
            ExternalDecl::Declaration(d) => w.declaration(d, 0),
        }
    }
    w.cut.map(|span| {
        Diagnostic::error(
            span,
            format!(
                "nested too deeply: more than {MAX_DEPTH} levels of expressions, statements or declarators"
            ),
        )
    })
}

struct Walker {
    /// Where the first cut was made.
    cut: Option<Span>,
}

fn zero() -> ExprKind {
    ExprKind::Int(IntLit {
        value: 0,
        unsigned: false,
        longs: 0,
        decimal: true,
    })
}

impl Walker {
    fn too_deep(&mut self, depth: usize, span: Span) -> bool {
        if depth <= MAX_DEPTH {
            return false;
        }
        self.cut.get_or_insert(span);
        true
    }

    fn expr(&mut self, e: &mut Expr, depth: usize) {
        if self.too_deep(depth, e.span) {
            dismantle(Part::Expr(std::mem::replace(&mut e.kind, zero())));
            return;
        }
        let d = depth + 1;
        match &mut e.kind {
            ExprKind::Ident(_)
            | ExprKind::Int(_)
            | ExprKind::Float(..)
            | ExprKind::Char(_)
            | ExprKind::Str(_) => {}
            ExprKind::Unary(_, a)
            | ExprKind::SizeofExpr(a)
            | ExprKind::Member(a, ..)
            | ExprKind::Arrow(a, ..) => self.expr(a, d),
            ExprKind::Binary(_, a, b)
            | ExprKind::Assign(_, a, b)
            | ExprKind::Index(a, b)
            | ExprKind::Comma(a, b) => {
                self.expr(a, d);
                self.expr(b, d);
            }
            ExprKind::Cond(a, b, c) => {
                self.expr(a, d);
                self.expr(b, d);
                self.expr(c, d);
            }
            ExprKind::Call(f, args) => {
                self.expr(f, d);
                for a in args {
                    self.expr(a, d);
                }
            }
            ExprKind::Cast(t, a) => {
                self.type_name(t, d);
                self.expr(a, d);
            }
            ExprKind::SizeofType(t) => self.type_name(t, d),
            ExprKind::CompoundLiteral(t, items) => {
                self.type_name(t, d);
                self.init_items(items, d);
            }
            ExprKind::VaArg(a, t) => {
                self.expr(a, d);
                self.type_name(t, d);
            }
            ExprKind::Offsetof(t, path) => {
                self.type_name(t, d);
                for x in path {
                    self.designator(x, d);
                }
            }
        }
    }

    fn opt_expr(&mut self, e: &mut Option<Expr>, depth: usize) {
        if let Some(e) = e {
            self.expr(e, depth);
        }
    }

    fn stmt(&mut self, s: &mut Stmt, depth: usize) {
        if self.too_deep(depth, s.span) {
            dismantle(Part::Stmt(std::mem::replace(&mut s.kind, StmtKind::Error)));
            return;
        }
        let d = depth + 1;
        match &mut s.kind {
            StmtKind::Expr(e) | StmtKind::Return(e) => self.opt_expr(e, d),
            StmtKind::Block(b) => self.block(b, d),
            StmtKind::If(c, then, other) => {
                self.expr(c, d);
                self.stmt(then, d);
                if let Some(other) = other {
                    self.stmt(other, d);
                }
            }
            StmtKind::While(c, body) | StmtKind::Switch(c, body) | StmtKind::Case(c, body) => {
                self.expr(c, d);
                self.stmt(body, d);
            }
            StmtKind::DoWhile(body, c) => {
                self.stmt(body, d);
                self.expr(c, d);
            }
            StmtKind::For(init, cond, step, body) => {
                match &mut **init {
                    ForInit::Expr(e) => self.opt_expr(e, d),
                    ForInit::Decl(x) => self.declaration(x, d),
                }
                self.opt_expr(cond, d);
                self.opt_expr(step, d);
                self.stmt(body, d);
            }
            StmtKind::Default(body) | StmtKind::Label(_, body) => self.stmt(body, d),
            StmtKind::Break | StmtKind::Continue | StmtKind::Goto(_) | StmtKind::Error => {}
        }
    }

    fn block(&mut self, b: &mut Block, depth: usize) {
        for item in &mut b.items {
            match item {
                BlockItem::Decl(x) => self.declaration(x, depth),
                BlockItem::Stmt(s) => self.stmt(s, depth),
            }
        }
    }

    fn declaration(&mut self, x: &mut Declaration, depth: usize) {
        self.specs(&mut x.specs, depth);
        for id in &mut x.declarators {
            self.declarator(&mut id.declarator, depth);
            if let Some(init) = &mut id.init {
                self.init(init, depth);
            }
        }
    }

    fn specs(&mut self, specs: &mut DeclSpecs, depth: usize) {
        for (spec, _) in &mut specs.items {
            match spec {
                Spec::Type(TypeSpec::Record(r)) => {
                    let Some(fields) = &mut r.fields else {
                        continue;
                    };
                    if self.too_deep(depth, r.span) {
                        dismantle(Part::Fields(std::mem::take(fields)));
                        continue;
                    }
                    for f in fields {
                        self.specs(&mut f.specs, depth + 1);
                        for (decl, width) in &mut f.declarators {
                            if let Some(decl) = decl {
                                self.declarator(decl, depth + 1);
                            }
                            self.opt_expr(width, depth + 1);
                        }
                    }
                }
                Spec::Type(TypeSpec::Enum(e)) => {
                    for item in e.items.iter_mut().flatten() {
                        self.opt_expr(&mut item.value, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    fn declarator(&mut self, x: &mut Declarator, depth: usize) {
        if self.too_deep(depth, x.span) {
            let old = std::mem::replace(&mut x.kind, DeclaratorKind::Name(None));
            dismantle(Part::Declarator(old));
            return;
        }
        let d = depth + 1;
        match &mut x.kind {
            DeclaratorKind::Name(_) => {}
            DeclaratorKind::Pointer(_, inner) => self.declarator(inner, d),
            DeclaratorKind::Array(inner, size) => {
                self.declarator(inner, d);
                if let Some(size) = size {
                    self.expr(size, d);
                }
            }
            DeclaratorKind::Function(inner, params) => {
                self.declarator(inner, d);
                for p in &mut params.params {
                    self.specs(&mut p.specs, d);
                    self.declarator(&mut p.declarator, d);
                }
            }
        }
    }

    fn type_name(&mut self, t: &mut TypeName, depth: usize) {
        self.specs(&mut t.specs, depth);
        self.declarator(&mut t.declarator, depth);
    }

    fn init(&mut self, init: &mut Initializer, depth: usize) {
        match init {
            Initializer::Expr(e) => self.expr(e, depth),
            Initializer::List(items, span) => {
                if self.too_deep(depth, *span) {
                    dismantle(Part::Inits(std::mem::take(items)));
                    return;
                }
                self.init_items(items, depth + 1);
            }
        }
    }

    fn init_items(&mut self, items: &mut [InitItem], depth: usize) {
        for item in items {
            for x in &mut item.designators {
                self.designator(x, depth);
            }
            self.init(&mut item.init, depth);
        }
    }

    fn designator(&mut self, x: &mut Designator, depth: usize) {
        if let Designator::Index(e) = x {
            self.expr(e, depth);
        }
    }
}

/// A piece of a cut-off subtree, owned, waiting to be taken apart.
enum Part {
    Expr(ExprKind),
    Stmt(StmtKind),
    Declarator(DeclaratorKind),
    Specs(DeclSpecs),
    Fields(Vec<FieldDecl>),
    Inits(Vec<InitItem>),
    Declaration(Declaration),
}

/// Drops a subtree of any depth without recursing: every child is moved to a work list
/// before its parent is dropped, so each drop is shallow.
fn dismantle(root: Part) {
    let mut work = vec![root];
    while let Some(part) = work.pop() {
        match part {
            Part::Expr(kind) => expr_children(kind, &mut work),
            Part::Stmt(kind) => stmt_children(kind, &mut work),
            Part::Declarator(kind) => match kind {
                DeclaratorKind::Name(_) => {}
                DeclaratorKind::Pointer(_, inner) => work.push(Part::Declarator(inner.kind)),
                DeclaratorKind::Array(inner, size) => {
                    work.push(Part::Declarator(inner.kind));
                    if let Some(size) = size {
                        work.push(Part::Expr(size.kind));
                    }
                }
                DeclaratorKind::Function(inner, params) => {
                    work.push(Part::Declarator(inner.kind));
                    for p in params.params {
                        work.push(Part::Specs(p.specs));
                        work.push(Part::Declarator(p.declarator.kind));
                    }
                }
            },
            Part::Specs(specs) => {
                for (spec, _) in specs.items {
                    match spec {
                        Spec::Type(TypeSpec::Record(r)) => {
                            if let Some(fields) = r.fields {
                                work.push(Part::Fields(fields));
                            }
                        }
                        Spec::Type(TypeSpec::Enum(e)) => {
                            for item in e.items.into_iter().flatten() {
                                if let Some(v) = item.value {
                                    work.push(Part::Expr(v.kind));
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            Part::Fields(fields) => {
                for f in fields {
                    work.push(Part::Specs(f.specs));
                    for (decl, width) in f.declarators {
                        if let Some(decl) = decl {
                            work.push(Part::Declarator(decl.kind));
                        }
                        if let Some(w) = width {
                            work.push(Part::Expr(w.kind));
                        }
                    }
                }
            }
            Part::Inits(items) => {
                for item in items {
                    for x in item.designators {
                        if let Designator::Index(e) = x {
                            work.push(Part::Expr(e.kind));
                        }
                    }
                    match item.init {
                        Initializer::Expr(e) => work.push(Part::Expr(e.kind)),
                        Initializer::List(items, _) => work.push(Part::Inits(items)),
                    }
                }
            }
            Part::Declaration(x) => {
                work.push(Part::Specs(x.specs));
                for id in x.declarators {
                    work.push(Part::Declarator(id.declarator.kind));
                    match id.init {
                        Some(Initializer::Expr(e)) => work.push(Part::Expr(e.kind)),
                        Some(Initializer::List(items, _)) => work.push(Part::Inits(items)),
                        None => {}
                    }
                }
            }
        }
    }
}

fn type_name_parts(t: TypeName, work: &mut Vec<Part>) {
    work.push(Part::Specs(t.specs));
    work.push(Part::Declarator(t.declarator.kind));
}

fn expr_children(kind: ExprKind, work: &mut Vec<Part>) {
    match kind {
        ExprKind::Ident(_)
        | ExprKind::Int(_)
        | ExprKind::Float(..)
        | ExprKind::Char(_)
        | ExprKind::Str(_) => {}
        ExprKind::Unary(_, a)
        | ExprKind::SizeofExpr(a)
        | ExprKind::Member(a, ..)
        | ExprKind::Arrow(a, ..) => work.push(Part::Expr(a.kind)),
        ExprKind::Binary(_, a, b)
        | ExprKind::Assign(_, a, b)
        | ExprKind::Index(a, b)
        | ExprKind::Comma(a, b) => {
            work.push(Part::Expr(a.kind));
            work.push(Part::Expr(b.kind));
        }
        ExprKind::Cond(a, b, c) => {
            work.push(Part::Expr(a.kind));
            work.push(Part::Expr(b.kind));
            work.push(Part::Expr(c.kind));
        }
        ExprKind::Call(f, args) => {
            work.push(Part::Expr(f.kind));
            work.extend(args.into_iter().map(|a| Part::Expr(a.kind)));
        }
        ExprKind::Cast(t, a) => {
            type_name_parts(*t, work);
            work.push(Part::Expr(a.kind));
        }
        ExprKind::SizeofType(t) => type_name_parts(*t, work),
        ExprKind::CompoundLiteral(t, items) => {
            type_name_parts(*t, work);
            work.push(Part::Inits(items));
        }
        ExprKind::VaArg(a, t) => {
            work.push(Part::Expr(a.kind));
            type_name_parts(*t, work);
        }
        ExprKind::Offsetof(t, path) => {
            type_name_parts(*t, work);
            for x in path {
                if let Designator::Index(e) = x {
                    work.push(Part::Expr(e.kind));
                }
            }
        }
    }
}

fn stmt_children(kind: StmtKind, work: &mut Vec<Part>) {
    let opt = |e: Option<Expr>, work: &mut Vec<Part>| {
        if let Some(e) = e {
            work.push(Part::Expr(e.kind));
        }
    };
    match kind {
        StmtKind::Expr(e) | StmtKind::Return(e) => opt(e, work),
        StmtKind::Block(b) => {
            for item in b.items {
                match item {
                    BlockItem::Decl(x) => work.push(Part::Declaration(x)),
                    BlockItem::Stmt(s) => work.push(Part::Stmt(s.kind)),
                }
            }
        }
        StmtKind::If(c, then, other) => {
            work.push(Part::Expr(c.kind));
            work.push(Part::Stmt(then.kind));
            if let Some(other) = other {
                work.push(Part::Stmt(other.kind));
            }
        }
        StmtKind::While(c, body) | StmtKind::Switch(c, body) | StmtKind::Case(c, body) => {
            work.push(Part::Expr(c.kind));
            work.push(Part::Stmt(body.kind));
        }
        StmtKind::DoWhile(body, c) => {
            work.push(Part::Stmt(body.kind));
            work.push(Part::Expr(c.kind));
        }
        StmtKind::For(init, cond, step, body) => {
            match *init {
                ForInit::Expr(e) => opt(e, work),
                ForInit::Decl(x) => work.push(Part::Declaration(x)),
            }
            opt(cond, work);
            opt(step, work);
            work.push(Part::Stmt(body.kind));
        }
        StmtKind::Default(body) | StmtKind::Label(_, body) => work.push(Part::Stmt(body.kind)),
        StmtKind::Break | StmtKind::Continue | StmtKind::Goto(_) | StmtKind::Error => {}
    }
}
