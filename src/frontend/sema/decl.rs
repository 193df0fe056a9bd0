//! Declarations: specifiers to a base type, declarators to full types (inside out, in
//! one place), struct/union/enum definitions, and declarations at file and block scope.

use super::{Checker, FunctionCtx, Ordinary, RecordTag, Tag};
use crate::frontend::ast::{self, DeclaratorKind, Name, Qual, Spec, Storage, TypeSpec};
use crate::frontend::typed::*;
use crate::frontend::types::{FloatKind, FunctionType, IntKind, Quals, Type, TypeKind};
use crate::source::Span;
use std::rc::Rc;

/// The declaration specifiers, understood.
#[derive(Clone, Debug)]
pub(super) struct SpecInfo {
    pub ty: Type,
    pub storage: Option<Storage>,
    pub inline: bool,
}

impl Checker {
    /// Declaration specifiers to a base type and storage class (C11 6.7.1, 6.7.2).
    pub(super) fn decl_specs(
        &mut self,
        specs: &ast::DeclSpecs,
        allow_storage_none: bool,
    ) -> Option<SpecInfo> {
        let _ = allow_storage_none;
        let mut storage: Option<(Storage, Span)> = None;
        let mut quals = Quals::default();
        let mut restrict = false;
        let mut inline = false;
        let mut basic: Vec<(&TypeSpec, Span)> = Vec::new();
        let mut other: Option<(Type, Span)> = None;
        let mut ok = true;
        for (spec, span) in &specs.items {
            match spec {
                Spec::Storage(s) => {
                    if let Some((_, prev)) = storage {
                        let _ = prev;
                        self.error(*span, "multiple storage classes in declaration specifiers");
                        ok = false;
                    }
                    storage = Some((*s, *span));
                }
                Spec::Qual(Qual::Const) => quals.is_const = true,
                Spec::Qual(Qual::Volatile) => quals.is_volatile = true,
                Spec::Qual(Qual::Restrict) => restrict = true,
                Spec::Inline => inline = true,
                Spec::Type(t) => {
                    let resolved = match t {
                        TypeSpec::Record(r) => Some(self.record_spec(r)),
                        TypeSpec::Enum(e) => Some(self.enum_spec(e)),
                        TypeSpec::TypedefName(n) => match self.lookup(n) {
                            Some(Ordinary::Typedef(t)) => Some(t.clone()),
                            _ => {
                                self.error(*span, format!("unknown type name '{n}'"));
                                Some(Type::int(IntKind::Int))
                            }
                        },
                        TypeSpec::VaList => Some(self.va_list.clone()),
                        _ => None,
                    };
                    match resolved {
                        Some(t) => {
                            if other.is_some() || !basic.is_empty() {
                                self.error(
                                    *span,
                                    "two or more data types in declaration specifiers",
                                );
                                ok = false;
                            }
                            other = Some((t, *span));
                        }
                        None => {
                            if other.is_some() {
                                self.error(
                                    *span,
                                    "two or more data types in declaration specifiers",
                                );
                                ok = false;
                            }
                            basic.push((t, *span));
                        }
                    }
                }
            }
        }
        let ty = match other {
            Some((t, _)) => t,
            None => match self.basic_type(&basic, specs.span) {
                Some(t) => t,
                None => {
                    ok = false;
                    Type::int(IntKind::Int)
                }
            },
        };
        if restrict && !ty.is_pointer() {
            self.error(specs.span, "invalid use of 'restrict'");
        }
        let quals = quals.union(ty.quals);
        let _ = ok;
        Some(SpecInfo {
            ty: ty.with_quals(quals),
            storage: storage.map(|(s, _)| s),
            inline,
        })
    }

