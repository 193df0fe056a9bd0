//! Expressions (C11 6.5): types, lvalues, the usual conversions, and the constraints.

use super::consteval::{ConstValue, int_op};
use super::{Checker, Ordinary};
use crate::arith::{self, IntTrap};
use crate::frontend::ast::{self, BinOp, ExprKind as A, FloatSuffix, IntLit, Name, UnOp};
use crate::frontend::typed::*;
use crate::frontend::types::{FloatKind, IntKind, Quals, Type, TypeKind};
use crate::source::Span;

/// Where a value is converted "as if by assignment", for the wording of messages.
#[derive(Clone, Debug)]
pub(super) enum AssignCtx {
    Assign,
    Init,
    Return,
    Arg(usize, Name),
}

impl AssignCtx {
    /// The conversion as gcc's messages name it ("assignment discards ...").
    fn action(&self) -> String {
        match self {
            AssignCtx::Assign => "assignment".to_string(),
            AssignCtx::Init => "initialization".to_string(),
            AssignCtx::Return => "return".to_string(),
            AssignCtx::Arg(i, f) => format!("passing argument {} of '{f}'", i + 1),
        }
    }
}

/// The builtins behind `<math.h>`'s classification macros (`isnan`, ...): declared as
/// taking a `double`, but like gcc's they take a floating value only.
const FLOAT_CLASSIFIERS: &[&str] = &[
    "__builtin_isnan",
    "__builtin_isinf",
    "__builtin_isfinite",
    "__builtin_signbit",
];

/// Library functions of what segvm leaves out (SPEC section 1), with what they are for:
/// a call says so rather than that the function is undeclared.
fn unsupported_function(name: &str) -> Option<&'static str> {
    Some(match name {
        "fopen" | "freopen" | "fclose" | "fread" | "fwrite" | "fseek" | "ftell" | "rewind"
        | "fgetpos" | "fsetpos" | "remove" | "rename" | "tmpfile" | "tmpnam" => {
            "files other than stdin, stdout and stderr"
        }
        "setjmp" | "longjmp" => "setjmp and longjmp",
        "thrd_create" | "thrd_join" | "mtx_init" | "mtx_lock" | "mtx_unlock" => "threads",
        _ => return None,
    })
}

/// Two integer types that are the signed and unsigned forms of one type (`int` and
/// `unsigned int`, `char` and `unsigned char`): pointers to them differ only in the
/// signedness of their targets, which plain `gcc -std=c99` accepts with a warning.
fn differ_in_signedness_only(a: &Type, b: &Type) -> bool {
    match (&a.kind, &b.kind) {
        (TypeKind::Int(x), TypeKind::Int(y)) => {
            x != y && *x != IntKind::Bool && x.to_unsigned() == y.to_unsigned()
        }
        _ => false,
    }
}

impl Checker {
    fn mk(&self, kind: ExprKind, ty: Type, span: Span) -> Expr {
        Expr { kind, ty, span }
    }

    /// A placeholder after an error, so checking can go on without more errors from it.
    pub(super) fn bad(&self, span: Span) -> Expr {
        self.mk(ExprKind::Error, Type::int(IntKind::Int), span)
    }

    fn int_const(&self, v: u64, ty: Type, span: Span) -> Expr {
        self.mk(ExprKind::Const(v), ty, span)
    }

    /// An expression as an rvalue: arrays decay to pointers, functions to function
    /// pointers, qualifiers drop.
    pub(super) fn value(&mut self, e: &ast::Expr) -> Expr {
        let e = self.expr(e);
        self.rvalue(e)
    }

    pub(super) fn rvalue(&mut self, e: Expr) -> Expr {
        if e.ty.is_array()
            && let Some(name) = self.register_object(&e)
        {
            // The array decays to its address, which a register object has none of.
            self.error(
                e.span,
                format!("address of register variable '{name}' requested"),
            );
        }
        self.decayed(e)
    }

    /// `rvalue` without the check for register arrays (done by the caller).
    fn decayed(&mut self, e: Expr) -> Expr {
        match &e.ty.kind {
            TypeKind::Array(elem, _) => {
                // An array's qualifiers are its elements' (a member of a const struct).
                let ty =
                    Type::pointer_to((**elem).clone().with_quals(elem.quals.union(e.ty.quals)));
                let span = e.span;
                self.mk(ExprKind::AddrOf(Box::new(e)), ty, span)
            }
            TypeKind::Function(_) => {
                let ty = Type::pointer_to(e.ty.clone());
                let span = e.span;
                self.mk(ExprKind::AddrOf(Box::new(e)), ty, span)
            }
            _ if e.ty.quals != Quals::default() => {
                let ty = e.ty.unqualified();
                Expr { ty, ..e }
            }
            _ => e,
        }
    }

    /// Converts to a type, folding constants right away.
    pub(super) fn convert(&mut self, e: Expr, to: &Type) -> Expr {
        let to = to.unqualified();
        if e.ty == to {
            return e;
        }
        let span = e.span;
        let conv = self.mk(ExprKind::Convert(Box::new(e)), to.clone(), span);
        match self.eval_arith(&conv) {
            Some(ConstValue::Int(v)) if to.is_integer() || to.is_pointer() => {
                self.int_const(v, to, span)
            }
            Some(ConstValue::Float(f)) if to.is_float() => self.mk(ExprKind::FConst(f), to, span),
            _ => conv,
        }
    }

    fn is_null_constant(&self, e: &Expr) -> bool {
        matches!(e.kind, ExprKind::Const(0)) && (e.ty.is_integer() || e.ty.is_void_pointer())
    }

    /// The integer promotions applied to an rvalue.
    fn promoted(&mut self, e: Expr) -> Expr {
        let ty = self.types.promote(&e.ty);
        self.convert(e, &ty)
    }

