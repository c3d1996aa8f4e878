//! Computed comparisons, never invented: "how much faster / more / higher is A than B" answered from two
//! figures the report states, with the arithmetic and both source sentences. Only like with like: the
//! same unit, both named by the question (two metrics of one kind and period, or one metric at two
//! periods or kinds the question names: 今年目标比去年, 目标比年均), and no bound that makes the difference
//! unknowable (a target of "at most" something).

use crate::knowledge::{FigureKind, Indicator, Period, Qualifier};
use crate::search::question::Question;

use super::super::catalog::{indicator_answer, Unit};
use super::super::types::{Answered, Outcome};
use super::near_miss::same_metric;
use super::weights::{COMPARE_CANDIDATES, HIT_COVERAGE};
use super::{Engine, Ranking, Scored};

/// Words that ask how two figures differ (比…快/多/高, 相差, 差距).
pub(super) const COMPARE_CUES: &[&str] = &[
    "比",
    "相差",
    "差多少",
    "差距",
    "相比",
    "差了",
    "高出",
    "低了",
];

impl Engine {
    /// The difference of two figures the question names, as an answer citing both; `None` when the
    /// question compares nothing, or the report lacks a pair it can honestly subtract.
    pub(super) fn comparison(&self, ranking: &Ranking) -> Option<Outcome> {
        let question = &ranking.question;
        if !COMPARE_CUES
            .iter()
            .any(|cue| question.normalized.contains(cue))
        {
            return None;
        }
        if let Some(found) = self.difference_in(ranking, question) {
            return Some(found);
        }
        // A figure of a year other than the one named (今年目标比过去五年年均) is dropped when ranking a
        // question with a year: look again without the years, still requiring each period named.
        if question.time.years.is_empty() {
            return None;
        }
        let mut yearless = question.clone();
        yearless.time.years.clear();
        self.difference_in(&self.rank(yearless), question)
    }

    /// The figures an answer worked out from figures may use: the best-ranked indicators that cover the
    /// question well enough, with the report each stands in.
    pub(super) fn ranked_figures<'a>(
        &'a self,
        ranking: &'a Ranking,
    ) -> impl Iterator<Item = (&'a Scored, usize, &'a Indicator)> + 'a {
        ranking
            .ranked
            .iter()
            .take(COMPARE_CANDIDATES)
            .filter(|scored| scored.coverage >= HIT_COVERAGE)
            .filter_map(|scored| match self.catalog.unit(scored.doc) {
                Unit::Indicator { report, index, .. } => Some((
                    scored,
                    report,
                    &self.library.reports[report].indicators[index],
                )),
                _ => None,
            })
    }

    /// The first pair of ranked figures that `question` names apart and that subtract honestly.
    fn difference_in(&self, ranking: &Ranking, question: &Question) -> Option<Outcome> {
        // A year conflict does not count here: 今年目标比过去五年年均 names a figure of other years on
        // purpose, and `named_apart` checks that the question names each figure's period.
        let candidates: Vec<(&Scored, &Indicator)> = self
            .ranked_figures(ranking)
            .filter(|(_, _, indicator)| indicator.number.is_some())
            .map(|(scored, _, indicator)| (scored, indicator))
            .collect();
        for (at, &(first_scored, first)) in candidates.iter().enumerate() {
            for &(second_scored, second) in &candidates[at + 1..] {
                if let Some((direct, first_is_higher)) = difference(question, first, second) {
                    // The sources in the order the answer names them: the higher figure first.
                    let (high, low) = if first_is_higher {
                        (first_scored, second_scored)
                    } else {
                        (second_scored, first_scored)
                    };
                    let hits = self.computed_sources([high, low], &ranking.question_terms);
                    return Some(Outcome::Answered(Answered {
                        direct: Some(direct),
                        glossary_refs: self.glossary_refs(&hits),
                        hits,
                        more: false,
                    }));
                }
            }
        }
        None
    }
}

/// The direct answer for `a` against `b`: both figures as labelled in the report, the higher first, then
/// by how much, with the subtraction shown; and whether `a` is the higher.
fn difference(question: &Question, a: &Indicator, b: &Indicator) -> Option<(String, bool)> {
    let unit = shared_unit(a, b)?;
    if !named_apart(question, a, b) {
        return None;
    }
    let (x, y) = (a.number?, b.number?);
    let (high, low, high_value, low_value) = if x >= y { (a, b, x, y) } else { (b, a, y, x) };
    let (before, after) = hedge(high.qualifier, low.qualifier)?;
    let places = decimals(x).max(decimals(y));
    let gap = format!("{:.*}", places, high_value - low_value);
    let labels = format!("{}；{}。", indicator_answer(high), indicator_answer(low));
    if high_value == low_value {
        return Some((format!("{labels}两个数字相同。"), true));
    }
    let more = if unit == "个百分点" { "高" } else { "多" };
    let text = format!(
        "{labels}前者比后者{before}{more}{after}{gap}{unit}（{} − {}，由报告的这两个数字算出）",
        plain(high_value, places),
        plain(low_value, places)
    );
    Some((text, x >= y))
}

