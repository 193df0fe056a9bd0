//! The checker: resolves names, computes types, inserts every implicit conversion, and
//! reports each constraint violation of C99 (as `gcc -std=c99 -pedantic-errors` does).
//!
//! Several translation units share one checker: names with external linkage are linked
//! across them (the user's program first, then segvm's runtime, whose definitions only
//! fill in what the program leaves undefined).

mod consteval;
mod decl;
mod expr;
mod init;
mod stmt;

use super::ast::{self, Name};
use super::typed::*;
use super::types::{FunctionType, Type, Types};
use crate::diagnostics::Diagnostic;
use crate::source::Span;
use crate::target::Target;
use std::collections::HashMap;
use std::rc::Rc;

pub use consteval::ConstValue;

/// What an ordinary identifier names in a scope.
#[derive(Clone, Debug)]
enum Ordinary {
    Local(LocalId),
    Global(GlobalId),
    Func(FuncId),
    Typedef(Type),
    EnumConst(u64, Type),
}

#[derive(Clone, Debug)]
enum Tag {
    Record(RecordTag),
    /// An enum: its underlying integer type.
    Enum(Type),
}

#[derive(Clone, Copy, Debug)]
struct RecordTag {
    id: super::types::RecordId,
    is_union: bool,
}

#[derive(Default)]
struct Scope {
    ordinary: HashMap<Name, (Ordinary, Span)>,
    tags: HashMap<Name, (Tag, Span)>,
}

/// A label of the function being checked.
struct LabelInfo {
    id: LabelId,
    defined: bool,
    first_use: Span,
}

/// The switch statement being checked: its controlling type and cases so far.
struct SwitchCtx {
    ty: Type,
    table: SwitchTable,
    seen: HashMap<u64, Span>,
    default_span: Option<Span>,
}

/// State while checking one function body.
struct FunctionCtx {
    name: Name,
    ret: Type,
    locals: Vec<Local>,
    labels: HashMap<Name, LabelInfo>,
    next_label: u32,
    loops: u32,
    switches: Vec<SwitchCtx>,
    /// Bytes of argument slots the named parameters take (`va_start` starts after them).
    named_arg_bytes: u64,
    variadic: bool,
    /// Locals declared `register`: their address cannot be taken.
    registers: Vec<LocalId>,
    /// The parameters are the first locals.
    params: usize,
}

pub struct Checker {
    types: Types,
    globals: Vec<Global>,
    functions: Vec<Function>,
    strings: Vec<Vec<u8>>,
    diags: Vec<Diagnostic>,
    scopes: Vec<Scope>,
    /// Names with external linkage, across translation units.
    linked: HashMap<Name, Ordinary>,
    func: Option<FunctionCtx>,
    /// Checking the runtime's unit: its definitions yield to the program's.
    runtime: bool,
    /// Accept, as warnings, the pointer mismatches that plain `gcc -std=c99` only warns
    /// about: pointer targets that differ in signedness, comparison of distinct pointer
    /// types. Generated test programs (Csmith's) are full of them.
    permissive: bool,
    /// Set when evaluating a constant met signed overflow (see `consteval`).
    const_overflow: std::cell::Cell<bool>,
    /// Counts the operands checked so far that no integer constant expression may have
    /// (C99 6.6p6): floating constants other than a cast's immediate operand, casts to
    /// non-integer types, comma operators. Those inside `sizeof` do not count.
    non_ice: u32,
    /// Set while checking an expression that must be constant (see `consteval`).
    in_constant: bool,
    /// Functions of the program with internal linkage, those it uses, and its `inline`
    /// declarations: checked for definitions at the end of the program's unit.
    internal_funcs: Vec<FuncId>,
    used_funcs: std::collections::HashSet<FuncId>,
    inline_decls: Vec<(FuncId, Span)>,
    /// `va_list`: a pointer that walks the argument slots, to a type of its own (as gcc's
    /// `__va_list_tag`) so that it converts to no other pointer.
    va_list: Type,
}

