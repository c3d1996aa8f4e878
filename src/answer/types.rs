//! The engine's reply to a question, free of any chat-platform type, so that the command line, the tests
//! and the Telegram layer all render the same thing: one [`Outcome`], never a flag and an option that can
//! disagree.

use serde::Serialize;
use std::ops::Range;

use crate::knowledge::{Period, UnitId};

/// What a hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Indicator,
    Glossary,
    Passage,
    /// A whole enumeration of the report.
    List,
    /// A fact of the report's front matter (who delivered it, when, where).
    Meta,
}

/// One cited piece of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    /// Stable id of the indicator, glossary entry or sentence; `Engine::passage` expands it.
    pub id: UnitId,
    /// The unit itself: the indicator as a phrase, the glossary entry, or the sentence.
    pub text: String,
    /// Plain report text around the match (best sentence plus a sentence of context), no markup.
    pub excerpt: String,
    /// Byte ranges in `excerpt` of the words that matched the question.
    #[serde(skip)]
    pub highlights: Vec<Range<usize>>,
    pub citation: String,
    pub score: f32,
}

/// The engine's whole reply: the question as asked and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub question: String,
    pub outcome: Outcome,
}

/// What came of a question.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The report answers it.
    Answered(Answered),
    /// The report does not answer it, with why and what to ask instead.
    Refused(Refusal),
    /// Not a question about the report: a greeting, thanks, "who are you", "how do I use this".
    SmallTalk(SmallTalk),
    /// The report has the topic but not the figure asked for: what is missing, and the nearest facts it
    /// does give, each labelled as what it is. Not an answer: a wrong figure is worse than none.
    NearMiss(NearMiss),
}

/// A near-miss: the figure asked for is not in the report, but the same metric is, for another period or
/// in another kind (a five-year total where one year was asked, a level where a growth rate was asked).
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    pub missing: Missing,
    /// The nearest facts, as indicator hits whose text names their own period and kind.
    pub nearest: Vec<Hit>,
}

/// What the report does not give, in the report's own name for the metric.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub metric: String,
    /// The year asked for, when the question named one.
    pub year: Option<i32>,
    pub what: MissingKind,
}

/// Which figure is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingKind {
    /// One year's figure, where the report gives one over several years (a total, an average).
    SingleYear,
    /// A growth rate or change, where the report gives a level.
    Change,
    /// A level, where the report gives a growth rate or change.
    Level,
    /// Two figures to work a comparison, sum or ratio out from, where the report gives at most one (or
    /// two that do not combine: a rate and an amount, a bound on both sides).
    Comparison,
    /// Which things a figure counts, by name, where the report gives only how many.
    Names,
    /// When something happens or happened, where the passage about it dates nothing; `within` is the span
    /// the passage's part looks back on, when it is one of past years (过去五年).
    Time { within: Option<Period> },
    /// How the report's own year turned out (whether a task was done, what a figure came to), where the
    /// report, written as the year began, gives only the plan.
    PlanOutcome,
}

/// An answer: the direct answer when a figure or entry says it, and the cited hits of one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    /// The first line of a reply: `2022年生产总值预期目标：增长8%左右`; only on the first page.
    pub direct: Option<String>,
    /// Distinct hits (no excerpt twice), at most a page of them.
    pub hits: Vec<Hit>,
    /// Glossary entries the hits use, so callers can offer them.
    pub glossary_refs: Vec<UnitId>,
    /// Whether a further page has hits (a 更多结果 button leads somewhere).
    pub more: bool,
}

/// A refusal: why, so that each front end can word it, and topics to try instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub reason: RefusalReason,
    pub suggestions: Vec<String>,
}

/// Why the engine gave no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusalReason {
    /// Nothing to search for: empty, punctuation, emoji or question words only.
    EmptyQuestion,
    /// The question is about a year the report has nothing on (2023年GDP目标, 明年).
    YearNotCovered { year: i32 },
    /// Nothing in the report matches the question well enough.
    NotInReport,
}

