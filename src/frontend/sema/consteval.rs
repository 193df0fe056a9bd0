//! Constant expressions (C11 6.6): integer constants for array sizes, case labels and
//! enumerators, and the arithmetic and address constants of static initializers. The
//! arithmetic is [`crate::arith`], the same the VM executes.

use super::Checker;
use crate::arith::{self, Cmp, IntOp};
use crate::frontend::ast;
use crate::frontend::typed::*;
use crate::frontend::types::{FloatKind, Type, TypeKind};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ConstValue {
    Int(u64),
    Float(f64),
    /// The address of a symbol plus a byte offset.
    Addr(Symbol, i64),
}

impl Checker {
    /// Width in bits and signedness of a scalar type, as the arithmetic sees it.
    pub(super) fn int_shape(&self, ty: &Type) -> (u32, bool) {
        let size = self.types.size_of(ty).unwrap_or(8);
        let signed = ty.int_kind().is_some_and(|k| k.is_signed());
        ((size * 8) as u32, signed)
    }

    /// An integer constant expression's value (truncated to its type): no address takes
    /// part in one, not even as `!&x` or `&x == &x`.
    pub(super) fn eval_int(&self, e: &Expr) -> Option<u64> {
        match self.eval_arith(e)? {
            ConstValue::Int(v) => Some(v),
            _ => None,
        }
    }

    /// Checks an expression that must be an integer constant; reports it if not.
    pub(super) fn int_constant(&mut self, e: &ast::Expr, what: &str) -> Option<(u64, Type)> {
        let before = self.non_ice;
        let checked = self.constant(|c| c.value(e));
        if !checked.ty.is_integer() {
            self.error(e.span, format!("{what} is not an integer constant"));
            return None;
        }
        if self.non_ice != before {
            self.error(
                e.span,
                format!("{what} is not an integer constant expression"),
            );
            return None;
        }
        self.const_overflow.set(false);
        match self.eval_int(&checked) {
            Some(v) => Some((v, checked.ty)),
            None if self.const_overflow.get() => {
                self.error(e.span, "overflow in constant expression");
                None
            }
            None => {
                self.error(e.span, format!("{what} is not an integer constant"));
                None
            }
        }
    }

    /// Checks an expression that must be constant: there a constant division that
    /// overflows (`INT_MIN / -1`) stays unfolded, for evaluation to report.
    pub(super) fn constant<T>(&mut self, check: impl FnOnce(&mut Self) -> T) -> T {
        let outer = std::mem::replace(&mut self.in_constant, true);
        let checked = check(self);
        self.in_constant = outer;
        checked
    }

    /// The value of a constant expression, addresses included (static initializers).
    pub(super) fn eval(&self, e: &Expr) -> Option<ConstValue> {
        self.eval_with(e, true)
    }

    /// The value of an arithmetic constant expression: none if an address takes part.
    pub(super) fn eval_arith(&self, e: &Expr) -> Option<ConstValue> {
        self.eval_with(e, false)
    }

