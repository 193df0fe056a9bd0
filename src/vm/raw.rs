//! Every unchecked access of the VM, each with the reason it is sound: the bytes of the
//! address space, the inline fast paths of accesses through pointers and of the heap's
//! words, frame slots, and code positions. Nothing outside this module uses `unsafe`.
//! Debug builds (the test suite's `checked` profile) check every such access again with
//! a `debug_assert!`, so the tests would catch a wrong proof.
//!
//! **Frame slots.** At load time [`super::frame::verify`] checks that every slot operand
//! of every function lies inside that function's frame, `[fp - n, fp + up)` as its
//! `enter n, up` declares. At run time a frame pointer is only installed after checking
//! that this whole range lies inside memory: by `enter` (for a callee) and by `ret` (for
//! the caller it returns to, since the saved frame pointer is read from memory a program
//! can overwrite). So every slot access is within the memory's bytes.
//!
//! **Accesses through pointers and heap words.** The segments a fast path accepts (stack,
//! heap, globals; the heap's words) lie below the space's size, which is the buffer's
//! length: the layout places every segment below `mem_size`, and the break and the stack
//! pointer stay between the heap's start and the top.

use super::memory::{HeapBounds, Memory};
use crate::bytecode::{Imm, Op, Slot};

/// The bytes of the address space, owned through one raw base pointer: every access,
/// checked or not, derives from it, so the interpreter's frame pointer (also derived from
/// it) stays valid alongside the checked accesses.
pub(super) struct Buffer {
    base: std::ptr::NonNull<u8>,
    len: usize,
}

impl Buffer {
    pub(super) fn zeroed(len: usize) -> Result<Buffer, String> {
        let boxed: Box<[u8]> = zeroed_bytes(len)?.into_boxed_slice();
        let raw = Box::into_raw(boxed);
        Ok(Buffer {
            // SAFETY: a Box's pointer is never null.
            base: unsafe { std::ptr::NonNull::new_unchecked(raw.cast::<u8>()) },
            len,
        })
    }

    pub(super) fn len(&self) -> usize {
        self.len
    }

    pub(super) fn base(&self) -> *mut u8 {
        self.base.as_ptr()
    }

    pub(super) fn slice(&self) -> &[u8] {
        // SAFETY: `base` owns `len` initialized bytes for the buffer's whole life.
        unsafe { std::slice::from_raw_parts(self.base.as_ptr(), self.len) }
    }

    pub(super) fn slice_mut(&mut self) -> &mut [u8] {
        // SAFETY: as above; `&mut self` makes this the only reference handed out now.
        unsafe { std::slice::from_raw_parts_mut(self.base.as_ptr(), self.len) }
    }

    /// Where `N` bytes at `at` lie (checked against the length in debug builds).
    #[inline(always)]
    fn place<const N: usize>(&self, at: usize) -> *mut [u8; N] {
        debug_assert!(at + N <= self.len, "{N} bytes at {at:#x} outside memory");
        self.base.as_ptr().wrapping_add(at).cast()
    }

    /// `N` bytes at `at`, without a bounds check.
    ///
    /// # Safety
    /// `at + N <= len`.
    #[inline(always)]
    unsafe fn get<const N: usize>(&self, at: usize) -> [u8; N] {
        // SAFETY: in bounds by the caller's promise; unaligned reads are allowed.
        unsafe { self.place::<N>(at).read_unaligned() }
    }

    /// Stores `N` bytes at `at`, without a bounds check.
    ///
    /// # Safety
    /// `at + N <= len`.
    #[inline(always)]
    unsafe fn put<const N: usize>(&mut self, at: usize, v: [u8; N]) {
        // SAFETY: as for `get`.
        unsafe { self.place::<N>(at).write_unaligned(v) }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        // SAFETY: `base` and `len` come from `Box::into_raw` of a `Box<[u8]>` of that length.
        unsafe {
            drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(
                self.base.as_ptr(),
                self.len,
            )))
        }
    }
}

