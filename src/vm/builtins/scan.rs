//! The scanf engine: glibc's ISO C99 `vfscanf` (`__isoc99_sscanf` and friends, which gcc's
//! headers select) in the "C" locale.
//!
//! Pure: input comes from a [`ScanInput`] byte stream with one byte of lookahead (stdin or a
//! string), arguments from a [`ScanArgs`], which also stores the converted values into VM
//! memory. Like glibc, the engine needs no more than one byte of pushback, and where glibc
//! loses a byte (it read it, found it does not match, and failed the conversion without
//! pushing it back) this engine consumes it too.
//!
//! Conversions: `d i u o x X p n c s [ e E f F g G a A %`, `C` and `S`; `*` suppression,
//! widths, positional arguments `%m$`, length modifiers `hh h l ll L q j z Z t`. Stored
//! values are little-endian: integers in the size their modifier gives (`long` per target),
//! `float` in 4 bytes, `double` in 8.
//!
//! Deliberate limits: `L` (long double) stores a double, as the compiler has no wider type;
//! wide conversions (`%lc`, `%ls`, `%l[`, `%C`, `%S`) store each ASCII byte as a 4-byte
//! `wchar_t` and stop at a non-ASCII one, as the "C" locale does; the allocating `m` modifier
//! is not supported (the conversion fails).

use super::numparse::{is_space, strtod, strtof, strtol};
use crate::target::Target;

/// A byte stream with one byte of lookahead.
pub trait ScanInput {
    /// The next byte without consuming it; `None` at end of input.
    fn peek(&mut self) -> Option<u8>;
    /// Consumes and returns the next byte; `None` at end of input.
    fn next(&mut self) -> Option<u8>;
}

/// Where the engine gets its arguments and stores results.
pub trait ScanArgs {
    /// The error of the VM's memory or argument access; passed through unchanged.
    type Error;
    /// The next argument's 8-byte slot, raw (here always a pointer).
    fn next_slot(&mut self) -> Result<u64, Self::Error>;
    /// Writes `bytes` at `addr` in VM memory.
    fn store(&mut self, addr: u64, bytes: &[u8]) -> Result<(), Self::Error>;
}

/// A [`ScanInput`] over a byte string, for `sscanf`: it ends at the slice's end or at a NUL.
#[derive(Clone, Debug)]
pub struct StrInput<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> StrInput<'a> {
    /// Reads `bytes` up to the first NUL, if any.
    pub fn new(bytes: &'a [u8]) -> StrInput<'a> {
        let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
        StrInput {
            bytes: &bytes[..end],
            pos: 0,
        }
    }

    /// The bytes consumed so far.
    pub fn consumed(&self) -> usize {
        self.pos
    }
}

impl ScanInput for StrInput<'_> {
    fn peek(&mut self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.bytes.get(self.pos).copied();
        if b.is_some() {
            self.pos += 1;
        }
        b
    }
}

/// The value scanf returns for an input failure before any assignment.
pub const EOF: i32 = -1;

/// Runs `fmt` (ending at its first NUL, if any) over `input`, storing through `args`.
/// Returns what scanf returns: the number of assignments made, or [`EOF`] if the input ended
/// (an input failure) before the first assignment. Errors from `args` are passed through.
pub fn scan<I: ScanInput, A: ScanArgs>(
    fmt: &[u8],
    target: Target,
    input: &mut I,
    args: &mut A,
) -> Result<i32, A::Error> {
    let fmt = match fmt.iter().position(|&b| b == 0) {
        Some(n) => &fmt[..n],
        None => fmt,
    };
    let mut s = Scanner {
        input: Counted {
            inner: input,
            read: 0,
        },
        args: ArgList {
            inner: args,
            slots: Vec::new(),
            posn: 0,
        },
        target,
        done: 0,
    };
    match s.run(fmt)? {
        Stop::Finished | Stop::Mismatch => Ok(s.done),
        Stop::InputFailure => Ok(if s.done == 0 { EOF } else { s.done }),
    }
}

