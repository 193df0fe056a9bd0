//! Traps: every way a program can stop abnormally. Each has a stable name (used in
//! messages and JSON) and the exit status a shell would report for the matching signal.

use crate::arith::{IntOp, IntTrap};
use crate::bytecode::Segment;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Trap {
    /// A load or store in the first page, where a null pointer points.
    #[error("null pointer dereference: {} of {} at address {addr:#x}", access(*write), bytes(*size))]
    NullDereference { addr: u64, size: u64, write: bool },
    /// A load or store where nothing is mapped: the gap between heap and stack, padding
    /// between segments, or past the end of the address space.
    #[error("segmentation fault: {} of {} at address {addr:#x}", access(*write), bytes(*size))]
    SegmentationFault { addr: u64, size: u64, write: bool },
    /// A store into text or rodata (anywhere in FLASH, in the embedded layout).
    #[error("write to read-only memory: store of {} at address {addr:#x}", bytes(*size))]
    WriteToReadOnly { addr: u64, size: u64 },
    /// A frame (or a call's return address and saved frame pointer) needs more stack
    /// than is left between the stack pointer and the break.
    #[error(
        "stack overflow: {} needs {} of stack, but only {} are left between the stack pointer at {sp:#x} and the heap's break at {brk:#x}",
        if *call { "a call (return address and saved frame pointer)" } else { "the new frame" },
        bytes(*need),
        bytes(sp.saturating_sub(*brk))
    )]
    StackOverflow {
        sp: u64,
        need: u64,
        brk: u64,
        call: bool,
    },
    /// `--check`: an access in the red zone around a heap block.
    #[error("heap buffer overflow: {} of {} at address {addr:#x}", access(*write), bytes(*size))]
    HeapBufferOverflow { addr: u64, size: u64, write: bool },
    /// `--check`: an access to a freed heap block.
    #[error("heap use after free: {} of {} at address {addr:#x}", access(*write), bytes(*size))]
    HeapUseAfterFree { addr: u64, size: u64, write: bool },
    /// `--check`: an access that leaves a local variable for the red zone beside it.
    #[error("stack buffer overflow: {} of {} at address {addr:#x}", access(*write), bytes(*size))]
    StackBufferOverflow { addr: u64, size: u64, write: bool },
    /// `--check`: an access that leaves a global for the red zone beside it.
    #[error("global buffer overflow: {} of {} at address {addr:#x}", access(*write), bytes(*size))]
    GlobalBufferOverflow { addr: u64, size: u64, write: bool },
    /// `--check`: an access below the stack pointer, into a frame that has returned.
    #[error("stack use after return: {} of {} at address {addr:#x}", access(*write), bytes(*size))]
    StackUseAfterReturn { addr: u64, size: u64, write: bool },
    /// Integer division or remainder by zero.
    #[error("division by zero")]
    DivisionByZero,
    /// Signed division or remainder of the most negative value by -1: the quotient does
    /// not fit, and the processor traps as for a zero divisor (SIGFPE).
    #[error(
        "division overflow: {} {} -1 overflows a {bits}-bit signed integer",
        -(1i128 << (bits - 1)),
        if *rem { "%" } else { "/" }
    )]
    DivisionOverflow { bits: u32, rem: bool },
    /// A failed `assert`.
    #[error("assertion failed: {0}")]
    AssertionFailure(String),
    /// `abort()` was called.
    #[error("abort() called")]
    Abort,
    /// `free` of a block that is already free.
    #[error("double free of {addr:#x}")]
    DoubleFree { addr: u64 },
    /// `free` (or `realloc`) of an address that is not the start of a heap block.
    #[error("invalid free of {addr:#x}: {why}")]
    InvalidFree { addr: u64, why: String },
    /// The allocator found its metadata (headers, footers, links) broken.
    #[error("heap corruption at {addr:#x}: {what}")]
    HeapCorruption { addr: u64, what: String },
    /// A call or return to an address that is not code.
    #[error("{what} to address {addr:#x}, which is not {expected}")]
    BadJump {
        addr: u64,
        what: &'static str,
        expected: &'static str,
    },
    /// More instructions than `--max-steps` allows.
    #[error("step limit exceeded: {0} instructions executed")]
    StepLimit(u64),
    /// More output than the limit allows.
    #[error("output limit exceeded: more than {0} bytes written")]
    OutputLimit(u64),
}

fn bytes(n: u64) -> String {
    if n == 1 {
        "1 byte".into()
    } else {
        format!("{n} bytes")
    }
}

fn access(write: bool) -> &'static str {
    if write { "store" } else { "load" }
}

