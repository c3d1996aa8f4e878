//! A kind of figure the question says it does not want (不是年均, 不要五年累计的, 不是提高了多少, not the
//! five-year average): the words are taken out before the question is read, so that they do not ask for
//! that kind, and the figures of that kind are taken out of the candidates, so that the answer is the
//! other kind or a refusal, never the one refused.

use crate::knowledge::{FigureKind, Indicator, Period};

use super::super::catalog::Unit;
use super::sides::is_target;
use super::{Engine, Ranking};

/// Words that negate what follows them in the same clause.
const NEGATORS: &[&str] = &[
    "不是",
    "不要",
    "不算",
    "并非",
    "而非",
    "别给",
    "别算",
    "不用",
    "不包括",
    "not ",
    "rather than ",
    "instead of ",
    "excluding ",
];

/// Whether `word` is said only in a clause a negator opens (农村公路 of 不算农村公路桥): the question
/// does not ask about it.
pub(super) fn in_negated_clause(question: &str, word: &str) -> bool {
    let mut said = question.match_indices(word).peekable();
    said.peek().is_some()
        && said.all(|(at, _)| {
            let before = &question[..at];
            let clause = before
                .rfind(is_clause_end)
                .map_or(before, |end| &before[end..]);
            NEGATORS.iter().any(|negator| clause.contains(negator))
        })
}

/// A kind of figure a question can refuse, by the words that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A yearly average (年均增长7.2%).
    Average,
    /// Any figure over the five years (累计, 较2017年, 年均).
    FiveYears,
    /// A change rather than a level (提高了多少, 增长了多少).
    Change,
    /// A target rather than what was done (目标, 计划).
    Target,
}

/// The words that name each kind, the first matching kind winning (年均 before 五年: 不是五年年均 refuses the
/// average, which is also over five years).
const KIND_WORDS: &[(Kind, &[&str])] = &[
    (Kind::Average, &["年均", "平均", "average", "annual rate"]),
    (
        Kind::FiveYears,
        &[
            "累计",
            "五年",
            "5年",
            "一共",
            "总共",
            "合计",
            "总数",
            "five-year",
            "five year",
            "cumulative",
            "total",
        ],
    ),
    (
        Kind::Change,
        &[
            "提高", "增长", "增加", "净增", "较", "增幅", "增速", "涨了", "变化", "多了", "growth",
            "increase", "rise", "rose", "change",
        ],
    ),
    (
        Kind::Target,
        &["目标", "计划", "预期", "target", "goal", "plan"],
    ),
];

/// What a question says it does not want: the question without those words, and the kinds refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Negated {
    pub text: String,
    kinds: Vec<Kind>,
}

impl Negated {
    /// Reads `question` (as the user wrote it, before normalising: the negated clause is cut at its
    /// punctuation). A negated clause that names no kind of figure (不算农村公路桥) is left as it is.
    pub(super) fn read(question: &str) -> Negated {
        // Most questions negate nothing: one pass for the first letters of the negators spares the rest.
        let may_negate = question.chars().any(|c| {
            let c = c.to_ascii_lowercase();
            NEGATORS.iter().any(|negator| negator.starts_with(c))
        });
        if !may_negate {
            return Negated {
                text: question.to_owned(),
                kinds: Vec::new(),
            };
        }
        let lower = question.to_lowercase();
        let mut text = String::with_capacity(question.len());
        let mut kinds = Vec::new();
        let mut rest = lower.as_str();
        while let Some((at, negator)) = NEGATORS
            .iter()
            .filter_map(|negator| rest.find(negator).map(|at| (at, *negator)))
            .min()
        {
            let after = &rest[at + negator.len()..];
            // 是不是, 要不要, 算不算 ask yes or no; they negate nothing.
            let doubled = negator
                .strip_prefix('不')
                .is_some_and(|verb| !verb.is_empty() && rest[..at].ends_with(verb));
            if doubled {
                text.push_str(&rest[..at + negator.len()]);
                rest = after;
                continue;
            }
            let end = after.find(is_clause_end).unwrap_or(after.len());
            let clause = &after[..end];
            let kind = KIND_WORDS
                .iter()
                .find(|(_, words)| words.iter().any(|word| clause.contains(word)))
                .map(|(kind, _)| *kind);
            match kind {
                Some(kind) => {
                    text.push_str(&rest[..at]);
                    kinds.push(kind);
                }
                None => text.push_str(&rest[..at + negator.len() + end]),
            }
            rest = &after[end..];
        }
        if kinds.is_empty() {
            return Negated {
                text: question.to_owned(),
                kinds,
            };
        }
        text.push_str(rest);
        Negated { text, kinds }
    }

