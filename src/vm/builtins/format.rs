//! The printf engine: glibc's `vfprintf` in the "C" locale, byte for byte.
//!
//! Pure: the VM hands over the format bytes, a [`Target`], and a [`FormatArgs`] through which
//! the engine pulls argument slots, reads strings and stores `%n` counts; the output is
//! appended to a `Vec<u8>`. Every argument, variadic or not, sits in its own 8-byte slot:
//! integers (promoted) in the low bytes, doubles as their IEEE bits, pointers as addresses.
//!
//! What is covered, as glibc does it: conversions `d i u o x X b B c C s S p n m f F e E g G
//! a A %`; flags `- + space # 0 ' I` (the last two change nothing in the "C" locale); field
//! width and precision as digits, `*` or `*m$`; positional arguments `%m$`; length modifiers
//! `hh h l ll L q j z Z t`. Unknown conversions are printed back the way glibc prints them
//! (`%` and the flags, width and precision, without the length modifier).
//!
//! glibc has two parsers, a fast one and a "positional" one it switches to for good at the
//! first `$`, unknown conversion or `h` before a non-integer conversion. The switch is
//! visible, and emulated: afterwards a format ending in `%` prints it instead of failing with
//! `EINVAL`, a negative `*` width keeps the `0` flag (so `%0*f` pads with zeros on the
//! right), and `%Lc` is a narrow character.
//!
//! Deliberate limits, each documented where it applies:
//! - a single conversion never emits more than [`MAX_PAD`] bytes of padding or of zero digits
//!   at a time (glibc would, up to `INT_MAX`); such a conversion fails with `EOVERFLOW`;
//! - `%ls`/`%S` read a byte string like `%s`, and `%lc`/`%C` print the character as one byte
//!   when it is ASCII and fail with `EILSEQ` otherwise, as glibc's "C" locale does;
//! - `L` (long double) reads a double slot: the compiler has no wider type;
//! - positional argument numbers above [`MAX_POSITIONAL`] fail with `EOVERFLOW`;
//! - in positional mode glibc reads `%Ld`/`%qd` as an `int` and prints 64 bits of which the
//!   upper half is stale memory; this engine prints the low 32 bits, zero-extended.
//!
//! The reference is glibc 2.36 on x86-64, which the differential tests run against.

use super::numparse::exact_decimal;
use crate::target::Target;

/// Where the engine gets its arguments and reaches VM memory.
pub trait FormatArgs {
    /// The error of the VM's memory or argument access; passed through unchanged.
    type Error;
    /// The next argument's 8-byte slot, raw.
    fn next_slot(&mut self) -> Result<u64, Self::Error>;
    /// The bytes of the C string at `addr` (without its NUL), reading at most `limit` bytes
    /// if given (a precision for `%s`: glibc reads no further). `addr` 0 is never passed.
    fn c_string(&mut self, addr: u64, limit: Option<usize>) -> Result<Vec<u8>, Self::Error>;
    /// `%n`: store `count` (the bytes output so far) at `addr` as an integer of `size` bytes
    /// (1, 2, 4 or 8): its low `size` bytes, little-endian.
    fn store_count(&mut self, addr: u64, size: u8, count: u64) -> Result<(), Self::Error>;
    /// `%m`: the text of `strerror(errno)`. By default errno is taken to be 0.
    fn strerror(&mut self) -> Result<Vec<u8>, Self::Error> {
        Ok(b"Success".to_vec())
    }
}

/// How a call ended. The output produced before a failure stays in `out`, as glibc's stays in
/// the stream's buffer; printf then returns -1 with `errno` set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was formatted; printf returns the number of bytes appended.
    Done,
    /// printf returns -1 with this errno.
    Failed(Failure),
}

/// Why a printf call fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// `EINVAL`: the format ends inside a conversion (e.g. `"100%"`).
    Invalid,
    /// `EOVERFLOW`: a width or precision above `INT_MAX`, a total above `INT_MAX`, or one of
    /// the engine's caps ([`MAX_PAD`], [`MAX_POSITIONAL`]).
    Overflow,
    /// `EILSEQ`: a wide character with no single-byte form in the "C" locale (`%lc`).
    IllegalSequence,
}

impl Failure {
    /// The errno value on x86-64 Linux.
    pub fn errno(self) -> i32 {
        match self {
            Failure::Invalid => 22,
            Failure::Overflow => 75,
            Failure::IllegalSequence => 84,
        }
    }
}

/// The most bytes of padding, or of zero digits in a row, that one conversion may emit.
/// glibc honours widths and precisions up to `INT_MAX`; this engine fails the call with
/// `EOVERFLOW` instead of allocating gigabytes.
pub const MAX_PAD: usize = 1 << 20;

/// The largest positional argument number (`%m$`) accepted; glibc would read that many
/// arguments.
pub const MAX_POSITIONAL: usize = 1 << 16;

const INT_MAX: usize = i32::MAX as usize;