/// `len` zero bytes, or an error if the host will not give them (a too large `--mem` on
/// a host with a memory limit), rather than the abort of a failed allocation. The host
/// maps the pages of a zeroed allocation lazily, as they are touched.
pub(super) fn zeroed_bytes(len: usize) -> Result<Vec<u8>, String> {
    let refused =
        || format!("the host cannot give {len} bytes for the address space (try a smaller --mem)");
    let layout = std::alloc::Layout::array::<u8>(len).map_err(|_| refused())?;
    if len == 0 {
        return Ok(Vec::new());
    }
    // SAFETY: the layout's size is not zero (checked above).
    let ptr = unsafe { std::alloc::alloc_zeroed(layout) };
    if ptr.is_null() {
        return Err(refused());
    }
    // SAFETY: `ptr` was allocated by the global allocator with the layout of `len` bytes
    // (alignment 1), all of them initialized (zero); length and capacity are `len`.
    Ok(unsafe { Vec::from_raw_parts(ptr, len, len) })
}

impl Memory {
    /// The `N` bytes at `addr`, if the inline check puts them in the stack, the heap or
    /// the globals (none otherwise: the caller takes the full check).
    #[inline(always)]
    pub(super) fn read_writable<const N: usize>(&self, addr: u64) -> Option<[u8; N]> {
        if !self.in_writable::<N>(addr) {
            return None;
        }
        // SAFETY: the writable segments lie inside the buffer (see the module
        // documentation).
        Some(unsafe { self.bytes.get(addr as usize) })
    }

    /// Stores the `N` bytes at `addr` if the inline check accepts them (false, and
    /// nothing stored, otherwise).
    #[inline(always)]
    pub(super) fn write_writable<const N: usize>(&mut self, addr: u64, v: [u8; N]) -> bool {
        if !self.in_writable::<N>(addr) {
            return false;
        }
        // SAFETY: as in `read_writable`.
        unsafe { self.bytes.put(addr as usize, v) };
        true
    }
}

/// The word at `addr` in `mem`, if `bounds` (taken from `mem`) say it is in the heap.
#[inline(always)]
pub(super) fn heap_word(mem: &Memory, bounds: HeapBounds, addr: u64) -> Option<u64> {
    if !bounds.fits(addr) {
        return None;
    }
    debug_assert!(bounds.last + 8 <= mem.size());
    // SAFETY: `fits` puts the 8 bytes below `last + 8`, which `HeapBounds::of` kept within
    // the space; a space never changes size, and the view borrows it meanwhile.
    Some(u64::from_le_bytes(unsafe { mem.bytes.get(addr as usize) }))
}

/// Stores the word at `addr` in `mem` if `bounds` say it is in the heap (false, and
/// nothing stored, otherwise).
#[inline(always)]
pub(super) fn set_heap_word(mem: &mut Memory, bounds: HeapBounds, addr: u64, v: u64) -> bool {
    if !bounds.fits(addr) {
        return false;
    }
    debug_assert!(bounds.last + 8 <= mem.size());
    // SAFETY: as in `heap_word`.
    unsafe { mem.bytes.put(addr as usize, v.to_le_bytes()) };
    true
}

/// The current frame: a raw pointer to the byte at the frame pointer. Reads and writes of
/// slots are single unaligned loads and stores.
#[derive(Clone, Copy)]
pub(crate) struct Frame {
    at: *mut u8,
    /// For the debug checks only.
    fp: u64,
    size: usize,
}

macro_rules! slot_access {
    ($($read:ident / $write:ident : $t:ty),*) => {
        $(
            #[inline(always)]
            pub(crate) fn $read(&self, s: Slot) -> $t {
                self.debug_check(s, std::mem::size_of::<$t>());
                // SAFETY: the slot lies in the current frame, which lies in memory (see the
                // module documentation); unaligned access is allowed.
                unsafe { self.at.wrapping_offset(s.0 as isize).cast::<$t>().read_unaligned() }
            }

            #[inline(always)]
            pub(crate) fn $write(&self, s: Slot, v: $t) {
                self.debug_check(s, std::mem::size_of::<$t>());
                // SAFETY: as for reads.
                unsafe { self.at.wrapping_offset(s.0 as isize).cast::<$t>().write_unaligned(v) }
            }
        )*
    };
}

