//! Initializers (C11 6.7.9): brace elision, designators, strings for char arrays. One
//! walker flattens an initializer into stores at byte offsets; automatic objects turn
//! the stores into code, static objects into bytes and relocations.

use super::Checker;
use super::consteval::ConstValue;
use super::expr::AssignCtx;
use crate::frontend::ast::{self, Designator, Initializer};
use crate::frontend::typed::*;
use crate::frontend::types::{FloatKind, Type, TypeKind};
use crate::source::Span;

/// A value stored into the object being initialized.
enum Store {
    Expr(u64, Expr),
    Bytes(u64, Vec<u8>),
}

/// The position in a braced list, with the item just checked (so that deciding about
/// brace elision does not check an expression twice).
struct Cursor<'a> {
    items: &'a [ast::InitItem],
    pos: usize,
    checked: Option<(usize, Expr)>,
    /// The item whose designators were followed already.
    undesignated: Option<usize>,
}

impl<'a> Cursor<'a> {
    /// The designators of the item at the cursor still to follow.
    fn designators(&self) -> &'a [Designator] {
        if self.undesignated == Some(self.pos) {
            return &[];
        }
        &self.items[self.pos].designators
    }
}

impl Checker {
    /// Initializer of an automatic object: the completed type (for `T a[] = ...`) and the
    /// pieces that initialize it.
    pub(super) fn local_initializer(&mut self, ty: &Type, init: &Initializer) -> Vec<InitPiece> {
        let (ty, stores) = self.flatten(ty, init);
        let size = self.types.size_of(&ty).unwrap_or(0);
        let mut pieces = Vec::with_capacity(stores.len() + 1);
        if !ty.is_scalar() && size > 0 {
            pieces.push(InitPiece::Zero {
                offset: 0,
                len: size,
            });
        }
        for s in stores {
            pieces.push(match s {
                Store::Expr(offset, expr) => InitPiece::Expr { offset, expr },
                Store::Bytes(offset, bytes) => InitPiece::Bytes { offset, bytes },
            });
        }
        pieces
    }

    /// The type an array of unknown size gets from its initializer.
    pub(super) fn complete_array_type(&mut self, ty: &Type, init: &Initializer) -> Type {
        let TypeKind::Array(elem, None) = &ty.kind else {
            return ty.clone();
        };
        let len = match init {
            Initializer::Expr(ast::Expr {
                kind: ast::ExprKind::Str(s),
                ..
            }) if self.is_char_like(elem) => s.len() as u64 + 1,
            Initializer::List(items, _) => match items.as_slice() {
                [
                    ast::InitItem {
                        designators,
                        init:
                            Initializer::Expr(ast::Expr {
                                kind: ast::ExprKind::Str(s),
                                ..
                            }),
                    },
                ] if designators.is_empty() && self.is_char_like(elem) => s.len() as u64 + 1,
                _ => self.count_elements(elem, items),
            },
            Initializer::Expr(_) => return ty.clone(),
        };
        Type::array_of((**elem).clone(), Some(len.max(1))).with_quals(ty.quals)
    }

    /// How many elements a braced list gives an array of `elem`, following designators
    /// and brace elision (without checking the expressions).
    fn count_elements(&self, elem: &Type, items: &[ast::InitItem]) -> u64 {
        let per = self.scalars_in(elem).max(1);
        let (mut i, mut max, mut partial) = (0u64, 0u64, 0u64);
        for item in items {
            if let Some(Designator::Index(e)) = item.designators.first() {
                // Designators need constant evaluation; approximate with a literal.
                if let ast::ExprKind::Int(lit) = &e.kind {
                    i = lit.value;
                    partial = 0;
                }
            }
            let string_for_array = matches!(
                &item.init,
                Initializer::Expr(ast::Expr {
                    kind: ast::ExprKind::Str(_),
                    ..
                })
            ) && matches!(&elem.kind, TypeKind::Array(e, _) if self.is_char_like(e));
            let braced_or_aggregate = string_for_array
                || matches!(item.init, Initializer::List(..))
                || !item.designators.is_empty()
                || per == 1;
            if braced_or_aggregate {
                if partial > 0 {
                    i += 1;
                    partial = 0;
                }
                i += 1;
            } else {
                partial += 1;
                if partial == per {
                    i += 1;
                    partial = 0;
                }
            }
            max = max.max(i + (partial > 0) as u64);
        }
        max
    }

