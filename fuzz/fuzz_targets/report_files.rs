//! Loading an arbitrary report.toml + report.txt: the input is the TOML, a NUL byte, then the body
//! (tests/support/properties.rs).
#![no_main]

#[path = "../../tests/support/html.rs"]
#[allow(dead_code)]
mod html;
#[path = "../../tests/support/properties.rs"]
#[allow(dead_code)]
mod properties;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (toml_text, body) = text.split_once('\0').unwrap_or(("", &text));
    let toml_text = if toml_text.is_empty() {
        include_str!("../../knowledge/reports/xiping-2022/report.toml")
    } else {
        toml_text
    };
    properties::report_files_load(toml_text, body);
});
