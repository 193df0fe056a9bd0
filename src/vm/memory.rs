//! The address space: one flat byte array with the segments of [`Layout`], the break and
//! the stack pointer. Every access through a pointer is checked against the segments'
//! permissions; a failed check is a [`Trap`], never a panic.

use super::raw::{self, Buffer, zeroed_bytes};
use super::trap::Trap;
use crate::bytecode::{Layout, Segment};

/// What `--check` knows about a byte besides its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Poison {
    None = 0,
    /// Around a heap block.
    HeapRedzone = 1,
    /// A freed heap block (held in quarantine).
    Freed = 2,
    /// Between local variables.
    StackRedzone = 3,
    /// Between globals.
    GlobalRedzone = 4,
}

/// The shadow of memory in `--check` mode: per byte, a poison kind (bits 1..) and whether
/// it is undefined (bit 0: never written since it was allocated). It covers only what is
/// mapped: the whole space of a process, FLASH and RAM of the embedded layout (whose
/// addresses lie hundreds of MiB apart).
pub struct Shadow {
    /// Each window: its first address and a state byte per address from there.
    windows: Vec<(u64, Vec<u8>)>,
}

const UNDEFINED: u8 = 1;

impl Shadow {
    /// The state bytes of `n` bytes at `addr`, if one window holds them all.
    fn get(&self, addr: u64, n: u64) -> Option<&[u8]> {
        let (base, w) = self
            .windows
            .iter()
            .find(|(base, w)| addr >= *base && addr - base < w.len() as u64)?;
        let off = (addr - base) as usize;
        w.get(off..off.checked_add(usize::try_from(n).ok()?)?)
    }

    fn get_mut(&mut self, addr: u64, n: u64) -> Option<&mut [u8]> {
        let (base, w) = self
            .windows
            .iter_mut()
            .find(|(base, w)| addr >= *base && addr - *base < w.len() as u64)?;
        let off = (addr - *base) as usize;
        w.get_mut(off..off.checked_add(usize::try_from(n).ok()?)?)
    }

    fn poison_of(b: u8) -> Poison {
        match b >> 1 {
            1 => Poison::HeapRedzone,
            2 => Poison::Freed,
            3 => Poison::StackRedzone,
            4 => Poison::GlobalRedzone,
            _ => Poison::None,
        }
    }
}

pub struct Memory {
    pub(super) bytes: Buffer,
    /// `--check` mode's shadow state, when on.
    pub shadow: Option<Shadow>,
    /// The lowest the stack pointer has been: below it is gap, above it a returned frame.
    pub lowest_sp: u64,
    pub layout: Layout,
    /// The end of the heap: `heap_start <= brk <= sp`.
    pub brk: u64,
    /// The lowest address of the stack.
    pub sp: u64,
    /// The end of data and bss, whichever is last: the writable globals end there.
    globals_end: u64,
}

impl Memory {
    /// A zeroed space of `layout.mem_size` bytes (the host allocates it lazily), or an
    /// error if the host refuses that much.
    pub fn new(layout: Layout) -> Result<Memory, String> {
        let size = usize::try_from(layout.mem_size).map_err(|e| e.to_string())?;
        let brk = layout.heap_start;
        Ok(Memory {
            bytes: Buffer::zeroed(size)?,
            sp: layout.mem_size,
            lowest_sp: layout.mem_size,
            shadow: None,
            brk,
            globals_end: layout.bss.end.max(layout.data.end),
            layout,
        })
    }

    pub fn size(&self) -> u64 {
        self.bytes.len() as u64
    }

    /// Turns on `--check`'s shadow state: everything defined and unpoisoned.
    pub fn enable_shadow(&mut self) -> Result<(), String> {
        let windows = match &self.layout.regions {
            Some(r) => vec![
                (
                    r.flash.start,
                    zeroed_bytes((r.flash.end - r.flash.start) as usize)?,
                ),
                (
                    r.ram.start,
                    zeroed_bytes((r.ram.end - r.ram.start) as usize)?,
                ),
            ],
            None => vec![(0, zeroed_bytes(self.bytes.len())?)],
        };
        self.shadow = Some(Shadow { windows });
        Ok(())
    }

