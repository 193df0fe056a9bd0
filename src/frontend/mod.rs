//! The front end: preprocessing tokens, the preprocessor, the parser, the checker.

pub mod headers;
pub mod lexer;
pub mod preprocess;
