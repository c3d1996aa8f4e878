//! A question about the report with the asker's own words in a clause of their own (老师让查一下：报告人姓名,
//! 原文出处在哪，我写稿要注明来源): the clause that asks is read alone when every other clause names nothing
//! the report has. What the report has is its own vocabulary (the index's words), so no list of asker phrases
//! is needed, and a clause that names a topic (…，GDP多少) keeps the question a content question.

use crate::search::normalize::is_han;

use super::super::leftover::{without, REPORT_WORDS};
use super::super::Engine;
use super::words::Word;
use super::{meta_ask, MetaAsk, ASKER_WORDS, META_SCOPE_WORDS};

/// A question split into more clauses than this is a text, not a question with a preamble: read whole only.
const MAX_CLAUSES: usize = 4;

/// A word of the asker's clause this long or longer names something; a single character (让, 查, 写) is
/// too common to tell, and is let pass.
const MIN_NAMING_CHARS: usize = 2;

/// The classes of words that ask something (or check it, or ask of another occasion): a clause with one of them
/// is a question of its own, not the asker's words around one.
const ASKING_CLASSES: &[Word] = &[
    Word::Person,
    Word::Time,
    Word::Place,
    Word::Which,
    Word::Size,
    Word::Whose,
    Word::Check,
    Word::Span,
    Word::Other,
    Word::Content,
];

/// Words asking a quantity (多大岁数, 多少钱, 几个孩子): a clause with one asks something of its own, even of a
/// thing the report never names, and is no asker's preamble.
const QUANTITY_ASKING: &[&str] = &["多大", "多少", "几", "多久", "多长"];

impl Engine {
    /// What a question about the report asks: read whole, else one clause of it read alone.
    pub(in super::super) fn meta_asked(&self, normalized: &str) -> Option<MetaAsk> {
        meta_ask(normalized, &self.front_words).or_else(|| self.meta_asked_in_a_clause(normalized))
    }

    fn meta_asked_in_a_clause(&self, normalized: &str) -> Option<MetaAsk> {
        // Punctuation is folded to blanks; in Chinese a blank parts clauses, in English it parts words.
        if !normalized.chars().any(is_han) {
            return None;
        }
        let clauses: Vec<&str> = normalized.split(' ').filter(|c| !c.is_empty()).collect();
        if !(2..=MAX_CLAUSES).contains(&clauses.len()) {
            return None;
        }
        let (at, asked) = clauses
            .iter()
            .enumerate()
            .find_map(|(at, clause)| Some((at, meta_ask(clause, &self.front_words)?)))?;
        clauses
            .iter()
            .enumerate()
            .filter(|&(other, _)| other != at)
            .all(|(_, clause)| self.only_the_askers(clause, asked))
            .then_some(asked)
    }

    /// Whether a clause says only who asks and why: no figure, no asking word unless the clause asks the same on
    /// its own (还是隔了一天 checks something of its own; 我写稿要注明来源 only says why), and none of its
    /// other words, read into the report's terms, is one of the report's.
    fn only_the_askers(&self, clause: &str, asked: MetaAsk) -> bool {
        if clause.chars().any(|c| c.is_ascii_digit())
            || QUANTITY_ASKING.iter().any(|word| clause.contains(word))
        {
            return false;
        }
        let found = super::classes_in(clause);
        if found.iter().any(|(word, _)| ASKING_CLASSES.contains(word))
            && meta_ask(clause, &self.front_words) != Some(asked)
        {
            return false;
        }
        let rest = without(
            clause,
            found
                .iter()
                .map(|(_, word)| *word)
                .chain(REPORT_WORDS.iter().copied())
                .chain(META_SCOPE_WORDS.iter().copied())
                .chain(ASKER_WORDS.iter().copied()),
        );
        // Latin letters may be a term in English or pinyin, which the report's own words do not show.
        if rest.chars().any(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        let read = self.reader.read(&rest);
        self.index
            .tokenizer()
            .words_of_normalized(&read.search_text)
            .iter()
            .all(|word| {
                word.text.chars().count() < MIN_NAMING_CHARS
                    || self.index.term_id(&word.text).is_none()
            })
    }
}
