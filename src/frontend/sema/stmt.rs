//! Statements (C11 6.8): scopes, loops, `switch` tables, labels and `goto`, `return`.

use super::expr::AssignCtx;
use super::{Checker, LabelInfo, SwitchCtx};
use crate::frontend::ast::{self, BlockItem, StmtKind as S};
use crate::frontend::typed::*;
use crate::frontend::types::Type;
use crate::source::Span;
use std::collections::HashMap;

impl Checker {
    /// A compound statement; `scoped` opens a new scope (a function body shares the
    /// parameters' scope).
    pub(super) fn block(&mut self, b: &ast::Block, scoped: bool) -> Stmt {
        if scoped {
            self.push_scope();
        }
        let mut stmts = Vec::with_capacity(b.items.len());
        for item in &b.items {
            match item {
                BlockItem::Decl(d) => stmts.extend(self.declaration(d, false)),
                BlockItem::Stmt(s) => stmts.push(self.stmt(s)),
            }
        }
        if scoped {
            self.pop_scope();
        }
        Stmt {
            kind: StmtKind::Block(stmts),
            span: b.span,
        }
    }

    fn ctx(&mut self) -> &mut super::FunctionCtx {
        self.func
            .as_mut()
            .expect("statements are checked inside a function")
    }

    fn label_id(&mut self, name: &ast::Name, span: Span) -> LabelId {
        let ctx = self.ctx();
        if let Some(info) = ctx.labels.get(name) {
            return info.id;
        }
        let id = ctx.new_label();
        ctx.labels.insert(
            name.clone(),
            LabelInfo {
                id,
                defined: false,
                first_use: span,
            },
        );
        id
    }

