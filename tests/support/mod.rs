//! Helpers shared by the integration test crates (telegram, reminders, store, engine, knowledge, e2e). Each
//! crate declares `pub mod support;` and uses the parts it needs: the submodules and their items are
//! `pub`, so a helper one crate does not use is not dead code there, and no `allow(dead_code)` is needed.

pub mod cli;
pub mod fixtures;
pub mod html;
pub mod keyboard;
pub mod postgres;
pub mod properties;
