//! What people say, in the report's terms (GDP → 生产总值): the alias table chosen from the knowledge's
//! pairs, and its use on questions, where the report's own terms stay as written.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, BuildError};

use super::phrases::{at_word_boundaries, phrase_matcher};
use crate::search::normalize::{fold_for_search, is_han};
use crate::search::typo::TypoVocabulary;

/// An alias pairing as the reader needs it: a way of saying and the report's term for it.
pub struct AliasPair<'a> {
    pub variant: &'a str,
    pub canonical: &'a str,
}

/// The variants and report terms a question is matched against.
pub(super) struct Aliases {
    matcher: AhoCorasick,
    /// For each pattern of `matcher`, the report term it stands for (`None`: the pattern is a report term
    /// itself).
    targets: Vec<Option<String>>,
    /// For each pattern, whether it is a way of asking for the report's figures as a whole (目标, 今年目标,
    /// targets → 主要预期目标): its term is one that a way of asking (`asks`) is a variant of.
    asks_for_all: Vec<bool>,
}

impl Aliases {
    /// The table, and the vocabulary typos are corrected against: every pattern, meaning its report term.
    /// `terms` are the report's own terms besides the aliases' (glossary terms, metrics, dictionary words).
    /// `asks` tells the ways of asking (目标, targets) apart from names of things.
    pub(super) fn build<'a>(
        aliases: impl IntoIterator<Item = AliasPair<'a>>,
        terms: impl IntoIterator<Item = &'a str>,
        asks: impl Fn(&str) -> bool,
    ) -> Result<(Aliases, TypoVocabulary), BuildError> {
        // Variants first: a report term that is also listed as a variant (规上工业增加值 for
        // 规模以上工业增加值) is rewritten, so that both spellings meet on one. A variant listed under
        // several terms goes to the shortest, the most general of them (output → 产量, not 生产总值).
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Option<String>> = Vec::new();
        let mut seen = HashSet::new();
        let mut canonicals = Vec::new();
        let mut chosen: Vec<(String, String)> = Vec::new();
        let mut chosen_at: HashMap<String, usize> = HashMap::new();
        let pairs: Vec<(String, String)> = aliases
            .into_iter()
            .map(|AliasPair { variant, canonical }| {
                (fold_for_search(variant), fold_for_search(canonical))
            })
            .filter(|(variant, canonical)| !variant.is_empty() && !canonical.is_empty())
            .collect();
        let own_terms: HashSet<&str> = pairs
            .iter()
            .map(|(_, canonical)| canonical.as_str())
            .collect();
        for (variant, canonical) in &pairs {
            let (variant, canonical) = (variant.clone(), canonical.clone());
            canonicals.push(canonical.clone());
            if variant == canonical {
                continue;
            }
            // A variant that is a report term of its own competes as itself: 城镇化率 stays, and
            // 常住人口城镇化率 (listed under 城镇化率) becomes it.
            let canonical = if own_terms.contains(variant.as_str())
                && variant.chars().count() <= canonical.chars().count()
            {
                variant.clone()
            } else {
                canonical
            };
            match chosen_at.get(&variant) {
                Some(&at) => {
                    let target = &mut chosen[at].1;
                    if canonical.chars().count() < target.chars().count() {
                        *target = canonical;
                    }
                }
                None => {
                    chosen_at.insert(variant.clone(), chosen.len());
                    chosen.push((variant, canonical));
                }
            }
        }
        let asked_terms: HashSet<&str> = pairs
            .iter()
            .filter(|(variant, _)| asks(variant))
            .map(|(_, canonical)| canonical.as_str())
            .collect();
        let mut asks_for_all = Vec::new();
        for (variant, canonical) in chosen {
            if variant == canonical {
                continue;
            }
            seen.insert(variant.clone());
            asks_for_all.push(asked_terms.contains(canonical.as_str()));
            patterns.push(variant);
            targets.push(Some(canonical));
        }
        for term in canonicals
            .into_iter()
            .chain(terms.into_iter().map(fold_for_search))
        {
            if !term.is_empty() && seen.insert(term.clone()) {
                patterns.push(term);
                targets.push(None);
                asks_for_all.push(false);
            }
        }
        let typos = TypoVocabulary::with_meanings(
            patterns
                .iter()
                .zip(&targets)
                .map(|(term, target)| (term, target.clone().unwrap_or_else(|| term.clone()))),
        );
        let matcher = phrase_matcher(&patterns)?;
        Ok((
            Aliases {
                matcher,
                targets,
                asks_for_all,
            },
            typos,
        ))
    }

    /// The report term a whole phrase is a way of saying (`农民收入` → `农村居民人均可支配收入`), if any.
    pub(super) fn canonical_of(&self, phrase: &str) -> Option<&str> {
        let found = self
            .matcher
            .find_iter(phrase)
            .find(|found| found.start() == 0 && found.end() == phrase.len())?;
        self.targets[found.pattern().as_usize()].as_deref()
    }

    /// Whether `text` ends with a pattern (a report term or a way of saying one) longer than `than` bytes.
    pub(super) fn ends_with_pattern(&self, text: &str, than: usize) -> bool {
        self.matcher
            .find_iter(text)
            .any(|found| found.end() == text.len() && found.end() - found.start() > than)
    }

    /// Whether a report term (or a way of saying one) holds `start..end` (byte range) and goes on after it
    /// (the 人口 of 常住人口城镇化率, not of 贫困人口).
    pub(super) fn continues_after(&self, text: &str, start: usize, end: usize) -> bool {
        self.matcher
            .find_iter(text)
            .any(|found| found.start() <= start && end < found.end())
    }

    /// Whether an alias phrase longer than `start..end` (byte range) overlaps it (`per capita gdp` around
    /// `gdp`).
    pub(super) fn longer_around(&self, text: &str, start: usize, end: usize) -> bool {
        self.matcher.find_iter(text).any(|found| {
            found.start() < end
                && start < found.end()
                && found.end() - found.start() > end - start
                && at_word_boundaries(text, found.start(), found.end())
        })
    }

    /// Rewrites what people say into the report's terms (`gdp` → `生产总值`) in normalised text; the report's
    /// own terms, and any longer term containing a variant, stay as written. A way of asking for the
    /// figures as a whole (今年目标) beside another term (白酒振兴工程今年目标) asks for that term's: it
    /// stays as written too, a way of asking and its year.
    pub(super) fn rewrite(&self, text: &str) -> String {
        let found: Vec<_> = self
            .matcher
            .find_iter(text)
            .filter(|found| at_word_boundaries(text, found.start(), found.end()))
            .collect();
        let names_other = found
            .iter()
            .any(|found| !self.asks_for_all[found.pattern().as_usize()]);
        let mut out = String::with_capacity(text.len() + 16);
        let mut at = 0;
        for found in found {
            let pattern = found.pattern().as_usize();
            let Some(canonical) = &self.targets[pattern] else {
                continue;
            };
            if names_other && self.asks_for_all[pattern] {
                continue;
            }
            out.push_str(&text[at..found.start()]);
            // Spaces keep a replaced ASCII word from gluing to its neighbours; Han beside Han needs none,
            // and without them the phrases around the term still read whole (平均增速 → 平均增长).
            let ascii = |c: Option<char>| c.is_none_or(|c| !is_han(c));
            let pad_before = ascii(text[..found.start()].chars().next_back())
                || ascii(text[found.start()..].chars().next());
            let pad_after = ascii(text[found.end()..].chars().next())
                || ascii(text[..found.end()].chars().next_back());
            if pad_before {
                out.push(' ');
            }
            out.push_str(canonical);
            if pad_after {
                out.push(' ');
            }
            at = found.end();
        }
        out.push_str(&text[at..]);
        out
    }
}
