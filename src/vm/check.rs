//! `--check`: finding what AddressSanitizer and memcheck find. Red zones (poisoned shadow
//! bytes) around locals, globals and heap blocks turn overflows into traps in
//! [`Memory::check`](super::memory::Memory::check); the observer here follows the
//! definedness of every byte through each instruction, as memcheck does, and reports an
//! undefined value when it decides a branch, forms an address, or is output.

use super::memory::Poison;
use super::{Frame as BacktraceFrame, Observer, Vm};
use crate::bytecode::effects::{self, Loc};
use crate::bytecode::{Op, Slot};
use std::collections::HashSet;

/// Findings kept of one run; the rest are not reported.
const MAX_FINDINGS: usize = 1000;

/// Something `--check` found that did not stop the program.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The stable kind name (`uninitialized-read`).
    pub kind: &'static str,
    pub message: String,
    pub backtrace: Vec<BacktraceFrame>,
}

/// What `--check` keeps during a run.
#[derive(Default)]
pub struct CheckState {
    pub findings: Vec<Finding>,
    pub heap: HeapRecords,
    /// Kinds already reported at a place in the program (the text address of the
    /// innermost frame of the program's own code): each is reported once per place.
    seen: HashSet<(&'static str, u64)>,
    /// Embedded layout: red zones between RAM globals, poisoned once the startup code
    /// (which writes all of .data and .bss) is done, when `main` is entered.
    pub deferred_redzones: Vec<(u64, u64)>,
}

impl Vm<'_> {
    /// Records a finding at the current instruction (once per kind and place: inside the
    /// runtime's C code, the place is where the program called it).
    pub(crate) fn report(&mut self, kind: &'static str, message: String) {
        // The place from the innermost frames (cheap), the backtrace only for news.
        let place = self
            .frame_chain()
            .take(super::BACKTRACE_INNER)
            .map(|(addr, _)| addr)
            .find(|&a| self.image.function_at(a).is_some_and(|f| !f.runtime))
            .unwrap_or(self.addr_of(self.pc));
        let Some(state) = self.check.as_ref() else {
            return;
        };
        if state.findings.len() >= MAX_FINDINGS || state.seen.contains(&(kind, place)) {
            return;
        }
        let backtrace = self.backtrace();
        if let Some(state) = self.check.as_mut() {
            state.seen.insert((kind, place));
            state.findings.push(Finding {
                kind,
                message,
                backtrace,
            });
        }
    }

    /// Reports an undefined value of `n` bytes at `addr` used as `what`.
    pub(crate) fn use_value(&mut self, addr: u64, n: u64, what: &str) {
        if !self.mem.is_defined(addr, n) {
            self.report(
                "uninitialized-read",
                format!("{what} depends on an uninitialized value"),
            );
        }
    }

    /// Reports bytes written out by `what` that were never initialized, as memcheck
    /// reports a `write` of uninitialised bytes.
    pub(crate) fn check_output(&mut self, addr: u64, n: u64, what: &str) {
        if let Some(at) = self.mem.first_undefined(addr, n) {
            self.report(
                "uninitialized-read",
                format!(
                    "{what} writes uninitialized bytes: byte {} of the {n} at {addr:#x} was never set",
                    at - addr
                ),
            );
        }
    }

    /// Reports a character written out (`putchar`, `fputc`) that is undefined, named after
    /// the library function the program called (`fwrite` is C code over `fputc`).
    pub(crate) fn check_output_char(&mut self, addr: u64, lib: &str) {
        if self.mem.is_defined(addr, 1) {
            return;
        }
        let who = self.runtime_entry().unwrap_or_else(|| lib.to_string());
        self.report(
            "uninitialized-read",
            format!("the output of {who} depends on an uninitialized value"),
        );
    }

    /// The runtime's function the program called, when the runtime's own C code is
    /// running.
    fn runtime_entry(&self) -> Option<String> {
        let frames = self.backtrace_upto(super::BACKTRACE_INNER);
        let program = frames.iter().position(|f| {
            self.image
                .function_at(f.addr)
                .is_some_and(|fun| !fun.runtime)
        })?;
        Some(frames.get(program.checked_sub(1)?)?.function.clone())
    }