    fn check_poison(&self, shadow: &Shadow, addr: u64, n: u64, write: bool) -> Result<(), Trap> {
        let Some(bytes) = shadow.get(addr, n) else {
            return Ok(());
        };
        let Some(&b) = bytes.iter().find(|&&b| b >> 1 != 0) else {
            return Ok(());
        };
        let size = n;
        Err(match Shadow::poison_of(b) {
            Poison::HeapRedzone => Trap::HeapBufferOverflow { addr, size, write },
            Poison::Freed => Trap::HeapUseAfterFree { addr, size, write },
            Poison::StackRedzone => Trap::StackBufferOverflow { addr, size, write },
            Poison::GlobalRedzone => Trap::GlobalBufferOverflow { addr, size, write },
            Poison::None => return Ok(()),
        })
    }

    /// Marks a range with a poison kind (keeping definedness).
    pub fn poison(&mut self, addr: u64, n: u64, kind: Poison) {
        if let Some(shadow) = &mut self.shadow
            && let Some(s) = shadow.get_mut(addr, n)
        {
            for b in s {
                *b = (*b & UNDEFINED) | ((kind as u8) << 1);
            }
        }
    }

    /// The poison kind of one byte (`None` outside `--check`).
    pub fn poison_at(&self, addr: u64) -> Poison {
        match &self.shadow {
            Some(s) => s
                .get(addr, 1)
                .map_or(Poison::None, |b| Shadow::poison_of(b[0])),
            None => Poison::None,
        }
    }

    /// Marks a range as defined or not (`--check`).
    pub fn set_defined(&mut self, addr: u64, n: u64, defined: bool) {
        if let Some(shadow) = &mut self.shadow
            && let Some(s) = shadow.get_mut(addr, n)
        {
            for b in s {
                *b = if defined {
                    *b & !UNDEFINED
                } else {
                    *b | UNDEFINED
                };
            }
        }
    }

    /// Whether every byte of a range is defined (always, outside `--check`).
    pub fn is_defined(&self, addr: u64, n: u64) -> bool {
        match &self.shadow {
            Some(s) => s
                .get(addr, n)
                .is_none_or(|b| b.iter().all(|&x| x & UNDEFINED == 0)),
            None => true,
        }
    }

    /// The first byte of a range that is undefined (`None` outside `--check`).
    pub fn first_undefined(&self, addr: u64, n: u64) -> Option<u64> {
        let bytes = self.shadow.as_ref()?.get(addr, n)?;
        let i = bytes.iter().position(|&x| x & UNDEFINED != 0)?;
        Some(addr + i as u64)
    }

    /// Copies definedness along with a copy of bytes (`--check`).
    pub fn copy_definedness(&mut self, dst: u64, src: u64, n: u64) {
        if let Some(shadow) = &mut self.shadow {
            let Some(from) = shadow.get(src, n).map(|s| s.to_vec()) else {
                return;
            };
            if let Some(to) = shadow.get_mut(dst, n) {
                for (d, s) in to.iter_mut().zip(from) {
                    *d = (*d & !UNDEFINED) | (s & UNDEFINED);
                }
            }
        }
    }

    /// Copies bytes in at load time, ignoring permissions.
    pub fn load_segment(&mut self, addr: u64, data: &[u8]) {
        let start = addr as usize;
        if let Some(dst) = self.bytes.slice_mut().get_mut(start..start + data.len()) {
            dst.copy_from_slice(data);
        }
    }

    pub fn segment_of(&self, addr: u64) -> Segment {
        self.layout.segment_of(addr, self.brk, self.sp)
    }

    fn readable(&self, addr: u64, end: u64) -> bool {
        let l = &self.layout;
        (addr >= self.sp && end <= l.mem_size)
            || (addr >= l.heap_start && end <= self.brk)
            || (addr >= l.data.start && end <= l.bss.end.max(l.data.end))
            || (addr >= l.rodata.start && end <= l.rodata.end)
            || (addr >= l.text.start && end <= l.text.end)
            // Embedded: .data's initial bytes in FLASH, for the startup code to copy.
            || (l.data_load != l.data.start
                && addr >= l.data_load
                && end <= l.data_load + (l.data.end - l.data.start))
    }

    #[inline(always)]
    fn writable(&self, addr: u64, end: u64) -> bool {
        let l = &self.layout;
        (addr >= self.sp && end <= l.mem_size)
            || (addr >= l.heap_start && end <= self.brk)
            || (addr >= l.data.start && end <= l.bss.end.max(l.data.end))
    }

    /// The range of `n` bytes at `addr` if a load (or store) may touch them.
    #[inline]
    pub fn check(&self, addr: u64, n: u64, write: bool) -> Result<std::ops::Range<usize>, Trap> {
        let range = self.check_segments(addr, n, write)?;
        if let Some(shadow) = &self.shadow {
            self.check_poison(shadow, addr, n, write)?;
        }
        Ok(range)
    }

