//! Small hits and glossary entries for the unit tests of views and keyboards.

use crate::answer::{Hit, HitKind};
use crate::knowledge::{GlossaryEntry, UnitId};
use std::ops::Range;

/// A passage hit whose text is its excerpt.
pub fn hit(id: &str, excerpt: &str, highlights: Vec<Range<usize>>, citation: &str) -> Hit {
    Hit {
        kind: HitKind::Passage,
        id: UnitId::new(id),
        text: excerpt.to_owned(),
        excerpt: excerpt.to_owned(),
        highlights,
        citation: citation.to_owned(),
        score: 1.0,
    }
}

/// Entry `number` of a report `r`'s glossary.
pub fn entry(number: u32, term: &str) -> GlossaryEntry {
    GlossaryEntry {
        id: format!("r/g{number}"),
        number,
        term: term.to_owned(),
        explanation: format!("{term}的解释。"),
        used_in: Vec::new(),
        kind_words: Vec::new(),
    }
}
