//! The number parsers of the C library (`strtol` and friends, `strtod`, `atoi`, ...), with
//! glibc's exact semantics in the "C" locale.
//!
//! They are pure functions over the bytes of a C string; the VM reads the string out of its
//! memory, calls them, and turns [`Parsed::consumed`] into `*endptr` and
//! [`Parsed::overflow`] into `errno = ERANGE`. A NUL byte, if the slice holds one, ends the
//! string as in C.
//!
//! This module also holds the exact binary-to-decimal expansion shared with the printf
//! engine.

use std::cmp::Ordering;

use crate::target::Target;

/// The result of a parse.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Parsed<T> {
    /// The converted value (for the integer parsers: the C value's bits, sign-extended to 64
    /// bits for signed types and zero-extended for unsigned ones).
    pub value: T,
    /// Bytes used, counted from the start of the input, leading white space included:
    /// `*endptr = nptr + consumed`. 0 when nothing was converted (`*endptr = nptr`).
    pub consumed: usize,
    /// glibc would set `errno` to `ERANGE`: the integer was out of range and `value` is
    /// clamped, or (for `strtod`/`strtof`) the result overflowed to infinity or underflowed
    /// (inexact and below the smallest normal number).
    pub overflow: bool,
}

/// `isspace` in the "C" locale.
pub fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The string up to its first NUL.
fn c_str(s: &[u8]) -> &[u8] {
    match s.iter().position(|&b| b == 0) {
        Some(n) => &s[..n],
        None => s,
    }
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => u32::from(c - b'0'),
        b'a'..=b'z' => u32::from(c - b'a') + 10,
        b'A'..=b'Z' => u32::from(c - b'A') + 10,
        _ => u32::MAX,
    }
}

/// `strtol`, `strtoul`, `strtoll`, `strtoull` (and `strtoimax`/`strtoumax`) for an integer of
/// `bits` bits (32 or 64; anything else is taken as 64), signed or not.
///
/// glibc's rules: leading white space, an optional sign, a `0x`/`0X` prefix for base 16 or 0,
/// a leading `0` meaning octal for base 0. With a `0x` prefix and no hex digit after it, the
/// `0` alone is the number. On overflow the value is clamped (to `LONG_MAX`/`LONG_MIN` or
/// `ULONG_MAX`) and `overflow` is set. The unsigned parsers negate in the unsigned type, so
/// `"-1"` gives `ULONG_MAX` without overflow. An invalid base (1 or above 36; pass a negative C
/// `int` as e.g. `u32::MAX`) converts nothing (glibc also sets `EINVAL` then).
pub fn strtol(s: &[u8], base: u32, bits: u32, signed: bool) -> Parsed<u64> {
    let none = Parsed {
        value: 0,
        consumed: 0,
        overflow: false,
    };
    let s = c_str(s);
    if base == 1 || base > 36 {
        return none;
    }
    let bits = if bits == 32 { 32 } else { 64 };
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        negative = s[i] == b'-';
        i += 1;
    }
    let mut base = base;
    // Where the number ends if only the `0` of a `0x` prefix turns out to be the number.
    let mut zero_of_prefix = None;
    if i < s.len() && s[i] == b'0' {
        if (base == 0 || base == 16) && s.get(i + 1).is_some_and(|&c| c | 0x20 == b'x') {
            zero_of_prefix = Some(i + 1);
            i += 2;
            base = 16;
        } else if base == 0 {
            base = 8;
        }
    } else if base == 0 {
        base = 10;
    }
    let start = i;
    let mut magnitude: u64 = 0;
    let mut too_big = false;
    while i < s.len() {
        let d = digit_value(s[i]);
        if d >= base {
            break;
        }
        match magnitude
            .checked_mul(u64::from(base))
            .and_then(|m| m.checked_add(u64::from(d)))
        {
            Some(m) => magnitude = m,
            None => too_big = true,
        }
        i += 1;
    }
    if i == start {
        return match zero_of_prefix {
            Some(end) => Parsed {
                value: 0,
                consumed: end,
                overflow: false,
            },
            None => none,
        };
    }
    let (value, overflow) = clamp_integer(magnitude, too_big, negative, bits, signed);
    Parsed {
        value,
        consumed: i,
        overflow,
    }
}

