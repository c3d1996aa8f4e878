//! A figure per unit worked out from two the report states in one sentence, only when asked (16406户45576名
//! 贫困人口: 平均每户几个人; 白酒产量超4000吨，销售收入超2.5亿元: 每吨合多少元): the figure whose unit the
//! question names after 每 (per) divides the other figure of its sentence, with the arithmetic shown and
//! the sentence cited. Two figures of one sentence describe one thing; figures of two sentences may not.

use crate::knowledge::{Indicator, Qualifier};

use super::super::catalog::indicator_answer;
use super::super::types::{Answered, Outcome};
use super::per_year::{trimmed, TEN_THOUSAND};
use super::projection::things_only;
use super::sides::is_target;
use super::weights::RATIO_PLACES;
use super::{Engine, Ranking};

/// Words that ask for a figure per one of a unit, said before the unit (每户, 每一吨, 平均一户, per household).
const PER_WORDS: &[&str] = &["每一", "每", "平均一", "per "];

/// English names of the report's counting units, for `per household` (a class of unit words, not answers).
const ENGLISH_UNITS: &[(&str, &str)] = &[
    ("household", "户"),
    ("family", "户"),
    ("ton", "吨"),
    ("tonne", "吨"),
    ("person", "人"),
    ("mu", "亩"),
    ("kilometre", "公里"),
    ("kilometer", "公里"),
    ("km", "公里"),
];

/// Magnitude prefixes of the report's units and what they multiply by (万人, 亿元).
const MAGNITUDES: &[(char, f64)] = &[('万', TEN_THOUSAND), ('亿', TEN_THOUSAND * TEN_THOUSAND)];

/// A figure per unit and what it was worked out from.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PerUnit {
    /// The quotient in the dividend's base unit, written with its places.
    pub value: String,
    /// The same in 万 when it is that large.
    pub in_ten_thousands: Option<String>,
    /// The dividend's base unit (元, 人) and the divisor's (吨, 户).
    pub unit: String,
    pub per: String,
    /// Both figures are a plan's floors (超4000吨, 超2.5亿元): the quotient is only their ratio.
    pub floors: bool,
}

impl Engine {
    /// The figure per unit a question asks for (每户, 每吨, per household), when a ranked figure counts
    /// that unit and its sentence states one other figure to divide; `None` otherwise.
    pub(super) fn per_unit(&self, ranking: &Ranking, chinese: bool) -> Option<Outcome> {
        let question = &ranking.question;
        // 每年 asks for a yearly figure (`per_year`), never a unit's.
        let asked = question.normalized.replace("每年", "");
        if !PER_WORDS.iter().any(|per| asked.contains(per)) {
            return None;
        }
        // The figures are found by the question's things alone: 平均每户 and the unit asked (几个人, 多少
        // 万元) name the arithmetic, and a unit asked would rank the divisor (户, 吨) below other figures.
        // The reckoning (按目标算) names no figure either.
        let mut things = self
            .reader
            .read(&without_per_words(&things_only(&question.normalized)));
        things.unit_hint = None;
        let ranking = &self.rank(things);
        let figures: Vec<_> = self
            .ranked_figures(ranking)
            .filter(|(scored, _, _)| !scored.conflict)
            .collect();
        for &(divisor_scored, _, divisor) in &figures {
            let Some((_, per)) = base_unit(divisor) else {
                continue;
            };
            if !asks_per(&question.normalized, per) {
                continue;
            }
            let dividend = figures.iter().find(|(_, _, dividend)| {
                dividend.sentence_id == divisor.sentence_id
                    && base_unit(dividend).is_some_and(|(_, unit)| unit != per)
            });
            let Some(&(dividend_scored, _, dividend)) = dividend else {
                continue;
            };
            let Some(worked) = divided(dividend, divisor) else {
                continue;
            };
            let direct = if chinese {
                in_chinese(dividend, divisor, &worked)
            } else {
                in_english(dividend, divisor, &worked)
            };
            let hits =
                self.computed_sources([dividend_scored, divisor_scored], &ranking.question_terms);
            return Some(Outcome::Answered(Answered {
                direct: Some(direct),
                glossary_refs: self.glossary_refs(&hits),
                hits,
                more: false,
            }));
        }
        None
    }
}

/// The question without its words of division: each per word with the one character or English word
/// after it (每户, 每一吨, 平均一吨, per ton), then 平均 and 除以.
fn without_per_words(normalized: &str) -> String {
    let mut text = normalized.to_owned();
    for per in PER_WORDS {
        while let Some(at) = text.find(per) {
            let after = &text[at + per.len()..];
            let unit_len = if per.is_ascii() {
                after
                    .find(|c: char| !c.is_ascii_alphabetic())
                    .unwrap_or(after.len())
            } else {
                after.chars().next().map_or(0, char::len_utf8)
            };
            text.replace_range(at..at + per.len() + unit_len, " ");
        }
    }
    text.replace("平均", "").replace("除以", "")
}

