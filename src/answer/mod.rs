//! Turns a question into an [`Answer`]: understands it, searches the index, composes the reply.

pub mod types;

pub use types::*;