    /// Whether the question refuses figures of this one's kind.
    pub(super) fn refuses(&self, figure: &Indicator) -> bool {
        self.kinds.iter().any(|kind| match kind {
            Kind::Average => figure.kind == FigureKind::YearlyAverage,
            Kind::FiveYears => matches!(figure.period, Period::Years { .. }),
            Kind::Change => figure.states_change(),
            Kind::Target => is_target(figure.kind),
        })
    }

    /// Whether the question refuses every figure of this kind and period (a change is told by its record,
    /// not its kind: 增长8% is a result).
    fn refuses_kind(&self, kind: FigureKind, period: Period) -> bool {
        self.kinds.iter().any(|refused| match refused {
            Kind::Average => kind == FigureKind::YearlyAverage,
            Kind::FiveYears => matches!(period, Period::Years { .. }),
            Kind::Change => kind == FigureKind::ChangeSinceBase,
            Kind::Target => is_target(kind),
        })
    }

    pub(super) fn any(&self) -> bool {
        !self.kinds.is_empty()
    }
}

impl Engine {
    /// Takes the figures of the kinds the question refuses out of its candidates; `true` when what is left
    /// at the top is a figure of another year than the one asked (去年当年新增就业，不要五年累计的 leaves
    /// only this year's target): the question is then one the report does not answer.
    pub(super) fn drop_refused(&self, ranking: &mut Ranking, negated: &Negated) -> bool {
        if !negated.any() {
            return false;
        }
        let figure = |doc: u32| match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => {
                Some(&self.library.reports[report].indicators[index])
            }
            _ => None,
        };
        // A sentence all of whose figures are of a refused kind (累计新增城镇就业3.8万人) answers with them.
        let refused_sentence = |doc: u32| {
            let figures = self.catalog.figures(doc);
            !figures.is_empty()
                && figures
                    .iter()
                    .all(|&(kind, period)| negated.refuses_kind(kind, period))
        };
        ranking.ranked.retain(|scored| match figure(scored.doc) {
            Some(figure) => !negated.refuses(figure),
            None => !refused_sentence(scored.doc),
        });
        let years = &ranking.question.time.years;
        ranking
            .ranked
            .first()
            .and_then(|best| figure(best.doc))
            .is_some_and(|best| {
                !years.is_empty() && !years.iter().any(|year| best.period.years().contains(year))
            })
    }
}

/// Punctuation that ends a negated clause (，。？）, . ? ;).
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '？' | '！' | '）' | '；' | '、' | ',' | '.' | '?' | '!' | ')' | ';'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negated_kind_is_cut_out_and_remembered() {
        let negated = Negated::read("去年规上工业增加值增长了多少？我要的是2021年当年的，不是年均");
        assert_eq!(negated.kinds, vec![Kind::Average]);
        assert!(!negated.text.contains("年均"));
        let negated = Negated::read("今年城镇新增就业目标（不是五年累计）");
        assert_eq!(negated.kinds, vec![Kind::FiveYears]);
        assert_eq!(negated.text, "今年城镇新增就业目标（）");
        let negated = Negated::read("2021年城镇化率的水平是多少（不是提高了多少）");
        assert_eq!(negated.kinds, vec![Kind::Change]);
        // A negated thing, not a kind of figure, stays.
        let kept = Negated::read("城区这几年新建改建了几座桥（不算农村公路桥）");
        assert!(!kept.any());
        assert!(!Negated::read("生产总值是不是年均增长7.2%").any());
        assert_eq!(kept.text, "城区这几年新建改建了几座桥（不算农村公路桥）");
        let english = Negated::read("GDP growth in 2021, not the five-year average");
        assert_eq!(english.kinds, vec![Kind::Average]);
    }
}