    /// The combinations of C11 6.7.2p2.
    fn basic_type(&mut self, specs: &[(&TypeSpec, Span)], whole: Span) -> Option<Type> {
        let count = |want: fn(&TypeSpec) -> bool| specs.iter().filter(|(t, _)| want(t)).count();
        let void = count(|t| matches!(t, TypeSpec::Void));
        let char = count(|t| matches!(t, TypeSpec::Char));
        let short = count(|t| matches!(t, TypeSpec::Short));
        let int = count(|t| matches!(t, TypeSpec::Int));
        let long = count(|t| matches!(t, TypeSpec::Long));
        let float = count(|t| matches!(t, TypeSpec::Float));
        let double = count(|t| matches!(t, TypeSpec::Double));
        let signed = count(|t| matches!(t, TypeSpec::Signed));
        let unsigned = count(|t| matches!(t, TypeSpec::Unsigned));
        let bool_ = count(|t| matches!(t, TypeSpec::Bool));
        let complex = count(|t| matches!(t, TypeSpec::Complex));
        let span = specs.last().map_or(whole, |(_, s)| *s);
        if specs.is_empty() {
            self.error(whole, "type defaults to 'int' in declaration");
            return Some(Type::int(IntKind::Int));
        }
        if complex > 0 {
            self.error(span, "complex types are not supported by segvm");
            return None;
        }
        if long == 1 && double == 1 && specs.len() == 2 {
            self.error(span, "'long double' is not supported by segvm");
            return None;
        }
        if long > 2 {
            self.error(span, "'long long long' is too long for GCC");
            return None;
        }
        if signed + unsigned > 1 || int > 1 || short > 1 || char > 1 {
            self.error(span, "two or more data types in declaration specifiers");
            return None;
        }
        let sign_ok = void + float + double + bool_ == 0;
        if (signed + unsigned > 0) && !sign_ok {
            let which = if signed > 0 { "signed" } else { "unsigned" };
            self.error(
                span,
                format!("both '{which}' and another type in declaration specifiers"),
            );
            return None;
        }
        let kinds = void + char + float + double + bool_;
        let lone = |n: usize| specs.len() == n;
        let t = if void == 1 && lone(1) {
            Type::void()
        } else if bool_ == 1 && lone(1) {
            Type::int(IntKind::Bool)
        } else if float == 1 && lone(1) {
            Type::float(FloatKind::Float)
        } else if double == 1 && lone(1) {
            Type::float(FloatKind::Double)
        } else if char == 1 && lone(1 + signed + unsigned) {
            Type::int(if signed > 0 {
                IntKind::SChar
            } else if unsigned > 0 {
                IntKind::UChar
            } else {
                IntKind::Char
            })
        } else if kinds == 0 && short == 1 && long == 0 {
            Type::int(if unsigned > 0 {
                IntKind::UShort
            } else {
                IntKind::Short
            })
        } else if kinds == 0 && short == 0 && long == 1 {
            Type::int(if unsigned > 0 {
                IntKind::ULong
            } else {
                IntKind::Long
            })
        } else if kinds == 0 && short == 0 && long == 2 {
            Type::int(if unsigned > 0 {
                IntKind::ULongLong
            } else {
                IntKind::LongLong
            })
        } else if kinds == 0 && short == 0 && long == 0 {
            Type::int(if unsigned > 0 {
                IntKind::UInt
            } else {
                IntKind::Int
            })
        } else {
            self.error(span, "two or more data types in declaration specifiers");
            return None;
        };
        Some(t)
    }

    /// `struct tag`, `struct tag { ... }`, `union { ... }`.
    fn record_spec(&mut self, r: &ast::RecordSpec) -> Type {
        let kw = if r.is_union { "union" } else { "struct" };
        let id = match (&r.tag, &r.fields) {
            (Some(tag), None) => match self.lookup_tag(tag) {
                Some((Tag::Record(t), _)) if t.is_union == r.is_union => t.id,
                Some(_) => {
                    self.error(r.span, format!("'{tag}' defined as wrong kind of tag"));
                    return Type::int(IntKind::Int);
                }
                None => self.new_record_tag(tag, r.is_union, r.span),
            },
            (tag, Some(fields)) => {
                let id = match tag {
                    Some(tag) => match self.lookup_tag(tag) {
                        Some((Tag::Record(t), true)) if t.is_union == r.is_union => {
                            if self.types.record(t.id).fields.is_some() {
                                self.error(r.span, format!("redefinition of '{kw} {tag}'"));
                                return Type::new(TypeKind::Record(t.id));
                            }
                            t.id
                        }
                        Some((_, true)) => {
                            self.error(r.span, format!("'{tag}' defined as wrong kind of tag"));
                            return Type::int(IntKind::Int);
                        }
                        _ => self.new_record_tag(tag, r.is_union, r.span),
                    },
                    None => self.types.add_record(None, r.is_union),
                };
                let members = self.record_members(fields, r.span, kw);
                self.types.complete_record(id, members);
                id
            }
            (None, None) => self.types.add_record(None, r.is_union),
        };
        Type::new(TypeKind::Record(id))
    }