    /// Checks that a value can be assigned to an object of type `to` (C11 6.5.16.1) and
    /// converts it.
    pub(super) fn assign_convert(&mut self, e: Expr, to: &Type, ctx: AssignCtx) -> Expr {
        if is_error(&e) {
            return e;
        }
        let to_u = to.unqualified();
        let from = e.ty.clone();
        let span = e.span;
        let ok = if to_u.is_arithmetic() && from.is_arithmetic() {
            true
        } else if to_u.is_record() || from.is_record() {
            if self.types.compatible_unqualified(&to_u, &from) {
                true
            } else {
                let msg = match &ctx {
                    AssignCtx::Assign => format!(
                        "incompatible types when assigning to type '{}' from type '{}'",
                        self.display(&to_u),
                        self.display(&from)
                    ),
                    AssignCtx::Init => format!(
                        "incompatible types when initializing type '{}' using type '{}'",
                        self.display(&to_u),
                        self.display(&from)
                    ),
                    AssignCtx::Return => format!(
                        "incompatible types when returning type '{}' but '{}' was expected",
                        self.display(&from),
                        self.display(&to_u)
                    ),
                    AssignCtx::Arg(i, f) => {
                        format!("incompatible type for argument {} of '{f}'", i + 1)
                    }
                };
                self.error(span, msg);
                return self.bad(span);
            }
        } else if to_u.is_bool() && from.is_pointer() {
            true
        } else if to_u.is_pointer() && from.is_pointer() {
            let (tp, fp) = (
                to_u.pointee().cloned().unwrap_or_else(Type::void),
                from.pointee().cloned().unwrap_or_else(Type::void),
            );
            let compatible =
                tp.is_void() || fp.is_void() || self.types.compatible_unqualified(&tp, &fp);
            if !compatible && self.permissive && differ_in_signedness_only(&tp, &fp) {
                let what = match &ctx {
                    AssignCtx::Return => "returning".to_string(),
                    _ => ctx.action(),
                };
                let msg = format!(
                    "pointer targets in {what} from '{}' to '{}' differ in signedness",
                    self.display(&from),
                    self.display(&to_u)
                );
                self.warning(span, msg);
            } else if !compatible && !self.is_null_constant(&e) {
                let msg = match &ctx {
                    AssignCtx::Assign => format!(
                        "assignment to '{}' from incompatible pointer type '{}'",
                        self.display(&to_u),
                        self.display(&from)
                    ),
                    AssignCtx::Init => format!(
                        "initialization of '{}' from incompatible pointer type '{}'",
                        self.display(&to_u),
                        self.display(&from)
                    ),
                    AssignCtx::Return => format!(
                        "returning '{}' from a function with incompatible return type '{}'",
                        self.display(&from),
                        self.display(&to_u)
                    ),
                    AssignCtx::Arg(i, f) => format!(
                        "passing argument {} of '{f}' from incompatible pointer type",
                        i + 1
                    ),
                };
                self.error(span, msg);
            } else if !tp.quals.contains(fp.quals) && !fp.is_function() && !tp.is_function() {
                let q = if fp.quals.is_const && !tp.quals.is_const {
                    "const"
                } else {
                    "volatile"
                };
                let what = ctx.action();
                self.error(
                    span,
                    format!("{what} discards '{q}' qualifier from pointer target type"),
                );
            } else if ((tp.is_function() && fp.is_void()) || (fp.is_function() && tp.is_void()))
                && !self.is_null_constant(&e)
            {
                let what = ctx.action();
                self.error(
                    span,
                    format!("ISO C forbids {what} between function pointer and 'void *'"),
                );
            }
            true
        } else if to_u.is_pointer() && self.is_null_constant(&e) {
            true
        } else if (to_u.is_pointer() && from.is_integer())
            || (to_u.is_integer() && from.is_pointer())
        {
            let (a, b) = if to_u.is_pointer() {
                ("pointer", "integer")
            } else {
                ("integer", "pointer")
            };
            let msg = match &ctx {
                AssignCtx::Assign => format!(
                    "assignment to '{}' from '{}' makes {a} from {b} without a cast",
                    self.display(&to_u),
                    self.display(&from)
                ),
                AssignCtx::Init => format!(
                    "initialization of '{}' from '{}' makes {a} from {b} without a cast",
                    self.display(&to_u),
                    self.display(&from)
                ),
                AssignCtx::Return => format!(
                    "returning '{}' from a function with return type '{}' makes {a} from {b} without a cast",
                    self.display(&from),
                    self.display(&to_u)
                ),
                AssignCtx::Arg(i, f) => format!(
                    "passing argument {} of '{f}' makes {a} from {b} without a cast",
                    i + 1
                ),
            };
            self.error(span, msg);
            true
        } else {
            false
        };
        if !ok {
            let msg = match &ctx {
                AssignCtx::Assign => format!(
                    "incompatible types when assigning to type '{}' from type '{}'",
                    self.display(&to_u),
                    self.display(&from)
                ),
                AssignCtx::Init => format!(
                    "incompatible types when initializing type '{}' using type '{}'",
                    self.display(&to_u),
                    self.display(&from)
                ),
                AssignCtx::Return => format!(
                    "incompatible types when returning type '{}' but '{}' was expected",
                    self.display(&from),
                    self.display(&to_u)
                ),
                AssignCtx::Arg(i, f) => {
                    format!("incompatible type for argument {} of '{f}'", i + 1)
                }
            };
            self.error(span, msg);
            return self.bad(span);
        }
        self.convert(e, &to_u)
    }

