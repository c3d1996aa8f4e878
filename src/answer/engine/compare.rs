//! Computed answers, never invented: how much two figures the report states differ (比…多/高, 相差), what
//! two counts make together (合作社和家庭农场一共), how many times one is the other (是…的几倍); worked out
//! with the arithmetic shown and both source sentences cited. Only like with like: units that meet, each
//! figure named by its own side of the question (`sides`), and no bound that makes the result unknowable.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::knowledge::{is_rate_unit, numerals, FigureKind, Indicator, Period};
use crate::search::normalize::{is_question_word, is_word_char};
use crate::search::question::{Intent, Question};

use super::super::catalog::Unit;
use super::super::english::Language;
use super::super::types::{Answered, Missing, MissingKind, NearMiss, Outcome};
use super::ahead::{ahead_adjective_follows, asks_speed, without_ahead_adjective, WHICH_ASKING};
use super::sides::Pair;
use super::weights::{COMPARE_CANDIDATES, HIT_COVERAGE, MAX_NEAREST_FACTS};
use super::worked::Operation;
use super::{Engine, Ranking, Scored};

/// Words that ask how two figures differ (比…快/多/高, 相差, 差距).
pub(super) const COMPARE_CUES: &[&str] = &[
    "比",
    "相差",
    "差多少",
    "差几",
    // 差几个点 as the phrase table reads it (差百分之几).
    "差百分之",
    "差距",
    "相比",
    "差了",
    "高出",
    "低了",
    "by how much",
    "how much more",
    "how many more",
    "by how many",
    "difference between",
];
/// The same asked in English: cues of a difference like [`COMPARE_CUES`].
const WHICH_AHEAD_ENGLISH: &[&str] = &[
    "which is higher",
    "which is faster",
    "which is larger",
    "which is bigger",
    "which is lower",
    "which is smaller",
    "which one is higher",
    "which one is larger",
    "which grew faster",
    "which is more",
];

/// What a pattern of [`Operation::asked`] says.
#[derive(Debug, Clone, Copy)]
enum Cue {
    /// A word with a cue in it that compares nothing (比重): the cue it holds does not count.
    Hides,
    /// A word asking which of two is ahead, read by [`ahead_adjective_follows`].
    Which,
    /// A cue of the operation.
    Asks(Operation),
}

/// Comparatives that take what is compared with after them (A超过B多少, A高于B几个点, higher than): a
/// comparison only when a thing follows, not a number or a question word — 粮食总产要超过多少, 超过10亿元的
/// 项目 ask for a threshold, not a difference.
const OBJECT_COMPARATIVES: &[&str] = &[
    "超过",
    "超出",
    "高于",
    "低于",
    "多于",
    "少于",
    "快于",
    "慢于",
    "领先",
    "落后",
    "胜过",
    "higher than",
    "lower than",
    "more than",
    "less than",
    "faster than",
    "slower than",
    "greater than",
    "bigger than",
    "larger than",
    "smaller than",
    "outpace",
    " gap",
];
/// What follows a comparative that asks for a threshold rather than a difference (超过多少, 不低于几, more
/// than 10): a question word; a number is told by its first character.
const THRESHOLD_FOLLOWERS: &[&str] = &["多少", "几", "什么", "啥", "how ", "what"];
/// Words with 比 that compare nothing (比重, 比较高): taken out before looking for a comparison.
const NOT_COMPARING: &[&str] = &[
    "比重", "比例", "比率", "比较", "对比", "评比", "比赛", "比拼", "攀比", "无比", "占比",
];
/// Bases a figure of the report is already stated against (比上年增长8%, 同比): the stated change answers.
const STATED_BASES: &[&str] = &["上年", "前年", "上一年", "同比"];
/// Words between the two things compared (A比B, A和B相差), beside the Chinese [`OBJECT_COMPARATIVES`]
/// (English ones are cut at their ` than `): where a comparison question is cut in two.
const COMPARE_JOINERS: &[&str] = &[
    "比", "和", "与", "跟", "同", "较", " exceed", " beat", " outpace", " than ", " and ", " over ",
];
/// [`COMPARE_JOINERS`] and the Chinese comparatives that join what they compare (A超过B).
static DIFFERENCE_JOINERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let chinese_comparatives = OBJECT_COMPARATIVES.iter().filter(|word| !word.is_ascii());
    COMPARE_JOINERS
        .iter()
        .chain(chinese_comparatives)
        .copied()
        .collect()
});
/// Words that ask for two counts together (一共, 合计).
pub(super) const SUM_CUES: &[&str] = &[
    "一共",
    // 共 alone only before what it asks (共多少, 共有几): 公共, 共建, 共享 add nothing up.
    "共多少",
    "共有多少",
    "共几",
    "共有几",
    "合计",
    "总共",
    "共计",
    "总计",
    "加起来",
    "合起来",
    "加在一起",
    "加一起",
    "加一块",
    "combined",
    "altogether",
    "put together",
    "sum of",
];
/// Words between two things summed (A和B一共).
const SUM_JOINERS: &[&str] = &["和", "与", "跟", "及", "加上", "加", " and ", " plus "];
/// Words that ask how many times one figure is another (是…的几倍).
/// A ratio named as a thing (收入比是多少, 两者之比) asks for one too.
const RATIO_CUES: &[&str] = &[
    "几倍",
    "多少倍",
    "how many times",
    "之比",
    "比是多少",
    "比为多少",
    "比是几",
    "比有多大",
];
/// Words between the two figures of a ratio (A是B的几倍, A相当于B的几倍).
const RATIO_JOINERS: &[&str] = &["是", "相当于", "为"];
/// Words that ask what share one figure is of another, with [`SHARE_ASKING`] after them (A占B的百分之几).
const SHARE_CUES: &[&str] = &[
    "占",
    "相当于",
    "是",
    "what share",
    "what percentage",
    "what percent",
];
/// What asks for a share after 占 (百分之几, 多大比例, 几成): 占地多少亩 and 占用 ask for no share.
const SHARE_ASKING: &[&str] = &["百分之", "比例", "比重", "几成", "多少成", "%"];
/// Words between the two figures of a share (A占B的百分之几, what share of B is A).
const SHARE_JOINERS: &[&str] = &["占", "相当于", " of "];

