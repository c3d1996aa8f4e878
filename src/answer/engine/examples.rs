//! A sentence that names items as examples of a noun (`加大“嫘祖丝韵”“乡约西平”等公共品牌培育力度`) answers
//! 哪些 + that noun (要培育哪些公共品牌, 主导产业有哪几个) ahead of sentences that merely use the noun
//! (进一步打造西平餐饮品牌): its items are what is asked. The items are read from the report's text by
//! `knowledge::examples`; here the nouns after their `等` are kept per sentence and told against the
//! question's words.

use rustc_hash::FxHashMap;

use crate::knowledge::{examples, Library};
use crate::search::normalize::fold_for_search;

use super::super::catalog::Catalog;

/// The fewest characters of a noun after `等` a question word is told against: one character (业) names
/// nothing.
const NOUN_MIN_CHARS: usize = 2;
/// The most characters after `等` that may be the noun (公共品牌, 龙头企业): a longer opening takes in the
/// words after it (公共品牌培育), so a verb of the question (培育) would pass for the noun.
const NOUN_MAX_CHARS: usize = 4;

/// The text after each `等` that ends an enumeration, per sentence unit: built once with the engine.
pub(super) struct ExampleNouns {
    by_doc: FxHashMap<u32, Vec<String>>,
}

impl ExampleNouns {
    pub(super) fn new(library: &Library, catalog: &Catalog) -> ExampleNouns {
        let mut by_doc: FxHashMap<u32, Vec<String>> = FxHashMap::default();
        for sentence in library.reports.iter().flat_map(|report| report.sentences()) {
            let found = examples(&sentence.text);
            if found.is_empty() {
                continue;
            }
            if let Some(doc) = catalog.doc_of(&sentence.id) {
                by_doc
                    .entry(doc)
                    .or_default()
                    .extend(found.iter().map(|example| fold_for_search(example.after)));
            }
        }
        ExampleNouns { by_doc }
    }

    /// Whether the sentence `doc` names items as examples of `word`: the noun after its `等` ends with the
    /// word (公共品牌 names 品牌s) or is the word's head, its last word (产业 of 主导产业).
    pub(super) fn names(&self, doc: u32, word: &str) -> bool {
        if word.chars().count() < NOUN_MIN_CHARS {
            return false;
        }
        let Some(afters) = self.by_doc.get(&doc) else {
            return false;
        };
        afters.iter().any(|after| {
            after
                .char_indices()
                .map(|(at, c)| at + c.len_utf8())
                .skip(NOUN_MIN_CHARS - 1)
                .take(NOUN_MAX_CHARS + 1 - NOUN_MIN_CHARS)
                .any(|end| {
                    let noun = &after[..end];
                    noun.ends_with(word) || word.ends_with(noun)
                })
        })
    }
}