    /// A new frame in `--check` mode: its locals are undefined and the red zones between
    /// them poisoned.
    pub(crate) fn enter_checked(&mut self, index: usize) {
        let (sp, fp) = (self.mem.sp, self.fp);
        let addr = self.addr_of(index);
        // The entry code's frame already holds `main`'s argc and argv: the VM wrote them
        // there before the first instruction (`Vm::start`).
        if addr != self.image.entry {
            self.mem.set_defined(sp, fp - sp, false);
        }
        let function = self.image.function_at(addr);
        if function.is_some_and(|f| f.name == "main")
            && let Some(check) = self.check.as_mut()
        {
            for (a, len) in std::mem::take(&mut check.deferred_redzones) {
                self.mem.poison(a, len, Poison::GlobalRedzone);
            }
        }
        let zones: Vec<(i32, u32)> = function.map(|f| f.redzones.clone()).unwrap_or_default();
        for (off, len) in zones {
            self.mem.poison(
                fp.wrapping_add(off as i64 as u64),
                len as u64,
                Poison::StackRedzone,
            );
        }
    }
}

/// The innermost frame in the program's own code (not the runtime's C library), or the
/// innermost of all: where a report points.
pub fn program_frame<'f>(
    image: &crate::bytecode::Image,
    frames: &'f [BacktraceFrame],
) -> Option<&'f BacktraceFrame> {
    frames
        .iter()
        .find(|f| image.function_at(f.addr).is_some_and(|fun| !fun.runtime))
        .or(frames.first())
}

/// Follows definedness instruction by instruction (the `--check` observer), from the
/// reads and writes of [`effects`]: a value that is copied keeps the definedness of each
/// byte; one that is computed is defined only if everything it was computed from is.
/// Undefined values are reported where memcheck reports them: when they decide a branch,
/// form an address, or are output (the library checks output).
pub struct DefinednessCheck;