    /// Scalars an object holds when its braces are elided.
    fn scalars_in(&self, ty: &Type) -> u64 {
        match &ty.kind {
            TypeKind::Array(elem, Some(n)) => n * self.scalars_in(elem),
            TypeKind::Record(id) => {
                let r = self.types.record(*id);
                match &r.fields {
                    Some(fs) if r.is_union => fs.first().map_or(1, |f| self.scalars_in(&f.ty)),
                    Some(fs) => fs.iter().map(|f| self.scalars_in(&f.ty)).sum(),
                    None => 1,
                }
            }
            _ => 1,
        }
    }

    /// Initializer of a static object: its completed type and initial bytes (`None`: all
    /// zero, it goes to bss).
    pub(super) fn static_initializer(
        &mut self,
        ty: &Type,
        init: Option<&Initializer>,
        span: Span,
    ) -> (Type, Option<StaticInit>) {
        let Some(init) = init else {
            return (ty.clone(), None);
        };
        let (ty, stores) = self.constant(|c| c.flatten(ty, init));
        let Some(size) = self.types.size_of(&ty) else {
            return (ty, None);
        };
        let mut out = StaticInit {
            bytes: vec![0; size as usize],
            relocs: Vec::new(),
        };
        for store in stores {
            match store {
                Store::Bytes(offset, bytes) => write(&mut out.bytes, offset, &bytes),
                Store::Expr(offset, expr) => self.static_value(&mut out, offset, &expr),
            }
        }
        let _ = span;
        (ty, Some(out))
    }

    fn static_value(&mut self, out: &mut StaticInit, offset: u64, expr: &Expr) {
        let size = self.types.size_of(&expr.ty).unwrap_or(0);
        self.const_overflow.set(false);
        match self.eval(expr) {
            Some(ConstValue::Int(v)) => {
                write(&mut out.bytes, offset, &v.to_le_bytes()[..size as usize])
            }
            Some(ConstValue::Float(f)) => match expr.ty.kind {
                TypeKind::Float(FloatKind::Float) => {
                    write(&mut out.bytes, offset, &(f as f32).to_le_bytes())
                }
                _ => write(&mut out.bytes, offset, &f.to_le_bytes()),
            },
            Some(ConstValue::Addr(target, addend)) if size == self.types.target.ptr_size => {
                out.relocs.push(Reloc {
                    offset,
                    target,
                    addend,
                });
            }
            _ if self.const_overflow.get() => {
                self.error(expr.span, "overflow in constant expression")
            }
            _ => self.error(expr.span, "initializer element is not constant"),
        }
    }

    /// Flattens an initializer for an object of type `ty` into stores; completes an
    /// array of unknown size.
    fn flatten(&mut self, ty: &Type, init: &Initializer) -> (Type, Vec<Store>) {
        let ty = self.complete_array_type(ty, init);
        let mut out = Vec::new();
        self.init_object(&ty, 0, init, &mut out);
        (ty, out)
    }

    fn is_char_like(&self, ty: &Type) -> bool {
        ty.int_kind()
            .is_some_and(|k| self.types.size_of(&Type::int(k)) == Some(1) && !ty.is_bool())
    }

    /// Initializes exactly one object (of type `ty` at `offset`) from an initializer.
    fn init_object(&mut self, ty: &Type, offset: u64, init: &Initializer, out: &mut Vec<Store>) {
        match init {
            Initializer::List(items, span) => {
                if items.is_empty() {
                    self.error(*span, "ISO C forbids empty initializer braces");
                    return;
                }
                if ty.is_scalar() {
                    if !items[0].designators.is_empty() {
                        self.error(*span, "designator in initializer for scalar");
                    }
                    self.init_object(ty, offset, &items[0].init, out);
                    if items.len() > 1 {
                        self.error(
                            items[1].init.span(),
                            "excess elements in scalar initializer",
                        );
                    }
                    return;
                }
                if !ty.is_array() && !ty.is_record() {
                    self.error(*span, "invalid initializer");
                    return;
                }
                // `char s[] = { "text" }`: the braces may enclose the string.
                if let (
                    TypeKind::Array(elem, len),
                    [
                        ast::InitItem {
                            designators,
                            init: Initializer::Expr(e),
                        },
                    ],
                ) = (&ty.kind, items.as_slice())
                    && let ast::ExprKind::Str(s) = &e.kind
                    && designators.is_empty()
                    && self.is_char_like(elem)
                {
                    self.init_string(s, *len, offset, e.span, out);
                    return;
                }
                let mut cur = Cursor {
                    items,
                    pos: 0,
                    checked: None,
                    undesignated: None,
                };
                self.init_aggregate(ty, offset, &mut cur, true, out);
            }
            Initializer::Expr(e) => {
                if let (TypeKind::Array(elem, len), ast::ExprKind::Str(s)) = (&ty.kind, &e.kind)
                    && self.is_char_like(elem)
                {
                    self.init_string(s, *len, offset, e.span, out);
                    return;
                }
                let v = self.value(e);
                self.init_scalar(ty, offset, v, out);
            }
        }
    }

