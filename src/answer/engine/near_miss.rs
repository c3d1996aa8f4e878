//! Honest near-misses: the report has the metric asked about, but not the figure asked for. A five-year
//! total does not answer "how many in 2021", a level does not answer "how fast did it grow", and a growth
//! target does not answer "what level will it reach". Instead of passing one off as the other, the reply
//! says what is missing and offers the nearest facts, each labelled by its own period and kind (the
//! indicator's text, which only repeats what the report says).

use std::sync::LazyLock;

use crate::knowledge::{change_verbs, Indicator, Period};
use crate::search::question::Question;

use super::super::catalog::Unit;
use super::super::types::{Missing, MissingKind, NearMiss, Outcome};
use super::compare::COMPARE_CUES;
use super::cues::Phrases;
use super::per_year::asks_each_year;
use super::sides::same_metric;
use super::weights::{COMPARE_CANDIDATES, MAX_NEAREST_FACTS};
use super::{Engine, Ranking, Scored};

/// Ways of asking for a rate that are not the report's verbs (those come from `change_verbs`).
const RATE_WORDS: &[&str] = &[
    "增速",
    "增幅",
    "涨幅",
    "增长率",
    "涨了",
    "百分点",
    "百分之几",
    "多了",
    "少了",
    "多出",
    "growth",
    "grew",
    "increase",
];
/// Words that turn a named year into the start of a span (2017年以来): the question asks for the span.
const SINCE_WORDS: &[&str] = &["以来", "至今", "到现在", "到目前"];
/// Words that make a named year the base of a change (较2017年, 2017年到2021年) beside [`COMPARE_CUES`].
const BASE_WORDS: &[&str] = &["较", "到", "至"];
/// Ways of asking for a level beside an amount ([`AMOUNT_WORDS`]): what it reaches, how large it is.
const LEVEL_WORDS: &[&str] = &[
    "规模",
    "绝对值",
    "绝对额",
    "达到多少",
    "能达到",
    "到多少",
    "能到",
    "会到",
    "到百分之",
    "升到",
    "涨到",
];
/// Ways of asking for an amount (how much in all, an amount of money: 多少亿, which the reader's measure
/// words do not hold), beside a unit asked for (多少人): a level whatever is asked of it, a target included.
const AMOUNT_WORDS: &[&str] = &["总额是多少", "多少亿", "多少万元", "多少元", "多少钱"];

impl Engine {
    /// Whether `doc` is a growth rate, which a level asked for (多少钱, 面积多大) leaves to [`Self::near_miss`]
    /// to name as missing, citing the rate, rather than to a refusal.
    pub(super) fn is_rate_figure(&self, doc: u32) -> bool {
        match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => {
                is_rate(&self.library.reports[report].indicators[index])
            }
            _ => false,
        }
    }

    /// The near-miss for a question whose best candidate is a figure of the right metric but of another
    /// period or kind than asked, with no figure of the asked period and kind beside it; `None` otherwise.
    pub(super) fn near_miss(&self, ranking: &Ranking, best: &Scored) -> Option<Outcome> {
        let (best, report, index) = match self.catalog.unit(best.doc) {
            Unit::Indicator { report, index, .. } => (best, report, index),
            // A sentence ranked first says what its own figure says, ranked just after it.
            Unit::Sentence(_) => self.own_figure(ranking, best)?,
            _ => return None,
        };
        let indicators = &self.library.reports[report].indicators;
        let found = &indicators[index];
        let question = &ranking.question;
        let year = match question.time.years.as_slice() {
            [year] => Some(*year),
            _ => None,
        };
        let same_metric = |other: &&Indicator| same_metric(found, other);
        // Read once: three of the kinds below ask it.
        let change_asked = asks_change(question, &found.metric);
        let what = if asks_each_year(question) && matches!(found.period, Period::Years { .. }) {
            // Each year's own figure, where the report sums or averages them over its years.
            Some(MissingKind::SingleYear)
        } else if let Some(year) = year.filter(|&year| asks_one_year(question, found, year)) {
            // A level of the year does not give its change (去年一年城镇化率提高了多少).
            let given = indicators.iter().filter(same_metric).any(|other| {
                other.period == Period::Year { year } && (!change_asked || other.states_change())
            });
            (!given).then_some(MissingKind::SingleYear)
        } else if change_asked && is_level(found) {
            let given = indicators
                .iter()
                .filter(same_metric)
                .any(|other| other.period == found.period && other.states_change());
            (!given).then_some(MissingKind::Change)
        } else if asks_level(question, change_asked) && is_rate(found) {
            let given = indicators
                .iter()
                .filter(same_metric)
                .any(|other| other.period == found.period && is_level(other));
            (!given).then_some(MissingKind::Level)
        } else {
            None
        }?;
        // The nearest facts: the figure found, then the metric's figures of the kind asked for, from
        // other periods (a level asked: the latest level; a change asked: the changes given).
        let wanted = |other: &Indicator| match what {
            MissingKind::SingleYear
            | MissingKind::Comparison
            | MissingKind::Names
            | MissingKind::Time { .. }
            | MissingKind::PlanOutcome => false,
            MissingKind::Change => other.states_change(),
            MissingKind::Level => is_level(other),
        };
        let mut nearest = vec![self.hit(best, &ranking.question_terms)];
        let others = indicators
            .iter()
            .enumerate()
            .filter(|(at, other)| *at != index && same_metric(other) && wanted(other));
        for (_, other) in others {
            if nearest.len() >= MAX_NEAREST_FACTS {
                break;
            }
            if let Some(doc) = self.catalog.doc_of(&other.id) {
                let scored = Scored { doc, ..*best };
                nearest.push(self.hit(&scored, &ranking.question_terms));
            }
        }
        Some(Outcome::NearMiss(NearMiss {
            missing: Missing {
                metric: found.metric.clone(),
                year,
                what,
            },
            nearest,
        }))
    }
}