    /// The segment check alone, for the allocator's own metadata (which lives in the red
    /// zones and freed blocks that `--check` poisons).
    #[inline]
    pub fn check_segments(
        &self,
        addr: u64,
        n: u64,
        write: bool,
    ) -> Result<std::ops::Range<usize>, Trap> {
        let end = addr.saturating_add(n);
        let ok = if write {
            self.writable(addr, end)
        } else {
            self.readable(addr, end)
        };
        if ok {
            Ok(addr as usize..end as usize)
        } else if self.shadow.is_some() && addr >= self.lowest_sp && addr < self.sp {
            Err(Trap::StackUseAfterReturn {
                addr,
                size: n,
                write,
            })
        } else {
            // Report the first byte that is out of bounds (the access may straddle).
            let bad = (addr..end)
                .find(|&a| {
                    let e = a + 1;
                    if write {
                        !self.writable(a, e)
                    } else {
                        !self.readable(a, e)
                    }
                })
                .unwrap_or(addr);
            Err(Trap::for_access(addr, n, write, self.segment_of(bad)))
        }
    }

    /// Whether `N` bytes at `addr` lie in the stack, the heap or the globals: what
    /// [`Self::writable`] says, without a saturating add (an access fits below `end` when
    /// it starts at most `end - N`, and no segment ends below `N`).
    #[inline(always)]
    pub(super) fn in_writable<const N: usize>(&self, addr: u64) -> bool {
        let n = N as u64;
        let l = &self.layout;
        self.shadow.is_none()
            && ((addr >= self.sp && addr <= l.mem_size - n)
                || (addr >= l.heap_start && addr <= self.brk.wrapping_sub(n))
                || (addr >= l.data.start && addr <= self.globals_end.wrapping_sub(n)))
    }

    /// Loads `N` bytes. Nearly every access lands in the stack, the heap or data, which
    /// are checked inline; everything else takes the full check.
    #[inline(always)]
    pub fn read<const N: usize>(&self, addr: u64) -> Result<[u8; N], Trap> {
        match self.read_writable(addr) {
            Some(v) => Ok(v),
            None => self.read_checked(addr),
        }
    }

    #[inline(never)]
    fn read_checked<const N: usize>(&self, addr: u64) -> Result<[u8; N], Trap> {
        let r = self.check(addr, N as u64, false)?;
        Ok(self.bytes.slice()[r].try_into().unwrap_or([0; N]))
    }

    /// Stores `N` bytes (checked as [`Self::read`] is).
    #[inline(always)]
    pub fn write<const N: usize>(&mut self, addr: u64, v: [u8; N]) -> Result<(), Trap> {
        if self.write_writable(addr, v) {
            return Ok(());
        }
        self.write_checked(addr, v)
    }

    #[inline(never)]
    fn write_checked<const N: usize>(&mut self, addr: u64, v: [u8; N]) -> Result<(), Trap> {
        let r = self.check(addr, N as u64, true)?;
        self.bytes.slice_mut()[r].copy_from_slice(&v);
        Ok(())
    }

    /// Bytes for the allocator's checks (no `--check` poison applies).
    pub fn raw_slice(&self, addr: u64, n: u64) -> Result<&[u8], Trap> {
        let r = self.check_segments(addr, n, false)?;
        Ok(&self.bytes.slice()[r])
    }

    /// Bytes for the allocator (copies and fills of payloads it manages).
    pub fn raw_slice_mut(&mut self, addr: u64, n: u64) -> Result<&mut [u8], Trap> {
        let r = self.check_segments(addr, n, true)?;
        Ok(&mut self.bytes.slice_mut()[r])
    }

    pub fn raw_copy(&mut self, dst: u64, src: u64, n: u64) -> Result<(), Trap> {
        let s = self.check_segments(src, n, false)?;
        let d = self.check_segments(dst, n, true)?;
        self.bytes.slice_mut().copy_within(s, d.start);
        Ok(())
    }

    #[inline(always)]
    pub fn read_u8(&self, addr: u64) -> Result<u8, Trap> {
        Ok(self.read::<1>(addr)?[0])
    }

    #[inline(always)]
    pub fn read_u32(&self, addr: u64) -> Result<u32, Trap> {
        Ok(u32::from_le_bytes(self.read(addr)?))
    }

    #[inline(always)]
    pub fn read_u64(&self, addr: u64) -> Result<u64, Trap> {
        Ok(u64::from_le_bytes(self.read(addr)?))
    }

    #[inline(always)]
    pub fn write_u8(&mut self, addr: u64, v: u8) -> Result<(), Trap> {
        self.write(addr, [v])
    }

