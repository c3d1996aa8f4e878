//! A figure worked out from two the report states (a difference, a sum, a ratio, a share), before it is
//! put in words: the arithmetic is done once here, and worded in Chinese here and in English in
//! `english.rs`, so that both languages always give the same number.

use crate::knowledge::{ChangeKind, Indicator, Qualifier};

use super::super::catalog::indicator_answer;
use super::weights::{RATIO_PLACES, SHARE_PLACES};

/// How a worked-out answer combines its two figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Operation {
    Difference,
    Sum,
    Ratio,
    Share,
}

/// How sure a worked-out figure is, given the hedges of the two it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    Exact,
    About,
    AtLeast,
    AtMost,
    /// A lower bound less one about something (9%以上 − 8%左右): at least about the difference.
    AtLeastAbout,
    /// About something less a lower bound: at most about the difference.
    AtMostAbout,
    /// Two lower bounds (10%以上 and 9%以上): only the bounds differ by the difference.
    LowerBounds,
    /// Two upper bounds (5.5%以内 and 3%以内): only the bounds differ by the difference.
    UpperBounds,
}

impl Bound {
    /// The Chinese words before a total (约, 至少): what a sum of hedged figures can be said to be.
    pub(super) fn before_total(self) -> &'static str {
        match self {
            Bound::About => "约",
            Bound::AtLeast => "至少",
            Bound::AtLeastAbout => "至少约",
            Bound::Exact
            | Bound::AtMost
            | Bound::AtMostAbout
            | Bound::LowerBounds
            | Bound::UpperBounds => "",
        }
    }

    /// The English words before an amount worked out (about, at least about); the bounds' own difference
    /// is said in words of its own.
    pub(super) fn before_amount(self) -> &'static str {
        match self {
            Bound::Exact | Bound::LowerBounds | Bound::UpperBounds => "",
            Bound::About => "about ",
            Bound::AtLeast => "at least ",
            Bound::AtMost => "at most ",
            Bound::AtLeastAbout => "at least about ",
            Bound::AtMostAbout => "at most about ",
        }
    }
}

/// Two figures of the report and what was worked out from them.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Worked<'a> {
    pub operation: Operation,
    /// The figures in the order the answer names them: the higher first for a difference.
    pub first: &'a Indicator,
    pub second: &'a Indicator,
    /// The two numbers as the working shows them.
    pub operands: (f64, f64),
    /// The worked-out number.
    pub result: f64,
    /// Decimal places the result and the working are written with.
    pub places: usize,
    /// The unit of a difference or a sum (个百分点 for two rates); `""` for a ratio or a share.
    pub unit: &'static str,
    pub bound: Bound,
}

impl Operation {
    /// The figure worked out from two, or `None` when they do not combine honestly: a level and a change
    /// (279亿元 and 净增83.4亿元) share a unit but not a meaning.
    pub(super) fn apply<'a>(
        self,
        first: &'a Indicator,
        second: &'a Indicator,
    ) -> Option<Worked<'a>> {
        // Things added (增加公交站亭255座) are counted as things built are (新建学校20所): no change of a level.
        let is_change = |figure: &Indicator| {
            figure.states_change()
                && !(figure.change == Some(ChangeKind::Increase) && counts_things(figure))
        };
        if is_change(first) != is_change(second) {
            return None;
        }
        match self {
            Operation::Difference => difference(first, second),
            Operation::Sum => sum(first, second),
            Operation::Ratio | Operation::Share => divided(self, first, second),
        }
    }
}

