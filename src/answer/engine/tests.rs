//! The engine on a small made-up report: tests/fixtures/engine (柳塘县2030: a five-year review with a
//! result and a yearly average, this year's main target, a place name, one glossary entry).
use super::*;
use crate::answer::{HitKind, RefusalReason};
use std::path::Path;

fn library() -> Library {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/engine"
    ));
    Library::load(dir).expect("tests/fixtures/engine loads")
}

fn engine() -> Engine {
    Engine::new(library()).expect("engine")
}

#[test]
fn the_year_decides_between_a_result_and_a_target() {
    let engine = engine();
    let last_year = engine.ask("去年粮食总产多少");
    assert!(last_year.answered());
    assert_eq!(
        last_year.hits()[0].id,
        "liutang-2030/1.0.1.2#1",
        "{last_year:#?}"
    );
    assert!(last_year.direct().is_some_and(|a| a.contains("88.8万吨")));

    let this_year = engine.ask("今年粮食总产目标是多少");
    assert_eq!(
        this_year.hits()[0].id,
        "liutang-2030/2.1.1.2#1",
        "{this_year:#?}"
    );
    assert_eq!(
        engine.ask("2030年粮食产量").hits()[0].id,
        "liutang-2030/2.1.1.2#1"
    );
    assert_eq!(
        engine.ask("grain output 2029").hits()[0].id,
        "liutang-2030/1.0.1.2#1"
    );
    assert_eq!(
        engine.ask("粮食总产年均增长多少").hits()[0].id,
        "liutang-2030/1.0.1.2#2"
    );
}

#[test]
fn words_kept_apart_still_say_the_term_they_make_together() {
    // 粮食 … 产量 is 粮食产量, an alias of 粮食总产, with the year and 的 in between.
    let answer = engine().ask("粮食去年的产量是多少");
    assert!(answer.answered(), "{answer:#?}");
    assert_eq!(answer.hits()[0].id, "liutang-2030/1.0.1.2#1", "{answer:#?}");
}

#[test]
fn a_definition_question_gets_the_glossary_entry() {
    let engine = engine();
    for question in [
        "三张清单是什么意思",
        "什么是三张清单",
        "三张清单指什么",
        "三張清單是啥",
    ] {
        let answer = engine.ask(question);
        assert_eq!(
            answer.hits()[0].kind,
            HitKind::Glossary,
            "{question}: {answer:#?}"
        );
        assert!(answer.direct().is_some_and(|a| a.starts_with("三张清单：")));
    }
}

#[test]
fn questions_the_report_does_not_answer_are_refused() {
    let engine = engine();
    for question in ["明天天气怎么样", "县委书记是谁", "今年CPI是多少"] {
        let answer = engine.ask(question);
        assert!(!answer.answered(), "{question}: {answer:#?}");
        assert_eq!(
            answer.refusal().map(|r| r.reason),
            Some(RefusalReason::NotInReport)
        );
        assert!(
            answer.hits().is_empty() && answer.refusal().is_some_and(|r| !r.suggestions.is_empty())
        );
    }
    let future = engine.ask("2031年粮食总产目标");
    assert_eq!(
        future.refusal().map(|r| r.reason),
        Some(RefusalReason::YearNotCovered { year: 2031 })
    );
}

#[test]
fn a_place_is_found_with_its_sentence_and_context() {
    let answer = engine().ask("青石岭农业示范区");
    assert!(answer.answered());
    let hit = &answer.hits()[0];
    assert_eq!(hit.id, "liutang-2030/2.1.1.3");
    assert_eq!(
        hit.excerpt,
        "今年主要预期目标是:粮食总产保持在90万吨以上。建设青石岭农业示范区。"
    );
    let marked: Vec<&str> = hit
        .highlights
        .iter()
        .map(|r| &hit.excerpt[r.clone()])
        .collect();
    assert!(marked.iter().any(|m| m.contains("青石岭")), "{marked:?}");
}

#[test]
fn one_wrong_character_in_a_known_term_still_finds_it() {
    let answer = engine().ask("三涨清单是什么意思");
    assert!(answer.answered());
    assert_eq!(answer.hits()[0].id, "liutang-2030/g1");
}

#[test]
fn bad_input_never_panics_and_empty_questions_are_refused() {
    let engine = engine();
    for question in ["", "   ", "😀🎉", "\"", ":", "(", "AND", "*", "？？？"] {
        let answer = engine.ask(question);
        assert!(!answer.answered(), "{question:?}");
    }
    assert_eq!(
        engine.ask("").refusal().map(|r| r.reason),
        Some(RefusalReason::EmptyQuestion)
    );
    let long = "粮食总产".repeat(1250);
    let _ = engine.ask(&long);
}

#[test]
fn more_results_continue_after_the_first_page() {
    let engine = engine();
    let first = engine.ask("粮食总产");
    let more = engine.ask_more("粮食总产", 1);
    assert!(first.hits().len() >= 2, "{first:#?}");
    assert_eq!(
        more.hits().first().map(|h| &h.id),
        first.hits().get(1).map(|h| &h.id)
    );
    assert_eq!(more.direct(), None);
}

