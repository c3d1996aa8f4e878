//! A level projected from a target, only when asked for (按今年目标能达到多少, 目标要达到多少): the last
//! year's level the report states, grown by the target rate (15.3亿元 × (1 + 6%)) or raised by the target's
//! percentage points (42.7% + 2个百分点), with the arithmetic shown, labelled as worked out, both sources
//! cited and the target's hedge kept (左右 → 约, 以上 → 以上). Never from a hedged level, a rate the
//! question states otherwise, or units that do not meet.

use std::sync::LazyLock;

use crate::knowledge::{ChangeKind, Indicator, Period, Qualifier};
use crate::search::question::Question;

use super::super::catalog::indicator_answer;
use super::super::types::{Answered, Outcome};
use super::cues::Phrases;
use super::near_miss::asks_level_words;
use super::per_year::trimmed;
use super::sides::is_target;
use super::sides::same_metric;
use super::worked::decimals;
use super::{Engine, Ranking, Scored};

/// Words that ask what a target would make of a level (按目标, 按9%增长, 照8%算, 如果增长9%, 增长6%的话): a
/// projection asked for, as a condition put on the year's growth.
const BY_TARGET_CUES: &[&str] = &[
    "按",
    "照",
    "如期完成",
    "如果",
    "假如",
    "要是",
    "的话",
    "if",
    "would be",
    "as targeted",
    "as planned",
];

/// Words of a projection asked that name no figure: the level asked (能到, 总量), the year's end (年底: the
/// year itself) and the reckoning (算), beside the conditions of [`BY_TARGET_CUES`].
const PROJECTION_WORDS: &[&str] = &[
    "能达到",
    "能到",
    "会到",
    "达到多少",
    "到多少",
    "到百分之",
    "升到",
    "涨到",
    "总量",
    "年底",
    "年末",
    "算",
];

/// Words that ask where a target leads (目标要达到多少, 目标能到多少, 预计多少): a projection asked without a
/// condition, where 目标是多少亿元 asks the target itself in a unit it is not given in.
const REACH_WORDS: &[&str] = &[
    "达到",
    "能到",
    "会到",
    "到多少",
    "到百分之",
    "升到",
    "涨到",
    "预计",
];

/// The question without the words that ask for a projection and without the rates it states (8%): what
/// is left names the figure projected.
pub(super) fn things_only(normalized: &str) -> String {
    let mut text = normalized.to_owned();
    let words = BY_TARGET_CUES.iter().filter(|cue| !cue.is_ascii());
    for word in words.chain(PROJECTION_WORDS) {
        text = text.replace(word, " ");
    }
    while let Some(percent) = text.find('%') {
        // Digits and points are one byte each.
        let start = percent
            - text[..percent]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .count();
        text.replace_range(start..percent + 1, " ");
    }
    text
}

/// A product is shown to this many decimals at most (trailing zeros dropped): 279 × (1 + 8%) is 301.32, and a
/// reader who checks the arithmetic finds their own figure, where rounding to the level's whole 亿元 (301) would
/// hide it; more places would claim a precision no target has.
const PRODUCT_DECIMALS: usize = 2;

impl Engine {
    /// The level a target leads to, when the question asks for it and the report states the level the
    /// target grows from; `None` otherwise.
    pub(super) fn projection(&self, ranking: &Ranking) -> Option<Outcome> {
        let question = &ranking.question;
        static BY_TARGET: LazyLock<Phrases> =
            LazyLock::new(|| Phrases::new(BY_TARGET_CUES.iter().copied()));
        static REACH: LazyLock<Phrases> =
            LazyLock::new(|| Phrases::new(REACH_WORDS.iter().copied()));
        let by_target = BY_TARGET.in_text(&question.normalized);
        // A target asked as an amount (今年GDP目标是多少亿元) asks for a figure the report does not give,
        // which [`Engine::near_miss`] says; what the target leads to must be asked for.
        let reach = question.wants_target && REACH.in_text(&question.normalized);
        if !(by_target || reach) || !asks_level_words(question) {
            return None;
        }
        // The words that ask for a projection name no figure, and may leave the target covering too little
        // of the question to rank (如果今年GDP真增长8%，总量能到多少): the target is then found by the rest,
        // when a condition asks for the projection (预计能收到多少 asks for a level the report does not give).
        self.projected_by(ranking, ranking).or_else(|| {
            by_target.then_some(())?;
            let things = self.rank(self.reader.read(&things_only(&question.normalized)));
            self.projected_by(&things, ranking)
        })
    }