/// Checks translation units (the program first) and links them into one program.
pub fn check(
    units: &[(&ast::TranslationUnit, bool)],
    target: Target,
    permissive: bool,
) -> (Program, Vec<Diagnostic>) {
    let mut types = Types::new(target);
    let va_list_tag = types.add_record(Some(Name::from("__va_list_tag")), false);
    let mut c = Checker {
        va_list: Type::pointer_to(Type::new(super::types::TypeKind::Record(va_list_tag))),
        types,
        globals: Vec::new(),
        functions: Vec::new(),
        strings: Vec::new(),
        diags: Vec::new(),
        scopes: Vec::new(),
        linked: HashMap::new(),
        func: None,
        runtime: false,
        permissive,
        const_overflow: Default::default(),
        non_ice: 0,
        in_constant: false,
        internal_funcs: Vec::new(),
        used_funcs: Default::default(),
        inline_decls: Vec::new(),
    };
    for (i, (unit, runtime)) in units.iter().enumerate() {
        c.runtime = *runtime;
        c.types.unit = i as u32;
        c.scopes = vec![Scope::default()];
        for item in &unit.items {
            match item {
                ast::ExternalDecl::Function(f) => c.function_definition(f),
                ast::ExternalDecl::Declaration(d) => {
                    c.declaration(d, true);
                }
            }
        }
        if !c.runtime {
            c.check_declared_functions_defined();
        }
    }
    c.finish_globals();
    let program = Program {
        types: c.types,
        globals: c.globals,
        functions: c.functions,
        strings: c.strings,
    };
    (program, c.diags)
}

