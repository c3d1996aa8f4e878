//! A thing the question names that the report never says (漯河市, 房价, 舞阳县): the rest of the question may
//! match a unit well (今年新增农村劳动力转移就业多少人), but that unit's figure is the county's own, not the
//! thing asked about, and a wrong figure is worse than a refusal. Such a word is found by what the engine
//! already knows of it: no unit of the report has it, it is no everyday word, question word or particle
//! (its topic weight stays at a rare word's), it names a thing (jieba tags it a noun or a name, or it ends
//! in a place's administrative suffix, as a county jieba does not know does) and the best unit does not
//! say it in smaller words either. Verbs and the asker's own coinages are left to coverage: they say how,
//! not what. A ranking whose best unit leaves one out is not confident, so a one-character typo of a
//! report word still gets its corrected reading before the question is refused.
//!
//! An English question has no tags to read, so its absent thing is found by the English the knowledge
//! names things by (aliases.toml, english.toml): a word no name says, qualifying one a name does, in a
//! question that asks what a thing is (what is the forest coverage rate: forest and rate are named,
//! coverage is not, so the figure asked is none the report gives).
//!
//! The same holds for a metric the report does keep (城镇化率) when the best unit is about something
//! else that shares the rest of the question's words (河南全省 in a glossary entry about the province).

use std::collections::HashSet;
use std::slice;

use crate::knowledge::{Library, GLOSSARY_HEADING_WORDS};
use crate::search::normalize::is_han;
use crate::search::pinyin_words::{is_pinyin, spells_syllables, typed_in_pinyin};
use crate::search::question::{Intent, Question};

use super::super::catalog::Unit;
use super::coverage::{coverage, TopicWord};
use super::lists::names_kind_asked;
use super::negated::in_negated_clause;
use super::weights::{ABSENT_THING_SAID, ABSENT_THING_WEIGHT, METRIC_SAID};
use super::{Engine, Scored};

impl Engine {
    /// Whether the question names a thing no unit of the report has and `best` does not say it in smaller
    /// words: its answer would be about something else.
    pub(super) fn leaves_out_absent_thing(
        &self,
        question: &Question,
        topic: &[TopicWord],
        best: Option<&Scored>,
    ) -> bool {
        let Some(best) = best else {
            return false;
        };
        if self
            .english_words
            .qualifies_with_unnamed(&question.normalized, topic)
        {
            tracing::debug!("an English question qualifies a named thing with a word no name says");
            return true;
        }
        // The kind of the items asked after 哪些 (三公经费指的是哪些费用, 招商聚焦哪些地区) is no thing of its
        // own when the best unit names items side by side: they are the kind's instances.
        let lists_kind = matches!(self.catalog.unit(best.doc), Unit::Glossary { .. })
            || self.catalog.enumerates(&self.library, best.doc);
        let kind_asked = |word: &str| lists_kind && names_kind_asked(&question.normalized, word);
        // jieba tags many everyday words a person's name (白云); a person asked about is identity.rs's.
        let tokenizer = self.index.tokenizer();
        let names_thing = |word: &str| {
            tokenizer.is_noun(word) && !tokenizer.is_person_name(word)
                || word.ends_with(PLACE_SUFFIXES)
        };
        // A word of a question typed in pinyin that no report word spells (chuangwei) is a Chinese word
        // the report lacks; with no letters to tag, it is taken for the thing a number is asked of (a
        // verb or the asker's own word, paiming, is left to coverage).
        let pinyin = question.intent == Intent::Number && typed_in_pinyin(&question.normalized);
        let absent = |word: &TopicWord| {
            is_absent_word(word) && names_thing(word.text)
                || pinyin && word.term.is_none() && is_pinyin(word.text)
        };
        topic
            .iter()
            .filter(|word| absent(word) && !kind_asked(word.text))
            .any(|word| {
                let has_char = |c: char| self.catalog.text_has_char(&self.library, best.doc, c);
                let said = coverage(
                    slice::from_ref(word),
                    self.index.doc_words(best.doc),
                    &has_char,
                );
                if said < ABSENT_THING_SAID {
                    tracing::debug!(
                        chars = word.text.chars().count(),
                        "a thing the report never says"
                    );
                    return true;
                }
                false
            })
    }

