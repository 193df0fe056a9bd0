//! The C library functions the VM runs natively. Arguments are read from their 8-byte
//! slots in stack memory (at the caller's stack pointer, or the frame of a stub), and the
//! result is written back to the first slot — the same convention compiled code uses.

pub mod format;
pub mod numparse;
pub mod scan;
mod stdio;
mod stdlib;
mod string;

use super::{Halt, Trap, Vm};
use crate::bytecode::Lib;

/// glibc's `random_r` (TYPE_3: an additive feedback generator of degree 31), so that
/// `rand()` gives the same sequence as a native program.
pub struct GlibcRandom {
    state: [i32; 31],
    front: usize,
    rear: usize,
}

impl GlibcRandom {
    pub fn new(seed: u32) -> GlibcRandom {
        let mut state = [0i32; 31];
        let mut word = if seed == 0 { 1 } else { seed as i32 };
        state[0] = word;
        for s in state.iter_mut().skip(1) {
            let hi = word / 127773;
            let lo = word % 127773;
            word = 16807i32
                .wrapping_mul(lo)
                .wrapping_sub(2836i32.wrapping_mul(hi));
            if word < 0 {
                word = word.wrapping_add(2147483647);
            }
            *s = word;
        }
        let mut r = GlibcRandom {
            state,
            front: 3,
            rear: 0,
        };
        for _ in 0..310 {
            r.random();
        }
        r
    }

    pub fn random(&mut self) -> i32 {
        let sum = self.state[self.front].wrapping_add(self.state[self.rear]);
        self.state[self.front] = sum;
        let result = ((sum as u32) >> 1) as i32;
        self.front += 1;
        self.rear += 1;
        if self.front >= 31 {
            self.front = 0;
        } else if self.rear >= 31 {
            self.rear = 0;
        }
        result
    }
}

/// Library state that lives outside the address space (as in libc's own data).
pub struct LibState {
    pub random: GlibcRandom,
    /// Where `strtok` continues.
    pub strtok_next: u64,
}

impl LibState {
    pub fn new() -> LibState {
        LibState {
            random: GlibcRandom::new(1),
            strtok_next: 0,
        }
    }
}

impl Default for LibState {
    fn default() -> Self {
        LibState::new()
    }
}

/// Arguments and result of one library call.
pub(super) struct Call {
    base: u64,
}

