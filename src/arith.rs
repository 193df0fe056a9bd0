//! The meaning of C's arithmetic on bits: one set of pure functions that both constant
//! folding (in the checker) and the VM's instructions use, so they cannot disagree.
//!
//! Values are carried in a `u64`; a width of 8, 16, 32 or 64 bits and a signedness say
//! how to read them. Signed overflow wraps (gcc's `-fwrapv`).

/// Keeps the low `bits` bits, sign- or zero-extending to 64.
pub fn normalize(value: u64, bits: u32, signed: bool) -> u64 {
    if bits >= 64 {
        return value;
    }
    let shift = 64 - bits;
    if signed {
        (((value << shift) as i64) >> shift) as u64
    } else {
        (value << shift) >> shift
    }
}

/// The most negative value of a signed width, sign-extended to 64 bits.
fn min_signed(bits: u32) -> u64 {
    normalize(1 << (bits - 1), bits, true)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Shl,
    Shr,
    And,
    Or,
    Xor,
}

/// Integer arithmetic that has no value: what a native x86-64 run traps on (SIGFPE).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntTrap {
    /// Division or remainder by zero.
    DivisionByZero,
    /// The most negative value divided by -1 (`INT_MIN / -1`, `LONG_MIN % -1`): the
    /// quotient does not fit, and `idiv` traps on it as on a zero divisor. `wrapped` is what
    /// gcc's constant folding gives instead (the dividend for `/`, 0 for `%`).
    DivisionOverflow { wrapped: u64 },
}

/// Integer arithmetic at a width. Signed overflow wraps, except in division, where the
/// processor traps.
pub fn int_op(op: IntOp, bits: u32, signed: bool, a: u64, b: u64) -> Result<u64, IntTrap> {
    let a = normalize(a, bits, signed);
    let b = normalize(b, bits, signed);
    let shift_mask = u64::from(bits - 1);
    let r = match op {
        IntOp::Add => a.wrapping_add(b),
        IntOp::Sub => a.wrapping_sub(b),
        IntOp::Mul => a.wrapping_mul(b),
        IntOp::Div | IntOp::Rem if b == 0 => return Err(IntTrap::DivisionByZero),
        // C promotes narrower operands to int: only int and long divisions can overflow.
        IntOp::Div | IntOp::Rem
            if signed && bits >= 32 && b == u64::MAX && a == min_signed(bits) =>
        {
            let wrapped = if op == IntOp::Div { a } else { 0 };
            return Err(IntTrap::DivisionOverflow { wrapped });
        }
        IntOp::Div if signed => (a as i64).wrapping_div(b as i64) as u64,
        IntOp::Div => a / b,
        IntOp::Rem if signed => (a as i64).wrapping_rem(b as i64) as u64,
        IntOp::Rem => a % b,
        // x86 masks the shift count to the operand width; so do we.
        IntOp::Shl => a << (b & shift_mask),
        IntOp::Shr if signed => ((a as i64) >> (b & shift_mask)) as u64,
        IntOp::Shr => a >> (b & shift_mask),
        IntOp::And => a & b,
        IntOp::Or => a | b,
        IntOp::Xor => a ^ b,
    };
    Ok(normalize(r, bits, signed))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    pub fn holds<T: PartialOrd>(self, a: T, b: T) -> bool {
        match self {
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
        }
    }
}

pub fn int_cmp(op: Cmp, bits: u32, signed: bool, a: u64, b: u64) -> bool {
    let a = normalize(a, bits, signed);
    let b = normalize(b, bits, signed);
    if signed {
        op.holds(a as i64, b as i64)
    } else {
        op.holds(a, b)
    }
}

