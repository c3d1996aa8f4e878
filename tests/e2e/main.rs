//! End-to-end tests: the real `report-bot` binary against a fake Bot API server on 127.0.0.1.

mod bot;
mod bot_process;
mod fake_api;
mod fake_api_checks;
#[path = "../support/html.rs"]
mod html;
mod reminders;
