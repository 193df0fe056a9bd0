//! Statements: structured control flow to jumps; `switch` to a chain of compares.

use super::func::{Dst, FuncGen, Label, Width};
use crate::bytecode::*;
use crate::frontend::typed::*;

impl FuncGen<'_> {
    /// A loop's first test, made where the loop is entered: to `l_end` unless `c` holds.
    fn test_on_entry(&mut self, c: &Expr, l_end: Label) {
        self.span = c.span;
        let m = self.mark();
        self.branch(c, false, l_end);
        self.release(m);
    }

    pub fn stmt(&mut self, s: &Stmt) {
        self.span = s.span;
        // Temporaries live for one statement at most.
        let mark = self.mark();
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Expr(e) => self.effect(e),
            StmtKind::Block(stmts) => {
                for s in stmts {
                    self.stmt(s);
                }
            }
            StmtKind::If(c, t, f) => {
                let l_else = self.new_label();
                self.branch(c, false, l_else);
                self.release(mark);
                self.stmt(t);
                match f {
                    Some(f) => {
                        let l_end = self.new_label();
                        self.jump(l_end);
                        self.place_label(l_else);
                        self.stmt(f);
                        self.place_label(l_end);
                    }
                    None => self.place_label(l_else),
                }
            }
            StmtKind::While(c, body) => {
                // Test at the bottom: one jump per iteration. The test is also made once
                // on the way in, rather than jumping down to it.
                let (l_body, l_test, l_end) =
                    (self.new_label(), self.new_label(), self.new_label());
                self.test_on_entry(c, l_end);
                self.loop_depth += 1;
                self.place_label(l_body);
                self.loop_body(body, l_end, l_test);
                self.place_label(l_test);
                self.span = c.span;
                self.branch(c, true, l_body);
                self.place_label(l_end);
                self.loop_depth -= 1;
            }
            StmtKind::DoWhile(body, c) => {
                self.loop_depth += 1;
                let (l_body, l_test, l_end) =
                    (self.new_label(), self.new_label(), self.new_label());
                self.place_label(l_body);
                self.loop_body(body, l_end, l_test);
                self.place_label(l_test);
                self.span = c.span;
                self.branch(c, true, l_body);
                self.place_label(l_end);
                self.loop_depth -= 1;
            }
            StmtKind::For(init, c, step, body) => {
                if let Some(init) = init {
                    self.stmt(init);
                }
                let (l_body, l_step, l_test, l_end) = (
                    self.new_label(),
                    self.new_label(),
                    self.new_label(),
                    self.new_label(),
                );
                if let Some(c) = c {
                    self.test_on_entry(c, l_end);
                }
                self.loop_depth += 1;
                self.place_label(l_body);
                self.loop_body(body, l_end, l_step);
                self.place_label(l_step);
                if let Some(step) = step {
                    self.span = step.span;
                    let m = self.mark();
                    self.effect(step);
                    self.release(m);
                }
                self.place_label(l_test);
                match c {
                    Some(c) => {
                        self.span = c.span;
                        self.branch(c, true, l_body);
                    }
                    None => self.jump(l_body),
                }
                self.place_label(l_end);
                self.loop_depth -= 1;
            }
            StmtKind::Break => {
                if let Some(&(l_break, _)) = self.jumps.last() {
                    self.jump(l_break);
                }
            }
            StmtKind::Continue => {
                if let Some(l) = self.jumps.iter().rev().find_map(|(_, c)| *c) {
                    self.jump(l);
                }
            }
            StmtKind::Return(e) => self.ret(e.as_ref()),
            StmtKind::Switch(c, body, table) => self.switch(c, body, table),
            StmtKind::Label(id, body) => {
                let l = self.c_labels[id.0 as usize];
                self.place_label(l);
                self.stmt(body);
            }
            StmtKind::Goto(id) => {
                let l = self.c_labels[id.0 as usize];
                self.jump(l);
            }
            StmtKind::Init(id, pieces) => self.init_local(*id, pieces),
        }
        self.release(mark);
    }

    fn loop_body(&mut self, body: &Stmt, l_break: Label, l_continue: Label) {
        self.jumps.push((l_break, Some(l_continue)));
        self.stmt(body);
        self.jumps.pop();
    }

    pub fn ret(&mut self, e: Option<&Expr>) {
        let Some(e) = e else {
            self.emit(Op::Ret {});
            return;
        };
        // `return c ? a : b;` returns from each arm.
        if let ExprKind::Cond(c, t, f) = &e.kind
            && !e.ty.is_record()
        {
            let l_else = self.new_label();
            self.branch(c, false, l_else);
            self.ret(Some(t));
            self.place_label(l_else);
            self.ret(Some(f));
            return;
        }
        if e.ty.is_record() {
            // Copy into the caller's buffer; return its address.
            let src = self.place(e);
            let ptr = self
                .ret_ptr
                .expect("struct-returning functions have a result buffer");
            let n = self.size(&e.ty);
            self.copy(super::func::Place::Mem(ptr, 0), src, n);
            self.emit(Op::Ret64 { a: ptr });
            return;
        }
        let s = self.widened(e);
        match self.width(&e.ty) {
            Width::I64 | Width::F64 => self.emit(Op::Ret64 { a: s }),
            _ => self.emit(Op::Ret32 { a: s }),
        }
    }

    fn switch(&mut self, c: &Expr, body: &Stmt, table: &SwitchTable) {
        let s = self.value(c, Dst::Any);
        let wide = self.width(&c.ty) == Width::I64;
        for &(value, label) in &table.cases {
            let t = Target(self.c_labels[label.0 as usize].0);
            match (wide, i32::try_from(value as i64)) {
                (false, _) => self.emit(Op::JEqI32 {
                    a: s,
                    imm: Imm(value as u32 as i32),
                    t,
                }),
                (true, _) => {
                    let v = self.const_int(Dst::Any, value, true);
                    self.emit(Op::JEq64 { a: s, b: v, t });
                }
            }
        }
        let l_end = self.new_label();
        match table.default {
            Some(d) => {
                let l = self.c_labels[d.0 as usize];
                self.jump(l);
            }
            None => self.jump(l_end),
        }
        self.jumps.push((l_end, None));
        self.stmt(body);
        self.jumps.pop();
        self.place_label(l_end);
    }
}