    /// Whether the question names a metric the report gives figures for (城镇化率) and `best` does not
    /// speak of it: the rest of the question (河南全省) matched another thing, whose text is no answer
    /// about that metric.
    pub(super) fn leaves_out_metric(
        &self,
        question: &str,
        topic: &[TopicWord],
        best: Option<&Scored>,
    ) -> bool {
        let Some(best) = best else {
            return false;
        };
        topic
            .iter()
            .filter(|word| {
                word.term
                    .is_some_and(|term| self.metric_terms.contains(&term))
            })
            // Aliases read other words (English above all: revenue is any of the report's incomes) into
            // a metric loosely: only a metric the asker wrote names the thing asked.
            .filter(|word| question.contains(word.text))
            .any(|word| {
                if self.said_with_sentence(word, best.doc) < METRIC_SAID {
                    tracing::debug!(
                        chars = word.text.chars().count(),
                        "the best unit speaks of another metric"
                    );
                    return true;
                }
                false
            })
    }

    /// Whether a number is asked of a thing named by a noun before another word of the question (耕地面积,
    /// 第一产业增加值) and `best` has that other word after a word of its own instead (蔬菜播种面积,
    /// 规上工业增加值): its figure measures another thing of the same kind. A word the question only
    /// adds to the name the unit writes (财政 of 一般公共预算收入) leaves the name unqualified in the unit.
    pub(super) fn leaves_out_modifier(
        &self,
        question: &Question,
        topic: &[TopicWord],
        best: Option<&Scored>,
    ) -> bool {
        let Some(best) = best else {
            return false;
        };
        if question.intent != Intent::Number {
            return false;
        }
        let Some(text) = self.catalog.own_name(&self.library, best.doc) else {
            return false;
        };
        let tokenizer = self.index.tokenizer();
        topic
            .iter()
            .filter(|word| word.term.is_some() && word.weight >= ABSENT_THING_WEIGHT)
            .any(|modifier| {
                // Two words that end alike name two things of one kind side by side (公园游园), not one
                // thing and its kind.
                let siblings = |head: &TopicWord| {
                    head.text.chars().next_back() == modifier.text.chars().next_back()
                };
                let before_head = |head: &TopicWord| {
                    let asked = question.normalized.as_str();
                    asked
                        .match_indices(modifier.text)
                        .any(|(at, said)| asked[at + said.len()..].starts_with(head.text))
                };
                let modified = topic
                    .iter()
                    .find(|head| !siblings(head) && text.contains(head.text) && before_head(head));
                // The cheap tests first: most questions name no head the unit writes after a noun.
                let Some(head) = modified else {
                    return false;
                };
                if !tokenizer.is_noun(modifier.text)
                    || in_negated_clause(&question.normalized, modifier.text)
                {
                    return false;
                }
                let unsaid = self.said_with_sentence(modifier, best.doc) < METRIC_SAID;
                // The unit's name qualifies the head with a word of its own wherever it writes it.
                let qualified_otherwise = text
                    .match_indices(head.text)
                    .all(|(at, _)| text[..at].chars().next_back().is_some_and(is_han));
                if unsaid && qualified_otherwise {
                    tracing::debug!("the best unit measures another thing of the kind asked");
                    return true;
                }
                false
            })
    }

    /// How much of `word` a unit says, or the sentence it was read from: a figure speaks of what its
    /// sentence says (the other metric of 新增农民合作社116家、家庭农场328家).
    fn said_with_sentence(&self, word: &TopicWord, doc: u32) -> f32 {
        let said = |doc: u32| {
            let has_char = |c: char| self.catalog.text_has_char(&self.library, doc, c);
            coverage(slice::from_ref(word), self.index.doc_words(doc), &has_char)
        };
        let in_sentence = self.catalog.sentence_doc(doc).map_or(0.0, said);
        said(doc).max(in_sentence)
    }
}

/// The last character of a place's name by its administrative level (漯河市, 舞阳县, 郾城区, 师灵镇): a
/// place jieba's dictionary lacks is still a place.
const PLACE_SUFFIXES: &[char] = &['省', '市', '县', '区', '镇', '乡', '村'];

/// The last character of a word that says where in the county (县上, 村里, 镇上): no other place.
const LOCATIVE_CHARS: &[char] = &['上', '里', '中', '内', '下'];

