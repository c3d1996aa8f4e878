//! The engine on a small made-up report.
use super::*;
use crate::answer::HitKind;
use crate::knowledge::{
    AliasEntry, ChangeKind, Paragraph, Part, Period, Qualifier, Report, ReportMeta, Section,
    Sentence,
};
use chrono::NaiveDate;

/// A small report of a made-up county, enough to exercise every kind of unit.
fn library() -> Library {
    let date = NaiveDate::from_ymd_opt(2030, 3, 1).expect("date");
    let meta = ReportMeta {
        id: "t".into(),
        title: "东山县2030年政府工作报告".into(),
        issuer: "东山县人民政府".into(),
        speaker: "县长".into(),
        meeting: "会议".into(),
        meeting_date: date,
        published: date,
        year: 2030,
        source: "测试".into(),
    };
    let sentence = |id: &str, text: &str, citation: &str| Sentence {
        id: id.into(),
        text: text.into(),
        subtopic: None,
        citation: citation.into(),
    };
    let review = "《东山县2030年政府工作报告》一、过去五年";
    let plan = "《东山县2030年政府工作报告》二、今年工作 ›（一）发展农业";
    let parts = vec![
        Part {
            id: "t/1".into(),
            ordinal: 1,
            numeral: "一".into(),
            title: "过去五年".into(),
            sections: vec![Section {
                id: "t/1.0".into(),
                ordinal: 0,
                numeral: String::new(),
                title: String::new(),
                short_title: String::new(),
                paragraphs: vec![Paragraph {
                    id: "t/1.0.1".into(),
                    topic: Some("五年奋斗".into()),
                    sentences: vec![
                        sentence("t/1.0.1.1", "五年奋斗,经济更具规模。", review),
                        sentence(
                            "t/1.0.1.2",
                            "2029年,全县粮食总产达88.8万吨,年均增长3.3%。",
                            review,
                        ),
                        sentence("t/1.0.1.3", "推行“三张清单”制度,扶贫资产管理规范。", review),
                    ],
                }],
            }],
        },
        Part {
            id: "t/2".into(),
            ordinal: 2,
            numeral: "二".into(),
            title: "今年工作".into(),
            sections: vec![Section {
                id: "t/2.1".into(),
                ordinal: 1,
                numeral: "（一）".into(),
                title: "发展农业,振兴乡村。".into(),
                short_title: "发展农业".into(),
                paragraphs: vec![Paragraph {
                    id: "t/2.1.1".into(),
                    topic: Some("稳定粮食生产".into()),
                    sentences: vec![
                        sentence("t/2.1.1.1", "稳定粮食生产。", plan),
                        sentence(
                            "t/2.1.1.2",
                            "今年粮食总产保持在90万吨以上,建设青石岭农业示范区。",
                            plan,
                        ),
                    ],
                }],
            }],
        },
    ];
    let indicator =
        |id: &str, value: &str, number: f64, kind, period, sentence_id: &str| Indicator {
            id: id.into(),
            metric: "粮食总产".into(),
            value_text: value.into(),
            number: Some(number),
            unit: Some("万吨".into()),
            qualifier: (kind == FigureKind::MainTarget).then_some(Qualifier::AtLeast),
            change: Some(ChangeKind::Reach),
            kind,
            period,
            group: None,
            item: None,
            sentence_id: sentence_id.into(),
            citation: if sentence_id.starts_with("t/1") {
                review
            } else {
                plan
            }
            .into(),
        };
    let indicators = vec![
        indicator(
            "t/1.0.1.2#1",
            "达88.8万吨",
            88.8,
            FigureKind::Result,
            Period::Year { year: 2029 },
            "t/1.0.1.2",
        ),
        Indicator {
            metric: "粮食总产".into(),
            value_text: "年均增长3.3%".into(),
            unit: Some("%".into()),
            ..indicator(
                "t/1.0.1.2#2",
                "",
                3.3,
                FigureKind::YearlyAverage,
                Period::Years {
                    from: 2025,
                    to: 2029,
                },
                "t/1.0.1.2",
            )
        },
        indicator(
            "t/2.1.1.2#1",
            "保持在90万吨以上",
            90.0,
            FigureKind::MainTarget,
            Period::Year { year: 2030 },
            "t/2.1.1.2",
        ),
    ];
    let glossary = vec![GlossaryEntry {
        id: "t/g1".into(),
        number: 1,
        term: "三张清单".into(),
        explanation: "指责任清单、任务清单、绩效清单。".into(),
        used_in: vec!["t/1.0.1.3".into()],
    }];
    Library {
        reports: vec![Report {
            meta,
            parts,
            glossary,
            indicators,
        }],
        aliases: vec![AliasEntry {
            canonical: "粮食总产".into(),
            variants: vec!["粮食产量".into(), "grain output".into()],
        }],
        user_dict: "粮食总产 20 n\n三张清单 20 n\n青石岭 20 ns\n".into(),
    }
}

