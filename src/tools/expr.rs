//! The debugger's expression evaluator: a small part of C over a paused program.
//!
//! ```text
//! expr     := compare
//! compare  := additive (("==" | "!=" | "<" | "<=" | ">" | ">=") additive)?
//! additive := term (("+" | "-") term)*
//! term     := unary (("*" | "/" | "%") unary)*
//! unary    := ("*" | "&" | "-" | "!") unary | postfix
//! postfix  := primary ("[" expr "]" | "." NAME | "->" NAME)*
//! primary  := NAME | NUMBER | CHAR | "(" expr ")"
//! ```
//!
//! Names are the variables in scope in the selected frame, then globals and statics,
//! then functions. Values keep their C types, so `p + 1` steps by the size of `*p`.

use super::inspect::{DebugInfo, FrameView};
use crate::bytecode::Segment;
use crate::frontend::types::{IntKind, Type, TypeKind};
use crate::vm::Vm;

/// A value: an object in memory (which has an address) or a computed value.
#[derive(Clone, Debug)]
pub enum Value {
    Object { addr: u64, ty: Type },
    Computed { bits: u64, ty: Type },
}

impl Value {
    pub fn ty(&self) -> &Type {
        match self {
            Value::Object { ty, .. } | Value::Computed { ty, .. } => ty,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Name(String),
    Num(u64),
    Punct(&'static str),
}

fn lex(s: &str) -> Result<Vec<Tok>, String> {
    const PUNCTS: &[&str] = &[
        "->", "==", "!=", "<=", ">=", "*", "&", "-", "+", "/", "%", "!", "(", ")", "[", "]", ".",
        "<", ">",
    ];
    let b = s.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Name(s[start..i].to_string()));
        } else if c.is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() {
                i += 1;
            }
            let text = s[start..i].trim_end_matches(['u', 'U', 'l', 'L']);
            let v = if let Some(hex) = text.strip_prefix("0x").or(text.strip_prefix("0X")) {
                u64::from_str_radix(hex, 16)
            } else {
                text.parse()
            };
            out.push(Tok::Num(
                v.map_err(|_| format!("invalid number '{}'", &s[start..i]))?,
            ));
        } else if c == b'\'' {
            let rest = &s[i + 1..];
            let end = rest.find('\'').ok_or("unterminated character constant")?;
            let body = &rest[..end];
            let v = match body {
                "\\n" => b'\n',
                "\\t" => b'\t',
                "\\0" => 0,
                "\\\\" => b'\\',
                _ if body.len() == 1 => body.as_bytes()[0],
                _ => return Err(format!("unsupported character constant '{body}'")),
            };
            out.push(Tok::Num(v as u64));
            i += end + 2;
        } else if let Some(p) = PUNCTS.iter().find(|p| s[i..].starts_with(**p)) {
            out.push(Tok::Punct(p));
            i += p.len();
        } else {
            return Err(format!("unexpected character '{}'", c as char));
        }
    }
    Ok(out)
}

/// Evaluates an expression in a frame (`None`: no frame, only globals).
pub fn eval<'e>(
    info: &'e DebugInfo<'e>,
    vm: &'e Vm<'e>,
    frame: Option<&'e FrameView<'e>>,
    text: &str,
) -> Result<Value, String> {
    let toks = lex(text)?;
    if toks.is_empty() {
        return Err("an expression is needed".into());
    }
    let mut p = Eval {
        info,
        vm,
        frame,
        toks,
        pos: 0,
    };
    let v = p.compare()?;
    if p.pos < p.toks.len() {
        return Err(format!("unexpected '{}'", p.show(p.pos)));
    }
    Ok(v)
}

struct Eval<'e> {
    info: &'e DebugInfo<'e>,
    vm: &'e Vm<'e>,
    frame: Option<&'e FrameView<'e>>,
    toks: Vec<Tok>,
    pos: usize,
}

