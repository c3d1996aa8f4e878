//! Statements in one clause: figures (a number with a unit, hedged or not) and what they are the value
//! of, or a statement without a number where the place asks for one (main targets, list items).

use std::sync::LazyLock;

use regex::Regex;

use super::names::{
    after_list_etc, is_noun_use, strip_leading, verb_before, COMPARISON_MARKS, VERBS,
};
use crate::knowledge::model::{ChangeKind, Qualifier};
use crate::knowledge::text;

/// Units a figure may carry, longest first so that `个百分点` wins over `个`.
const UNITS: [&str; 38] = [
    "个百分点",
    "亿千瓦时",
    "万千瓦时",
    "千瓦时",
    "平方公里",
    "平方米",
    "亿元",
    "万元",
    "元",
    "万亩",
    "亩",
    "万吨",
    "吨",
    "万人次",
    "人次",
    "万人",
    "人",
    "名",
    "万户",
    "户",
    "家",
    "个",
    "所",
    "座",
    "条",
    "公里",
    "千米",
    "辆",
    "项",
    "天",
    "套",
    "场",
    "件",
    "万头",
    "头",
    "张",
    "%",
    "％",
];

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    let units = UNITS.map(regex::escape).join("|");
    Regex::new(&format!(
        r"(?P<pre>超过|超|不少于|不低于|约)?(?P<num>\d+(?:\.\d+)?)(?P<more>多|余)?(?P<unit>{units})(?P<post>左右|以上|以内|以下)?"
    ))
    .expect("valid figure regex")
});

/// A statement found in the text before it becomes an [`Indicator`].
#[derive(Debug, Clone)]
pub(super) struct Statement {
    pub(super) metric: String,
    pub(super) value_text: String,
    pub(super) figure: Option<Figure>,
    pub(super) change: Option<ChangeKind>,
}

#[derive(Debug, Clone)]
pub(super) struct Figure {
    pub(super) number: f64,
    pub(super) unit: String,
    pub(super) qualifier: Option<Qualifier>,
}

/// A figure found in a clause, with byte offsets of its whole match.
struct Found {
    start: usize,
    end: usize,
    figure: Figure,
}

fn figures(text: &str) -> Vec<Found> {
    FIGURE
        .captures_iter(text)
        .filter_map(|captures| {
            let whole = captures.get(0)?;
            // `第11届` is a rank, not a figure.
            if text[..whole.start()].ends_with('第') {
                return None;
            }
            let qualifier = match (
                captures.name("pre").map(|m| m.as_str()),
                captures.name("more").is_some(),
                captures.name("post").map(|m| m.as_str()),
            ) {
                (_, _, Some("左右")) | (Some("约"), _, _) => Some(Qualifier::About),
                (_, _, Some("以上")) => Some(Qualifier::AtLeast),
                (_, _, Some("以内" | "以下")) => Some(Qualifier::AtMost),
                (Some("不少于" | "不低于"), _, _) => Some(Qualifier::NoLessThan),
                (Some(_), _, _) | (_, true, _) => Some(Qualifier::Over),
                _ => None,
            };
            Some(Found {
                start: whole.start(),
                end: whole.end(),
                figure: Figure {
                    number: captures["num"].parse().ok()?,
                    unit: captures["unit"].replace('％', "%"),
                    qualifier,
                },
            })
        })
        .collect()
}

/// Statements with figures in one clause. `last_change` carries a verb over to items and clauses that
/// have none of their own (`新增农民合作社116家、家庭农场328家`).
pub(super) fn figure_statements(
    clause: &str,
    last_change: &mut Option<Option<ChangeKind>>,
) -> Vec<Statement> {
    let mut statements = Vec::new();
    for item in items_with_figures(clause) {
        let found = figures(item);
        let Some(last) = found.last() else {
            continue;
        };
        // The value is the last figure and any figures right before it (`16406户45576名`); earlier
        // figures describe the metric (`投资10亿元以上项目1个`).
        let mut run_start = found.len() - 1;
        while run_start > 0 && found[run_start - 1].end == found[run_start].start {
            run_start -= 1;
        }
        let values = &found[run_start..];
        let first = &values[0];
        let left = &item[..first.start];
        let right = item[last.end..].trim();
        let verb = verb_before(left);
        let has_right = right.chars().any(char::is_alphanumeric);
        let (metric, leading_change) = if has_right && verb.is_some() {
            (right.to_string(), None)
        } else {
            let name = strip_leading(&left[..verb.as_ref().map_or(left.len(), |v| v.start)]);
            let leading = name.leading_change();
            if has_right {
                (format!("{}{right}", name.text), leading)
            } else {
                (name.text.to_string(), leading)
            }
        };
        let change = match (&verb, leading_change) {
            (Some(verb), _) if verb.known => verb.change,
            (_, Some(change)) => change,
            (Some(verb), None) => verb.change,
            (None, None) => last_change.flatten(),
        };
        if verb.is_some() || leading_change.is_some() {
            *last_change = Some(change);
        }
        let metric = after_list_etc(&metric);
        for (position, value) in values.iter().enumerate() {
            let value_start = match (&verb, position) {
                (Some(verb), 0) => verb.start,
                _ => value.start,
            };
            statements.push(Statement {
                metric: metric.clone(),
                value_text: item[value_start..value.end].to_string(),
                figure: Some(value.figure.clone()),
                change,
            });
        }
    }
    statements
}