impl Operation {
    /// The operation a question asks for, with the words its two sides are cut at. One pass over the
    /// question; a cue inside a word that compares nothing (the 比 of 比重, 比较) does not count.
    pub(super) fn asked(normalized: &str) -> Option<(Operation, &'static [&'static str])> {
        // What each pattern says; the asking words of a question which of two is ahead (哪个, 谁) are
        // found in the same pass and read by their own rule where they end.
        static CUES: LazyLock<Option<(AhoCorasick, Vec<Cue>)>> = LazyLock::new(|| {
            let table: [(Cue, &[&str]); 8] = [
                (Cue::Hides, NOT_COMPARING),
                (Cue::Which, WHICH_ASKING),
                (Cue::Asks(Operation::Difference), WHICH_AHEAD_ENGLISH),
                (Cue::Asks(Operation::Ratio), RATIO_CUES),
                (Cue::Asks(Operation::Share), SHARE_CUES),
                (Cue::Asks(Operation::Difference), COMPARE_CUES),
                (Cue::Asks(Operation::Difference), OBJECT_COMPARATIVES),
                (Cue::Asks(Operation::Sum), SUM_CUES),
            ];
            let (kinds, cues): (Vec<_>, Vec<_>) = table
                .iter()
                .flat_map(|(kind, cues)| cues.iter().map(move |cue| (*kind, *cue)))
                .unzip();
            Some((AhoCorasick::new(cues).ok()?, kinds))
        });
        let (matcher, kinds) = CUES.as_ref()?;
        let mut which_ends: Vec<usize> = Vec::new();
        let found: Vec<(std::ops::Range<usize>, Option<Operation>)> = matcher
            .find_overlapping_iter(normalized)
            .filter_map(|found| match kinds[found.pattern().as_usize()] {
                Cue::Which => {
                    which_ends.push(found.end());
                    None
                }
                Cue::Hides => Some((found.range(), None)),
                Cue::Asks(operation) => Some((found.range(), Some(operation))),
            })
            .collect();
        let hidden = |cue: &std::ops::Range<usize>| {
            found.iter().any(|(word, operation)| {
                operation.is_none() && word.start < cue.end && cue.start < word.end
            })
        };
        let mut said: Vec<Operation> = found
            .iter()
            .filter(|(cue, _)| !hidden(cue) && !asks_threshold(normalized, cue))
            .filter(|(cue, operation)| {
                *operation != Some(Operation::Share)
                    || asks_share(&normalized[cue.clone()], &normalized[cue.end..])
            })
            .filter_map(|(_, operation)| *operation)
            .collect();
        if which_ends
            .iter()
            .any(|&end| ahead_adjective_follows(&normalized[end..]))
        {
            said.push(Operation::Difference);
        }
        // A ratio asked (是…的几倍) holds 是 and maybe 比; a difference is asked before a sum.
        [
            (Operation::Ratio, RATIO_JOINERS),
            (Operation::Share, SHARE_JOINERS),
            (Operation::Difference, &DIFFERENCE_JOINERS[..]),
            (Operation::Sum, SUM_JOINERS),
        ]
        .into_iter()
        .find(|(operation, _)| said.contains(operation))
    }
}