    fn new_record_tag(
        &mut self,
        tag: &Name,
        is_union: bool,
        span: Span,
    ) -> crate::frontend::types::RecordId {
        let id = self.types.add_record(Some(tag.clone()), is_union);
        let scope = self.scopes.last_mut().expect("a scope is always open");
        scope
            .tags
            .insert(tag.clone(), (Tag::Record(RecordTag { id, is_union }), span));
        id
    }

    fn record_members(
        &mut self,
        fields: &[ast::FieldDecl],
        span: Span,
        kw: &str,
    ) -> Vec<(Option<Name>, Type)> {
        let mut members: Vec<(Option<Name>, Type)> = Vec::new();
        let count = fields.iter().map(|f| f.declarators.len()).sum::<usize>();
        let mut index = 0;
        for f in fields {
            let Some(info) = self.decl_specs(&f.specs, false) else {
                continue;
            };
            if f.declarators.is_empty() {
                self.error(f.span, "declaration does not declare anything");
            }
            for (d, width) in &f.declarators {
                index += 1;
                if width.is_some() {
                    self.error(f.span, "bit-fields are not supported by segvm");
                    continue;
                }
                let Some(d) = d else { continue };
                let (ty, name) = self.declarator(info.ty.clone(), d);
                let Some((name, nspan)) = name else { continue };
                if members.iter().any(|(n, _)| n.as_ref() == Some(&name)) {
                    self.error(nspan, format!("duplicate member '{name}'"));
                    continue;
                }
                if ty.is_function() {
                    self.error(nspan, format!("field '{name}' declared as a function"));
                    continue;
                }
                // A flexible array member may end a struct.
                let flexible = matches!(ty.kind, TypeKind::Array(_, None))
                    && index == count
                    && kw == "struct"
                    && count > 1;
                if !flexible && !self.types.is_complete(&ty) {
                    self.error(nspan, format!("field '{name}' has incomplete type"));
                    continue;
                }
                members.push((Some(name), ty));
            }
        }
        if members.is_empty() && !fields.is_empty() {
            // Errors above already explain.
        } else if members.is_empty() {
            self.error(span, format!("{kw} has no members"));
        }
        members
    }

    /// `enum tag { A, B = 3 }`: binds the enumerators; the type is the underlying integer
    /// type gcc picks (unsigned int unless a value is negative).
    fn enum_spec(&mut self, e: &ast::EnumSpec) -> Type {
        let Some(items) = &e.items else {
            let tag = e.tag.clone().unwrap_or_else(|| Name::from(""));
            return match self.lookup_tag(&tag) {
                Some((Tag::Enum(t), _)) => t,
                Some(_) => {
                    self.error(e.span, format!("'{tag}' defined as wrong kind of tag"));
                    Type::int(IntKind::Int)
                }
                None => {
                    self.error(
                        e.span,
                        format!("ISO C forbids forward references to 'enum' types ('enum {tag}')"),
                    );
                    Type::int(IntKind::UInt)
                }
            };
        };
        if let Some(tag) = &e.tag
            && let Some((_, true)) = self.lookup_tag(tag)
        {
            self.error(e.span, format!("redeclaration of 'enum {tag}'"));
        }
        let mut next: i64 = 0;
        let mut values = Vec::new();
        for item in items {
            let value = match &item.value {
                Some(expr) => {
                    let v = self.int_constant(expr, "enumerator value");
                    match v {
                        Some((bits, ty)) => {
                            let signed = ty.int_kind().is_some_and(|k| k.is_signed());
                            let v = bits as i64;
                            if v > i32::MAX as i64
                                || v < i32::MIN as i64
                                || (!signed && bits > i32::MAX as u64)
                            {
                                self.error(
                                    expr.span,
                                    "enumerator value outside the range of 'int'",
                                );
                            }
                            v
                        }
                        None => next,
                    }
                }
                None => {
                    if next > i32::MAX as i64 {
                        self.error(item.span, "overflow in enumeration values");
                    }
                    next
                }
            };
            values.push(value);
            self.bind(
                &item.name,
                item.span,
                Ordinary::EnumConst(value as i32 as i64 as u64, Type::int(IntKind::Int)),
            );
            next = value.wrapping_add(1);
        }
        let ty = Type::int(if values.iter().any(|&v| v < 0) {
            IntKind::Int
        } else {
            IntKind::UInt
        });
        if let Some(tag) = &e.tag {
            let scope = self.scopes.last_mut().expect("a scope is always open");
            scope
                .tags
                .insert(tag.clone(), (Tag::Enum(ty.clone()), e.span));
        }
        ty
    }