    /// Checks an expression (not yet converted to an rvalue).
    pub(super) fn expr(&mut self, e: &ast::Expr) -> Expr {
        let span = e.span;
        match &e.kind {
            A::Int(lit) => {
                let ty = self.int_literal_type(lit, span);
                let (bits, signed) = self.int_shape(&ty);
                self.int_const(crate::arith::normalize(lit.value, bits, signed), ty, span)
            }
            A::Float(v, suffix) => {
                self.non_ice += 1;
                let ty = match suffix {
                    FloatSuffix::F => Type::float(FloatKind::Float),
                    FloatSuffix::None => Type::float(FloatKind::Double),
                    FloatSuffix::L => {
                        self.error(span, "'long double' is not supported by segvm");
                        Type::float(FloatKind::Double)
                    }
                };
                self.mk(ExprKind::FConst(*v), ty, span)
            }
            A::Char(v) => self.int_const(*v as i32 as i64 as u64, Type::int(IntKind::Int), span),
            A::Str(bytes) => {
                let len = bytes.len() as u64 + 1;
                let id = self.intern_string(bytes.clone());
                self.mk(
                    ExprKind::Str(id),
                    Type::array_of(Type::int(IntKind::Char), Some(len)),
                    span,
                )
            }
            A::Ident(name) => self.identifier(name, span),
            A::Unary(op, x) => self.unary(*op, x, span),
            A::Binary(op, a, b) => self.binary(*op, a, b, span),
            A::Assign(op, a, b) => self.assignment(*op, a, b, span),
            A::Cond(c, t, f) => self.conditional(c, t, f, span),
            A::Call(f, args) => self.call(f, args, span),
            A::Index(a, i) => {
                let (a, i) = (self.expr(a), self.expr(i));
                for x in [&a, &i] {
                    if x.ty.is_array() && self.register_object(x).is_some() {
                        self.error(span, "ISO C forbids subscripting 'register' array");
                    }
                }
                let (a, i) = (self.decayed(a), self.decayed(i));
                let (ptr, idx) = if a.ty.is_pointer() {
                    (a, i)
                } else if i.ty.is_pointer() {
                    (i, a)
                } else {
                    self.error(span, "subscripted value is neither array nor pointer");
                    return self.bad(span);
                };
                if !idx.ty.is_integer() {
                    self.error(idx.span, "array subscript is not an integer");
                    return self.bad(span);
                }
                let sum = self.pointer_offset(ptr, idx, false, span);
                self.deref(sum, span)
            }
            A::Member(base, name, nspan) => {
                let base = self.expr(base);
                self.member(base, name, *nspan, span, false)
            }
            A::Arrow(base, name, nspan) => {
                let base = self.value(base);
                self.member(base, name, *nspan, span, true)
            }
            A::Cast(tn, x) => {
                let to = self.type_name(tn);
                let before = self.non_ice;
                let value = self.value(x);
                if !to.is_integer() {
                    self.non_ice += 1;
                } else if matches!(x.kind, A::Float(..)) {
                    // A floating constant cast to an integer type may be in one.
                    self.non_ice = before;
                }
                self.cast(value, &to, span)
            }
            A::SizeofExpr(x) => {
                let before = self.non_ice;
                let x = self.expr(x);
                self.non_ice = before;
                self.sizeof(&x.ty, span)
            }
            A::SizeofType(tn) => {
                let before = self.non_ice;
                let ty = self.type_name(tn);
                self.non_ice = before;
                self.sizeof(&ty, span)
            }
            A::Comma(a, b) => {
                self.non_ice += 1;
                let a = self.value(a);
                let b = self.value(b);
                let ty = b.ty.clone();
                self.mk(ExprKind::Comma(Box::new(a), Box::new(b)), ty, span)
            }
            A::CompoundLiteral(tn, items) => {
                let ty = self.type_name(tn);
                let init = ast::Initializer::List(items.clone(), span);
                self.compound_literal(ty, &init, span)
            }
            A::VaArg(ap, tn) => {
                let ap = self.expr(ap);
                let ty = self.type_name(tn);
                if !ap.is_lvalue() || !self.is_va_list(&ap.ty) {
                    self.error(span, "first argument to 'va_arg' not of type 'va_list'");
                    return self.bad(span);
                }
                self.mk(ExprKind::VaArg(Box::new(ap)), ty.unqualified(), span)
            }
            A::Offsetof(tn, path) => {
                let ty = self.type_name(tn);
                self.offsetof(&ty, path, span)
            }
        }
    }

    /// The type of an integer constant (C11 6.4.4.1p5): the first that can hold it.
    fn int_literal_type(&mut self, lit: &IntLit, span: Span) -> Type {
        use IntKind::*;
        let candidates: &[IntKind] = match (lit.unsigned, lit.longs, lit.decimal) {
            (false, 0, true) => &[Int, Long, LongLong],
            (false, 0, false) => &[Int, UInt, Long, ULong, LongLong, ULongLong],
            (true, 0, _) => &[UInt, ULong, ULongLong],
            (false, 1, true) => &[Long, LongLong],
            (false, 1, false) => &[Long, ULong, LongLong, ULongLong],
            (true, 1, _) => &[ULong, ULongLong],
            (false, _, true) => &[LongLong],
            (false, _, false) => &[LongLong, ULongLong],
            (true, _, _) => &[ULongLong],
        };
        for k in candidates {
            let bits = k.size(self.types.target) * 8;
            let max = if k.is_signed() {
                (1u128 << (bits - 1)) - 1
            } else {
                (1u128 << bits) - 1
            };
            if (lit.value as u128) <= max {
                return Type::int(*k);
            }
        }
        self.warning(span, "integer constant is so large that it is unsigned");
        Type::int(ULongLong)
    }

    fn identifier(&mut self, name: &Name, span: Span) -> Expr {
        match self.lookup(name).cloned() {
            Some(Ordinary::Local(id)) => {
                let ty = self
                    .func
                    .as_ref()
                    .map(|f| f.locals[id.0 as usize].ty.clone())
                    .unwrap_or_else(Type::void);
                self.mk(ExprKind::Local(id), ty, span)
            }
            Some(Ordinary::Global(id)) => {
                let ty = self.globals[id.0 as usize].ty.clone();
                self.mk(ExprKind::Global(id), ty, span)
            }
            Some(Ordinary::Func(id)) => {
                if !self.runtime {
                    self.used_funcs.insert(id);
                }
                let ty = Type::new(TypeKind::Function(self.functions[id.0 as usize].ty.clone()));
                self.mk(ExprKind::Func(id), ty, span)
            }
            Some(Ordinary::EnumConst(v, ty)) => self.int_const(v, ty, span),
            Some(Ordinary::Typedef(_)) => {
                self.error(span, format!("expected expression before '{name}'"));
                self.bad(span)
            }
            None if &**name == "__func__" => match &self.func {
                Some(f) => {
                    let bytes = f.name.as_bytes().to_vec();
                    let len = bytes.len() as u64 + 1;
                    let id = self.intern_string(bytes);
                    let ty = Type::array_of(
                        Type::int(IntKind::Char).with_quals(Quals {
                            is_const: true,
                            is_volatile: false,
                        }),
                        Some(len),
                    );
                    self.mk(ExprKind::Str(id), ty, span)
                }
                None => {
                    self.error(span, "'__func__' is not defined outside of function scope");
                    self.bad(span)
                }
            },
            None => {
                let msg = if self.func.is_some() {
                    format!("'{name}' undeclared (first use in this function)")
                } else {
                    format!("'{name}' undeclared here (not in a function)")
                };
                self.error(span, msg);
                self.bad(span)
            }
        }
    }

    fn deref(&mut self, p: Expr, span: Span) -> Expr {
        if is_error(&p) {
            return self.bad(span);
        }
        match p.ty.pointee() {
            Some(t) if p.ty.is_pointer() => {
                let t = t.clone();
                self.mk(ExprKind::Deref(Box::new(p)), t, span)
            }
            _ => {
                self.error(
                    span,
                    format!(
                        "invalid type argument of unary '*' (have '{}')",
                        self.display(&p.ty)
                    ),
                );
                self.bad(span)
            }
        }
    }

