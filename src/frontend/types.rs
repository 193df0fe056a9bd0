//! C types: sizes, alignment and struct layout as gcc lays them out, integer ranks, and
//! the conversions of C11 6.3 that depend only on types.

use super::ast::Name;
use crate::target::Target;
use std::fmt::Write;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntKind {
    Bool,
    /// Plain `char`: signed on x86-64, but a type of its own.
    Char,
    SChar,
    UChar,
    Short,
    UShort,
    Int,
    UInt,
    Long,
    ULong,
    LongLong,
    ULongLong,
}

impl IntKind {
    pub fn is_signed(self) -> bool {
        use IntKind::*;
        matches!(self, Char | SChar | Short | Int | Long | LongLong)
    }

    /// Integer conversion rank (C11 6.3.1.1).
    pub fn rank(self) -> u8 {
        use IntKind::*;
        match self {
            Bool => 0,
            Char | SChar | UChar => 1,
            Short | UShort => 2,
            Int | UInt => 3,
            Long | ULong => 4,
            LongLong | ULongLong => 5,
        }
    }

    pub fn size(self, target: Target) -> u64 {
        use IntKind::*;
        match self {
            Bool | Char | SChar | UChar => 1,
            Short | UShort => 2,
            Int | UInt => 4,
            Long | ULong => target.long_size,
            LongLong | ULongLong => 8,
        }
    }

    pub fn to_unsigned(self) -> IntKind {
        use IntKind::*;
        match self {
            Char | SChar => UChar,
            Short => UShort,
            Int => UInt,
            Long => ULong,
            LongLong => ULongLong,
            k => k,
        }
    }

    pub fn name(self) -> &'static str {
        use IntKind::*;
        match self {
            Bool => "_Bool",
            Char => "char",
            SChar => "signed char",
            UChar => "unsigned char",
            Short => "short",
            UShort => "unsigned short",
            Int => "int",
            UInt => "unsigned int",
            Long => "long",
            ULong => "unsigned long",
            LongLong => "long long",
            ULongLong => "unsigned long long",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FloatKind {
    Float,
    Double,
}

/// Index of a struct or union in [`Types`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RecordId(pub u32);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Quals {
    pub is_const: bool,
    pub is_volatile: bool,
}

impl Quals {
    pub fn union(self, other: Quals) -> Quals {
        Quals {
            is_const: self.is_const || other.is_const,
            is_volatile: self.is_volatile || other.is_volatile,
        }
    }