    fn in_loop<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.ctx().loops += 1;
        let r = f(self);
        self.ctx().loops -= 1;
        r
    }

    pub(super) fn stmt(&mut self, s: &ast::Stmt) -> Stmt {
        let span = s.span;
        let kind = match &s.kind {
            S::Expr(None) | S::Error => StmtKind::Empty,
            S::Expr(Some(e)) => {
                let e = self.expr(e);
                let e = self.rvalue(e);
                StmtKind::Expr(e)
            }
            S::Block(b) => return self.block(b, true),
            S::If(c, t, f) => {
                let c = self.condition(c);
                let t = Box::new(self.sub_stmt(t));
                let f = f.as_ref().map(|f| Box::new(self.sub_stmt(f)));
                StmtKind::If(c, t, f)
            }
            S::While(c, body) => {
                let c = self.condition(c);
                let body = self.in_loop(|me| me.sub_stmt(body));
                StmtKind::While(c, Box::new(body))
            }
            S::DoWhile(body, c) => {
                let body = self.in_loop(|me| me.sub_stmt(body));
                let c = self.condition(c);
                StmtKind::DoWhile(Box::new(body), c)
            }
            S::For(init, c, step, body) => {
                self.push_scope();
                let init = match &**init {
                    ast::ForInit::Expr(None) => None,
                    ast::ForInit::Expr(Some(e)) => {
                        let e = self.value(e);
                        Some(Box::new(Stmt {
                            span: e.span,
                            kind: StmtKind::Expr(e),
                        }))
                    }
                    ast::ForInit::Decl(d) => {
                        if d.specs.items.iter().any(|(s, _)| {
                            matches!(s, ast::Spec::Storage(st) if *st != ast::Storage::Auto && *st != ast::Storage::Register)
                        }) {
                            self.error(d.span, "declaration of non-variable in 'for' loop initial declaration");
                        }
                        let stmts = self.declaration(d, false);
                        Some(Box::new(Stmt {
                            kind: StmtKind::Block(stmts),
                            span: d.span,
                        }))
                    }
                };
                let c = c.as_ref().map(|c| self.condition(c));
                let step = step.as_ref().map(|e| self.value(e));
                let body = self.in_loop(|me| me.sub_stmt(body));
                self.pop_scope();
                StmtKind::For(init, c, step, Box::new(body))
            }
            S::Break => {
                let ctx = self.ctx();
                if ctx.loops == 0 && ctx.switches.is_empty() {
                    self.error(span, "break statement not within loop or switch");
                }
                StmtKind::Break
            }
            S::Continue => {
                if self.ctx().loops == 0 {
                    self.error(span, "continue statement not within a loop");
                }
                StmtKind::Continue
            }
            S::Return(e) => self.return_stmt(e.as_ref(), span),
            S::Switch(c, body) => self.switch(c, body),
            S::Case(e, body) => {
                let value = self.int_constant(e, "case label");
                let id = self.ctx().new_label();
                match (value, self.ctx().switches.last_mut()) {
                    (_, None) => self.error(span, "case label not within a switch statement"),
                    (Some((v, ty)), Some(_)) => self.add_case(v, &ty, id, e.span),
                    (None, Some(_)) => {}
                }
                let body = self.sub_stmt(body);
                StmtKind::Label(id, Box::new(body))
            }
            S::Default(body) => {
                let id = self.ctx().new_label();
                match self.ctx().switches.last_mut() {
                    None => self.error(span, "'default' label not within a switch statement"),
                    Some(sw) => {
                        if let Some(prev) = sw.default_span {
                            self.error_with_note(
                                span,
                                "multiple default labels in one switch".into(),
                                "this is the first default label",
                                prev,
                            );
                        } else {
                            sw.default_span = Some(span);
                            sw.table.default = Some(id);
                        }
                    }
                }
                let body = self.sub_stmt(body);
                StmtKind::Label(id, Box::new(body))
            }
            S::Label(name, body) => {
                let id = self.label_id(name, span);
                let info = self.ctx().labels.get_mut(name).expect("just added");
                if info.defined {
                    self.error(span, format!("duplicate label '{name}'"));
                }
                let info = self.ctx().labels.get_mut(name).expect("just added");
                info.defined = true;
                let body = self.sub_stmt(body);
                StmtKind::Label(id, Box::new(body))
            }
            S::Goto(name) => StmtKind::Goto(self.label_id(name, span)),
        };
        Stmt { kind, span }
    }

    /// The body of an `if`, loop or label: a declaration cannot stand there alone, and a
    /// block opens its own scope.
    fn sub_stmt(&mut self, s: &ast::Stmt) -> Stmt {
        self.stmt(s)
    }

    fn return_stmt(&mut self, e: Option<&ast::Expr>, span: Span) -> StmtKind {
        let ret = self.ctx().ret.clone();
        let name = self.ctx().name.clone();
        match e {
            None => {
                if !ret.is_void() {
                    self.error(
                        span,
                        format!(
                            "'return' with no value, in function returning non-void ('{name}')"
                        ),
                    );
                }
                StmtKind::Return(None)
            }
            Some(e) => {
                let v = self.value(e);
                if ret.is_void() {
                    if !v.ty.is_void() {
                        self.error(span, "'return' with a value, in function returning void");
                    }
                    return StmtKind::Return(None).with_side_effect(v);
                }
                if v.ty.is_void() {
                    self.error(span, "void value not ignored as it ought to be");
                    return StmtKind::Return(None);
                }
                let v = self.assign_convert(v, &ret, AssignCtx::Return);
                StmtKind::Return(Some(v))
            }
        }
    }

    fn switch(&mut self, c: &ast::Expr, body: &ast::Stmt) -> StmtKind {
        let c = self.value(c);
        let c = if c.ty.is_integer() {
            let ty = self.types.promote(&c.ty);
            self.convert(c, &ty)
        } else {
            self.error(c.span, "switch quantity not an integer");
            c
        };
        self.ctx().switches.push(SwitchCtx {
            ty: c.ty.clone(),
            table: SwitchTable::default(),
            seen: HashMap::new(),
            default_span: None,
        });
        let body = self.sub_stmt(body);
        let sw = self.ctx().switches.pop().expect("pushed above");
        StmtKind::Switch(c, Box::new(body), sw.table)
    }

    fn add_case(&mut self, value: u64, ty: &Type, id: LabelId, span: Span) {
        // The case value converted to the promoted type of the controlling expression.
        let (from_bits, from_signed) = self.int_shape(ty);
        let sw_ty = self
            .ctx()
            .switches
            .last()
            .map(|s| s.ty.clone())
            .unwrap_or_else(Type::void);
        let (bits, signed) = self.int_shape(&sw_ty);
        let v = crate::arith::normalize(
            crate::arith::normalize(value, from_bits, from_signed),
            bits,
            signed,
        );
        let sw = self
            .ctx()
            .switches
            .last_mut()
            .expect("checked by the caller");
        if let Some(prev) = sw.seen.get(&v).copied() {
            self.error_with_note(
                span,
                "duplicate case value".into(),
                "previously used here",
                prev,
            );
            return;
        }
        sw.seen.insert(v, span);
        sw.table.cases.push((v, id));
    }
}

trait WithSideEffect {
    fn with_side_effect(self, e: Expr) -> StmtKind;
}

impl WithSideEffect for StmtKind {
    /// `return f();` in a void function still calls `f`.
    fn with_side_effect(self, e: Expr) -> StmtKind {
        let span = e.span;
        StmtKind::Block(vec![
            Stmt {
                kind: StmtKind::Expr(e),
                span,
            },
            Stmt { kind: self, span },
        ])
    }
}