    fn member(&mut self, base: Expr, name: &Name, nspan: Span, span: Span, arrow: bool) -> Expr {
        if is_error(&base) {
            return self.bad(span);
        }
        let base = if arrow {
            match base.ty.pointee() {
                Some(t) if base.ty.is_pointer() && t.is_record() => {
                    let t = t.clone();
                    let bspan = base.span;
                    self.mk(ExprKind::Deref(Box::new(base)), t, bspan)
                }
                _ => {
                    self.error(
                        span,
                        format!(
                            "invalid type argument of '->' (have '{}')",
                            self.display(&base.ty)
                        ),
                    );
                    return self.bad(span);
                }
            }
        } else {
            base
        };
        let TypeKind::Record(id) = base.ty.kind else {
            self.error(
                nspan,
                format!("request for member '{name}' in something not a structure or union"),
            );
            return self.bad(span);
        };
        if self.types.record(id).fields.is_none() {
            self.error(
                span,
                format!(
                    "invalid use of incomplete type '{}'",
                    self.display(&base.ty)
                ),
            );
            return self.bad(span);
        }
        match self.types.find_field(id, name) {
            Some((ty, offset)) => {
                let ty = ty.clone().with_quals(ty.quals.union(base.ty.quals));
                self.mk(ExprKind::Member(Box::new(base), offset), ty, span)
            }
            None => {
                self.error(
                    nspan,
                    format!(
                        "'{}' has no member named '{name}'",
                        self.display(&base.ty.unqualified())
                    ),
                );
                self.bad(span)
            }
        }
    }

    pub(super) fn type_name(&mut self, tn: &ast::TypeName) -> Type {
        let Some(info) = self.decl_specs(&tn.specs, false) else {
            return Type::int(IntKind::Int);
        };
        self.declarator(info.ty, &tn.declarator).0
    }

    fn sizeof(&mut self, ty: &Type, span: Span) -> Expr {
        let size_t = self.types.size_t();
        if ty.is_function() {
            self.error(span, "invalid application of 'sizeof' to a function type");
            return self.int_const(1, size_t, span);
        }
        if ty.is_void() {
            self.error(span, "invalid application of 'sizeof' to a void type");
            return self.int_const(1, size_t, span);
        }
        match self.types.size_of(ty) {
            Some(n) => self.int_const(n, size_t, span),
            None => {
                self.error(
                    span,
                    format!(
                        "invalid application of 'sizeof' to incomplete type '{}'",
                        self.display(ty)
                    ),
                );
                self.int_const(0, size_t, span)
            }
        }
    }

    fn offsetof(&mut self, ty: &Type, path: &[ast::Designator], span: Span) -> Expr {
        let size_t = self.types.size_t();
        let mut cur = ty.clone();
        let mut offset = 0u64;
        for d in path {
            match d {
                ast::Designator::Field(name, nspan) => {
                    let TypeKind::Record(id) = cur.kind else {
                        self.error(
                            *nspan,
                            format!(
                                "request for member '{name}' in something not a structure or union"
                            ),
                        );
                        return self.bad(span);
                    };
                    let Some((t, off)) = self.types.find_field(id, name) else {
                        self.error(
                            *nspan,
                            format!("'{}' has no member named '{name}'", self.display(&cur)),
                        );
                        return self.bad(span);
                    };
                    offset += off;
                    cur = t;
                }
                ast::Designator::Index(e) => {
                    let Some((i, _)) = self.int_constant(e, "array index in offsetof") else {
                        return self.bad(span);
                    };
                    let Some(elem) = cur.pointee().filter(|_| cur.is_array()).cloned() else {
                        self.error(e.span, "subscripted value is not an array");
                        return self.bad(span);
                    };
                    offset =
                        offset.wrapping_add(i.wrapping_mul(self.types.size_of(&elem).unwrap_or(0)));
                    cur = elem;
                }
            }
        }
        self.int_const(offset, size_t, span)
    }

    fn cast(&mut self, x: Expr, to: &Type, span: Span) -> Expr {
        if is_error(&x) {
            return self.bad(span);
        }
        let to = to.unqualified();
        if to.is_void() {
            return self.mk(ExprKind::Convert(Box::new(x)), to, span);
        }
        if !to.is_scalar() {
            if to.is_record() && self.types.compatible_unqualified(&to, &x.ty) {
                self.error(span, "ISO C forbids casting nonscalar to the same type");
            } else {
                self.error(span, "conversion to non-scalar type requested");
            }
            return self.bad(span);
        }
        if !x.ty.is_scalar() {
            self.error(
                span,
                format!(
                    "cannot convert a value of type '{}' to '{}'",
                    self.display(&x.ty),
                    self.display(&to)
                ),
            );
            return self.bad(span);
        }
        if (to.is_pointer() && x.ty.is_float()) || (to.is_float() && x.ty.is_pointer()) {
            let msg = if to.is_pointer() {
                "cannot convert to a pointer type"
            } else {
                "pointer value used where a floating-point was expected"
            };
            self.error(span, msg);
            return self.bad(span);
        }
        // Function and object pointers live in different worlds (C11 6.3.2.3): only a null
        // pointer constant or an integer crosses between them.
        let points_to_function = |t: &Type| t.pointee().is_some_and(|p| p.is_function());
        if to.is_pointer()
            && x.ty.is_pointer()
            && points_to_function(&to) != points_to_function(&x.ty)
            && !self.is_null_constant(&x)
        {
            let msg = if points_to_function(&to) {
                "ISO C forbids conversion of object pointer to function pointer type"
            } else {
                "ISO C forbids conversion of function pointer to object pointer type"
            };
            self.error(span, msg);
            return self.bad(span);
        }
        let e = self.convert(x, &to);
        Self::not_lvalue(Expr { span, ..e })
    }

    /// The value of an expression that is no lvalue even when its operand is one (a cast
    /// to the operand's own type, unary `+`): a conversion to the same type.
    fn not_lvalue(e: Expr) -> Expr {
        if !e.is_lvalue() || is_error(&e) {
            return e;
        }
        let (ty, span) = (e.ty.clone(), e.span);
        Expr {
            kind: ExprKind::Convert(Box::new(e)),
            ty,
            span,
        }
    }

