//! `<stdio.h>`: the printf and scanf families on top of the format engines, and
//! character and line I/O on stdin, stdout and stderr.

use super::Call;
use super::format::{self, FormatArgs, Outcome};
use super::scan::{self, ScanArgs, ScanInput, StrInput};
use crate::bytecode::Lib;
use crate::vm::memory::Memory;
use crate::vm::{Trap, Vm};

/// Arguments read from consecutive 8-byte slots (a call's variadic part, or a va_list).
struct Slots<'m> {
    mem: &'m mut Memory,
    next: u64,
    /// `--check`: an argument or string read was (partly) undefined.
    undefined: bool,
}

impl FormatArgs for Slots<'_> {
    type Error = Trap;

    fn next_slot(&mut self) -> Result<u64, Trap> {
        let v = self.mem.read_u64(self.next)?;
        // An int argument fills only the low half of its slot.
        self.undefined |= !self.mem.is_defined(self.next, 4);
        self.next += 8;
        Ok(v)
    }

    fn c_string(&mut self, addr: u64, limit: Option<usize>) -> Result<Vec<u8>, Trap> {
        let s = self.mem.c_string(addr, limit)?;
        self.undefined |= !self.mem.is_defined(addr, string_bytes(&s, limit));
        Ok(s)
    }

    fn store_count(&mut self, addr: u64, size: u8, count: u64) -> Result<(), Trap> {
        let bytes = count.to_le_bytes();
        self.mem
            .slice_mut(addr, size as u64)?
            .copy_from_slice(&bytes[..size as usize]);
        Ok(())
    }
}

impl ScanArgs for Slots<'_> {
    type Error = Trap;

    fn next_slot(&mut self) -> Result<u64, Trap> {
        FormatArgs::next_slot(self)
    }

    fn store(&mut self, addr: u64, bytes: &[u8]) -> Result<(), Trap> {
        self.mem
            .slice_mut(addr, bytes.len() as u64)?
            .copy_from_slice(bytes);
        Ok(())
    }
}

/// The bytes a string read looked at: its characters, and its '\0' unless a length limit
/// stopped the read first.
fn string_bytes(s: &[u8], limit: Option<usize>) -> u64 {
    s.len() as u64 + u64::from(limit.is_none_or(|l| s.len() < l))
}

/// The program's stdin as a scanf input.
struct Stdin<'a>(&'a mut dyn std::io::BufRead);

impl ScanInput for Stdin<'_> {
    fn peek(&mut self) -> Option<u8> {
        self.0.fill_buf().ok().and_then(|b| b.first().copied())
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.0.consume(1);
        Some(b)
    }
}

/// Which stream a `FILE *` is: the runtime's FILE objects hold the descriptor.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stream {
    In,
    Out,
    Err,
}

