//! `#if` expressions (C99 6.10.1): integer constant expressions evaluated in
//! `intmax_t`/`uintmax_t`, after macro expansion and `defined`. Identifiers left are 0.

use super::{PpToken, with_expansion_note};
use crate::diagnostics::Diagnostic;
use crate::frontend::lexer::TokenKind;
use crate::source::Span;

/// A value of type `intmax_t` (`unsigned == false`) or `uintmax_t`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Value {
    pub bits: u64,
    pub unsigned: bool,
}

impl Value {
    fn signed(v: i64) -> Value {
        Value {
            bits: v as u64,
            unsigned: false,
        }
    }

    fn truth(b: bool) -> Value {
        Value::signed(b as i64)
    }

    fn is_true(self) -> bool {
        self.bits != 0
    }
}

/// Parentheses and unary operators nest by recursion; beyond this it is an error.
const MAX_DEPTH: u32 = 512;

/// The error was reported; evaluation stops.
struct Failed;

type Eval = Result<Value, Failed>;

/// Evaluates a fully expanded `#if` line. `end` is where the line ends, for messages
/// about a missing operand. Returns `None` after reporting an error.
pub(super) fn evaluate(toks: &[PpToken], end: Span, diags: &mut Vec<Diagnostic>) -> Option<Value> {
    let mut p = Parser {
        toks,
        pos: 0,
        end,
        diags,
        depth: 0,
    };
    let v = p.expr(true).ok()?;
    if let Some(t) = p.peek() {
        p.unexpected(t);
        return None;
    }
    Some(v)
}

struct Parser<'a> {
    toks: &'a [PpToken],
    pos: usize,
    end: Span,
    diags: &'a mut Vec<Diagnostic>,
    depth: u32,
}

/// Binding power of a binary operator.
fn precedence(kind: TokenKind) -> Option<u8> {
    use TokenKind::*;
    Some(match kind {
        PipePipe => 1,
        AmpAmp => 2,
        Pipe => 3,
        Caret => 4,
        Amp => 5,
        EqEq | Ne => 6,
        Lt | Gt | Le | Ge => 7,
        Shl | Shr => 8,
        Plus | Minus => 9,
        Star | Slash | Percent => 10,
        _ => return None,
    })
}

/// Tokens that may appear in a `#if` expression at all.
fn valid_in_expression(kind: TokenKind) -> bool {
    use TokenKind::*;
    precedence(kind).is_some()
        || matches!(
            kind,
            Number | CharLit | Ident | LParen | RParen | Tilde | Bang | Question | Colon | Comma
        )
}

