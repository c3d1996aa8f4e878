//! Figures the question itself quotes from the report, with the arithmetic asked of them: 1050万人取证占
//! 1500万人次培训的百分之几, 279亿比2017年净增83.4亿、那2017年是多少, 13万亩产60万吨、一亩产多少吨. The
//! asker has found the figures and wants them worked; the search would answer with one of them, or with
//! another figure. Each quoted figure must be written in the report, so nothing is worked from a number
//! the report does not state, and the sentences that state them are cited.

use crate::knowledge::Report;
use crate::search::normalize::is_han;

use super::super::types::{Hit, Outcome};
use super::weights::{RATIO_PLACES, SHARE_PLACES};
use super::worked::{decimals, plain};
use super::Engine;

/// Scale words after a number (1050万, 83.4亿) and what they multiply by.
const SCALES: &[(&str, f64)] = &[("亿", 1e8), ("万", 1e4), ("千", 1e3)];

/// Units a quoted figure may carry, longest first where one holds another (人次 before 人).
const UNITS: &[&str] = &[
    "%",
    "人次",
    "千瓦时",
    "公里",
    "元",
    "人",
    "亩",
    "吨",
    "户",
    "个",
    "家",
    "座",
    "所",
    "天",
    "头",
    "项",
    "名",
    "辆",
    "套",
];

/// Words before a figure that make it a change of the other (净增83.4亿): the other's earlier level is
/// it taken away; after 减少 it is added.
const RISES: &[&str] = &["净增", "增加了", "增加", "增长了", "多了", "提高了", "新增"];
const FALLS: &[&str] = &["减少了", "减少", "下降了", "下降", "少了"];

/// How far before a figure a change word may stand (净增了 83.4亿): a few characters, not a clause away.
const CHANGE_WORD_REACH: usize = 3;

/// Words that ask for one figure as a share of the other (百分之几, 比例).
const SHARE_ASKED: &[&str] = &[
    "百分之几",
    "百分之多少",
    "多少%",
    "几%",
    "比例",
    "比重",
    "几成",
];
/// Words that ask for a figure per unit of the other (平均一亩, 每户).
const PER_ASKED: &[&str] = &["平均", "每", "一亩", "一户", "一人", "人均"];
/// Words that ask for the gap between the two (相差, 多多少).
const GAP_ASKED: &[&str] = &[
    "相差",
    "差多少",
    "差几",
    "多多少",
    "少多少",
    "高多少",
    "低多少",
    "多出",
];
/// Words that ask for the two together (一共, 合计).
const SUM_ASKED: &[&str] = &["一共", "合计", "总共", "共计", "加起来", "加在一起"];
/// Words that ask how many times one is the other (几倍).
const TIMES_ASKED: &[&str] = &["几倍", "多少倍"];
/// Words that ask for an amount: the total a share is of, the level before a change.
const AMOUNT_ASKED: &[&str] = &["多少", "几"];

/// One figure as the question writes it.
#[derive(Debug, Clone, PartialEq)]
struct Quoted {
    /// The number times its scale.
    value: f64,
    /// The number with its scale and unit as written (1050万人, 60%), and the part the report must say.
    written: String,
    stated: String,
    /// The number's own decimals, its scale word and its unit.
    places: usize,
    scale: &'static str,
    scale_value: f64,
    unit: &'static str,
    /// Byte offset in the question.
    at: usize,
}

