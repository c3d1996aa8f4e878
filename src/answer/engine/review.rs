//! Which years the report looks back on (报告回顾的是哪几年): read from the sentence its review opens with
//! (`过去五年,是…的五年`), so another report's `过去一年` answers in its own words, with the years that span
//! names counted back from the year the report plans for.

use crate::knowledge::numerals::{is_numeral_char, number};
use crate::knowledge::{Report, Sentence, UnitId};

use super::super::english::Language;
use super::super::types::{Answered, Hit, HitKind, Outcome};
use super::Engine;

/// The word a review opens its span with (过去五年, 过去的一年).
const PAST_WORD: &str = "过去";

/// What may stand between [`PAST_WORD`] and the span's numeral (过去的一年).
const PAST_FILLER: char = '的';

/// The first sentence that names the span a review looks back on, and that span in years.
fn review_opening(report: &Report) -> Option<(&Sentence, u32)> {
    report
        .sentences()
        .find_map(|sentence| Some((sentence, past_years(&sentence.text)?)))
}

/// The years of the first `过去N年` in `text`.
fn past_years(text: &str) -> Option<u32> {
    text.match_indices(PAST_WORD).find_map(|(at, _)| {
        let after = text[at + PAST_WORD.len()..].trim_start_matches(PAST_FILLER);
        let numeral: String = after.chars().take_while(|&c| is_numeral_char(c)).collect();
        let rest = &after[numeral.len()..];
        if rest.starts_with('年') {
            number(&numeral)
        } else {
            None
        }
    })
}

/// The direct answer: the span, the years it covers before the report's own year, and the sentence.
fn period_answer(report: &Report, sentence: &Sentence, years: u32, language: Language) -> String {
    let last = report.meta.year - 1;
    let first = report.meta.year - i32::try_from(years).unwrap_or(1);
    let span = if first == last {
        format!("{last}")
    } else {
        format!("{first}—{last}")
    };
    match language {
        Language::Chinese => format!("报告回顾的是过去{years}年（{span}年）：{}", sentence.text),
        Language::English => format!(
            "The report looks back on the past {years} year(s), {span}: {}",
            sentence.text
        ),
    }
}

impl Engine {
    /// The years the newest report looks back on, cited to its review's opening sentence; `None` when it
    /// names no span it looks back on.
    pub(super) fn period_outcome(&self, language: Language) -> Option<Outcome> {
        let report = self.library.latest();
        let (sentence, years) = review_opening(report)?;
        let direct = period_answer(report, sentence, years, language);
        let hit = Hit {
            kind: HitKind::Passage,
            id: UnitId::new(sentence.id.clone()),
            text: sentence.text.clone(),
            excerpt: sentence.text.clone(),
            highlights: Vec::new(),
            citation: sentence.citation.clone(),
            score: 1.0,
        };
        Some(Outcome::Answered(Answered {
            direct: Some(direct),
            hits: vec![hit],
            glossary_refs: Vec::new(),
            more: false,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_span_is_read_from_past_and_a_numeral() {
        assert_eq!(past_years("过去五年,是西平经受大考验的五年"), Some(5));
        assert_eq!(past_years("回顾过去的一年,成绩来之不易"), Some(1));
        assert_eq!(past_years("过去的做法"), None);
        assert_eq!(past_years("过去十年"), Some(10));
    }
}
