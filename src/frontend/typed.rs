//! The checked program: every expression typed, every conversion explicit, names resolved
//! to locals, globals and functions. This is what code generation reads.

use super::ast::Name;
use super::types::{FunctionType, Type, Types};
use crate::source::Span;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GlobalId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StrId(pub u32);
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LabelId(pub u32);

/// A whole program: the user's translation unit and the runtime's, linked by name.
#[derive(Debug, Default)]
pub struct Program {
    pub types: Types,
    pub globals: Vec<Global>,
    pub functions: Vec<Function>,
    /// String literals, each with its terminating NUL.
    pub strings: Vec<Vec<u8>>,
}

impl Program {
    pub fn function(&self, id: FuncId) -> &Function {
        &self.functions[id.0 as usize]
    }

    pub fn global(&self, id: GlobalId) -> &Global {
        &self.globals[id.0 as usize]
    }

    pub fn find_function(&self, name: &str) -> Option<FuncId> {
        self.functions
            .iter()
            .position(|f| &*f.name == name)
            .map(|i| FuncId(i as u32))
    }
}

/// What an object with static storage duration is, for the memory map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GlobalKind {
    /// A file-scope variable.
    File,
    /// A `static` local of the named function.
    StaticLocal(Name),
    /// A compound literal at file scope.
    Literal,
}

#[derive(Clone, Debug)]
pub struct Global {
    pub name: Name,
    pub ty: Type,
    pub kind: GlobalKind,
    /// The initial bytes; `None` for a zero-initialized (bss) object.
    pub init: Option<StaticInit>,
    /// Defined in this program (not just declared `extern`).
    pub defined: bool,
    /// A `const` object: it lives in rodata.
    pub readonly: bool,
    pub span: Span,
    /// From the runtime's translation unit: linked only if the program reaches it.
    pub runtime: bool,
}

/// The initial value of a static object: its bytes, and the addresses to patch in once
/// the layout is known.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StaticInit {
    pub bytes: Vec<u8>,
    pub relocs: Vec<Reloc>,
}

/// "At `offset`, store the address of `target` plus `addend`."
#[derive(Clone, Debug, PartialEq)]
pub struct Reloc {
    pub offset: u64,
    pub target: Symbol,
    pub addend: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Symbol {
    Global(GlobalId),
    Func(FuncId),
    Str(StrId),
}

#[derive(Clone, Debug)]
pub struct Function {
    pub name: Name,
    pub ty: Rc<FunctionType>,
    pub span: Span,
    pub body: Option<Body>,
    /// From the runtime's translation unit, not the user's.
    pub runtime: bool,
}

#[derive(Clone, Debug)]
pub struct Body {
    pub params: Vec<LocalId>,
    pub locals: Vec<Local>,
    pub stmt: Stmt,
    /// The closing brace: falling off the end returns here.
    pub end: Span,
    pub labels: u32,
}

#[derive(Clone, Debug)]
pub struct Local {
    pub name: Name,
    pub ty: Type,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Empty,
    Expr(Expr),
    Block(Vec<Stmt>),
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    While(Expr, Box<Stmt>),
    DoWhile(Box<Stmt>, Expr),
    For(Option<Box<Stmt>>, Option<Expr>, Option<Expr>, Box<Stmt>),
    Break,
    Continue,
    Return(Option<Expr>),
    Switch(Expr, Box<Stmt>, SwitchTable),
    Label(LabelId, Box<Stmt>),
    Goto(LabelId),
    /// Initialize a local object at its declaration.
    Init(LocalId, Vec<InitPiece>),
}

#[derive(Clone, Debug, Default)]
pub struct SwitchTable {
    /// Case values (already converted to the promoted type of the controlling expression).
    pub cases: Vec<(u64, LabelId)>,
    pub default: Option<LabelId>,
}

/// Part of an automatic object's initializer, in increasing offset order; bytes no
/// piece covers are zero.
#[derive(Clone, Debug)]
pub enum InitPiece {
    Zero { offset: u64, len: u64 },
    Bytes { offset: u64, bytes: Vec<u8> },
    Expr { offset: u64, expr: Expr },
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub ty: Type,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Shl,
    Shr,
    BitAnd,
    BitOr,
    BitXor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    BitNot,
    /// `!x`: the operand is any scalar, the result an `int`.
    LogNot,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    /// An integer or pointer constant: its bits, already truncated to the type.
    Const(u64),
    FConst(f64),
    /// Lvalues.
    Local(LocalId),
    Global(GlobalId),
    Str(StrId),
    Deref(Box<Expr>),
    /// A member at a byte offset of a struct or union (lvalue when the base is).
    Member(Box<Expr>, u64),
    /// A function designator (its type is the function type).
    Func(FuncId),
    /// The address of an lvalue or function; also how arrays decay to pointers.
    AddrOf(Box<Expr>),
    /// Converts the operand to this expression's type (both scalar, or to `void`).
    Convert(Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    /// Arithmetic on operands already converted to this expression's type (for shifts,
    /// the right operand has the left's type too).
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// Compares two operands of the same type; the result is an `int` 0 or 1.
    Compare(CmpOp, Box<Expr>, Box<Expr>),
    /// `pointer + index * size` (index of type `ptrdiff_t`).
    PtrOffset(Box<Expr>, Box<Expr>, u64),
    /// `(a - b) / size` for two pointers.
    PtrDiff(Box<Expr>, Box<Expr>, u64),
    LogAnd(Box<Expr>, Box<Expr>),
    LogOr(Box<Expr>, Box<Expr>),
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    /// Store the value (already of the target's type) into the lvalue; yields it.
    Assign(Box<Expr>, Box<Expr>),
    /// Read-modify-write: evaluate the lvalue once, compute `value` where [`ExprKind::Old`]
    /// stands for the value read, store it. Yields the new value, or the old one if `post`.
    Modify {
        target: Box<Expr>,
        value: Box<Expr>,
        post: bool,
    },
    /// The value read by the enclosing [`ExprKind::Modify`].
    Old,
    Call(Box<Expr>, Vec<Expr>),
    Comma(Box<Expr>, Box<Expr>),
    /// `va_start(ap, last)`: store into the `ap` lvalue the address of the first
    /// variadic argument slot (this many bytes above the first parameter).
    VaStart(Box<Expr>, u64),
    /// `va_arg(ap, T)`: read a `T` at `ap`, advance `ap` by the slot size.
    VaArg(Box<Expr>),
    /// A compound literal or other temporary object: initialize the local, then it is
    /// the value (an lvalue).
    InitLocal(LocalId, Vec<InitPiece>),
    /// Stands for an expression whose error is already reported, so that no further
    /// error follows from it. Never reaches code generation.
    Error,
}

impl Expr {
    pub fn is_lvalue(&self) -> bool {
        match &self.kind {
            ExprKind::Local(_)
            | ExprKind::Global(_)
            | ExprKind::Str(_)
            | ExprKind::Deref(_)
            | ExprKind::InitLocal(..)
            | ExprKind::Error => true,
            ExprKind::Member(base, _) => base.is_lvalue(),
            _ => false,
        }
    }
}
