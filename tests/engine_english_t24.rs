//! English names of the report's named things and figures of the wrong kind (round 13) against the real
//! report, from paraphrases written for them (`tests/paraphrases_english_t24.tsv`): honours by field or level
//! are the titles the review says the county won, problematic housing projects and a main-board IPO find the
//! report's terms, and a sum of money (how much money, in yuan) or a count of beds is refused when the report
//! gives only a head count, a growth rate or no figure of that kind.

pub mod support;

use support::cli::set_failures;

#[test]
fn every_t24_english_paraphrase_is_answered_and_every_look_alike_refused() {
    let failures = set_failures(include_str!("paraphrases_english_t24.tsv"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
