//! A yearly average worked out from one figure the report states over its five years, only when asked
//! (五年累计新增城镇就业平均每年多少, 城镇化率五年提高5.5个百分点平均每年提高多少): the total or the change
//! divided by the years of the report's own period, with the arithmetic shown and the source cited. A rate
//! (年均增长7.2%) is stated, never worked out; a figure of one year the report does not give (2021年当年新增
//! 就业) is never a share of the total: such a question finds no five-year figure here.

use crate::knowledge::{ChangeKind, FigureKind, Indicator, Period, Qualifier};
use crate::search::question::Question;

use super::super::catalog::indicator_answer;
use super::super::types::{Answered, Outcome};
use super::cues::Phrases;
use super::sides::same_metric;
use super::worked::decimals;
use super::{Engine, Ranking};

/// Words that ask for a figure per year (每年, 一年合, per year), beside the yearly-average markers the
/// question reader keeps (年均, 平均每年): only a five-year figure ranked best is divided by them.
const PER_YEAR_CUES: &[&str] = &[
    "每年",
    "每一年",
    "平均一年",
    "一年平均",
    "一年合",
    "合一年",
    "年平均",
    "per year",
    "a year",
    "each year",
    "every year",
    "annually",
    "yearly",
    "annual",
];

/// Words that ask each year's own figure, one by one (每年分别, 每年各, 逐年, year by year): no average
/// answers them, and a figure over several years is a near-miss ([`super::near_miss`]).
const EACH_YEAR_CUES: &[&str] = &[
    "每年分别",
    "每年各",
    "每一年分别",
    "每一年各",
    "各年",
    "逐年",
    "历年",
    "分年度",
    "year by year",
    "each year separately",
    "for each year",
    "in each year",
];

/// Places a yearly average shows beyond its source's own (3.8万 ÷ 5 = 0.76万): one more than the figure,
/// enough that dividing by five years is exact, never a made-up precision.
const AVERAGE_EXTRA_PLACES: usize = 1;

/// 万, the step between the report's units (万人 and 人, 亿元 and 万元), and its decimal places.
pub(super) const TEN_THOUSAND: f64 = 10_000.0;
const TEN_THOUSAND_PLACES: usize = 4;

/// A yearly average worked out from one figure.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PerYear {
    /// The years of the report's period the figure covers (2017—2021: 5).
    pub years: i32,
    /// The worked-out average, written with its places.
    pub average: String,
    /// The same average in the smaller unit (0.76万人 → 7600人), when the unit has one.
    pub smaller: Option<String>,
    pub unit: String,
    /// The division leaves a remainder the written places cut: 约.
    pub rounded: bool,
}

impl Engine {
    /// The yearly average of the best-ranked five-year figure when the question asks for one per year;
    /// `None` otherwise, and for a figure that does not divide honestly (a rate, a bound, a level).
    pub(super) fn per_year(&self, ranking: &Ranking, chinese: bool) -> Option<Outcome> {
        let question = &ranking.question;
        if !asks_per_year(question) || asks_each_year(question) {
            return None;
        }
        // A stated yearly rate ranked first answers, unless the question asks in another unit (平均每年增加
        // 多少亿元): then the first figure of its metric that divides is asked (净增83.4亿元).
        let mut figures = self
            .ranked_figures(ranking)
            .filter(|(scored, _, _)| !scored.conflict);
        let (mut scored, _, mut figure) = figures.next()?;
        let in_other_unit = figure.kind == FigureKind::YearlyAverage
            && question.unit_hint.is_some_and(|units| {
                !units
                    .iter()
                    .any(|unit| figure.unit.as_deref() == Some(unit))
            });
        if in_other_unit {
            let rate = figure;
            (scored, _, figure) = figures.find(|(_, _, figure)| {
                same_metric(figure, rate) && per_year_of(figure).is_some()
            })?;
        }
        let worked = per_year_of(figure)?;
        let Period::Years { from, to } = figure.period else {
            return None;
        };
        // A year named asks for that year (2021年一年新增就业), which a five-year figure does not give;
        // the period named whole (2017到2021年) is the figure's own.
        let years = &question.time.years;
        let whole_period = years.is_empty() || (years.contains(&from) && years.contains(&to));
        if !whole_period || question.wants_target {
            return None;
        }
        let direct = if chinese {
            in_chinese(figure, &worked)
        } else {
            in_english(figure, &worked)
        };
        let hits = vec![self.hit(scored, &ranking.question_terms)];
        Some(Outcome::Answered(Answered {
            direct: Some(direct),
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        }))
    }
}

/// Whether a question asks for a figure per year: a yearly average marked (年均, 平均每年) or a per-year
/// word (每年, 一年合, per year).
fn asks_per_year(question: &Question) -> bool {
    static CUES: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(PER_YEAR_CUES.iter().copied()));
    question.time.yearly_average || CUES.in_text(&question.normalized)
}

/// Whether a question asks each year's own figure one by one (每年分别建了多少).
pub(super) fn asks_each_year(question: &Question) -> bool {
    static CUES: std::sync::LazyLock<Phrases> =
        std::sync::LazyLock::new(|| Phrases::new(EACH_YEAR_CUES.iter().copied()));
    CUES.in_text(&question.normalized)
}

