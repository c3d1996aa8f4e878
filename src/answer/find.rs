//! Every place the newest report says a word (`/find 词`, 全部出处): what Ctrl+F gives, with each place's
//! citation. Plain substring search over the report's sentences, in document order; no ranking.

use std::ops::Range;

use crate::knowledge::{Library, UnitId};
use crate::search::normalize::fold_for_search;

/// One sentence that says the word.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The sentence (查看原文 expands it to its paragraph).
    pub id: UnitId,
    pub text: String,
    /// Byte ranges of the word in `text`.
    pub matches: Vec<Range<usize>>,
    pub citation: String,
}

/// Every sentence of the newest report that contains `word`, in document order. The word is matched as
/// typed and in its folded form (simplified characters, half-width), so `楓橋` finds 枫桥.
pub fn places(library: &Library, word: &str) -> Vec<Place> {
    let typed = word.trim();
    let folded: String = fold_for_search(typed).split_whitespace().collect();
    let needles: Vec<&str> = [typed, folded.as_str()]
        .into_iter()
        .filter(|needle| !needle.is_empty())
        .collect();
    if needles.is_empty() {
        return Vec::new();
    }
    library
        .latest()
        .sentences()
        .filter_map(|sentence| {
            let matches = needles
                .iter()
                .map(|needle| {
                    sentence
                        .text
                        .match_indices(needle)
                        .map(|(at, found)| at..at + found.len())
                        .collect::<Vec<_>>()
                })
                .find(|matches| !matches.is_empty())?;
            Some(Place {
                id: UnitId::new(sentence.id.clone()),
                text: sentence.text.clone(),
                matches,
                citation: sentence.citation.clone(),
            })
        })
        .collect()
}