/// The first character of a word that asks which one (哪家, 哪位, 啥样): it names nothing.
const WHICH_CHARS: &[char] = &['哪', '啥'];

/// A word of two Han characters or more that no unit has and that kept a rare word's weight. The words
/// that name a report's appendix (注释, 名词解释) are the report's own, though no unit has them.
fn is_absent_word(word: &TopicWord) -> bool {
    word.term.is_none()
        && word.weight >= ABSENT_THING_WEIGHT
        && word.text.chars().count() >= 2
        && word.text.chars().all(is_han)
        && !word.text.starts_with(WHICH_CHARS)
        && !word.text.ends_with(LOCATIVE_CHARS)
        && !GLOSSARY_HEADING_WORDS.contains(&word.text)
}

/// The words of English questions that join or point and name nothing: a word no name says beside one of
/// them qualifies no named thing (the plan for water-treatment makers like Huifeng).
const ENGLISH_GRAMMAR: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "for", "to", "by", "with", "and", "or", "is", "are",
    "was", "were", "be", "been", "what", "which", "how", "many", "much", "does", "do", "did",
    "this", "that", "these", "those", "it", "its", "s", "like", "such", "as", "from", "into",
    "about", "between", "among", "per", "than", "up", "out", "over", "under", "after", "before",
    "during", "within", "without", "via", "their", "our", "your", "his", "her", "my", "around",
];

/// Letters two English words must share at their start to be one word's forms (invest, investment).
/// Fewer joins unrelated words (rate, ratio); more misses forms that change early (built, building).
const STEM_LETTERS: usize = 5;

/// The English words the knowledge names things by: every word of an alias's variants and of
/// english.toml's names, and the first [`STEM_LETTERS`] letters of each, for the other forms of a word.
pub(super) struct EnglishWords {
    words: HashSet<String>,
    stems: HashSet<String>,
}

impl EnglishWords {
    pub(super) fn new(library: &Library) -> EnglishWords {
        let names = library
            .aliases
            .iter()
            .flat_map(|alias| alias.variants.iter())
            .chain(library.english.iter().flat_map(|term| term.en.iter()));
        let mut words = HashSet::new();
        for name in names {
            let name = name.to_ascii_lowercase();
            let letters = name.split(|c: char| !c.is_ascii_lowercase());
            words.extend(letters.filter(|word| !word.is_empty()).map(str::to_owned));
        }
        let stems = words
            .iter()
            .filter_map(|word| word.get(..STEM_LETTERS))
            .map(str::to_owned)
            .collect();
        EnglishWords { words, stems }
    }

    /// Whether a name says `word` (lowercase letters), or another form of it.
    fn knows(&self, word: &str) -> bool {
        self.words.contains(word)
            || word
                .get(..STEM_LETTERS)
                .is_some_and(|stem| self.stems.contains(stem))
    }

    /// Whether an English question asks what a thing is (what is, what was …) and a word of its topic that
    /// no name says, pinyin does not spell and no grammar makes stands right before a word a name says:
    /// it qualifies a named thing (forest coverage rate, foreign direct investment) into one the knowledge
    /// has no name for. The question's verb comes after its subject, so only a copula's question is read.
    pub(super) fn qualifies_with_unnamed(&self, normalized: &str, topic: &[TopicWord]) -> bool {
        if !normalized.starts_with("what") {
            return false;
        }
        let words: Vec<&str> = normalized
            .split(|c: char| !c.is_ascii_lowercase())
            .filter(|word| !word.is_empty())
            .collect();
        if words.len() < 2
            || words[0] != "what"
            || !["is", "are", "was", "were", "s"].contains(&words[1])
        {
            return false;
        }
        // A Chinese question with Latin letters in it (what is 四张清单) is no English question.
        if normalized.chars().any(is_han) {
            return false;
        }
        let grammar = |word: &str| ENGLISH_GRAMMAR.contains(&word);
        let unnamed = |word: &str| {
            !grammar(word)
                && !self.knows(word)
                && !spells_syllables(word)
                && topic
                    .iter()
                    .any(|said| said.term.is_none() && said.text == word)
        };
        words
            .windows(2)
            .any(|pair| unnamed(pair[0]) && !grammar(pair[1]) && self.knows(pair[1]))
    }
}