fn engine() -> Engine {
    Engine::new(library()).expect("engine")
}

#[test]
fn the_year_decides_between_a_result_and_a_target() {
    let engine = engine();
    let last_year = engine.ask("去年粮食总产多少");
    assert!(last_year.answered);
    assert_eq!(last_year.hits[0].id, "t/1.0.1.2#1", "{last_year:#?}");
    assert!(last_year
        .answer
        .as_deref()
        .is_some_and(|a| a.contains("88.8万吨")));

    let this_year = engine.ask("今年粮食总产目标是多少");
    assert_eq!(this_year.hits[0].id, "t/2.1.1.2#1", "{this_year:#?}");
    assert_eq!(engine.ask("2030年粮食产量").hits[0].id, "t/2.1.1.2#1");
    assert_eq!(engine.ask("grain output 2029").hits[0].id, "t/1.0.1.2#1");
    assert_eq!(engine.ask("粮食总产年均增长多少").hits[0].id, "t/1.0.1.2#2");
}

#[test]
fn words_kept_apart_still_say_the_term_they_make_together() {
    // 粮食 … 产量 is 粮食产量, an alias of 粮食总产, with the year and 的 in between.
    let answer = engine().ask("粮食去年的产量是多少");
    assert!(answer.answered, "{answer:#?}");
    assert_eq!(answer.hits[0].id, "t/1.0.1.2#1", "{answer:#?}");
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
            answer.hits[0].kind,
            HitKind::Glossary,
            "{question}: {answer:#?}"
        );
        assert!(answer
            .answer
            .as_deref()
            .is_some_and(|a| a.starts_with("三张清单：")));
    }
}

#[test]
fn questions_the_report_does_not_answer_are_refused() {
    let engine = engine();
    for question in ["明天天气怎么样", "县委书记是谁", "今年CPI是多少"] {
        let answer = engine.ask(question);
        assert!(!answer.answered, "{question}: {answer:#?}");
        assert_eq!(answer.unanswered, Some(Unanswered::NotInReport));
        assert!(answer.hits.is_empty() && !answer.suggestions.is_empty());
    }
    let future = engine.ask("2031年粮食总产目标");
    assert_eq!(
        future.unanswered,
        Some(Unanswered::YearNotCovered { year: 2031 })
    );
}

#[test]
fn a_place_is_found_with_its_sentence_and_context() {
    let answer = engine().ask("青石岭农业示范区");
    assert!(answer.answered);
    let hit = &answer.hits[0];
    assert_eq!(hit.id, "t/2.1.1.2");
    assert_eq!(
        hit.excerpt,
        "稳定粮食生产。今年粮食总产保持在90万吨以上,建设青石岭农业示范区。"
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
    assert!(answer.answered);
    assert_eq!(answer.hits[0].id, "t/g1");
}

#[test]
fn bad_input_never_panics_and_empty_questions_are_refused() {
    let engine = engine();
    for question in ["", "   ", "😀🎉", "\"", ":", "(", "AND", "*", "？？？"] {
        let answer = engine.ask(question);
        assert!(!answer.answered, "{question:?}");
    }
    assert_eq!(engine.ask("").unanswered, Some(Unanswered::EmptyQuestion));
    let long = "粮食总产".repeat(1250);
    let _ = engine.ask(&long);
}

#[test]
fn more_results_continue_after_the_first_page() {
    let engine = engine();
    let first = engine.ask("粮食总产");
    let more = engine.ask_more("粮食总产", 1);
    assert!(first.hits.len() >= 2, "{first:#?}");
    assert_eq!(
        more.hits.first().map(|h| &h.id),
        first.hits.get(1).map(|h| &h.id)
    );
    assert_eq!(more.answer, None);
}

#[test]
fn a_passage_expands_any_unit_id_to_its_paragraph() {
    let engine = engine();
    let passage = engine.passage("t/1.0.1.2#1").expect("indicator passage");
    assert_eq!(passage.id, "t/1.0.1");
    let focus = passage.focus.clone().expect("focus");
    assert!(passage.text[focus].starts_with("2029年"));
    assert_eq!(engine.passage("t/1.0.1.3").expect("sentence").id, "t/1.0.1");
    assert_eq!(engine.passage("t/1.0.1").expect("paragraph").focus, None);
    assert!(engine
        .passage("t/g1")
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
        answer.glossary_refs.contains(&"t/g1".to_owned()),
        "{answer:#?}"
    );
}