/// Whether the cue at `cue` is a comparative followed by a number or a question word (超过多少, more than
/// 10): the question asks for a threshold, and compares nothing.
fn asks_threshold(normalized: &str, cue: &std::ops::Range<usize>) -> bool {
    if !OBJECT_COMPARATIVES.contains(&&normalized[cue.clone()]) {
        return false;
    }
    let after = normalized[cue.end..].trim_start();
    after.starts_with(|c: char| c.is_ascii_digit() || numerals::is_numeral_char(c))
        || THRESHOLD_FOLLOWERS
            .iter()
            .any(|word| after.starts_with(word))
}

/// Whether two figures of one kind and period, compared as two metrics, are of the kind the question asks:
/// a yearly average asked once for both (城镇和农村居民收入年均增速哪个快) is asked of each side, though one
/// side alone (城镇居民) would read as its level; a speed asked (哪个增长快) is asked of two changes.
fn like_asked(question: &Question, a: &Indicator, b: &Indicator) -> bool {
    let like_with_like = a.kind == b.kind && a.period == b.period;
    let average =
        !(like_with_like && question.time.yearly_average) || a.kind == FigureKind::YearlyAverage;
    average && (!asks_speed(&question.normalized) || (a.states_change() && b.states_change()))
}

/// Whether a figure is a rate as the number a question asks for is: 少多少人 asks no gap in percentage
/// points, 高几个百分点 no gap in people. Counts of things are left to the figures each side names (多几个
/// compares 座 and 辆 alike); any figure when the question asks for no unit.
fn in_unit_asked(question: &Question, figure: &Indicator) -> bool {
    question
        .unit_hint
        .filter(|_| question.intent == Intent::Number)
        .is_none_or(|units| figure.in_rate_unit() == units.iter().any(|unit| is_rate_unit(unit)))
}

/// Whether a question asks to compare, add or divide figures.
pub(super) fn asks_operation(normalized: &str) -> bool {
    Operation::asked(normalized).is_some()
}

/// Words that name at once two groups the report gives figures for apart, and the two said apart (城乡:
/// the report's 城镇居民 and 农村居民): 城乡居民收入相差多少 compares the two.
const BOTH_GROUPS: &[(&str, &str)] = &[("城乡", "城镇和农村")];

/// The question with a word that names two groups said as the two, when it asks to compare, add or
/// divide figures; `None` otherwise (城乡居民收入稳定增长 is the report's own phrase for both at once).
pub(super) fn both_groups_apart(normalized: &str) -> Option<String> {
    let (word, apart) = BOTH_GROUPS
        .iter()
        .find(|(word, _)| normalized.contains(word))?;
    asks_operation(normalized).then(|| normalized.replacen(word, apart, 1))
}