impl Worked<'_> {
    /// The answer in Chinese: both figures as labelled in the report, the worked-out figure, and the
    /// arithmetic shown.
    pub(super) fn in_chinese(&self) -> String {
        let labels = format!(
            "{}；{}。",
            indicator_answer(self.first),
            indicator_answer(self.second)
        );
        let (x, y) = self.operands;
        let (places, unit) = (self.places, self.unit);
        let result = plain(self.result, places);
        match self.operation {
            Operation::Difference if self.result == 0.0 => format!("{labels}两个数字相同。"),
            Operation::Difference
                if matches!(self.bound, Bound::LowerBounds | Bound::UpperBounds) =>
            {
                let bounds = if self.bound == Bound::LowerBounds {
                    "下限"
                } else {
                    "上限"
                };
                let more = if unit == "个百分点" { "高" } else { "多" };
                format!(
                    "{labels}前者的{bounds}比后者的{bounds}{more}{result}{unit}（推算：{} − {}，由报告的这两个数字算出）",
                    plain(x, places),
                    plain(y, places)
                )
            }
            Operation::Difference => {
                let (before, after) = match self.bound {
                    Bound::Exact => ("", ""),
                    Bound::About => ("", "约"),
                    Bound::AtLeast => ("至少", ""),
                    Bound::AtMost => ("至多", ""),
                    Bound::AtLeastAbout => ("至少", "约"),
                    Bound::AtMostAbout => ("至多", "约"),
                    Bound::LowerBounds | Bound::UpperBounds => ("", ""),
                };
                let more = if unit == "个百分点" { "高" } else { "多" };
                format!(
                    "{labels}前者比后者{before}{more}{after}{result}{unit}（推算：{} − {}，由报告的这两个数字算出）",
                    plain(x, places),
                    plain(y, places)
                )
            }
            Operation::Sum => {
                let before = self.bound.before_total();
                format!(
                    "{labels}两项合计{before}{result}{unit}（推算：{} + {}，由报告的这两个数字算出）",
                    plain(x, places),
                    plain(y, places)
                )
            }
            Operation::Ratio => format!(
                "{labels}前者约是后者的{result}倍（推算：{} ÷ {}，由报告的这两个数字算出）",
                plain(x, decimals(x)),
                plain(y, decimals(y))
            ),
            Operation::Share => format!(
                "{labels}前者约占后者的{result}%（推算：{} ÷ {} × 100%，由报告的这两个数字算出）",
                plain(x, decimals(x)),
                plain(y, decimals(y))
            ),
        }
    }
}

/// Measure words of things counted one by one (座 of bus shelters, 辆 of buses): two counts of different
/// things still differ or add up by a number of things, said with 个 (增加公交站亭255座, 更换公交车179辆:
/// 多76个). People (人, 名) and households (户) are no things; amounts (吨, 亩) never meet a count.
const THING_COUNTERS: &[&str] = &["个", "家", "所", "座", "条", "项", "辆", "件", "套", "处"];

/// Whether a figure counts things one by one (in [`THING_COUNTERS`]).
fn counts_things(figure: &Indicator) -> bool {
    figure
        .unit
        .as_deref()
        .is_some_and(|unit| THING_COUNTERS.contains(&unit))
}

/// [`shared_unit`], or 个 for two counts of different things.
fn counted_unit(a: &Indicator, b: &Indicator) -> Option<&'static str> {
    shared_unit(a, b).or_else(|| (counts_things(a) && counts_things(b)).then_some("个"))
}

/// Both figures, the higher first, and by how much the higher exceeds the lower.
fn difference<'a>(a: &'a Indicator, b: &'a Indicator) -> Option<Worked<'a>> {
    let unit = counted_unit(a, b)?;
    let (x, y) = (a.number?, b.number?);
    let (first, second, high, low) = if x >= y { (a, b, x, y) } else { (b, a, y, x) };
    let bound = hedge(first.qualifier, second.qualifier)?;
    let places = decimals(x).max(decimals(y));
    Some(Worked {
        operation: Operation::Difference,
        first,
        second,
        operands: (high, low),
        result: high - low,
        places,
        unit,
        bound,
    })
}

/// Two counts of one unit together: never two rates (growth rates do not add).
fn sum<'a>(a: &'a Indicator, b: &'a Indicator) -> Option<Worked<'a>> {
    let unit = counted_unit(a, b)?;
    if unit == "个百分点" {
        return None;
    }
    let (x, y) = (a.number?, b.number?);
    let bound = sum_hedge(a.qualifier, b.qualifier)?;
    Some(Worked {
        operation: Operation::Sum,
        first: a,
        second: b,
        operands: (x, y),
        result: x + y,
        places: decimals(x).max(decimals(y)),
        unit,
        bound,
    })
}

/// How many times the first figure is the second (a ratio), or what share of it in per cent: amounts of
/// one unit, neither hedged (至少 ÷ 至多 bounds nothing), never rates (a ratio of two growth rates means
/// nothing), and no zero divisor.
fn divided<'a>(operation: Operation, a: &'a Indicator, b: &'a Indicator) -> Option<Worked<'a>> {
    let unit = shared_unit(a, b)?;
    let (x, y) = (a.number?, b.number?);
    let divides = unit != "个百分点" && y != 0.0 && a.qualifier.is_none() && b.qualifier.is_none();
    if !divides {
        return None;
    }
    let (result, places) = if operation == Operation::Share {
        (100.0 * x / y, SHARE_PLACES)
    } else {
        (x / y, RATIO_PLACES)
    };
    Some(Worked {
        operation,
        first: a,
        second: b,
        operands: (x, y),
        result,
        places,
        unit: "",
        bound: Bound::About,
    })
}