/// Applies the sign and the range of the C type to a parsed magnitude.
fn clamp_integer(
    magnitude: u64,
    too_big: bool,
    negative: bool,
    bits: u32,
    signed: bool,
) -> (u64, bool) {
    let umax: u64 = if bits == 32 {
        u64::from(u32::MAX)
    } else {
        u64::MAX
    };
    if signed {
        let max = umax >> 1;
        let sign_extend = |v: u64| -> u64 {
            if bits == 32 {
                v as u32 as i32 as i64 as u64
            } else {
                v
            }
        };
        if negative {
            // |LONG_MIN| = LONG_MAX + 1.
            if too_big || magnitude > max + 1 {
                (sign_extend(max + 1), true)
            } else {
                (sign_extend(magnitude.wrapping_neg() & umax), false)
            }
        } else if too_big || magnitude > max {
            (max, true)
        } else {
            (magnitude, false)
        }
    } else if too_big || magnitude > umax {
        (umax, true)
    } else if negative {
        (magnitude.wrapping_neg() & umax, false)
    } else {
        (magnitude, false)
    }
}

/// `atoi`: `(int) strtol(s, NULL, 10)`, so on LP64 an out-of-range value is first clamped to
/// the 64-bit range and then truncated to 32 bits, as glibc does.
pub fn atoi(s: &[u8], target: Target) -> i32 {
    atol(s, target) as i32
}

/// `atol`: `strtol(s, NULL, 10)`, sign-extended to 64 bits.
pub fn atol(s: &[u8], target: Target) -> i64 {
    let bits = (target.long_size * 8) as u32;
    strtol(s, 10, bits, true).value as i64
}

/// `atoll`: `strtoll(s, NULL, 10)`.
pub fn atoll(s: &[u8]) -> i64 {
    strtol(s, 10, 64, true).value as i64
}

/// `atof`: `strtod(s, NULL)`.
pub fn atof(s: &[u8]) -> f64 {
    strtod(s).value
}

/// `strtod`: decimal and hexadecimal floating constants, `inf`/`infinity`, `nan` and
/// `nan(n-char-sequence)` (whose number, if it parses whole as by `strtoull(.., 0)`, becomes
/// the NaN's payload as in glibc), all case-insensitive after optional white space and sign.
/// Correctly rounded (to nearest, ties to even) like glibc.
pub fn strtod(s: &[u8]) -> Parsed<f64> {
    let (num, consumed) = scan_float_syntax(c_str(s));
    let (value, overflow) = match num {
        FloatSyntax::None => (0.0, false),
        FloatSyntax::Inf { negative } => (
            if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            },
            false,
        ),
        FloatSyntax::Nan { negative, payload } => {
            let mut bits = 0x7ff8_0000_0000_0000u64;
            if let Some(p) = payload {
                bits |= p & 0x0007_ffff_ffff_ffff;
            }
            if negative {
                bits |= 1 << 63;
            }
            (f64::from_bits(bits), false)
        }
        FloatSyntax::Finite(n) => round_number(&n, &F64),
    };
    Parsed {
        value,
        consumed,
        overflow,
    }
}