    fn init_string(
        &mut self,
        s: &[u8],
        len: Option<u64>,
        offset: u64,
        span: Span,
        out: &mut Vec<Store>,
    ) {
        let n = len.unwrap_or(s.len() as u64 + 1);
        if s.len() as u64 > n {
            self.error(span, "initializer-string for array of 'char' is too long");
        }
        let mut bytes = s.to_vec();
        bytes.push(0);
        bytes.truncate(n as usize);
        out.push(Store::Bytes(offset, bytes));
    }

    /// A checked expression stored into an object: a scalar, or a whole struct.
    fn init_scalar(&mut self, ty: &Type, offset: u64, v: Expr, out: &mut Vec<Store>) {
        if ty.is_array() {
            self.error(
                v.span,
                "array initialized from non-constant array expression",
            );
            return;
        }
        if ty.is_void() || !self.types.is_complete(ty) {
            self.error(v.span, "variable has initializer but incomplete type");
            return;
        }
        let v = self.assign_convert(v, ty, AssignCtx::Init);
        out.push(Store::Expr(offset, v));
    }

    /// The expression at the cursor, checked once.
    fn checked_at(&mut self, cur: &mut Cursor, e: &ast::Expr) -> Expr {
        if let Some((pos, expr)) = &cur.checked
            && *pos == cur.pos
        {
            return expr.clone();
        }
        let v = self.value(e);
        cur.checked = Some((cur.pos, v.clone()));
        v
    }

    /// Fills an array or record from the cursor. With `braced`, the list is its own and
    /// extra items are errors; without, braces were elided and it stops when full.
    fn init_aggregate(
        &mut self,
        ty: &Type,
        offset: u64,
        cur: &mut Cursor,
        braced: bool,
        out: &mut Vec<Store>,
    ) {
        self.fill_from(ty, offset, cur, braced, 0, out);
    }

    /// Fills an array or record from element or member `next` on. A designator belongs
    /// to the closest enclosing braces (C11 6.7.9p17), so an elided level stops at one.
    fn fill_from(
        &mut self,
        ty: &Type,
        offset: u64,
        cur: &mut Cursor,
        braced: bool,
        mut next: u64,
        out: &mut Vec<Store>,
    ) {
        let (len, is_union) = match &ty.kind {
            TypeKind::Array(_, len) => (*len, false),
            TypeKind::Record(id) => {
                let r = self.types.record(*id);
                let n = r.fields.as_ref().map_or(0, |f| f.len() as u64);
                (Some(n), r.is_union)
            }
            _ => return,
        };
        while cur.pos < cur.items.len() {
            let designators = cur.designators();
            if !designators.is_empty() {
                if !braced {
                    return;
                }
                match self.init_designated(ty, offset, designators, cur, out) {
                    Some(after) => next = after,
                    None => cur.pos += 1,
                }
                continue;
            }
            if len.is_some_and(|n| next >= n) || (is_union && next > 0) {
                if !braced {
                    return;
                }
                let item = &cur.items[cur.pos];
                let what = match &ty.kind {
                    TypeKind::Array(..) => "array",
                    _ if is_union => "union",
                    _ => "struct",
                };
                self.error(
                    item.init.span(),
                    format!("excess elements in {what} initializer"),
                );
                cur.pos += 1;
                continue;
            }
            let (sub, sub_offset) = self.subobject(ty, offset, next);
            self.init_element(&sub, sub_offset, cur, out);
            next += 1;
        }
    }

