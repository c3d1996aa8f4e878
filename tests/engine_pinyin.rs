//! Questions typed all in pinyin (issue 10) against the real report, from paraphrases written before the
//! engine was changed (`tests/paraphrases_pinyin.tsv`): the question words, the verbs (jianle, zuo, fabu)
//! and the report's words read back as the Chinese question, across the report's topics and its front
//! matter. Every one is answered right at rank 1, and every out-of-scope look-alike typed the same way is
//! refused.

pub mod support;

use support::cli::{engine, first_excerpt, set_failures};

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

/// A way of asking spelled like a verb the report writes more often (jiancheng: the marker 简称 and the
/// verb 建成) is the verb in a question typed in pinyin; the marker typed in Chinese still asks.
#[test]
fn a_spelling_shared_by_a_marker_and_a_commoner_verb_is_the_verb() {
    let first = first_excerpt("leizu haitangyuan jiancheng le ma");
    assert!(first.contains("嫘祖海棠园建成开园"), "{first}");
    let asked = engine().ask("放管服效是什么的简称");
    assert!(
        asked
            .direct()
            .is_some_and(|direct| direct.contains("简政放权")),
        "{:?}",
        asked.direct()
    );
}

#[test]
fn initials_of_a_change_verb_and_initials_run_together_are_read() {
    // 增长 typed zz asks as the markers' initials do; two pieces run together (jnlszc) are read apart.
    for (typed, expected) in [
        ("jn gdzctz zz mb", "增长10%以上"),
        ("jnlszc mb", "96万吨"),
        ("qnybggyssr", "15.3亿元"),
        ("jnlszcmb", "96万吨"),
    ] {
        let answer = engine().ask(typed);
        assert!(
            answer.direct().unwrap_or_default().contains(expected),
            "{typed}: {:?}",
            answer.direct()
        );
    }
    // Two question words run together (怎么 + 多少) are no reading: zmds stays a name the report lacks.
    assert!(!engine().ask("zmds qn czsr").answered());
}

/// A word of a question typed all in pinyin that spells no word of the report (chuangwei 床位, yisheng 医生)
/// is a thing the report lacks when a number is asked of it, though another syllable is an English word
/// (you): the county hospital's sentence is no answer about its beds or doctors.
#[test]
fn a_pinyin_word_the_report_lacks_is_a_thing_not_said() {
    for question in [
        "xian renmin yiyuan you duoshao zhang chuangwei",
        "xian renmin yiyuan you duoshao yisheng",
    ] {
        let answer = engine().ask(question);
        assert!(!answer.answered(), "{question}: {:?}", answer.outcome);
    }
    // The hospital itself, typed the same way, is still found.
    let hospital = first_excerpt("xian renmin yiyuan zenmeyang");
    assert!(hospital.contains("县人民医院"), "{hospital}");
}
