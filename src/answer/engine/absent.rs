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
//! The same holds for a metric the report does keep (城镇化率) when the best unit is about something
//! else that shares the rest of the question's words (河南全省 in a glossary entry about the province).

use std::slice;

use crate::knowledge::GLOSSARY_HEADING_WORDS;
use crate::search::normalize::is_han;
use crate::search::pinyin_words::{is_pinyin, typed_in_pinyin};
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
