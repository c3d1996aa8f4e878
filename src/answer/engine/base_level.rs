//! A figure of the base year, worked out rather than invented: the report states the last year's level
//! (城镇化率42.7%) and how much it rose since the base year (较2017年提高5.5个百分点), so 2017年城镇化率是多少
//! is their difference, answered with the arithmetic and both source sentences. Only for absolute rises
//! (提高, 增加, 净增) of the same metric and a unit that subtracts (a rate less percentage points, an amount
//! less the same amount); a growth rate (增长7%) does not give a level.

use std::sync::LazyLock;

use crate::knowledge::{ChangeKind, FigureKind, Indicator, Period};

use super::super::catalog::indicator_answer;
use super::super::types::{Answered, Outcome};
use super::compare::COMPARE_CUES;
use super::cues::Phrases;
use super::sides::same_metric;
use super::worked::decimals;
use super::{Engine, Ranking, Scored};

/// Words that ask for the change itself (提高了多少, 多了几天), which the report states: not for the level.
const CHANGE_CUES: &[&str] = &[
    "提高", "增加", "增长", "净增", "多了", "变化", "涨了", "升了",
];

impl Engine {
    /// The level of a metric in the one year a question names, when that year is the base of a stated rise
    /// and the report gives the level the rise ends at; `None` otherwise.
    pub(super) fn base_level(&self, ranking: &Ranking) -> Option<Outcome> {
        let question = &ranking.question;
        let years = &question.time.years;
        let normalized = &question.normalized;
        static COMPARED: LazyLock<Phrases> =
            LazyLock::new(|| Phrases::new(COMPARE_CUES.iter().chain(CHANGE_CUES).copied()));
        if COMPARED.in_text(normalized) {
            return None;
        }
        // The base year asked, and at most the year the rise ends at, whose level it is worked from (2017年
        // 生产总值，用2021年的数倒推).
        let (change_scored, report, change) =
            self.ranked_figures(ranking).find(|(_, _, indicator)| {
                let Period::Years { from, to } = indicator.period else {
                    return false;
                };
                indicator.kind == FigureKind::ChangeSinceBase
                    && years.contains(&from)
                    && years.iter().all(|&year| year == from || year == to)
            })?;
        let Period::Years { from: year, to } = change.period else {
            return None;
        };
        let level = self.library.reports[report]
            .indicators
            .iter()
            .find(|level| {
                level.kind == FigureKind::Result
                    && level.period == (Period::Year { year: to })
                    && same_metric(level, change)
            })?;
        let (base, unit) = base_of(level, change)?;
        let level_scored = Scored {
            doc: self.catalog.doc_of(&level.id)?,
            ..*change_scored
        };
        let direct = format!(
            "{year}年{}推算为{base}{unit}（{}；{}；{} − {}，由报告的这两个数字推算）",
            level.metric,
            indicator_answer(level),
            indicator_answer(change),
            level.number?,
            change.number?,
        );
        let hits = self.computed_sources([&level_scored, change_scored], &ranking.question_terms);
        Some(Outcome::Answered(Answered {
            direct: Some(direct),
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        }))
    }
}

/// The base-year level and its unit: the level less an absolute rise in a unit that subtracts from it;
/// `None` for a rate of growth, a hedged figure or units that do not meet.
fn base_of(level: &Indicator, change: &Indicator) -> Option<(String, String)> {
    let absolute = matches!(
        change.change,
        Some(ChangeKind::Raise | ChangeKind::Increase | ChangeKind::NetIncrease)
    );
    if !absolute || level.qualifier.is_some() || change.qualifier.is_some() {
        return None;
    }
    let level_unit = level.unit.as_deref()?;
    let change_unit = change.unit.as_deref()?;
    let meets = level_unit == change_unit || (level_unit == "%" && change_unit == "个百分点");
    if !meets || change_unit == "%" {
        return None;
    }
    let (value, rise) = (level.number?, change.number?);
    let places = decimals(value).max(decimals(rise));
    Some((
        format!("{:.*}", places, value - rise),
        level_unit.to_owned(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(kind: FigureKind, number: f64, unit: &str, change: ChangeKind) -> Indicator {
        Indicator {
            id: "r/1.0.1.1#1".into(),
            metric: "城镇化率".into(),
            value_text: String::new(),
            number: Some(number),
            unit: Some(unit.into()),
            qualifier: None,
            change: Some(change),
            kind,
            period: Period::Year { year: 2021 },
            group: None,
            item: None,
            sentence_id: "r/1.0.1.1".into(),
            citation: String::new(),
        }
    }

    #[test]
    fn a_base_level_is_the_level_less_an_absolute_rise_only() {
        let level = figure(FigureKind::Result, 42.7, "%", ChangeKind::Reach);
        let rise = figure(
            FigureKind::ChangeSinceBase,
            5.5,
            "个百分点",
            ChangeKind::Raise,
        );
        assert_eq!(
            base_of(&level, &rise),
            Some(("37.2".to_owned(), "%".to_owned()))
        );
        let growth = figure(FigureKind::ChangeSinceBase, 7.2, "%", ChangeKind::Growth);
        assert_eq!(base_of(&level, &growth), None);
        let days = figure(
            FigureKind::ChangeSinceBase,
            23.0,
            "天",
            ChangeKind::Increase,
        );
        assert_eq!(base_of(&level, &days), None);
    }
}