fn is_operator(kind: TokenKind) -> bool {
    use TokenKind::*;
    precedence(kind).is_some() || matches!(kind, Tilde | Bang | Question | Colon | Comma | LParen)
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&'a PpToken> {
        self.toks.get(self.pos)
    }

    fn peek_is(&self, kind: TokenKind) -> bool {
        self.peek().is_some_and(|t| t.kind() == kind)
    }

    fn error(&mut self, at: Option<&PpToken>, msg: impl Into<String>) -> Failed {
        let d = match at {
            Some(t) => with_expansion_note(Diagnostic::error(t.tok.span, msg), t),
            None => Diagnostic::error(self.end, msg),
        };
        self.diags.push(d);
        Failed
    }

    fn warn(&mut self, at: &PpToken, msg: impl Into<String>) {
        let d = with_expansion_note(Diagnostic::warning(at.tok.span, msg), at);
        self.diags.push(d);
    }

    /// `a , b`
    fn expr(&mut self, live: bool) -> Eval {
        let mut v = self.conditional(live)?;
        while self.peek_is(TokenKind::Comma) {
            self.pos += 1;
            v = self.conditional(live)?;
        }
        Ok(v)
    }

    /// `c ? a : b`; only the chosen operand is evaluated (`live`).
    fn conditional(&mut self, live: bool) -> Eval {
        self.nest()?;
        let r = self.conditional_inner(live);
        self.depth -= 1;
        r
    }

    fn conditional_inner(&mut self, live: bool) -> Eval {
        let c = self.binary(1, live)?;
        let Some(q) = self.peek().filter(|t| t.kind() == TokenKind::Question) else {
            return Ok(c);
        };
        self.pos += 1;
        let a = self.expr(live && c.is_true())?;
        if !self.peek_is(TokenKind::Colon) {
            return Err(self.error(Some(q), "'?' without following ':'"));
        }
        self.pos += 1;
        let b = self.conditional(live && !c.is_true())?;
        Ok(Value {
            bits: if c.is_true() { a.bits } else { b.bits },
            unsigned: a.unsigned || b.unsigned,
        })
    }

    /// Binary operators of at least `min` binding power, by precedence climbing.
    fn binary(&mut self, min: u8, live: bool) -> Eval {
        let mut lhs = self.unary(live)?;
        while let Some(op) = self.peek() {
            let Some(prec) = precedence(op.kind()).filter(|&p| p >= min) else {
                break;
            };
            self.pos += 1;
            let rhs_live = match op.kind() {
                TokenKind::AmpAmp => live && lhs.is_true(),
                TokenKind::PipePipe => live && !lhs.is_true(),
                _ => live,
            };
            let rhs = self.binary(prec + 1, rhs_live)?;
            lhs = self.apply(op, lhs, rhs, live)?;
        }
        Ok(lhs)
    }

    fn nest(&mut self) -> Result<(), Failed> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let at = self.peek();
            self.depth -= 1;
            return Err(self.error(at, "#if expression nested too deeply"));
        }
        Ok(())
    }

    fn unary(&mut self, live: bool) -> Eval {
        self.nest()?;
        let r = self.unary_inner(live);
        self.depth -= 1;
        r
    }

    fn unary_inner(&mut self, live: bool) -> Eval {
        let Some(t) = self.peek() else {
            return Err(self.missing_operand());
        };
        let kind = t.kind();
        if !matches!(
            kind,
            TokenKind::Plus | TokenKind::Minus | TokenKind::Tilde | TokenKind::Bang
        ) {
            return self.primary(live);
        }
        self.pos += 1;
        let v = self.unary(live)?;
        Ok(match kind {
            TokenKind::Plus => v,
            TokenKind::Minus => {
                if live && !v.unsigned && v.bits == i64::MIN as u64 {
                    self.warn(t, "integer overflow in preprocessor expression");
                }
                Value {
                    bits: v.bits.wrapping_neg(),
                    ..v
                }
            }
            TokenKind::Tilde => Value { bits: !v.bits, ..v },
            _ => Value::truth(!v.is_true()),
        })
    }

    fn primary(&mut self, live: bool) -> Eval {
        let Some(t) = self.peek() else {
            return Err(self.missing_operand());
        };
        match t.kind() {
            TokenKind::Number => {
                self.pos += 1;
                let (v, warning) =
                    parse_number(t.text()).map_err(|msg| self.error(Some(t), msg))?;
                if let Some(w) = warning {
                    self.warn(t, w);
                }
                Ok(v)
            }
            TokenKind::CharLit => {
                self.pos += 1;
                let (v, warning) = parse_char(t.text()).map_err(|msg| self.error(Some(t), msg))?;
                if let Some(w) = warning {
                    self.warn(t, w);
                }
                Ok(v)
            }
            TokenKind::Ident => {
                self.pos += 1;
                Ok(Value::signed(0))
            }
            TokenKind::LParen => {
                self.pos += 1;
                if let Some(close) = self.peek().filter(|c| c.kind() == TokenKind::RParen) {
                    return Err(self.error(Some(close), "missing expression between '(' and ')'"));
                }
                let v = self.expr(live)?;
                match self.peek() {
                    Some(c) if c.kind() == TokenKind::RParen => {
                        self.pos += 1;
                        Ok(v)
                    }
                    Some(other) => Err(self.unexpected(other)),
                    None => Err(self.error(Some(t), "missing ')' in expression")),
                }
            }
            _ => Err(self.missing_operand()),
        }
    }

    /// An operand was expected at `pos`.
    fn missing_operand(&mut self) -> Failed {
        let cur = self.peek();
        let prev = self.pos.checked_sub(1).and_then(|i| self.toks.get(i));
        match (prev, cur) {
            (_, Some(t)) if !valid_in_expression(t.kind()) => self.unexpected(t),
            (Some(p), _) if p.kind() == TokenKind::LParen => {
                self.error(Some(p), "missing ')' in expression")
            }
            (Some(p), _) if is_operator(p.kind()) => {
                let msg = format!("operator '{}' has no right operand", p.text());
                self.error(cur.or(Some(p)), msg)
            }
            (_, Some(t)) if is_operator(t.kind()) => {
                let msg = format!("operator '{}' has no left operand", t.text());
                self.error(Some(t), msg)
            }
            (_, Some(t)) => self.unexpected(t),
            (_, None) => self.error(None, "#if with no expression"),
        }
    }

    /// `t` cannot follow a complete operand.
    fn unexpected(&mut self, t: &PpToken) -> Failed {
        let msg = match t.kind() {
            TokenKind::RParen => "missing '(' in expression".to_string(),
            TokenKind::Colon => "':' without preceding '?'".to_string(),
            k if !valid_in_expression(k) => format!(
                "token \"{}\" is not valid in preprocessor expressions",
                t.text()
            ),
            _ => format!("missing binary operator before token \"{}\"", t.text()),
        };
        self.error(Some(t), msg)
    }

    fn apply(&mut self, op: &PpToken, a: Value, b: Value, live: bool) -> Eval {
        use TokenKind::*;
        let unsigned = a.unsigned || b.unsigned;
        let (x, y) = (a.bits, b.bits);
        let (sx, sy) = (x as i64, y as i64);
        let arith = |bits: u64| Value { bits, unsigned };
        let mut overflow = false;
        let v = match op.kind() {
            Star | Plus | Minus if unsigned => arith(match op.kind() {
                Star => x.wrapping_mul(y),
                Plus => x.wrapping_add(y),
                _ => x.wrapping_sub(y),
            }),
            Star | Plus | Minus => {
                let (r, o) = match op.kind() {
                    Star => sx.overflowing_mul(sy),
                    Plus => sx.overflowing_add(sy),
                    _ => sx.overflowing_sub(sy),
                };
                overflow = o;
                arith(r as u64)
            }
            Slash | Percent if y == 0 => {
                if live {
                    return Err(self.error(Some(op), "division by zero in #if"));
                }
                arith(0)
            }
            Slash if unsigned => arith(x / y),
            Percent if unsigned => arith(x % y),
            Slash => {
                let (r, o) = sx.overflowing_div(sy);
                overflow = o;
                arith(r as u64)
            }
            Percent => arith(sx.wrapping_rem(sy) as u64),
            Shl | Shr => {
                let (v, o) = shift(a, b, op.kind() == Shl);
                overflow = o;
                v
            }
            Lt | Gt | Le | Ge => {
                let ord = if unsigned { x.cmp(&y) } else { sx.cmp(&sy) };
                Value::truth(match op.kind() {
                    Lt => ord.is_lt(),
                    Gt => ord.is_gt(),
                    Le => ord.is_le(),
                    _ => ord.is_ge(),
                })
            }
            EqEq => Value::truth(x == y),
            Ne => Value::truth(x != y),
            Amp => arith(x & y),
            Caret => arith(x ^ y),
            Pipe => arith(x | y),
            AmpAmp => Value::truth(a.is_true() && b.is_true()),
            _ => Value::truth(a.is_true() || b.is_true()),
        };
        if overflow && live {
            self.warn(op, "integer overflow in preprocessor expression");
        }
        Ok(v)
    }
}

