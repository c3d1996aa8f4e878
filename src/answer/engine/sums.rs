//! Sums of several counts a question names in a list (最多跑一次、容缺办理、一证通办三类事项一共多少项; 五年修了
//! 249公里，今年再修30公里，合计多少) or counts by number and noun (今年要引进的三类项目合计多少个). Each item of a
//! list is matched to the one figure of the report it names — by the number it states with its unit, else
//! by the longest piece of a metric's name it says — and the figures are added with the arithmetic shown
//! and every source cited. Only like with like: one unit, no rates, and a period each item names when the
//! periods differ. A list of three or more whose items do not all resolve is a near-miss, never the sum of
//! the two that did (1779 + 124 for three kinds of 事项 is a wrong figure, not half an answer).

use crate::knowledge::{change_verbs, Indicator, Qualifier};
use crate::search::normalize::fold_keeping_punctuation;
use crate::search::question::Question;

use super::super::catalog::indicator_answer;
use super::super::english::{amount_in_english, indicator_in_english, Language};
use super::super::types::{Answered, Hit, Missing, MissingKind, NearMiss, Outcome, RefusalReason};
use super::sides::{is_target, period_named};
use super::worked::{decimals, plain, shared_unit, Bound, Operation};
use super::{Engine, Ranking, Scored};

mod listed;

use listed::{listed, stated_figure, sum_cue_at, Listed};

/// A piece of a metric's name this long names it in an item: each item is a few words naming one of the
/// report's figures, so two letters rarely name one by chance (取证, 培训); one letter would (高, 新).
const NAMED_PIECE_CHARS: usize = 2;
/// Lists this long or longer are the question's own: answered as a whole or not at all. A list of two is
/// left to the pair of `compare.rs` first, which reads each side against the other.
const CLAIMED_ITEMS: usize = 3;

/// When the listed sum is tried: before the pairs of `compare.rs` (lists of three or more, and counts by
/// number and noun, which a pair would cut wrong) or after them (lists of two, which the pair reads first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    BeforePairs,
    AfterPairs,
}

impl Engine {
    /// The sum of the figures a question lists or counts, when it asks for one (一共, 合计, 共多少) at
    /// `stage`; a near-miss for a long list whose items do not all name one figure; `None` otherwise.
    /// The list is read from the question as typed, `asked`, whose punctuation tells items from clauses.
    pub(super) fn listed_sum(
        &self,
        ranking: &Ranking,
        asked: &str,
        language: Language,
        stage: Stage,
    ) -> Option<Outcome> {
        let question = &ranking.question;
        if !matches!(
            Operation::asked(&question.normalized),
            Some((Operation::Sum, _))
        ) {
            return None;
        }
        let text = fold_keeping_punctuation(asked);
        let indicators = &self.library.latest().indicators;
        let inside_name = |around: &str| indicators.iter().any(|f| f.metric.contains(around));
        let listed = listed(&text, sum_cue_at(&text)?, &inside_name);
        let claimed = listed.items.len() >= CLAIMED_ITEMS
            || (listed.items.len() >= 2 && listed.count.is_some());
        match stage {
            Stage::BeforePairs if claimed => Some(self.list_outcome(ranking, &listed, language)),
            Stage::BeforePairs if listed.items.len() <= 1 => {
                self.counted_sum(ranking, &listed, language)
            }
            Stage::AfterPairs if listed.items.len() == 2 && listed.count.is_none() => {
                let figures = self.items_named(&listed.items, question)?;
                self.summed(ranking, &figures, language)
            }
            _ => None,
        }
    }