/// How a question was read, without the search: what the question log keeps beside the outcome, so that
/// a maintainer sees whether a refusal came from reading or from searching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The question normalised as the engine searches it (width, script, case, punctuation folded):
    /// questions that differ only in those are one group in `unanswered`.
    pub normalized: String,
    /// `number`, `definition` or `general`.
    pub intent: &'static str,
    /// The first calendar year the question names or implies.
    pub year: Option<i32>,
}

impl Outcome {
    /// [`Outcome::kind`] of an answer.
    pub const ANSWERED: &'static str = "answered";
    /// [`Outcome::kind`] of a near miss: the report has something close but not what was asked (issue 9).
    pub const NEAR_MISS: &'static str = "near_miss";
    /// [`Outcome::kind`] of a refusal.
    pub const REFUSED: &'static str = "refused";
    /// [`Outcome::kind`] of small talk.
    pub const SMALL_TALK: &'static str = "small_talk";

    /// The outcome's name where it is recorded or counted (the question log, `stats`, `replay`): one
    /// spelling for every reader.
    pub fn kind(&self) -> &'static str {
        match self {
            Outcome::Answered(_) => Outcome::ANSWERED,
            Outcome::Refused(_) => Outcome::REFUSED,
            Outcome::SmallTalk(_) => Outcome::SMALL_TALK,
            Outcome::NearMiss(_) => Outcome::NEAR_MISS,
        }
    }
}

impl Answer {
    /// Whether the report answers the question.
    pub fn answered(&self) -> bool {
        matches!(self.outcome, Outcome::Answered(_))
    }

    /// The direct answer, when there is one.
    pub fn direct(&self) -> Option<&str> {
        match &self.outcome {
            Outcome::Answered(answered) => answered.direct.as_deref(),
            Outcome::Refused(_) | Outcome::SmallTalk(_) | Outcome::NearMiss(_) => None,
        }
    }

    /// What came of the question in one word, as `ask --json`, logs and the maintainer's reports name it
    /// ([`Outcome::kind`]).
    pub fn outcome_kind(&self) -> &'static str {
        self.outcome.kind()
    }

    /// The refusal, when the report does not answer.
    pub fn refusal(&self) -> Option<&Refusal> {
        match &self.outcome {
            Outcome::Refused(refusal) => Some(refusal),
            Outcome::Answered(_) | Outcome::SmallTalk(_) | Outcome::NearMiss(_) => None,
        }
    }

    /// The glossary entries the hits use (none for a refusal).
    pub fn glossary_refs(&self) -> &[UnitId] {
        match &self.outcome {
            Outcome::Answered(answered) => &answered.glossary_refs,
            Outcome::Refused(_) | Outcome::SmallTalk(_) | Outcome::NearMiss(_) => &[],
        }
    }

    /// The cited hits of this page: a near-miss's nearest facts; none for a refusal.
    pub fn hits(&self) -> &[Hit] {
        match &self.outcome {
            Outcome::Answered(answered) => &answered.hits,
            Outcome::NearMiss(near_miss) => &near_miss.nearest,
            Outcome::Refused(_) | Outcome::SmallTalk(_) => &[],
        }
    }
}

/// A whole paragraph (or glossary entry) around a unit, for "show the full text".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Id of the paragraph, or of the glossary entry.
    pub id: UnitId,
    /// The paragraph as plain report text.
    pub text: String,
    pub citation: String,
    /// Byte range in `text` of the unit that was asked for (its sentence), if it was a part of it.
    #[serde(skip)]
    pub focus: Option<Range<usize>>,
}

/// A chat's courtesies and questions about the bot, not about the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SmallTalk {
    Greeting,
    Thanks,
    /// 你是谁, who are you.
    Identity,
    /// 怎么用, what can you do.
    Help,
    Farewell,
    /// 你好笨, 答得不对, wrong: a complaint about an answer.
    Complaint,
}
