//! Several glossary terms asked together (六稳六保, 四个意识和四个自信是什么): each entry, in the order the
//! question names them. The search ranks one entry first and the coverage of the other holds it back, so a
//! question naming two terms and nothing else got no answer or half of one.

use aho_corasick::AhoCorasick;

use crate::knowledge::Report;
use crate::search::normalize::fold_for_search;

use super::super::catalog::Catalog;
use super::super::types::Outcome;
use super::asking::asking_words;
use super::leftover::{topicless, without, REPORT_WORDS};
use super::Engine;

/// Words that join the terms or ask what they mean, naming no topic.
const JOINING_WORDS: &[&str] = &[
    "和", "与", "及", "跟", "同", "还有", "以及", "分别", "各自", "各", "意思", "含义", "指的",
    "指", "解释", "and", "mean", "means", "meaning",
];

/// The newest report's glossary terms, folded as questions are, with their units: folded once, since
/// every question is compared with them.
/// They are found in one pass over the question (a search per term was a tenth of an answer's time).
#[derive(Debug, Default)]
pub(super) struct GlossaryTerms {
    terms: Vec<(String, u32)>,
    finder: Option<AhoCorasick>,
}

impl GlossaryTerms {
    pub(super) fn new(report: &Report, catalog: &Catalog) -> GlossaryTerms {
        let terms: Vec<(String, u32)> = report
            .glossary
            .iter()
            .filter_map(|entry| {
                let doc = catalog.doc_of(&entry.id)?;
                Some((fold_for_search(&entry.term), doc))
            })
            .collect();
        // Plain strings; a finder that cannot be built finds nothing rather than failing.
        let finder = AhoCorasick::new(terms.iter().map(|(term, _)| term)).ok();
        GlossaryTerms { terms, finder }
    }

    /// Each term found in `text`, overlapping ones too (六稳 inside 六稳六保), by where it starts.
    fn found<'t>(&'t self, text: &str) -> Vec<(usize, &'t str, u32)> {
        let Some(finder) = &self.finder else {
            return Vec::new();
        };
        let mut found: Vec<(usize, &str, u32)> = finder
            .find_overlapping_iter(text)
            .map(|found| {
                let (term, doc) = &self.terms[found.pattern().as_usize()];
                (found.start(), term.as_str(), *doc)
            })
            .collect();
        // A term named twice is one term, where it is first named.
        found.sort_unstable_by_key(|&(at, _, doc)| (doc, at));
        found.dedup_by_key(|&mut (_, _, doc)| doc);
        found
    }
}

impl Engine {
    /// Each glossary entry a question names when it names two or more and asks nothing besides.
    pub(super) fn several_terms_outcome(&self, normalized: &str) -> Option<Outcome> {
        let mut named = self.glossary_terms.found(normalized);
        if named.len() < 2 {
            return None;
        }
        // A term inside another term named (六稳 of a term 六稳六保) is that term, not a second one.
        let all: Vec<&str> = named.iter().map(|&(_, term, _)| term).collect();
        named.retain(|&(_, term, _)| {
            !all.iter()
                .any(|longer| *longer != term && longer.contains(term))
        });
        if named.len() < 2 {
            return None;
        }
        named.sort_unstable();
        let rest = without(
            normalized,
            named
                .iter()
                .map(|&(_, term, _)| term)
                .chain(JOINING_WORDS.iter().copied())
                .chain(REPORT_WORDS.iter().copied())
                .chain(asking_words()),
        );
        if !topicless(&rest) {
            return None;
        }
        let direct = named
            .iter()
            .filter_map(|&(_, _, doc)| self.direct_answer(doc, None))
            .collect::<Vec<_>>()
            .join("\n");
        let hits = named
            .iter()
            .map(|&(_, _, doc)| self.chosen_hit(doc))
            .collect();
        Some(self.chosen_answer(Some(direct), hits))
    }
}