/// `strtof`: as [`strtod`] but rounded once, directly to `float` (no double rounding).
pub fn strtof(s: &[u8]) -> Parsed<f32> {
    let (num, consumed) = scan_float_syntax(c_str(s));
    let (value, overflow) = match num {
        FloatSyntax::None => (0.0, false),
        FloatSyntax::Inf { negative } => (
            if negative {
                f32::NEG_INFINITY
            } else {
                f32::INFINITY
            },
            false,
        ),
        FloatSyntax::Nan { negative, payload } => {
            let mut bits = 0x7fc0_0000u32;
            if let Some(p) = payload {
                bits |= (p as u32) & 0x003f_ffff;
            }
            if negative {
                bits |= 1 << 31;
            }
            (f32::from_bits(bits), false)
        }
        FloatSyntax::Finite(n) => {
            let (v, o) = round_number(&n, &F32);
            (v as f32, o)
        }
    };
    Parsed {
        value,
        consumed,
        overflow,
    }
}

/// A finite number as written: `(-1)^negative × 0.digits × base^point` where the base is 10
/// (decimal) or 2 (hexadecimal, whose digits are then bits).
struct WrittenNumber {
    negative: bool,
    hex: bool,
    /// Significant digits without leading or trailing zeros (decimal: ASCII digits; hex: bits
    /// 0/1), at most [`MAX_DIGITS`] of them; empty for zero.
    digits: Vec<u8>,
    /// True when nonzero digits were dropped after the kept ones.
    sticky: bool,
    /// Decimal (or binary) exponent of the point, saturated far outside any useful range.
    point: i64,
}

enum FloatSyntax {
    None,
    Inf {
        negative: bool,
    },
    Nan {
        negative: bool,
        payload: Option<u64>,
    },
    Finite(WrittenNumber),
}

/// Digits kept of a written number: more than the 767 significant digits a double (or the
/// 1074+53 bits) can need, so truncation plus a sticky flag decides everything exactly.
const MAX_DIGITS: usize = 1200;
/// Exponent saturation bound: far beyond any double, small enough never to overflow.
const EXP_LIMIT: i64 = 1 << 40;

fn starts_with_ci(s: &[u8], word: &[u8]) -> bool {
    s.len() >= word.len() && s[..word.len()].eq_ignore_ascii_case(word)
}

/// Recognises the longest prefix that is a floating constant, as glibc's `strtod` does.
fn scan_float_syntax(s: &[u8]) -> (FloatSyntax, usize) {
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < s.len() && (s[i] == b'-' || s[i] == b'+') {
        negative = s[i] == b'-';
        i += 1;
    }
    let rest = &s[i..];
    if starts_with_ci(rest, b"inf") {
        let len = if starts_with_ci(rest, b"infinity") {
            8
        } else {
            3
        };
        return (FloatSyntax::Inf { negative }, i + len);
    }
    if starts_with_ci(rest, b"nan") {
        let mut end = i + 3;
        let mut payload = None;
        if s.get(end) == Some(&b'(') {
            let inner_start = end + 1;
            let mut j = inner_start;
            while j < s.len() && (s[j].is_ascii_alphanumeric() || s[j] == b'_') {
                j += 1;
            }
            if s.get(j) == Some(&b')') {
                let inner = &s[inner_start..j];
                let p = strtol(inner, 0, 64, false);
                if p.consumed == inner.len() {
                    payload = Some(p.value);
                }
                end = j + 1;
            }
        }
        return (FloatSyntax::Nan { negative, payload }, end);
    }
    let hex = rest.len() >= 2 && rest[0] == b'0' && rest[1] | 0x20 == b'x';
    let (radix, digits_start) = if hex { (16, i + 2) } else { (10, i) };
    let is_digit = |c: u8| digit_value(c) < radix;
    let mut j = digits_start;
    let mut mantissa: Vec<u8> = Vec::new(); // digit values, as written
    let mut point_digits: i64 = 0; // digits before the point
    let mut seen_point = false;
    while j < s.len() {
        let c = s[j];
        if is_digit(c) {
            mantissa.push(digit_value(c) as u8);
            if !seen_point {
                point_digits += 1;
            }
        } else if c == b'.' && !seen_point {
            seen_point = true;
        } else {
            break;
        }
        j += 1;
    }
    if mantissa.is_empty() {
        // No digit: for "0x" with nothing after it, the "0" is the number.
        if hex {
            return (FloatSyntax::Finite(zero(negative)), i + 1);
        }
        return (FloatSyntax::None, 0);
    }
    let mut end = j;
    // The exponent counts only if at least one digit follows its optional sign.
    let mut exponent: i64 = 0;
    let exp_char = if hex { b'p' } else { b'e' };
    if j < s.len() && s[j] | 0x20 == exp_char {
        let mut k = j + 1;
        let mut exp_negative = false;
        if k < s.len() && (s[k] == b'-' || s[k] == b'+') {
            exp_negative = s[k] == b'-';
            k += 1;
        }
        if k < s.len() && s[k].is_ascii_digit() {
            while k < s.len() && s[k].is_ascii_digit() {
                exponent = (exponent * 10 + i64::from(s[k] - b'0')).min(EXP_LIMIT);
                k += 1;
            }
            if exp_negative {
                exponent = -exponent;
            }
            end = k;
        }
    }
    let number = if hex {
        // Expand hex digits to bits; the point moves 4 bits per hex digit.
        let mut bits = Vec::with_capacity(mantissa.len() * 4);
        for d in &mantissa {
            for b in (0..4).rev() {
                bits.push((d >> b) & 1);
            }
        }
        normalise(negative, true, &bits, point_digits * 4, exponent)
    } else {
        normalise(negative, false, &mantissa, point_digits, exponent)
    };
    (FloatSyntax::Finite(number), end)
}