    // The library writes through `write_u32`, `write_u64` and `slice_mut`: what it
    // writes is defined. (Instructions store through `write`, and `--check` follows the
    // definedness of what they store itself.)

    pub fn write_u32(&mut self, addr: u64, v: u32) -> Result<(), Trap> {
        self.write(addr, v.to_le_bytes())?;
        self.set_defined(addr, 4, true);
        Ok(())
    }

    pub fn write_u64(&mut self, addr: u64, v: u64) -> Result<(), Trap> {
        self.write(addr, v.to_le_bytes())?;
        self.set_defined(addr, 8, true);
        Ok(())
    }

    /// A readable byte range.
    pub fn slice(&self, addr: u64, n: u64) -> Result<&[u8], Trap> {
        let r = self.check(addr, n, false)?;
        Ok(&self.bytes.slice()[r])
    }

    /// A writable byte range (for the library: its bytes count as defined).
    pub fn slice_mut(&mut self, addr: u64, n: u64) -> Result<&mut [u8], Trap> {
        let r = self.check(addr, n, true)?;
        self.set_defined(addr, n, true);
        Ok(&mut self.bytes.slice_mut()[r])
    }

    /// memmove within the space, both ranges checked.
    pub fn copy(&mut self, dst: u64, src: u64, n: u64) -> Result<(), Trap> {
        if n == 0 {
            return Ok(());
        }
        let s = self.check(src, n, false)?;
        let d = self.check(dst, n, true)?;
        self.bytes.slice_mut().copy_within(s, d.start);
        self.copy_definedness(dst, src, n);
        Ok(())
    }

    /// The bytes of the NUL-terminated string at `addr` (without the NUL), reading at most
    /// `limit` bytes.
    pub fn c_string(&self, addr: u64, limit: Option<usize>) -> Result<Vec<u8>, Trap> {
        let mut out = Vec::new();
        let mut a = addr;
        loop {
            if limit.is_some_and(|l| out.len() >= l) {
                return Ok(out);
            }
            let b = self.read_u8(a)?;
            if b == 0 {
                return Ok(out);
            }
            out.push(b);
            a += 1;
        }
    }

    /// The length of the C string at `addr`.
    pub fn strlen(&self, addr: u64) -> Result<u64, Trap> {
        // Scan within the readable run first (fast), then check the end byte-wise.
        let mut a = addr;
        loop {
            if self.read_u8(a)? == 0 {
                return Ok(a - addr);
            }
            a += 1;
        }
    }

    /// Unchecked access to the whole space, for frame slots (which are inside the stack
    /// by construction) and for tools that inspect memory.
    pub fn bytes(&self) -> &[u8] {
        self.bytes.slice()
    }

    pub fn bytes_mut(&mut self) -> &mut [u8] {
        self.bytes.slice_mut()
    }

    /// The raw base of the space, for the interpreter's frame pointer (see `vm::raw`).
    pub(crate) fn base(&self) -> *mut u8 {
        self.bytes.base()
    }
}

/// Where the allocator's metadata words may be: from the heap start to the break,
/// clipped to the space. Taken once when a view of the heap is made, so that each word
/// access compares its address with these two numbers and nothing else.
#[derive(Clone, Copy, Debug)]
pub(super) struct HeapBounds {
    start: u64,
    /// The highest address a word fits at (below `start` if none does).
    pub(super) last: u64,
}

impl HeapBounds {
    fn of(mem: &Memory) -> HeapBounds {
        let end = mem.brk.min(mem.size());
        match end.checked_sub(8) {
            Some(last) => HeapBounds {
                start: mem.layout.heap_start,
                last,
            },
            None => HeapBounds { start: 1, last: 0 },
        }
    }

    /// The word at `addr` lies inside: inside the space too, `addr + 8 <= size`.
    #[inline(always)]
    pub(super) fn fits(&self, addr: u64) -> bool {
        addr >= self.start && addr <= self.last
    }
}

/// The heap's words for its allocator to read (no segment walk, no `--check` poison: the
/// metadata lives in the red zones and freed blocks that `--check` poisons).
pub struct HeapWords<'m> {
    mem: &'m Memory,
    bounds: HeapBounds,
}

/// The heap's words for its allocator to read and write, and the break to move. It
/// borrows the memory for its whole life and never lends it out mutably, so the space
/// it checked its bounds against stays the same.
pub struct HeapWordsMut<'m> {
    mem: &'m mut Memory,
    bounds: HeapBounds,
}

