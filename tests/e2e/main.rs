//! End-to-end tests: the real `report-bot` binary against a fake Bot API server on 127.0.0.1.

mod bot;
mod bot_process;
mod fairness;
mod fake_api;
mod fake_api_checks;
mod fault_reminders;
mod faults;
mod load;
mod questionlog;
mod reminders;
mod replicas;
// This crate's root sits in tests/e2e/, so the shared module is named by its path.
#[path = "../support/mod.rs"]
pub mod support;
