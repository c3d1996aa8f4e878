//! What to offer when the report does not answer: the newest report's topics (section titles, paragraph
//! lead phrases) and glossary terms nearest to the question's own words, never a fixed list, and nothing
//! when nothing is near (the weather, a greeting). Also the glossary entries a partial or misremembered
//! term may mean (`枫桥` → 枫桥经验, `三公` → 三公经费).

use crate::knowledge::{GlossaryEntry, Library};
use crate::search::normalize::fold_for_search;

/// Suggestions offered under a refusal: enough to contain the topic meant, few enough to read as a
/// choice on a phone (each is a button).
pub const MAX_SUGGESTIONS: usize = 4;
/// Glossary candidates offered for a term that is not an entry: a little more than a refusal's,
/// since `四个` really may mean any of several entries.
pub const MAX_TERM_CANDIDATES: usize = 6;

/// Scattered characters a label must share with the question when it shares no two-character word: two
/// let 增长 match 增进民生福祉 (增, 生); three still find a topic asked in other words.
const MIN_SHARED_CHARS: u32 = 3;
/// Glossary terms this short are too easily one character off something else to be offered as what a
/// question meant (四专, 六保).
const MEANT_TERM_MIN_CHARS: usize = 4;
/// Characters that say nothing about a topic: question words, particles, time words. A suggestion
/// must share something other than these with the question.
const FILLER: &str =
    "的是了吗呢啊吧么什怎样多少哪几今年去明天有没在和与及对个为要把被请问说下一这那啥我你他们";

/// A place in the report or a glossary entry worth asking about instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    /// The section, paragraph or glossary entry id.
    pub id: String,
    /// What the user sees (the report's own words).
    pub label: String,
}

/// What a suggestion leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuggestionKind {
    /// A section or paragraph topic: asking about it answers from there.
    Topic,
    /// A glossary entry: its explanation.
    Term,
}

/// The newest report's topics and glossary terms nearest to `question`, best first; empty when none
/// shares a two-character word or three content characters with it.
pub fn suggestions_for(library: &Library, question: &str) -> Vec<Suggestion> {
    let report = library.latest();
    let sections = report
        .sections()
        .filter(|section| !section.numeral.is_empty())
        .map(|section| (SuggestionKind::Topic, &section.id, &section.short_title));
    let topics = report.paragraphs().filter_map(|paragraph| {
        let topic = paragraph.topic.as_ref()?;
        Some((SuggestionKind::Topic, &paragraph.id, topic))
    });
    let terms = report
        .glossary
        .iter()
        .map(|entry| (SuggestionKind::Term, &entry.id, &entry.term));
    let wanted = content(question);
    let mut scored: Vec<(u32, Suggestion)> = sections
        .chain(topics)
        .chain(terms)
        .filter_map(|(kind, id, label)| {
            let score = closeness(&wanted, label)?;
            Some((
                score,
                Suggestion {
                    kind,
                    id: id.clone(),
                    label: label.clone(),
                },
            ))
        })
        .collect();
    // Best first; among equals the shorter label (a heading before a long lead phrase), then report order.
    scored.sort_by_key(|(score, suggestion)| (u32::MAX - score, suggestion.label.chars().count()));
    let mut suggestions: Vec<Suggestion> = Vec::new();
    for (_, suggestion) in scored {
        if !suggestions.iter().any(|s| s.label == suggestion.label) {
            suggestions.push(suggestion);
        }
    }
    suggestions.truncate(MAX_SUGGESTIONS);
    suggestions
}

/// The glossary entry a refused question most likely meant: one whose term the question writes all but
/// one character of (三张单子 → 三张清单), without writing it whole. The longest such term wins.
pub fn meant_entry<'a>(library: &'a Library, question: &str) -> Option<&'a GlossaryEntry> {
    let folded = fold_for_search(question);
    library
        .latest()
        .glossary
        .iter()
        .filter(|entry| {
            let term = fold_for_search(&entry.term);
            let chars: Vec<char> = term.chars().collect();
            let written = chars.iter().filter(|c| folded.contains(**c)).count();
            chars.len() >= MEANT_TERM_MIN_CHARS
                && !folded.contains(&term)
                && written + 1 >= chars.len()
        })
        .max_by_key(|entry| entry.term.chars().count())
}