/// Why scanning stopped.
enum Stop {
    /// The format was used up.
    Finished,
    /// A matching failure (glibc's `conv_error`): returns the count so far.
    Mismatch,
    /// An input failure (glibc's `input_error`): EOF if nothing was assigned yet.
    InputFailure,
}

/// The input, counting consumed bytes for `%n`.
struct Counted<'a, I> {
    inner: &'a mut I,
    read: u64,
}

impl<I: ScanInput> Counted<'_, I> {
    fn peek(&mut self) -> Option<u8> {
        self.inner.peek()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.inner.next();
        if b.is_some() {
            self.read += 1;
        }
        b
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(is_space) {
            self.next();
        }
    }
}

struct ArgList<'a, A> {
    inner: &'a mut A,
    slots: Vec<u64>,
    /// The next argument for a conversion without `m$`.
    posn: usize,
}

impl<A: ScanArgs> ArgList<'_, A> {
    /// The pointer for a conversion: argument `m-1` for `%m$`, else the next one in order
    /// (glibc keeps that order apart from the positional ones).
    fn pointer(&mut self, argpos: usize) -> Result<u64, A::Error> {
        let index = if argpos == 0 {
            self.posn += 1;
            self.posn - 1
        } else {
            argpos - 1
        };
        while self.slots.len() <= index {
            let slot = self.inner.next_slot()?;
            self.slots.push(slot);
        }
        Ok(self.slots[index])
    }
}

/// A field width: how many more bytes a conversion may consume; `None` for no limit.
#[derive(Clone, Copy, Debug)]
struct Width(Option<usize>);

impl Width {
    fn exhausted(self) -> bool {
        self.0 == Some(0)
    }

