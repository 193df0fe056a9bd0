//! The bytecode: the instruction table, operand kinds, the library ABI, and the image
//! that holds the encoded text with everything tools need to explain it.

pub mod disasm;
pub mod effects;
pub mod image;
pub mod library;
pub mod operand;
pub mod ops;

pub use image::{Image, Layout, Segment};
pub use library::Lib;
pub use operand::*;
pub use ops::{OP_DOCS, Op};