/// Formats `fmt` (a C string: it ends at its first NUL, if any) with the arguments from
/// `args`, appending the output to `out`. Errors from `args` are passed through at once.
pub fn format<A: FormatArgs>(
    fmt: &[u8],
    target: Target,
    args: &mut A,
    out: &mut Vec<u8>,
) -> Result<Outcome, A::Error> {
    let fmt = match fmt.iter().position(|&b| b == 0) {
        Some(n) => &fmt[..n],
        None => fmt,
    };
    let start = out.len();
    let mut engine = Engine {
        args: ArgList {
            inner: args,
            slots: Vec::new(),
            posn: 0,
        },
        target,
        positional_mode: false,
    };
    let mut i = 0;
    while i < fmt.len() {
        let Some(off) = fmt[i..].iter().position(|&b| b == b'%') else {
            out.extend_from_slice(&fmt[i..]);
            break;
        };
        out.extend_from_slice(&fmt[i..i + off]);
        i += off;
        let spec = match parse_spec(fmt, i) {
            Ok(spec) => spec,
            Err(f) => return Ok(Outcome::Failed(f)),
        };
        i = spec.end;
        match engine.convert(&spec, out, start)? {
            Ok(()) => {}
            Err(f) => return Ok(Outcome::Failed(f)),
        }
        if out.len() - start > INT_MAX {
            return Ok(Outcome::Failed(Failure::Overflow));
        }
    }
    Ok(Outcome::Done)
}

/// The arguments seen as numbered slots, read lazily and in order.
struct ArgList<'a, A> {
    inner: &'a mut A,
    slots: Vec<u64>,
    /// The next argument for a conversion without `m$` (glibc numbers those in order across
    /// the whole format, `*` included, whatever the positional ones do).
    posn: usize,
}

impl<A: FormatArgs> ArgList<'_, A> {
    fn get(&mut self, index: usize) -> Result<u64, A::Error> {
        while self.slots.len() <= index {
            let slot = self.inner.next_slot()?;
            self.slots.push(slot);
        }
        Ok(self.slots[index])
    }

    fn take(&mut self, explicit: Option<usize>) -> Result<u64, A::Error> {
        let index = match explicit {
            Some(n) => n,
            None => {
                self.posn += 1;
                self.posn - 1
            }
        };
        self.get(index)
    }
}

/// Where a width or precision comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Count {
    None,
    Value(usize),
    /// `*` (next argument) or `*m$` (argument m-1).
    Arg(Option<usize>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Length {
    None,
    Hh,
    H,
    L,
    /// `ll`, `j`: 64 bits.
    Ll,
    /// `L`, `q`: 64 bits too, except in glibc's positional mode (see [`Engine::int_arg`]).
    Q,
    /// `z`, `Z`, `t`: pointer-sized.
    Z,
}

#[derive(Clone, Debug, Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    group: bool,
    i18n: bool,
}

#[derive(Clone, Debug)]
struct Spec {
    /// Explicit argument (`m$`), 0-based.
    arg: Option<usize>,
    flags: Flags,
    width: Count,
    prec: Count,
    length: Length,
    /// The conversion character; 0 when the format ended first.
    conv: u8,
    /// Whether `$` appeared: glibc then switches to its positional mode for the rest.
    positional: bool,
    /// Index just after the specification.
    end: usize,
}

/// Reads a decimal number as glibc's `read_int`: all digits are consumed; `None` past
/// `INT_MAX`.
fn read_int(fmt: &[u8], i: &mut usize) -> Option<usize> {
    let mut n: Option<usize> = Some(0);
    while *i < fmt.len() && fmt[*i].is_ascii_digit() {
        let d = usize::from(fmt[*i] - b'0');
        n = n
            .and_then(|n| n.checked_mul(10))
            .and_then(|n| n.checked_add(d))
            .filter(|&n| n <= INT_MAX);
        *i += 1;
    }
    n
}

/// Reads `m$` after a `*` (or at the start of a spec): `Some(Some(m-1))` when present,
/// `Some(None)` when not (the position is left unchanged), `Err` on overflow.
fn read_dollar(fmt: &[u8], i: &mut usize) -> Result<Option<usize>, Failure> {
    if *i >= fmt.len() || !fmt[*i].is_ascii_digit() {
        return Ok(None);
    }
    let save = *i;
    let n = read_int(fmt, i);
    if n != Some(0) && fmt.get(*i) == Some(&b'$') {
        *i += 1;
        match n {
            Some(n) if n <= MAX_POSITIONAL => Ok(Some(n - 1)),
            _ => Err(Failure::Overflow),
        }
    } else {
        *i = save;
        Ok(None)
    }
}

/// Parses one conversion specification starting at the `%` at `start`, as glibc's
/// `__parse_one_specmb`.
fn parse_spec(fmt: &[u8], start: usize) -> Result<Spec, Failure> {
    let mut i = start + 1;
    let mut positional = false;
    let arg = read_dollar(fmt, &mut i)?;
    positional |= arg.is_some();
    let mut flags = Flags::default();
    while i < fmt.len() {
        match fmt[i] {
            b' ' => flags.space = true,
            b'+' => flags.plus = true,
            b'-' => flags.left = true,
            b'#' => flags.alt = true,
            b'0' => flags.zero = true,
            b'\'' => flags.group = true,
            b'I' => flags.i18n = true,
            _ => break,
        }
        i += 1;
    }
    if flags.left {
        flags.zero = false;
    }
    let mut width = Count::None;
    if fmt.get(i) == Some(&b'*') {
        i += 1;
        let n = read_dollar(fmt, &mut i)?;
        positional |= n.is_some();
        width = Count::Arg(n);
    } else if i < fmt.len() && fmt[i].is_ascii_digit() {
        width = Count::Value(read_int(fmt, &mut i).ok_or(Failure::Overflow)?);
    }
    let mut prec = Count::None;
    if fmt.get(i) == Some(&b'.') {
        i += 1;
        if fmt.get(i) == Some(&b'*') {
            i += 1;
            let n = read_dollar(fmt, &mut i)?;
            positional |= n.is_some();
            prec = Count::Arg(n);
        } else if i < fmt.len() && fmt[i].is_ascii_digit() {
            prec = Count::Value(read_int(fmt, &mut i).ok_or(Failure::Overflow)?);
        } else {
            // "%.d" is "%.0d".
            prec = Count::Value(0);
        }
    }
    let mut length = Length::None;
    if i < fmt.len() {
        match fmt[i] {
            b'h' => {
                i += 1;
                if fmt.get(i) == Some(&b'h') {
                    i += 1;
                    length = Length::Hh;
                } else {
                    length = Length::H;
                }
            }
            b'l' => {
                i += 1;
                if fmt.get(i) == Some(&b'l') {
                    i += 1;
                    length = Length::Ll;
                } else {
                    length = Length::L;
                }
            }
            b'j' => {
                i += 1;
                length = Length::Ll;
            }
            b'L' | b'q' => {
                i += 1;
                length = Length::Q;
            }
            b'z' | b'Z' | b't' => {
                i += 1;
                length = Length::Z;
            }
            _ => {}
        }
    }
    let conv = fmt.get(i).copied().unwrap_or(0);
    if conv != 0 {
        i += 1;
    }
    Ok(Spec {
        arg,
        flags,
        width,
        prec,
        length,
        conv,
        positional,
        end: i,
    })
}