impl Engine {
    /// The figure a question asks to work out from two the report states, as an answer citing both;
    /// `None` when the question asks for no such figure or the report lacks a pair that combines honestly.
    pub(super) fn comparison(&self, ranking: &Ranking, language: Language) -> Option<Outcome> {
        let question = &ranking.question;
        let (operation, joiners) = Operation::asked(&question.normalized)?;
        // A change the report states against the base asked (比2017年增加) is the answer, not worked out;
        // a yearly average only when the question asks for one (比2017年多了多少 is the net increase).
        let stated: Vec<(&Scored, &Indicator)> = self
            .ranked_figures(ranking)
            .filter(|(scored, _, figure)| !scored.conflict && stated_change(question, figure))
            .map(|(scored, _, figure)| (scored, figure))
            .collect();
        if let Some(&(best, _)) = stated.first() {
            let asked = stated.iter().find(|(_, figure)| {
                question.time.yearly_average || figure.kind != FigureKind::YearlyAverage
            });
            return match asked {
                Some(&(scored, _)) if scored.doc != best.doc => {
                    Some(self.stated_answer(ranking, scored))
                }
                _ => None,
            };
        }
        let fits = |a: &Indicator, b: &Indicator| {
            operation.apply(a, b).is_some()
                && like_asked(question, a, b)
                && in_unit_asked(question, a)
                && in_unit_asked(question, b)
        };
        let blanked = without_ahead_adjective(&question.normalized);
        let asked = if blanked == question.normalized {
            None
        } else {
            Some(self.reader.read(&blanked))
        };
        let named = asked.as_ref().unwrap_or(question);
        let Pair { first, second } = self.named_pair(named, joiners, &fits)?;
        let worked = operation.apply(first.1, second.1)?;
        let direct = if language.is_chinese() {
            worked.in_chinese()
        } else {
            self.worked_in_english(&worked)
        };
        // Cited in the order the answer names the figures (the higher first for a difference), so that
        // one sentence holding both is cited for the figure named first.
        let sources = if std::ptr::eq(worked.first, first.1) {
            [&first.0, &second.0]
        } else {
            [&second.0, &first.0]
        };
        let hits = self.computed_sources(sources, &ranking.question_terms);
        Some(Outcome::Answered(Answered {
            direct: Some(direct),
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        }))
    }

    /// The answer a stated change gives, as the ordinary answer of that figure would be.
    fn stated_answer(&self, ranking: &Ranking, scored: &Scored) -> Outcome {
        let hits = vec![self.hit(scored, &ranking.question_terms)];
        Outcome::Answered(Answered {
            direct: self.direct_answer(scored.doc, None),
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        })
    }

    /// A near-miss for a question asking to compare or divide two figures that the report does not give
    /// as a pair that combines: the figures it found, never one of them passed off as the answer. A change
    /// the report states against the base asked (比2017年净增, 比上年增长) is the answer, and is left alone.
    pub(super) fn uncomputed(&self, ranking: &Ranking) -> Option<Outcome> {
        let question = &ranking.question;
        let (operation, joiners) = Operation::asked(&question.normalized)?;
        let asks_number = question.intent == Intent::Number
            || matches!(operation, Operation::Ratio | Operation::Share);
        if operation == Operation::Sum
            || !asks_number
            || !has_two_sides(&question.search_text, joiners)
        {
            return None;
        }
        let figures: Vec<(&Scored, &Indicator)> = self
            .ranked_figures(ranking)
            .filter(|(scored, _, _)| !scored.conflict)
            .map(|(scored, _, figure)| (scored, figure))
            .collect();
        let &(_, best) = figures.first()?;
        if stated_change(question, best) {
            return None;
        }
        let nearest: Vec<_> = figures
            .iter()
            .take(MAX_NEAREST_FACTS)
            .map(|(scored, _)| self.hit(scored, &ranking.question_terms))
            .collect();
        Some(Outcome::NearMiss(NearMiss {
            missing: Missing {
                metric: best.metric.clone(),
                year: None,
                what: MissingKind::Comparison,
            },
            nearest,
        }))
    }

    /// The figures an answer worked out from figures may use: the best-ranked indicators that cover the
    /// question well enough, with the report each stands in.
    pub(super) fn ranked_figures<'a: 'r, 'r>(
        &'a self,
        ranking: &'r Ranking,
    ) -> impl Iterator<Item = (&'r Scored, usize, &'a Indicator)> + 'r {
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
}

/// Whether `search_text` (the question without its time and question phrases) names something on both
/// sides of one of `joiners`. A side of question words only names nothing: "grow … over the past five
/// years" leaves "the" after `over`, which is a time phrase, not a second figure.
fn has_two_sides(search_text: &str, joiners: &[&str]) -> bool {
    let names = |side: &str| {
        side.split(|c: char| !is_word_char(c))
            .any(|word| !word.is_empty() && !is_question_word(word))
    };
    joiners.iter().any(|joiner| {
        search_text
            .match_indices(joiner)
            .any(|(at, _)| names(&search_text[..at]) && names(&search_text[at + joiner.len()..]))
    })
}