    /// The projection of the target `figures` ranks best, for the question `asked` ranks.
    fn projected_by(&self, figures: &Ranking, asked: &Ranking) -> Option<Outcome> {
        let question = &asked.question;
        let ranking = asked;
        // The best figure itself must be the target: a target ranked below another figure is not asked.
        let (target_scored, report, target) = self
            .ranked_figures(figures)
            .find(|(scored, _, _)| !scored.conflict)
            .filter(|(_, _, figure)| is_target(figure.kind) && rate_of(figure).is_some())?;
        let Period::Year { year } = target.period else {
            return None;
        };
        let base = self.library.reports[report]
            .indicators
            .iter()
            .find(|level| {
                level.period == (Period::Year { year: year - 1 })
                    && level.number.is_some()
                    && !level.change.is_some_and(ChangeKind::is_change)
                    && same_metric(level, target)
            })?;
        if !states_only(question, target) {
            return None;
        }
        let (value, arithmetic, exact) = projected(base, target)?;
        let unit = base.unit.as_deref()?;
        let (before, after) = match target.qualifier {
            None if exact => ("", ""),
            None | Some(Qualifier::About) => ("约", ""),
            Some(Qualifier::AtLeast | Qualifier::NoLessThan | Qualifier::Over) => ("", "以上"),
            Some(Qualifier::AtMost) => ("", "以内"),
        };
        let direct = format!(
            "按{year}年目标推算：{year}年{}{before}{value}{unit}{after}（{}；{}；{arithmetic}，由报告的这两个数字推算，并非报告所写）",
            base.metric,
            indicator_answer(base),
            indicator_answer(target),
        );
        let base_scored = Scored {
            doc: self.catalog.doc_of(&base.id)?,
            ..*target_scored
        };
        let hits = self.computed_sources([target_scored, &base_scored], &ranking.question_terms);
        Some(Outcome::Answered(Answered {
            direct: Some(direct),
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        }))
    }
}

/// How a target moves a level: a growth rate (增长6%) or percentage points (提高2个百分点).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Rate {
    Growth(f64),
    Points(f64),
}

fn rate_of(target: &Indicator) -> Option<Rate> {
    let number = target.number?;
    match (target.change?, target.unit.as_deref()?) {
        (ChangeKind::Growth, "%") => Some(Rate::Growth(number)),
        (ChangeKind::Raise, "个百分点") => Some(Rate::Points(number)),
        _ => None,
    }
}

/// A rate the question states itself (按9%增长) must be the target's: another rate is not the report's.
fn states_only(question: &Question, target: &Indicator) -> bool {
    let Some(rate) = target.number else {
        return false;
    };
    let text = &question.normalized;
    text.match_indices('%').all(|(at, _)| {
        let digits: String = text[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        digits.parse::<f64>().is_ok_and(|stated| stated == rate)
    })
}

/// The projected level, the arithmetic shown and whether the shown level is exact (a product is rounded
/// to [`PRODUCT_DECIMALS`]): the level grown by the rate, or raised by the points (a rate level
/// only); `None` for a hedged level or units that do not meet.
fn projected(base: &Indicator, target: &Indicator) -> Option<(String, String, bool)> {
    if base.qualifier.is_some() {
        return None;
    }
    let level = base.number?;
    let unit = base.unit.as_deref()?;
    let places = decimals(level);
    match rate_of(target)? {
        Rate::Growth(rate) if unit != "%" => {
            let grown = level * (1.0 + rate / 100.0);
            let shown = trimmed(grown, places.max(PRODUCT_DECIMALS));
            let exact = shown.parse::<f64>().is_ok_and(|value| value == grown);
            Some((shown, format!("{level} × (1 + {rate}%)"), exact))
        }
        Rate::Points(points) if unit == "%" => {
            let places = places.max(decimals(points));
            Some((
                format!("{:.*}", places, level + points),
                format!("{level}% + {points}个百分点"),
                true,
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::FigureKind;

    fn figure(number: f64, unit: &str, change: Option<ChangeKind>) -> Indicator {
        Indicator {
            id: "r/1.0.1.1#1".into(),
            metric: "一般公共预算收入".into(),
            value_text: String::new(),
            number: Some(number),
            unit: Some(unit.into()),
            qualifier: None,
            change,
            kind: FigureKind::MainTarget,
            period: Period::Year { year: 2022 },
            group: None,
            item: None,
            sentence_id: "r/1.0.1.1".into(),
            citation: String::new(),
        }
    }

    #[test]
    fn the_words_asking_a_projection_are_left_out_of_what_it_names() {
        let words = things_only("如果今年gdp真增长8% 总量能到多少亿元");
        assert_eq!(
            words.split_whitespace().collect::<Vec<_>>(),
            vec!["今年gdp真增长", "多少亿元"]
        );
        assert_eq!(things_only("照目标年底城镇化率").trim(), "目标 城镇化率");
        assert_eq!(things_only("增长%").trim(), "增长");
    }

    #[test]
    fn a_level_grows_by_a_rate_and_a_rate_rises_by_points_only() {
        let level = figure(15.3, "亿元", Some(ChangeKind::Complete));
        let growth = figure(6.0, "%", Some(ChangeKind::Growth));
        assert_eq!(
            projected(&level, &growth).map(|(v, _, exact)| (v, exact)),
            Some(("16.22".into(), false))
        );
        let rate = figure(42.7, "%", None);
        let points = figure(2.0, "个百分点", Some(ChangeKind::Raise));
        assert_eq!(
            projected(&rate, &points).map(|(v, _, exact)| (v, exact)),
            Some(("44.7".into(), true))
        );
        // A growth rate does not grow a rate, and points do not raise an amount.
        assert_eq!(projected(&rate, &growth), None);
        assert_eq!(projected(&level, &points), None);
    }
}