fn zero(negative: bool) -> WrittenNumber {
    WrittenNumber {
        negative,
        hex: false,
        digits: Vec::new(),
        sticky: false,
        point: 0,
    }
}

/// Strips leading and trailing zeros and truncates to [`MAX_DIGITS`].
fn normalise(negative: bool, hex: bool, digits: &[u8], point: i64, exponent: i64) -> WrittenNumber {
    let lead = digits.iter().take_while(|&&d| d == 0).count();
    let trail = digits.iter().rev().take_while(|&&d| d == 0).count();
    if lead == digits.len() {
        return zero(negative);
    }
    let significant = &digits[lead..digits.len() - trail];
    let kept = significant.len().min(MAX_DIGITS);
    let sticky = significant[kept..].iter().any(|&d| d != 0);
    let point = (point - lead as i64 + exponent).clamp(-EXP_LIMIT, EXP_LIMIT);
    WrittenNumber {
        negative,
        hex,
        digits: significant[..kept].to_vec(),
        sticky,
        point,
    }
}

/// The parameters of a binary floating-point format.
struct FloatFormat {
    /// Significand bits, hidden bit included.
    mant_bits: u32,
    /// Exponent of the smallest normal number, as a power of two.
    min_exp: i64,
    /// Exponent of the largest finite number plus one, as a power of two.
    max_exp: i64,
}

const F64: FloatFormat = FloatFormat {
    mant_bits: 53,
    min_exp: -1022,
    max_exp: 1024,
};
const F32: FloatFormat = FloatFormat {
    mant_bits: 24,
    min_exp: -126,
    max_exp: 128,
};

