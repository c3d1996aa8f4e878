//! The engine's reply to a question, free of any chat-platform type, so that the command line, the tests
//! and the Telegram layer all render the same thing.

use serde::Serialize;
use std::ops::Range;

/// What a hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Indicator,
    Glossary,
    Passage,
}

/// One cited piece of the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    /// Stable id of the indicator, glossary entry or sentence; `Engine::passage` expands it.
    pub id: String,
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

/// The engine's whole reply.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub question: String,
    /// False when nothing in the report answers the question well enough to show.
    pub answered: bool,
    /// The direct answer, first line of a reply: `2022年生产总值预期目标：增长8%左右`.
    pub answer: Option<String>,
    pub hits: Vec<Hit>,
    /// Glossary entries touched by the hits (ids), so callers can offer them.
    #[serde(skip)]
    pub glossary_refs: Vec<String>,
    /// What to try instead when `answered` is false.
    #[serde(skip)]
    pub suggestions: Vec<String>,
    /// Why `answered` is false, so that each caller can word it its own way.
    #[serde(skip)]
    pub unanswered: Option<Unanswered>,
}

/// Why the engine gave no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unanswered {
    /// Nothing to search for: empty, punctuation, emoji or question words only.
    EmptyQuestion,
    /// The question is about a year the report has nothing on (2023年GDP目标, 明年).
    YearNotCovered { year: i32 },
    /// Nothing in the report matches the question well enough.
    NotInReport,
}

/// A whole paragraph (or glossary entry) around a unit, for "show the full text".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Id of the paragraph, or of the glossary entry.
    pub id: String,
    /// The paragraph as plain report text.
    pub text: String,
    pub citation: String,
    /// Byte range in `text` of the unit that was asked for (its sentence), if it was a part of it.
    #[serde(skip)]
    pub focus: Option<Range<usize>>,
}
