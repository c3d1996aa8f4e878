//! Dialect, initials and homophone questions (issue 10, round 6) against the real report, from paraphrases
//! written before the engine was changed (`tests/paraphrases_forms_t13.tsv`): Henan time, degree and
//! particle words, initials of the report's indicators, glossary terms and named groups (mixed with Chinese,
//! in capitals), and near-homophones typed by voice; every out-of-scope look-alike in the same forms is
//! refused.

pub mod support;

use support::cli::{direct, set_failures};

#[test]
fn every_spoken_form_paraphrase_is_answered_and_every_look_alike_refused() {
    let failures = set_failures(include_str!("paraphrases_forms_t13.tsv"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn henan_time_words_are_the_standard_ones() {
    // 年时 is last year: 2021's figure, not the year's target.
    assert!(direct("年时咱县生产总值弄到多少亿了").contains("279亿元"));
    assert!(direct("年时个农村居民一个人能挣多少钱").contains("16191元"));
}

#[test]
fn named_groups_are_found_by_their_initials() {
    // 三大保卫战 is what people call the report's 蓝天、碧水、净土保卫战; 六稳六保 its glossary's 六稳 and 六保.
    assert!(!direct("sdbwz都是哪些").is_empty());
    assert!(direct("lwlb都包括啥").contains("稳就业"));
    // A name the report quotes (“明厨亮灶示范店”) is typed by its initials too.
    let shops = direct("mclzsfd评了多少家");
    assert!(
        shops.contains("明厨亮灶示范店") && shops.contains("53家"),
        "{shops}"
    );
}

#[test]
fn a_lowercase_acronym_in_a_chinese_question_is_its_topic() {
    assert_eq!(direct("cpi今年涨多少"), "");
    assert_eq!(direct("suv多钱一辆"), "");
}