    fn take(&mut self) {
        if let Some(w) = &mut self.0 {
            *w = w.saturating_sub(1);
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Length {
    None,
    Hh,
    H,
    L,
    /// `ll`, `L`, `q`.
    Ll,
    /// `j`: intmax_t, 64 bits.
    J,
    /// `z`, `Z`, `t`: pointer-sized.
    Z,
}

struct Scanner<'a, I, A> {
    input: Counted<'a, I>,
    args: ArgList<'a, A>,
    target: Target,
    done: i32,
}

/// Reads a decimal number in the format; `None` on overflow past `INT_MAX` (glibc's
/// `read_int` gives -1 then).
fn read_int(fmt: &[u8], i: &mut usize) -> Option<usize> {
    let mut n: Option<usize> = Some(0);
    while *i < fmt.len() && fmt[*i].is_ascii_digit() {
        let d = usize::from(fmt[*i] - b'0');
        n = n
            .and_then(|n| n.checked_mul(10))
            .and_then(|n| n.checked_add(d))
            .filter(|&n| n <= i32::MAX as usize);
        *i += 1;
    }
    n
}

impl<I: ScanInput, A: ScanArgs> Scanner<'_, I, A> {
    fn run(&mut self, fmt: &[u8]) -> Result<Stop, A::Error> {
        let mut i = 0;
        let mut skip_space = false;
        while i < fmt.len() {
            let fc = fmt[i];
            i += 1;
            if fc != b'%' {
                if is_space(fc) {
                    // Whitespace matches any amount, skipped when the next directive runs.
                    skip_space = true;
                    continue;
                }
                if skip_space {
                    self.input.skip_space();
                    skip_space = false;
                }
                match self.input.peek() {
                    None => return Ok(Stop::InputFailure),
                    Some(c) if c != fc => return Ok(Stop::Mismatch),
                    Some(_) => {
                        self.input.next();
                    }
                }
                continue;
            }
            // A conversion: [m$] [*'I]* [width] [length] conversion.
            let mut argpos = 0usize;
            let mut suppress = false;
            let mut width: Option<usize> = None;
            let mut have_width = false;
            if i < fmt.len() && fmt[i].is_ascii_digit() {
                let n = read_int(fmt, &mut i);
                if fmt.get(i) == Some(&b'$') {
                    i += 1;
                    argpos = n.unwrap_or(0);
                } else {
                    width = n;
                    have_width = true;
                }
            }
            if !have_width {
                while i < fmt.len() && matches!(fmt[i], b'*' | b'\'' | b'I') {
                    suppress |= fmt[i] == b'*';
                    i += 1;
                }
                if i < fmt.len() && fmt[i].is_ascii_digit() {
                    width = read_int(fmt, &mut i);
                }
            }
            // A zero or overflowing width means no limit.
            let width = Width(width.filter(|&w| w != 0));
            let mut length = Length::None;
            let mut malloc = false;
            if i < fmt.len() {
                match fmt[i] {
                    b'h' => {
                        i += 1;
                        length = if fmt.get(i) == Some(&b'h') {
                            i += 1;
                            Length::Hh
                        } else {
                            Length::H
                        };
                    }
                    b'l' => {
                        i += 1;
                        length = if fmt.get(i) == Some(&b'l') {
                            i += 1;
                            Length::Ll
                        } else {
                            Length::L
                        };
                    }
                    b'L' | b'q' => {
                        i += 1;
                        length = Length::Ll;
                    }
                    b'j' => {
                        i += 1;
                        length = Length::J;
                    }
                    b'z' | b'Z' | b't' => {
                        i += 1;
                        length = Length::Z;
                    }
                    b'm' => {
                        i += 1;
                        malloc = true;
                        if fmt.get(i) == Some(&b'l') {
                            i += 1;
                            length = Length::L;
                        }
                    }
                    _ => {}
                }
            }
            let Some(&conv) = fmt.get(i) else {
                return Ok(Stop::Mismatch);
            };
            i += 1;
            if skip_space || !matches!(conv, b'[' | b'c' | b'C' | b'n') {
                self.input.skip_space();
                skip_space = false;
            }
            if malloc {
                return Ok(Stop::Mismatch);
            }
            let conv_spec = Conv {
                argpos,
                suppress,
                width,
                length,
            };
            let stop = match conv {
                b'%' => match self.input.peek() {
                    None => Some(Stop::InputFailure),
                    Some(b'%') => {
                        self.input.next();
                        None
                    }
                    Some(_) => Some(Stop::Mismatch),
                },
                b'n' => {
                    if !suppress {
                        let addr = self.args.pointer(argpos)?;
                        let size = self.int_size(length);
                        let count = self.input.read;
                        self.args.inner.store(addr, &count.to_le_bytes()[..size])?;
                    }
                    None
                }
                b'c' | b'C' => self.chars(&conv_spec, conv == b'C' || self.long_flag(length))?,
                b's' | b'S' => self.string(&conv_spec, conv == b'S' || self.long_flag(length))?,
                b'[' => {
                    let (set, next) = match parse_scanset(fmt, i) {
                        Some(x) => x,
                        None => return Ok(Stop::Mismatch),
                    };
                    i = next;
                    self.scanset(&conv_spec, &set, self.long_flag(length))?
                }
                b'd' => self.integer(&conv_spec, 10, true, false)?,
                b'i' => self.integer(&conv_spec, 0, true, false)?,
                b'u' => self.integer(&conv_spec, 10, false, false)?,
                b'o' => self.integer(&conv_spec, 8, false, false)?,
                b'x' | b'X' => self.integer(&conv_spec, 16, false, false)?,
                b'p' => self.integer(&conv_spec, 16, false, true)?,
                b'e' | b'E' | b'f' | b'F' | b'g' | b'G' | b'a' | b'A' => self.float(&conv_spec)?,
                _ => Some(Stop::Mismatch),
            };
            if let Some(stop) = stop {
                return Ok(stop);
            }
        }
        if skip_space {
            self.input.skip_space();
        }
        Ok(Stop::Finished)
    }

    /// Whether glibc's `LONG` flag is set, which makes `%c`, `%s` and `%[` wide: `l`, `ll`,
    /// `L`, `q`, and `j`, `z`, `t` where those types are wider than `int`.
    fn long_flag(&self, length: Length) -> bool {
        match length {
            Length::L | Length::Ll => true,
            Length::J => self.target.long_size == 8,
            Length::Z => self.target.ptr_size == 8,
            Length::None | Length::H | Length::Hh => false,
        }
    }

    /// Bytes stored for an integer conversion (and `%n`) with this length modifier.
    fn int_size(&self, length: Length) -> usize {
        match length {
            Length::Hh => 1,
            Length::H => 2,
            Length::None => 4,
            Length::L => self.target.long_size as usize,
            Length::Ll | Length::J => 8,
            Length::Z => self.target.ptr_size as usize,
        }
    }

    fn assign(&mut self, spec: &Conv, bytes: &[u8]) -> Result<(), A::Error> {
        let addr = self.args.pointer(spec.argpos)?;
        self.args.inner.store(addr, bytes)?;
        self.done += 1;
        Ok(())
    }

    /// Stores collected characters, widened to 4-byte `wchar_t` for the wide forms.
    fn assign_chars(
        &mut self,
        spec: &Conv,
        chars: &[u8],
        nul: bool,
        wide: bool,
    ) -> Result<(), A::Error> {
        let mut bytes: Vec<u8> = Vec::with_capacity(chars.len() * 4 + 4);
        for &c in chars.iter().chain(if nul { &[0u8][..] } else { &[][..] }) {
            if wide {
                bytes.extend_from_slice(&u32::from(c).to_le_bytes());
            } else {
                bytes.push(c);
            }
        }
        self.assign(spec, &bytes)
    }

    /// Stores the wide characters converted before an encoding error, without counting an
    /// assignment.
    fn store_wide_partial(&mut self, spec: &Conv, chars: &[u8]) -> Result<(), A::Error> {
        let addr = self.args.pointer(spec.argpos)?;
        let bytes: Vec<u8> = chars
            .iter()
            .flat_map(|&c| u32::from(c).to_le_bytes())
            .collect();
        self.args.inner.store(addr, &bytes)
    }

    /// `%c`: exactly `width` (default 1) bytes, whitespace included, fewer at end of input.
    fn chars(&mut self, spec: &Conv, wide: bool) -> Result<Option<Stop>, A::Error> {
        let want = spec.width.0.unwrap_or(1);
        let mut got = Vec::new();
        if self.input.peek().is_none() {
            return Ok(Some(Stop::InputFailure));
        }
        while got.len() < want {
            match self.input.peek() {
                None => break,
                Some(c) if wide && !c.is_ascii() => {
                    // No wide character for it in the "C" locale: glibc stops here, having
                    // stored the characters before it.
                    self.input.next();
                    if !spec.suppress && !got.is_empty() {
                        self.store_wide_partial(spec, &got)?;
                    }
                    return Ok(Some(Stop::Mismatch));
                }
                Some(c) => {
                    self.input.next();
                    got.push(c);
                }
            }
        }
        if !spec.suppress {
            self.assign_chars(spec, &got, false, wide)?;
        }
        Ok(None)
    }

    /// `%s`: a run of non-whitespace bytes, NUL-terminated.
    fn string(&mut self, spec: &Conv, wide: bool) -> Result<Option<Stop>, A::Error> {
        if self.input.peek().is_none() {
            return Ok(Some(Stop::InputFailure));
        }
        let mut width = spec.width;
        let mut got = Vec::new();
        while let Some(c) = self.input.peek() {
            if is_space(c) {
                break;
            }
            if wide && !c.is_ascii() {
                self.input.next();
                if !spec.suppress && !got.is_empty() {
                    self.store_wide_partial(spec, &got)?;
                }
                return Ok(Some(Stop::Mismatch));
            }
            self.input.next();
            got.push(c);
            width.take();
            if width.exhausted() {
                break;
            }
        }
        if !spec.suppress {
            self.assign_chars(spec, &got, true, wide)?;
        }
        Ok(None)
    }

    /// `%[`: a nonempty run of bytes from the set, NUL-terminated.
    fn scanset(
        &mut self,
        spec: &Conv,
        set: &[bool; 256],
        wide: bool,
    ) -> Result<Option<Stop>, A::Error> {
        if self.input.peek().is_none() {
            return Ok(Some(Stop::InputFailure));
        }
        let mut width = spec.width;
        let mut got = Vec::new();
        while let Some(c) = self.input.peek() {
            if !set[usize::from(c)] {
                break;
            }
            self.input.next();
            got.push(c);
            width.take();
            if width.exhausted() {
                break;
            }
        }
        if got.is_empty() {
            return Ok(Some(Stop::Mismatch));
        }
        if spec.suppress {
            return Ok(None);
        }
        if wide && !got.is_ascii() {
            // glibc's %l[ ignores the failure of converting a non-ASCII byte: it skips a
            // wchar_t without writing it. Store the runs around those holes.
            let addr = self.args.pointer(spec.argpos)?;
            got.push(0);
            let mut k = 0;
            while k < got.len() {
                if !got[k].is_ascii() {
                    k += 1;
                    continue;
                }
                let end = got[k..]
                    .iter()
                    .position(|b| !b.is_ascii())
                    .map_or(got.len(), |n| k + n);
                let bytes: Vec<u8> = got[k..end]
                    .iter()
                    .flat_map(|&c| u32::from(c).to_le_bytes())
                    .collect();
                self.args.inner.store(addr + 4 * k as u64, &bytes)?;
                k = end;
            }
            self.done += 1;
            return Ok(None);
        }
        self.assign_chars(spec, &got, true, wide)?;
        Ok(None)
    }

    /// Integer conversions. Like glibc, the accepted characters are collected (sign, digits,
    /// a `0x` whose `x` is dropped) and handed to `strtol`/`strtoul`, whose clamped result is
    /// then truncated to the stored size.
    fn integer(
        &mut self,
        spec: &Conv,
        base: u32,
        signed: bool,
        pointer: bool,
    ) -> Result<Option<Stop>, A::Error> {
        let mut width = spec.width;
        let mut base = base;
        let mut buf: Vec<u8> = Vec::new();
        let Some(mut c) = self.input.peek() else {
            return Ok(Some(Stop::InputFailure));
        };
        if c == b'-' || c == b'+' {
            buf.push(c);
            self.input.next();
            width.take();
            c = self.input.peek().unwrap_or(0);
        }
        if !width.exhausted() && c == b'0' {
            buf.push(c);
            self.input.next();
            width.take();
            c = self.input.peek().unwrap_or(0);
            if !width.exhausted() && c | 0x20 == b'x' {
                if base == 0 {
                    base = 16;
                }
                if base == 16 {
                    // The `x` is consumed but not collected.
                    self.input.next();
                    width.take();
                }
            } else if base == 0 {
                base = 8;
            }
        }
        if base == 0 {
            base = 10;
        }
        while !width.exhausted() {
            let Some(c) = self.input.peek() else { break };
            let ok = if base == 16 {
                c.is_ascii_hexdigit()
            } else {
                c.is_ascii_digit() && u32::from(c - b'0') < base
            };
            if !ok {
                break;
            }
            buf.push(c);
            self.input.next();
            width.take();
        }
        if buf.is_empty() || (buf.len() == 1 && (buf[0] == b'-' || buf[0] == b'+')) {
            // %p also reads back what printf writes for a null pointer.
            let nil_ok = pointer
                && buf.is_empty()
                && spec.width.0.is_none_or(|w| w >= 5)
                && self.input.peek() == Some(b'(');
            if !nil_ok || !self.expect_ci(b"(nil)") {
                return Ok(Some(Stop::Mismatch));
            }
            buf.push(b'0');
        }
        let size = if pointer {
            self.target.ptr_size as usize
        } else {
            self.int_size(spec.length)
        };
        // glibc converts with strtol (long) unless long is narrower than long long and the
        // modifier asks for 64 bits.
        let long_bits = (self.target.long_size * 8) as u32;
        let bits = if long_bits < 64 && matches!(spec.length, Length::Ll | Length::J) {
            64
        } else {
            long_bits
        };
        let parsed = strtol(&buf, base, bits, signed);
        if parsed.consumed == 0 {
            return Ok(Some(Stop::Mismatch));
        }
        if !spec.suppress {
            self.assign(spec, &parsed.value.to_le_bytes()[..size])?;
        }
        Ok(None)
    }

    /// Matches `word` case-insensitively, consuming each matching byte; a mismatching byte is
    /// left unread.
    fn expect_ci(&mut self, word: &[u8]) -> bool {
        for &w in word {
            match self.input.peek() {
                Some(c) if c.eq_ignore_ascii_case(&w) => {
                    self.input.next();
                }
                _ => return false,
            }
        }
        true
    }

    /// One more letter of "nan"/"inf"/"infinity" (case-insensitive). glibc reads the byte
    /// whatever it is, so a mismatching byte is consumed too before the conversion fails.
    fn float_letter(&mut self, width: &mut Width, buf: &mut Vec<u8>, want: u8) -> bool {
        if width.exhausted() {
            return false;
        }
        match self.input.next() {
            Some(c) if c.eq_ignore_ascii_case(&want) => {
                width.take();
                buf.push(c);
                true
            }
            _ => false,
        }
    }

    /// Floating conversions, following glibc 2.36's character collection, then `strtod` or
    /// `strtof` on what was collected. Here glibc counts a byte against the width as soon as
    /// it looks at it, which decides e.g. whether `%3f` takes the `x` of "-0x1".
    fn float(&mut self, spec: &Conv) -> Result<Option<Stop>, A::Error> {
        let mut width = spec.width;
        let mut buf: Vec<u8> = Vec::new();
        let Some(mut c) = self.input.peek() else {
            return Ok(Some(Stop::InputFailure));
        };
        width.take();
        let mut got_sign = false;
        if c == b'-' || c == b'+' {
            got_sign = true;
            buf.push(c);
            self.input.next();
            if width.exhausted() {
                return Ok(Some(Stop::Mismatch));
            }
            match self.input.peek() {
                Some(n) => c = n,
                None => return Ok(Some(Stop::Mismatch)),
            }
            width.take();
        }
        let lower = c.to_ascii_lowercase();
        if lower == b'n' || lower == b'i' {
            buf.push(c);
            self.input.next();
            let rest: &[u8] = if lower == b'n' { b"an" } else { b"nf" };
            for &w in rest {
                if !self.float_letter(&mut width, &mut buf, w) {
                    return Ok(Some(Stop::Mismatch));
                }
            }
            if lower == b'i'
                && !width.exhausted()
                && self.input.peek().is_some_and(|c| c | 0x20 == b'i')
            {
                // "infinity" must then be complete.
                for &w in b"inity" {
                    if !self.float_letter(&mut width, &mut buf, w) {
                        return Ok(Some(Stop::Mismatch));
                    }
                }
            }
            return self.store_float(spec, &buf);
        }
        let mut hex = false;
        let mut got_digit = false;
        let mut got_dot = false;
        let mut got_e = false;
        let mut exp_char = b'e';
        let mut cur = Some(c);
        if !width.exhausted() && c == b'0' {
            buf.push(c);
            self.input.next();
            cur = self.input.peek();
            width.take();
            if !width.exhausted() && cur.is_some_and(|n| n | 0x20 == b'x') {
                buf.push(cur.unwrap_or(b'x'));
                self.input.next();
                hex = true;
                exp_char = b'p';
                cur = self.input.peek();
                width.take();
            } else {
                got_digit = true;
            }
        }
        while let Some(c) = cur {
            if c.is_ascii_digit() || (!got_e && hex && c.is_ascii_hexdigit()) {
                buf.push(c);
                got_digit = true;
            } else if got_e && buf.last() == Some(&exp_char) && (c == b'-' || c == b'+') {
                buf.push(c);
            } else if got_digit && !got_e && c | 0x20 == exp_char {
                buf.push(exp_char);
                got_e = true;
                got_dot = true;
            } else if !got_dot && c == b'.' {
                buf.push(c);
                got_dot = true;
            } else {
                break;
            }
            self.input.next();
            if width.exhausted() {
                break;
            }
            cur = self.input.peek();
            width.take();
        }
        // A bare "0x" (after the sign, if any) is no number; the rest is left to strtod.
        let sign_len = usize::from(got_sign);
        if buf.len() == sign_len || (hex && buf.len() == 2 + sign_len) {
            return Ok(Some(Stop::Mismatch));
        }
        self.store_float(spec, &buf)
    }

    fn store_float(&mut self, spec: &Conv, buf: &[u8]) -> Result<Option<Stop>, A::Error> {
        // glibc stores a double for `l` and for the modifiers it reads as `long` (`z`, `t`, `j`
        // on LP64); `L`/`ll`/`q` (and `j` on ILP32) would be long double, stored here as double
        // too. Only `h`, `hh` and no modifier give a float.
        let double = match spec.length {
            Length::None | Length::H | Length::Hh => false,
            Length::L | Length::Ll | Length::J => true,
            Length::Z => self.target.ptr_size > 4,
        };
        let (consumed, bytes) = if double {
            let p = strtod(buf);
            (p.consumed, p.value.to_le_bytes().to_vec())
        } else {
            let p = strtof(buf);
            (p.consumed, p.value.to_le_bytes().to_vec())
        };
        if consumed == 0 {
            return Ok(Some(Stop::Mismatch));
        }
        if !spec.suppress {
            self.assign(spec, &bytes)?;
        }
        Ok(None)
    }
}

/// One conversion's modifiers.
struct Conv {
    argpos: usize,
    suppress: bool,
    width: Width,
    length: Length,
}

/// Parses a scanset after `%[` (at `i`): an optional `^`, then `]` or `-` first as members,
/// then members and `a-z` ranges (a `-` with a smaller byte after it, or last, is itself a
/// member) up to `]`. Returns the membership table and the index after `]`; `None` if the
/// format ends first.
fn parse_scanset(fmt: &[u8], mut i: usize) -> Option<([bool; 256], usize)> {
    let mut set = [false; 256];
    let mut negate = false;
    if fmt.get(i) == Some(&b'^') {
        negate = true;
        i += 1;
    }
    let first = i;
    if let Some(&c) = fmt.get(i)
        && (c == b']' || c == b'-')
    {
        set[usize::from(c)] = true;
        i += 1;
    }
    loop {
        let &fc = fmt.get(i)?;
        i += 1;
        if fc == b']' {
            break;
        }
        let next = fmt.get(i).copied();
        if fc == b'-' && i >= first + 2 && next.is_some_and(|n| n != b']' && fmt[i - 2] <= n) {
            let from = fmt[i - 2];
            let to = next.unwrap_or(0);
            for b in from..to {
                set[usize::from(b)] = true;
            }
        } else {
            set[usize::from(fc)] = true;
        }
    }
    if negate {
        for m in set.iter_mut() {
            *m = !*m;
        }
    }
    Some((set, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Arguments are addresses 0, 1, 2...; each store is recorded.
    struct Recorder {
        next: u64,
        stores: Vec<(u64, Vec<u8>)>,
    }

    impl ScanArgs for Recorder {
        type Error = ();
        fn next_slot(&mut self) -> Result<u64, ()> {
            self.next += 1;
            Ok(self.next - 1)
        }
        fn store(&mut self, addr: u64, bytes: &[u8]) -> Result<(), ()> {
            self.stores.push((addr, bytes.to_vec()));
            Ok(())
        }
    }

    fn run(input: &str, fmt: &str) -> (i32, Vec<(u64, Vec<u8>)>, usize) {
        let mut inp = StrInput::new(input.as_bytes());
        let mut args = Recorder {
            next: 0,
            stores: vec![],
        };
        let r = scan(fmt.as_bytes(), Target::LP64, &mut inp, &mut args).unwrap();
        (r, args.stores, inp.consumed())
    }

    fn int(bytes: &[u8]) -> i64 {
        let mut b = [0u8; 8];
        b[..bytes.len()].copy_from_slice(bytes);
        let v = i64::from_le_bytes(b);
        let shift = 64 - 8 * bytes.len();
        (v << shift) >> shift
    }

    #[test]
    fn integers() {
        assert_eq!(run("abc", "%d").0, 0);
        assert_eq!(run("", "%d").0, -1);
        assert_eq!(run("   ", "%d").0, -1);
        assert_eq!(run("12", "%*d%d").0, -1);
        let (r, st, _) = run(" -42 17", "%d%hhd");
        assert_eq!(r, 2);
        assert_eq!(int(&st[0].1), -42);
        assert_eq!(st[1].1, vec![17]);
        let (r, st, used) = run("0xg", "%x%c");
        assert_eq!((r, used), (2, 3));
        assert_eq!(st[1].1, b"g");
        assert_eq!(int(&run("99999999999999999999", "%d").1[0].1), -1);
        assert_eq!(int(&run("08", "%i").1[0].1), 0);
        assert_eq!(
            run("12345", "%3d%d")
                .1
                .iter()
                .map(|s| int(&s.1))
                .collect::<Vec<_>>(),
            vec![123, 45]
        );
        assert_eq!(run("(nil)", "%p").1[0].1, vec![0; 8]);
        assert_eq!(run("7", "%ld").1[0].1.len(), 8);
    }

    #[test]
    fn strings_and_sets() {
        let (r, st, _) = run("abc def", "%2s%s");
        assert_eq!(r, 2);
        assert_eq!(st[0].1, b"ab\0");
        assert_eq!(st[1].1, b"c\0");
        assert_eq!(run("-a[", "%[-a]").1[0].1, b"-a\0");
        assert_eq!(run("]a", "%[]a]").1[0].1, b"]a\0");
        assert_eq!(run("b-a", "%[b-a]").1[0].1, b"b-a\0");
        assert_eq!(run("za", "%[^a]").1[0].1, b"z\0");
        assert_eq!(run("x", "%[a]").0, 0);
        assert_eq!(run("", "%[a]").0, -1);
        assert_eq!(run("a", "%5c").1[0].1, b"a");
        assert_eq!(run("  x", "%c").1[0].1, b" ");
        assert_eq!(run("  x", " %c").1[0].1, b"x");
    }

    #[test]
    fn floats_and_literals() {
        let (r, st, used) = run("1.5e", "%lf");
        assert_eq!((r, used), (1, 4));
        assert_eq!(st[0].1, 1.5f64.to_le_bytes());
        assert_eq!(run("0x", "%lf").0, 0);
        assert_eq!(run("infinit", "%lf").0, 0);
        assert_eq!(run("0.1", "%f").1[0].1, 0.1f32.to_le_bytes());
        assert_eq!(run("5 %", "%d%%%n").1[1].1, 3i32.to_le_bytes());
        assert_eq!(run("5", "%dy").0, 1);
        assert_eq!(run("", " %n").0, 0);
        assert_eq!(
            run("1 2", "%2$d %1$d").1,
            vec![
                (1, 1i32.to_le_bytes().to_vec()),
                (0, 2i32.to_le_bytes().to_vec())
            ]
        );
    }
}
