//! Items the report names in running text before 等 and a noun (`加大“嫘祖丝韵”“乡约西平”等公共品牌培育力度`)
//! answer 哪些 + that noun ahead of sentences that only use the noun (src/answer/engine/examples.rs); and a
//! figure whose name adds a number the question does not state (投资10亿元以上项目 for 亿元以上的项目) is
//! another figure than the one asked (src/answer/engine/qualifier.rs). A kind asked after 哪些 / 哪几处 in
//! words the report never uses (哪两个园子) is said by a passage naming items side by side
//! (src/answer/engine/lists.rs `names_kind_asked`). The questions are written for this test, not taken
//! from the question sets.

pub mod support;

use support::cli::engine;

/// What the direct answer and the first hit of the answer to `question` say.
fn first_shown(question: &str) -> String {
    let answer = engine().ask(question);
    let first = answer
        .hits()
        .first()
        .map(|hit| hit.text.clone())
        .unwrap_or_default();
    format!("{}{first}", answer.direct().unwrap_or_default())
}

/// 哪些 + a noun a sentence names items of (or the noun's head: 产业 of 主导产业), with an item it names.
const EXAMPLES_ASKED: &[(&str, &str)] = &[
    ("今年重点培育的公共品牌是哪些", "乡约西平"),
    ("公共品牌要培育哪几个", "嫘祖丝韵"),
    ("品牌方面打算培育哪些公共品牌", "嫘祖丝韵"),
    ("要做大做强哪些主导产业", "新型包装材料"),
    ("水处理环保设备依托哪些企业", "贝森环保"),
];

#[test]
fn a_sentence_naming_items_of_the_noun_asked_answers_which_ones() {
    for (question, item) in EXAMPLES_ASKED {
        let shown = first_shown(question);
        assert!(shown.contains(item), "{question}: {shown}");
    }
}

#[test]
fn a_kind_the_report_never_says_is_asked_of_items_named_side_by_side() {
    for (question, item) in [
        ("六清是清哪几样东西", "清违建"),
        ("两园指的是哪两个园子", "嫘祖海棠园"),
        ("五湖是哪五个湖泊", "凤鸣湖"),
    ] {
        let shown = first_shown(question);
        assert!(shown.contains(item), "{question}: {shown}");
    }
    // A word before the kind qualifies it, and a passage saying little of the rest (西平 of 西平名吃 in
    // the report's title) names no items of it: things the report lacks are still refused.
    for question in ["西平有哪些木业企业", "西平名吃有哪几种小吃"] {
        let answer = engine().ask(question);
        assert!(!answer.answered(), "{question}: {:?}", answer.direct());
    }
}

#[test]
fn a_kind_the_report_writes_rarely_of_other_things_is_asked_of_items_named_side_by_side() {
    // 地区 and 区域 are written only of other things (中部地区崛起): the regions named side by side are the
    // answer all the same.
    for (question, item) in [
        ("招商引资重点盯住哪些区域", "京津冀"),
        ("产业招商聚焦的是哪几个地区呢", "粤港澳大湾区"),
    ] {
        let shown = first_shown(question);
        assert!(shown.contains(item), "{question}: {shown}");
    }
    // The plan's sections name no regions, though their headings say 聚焦 and the question 重点.
    let shown = first_shown("招商引资重点聚焦哪些区域");
    assert!(shown.contains("长三角"), "{shown}");
    // A kind that says nothing of its items (哪些事) or that the report counts (主干道路32条) is said as a
    // word or not at all.
    let shown = first_shown("过去五年新建改造了哪些主干道路");
    assert!(shown.contains("启航路"), "{shown}");
    let answer = engine().ask("今年城建方面做哪些事");
    assert!(
        !answer.answered() || !first_shown("今年城建方面做哪些事").contains("先进县"),
        "{:?}",
        answer.direct()
    );
}

#[test]
fn a_noun_no_enumeration_names_and_another_time_are_left_to_the_other_sentences() {
    // 餐饮品牌 is not 公共品牌: the sentence about it answers, not the 公共品牌 examples.
    let shown = first_shown("要打造哪些餐饮品牌");
    assert!(shown.contains("西平餐饮品牌"), "{shown}");
    // This year's reforms are the plan's, not the reforms the review names as examples.
    let shown = first_shown("今年要推进哪些重点领域改革");
    assert!(!shown.contains("财政税收"), "{shown}");
    let shown = first_shown("过去五年哪些重点领域改革取得了进展");
    assert!(shown.contains("财政税收"), "{shown}");
}

#[test]
fn a_number_the_figures_name_adds_is_another_figure_unless_the_question_states_it() {
    for (question, figure) in [
        ("今年准备引进几个亿元以上的大项目", "亿元以上项目15个"),
        ("亿元以上的项目今年打算引进多少", "亿元以上项目15个"),
        ("今年十亿元以上的项目要引进几个", "10亿元以上项目1个"),
        ("引进投资10亿元以上的项目有几个", "10亿元以上项目1个"),
        ("五亿元以上项目计划引进几个", "5亿元以上项目4个"),
    ] {
        let shown = first_shown(question);
        assert!(shown.contains(figure), "{question}: {shown}");
    }
}
