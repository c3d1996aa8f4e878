//! Turns a question into an [`Answer`]: understands it, searches the index, composes the reply.

pub mod catalog;
pub mod engine;
pub mod english;
pub mod eval;
pub mod find;
pub mod suggest;
pub mod types;
pub mod vocabulary;

pub use engine::weights::MAX_QUESTION_CHARS;
pub use engine::{Engine, EngineError, FollowUp};
pub use english::Language;
pub use types::*;
