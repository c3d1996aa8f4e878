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
use super::per_year::trimmed;
use super::sides::same_metric;
use super::weights::SHARE_PLACES;
use super::worked::decimals;
use super::{Engine, Ranking, Scored};

/// Words that ask for the change itself (提高了多少, 多了几天), which the report states: not for the level.
const CHANGE_CUES: &[&str] = &[
    "提高", "增加", "增长", "净增", "多了", "变化", "涨了", "升了",
];

/// Words that ask for a change in per cent (增长了百分之多少, 增幅): with a change verb, the growth between the
/// base year's level and the last year's.
const PERCENT_ASKED: &[&str] = &["百分之", "多少%", "几%", "增幅", "增长率", "涨幅"];

impl Engine {
    /// How much in per cent a metric grew between the base year a question names and the last year, when
    /// the report states the last year's level and the absolute rise since the base year (279亿元, 净增83.4
    /// 亿元 since 2017: 83.4 ÷ (279 − 83.4)); `None` for a yearly average asked (the report states that),
    /// a rise in percentage points (a rate's growth in per cent is ambiguous), or anything not asked so.
    pub(super) fn growth_since_base(&self, ranking: &Ranking) -> Option<Outcome> {
        let question = &ranking.question;
        let normalized = &question.normalized;
        static PERCENT: LazyLock<Phrases> =
            LazyLock::new(|| Phrases::new(PERCENT_ASKED.iter().copied()));
        static CHANGE: LazyLock<Phrases> =
            LazyLock::new(|| Phrases::new(CHANGE_CUES.iter().copied()));
        if question.time.yearly_average
            || !PERCENT.in_text(normalized)
            || !CHANGE.in_text(normalized)
        {
            return None;
        }
        // The words asking for per cent name no figure, and may leave the rise covering too little of the
        // question to rank: it is then found by the rest.
        let things;
        let (change_scored, change, level) = match self.rise_and_level(ranking) {
            Some(found) => found,
            None => {
                let mut rest = normalized.clone();
                for word in PERCENT_ASKED.iter().chain(CHANGE_CUES) {
                    rest = rest.replace(word, " ");
                }
                things = self.rank(self.reader.read(&rest));
                self.rise_and_level(&things)?
            }
        };
        let Period::Years { from, to } = change.period else {
            return None;
        };
        let (base, unit) = base_of(level, change)?;
        let rise = change.number?;
        let base_value: f64 = base.parse().ok()?;
        if unit == "%" || base_value <= 0.0 {
            return None;
        }
        let growth = trimmed(100.0 * rise / base_value, SHARE_PLACES);
        let level_scored = Scored {
            doc: self.catalog.doc_of(&level.id)?,
            ..*change_scored
        };
        let direct = format!(
            "{to}年{}较{from}年增长约{growth}%（{}；{}；{rise} ÷ ({} − {rise}) × 100%，由报告的这两个数字推算，并非报告所写）",
            level.metric,
            indicator_answer(level),
            indicator_answer(change),
            level.number?,
        );
        let hits = self.computed_sources([&level_scored, change_scored], &ranking.question_terms);
        Some(Outcome::Answered(Answered {
            direct: Some(direct),
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        }))
    }

    /// The best-ranked rise since a base year the question names (at most with the year it ends at), and
    /// the level of the same metric in the year it ends at.
    fn rise_and_level<'a>(
        &'a self,
        ranking: &'a Ranking,
    ) -> Option<(&'a Scored, &'a Indicator, &'a Indicator)> {
        let years = &ranking.question.time.years;
        let (change_scored, report, change) =
            self.ranked_figures(ranking).find(|(_, _, indicator)| {
                let Period::Years { from, to } = indicator.period else {
                    return false;
                };
                indicator.kind == FigureKind::ChangeSinceBase
                    && years.contains(&from)
                    && years.iter().all(|&year| year == from || year == to)
            })?;
        let Period::Years { to, .. } = change.period else {
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
        Some((change_scored, change, level))
    }

    /// The level of a metric in the one year a question names, when that year is the base of a stated rise
    /// and the report gives the level the rise ends at; `None` otherwise.
    pub(super) fn base_level(&self, ranking: &Ranking) -> Option<Outcome> {
        let normalized = &ranking.question.normalized;
        static COMPARED: LazyLock<Phrases> =
            LazyLock::new(|| Phrases::new(COMPARE_CUES.iter().chain(CHANGE_CUES).copied()));
        // A clause saying how to reckon (用2021年的数倒推, 按净增额倒推) is the working, not the thing asked:
        // a change it names is what the level is worked from, and its words may leave the rise covering
        // too little of the question to rank.
        let asked = without_reckoning(normalized);
        if COMPARED.in_text(asked.as_deref().unwrap_or(normalized)) {
            return None;
        }
        // The base year asked, and at most the year the rise ends at, whose level it is worked from (2017年
        // 生产总值，用2021年的数倒推).
        let things;
        let (change_scored, change, level) = match (self.rise_and_level(ranking), &asked) {
            (Some(found), _) => found,
            (None, Some(asked)) => {
                things = self.rank(self.reader.read(asked));
                self.rise_and_level(&things)?
            }
            (None, None) => return None,
        };
        let Period::Years { from: year, .. } = change.period else {
            return None;
        };
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

/// Words that say a figure is worked out backwards (倒推, 倒算, 反推, 推算).
const RECKONING_WORDS: &[&str] = &["倒推", "倒算", "反推", "推算", "往回推", "倒着算"];

/// The question without its clauses that say how to reckon, when it has other clauses (2017年生产总值大概
/// 多少 用2021年的数倒推一下 → 2017年生产总值大概多少); `None` when none says so or every clause does.
fn without_reckoning(normalized: &str) -> Option<String> {
    let reckons = |clause: &&str| RECKONING_WORDS.iter().any(|word| clause.contains(word));
    let clauses: Vec<&str> = normalized.split_whitespace().collect();
    let kept: Vec<&str> = clauses
        .iter()
        .copied()
        .filter(|clause| !reckons(clause))
        .collect();
    (!kept.is_empty() && kept.len() < clauses.len()).then(|| kept.join(" "))
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
    fn a_clause_saying_how_to_reckon_is_left_out_of_what_is_asked() {
        assert_eq!(
            without_reckoning("2017年生产总值大概多少 用2021年的数倒推一下").as_deref(),
            Some("2017年生产总值大概多少")
        );
        assert_eq!(
            without_reckoning("按报告里的数字推算一下2017年的生产总值"),
            None
        );
        assert_eq!(without_reckoning("2017年生产总值是多少"), None);
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