struct Engine<'a, A> {
    args: ArgList<'a, A>,
    target: Target,
    /// glibc's positional mode, entered at the first `$` or unknown conversion: from then on
    /// a format ending in `%` prints it instead of failing.
    positional_mode: bool,
}

type Converted = Result<(), Failure>;

impl<A: FormatArgs> Engine<'_, A> {
    /// An integer conversion's argument. In positional mode glibc (LP64) fetches the argument
    /// of `%Ld`/`%qd` as a plain `int` and then reads the 64-bit value over it: the low 32
    /// bits, zero-extended.
    fn int_arg(&mut self, spec: &Spec) -> Result<u64, A::Error> {
        let slot = self.args.take(spec.arg)?;
        if spec.length == Length::Q && self.positional_mode && self.target.long_size == 8 {
            Ok(slot & 0xffff_ffff)
        } else {
            Ok(slot)
        }
    }

    /// Performs one conversion. The outer `Result` carries VM errors, the inner one printf
    /// failures.
    fn convert(
        &mut self,
        spec: &Spec,
        out: &mut Vec<u8>,
        start: usize,
    ) -> Result<Converted, A::Error> {
        // glibc leaves its fast path at a `$` or at a specification its fast parser does not
        // take (an unknown conversion, or `h` before a non-integer one), and handles that very
        // specification in positional mode already.
        let known = spec.conv != 0 && b"%diuoxXbBpcCsSmnfFeEgGaA".contains(&spec.conv);
        let fast = known && !(spec.length == Length::H && b"cCsSpmfFeEgGaA".contains(&spec.conv));
        self.positional_mode |=
            spec.positional || (!fast && (spec.conv != 0 || self.positional_mode));
        let mut flags = spec.flags.clone();
        // Width and precision arguments come first, in this order.
        let mut width = 0usize;
        match spec.width {
            Count::None => {}
            Count::Value(w) => width = w,
            Count::Arg(n) => {
                let w = self.args.take(n)? as u32 as i32;
                if w < 0 {
                    if w == i32::MIN {
                        return Ok(Err(Failure::Overflow));
                    }
                    flags.left = true;
                    // The fast path drops the `0` flag here, positional mode keeps it.
                    if !self.positional_mode {
                        flags.zero = false;
                    }
                }
                width = w.unsigned_abs() as usize;
            }
        }
        let prec: Option<usize> = match spec.prec {
            Count::None => None,
            Count::Value(p) => Some(p),
            Count::Arg(n) => {
                let p = self.args.take(n)? as u32 as i32;
                if p < 0 { None } else { Some(p as usize) }
            }
        };
        let target = self.target;
        let ptr_mask = mask(target.ptr_size);
        let field = Field { width, flags };
        Ok(match spec.conv {
            b'%' => {
                out.push(b'%');
                Ok(())
            }
            b'd' | b'i' => {
                let slot = self.int_arg(spec)?;
                let (negative, magnitude) = signed_value(slot, int_size(spec.length, target));
                emit_integer(out, &field, prec, magnitude, negative, 10, b'd')
            }
            b'u' | b'o' | b'x' | b'X' | b'b' | b'B' => {
                let slot = self.int_arg(spec)?;
                let magnitude = slot & mask(int_size(spec.length, target));
                let base = match spec.conv {
                    b'u' => 10,
                    b'o' => 8,
                    b'b' | b'B' => 2,
                    _ => 16,
                };
                // ISO: `+` and space are for signed conversions only.
                let mut field = field;
                field.flags.plus = false;
                field.flags.space = false;
                emit_integer(out, &field, prec, magnitude, false, base, spec.conv)
            }
            b'p' => {
                let addr = self.args.take(spec.arg)? & ptr_mask;
                if addr == 0 {
                    // glibc prints "(nil)" as a string whose precision is at least 5.
                    emit_text(out, &field, b"(nil)")
                } else {
                    let mut field = field;
                    field.flags.alt = true;
                    emit_integer(out, &field, prec, addr, false, 16, b'x')
                }
            }
            b'c' | b'C' => {
                let slot = self.args.take(spec.arg)?;
                // Any length that glibc reads as `long` or wider makes it a wint_t.
                let wide = spec.conv == b'C'
                    || matches!(spec.length, Length::L | Length::Ll)
                    || (spec.length == Length::Q && !self.positional_mode)
                    || (spec.length == Length::Z && target.ptr_size > 4);
                let byte = if wide {
                    // wint_t through wcrtomb in the "C" locale: ASCII only.
                    let wc = slot as u32;
                    if wc >= 0x80 {
                        return Ok(Err(Failure::IllegalSequence));
                    }
                    wc as u8
                } else {
                    slot as u8
                };
                emit_text(out, &field, &[byte])
            }
            b's' | b'S' => {
                let addr = self.args.take(spec.arg)? & ptr_mask;
                if addr == 0 {
                    // "(null)" only if it fits the precision, else nothing.
                    let text: &[u8] = match prec {
                        Some(p) if p < 6 => b"",
                        _ => b"(null)",
                    };
                    emit_text(out, &field, text)
                } else {
                    let mut text = self.args.inner.c_string(addr, prec)?;
                    if let Some(p) = prec {
                        text.truncate(p);
                    }
                    emit_text(out, &field, &text)
                }
            }
            b'm' => {
                let mut text = self.args.inner.strerror()?;
                if let Some(p) = prec {
                    text.truncate(p);
                }
                emit_text(out, &field, &text)
            }
            b'n' => {
                let addr = self.args.take(spec.arg)? & ptr_mask;
                let size = match spec.length {
                    Length::Hh => 1,
                    Length::H => 2,
                    Length::None => 4,
                    Length::L => target.long_size as u8,
                    Length::Ll | Length::Q => 8,
                    Length::Z => target.ptr_size as u8,
                };
                self.args
                    .inner
                    .store_count(addr, size, (out.len() - start) as u64)?;
                Ok(())
            }
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                let x = f64::from_bits(self.args.take(spec.arg)?);
                emit_float(out, &field, prec, x, spec.conv)
            }
            0 if !self.positional_mode => Err(Failure::Invalid),
            _ => {
                self.positional_mode = true;
                emit_unknown(out, &field, prec, spec.conv);
                Ok(())
            }
        })
    }
}