/// Rounds a written number to the format (the result is exact in an `f64`), and tells whether
/// glibc would report `ERANGE`.
fn round_number(n: &WrittenNumber, fmt: &FloatFormat) -> (f64, bool) {
    let sign = if n.negative { -1.0 } else { 1.0 };
    if n.digits.is_empty() {
        return (sign * 0.0, false);
    }
    // Magnitudes far outside the range need no arithmetic.
    let (too_big, too_small) = if n.hex {
        (
            n.point > fmt.max_exp + 1,
            n.point < fmt.min_exp - fmt.mant_bits as i64 - 2,
        )
    } else {
        (n.point > 400, n.point < -400)
    };
    if too_big {
        return (sign * f64::INFINITY, true);
    }
    if too_small {
        return (sign * 0.0, true);
    }
    let magnitude = if n.hex {
        round_binary(&n.digits, n.sticky, n.point, fmt)
    } else {
        let mut text = String::with_capacity(n.digits.len() + 24);
        text.push_str("0.");
        text.extend(n.digits.iter().map(|&d| char::from(b'0' + d)));
        if n.sticky {
            // Stands for the dropped nonzero tail; far below any rounding boundary.
            text.push('1');
        }
        text.push_str(&format!("e{}", n.point));
        if fmt.mant_bits == 24 {
            f64::from(text.parse::<f32>().unwrap_or(f32::NAN))
        } else {
            text.parse::<f64>().unwrap_or(f64::NAN)
        }
    };
    // A float's overflow shows only once compared with its own range.
    let magnitude = if magnitude >= pow2(fmt.max_exp) {
        f64::INFINITY
    } else {
        magnitude
    };
    let overflow = if magnitude.is_infinite() {
        true
    } else {
        underflows(n, magnitude, fmt)
    };
    (sign * magnitude, overflow)
}

/// Round-to-nearest-even of `0.bits × 2^point` into the format, subnormals included.
fn round_binary(bits: &[u8], sticky: bool, point: i64, fmt: &FloatFormat) -> f64 {
    // The value's leading bit has weight 2^(point-1); keep bits down to weight 2^lsb.
    let lead_exp = point - 1;
    let lsb = (lead_exp - (fmt.mant_bits as i64 - 1)).max(fmt.min_exp - (fmt.mant_bits as i64 - 1));
    let keep = point - lsb; // number of leading bits kept (may be <= 0)
    let mut mant: u64 = 0;
    for k in 0..keep.max(0) {
        let b = bits.get(k as usize).copied().unwrap_or(0);
        mant = (mant << 1) | u64::from(b);
    }
    let round_bit = if keep >= 0 {
        bits.get(keep as usize).copied().unwrap_or(0)
    } else {
        0
    };
    let rest_start = if keep >= 0 { keep as usize + 1 } else { 0 };
    let rest =
        sticky || bits.iter().skip(rest_start).any(|&b| b != 0) || (keep < 0 && !bits.is_empty());
    if round_bit == 1 && (rest || mant & 1 == 1) {
        mant += 1;
    }
    // mant × 2^lsb, exactly representable in f64 (powers of two are scaled in two steps to stay
    // clear of intermediate overflow or underflow).
    let m = mant as f64;
    let half = lsb / 2;
    m * pow2(half) * pow2(lsb - half)
}

fn pow2(e: i64) -> f64 {
    if e > 1023 {
        f64::INFINITY
    } else if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else if e >= -1074 {
        f64::from_bits(1u64 << (e + 1074))
    } else {
        0.0
    }
}

/// glibc's underflow rule: `ERANGE` when the result is inexact and tiny, tininess being
/// judged after rounding (x86): below the smallest normal number once rounded to full
/// precision with an unbounded exponent.
fn underflows(n: &WrittenNumber, magnitude: f64, fmt: &FloatFormat) -> bool {
    let min_normal = pow2(fmt.min_exp);
    if magnitude > min_normal {
        return false;
    }
    // The threshold (1 - 2^-(p+1)) × 2^min_exp: rounding to p bits reaches the smallest normal
    // number exactly from there up.
    let threshold = (
        (1u64 << (fmt.mant_bits + 1)) - 1,
        fmt.min_exp - fmt.mant_bits as i64 - 1,
    );
    let below = compare_written(n, threshold.0, threshold.1) == Ordering::Less;
    if magnitude == min_normal && !below {
        return false;
    }
    let (mant, exp2) = decompose(magnitude);
    compare_written(n, mant, exp2) != Ordering::Equal
}

/// A finite nonnegative double as `mant × 2^exp2`.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits() & !(1 << 63);
    let e = (bits >> 52) as i64;
    let f = bits & ((1 << 52) - 1);
    if e == 0 {
        (f, -1074)
    } else {
        (f | (1 << 52), e - 1075)
    }
}

