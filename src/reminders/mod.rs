//! The daily target reminder: who is due when (`schedule`), what they get (`content`), where subscriptions
//! and deliveries are kept (`store`), and how a batch goes out within Telegram's limits (`sender`).
//! Telegram itself is only reached through the `sender::Transport` trait.

pub mod content;
pub mod schedule;
pub mod store;