/// A field's width and (resolved) flags.
#[derive(Clone, Debug)]
struct Field {
    width: usize,
    flags: Flags,
}

fn mask(bytes: u64) -> u64 {
    if bytes >= 8 {
        u64::MAX
    } else {
        (1u64 << (bytes * 8)) - 1
    }
}

/// The size in bytes of an integer argument with this length modifier.
fn int_size(length: Length, target: Target) -> u64 {
    match length {
        Length::Hh => 1,
        Length::H => 2,
        Length::None => 4,
        Length::L => target.long_size,
        Length::Ll | Length::Q => 8,
        Length::Z => target.ptr_size,
    }
}

/// The sign and magnitude of the low `bytes` bytes of a slot, read as a signed integer.
fn signed_value(slot: u64, bytes: u64) -> (bool, u64) {
    let shift = 64 - 8 * bytes.min(8) as u32;
    let v = ((slot << shift) as i64) >> shift;
    (v < 0, v.unsigned_abs())
}

/// Appends `n` copies of `byte`, refusing more than [`MAX_PAD`].
fn pad(out: &mut Vec<u8>, byte: u8, n: usize) -> Converted {
    if n > MAX_PAD {
        return Err(Failure::Overflow);
    }
    out.resize(out.len() + n, byte);
    Ok(())
}

/// A string-like field: padded with spaces whatever the `0` flag says.
fn emit_text(out: &mut Vec<u8>, field: &Field, text: &[u8]) -> Converted {
    let fill = field.width.saturating_sub(text.len());
    if !field.flags.left {
        pad(out, b' ', fill)?;
    }
    out.extend_from_slice(text);
    if field.flags.left {
        pad(out, b' ', fill)?;
    }
    Ok(())
}

/// A numeric field: sign, prefix (`0x`), then the body; the `0` flag pads between the prefix
/// and the body, otherwise spaces pad on the left; a left-justified field is padded on the
/// right with `right_fill`, if any.
fn emit_number(
    out: &mut Vec<u8>,
    field: &Field,
    zero_pad: bool,
    sign: Option<u8>,
    prefix: &[u8],
    body: &[u8],
    right_fill: Option<u8>,
) -> Converted {
    let len = usize::from(sign.is_some()) + prefix.len() + body.len();
    let fill = field.width.saturating_sub(len);
    if !field.flags.left && !zero_pad {
        pad(out, b' ', fill)?;
    }
    out.extend(sign);
    out.extend_from_slice(prefix);
    if !field.flags.left && zero_pad {
        pad(out, b'0', fill)?;
    }
    out.extend_from_slice(body);
    if let (true, Some(byte)) = (field.flags.left, right_fill) {
        pad(out, byte, fill)?;
    }
    Ok(())
}

fn sign_char(negative: bool, flags: &Flags) -> Option<u8> {
    if negative {
        Some(b'-')
    } else if flags.plus {
        Some(b'+')
    } else if flags.space {
        Some(b' ')
    } else {
        None
    }
}