/// The `、`-items of a clause that carry figures; items without one join the next (`新建、改扩建中小学校
/// 290所` is one item). Items after the last figure are dropped.
fn items_with_figures(clause: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut start = None;
    for (offset, piece) in text::enumeration(clause) {
        let item_start = *start.get_or_insert(offset);
        if !figures(piece).is_empty() {
            items.push(&clause[item_start..offset + piece.len()]);
            start = None;
        }
    }
    items
}

/// A statement without a number, for main targets and list items (`货物进出口总额保持平稳增长`,
/// `建成南水北调供水厂项目`).
pub(super) fn worded_statement(clause: &str) -> Option<Statement> {
    let name = strip_leading(clause);
    if name.text.is_empty() {
        return None;
    }
    if let Some((verb_start, change)) = name.verb {
        // The clause opened with a verb: the rest names what is done.
        return Some(Statement {
            metric: name.text.to_string(),
            value_text: clause[verb_start..name.start].to_string(),
            figure: None,
            change: Some(change),
        });
    }
    let predicates = VERBS
        .iter()
        .map(|(word, change)| (*word, *change))
        .chain(COMPARISON_MARKS.iter().map(|mark| (*mark, None)));
    let (at, change) = predicates
        .filter_map(|(word, change)| {
            name.text
                .match_indices(word)
                .map(|(at, _)| at)
                .find(|&at| at > 0 && !is_noun_use(&name.text[at + word.len()..]))
                .map(|at| (at, change))
        })
        .min_by_key(|(at, _)| *at)?;
    Some(Statement {
        metric: name.text[..at].to_string(),
        value_text: name.text[at..].to_string(),
        figure: None,
        change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(clause: &str) -> (String, String, Option<ChangeKind>) {
        let statements = figure_statements(clause, &mut None);
        assert_eq!(statements.len(), 1, "{clause}: {statements:?}");
        let s = &statements[0];
        (s.metric.clone(), s.value_text.clone(), s.change)
    }

    #[test]
    fn metric_before_verb() {
        assert_eq!(
            one("规模以上工业增加值增长8%以上"),
            (
                "规模以上工业增加值".into(),
                "增长8%以上".into(),
                Some(ChangeKind::Growth)
            )
        );
        assert_eq!(
            one("粮食总产保持在96万吨以上"),
            (
                "粮食总产".into(),
                "保持在96万吨以上".into(),
                Some(ChangeKind::Keep)
            )
        );
        assert_eq!(
            one("全县产值达到37.8万亩以上"),
            (
                "产值".into(),
                "达到37.8万亩以上".into(),
                Some(ChangeKind::Reach)
            )
        );
        assert_eq!(
            one("村集体经济收入均在12万元以上"),
            ("村集体经济收入".into(), "均在12万元以上".into(), None)
        );
    }

    #[test]
    fn verb_first_and_figure_first() {
        assert_eq!(
            one("力争新增农民合作社116家"),
            ("农民合作社".into(), "116家".into(), Some(ChangeKind::New))
        );
        assert_eq!(
            one("完成20个老旧小区提质改造"),
            (
                "老旧小区提质改造".into(),
                "完成20个".into(),
                Some(ChangeKind::Complete)
            )
        );
        assert_eq!(
            one("确保全年引进投资10亿元以上项目1个"),
            (
                "投资10亿元以上项目".into(),
                "1个".into(),
                Some(ChangeKind::New)
            )
        );
        assert_eq!(
            one("新建改造启航路、107国道城区段、北大街等主干道路32条"),
            ("主干道路".into(), "32条".into(), Some(ChangeKind::New))
        );
    }

    #[test]
    fn items_inherit_the_verb() {
        let statements = figure_statements("新增农民合作社116家、家庭农场328家", &mut None);
        let got: Vec<_> = statements
            .iter()
            .map(|s| (s.metric.as_str(), s.value_text.as_str(), s.change))
            .collect();
        assert_eq!(
            got,
            vec![
                ("农民合作社", "116家", Some(ChangeKind::New)),
                ("家庭农场", "328家", Some(ChangeKind::New))
            ]
        );
    }

    #[test]
    fn bare_numbers_are_not_figures() {
        assert!(figures("107国道城区段、5G智慧杆塔、2022年、第11届、300强").is_empty());
        let hedged = figures("超4000吨、3900多家、不少于5个、约7天");
        let qualifiers: Vec<_> = hedged.iter().map(|f| f.figure.qualifier).collect();
        assert_eq!(
            qualifiers,
            vec![
                Some(Qualifier::Over),
                Some(Qualifier::Over),
                Some(Qualifier::NoLessThan),
                Some(Qualifier::About)
            ]
        );
    }

    #[test]
    fn worded_targets() {
        let s = worded_statement("货物进出口总额保持平稳增长").unwrap();
        assert_eq!(
            (s.metric.as_str(), s.value_text.as_str()),
            ("货物进出口总额", "保持平稳增长")
        );
        let s = worded_statement("人均可支配收入与经济增长协调同步").unwrap();
        assert_eq!(
            (s.metric.as_str(), s.value_text.as_str()),
            ("人均可支配收入", "与经济增长协调同步")
        );
        let s = worded_statement("建成南水北调供水厂项目").unwrap();
        assert_eq!(
            (s.metric.as_str(), s.value_text.as_str(), s.change),
            ("南水北调供水厂项目", "建成", Some(ChangeKind::New))
        );
    }
}