    /// A long list answered whole: its sum, or a near-miss with the figures its items do name.
    fn list_outcome(&self, ranking: &Ranking, listed: &Listed, language: Language) -> Outcome {
        let question = &ranking.question;
        tracing::debug!(items = ?listed.items, count = ?listed.count, "a listed sum asked");
        let named = self.items_named(&listed.items, question).filter(|figures| {
            listed
                .count
                .is_none_or(|count| count as usize == figures.len())
        });
        if let Some(sum) = named.and_then(|figures| self.summed(ranking, &figures, language)) {
            return sum;
        }
        let indicators = &self.library.latest().indicators;
        let nearest: Vec<_> = listed
            .items
            .iter()
            .filter_map(|item| self.figure_named(indicators, item, question))
            .filter_map(|figure| self.figure_hit(figure, ranking))
            .take(super::weights::MAX_NEAREST_FACTS)
            .collect();
        let Some(first) = listed
            .items
            .iter()
            .find_map(|item| self.figure_named(indicators, item, question))
        else {
            return self.refuse(RefusalReason::NotInReport);
        };
        Outcome::NearMiss(NearMiss {
            missing: Missing {
                metric: first.metric.clone(),
                year: None,
                what: MissingKind::Comparison,
            },
            nearest,
        })
    }

    /// A sum counted by number and noun (三类项目合计, 两个生猪项目一共): the figures of the best-ranked
    /// figure's sentence in its unit, kind and period whose names share a piece of the noun, when they are
    /// as many as the count says.
    fn counted_sum(
        &self,
        ranking: &Ranking,
        listed: &Listed,
        language: Language,
    ) -> Option<Outcome> {
        let count = listed.count? as usize;
        // A count without a noun (三档) counts what the clause before it names (亿元以上项目，三档加起来).
        let noun = match listed.noun {
            "" => listed.before,
            noun => noun,
        };
        let (_, report, best) = self
            .ranked_figures(ranking)
            .find(|(scored, _, figure)| !scored.conflict && figure.number.is_some())?;
        let figures: Vec<&Indicator> = self.library.reports[report]
            .indicators
            .iter()
            .filter(|figure| {
                figure.sentence_id == best.sentence_id
                    && figure.number.is_some()
                    && figure.unit == best.unit
                    && figure.kind == best.kind
                    && figure.period == best.period
                    && named_chars(noun, &figure.metric) >= NAMED_PIECE_CHARS
            })
            .collect();
        if figures.len() != count {
            return None;
        }
        self.summed(ranking, &figures, language)
    }