/// Integer conversions, as glibc's: the precision is a minimum digit count (and turns off
/// the `0` flag), precision 0 prints nothing for 0, `#` adds `0x`/`0b` to nonzero values and
/// makes octal start with `0`.
fn emit_integer(
    out: &mut Vec<u8>,
    field: &Field,
    prec: Option<usize>,
    magnitude: u64,
    negative: bool,
    base: u32,
    conv: u8,
) -> Converted {
    let min_digits = prec.unwrap_or(1);
    let mut digits: Vec<u8> = Vec::new();
    if !(min_digits == 0 && magnitude == 0) {
        digits = to_base(magnitude, base, conv == b'X');
    }
    let alt = field.flags.alt;
    if base == 8 && alt && (digits.is_empty() || (magnitude != 0 && min_digits <= digits.len())) {
        digits.insert(0, b'0');
    }
    let zeros = min_digits.saturating_sub(digits.len());
    if zeros > MAX_PAD {
        return Err(Failure::Overflow);
    }
    let mut body = vec![b'0'; zeros];
    body.extend_from_slice(&digits);
    let prefix: &[u8] = match (alt && magnitude != 0, base, conv) {
        (true, 16, b'X') => b"0X",
        (true, 16, _) => b"0x",
        (true, 2, b'B') => b"0B",
        (true, 2, _) => b"0b",
        _ => b"",
    };
    let zero_pad = field.flags.zero && prec.is_none();
    emit_number(
        out,
        field,
        zero_pad,
        sign_char(negative, &field.flags),
        prefix,
        &body,
        Some(b' '),
    )
}

fn to_base(mut v: u64, base: u32, upper: bool) -> Vec<u8> {
    let table: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut rev = Vec::with_capacity(24);
    loop {
        rev.push(table[(v % u64::from(base)) as usize]);
        v /= u64::from(base);
        if v == 0 {
            break;
        }
    }
    rev.reverse();
    rev
}

/// glibc's `printf_unknown`: `%`, the flags in a fixed order, the width and precision as
/// resolved, and the conversion character; the length modifier is not repeated.
fn emit_unknown(out: &mut Vec<u8>, field: &Field, prec: Option<usize>, conv: u8) {
    let f = &field.flags;
    out.push(b'%');
    if f.alt {
        out.push(b'#');
    }
    if f.group {
        out.push(b'\'');
    }
    if f.plus {
        out.push(b'+');
    } else if f.space {
        out.push(b' ');
    }
    if f.left {
        out.push(b'-');
    }
    if f.zero {
        out.push(b'0');
    }
    if f.i18n {
        out.push(b'I');
    }
    if field.width != 0 {
        out.extend_from_slice(field.width.to_string().as_bytes());
    }
    if let Some(p) = prec {
        out.push(b'.');
        out.extend_from_slice(p.to_string().as_bytes());
    }
    if conv != 0 {
        out.push(conv);
    }
}

// ---------------------------------------------------------------------------------------------
// Floating point.

fn emit_float(
    out: &mut Vec<u8>,
    field: &Field,
    prec: Option<usize>,
    x: f64,
    conv: u8,
) -> Converted {
    let upper = conv.is_ascii_uppercase();
    let negative = x.is_sign_negative();
    let sign = sign_char(negative, &field.flags);
    if !x.is_finite() {
        let text: &[u8] = match (x.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        // Special values are padded with spaces only.
        return emit_number(out, field, false, sign, b"", text, Some(b' '));
    }
    let zero_pad = field.flags.zero;
    let alt = field.flags.alt;
    if conv == b'a' || conv == b'A' {
        let body = hex_float_body(x.abs(), prec, alt, upper)?;
        let prefix: &[u8] = if upper { b"0X" } else { b"0x" };
        // glibc pads a left-justified %a with spaces, or not at all when the `0` flag
        // survived (a negative `*` width in positional mode).
        let right = if zero_pad { None } else { Some(b' ') };
        return emit_number(out, field, zero_pad, sign, prefix, &body, right);
    }
    let bits = x.to_bits() & !(1u64 << 63);
    let (mant, exp2) = if bits >> 52 == 0 {
        (bits, -1074)
    } else {
        (
            (bits & ((1 << 52) - 1)) | (1 << 52),
            (bits >> 52) as i32 - 1075,
        )
    };
    let (digits, point) = exact_decimal(mant, exp2);
    let mut body = Vec::new();
    match conv {
        b'f' | b'F' => {
            let prec = prec.unwrap_or(6);
            let (d, p) = round_digits(&digits, point, i64::from(point) + prec as i64);
            fixed_body(&mut body, &d, p, prec, alt)?;
        }
        b'e' | b'E' => {
            let prec = prec.unwrap_or(6);
            let (d, p) = if digits.is_empty() {
                (Vec::new(), 1)
            } else {
                round_digits(&digits, point, prec as i64 + 1)
            };
            exp_body(&mut body, &d, p, prec, alt, upper)?;
        }
        _ => general_body(&mut body, &digits, point, prec, alt, upper)?,
    }
    // glibc right-pads with its pad character, '0' when the `0` flag survived a negative `*`
    // width (positional mode only).
    let right = if zero_pad { b'0' } else { b' ' };
    emit_number(out, field, zero_pad, sign, b"", &body, Some(right))
}

/// Rounds `0.d × 10^point` to `keep` significant digits (counted from d's first digit; may be
/// zero or negative), to nearest with ties to even as glibc in the default rounding mode.
/// The result has no trailing zeros; it is empty for zero.
fn round_digits(d: &[u8], point: i32, keep: i64) -> (Vec<u8>, i32) {
    if keep >= d.len() as i64 {
        return (d.to_vec(), point);
    }
    if keep < 0 {
        return (Vec::new(), point);
    }
    let keep = keep as usize;
    let next = d[keep];
    let more = keep + 1 < d.len();
    let last_odd = keep > 0 && (d[keep - 1] - b'0') % 2 == 1;
    let mut v = d[..keep].to_vec();
    let mut point = point;
    if next > b'5' || (next == b'5' && (more || last_odd)) {
        loop {
            match v.last_mut() {
                None => {
                    v.push(b'1');
                    point += 1;
                    break;
                }
                Some(b'9') => {
                    v.pop();
                }
                Some(last) => {
                    *last += 1;
                    break;
                }
            }
        }
    }
    while v.last() == Some(&b'0') {
        v.pop();
    }
    (v, point)
}

/// The digits of `0.d × 10^p` one after another from a given position, zeros past the end
/// (glibc's `hack_digit`).
struct DigitStream<'a> {
    d: &'a [u8],
    /// Index of the next digit in `d`; negative for zeros before the first digit.
    pos: i64,
}

