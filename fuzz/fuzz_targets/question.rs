//! A question into the engine and out through both renderers (tests/support/properties.rs).
#![no_main]

#[path = "../../tests/support/html.rs"]
#[allow(dead_code)]
mod html;
#[path = "../../tests/support/properties.rs"]
#[allow(dead_code)]
mod properties;

use libfuzzer_sys::fuzz_target;
use report_bot::answer::Engine;
use report_bot::knowledge::KnowledgeSource;
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(&KnowledgeSource::Embedded).expect("the embedded reports load"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(question) = std::str::from_utf8(data) {
        properties::question_renders(engine(), question);
    }
});