impl DefinednessCheck {
    fn slot_value(vm: &Vm, s: Slot) -> u64 {
        let at = vm.fp.wrapping_add(s.0 as i64 as u64) as usize;
        vm.mem
            .bytes()
            .get(at..at + 8)
            .and_then(|x| x.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    }

    fn address(vm: &Vm, loc: Loc) -> Option<u64> {
        loc.address(vm.fp, vm.mem.sp, |s| Self::slot_value(vm, s))
    }

    fn is_defined(vm: &Vm, loc: Loc) -> bool {
        match (Self::address(vm, loc), loc.width()) {
            (Some(a), Some(w)) => vm.mem.is_defined(a, w.size()),
            _ => true,
        }
    }
}

impl Observer for DefinednessCheck {
    fn before(&mut self, vm: &mut Vm, index: usize) -> bool {
        let Some(op) = vm.code().get(index).copied() else {
            return true;
        };
        let fx = effects::of(&op);
        // Pointers and indices of memory locations are used as addresses.
        for loc in fx.reads.iter().chain(&fx.writes) {
            let (p, i) = match *loc {
                Loc::Mem(p, _, _) => (Some(p), None),
                Loc::Indexed(p, i, _) => (Some(p), Some(i)),
                _ => (None, None),
            };
            for (s, n, what) in [(p, 8, "an address"), (i, 4, "an array index")] {
                if let Some(s) = s {
                    let at = vm.fp.wrapping_add(s.0 as i64 as u64);
                    vm.use_value(at, n, what);
                }
            }
        }
        if fx.branches && !fx.reads.iter().all(|&l| Self::is_defined(vm, l)) {
            vm.report(
                "uninitialized-read",
                "a conditional jump depends on an uninitialized value".into(),
            );
        }
        if let Op::CallInd { a } = op {
            let at = vm.fp.wrapping_add(a.0 as i64 as u64);
            vm.use_value(at, 8, "a call through a pointer");
        }
        // A library call reads its arguments where its result goes, and marks the result
        // defined itself once it has read them (`call_library`): not before.
        if matches!(op, Op::CallB { .. } | Op::TailB { .. }) {
            return true;
        }
        // Data flow into what the instruction writes (memory and slots, not registers).
        let values: Vec<Loc> = fx
            .reads
            .iter()
            .copied()
            .filter(|l| !is_pointer_of(l, &fx.reads) && !is_pointer_of(l, &fx.writes))
            .collect();
        for &w in &fx.writes {
            let (Some(dst), Some(width)) = (Self::address(vm, w), w.width()) else {
                continue;
            };
            match values.as_slice() {
                // A copy (a move, a load, a store): byte for byte.
                [src] if src.width() == Some(width) => {
                    if let Some(from) = Self::address(vm, *src) {
                        vm.mem.copy_definedness(dst, from, width.size());
                    }
                }
                _ => {
                    let ok = values.iter().all(|&l| Self::is_defined(vm, l));
                    vm.mem.set_defined(dst, width.size(), ok);
                }
            }
        }
        true
    }
}

/// A slot read only as the pointer or index of a memory location (its definedness was
/// checked as an address; the value flowing is the memory's).
fn is_pointer_of(l: &Loc, locs: &[Loc]) -> bool {
    let Loc::Slot(s, _) = *l else { return false };
    locs.iter().any(|r| match *r {
        Loc::Mem(p, _, _) => p == s,
        Loc::Indexed(p, i, _) => p == s || i == s,
        _ => false,
    })
}

/// Bytes of red zone on each side of a heap block (a multiple of the alignment).
pub const HEAP_REDZONE: u64 = 16;
/// Freed bytes held back before the allocator may reuse them.
const QUARANTINE_BYTES: u64 = 1 << 20;

/// The frames a site keeps (as AddressSanitizer keeps 30 by default): a deep recursion
/// that allocates at every level would otherwise store its whole depth per block.
const SITE_FRAMES: usize = 32;

/// Where a block was allocated or freed: the text addresses of the backtrace there,
/// innermost first, resolved to functions and lines only when a report shows them. (Kept
/// as frames with names, they took some 100 bytes a frame per live or quarantined block:
/// `bintrees` peaked at 484 MiB of host memory under `--check` with a 16 MiB space.)
#[derive(Clone, Debug)]
pub struct Site(Box<[u64]>);

/// The bytes a quarantined block holds back: its red zones too, so that a stream of
/// `malloc(0)`s cannot fill the quarantine with records of nothing.
fn held(size: u64) -> u64 {
    size + 2 * HEAP_REDZONE
}

/// A live allocation, as `--check` remembers it.
#[derive(Clone, Debug)]
pub struct Allocation {
    /// What the strategy returned (the payload starts a red zone later).
    pub base: u64,
    pub size: u64,
    pub site: Site,
}

/// A freed allocation kept in quarantine.
#[derive(Clone, Debug)]
pub struct Freed {
    pub payload: u64,
    pub allocation: Allocation,
    pub site: Site,
}

/// A block nothing points to at exit.
#[derive(Clone, Debug)]
pub struct Leak {
    pub payload: u64,
    pub size: u64,
    pub site: Vec<BacktraceFrame>,
}

/// The heap as `--check` sees it.
#[derive(Default)]
pub struct HeapRecords {
    pub live: std::collections::BTreeMap<u64, Allocation>,
    pub quarantine: std::collections::VecDeque<Freed>,
    quarantined: u64,
}

impl Vm<'_> {
    /// The current backtrace, as a site.
    fn site(&self) -> Site {
        Site(
            self.frame_chain()
                .take(SITE_FRAMES)
                .map(|(addr, _)| addr)
                .collect(),
        )
    }

    /// A site's frames, for a report.
    pub fn site_frames(&self, site: &Site) -> Vec<BacktraceFrame> {
        // The addresses came from the chain of frames: each is in a function.
        (site.0.iter().enumerate())
            .map(|(depth, &addr)| self.frame(depth, addr, 0))
            .collect()
    }

    fn records(&mut self) -> Option<&mut HeapRecords> {
        self.check.as_mut().map(|c| &mut c.heap)
    }

    /// malloc in `--check` mode: the payload between two red zones, undefined.
    pub(crate) fn checked_malloc(&mut self, size: u64) -> Result<Option<u64>, super::Trap> {
        let Some(total) = size.checked_add(2 * HEAP_REDZONE) else {
            return Ok(None);
        };
        let Some(base) = self.heap.malloc(&mut self.mem, total)? else {
            return Ok(None);
        };
        let payload = base + HEAP_REDZONE;
        self.mem.poison(base, HEAP_REDZONE, Poison::HeapRedzone);
        self.mem.poison(payload, size, Poison::None);
        self.mem
            .poison(payload + size, HEAP_REDZONE, Poison::HeapRedzone);
        self.mem.set_defined(payload, size, false);
        let site = self.site();
        if let Some(r) = self.records() {
            r.live.insert(payload, Allocation { base, size, site });
        }
        Ok(Some(payload))
    }