    fn eval_with(&self, e: &Expr, addresses: bool) -> Option<ConstValue> {
        use ConstValue::*;
        // Without addresses, no pointer is an operand either (`p && q`, `!p`,
        // `(char)(void *)0` are no integer constants); a conversion to a pointer type may
        // still make `(void *)0` or `(int *)(void *)0`.
        let pointers = addresses || (matches!(e.kind, ExprKind::Convert(_)) && e.ty.is_pointer());
        let eval = |x: &Expr| {
            if x.ty.is_pointer() && !pointers {
                None
            } else {
                self.eval_with(x, addresses)
            }
        };
        match &e.kind {
            ExprKind::Const(v) => Some(Int(*v)),
            ExprKind::FConst(f) => Some(Float(*f)),
            ExprKind::Convert(x) => self.convert_const(eval(x)?, &x.ty, &e.ty),
            ExprKind::AddrOf(x) if addresses => self.address_of(x),
            ExprKind::Unary(op, x) => {
                let v = eval(x)?;
                match (op, v) {
                    (UnaryOp::LogNot, Int(v)) => Some(Int((v == 0) as u64)),
                    (UnaryOp::LogNot, Float(f)) => Some(Int((f == 0.0) as u64)),
                    (UnaryOp::LogNot, Addr(..)) => Some(Int(0)),
                    (UnaryOp::Neg, Int(v)) => {
                        let (bits, signed) = self.int_shape(&e.ty);
                        if !self.defined_in_constant(BinaryOp::Sub, bits, signed, 0, v) {
                            return None;
                        }
                        arith::int_op(IntOp::Sub, bits, signed, 0, v).ok().map(Int)
                    }
                    (UnaryOp::Neg, Float(f)) => Some(Float(-f)),
                    (UnaryOp::BitNot, Int(v)) => {
                        let (bits, signed) = self.int_shape(&e.ty);
                        Some(Int(arith::normalize(!v, bits, signed)))
                    }
                    _ => None,
                }
            }
            ExprKind::Binary(op, a, b) => {
                let (x, y) = (eval(a)?, eval(b)?);
                match (x, y) {
                    (Int(x), Int(y)) => {
                        let (bits, signed) = self.int_shape(&e.ty);
                        if !self.defined_in_constant(*op, bits, signed, x, y) {
                            return None;
                        }
                        // What is left to trap is a zero divisor, which has no value.
                        arith::int_op(int_op(*op), bits, signed, x, y).ok().map(Int)
                    }
                    (Float(x), Float(y)) => {
                        let r = match op {
                            BinaryOp::Add => x + y,
                            BinaryOp::Sub => x - y,
                            BinaryOp::Mul => x * y,
                            BinaryOp::Div => x / y,
                            _ => return None,
                        };
                        Some(Float(self.round_to(r, &e.ty)))
                    }
                    _ => None,
                }
            }
            ExprKind::Compare(op, a, b) => {
                let (x, y) = (eval(a)?, eval(b)?);
                let op = cmp(*op);
                match (x, y) {
                    (Int(x), Int(y)) => {
                        let (bits, signed) = self.int_shape(&a.ty);
                        Some(Int(arith::int_cmp(op, bits, signed, x, y) as u64))
                    }
                    (Float(x), Float(y)) => Some(Int(op.holds(x, y) as u64)),
                    (Addr(s, o), Addr(t, p)) if s == t => Some(Int(op.holds(o, p) as u64)),
                    _ => None,
                }
            }
            ExprKind::PtrOffset(p, i, size) => {
                let Int(i) = eval(i)? else { return None };
                let delta = (i as i64).wrapping_mul(*size as i64);
                match eval(p)? {
                    Addr(s, o) => Some(Addr(s, o.wrapping_add(delta))),
                    Int(v) => Some(Int(v.wrapping_add(delta as u64))),
                    Float(_) => None,
                }
            }
            ExprKind::PtrDiff(a, b, size) => match (eval(a)?, eval(b)?) {
                (Addr(s, o), Addr(t, p)) if s == t && *size > 0 => {
                    Some(Int(((o - p) / *size as i64) as u64))
                }
                _ => None,
            },
            ExprKind::LogAnd(a, b) => {
                if !truthy(eval(a)?) {
                    return Some(Int(0));
                }
                Some(Int(truthy(eval(b)?) as u64))
            }
            ExprKind::LogOr(a, b) => {
                if truthy(eval(a)?) {
                    return Some(Int(1));
                }
                Some(Int(truthy(eval(b)?) as u64))
            }
            ExprKind::Cond(c, t, f) => {
                if truthy(eval(c)?) {
                    eval(t)
                } else {
                    eval(f)
                }
            }
            _ => None,
        }
    }

    /// Whether an integer operation has a value in a constant expression. Signed
    /// overflow has none (and is noted, for gcc's "overflow in constant expression"),
    /// nor has a shift that C leaves undefined: by a negative count or one not less than
    /// the width, or a signed left shift of a negative value or into the sign bit.
    /// (Outside constant expressions such operations are left to run time, which wraps.)
    fn defined_in_constant(&self, op: BinaryOp, bits: u32, signed: bool, x: u64, y: u64) -> bool {
        let wide = |v: u64| -> i128 {
            if signed {
                arith::normalize(v, bits, true) as i64 as i128
            } else {
                arith::normalize(v, bits, false) as i128
            }
        };
        let (a, b) = (wide(x), wide(y));
        let max = if signed {
            (1i128 << (bits - 1)) - 1
        } else {
            (1i128 << bits) - 1
        };
        let exact = match op {
            BinaryOp::Shl | BinaryOp::Shr => {
                if b < 0 || b >= bits as i128 {
                    return false;
                }
                if op == BinaryOp::Shr || !signed {
                    return true;
                }
                return a >= 0 && (a << b) <= max;
            }
            _ if !signed => return true,
            BinaryOp::Add => a + b,
            BinaryOp::Sub => a - b,
            BinaryOp::Mul => a * b,
            BinaryOp::Div | BinaryOp::Rem if b == -1 => -a,
            _ => return true,
        };
        let fits = exact <= max && exact >= -max - 1;
        if !fits {
            self.const_overflow.set(true);
        }
        fits
    }

