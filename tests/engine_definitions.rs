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
        // The kind named the way the body writes it after the term (“万人助万企”活动, “放管服效”改革).
        ("万人助万企活动是什么", "万人助万企"),
        ("万人住万企活动是干嘛的", "万人助万企"),
        ("放管服效改革是什么意思", "放管服效"),
        ("Can you explain the fang-guan-fu-xiao reform?", "放管服效"),
        // The kind of its items asked after 哪些, in a word the entry does not use (费用 for 经费).
        ("三公经费指的是哪些费用", "三公经费"),
        ("三公經費包括哪幾項費用", "三公经费"),
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

/// A phrase of one entry's explanation asked which term it belongs to, with the words for a term (提法, 术语,
/// 词): that entry, with the phrase named. A place asked what it belongs to is no phrase of the glossary.
#[test]
fn a_phrase_asked_which_term_it_belongs_to_gets_that_entry() {
    for (question, term) in [
        ("乱搭乱建属于哪个提法", "六乱六清"),
        ("月通报是哪个术语里的", "17110工作制度"),
        ("“清杂物”是哪个词里的", "六乱六清"),
        ("理论自信是哪个术语里的", "四个自信"),
    ] {
        let answer = engine().ask(question);
        let direct = answer.direct().unwrap_or_default();
        assert!(
            direct.contains(&format!("“{term}”")),
            "{question}: {answer:?}"
        );
    }
    for question in ["西平县属于哪个市", "驻马店属于哪个省"] {
        assert!(!engine().ask(question).answered(), "{question}");
    }
}

/// Two glossary terms asked together, bare or with asking words, get both entries in the order named; a
/// topic beside them (做得怎么样) is no definition asked.
#[test]
fn several_terms_asked_together_get_each_entry() {
    for (question, first, second) in [
        ("六稳六保", "六稳：", "六保："),
        ("四个自信跟四个意识各指什么", "四个自信：", "四个意识："),
    ] {
        let answer = engine().ask(question);
        let direct = answer.direct().unwrap_or_default();
        let (Some(a), Some(b)) = (direct.find(first), direct.find(second)) else {
            panic!("{question}: {answer:#?}");
        };
        assert!(a < b, "{question}: {direct}");
        assert_eq!(answer.hits().len(), 2, "{question}");
    }
    assert!(!engine()
        .ask("六稳六保工作做得怎么样")
        .direct()
        .is_some_and(|direct| direct.contains("六稳：") && direct.contains("六保：")));
}

/// A piece of a term its entry explains on its own (五湖 of 一渠两园三河五湖: 五湖即…) is answered with that
/// clause, also where the question says where the term is used; the whole term gets the whole entry.
#[test]
fn a_piece_of_a_term_gets_the_clause_explaining_it() {
    for (question, clause) in [
        ("两园是哪两个公园", "两园即西平生态湿地公园、嫘祖海棠园"),
        (
            "城市生态水系里说的三河是哪几条",
            "三河即小洪河、南城河、嫘祖河",
        ),
    ] {
        let answer = engine().ask(question);
        assert!(
            answer
                .direct()
                .is_some_and(|direct| direct.ends_with(clause)),
            "{question}: {answer:#?}"
        );
    }
    let whole = engine().ask("一渠两园三河五湖指什么");
    assert!(whole
        .direct()
        .is_some_and(|direct| direct.contains("一渠即幸福渠") && direct.contains("五湖即")));
    // Another topic beside the piece is no question about it.
    assert!(!engine()
        .ask("五湖的水质怎么样")
        .direct()
        .is_some_and(|direct| direct.ends_with("凤鸣湖")));
    // Asked in English, with where the term is used: the clause, framed in English.
    let english = engine().ask("Name the five lakes in the city's water system plan");
    let direct = english.direct().unwrap_or_default();
    assert!(
        direct.starts_with("五湖 (five lakes), in the report's glossary under 一渠两园三河五湖")
            && direct.ends_with("五湖即龙湖、南湖、念祖湖、玉静湖、凤鸣湖"),
        "{english:#?}"
    );
}

/// Where a term comes from (来历, 由来, 从哪里来) is what its entry says first.
#[test]
fn a_terms_origin_is_asked_of_its_entry() {
    for (question, term) in [
        ("四个自信的由来", "四个自信"),
        ("两中心这个说法从哪来的", "两中心"),
        ("六稳的来历是什么", "六稳"),
    ] {
        let answer = engine().ask(question);
        let first = answer.hits().first().map(|hit| hit.excerpt.clone());
        assert!(
            first.is_some_and(|excerpt| excerpt.starts_with(&format!("{term}:"))),
            "{question}: {answer:?}"
        );
    }
}

/// A glossary term's items asked for as a list (是哪四样, 挨个列一下, 分别是) are its entry, even beside words
/// a passage naming the term shares (四优四化).
#[test]
fn a_glossary_terms_items_asked_as_a_list_are_its_entry() {
    for (question, entry) in [
        ("四优四化的“四优”是哪四样", "四优四化：指优质小麦"),
        ("“八个西平”挨个列一下", "八个西平：指吃在西平"),
        ("注释里的六稳分别是", "六稳：指稳就业"),
    ] {
        let direct = support::cli::direct(question);
        assert!(direct.starts_with(entry), "{question}: {direct}");
    }
}