/// Compares the magnitude of a written number with `mant × 2^exp2`.
fn compare_written(n: &WrittenNumber, mant: u64, exp2: i64) -> Ordering {
    if n.hex {
        // Binary digits: compare bit strings.
        let (other, other_point) = binary_digits(mant, exp2);
        compare_digits(&n.digits, n.sticky, n.point, &other, other_point)
    } else {
        let (other, other_point) = exact_decimal(mant, exp2 as i32);
        let other: Vec<u8> = other.iter().map(|d| d - b'0').collect();
        compare_digits(&n.digits, n.sticky, n.point, &other, i64::from(other_point))
    }
}

/// `mant × 2^exp2` as `0.bits × 2^point` without leading or trailing zeros.
fn binary_digits(mant: u64, exp2: i64) -> (Vec<u8>, i64) {
    if mant == 0 {
        return (Vec::new(), 0);
    }
    let width = 64 - i64::from(mant.leading_zeros());
    let mut bits: Vec<u8> = (0..width).rev().map(|k| ((mant >> k) & 1) as u8).collect();
    while bits.last() == Some(&0) {
        bits.pop();
    }
    (bits, exp2 + width)
}

/// Compares `0.a × B^pa` (plus a nonzero tail if `sticky`) with `0.b × B^pb`; both digit
/// strings are free of leading and trailing zeros.
fn compare_digits(a: &[u8], sticky: bool, pa: i64, b: &[u8], pb: i64) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Less,
        (false, true) => return Ordering::Greater,
        _ => {}
    }
    if pa != pb {
        return pa.cmp(&pb);
    }
    // With equal points, comparing digit strings compares values. A sticky `a` is longer
    // than any exact binary value's expansion, so it is never a proper prefix of `b`.
    match a.cmp(b) {
        Ordering::Equal if sticky => Ordering::Greater,
        o => o,
    }
}

// ---------------------------------------------------------------------------------------------
// Exact binary-to-decimal expansion.

/// The exact decimal expansion of `mant × 2^exp2`: ASCII digits `d` without leading or
/// trailing zeros and a `point` such that the value is `0.d × 10^point`. Zero gives no digits.
///
/// Every finite double has a finite expansion (at most 767 significant digits, 1074 after the
/// point), computed here with plain multi-limb arithmetic.
pub(crate) fn exact_decimal(mant: u64, exp2: i32) -> (Vec<u8>, i32) {
    if mant == 0 {
        return (Vec::new(), 0);
    }
    // Drop trailing zero bits: fewer limbs, same value.
    let tz = mant.trailing_zeros();
    let mant = mant >> tz;
    let exp2 = exp2 + tz as i32;
    let mut digits: Vec<u8>;
    let point: i32;
    if exp2 >= 0 {
        let mut big = shl_big(mant, exp2 as u32);
        digits = big_to_decimal(&mut big);
        point = digits.len() as i32;
    } else {
        let k = (-exp2) as u32;
        let int_part = if k >= 64 { 0 } else { mant >> k };
        let frac = if k >= 64 {
            mant
        } else {
            mant & ((1u64 << k) - 1)
        };
        let mut int_digits = if int_part == 0 {
            Vec::new()
        } else {
            int_part.to_string().into_bytes()
        };
        let frac_digits = fraction_digits(frac, k);
        if int_digits.is_empty() {
            let lead = frac_digits.iter().take_while(|&&d| d == b'0').count();
            point = -(lead as i32);
            digits = frac_digits[lead..].to_vec();
        } else {
            point = int_digits.len() as i32;
            int_digits.extend_from_slice(&frac_digits);
            digits = int_digits;
        }
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, point)
}

/// `mant << shift` as little-endian 64-bit limbs.
fn shl_big(mant: u64, shift: u32) -> Vec<u64> {
    let limbs = (shift / 64) as usize;
    let bits = shift % 64;
    let mut v = vec![0u64; limbs + 2];
    v[limbs] = mant << bits;
    if bits != 0 {
        v[limbs + 1] = mant >> (64 - bits);
    }
    v
}