    fn unary(&mut self, op: UnOp, x: &ast::Expr, span: Span) -> Expr {
        match op {
            UnOp::AddrOf => {
                let x = self.expr(x);
                if let ExprKind::Deref(inner) = x.kind {
                    // `&*p` is `p` (and no dereference happens).
                    let ty = Type::pointer_to(x.ty.clone());
                    return Expr { ty, span, ..*inner };
                }
                if !x.is_lvalue() && !x.ty.is_function() {
                    self.error(span, "lvalue required as unary '&' operand");
                    return self.bad(span);
                }
                if let Some(name) = self.register_object(&x) {
                    self.error(
                        span,
                        format!("address of register variable '{name}' requested"),
                    );
                }
                let ty = Type::pointer_to(x.ty.clone());
                self.mk(ExprKind::AddrOf(Box::new(x)), ty, span)
            }
            UnOp::Deref => {
                let x = self.value(x);
                if x.ty.is_pointer() && x.ty.pointee().is_some_and(|t| t.is_void()) {
                    self.warning(span, "dereferencing 'void *' pointer");
                }
                self.deref(x, span)
            }
            UnOp::Plus | UnOp::Neg | UnOp::BitNot => {
                let x = self.value(x);
                let ok = if op == UnOp::BitNot {
                    x.ty.is_integer()
                } else {
                    x.ty.is_arithmetic()
                };
                if !ok {
                    self.error(
                        span,
                        format!(
                            "wrong type argument to unary {}",
                            if op == UnOp::BitNot {
                                "complement"
                            } else if op == UnOp::Neg {
                                "minus"
                            } else {
                                "plus"
                            }
                        ),
                    );
                    return self.bad(span);
                }
                let x = self.promoted(x);
                if op == UnOp::Plus {
                    return Self::not_lvalue(Expr { span, ..x });
                }
                let ty = x.ty.clone();
                let u = if op == UnOp::Neg {
                    UnaryOp::Neg
                } else {
                    UnaryOp::BitNot
                };
                self.fold(self.mk(ExprKind::Unary(u, Box::new(x)), ty, span))
            }
            UnOp::Not => {
                let x = self.value(x);
                if !x.ty.is_scalar() {
                    self.error(span, "wrong type argument to unary exclamation mark");
                    return self.bad(span);
                }
                self.fold(self.mk(
                    ExprKind::Unary(UnaryOp::LogNot, Box::new(x)),
                    Type::int(IntKind::Int),
                    span,
                ))
            }
            UnOp::PreInc | UnOp::PreDec | UnOp::PostInc | UnOp::PostDec => {
                let target = self.expr(x);
                let inc = matches!(op, UnOp::PreInc | UnOp::PostInc);
                let post = matches!(op, UnOp::PostInc | UnOp::PostDec);
                let what = if inc { "increment" } else { "decrement" };
                if !self.check_modifiable(&target, what, span) {
                    return self.bad(span);
                }
                if !target.ty.is_scalar() {
                    self.error(span, format!("wrong type argument to {what}"));
                    return self.bad(span);
                }
                let ty = target.ty.unqualified();
                let old = self.mk(ExprKind::Old, ty.clone(), span);
                let one = self.int_const(1, Type::int(IntKind::Int), span);
                let value = if ty.is_pointer() {
                    if !self.pointee_complete(&ty, span) {
                        return self.bad(span);
                    }
                    self.pointer_offset(old, one, !inc, span)
                } else {
                    let op = if inc { BinaryOp::Add } else { BinaryOp::Sub };
                    let common = self.types.common_type(&ty, &Type::int(IntKind::Int));
                    let (a, b) = (self.convert(old, &common), self.convert(one, &common));
                    let sum = self.mk(ExprKind::Binary(op, Box::new(a), Box::new(b)), common, span);
                    self.convert(sum, &ty)
                };
                self.mk(
                    ExprKind::Modify {
                        target: Box::new(target),
                        value: Box::new(value),
                        post,
                    },
                    ty,
                    span,
                )
            }
        }
    }

    /// The name of the `register` variable an lvalue is (or is a member of), if any.
    fn register_object(&self, e: &Expr) -> Option<Name> {
        match &e.kind {
            ExprKind::Local(id) => {
                let f = self.func.as_ref()?;
                f.registers
                    .contains(id)
                    .then(|| f.locals[id.0 as usize].name.clone())
            }
            ExprKind::Member(base, _) => self.register_object(base),
            _ => None,
        }
    }

    fn pointee_complete(&mut self, ptr_ty: &Type, span: Span) -> bool {
        let Some(t) = ptr_ty.pointee() else {
            return false;
        };
        if t.is_void() {
            self.error(span, "pointer of type 'void *' used in arithmetic");
            return false;
        }
        if t.is_function() {
            self.error(span, "pointer to a function used in arithmetic");
            return false;
        }
        if !self.types.is_complete(t) {
            self.error(
                span,
                format!(
                    "arithmetic on pointer to an incomplete type '{}'",
                    self.display(t)
                ),
            );
            return false;
        }
        true
    }

    /// `ptr + idx` (or `ptr - idx`), scaled by the element size.
    fn pointer_offset(&mut self, ptr: Expr, idx: Expr, negate: bool, span: Span) -> Expr {
        let size = ptr
            .ty
            .pointee()
            .and_then(|t| self.types.size_of(t))
            .unwrap_or(1);
        if !self.pointee_complete(&ptr.ty, span) {
            return self.bad(span);
        }
        let diff = self.types.ptrdiff_t();
        let mut idx = self.convert(idx, &diff);
        if negate {
            let ty = idx.ty.clone();
            idx = self.fold(self.mk(ExprKind::Unary(UnaryOp::Neg, Box::new(idx)), ty, span));
        }
        let ty = ptr.ty.unqualified();
        self.fold(self.mk(
            ExprKind::PtrOffset(Box::new(ptr), Box::new(idx), size),
            ty,
            span,
        ))
    }

    /// Folds an expression whose operands are arithmetic constants (`!f` or `&x == &x`
    /// stay unfolded: no integer constant expression, so never a null pointer constant).
    fn fold(&self, e: Expr) -> Expr {
        match self.eval_arith(&e) {
            Some(ConstValue::Int(v)) if e.ty.is_integer() || e.ty.is_pointer() => Expr {
                kind: ExprKind::Const(v),
                ..e
            },
            Some(ConstValue::Float(f)) if e.ty.is_float() => Expr {
                kind: ExprKind::FConst(f),
                ..e
            },
            _ => e,
        }
    }

    fn invalid_operands(&mut self, op: &str, a: &Type, b: &Type, span: Span) -> Expr {
        let msg = format!(
            "invalid operands to binary {op} (have '{}' and '{}')",
            self.display(a),
            self.display(b)
        );
        self.error(span, msg);
        self.bad(span)
    }

    fn binary(&mut self, op: BinOp, a: &ast::Expr, b: &ast::Expr, span: Span) -> Expr {
        let (a, b) = (self.value(a), self.value(b));
        self.binary_values(op, a, b, span)
    }