/// The figures a question writes with a scale or a unit (years and ordinals are neither).
fn quoted(normalized: &str) -> Vec<Quoted> {
    let mut found = Vec::new();
    let bytes = normalized.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let starts = bytes[at].is_ascii_digit() && (at == 0 || !bytes[at - 1].is_ascii_digit());
        if !starts {
            at += 1;
            continue;
        }
        let end = at
            + normalized[at..]
                .find(|c: char| !c.is_ascii_digit() && c != '.')
                .unwrap_or(normalized.len() - at);
        let digits = normalized[at..end].trim_end_matches('.');
        let after = &normalized[end..];
        let (scale, scale_value) = SCALES
            .iter()
            .find(|(word, _)| after.starts_with(word))
            .map_or(("", 1.0), |&(word, value)| (word, value));
        let after_scale = &after[scale.len()..];
        let unit = UNITS
            .iter()
            .find(|unit| after_scale.starts_with(*unit))
            .copied()
            .unwrap_or("");
        let bound = bounds_category(after_scale);
        let is_year = after.starts_with('年') || normalized[..at].ends_with('第') || bound;
        if let (false, Ok(number)) = (
            is_year || scale.is_empty() && unit.is_empty(),
            digits.parse::<f64>(),
        ) {
            let stated = if scale.is_empty() {
                format!("{digits}{unit}")
            } else {
                format!("{digits}{scale}")
            };
            found.push(Quoted {
                value: number * scale_value,
                written: format!("{digits}{scale}{unit}"),
                stated,
                places: decimals(number),
                scale,
                scale_value,
                unit,
                at,
            });
        }
        at = end.max(at + 1);
    }
    found
}

/// What was worked out, in words, and the figures it came from.
struct Working {
    line: String,
    figures: [Quoted; 2],
}

/// The working a question asks of its two quoted figures, or `None` when it asks none of them or the two
/// do not combine (a share and a level are no pair to subtract).
fn worked(normalized: &str, a: &Quoted, b: &Quoted) -> Option<Working> {
    let says = |words: &[&str]| words.iter().any(|word| normalized.contains(word));
    let percent = |figure: &Quoted| figure.unit == "%";
    let number = |value: f64, places: usize| plain(value, places);
    let in_scale = |value: f64, like: &Quoted| {
        format!(
            "{}{}{}",
            number(
                value / like.scale_value,
                like.places.max(decimals_of(value / like.scale_value))
            ),
            like.scale,
            like.unit
        )
    };
    // A zero divides nothing and is a change of nothing: no working from it.
    if a.value <= 0.0 || b.value <= 0.0 {
        return None;
    }
    let pair = [a.clone(), b.clone()];
    if says(SHARE_ASKED) && !percent(a) && !percent(b) {
        let (part, whole) = ordered_by_share(normalized, a, b);
        let share = part.value / whole.value * 100.0;
        return Some(Working {
            line: format!(
                "{}约占{}的{}%（推算：{} ÷ {} × 100%）",
                part.written,
                whole.written,
                number(share, SHARE_PLACES),
                part.written,
                whole.written
            ),
            figures: pair,
        });
    }
    if percent(a) != percent(b) && normalized.contains('占') && says(AMOUNT_ASKED) {
        let (rate, amount) = if percent(a) { (a, b) } else { (b, a) };
        if rate.value <= 0.0 || rate.at < amount.at || asks_other_unit(normalized, amount) {
            return None;
        }
        let whole = amount.value / (rate.value / 100.0);
        return Some(Working {
            line: format!(
                "总量约{}（推算：{} ÷ {}）",
                in_scale(whole, amount),
                amount.written,
                rate.written
            ),
            figures: pair,
        });
    }
    if percent(a) || percent(b) {
        return None;
    }
    if says(TIMES_ASKED) {
        return Some(Working {
            line: format!(
                "{}约是{}的{}倍（推算：{} ÷ {}）",
                a.written,
                b.written,
                number(a.value / b.value, RATIO_PLACES),
                a.written,
                b.written
            ),
            figures: pair,
        });
    }
    if says(PER_ASKED) && a.unit != b.unit {
        // The unit asked after 多少 is what is counted per unit of the other (一亩产多少吨: 吨 per 亩).
        let asked_unit = AMOUNT_ASKED
            .iter()
            .filter_map(|word| {
                normalized
                    .find(word)
                    .map(|at| &normalized[at + word.len()..])
            })
            .find_map(|after| {
                [a, b]
                    .into_iter()
                    .find(|figure| !figure.unit.is_empty() && after.starts_with(figure.unit))
            })?;
        let per = if std::ptr::eq(asked_unit, a) { b } else { a };
        let value = asked_unit.value / per.value;
        return Some(Working {
            line: format!(
                "每{}约{}{}（推算：{} ÷ {}）",
                per.unit,
                number(value, RATIO_PLACES),
                asked_unit.unit,
                asked_unit.written,
                per.written
            ),
            figures: pair,
        });
    }
    if a.unit != b.unit || asks_other_unit(normalized, a) {
        return None;
    }
    if says(GAP_ASKED) {
        let (high, low) = if a.value >= b.value { (a, b) } else { (b, a) };
        return Some(Working {
            line: format!(
                "{}比{}多{}（推算：{} − {}）",
                high.written,
                low.written,
                in_scale(high.value - low.value, high),
                high.written,
                low.written
            ),
            figures: pair,
        });
    }
    if says(SUM_ASKED) {
        return Some(Working {
            line: format!(
                "两项合计{}（推算：{} + {}）",
                in_scale(a.value + b.value, a),
                a.written,
                b.written
            ),
            figures: pair,
        });
    }
    let change_before = |figure: &Quoted, words: &[&str]| {
        let before: String = normalized[..figure.at]
            .chars()
            .rev()
            .take(CHANGE_WORD_REACH + 1)
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        words.iter().any(|word| before.contains(word))
    };
    for (level, change) in [(a, b), (b, a)] {
        let rose = change_before(change, RISES);
        let fell = change_before(change, FALLS);
        if rose == fell || change_before(level, RISES) || change_before(level, FALLS) {
            continue;
        }
        if !says(AMOUNT_ASKED) {
            return None;
        }
        let earlier = if rose {
            level.value - change.value
        } else {
            level.value + change.value
        };
        let sign = if rose { "−" } else { "+" };
        return Some(Working {
            line: format!(
                "此前为{}（推算：{} {sign} {}）",
                in_scale(earlier, level),
                level.written,
                change.written
            ),
            figures: pair,
        });
    }
    None
}