impl DigitStream<'_> {
    fn next(&mut self) -> u8 {
        let digit = if self.pos >= 0 && (self.pos as usize) < self.d.len() {
            self.d[self.pos as usize]
        } else {
            b'0'
        };
        self.pos += 1;
        digit
    }

    /// Whether a nonzero digit remains (`d` has no trailing zeros).
    fn more(&self) -> bool {
        self.pos < self.d.len() as i64
    }
}

/// `%g`, as glibc's `__printf_fp` builds it: the style is chosen from the exponent before
/// rounding, digits are generated, rounded in place, and a carry out of the leading digit is
/// patched afterwards. This reproduces glibc's quirks exactly, e.g. `%#g` of 999999.5 is
/// `1.e+06`, and a value just below 1e-4 that rounds up to it prints as `0.0001`.
fn general_body(
    w: &mut Vec<u8>,
    digits: &[u8],
    point: i32,
    prec: Option<usize>,
    alt: bool,
    upper: bool,
) -> Converted {
    let dig_max: i64 = match prec {
        None => 6,
        Some(0) => 1,
        Some(p) => p as i64,
    };
    // glibc keeps the decimal exponent as a magnitude and a sign.
    let e10: i64 = if digits.is_empty() {
        0
    } else {
        i64::from(point) - 1
    };
    let mut expsign = e10 < 0;
    let mut exponent = e10.abs();
    let mut type_e = (!expsign && exponent >= dig_max) || (expsign && exponent > 4);
    let intdig_max = if type_e {
        1
    } else if expsign {
        0
    } else {
        exponent + 1
    };
    let mut fracdig_max = if type_e {
        dig_max - 1
    } else {
        dig_max - intdig_max
    };
    let fracdig_min = if alt { fracdig_max } else { 0 };
    // Style f below 1 starts with "0." and the zeros after the point.
    let mut s = DigitStream {
        d: digits,
        pos: if !type_e && expsign {
            i64::from(point)
        } else {
            0
        },
    };
    let mut significant = false;
    let mut intdig_no: i64 = 0;
    if !expsign || type_e {
        while intdig_no < intdig_max {
            intdig_no += 1;
            w.push(s.next());
        }
        significant = true;
        if alt || fracdig_min > 0 || (fracdig_max > 0 && s.more()) {
            w.push(b'.');
        }
    } else {
        w.extend_from_slice(b"0.");
    }
    let mut fracdig_no: i64 = 0;
    let mut added_zeros: i64 = 0;
    loop {
        let need_min = fracdig_no < fracdig_min + added_zeros;
        let more = s.more();
        if !(need_min || (fracdig_no < fracdig_max && more)) {
            break;
        }
        if !more && significant {
            // Only zeros are left to write.
            let n = fracdig_min + added_zeros - fracdig_no;
            zeros(w, n as usize)?;
            fracdig_no += n;
            break;
        }
        fracdig_no += 1;
        let digit = s.next();
        w.push(digit);
        if digit != b'0' {
            significant = true;
        } else if !significant {
            fracdig_max += 1;
            if fracdig_min > 0 {
                added_zeros += 1;
            }
        }
    }
    // Round to nearest, ties to even.
    let last = if w.last() == Some(&b'.') {
        w[w.len() - 2]
    } else {
        w[w.len() - 1]
    };
    let next = s.next();
    let more_bits = (next != b'0' && next != b'5') || s.more();
    if next >= b'5' && ((last - b'0') & 1 == 1 || more_bits) {
        let mut wtp = w.len();
        if fracdig_no > 0 {
            let mut removed = 0;
            loop {
                wtp -= 1;
                if w[wtp] != b'.' && w[wtp] == b'9' {
                    w[wtp] = b'0';
                    removed += 1;
                } else {
                    break;
                }
            }
            if removed == fracdig_min && added_zeros > 0 {
                added_zeros -= 1;
            }
            if w[wtp] != b'.' {
                w[wtp] += 1;
            } else if !type_e && alt && wtp == 1 && w[0] == b'0' {
                // Rounded up to 1 from below: "1." must stay that short.
                added_zeros -= 1;
            }
        }
        if fracdig_no == 0 || w[wtp] == b'.' {
            if w[wtp - 1] == b'.' {
                wtp -= 1;
            }
            let mut k = wtp as i64 - 1;
            while k >= 0 && w[k as usize] == b'9' {
                w[k as usize] = b'0';
                k -= 1;
            }
            if k >= 0 {
                w[k as usize] += 1;
            } else {
                // All nines.
                if type_e {
                    w[0] = b'1';
                    exponent += if expsign { -1 } else { 1 };
                    if exponent == 0 {
                        expsign = false;
                    }
                } else if intdig_no == dig_max {
                    // Fits style f no more: becomes "1." and style e.
                    w.splice(0..0, *b"1.");
                    if alt || fracdig_no > 0 {
                        w[intdig_no as usize + 2] = b'0';
                        fracdig_no += 1;
                    }
                    fracdig_no += intdig_no;
                    intdig_no = 1;
                    exponent += 1;
                    type_e = true;
                } else {
                    w.insert(0, b'1');
                    intdig_no += 1;
                }
                if intdig_no + fracdig_no > dig_max {
                    let cut = intdig_no + fracdig_no - dig_max;
                    w.truncate(w.len() - cut as usize);
                    fracdig_no -= cut;
                }
            }
        }
    }
    while fracdig_no > fracdig_min + added_zeros && w.last() == Some(&b'0') {
        w.pop();
        fracdig_no -= 1;
    }
    if fracdig_no == 0 && !alt && w.last() == Some(&b'.') {
        w.pop();
    }
    if type_e {
        if expsign && exponent == 4 {
            // Was below 1e-4 before rounding, is 1e-4 after: glibc writes it out in full.
            let tail = w.len().saturating_sub(2);
            w.clear();
            w.extend_from_slice(b"0.0001");
            zeros(w, tail)?;
        } else {
            w.push(if upper { b'E' } else { b'e' });
            w.push(if expsign { b'-' } else { b'+' });
            if exponent < 10 {
                w.push(b'0');
            }
            w.extend_from_slice(exponent.to_string().as_bytes());
        }
    }
    Ok(())
}

