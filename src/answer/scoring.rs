//! The scores the engine ranks candidates by, besides BM25: how much of the question's topic a unit covers,
//! and how a figure's kind and period fit the question's time words.

use std::ops::Range;

use crate::knowledge::{FigureKind, Period};
use crate::search::index::DocWords;
use crate::search::question::Question;

/// The credit of a one-character word found inside a longer word of a unit.
const SINGLE_INSIDE_WORD: f32 = 0.7;

/// A word of the question that carries topic, with the smaller words inside it.
#[derive(Debug, Clone)]
pub(super) struct TopicWord<'a> {
    pub(super) text: &'a str,
    pub(super) term: Option<u32>,
    pub(super) weight: f32,
    /// Dictionary sub-words inside it (term id, byte range relative to the word).
    pub(super) parts: Vec<(u32, Range<usize>)>,
    pub(super) len: usize,
    /// The character of a one-character word, which may also be found inside a longer word (路 in 公路).
    pub(super) single: Option<char>,
}

/// How well a figure's kind and period fit the question's time words.
pub(super) fn time_fit(question: &Question, kind: FigureKind, period: Period) -> f32 {
    let time = &question.time;
    let five_year = matches!(
        kind,
        FigureKind::FiveYearTotal | FigureKind::YearlyAverage | FigureKind::ChangeSinceBase
    );
    let target = matches!(kind, FigureKind::MainTarget | FigureKind::TaskTarget);
    let mut fit = 0.0;
    if time.yearly_average {
        fit += if kind == FigureKind::YearlyAverage {
            1.2
        } else {
            -0.5
        };
    }
    if time.past_five_years {
        fit += if five_year {
            0.8
        } else if target {
            -1.0
        } else {
            0.0
        };
    }
    if !time.years.is_empty() {
        // Two years asked together (2021年比2017年) want what joins them more than the value of one.
        let one_of_two = if time.years.len() > 1 { 0.4 } else { 1.0 };
        let fits_year = |year: i32| match period {
            Period::Year { year: y } => {
                if y == year {
                    one_of_two
                } else {
                    -1.0
                }
            }
            Period::Years { from, to } => {
                if year == from || year == to {
                    0.2
                } else if (from..=to).contains(&year) {
                    0.0
                } else {
                    -1.0
                }
            }
        };
        let spans_both_ends = kind == FigureKind::ChangeSinceBase
            && match period {
                Period::Years { from, to } => {
                    time.years.contains(&from) && time.years.contains(&to)
                }
                Period::Year { .. } => false,
            };
        // "2021年比2017年": a change over the period, not the value of one of its years.
        fit += if spans_both_ends {
            1.2
        } else {
            time.years
                .iter()
                .map(|&year| fits_year(year))
                .fold(f32::MIN, f32::max)
        };
    }
    if time.years.is_empty() && !time.past_five_years {
        if question.wants_target {
            fit += if target { 0.8 } else { -0.4 };
        } else if question.wants_result {
            // What was achieved: last year's results first, then the five years'.
            fit += match kind {
                FigureKind::Result => 0.5,
                _ if five_year => 0.3,
                _ => -0.3,
            };
        } else {
            fit += match kind {
                FigureKind::Result => 0.25,
                FigureKind::MainTarget => 0.2,
                _ => 0.0,
            };
        }
    } else if question.wants_target && !target {
        fit -= 0.4;
    }
    fit
}

/// Whether a figure's period is one of the years asked for (`None` when the question names no year).
pub(super) fn year_match(years: &[i32], period: Period) -> Option<bool> {
    if years.is_empty() {
        return None;
    }
    Some(years.iter().any(|year| period.years().contains(year)))
}

/// The share of the question's topic a unit covers: a word counts fully when the unit has it (less when
/// only its context has it), partly when the unit has the smaller words inside it.
pub(super) fn coverage(
    topic: &[TopicWord],
    words: &DocWords,
    has_char: &dyn Fn(char) -> bool,
) -> f32 {
    let total: f32 = topic.iter().map(|word| word.weight).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let covered: f32 = topic
        .iter()
        .map(|word| {
            let whole: f32 = match word.term {
                Some(term) if words.main_has(term) || words.name_has(term) => 1.0,
                Some(term) if words.context_has(term) => 0.6,
                _ => 0.0,
            };
            if whole < 1.0 {
                if let Some(c) = word.single {
                    if has_char(c) {
                        return word.weight * whole.max(SINGLE_INSIDE_WORD);
                    }
                }
            }
            if whole >= 1.0 || word.parts.is_empty() {
                return word.weight * whole;
            }
            let present = word.parts.iter().filter(|(term, _)| {
                words.main_has(*term) || words.name_has(*term) || words.context_has(*term)
            });
            // All of a compound said in smaller words is a paraphrase; part of it is another thing
            // (高铁 is not 高铁站).
            let share = covered_bytes(present.map(|(_, range)| range.clone()), word.len) as f32
                / word.len as f32;
            let part = if share >= 1.0 { 0.85 } else { 0.4 * share };
            word.weight * whole.max(part)
        })
        .sum();
    covered / total
}

/// How many bytes of `0..len` the ranges cover together.
pub(super) fn covered_bytes(ranges: impl Iterator<Item = Range<usize>>, len: usize) -> usize {
    if len <= 128 {
        // The usual case, without allocating: a word of up to 42 ideographs.
        let mut mask = 0u128;
        for range in ranges {
            let width = range.end.min(len).saturating_sub(range.start);
            if width > 0 {
                let bits = if width >= 128 {
                    u128::MAX
                } else {
                    (1u128 << width) - 1
                };
                mask |= bits << range.start;
            }
        }
        return mask.count_ones() as usize;
    }
    let mut covered = vec![false; len];
    for range in ranges {
        let end = range.end.min(len);
        if range.start < end {
            covered[range.start..end].iter_mut().for_each(|c| *c = true);
        }
    }
    covered.iter().filter(|&&c| c).count()
}
