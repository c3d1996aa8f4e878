//! The two things a worked-out question names, one on each side of its joining word: 今年固投目标 | 比 |
//! 去年实际增速低多少, 合作社 | 和 | 家庭农场一共多少家, 城镇居民收入 | 是 | 农村居民的几倍. Each side is read
//! and ranked on its own, so that each figure is found by its own words (a figure named by half the
//! question covers too little of the whole to rank), and a side that names only a time or kind (去年,
//! 五年年均) means the other side's metric at that time.

use crate::knowledge::{change_verbs, FigureKind, Indicator, Period};
use crate::search::question::Question;

use super::{Engine, Scored};

/// Two figures a question names apart, in the order it names them.
pub(super) struct Pair<'a> {
    pub first: (Scored, &'a Indicator),
    pub second: (Scored, &'a Indicator),
}

impl Engine {
    /// The first pair of figures that `normalized`, cut at one of `joiners`, names one per side and that
    /// `fits` accepts; else a pair `whole` names apart as a whole (a follow-up leaning on its topic: 比去年
    /// 多多少 今年粮食总产目标); `None` when neither names two figures apart.
    pub(super) fn named_pair(
        &self,
        whole: &Question,
        joiners: &[&str],
        fits: &dyn Fn(&Indicator, &Indicator) -> bool,
    ) -> Option<Pair<'_>> {
        let normalized = &whole.normalized;
        for (at, joiner) in cuts(normalized, joiners) {
            let (left, right) = (&normalized[..at], &normalized[at + joiner.len()..]);
            if left.trim().is_empty() || right.trim().is_empty() {
                continue;
            }
            let (left, right) = (self.reader.read(left), self.reader.read(right));
            if let Some(pair) = self.pair_across(&left, &right, fits) {
                return Some(pair);
            }
        }
        self.pair_across(whole, whole, fits)
            .map(|pair| in_question_order(whole, pair))
    }

    /// A figure of `left` and one of `right` that the two sides name apart.
    fn pair_across(
        &self,
        left: &Question,
        right: &Question,
        fits: &dyn Fn(&Indicator, &Indicator) -> bool,
    ) -> Option<Pair<'_>> {
        let firsts = self.side_figures(left);
        // A side's figures may rank on the other side too (城镇居民 ranks below 城镇化率 for 城镇居民高几个
        // 百分点 alone, and well beside 农村居民收入): each side still has to name its own.
        let mut seconds = self.side_figures(right);
        seconds.extend(firsts.iter().copied());
        for &(first_scored, report, first) in &firsts {
            let named_right = seconds
                .iter()
                .map(|&(scored, _, second)| (scored, second))
                .filter(|&(_, second)| named_apart(left, right, first, second));
            // A side that names no metric of its own (去年, 五年年均) means the other side's metric.
            let same_metric_right = self.library.reports[report]
                .indicators
                .iter()
                .filter(|second| same_metric(first, second))
                .filter(|second| named_apart(left, right, first, second))
                .filter_map(|second| {
                    let doc = self.catalog.doc_of(&second.id)?;
                    Some((
                        Scored {
                            doc,
                            ..first_scored
                        },
                        second,
                    ))
                });
            let found = named_right
                .chain(same_metric_right)
                .find(|&(_, second)| fits(first, second));
            if let Some((second_scored, second)) = found {
                return Some(Pair {
                    first: (first_scored, first),
                    second: (second_scored, second),
                });
            }
        }
        // Only then two metrics of different periods, each side naming its own alone.
        firsts.iter().find_map(|&(first_scored, report, first)| {
            let indicators = &self.library.reports[report].indicators;
            seconds
                .iter()
                .find(|&&(_, _, second)| {
                    named_alone(left, right, first, second, indicators) && fits(first, second)
                })
                .map(|&(second_scored, _, second)| Pair {
                    first: (first_scored, first),
                    second: (second_scored, second),
                })
        })
    }

    /// The figures with a number that a side's own words rank well enough, not of a year it excludes.
    fn side_figures(&self, side: &Question) -> Vec<(Scored, usize, &Indicator)> {
        let ranking = self.rank(side.clone());
        self.ranked_figures(&ranking)
            .filter(|(scored, _, indicator)| !scored.conflict && indicator.number.is_some())
            .map(|(scored, report, indicator)| (*scored, report, indicator))
            .collect()
    }
}