    /// Element or member `index` of an aggregate: its type and offset.
    fn subobject(&self, ty: &Type, offset: u64, index: u64) -> (Type, u64) {
        match &ty.kind {
            TypeKind::Array(elem, _) => {
                let esize = self.types.size_of(elem).unwrap_or(0);
                ((**elem).clone(), offset + index * esize)
            }
            TypeKind::Record(id) => {
                // Positions come from the record's own members (`fill_from` and
                // `designated_position` find none in an incomplete one).
                let fields = self.types.record(*id).fields.as_ref();
                let f =
                    &fields.expect("a member position implies a complete record")[index as usize];
                (f.ty.clone(), offset + f.offset)
            }
            _ => unreachable!("only aggregates have subobjects"),
        }
    }

    /// The position a designator names in an aggregate, after reporting why it names
    /// none.
    fn designated_position(&mut self, ty: &Type, d: &Designator) -> Option<u64> {
        match (d, &ty.kind) {
            (Designator::Index(e), TypeKind::Array(_, len)) => {
                let (i, _) = self.int_constant(e, "array index in initializer")?;
                if len.is_some_and(|n| i >= n) {
                    self.error(e.span, "array index in initializer exceeds array bounds");
                    return None;
                }
                Some(i)
            }
            (Designator::Field(name, nspan), TypeKind::Record(id)) => {
                let fields = self.types.record(*id).fields.as_deref().unwrap_or_default();
                let index = fields
                    .iter()
                    .position(|f| f.name.as_deref() == Some(&**name));
                if index.is_none() {
                    self.error(
                        *nspan,
                        format!("unknown field '{name}' specified in initializer"),
                    );
                }
                index.map(|i| i as u64)
            }
            (Designator::Index(e), _) => {
                self.error(e.span, "array index in non-array initializer");
                None
            }
            (Designator::Field(_, s), _) => {
                self.error(*s, "field name not in record or union initializer");
                None
            }
        }
    }

    /// The item at the cursor, designated from `rest[0]` on within `ty`: initializes the
    /// subobject it names, then (for a nested designator) the subobjects after it at
    /// each inner level, as a list with elided braces would. Returns the position after
    /// the designated one in `ty`; `None` (the item not consumed) if a designator was bad.
    fn init_designated(
        &mut self,
        ty: &Type,
        offset: u64,
        rest: &[Designator],
        cur: &mut Cursor,
        out: &mut Vec<Store>,
    ) -> Option<u64> {
        let pos = self.designated_position(ty, &rest[0])?;
        let (sub, sub_offset) = self.subobject(ty, offset, pos);
        if rest.len() > 1 {
            let next = self.init_designated(&sub, sub_offset, &rest[1..], cur, out)?;
            self.fill_from(&sub, sub_offset, cur, false, next, out);
        } else if let Initializer::List(..) = cur.items[cur.pos].init {
            cur.pos += 1;
            self.init_object(&sub, sub_offset, &cur.items[cur.pos - 1].init, out);
        } else {
            // A plain value for an aggregate starts eliding its braces.
            cur.undesignated = Some(cur.pos);
            self.init_element(&sub, sub_offset, cur, out);
        }
        Some(pos + 1)
    }

    /// Initializes one member or element from the cursor, eliding braces when the item
    /// is a plain value for an aggregate.
    fn init_element(&mut self, ty: &Type, offset: u64, cur: &mut Cursor, out: &mut Vec<Store>) {
        let item = &cur.items[cur.pos];
        let e = match &item.init {
            Initializer::List(..) => {
                cur.pos += 1;
                self.init_object(ty, offset, &item.init, out);
                return;
            }
            Initializer::Expr(e) => e,
        };
        if !(ty.is_array() || ty.is_record()) {
            let v = self.checked_at(cur, e);
            cur.pos += 1;
            self.init_scalar(ty, offset, v, out);
            return;
        }
        if let (TypeKind::Array(elem, len), ast::ExprKind::Str(s)) = (&ty.kind, &e.kind)
            && self.is_char_like(elem)
        {
            cur.pos += 1;
            self.init_string(s, *len, offset, e.span, out);
            return;
        }
        if ty.is_record() {
            let v = self.checked_at(cur, e);
            if self.types.compatible_unqualified(&v.ty, &ty.unqualified()) {
                cur.pos += 1;
                out.push(Store::Expr(offset, v));
                return;
            }
        }
        self.init_aggregate(ty, offset, cur, false, out);
    }
}

fn write(bytes: &mut [u8], offset: u64, data: &[u8]) {
    let start = offset as usize;
    if let Some(dst) = bytes.get_mut(start..start + data.len()) {
        dst.copy_from_slice(data);
    }
}