/// Whether the question asks its amount in a unit or scale `figure` is not in (合计多少个 of 10亿 and 5亿:
/// a count of projects, not a sum of money).
fn asks_other_unit(normalized: &str, figure: &Quoted) -> bool {
    AMOUNT_ASKED
        .iter()
        .filter_map(|word| {
            normalized
                .find(word)
                .map(|at| &normalized[at + word.len()..])
        })
        .any(|after| {
            let names_unit = UNITS
                .iter()
                .chain(SCALES.iter().map(|(word, _)| word))
                .any(|word| after.starts_with(word));
            let own = [figure.scale, figure.unit]
                .iter()
                .any(|word| !word.is_empty() && after.starts_with(word));
            names_unit && !own
        })
}

/// The decimals a worked figure needs to show, at most [`RATIO_PLACES`]: 195.6 keeps one, 5000 none.
fn decimals_of(value: f64) -> usize {
    let rounded = plain(value, RATIO_PLACES);
    let kept = rounded.trim_end_matches('0');
    kept.split_once('.')
        .map_or(0, |(_, fraction)| fraction.len())
}

/// The part and the whole of a share asked: the figure before 占 is the part; else the smaller.
fn ordered_by_share<'q>(
    normalized: &str,
    a: &'q Quoted,
    b: &'q Quoted,
) -> (&'q Quoted, &'q Quoted) {
    let share_word = normalized.find('占');
    match share_word {
        Some(at) if a.at < at && at < b.at => (a, b),
        Some(at) if b.at < at && at < a.at => (b, a),
        _ if a.value <= b.value => (a, b),
        _ => (b, a),
    }
}

/// Words after a number that make it the bound of a category when a noun follows them (投资10亿元以上
/// 项目), not a figure; before a stop they hedge one (60%以上, 60万吨以上;).
const BOUNDS: &[&str] = &["以上", "元以上", "以下", "元以下"];

/// Whether `after` (the text after a number) makes the number a category's bound.
fn bounds_category(after: &str) -> bool {
    BOUNDS.iter().any(|bound| {
        after
            .strip_prefix(bound)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_han)
    })
}