const TEN19: u64 = 10_000_000_000_000_000_000;

/// Decimal digits of a big integer (destroyed), without leading zeros.
fn big_to_decimal(big: &mut Vec<u64>) -> Vec<u8> {
    let mut chunks: Vec<u64> = Vec::new();
    loop {
        while big.last() == Some(&0) {
            big.pop();
        }
        if big.is_empty() {
            break;
        }
        let mut rem: u128 = 0;
        for limb in big.iter_mut().rev() {
            let cur = (rem << 64) | u128::from(*limb);
            *limb = (cur / u128::from(TEN19)) as u64;
            rem = cur % u128::from(TEN19);
        }
        chunks.push(rem as u64);
    }
    let mut out = Vec::with_capacity(chunks.len() * 19);
    for (n, chunk) in chunks.iter().rev().enumerate() {
        if n == 0 {
            out.extend_from_slice(chunk.to_string().as_bytes());
        } else {
            out.extend_from_slice(format!("{chunk:019}").as_bytes());
        }
    }
    out
}

/// All `k` decimal digits of the fraction `frac / 2^k` (exact: `1/2^k` has `k` digits).
fn fraction_digits(frac: u64, k: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(k as usize + 19);
    if frac == 0 {
        return out;
    }
    let q = (k / 64) as usize;
    let r = k % 64;
    // The numerator, wide enough for one multiplication by 10^19 above bit k.
    let mut num = vec![0u64; q + 2];
    num[0] = frac;
    while num.iter().any(|&l| l != 0) {
        let mut carry: u128 = 0;
        for limb in num.iter_mut() {
            let cur = u128::from(*limb) * u128::from(TEN19) + carry;
            *limb = cur as u64;
            carry = cur >> 64;
        }
        // The integer part (bits from k up) is the next chunk of 19 digits.
        let chunk = if r == 0 {
            num[q]
        } else {
            (num[q] >> r) | (num[q + 1] << (64 - r))
        };
        if r == 0 {
            num[q] = 0;
        } else {
            num[q] &= (1u64 << r) - 1;
        }
        num[q + 1] = 0;
        out.extend_from_slice(format!("{chunk:019}").as_bytes());
    }
    out.truncate(k as usize);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(x: f64) -> (String, i32) {
        let (m, e) = decompose(x);
        let (d, p) = exact_decimal(m, e as i32);
        (String::from_utf8(d).unwrap(), p)
    }

    #[test]
    fn exact_expansions() {
        assert_eq!(dec(1.0), ("1".into(), 1));
        assert_eq!(dec(0.5), ("5".into(), 0));
        assert_eq!(
            dec(0.1),
            (
                "1000000000000000055511151231257827021181583404541015625".into(),
                0
            )
        );
        assert_eq!(dec(1e23), ("99999999999999991611392".into(), 23));
        assert_eq!(dec(0.015625), ("15625".into(), -1));
        let (d, p) = dec(5e-324);
        assert_eq!(p, -323);
        assert_eq!(d.len(), 751);
        assert!(d.starts_with("49406564584124654417656879286822137236505980261"));
        let (d, p) = dec(f64::MAX);
        assert_eq!(p, 309);
        assert!(d.starts_with("17976931348623157"));
    }

    #[test]
    fn integers() {
        assert_eq!(
            strtol(b"  -42xyz", 10, 64, true),
            Parsed {
                value: (-42i64) as u64,
                consumed: 5,
                overflow: false
            }
        );
        assert_eq!(strtol(b"0x1F", 0, 64, true).value, 31);
        assert_eq!(
            strtol(b"0x", 16, 64, true),
            Parsed {
                value: 0,
                consumed: 1,
                overflow: false
            }
        );
        assert_eq!(strtol(b"0xg", 0, 64, true).consumed, 1);
        assert_eq!(strtol(b"017", 0, 64, true).value, 15);
        assert_eq!(
            strtol(b"-1", 10, 64, false),
            Parsed {
                value: u64::MAX,
                consumed: 2,
                overflow: false
            }
        );
        assert_eq!(strtol(b"-1", 10, 32, false).value, 0xffff_ffff);
        assert_eq!(
            strtol(b"99999999999999999999", 10, 64, true),
            Parsed {
                value: i64::MAX as u64,
                consumed: 20,
                overflow: true
            }
        );
        assert_eq!(
            strtol(b"-99999999999999999999", 10, 64, true).value,
            i64::MIN as u64
        );
        assert_eq!(
            strtol(b"-9223372036854775808", 10, 64, true),
            Parsed {
                value: i64::MIN as u64,
                consumed: 20,
                overflow: false
            }
        );
        assert_eq!(
            strtol(b"2147483648", 10, 32, true),
            Parsed {
                value: i32::MAX as u64,
                consumed: 10,
                overflow: true
            }
        );
        assert_eq!(
            strtol(b"-2147483649", 10, 32, true).value,
            i32::MIN as i64 as u64
        );
        assert_eq!(strtol(b"zz", 36, 64, true).value, 35 * 36 + 35);
        assert_eq!(strtol(b"12", 1, 64, true).consumed, 0);
        assert_eq!(strtol(b"+", 10, 64, true).consumed, 0);
        assert_eq!(strtol(b"1\x002", 10, 64, true).consumed, 1);
        assert_eq!(atoi(b"4294967297", Target::LP64), 1);
        assert_eq!(atoi(b"99999999999999999999", Target::LP64), -1);
        assert_eq!(atoi(b"99999999999999999999", Target::ILP32), i32::MAX);
        assert_eq!(atol(b"-5", Target::ILP32), -5);
        assert_eq!(atoll(b"123456789012"), 123456789012);
    }

    #[test]
    fn floats() {
        assert_eq!(strtod(b" 1.5e3x").value, 1500.0);
        assert_eq!(strtod(b" 1.5e3x").consumed, 6);
        assert_eq!(strtod(b"1e").consumed, 1);
        assert_eq!(strtod(b"1e+").consumed, 1);
        assert_eq!(strtod(b".5").value, 0.5);
        assert_eq!(strtod(b".").consumed, 0);
        assert_eq!(strtod(b"0x1.8p1").value, 3.0);
        assert_eq!(strtod(b"0x").consumed, 1);
        assert_eq!(strtod(b"0x.p1").consumed, 1);
        assert_eq!(strtod(b"-0").value.to_bits(), (-0.0f64).to_bits());
        assert_eq!(strtod(b"INFINITY").consumed, 8);
        assert_eq!(strtod(b"infinit").consumed, 3);
        assert!(strtod(b"-nan").value.is_sign_negative());
        assert_eq!(strtod(b"nan(0x10)").value.to_bits(), 0x7ff8_0000_0000_0010);
        assert_eq!(strtod(b"nan(0x10").consumed, 3);
        assert_eq!(
            strtod(b"1e309"),
            Parsed {
                value: f64::INFINITY,
                consumed: 5,
                overflow: true
            }
        );
        assert_eq!(
            strtod(b"1e-400"),
            Parsed {
                value: 0.0,
                consumed: 6,
                overflow: true
            }
        );
        assert!(strtod(b"4e-320").overflow);
        assert!(!strtod(b"0x1p-1074").overflow);
        assert!(!strtod(b"2.2250738585072014e-308").overflow);
        assert_eq!(strtod(b"0x1.fffffffffffff8p0").value, 2.0);
        assert_eq!(
            strtod(b"0x1.fffffffffffff7ffp0").value,
            f64::from_bits(0x3fff_ffff_ffff_ffff)
        );
        assert_eq!(strtof(b"1.00000005960464477539062500001").value, 1.0000001);
    }
}