    /// `self` has every qualifier `other` has.
    pub fn contains(self, other: Quals) -> bool {
        (self.is_const || !other.is_const) && (self.is_volatile || !other.is_volatile)
    }
}

/// A C type with its top-level qualifiers.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Type {
    pub kind: TypeKind,
    pub quals: Quals,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum TypeKind {
    Void,
    Int(IntKind),
    Float(FloatKind),
    Pointer(Rc<Type>),
    /// Element type and length (`None`: incomplete, `int a[]`).
    Array(Rc<Type>, Option<u64>),
    Function(Rc<FunctionType>),
    Record(RecordId),
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FunctionType {
    pub ret: Type,
    pub params: Vec<Type>,
    pub variadic: bool,
    /// Declared with a prototype; `int f()` is not.
    pub prototyped: bool,
}

impl Type {
    pub fn new(kind: TypeKind) -> Type {
        Type {
            kind,
            quals: Quals::default(),
        }
    }

    pub fn void() -> Type {
        Type::new(TypeKind::Void)
    }

    pub fn int(kind: IntKind) -> Type {
        Type::new(TypeKind::Int(kind))
    }

    pub fn float(kind: FloatKind) -> Type {
        Type::new(TypeKind::Float(kind))
    }

    pub fn pointer_to(ty: Type) -> Type {
        Type::new(TypeKind::Pointer(Rc::new(ty)))
    }

    pub fn array_of(ty: Type, len: Option<u64>) -> Type {
        Type::new(TypeKind::Array(Rc::new(ty), len))
    }

    pub fn with_quals(mut self, quals: Quals) -> Type {
        self.quals = quals;
        self
    }

    pub fn unqualified(&self) -> Type {
        self.clone().with_quals(Quals::default())
    }

    pub fn is_void(&self) -> bool {
        matches!(self.kind, TypeKind::Void)
    }

    pub fn is_integer(&self) -> bool {
        matches!(self.kind, TypeKind::Int(_))
    }

    pub fn is_float(&self) -> bool {
        matches!(self.kind, TypeKind::Float(_))
    }

    pub fn is_arithmetic(&self) -> bool {
        self.is_integer() || self.is_float()
    }

    pub fn is_pointer(&self) -> bool {
        matches!(self.kind, TypeKind::Pointer(_))
    }

    pub fn is_scalar(&self) -> bool {
        self.is_arithmetic() || self.is_pointer()
    }

    pub fn is_array(&self) -> bool {
        matches!(self.kind, TypeKind::Array(..))
    }

    pub fn is_function(&self) -> bool {
        matches!(self.kind, TypeKind::Function(_))
    }

    pub fn is_record(&self) -> bool {
        matches!(self.kind, TypeKind::Record(_))
    }

    pub fn is_bool(&self) -> bool {
        matches!(self.kind, TypeKind::Int(IntKind::Bool))
    }

    pub fn int_kind(&self) -> Option<IntKind> {
        match self.kind {
            TypeKind::Int(k) => Some(k),
            _ => None,
        }
    }

    /// What a pointer points to, or an array's element.
    pub fn pointee(&self) -> Option<&Type> {
        match &self.kind {
            TypeKind::Pointer(t) | TypeKind::Array(t, _) => Some(t),
            _ => None,
        }
    }

    pub fn function(&self) -> Option<&Rc<FunctionType>> {
        match &self.kind {
            TypeKind::Function(f) => Some(f),
            _ => None,
        }
    }

    /// A pointer to a function, or a function: its function type.
    pub fn callable(&self) -> Option<&Rc<FunctionType>> {
        match &self.kind {
            TypeKind::Function(f) => Some(f),
            TypeKind::Pointer(t) => t.function(),
            _ => None,
        }
    }

    pub fn is_void_pointer(&self) -> bool {
        self.pointee().is_some_and(|t| t.is_void()) && self.is_pointer()
    }
}

/// A struct or union member.
#[derive(Clone, Debug)]
pub struct Field {
    pub name: Option<Name>,
    pub ty: Type,
    pub offset: u64,
}

#[derive(Clone, Debug)]
pub struct RecordDef {
    pub tag: Option<Name>,
    pub is_union: bool,
    /// `None` until the member list is seen.
    pub fields: Option<Vec<Field>>,
    pub size: u64,
    pub align: u64,
    /// The translation unit that declared it: the same tag in two units is one type.
    pub unit: u32,
}

/// The table of structs and unions and the target: everything sizes depend on.
#[derive(Clone, Debug, Default)]
pub struct Types {
    pub target: Target,
    records: Vec<RecordDef>,
    /// The translation unit being checked.
    pub unit: u32,
}

impl Types {
    pub fn new(target: Target) -> Types {
        Types {
            target,
            records: Vec::new(),
            unit: 0,
        }
    }

    pub fn add_record(&mut self, tag: Option<Name>, is_union: bool) -> RecordId {
        self.records.push(RecordDef {
            tag,
            is_union,
            fields: None,
            size: 0,
            align: 1,
            unit: self.unit,
        });
        RecordId(self.records.len() as u32 - 1)
    }

    pub fn record(&self, id: RecordId) -> &RecordDef {
        &self.records[id.0 as usize]
    }

    /// Completes a record with its members, laying them out as gcc does: each member at
    /// the next multiple of its alignment, the whole padded to the largest alignment.
    pub fn complete_record(&mut self, id: RecordId, members: Vec<(Option<Name>, Type)>) {
        let is_union = self.record(id).is_union;
        let mut fields = Vec::with_capacity(members.len());
        let (mut size, mut align) = (0u64, 1u64);
        for (name, ty) in members {
            let a = self.align_of(&ty);
            let s = self.size_of(&ty).unwrap_or(0);
            let offset = if is_union {
                0
            } else {
                size.next_multiple_of(a)
            };
            size = if is_union { size.max(s) } else { offset + s };
            align = align.max(a);
            fields.push(Field { name, ty, offset });
        }
        let rec = &mut self.records[id.0 as usize];
        rec.size = size.next_multiple_of(align);
        rec.align = align;
        rec.fields = Some(fields);
    }

    /// `sizeof`, or `None` for an incomplete type (or a function or `void`).
    pub fn size_of(&self, ty: &Type) -> Option<u64> {
        match &ty.kind {
            TypeKind::Void | TypeKind::Function(_) => None,
            TypeKind::Int(k) => Some(k.size(self.target)),
            TypeKind::Float(FloatKind::Float) => Some(4),
            TypeKind::Float(FloatKind::Double) => Some(8),
            TypeKind::Pointer(_) => Some(self.target.ptr_size),
            TypeKind::Array(elem, len) => self.size_of(elem)?.checked_mul((*len)?),
            TypeKind::Record(id) => {
                let r = self.record(*id);
                r.fields.as_ref().map(|_| r.size)
            }
        }
    }

    pub fn align_of(&self, ty: &Type) -> u64 {
        match &ty.kind {
            TypeKind::Array(elem, _) => self.align_of(elem),
            TypeKind::Record(id) => self.record(*id).align,
            // On i386 gcc aligns long long and double to 4 inside structs.
            TypeKind::Int(IntKind::LongLong | IntKind::ULongLong)
            | TypeKind::Float(FloatKind::Double)
                if self.target.ptr_size == 4 =>
            {
                4
            }
            _ => self.size_of(ty).unwrap_or(1).max(1),
        }
    }

    pub fn is_complete(&self, ty: &Type) -> bool {
        self.size_of(ty).is_some()
    }

    /// Finds a member by name, looking into anonymous members; returns its type and the
    /// offset from the start of the record.
    pub fn find_field(&self, id: RecordId, name: &str) -> Option<(Type, u64)> {
        for f in self.record(id).fields.as_ref()? {
            match &f.name {
                Some(n) if &**n == name => return Some((f.ty.clone(), f.offset)),
                None => {
                    if let TypeKind::Record(inner) = f.ty.kind
                        && let Some((t, off)) = self.find_field(inner, name)
                    {
                        return Some((t, f.offset + off));
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The type of `size_t`.
    pub fn size_t(&self) -> Type {
        Type::int(if self.target.long_size == 8 {
            IntKind::ULong
        } else {
            IntKind::UInt
        })
    }

    /// The type of `ptrdiff_t`.
    pub fn ptrdiff_t(&self) -> Type {
        Type::int(if self.target.long_size == 8 {
            IntKind::Long
        } else {
            IntKind::Int
        })
    }

    /// Integer promotion (C11 6.3.1.1p2).
    pub fn promote(&self, ty: &Type) -> Type {
        match ty.kind {
            TypeKind::Int(k) if k.rank() < IntKind::Int.rank() => Type::int(IntKind::Int),
            _ => ty.unqualified(),
        }
    }

    /// The usual arithmetic conversions (C11 6.3.1.8): the common type of two operands.
    pub fn common_type(&self, a: &Type, b: &Type) -> Type {
        use FloatKind::*;
        match (&a.kind, &b.kind) {
            (TypeKind::Float(Double), _) | (_, TypeKind::Float(Double)) => Type::float(Double),
            (TypeKind::Float(Float), _) | (_, TypeKind::Float(Float)) => Type::float(Float),
            _ => {
                let (Some(x), Some(y)) = (self.promote(a).int_kind(), self.promote(b).int_kind())
                else {
                    return Type::int(IntKind::Int);
                };
                Type::int(self.common_int(x, y))
            }
        }
    }

    fn common_int(&self, x: IntKind, y: IntKind) -> IntKind {
        if x == y {
            return x;
        }
        if x.is_signed() == y.is_signed() {
            return if x.rank() >= y.rank() { x } else { y };
        }
        let (s, u) = if x.is_signed() { (x, y) } else { (y, x) };
        if u.rank() >= s.rank() {
            u
        } else if s.size(self.target) > u.size(self.target) {
            s
        } else {
            s.to_unsigned()
        }
    }

    /// Types compatible in the sense of C11 6.2.7 (qualifiers at the top are ignored
    /// by the caller where C says so).
    pub fn compatible(&self, a: &Type, b: &Type) -> bool {
        if a.quals != b.quals {
            return false;
        }
        self.compatible_unqualified(a, b)
    }

    pub fn compatible_unqualified(&self, a: &Type, b: &Type) -> bool {
        match (&a.kind, &b.kind) {
            (TypeKind::Void, TypeKind::Void) => true,
            (TypeKind::Int(x), TypeKind::Int(y)) => x == y,
            (TypeKind::Float(x), TypeKind::Float(y)) => x == y,
            (TypeKind::Pointer(x), TypeKind::Pointer(y)) => self.compatible(x, y),
            (TypeKind::Array(x, n), TypeKind::Array(y, m)) => {
                self.compatible(x, y) && (n.is_none() || m.is_none() || n == m)
            }
            (TypeKind::Record(x), TypeKind::Record(y)) => self.records_compatible(*x, *y, true),
            (TypeKind::Function(f), TypeKind::Function(g)) => {
                if !self.compatible(&f.ret, &g.ret) {
                    return false;
                }
                if !f.prototyped || !g.prototyped {
                    return true;
                }
                f.variadic == g.variadic
                    && f.params.len() == g.params.len()
                    && f.params
                        .iter()
                        .zip(&g.params)
                        .all(|(p, q)| self.compatible_unqualified(p, q))
            }
            _ => false,
        }
    }

    /// Two records are one type if they are the same declaration, or (C11 6.2.7) come from
    /// different translation units with the same tag and the same members.
    fn records_compatible(&self, x: RecordId, y: RecordId, deep: bool) -> bool {
        let (a, b) = (self.record(x), self.record(y));
        if x == y {
            return true;
        }
        if a.unit == b.unit || a.tag != b.tag || a.is_union != b.is_union {
            return false;
        }
        match (&a.fields, &b.fields) {
            (Some(f), Some(g)) if deep => {
                f.len() == g.len()
                    && f.iter().zip(g).all(|(p, q)| {
                        p.name == q.name
                            && match (&p.ty.kind, &q.ty.kind) {
                                // Members that point to records: the tags must agree.
                                (TypeKind::Pointer(s), TypeKind::Pointer(t)) => {
                                    match (&s.kind, &t.kind) {
                                        (TypeKind::Record(m), TypeKind::Record(n)) => {
                                            self.records_compatible(*m, *n, false)
                                        }
                                        _ => self.compatible(&p.ty, &q.ty),
                                    }
                                }
                                _ => self.compatible(&p.ty, &q.ty),
                            }
                    })
            }
            _ => true,
        }
    }

    /// The type as gcc prints it in messages: `int`, `char *`, `struct S`, `int (*)(int)`.
    pub fn display(&self, ty: &Type) -> String {
        let mut inner = String::new();
        self.declarator_text(ty, &mut inner)
    }

    fn base_text(&self, ty: &Type) -> String {
        let mut s = String::new();
        if ty.quals.is_const {
            s.push_str("const ");
        }
        if ty.quals.is_volatile {
            s.push_str("volatile ");
        }
        match &ty.kind {
            TypeKind::Void => s.push_str("void"),
            TypeKind::Int(k) => s.push_str(k.name()),
            TypeKind::Float(FloatKind::Float) => s.push_str("float"),
            TypeKind::Float(FloatKind::Double) => s.push_str("double"),
            TypeKind::Record(id) => {
                let r = self.record(*id);
                let kw = if r.is_union { "union" } else { "struct" };
                match &r.tag {
                    Some(t) => {
                        let _ = write!(s, "{kw} {t}");
                    }
                    None => {
                        let _ = write!(s, "{kw} <anonymous>");
                    }
                }
            }
            _ => {}
        }
        s
    }

    /// Builds the text inside out, as C declarators read.
    fn declarator_text(&self, ty: &Type, inner: &mut String) -> String {
        match &ty.kind {
            TypeKind::Pointer(t) => {
                let mut s = String::from("*");
                if ty.quals.is_const {
                    s.push_str(" const");
                }
                s.push_str(inner);
                let mut s = if t.is_array() || t.is_function() {
                    format!("({s})")
                } else {
                    s
                };
                self.declarator_text(t, &mut s)
            }
            TypeKind::Array(t, n) => {
                let mut s = match n {
                    Some(n) => format!("{inner}[{n}]"),
                    None => format!("{inner}[]"),
                };
                self.declarator_text(t, &mut s)
            }
            TypeKind::Function(f) => {
                let params: Vec<String> = f.params.iter().map(|p| self.display(p)).collect();
                let mut list = params.join(", ");
                if f.variadic {
                    list.push_str(", ...");
                } else if f.prototyped && f.params.is_empty() {
                    list.push_str("void");
                }
                let mut s = format!("{inner}({list})");
                self.declarator_text(&f.ret, &mut s)
            }
            _ => {
                let base = self.base_text(ty);
                if inner.is_empty() {
                    base
                } else if inner.starts_with('[') || inner.starts_with('(') {
                    format!("{base} {inner}").replace(" [", "[")
                } else {
                    format!("{base} {inner}")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_layout_follows_gcc() {
        let mut types = Types::new(Target::LP64);
        let id = types.add_record(None, false);
        types.complete_record(
            id,
            vec![
                (None, Type::int(IntKind::Char)),
                (None, Type::int(IntKind::Long)),
                (None, Type::int(IntKind::Short)),
            ],
        );
        let r = types.record(id);
        let offsets: Vec<u64> = r
            .fields
            .as_ref()
            .unwrap()
            .iter()
            .map(|f| f.offset)
            .collect();
        assert_eq!(offsets, vec![0, 8, 16]);
        assert_eq!((r.size, r.align), (24, 8));
    }

    #[test]
    fn usual_arithmetic_conversions() {
        let t = Types::new(Target::LP64);
        let ct = |a, b| {
            t.common_type(&Type::int(a), &Type::int(b))
                .int_kind()
                .unwrap()
        };
        assert_eq!(ct(IntKind::Int, IntKind::UInt), IntKind::UInt);
        assert_eq!(ct(IntKind::Long, IntKind::UInt), IntKind::Long);
        assert_eq!(ct(IntKind::Char, IntKind::UChar), IntKind::Int);
        assert_eq!(ct(IntKind::LongLong, IntKind::ULong), IntKind::ULongLong);
        let ilp = Types::new(Target::ILP32);
        let c = ilp.common_type(&Type::int(IntKind::Long), &Type::int(IntKind::UInt));
        assert_eq!(c.int_kind(), Some(IntKind::ULong));
    }

    #[test]
    fn types_print_as_gcc_spells_them() {
        let t = Types::new(Target::LP64);
        let int = Type::int(IntKind::Int);
        assert_eq!(
            t.display(&Type::pointer_to(Type::int(IntKind::Char))),
            "char *"
        );
        assert_eq!(t.display(&Type::array_of(int.clone(), Some(3))), "int[3]");
        let f = Type::new(TypeKind::Function(Rc::new(FunctionType {
            ret: int.clone(),
            params: vec![int.clone()],
            variadic: false,
            prototyped: true,
        })));
        assert_eq!(t.display(&Type::pointer_to(f)), "int (*)(int)");
        assert_eq!(
            t.display(&Type::pointer_to(Type::array_of(int, Some(4)))),
            "int (*)[4]"
        );
    }
}
