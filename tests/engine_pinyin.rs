//! Questions typed all in pinyin (issue 10) against the real report, from paraphrases written before the
//! engine was changed (`tests/paraphrases_pinyin.tsv`): the question words, the verbs (jianle, zuo, fabu)
//! and the report's words read back as the Chinese question, across the report's topics and its front
//! matter. Every one is answered right at rank 1, and every out-of-scope look-alike typed the same way is
//! refused.

pub mod support;

use support::cli::{engine, set_failures};

#[test]
fn every_pinyin_paraphrase_is_answered_and_every_look_alike_refused() {
    let failures = set_failures(include_str!("paraphrases_pinyin.tsv"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_pinyin_question_about_the_report_itself_is_the_chinese_one() {
    for (pinyin, expected) in [
        ("baogao shi shei zuo de", "侯公涛"),
        ("bao gao shen me shi hou fa bu de", "2022-04-21"),
        ("bàogào nǎ tiān zuò de", "2022-04-20"),
    ] {
        let answer = engine().ask(pinyin);
        assert!(
            answer.direct().unwrap_or_default().contains(expected),
            "{pinyin}: {:?}",
            answer.direct()
        );
    }
}
