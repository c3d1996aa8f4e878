//! The engine against the real report on questions in a foreign reader's English (issue 10): the words
//! around the topic (could you explain, mentioned in the glossary) say nothing, everyday English nouns and
//! verbs (companies, lakes, rise) are the report's words, amounts written the English way are the report's
//! amounts, and a dimension or count the report does not state (how long, how many tourists) is refused.

pub mod support;

use support::cli::{direct, engine};

/// The first hit's excerpt, or nothing when the question is not answered.
fn first_excerpt(question: &str) -> String {
    let answer = engine().ask(question);
    answer
        .hits()
        .first()
        .map(|hit| hit.excerpt.clone())
        .unwrap_or_default()
}

#[test]
fn the_words_around_an_english_topic_say_nothing() {
    assert!(
        direct("Could you explain the Four Lists mentioned in the glossary?").contains("四张清单")
    );
    assert!(
        first_excerpt("What does the report mention about the Fengqiao Experience?")
            .contains("枫桥")
    );
}

#[test]
fn everyday_english_words_are_the_report_words() {
    assert!(first_excerpt(
        "Which environmental protection companies does the water treatment equipment base rely on?"
    )
    .contains("汇丰环保"));
    assert!(first_excerpt("Which two townships will become towns?").contains("撤乡建镇"));
    // A sector named "… industry" is the sector, not industrial value added.
    assert!(first_excerpt("What is the county's plan for the garment industry?").contains("服装"));
    assert!(
        first_excerpt("What is the county doing to improve the business environment?")
            .contains("营商环境")
    );
    // A long name said with its middle left out (Global Textile and Apparel Supply Chain Conference).
    assert!(
        first_excerpt("Which global textile conference was held in Xiping?")
            .contains("全球纺织服装供应链大会")
    );
}

#[test]
fn english_amounts_comparisons_and_base_years_read_as_the_report_writes_them() {
    assert!(direct(
        "How many projects worth over 1 billion yuan will the county attract this year?"
    )
    .contains("10亿元以上项目"));
    assert!(direct(
        "How much higher was urban per capita income than rural per capita income in 2021?"
    )
    .contains("14134"));
    assert!(
        direct("How many percentage points has urbanization risen since 2017?")
            .contains("5.5个百分点")
    );
}

#[test]
fn a_dimension_or_count_the_report_does_not_state_is_refused() {
    for question in [
        "How long is the Nanchenghe River?",
        "小洪河有多长",
        "What is the surface area of Longhu Lake?",
        "How many tourists came to Xiping last year?",
        "How many employees does Yili Group have?",
        "Which month will the Shangnan Expressway open?",
        // A cost asked of a thing the report counts in head of cattle.
        "How much does the Yili Youran ranch project cost?",
    ] {
        assert!(!engine().ask(question).answered(), "{question}");
    }
}

#[test]
fn the_targets_of_a_named_project_are_that_projects_not_the_years_main_targets() {
    for question in [
        "What are the targets of the baijiu revitalization project?",
        "白酒振兴工程今年目标是多少",
    ] {
        assert!(direct(question).contains("4000吨"), "{question}");
    }
    // Alone, the targets are the year's main targets.
    assert!(first_excerpt("今年目标是多少").contains("主要预期目标"));
}

#[test]
fn everyday_english_verbs_lead_to_the_reports_verbs() {
    // cultivate is 培育, moved into is 入驻; "plans to" frames the verb and names nothing.
    assert!(
        direct("How many new high-tech enterprises does Xiping plan to cultivate?")
            .contains("4家以上")
    );
    assert!(
        first_excerpt("Which garment companies moved into the county in the past five years?")
            .contains("北京爱慕")
    );
}

#[test]
fn new_and_investment_projects_are_the_reports_words() {
    // new is the report's 新 (新增农民合作社); investment projects are those 招商 attracts.
    assert!(first_excerpt(
        "How many new farmer cooperatives does the county want to foster this year?"
    )
    .contains("新增农民合作社116家"));
    assert!(
        direct("How many investment projects does the county intend to attract this year?")
            .contains("亿元以上项目")
    );
}
