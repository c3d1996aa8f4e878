//! report-bot answers questions about a government work report with cited excerpts.
//!
//! The answer engine (`knowledge`, `search`, `answer`) knows nothing of Telegram; `telegram` translates
//! updates into engine calls and answers into messages; `reminders` sends the daily target reminder.

pub mod answer;
pub mod cli;
pub mod config;
pub mod knowledge;
pub mod logging;
pub mod questionlog;
pub mod reminders;
pub mod search;
pub mod store;
pub mod telegram;