    fn round_to(&self, x: f64, ty: &Type) -> f64 {
        match ty.kind {
            TypeKind::Float(FloatKind::Float) => x as f32 as f64,
            _ => x,
        }
    }

    fn convert_const(&self, v: ConstValue, from: &Type, to: &Type) -> Option<ConstValue> {
        use ConstValue::*;
        if to.is_void() {
            return None;
        }
        if to.is_bool() {
            return Some(Int(truthy(v) as u64));
        }
        match v {
            Int(x) if to.is_integer() || to.is_pointer() => {
                let (bits, signed) = self.int_shape(to);
                Some(Int(arith::normalize(x, bits, signed)))
            }
            Int(x) if to.is_float() => {
                let signed = from.int_kind().is_some_and(|k| k.is_signed());
                Some(Float(match to.kind {
                    TypeKind::Float(FloatKind::Float) => arith::int_to_f32(x, signed) as f64,
                    _ => arith::int_to_float(x, signed),
                }))
            }
            Float(f) if to.is_integer() => {
                let (bits, signed) = self.int_shape(to);
                Some(Int(arith::float_to_int(f, bits, signed)))
            }
            Float(f) if to.is_float() => Some(Float(self.round_to(f, to))),
            // An address stays one only in a pointer or a pointer-sized integer.
            Addr(..)
                if to.is_pointer()
                    || self.types.size_of(to) == Some(self.types.target.ptr_size) =>
            {
                Some(v)
            }
            _ => None,
        }
    }

    /// The address of an lvalue, when it is a constant.
    fn address_of(&self, e: &Expr) -> Option<ConstValue> {
        use ConstValue::*;
        match &e.kind {
            ExprKind::Global(id) => Some(Addr(Symbol::Global(*id), 0)),
            ExprKind::Str(id) => Some(Addr(Symbol::Str(*id), 0)),
            ExprKind::Func(id) => Some(Addr(Symbol::Func(*id), 0)),
            ExprKind::Member(base, off) => match self.address_of(base)? {
                Addr(s, o) => Some(Addr(s, o + *off as i64)),
                Int(v) => Some(Int(v.wrapping_add(*off))),
                Float(_) => None,
            },
            ExprKind::Deref(p) => match self.eval(p)? {
                a @ (Addr(..) | Int(_)) => Some(a),
                Float(_) => None,
            },
            _ => None,
        }
    }
}

fn truthy(v: ConstValue) -> bool {
    match v {
        ConstValue::Int(x) => x != 0,
        ConstValue::Float(f) => f != 0.0,
        ConstValue::Addr(..) => true,
    }
}

pub(super) fn int_op(op: BinaryOp) -> IntOp {
    match op {
        BinaryOp::Add => IntOp::Add,
        BinaryOp::Sub => IntOp::Sub,
        BinaryOp::Mul => IntOp::Mul,
        BinaryOp::Div => IntOp::Div,
        BinaryOp::Rem => IntOp::Rem,
        BinaryOp::Shl => IntOp::Shl,
        BinaryOp::Shr => IntOp::Shr,
        BinaryOp::BitAnd => IntOp::And,
        BinaryOp::BitOr => IntOp::Or,
        BinaryOp::BitXor => IntOp::Xor,
    }
}

pub(super) fn cmp(op: CmpOp) -> Cmp {
    match op {
        CmpOp::Eq => Cmp::Eq,
        CmpOp::Ne => Cmp::Ne,
        CmpOp::Lt => Cmp::Lt,
        CmpOp::Le => Cmp::Le,
        CmpOp::Gt => Cmp::Gt,
        CmpOp::Ge => Cmp::Ge,
    }
}