impl Frame {
    /// The frame at `fp` in the space whose bytes start at `base`.
    pub(crate) fn new(base: *mut u8, fp: u64, size: usize) -> Frame {
        Frame {
            at: base.wrapping_add(fp as usize),
            fp,
            size,
        }
    }

    #[inline(always)]
    fn debug_check(&self, s: Slot, n: usize) {
        let at = self.fp as i64 + s.0 as i64;
        debug_assert!(
            at >= 0 && at as usize + n <= self.size,
            "slot {s:?} outside memory at fp {:#x}",
            self.fp
        );
    }

    slot_access!(r8 / w8: u8, r16 / w16: u16, r32 / w32: u32, r64 / w64: u64);

    #[inline(always)]
    pub(crate) fn f32(&self, s: Slot) -> f32 {
        f32::from_bits(self.r32(s))
    }

    #[inline(always)]
    pub(crate) fn f64(&self, s: Slot) -> f64 {
        f64::from_bits(self.r64(s))
    }

    #[inline(always)]
    pub(crate) fn wf32(&self, s: Slot, v: f32) {
        self.w32(s, v.to_bits())
    }

    #[inline(always)]
    pub(crate) fn wf64(&self, s: Slot, v: f64) {
        self.w64(s, v.to_bits())
    }

    /// `base + scale * index` for a pointer and a signed 32-bit index held in slots.
    #[inline(always)]
    pub(crate) fn index(&self, p: Slot, i: Slot, scale: u64) -> u64 {
        let i = self.r32(i) as i32 as i64 as u64;
        self.r64(p).wrapping_add(i.wrapping_mul(scale))
    }

    /// `base + off` for a pointer held in a slot.
    #[inline(always)]
    pub(crate) fn ea(&self, p: Slot, off: Imm) -> u64 {
        self.r64(p).wrapping_add(off.0 as i64 as u64)
    }
}

/// The code being run, addressed by [`Ip`]s: a fetch is one load and a jump one add, with
/// no bounds check. Sound because decoding ends the code with a `trap` that execution
/// cannot pass, and checks that every jump, call and return target is an instruction
/// index: an `Ip` is only ever made from such an index, or by stepping past an instruction
/// that is not the last.
#[derive(Clone, Copy)]
pub(crate) struct Code<'a> {
    ops: &'a [Op],
}

/// The position of an instruction in a [`Code`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ip(*const Op);

impl<'a> Code<'a> {
    pub(crate) fn new(ops: &'a [Op]) -> Code<'a> {
        Code { ops }
    }

    /// The position of instruction `index` (an instruction index, see above).
    #[inline(always)]
    pub(crate) fn at(&self, index: usize) -> Ip {
        debug_assert!(index < self.ops.len(), "pc {index} past the code");
        Ip(self.ops.as_ptr().wrapping_add(index))
    }

    /// The instruction index of a position.
    #[inline(always)]
    pub(crate) fn index(&self, ip: Ip) -> usize {
        (ip.0 as usize - self.ops.as_ptr() as usize) / std::mem::size_of::<Op>()
    }

    /// The instruction at `ip`.
    #[inline(always)]
    pub(crate) fn fetch(&self, ip: Ip) -> Op {
        debug_assert!(self.index(ip) < self.ops.len(), "ip past the code");
        // SAFETY: `ip` points at an instruction of `ops` (see above).
        unsafe { *ip.0 }
    }
}

impl Ip {
    /// The host address of the position (budgets are kept in these units).
    #[inline(always)]
    pub(crate) fn addr(self) -> usize {
        self.0 as usize
    }

    /// The position `n` instructions on.
    #[inline(always)]
    pub(crate) fn add(self, n: usize) -> Ip {
        Ip(self.0.wrapping_add(n))
    }
}