/// The unit of the difference: percentage points for two rates, the shared unit for two amounts; `None`
/// for units that do not subtract (亿元 and %, 万吨 and 万亩).
fn shared_unit(a: &Indicator, b: &Indicator) -> Option<&'static str> {
    let unit_a = a.unit.as_deref()?;
    let unit_b = b.unit.as_deref()?;
    if unit_a != unit_b {
        return None;
    }
    let rate = unit_a == "%" || unit_a == "个百分点";
    if rate {
        return Some("个百分点");
    }
    // The shared unit, as a static string the answer can hold (units are few; one not seen here is left
    // alone rather than guessed at).
    const AMOUNTS: &[&str] = &[
        "亿元",
        "万元",
        "元",
        "万吨",
        "吨",
        "万亩",
        "亩",
        "万人",
        "人",
        "个",
        "家",
        "所",
        "座",
        "条",
        "公里",
        "天",
        "项",
        "户",
        "名",
        "辆",
        "件",
        "万头",
        "头",
        "亿千瓦时",
        "万人次",
        "人次",
        "万户",
        "套",
    ];
    AMOUNTS.iter().copied().find(|amount| *amount == unit_a)
}

/// Whether the question names both figures apart: two metrics of the same kind and period, each by the
/// part of its name the other lacks (农村 / 城镇); or one metric at two periods or kinds the question names
/// (今年目标 / 去年, 目标 / 年均).
fn named_apart(question: &Question, a: &Indicator, b: &Indicator) -> bool {
    let said = |text: &str| {
        !text.is_empty()
            && (question.normalized.contains(text) || question.search_text.contains(text))
    };
    if same_metric(a, b) {
        // Two targets of one period are one plan stated twice (主要预期目标 and 目标任务), not two figures.
        let both_targets = is_target(a.kind) && is_target(b.kind);
        return (a.period != b.period || (a.kind != b.kind && !both_targets))
            && period_named(question, a)
            && period_named(question, b);
    }
    let (own_a, own_b) = distinguishing(&a.metric, &b.metric);
    let named = |own: &str, other: &str| said(own) || said_piece(question, own, other);
    a.kind == b.kind && a.period == b.period && named(own_a, own_b) && named(own_b, own_a)
}

/// A piece of a metric's own words this long names it when the other metric lacks it (合作社 for 农民合作社,
/// 农村居民 for 农村居民人均可支配收入); two characters would name too much by chance (人均, 总额).
const NAMED_PIECE_CHARS: usize = 3;

/// Whether the question says a piece of `own` (at least [`NAMED_PIECE_CHARS`] letters) that `other` lacks.
fn said_piece(question: &Question, own: &str, other: &str) -> bool {
    let chars: Vec<char> = own.chars().collect();
    (NAMED_PIECE_CHARS..=chars.len()).any(|size| {
        chars.windows(size).any(|piece| {
            let piece: String = piece.iter().collect();
            piece.chars().all(char::is_alphanumeric)
                && !other.contains(&piece)
                && (question.normalized.contains(&piece) || question.search_text.contains(&piece))
        })
    })
}

/// The question names this figure's period or kind: its year, 目标 for a target, 完成 for a result, 年均
/// for a yearly average, 五年 for a five-year figure.
fn period_named(question: &Question, figure: &Indicator) -> bool {
    let time = &question.time;
    match (figure.period, figure.kind) {
        (_, FigureKind::YearlyAverage) => time.yearly_average,
        (Period::Years { .. }, _) => time.past_five_years,
        (Period::Year { year }, kind) => {
            time.years.contains(&year)
                || (question.wants_target && is_target(kind))
                || (question.wants_result && kind == FigureKind::Result)
        }
    }
}

fn is_target(kind: FigureKind) -> bool {
    matches!(kind, FigureKind::MainTarget | FigureKind::TaskTarget)
}

/// The parts of two names that tell them apart: 城镇居民人均可支配收入 / 农村居民人均可支配收入 → 城镇 / 农村.
fn distinguishing<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    let prefix: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix: usize = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (&a[..a.len() - suffix], &b[..b.len() - suffix])
}

/// How sure the difference is, given the figures' own hedges, as words before and after the verb: 高约
/// when either is "about", 至少高 when the higher one is "at least"; `None` when a bound leaves the
/// difference unknown.
fn hedge(high: Option<Qualifier>, low: Option<Qualifier>) -> Option<(&'static str, &'static str)> {
    match (high, low) {
        (None, None) => Some(("", "")),
        (Some(Qualifier::About), None | Some(Qualifier::About))
        | (None, Some(Qualifier::About)) => Some(("", "约")),
        (Some(Qualifier::AtLeast | Qualifier::NoLessThan | Qualifier::Over), None) => {
            Some(("至少", ""))
        }
        _ => None,
    }
}

fn decimals(value: f64) -> usize {
    let text = value.to_string();
    text.split_once('.')
        .map_or(0, |(_, fraction)| fraction.len())
}

fn plain(value: f64, places: usize) -> String {
    format!("{value:.places$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_told_apart_by_what_differs() {
        assert_eq!(
            distinguishing("城镇居民人均可支配收入", "农村居民人均可支配收入"),
            ("城镇", "农村")
        );
        assert_eq!(
            distinguishing("一般公共预算收入", "社会消费品零售总额"),
            ("一般公共预算收入", "社会消费品零售总额")
        );
    }

    #[test]
    fn a_bound_the_difference_cannot_cross_is_no_answer() {
        assert_eq!(hedge(None, None), Some(("", "")));
        assert_eq!(hedge(Some(Qualifier::About), None), Some(("", "约")));
        assert_eq!(hedge(Some(Qualifier::AtLeast), None), Some(("至少", "")));
        assert_eq!(hedge(None, Some(Qualifier::AtLeast)), None);
        assert_eq!(hedge(Some(Qualifier::AtMost), None), None);
    }
}