    /// free in `--check` mode: the block is poisoned and held in quarantine; freeing it
    /// again, or freeing what malloc never returned, is reported with both sites.
    pub(crate) fn checked_free(&mut self, ptr: u64) -> Result<(), super::Trap> {
        let site = self.site();
        let Some(records) = self.records() else {
            return Ok(());
        };
        let Some(allocation) = records.live.remove(&ptr) else {
            if records.quarantine.iter().any(|f| f.payload == ptr) {
                return Err(super::Trap::DoubleFree { addr: ptr });
            }
            let why = match records.live.range(..=ptr).next_back() {
                Some((p, a)) if ptr < p + a.size => {
                    format!("it is {} bytes into the block at {p:#x}", ptr - p)
                }
                _ => "not an address malloc returned".to_string(),
            };
            return Err(super::Trap::InvalidFree { addr: ptr, why });
        };
        self.mem.poison(ptr, allocation.size, Poison::Freed);
        let size = allocation.size;
        let Some(records) = self.records() else {
            return Ok(());
        };
        records.quarantined += held(size);
        records.quarantine.push_back(Freed {
            payload: ptr,
            allocation,
            site,
        });
        self.drain_quarantine()
    }

    /// Releases the oldest quarantined blocks to the allocator once the quarantine is full.
    fn drain_quarantine(&mut self) -> Result<(), super::Trap> {
        loop {
            let Some(records) = self.records() else {
                return Ok(());
            };
            if records.quarantined <= QUARANTINE_BYTES {
                return Ok(());
            }
            let Some(old) = records.quarantine.pop_front() else {
                return Ok(());
            };
            records.quarantined -= held(old.allocation.size);
            self.heap.free(&mut self.mem, old.allocation.base)?;
        }
    }

    /// realloc in `--check` mode: always moves (so stale pointers to the old block are
    /// caught), keeping contents and their definedness.
    pub(crate) fn checked_realloc(
        &mut self,
        ptr: u64,
        size: u64,
    ) -> Result<Option<u64>, super::Trap> {
        let old_size = match self.check.as_ref().and_then(|c| c.heap.live.get(&ptr)) {
            Some(a) => a.size,
            None => {
                // Not live: report it as free would.
                self.checked_free(ptr)?;
                return Ok(None);
            }
        };
        let Some(new) = self.checked_malloc(size)? else {
            return Ok(None);
        };
        let n = old_size.min(size);
        self.mem.raw_copy(new, ptr, n)?;
        self.mem.copy_definedness(new, ptr, n);
        self.checked_free(ptr)?;
        Ok(Some(new))
    }

    /// Blocks no pointer reaches at exit (the globals and the live stack are the roots),
    /// as memcheck's "definitely lost".
    pub fn leaks(&self) -> Vec<Leak> {
        let Some(check) = &self.check else {
            return Vec::new();
        };
        let live = &check.heap.live;
        let l = &self.mem.layout;
        let mut reached: HashSet<u64> = HashSet::new();
        let mut work: Vec<(u64, u64)> = vec![
            (l.data.start, l.bss.end.max(l.data.end)),
            (self.mem.sp, self.mem.size()),
        ];
        // Pointers are words of the target's pointer size (4 bytes in ILP32), aligned.
        let w = self.target.ptr_size;
        while let Some((start, end)) = work.pop() {
            let mut a = start.next_multiple_of(w);
            while a + w <= end {
                // Stale words left in dead frames are undefined: they keep nothing alive.
                if !self.mem.is_defined(a, w) {
                    a += w;
                    continue;
                }
                let mut word = [0u8; 8];
                if let Some(b) = self.mem.bytes().get(a as usize..(a + w) as usize) {
                    word[..w as usize].copy_from_slice(b);
                }
                let v = u64::from_le_bytes(word);
                if let Some((&p, alloc)) = live.range(..=v).next_back()
                    && v < p + alloc.size.max(1)
                    && reached.insert(p)
                {
                    work.push((p, p + alloc.size));
                }
                a += w;
            }
        }
        live.iter()
            .filter(|(p, _)| !reached.contains(p))
            .map(|(&payload, a)| Leak {
                payload,
                size: a.size,
                site: self.site_frames(&a.site),
            })
            .collect()
    }
}
