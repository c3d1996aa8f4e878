//! The Telegram front end: translates updates into engine calls and answers into messages.

pub mod callback;
pub mod commands;
pub mod redact;
pub mod render;
pub mod state;
pub mod texts;