    /// A binary operator on checked rvalues (also used by compound assignment).
    fn binary_values(&mut self, op: BinOp, a: Expr, b: Expr, span: Span) -> Expr {
        if is_error(&a) || is_error(&b) {
            return self.bad(span);
        }
        use BinOp::*;
        let int = Type::int(IntKind::Int);
        match op {
            LogAnd | LogOr => {
                if !a.ty.is_scalar() || !b.ty.is_scalar() {
                    return self.invalid_operands(op.symbol(), &a.ty.clone(), &b.ty.clone(), span);
                }
                let kind = if op == LogAnd {
                    ExprKind::LogAnd(Box::new(a), Box::new(b))
                } else {
                    ExprKind::LogOr(Box::new(a), Box::new(b))
                };
                self.fold(self.mk(kind, int, span))
            }
            Add | Sub if a.ty.is_pointer() && b.ty.is_integer() => {
                self.pointer_offset(a, b, op == Sub, span)
            }
            Add if a.ty.is_integer() && b.ty.is_pointer() => self.pointer_offset(b, a, false, span),
            Sub if a.ty.is_pointer() && b.ty.is_pointer() => {
                let (pa, pb) = (
                    a.ty.pointee().cloned().unwrap_or_else(Type::void),
                    b.ty.pointee().cloned().unwrap_or_else(Type::void),
                );
                if !self.types.compatible_unqualified(&pa, &pb) {
                    self.error(
                        span,
                        format!(
                            "invalid operands to binary - (have '{}' and '{}')",
                            self.display(&a.ty),
                            self.display(&b.ty)
                        ),
                    );
                    return self.bad(span);
                }
                if !self.pointee_complete(&a.ty, span) {
                    return self.bad(span);
                }
                let size = self.types.size_of(&pa).unwrap_or(1);
                let ty = self.types.ptrdiff_t();
                self.fold(self.mk(ExprKind::PtrDiff(Box::new(a), Box::new(b), size), ty, span))
            }
            Lt | Gt | Le | Ge | Eq | Ne => self.comparison(op, a, b, span),
            Shl | Shr => {
                if !a.ty.is_integer() || !b.ty.is_integer() {
                    return self.invalid_operands(op.symbol(), &a.ty.clone(), &b.ty.clone(), span);
                }
                let a = self.promoted(a);
                let ty = a.ty.clone();
                let b = self.promoted(b);
                let b = self.convert(b, &ty);
                let bop = if op == Shl {
                    BinaryOp::Shl
                } else {
                    BinaryOp::Shr
                };
                self.fold(self.mk(ExprKind::Binary(bop, Box::new(a), Box::new(b)), ty, span))
            }
            _ => {
                let ints_only = matches!(op, Rem | BitAnd | BitOr | BitXor);
                let ok = if ints_only {
                    a.ty.is_integer() && b.ty.is_integer()
                } else {
                    a.ty.is_arithmetic() && b.ty.is_arithmetic()
                };
                if !ok {
                    return self.invalid_operands(op.symbol(), &a.ty.clone(), &b.ty.clone(), span);
                }
                let ty = self.types.common_type(&a.ty, &b.ty);
                let (a, b) = (self.convert(a, &ty), self.convert(b, &ty));
                let bop = match op {
                    Add => BinaryOp::Add,
                    Sub => BinaryOp::Sub,
                    Mul => BinaryOp::Mul,
                    Div => BinaryOp::Div,
                    Rem => BinaryOp::Rem,
                    BitAnd => BinaryOp::BitAnd,
                    BitOr => BinaryOp::BitOr,
                    _ => BinaryOp::BitXor,
                };
                if matches!(bop, BinaryOp::Div | BinaryOp::Rem)
                    && ty.is_integer()
                    && matches!(b.kind, ExprKind::Const(0))
                {
                    self.warning(span, "division by zero");
                    return self.mk(ExprKind::Binary(bop, Box::new(a), Box::new(b)), ty, span);
                }
                if let (BinaryOp::Div | BinaryOp::Rem, ExprKind::Const(x), ExprKind::Const(y)) =
                    (bop, &a.kind, &b.kind)
                    && ty.is_integer()
                    && let Some(wrapped) = self.division_overflow(bop, &ty, *x, *y, span)
                    && !self.in_constant
                {
                    return self.int_const(wrapped, ty, span);
                }
                self.fold(self.mk(ExprKind::Binary(bop, Box::new(a), Box::new(b)), ty, span))
            }
        }
    }

    /// A constant division whose quotient overflows (`INT_MIN / -1`): gcc's warning, and
    /// the value gcc folds it to. Outside constant expressions it is folded so (at run
    /// time the same division traps); inside one it is left to evaluation, which reports
    /// the overflow.
    fn division_overflow(
        &mut self,
        op: BinaryOp,
        ty: &Type,
        x: u64,
        y: u64,
        span: Span,
    ) -> Option<u64> {
        let (bits, signed) = self.int_shape(ty);
        let Err(IntTrap::DivisionOverflow { wrapped }) =
            arith::int_op(int_op(op), bits, signed, x, y)
        else {
            return None;
        };
        let message = format!(
            "integer overflow in expression of type '{}' results in '{}'",
            self.display(ty),
            wrapped as i64
        );
        self.warning(span, message);
        Some(wrapped)
    }

    fn comparison(&mut self, op: BinOp, a: Expr, b: Expr, span: Span) -> Expr {
        let cop = match op {
            BinOp::Lt => CmpOp::Lt,
            BinOp::Gt => CmpOp::Gt,
            BinOp::Le => CmpOp::Le,
            BinOp::Ge => CmpOp::Ge,
            BinOp::Eq => CmpOp::Eq,
            _ => CmpOp::Ne,
        };
        let equality = matches!(cop, CmpOp::Eq | CmpOp::Ne);
        let int = Type::int(IntKind::Int);
        let (a, b) = if a.ty.is_arithmetic() && b.ty.is_arithmetic() {
            let ty = self.types.common_type(&a.ty, &b.ty);
            (self.convert(a, &ty), self.convert(b, &ty))
        } else if a.ty.is_pointer() && b.ty.is_pointer() {
            let (pa, pb) = (
                a.ty.pointee().cloned().unwrap_or_else(Type::void),
                b.ty.pointee().cloned().unwrap_or_else(Type::void),
            );
            let compatible = self.types.compatible_unqualified(&pa, &pb);
            let void_mix = pa.is_void() || pb.is_void();
            let void_and_function =
                (pa.is_void() && pb.is_function() && !self.is_null_constant(&a))
                    || (pb.is_void() && pa.is_function() && !self.is_null_constant(&b));
            if equality && void_and_function {
                self.error(
                    span,
                    "ISO C forbids comparison of 'void *' with function pointer",
                );
            } else if !equality && compatible && pa.is_function() {
                self.error(
                    span,
                    "ISO C forbids ordered comparisons of pointers to functions",
                );
            } else if !compatible
                && !(equality
                    && (void_mix || self.is_null_constant(&a) || self.is_null_constant(&b)))
            {
                if self.permissive {
                    self.warning(span, "comparison of distinct pointer types lacks a cast");
                } else {
                    self.error(span, "comparison of distinct pointer types lacks a cast");
                }
            }
            let ty = a.ty.clone();
            (a, self.convert(b, &ty))
        } else if a.ty.is_pointer() && b.ty.is_integer() || a.ty.is_integer() && b.ty.is_pointer() {
            let (p, i) = if a.ty.is_pointer() {
                (&a, &b)
            } else {
                (&b, &a)
            };
            if !self.is_null_constant(i) {
                self.error(span, "comparison between pointer and integer");
            } else if !equality {
                self.error(span, "ordered comparison of pointer with integer zero");
            }
            let ty = p.ty.clone();
            (self.convert(a, &ty), self.convert(b, &ty))
        } else {
            return self.invalid_operands(op.symbol(), &a.ty.clone(), &b.ty.clone(), span);
        };
        self.fold(self.mk(ExprKind::Compare(cop, Box::new(a), Box::new(b)), int, span))
    }