impl Memory {
    /// The heap's words, to read.
    pub fn heap_words(&self) -> HeapWords<'_> {
        HeapWords {
            bounds: HeapBounds::of(self),
            mem: self,
        }
    }

    /// The heap's words, to read and write.
    pub fn heap_words_mut(&mut self) -> HeapWordsMut<'_> {
        HeapWordsMut {
            bounds: HeapBounds::of(self),
            mem: self,
        }
    }
}

impl<'m> HeapWords<'m> {
    pub fn memory(&self) -> &'m Memory {
        self.mem
    }

    /// The word at `addr`, if it lies inside the heap.
    #[inline(always)]
    pub fn get(&self, addr: u64) -> Option<u64> {
        raw::heap_word(self.mem, self.bounds, addr)
    }
}

impl HeapWordsMut<'_> {
    pub fn memory(&self) -> &Memory {
        self.mem
    }

    /// The word at `addr`, if it lies inside the heap.
    #[inline(always)]
    pub fn get(&self, addr: u64) -> Option<u64> {
        raw::heap_word(self.mem, self.bounds, addr)
    }

    /// Stores the word at `addr`; false (and nothing stored) outside the heap.
    #[inline(always)]
    pub fn set(&mut self, addr: u64, v: u64) -> bool {
        raw::set_heap_word(self.mem, self.bounds, addr, v)
    }

    /// Moves the break (the allocator checks that it stays below the stack).
    pub fn set_brk(&mut self, brk: u64) {
        self.mem.brk = brk;
        self.bounds = HeapBounds::of(self.mem);
    }

    /// memmove of payload bytes, both ranges in the space and writable.
    pub fn copy(&mut self, dst: u64, src: u64, n: u64) -> Result<(), Trap> {
        self.mem.raw_copy(dst, src, n)
    }

    /// Writable bytes, for fills of payloads.
    pub fn slice_mut(&mut self, addr: u64, n: u64) -> Result<&mut [u8], Trap> {
        self.mem.raw_slice_mut(addr, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::image::{FLASH_BASE, RAM_BASE, Regions};

    fn embedded(flash: u64, ram: u64) -> Layout {
        Layout {
            text: FLASH_BASE..FLASH_BASE + 0x100,
            rodata: FLASH_BASE + 0x100..FLASH_BASE + 0x140,
            data: RAM_BASE..RAM_BASE + 16,
            bss: RAM_BASE + 16..RAM_BASE + 32,
            heap_start: RAM_BASE + 32,
            mem_size: RAM_BASE + ram,
            data_load: FLASH_BASE + 0x140,
            regions: Some(Regions {
                flash: FLASH_BASE..FLASH_BASE + flash,
                ram: RAM_BASE..RAM_BASE + ram,
            }),
        }
    }

    #[test]
    fn shadow_covers_only_flash_and_ram() {
        let mut m = Memory::new(embedded(4096, 8192)).expect("8 KiB");
        m.enable_shadow().expect("8 KiB");
        let shadow = m.shadow.as_ref().expect("on");
        let bytes: usize = shadow.windows.iter().map(|(_, w)| w.len()).sum();
        assert_eq!(bytes, 4096 + 8192);
        m.poison(RAM_BASE + 20, 4, Poison::GlobalRedzone);
        assert_eq!(m.poison_at(RAM_BASE + 21), Poison::GlobalRedzone);
        assert_eq!(m.poison_at(FLASH_BASE + 21), Poison::None);
        m.set_defined(RAM_BASE, 8, false);
        assert!(!m.is_defined(RAM_BASE + 4, 4));
        assert!(m.is_defined(FLASH_BASE, 8));
        // Between the regions: no shadow, nothing to say.
        assert!(m.is_defined(0x1000_0000, 4));
    }

    #[test]
    fn flash_is_read_only_and_the_data_image_readable() {
        let m = Memory::new(embedded(4096, 8192)).expect("8 KiB");
        assert!(m.check(FLASH_BASE + 0x140, 16, false).is_ok());
        assert!(matches!(
            m.check(FLASH_BASE + 0x140, 4, true),
            Err(Trap::WriteToReadOnly { .. })
        ));
        assert!(matches!(
            m.check(FLASH_BASE, 1, true),
            Err(Trap::WriteToReadOnly { .. })
        ));
        assert!(m.check(RAM_BASE, 32, true).is_ok());
        assert!(matches!(
            m.check(0x1000_0000, 4, false),
            Err(Trap::SegmentationFault { .. })
        ));
        assert!(matches!(
            m.check(8, 4, false),
            Err(Trap::NullDereference { .. })
        ));
    }
}