impl Checker {
    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::error(span, message));
    }

    fn warning(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(Diagnostic::warning(span, message));
    }

    fn error_with_note(&mut self, span: Span, message: String, note: &str, at: Span) {
        self.diags
            .push(Diagnostic::error(span, message).with_note(note, Some(at)));
    }

    fn display(&self, ty: &Type) -> String {
        self.types.display(ty)
    }

    fn at_file_scope(&self) -> bool {
        self.scopes.len() == 1
    }

    fn lookup(&self, name: &str) -> Option<&Ordinary> {
        self.scopes
            .iter()
            .rev()
            .find_map(|s| s.ordinary.get(name))
            .map(|(o, _)| o)
    }

    fn lookup_tag(&self, name: &str) -> Option<(Tag, bool)> {
        let innermost = self.scopes.len() - 1;
        self.scopes
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, s)| s.tags.get(name).map(|(t, _)| (t.clone(), i == innermost)))
    }

    fn push_scope(&mut self) {
        self.scopes.push(Scope::default());
    }

    fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    /// Binds a name in the innermost scope, reporting a redeclaration there.
    fn bind(&mut self, name: &Name, span: Span, what: Ordinary) {
        let scope = self.scopes.last_mut().expect("a scope is always open");
        if let Some((_, prev)) = scope.ordinary.get(name) {
            let prev = *prev;
            self.error_with_note(
                span,
                format!("redeclaration of '{name}'"),
                "previous declaration is here",
                prev,
            );
            return;
        }
        scope.ordinary.insert(name.clone(), (what, span));
    }

    fn new_local(&mut self, name: Name, ty: Type, span: Span) -> LocalId {
        let f = self
            .func
            .as_mut()
            .expect("locals exist only inside functions");
        f.locals.push(Local { name, ty, span });
        LocalId(f.locals.len() as u32 - 1)
    }

    fn intern_string(&mut self, mut bytes: Vec<u8>) -> StrId {
        bytes.push(0);
        if let Some(i) = self.strings.iter().position(|s| *s == bytes) {
            return StrId(i as u32);
        }
        self.strings.push(bytes);
        StrId(self.strings.len() as u32 - 1)
    }

    fn new_global(&mut self, mut g: Global) -> GlobalId {
        g.runtime = self.runtime;
        self.globals.push(g);
        GlobalId(self.globals.len() as u32 - 1)
    }

    /// Declares (or redeclares) a function; returns its id.
    fn declare_function(
        &mut self,
        name: &Name,
        ty: Rc<FunctionType>,
        span: Span,
        is_static: bool,
    ) -> FuncId {
        let fn_type = Type::new(super::types::TypeKind::Function(ty.clone()));
        // An earlier declaration in scope, or one with external linkage from any unit.
        let innermost = self.scopes.last().and_then(|s| s.ordinary.get(name));
        let prior = match self.lookup(name) {
            Some(Ordinary::Func(id)) => Some(*id),
            // Something else in this scope, or an object with linkage: one name cannot
            // be both.
            Some(other)
                if innermost.is_some()
                    || matches!(other, Ordinary::Global(g)
                        if matches!(self.globals[g.0 as usize].kind, GlobalKind::File)) =>
            {
                let prev = match innermost {
                    Some((_, s)) => *s,
                    None => self.scopes[0].ordinary.get(name).map_or(span, |(_, s)| *s),
                };
                self.error_with_note(
                    span,
                    format!("'{name}' redeclared as different kind of symbol"),
                    "previous declaration is here",
                    prev,
                );
                None
            }
            _ => None,
        };
        let linked = match self.linked.get(name) {
            Some(Ordinary::Func(id)) => Some(*id),
            Some(_) if !self.runtime && prior.is_none() => {
                // An object of this name with external linkage (a block-scope extern).
                self.error(
                    span,
                    format!("'{name}' redeclared as different kind of symbol"),
                );
                None
            }
            _ => None,
        };
        let prior = prior.or(if is_static { None } else { linked });
        // Internal linkage: `static`, or a redeclaration of a static function.
        let internal = is_static || (prior.is_some() && prior != linked);
        if is_static
            && !self.runtime
            && let Some(linked) = linked
        {
            let prev = self.functions[linked.0 as usize].span;
            self.error_with_note(
                span,
                format!("static declaration of '{name}' follows non-static declaration"),
                "previous declaration is here",
                prev,
            );
        }
        let id = match prior {
            Some(id) => {
                let old = self.functions[id.0 as usize].ty.clone();
                let old_type = Type::new(super::types::TypeKind::Function(old.clone()));
                let program_declared = self.runtime && !self.functions[id.0 as usize].runtime;
                if program_declared {
                    // The program declared a library function itself (without its header):
                    // qualifiers aside (`int strcmp(char *, char *)`), it must be the same.
                    if !self.types.compatible(
                        &without_qualifiers(&old_type),
                        &without_qualifiers(&fn_type),
                    ) {
                        let prev = self.functions[id.0 as usize].span;
                        let real = self.display(&fn_type);
                        self.error(
                            prev,
                            format!(
                                "conflicting types for library function '{name}' (it is '{real}')"
                            ),
                        );
                    }
                } else if !self.types.compatible(&old_type, &fn_type) {
                    let prev = self.functions[id.0 as usize].span;
                    self.error_with_note(
                        span,
                        format!("conflicting types for '{name}'"),
                        "previous declaration is here",
                        prev,
                    );
                } else if !old.prototyped && ty.prototyped {
                    // A prototype after `int f();` tells more: keep it.
                    self.functions[id.0 as usize].ty = ty;
                }
                id
            }
            None => {
                self.functions.push(Function {
                    name: name.clone(),
                    ty,
                    span,
                    body: None,
                    runtime: self.runtime,
                });
                FuncId(self.functions.len() as u32 - 1)
            }
        };
        if !internal {
            self.linked.insert(name.clone(), Ordinary::Func(id));
        } else if !self.runtime && !self.internal_funcs.contains(&id) {
            self.internal_funcs.push(id);
        }
        let scope = self.scopes.last_mut().expect("a scope is always open");
        scope
            .ordinary
            .entry(name.clone())
            .or_insert((Ordinary::Func(id), span));
        id
    }

    /// The forms of `main` a hosted program may define (C11 5.1.2.2.1), as gcc checks
    /// them: `int main(void)` or `int main(int, char **)` (a third `char **` allowed).
    fn check_main(&mut self, fty: &FunctionType, span: Span, info: &decl::SpecInfo) {
        let int = Type::int(super::types::IntKind::Int);
        let is_char_pp = |t: &Type| {
            t.pointee()
                .filter(|_| t.is_pointer())
                .and_then(|p| p.pointee().filter(|_| p.is_pointer()))
                .is_some_and(|c| c.unqualified() == Type::int(super::types::IntKind::Char))
        };
        if fty.ret.unqualified() != int {
            self.error(span, "return type of 'main' is not 'int'");
        }
        if info.storage == Some(ast::Storage::Static) {
            self.error(span, "'main' is normally a non-static function");
        }
        if info.inline {
            self.error(span, "cannot inline function 'main'");
        }
        let p = &fty.params;
        if p.first().is_some_and(|t| t.unqualified() != int) {
            self.error(span, "first argument of 'main' should be 'int'");
        }
        if p.get(1).is_some_and(|t| !is_char_pp(t)) {
            self.error(span, "second argument of 'main' should be 'char **'");
        }
        if p.get(2).is_some_and(|t| !is_char_pp(t)) {
            self.error(
                span,
                "third argument of 'main' should probably be 'char **'",
            );
        }
        if p.len() == 1 || p.len() > 3 {
            self.error(span, "'main' takes only zero or two arguments");
        }
        if fty.variadic {
            self.error(span, "'main' declared as variadic function");
        }
    }

    /// A static function the program uses, and an inline one with external linkage,
    /// must be defined in the program (C99 6.9p3, 6.7.4p6), as gcc -pedantic-errors says.
    fn check_declared_functions_defined(&mut self) {
        let undefined = |c: &Checker, id: FuncId| c.functions[id.0 as usize].body.is_none();
        for i in 0..self.internal_funcs.len() {
            let id = self.internal_funcs[i];
            if self.used_funcs.contains(&id) && undefined(self, id) {
                let f = &self.functions[id.0 as usize];
                let (name, span) = (f.name.clone(), f.span);
                self.error(span, format!("'{name}' used but never defined"));
            }
        }
        for i in 0..self.inline_decls.len() {
            let (id, span) = self.inline_decls[i];
            if !self.internal_funcs.contains(&id) && undefined(self, id) {
                let name = self.functions[id.0 as usize].name.clone();
                self.error(
                    span,
                    format!("inline function '{name}' declared but never defined"),
                );
            }
        }
    }

    fn function_definition(&mut self, def: &ast::FunctionDef) {
        let Some(info) = self.decl_specs(&def.specs, false) else {
            return;
        };
        let (ty, name) = self.declarator(info.ty.clone(), &def.declarator);
        let Some((name, name_span)) = name else {
            self.error(def.declarator.span, "function definition without a name");
            return;
        };
        let Some(fty) = ty.function().cloned() else {
            self.error(
                name_span,
                format!(
                    "'{name}' is defined as a function but its type is '{}'",
                    self.display(&ty)
                ),
            );
            return;
        };
        if info.storage == Some(ast::Storage::Typedef) {
            self.error(name_span, "function definition declared 'typedef'");
        }
        let params_ast = def.declarator.function_params();
        if params_ast.is_some_and(|p| !p.identifiers.is_empty()) {
            self.error(
                name_span,
                "old-style (K&R) function definitions are not supported by segvm",
            );
            return;
        }
        // A definition with `()` takes no parameters.
        let fty = if !fty.prototyped {
            Rc::new(FunctionType {
                prototyped: true,
                ..(*fty).clone()
            })
        } else {
            fty
        };
        if fty.ret.is_array() || fty.ret.is_function() {
            return; // already reported by the declarator
        }
        let is_static = info.storage == Some(ast::Storage::Static);
        let id = self.declare_function(&name, fty.clone(), name_span, is_static);
        if self.functions[id.0 as usize].body.is_some() {
            if self.runtime {
                return; // the program's own definition wins over the runtime's
            }
            let prev = self.functions[id.0 as usize].span;
            self.error_with_note(
                name_span,
                format!("redefinition of '{name}'"),
                "previous definition is here",
                prev,
            );
            return;
        }
        if self.runtime && !self.functions[id.0 as usize].runtime {
            // The program declared it; the runtime supplies the body.
            self.functions[id.0 as usize].runtime = true;
        }
        self.functions[id.0 as usize].span = name_span;
        if *name == *"main" {
            self.check_main(&fty, name_span, &info);
        }
        if let Some(s @ (ast::Storage::Auto | ast::Storage::Register)) = info.storage {
            let s = if s == ast::Storage::Auto {
                "auto"
            } else {
                "register"
            };
            self.error(name_span, format!("function definition declared '{s}'"));
        }
        if fty.ret.is_void() && fty.ret.quals != Default::default() {
            self.error(
                name_span,
                "function definition has qualified void return type",
            );
        }
        if !fty.ret.is_void() && !self.types.is_complete(&fty.ret) {
            self.error(
                name_span,
                format!(
                    "return type is an incomplete type '{}'",
                    self.display(&fty.ret)
                ),
            );
        }

        let slot = |size: u64| size.max(1).next_multiple_of(8);
        let named_arg_bytes: u64 = fty
            .params
            .iter()
            .map(|p| slot(self.types.size_of(p).unwrap_or(8)))
            .sum::<u64>()
            + if self
                .types
                .size_of(&fty.ret)
                .is_some_and(|_| fty.ret.is_record())
            {
                8
            } else {
                0
            };
        self.func = Some(FunctionCtx {
            name: name.clone(),
            ret: fty.ret.clone(),
            locals: Vec::new(),
            labels: HashMap::new(),
            next_label: 0,
            loops: 0,
            switches: Vec::new(),
            named_arg_bytes,
            variadic: fty.variadic,
            registers: Vec::new(),
            params: fty.params.len(),
        });
        self.push_scope();
        let mut params = Vec::new();
        if let Some(list) = params_ast {
            for (p, pty) in list.params.iter().zip(&fty.params) {
                let pname = p.declarator.name().map(|(n, s)| (n.clone(), s));
                let (pname, pspan) = match pname {
                    Some(x) => x,
                    None => {
                        self.error(p.span, "parameter name omitted");
                        (Name::from(""), p.span)
                    }
                };
                if !self.types.is_complete(pty) {
                    self.error(pspan, format!("parameter '{pname}' has incomplete type"));
                }
                let local = self.new_local(pname.clone(), pty.clone(), pspan);
                if !pname.is_empty() {
                    self.bind(&pname, pspan, Ordinary::Local(local));
                }
                params.push(local);
            }
        }
        let stmt = self.block(&def.body, false);
        self.pop_scope();
        let ctx = self.func.take().expect("set above");
        for (label, info) in &ctx.labels {
            if !info.defined {
                self.error(
                    info.first_use,
                    format!("label '{label}' used but not defined"),
                );
            }
        }
        let end = Span {
            lo: def.body.span.hi.saturating_sub(1),
            ..def.body.span
        };
        self.functions[id.0 as usize].body = Some(Body {
            params,
            locals: ctx.locals,
            stmt,
            end,
            labels: ctx.next_label,
        });
    }
}

/// A type with every qualifier removed, through pointers, arrays and function types.
fn without_qualifiers(ty: &Type) -> Type {
    use super::types::TypeKind;
    match &ty.kind {
        TypeKind::Pointer(t) => Type::pointer_to(without_qualifiers(t)),
        TypeKind::Array(t, n) => Type::array_of(without_qualifiers(t), *n),
        TypeKind::Function(f) => Type::new(TypeKind::Function(Rc::new(FunctionType {
            // gcc holds a return type's own qualifiers to the real declaration's.
            ret: without_qualifiers(&f.ret).with_quals(f.ret.quals),
            params: f.params.iter().map(without_qualifiers).collect(),
            ..(**f).clone()
        }))),
        _ => ty.unqualified(),
    }
}