/// A pair the whole question names, in the order it names them (城镇和农村居民收入差几倍: 城镇 first), told
/// by where each says what tells its metric from the other's; as found when that is not said.
fn in_question_order<'a>(question: &Question, pair: Pair<'a>) -> Pair<'a> {
    let (own_first, own_second) = distinguishing(&pair.first.1.metric, &pair.second.1.metric);
    let at = |own: &str| {
        (!own.is_empty())
            .then(|| question.normalized.find(own))
            .flatten()
    };
    match (at(own_first), at(own_second)) {
        (Some(first), Some(second)) if second < first => Pair {
            first: pair.second,
            second: pair.first,
        },
        _ => pair,
    }
}

/// Two records are of one metric when one name contains the other (常住人口城镇化率, 城镇化率) or shortens it
/// as Chinese shortens a name, keeping some letters of each word in order (规上工业增加值, 规模以上工业增加值).
pub(super) fn same_metric(a: &Indicator, b: &Indicator) -> bool {
    a.metric.contains(&b.metric)
        || b.metric.contains(&a.metric)
        || shortens(&a.metric, &b.metric)
        || shortens(&b.metric, &a.metric)
}

/// A shortened name is at least this long: shorter, letters in order match too many names by chance.
const MIN_SHORT_NAME_CHARS: usize = 4;
/// A shortened name keeps the full name's last word, at least this many letters of it (工业增加值's 加值):
/// a name's head noun says what is counted, which shortening never drops.
const KEPT_HEAD_CHARS: usize = 2;

/// Whether `short` is `full` shortened: same first letter, the same last [`KEPT_HEAD_CHARS`] letters, and
/// every letter of `short` in `full` in order.
fn shortens(short: &str, full: &str) -> bool {
    // Told without allocating: most pairs of a report's metrics differ in their first letter.
    let (short_len, full_len) = (short.chars().count(), full.chars().count());
    if short_len < MIN_SHORT_NAME_CHARS
        || short_len >= full_len
        || short.chars().next() != full.chars().next()
        || !short
            .chars()
            .rev()
            .take(KEPT_HEAD_CHARS)
            .eq(full.chars().rev().take(KEPT_HEAD_CHARS))
    {
        return false;
    }
    let mut rest = full.chars();
    short.chars().all(|letter| rest.any(|c| c == letter))
}

/// Where `normalized` may be cut: every place one of `joiners` starts, in order.
fn cuts<'a>(normalized: &str, joiners: &[&'a str]) -> Vec<(usize, &'a str)> {
    let mut found: Vec<(usize, &str)> = joiners
        .iter()
        .flat_map(|joiner| {
            normalized
                .match_indices(joiner)
                .map(move |(at, _)| (at, *joiner))
        })
        .collect();
    found.sort_unstable();
    found
}

/// Whether each side names its own figure: one metric at two periods or kinds, each side naming its
/// figure's (今年目标 / 去年), or two metrics of one kind and period, each side naming what tells its
/// metric from the other's (城镇 / 农村, 高技能人才取证 / 技能人才取证).
pub(super) fn named_apart(left: &Question, right: &Question, a: &Indicator, b: &Indicator) -> bool {
    // Names one inside the other (技能人才取证, 高技能人才取证) are two metrics when each side names its own.
    if a.metric != b.metric && a.kind == b.kind && a.period == b.period {
        let (own_a, own_b) = distinguishing(&a.metric, &b.metric);
        if names_own(left, own_a, &a.metric, &b.metric)
            && names_own(right, own_b, &b.metric, &a.metric)
        {
            return true;
        }
    }
    if !same_metric(a, b) {
        return false;
    }
    // One metric at two times is the question's only when it names the metric (规上工业增加值 asked of two
    // kinds is not 生产总值 at those two).
    let metric_said = |side: &Question| said(side, &a.metric) || said_piece(side, &a.metric, "");
    if !metric_said(left) && !metric_said(right) {
        return false;
    }
    // Two targets of one period are one plan stated twice (主要预期目标 and 目标任务), not two figures.
    let both_targets = is_target(a.kind) && is_target(b.kind);
    (a.period != b.period || (a.kind != b.kind && !both_targets))
        && period_named(left, a)
        && period_named(right, b)
}

