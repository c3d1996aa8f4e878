//! The grammar of a question typed in pinyin (`shi shei zuo de`, `jianle duoshao`): the ways of asking,
//! the grammar characters and the report's own verbs, by their toneless spelling.
//!
//! A question typed in pinyin names its topic in the report's words (the sound-alike vocabulary reads
//! those) and asks in these. The spellings come from the `pinyin` crate's readings of the phrases the engine
//! already knows (its markers and question words, jieba's verbs among the report's words):
//! nothing here lists a word by hand but the grammar characters.

use rustc_hash::FxHashMap;

use super::syllables::{term_readings, MAX_READINGS};

/// Characters of grammar (pronouns, 是, 的, 了 …): a two-character word holding one (这是, 就是, 我们) is no topic,
/// and a question's 这事 or 就事 is what it says.
pub(super) const FUNCTION_CHARS: &str =
    "这那哪我你他她它们是的了吗呢吧啊就也都还有没不在和与或及之其";

/// The ways of asking by spelling: whole toneless pinyin (`duoshao`) and, for the engine's own asking
/// phrases, initials (`ds`) → the phrase.
#[derive(Debug, Default)]
pub(super) struct AskingPinyin {
    spellings: FxHashMap<String, String>,
}

impl AskingPinyin {
    /// Learns the ways of asking (`phrases`, Han characters only) by their pinyin, with the grammar
    /// characters ([`FUNCTION_CHARS`]) one by one, then their initials (mb 目标, ds 多少); the first phrase
    /// of a spelling wins.
    pub(super) fn learn<S: AsRef<str>>(&mut self, phrases: impl IntoIterator<Item = S>) {
        let singles = FUNCTION_CHARS.chars().map(String::from);
        let phrases = spellings(
            phrases
                .into_iter()
                .map(|p| p.as_ref().to_owned())
                .chain(singles),
        );
        self.learn_spellings(&phrases);
        // The initials of the phrases of two characters or more hold no vowel and so meet no spelling above.
        for (phrase, readings) in &phrases {
            let Some(first) = readings.first().filter(|first| !first.is_empty()) else {
                continue;
            };
            if phrase.chars().count() < 2 {
                continue;
            }
            let initials: String = first.iter().filter_map(|s| s.chars().next()).collect();
            self.spellings
                .entry(initials)
                .or_insert_with(|| phrase.clone());
        }
    }

    /// Learns more words a question is put in (the report's verbs, commonest first) by
    /// their whole spelling only: their initials (jc, zs) would read as a topic's initials.
    pub(super) fn learn_words<S: AsRef<str>>(&mut self, words: impl IntoIterator<Item = S>) {
        let words = spellings(words.into_iter().map(|w| w.as_ref().to_owned()));
        self.learn_spellings(&words);
    }

    /// Every phrase's common reading before any other reading (谁 shui, then shei).
    fn learn_spellings(&mut self, phrases: &[(String, Vec<Vec<&'static str>>)]) {
        for n in 0..MAX_READINGS {
            for (phrase, readings) in phrases {
                if let Some(reading) = readings.get(n).filter(|reading| !reading.is_empty()) {
                    self.spellings
                        .entry(reading.concat().replace('ü', "v"))
                        .or_insert_with(|| phrase.clone());
                }
            }
        }
    }

    /// The phrase spelled `spelled`, if any.
    pub(super) fn get(&self, spelled: &str) -> Option<&str> {
        self.spellings.get(spelled).map(String::as_str)
    }

    /// One typed word that spells a phrase followed by grammar characters (`jianle` 建了, `zuode` 做的,
    /// `youmei` 有没): the phrase and the characters, read as one. Anything else (`ditie`, a topic the
    /// report lacks) stays unread: a verb and a grammar character are how a question is put, two other
    /// syllables are a word of their own.
    pub(super) fn read_word(&self, word: &str) -> Option<String> {
        // A grammar character by its common reading only: rarer ones (是 ti, 的 di) spell anything.
        let is_grammar = |spelled: &str| {
            FUNCTION_CHARS.chars().find(|&c| {
                term_readings(&[c])
                    .and_then(|readings| readings.into_iter().next())
                    .is_some_and(|reading| reading.concat() == spelled)
            })
        };
        // The longest phrase that is no grammar character first, then the grammar characters after it.
        (1..word.len()).rev().find_map(|cut| {
            let phrase = self
                .get(word.get(..cut)?)
                .filter(|phrase| !phrase.chars().all(|c| FUNCTION_CHARS.contains(c)))?;
            let mut read = phrase.to_owned();
            let mut rest = word.get(cut..)?;
            while !rest.is_empty() {
                let (end, grammar) = (1..=rest.len())
                    .rev()
                    .find_map(|end| Some((end, is_grammar(rest.get(..end)?)?)))?;
                read.push(grammar);
                rest = &rest[end..];
            }
            Some(read)
        })
    }
}

/// Each phrase with its readings (none when a character has no pinyin).
fn spellings(phrases: impl Iterator<Item = String>) -> Vec<(String, Vec<Vec<&'static str>>)> {
    phrases
        .filter_map(|phrase| {
            let chars: Vec<char> = phrase.chars().collect();
            let readings = term_readings(&chars)?;
            Some((phrase, readings))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_a_verb_and_its_grammar_characters() {
        let mut asking = AskingPinyin::default();
        asking.learn(["多少", "是谁"]);
        asking.learn_words(["建", "做"]);
        assert_eq!(asking.get("duoshao"), Some("多少"));
        assert_eq!(asking.get("ds"), Some("多少"));
        assert_eq!(asking.read_word("jianle").as_deref(), Some("建了"));
        assert_eq!(asking.read_word("zuodele").as_deref(), Some("做的了"));
        // Two syllables that are no verb and particle stay a word of their own.
        assert_eq!(asking.read_word("ditie"), None);
        assert_eq!(asking.read_word("jianshe"), None);
    }
}
