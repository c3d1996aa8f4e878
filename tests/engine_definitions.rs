//! The engine against the real report on definition questions that name the kind of thing asked about
//! (是什么活动, 是哪两种癌): the glossary entry of the term comes first.

pub mod support;

use support::cli::engine;

#[test]
fn the_entry_comes_first_when_the_question_names_the_kind_of_thing() {
    for (question, term) in [
        ("万人助万企是什么活动", "万人助万企"),
        // A homophone of the term, corrected.
        ("万人住万企是什么活动", "万人助万企"),
        ("两癌是哪两种癌", "两筛两癌"),
    ] {
        let answer = engine().ask(question);
        let first = answer.hits().first().map(|hit| hit.excerpt.clone());
        assert!(
            first.is_some_and(|excerpt| excerpt.starts_with(&format!("{term}:"))),
            "{question}: {answer:?}"
        );
    }
}

/// A counted term said with another measure word than the report's (五个保障 for 五项保障, 四项自信 for
/// 四个自信) is that term.
#[test]
fn a_counted_term_said_with_another_measure_word_is_that_term() {
    for (question, term) in [
        ("五个保障指的啥", "五项保障"),
        ("四项自信是哪四项", "四个自信"),
        ("五个工程都有啥", "五大工程"),
    ] {
        let answer = engine().ask(question);
        let first = answer.hits().first().map(|hit| hit.excerpt.clone());
        assert!(
            first.is_some_and(|excerpt| excerpt.starts_with(&format!("{term}:"))),
            "{question}: {answer:?}"
        );
    }
}