/// `a << b` or `a >> b` as gcc computes them in 64 bits: a negative count shifts the
/// other way, a count of 64 or more shifts everything out. The result has `a`'s type.
/// Also returns whether a signed left shift overflowed.
fn shift(a: Value, b: Value, left: bool) -> (Value, bool) {
    let (left, n) = if !b.unsigned && (b.bits as i64) < 0 {
        (!left, (b.bits as i64).unsigned_abs())
    } else {
        (left, b.bits)
    };
    let signed = a.bits as i64;
    let (bits, overflow) = match (left, n >= 64) {
        (true, true) => (0, !a.unsigned && a.bits != 0),
        (true, false) => {
            let r = a.bits << n;
            (r, !a.unsigned && ((r as i64) >> n) != signed)
        }
        (false, true) => ((!a.unsigned && signed < 0) as u64 * u64::MAX, false),
        (false, false) if a.unsigned => (a.bits >> n, false),
        (false, false) => ((signed >> n) as u64, false),
    };
    (
        Value {
            bits,
            unsigned: a.unsigned,
        },
        overflow,
    )
}

/// An integer constant's value, and a warning to give.
fn parse_number(text: &str) -> Result<(Value, Option<&'static str>), String> {
    let b = text.as_bytes();
    let prefixed = |c: u8| b.len() > 1 && b[0] == b'0' && (b[1] | 0x20) == c;
    let (radix, start) = if prefixed(b'x') {
        (16, 2)
    } else if prefixed(b'b') {
        (2, 2)
    } else if b.first() == Some(&b'0') {
        (8, 0)
    } else {
        (10, 0)
    };
    let float = if radix == 16 {
        text.contains(['.', 'p', 'P'])
    } else {
        text.contains(['.', 'e', 'E'])
    };
    if float {
        return Err("floating constant in preprocessor expression".to_string());
    }
    let len = b[start..]
        .iter()
        .take_while(|c| {
            if radix == 16 {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit()
            }
        })
        .count();
    let (digits, suffix) = text[start..].split_at(len);
    if digits.is_empty() && start > 0 {
        return Err(format!(
            "invalid suffix \"{}\" on integer constant",
            &text[1..]
        ));
    }
    if let Some(bad) = digits
        .chars()
        .find(|c| c.to_digit(10).is_some_and(|d| d >= radix))
    {
        let what = if radix == 8 { "octal" } else { "binary" };
        return Err(format!("invalid digit \"{bad}\" in {what} constant"));
    }
    let Some(u_suffix) = integer_suffix(suffix) else {
        return Err(format!("invalid suffix \"{suffix}\" on integer constant"));
    };
    let mut value = 0u64;
    let mut too_large = false;
    for c in digits.chars() {
        let d = c.to_digit(radix).unwrap_or(0) as u64;
        match value
            .checked_mul(radix as u64)
            .and_then(|v| v.checked_add(d))
        {
            Some(v) => value = v,
            None => {
                too_large = true;
                value = value.wrapping_mul(radix as u64).wrapping_add(d);
            }
        }
    }
    let mut unsigned = u_suffix;
    let mut warning = None;
    if too_large {
        unsigned = true;
        warning = Some("integer constant is too large for its type");
    } else if !unsigned && value > i64::MAX as u64 {
        unsigned = true;
        if radix == 10 {
            warning = Some("integer constant is so large that it is unsigned");
        }
    }
    Ok((
        Value {
            bits: value,
            unsigned,
        },
        warning,
    ))
}