/// Appends `n` zero digits, refusing more than [`MAX_PAD`].
fn zeros(body: &mut Vec<u8>, n: usize) -> Converted {
    pad(body, b'0', n)
}

/// Style f: the integer part, then `frac` digits after the point (the point shown if `frac`
/// is nonzero or `alt`).
fn fixed_body(body: &mut Vec<u8>, d: &[u8], p: i32, frac: usize, alt: bool) -> Converted {
    let p = i64::from(p);
    if p <= 0 || d.is_empty() {
        body.push(b'0');
    } else {
        let int_len = p as usize;
        body.extend_from_slice(&d[..int_len.min(d.len())]);
        zeros(body, int_len.saturating_sub(d.len()))?;
    }
    if frac > 0 || alt {
        body.push(b'.');
    }
    let mut written = 0usize;
    if !d.is_empty() {
        let lead = if p < 0 { ((-p) as usize).min(frac) } else { 0 };
        zeros(body, lead)?;
        written += lead;
        let from = p.max(0) as usize;
        if from < d.len() && written < frac {
            let take = (d.len() - from).min(frac - written);
            body.extend_from_slice(&d[from..from + take]);
            written += take;
        }
    }
    zeros(body, frac - written)
}

/// Style e: one digit, the point and `frac` digits, then the exponent (at least two digits).
fn exp_body(
    body: &mut Vec<u8>,
    d: &[u8],
    p: i32,
    frac: usize,
    alt: bool,
    upper: bool,
) -> Converted {
    let (first, rest, exp) = if d.is_empty() {
        (b'0', &d[..0], 0i64)
    } else {
        (d[0], &d[1..], i64::from(p) - 1)
    };
    body.push(first);
    if frac > 0 || alt {
        body.push(b'.');
    }
    let take = rest.len().min(frac);
    body.extend_from_slice(&rest[..take]);
    zeros(body, frac - take)?;
    body.push(if upper { b'E' } else { b'e' });
    body.push(if exp < 0 { b'-' } else { b'+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        body.push(b'0');
    }
    body.extend_from_slice(e.to_string().as_bytes());
    Ok(())
}

/// `%a` after the `0x`: the leading digit (1, or 0 for zero and subnormals, which keep the
/// exponent -1022), the hex fraction (all significant digits without a precision, otherwise
/// rounded to nearest even, a carry making the leading digit 2), `p`, the binary exponent.
fn hex_float_body(x: f64, prec: Option<usize>, alt: bool, upper: bool) -> Result<Vec<u8>, Failure> {
    let bits = x.to_bits();
    let biased = (bits >> 52) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut leading, exp) = match (biased, frac) {
        (0, 0) => (0u8, 0i64),
        (0, _) => (0, -1022),
        _ => (1, biased - 1023),
    };
    let table: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut nibbles: Vec<u8> = (0..13)
        .rev()
        .map(|k| ((frac >> (4 * k)) & 0xf) as u8)
        .collect();
    while nibbles.last() == Some(&0) {
        nibbles.pop();
    }
    let prec = match prec {
        None => nibbles.len(),
        Some(p) if p < nibbles.len() => {
            let next = nibbles[p];
            let more = next & 7 != 0 || p + 1 < nibbles.len();
            let last = if p > 0 { nibbles[p - 1] } else { leading };
            nibbles.truncate(p);
            if next >= 8 && (more || last & 1 == 1) {
                let mut k = p;
                loop {
                    if k == 0 {
                        leading += 1;
                        break;
                    }
                    k -= 1;
                    if nibbles[k] == 15 {
                        nibbles[k] = 0;
                    } else {
                        nibbles[k] += 1;
                        break;
                    }
                }
            }
            p
        }
        Some(p) => p,
    };
    let mut body = vec![table[usize::from(leading)]];
    if prec > 0 || alt {
        body.push(b'.');
    }
    body.extend(nibbles.iter().map(|&n| table[usize::from(n)]));
    zeros(&mut body, prec - nibbles.len())?;
    body.push(if upper { b'P' } else { b'p' });
    body.push(if exp < 0 { b'-' } else { b'+' });
    body.extend_from_slice(exp.unsigned_abs().to_string().as_bytes());
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arguments given as a list of slots; strings live at fake addresses.
    struct Slots {
        slots: Vec<u64>,
        next: usize,
        strings: Vec<(u64, Vec<u8>)>,
        stored: Vec<(u64, u8, u64)>,
    }

    impl FormatArgs for Slots {
        type Error = String;
        fn next_slot(&mut self) -> Result<u64, String> {
            let s = self
                .slots
                .get(self.next)
                .copied()
                .ok_or("out of arguments")?;
            self.next += 1;
            Ok(s)
        }
        fn c_string(&mut self, addr: u64, limit: Option<usize>) -> Result<Vec<u8>, String> {
            let s = &self
                .strings
                .iter()
                .find(|(a, _)| *a == addr)
                .ok_or("bad address")?
                .1;
            Ok(s[..limit.unwrap_or(usize::MAX).min(s.len())].to_vec())
        }
        fn store_count(&mut self, addr: u64, size: u8, count: u64) -> Result<(), String> {
            self.stored.push((addr, size, count));
            Ok(())
        }
    }

    fn run(fmt: &str, slots: &[u64]) -> (String, Outcome) {
        let mut args = Slots {
            slots: slots.to_vec(),
            next: 0,
            strings: vec![(0x1000, b"hello".to_vec())],
            stored: Vec::new(),
        };
        let mut out = Vec::new();
        let outcome = format(fmt.as_bytes(), Target::LP64, &mut args, &mut out).unwrap();
        (String::from_utf8_lossy(&out).into_owned(), outcome)
    }

    fn f(fmt: &str, slots: &[u64]) -> String {
        let (s, o) = run(fmt, slots);
        assert_eq!(o, Outcome::Done, "{fmt}");
        s
    }

    fn d(x: f64) -> u64 {
        x.to_bits()
    }

    #[test]
    fn basics() {
        assert_eq!(
            f("%d|%5d|%-5d|%05d", &[42, 42, 42, (-42i64) as u64]),
            "42|   42|42   |-0042"
        );
        assert_eq!(
            f("%s %.3s %10.2s", &[0x1000, 0x1000, 0x1000]),
            "hello hel         he"
        );
        assert_eq!(f("%s|%.5s|%.6s", &[0, 0, 0]), "(null)||(null)");
        assert_eq!(f("%p %p %10p", &[0, 0x1234, 0]), "(nil) 0x1234      (nil)");
        assert_eq!(f("%hhd %hhu %hd", &[300, u64::MAX, 70000]), "44 255 4464");
        assert_eq!(
            f("%#.0f %+.3e % 05d %-#10x|", &[d(2.0), d(1234.5), 42, 255]),
            "2. +1.234e+03  0042 0xff      |"
        );
        assert_eq!(
            f("%.0e %g %g %#g", &[d(0.5), d(100000.0), d(1e-5), d(1.0)]),
            "5e-01 100000 1e-05 1.00000"
        );
        assert_eq!(
            f("%5c|%a|%a|%A", &[b'x' as u64, d(1.0), d(0.1), d(-0.0)]),
            "    x|0x1p+0|0x1.999999999999ap-4|-0X0P+0"
        );
        assert_eq!(f("%.1000f", &[d(1e300)]).len(), 301 + 1 + 1000);
        assert_eq!(f("%d %y %d", &[1, 2, 3]), "1 %y 2");
        assert_eq!(f("%2$d %1$d", &[1, 2]), "2 1");
        assert_eq!(
            run("abc%", &[]),
            ("abc".into(), Outcome::Failed(Failure::Invalid))
        );
        assert_eq!(f("%1$d%", &[5]), "5%");
        assert_eq!(run("%9999999d", &[1]).1, Outcome::Failed(Failure::Overflow));
        assert_eq!(
            run("%2147483648d", &[1]).1,
            Outcome::Failed(Failure::Overflow)
        );
        assert_eq!(f("%.2147483647s", &[0x1000]), "hello");
        assert_eq!(f("%.99999999g", &[d(0.5)]), "0.5");
        assert_eq!(
            run("%lc", &[0xe9]).1,
            Outcome::Failed(Failure::IllegalSequence)
        );
    }

    #[test]
    fn ilp32_long() {
        let mut args = Slots {
            slots: vec![0xffff_ffff, 0x1_0000_0005, 0xdead_beef_0000_0000],
            next: 0,
            strings: vec![],
            stored: vec![],
        };
        let mut out = Vec::new();
        let o = format(b"%ld %lu %p", Target::ILP32, &mut args, &mut out).unwrap();
        assert_eq!(o, Outcome::Done);
        assert_eq!(out, b"-1 5 (nil)");
    }

    #[test]
    fn percent_n() {
        let mut args = Slots {
            slots: vec![7, 0x2000, 0x3000],
            next: 0,
            strings: vec![],
            stored: vec![],
        };
        let mut out = Vec::new();
        format(b"ab%dc%n%hhn", Target::LP64, &mut args, &mut out).unwrap();
        assert_eq!(args.stored, vec![(0x2000, 4, 4), (0x3000, 1, 4)]);
    }
}