/// Whether two metrics of different periods or kinds are each named by one side alone (土地规模经营面积目标 |
/// 五年建成的高标准农田, 消纳清洁能源 | 去年工业用电量): each side names its own metric and not the other's,
/// and its figure is the one the side means — of the time the side names, or, when it names none, the only
/// figure its metric has in that unit (a side matching two figures of different periods is no side).
fn named_alone(
    left: &Question,
    right: &Question,
    a: &Indicator,
    b: &Indicator,
    indicators: &[Indicator],
) -> bool {
    if same_metric(a, b) || (a.kind == b.kind && a.period == b.period) {
        return false;
    }
    let (own_a, own_b) = distinguishing(&a.metric, &b.metric);
    let names = |side: &Question, own: &str, metric: &str, other: &str| {
        !own.is_empty() && names_own(side, own, metric, other)
    };
    let meant = |side: &Question, figure: &Indicator| {
        let time = &side.time;
        if !time.years.is_empty() || time.past_five_years || time.yearly_average {
            return period_named(side, figure);
        }
        indicators
            .iter()
            .filter(|other| {
                other.number.is_some() && other.unit == figure.unit && same_metric(other, figure)
            })
            .count()
            == 1
    };
    names(left, own_a, &a.metric, &b.metric)
        && names(right, own_b, &b.metric, &a.metric)
        && !names(left, own_b, &b.metric, &a.metric)
        && !names(right, own_a, &a.metric, &b.metric)
        && meant(left, a)
        && meant(right, b)
}

/// Whether a side names its metric against the other: by the part the other lacks (农村 for
/// 农村居民人均可支配收入), by a long enough piece of it, or, when its name is all inside the other's
/// (技能人才取证 in 高技能人才取证), by saying its name and not the other's.
fn names_own(side: &Question, own: &str, metric: &str, other: &str) -> bool {
    if own.is_empty() {
        return said(side, metric) && !said(side, other);
    }
    said(side, own) || said_piece(side, own, other)
}

fn said(question: &Question, text: &str) -> bool {
    !text.is_empty() && (question.normalized.contains(text) || question.search_text.contains(text))
}

/// A piece of a metric's own words this long names it when the other metric lacks it (牧原 for
/// 西平牧原年出栏生猪标准化养殖体系项目, 合作社 for 农民合作社): each side is a few words long and must name
/// a figure the other side's figure is paired with, so two characters rarely name one by chance; one
/// character would (高, 新).
const NAMED_PIECE_CHARS: usize = 2;

/// Whether the question says a piece of `own` (at least [`NAMED_PIECE_CHARS`] letters) that `other` lacks.
/// A change verb is what a question asks (2017年增加了多少), never a name (规上工业增加值).
fn said_piece(question: &Question, own: &str, other: &str) -> bool {
    let chars: Vec<char> = own.chars().collect();
    (NAMED_PIECE_CHARS..=chars.len()).any(|size| {
        chars.windows(size).any(|piece| {
            let piece: String = piece.iter().collect();
            piece.chars().all(char::is_alphanumeric)
                && !other.contains(&piece)
                && !change_verbs().any(|verb| piece.contains(verb))
                && (question.normalized.contains(&piece) || question.search_text.contains(&piece))
        })
    })
}

/// The question names this figure's period or kind: its year, 目标 for a target, 完成 for a result, 年均
/// for a yearly average, 五年 for a five-year figure.
pub(super) fn period_named(question: &Question, figure: &Indicator) -> bool {
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

pub(super) fn is_target(kind: FigureKind) -> bool {
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
        assert_eq!(distinguishing("高技能人才取证", "技能人才取证"), ("高", ""));
    }

    #[test]
    fn a_name_shortened_as_chinese_shortens_names_is_the_same_name() {
        assert!(shortens("规上工业增加值", "规模以上工业增加值"));
        assert!(shortens("社零总额", "社会消费品零售总额"));
        // Another head noun, another first word, or too short to tell: another metric.
        assert!(!shortens("规上工业营业收入", "规模以上工业增加值"));
        assert!(!shortens("工业增加值", "规模以上工业增加值"));
        assert!(!shortens("城镇化率", "城镇居民人均可支配收入"));
        assert!(!shortens("税收", "税收收入"));
    }

    #[test]
    fn a_question_is_cut_at_every_joiner_in_order() {
        assert_eq!(
            cuts("丰源和普比牧原和", &["比", "和"]),
            vec![(6, "和"), (12, "比"), (21, "和")]
        );
    }
}
