//! Several glossary terms asked together (六稳六保, 四个意识和四个自信是什么): each entry, in the order the
//! question names them. The search ranks one entry first and the coverage of the other holds it back, so a
//! question naming two terms and nothing else got no answer or half of one.

use crate::search::normalize::fold_for_search;

use super::super::types::Outcome;
use super::asking::asking_words;
use super::leftover::{topicless, without, REPORT_WORDS};
use super::Engine;

/// Words that join the terms or ask what they mean, naming no topic.
const JOINING_WORDS: &[&str] = &[
    "和", "与", "及", "跟", "同", "还有", "以及", "分别", "各自", "各", "意思", "含义", "指的",
    "指", "解释", "and", "mean", "means", "meaning",
];

impl Engine {
    /// Each glossary entry a question names when it names two or more and asks nothing besides.
    pub(super) fn several_terms_outcome(&self, normalized: &str) -> Option<Outcome> {
        let glossary = self.glossary();
        let folded: Vec<String> = glossary
            .iter()
            .map(|entry| fold_for_search(&entry.term))
            .collect();
        let mut named: Vec<(usize, usize)> = folded
            .iter()
            .enumerate()
            .filter_map(|(index, term)| normalized.find(term.as_str()).map(|at| (at, index)))
            // A term inside another term named (六稳 of a term 六稳六保) is that term, not a second one.
            .filter(|&(_, index)| {
                !folded.iter().enumerate().any(|(other, longer)| {
                    other != index
                        && longer.contains(folded[index].as_str())
                        && normalized.contains(longer.as_str())
                })
            })
            .collect();
        if named.len() < 2 {
            return None;
        }
        named.sort_unstable();
        let rest = without(
            normalized,
            named
                .iter()
                .map(|&(_, index)| folded[index].as_str())
                .chain(JOINING_WORDS.iter().copied())
                .chain(REPORT_WORDS.iter().copied())
                .chain(asking_words()),
        );
        if !topicless(&rest) {
            return None;
        }
        let docs: Vec<u32> = named
            .iter()
            .filter_map(|&(_, index)| self.catalog.doc_of(&glossary[index].id))
            .collect();
        let direct = docs
            .iter()
            .filter_map(|&doc| self.direct_answer(doc, None))
            .collect::<Vec<_>>()
            .join("\n");
        let hits = docs.iter().map(|&doc| self.chosen_hit(doc)).collect();
        Some(self.chosen_answer(Some(direct), hits))
    }
}