#[test]
fn a_passage_expands_any_unit_id_to_its_paragraph() {
    let engine = engine();
    let passage = engine
        .passage("liutang-2030/1.0.1.2#1")
        .expect("indicator passage");
    assert_eq!(passage.id, "liutang-2030/1.0.1");
    let focus = passage.focus.clone().expect("focus");
    assert!(passage.text[focus].starts_with("2029年"));
    assert_eq!(
        engine.passage("liutang-2030/1.0.1.3").expect("sentence").id,
        "liutang-2030/1.0.1"
    );
    assert_eq!(
        engine
            .passage("liutang-2030/1.0.1")
            .expect("paragraph")
            .focus,
        None
    );
    assert!(engine
        .passage("liutang-2030/g1")
        .expect("glossary")
        .text
        .starts_with("三张清单"));
    assert_eq!(engine.passage("nope"), None);
}

#[test]
fn glossary_terms_are_found_loosely() {
    let engine = engine();
    for term in ["三张清单", "三張清單", "三涨清单", " 三张清单 "] {
        assert_eq!(
            engine.find_glossary(term).map(|e| e.number),
            Some(1),
            "{term}"
        );
    }
    assert_eq!(engine.find_glossary("五张名单"), None);
    assert_eq!(engine.glossary().len(), 1);
}

#[test]
fn targets_and_results_list_the_newest_report() {
    let engine = engine();
    assert_eq!(engine.targets().len(), 1);
    assert_eq!(engine.results().len(), 2);
    assert_eq!(engine.library().reports.len(), 1);
}

#[test]
fn glossary_entries_used_by_a_hit_are_referenced() {
    let answer = engine().ask("扶贫资产管理");
    assert!(
        answer
            .glossary_refs()
            .iter()
            .any(|id| id == "liutang-2030/g1"),
        "{answer:#?}"
    );
}

#[test]
fn a_level_does_not_answer_a_growth_question_but_is_offered_as_the_nearest_fact() {
    let engine = engine();
    let answer = engine.ask("2029年粮食总产增长了多少");
    let Outcome::NearMiss(near_miss) = &answer.outcome else {
        panic!("a near-miss: {answer:#?}");
    };
    assert!(!answer.answered());
    assert_eq!(near_miss.missing.what, crate::answer::MissingKind::Change);
    assert_eq!(near_miss.missing.year, Some(2029));
    assert_eq!(near_miss.missing.metric, "粮食总产");
    // The level found first, then the change the report does give (over five years), each labelled.
    assert!(
        near_miss.nearest[0].text.contains("88.8万吨"),
        "{near_miss:#?}"
    );
    assert!(
        near_miss
            .nearest
            .iter()
            .any(|hit| hit.text.contains("年均") && hit.text.contains("3.3%")),
        "{near_miss:#?}"
    );
    // Asked for the level, or for the yearly average, the same facts answer.
    assert!(engine.ask("2029年粮食总产多少").answered());
    // 多少了 asks for the level: the 少了 inside it is no decrease asked for.
    assert!(engine.ask("2029年粮食总产多少了").answered());
    assert!(engine.ask("过去五年粮食总产年均增长多少").answered());
}

#[test]
fn a_comparison_the_report_supports_is_computed_with_both_sources() {
    let engine = engine();
    let answer = engine.ask("今年粮食总产目标比去年多多少");
    let direct = answer.direct().unwrap_or_default();
    // 90万吨以上 against 88.8万吨: at least 1.2万吨, with the subtraction and both figures cited.
    assert!(direct.contains("至少多1.2万吨"), "{answer:#?}");
    assert!(direct.contains("90.0 − 88.8"), "{direct}");
    let ids: Vec<&str> = answer.hits().iter().map(|hit| hit.id.as_str()).collect();
    assert_eq!(
        ids,
        ["liutang-2030/2.1.1.2#1", "liutang-2030/1.0.1.2#1"],
        "{answer:#?}"
    );
    // A figure and a rate do not subtract; nothing is computed from them.
    let mixed = engine.ask("去年粮食总产比年均增速多多少");
    assert!(
        !mixed.direct().unwrap_or_default().contains("前者比后者"),
        "{mixed:#?}"
    );
}

#[test]
fn a_part_of_a_counted_term_leads_to_its_entry_and_says_which_group() {
    let engine = engine();
    let answer = engine.ask("任务清单属于哪个提法");
    let direct = answer.direct().unwrap_or_default();
    assert!(
        direct.starts_with("任务清单是“三张清单”的第2项"),
        "{answer:#?}"
    );
    assert_eq!(answer.hits()[0].kind, HitKind::Glossary, "{answer:#?}");
    // Several parts of one group ask the same.
    let two = engine.ask("责任清单任务清单合称什么");
    assert!(
        two.direct().unwrap_or_default().contains("三张清单"),
        "{two:#?}"
    );
    // A question about more than the part is not turned into the definition.
    let more = engine.ask("任务清单由哪个部门考核");
    assert!(
        !more.direct().unwrap_or_default().contains("三张清单”的第"),
        "{more:#?}"
    );
}