    /// A declarator applied to a base type, inside out: returns the full type and the
    /// declared name.
    pub(super) fn declarator(
        &mut self,
        base: Type,
        d: &ast::Declarator,
    ) -> (Type, Option<(Name, Span)>) {
        match &d.kind {
            DeclaratorKind::Name(n) => (base, n.clone().map(|n| (n, d.span))),
            DeclaratorKind::Pointer(quals, inner) => {
                let q = Quals {
                    is_const: quals.contains(&Qual::Const),
                    is_volatile: quals.contains(&Qual::Volatile),
                };
                let ty = Type::pointer_to(base).with_quals(q);
                self.declarator(ty, inner)
            }
            DeclaratorKind::Array(inner, size) => {
                if base.is_function() {
                    self.error(d.span, "declaration of array of functions");
                } else if base.is_void() {
                    self.error(d.span, "declaration of array of 'void'");
                } else if !self.types.is_complete(&base) {
                    self.error(
                        d.span,
                        format!(
                            "array type has incomplete element type '{}'",
                            self.display(&base)
                        ),
                    );
                }
                let len = size.as_ref().and_then(|e| self.array_length(e));
                self.declarator(Type::array_of(base, len), inner)
            }
            DeclaratorKind::Function(inner, params) => {
                if base.is_array() {
                    self.error(d.span, "function returns an array");
                } else if base.is_function() {
                    self.error(d.span, "function returns a function");
                }
                let fty = self.param_list(base, params);
                self.declarator(Type::new(TypeKind::Function(Rc::new(fty))), inner)
            }
        }
    }

    fn array_length(&mut self, e: &ast::Expr) -> Option<u64> {
        let before = self.non_ice;
        let checked = self.value(e);
        if !checked.ty.is_integer() {
            self.error(e.span, "size of array has non-integer type");
            return None;
        }
        // Not an integer constant expression: the length is not a constant (a VLA).
        let constant = Some(&checked)
            .filter(|_| self.non_ice == before)
            .and_then(|c| self.eval_int(c));
        match constant {
            Some(v) => {
                let signed = checked.ty.int_kind().is_some_and(|k| k.is_signed());
                if signed && (v as i64) < 0 {
                    self.error(e.span, "size of array is negative");
                    None
                } else if v == 0 {
                    self.error(e.span, "ISO C forbids zero-size array");
                    None
                } else if v > (1 << 40) {
                    self.error(e.span, "size of array is too large");
                    None
                } else {
                    Some(v)
                }
            }
            None if self.at_file_scope() => {
                self.error(e.span, "variably modified array at file scope");
                None
            }
            None => {
                self.error(e.span, "variable-length arrays are not supported by segvm");
                None
            }
        }
    }