/// The yearly average of a five-year total or of a change since the base year, in the figure's unit;
/// `None` for a rate (年均增长 is stated, 100% does not divide), a stated yearly average, a bound other
/// than 左右 (3900多家 ÷ 5 is no figure), or a growth in per cent.
pub(super) fn per_year_of(figure: &Indicator) -> Option<PerYear> {
    let divides = match figure.kind {
        FigureKind::FiveYearTotal => true,
        FigureKind::ChangeSinceBase => matches!(
            figure.change,
            Some(ChangeKind::Raise | ChangeKind::Increase | ChangeKind::NetIncrease)
        ),
        _ => false,
    };
    let Period::Years { from, to } = figure.period else {
        return None;
    };
    let unit = figure.unit.as_deref()?;
    let hedged = !matches!(figure.qualifier, None | Some(Qualifier::About));
    if !divides || hedged || unit == "%" || to <= from {
        return None;
    }
    let years = to - from + 1;
    let total = figure.number?;
    let value = total / f64::from(years);
    let places = decimals(total) + AVERAGE_EXTRA_PLACES;
    let average = trimmed(value, places);
    let rounded =
        average.parse::<f64>().ok() != Some(value) || figure.qualifier == Some(Qualifier::About);
    let smaller = smaller_unit(unit).map(|(factor, smaller)| {
        format!(
            "{}{smaller}",
            trimmed(value * factor, places.saturating_sub(TEN_THOUSAND_PLACES))
        )
    });
    Some(PerYear {
        years,
        average,
        smaller,
        unit: unit.to_owned(),
        rounded,
    })
}

/// A unit with a 万 or 亿 before a smaller one (万人, 亿元): the factor and the smaller unit (人, 万元).
fn smaller_unit(unit: &str) -> Option<(f64, String)> {
    let rest = unit
        .strip_prefix('万')
        .map(str::to_owned)
        .or_else(|| unit.strip_prefix('亿').map(|rest| format!("万{rest}")))?;
    (!rest.is_empty() && rest != "个百分点").then_some((TEN_THOUSAND, rest))
}

/// `value` with at most `places` decimals and no trailing zeros (1.10 → 1.1, 7600.0 → 7600).
pub(super) fn trimmed(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

fn in_chinese(figure: &Indicator, worked: &PerYear) -> String {
    let about = if worked.rounded { "约" } else { "" };
    let smaller = worked
        .smaller
        .as_ref()
        .map_or(String::new(), |smaller| format!("（即{smaller}）"));
    let Period::Years { from, to } = figure.period else {
        return String::new();
    };
    format!(
        "{}。{from}—{to}年{}年平均每年{about}{}{}{smaller}（推算：{}{} ÷ {}年，由报告的这个数字算出，并非报告所写）",
        indicator_answer(figure),
        worked.years,
        worked.average,
        worked.unit,
        figure.number.map_or(String::new(), |number| number.to_string()),
        worked.unit,
        worked.years,
    )
}

fn in_english(figure: &Indicator, worked: &PerYear) -> String {
    let about = if worked.rounded { "about " } else { "" };
    let smaller = worked
        .smaller
        .as_ref()
        .map_or(String::new(), |smaller| format!(" ({smaller})"));
    format!(
        "{}. Per year over the report's {} years: {about}{} {}{smaller} (worked out: {} ÷ {} years, from this figure of the report, not stated by it).",
        indicator_answer(figure),
        worked.years,
        worked.average,
        worked.unit,
        figure.number.map_or(String::new(), |number| number.to_string()),
        worked.years,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(kind: FigureKind, number: f64, unit: &str, change: Option<ChangeKind>) -> Indicator {
        Indicator {
            id: "r/1.0.1.1#1".into(),
            metric: "城镇就业".into(),
            value_text: String::new(),
            number: Some(number),
            unit: Some(unit.into()),
            qualifier: None,
            change,
            kind,
            period: Period::Years {
                from: 2017,
                to: 2021,
            },
            group: None,
            item: None,
            sentence_id: "r/1.0.1.1".into(),
            citation: String::new(),
        }
    }

    #[test]
    fn a_five_year_figure_divides_by_its_years_and_a_rate_does_not() {
        let jobs = per_year_of(&figure(FigureKind::FiveYearTotal, 3.8, "万人", None)).unwrap();
        assert_eq!((jobs.average.as_str(), jobs.years), ("0.76", 5));
        assert_eq!(jobs.smaller.as_deref(), Some("7600人"));
        let roads = per_year_of(&figure(FigureKind::FiveYearTotal, 249.0, "公里", None)).unwrap();
        assert_eq!(roads.average, "49.8");
        let points = figure(
            FigureKind::ChangeSinceBase,
            5.5,
            "个百分点",
            Some(ChangeKind::Raise),
        );
        assert_eq!(per_year_of(&points).unwrap().average, "1.1");
        let growth = figure(
            FigureKind::YearlyAverage,
            7.2,
            "%",
            Some(ChangeKind::Growth),
        );
        assert_eq!(per_year_of(&growth), None);
        let share = figure(FigureKind::FiveYearTotal, 100.0, "%", None);
        assert_eq!(per_year_of(&share), None);
        let mut more_than = figure(FigureKind::FiveYearTotal, 3900.0, "家", None);
        more_than.qualifier = Some(Qualifier::Over);
        assert_eq!(per_year_of(&more_than), None);
    }
}
