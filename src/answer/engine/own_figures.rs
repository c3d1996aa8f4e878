//! A sentence shown for a number question of one year must state a figure of that year. The report's
//! sentences hold several figures of several kinds (建成高标准农田35万亩,2021年粮食总产达95.9万吨): a question
//! about 2017's grain, or 2021's sown area in 万亩, finds the sentence by its words while none of its
//! figures is the one asked; shown as the answer, the reader takes one of them for it.

use crate::knowledge::Period;
use crate::search::question::{counted_in_own_measure, Intent, Question};

use super::super::catalog::Unit;
use super::{Engine, Scored};

impl Engine {
    /// Whether `best` is a sentence whose own figures are all of other years than the one year asked, or
    /// in other units than the one asked; a span asked (过去五年, 年均) is left to the spans' own checks.
    pub(super) fn states_no_figure_asked(&self, question: &Question, best: &Scored) -> bool {
        let Unit::Sentence(_) = self.catalog.unit(best.doc) else {
            return false;
        };
        let time = &question.time;
        let [year] = time.years.as_slice() else {
            return false;
        };
        if question.intent != Intent::Number || time.past_five_years || time.yearly_average {
            return false;
        }
        let sentence = self.catalog.id(best.doc);
        let mut own = self
            .library
            .reports
            .iter()
            .flat_map(|report| &report.indicators)
            .filter(|figure| figure.sentence_id == sentence)
            .peekable();
        if own.peek().is_none() {
            return false;
        }
        // A count in any measure (几个, 几项) may be given in the report's own (所, 家).
        let in_unit = |unit: Option<&str>| {
            question
                .unit_hint
                .filter(|units| counted_in_own_measure(units))
                .is_none_or(|units| {
                    unit.is_some_and(|unit| units.iter().any(|asked| unit.starts_with(asked)))
                })
        };
        !own.any(|figure| {
            figure.period == (Period::Year { year: *year }) && in_unit(figure.unit.as_deref())
        })
    }
}