    /// The one figure each item names, all different; `None` when an item names none or several, or two
    /// items apart name one figure. Two items side by side that name one figure are one name with a
    /// separator in it (专精特新、小巨人企业 for “专精特新”和“小巨人”企业).
    fn items_named<'a>(&'a self, items: &[&str], whole: &Question) -> Option<Vec<&'a Indicator>> {
        let indicators = &self.library.latest().indicators;
        let mut figures: Vec<&Indicator> = Vec::with_capacity(items.len());
        for item in items {
            let figure = self.figure_named(indicators, item, whole)?;
            if figures.last().is_some_and(|last| last.id == figure.id) {
                continue;
            }
            if figures.iter().any(|known| known.id == figure.id) {
                return None;
            }
            figures.push(figure);
        }
        // Figures of different periods add up only when each item says its own (五年…，今年…).
        // A plan's two lists of targets (主要预期目标, 目标任务) are one plan.
        let one_period = figures.iter().all(|figure| {
            figure.period == figures[0].period
                && (figure.kind == figures[0].kind
                    || (is_target(figure.kind) && is_target(figures[0].kind)))
        });
        let each_timed = items.iter().all(|item| names_time(&self.reader.read(item)));
        (one_period || each_timed).then_some(figures)
    }

    /// The one figure of the report an item names: the figure whose number and unit it states (94个), else
    /// the one whose name says the most of the item (5亿以上 → 5亿元以上项目; 取证 → 技能人才取证 over
    /// 高技能人才取证, as the name it leaves less of unsaid), of the period it (or else the whole question)
    /// names. A number that no figure states with its unit is part of a name (5亿以上). `None` when figures
    /// of different values tie.
    fn figure_named<'a>(
        &self,
        indicators: &'a [Indicator],
        item: &str,
        whole: &Question,
    ) -> Option<&'a Indicator> {
        let read = self.reader.read(item);
        let timed = [&read, whole].into_iter().find(|side| names_time(side));
        let states = |figure: &Indicator, (number, rest): (f64, &str)| {
            figure.number == Some(number)
                && figure
                    .unit
                    .as_deref()
                    .is_some_and(|unit| rest.starts_with(unit))
        };
        let timely: Vec<&Indicator> = indicators
            .iter()
            .filter(|figure| figure.number.is_some())
            .filter(|figure| timed.is_none_or(|side| period_named(side, figure)))
            .collect();
        let stated = stated_figure(&read.normalized)
            .filter(|&stated| timely.iter().any(|figure| states(figure, stated)));
        let candidates: Vec<((usize, usize), usize, &Indicator)> = timely
            .into_iter()
            .filter(|figure| stated.is_none_or(|stated| states(figure, stated)))
            .map(|figure| {
                // What the item says as typed first: an alias may stand for a wider name (技能取证 for
                // 职业技能培训), which counts only where the words typed name nothing (GDP).
                let typed = named_chars(&read.normalized, &figure.metric);
                let aliased = named_chars(&read.search_text, &figure.metric);
                let unsaid = figure
                    .metric
                    .chars()
                    .count()
                    .saturating_sub(typed.max(aliased));
                ((typed, aliased), unsaid, figure)
            })
            .filter(|&((typed, aliased), _, _)| {
                stated.is_some() || typed.max(aliased) >= NAMED_PIECE_CHARS
            })
            .collect();
        let &(named, unsaid, _) = candidates
            .iter()
            .max_by_key(|&&(named, unsaid, _)| (named, std::cmp::Reverse(unsaid)))?;
        let mut best = candidates
            .iter()
            .filter(|&&(n, u, _)| n == named && u == unsaid)
            .map(|&(_, _, figure)| figure);
        let first = best.next()?;
        tracing::debug!(
            item,
            ?named,
            unsaid,
            metric = first.metric,
            "an item of a sum"
        );
        best.all(|other| {
            other.number == first.number && other.unit == first.unit && other.period == first.period
        })
        .then_some(first)
    }

    /// The figures added, as an answer citing each; `None` when they do not add honestly (units that do
    /// not meet, rates, a level beside a change, bounds that point different ways).
    fn summed(
        &self,
        ranking: &Ranking,
        figures: &[&Indicator],
        language: Language,
    ) -> Option<Outcome> {
        let (first, rest) = figures.split_first()?;
        let is_change = |figure: &Indicator| figure.states_change();
        let unit = shared_unit(first, first)?;
        let adds = unit != "个百分点"
            && !rest.is_empty()
            && rest.iter().all(|figure| {
                shared_unit(first, figure) == Some(unit) && is_change(figure) == is_change(first)
            });
        if !adds {
            return None;
        }
        let numbers: Vec<f64> = figures
            .iter()
            .map(|figure| figure.number)
            .collect::<Option<_>>()?;
        let bound = list_hedge(figures.iter().map(|figure| figure.qualifier))?;
        let places = numbers.iter().map(|&n| decimals(n)).max().unwrap_or(0);
        let total: f64 = numbers.iter().sum();
        let working = numbers
            .iter()
            .map(|&n| plain(n, places))
            .collect::<Vec<_>>()
            .join(" + ");
        let result = plain(total, places);
        let direct = if language.is_chinese() {
            let labels: Vec<String> = figures.iter().map(|f| indicator_answer(f)).collect();
            let before = bound.before_total();
            format!(
                "{}。{}项合计{before}{result}{unit}（推算：{working}，由报告的这些数字算出）",
                labels.join("；"),
                counted_in_chinese(figures.len()),
            )
        } else {
            let english = &self.library.english;
            let labels: Vec<String> = figures
                .iter()
                .map(|f| {
                    indicator_in_english(english, &[f]).unwrap_or_else(|| f.value_text.clone())
                })
                .collect();
            let before = bound.before_amount();
            format!(
                "{}. Together: {before}{} (worked out: {working} = {result}, from these figures of the report).",
                labels.join("; "),
                amount_in_english(total, unit),
            )
        };
        let hits: Vec<_> = figures
            .iter()
            .filter_map(|figure| self.figure_hit(figure, ranking))
            .fold(Vec::new(), |mut kept: Vec<Hit>, hit| {
                if kept
                    .iter()
                    .all(|k| k.excerpt != hit.excerpt || k.citation != hit.citation)
                {
                    kept.push(hit);
                }
                kept
            });
        Some(Outcome::Answered(Answered {
            direct: Some(direct),
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        }))
    }

    /// A figure cited as a hit, highlighted by the question's words.
    fn figure_hit(&self, figure: &Indicator, ranking: &Ranking) -> Option<Hit> {
        let scored = Scored {
            doc: self.catalog.doc_of(&figure.id)?,
            coverage: 1.0,
            score: 1.0,
            conflict: false,
        };
        Some(self.hit(&scored, &ranking.question_terms))
    }
}

