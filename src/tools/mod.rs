//! Tools that make every phase visible: the typed-AST printer, source-line events, the
//! inspection of a paused program (frames, values, heap blocks), the instruction
//! tracer, the step debugger and the recorder behind the HTML memory visualiser.
//!
//! They watch the VM through its [`Observer`](crate::vm::Observer) hook and read its
//! memory; none of them changes how a program runs.

pub mod debugger;
pub mod expr;
pub mod inspect;
pub mod lines;
pub mod printer;
pub mod recorder;
pub mod trace;