/// A change the report states against the base the question names: since a year it names (较2017年), or
/// against the year before (比上年, 同比).
fn stated_change(question: &Question, figure: &Indicator) -> bool {
    if !figure.states_change() {
        return false;
    }
    match figure.period {
        Period::Years { from, .. } => question.time.years.contains(&from),
        Period::Year { .. } => STATED_BASES
            .iter()
            .any(|base| question.normalized.contains(base)),
    }
}

/// Whether what follows share cue `cue` asks for a share (占…百分之几, what percentage): 占地 asks for none,
/// and after 是 only a share of something does (是城镇的百分之几, not 增长率是百分之几).
fn asks_share(cue: &str, after: &str) -> bool {
    if cue.is_ascii() {
        return true;
    }
    // After 是 a share is asked only as 的 + a share word: most questions write no 的 there.
    if cue == "是" && !after.contains('的') {
        return false;
    }
    SHARE_ASKING.iter().any(|word| match cue {
        "是" => after.find(&format!("的{word}")).is_some_and(|at| at > 0),
        _ => after.contains(word),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_operation_asked_is_read_from_its_cues() {
        let operation = |question: &str| Operation::asked(question).map(|(operation, _)| operation);
        assert_eq!(operation("农村比城镇快多少"), Some(Operation::Difference));
        assert_eq!(operation("合作社和家庭农场一共多少"), Some(Operation::Sum));
        assert_eq!(operation("农村收入是城镇的几倍"), Some(Operation::Ratio));
        assert_eq!(
            operation("农村收入占城镇的百分之几"),
            Some(Operation::Share)
        );
        assert_eq!(
            operation("农村收入相当于城镇的多大比例"),
            Some(Operation::Share)
        );
        assert_eq!(operation("占地多少亩"), None);
        assert_eq!(operation("财政收入占比多少"), None);
        assert_eq!(
            operation("农村收入是城镇的百分之几"),
            Some(Operation::Share)
        );
        assert_eq!(operation("今年增长目标是百分之几"), None);
        // 比 inside a word that compares nothing, alone or beside a cue it overlaps.
        assert_eq!(operation("三产比重是多少"), None);
        assert_eq!(operation("比较高的是哪个"), None);
        assert_eq!(operation("对比一下"), None);
        assert_eq!(operation("比重比去年高多少"), Some(Operation::Difference));
        // A comparative before what is compared with, and before a threshold asked.
        assert_eq!(
            operation("城镇收入超过农村多少"),
            Some(Operation::Difference)
        );
        assert_eq!(operation("粮食总产要超过多少万吨"), None);
        assert_eq!(operation("增速不低于8%吗"), None);
        assert_eq!(operation("超过十亿元的项目"), None);
        assert_eq!(
            operation("how much higher than rural is urban income"),
            Some(Operation::Difference)
        );
        assert_eq!(operation("两项合起来多少"), Some(Operation::Sum));
        // Which of two is ahead asks their difference, 比较 between the two words too.
        assert_eq!(
            operation("城镇和农村收入年均增速哪个更快"),
            Some(Operation::Difference)
        );
        assert_eq!(operation("谁高"), Some(Operation::Difference));
        assert_eq!(
            operation("urban or rural income, which grew faster"),
            Some(Operation::Difference)
        );
        assert_eq!(operation("哪个比较高"), Some(Operation::Difference));
        assert_eq!(
            operation("合作社和家庭农场,哪个数量更多"),
            Some(Operation::Difference)
        );
        assert_eq!(operation("两项谁增长更快呢"), Some(Operation::Difference));
        // An adjective of a thing named after the asking word asks which thing, not which is ahead.
        assert_eq!(operation("哪个乡镇粮食产量高"), None);
        assert_eq!(operation("谁多"), Some(Operation::Difference));
        assert_eq!(operation("是谁"), None);
        assert_eq!(
            operation("by how much did gdp grow"),
            Some(Operation::Difference)
        );
        // Time words after the asking word count no letters towards its adjective.
        assert_eq!(
            operation("城镇和农村收入哪个年均增长更快"),
            Some(Operation::Difference)
        );
        assert_eq!(
            operation("城镇和农村收入哪个五年年均增长更快"),
            Some(Operation::Difference)
        );
    }
}
