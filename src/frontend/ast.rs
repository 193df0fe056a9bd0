//! The syntax tree the parser builds: C as written, before any type is known.
//!
//! Declarators stay inside out, as C spells them (`int (*fp[4])(int)`); the checker
//! turns them into types in one place (`sema::declarator`).

use crate::source::Span;
use std::rc::Rc;

pub type Name = Rc<str>;

#[derive(Clone, Debug, Default)]
pub struct TranslationUnit {
    pub items: Vec<ExternalDecl>,
}

#[derive(Clone, Debug)]
pub enum ExternalDecl {
    Function(FunctionDef),
    Declaration(Declaration),
}

#[derive(Clone, Debug)]
pub struct FunctionDef {
    pub specs: DeclSpecs,
    pub declarator: Declarator,
    pub body: Block,
    pub span: Span,
}

/// `specifiers declarator = init, declarator, ...;`
#[derive(Clone, Debug)]
pub struct Declaration {
    pub specs: DeclSpecs,
    pub declarators: Vec<InitDeclarator>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct InitDeclarator {
    pub declarator: Declarator,
    pub init: Option<Initializer>,
}

/// The specifiers in front of declarators, in source order.
#[derive(Clone, Debug)]
pub struct DeclSpecs {
    pub items: Vec<(Spec, Span)>,
    pub span: Span,
}

impl DeclSpecs {
    pub fn is_typedef(&self) -> bool {
        self.items
            .iter()
            .any(|(s, _)| matches!(s, Spec::Storage(Storage::Typedef)))
    }
}

#[derive(Clone, Debug)]
pub enum Spec {
    Storage(Storage),
    Qual(Qual),
    Type(TypeSpec),
    Inline,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    Typedef,
    Extern,
    Static,
    Auto,
    Register,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qual {
    Const,
    Volatile,
    Restrict,
}

#[derive(Clone, Debug)]
pub enum TypeSpec {
    Void,
    Char,
    Short,
    Int,
    Long,
    Float,
    Double,
    Signed,
    Unsigned,
    Bool,
    Complex,
    VaList,
    Record(RecordSpec),
    Enum(EnumSpec),
    TypedefName(Name),
}

/// `struct tag { fields }`, `union tag`, ...
#[derive(Clone, Debug)]
pub struct RecordSpec {
    pub is_union: bool,
    pub tag: Option<Name>,
    pub fields: Option<Vec<FieldDecl>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct FieldDecl {
    pub specs: DeclSpecs,
    /// Each declarator, with its bit-field width if it has one.
    pub declarators: Vec<(Option<Declarator>, Option<Expr>)>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct EnumSpec {
    pub tag: Option<Name>,
    pub items: Option<Vec<Enumerator>>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Enumerator {
    pub name: Name,
    pub value: Option<Expr>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Declarator {
    pub kind: DeclaratorKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum DeclaratorKind {
    /// The name being declared; `None` in an abstract declarator (a type name).
    Name(Option<Name>),
    Pointer(Vec<Qual>, Box<Declarator>),
    Array(Box<Declarator>, Option<Box<Expr>>),
    Function(Box<Declarator>, ParamList),
}

impl Declarator {
    pub fn abstract_at(span: Span) -> Declarator {
        Declarator {
            kind: DeclaratorKind::Name(None),
            span,
        }
    }

    /// The identifier this declarator declares, with its span.
    pub fn name(&self) -> Option<(&Name, Span)> {
        match &self.kind {
            DeclaratorKind::Name(n) => n.as_ref().map(|n| (n, self.span)),
            DeclaratorKind::Pointer(_, d)
            | DeclaratorKind::Array(d, _)
            | DeclaratorKind::Function(d, _) => d.name(),
        }
    }

    /// The parameter list when this declares a function (`f(int)`, not `(*f)(int)`).
    pub fn function_params(&self) -> Option<&ParamList> {
        match &self.kind {
            DeclaratorKind::Function(inner, params) => match inner.kind {
                DeclaratorKind::Name(_) => Some(params),
                _ => inner.function_params(),
            },
            DeclaratorKind::Pointer(_, inner) | DeclaratorKind::Array(inner, _) => {
                inner.function_params()
            }
            DeclaratorKind::Name(_) => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct ParamList {
    pub params: Vec<ParamDecl>,
    pub variadic: bool,
    /// `()`: no information about the parameters (an old-style declaration).
    pub unspecified: bool,
    /// Old-style `f(a, b)` identifier list.
    pub identifiers: Vec<(Name, Span)>,
}

#[derive(Clone, Debug)]
pub struct ParamDecl {
    pub specs: DeclSpecs,
    pub declarator: Declarator,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct TypeName {
    pub specs: DeclSpecs,
    pub declarator: Declarator,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum Initializer {
    Expr(Expr),
    List(Vec<InitItem>, Span),
}

impl Initializer {
    pub fn span(&self) -> Span {
        match self {
            Initializer::Expr(e) => e.span,
            Initializer::List(_, s) => *s,
        }
    }
}

#[derive(Clone, Debug)]
pub struct InitItem {
    pub designators: Vec<Designator>,
    pub init: Initializer,
}

#[derive(Clone, Debug)]
pub enum Designator {
    Index(Expr),
    Field(Name, Span),
}

#[derive(Clone, Debug)]
pub struct Block {
    pub items: Vec<BlockItem>,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum BlockItem {
    Decl(Declaration),
    Stmt(Stmt),
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    Expr(Option<Expr>),
    Block(Block),
    If(Expr, Box<Stmt>, Option<Box<Stmt>>),
    While(Expr, Box<Stmt>),
    DoWhile(Box<Stmt>, Expr),
    For(Box<ForInit>, Option<Expr>, Option<Expr>, Box<Stmt>),
    Break,
    Continue,
    Return(Option<Expr>),
    Switch(Expr, Box<Stmt>),
    Case(Expr, Box<Stmt>),
    Default(Box<Stmt>),
    Label(Name, Box<Stmt>),
    Goto(Name),
    /// A statement the parser could not read; its error is already reported.
    Error,
}

#[derive(Clone, Debug)]
pub enum ForInit {
    Expr(Option<Expr>),
    Decl(Declaration),
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

/// An integer constant as written: its value and what its suffix asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntLit {
    pub value: u64,
    pub unsigned: bool,
    /// 0 (no suffix), 1 (`l`), 2 (`ll`).
    pub longs: u8,
    /// Decimal constants never become unsigned without a `u`.
    pub decimal: bool,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    Ident(Name),
    Int(IntLit),
    Float(f64, FloatSuffix),
    /// A character constant, already of type int.
    Char(i64),
    /// Adjacent string literals, concatenated, without the terminating NUL.
    Str(Vec<u8>),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `a = b` (op `None`) or `a op= b`.
    Assign(Option<BinOp>, Box<Expr>, Box<Expr>),
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
    Call(Box<Expr>, Vec<Expr>),
    Index(Box<Expr>, Box<Expr>),
    Member(Box<Expr>, Name, Span),
    Arrow(Box<Expr>, Name, Span),
    Cast(Box<TypeName>, Box<Expr>),
    SizeofExpr(Box<Expr>),
    SizeofType(Box<TypeName>),
    Comma(Box<Expr>, Box<Expr>),
    CompoundLiteral(Box<TypeName>, Vec<InitItem>),
    VaArg(Box<Expr>, Box<TypeName>),
    Offsetof(Box<TypeName>, Vec<Designator>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatSuffix {
    None,
    F,
    L,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Plus,
    Neg,
    Not,
    BitNot,
    Deref,
    AddrOf,
    PreInc,
    PreDec,
    PostInc,
    PostDec,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Mul,
    Div,
    Rem,
    Add,
    Sub,
    Shl,
    Shr,
    Lt,
    Gt,
    Le,
    Ge,
    Eq,
    Ne,
    BitAnd,
    BitXor,
    BitOr,
    LogAnd,
    LogOr,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        use BinOp::*;
        match self {
            Mul => "*",
            Div => "/",
            Rem => "%",
            Add => "+",
            Sub => "-",
            Shl => "<<",
            Shr => ">>",
            Lt => "<",
            Gt => ">",
            Le => "<=",
            Ge => ">=",
            Eq => "==",
            Ne => "!=",
            BitAnd => "&",
            BitXor => "^",
            BitOr => "|",
            LogAnd => "&&",
            LogOr => "||",
        }
    }
}

impl UnOp {
    pub fn symbol(self) -> &'static str {
        use UnOp::*;
        match self {
            Plus => "+",
            Neg => "-",
            Not => "!",
            BitNot => "~",
            Deref => "*",
            AddrOf => "&",
            PreInc | PostInc => "++",
            PreDec | PostDec => "--",
        }
    }
}

/// What comes before a loop or switch body, for the grammar's open/closed statements.
pub enum LoopHead {
    While(Expr),
    Switch(Expr),
    For(ForInit, Option<Expr>, Option<Expr>),
}

impl LoopHead {
    pub fn finish(self, body: Stmt, span: Span) -> Stmt {
        let body = Box::new(body);
        let kind = match self {
            LoopHead::While(c) => StmtKind::While(c, body),
            LoopHead::Switch(c) => StmtKind::Switch(c, body),
            LoopHead::For(init, cond, step) => StmtKind::For(Box::new(init), cond, step, body),
        };
        Stmt { kind, span }
    }
}

/// A label in front of a statement.
pub enum LabelPrefix {
    Label(Name),
    Case(Expr),
    Default,
}

impl LabelPrefix {
    pub fn finish(self, stmt: Stmt, span: Span) -> Stmt {
        let stmt = Box::new(stmt);
        let kind = match self {
            LabelPrefix::Label(n) => StmtKind::Label(n, stmt),
            LabelPrefix::Case(e) => StmtKind::Case(e, stmt),
            LabelPrefix::Default => StmtKind::Default(stmt),
        };
        Stmt { kind, span }
    }
}