impl Vm<'_> {
    /// Argument `i`. The slots are on the stack, at or above the stack pointer: outside
    /// `--check` (no shadow state to consult) the only check is the end of the space,
    /// which is what a checked read of the stack does too.
    #[inline]
    fn arg(&self, c: &Call, i: u64) -> Result<u64, Trap> {
        let addr = c.base.wrapping_add(8 * i);
        if self.mem.shadow.is_none()
            && addr >= self.mem.sp
            && let Some(&[a, b, c, d, e, f, g, h]) = self
                .mem
                .bytes()
                .get(addr as usize..(addr as usize).wrapping_add(8))
        {
            return Ok(u64::from_le_bytes([a, b, c, d, e, f, g, h]));
        }
        self.mem.read_u64(addr)
    }

    fn arg_i32(&self, c: &Call, i: u64) -> Result<i32, Trap> {
        Ok(self.arg(c, i)? as u32 as i32)
    }

    fn arg_f64(&self, c: &Call, i: u64) -> Result<f64, Trap> {
        Ok(f64::from_bits(self.arg(c, i)?))
    }

    fn arg_f32(&self, c: &Call, i: u64) -> Result<f32, Trap> {
        Ok(f32::from_bits(self.arg(c, i)? as u32))
    }

    /// Writes the result slot (the first argument's), fast as [`Vm::arg`] reads.
    #[inline]
    fn result(&mut self, c: &Call, v: u64) -> Result<(), Trap> {
        let addr = c.base as usize;
        if self.mem.shadow.is_none()
            && c.base >= self.mem.sp
            && let Some(slot) = self.mem.bytes_mut().get_mut(addr..addr.wrapping_add(8))
        {
            slot.copy_from_slice(&v.to_le_bytes());
            return Ok(());
        }
        self.mem.write_u64(c.base, v)
    }

    fn result_i32(&mut self, c: &Call, v: i32) -> Result<(), Trap> {
        self.result(c, v as i64 as u64)
    }

    fn result_f64(&mut self, c: &Call, v: f64) -> Result<(), Trap> {
        self.result(c, v.to_bits())
    }

    fn result_f32(&mut self, c: &Call, v: f32) -> Result<(), Trap> {
        self.result(c, v.to_bits() as u64)
    }

    /// Sets the program's `errno`, if the runtime defines one.
    fn set_errno(&mut self, value: i32) {
        if let Some(s) = self.image.symbols.iter().find(|s| s.name == "errno") {
            let _ = self.mem.write_u32(s.addr, value as u32);
        }
    }

    /// Runs one library function on the arguments at `base`.
    pub(super) fn call_library(&mut self, lib: Lib, base: u64) -> Result<(), Halt> {
        let c = Call { base };
        let r = self.dispatch_library(lib, &c);
        // The result slot holds a defined value (for `--check`).
        self.mem.set_defined(base, 8, true);
        r
    }

    fn dispatch_library(&mut self, lib: Lib, c: &Call) -> Result<(), Halt> {
        let c = Call { base: c.base };
        use Lib::*;
        match lib {
            Printf | Fprintf | Sprintf | Snprintf | Vprintf | Vfprintf | Vsprintf | Vsnprintf => {
                self.printf_family(lib, &c)?
            }
            Scanf | Sscanf => self.scanf_family(lib, &c)?,
            Putchar | Puts | Fputs | Fputc | Putc | Getchar | Fgetc | Getc | Fgets | Fflush
            | Perror => self.stdio_misc(lib, &c)?,
            Malloc | Calloc | Realloc | Free => self.heap_call(lib, &c)?,
            Exit => {
                let status = self.arg_i32(&c, 0)?;
                self.io.flush_out();
                return Err(Halt::Exit(status));
            }
            Abort => return Err(Trap::Abort.into()),
            AssertFail => return Err(self.assert_fail(&c)?.into()),
            Abs | Labs | Llabs | Div | Ldiv | Atoi | Atol | Atoll | Atof | Strtol | Strtoul
            | Strtoll | Strtoull | Strtod | Rand | Srand | Getenv => self.stdlib_call(lib, &c)?,
            Strlen | Strcpy | Strncpy | Strcat | Strncat | Strcmp | Strncmp | Strchr | Strrchr
            | Strstr | Strspn | Strcspn | Strpbrk | Strtok | Memset | Memcpy | Memmove | Memcmp
            | Memchr | Strerror => self.string_call(lib, &c)?,
            Isalnum | Isalpha | Isblank | Iscntrl | Isdigit | Isgraph | Islower | Isprint
            | Ispunct | Isspace | Isupper | Isxdigit | Tolower | Toupper => {
                let ch = self.arg_i32(&c, 0)?;
                self.result_i32(&c, ctype(lib, ch))?;
            }
            SegmentId => {
                let addr = self.arg(&c, 0)?;
                let id = crate::bytecode::Segment::ALL
                    .iter()
                    .position(|&s| s == self.mem.segment_of(addr))
                    .unwrap_or(0);
                self.result_i32(&c, id as i32)?;
            }
            _ => self.math_call(lib, &c)?,
        }
        Ok(())
    }

    fn assert_fail(&mut self, c: &Call) -> Result<Trap, Trap> {
        let expr = self.mem.c_string(self.arg(c, 0)?, Some(4096))?;
        let file = self.mem.c_string(self.arg(c, 1)?, Some(4096))?;
        let line = self.arg_i32(c, 2)? as u32;
        let func = self.mem.c_string(self.arg(c, 3)?, Some(4096))?;
        let (expr, file, func) = (
            String::from_utf8_lossy(&expr),
            String::from_utf8_lossy(&file),
            String::from_utf8_lossy(&func),
        );
        Ok(Trap::AssertionFailure(format!(
            "{file}:{line}: {func}: Assertion `{expr}' failed."
        )))
    }

    fn math_call(&mut self, lib: Lib, c: &Call) -> Result<(), Trap> {
        use Lib::*;
        let x = self.arg_f64(c, 0)?;
        let y = || self.arg_f64(c, 1);
        let r = match lib {
            Sqrt => x.sqrt(),
            Pow => x.powf(y()?),
            Fabs => x.abs(),
            Floor => x.floor(),
            Ceil => x.ceil(),
            Round => x.round(),
            Trunc => x.trunc(),
            Fmod => x % y()?,
            Exp => x.exp(),
            Exp2 => x.exp2(),
            Log => x.ln(),
            Log10 => x.log10(),
            Log2 => x.log2(),
            Sin => x.sin(),
            Cos => x.cos(),
            Tan => x.tan(),
            Asin => x.asin(),
            Acos => x.acos(),
            Atan => x.atan(),
            Atan2 => x.atan2(y()?),
            Sinh => x.sinh(),
            Cosh => x.cosh(),
            Tanh => x.tanh(),
            Hypot => x.hypot(y()?),
            Lround => return self.result(c, x.round() as i64 as u64),
            Llround => return self.result(c, x.round() as i64 as u64),
            Rint | Nearbyint => x.round_ties_even(),
            Log1p => x.ln_1p(),
            Expm1 => x.exp_m1(),
            Fdim => {
                let y = y()?;
                if x > y {
                    x - y
                } else if x.is_nan() || y.is_nan() {
                    f64::NAN
                } else {
                    0.0
                }
            }
            Asinh => x.asinh(),
            Acosh => x.acosh(),
            Atanh => x.atanh(),
            Cbrt => x.cbrt(),
            Copysign => x.copysign(y()?),
            Fmax => fmax(x, y()?),
            Fmin => fmin(x, y()?),
            Ldexp => ldexp(x, self.arg_i32(c, 1)?),
            Frexp => {
                let (m, e) = frexp(x);
                let p = self.arg(c, 1)?;
                self.mem.write_u32(p, e as u32)?;
                m
            }
            Modf => {
                let i = x.trunc();
                let p = self.arg(c, 1)?;
                self.mem.write_u64(p, i.to_bits())?;
                if x.is_infinite() {
                    0.0f64.copysign(x)
                } else {
                    (x - i).copysign(x)
                }
            }
            IsNan => return self.result_i32(c, x.is_nan() as i32),
            IsInf => {
                return self.result_i32(
                    c,
                    if x.is_infinite() {
                        if x > 0.0 { 1 } else { -1 }
                    } else {
                        0
                    },
                );
            }
            IsFinite => return self.result_i32(c, x.is_finite() as i32),
            SignBit => return self.result_i32(c, x.is_sign_negative() as i32),
            Sqrtf | Powf | Fabsf | Floorf | Ceilf | Sinf | Cosf | Expf | Logf | Fmodf => {
                let x = self.arg_f32(c, 0)?;
                let y = || self.arg_f32(c, 1);
                let r = match lib {
                    Sqrtf => x.sqrt(),
                    Powf => x.powf(y()?),
                    Fabsf => x.abs(),
                    Floorf => x.floor(),
                    Ceilf => x.ceil(),
                    Sinf => x.sin(),
                    Cosf => x.cos(),
                    Expf => x.exp(),
                    Logf => x.ln(),
                    _ => x % y()?,
                };
                return self.result_f32(c, r);
            }
            other => unreachable!("{other:?} is dispatched elsewhere"),
        };
        self.result_f64(c, r)
    }
}