impl Engine {
    /// The figure record read from sentence `best` that ranks among the first candidates, with where it
    /// is kept.
    fn own_figure<'r>(
        &self,
        ranking: &'r Ranking,
        best: &Scored,
    ) -> Option<(&'r Scored, usize, usize)> {
        let sentence = self.catalog.id(best.doc);
        ranking
            .ranked
            .iter()
            .take(COMPARE_CANDIDATES)
            .find_map(|scored| match self.catalog.unit(scored.doc) {
                Unit::Indicator { report, index, .. }
                    if self.library.reports[report].indicators[index].sentence_id == sentence =>
                {
                    Some((scored, report, index))
                }
                _ => None,
            })
    }
}

/// One year asked of a figure that spans several (a total, a yearly average, a change since the base
/// year), when the question does not itself ask for the span (过去五年, 年均, 2017年以来, 比2017年: the
/// span's first year named is its base, not a year asked alone).
/// The base year asked alone (2017年一般公共预算收入是多少) is one year too: the span does not give it.
fn asks_one_year(question: &Question, found: &Indicator, year: i32) -> bool {
    static AS_BASE: LazyLock<Phrases> = LazyLock::new(|| {
        Phrases::new(
            [SINCE_WORDS, COMPARE_CUES, BASE_WORDS]
                .into_iter()
                .flatten()
                .copied(),
        )
    });
    let as_base = AS_BASE.in_text(&question.normalized);
    let spans = matches!(found.period, Period::Years { from, .. } if from != year || !as_base);
    spans && !as_base && !question.time.past_five_years && !question.time.yearly_average
}

/// The question asks for a change: it says one of the report's change verbs or a rate word, outside the
/// metric's own name (规上工业增加值 names a metric, it does not ask for an increase) and outside 多少
/// (达到多少了 asks for a level: its 少了 is no decrease).
fn asks_change(question: &Question, metric: &str) -> bool {
    static CHANGE: LazyLock<Phrases> =
        LazyLock::new(|| Phrases::new(change_verbs().chain(RATE_WORDS.iter().copied())));
    let mut said = question.normalized.replace(metric, "").replace("多少", " ");
    // The metric's head said apart from the rest of its name (规上工业…多少亿增加值): 增加 there is its name.
    let chars: Vec<(usize, char)> = metric.char_indices().collect();
    if let Some(&(head, _)) = chars
        .len()
        .checked_sub(HEAD_CHARS)
        .and_then(|at| chars.get(at))
    {
        said = said.replace(&metric[head..], " ");
    }
    CHANGE.in_text(&said)
}

/// How many of a metric's last characters name what it is (增加值, 总产值), said apart from its other words.
const HEAD_CHARS: usize = 3;

/// The question asks for a level: a unit of amount (多少亿, 多少人) or a level word; not a change or a
/// comparison of two years. A target is what it is, often a growth rate (今年GDP目标是多少), unless the
/// question names the amount it wants (今年GDP目标是多少亿元), which a rate does not give.
fn asks_level(question: &Question, change_asked: bool) -> bool {
    if question.time.years.len() > 1 || change_asked {
        return false;
    }
    if question.wants_target {
        return asks_amount(question);
    }
    asks_level_words(question)
}

/// The question names an amount: as a whole (总量, 总额), a unit that is not a rate (多少亿元, 多少万亩)
/// or money (多少钱).
fn asks_amount(question: &Question) -> bool {
    static MONEY: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(AMOUNT_WORDS.iter().copied()));
    let unit = question
        .unit_hint
        .is_some_and(|units| !units.iter().any(|unit| unit.contains('%')));
    question.asks_amount || unit || MONEY.in_text(&question.normalized)
}

/// The question's words ask for a level: a unit of amount (多少亿, 多少人) or a level word (能达到多少).
pub(super) fn asks_level_words(question: &Question) -> bool {
    static LEVEL: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(LEVEL_WORDS.iter().copied()));
    asks_amount(question) || LEVEL.in_text(&question.normalized)
}

/// A rate of change (增长8%, 提高2个百分点): what a level question is not answered by. A count of added
/// things (增加23天) still tells how many.
fn is_rate(indicator: &Indicator) -> bool {
    indicator.states_change() && indicator.in_rate_unit()
}

/// A level: reached, completed, or stated without a verb (城镇化率42.7%); counts of new things are neither.
fn is_level(indicator: &Indicator) -> bool {
    use crate::knowledge::ChangeKind::{Complete, Reach};
    indicator.number.is_some() && matches!(indicator.change, None | Some(Reach | Complete))
}
