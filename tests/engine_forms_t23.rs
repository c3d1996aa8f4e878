//! Pinyin with tone marks, English numbers with thousands commas and English names of named things (round 12)
//! against the real report, from paraphrases written for it (`tests/paraphrases_forms_t23.tsv`): lǜ is lv as a
//! pinyin keyboard types it, `10,000` is one number, and a main-board listing, vegetables for Hong Kong and
//! the ten-thousand-cadres campaign find the report's terms; look-alikes the report never answers are refused.

pub mod support;

use support::cli::set_failures;

#[test]
fn every_t23_paraphrase_is_answered_and_every_look_alike_refused() {
    let failures = set_failures(include_str!("paraphrases_forms_t23.tsv"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
