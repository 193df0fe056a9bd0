//! `--check`: finding what AddressSanitizer and memcheck find. Red zones (poisoned shadow
//! bytes) around locals, globals and heap blocks turn overflows into traps in
//! [`Memory::check`](super::memory::Memory::check); the observer here follows the
//! definedness of every byte through each instruction, as memcheck does, and reports an
//! undefined value when it decides a branch, forms an address, or is output.

use super::memory::Poison;
use super::{Frame as BacktraceFrame, Observer, Vm};
use crate::bytecode::{Op, Slot};
use std::collections::HashSet;

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
    /// Kinds already reported at an instruction: each is reported once per place.
    seen: HashSet<(&'static str, usize)>,
}

impl Vm<'_> {
    /// Records a finding at the current instruction (once per kind and place).
    pub(crate) fn report(&mut self, kind: &'static str, message: String) {
        let pc = self.pc;
        let backtrace = self.backtrace();
        let Some(state) = self.check.as_mut() else {
            return;
        };
        if state.seen.insert((kind, pc)) && state.findings.len() < 1000 {
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

    /// A new frame in `--check` mode: its locals are undefined and the red zones between
    /// them poisoned.
    pub(crate) fn enter_checked(&mut self, index: usize) {
        let (sp, fp) = (self.mem.sp, self.fp);
        self.mem.set_defined(sp, fp - sp, false);
        let addr = self.addr_of(index);
        let zones: Vec<(i32, u32)> = self
            .image
            .function_at(addr)
            .map(|f| f.redzones.clone())
            .unwrap_or_default();
        for (off, len) in zones {
            self.mem.poison(
                fp.wrapping_add(off as i64 as u64),
                len as u64,
                Poison::StackRedzone,
            );
        }
    }
}

/// The definedness flow of one instruction.
enum Flow {
    None,
    /// `d` (this many bytes) is defined iff every source is.
    Compute {
        d: Slot,
        dw: u64,
        srcs: [Option<(Slot, u64)>; 2],
    },
    /// Byte-for-byte copy between slots.
    Copy {
        d: Slot,
        a: Slot,
        n: u64,
    },
    /// `d` is defined whatever happens (constants, addresses).
    Define {
        d: Slot,
        n: u64,
    },
    /// A load: the pointer (and index) must be defined; `d` gets the memory's definedness.
    Load {
        d: Slot,
        dw: u64,
        at: Address,
        mw: u64,
    },
    /// A store: the pointer must be defined; memory gets the source's definedness.
    Store {
        a: Slot,
        at: Address,
        w: u64,
    },
    /// A conditional jump on these values.
    Branch {
        srcs: [Option<(Slot, u64)>; 2],
    },
    /// Memory to slots, slots to memory, or memory to memory, by bytes.
    Block {
        from: Address,
        to: Address,
        n: u64,
    },
    /// A call through a pointer.
    CallInd {
        a: Slot,
    },
    /// A return value goes to the caller.
    Return {
        a: Slot,
        w: u64,
    },
}

/// An address an instruction uses: in a frame slot, through a pointer, or fixed.
#[derive(Clone, Copy)]
enum Address {
    Slot(Slot),
    Pointer(Slot, i64),
    Indexed(Slot, Slot, u64),
    Fixed(u64),
}

fn compute(d: Slot, dw: u64, a: (Slot, u64), b: Option<(Slot, u64)>) -> Flow {
    Flow::Compute {
        d,
        dw,
        srcs: [Some(a), b],
    }
}

/// The flow of every instruction, grouped by shape.
fn flow(op: &Op) -> Flow {
    use Op::*;
    match *op {
        Mov8 { d, a } => Flow::Copy { d, a, n: 1 },
        Mov16 { d, a } => Flow::Copy { d, a, n: 2 },
        Mov32 { d, a } => Flow::Copy { d, a, n: 4 },
        Mov64 { d, a } => Flow::Copy { d, a, n: 8 },
        MovN { d, a, n } => Flow::Copy {
            d,
            a,
            n: n.0 as u64,
        },
        ZeroN { d, n } => Flow::Define { d, n: n.0 as u64 },
        Const32 { d, .. } => Flow::Define { d, n: 4 },
        Const64 { d, .. } | Lea { d, .. } | AddrOf { d, .. } => Flow::Define { d, n: 8 },
        Ld8s { d, p, off } | Ld8u { d, p, off } => Flow::Load {
            d,
            dw: 4,
            at: Address::Pointer(p, off.0 as i64),
            mw: 1,
        },
        Ld16s { d, p, off } | Ld16u { d, p, off } => Flow::Load {
            d,
            dw: 4,
            at: Address::Pointer(p, off.0 as i64),
            mw: 2,
        },
        Ld32 { d, p, off } => Flow::Load {
            d,
            dw: 4,
            at: Address::Pointer(p, off.0 as i64),
            mw: 4,
        },
        Ld64 { d, p, off } => Flow::Load {
            d,
            dw: 8,
            at: Address::Pointer(p, off.0 as i64),
            mw: 8,
        },
        LdX8s { d, p, i } | LdX8u { d, p, i } => Flow::Load {
            d,
            dw: 4,
            at: Address::Indexed(p, i, 1),
            mw: 1,
        },
        LdX16s { d, p, i } | LdX16u { d, p, i } => Flow::Load {
            d,
            dw: 4,
            at: Address::Indexed(p, i, 2),
            mw: 2,
        },
        LdX32 { d, p, i } => Flow::Load {
            d,
            dw: 4,
            at: Address::Indexed(p, i, 4),
            mw: 4,
        },
        LdX64 { d, p, i } => Flow::Load {
            d,
            dw: 8,
            at: Address::Indexed(p, i, 8),
            mw: 8,
        },
        Ldg8s { d, addr } | Ldg8u { d, addr } => Flow::Load {
            d,
            dw: 4,
            at: Address::Fixed(addr.0 as u64),
            mw: 1,
        },
        Ldg16s { d, addr } | Ldg16u { d, addr } => Flow::Load {
            d,
            dw: 4,
            at: Address::Fixed(addr.0 as u64),
            mw: 2,
        },
        Ldg32 { d, addr } => Flow::Load {
            d,
            dw: 4,
            at: Address::Fixed(addr.0 as u64),
            mw: 4,
        },
        Ldg64 { d, addr } => Flow::Load {
            d,
            dw: 8,
            at: Address::Fixed(addr.0 as u64),
            mw: 8,
        },
        St8 { p, off, a } => Flow::Store {
            a,
            at: Address::Pointer(p, off.0 as i64),
            w: 1,
        },
        St16 { p, off, a } => Flow::Store {
            a,
            at: Address::Pointer(p, off.0 as i64),
            w: 2,
        },
        St32 { p, off, a } => Flow::Store {
            a,
            at: Address::Pointer(p, off.0 as i64),
            w: 4,
        },
        St64 { p, off, a } => Flow::Store {
            a,
            at: Address::Pointer(p, off.0 as i64),
            w: 8,
        },
        StX8 { p, i, a } => Flow::Store {
            a,
            at: Address::Indexed(p, i, 1),
            w: 1,
        },
        StX16 { p, i, a } => Flow::Store {
            a,
            at: Address::Indexed(p, i, 2),
            w: 2,
        },
        StX32 { p, i, a } => Flow::Store {
            a,
            at: Address::Indexed(p, i, 4),
            w: 4,
        },
        StX64 { p, i, a } => Flow::Store {
            a,
            at: Address::Indexed(p, i, 8),
            w: 8,
        },
        Stg8 { addr, a } => Flow::Store {
            a,
            at: Address::Fixed(addr.0 as u64),
            w: 1,
        },
        Stg16 { addr, a } => Flow::Store {
            a,
            at: Address::Fixed(addr.0 as u64),
            w: 2,
        },
        Stg32 { addr, a } => Flow::Store {
            a,
            at: Address::Fixed(addr.0 as u64),
            w: 4,
        },
        Stg64 { addr, a } => Flow::Store {
            a,
            at: Address::Fixed(addr.0 as u64),
            w: 8,
        },
        LdN { d, p, n } => Flow::Block {
            from: Address::Pointer(p, 0),
            to: Address::Slot(d),
            n: n.0 as u64,
        },
        StN { p, a, n } => Flow::Block {
            from: Address::Slot(a),
            to: Address::Pointer(p, 0),
            n: n.0 as u64,
        },
        CopyMem { d, a, n } => Flow::Block {
            from: Address::Pointer(a, 0),
            to: Address::Pointer(d, 0),
            n: n.0 as u64,
        },
        Add32 { d, a, b }
        | Sub32 { d, a, b }
        | Mul32 { d, a, b }
        | DivS32 { d, a, b }
        | DivU32 { d, a, b }
        | RemS32 { d, a, b }
        | RemU32 { d, a, b }
        | And32 { d, a, b }
        | Or32 { d, a, b }
        | Xor32 { d, a, b }
        | Shl32 { d, a, b }
        | ShrS32 { d, a, b }
        | ShrU32 { d, a, b }
        | Eq32 { d, a, b }
        | Ne32 { d, a, b }
        | LtS32 { d, a, b }
        | LeS32 { d, a, b }
        | LtU32 { d, a, b }
        | LeU32 { d, a, b }
        | AddF32 { d, a, b }
        | SubF32 { d, a, b }
        | MulF32 { d, a, b }
        | DivF32 { d, a, b }
        | EqF32 { d, a, b }
        | NeF32 { d, a, b }
        | LtF32 { d, a, b }
        | LeF32 { d, a, b } => compute(d, 4, (a, 4), Some((b, 4))),
        Add64 { d, a, b }
        | Sub64 { d, a, b }
        | Mul64 { d, a, b }
        | DivS64 { d, a, b }
        | DivU64 { d, a, b }
        | RemS64 { d, a, b }
        | RemU64 { d, a, b }
        | And64 { d, a, b }
        | Or64 { d, a, b }
        | Xor64 { d, a, b }
        | Shl64 { d, a, b }
        | ShrS64 { d, a, b }
        | ShrU64 { d, a, b }
        | AddF64 { d, a, b }
        | SubF64 { d, a, b }
        | MulF64 { d, a, b }
        | DivF64 { d, a, b } => compute(d, 8, (a, 8), Some((b, 8))),
        Eq64 { d, a, b }
        | Ne64 { d, a, b }
        | LtS64 { d, a, b }
        | LeS64 { d, a, b }
        | LtU64 { d, a, b }
        | LeU64 { d, a, b }
        | EqF64 { d, a, b }
        | NeF64 { d, a, b }
        | LtF64 { d, a, b }
        | LeF64 { d, a, b } => compute(d, 4, (a, 8), Some((b, 8))),
        AddI32 { d, a, .. }
        | MulI32 { d, a, .. }
        | AndI32 { d, a, .. }
        | OrI32 { d, a, .. }
        | XorI32 { d, a, .. }
        | ShlI32 { d, a, .. }
        | ShrSI32 { d, a, .. }
        | ShrUI32 { d, a, .. }
        | Neg32 { d, a }
        | Not32 { d, a }
        | LNot32 { d, a }
        | NegF32 { d, a }
        | I32ToF32 { d, a }
        | U32ToF32 { d, a } => compute(d, 4, (a, 4), None),
        AddI64 { d, a, .. }
        | MulI64 { d, a, .. }
        | AndI64 { d, a, .. }
        | OrI64 { d, a, .. }
        | XorI64 { d, a, .. }
        | ShlI64 { d, a, .. }
        | ShrSI64 { d, a, .. }
        | ShrUI64 { d, a, .. }
        | Neg64 { d, a }
        | Not64 { d, a }
        | NegF64 { d, a }
        | I64ToF64 { d, a }
        | U64ToF64 { d, a }
        | F64ToI64 { d, a }
        | F64ToU64 { d, a } => compute(d, 8, (a, 8), None),
        LNot64 { d, a }
        | I64ToF32 { d, a }
        | U64ToF32 { d, a }
        | F64ToI32 { d, a }
        | F64ToU32 { d, a }
        | F64ToF32 { d, a } => compute(d, 4, (a, 8), None),
        Sext8 { d, a } | Zext8 { d, a } => compute(d, 4, (a, 1), None),
        Sext16 { d, a } | Zext16 { d, a } => compute(d, 4, (a, 2), None),
        Sext32 { d, a }
        | Zext32 { d, a }
        | I32ToF64 { d, a }
        | U32ToF64 { d, a }
        | F32ToF64 { d, a } => compute(d, 8, (a, 4), None),
        Bool32 { d, a } => compute(d, 1, (a, 4), None),
        Bool64 { d, a } | BoolF64 { d, a } => compute(d, 1, (a, 8), None),
        Jz32 { a, .. }
        | Jnz32 { a, .. }
        | JEqI32 { a, .. }
        | JNeI32 { a, .. }
        | JLtSI32 { a, .. }
        | JLeSI32 { a, .. }
        | JGtSI32 { a, .. }
        | JGeSI32 { a, .. }
        | JLtUI32 { a, .. }
        | JLeUI32 { a, .. }
        | JGtUI32 { a, .. }
        | JGeUI32 { a, .. } => Flow::Branch {
            srcs: [Some((a, 4)), None],
        },
        Jz64 { a, .. }
        | Jnz64 { a, .. }
        | JEqI64 { a, .. }
        | JNeI64 { a, .. }
        | JLtSI64 { a, .. }
        | JLeSI64 { a, .. }
        | JGtSI64 { a, .. }
        | JGeSI64 { a, .. }
        | JLtUI64 { a, .. }
        | JLeUI64 { a, .. }
        | JGtUI64 { a, .. }
        | JGeUI64 { a, .. } => Flow::Branch {
            srcs: [Some((a, 8)), None],
        },
        JEq32 { a, b, .. }
        | JNe32 { a, b, .. }
        | JLtS32 { a, b, .. }
        | JLeS32 { a, b, .. }
        | JLtU32 { a, b, .. }
        | JLeU32 { a, b, .. } => Flow::Branch {
            srcs: [Some((a, 4)), Some((b, 4))],
        },
        JEq64 { a, b, .. }
        | JNe64 { a, b, .. }
        | JLtS64 { a, b, .. }
        | JLeS64 { a, b, .. }
        | JLtU64 { a, b, .. }
        | JLeU64 { a, b, .. } => Flow::Branch {
            srcs: [Some((a, 8)), Some((b, 8))],
        },
        CallInd { a } => Flow::CallInd { a },
        Ret32 { a } => Flow::Return { a, w: 4 },
        Ret64 { a } => Flow::Return { a, w: 8 },
        ZeroMem { .. }
        | Nop {}
        | Jmp { .. }
        | Call { .. }
        | CallB { .. }
        | TailB { .. }
        | Enter { .. }
        | Ret {}
        | Exit { .. }
        | Trap {} => Flow::None,
    }
}

/// Follows definedness instruction by instruction (the `--check` observer).
pub struct DefinednessCheck;

impl DefinednessCheck {
    fn slot(vm: &Vm, s: Slot) -> u64 {
        vm.fp.wrapping_add(s.0 as i64 as u64)
    }

    fn read_u64(vm: &Vm, addr: u64) -> u64 {
        let b = vm.mem.bytes();
        b.get(addr as usize..addr as usize + 8)
            .and_then(|x| x.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    }

    /// The address an operand names; reports an undefined pointer or index.
    fn resolve(vm: &mut Vm, at: Address) -> u64 {
        match at {
            Address::Slot(s) => Self::slot(vm, s),
            Address::Fixed(a) => a,
            Address::Pointer(p, off) => {
                let ps = Self::slot(vm, p);
                vm.use_value(ps, 8, "an address");
                Self::read_u64(vm, ps).wrapping_add(off as u64)
            }
            Address::Indexed(p, i, scale) => {
                let (ps, is) = (Self::slot(vm, p), Self::slot(vm, i));
                vm.use_value(ps, 8, "an address");
                vm.use_value(is, 4, "an array index");
                let index = (Self::read_u64(vm, is) as u32 as i32 as i64) as u64;
                Self::read_u64(vm, ps).wrapping_add(index.wrapping_mul(scale))
            }
        }
    }

    fn defined(vm: &Vm, srcs: &[Option<(Slot, u64)>]) -> bool {
        srcs.iter()
            .flatten()
            .all(|&(s, w)| vm.mem.is_defined(Self::slot(vm, s), w))
    }
}

impl Observer for DefinednessCheck {
    fn before(&mut self, vm: &mut Vm, index: usize) -> bool {
        let Some(op) = vm.code().get(index).copied() else {
            return true;
        };
        match flow(&op) {
            Flow::None => {}
            Flow::Compute { d, dw, srcs } => {
                let ok = Self::defined(vm, &srcs);
                vm.mem.set_defined(Self::slot(vm, d), dw, ok);
            }
            Flow::Copy { d, a, n } => {
                let (d, a) = (Self::slot(vm, d), Self::slot(vm, a));
                vm.mem.copy_definedness(d, a, n);
            }
            Flow::Define { d, n } => {
                let d = Self::slot(vm, d);
                vm.mem.set_defined(d, n, true);
            }
            Flow::Load { d, dw, at, mw } => {
                let addr = Self::resolve(vm, at);
                let ok = vm.mem.is_defined(addr, mw);
                vm.mem.set_defined(Self::slot(vm, d), dw, ok);
            }
            Flow::Store { a, at, w } => {
                let addr = Self::resolve(vm, at);
                let a = Self::slot(vm, a);
                vm.mem.copy_definedness(addr, a, w);
            }
            Flow::Branch { srcs } => {
                if !Self::defined(vm, &srcs) {
                    vm.report(
                        "uninitialized-read",
                        "a conditional jump depends on an uninitialized value".into(),
                    );
                }
            }
            Flow::Block { from, to, n } => {
                let (src, dst) = (Self::resolve(vm, from), Self::resolve(vm, to));
                vm.mem.copy_definedness(dst, src, n);
            }
            Flow::CallInd { a } => {
                let s = Self::slot(vm, a);
                vm.use_value(s, 8, "a call through a pointer");
            }
            Flow::Return { a, w } => {
                let (src, dst) = (Self::slot(vm, a), Self::slot(vm, Slot(16)));
                vm.mem.copy_definedness(dst, src, w);
            }
        }
        true
    }
}

/// Bytes of red zone on each side of a heap block (a multiple of the alignment).
pub const HEAP_REDZONE: u64 = 16;
/// Freed bytes held back before the allocator may reuse them.
const QUARANTINE_BYTES: u64 = 1 << 20;

/// A live allocation, as `--check` remembers it.
#[derive(Clone, Debug)]
pub struct Allocation {
    /// What the strategy returned (the payload starts a red zone later).
    pub base: u64,
    pub size: u64,
    pub site: Vec<BacktraceFrame>,
}

/// A freed allocation kept in quarantine.
#[derive(Clone, Debug)]
pub struct Freed {
    pub payload: u64,
    pub allocation: Allocation,
    pub site: Vec<BacktraceFrame>,
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
    fn records(&mut self) -> Option<&mut HeapRecords> {
        self.check.as_mut().map(|c| &mut c.heap)
    }

    /// malloc in `--check` mode: the payload between two red zones, undefined.
    pub(crate) fn checked_malloc(&mut self, size: u64) -> Result<Option<u64>, super::Trap> {
        let Some(total) = size.checked_add(2 * HEAP_REDZONE) else {
            return Ok(None);
        };
        let Some(base) = self
            .heap
            .malloc(&mut super::alloc::Heap::new(&mut self.mem), total)?
        else {
            return Ok(None);
        };
        let payload = base + HEAP_REDZONE;
        self.mem.poison(base, HEAP_REDZONE, Poison::HeapRedzone);
        self.mem.poison(payload, size, Poison::None);
        self.mem
            .poison(payload + size, HEAP_REDZONE, Poison::HeapRedzone);
        self.mem.set_defined(payload, size, false);
        let site = self.backtrace();
        if let Some(r) = self.records() {
            r.live.insert(payload, Allocation { base, size, site });
        }
        Ok(Some(payload))
    }

    /// free in `--check` mode: the block is poisoned and held in quarantine; freeing it
    /// again, or freeing what malloc never returned, is reported with both sites.
    pub(crate) fn checked_free(&mut self, ptr: u64) -> Result<(), super::Trap> {
        let site = self.backtrace();
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
        records.quarantined += size;
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
            records.quarantined -= old.allocation.size;
            self.heap.free(
                &mut super::alloc::Heap::new(&mut self.mem),
                old.allocation.base,
            )?;
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
        while let Some((start, end)) = work.pop() {
            let mut a = start.next_multiple_of(8);
            while a + 8 <= end {
                // Stale words left in dead frames are undefined: they keep nothing alive.
                if !self.mem.is_defined(a, 8) {
                    a += 8;
                    continue;
                }
                let v = u64::from_le_bytes(
                    self.mem.bytes()[a as usize..a as usize + 8]
                        .try_into()
                        .unwrap_or([0; 8]),
                );
                if let Some((&p, alloc)) = live.range(..=v).next_back()
                    && v < p + alloc.size.max(1)
                    && reached.insert(p)
                {
                    work.push((p, p + alloc.size));
                }
                a += 8;
            }
        }
        live.iter()
            .filter(|(p, _)| !reached.contains(p))
            .map(|(&payload, a)| Leak {
                payload,
                size: a.size,
                site: a.site.clone(),
            })
            .collect()
    }
}
