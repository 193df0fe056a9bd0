//! The front end: preprocessing tokens, the preprocessor, the parser, the checker.

pub mod ast;
pub mod headers;
pub mod lexer;
pub mod nesting;
pub mod parser;
pub mod preprocess;
pub mod sema;
pub mod typed;
pub mod types;
