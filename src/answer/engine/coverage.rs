//! How much of the question's topic a unit covers: a word counts fully when the unit has it (less when only
//! its context has it), partly when the unit has the smaller words inside it.

use std::ops::Range;

use crate::search::index::DocWords;

use super::weights::{ALL_PARTS_CREDIT, CONTEXT_CREDIT, SINGLE_INSIDE_WORD, SOME_PARTS_CREDIT};

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

/// The share of the question's topic a unit covers: a word counts fully when the unit has it (less when
/// only its context has it), partly when the unit has the smaller words inside it.
pub(super) fn coverage(
    topic: &[TopicWord],
    words: &DocWords,
    has_char: &dyn Fn(char) -> bool,
) -> f32 {
    coverage_said(topic, words, has_char, &|_| false)
}

/// [`coverage`], with the words `said` tells the unit says in other words (a noun its items are examples of)
/// counted fully.
pub(super) fn coverage_said(
    topic: &[TopicWord],
    words: &DocWords,
    has_char: &dyn Fn(char) -> bool,
    said: &dyn Fn(&TopicWord) -> bool,
) -> f32 {
    let total: f32 = topic.iter().map(|word| word.weight).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let covered: f32 = topic
        .iter()
        .map(|word| {
            if said(word) {
                return word.weight;
            }
            let whole: f32 = match word.term {
                Some(term) if words.main_has(term) || words.name_has(term) => 1.0,
                Some(term) if words.context_has(term) => CONTEXT_CREDIT,
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
            let part = if share >= 1.0 {
                ALL_PARTS_CREDIT
            } else {
                SOME_PARTS_CREDIT * share
            };
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
