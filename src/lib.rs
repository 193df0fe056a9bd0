//! segvm compiles C to bytecode and runs it inside one explicit, segmented address space.
//!
//! The pipeline, one module per phase:
//!
//! ```text
//! source ─lexer→ tokens ─preprocess→ tokens ─parser→ AST ─sema→ typed AST
//!        ─codegen→ image (text, rodata, data, bss) ─vm→ run, with a heap allocator
//! ```

pub mod arith;
pub mod bytecode;
pub mod cli;
pub mod codegen;
pub mod diagnostics;
pub mod driver;
pub mod frontend;
pub mod source;
pub mod target;
pub mod tools;
pub mod vm;