/// The words a topic suggestion stands for (a section's short title, a paragraph's lead phrase), by
/// its id; `None` for an id the newest report does not have (a button from an older report).
pub fn topic_label(library: &Library, id: &str) -> Option<String> {
    let report = library.latest();
    report
        .sections()
        .find(|section| section.id == id)
        .map(|section| section.short_title.clone())
        .or_else(|| {
            report
                .paragraph(id)
                .and_then(|paragraph| paragraph.topic.clone())
        })
}

/// The glossary entries `term` may mean when it is no entry itself: entries containing it first, then
/// entries sharing a two-character word or three of its characters.
pub fn glossary_candidates<'a>(
    glossary: &'a [GlossaryEntry],
    term: &str,
) -> Vec<&'a GlossaryEntry> {
    let folded = fold_for_search(term).split_whitespace().collect::<String>();
    let wanted = content(term);
    let mut scored: Vec<(u32, &GlossaryEntry)> = glossary
        .iter()
        .filter_map(|entry| {
            let contains = !folded.is_empty() && fold_for_search(&entry.term).contains(&folded);
            let score = if contains {
                Some(u32::MAX / 2)
            } else {
                closeness(&wanted, &entry.term)
            };
            score.map(|score| (score, entry))
        })
        .collect();
    scored.sort_by_key(|(score, _)| u32::MAX - score);
    scored
        .into_iter()
        .map(|(_, entry)| entry)
        .take(MAX_TERM_CANDIDATES)
        .collect()
}

/// The question's Han characters and letters/digits, folded, with filler characters as gaps.
fn content(text: &str) -> Vec<Option<char>> {
    fold_for_search(text)
        .chars()
        .map(|c| (c.is_alphanumeric() && !FILLER.contains(c)).then_some(c))
        .collect()
}

/// How near `label` is to the question's content: two points per pair of adjacent question characters
/// it contains, one per distinct character; `None` below one pair or [`MIN_SHARED_CHARS`] characters.
fn closeness(wanted: &[Option<char>], label: &str) -> Option<u32> {
    let label = fold_for_search(label);
    let pairs = wanted
        .windows(2)
        .filter_map(|pair| match pair {
            [Some(a), Some(b)] => Some(format!("{a}{b}")),
            _ => None,
        })
        .filter(|pair| label.contains(pair.as_str()))
        .count();
    let mut chars: Vec<char> = wanted
        .iter()
        .flatten()
        .copied()
        .filter(|c| label.contains(*c))
        .collect();
    chars.sort_unstable();
    chars.dedup();
    let pairs = u32::try_from(pairs).unwrap_or(u32::MAX);
    let chars = u32::try_from(chars.len()).unwrap_or(u32::MAX);
    (pairs >= 1 || chars >= MIN_SHARED_CHARS).then(|| pairs.saturating_mul(2).saturating_add(chars))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(number: u32, term: &str) -> GlossaryEntry {
        GlossaryEntry {
            id: format!("r/g{number}"),
            number,
            term: term.to_owned(),
            explanation: String::new(),
            used_in: Vec::new(),
            kind_words: Vec::new(),
        }
    }

    #[test]
    fn closeness_needs_a_shared_word_or_two_content_characters() {
        let wanted = content("明天天气怎么样");
        assert_eq!(closeness(&wanted, "蓝天保卫战"), None);
        let wanted = content("过去五年生产总值年均增长多少");
        assert_eq!(
            closeness(&wanted, "增进民生福祉"),
            None,
            "two scattered characters"
        );
        let wanted = content("粮食产量");
        assert!(closeness(&wanted, "保障粮食安全").is_some());
        assert!(closeness(&wanted, "粮食") > closeness(&wanted, "食品安全"));
    }

    #[test]
    fn partial_and_fuzzy_terms_find_their_entries() {
        let glossary = [
            entry(1, "枫桥经验"),
            entry(2, "三公经费"),
            entry(3, "四个意识"),
            entry(4, "四个自信"),
            entry(5, "六稳"),
        ];
        let terms = |term: &str| -> Vec<&str> {
            glossary_candidates(&glossary, term)
                .iter()
                .map(|entry| entry.term.as_str())
                .collect()
        };
        assert_eq!(terms("枫桥"), ["枫桥经验"]);
        assert_eq!(terms("三公"), ["三公经费"]);
        assert_eq!(terms("四个"), ["四个意识", "四个自信"]);
        assert_eq!(terms("公经费"), ["三公经费"]);
        assert!(terms("量子").is_empty());
    }
}
