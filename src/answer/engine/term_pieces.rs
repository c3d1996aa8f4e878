//! A piece of a glossary term that its entry explains on its own (`一渠两园三河五湖：一渠即幸福渠,…五湖即龙湖、
//! 南湖…`): 五湖有哪些 and 一渠是哪条渠 are answered with the clause `五湖即…` and the entry. The pieces are
//! read from the entries' `X即…` clauses where X is part of the term, so another report's glossary brings
//! its own. A question about a piece may say where the term is used (城市生态水系的五湖): words of the body
//! sentences quoting the term name no other topic.

use crate::knowledge::numerals::is_numeral_char;
use crate::knowledge::Report;
use crate::search::normalize::fold_for_search;
use crate::search::question::Question;

use super::super::english::{piece_in_english, Language};
use super::super::types::Outcome;
use super::asking::asking_words;
use super::leftover::{topicless, without, REPORT_WORDS};
use super::lists::LIST_CUES;
use super::Engine;

/// The word that opens a piece's explanation inside an entry (`五湖即…`).
const EXPLAINS: &str = "即";
/// Measure words, placing and pointing words a piece is counted or picked with (五个湖, 第三个, 叫什么名字,
/// 指的是).
const COUNTING: &str = "个条座处名字叫第几分别指是的";
/// A piece shorter than this (the “1” of 17110工作制度) is a digit or a character, too short to be asked by.
const PIECE_MIN_CHARS: usize = 2;

/// One piece of a term with the clause explaining it.
#[derive(Debug)]
struct Piece {
    /// Folded, as questions are.
    said: String,
    entry: usize,
    clause: String,
    /// The folded text of the body sentences quoting the entry's term: where the term is used.
    used_in: String,
}

/// The pieces of the newest report's glossary terms.
#[derive(Debug, Default)]
pub(super) struct TermPieces(Vec<Piece>);

impl TermPieces {
    pub(super) fn new(report: &Report) -> TermPieces {
        let mut pieces = Vec::new();
        for (entry, glossary) in report.glossary.iter().enumerate() {
            let term = fold_for_search(&glossary.term);
            let used_in: String = report
                .sentences()
                .filter(|sentence| sentence.text.contains(glossary.term.as_str()))
                .map(|sentence| fold_for_search(&sentence.text))
                .collect();
            let clauses = glossary
                .explanation
                .split([',', ';', '，', '；', '。'])
                .map(str::trim);
            for clause in clauses {
                let Some((said, _)) = clause.split_once(EXPLAINS) else {
                    continue;
                };
                let said = fold_for_search(said);
                let said = said.trim();
                if said.chars().count() >= PIECE_MIN_CHARS && term.contains(said) && said != term {
                    pieces.push(Piece {
                        said: said.to_owned(),
                        entry,
                        clause: clause.to_owned(),
                        used_in: used_in.clone(),
                    });
                }
            }
        }
        TermPieces(pieces)
    }
}

impl Engine {
    /// The clause and entry explaining the one piece of a term a question asks about, when the question
    /// names nothing else (but where the term is used). An English question is read with the report's
    /// words it names put in (the five lakes → 五湖); the English words left name no topic of the report.
    pub(super) fn term_piece_outcome(&self, question: &Question) -> Option<Outcome> {
        let english = Language::of(&question.normalized) == Language::English;
        let normalized = if english {
            question.search_text.as_str()
        } else {
            question.normalized.as_str()
        };
        let mut named = self
            .term_pieces
            .0
            .iter()
            .filter(|piece| normalized.contains(piece.said.as_str()));
        let piece = named.next()?;
        if named.next().is_some() {
            return None;
        }
        let entry = &self.glossary()[piece.entry];
        let rest = without(
            normalized,
            [piece.said.as_str(), fold_for_search(&entry.term).as_str()]
                .into_iter()
                .chain(LIST_CUES.iter().copied())
                .chain(REPORT_WORDS.iter().copied())
                .chain(asking_words()),
        );
        // 哪五个湖, 哪条渠: a count and the term's own characters name nothing new.
        let own_chars = format!("{}{COUNTING}", entry.term);
        let where_used = self
            .index
            .tokenizer()
            .words_of_normalized(&rest)
            .iter()
            .all(|word| {
                let word = word.text.as_ref();
                piece.used_in.contains(word)
                    || topicless(word)
                    || (english && word.is_ascii())
                    || word
                        .chars()
                        .all(|c| own_chars.contains(c) || is_numeral_char(c))
            });
        if !where_used {
            return None;
        }
        let doc = self.catalog.doc_of(&entry.id)?;
        let direct = if english {
            piece_in_english(&self.library.english, &piece.said, entry, &piece.clause)
        } else {
            format!("{}：{}", entry.term, piece.clause)
        };
        Some(self.chosen_answer(Some(direct), vec![self.chosen_hit(doc)]))
    }
}