/// Whether an integer suffix is valid, and whether it makes the constant unsigned.
fn integer_suffix(s: &str) -> Option<bool> {
    let (unsigned, rest) = if let Some(r) = s.strip_prefix(['u', 'U']) {
        (true, r)
    } else if let Some(r) = s.strip_suffix(['u', 'U']) {
        (true, r)
    } else {
        (false, s)
    };
    matches!(rest, "" | "l" | "L" | "ll" | "LL").then_some(unsigned)
}

/// A character constant's value (C99 6.4.4.4, with gcc's choices: `char` is signed,
/// multi-character constants are big-endian in an `int`), and a warning to give.
fn parse_char(text: &str) -> Result<(Value, Option<String>), String> {
    let open = text.find('\'').unwrap_or(0);
    let prefix = &text[..open];
    let inner = text
        .get(open + 1..text.len().saturating_sub(1))
        .unwrap_or("");
    let wide = !prefix.is_empty() && prefix != "u8";
    let mut units: Vec<u32> = Vec::new();
    let mut warning = None;
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            if wide {
                units.push(c as u32);
            } else {
                let mut buf = [0u8; 4];
                units.extend(c.encode_utf8(&mut buf).bytes().map(u32::from));
            }
            continue;
        }
        let Some(e) = chars.next() else {
            break;
        };
        let v = match e {
            'n' => 10,
            't' => 9,
            'r' => 13,
            'a' => 7,
            'b' => 8,
            'f' => 12,
            'v' => 11,
            'e' | 'E' => 27,
            '\'' | '"' | '?' | '\\' => e as u32,
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                v
            }
            'x' | 'u' | 'U' => {
                let max = match e {
                    'u' => 4,
                    'U' => 8,
                    _ => usize::MAX,
                };
                let mut v = 0u32;
                let mut n = 0;
                while n < max
                    && let Some(d) = chars.peek().and_then(|c| c.to_digit(16))
                {
                    v = v.wrapping_shl(4) | d;
                    chars.next();
                    n += 1;
                }
                if n == 0 {
                    return Err(format!("\\{e} used with no following hex digits"));
                }
                if e != 'x' && !wide {
                    // A universal character name in a plain constant: its UTF-8 bytes.
                    let c = char::from_u32(v).unwrap_or('\u{fffd}');
                    let mut buf = [0u8; 4];
                    units.extend(c.encode_utf8(&mut buf).bytes().map(u32::from));
                    continue;
                }
                v
            }
            other => {
                warning = Some(format!("unknown escape sequence: '\\{other}'"));
                other as u32
            }
        };
        units.push(v);
    }
    let Some(&last) = units.last() else {
        return Err("empty character constant".to_string());
    };
    let value = match prefix {
        "" | "u8" => {
            if units.len() > 4 {
                warning = Some("character constant too long for its type".to_string());
            } else if units.len() > 1 {
                warning = Some("multi-character character constant".to_string());
            }
            if units.len() == 1 && prefix.is_empty() {
                Value::signed(last as u8 as i8 as i64)
            } else if units.len() == 1 {
                Value::signed((last & 0xff) as i64)
            } else {
                let v = units.iter().fold(0u32, |v, &u| (v << 8) | (u & 0xff));
                Value::signed(v as i32 as i64)
            }
        }
        _ => {
            if units.len() > 1 {
                warning = Some("character constant too long for its type".to_string());
            }
            match prefix {
                "L" => Value::signed(last as i32 as i64),
                "u" => Value {
                    bits: (last & 0xffff) as u64,
                    unsigned: true,
                },
                _ => Value {
                    bits: last as u64,
                    unsigned: true,
                },
            }
        }
    };
    Ok((value, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Value {
        parse_number(s).expect("valid").0
    }

    #[test]
    fn integer_constants() {
        assert_eq!(num("0x1F").bits, 31);
        assert_eq!(num("017").bits, 15);
        assert_eq!(num("0b101").bits, 5);
        assert!(num("1u").unsigned && num("1ULL").unsigned && num("2lu").unsigned);
        assert!(!num("1L").unsigned);
        assert!(num("0xffffffffffffffff").unsigned);
        assert_eq!(
            parse_number("18446744073709551615").unwrap().1,
            Some("integer constant is so large that it is unsigned")
        );
        assert_eq!(
            parse_number("99999999999999999999").unwrap().1,
            Some("integer constant is too large for its type")
        );
        assert!(parse_number("1.0").is_err());
        assert!(parse_number("1e3").is_err());
        assert!(parse_number("0x1p3").is_err());
        assert_eq!(num("0x1e3").bits, 0x1e3);
        assert_eq!(
            parse_number("08").unwrap_err(),
            "invalid digit \"8\" in octal constant"
        );
        assert_eq!(
            parse_number("12xyz").unwrap_err(),
            "invalid suffix \"xyz\" on integer constant"
        );
        assert_eq!(
            parse_number("0x").unwrap_err(),
            "invalid suffix \"x\" on integer constant"
        );
        assert!(parse_number("1lul").is_err() && parse_number("1lL").is_err());
    }

    #[test]
    fn character_constants() {
        let c = |s: &str| parse_char(s).expect("valid").0.bits as i64;
        assert_eq!(c("'a'"), 97);
        assert_eq!(c("'\\n'"), 10);
        assert_eq!(c("'\\377'"), -1);
        assert_eq!(c("'\\xff'"), -1);
        assert_eq!(c("'\\0'"), 0);
        assert_eq!(c("'ab'"), 0x6162);
        assert_eq!(c("L'\\xffffffff'"), -1);
        assert_eq!(c("U'\\xffffffff'"), 0xffff_ffff);
        assert_eq!(c("'\\''"), 39);
        assert_eq!(parse_char("''").unwrap_err(), "empty character constant");
        assert_eq!(
            parse_char("'abcde'").unwrap().1.as_deref(),
            Some("character constant too long for its type")
        );
    }

    #[test]
    fn shifts_follow_gcc() {
        let s =
            |a: i64, b: i64, left| shift(Value::signed(a), Value::signed(b), left).0.bits as i64;
        assert_eq!(s(1, 3, true), 8);
        assert_eq!(s(1, 64, true), 0);
        assert_eq!(s(-1, 70, false), -1);
        assert_eq!(s(8, -1, true), 4);
        assert_eq!(s(-16, 2, false), -4);
        assert!(shift(Value::signed(1), Value::signed(63), true).1);
        let u = Value {
            bits: u64::MAX,
            unsigned: true,
        };
        assert_eq!(shift(u, Value::signed(60), false).0.bits, 15);
    }
}