impl Trap {
    /// The stable name of the fault kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Trap::NullDereference { .. } => "null-dereference",
            Trap::SegmentationFault { .. } | Trap::BadJump { .. } => "segmentation-fault",
            Trap::WriteToReadOnly { .. } => "write-to-read-only",
            Trap::StackOverflow { .. } => "stack-overflow",
            Trap::DivisionByZero | Trap::DivisionOverflow { .. } => "division-by-zero",
            Trap::AssertionFailure(_) => "assertion-failure",
            Trap::Abort => "abort",
            Trap::DoubleFree { .. } => "double-free",
            Trap::InvalidFree { .. } => "invalid-free",
            Trap::HeapCorruption { .. } => "heap-corruption",
            Trap::StepLimit(_) => "step-limit",
            Trap::HeapBufferOverflow { .. } => "heap-buffer-overflow",
            Trap::HeapUseAfterFree { .. } => "heap-use-after-free",
            Trap::StackBufferOverflow { .. } => "stack-buffer-overflow",
            Trap::GlobalBufferOverflow { .. } => "global-buffer-overflow",
            Trap::StackUseAfterReturn { .. } => "stack-use-after-return",
            Trap::OutputLimit(_) => "output-limit",
        }
    }

    /// The exit status a shell reports: 128 + the signal a native run would get.
    pub fn exit_status(&self) -> i32 {
        match self {
            Trap::NullDereference { .. }
            | Trap::SegmentationFault { .. }
            | Trap::WriteToReadOnly { .. }
            | Trap::StackOverflow { .. }
            | Trap::BadJump { .. } => 139,
            Trap::DivisionByZero | Trap::DivisionOverflow { .. } => 136,
            Trap::AssertionFailure(_)
            | Trap::Abort
            | Trap::DoubleFree { .. }
            | Trap::InvalidFree { .. }
            | Trap::HeapCorruption { .. }
            | Trap::HeapBufferOverflow { .. }
            | Trap::HeapUseAfterFree { .. }
            | Trap::StackBufferOverflow { .. }
            | Trap::GlobalBufferOverflow { .. }
            | Trap::StackUseAfterReturn { .. } => 134,
            Trap::StepLimit(_) => 124,
            Trap::OutputLimit(_) => 153,
        }
    }

    /// The address the fault is about, if any.
    pub fn address(&self) -> Option<u64> {
        match self {
            Trap::NullDereference { addr, .. }
            | Trap::SegmentationFault { addr, .. }
            | Trap::WriteToReadOnly { addr, .. }
            | Trap::DoubleFree { addr }
            | Trap::InvalidFree { addr, .. }
            | Trap::HeapCorruption { addr, .. }
            | Trap::BadJump { addr, .. }
            | Trap::HeapBufferOverflow { addr, .. }
            | Trap::HeapUseAfterFree { addr, .. }
            | Trap::StackBufferOverflow { addr, .. }
            | Trap::GlobalBufferOverflow { addr, .. }
            | Trap::StackUseAfterReturn { addr, .. } => Some(*addr),
            // Where the stack met the heap.
            Trap::StackOverflow { brk, .. } => Some(*brk),
            _ => None,
        }
    }

    /// The check of every push: `need` more bytes of stack below `sp` must stay above
    /// the break (computed without wrapping, whatever the sizes).
    #[inline(always)]
    pub fn stack_push(sp: u64, need: u64, brk: u64, call: bool) -> Result<u64, Trap> {
        match sp.checked_sub(need) {
            Some(new) if new >= brk => Ok(new),
            _ => Err(Trap::stack_overflow(sp, need, brk, call)),
        }
    }

    // Out of line, so that building the trap stays out of the dispatch loop's fast paths.
    #[cold]
    #[inline(never)]
    fn stack_overflow(sp: u64, need: u64, brk: u64, call: bool) -> Trap {
        Trap::StackOverflow {
            sp,
            need,
            brk,
            call,
        }
    }

    /// The trap for integer arithmetic that has no value (`bits` wide).
    pub fn arith(e: IntTrap, op: IntOp, bits: u32) -> Trap {
        match e {
            IntTrap::DivisionByZero => Trap::DivisionByZero,
            IntTrap::DivisionOverflow { .. } => Trap::DivisionOverflow {
                bits,
                rem: op == IntOp::Rem,
            },
        }
    }

    /// The trap for an access that failed, from the segment the address falls in.
    pub fn for_access(addr: u64, size: u64, write: bool, segment: Segment) -> Trap {
        match segment {
            Segment::NullGuard => Trap::NullDereference { addr, size, write },
            Segment::Text | Segment::Rodata | Segment::DataImage if write => {
                Trap::WriteToReadOnly { addr, size }
            }
            _ => Trap::SegmentationFault { addr, size, write },
        }
    }
}
