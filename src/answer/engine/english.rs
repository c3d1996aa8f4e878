//! The direct answer in the question's language: the Chinese one as it was, or its English framing
//! (src/answer/english.rs) from the same unit.

use super::super::catalog::Unit;
use super::super::english::{glossary_in_english, indicator_in_english, Language};
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
}