    /// A parameter list to a function type; parameters are adjusted (arrays and functions
    /// to pointers) and `(void)` means none.
    fn param_list(&mut self, ret: Type, list: &ast::ParamList) -> FunctionType {
        if list.unspecified || !list.identifiers.is_empty() {
            return FunctionType {
                ret,
                params: Vec::new(),
                variadic: false,
                prototyped: false,
            };
        }
        self.push_scope();
        let mut params = Vec::new();
        let only_void = list.params.len() == 1;
        for p in &list.params {
            let Some(info) = self.decl_specs(&p.specs, false) else {
                continue;
            };
            if let Some(s) = info.storage
                && s != Storage::Register
            {
                self.error(p.span, "storage class specified for parameter");
            }
            let (ty, name) = self.declarator(info.ty, &p.declarator);
            if ty.is_void()
                && ty.quals == Quals::default()
                && name.is_none()
                && only_void
                && !list.variadic
            {
                break;
            }
            if ty.is_void() {
                let msg = if name.is_some() {
                    "parameter has 'void' type"
                } else {
                    "'void' must be the only parameter"
                };
                self.error(p.span, msg);
                continue;
            }
            params.push(self.adjust_param(ty));
        }
        self.pop_scope();
        FunctionType {
            ret,
            params,
            variadic: list.variadic,
            prototyped: true,
        }
    }

    fn adjust_param(&self, ty: Type) -> Type {
        match &ty.kind {
            TypeKind::Array(elem, _) => Type::pointer_to((**elem).clone()),
            TypeKind::Function(_) => Type::pointer_to(ty),
            _ => ty,
        }
    }

    /// A declaration at file scope (`file`) or in a block. Block declarations yield the
    /// statements that initialize their objects.
    pub(super) fn declaration(&mut self, d: &ast::Declaration, file: bool) -> Vec<Stmt> {
        let mut stmts = Vec::new();
        let Some(info) = self.decl_specs(&d.specs, true) else {
            return stmts;
        };
        if d.declarators.is_empty() {
            let declares_tag = d.specs.items.iter().any(|(s, _)| {
                matches!(s, Spec::Type(TypeSpec::Record(r)) if r.tag.is_some() || r.fields.is_some())
                    || matches!(s, Spec::Type(TypeSpec::Enum(_)))
            });
            if !declares_tag {
                self.error(d.span, "useless type name in empty declaration");
            }
            if info.inline {
                self.error(d.span, "'inline' in empty declaration");
            }
            match info.storage {
                Some(s @ (Storage::Auto | Storage::Register)) if file => {
                    let s = if s == Storage::Auto {
                        "auto"
                    } else {
                        "register"
                    };
                    self.error(d.span, format!("'{s}' in file-scope empty declaration"));
                }
                Some(_) => self.warning(
                    d.specs.span,
                    "useless storage class specifier in empty declaration",
                ),
                None => {}
            }
            // `struct S;` in an inner scope declares a new, incomplete struct there.
            return stmts;
        }
        if file && matches!(info.storage, Some(Storage::Auto | Storage::Register)) {
            let name = d.declarators[0]
                .declarator
                .name()
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            self.error(
                d.specs.span,
                format!("file-scope declaration of '{name}' specifies 'auto' or 'register'"),
            );
        }
        for init_decl in &d.declarators {
            let (ty, name) = self.declarator(info.ty.clone(), &init_decl.declarator);
            let Some((name, span)) = name else {
                self.error(
                    init_decl.declarator.span,
                    "declaration does not declare a name",
                );
                continue;
            };
            let typedef = info.storage == Some(Storage::Typedef);
            if info.inline && !ty.is_function() && !typedef {
                self.error(span, format!("variable '{name}' declared 'inline'"));
            } else if info.inline && *name == *"main" {
                self.error(span, "cannot inline function 'main'");
            }
            if typedef {
                if info.inline {
                    self.error(span, format!("typedef '{name}' declared 'inline'"));
                }
                if let Some(init) = &init_decl.init {
                    self.error(init.span(), format!("typedef '{name}' is initialized"));
                }
                self.bind(&name, span, Ordinary::Typedef(ty));
                continue;
            }
            if let Some(fty) = ty.function() {
                if !file && info.storage == Some(Storage::Static) {
                    self.error(span, format!("invalid storage class for function '{name}'"));
                }
                if let Some(init) = &init_decl.init {
                    self.error(
                        init.span(),
                        format!("function '{name}' is initialized like a variable"),
                    );
                }
                let id = self.declare_function(
                    &name,
                    fty.clone(),
                    span,
                    info.storage == Some(Storage::Static),
                );
                if info.inline && !self.runtime {
                    self.inline_decls.push((id, span));
                }
                continue;
            }
            if file || info.storage == Some(Storage::Extern) {
                self.global_object(&name, span, ty, info.storage, init_decl.init.as_ref(), file);
            } else if info.storage == Some(Storage::Static) {
                let fname = self
                    .func
                    .as_ref()
                    .map(|f| f.name.clone())
                    .unwrap_or_else(|| Name::from(""));
                let (ty, init) = self.static_initializer(&ty, init_decl.init.as_ref(), span);
                if !self.types.is_complete(&ty) {
                    self.error(span, format!("storage size of '{name}' isn't known"));
                }
                let readonly = is_readonly(&ty);
                let id = self.new_global(Global {
                    name: name.clone(),
                    ty,
                    kind: GlobalKind::StaticLocal(fname),
                    init,
                    defined: true,
                    readonly,
                    span,
                    runtime: false,
                });
                self.bind(&name, span, Ordinary::Global(id));
            } else {
                stmts.extend(self.local_object(
                    &name,
                    span,
                    ty,
                    init_decl.init.as_ref(),
                    info.storage,
                ));
            }
        }
        stmts
    }

