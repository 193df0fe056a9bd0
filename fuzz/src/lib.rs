//! Shared by the fuzz targets: the bounded pipeline and the token-level mutator.

pub mod mutate;
pub mod pipeline;
