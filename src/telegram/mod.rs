//! The Telegram front end: translates updates into engine calls and answers into messages.

pub mod callback;
pub mod render;
pub mod texts;
