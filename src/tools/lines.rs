//! Source-line events: where execution reaches a new line of the user's program.
//!
//! The VM runs instructions; people think in lines. A *line event* happens before an
//! instruction of the user's code when its source line differs from the line of the
//! last user instruction, when the frame changed (a call or a return), or when a jump
//! went backwards within the line (the next iteration of a one-line loop). The
//! debugger's `step` and `next`, `trace --lines` and the visualiser all stop at the
//! same events.

use super::inspect::DebugInfo;
use crate::bytecode::Op;
use crate::source::FileId;
use crate::vm::Vm;

/// How execution arrived at a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// The same frame, a new line (or a new iteration of the same line).
    Line,
    /// A deeper frame: the first line of a called function.
    Call,
    /// A shallower frame: back in a caller, in the middle of its line.
    Return,
}

/// A new source line is about to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineEvent {
    pub file: FileId,
    pub line: u32,
    pub fp: u64,
    pub addr: u64,
    pub arrival: Arrival,
}

/// Follows execution instruction by instruction and reports line events.
#[derive(Default, Clone, Debug)]
pub struct LineTracker {
    /// The line, frame and instruction index of the last user instruction seen.
    last: Option<(FileId, u32, u64, usize)>,
}

impl LineTracker {
    pub fn new() -> LineTracker {
        LineTracker::default()
    }

    /// Called before the instruction at `index` runs.
    pub fn before(&mut self, info: &DebugInfo, vm: &Vm, index: usize) -> Option<LineEvent> {
        let addr = vm.addr_of(index);
        let f = info.image.function_at(addr)?;
        if !f.shown() || f.name == "_start" {
            return None;
        }
        // The function's `enter` belongs to its declaration, not to a line of its body.
        if matches!(vm.code().get(index), Some(Op::Enter { .. })) {
            return None;
        }
        let (span, line) = info.line_at(addr)?;
        let fp = vm.fp;
        let prev = self.last.replace((span.file, line, fp, index));
        let arrival = match prev {
            None => Arrival::Call,
            Some((_, _, pfp, _)) if fp < pfp => Arrival::Call,
            Some((_, _, pfp, _)) if fp > pfp => Arrival::Return,
            // The same frame address in another function: the last one returned and a
            // sibling was called (main after the embedded startup code, from _start).
            Some((_, _, _, pindex))
                if info.image.function_at(vm.addr_of(pindex)).map(|p| p.addr) != Some(f.addr) =>
            {
                Arrival::Call
            }
            Some((pfile, pline, _, pindex)) => {
                let same_line = pfile == span.file && pline == line;
                if same_line && index > pindex {
                    return None;
                }
                Arrival::Line
            }
        };
        Some(LineEvent {
            file: span.file,
            line,
            fp,
            addr,
            arrival,
        })
    }
}
