//! The real glibc as the oracle for the C library engines, and adapters from the engines'
//! traits to real memory.

#![allow(dead_code)]

use std::ffi::{CString, c_char, c_int};

use segvm::target::Target;
use segvm::vm::builtins::format::{self, FormatArgs, Outcome};
use segvm::vm::builtins::scan::{self, ScanArgs, StrInput};

unsafe extern "C" {
    /// The scanf that gcc's headers select for C99 programs.
    fn __isoc99_sscanf(s: *const c_char, fmt: *const c_char, ...) -> c_int;
}

pub fn errno() -> i32 {
    unsafe { *libc::__errno_location() }
}

pub fn clear_errno() {
    unsafe { *libc::__errno_location() = 0 }
}

/// An argument of a printf call, in the order the format consumes it.
#[derive(Clone, Debug)]
pub enum Arg {
    Int(u64),
    Dbl(f64),
    /// A real C string (leaked, so its address stays valid), or NULL.
    Str(Option<&'static [u8]>),
}

impl Arg {
    pub fn str(s: &str) -> Arg {
        let leaked: &'static CString = Box::leak(Box::new(CString::new(s).unwrap()));
        Arg::Str(Some(leaked.as_bytes_with_nul()))
    }

    fn slot(&self) -> u64 {
        match self {
            Arg::Int(v) => *v,
            Arg::Dbl(d) => d.to_bits(),
            Arg::Str(Some(s)) => s.as_ptr() as u64,
            Arg::Str(None) => 0,
        }
    }
}

/// What a printf call gave: its return value, errno when it failed, and the output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Printed {
    pub ret: i32,
    pub errno: i32,
    pub out: String,
}

/// glibc's snprintf. On x86-64 integer-class and floating arguments travel apart, so passing
/// all integers first and all doubles after reaches the same va_arg sequence as any
/// interleaving.
pub fn glibc_printf(fmt: &[u8], args: &[Arg]) -> Printed {
    let cfmt = CString::new(fmt).unwrap();
    let mut ints = [0u64; 16];
    let mut dbls = [0f64; 8];
    let (mut ni, mut nd) = (0, 0);
    for a in args {
        match a {
            Arg::Dbl(d) => {
                dbls[nd] = *d;
                nd += 1;
            }
            other => {
                ints[ni] = other.slot();
                ni += 1;
            }
        }
    }
    let mut buf = vec![0u8; 1 << 19];
    clear_errno();
    let ret = unsafe {
        libc::snprintf(
            buf.as_mut_ptr() as *mut c_char,
            buf.len(),
            cfmt.as_ptr(),
            ints[0],
            ints[1],
            ints[2],
            ints[3],
            ints[4],
            ints[5],
            ints[6],
            ints[7],
            ints[8],
            ints[9],
            ints[10],
            ints[11],
            ints[12],
            ints[13],
            ints[14],
            ints[15],
            dbls[0],
            dbls[1],
            dbls[2],
            dbls[3],
            dbls[4],
            dbls[5],
            dbls[6],
            dbls[7],
        )
    };
    let errno = if ret < 0 { errno() } else { 0 };
    assert!(
        (ret as usize) < buf.len() || ret < 0,
        "output too long for the test buffer"
    );
    // The output may hold NULs (%c of 0): its length is the return value.
    let len = if ret >= 0 {
        ret as usize
    } else {
        buf.iter().position(|&b| b == 0).unwrap()
    };
    Printed {
        ret,
        errno,
        out: String::from_utf8_lossy(&buf[..len]).into_owned(),
    }
}

/// Slots over real memory: strings are read through their real addresses.
pub struct RealArgs {
    pub slots: Vec<u64>,
    pub next: usize,
}

impl FormatArgs for RealArgs {
    type Error = String;
    fn next_slot(&mut self) -> Result<u64, String> {
        // Past the given arguments glibc reads whatever is there; zeros here.
        let s = self.slots.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        Ok(s)
    }
    fn c_string(&mut self, addr: u64, limit: Option<usize>) -> Result<Vec<u8>, String> {
        let mut v = Vec::new();
        let p = addr as *const u8;
        while limit.is_none_or(|l| v.len() < l) {
            let b = unsafe { *p.add(v.len()) };
            if b == 0 {
                break;
            }
            v.push(b);
        }
        Ok(v)
    }
    fn store_count(&mut self, _addr: u64, _size: u8, _count: u64) -> Result<(), String> {
        Err("%n is not used against the oracle".into())
    }
}

/// The engine under the same conventions as [`glibc_printf`].
pub fn our_printf(fmt: &[u8], args: &[Arg]) -> Printed {
    let mut a = RealArgs {
        slots: args.iter().map(Arg::slot).collect(),
        next: 0,
    };
    let mut out = Vec::new();
    let outcome = format::format(fmt, Target::LP64, &mut a, &mut out).unwrap();
    let (ret, errno) = match outcome {
        Outcome::Done => (out.len() as i32, 0),
        Outcome::Failed(f) => {
            // The oracle's partial output can only be read up to a NUL.
            if let Some(n) = out.iter().position(|&b| b == 0) {
                out.truncate(n);
            }
            (-1, f.errno())
        }
    };
    Printed {
        ret,
        errno,
        out: String::from_utf8_lossy(&out).into_owned(),
    }
}

pub const SCAN_BUFS: usize = 4;
pub const SCAN_BUF_LEN: usize = 256;

/// What a scanf call gave: its return value and the contents of the argument buffers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scanned {
    pub ret: i32,
    pub bufs: Vec<Vec<u8>>,
}

fn fresh_bufs() -> Vec<Vec<u8>> {
    (0..SCAN_BUFS).map(|_| vec![0xa5u8; SCAN_BUF_LEN]).collect()
}

/// glibc's C99 sscanf with four pointer arguments, each to its own buffer.
pub fn glibc_sscanf(input: &[u8], fmt: &[u8]) -> Scanned {
    let cin = CString::new(input).unwrap();
    let cfmt = CString::new(fmt).unwrap();
    let mut bufs = fresh_bufs();
    let p: Vec<*mut u8> = bufs.iter_mut().map(|b| b.as_mut_ptr()).collect();
    let ret = unsafe { __isoc99_sscanf(cin.as_ptr(), cfmt.as_ptr(), p[0], p[1], p[2], p[3]) };
    Scanned { ret, bufs }
}

struct BufArgs {
    bufs: Vec<Vec<u8>>,
    next: u64,
}

impl ScanArgs for BufArgs {
    type Error = String;
    /// Buffer `i` lives at address `i << 16`.
    fn next_slot(&mut self) -> Result<u64, String> {
        self.next += 1;
        Ok((self.next - 1) << 16)
    }
    fn store(&mut self, addr: u64, bytes: &[u8]) -> Result<(), String> {
        let buf = self
            .bufs
            .get_mut((addr >> 16) as usize)
            .ok_or("no such argument")?;
        let at = (addr & 0xffff) as usize;
        buf.get_mut(at..at + bytes.len())
            .ok_or("store too long")?
            .copy_from_slice(bytes);
        Ok(())
    }
}

/// The engine over the same four buffers.
pub fn our_sscanf(input: &[u8], fmt: &[u8]) -> Scanned {
    let mut args = BufArgs {
        bufs: fresh_bufs(),
        next: 0,
    };
    let mut inp = StrInput::new(input);
    let ret = scan::scan(fmt, Target::LP64, &mut inp, &mut args).unwrap();
    Scanned {
        ret,
        bufs: args.bufs,
    }
}