/// Whether the question asks for something per one `unit`: 每户, 每一吨, or per and the unit's English name.
fn asks_per(normalized: &str, unit: &str) -> bool {
    let chinese = PER_WORDS
        .iter()
        .filter(|per| !per.is_ascii())
        .any(|per| normalized.contains(&format!("{per}{unit}")));
    let english = ENGLISH_UNITS
        .iter()
        .filter(|(_, chinese)| *chinese == unit)
        .any(|(english, _)| {
            normalized
                .match_indices(&format!("per {english}"))
                .any(|(at, found)| {
                    !normalized[at + found.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
                        || normalized[at + found.len()..].starts_with('s')
                })
        });
    chinese || english
}

/// The factor and base unit of a figure's unit (2.5亿元: 1e8, 元; 45576名: 1, 人); `None` for a rate or a
/// figure without a number.
fn base_unit(figure: &Indicator) -> Option<(f64, &str)> {
    figure.number?;
    let unit = figure.unit.as_deref()?;
    if figure.in_rate_unit() {
        return None;
    }
    let (factor, base) = MAGNITUDES
        .iter()
        .find_map(|&(prefix, factor)| {
            unit.strip_prefix(prefix)
                .filter(|rest| !rest.is_empty())
                .map(|rest| (factor, rest))
        })
        .unwrap_or((1.0, unit));
    // 名 counts persons as 人 does.
    Some((factor, if base == "名" { "人" } else { base }))
}

/// The dividend per one of the divisor's unit; `None` for a zero divisor, a bound on one side only, or
/// bounds that are not both a plan's floors (至少 ÷ 至多 bounds nothing).
pub(super) fn divided(dividend: &Indicator, divisor: &Indicator) -> Option<PerUnit> {
    use Qualifier::{AtLeast, NoLessThan, Over};
    let floor = |figure: &Indicator| {
        is_target(figure.kind) && matches!(figure.qualifier, Some(AtLeast | NoLessThan | Over))
    };
    let floors = floor(dividend) && floor(divisor);
    let exact = dividend.qualifier.is_none() && divisor.qualifier.is_none();
    if !(floors || exact) {
        return None;
    }
    let (top_factor, unit) = base_unit(dividend)?;
    let (bottom_factor, per) = base_unit(divisor)?;
    let bottom = divisor.number? * bottom_factor;
    if bottom == 0.0 {
        return None;
    }
    let value = dividend.number? * top_factor / bottom;
    // A quotient of 万 or more is also written in 万 (62500元 → 6.25万元), as the report writes money.
    let in_ten_thousands = (value >= TEN_THOUSAND)
        .then(|| format!("{}万{unit}", trimmed(value / TEN_THOUSAND, RATIO_PLACES)));
    Some(PerUnit {
        value: trimmed(value, RATIO_PLACES),
        in_ten_thousands,
        unit: unit.to_owned(),
        per: per.to_owned(),
        floors,
    })
}

fn in_chinese(dividend: &Indicator, divisor: &Indicator, worked: &PerUnit) -> String {
    let also = worked
        .in_ten_thousands
        .as_ref()
        .map_or(String::new(), |large| format!("（{large}）"));
    let floors = if worked.floors {
        "两个数字都是目标下限，相除只是按目标数字的粗算，"
    } else {
        ""
    };
    format!(
        "{}；{}。平均每{}约{}{}{also}（推算：{} ÷ {}，{floors}由报告的这两个数字算出，并非报告所写）",
        indicator_answer(dividend),
        indicator_answer(divisor),
        worked.per,
        worked.value,
        worked.unit,
        dividend.value_text,
        divisor.value_text,
    )
}

fn in_english(dividend: &Indicator, divisor: &Indicator, worked: &PerUnit) -> String {
    let floors = if worked.floors {
        "both are a plan's floors, so this is only their ratio; "
    } else {
        ""
    };
    format!(
        "{}; {}. Per {}: about {} {} (worked out: {} ÷ {}; {floors}from these two figures of the report, not stated by it).",
        indicator_answer(dividend),
        indicator_answer(divisor),
        worked.per,
        worked.value,
        worked.unit,
        dividend.value_text,
        divisor.value_text,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::{FigureKind, Period};

    fn figure(
        number: f64,
        unit: &str,
        qualifier: Option<Qualifier>,
        kind: FigureKind,
    ) -> Indicator {
        Indicator {
            id: "r/1.0.1.1#1".into(),
            metric: "贫困人口".into(),
            value_text: format!("{number}{unit}"),
            number: Some(number),
            unit: Some(unit.into()),
            qualifier,
            change: None,
            kind,
            period: Period::Year { year: 2022 },
            group: None,
            item: None,
            sentence_id: "r/1.0.1.1".into(),
            citation: String::new(),
        }
    }

    #[test]
    fn a_figure_per_unit_divides_in_base_units_and_only_like_bounds() {
        let people = figure(45576.0, "名", None, FigureKind::FiveYearTotal);
        let households = figure(16406.0, "户", None, FigureKind::FiveYearTotal);
        let per = divided(&people, &households).unwrap();
        assert_eq!((per.value.as_str(), per.unit.as_str()), ("2.78", "人"));
        let over = Some(Qualifier::Over);
        let revenue = figure(2.5, "亿元", over, FigureKind::TaskTarget);
        let output = figure(4000.0, "吨", over, FigureKind::TaskTarget);
        let per_ton = divided(&revenue, &output).unwrap();
        assert_eq!(per_ton.value, "62500");
        assert_eq!(per_ton.in_ten_thousands.as_deref(), Some("6.25万元"));
        assert!(per_ton.floors);
        // A bound on one side only bounds nothing.
        assert_eq!(divided(&revenue, &households), None);
        assert!(asks_per("平均每户几个人", "户"));
        assert!(asks_per("how much revenue per ton of liquor", "吨"));
        assert!(!asks_per("how much revenue per tonnage", "吨"));
        assert!(!asks_per("每年多少户", "户"));
        assert_eq!(without_per_words("白酒平均每吨多少元"), "白酒 多少元");
        assert_eq!(without_per_words("贫困户平均一户几口人"), "贫困户 几口人");
        assert!(asks_per("平均一户几口人", "户"));
        assert_eq!(
            without_per_words("revenue per ton of liquor"),
            "revenue   of liquor"
        );
    }
}
