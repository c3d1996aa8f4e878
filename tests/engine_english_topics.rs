//! The engine against the real report on English questions written before the engine was changed
//! (`tests/paraphrases_english_topics.tsv`, issue 10 item 4): a report topic that is no main indicator
//! (a plan section, a programme, a park), lists, comparisons, follow-ups and out-of-scope look-alikes.
//! The common nouns of a work report (corruption, food security, water sources) lead to the report's
//! words, the year's areas of work asked in English are listed, and a worked-out comparison asked in
//! English is framed in English with the same numbers as in Chinese.

pub mod support;

use support::cli::{direct, engine, first_excerpt, set_failures};

/// Questions of the set still missed (left undone, see the set's header): any other failure is a
/// regression.
const KNOWN_MISSES: &[&str] = &[
    "what is the plan for agriculture",
    "what does the goverment plan for beautiful villages",
    "how will the county improve the business enviroment",
    "What will be done with the old urban residential compounds?",
    "which specialised industrial parks will be built",
    "How will investment promotion be improved in 2022?",
    "How much higher is the fixed asset investment growth target than the GDP growth target?",
    "which grew faster over five years fiscal revenue or gdp",
    "how much money is budgeted for the ten livelihood projects",
    "how much did the county spend on education last year",
    "how many foreign-funded companies are in xiping",
];

#[test]
fn every_english_topic_paraphrase_but_the_known_misses_is_answered_and_look_alikes_refused() {
    let failures: Vec<String> = set_failures(include_str!("paraphrases_english_topics.tsv"))
        .into_iter()
        .filter(|failure| {
            !KNOWN_MISSES
                .iter()
                .any(|question| failure.contains(&format!("] {question} →")))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn common_nouns_of_a_work_report_find_their_topic() {
    for (question, expected) in [
        ("what about food security", "粮食安全"),
        ("How will the government fight corruption?", "反腐败"),
        (
            "what does the report say about ecological protection of water sources",
            "水源地",
        ),
        ("what is being done about work safety", "安全生产"),
    ] {
        let answer = engine().ask(question);
        let top = answer.hits().first().map(|hit| hit.excerpt.clone());
        assert!(
            top.as_deref().is_some_and(|text| text.contains(expected)),
            "{question}: {top:?}"
        );
    }
}

#[test]
fn the_years_areas_of_work_asked_in_english_are_listed() {
    for question in [
        "list the main tasks for 2022",
        "which six areas of work will the government focus on this year",
        "what are the county's key priorities",
    ] {
        assert!(direct(question).contains("六个方面工作"), "{question}");
    }
}

#[test]
fn a_comparison_asked_in_english_is_framed_in_english() {
    let answer = direct("what is the gap between urban and rural income in 2021");
    assert!(
        answer.contains("The first is 14,134 yuan higher"),
        "{answer}"
    );
    assert!(
        answer.contains("worked out: 30325 − 16191 = 14134"),
        "{answer}"
    );
    assert!(!answer.contains("前者"), "{answer}");
    // The same question in Chinese keeps its Chinese framing and number.
    assert!(direct("2021年城镇居民收入比农村居民高多少").contains("前者比后者多14134元"));
}

#[test]
fn another_county_typed_in_lower_case_is_refused_and_our_own_is_not() {
    assert!(!engine()
        .ask("what was suiping county's gdp in 2021")
        .answered());
    assert!(!engine().ask("shangcai county gdp target 2022").answered());
    assert!(direct("what was xiping county's gdp in 2021").contains("279亿元"));
    assert!(direct("what was the whole county's gdp in 2021").contains("279亿元"));
}

/// An amount said the English way names the threshold it is: over 1 billion yuan is the report's 10亿元以上,
/// over 100 million its bare 亿元以上; the English name of the bare one never labels the other.
#[test]
fn a_threshold_said_in_english_is_the_reports_own() {
    let billion = direct("How many projects over 1 billion yuan will be brought in this year?");
    assert!(
        billion.contains("1个") && !billion.contains("100 million"),
        "{billion}"
    );
    let hundred_million = direct("How many projects worth over 100 million yuan this year?");
    assert!(hundred_million.contains("15个"), "{hundred_million}");
}

/// Whether a thing is done, asked in English (completed, opened), is the review's 建成, not the plan's
/// sentence that names the same garden.
#[test]
fn whether_a_thing_is_done_asked_in_english_is_the_reviews_result() {
    let done = support::cli::ask_json("Has the Leizu Begonia Garden been completed yet?");
    let first = done["hits"][0]["text"].as_str().unwrap_or_default();
    assert!(first.contains("嫘祖海棠园建成开园"), "{done}");
}

/// A report term written with capitals (5G智慧杆塔) is one word in a question too, which is folded to lower
/// case before it is cut: the passage naming the whole thing asked (the production base) ranks above one
/// naming only the product (the park), whether it is asked in Chinese, in English or in pinyin with the
/// 5G typed beside it.
#[test]
fn a_term_with_capitals_is_found_whole_however_it_is_asked() {
    assert_first_excerpt_says(
        &[
            "5G智慧杆塔生产基地是什么",
            "What is the 5G smart tower production base?",
            "5G zhihui ganta shengchan jidi",
        ],
        "建设5G智慧杆塔生产基地",
    );
    let park = first_excerpt("5G智慧杆塔高新技术产业园");
    assert!(park.contains("5G智慧杆塔高新技术产业园"), "{park}");
}

/// A ranking asked in English in any form of the verb (rank, ranks, ranked nationally) finds what the
/// report says of the county hospital's place among the country's.
#[test]
fn a_national_ranking_asked_in_english_finds_the_hospitals_place() {
    assert_first_excerpt_says(
        &[
            "How does the county people's hospital rank nationally?",
            "Is the county hospital ranked nationally?",
        ],
        "全国县级医院300强",
    );
}

/// Asserts that the first excerpt of the answer to each question says `text`.
fn assert_first_excerpt_says(questions: &[&str], text: &str) {
    for question in questions {
        let first = first_excerpt(question);
        assert!(first.contains(text), "{question}: {first}");
    }
}
