//! Figures one sentence states side by side (引进投资10亿元以上项目1个、5亿元以上项目4个、亿元以上项目15个):
//! when nothing in the question tells them apart (今年招商要引进几个大项目), one of them alone answers a
//! question nobody asked, and the asker cannot know the others exist. The answer gives them all, as the
//! sentence does. A question that names one of them (10亿元以上的项目, 家庭农场) still gets its figure.

use crate::knowledge::Indicator;
use crate::search::question::Question;

use super::super::catalog::{indicator_answer, Unit};
use super::qualifier::adds_unasked_number;
use super::weights::SIDE_BY_SIDE_WINDOW;
use super::{Engine, Scored};

/// How close two coverages are to be the same: both figures cover the question's words alike.
const SAME_COVERAGE: f32 = 1e-3;

impl Engine {
    /// The figures `best` states alike with others of its sentence, in the sentence's order: of one kind,
    /// unit and period, under different names the question covers equally and names none of apart. None
    /// when `best` stands alone. `best` has passed every check of what was asked; only the answer's
    /// first line changes.
    pub(super) fn figures_side_by_side(
        &self,
        question: &Question,
        ranked: &[Scored],
        best: &Scored,
    ) -> Option<Vec<&Indicator>> {
        let first = self.indicator_of(best.doc)?;
        let sentence = self.catalog.sentence_doc(best.doc)?;
        // As written or as searched: an alias may stand for the name (亿元以上项目 searched as 招商), and
        // English amounts are digits only when searched.
        let unasked = |metric: &str| {
            adds_unasked_number(metric, &question.search_text)
                || adds_unasked_number(metric, &question.normalized)
        };
        if unasked(&first.metric) {
            return None;
        }
        let alike = |scored: &Scored| {
            let other = self.indicator_of(scored.doc)?;
            let alike = self.catalog.sentence_doc(scored.doc) == Some(sentence)
                && (scored.coverage - best.coverage).abs() < SAME_COVERAGE
                && other.unit == first.unit
                && other.kind == first.kind
                && other.period == first.period
                && !unasked(&other.metric);
            alike.then_some(other)
        };
        let mut figures: Vec<&Indicator> = ranked
            .iter()
            .take(SIDE_BY_SIDE_WINDOW)
            .filter_map(alike)
            .collect();
        figures.sort_by(|a, b| a.id.cmp(&b.id));
        figures.dedup_by(|a, b| a.metric == b.metric);
        if figures.len() < 2 {
            return None;
        }
        tracing::debug!(figures = figures.len(), "figures side by side");
        Some(figures)
    }

    fn indicator_of(&self, doc: u32) -> Option<&Indicator> {
        match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => {
                Some(&self.library.reports[report].indicators[index])
            }
            _ => None,
        }
    }
}

/// One answer line for figures stated side by side: the first's period and kind, then each name with its
/// value, as the sentence writes them (2022年目标任务：10亿元以上项目1个、5亿元以上项目4个、亿元以上项目15个).
pub(super) fn side_by_side_answer(figures: &[&Indicator]) -> Option<String> {
    let (first, rest) = figures.split_first()?;
    let mut answer = indicator_answer(first);
    for other in rest {
        answer.push('、');
        answer.push_str(&other.metric);
        answer.push_str(&other.value_text);
    }
    Some(answer)
}