    /// Reports why an lvalue cannot be assigned, if it cannot.
    fn check_modifiable(&mut self, target: &Expr, what: &str, span: Span) -> bool {
        if is_error(target) {
            return false;
        }
        if !target.is_lvalue() || matches!(target.kind, ExprKind::Str(_)) {
            let msg = match what {
                "assignment" => "lvalue required as left operand of assignment".to_string(),
                _ => format!("lvalue required as {what} operand"),
            };
            self.error(span, msg);
            return false;
        }
        if target.ty.is_array() || self.is_va_list_object(target) {
            let msg = match what {
                "assignment" => "assignment to expression with array type".to_string(),
                _ => format!("lvalue required as {what} operand"),
            };
            self.error(span, msg);
            return false;
        }
        if target.ty.quals.is_const || self.has_const_member(&target.ty) {
            let msg = match &target.kind {
                ExprKind::Local(id) => {
                    let name = self
                        .func
                        .as_ref()
                        .map(|f| f.locals[id.0 as usize].name.clone())
                        .unwrap_or_default();
                    format!("{what} of read-only variable '{name}'")
                }
                ExprKind::Global(id) => format!(
                    "{what} of read-only variable '{}'",
                    self.globals[id.0 as usize].name
                ),
                ExprKind::Member(..) => format!("{what} of read-only member"),
                _ => format!("{what} of read-only location"),
            };
            self.error(span, msg);
            return false;
        }
        if !self.types.is_complete(&target.ty) {
            self.error(
                span,
                format!(
                    "invalid use of incomplete type '{}'",
                    self.display(&target.ty)
                ),
            );
            return false;
        }
        true
    }

    fn is_va_list(&self, ty: &Type) -> bool {
        ty.unqualified() == self.va_list
    }

    /// A `va_list` object, which is an array in gcc's ABI: cannot be assigned (use
    /// `va_copy`). A `va_list` parameter is a pointer there, and can.
    fn is_va_list_object(&self, e: &Expr) -> bool {
        let param = match e.kind {
            ExprKind::Local(id) => self
                .func
                .as_ref()
                .is_some_and(|f| (id.0 as usize) < f.params),
            _ => false,
        };
        self.is_va_list(&e.ty) && !param
    }

    fn has_const_member(&self, ty: &Type) -> bool {
        let TypeKind::Record(id) = ty.kind else {
            return false;
        };
        self.types.record(id).fields.as_ref().is_some_and(|fs| {
            fs.iter()
                .any(|f| f.ty.quals.is_const || self.has_const_member(&f.ty))
        })
    }

    fn assignment(&mut self, op: Option<BinOp>, a: &ast::Expr, b: &ast::Expr, span: Span) -> Expr {
        let target = self.expr(a);
        let value = self.value(b);
        if !self.check_modifiable(&target, "assignment", span) {
            return self.bad(span);
        }
        let ty = target.ty.unqualified();
        let Some(op) = op else {
            let value = self.assign_convert(value, &ty, AssignCtx::Assign);
            return self.mk(
                ExprKind::Assign(Box::new(target), Box::new(value)),
                ty,
                span,
            );
        };
        let old = self.mk(ExprKind::Old, ty.clone(), span);
        let computed = self.binary_values(op, old, value, span);
        if matches!(computed.kind, ExprKind::Const(0))
            && computed.ty == Type::int(IntKind::Int)
            && !ty.is_integer()
            && !ty.is_pointer()
        {
            return computed; // an error was reported
        }
        let value = self.assign_convert(computed, &ty, AssignCtx::Assign);
        self.mk(
            ExprKind::Modify {
                target: Box::new(target),
                value: Box::new(value),
                post: false,
            },
            ty,
            span,
        )
    }

    fn conditional(&mut self, c: &ast::Expr, t: &ast::Expr, f: &ast::Expr, span: Span) -> Expr {
        let c = self.value(c);
        if !c.ty.is_scalar() {
            self.error(c.span, "used struct type value where scalar is required");
        }
        let (t, f) = (self.value(t), self.value(f));
        let ty = if t.ty.is_arithmetic() && f.ty.is_arithmetic() {
            self.types.common_type(&t.ty, &f.ty)
        } else if t.ty.is_void() && f.ty.is_void() {
            Type::void()
        } else if (t.ty.is_record() && self.types.compatible_unqualified(&t.ty, &f.ty))
            || (t.ty.is_pointer() && self.is_null_constant(&f))
        {
            t.ty.clone()
        } else if f.ty.is_pointer() && self.is_null_constant(&t) {
            f.ty.clone()
        } else if t.ty.is_pointer() && f.ty.is_pointer() {
            let (pt, pf) = (
                t.ty.pointee().cloned().unwrap_or_else(Type::void),
                f.ty.pointee().cloned().unwrap_or_else(Type::void),
            );
            let quals = pt.quals.union(pf.quals);
            if (pt.is_void() && pf.is_function()) || (pf.is_void() && pt.is_function()) {
                self.error(
                    span,
                    "ISO C forbids conditional expr between 'void *' and function pointer",
                );
            }
            if pt.is_void() || pf.is_void() {
                Type::pointer_to(Type::void().with_quals(quals))
            } else {
                if !self.types.compatible_unqualified(&pt, &pf) {
                    self.error(span, "pointer type mismatch in conditional expression");
                }
                Type::pointer_to(pt.with_quals(quals))
            }
        } else if (t.ty.is_pointer() && f.ty.is_integer())
            || (t.ty.is_integer() && f.ty.is_pointer())
        {
            self.error(
                span,
                "pointer/integer type mismatch in conditional expression",
            );
            if t.ty.is_pointer() {
                t.ty.clone()
            } else {
                f.ty.clone()
            }
        } else {
            self.error(span, "type mismatch in conditional expression");
            return self.bad(span);
        };
        let (t, f) = if ty.is_void() || ty.is_record() {
            (t, f)
        } else {
            (self.convert(t, &ty), self.convert(f, &ty))
        };
        self.fold(self.mk(
            ExprKind::Cond(Box::new(c), Box::new(t), Box::new(f)),
            ty,
            span,
        ))
    }

