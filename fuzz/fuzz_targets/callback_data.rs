//! callback_data decoding (tests/support/properties.rs).
#![no_main]

#[path = "../../tests/support/html.rs"]
#[allow(dead_code)]
mod html;
#[path = "../../tests/support/properties.rs"]
#[allow(dead_code)]
mod properties;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        properties::callback_data_round_trips(text);
    }
});
