//! `<string.h>`, each function checked against segment permissions byte range by range.

use super::Call;
use crate::bytecode::Lib;
use crate::vm::{Trap, Vm};

/// No C string is read beyond this many bytes (they would run past any segment anyway).
const MAX_STRING: usize = 1 << 26;

impl Vm<'_> {
    fn string_at(&self, addr: u64) -> Result<Vec<u8>, Trap> {
        self.mem.c_string(addr, Some(MAX_STRING))
    }

    /// Up to `n` bytes of the string at `addr` (stopping at its NUL).
    fn string_upto(&self, addr: u64, n: u64) -> Result<Vec<u8>, Trap> {
        self.mem
            .c_string(addr, Some(n.min(MAX_STRING as u64) as usize))
    }

    fn put_bytes(&mut self, addr: u64, bytes: &[u8]) -> Result<(), Trap> {
        self.mem
            .slice_mut(addr, bytes.len() as u64)?
            .copy_from_slice(bytes);
        Ok(())
    }

    pub(super) fn string_call(&mut self, lib: Lib, c: &Call) -> Result<(), Trap> {
        use Lib::*;
        let a0 = self.arg(c, 0)?;
        match lib {
            Strlen => {
                let n = self.mem.strlen(a0)?;
                self.result(c, n)
            }
            Strcpy => {
                let mut s = self.string_at(self.arg(c, 1)?)?;
                s.push(0);
                self.put_bytes(a0, &s)?;
                self.result(c, a0)
            }
            Strncpy => {
                let n = self.arg(c, 2)?;
                let mut s = self.string_upto(self.arg(c, 1)?, n)?;
                s.resize(n as usize, 0);
                self.put_bytes(a0, &s)?;
                self.result(c, a0)
            }
            Strcat | Strncat => {
                let end = a0 + self.mem.strlen(a0)?;
                let src = self.arg(c, 1)?;
                let mut s = if lib == Strncat {
                    self.string_upto(src, self.arg(c, 2)?)?
                } else {
                    self.string_at(src)?
                };
                s.push(0);
                self.put_bytes(end, &s)?;
                self.result(c, a0)
            }
            Strcmp | Strncmp => {
                let b = self.arg(c, 1)?;
                let limit = if lib == Strncmp {
                    self.arg(c, 2)?
                } else {
                    u64::MAX
                };
                let mut i = 0;
                let r = loop {
                    if i >= limit {
                        break 0;
                    }
                    let (x, y) = (self.mem.read_u8(a0 + i)?, self.mem.read_u8(b + i)?);
                    if x != y || x == 0 {
                        break x as i32 - y as i32;
                    }
                    i += 1;
                };
                self.result_i32(c, r)
            }
            Memcmp => {
                let (b, n) = (self.arg(c, 1)?, self.arg(c, 2)?);
                let (x, y) = (self.mem.slice(a0, n)?, self.mem.slice(b, n)?);
                let r = x
                    .iter()
                    .zip(y)
                    .find(|(p, q)| p != q)
                    .map_or(0, |(p, q)| *p as i32 - *q as i32);
                self.result_i32(c, r)
            }
            Strchr | Strrchr => {
                let ch = self.arg_i32(c, 1)? as u8;
                let s = self.string_at(a0)?;
                // The terminating NUL counts as part of the string.
                let found = if ch == 0 {
                    Some(s.len())
                } else if lib == Strchr {
                    s.iter().position(|&b| b == ch)
                } else {
                    s.iter().rposition(|&b| b == ch)
                };
                self.result(c, found.map_or(0, |i| a0 + i as u64))
            }
            Memchr => {
                let (ch, n) = (self.arg_i32(c, 1)? as u8, self.arg(c, 2)?);
                let s = self.mem.slice(a0, n)?;
                let found = s.iter().position(|&b| b == ch);
                self.result(c, found.map_or(0, |i| a0 + i as u64))
            }
            Strstr => {
                let (h, n) = (self.string_at(a0)?, self.string_at(self.arg(c, 1)?)?);
                let found = if n.is_empty() {
                    Some(0)
                } else {
                    h.windows(n.len()).position(|w| w == n.as_slice())
                };
                self.result(c, found.map_or(0, |i| a0 + i as u64))
            }
            Strspn | Strcspn | Strpbrk => {
                let (s, set) = (self.string_at(a0)?, self.string_at(self.arg(c, 1)?)?);
                let n = match lib {
                    Strspn => s.iter().take_while(|b| set.contains(b)).count(),
                    _ => s.iter().take_while(|b| !set.contains(b)).count(),
                };
                if lib == Strpbrk {
                    return self.result(c, if n < s.len() { a0 + n as u64 } else { 0 });
                }
                self.result(c, n as u64)
            }
            Strtok => {
                let start = if a0 != 0 { a0 } else { self.lib.strtok_next };
                if start == 0 {
                    return self.result(c, 0);
                }
                let delims = self.string_at(self.arg(c, 1)?)?;
                let s = self.string_at(start)?;
                let skip = s.iter().take_while(|b| delims.contains(b)).count();
                if skip == s.len() {
                    self.lib.strtok_next = 0;
                    return self.result(c, 0);
                }
                let token = start + skip as u64;
                let len = s[skip..].iter().take_while(|b| !delims.contains(b)).count();
                let end = token + len as u64;
                if skip + len < s.len() {
                    self.mem.write_u8(end, 0)?;
                    self.lib.strtok_next = end + 1;
                } else {
                    self.lib.strtok_next = 0;
                }
                self.result(c, token)
            }
            Memset => {
                let (ch, n) = (self.arg_i32(c, 1)? as u8, self.arg(c, 2)?);
                self.mem.slice_mut(a0, n)?.fill(ch);
                self.result(c, a0)
            }
            Memcpy | Memmove => {
                let (src, n) = (self.arg(c, 1)?, self.arg(c, 2)?);
                self.mem.copy(a0, src, n)?;
                self.result(c, a0)
            }
            Strerror => self.result(c, 0),
            other => unreachable!("{other:?} is not a string function"),
        }
    }
}