    /// Default argument promotions (C11 6.5.2.2p6): float to double, small integers to int.
    fn default_promote(&mut self, e: Expr) -> Expr {
        if matches!(e.ty.kind, TypeKind::Float(FloatKind::Float)) {
            return self.convert(e, &Type::float(FloatKind::Double));
        }
        if e.ty.is_integer() {
            self.promoted(e)
        } else {
            e
        }
    }

    fn call(&mut self, f: &ast::Expr, args: &[ast::Expr], span: Span) -> Expr {
        if let A::Ident(name) = &f.kind
            && self.lookup(name).is_none()
        {
            if let Some(e) = self.special_call(name, args, span) {
                return e;
            }
            let message = match unsupported_function(name) {
                Some(what) => format!("'{name}' is not supported by segvm ({what})"),
                None => format!("implicit declaration of function '{name}'"),
            };
            self.error(f.span, message);
            for a in args {
                self.value(a);
            }
            return self.bad(span);
        }
        let callee = self.value(f);
        if is_error(&callee) {
            for a in args {
                self.value(a);
            }
            return self.bad(span);
        }
        let Some(fty) = callee
            .ty
            .callable()
            .cloned()
            .filter(|_| callee.ty.is_pointer())
        else {
            let what = match &f.kind {
                A::Ident(n) => format!("called object '{n}' is not a function or function pointer"),
                _ => "called object is not a function or function pointer".to_string(),
            };
            self.error(f.span, what);
            for a in args {
                self.value(a);
            }
            return self.bad(span);
        };
        let fname: Name = match &f.kind {
            A::Ident(n) => n.clone(),
            _ => Name::from("function"),
        };
        if fty.prototyped {
            if args.len() < fty.params.len() {
                self.error(span, format!("too few arguments to function '{fname}'"));
            } else if args.len() > fty.params.len() && !fty.variadic {
                self.error(span, format!("too many arguments to function '{fname}'"));
            }
        }
        let mut checked = Vec::with_capacity(args.len());
        for (i, a) in args.iter().enumerate() {
            let v = self.value(a);
            if v.ty.is_void() {
                self.error(a.span, "invalid use of void expression");
            } else if FLOAT_CLASSIFIERS.contains(&&*fname) && !v.ty.is_float() && !is_error(&v) {
                self.error(
                    a.span,
                    format!("non-floating-point argument in call to function '{fname}'"),
                );
            }
            let v = match fty.params.get(i) {
                Some(p) if fty.prototyped => {
                    self.assign_convert(v, p, AssignCtx::Arg(i, fname.clone()))
                }
                _ => self.default_promote(v),
            };
            checked.push(v);
        }
        let ret = fty.ret.unqualified();
        if !ret.is_void() && !self.types.is_complete(&ret) {
            self.error(
                span,
                format!(
                    "calling function with incomplete return type '{}'",
                    self.display(&ret)
                ),
            );
        }
        self.mk(ExprKind::Call(Box::new(callee), checked), ret, span)
    }

    /// gcc builtins that the standard headers use.
    fn special_call(&mut self, name: &str, args: &[ast::Expr], span: Span) -> Option<Expr> {
        let double = Type::float(FloatKind::Double);
        let float = Type::float(FloatKind::Float);
        Some(match (name, args) {
            ("__builtin_huge_val", []) => self.mk(ExprKind::FConst(f64::INFINITY), double, span),
            ("__builtin_huge_valf" | "__builtin_inff", []) => {
                self.mk(ExprKind::FConst(f64::INFINITY), float, span)
            }
            ("__builtin_nanf", [_]) => self.mk(ExprKind::FConst(f64::NAN), float, span),
            ("__builtin_nan", [_]) => self.mk(ExprKind::FConst(f64::NAN), double, span),
            ("__builtin_va_start", [ap, last]) => {
                self.value(last);
                let ap = self.expr(ap);
                let (offset, variadic) = self
                    .func
                    .as_ref()
                    .map_or((0, false), |f| (f.named_arg_bytes, f.variadic));
                if !variadic {
                    self.error(span, "'va_start' used in function with fixed arguments");
                }
                if !ap.is_lvalue() || !self.is_va_list(&ap.ty) {
                    self.error(span, "first argument to 'va_start' not of type 'va_list'");
                }
                self.mk(ExprKind::VaStart(Box::new(ap), offset), Type::void(), span)
            }
            ("__builtin_va_end", [ap]) => {
                let ap = self.value(ap);
                if !self.is_va_list(&ap.ty) && !is_error(&ap) {
                    self.error(span, "argument to 'va_end' not of type 'va_list'");
                }
                self.mk(ExprKind::Convert(Box::new(ap)), Type::void(), span)
            }
            ("__builtin_va_copy", [dst, src]) => {
                let dst = self.expr(dst);
                let src = self.value(src);
                if !dst.is_lvalue() || !self.is_va_list(&dst.ty) || !self.is_va_list(&src.ty) {
                    self.error(span, "argument to 'va_copy' not of type 'va_list'");
                    return Some(self.bad(span));
                }
                let ty = dst.ty.unqualified();
                self.mk(ExprKind::Assign(Box::new(dst), Box::new(src)), ty, span)
            }
            _ => return None,
        })
    }

    pub(super) fn compound_literal(
        &mut self,
        ty: Type,
        init: &ast::Initializer,
        span: Span,
    ) -> Expr {
        let ty = match &ty.kind {
            TypeKind::Array(_, None) => self.complete_array_type(&ty, init),
            _ => ty,
        };
        if !self.types.is_complete(&ty) {
            self.error(span, "compound literal has incomplete type");
            return self.bad(span);
        }
        if self.func.is_none() {
            let (ty, sinit) = self.static_initializer(&ty, Some(init), span);
            let id = self.new_global(Global {
                name: Name::from("(compound literal)"),
                ty: ty.clone(),
                kind: GlobalKind::Literal,
                init: sinit,
                defined: true,
                readonly: false,
                span,
                runtime: false,
            });
            return self.mk(ExprKind::Global(id), ty, span);
        }
        let id = self.new_local(Name::from("(compound literal)"), ty.clone(), span);
        let pieces = self.local_initializer(&ty, init);
        self.mk(ExprKind::InitLocal(id, pieces), ty, span)
    }

    /// Checks a controlling expression (`if`, loops, `?:`): any scalar.
    pub(super) fn condition(&mut self, e: &ast::Expr) -> Expr {
        let c = self.value(e);
        if !c.ty.is_scalar() && !is_error(&c) {
            let what = if c.ty.is_void() {
                "void value not ignored as it ought to be"
            } else {
                "used struct type value where scalar is required"
            };
            self.error(e.span, what);
            return self.bad(e.span);
        }
        c
    }
}

/// An expression that already failed to check.
pub(super) fn is_error(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Error)
}