impl Eval<'_> {
    fn show(&self, i: usize) -> String {
        match self.toks.get(i) {
            Some(Tok::Name(n)) => n.clone(),
            Some(Tok::Num(n)) => n.to_string(),
            Some(Tok::Punct(p)) => p.to_string(),
            None => "end".into(),
        }
    }

    fn eat(&mut self, p: &str) -> bool {
        if matches!(self.toks.get(self.pos), Some(Tok::Punct(q)) if *q == p) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn peek_punct(&self) -> Option<&'static str> {
        match self.toks.get(self.pos) {
            Some(Tok::Punct(p)) => Some(p),
            _ => None,
        }
    }

    fn compare(&mut self) -> Result<Value, String> {
        let a = self.additive()?;
        if let Some(op) = self.peek_punct()
            && ["==", "!=", "<", "<=", ">", ">="].contains(&op)
        {
            self.pos += 1;
            let b = self.additive()?;
            let (x, y) = (self.scalar(&a)?, self.scalar(&b)?);
            let signed = is_signed(a.ty()) && is_signed(b.ty());
            let (sx, sy) = (x as i64, y as i64);
            let r = match op {
                "==" => x == y,
                "!=" => x != y,
                "<" if signed => sx < sy,
                "<=" if signed => sx <= sy,
                ">" if signed => sx > sy,
                ">=" if signed => sx >= sy,
                "<" => x < y,
                "<=" => x <= y,
                ">" => x > y,
                _ => x >= y,
            };
            return Ok(int(r as u64));
        }
        Ok(a)
    }

    fn additive(&mut self) -> Result<Value, String> {
        let mut a = self.term()?;
        loop {
            let minus = if self.eat("+") {
                false
            } else if self.eat("-") {
                true
            } else {
                return Ok(a);
            };
            let b = self.term()?;
            a = self.add(a, b, minus)?;
        }
    }

    fn add(&self, a: Value, b: Value, minus: bool) -> Result<Value, String> {
        let types = self.info.types();
        let a = self.decay(a);
        let b = self.decay(b);
        let (x, y) = (self.scalar(&a)?, self.scalar(&b)?);
        match (a.ty().pointee(), b.ty().pointee()) {
            (Some(pa), Some(_)) if minus => {
                let size = types.size_of(pa).unwrap_or(1).max(1);
                Ok(Value::Computed {
                    bits: ((x as i64).wrapping_sub(y as i64) / size as i64) as u64,
                    ty: Type::int(IntKind::Long),
                })
            }
            (Some(pa), None) => {
                let size = types.size_of(pa).unwrap_or(1).max(1);
                let d = y.wrapping_mul(size);
                let bits = if minus {
                    x.wrapping_sub(d)
                } else {
                    x.wrapping_add(d)
                };
                Ok(Value::Computed {
                    bits,
                    ty: a.ty().clone(),
                })
            }
            (None, Some(pb)) if !minus => {
                let size = types.size_of(pb).unwrap_or(1).max(1);
                Ok(Value::Computed {
                    bits: y.wrapping_add(x.wrapping_mul(size)),
                    ty: b.ty().clone(),
                })
            }
            (None, None) => {
                let bits = if minus {
                    x.wrapping_sub(y)
                } else {
                    x.wrapping_add(y)
                };
                Ok(Value::Computed {
                    bits,
                    ty: arith_type(a.ty(), b.ty()),
                })
            }
            _ => Err("invalid operands to binary + or -".into()),
        }
    }

    fn term(&mut self) -> Result<Value, String> {
        let mut a = self.unary()?;
        loop {
            let op = match self.peek_punct() {
                Some(op @ ("*" | "/" | "%")) => op,
                _ => return Ok(a),
            };
            self.pos += 1;
            let b = self.unary()?;
            if a.ty().is_pointer() || b.ty().is_pointer() {
                return Err(format!("invalid operands to binary {op}"));
            }
            let (x, y) = (self.scalar(&a)?, self.scalar(&b)?);
            if op != "*" && y == 0 {
                return Err("division by zero".into());
            }
            let signed = is_signed(a.ty()) && is_signed(b.ty());
            let bits = match op {
                "*" => x.wrapping_mul(y),
                "/" if signed => (x as i64).wrapping_div(y as i64) as u64,
                "/" => x / y,
                _ if signed => (x as i64).wrapping_rem(y as i64) as u64,
                _ => x % y,
            };
            a = Value::Computed {
                bits,
                ty: arith_type(a.ty(), b.ty()),
            };
        }
    }

    fn unary(&mut self) -> Result<Value, String> {
        if self.eat("*") {
            let v = self.unary()?;
            return self.deref(v);
        }
        if self.eat("&") {
            return match self.unary()? {
                Value::Object { addr, ty } => Ok(Value::Computed {
                    bits: addr,
                    ty: Type::pointer_to(ty),
                }),
                Value::Computed { .. } => Err("cannot take the address of a value".into()),
            };
        }
        if self.eat("-") {
            let v = self.unary()?;
            let x = self.scalar(&v)?;
            return Ok(Value::Computed {
                bits: x.wrapping_neg(),
                ty: v.ty().clone(),
            });
        }
        if self.eat("!") {
            let v = self.unary()?;
            let x = self.scalar(&self.decay(v))?;
            return Ok(int((x == 0) as u64));
        }
        self.postfix()
    }

    fn deref(&self, v: Value) -> Result<Value, String> {
        let v = self.decay(v);
        let Some(target) = v.ty().pointee().cloned() else {
            return Err(format!(
                "cannot dereference a value of type {}",
                self.info.types().display(v.ty())
            ));
        };
        if target.is_void() {
            return Err("cannot dereference a void pointer (cast it first)".into());
        }
        let addr = self.scalar(&v)?;
        self.check_readable(addr, &target)?;
        Ok(Value::Object { addr, ty: target })
    }

    fn check_readable(&self, addr: u64, ty: &Type) -> Result<(), String> {
        let size = self.info.types().size_of(ty).unwrap_or(1).max(1);
        if self.vm.mem.check(addr, size, false).is_err() {
            let seg = self.vm.mem.segment_of(addr);
            let why = match seg {
                Segment::NullGuard => "the null guard: a null pointer",
                Segment::Gap => "the gap between heap and stack",
                _ => seg.name(),
            };
            return Err(format!("cannot access memory at address {addr:#x} ({why})"));
        }
        Ok(())
    }

    fn postfix(&mut self) -> Result<Value, String> {
        let mut v = self.primary()?;
        loop {
            if self.eat("[") {
                let i = self.compare()?;
                if !self.eat("]") {
                    return Err("expected ']'".into());
                }
                let sum = self.add(v, i, false)?;
                v = self.deref(sum)?;
            } else if self.eat(".") {
                let name = self.name()?;
                v = self.member(v, &name)?;
            } else if self.eat("->") {
                let name = self.name()?;
                let obj = self.deref(v)?;
                v = self.member(obj, &name)?;
            } else {
                return Ok(v);
            }
        }
    }

    fn name(&mut self) -> Result<String, String> {
        match self.toks.get(self.pos) {
            Some(Tok::Name(n)) => {
                self.pos += 1;
                Ok(n.clone())
            }
            _ => Err(format!(
                "expected a member name, not '{}'",
                self.show(self.pos)
            )),
        }
    }

    fn member(&self, v: Value, name: &str) -> Result<Value, String> {
        let types = self.info.types();
        let TypeKind::Record(id) = v.ty().kind else {
            return Err(format!(
                "'{name}' is not a member: the value has type {}",
                types.display(v.ty())
            ));
        };
        let Some((fty, off)) = types.find_field(id, name) else {
            return Err(format!(
                "{} has no member named '{name}'",
                types.display(v.ty())
            ));
        };
        match v {
            Value::Object { addr, .. } => Ok(Value::Object {
                addr: addr + off,
                ty: fty,
            }),
            Value::Computed { .. } => Err("members of computed values are not supported".into()),
        }
    }

    fn primary(&mut self) -> Result<Value, String> {
        match self.toks.get(self.pos).cloned() {
            Some(Tok::Num(n)) => {
                self.pos += 1;
                Ok(if n > i32::MAX as u64 {
                    Value::Computed {
                        bits: n,
                        ty: Type::int(IntKind::Long),
                    }
                } else {
                    int(n)
                })
            }
            Some(Tok::Name(n)) => {
                self.pos += 1;
                self.variable(&n)
            }
            Some(Tok::Punct("(")) => {
                self.pos += 1;
                let v = self.compare()?;
                if !self.eat(")") {
                    return Err("expected ')'".into());
                }
                Ok(v)
            }
            _ => Err(format!(
                "expected an expression, not '{}'",
                self.show(self.pos)
            )),
        }
    }

    fn variable(&self, name: &str) -> Result<Value, String> {
        if let Some(f) = self.frame
            && let Some(v) = self.info.lookup(f, name)
        {
            return Ok(Value::Object {
                addr: f.fp.wrapping_add(v.offset as i64 as u64),
                ty: v.ty.clone(),
            });
        }
        let func = self.frame.map(|f| f.function.name.as_str());
        if let Some(g) = self.info.global(name, func) {
            return Ok(Value::Object {
                addr: g.addr,
                ty: g.ty.clone(),
            });
        }
        if let Some(f) = self.info.image.functions.iter().find(|f| f.name == name) {
            let fty = self
                .info
                .program
                .functions
                .iter()
                .find(|p| *p.name == *name)
                .map(|p| Type::new(TypeKind::Function(p.ty.clone())));
            if let Some(fty) = fty {
                return Ok(Value::Computed {
                    bits: f.addr,
                    ty: Type::pointer_to(fty),
                });
            }
        }
        Err(format!("no symbol \"{name}\" in the current context"))
    }

    /// Arrays used as values become pointers to their first element.
    fn decay(&self, v: Value) -> Value {
        match v {
            Value::Object { addr, ty } => match &ty.kind {
                TypeKind::Array(elem, _) => Value::Computed {
                    bits: addr,
                    ty: Type::pointer_to((**elem).clone()),
                },
                _ => Value::Object { addr, ty },
            },
            c => c,
        }
    }

    /// The bits of a scalar value (sign-extended for signed integers).
    fn scalar(&self, v: &Value) -> Result<u64, String> {
        let v = self.decay(v.clone());
        match v {
            Value::Computed { bits, .. } => Ok(bits),
            Value::Object { addr, ty } => {
                let types = self.info.types();
                if !ty.is_scalar() {
                    return Err(format!(
                        "a value of type {} is not a number or pointer",
                        types.display(&ty)
                    ));
                }
                let size = types.size_of(&ty).unwrap_or(8);
                self.check_readable(addr, &ty)?;
                let raw = super::inspect::read_uint(self.vm, addr, size).unwrap_or(0);
                Ok(if is_signed(&ty) && size < 8 {
                    let shift = 64 - size * 8;
                    (((raw << shift) as i64) >> shift) as u64
                } else {
                    raw
                })
            }
        }
    }
}

fn int(v: u64) -> Value {
    Value::Computed {
        bits: v,
        ty: Type::int(IntKind::Int),
    }
}

fn is_signed(ty: &Type) -> bool {
    ty.int_kind().is_some_and(|k| k.is_signed())
}

fn arith_type(a: &Type, b: &Type) -> Type {
    let wide = |t: &Type| {
        t.int_kind().is_some_and(|k| {
            matches!(
                k,
                IntKind::Long | IntKind::ULong | IntKind::LongLong | IntKind::ULongLong
            )
        })
    };
    if wide(a) || wide(b) {
        Type::int(IntKind::Long)
    } else {
        Type::int(IntKind::Int)
    }
}
