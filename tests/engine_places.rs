//! The engine against the real report on paraphrases written by helper r20 before three mechanisms were
//! tuned (tests/paraphrases_places_r20.tsv): where in the report a topic is treated (told by the headings of
//! the passages found), which of two stated figures is ahead (their difference, the larger first), and the
//! names of things the report only counts (a near-miss giving the count); with look-alikes the report cannot
//! answer, which must be declined.

pub mod support;

use report_bot::answer::eval::{evaluate, parse_cases, Evaluation};
use support::cli::engine;

/// Floors a little below the figures reached (located 0.879, ahead 0.826, names listed 0.846): a change
/// that reads fewer of them back fits one set's phrasings.
const FLOORS: &[(&str, f64)] = &[("located", 0.84), ("ahead", 0.78), ("names_listed", 0.80)];

/// Ceiling for wrong answers over the set (0.062 reached; the rest are the search's, not these mechanisms').
const MAX_WRONG: f64 = 0.08;

fn evaluation() -> Evaluation {
    let text = std::fs::read_to_string(
        support::fixtures::manifest_dir().join("tests/paraphrases_places_r20.tsv"),
    )
    .expect("the paraphrase set");
    let cases = parse_cases(&text).expect("a valid question set");
    evaluate(engine(), &cases)
}

#[test]
fn places_leaders_and_counted_things_are_read_in_wordings_nobody_listed() {
    let evaluation = evaluation();
    for failure in evaluation.failures() {
        println!("miss: {} → {:?}", failure.case.question, failure.top);
    }
    for &(category, floor) in FLOORS {
        let scores = evaluation.scores(Some(category));
        assert!(
            scores.hit_at_1 >= floor,
            "{category}: hit@1 {:.3}",
            scores.hit_at_1
        );
    }
    assert!(
        evaluation.wrong_share() <= MAX_WRONG,
        "wrong {:.3}",
        evaluation.wrong_share()
    );
}

#[test]
fn things_the_report_only_counts_are_never_named() {
    let evaluation = evaluation();
    let answered: Vec<&str> = evaluation
        .failures()
        .filter(|failure| failure.case.category == "names")
        .map(|failure| failure.case.question.as_str())
        .collect();
    assert!(answered.is_empty(), "answered as if named: {answered:?}");
}