/// Whether a question names a time of its own: a year, the five years, a yearly average.
fn names_time(question: &Question) -> bool {
    !question.time.years.is_empty() || question.time.past_five_years || question.time.yearly_average
}

/// How many letters of `said` lie in pieces of `metric` (letters only, no change verb, at least
/// [`NAMED_PIECE_CHARS`] long): how much of an item the name says (5亿以上 says 4 letters of 5亿元以上项目,
/// 2 of 亿元以上项目).
fn named_chars(said: &str, metric: &str) -> usize {
    let chars: Vec<char> = said.chars().collect();
    let mut covered = vec![false; chars.len()];
    for start in 0..chars.len() {
        for end in (start + NAMED_PIECE_CHARS)..=chars.len() {
            let piece: String = chars[start..end].iter().collect();
            if !piece.chars().all(char::is_alphanumeric) || !metric.contains(&piece) {
                break;
            }
            if !change_verbs().any(|verb| piece.contains(verb)) {
                covered[start..end].iter_mut().for_each(|c| *c = true);
            }
        }
    }
    covered.iter().filter(|&&c| c).count()
}

/// How sure a sum of several figures is: exact, about with an "about", at least when lower bounds add
/// up; `None` when bounds point different ways (an "at most" beside anything bounds nothing).
fn list_hedge(qualifiers: impl Iterator<Item = Option<Qualifier>>) -> Option<Bound> {
    use Qualifier::{About, AtLeast, AtMost, NoLessThan, Over};
    let (mut about, mut lower) = (false, false);
    for qualifier in qualifiers {
        match qualifier {
            None => {}
            Some(About) => about = true,
            Some(AtLeast | NoLessThan | Over) => lower = true,
            Some(AtMost) => return None,
        }
    }
    match (about, lower) {
        (false, false) => Some(Bound::Exact),
        (true, false) => Some(Bound::About),
        (false, true) => Some(Bound::AtLeast),
        (true, true) => None,
    }
}

/// How many figures were added, in Chinese (两, 三, …, 十; more in digits).
fn counted_in_chinese(count: usize) -> String {
    const NUMERALS: [&str; 9] = ["两", "三", "四", "五", "六", "七", "八", "九", "十"];
    count
        .checked_sub(2)
        .and_then(|index| NUMERALS.get(index))
        .map_or_else(|| count.to_string(), |numeral| (*numeral).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_add_up_only_one_way() {
        let q = |qualifiers: &[Option<Qualifier>]| list_hedge(qualifiers.iter().copied());
        assert_eq!(q(&[None, None, None]), Some(Bound::Exact));
        assert_eq!(q(&[None, Some(Qualifier::Over)]), Some(Bound::AtLeast));
        assert_eq!(q(&[Some(Qualifier::About), None]), Some(Bound::About));
        assert_eq!(q(&[Some(Qualifier::AtMost), None]), None);
        assert_eq!(q(&[Some(Qualifier::About), Some(Qualifier::Over)]), None);
        assert_eq!(counted_in_chinese(3), "三");
    }
}