/// Whether `text` states `figure` as a figure somewhere, not only as a category's bound.
fn states(text: &str, figure: &str) -> bool {
    text.match_indices(figure).any(|(at, _)| {
        // 5亿 is not stated by 2.5亿.
        let inside_number = text[..at].ends_with(|c: char| c.is_ascii_digit() || c == '.');
        let after = &text[at + figure.len()..];
        !inside_number && !bounds_category(after)
    })
}

/// The id of the first sentence or glossary entry of `report` that states `stated` as a figure.
fn stating_unit<'r>(report: &'r Report, stated: &str) -> Option<&'r str> {
    report
        .sentences()
        .find(|sentence| states(&sentence.text, stated))
        .map(|sentence| sentence.id.as_str())
        .or_else(|| {
            report
                .glossary
                .iter()
                .find(|entry| states(&entry.explanation, stated))
                .map(|entry| entry.id.as_str())
        })
}

impl Engine {
    /// The arithmetic a question asks of two figures it quotes from the report, with the units that state
    /// them cited; `None` unless it quotes exactly two, both written in the report, and asks a working.
    pub(super) fn stated_outcome(&self, normalized: &str) -> Option<Outcome> {
        let figures = quoted(normalized);
        let [a, b] = figures.as_slice() else {
            return None;
        };
        let report = self.library.latest();
        let working = worked(normalized, a, b)?;
        let sources: Vec<&str> = working
            .figures
            .iter()
            .map(|figure| stating_unit(report, &figure.stated))
            .collect::<Option<_>>()?;
        let mut hits: Vec<Hit> = Vec::new();
        for id in sources {
            let hit = self.chosen_hit(self.catalog.doc_of(id)?);
            if !hits.iter().any(|known| known.id == hit.id) {
                hits.push(hit);
            }
        }
        let direct = format!("按报告的数字推算：{}。", working.line);
        Some(self.chosen_answer(Some(direct), hits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(question: &str) -> Option<String> {
        let figures = quoted(question);
        let [a, b] = figures.as_slice() else {
            return None;
        };
        worked(question, a, b).map(|working| working.line)
    }

    #[test]
    fn figures_are_read_with_their_scale_and_unit_and_years_are_not() {
        let figures = quoted("2021年gdp是279亿,比2017年净增83.4亿");
        let written: Vec<&str> = figures.iter().map(|f| f.written.as_str()).collect();
        assert_eq!(written, ["279亿", "83.4亿"]);
        assert!((figures[1].value - 83.4e8).abs() < 1.0);
        assert!(quoted("第3项是什么").is_empty());
    }

    #[test]
    fn the_working_asked_is_done_on_the_two_figures() {
        assert_eq!(
            line("1050万人取证占1500万人次培训的百分之几").as_deref(),
            Some("1050万人约占1500万人次的70.0%（推算：1050万人 ÷ 1500万人次 × 100%）")
        );
        assert!(line("279亿比2017年净增83.4亿,那2017年是多少亿")
            .is_some_and(|line| line.starts_with("此前为195.6亿")));
        assert!(line("持证3000万人占从业人员60%,从业人员约多少万人")
            .is_some_and(|line| line.starts_with("总量约5000万人")));
        assert!(line("13万亩产60万吨,平均一亩产多少吨")
            .is_some_and(|line| line.starts_with("每亩约4.62吨")));
        // Nothing asked of them, or a rate and a level subtracted: no working.
        assert_eq!(line("10亿以上和5亿以上项目一共多少个"), None);
        assert_eq!(line("10亿、5亿的项目合计多少个"), None);
        assert_eq!(line("0万人占1500万人次的百分之几"), None);
        assert!(states("超2.5亿元,投资5亿元", "5亿") && !states("超2.5亿元", "5亿"));
        assert!(states("占从业人员的60%以上,力争", "60%") && !states("引进10亿元以上项目", "10亿"));
        assert_eq!(line("279亿和83.4亿是什么"), None);
        assert_eq!(line("增长8%比279亿多多少"), None);
    }
}
