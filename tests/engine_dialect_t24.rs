//! Everyday and Henan words for the report's topics (round 13) against the real report, from paraphrases
//! written for them (`tests/paraphrases_dialect_t24.tsv`): 有班上 is a job, 打粮 the grain harvest, 瘫在床上
//! the disabled elderly, 手艺 and 拿证 skills training; the asker's family (俺孙女) and complaints (坑坑洼洼)
//! only colour the question, and 谁家 asks which firms, not who. Look-alikes the report never answers are
//! refused.

pub mod support;

use support::cli::set_failures;

#[test]
fn every_t24_dialect_paraphrase_is_answered_and_every_look_alike_refused() {
    let failures = set_failures(include_str!("paraphrases_dialect_t24.tsv"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