fn fmax(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        y
    } else if y.is_nan() {
        x
    } else {
        x.max(y)
    }
}

fn fmin(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        y
    } else if y.is_nan() {
        x
    } else {
        x.min(y)
    }
}

/// `x * 2^e`, exactly (with correct rounding into subnormals).
fn ldexp(x: f64, e: i32) -> f64 {
    let mut x = x;
    let mut e = e.clamp(-2200, 2200);
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    if e < -1000 + 50 {
        // Two steps keep the intermediate normal.
        let half = e / 2;
        return x * 2f64.powi(half) * 2f64.powi(e - half);
    }
    x * 2f64.powi(e)
}

/// Splits into a mantissa in [0.5, 1) and a power of two.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// The `<ctype.h>` classifications in the "C" locale.
fn ctype(lib: Lib, c: i32) -> i32 {
    use Lib::*;
    if lib == Tolower {
        return if (b'A' as i32..=b'Z' as i32).contains(&c) {
            c + 32
        } else {
            c
        };
    }
    if lib == Toupper {
        return if (b'a' as i32..=b'z' as i32).contains(&c) {
            c - 32
        } else {
            c
        };
    }
    let Ok(b) = u8::try_from(c) else { return 0 };
    let r = match lib {
        Isalnum => b.is_ascii_alphanumeric(),
        Isalpha => b.is_ascii_alphabetic(),
        Isblank => b == b' ' || b == b'\t',
        Iscntrl => b.is_ascii_control(),
        Isdigit => b.is_ascii_digit(),
        Isgraph => b.is_ascii_graphic(),
        Islower => b.is_ascii_lowercase(),
        Isprint => b.is_ascii_graphic() || b == b' ',
        Ispunct => b.is_ascii_punctuation(),
        Isspace => matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'),
        Isupper => b.is_ascii_uppercase(),
        Isxdigit => b.is_ascii_hexdigit(),
        _ => false,
    };
    // glibc returns the class bit, not 1; programs should only test for non-zero, but
    // printing it must match: these are glibc's bit values.
    if !r {
        return 0;
    }
    match lib {
        Isupper => 256,
        Islower => 512,
        Isalpha => 1024,
        Isdigit => 2048,
        Isxdigit => 4096,
        Isspace => 8192,
        Isprint => 16384,
        Isgraph => 32768,
        Isblank => 1,
        Iscntrl => 2,
        Ispunct => 4,
        Isalnum => 8,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rand_matches_glibc() {
        let mut r = GlibcRandom::new(1);
        assert_eq!(r.random(), 1804289383);
        assert_eq!(r.random(), 846930886);
        assert_eq!(r.random(), 1681692777);
        let mut r = GlibcRandom::new(42);
        assert_eq!(r.random(), 71876166);
    }

    #[test]
    fn frexp_and_ldexp() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(ldexp(0.5, 4), 8.0);
        assert_eq!(ldexp(1.0, -1074), f64::from_bits(1));
    }
}