    fn local_object(
        &mut self,
        name: &Name,
        span: Span,
        ty: Type,
        init: Option<&ast::Initializer>,
        storage: Option<Storage>,
    ) -> Option<Stmt> {
        // An array's size may come from its initializer.
        let ty = match (&ty.kind, init) {
            (TypeKind::Array(_, None), Some(init)) => self.complete_array_type(&ty, init),
            _ => ty,
        };
        if !self.types.is_complete(&ty) {
            self.error(span, format!("storage size of '{name}' isn't known"));
        }
        let id = self.new_local(name.clone(), ty.clone(), span);
        if storage == Some(Storage::Register)
            && let Some(f) = self.func.as_mut()
        {
            f.registers.push(id);
        }
        // The name is in scope from the end of its declarator, so before the initializer.
        self.bind(name, span, Ordinary::Local(id));
        let init = init?;
        let pieces = self.local_initializer(&ty, init);
        Some(Stmt {
            kind: StmtKind::Init(id, pieces),
            span: span.to(init.span()),
        })
    }

    fn global_object(
        &mut self,
        name: &Name,
        span: Span,
        ty: Type,
        storage: Option<Storage>,
        init: Option<&ast::Initializer>,
        file: bool,
    ) {
        let is_extern = storage == Some(Storage::Extern);
        let is_static = storage == Some(Storage::Static);
        if is_extern && init.is_some() && !file {
            self.error(span, format!("'{name}' has both 'extern' and initializer"));
            return;
        }
        let (ty, static_init) = if init.is_some() || !is_extern {
            self.static_initializer(&ty, init, span)
        } else {
            (ty, None)
        };
        let defined = !is_extern || init.is_some();
        // Linkage (C11 6.2.2): the object with external linkage of this name, if any; a
        // file-scope object this declaration can see (an `extern` takes its linkage).
        let linked = match self.linked.get(name) {
            Some(Ordinary::Global(id)) => Some(*id),
            _ => None,
        };
        let function = match self.lookup(name) {
            Some(Ordinary::Func(_)) => true,
            Some(_) => false,
            None => matches!(self.linked.get(name), Some(Ordinary::Func(_))),
        };
        if is_extern && !file && function && !self.runtime {
            self.error(
                span,
                format!("'{name}' redeclared as different kind of symbol"),
            );
            return;
        }
        if &**name == "main" && !is_static && !self.runtime {
            self.error(span, "'main' is usually a function");
        }
        let visible = match self.lookup(name) {
            Some(Ordinary::Global(id))
                if matches!(self.globals[id.0 as usize].kind, GlobalKind::File) =>
            {
                Some(*id)
            }
            _ => None,
        };
        // An earlier declaration of the same object: in this scope, visible, or linked.
        let prior = match self.scopes.last().and_then(|s| s.ordinary.get(name)) {
            Some((Ordinary::Global(id), _)) => Some(*id),
            Some((_, prev)) => {
                let prev = *prev;
                self.error_with_note(
                    span,
                    format!("'{name}' redeclared as different kind of symbol"),
                    "previous declaration is here",
                    prev,
                );
                return;
            }
            None if is_extern => visible.or(linked),
            None if is_static => None,
            None => linked,
        };
        let prior_internal = prior.is_some() && prior != linked;
        if !self.runtime {
            if is_static && linked.is_some() {
                self.error(
                    span,
                    format!("static declaration of '{name}' follows non-static declaration"),
                );
                return;
            }
            let hidden_static = match self.scopes[0].ordinary.get(name) {
                Some((Ordinary::Global(id), _)) => Some(*id) != linked,
                _ => false,
            };
            if is_extern && prior.is_none() && hidden_static {
                // The file-scope object is static but hidden here: one name, two linkages.
                self.error(
                    span,
                    format!("variable '{name}' previously declared 'static' redeclared 'extern'"),
                );
                return;
            }
            if !is_static && !is_extern && prior_internal {
                self.error(
                    span,
                    format!("non-static declaration of '{name}' follows static declaration"),
                );
                return;
            }
        }
        let id = match prior {
            Some(id) => {
                let g = &self.globals[id.0 as usize];
                let (old_ty, old_span, old_has_init) =
                    (g.ty.clone(), g.span, g.init.is_some() && g.defined);
                if !self.types.compatible(&old_ty, &ty) {
                    self.error_with_note(
                        span,
                        format!("conflicting types for '{name}'"),
                        "previous declaration is here",
                        old_span,
                    );
                    return;
                }
                if init.is_some() && old_has_init {
                    self.error_with_note(
                        span,
                        format!("redefinition of '{name}'"),
                        "previous definition is here",
                        old_span,
                    );
                    return;
                }
                let g = &mut self.globals[id.0 as usize];
                if matches!(g.ty.kind, TypeKind::Array(_, None)) || init.is_some() {
                    g.ty = ty.clone();
                }
                if init.is_some() {
                    g.init = static_init;
                    g.span = span;
                }
                if defined && !g.defined {
                    g.defined = true;
                    g.readonly = is_readonly(&g.ty);
                }
                id
            }
            None => {
                let readonly = is_readonly(&ty) && defined;
                self.new_global(Global {
                    name: name.clone(),
                    ty,
                    kind: GlobalKind::File,
                    init: static_init,
                    defined,
                    readonly,
                    span,
                    runtime: false,
                })
            }
        };
        if !is_static && !prior_internal {
            self.linked.insert(name.clone(), Ordinary::Global(id));
        }
        let scope = self.scopes.last_mut().expect("a scope is always open");
        scope
            .ordinary
            .insert(name.clone(), (Ordinary::Global(id), span));
    }

    /// Checks the objects defined at the end of the program: tentative definitions of
    /// incomplete type, and objects never defined.
    pub(super) fn finish_globals(&mut self) {
        for i in 0..self.globals.len() {
            let g = &self.globals[i];
            if g.defined && !self.types.is_complete(&g.ty) {
                if let TypeKind::Array(elem, None) = &g.ty.kind {
                    // `int a[];` alone: gcc assumes one element.
                    let ty = Type::array_of((**elem).clone(), Some(1));
                    self.globals[i].ty = ty;
                } else {
                    let (name, span) = (g.name.clone(), g.span);
                    self.error(span, format!("storage size of '{name}' isn't known"));
                }
            }
        }
    }
}

impl FunctionCtx {
    pub(super) fn new_label(&mut self) -> LabelId {
        self.next_label += 1;
        LabelId(self.next_label - 1)
    }
}

/// An object all of whose bytes are const goes to rodata (and so stays in FLASH): a
/// const-qualified type, or an array of one (an array's qualifiers are its elements',
/// C99 6.7.3p8), as gcc places them.
fn is_readonly(ty: &Type) -> bool {
    match &ty.kind {
        TypeKind::Array(elem, _) => is_readonly(elem),
        _ => ty.quals.is_const,
    }
}