/// A floating value converted to an integer type, as x86-64 code from gcc does it:
/// truncation toward zero; out of range gives the "integer indefinite" value.
pub fn float_to_int(x: f64, bits: u32, signed: bool) -> u64 {
    if signed {
        let v = if bits <= 32 {
            if x.is_nan() || x >= 2147483648.0 || x <= -2147483649.0 {
                i32::MIN as i64
            } else {
                x as i64
            }
        } else if x.is_nan() || !(-9.223372036854776e18..9.223372036854776e18).contains(&x) {
            i64::MIN
        } else {
            x as i64
        };
        normalize(v as u64, bits, true)
    } else if bits < 64 {
        // gcc converts through a 64-bit signed conversion and truncates.
        let v = if x.is_nan() || x >= 9.223372036854776e18 || x <= -9.223372036854776e18 {
            i64::MIN
        } else {
            x as i64
        };
        normalize(v as u64, bits, false)
    } else if x.is_nan() {
        1 << 63
    } else if x >= 9.223372036854776e18 {
        // Above 2^63 gcc subtracts 2^63 first, converts, and sets the top bit.
        if x >= 1.8446744073709552e19 {
            1 << 63
        } else {
            ((x - 9.223372036854776e18) as i64 as u64) ^ (1 << 63)
        }
    } else if x <= -9.223372036854776e18 {
        1 << 63
    } else {
        x as i64 as u64
    }
}

/// An integer (given as its normalized 64 bits) converted to double.
pub fn int_to_float(value: u64, signed: bool) -> f64 {
    if signed {
        value as i64 as f64
    } else {
        value as f64
    }
}

/// An integer converted to float, rounded once (not through double).
pub fn int_to_f32(value: u64, signed: bool) -> f32 {
    if signed {
        value as i64 as f32
    } else {
        value as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_and_sign() {
        assert_eq!(
            int_op(IntOp::Add, 32, true, 0x7fff_ffff, 1),
            Ok((-2147483648i64) as u64)
        );
        assert_eq!(
            int_op(IntOp::Div, 32, true, (-7i64) as u64, 2),
            Ok((-3i64) as u64)
        );
        assert_eq!(
            int_op(IntOp::Rem, 32, true, (-7i64) as u64, 2),
            Ok((-1i64) as u64)
        );
        assert_eq!(
            int_op(IntOp::Div, 32, false, 7, 0),
            Err(IntTrap::DivisionByZero)
        );
        assert_eq!(
            int_op(IntOp::Shr, 32, true, (-8i64) as u64, 1),
            Ok((-4i64) as u64)
        );
        assert_eq!(
            int_op(IntOp::Shr, 32, false, 0xffff_fff8, 1),
            Ok(0x7fff_fffc)
        );
    }

    #[test]
    fn most_negative_divided_by_minus_one_traps() {
        let (min32, min64, m1) = ((i32::MIN as i64) as u64, i64::MIN as u64, u64::MAX);
        assert_eq!(
            int_op(IntOp::Div, 32, true, min32, m1),
            Err(IntTrap::DivisionOverflow { wrapped: min32 })
        );
        assert_eq!(
            int_op(IntOp::Rem, 32, true, min32, m1),
            Err(IntTrap::DivisionOverflow { wrapped: 0 })
        );
        assert_eq!(
            int_op(IntOp::Div, 64, true, min64, m1),
            Err(IntTrap::DivisionOverflow { wrapped: min64 })
        );
        assert_eq!(
            int_op(IntOp::Rem, 64, true, min64, m1),
            Err(IntTrap::DivisionOverflow { wrapped: 0 })
        );
        // Only signed division overflows; one more than the minimum does not.
        assert_eq!(int_op(IntOp::Div, 32, false, min32, m1), Ok(0));
        assert_eq!(int_op(IntOp::Div, 32, true, min32 + 1, m1), Ok(0x7fff_ffff));
        assert_eq!(int_op(IntOp::Mul, 32, true, min32, m1), Ok(min32));
    }

    #[test]
    fn comparisons_respect_signedness() {
        assert!(!int_cmp(Cmp::Lt, 32, false, (-1i64) as u64, 1));
        assert!(int_cmp(Cmp::Lt, 32, true, (-1i64) as u64, 1));
    }

    #[test]
    fn float_conversions_as_x86() {
        assert_eq!(float_to_int(-3.9, 32, true), (-3i64) as u64);
        assert_eq!(float_to_int(1e10, 32, true), (i32::MIN as i64) as u64);
        assert_eq!(float_to_int(3e9, 32, false), 3_000_000_000);
        assert_eq!(float_to_int(1.5e19, 64, false), 15_000_000_000_000_000_000);
    }
}