impl Vm<'_> {
    fn stream(&self, file: u64) -> Result<Stream, Trap> {
        Ok(match self.mem.read_u32(file)? {
            0 => Stream::In,
            2 => Stream::Err,
            _ => Stream::Out,
        })
    }

    fn write_stream(&mut self, s: Stream, bytes: &[u8]) -> Result<(), Trap> {
        match s {
            Stream::Err => self.io.err(bytes),
            _ => self.io.out(bytes),
        }
    }

    fn getc(&mut self) -> i32 {
        let mut input = Stdin(&mut *self.io.stdin);
        input.next().map_or(-1, |b| b as i32)
    }

    pub(super) fn printf_family(&mut self, lib: Lib, c: &Call) -> Result<(), Trap> {
        use Lib::*;
        // Where the format is, where its arguments start, and where the output goes.
        let (fmt_index, dest) = match lib {
            Printf | Vprintf => (0, None),
            Fprintf | Vfprintf => (1, None),
            Sprintf | Vsprintf => (1, Some((self.arg(c, 0)?, None))),
            _ => (2, Some((self.arg(c, 0)?, Some(self.arg(c, 1)?)))),
        };
        let fmt = self.mem.c_string(self.arg(c, fmt_index)?, Some(1 << 20))?;
        let va = matches!(lib, Vprintf | Vfprintf | Vsprintf | Vsnprintf);
        let next = if va {
            self.arg(c, fmt_index + 1)?
        } else {
            c.base + 8 * (fmt_index + 1)
        };
        let mut out = Vec::new();
        let mut args = Slots {
            mem: &mut self.mem,
            next,
            undefined: false,
        };
        let outcome = format::format(&fmt, self.target, &mut args, &mut out)?;
        if args.undefined {
            self.report(
                "uninitialized-read",
                format!(
                    "the output of {} depends on an uninitialized value",
                    lib.name()
                ),
            );
        }
        match dest {
            None => {
                let stream = if matches!(lib, Fprintf | Vfprintf) {
                    self.stream(self.arg(c, 0)?)?
                } else {
                    Stream::Out
                };
                self.write_stream(stream, &out)?;
            }
            Some((buf, None)) => {
                let dst = self.mem.slice_mut(buf, out.len() as u64 + 1)?;
                dst[..out.len()].copy_from_slice(&out);
                dst[out.len()] = 0;
            }
            Some((buf, Some(size))) => {
                if size > 0 {
                    let n = out.len().min(size as usize - 1);
                    let dst = self.mem.slice_mut(buf, n as u64 + 1)?;
                    dst[..n].copy_from_slice(&out[..n]);
                    dst[n] = 0;
                }
            }
        }
        match outcome {
            Outcome::Done => self.result_i32(c, out.len() as i32),
            Outcome::Failed(f) => {
                self.set_errno(f.errno());
                self.result_i32(c, -1)
            }
        }
    }

    pub(super) fn scanf_family(&mut self, lib: Lib, c: &Call) -> Result<(), Trap> {
        let n = if lib == Lib::Scanf {
            let fmt = self.mem.c_string(self.arg(c, 0)?, Some(1 << 20))?;
            let mut args = Slots {
                mem: &mut self.mem,
                next: c.base + 8,
                undefined: false,
            };
            scan::scan(
                &fmt,
                self.target,
                &mut Stdin(&mut *self.io.stdin),
                &mut args,
            )?
        } else {
            let text = self.mem.c_string(self.arg(c, 0)?, None)?;
            let fmt = self.mem.c_string(self.arg(c, 1)?, Some(1 << 20))?;
            let mut args = Slots {
                mem: &mut self.mem,
                next: c.base + 16,
                undefined: false,
            };
            scan::scan(&fmt, self.target, &mut StrInput::new(&text), &mut args)?
        };
        self.result_i32(c, n)
    }

    pub(super) fn stdio_misc(&mut self, lib: Lib, c: &Call) -> Result<(), Trap> {
        use Lib::*;
        match lib {
            Putchar => {
                self.check_output_char(c.base, "putchar");
                let ch = self.arg_i32(c, 0)? as u8;
                self.io.out(&[ch])?;
                self.result_i32(c, ch as i32)
            }
            Fputc | Putc => {
                self.check_output_char(c.base, lib.name());
                let ch = self.arg_i32(c, 0)? as u8;
                let s = self.stream(self.arg(c, 1)?)?;
                self.write_stream(s, &[ch])?;
                self.result_i32(c, ch as i32)
            }
            Puts => {
                let at = self.arg(c, 0)?;
                let mut s = self.mem.c_string(at, None)?;
                self.check_output(at, string_bytes(&s, None), "puts");
                s.push(b'\n');
                self.io.out(&s)?;
                self.result_i32(c, 1)
            }
            Fputs => {
                let at = self.arg(c, 0)?;
                let s = self.mem.c_string(at, None)?;
                self.check_output(at, string_bytes(&s, None), "fputs");
                let stream = self.stream(self.arg(c, 1)?)?;
                self.write_stream(stream, &s)?;
                self.result_i32(c, 1)
            }
            Getchar | Fgetc | Getc => {
                let ch = self.getc();
                self.result_i32(c, ch)
            }
            Fgets => {
                let (buf, size) = (self.arg(c, 0)?, self.arg_i32(c, 1)?);
                if size <= 0 {
                    return self.result(c, 0);
                }
                let mut line = Vec::new();
                while line.len() + 1 < size as usize {
                    let ch = self.getc();
                    if ch < 0 {
                        break;
                    }
                    line.push(ch as u8);
                    if ch == b'\n' as i32 {
                        break;
                    }
                }
                if line.is_empty() {
                    return self.result(c, 0);
                }
                line.push(0);
                self.mem
                    .slice_mut(buf, line.len() as u64)?
                    .copy_from_slice(&line);
                self.result(c, buf)
            }
            Fflush => {
                self.io.flush_out();
                self.result_i32(c, 0)
            }
            Perror => {
                let p = self.arg(c, 0)?;
                let mut msg = if p == 0 {
                    Vec::new()
                } else {
                    self.mem.c_string(p, None)?
                };
                if !msg.is_empty() {
                    msg.extend_from_slice(b": ");
                }
                msg.extend_from_slice(b"Success\n");
                self.io.err(&msg)?;
                self.result(c, 0)
            }
            other => unreachable!("{other:?} is not character I/O"),
        }
    }
}
