//! `<stdlib.h>`: the heap (through the selected [`crate::vm::alloc::Allocator`]), number
//! conversions, `rand`.

use super::numparse;
use super::{Call, GlibcRandom};
use crate::arith::IntOp;
use crate::bytecode::Lib;
use crate::vm::{Trap, Vm};

const ERANGE: i32 = 34;

impl Vm<'_> {
    pub(super) fn heap_call(&mut self, lib: Lib, c: &Call) -> Result<(), Trap> {
        if self.check.is_some() {
            return self.checked_heap_call(lib, c);
        }
        let result = match lib {
            Lib::Malloc => {
                let size = self.arg(c, 0)?;
                self.heap.malloc(&mut self.mem, size)?
            }
            Lib::Calloc => {
                let (n, size) = (self.arg(c, 0)?, self.arg(c, 1)?);
                self.heap.calloc(&mut self.mem, n, size)?
            }
            Lib::Realloc => {
                let (ptr, size) = (self.arg(c, 0)?, self.arg(c, 1)?);
                if ptr != 0 {
                    self.check_free_target(ptr)?;
                }
                self.heap.realloc(&mut self.mem, ptr, size)?
            }
            _ => {
                let ptr = self.arg(c, 0)?;
                if ptr != 0 {
                    self.check_free_target(ptr)?;
                    self.heap.free(&mut self.mem, ptr)?;
                }
                None
            }
        };
        self.result(c, result.unwrap_or(0))
    }

    fn checked_heap_call(&mut self, lib: Lib, c: &Call) -> Result<(), Trap> {
        let result = match lib {
            Lib::Malloc => self.checked_malloc(self.arg(c, 0)?)?,
            Lib::Calloc => {
                let Some(size) = self.arg(c, 0)?.checked_mul(self.arg(c, 1)?) else {
                    return self.result(c, 0);
                };
                let p = self.checked_malloc(size)?;
                if let Some(p) = p {
                    self.mem.slice_mut(p, size)?.fill(0);
                    self.mem.set_defined(p, size, true);
                }
                p
            }
            Lib::Realloc => {
                let (ptr, size) = (self.arg(c, 0)?, self.arg(c, 1)?);
                if ptr == 0 {
                    self.checked_malloc(size)?
                } else if size == 0 {
                    self.check_free_target(ptr)?;
                    self.checked_free(ptr)?;
                    None
                } else {
                    self.check_free_target(ptr)?;
                    self.checked_realloc(ptr, size)?
                }
            }
            _ => {
                let ptr = self.arg(c, 0)?;
                if ptr != 0 {
                    self.check_free_target(ptr)?;
                    self.checked_free(ptr)?;
                }
                None
            }
        };
        self.result(c, result.unwrap_or(0))
    }

    /// `free` of something that is not on the heap at all says where it is.
    fn check_free_target(&self, ptr: u64) -> Result<(), Trap> {
        if ptr >= self.mem.layout.heap_start && ptr < self.mem.brk {
            // The heap's range belongs to no other segment.
            return Ok(());
        }
        let seg = self.mem.segment_of(ptr);
        if seg != crate::bytecode::Segment::Heap {
            return Err(Trap::InvalidFree {
                addr: ptr,
                why: format!("the address is in {}, not on the heap", seg.name()),
            });
        }
        Ok(())
    }

    fn c_arg_string(&self, c: &Call, i: u64) -> Result<Vec<u8>, Trap> {
        self.mem.c_string(self.arg(c, i)?, Some(1 << 16))
    }

    pub(super) fn stdlib_call(&mut self, lib: Lib, c: &Call) -> Result<(), Trap> {
        use Lib::*;
        let long_bits = (self.target.long_size * 8) as u32;
        match lib {
            Abs => {
                let v = self.arg_i32(c, 0)?;
                self.result_i32(c, v.wrapping_abs())
            }
            Labs | Llabs => {
                let v = self.arg(c, 0)? as i64;
                self.result(c, v.wrapping_abs() as u64)
            }
            Div | Ldiv => {
                // A struct result: the caller's buffer comes first.
                // ldiv_t holds two longs: 8-byte ones only under LP64.
                let (buf, wide) = (self.arg(c, 0)?, lib == Ldiv && long_bits == 64);
                let (n, d) = if wide {
                    (self.arg(c, 1)? as i64, self.arg(c, 2)? as i64)
                } else {
                    (self.arg_i32(c, 1)? as i64, self.arg_i32(c, 2)? as i64)
                };
                // glibc divides with the processor's division: it traps as `/` does.
                let bits = if wide { 64 } else { 32 };
                let divide = |op| {
                    crate::arith::int_op(op, bits, true, n as u64, d as u64)
                        .map_err(|e| Trap::arith(e, op, bits))
                };
                let (q, r) = (divide(IntOp::Div)?, divide(IntOp::Rem)?);
                if wide {
                    self.mem.write_u64(buf, q)?;
                    self.mem.write_u64(buf + 8, r)?;
                } else {
                    self.mem.write_u32(buf, q as u32)?;
                    self.mem.write_u32(buf + 4, r as u32)?;
                }
                self.result(c, buf)
            }
            Atoi => {
                let s = self.c_arg_string(c, 0)?;
                self.result_i32(c, numparse::atoi(&s, self.target))
            }
            Atol => {
                let s = self.c_arg_string(c, 0)?;
                self.result(c, numparse::atol(&s, self.target) as u64)
            }
            Atoll => {
                let s = self.c_arg_string(c, 0)?;
                self.result(c, numparse::atoll(&s) as u64)
            }
            Atof => {
                let s = self.c_arg_string(c, 0)?;
                self.result_f64(c, numparse::atof(&s))
            }
            Strtol | Strtoul | Strtoll | Strtoull => {
                let (nptr, endptr, base) = (self.arg(c, 0)?, self.arg(c, 1)?, self.arg_i32(c, 2)?);
                let s = self.mem.c_string(nptr, Some(1 << 16))?;
                let bits = if matches!(lib, Strtol | Strtoul) {
                    long_bits
                } else {
                    64
                };
                let signed = matches!(lib, Strtol | Strtoll);
                let base = if (0..=36).contains(&base) {
                    base as u32
                } else {
                    1
                };
                let p = numparse::strtol(&s, base, bits, signed);
                self.end_pointer(endptr, nptr, p.consumed)?;
                if p.overflow {
                    self.set_errno(ERANGE);
                }
                self.result(c, p.value)
            }
            Strtod => {
                let (nptr, endptr) = (self.arg(c, 0)?, self.arg(c, 1)?);
                let s = self.mem.c_string(nptr, Some(1 << 16))?;
                let p = numparse::strtod(&s);
                self.end_pointer(endptr, nptr, p.consumed)?;
                if p.overflow {
                    self.set_errno(ERANGE);
                }
                self.result_f64(c, p.value)
            }
            Rand => {
                let r = self.lib.random.random();
                self.result_i32(c, r)
            }
            Srand => {
                self.lib.random = GlibcRandom::new(self.arg_i32(c, 0)? as u32);
                Ok(())
            }
            Getenv => self.result(c, 0),
            other => unreachable!("{other:?} is not a stdlib function"),
        }
    }

    fn end_pointer(&mut self, endptr: u64, nptr: u64, consumed: usize) -> Result<(), Trap> {
        if endptr != 0 {
            let ptr = self.target.ptr_size as usize;
            let v = (nptr + consumed as u64).to_le_bytes();
            self.mem
                .slice_mut(endptr, ptr as u64)?
                .copy_from_slice(&v[..ptr]);
        }
        Ok(())
    }
}
