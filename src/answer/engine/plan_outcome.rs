//! Questions about how the report's own year turned out (2022年GDP实际增长了多少, 南水北调供水厂建成了没有):
//! the report, written as that year began, plans it and cannot say. Its plan is no answer, but it is
//! what the report does say, so the reply names what is missing and cites the plan.

use crate::search::question::Question;
use std::sync::LazyLock;

use super::super::catalog::Unit;
use super::super::types::{Missing, MissingKind, NearMiss, Outcome};
use super::cues::Cues;
use super::sides::is_target;
use super::Engine;

/// How a question asks about the outcome of the report's own year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum OutcomeAsked {
    No,
    /// Whether a thing is done yet (完成了没有, 妥了没, did it hit the target).
    DoneYet,
    /// How the year ended (实际, 最终, 最后都, 完成情况, in the end).
    Ended,
}

/// The words of each way of asking, the report's phrase classes already read (妥了没 is 完成了没有).
const OUTCOME_WORDS: &[(OutcomeAsked, &[&str])] = &[
    (
        OutcomeAsked::Ended,
        &[
            "实际",
            "最终",
            "最后都",
            "完成得怎么样",
            "完成得如何",
            "完成情况",
            "actual",
            "actually",
            "in the end",
        ],
    ),
    (
        OutcomeAsked::DoneYet,
        &[
            "完成了没",
            "完成了吗",
            "建成了没",
            "建成了吗",
            "完了吗",
            "完了没",
            "实现了吗",
            "完成没",
            "完成目标没",
            "完成目标了吗",
            "实现了没",
            "达标了",
            "达标没",
            "hit its",
            "hit the",
            "achieved",
            "meet its",
            "met its",
            "met the",
        ],
    ),
];

fn outcome_words() -> &'static Cues<OutcomeAsked> {
    static WORDS: LazyLock<Cues<OutcomeAsked>> = LazyLock::new(|| Cues::new(OUTCOME_WORDS));
    &WORDS
}

/// How the question asks about the report's own year's outcome, when it asks about that year only or
/// names no year (南水北调供水厂建成了没有 asks of the plan that would build it).
pub(super) fn asks_outcome_of(question: &Question, report_year: i32) -> OutcomeAsked {
    let years = &question.time.years;
    if !(years.is_empty() || *years == [report_year]) {
        return OutcomeAsked::No;
    }
    outcome_words()
        .found(&question.normalized)
        .first()
        .map_or(OutcomeAsked::No, |(asked, _)| *asked)
}

impl Engine {
    /// The plan cited as the nearest fact, when a question the plan could not answer asked how the report's
    /// own year turned out and the same question, without asking it, finds a passage of the plan surely.
    pub(super) fn plan_outcome_near_miss(&self, question: &Question) -> Option<Outcome> {
        let report_year = self.reader.report_year();
        if asks_outcome_of(question, report_year) == OutcomeAsked::No {
            return None;
        }
        let mut plain = question.normalized.clone();
        for (_, words) in outcome_words().found(&question.normalized) {
            plain = plain.replace(words, " ");
        }
        let ranking = self.rank(self.reader.read(&plain));
        if !self.confident(&ranking) {
            return None;
        }
        let best = self.distinct_hits(&ranking).into_iter().next()?;
        self.of_plan(best.doc, report_year).then(|| {
            Outcome::NearMiss(NearMiss {
                missing: Missing {
                    metric: String::new(),
                    year: Some(report_year),
                    what: MissingKind::PlanOutcome,
                },
                nearest: vec![self.hit(&best, &ranking.question_terms)],
            })
        })
    }

    /// Whether a unit is the report's plan for its own year or after: a target, or a passage of the part
    /// that plans.
    pub(super) fn of_plan(&self, doc: u32, report_year: i32) -> bool {
        match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => {
                is_target(self.library.reports[report].indicators[index].kind)
            }
            _ => self
                .catalog
                .part_period(doc)
                .is_some_and(|period| period.last_year() >= report_year),
        }
    }
}