/// The unit of the difference: percentage points for two rates, the shared unit for two amounts; `None`
/// for units that do not subtract (亿元 and %, 万吨 and 万亩).
pub(super) fn shared_unit(a: &Indicator, b: &Indicator) -> Option<&'static str> {
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

/// How sure the difference is, given the figures' own hedges: about when either is "about", at least when
/// the higher one is at least something (or the lower one at most), at most when the lower one is at least
/// something (or the higher one at most), at least or at most about when one side is a bound and the other
/// about something (9%以上 against 8%左右), a difference of the bounds when both are bounds the same way
/// (10%以上 against 9%以上); `None` when bounds point different ways and leave the difference unknown.
pub(super) fn hedge(high: Option<Qualifier>, low: Option<Qualifier>) -> Option<Bound> {
    use Qualifier::{About, AtLeast, AtMost, NoLessThan, Over};
    match (high, low) {
        (None, None) => Some(Bound::Exact),
        (Some(About), None | Some(About)) | (None, Some(About)) => Some(Bound::About),
        (Some(AtLeast | NoLessThan | Over), None) | (None, Some(AtMost)) => Some(Bound::AtLeast),
        (None, Some(AtLeast | NoLessThan | Over)) | (Some(AtMost), None) => Some(Bound::AtMost),
        (Some(AtLeast | NoLessThan | Over), Some(About)) | (Some(About), Some(AtMost)) => {
            Some(Bound::AtLeastAbout)
        }
        (Some(About), Some(AtLeast | NoLessThan | Over)) | (Some(AtMost), Some(About)) => {
            Some(Bound::AtMostAbout)
        }
        (Some(AtLeast | NoLessThan | Over), Some(AtLeast | NoLessThan | Over)) => {
            Some(Bound::LowerBounds)
        }
        (Some(AtMost), Some(AtMost)) => Some(Bound::UpperBounds),
        _ => None,
    }
}

/// How sure a sum is: about with an "about", at least when lower bounds add up; `None` when the bounds
/// point different ways.
pub(super) fn sum_hedge(a: Option<Qualifier>, b: Option<Qualifier>) -> Option<Bound> {
    use Qualifier::{About, AtLeast, NoLessThan, Over};
    let lower = |q: Option<Qualifier>| matches!(q, None | Some(AtLeast | NoLessThan | Over));
    match (a, b) {
        (None, None) => Some(Bound::Exact),
        (Some(About), None | Some(About)) | (None, Some(About)) => Some(Bound::About),
        _ if lower(a) && lower(b) => Some(Bound::AtLeast),
        _ => None,
    }
}

/// The decimal places a figure is written with (15.3 → 1): a worked-out figure shows no more than its
/// sources.
pub(super) fn decimals(value: f64) -> usize {
    let text = value.to_string();
    text.split_once('.')
        .map_or(0, |(_, fraction)| fraction.len())
}

pub(super) fn plain(value: f64, places: usize) -> String {
    format!("{value:.places$}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bound_the_difference_cannot_cross_is_no_answer() {
        assert_eq!(hedge(None, None), Some(Bound::Exact));
        assert_eq!(hedge(Some(Qualifier::About), None), Some(Bound::About));
        assert_eq!(hedge(Some(Qualifier::AtLeast), None), Some(Bound::AtLeast));
        assert_eq!(hedge(None, Some(Qualifier::Over)), Some(Bound::AtMost));
        assert_eq!(
            hedge(Some(Qualifier::AtLeast), Some(Qualifier::AtLeast)),
            Some(Bound::LowerBounds)
        );
        assert_eq!(
            hedge(Some(Qualifier::AtLeast), Some(Qualifier::AtMost)),
            None
        );
        assert_eq!(
            hedge(Some(Qualifier::AtLeast), Some(Qualifier::About)),
            Some(Bound::AtLeastAbout)
        );
        assert_eq!(
            hedge(Some(Qualifier::About), Some(Qualifier::Over)),
            Some(Bound::AtMostAbout)
        );
        assert_eq!(
            sum_hedge(Some(Qualifier::AtLeast), None),
            Some(Bound::AtLeast)
        );
        assert_eq!(sum_hedge(Some(Qualifier::AtMost), None), None);
    }
}
