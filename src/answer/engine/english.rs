//! The direct answer in the question's language: the Chinese one as it was, or its English framing
//! (src/answer/english.rs) from the same unit.

use super::super::catalog::Unit;
use super::super::english::{
    amount_in_english, glossary_in_english, indicator_in_english, Language,
};
use super::worked::{plain, Bound, Operation, Worked};
use super::Engine;

impl Engine {
    /// The direct answer for a unit, framed in `language`.
    pub(super) fn direct_answer_in(
        &self,
        doc: u32,
        ordinal: Option<u32>,
        language: Language,
    ) -> Option<String> {
        if language.is_chinese() {
            return self.direct_answer(doc, ordinal);
        }
        let english = &self.library.english;
        match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => {
                let indicators = &self.library.reports[report].indicators;
                let first = &indicators[index];
                // Figures of one statement are one answer, as in Chinese.
                let figures: Vec<_> = indicators
                    .iter()
                    .filter(|other| {
                        other.sentence_id == first.sentence_id
                            && other.metric == first.metric
                            && other.kind == first.kind
                    })
                    .collect();
                indicator_in_english(english, &figures)
            }
            Unit::Glossary { report, index } => Some(glossary_in_english(
                english,
                &self.library.reports[report].glossary[index],
            )),
            // A list or a sentence has no framing of its own: its Chinese answer is a quotation.
            Unit::Sentence(_) | Unit::List { .. } => self.direct_answer(doc, ordinal),
        }
    }

    /// A worked-out figure in English: both figures framed as their own answers are, the figure worked
    /// out, and the arithmetic shown (the same numbers as the Chinese answer, from the same [`Worked`]).
    pub(super) fn worked_in_english(&self, worked: &Worked) -> String {
        let english = &self.library.english;
        let label = |figure| {
            indicator_in_english(english, &[figure]).unwrap_or_else(|| figure.value_text.clone())
        };
        let labels = format!("{}; {}.", label(worked.first), label(worked.second));
        let (x, y) = worked.operands;
        let bound = worked.bound.before_amount();
        let amount = amount_in_english(worked.result, worked.unit);
        let places = worked.places;
        // The result as the report writes numbers (14134), beside the English amount (14,134 yuan).
        let result = plain(worked.result, places);
        let source = "from these two figures of the report";
        match worked.operation {
            Operation::Difference if worked.result == 0.0 => {
                format!("{labels} The two figures are the same.")
            }
            Operation::Difference if matches!(worked.bound, Bound::LowerBounds | Bound::UpperBounds) => {
                let bounds = if worked.bound == Bound::LowerBounds {
                    "lower"
                } else {
                    "upper"
                };
                format!(
                    "{labels} The first's {bounds} bound is {amount} higher than the second's (worked out: {} − {} = {result}, {source}).",
                    plain(x, places),
                    plain(y, places)
                )
            }
            Operation::Difference => format!(
                "{labels} The first is {bound}{amount} higher (worked out: {} − {} = {result}, {source}).",
                plain(x, places),
                plain(y, places)
            ),
            Operation::Sum => format!(
                "{labels} Together: {bound}{amount} (worked out: {} + {} = {result}, {source}).",
                plain(x, places),
                plain(y, places)
            ),
            Operation::Ratio => format!(
                "{labels} The first is about {} times the second (worked out: {x} ÷ {y}, {source}).",
                plain(worked.result, places)
            ),
            Operation::Share => format!(
                "{labels} The first is about {}% of the second (worked out: {x} ÷ {y} × 100%, {source}).",
                plain(worked.result, places)
            ),
        }
    }
}
