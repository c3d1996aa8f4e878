//! What is shown for a ranking: one hit per sentence, each with its excerpt and marked words, the direct
//! answer of the best hit, and the glossary entries the hits use.

use std::ops::Range;

use crate::knowledge::UnitId;
use crate::search::index::DocWords;

use super::super::catalog::{
    glossary_answer, glossary_citation, indicator_answer, paragraph, SentenceAt, Unit,
};
use super::super::types::{Answered, Hit, HitKind, Outcome};
use super::lists::{item_answer, list_answer};
use super::weights::HIT_COVERAGE;
use super::{Engine, Ranking, Scored};

impl Engine {
    /// Ranked units, one per sentence, each covering enough of the question.
    pub(super) fn distinct_hits(&self, ranking: &Ranking) -> Vec<Scored> {
        let mut shown: Vec<Scored> = Vec::new();
        let mut sentences: Vec<SentenceAt> = Vec::new();
        for scored in &ranking.ranked {
            if scored.coverage < HIT_COVERAGE || scored.conflict {
                continue;
            }
            let mut scored = *scored;
            match self.catalog.unit(scored.doc) {
                Unit::Sentence(mut at) => {
                    // A lead phrase alone answers nothing: show the sentence after it (the excerpt keeps
                    // the lead phrase as its context).
                    if let Some(next) = self.body_after_heading(at) {
                        at = next.0;
                        scored.doc = next.1;
                    }
                    if sentences.contains(&at) {
                        continue;
                    }
                    sentences.push(at);
                }
                Unit::Indicator {
                    sentence: Some(at), ..
                } => {
                    // One excerpt per sentence: its other figures are in the direct answer or the
                    // excerpt already.
                    if sentences.contains(&at) {
                        continue;
                    }
                    sentences.push(at);
                }
                Unit::Indicator { sentence: None, .. }
                | Unit::Glossary { .. }
                | Unit::List { .. } => {}
            }
            shown.push(scored);
        }
        shown
    }

    /// For a heading sentence (the paragraph's lead phrase or a subtopic), the next sentence and its document.
    pub(super) fn body_after_heading(&self, at: SentenceAt) -> Option<(SentenceAt, u32)> {
        let paragraph = paragraph(&self.library, at);
        let sentence = paragraph.sentences.get(at.sentence)?;
        let bare = sentence.text.trim().trim_end_matches(['。', '.']);
        let heading =
            paragraph.topic.as_deref() == Some(bare) || sentence.subtopic.as_deref() == Some(bare);
        if !heading {
            return None;
        }
        let next = SentenceAt {
            sentence: at.sentence + 1,
            ..at
        };
        let doc = self
            .catalog
            .doc_of(&paragraph.sentences.get(next.sentence)?.id)?;
        Some((next, doc))
    }

    /// The first line of a reply, for a unit that answers on its own: a figure, a definition, a list (or
    /// the item of it that `ordinal` asks for).
    pub(super) fn direct_answer(&self, doc: u32, ordinal: Option<u32>) -> Option<String> {
        match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => {
                let indicators = &self.library.reports[report].indicators;
                let first = &indicators[index];
                // Figures of one statement (贫困人口全部脱贫: 16406户, 45576名) are one answer.
                let values: Vec<&str> = indicators
                    .iter()
                    .filter(|other| {
                        other.sentence_id == first.sentence_id
                            && other.metric == first.metric
                            && other.kind == first.kind
                    })
                    .map(|other| other.value_text.as_str())
                    .collect();
                let mut answer = indicator_answer(first);
                if values.len() > 1 {
                    answer.truncate(answer.len() - first.value_text.len());
                    answer.push_str(&values.join("、"));
                }
                Some(answer)
            }
            Unit::Glossary { report, index } => Some(glossary_answer(
                &self.library.reports[report].glossary[index],
            )),
            Unit::List { report, index } => {
                let list = &self.library.reports[report].lists[index];
                ordinal
                    .and_then(|number| item_answer(list, number))
                    .or_else(|| Some(list_answer(list)))
            }
            Unit::Sentence(_) => None,
        }
    }

    /// The sources of an answer worked out from two figures, in the order the answer names them: one hit
    /// when both figures stand in the same passage, so a reader is not shown the same sentence twice.
    pub(super) fn computed_sources(
        &self,
        figures: [&Scored; 2],
        question_terms: &[u32],
    ) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::with_capacity(2);
        for scored in figures {
            let hit = self.hit(scored, question_terms);
            if hits
                .iter()
                .all(|kept| kept.excerpt != hit.excerpt || kept.citation != hit.citation)
            {
                hits.push(hit);
            }
        }
        hits
    }

    /// The hit of a unit the engine chose itself (a list, a part, a glossary entry) rather than one the
    /// search ranked: it cites the unit whole, with nothing to highlight.
    pub(super) fn chosen_hit(&self, doc: u32) -> Hit {
        let scored = Scored {
            doc,
            coverage: 1.0,
            score: 1.0,
            conflict: false,
        };
        self.hit(&scored, &[])
    }

    /// An answer the engine composed itself: its direct line and the hits it chose, on one page, with the
    /// glossary entries they use.
    pub(super) fn chosen_answer(&self, direct: Option<String>, hits: Vec<Hit>) -> Outcome {
        Outcome::Answered(Answered {
            direct,
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        })
    }

    pub(super) fn hit(&self, scored: &Scored, question_terms: &[u32]) -> Hit {
        let score = (scored.score * 1000.0).round() / 1000.0;
        match self.catalog.unit(scored.doc) {
            Unit::Sentence(at) => {
                let sentence = &paragraph(&self.library, at).sentences[at.sentence];
                let (excerpt, highlights) = self.excerpt(at, question_terms);
                Hit {
                    kind: HitKind::Passage,
                    id: UnitId::new(sentence.id.clone()),
                    text: sentence.text.clone(),
                    excerpt,
                    highlights,
                    citation: sentence.citation.clone(),
                    score,
                }
            }
            Unit::Indicator {
                report,
                index,
                sentence,
            } => {
                let indicator = &self.library.reports[report].indicators[index];
                let text = indicator_answer(indicator);
                let (excerpt, highlights) = match sentence {
                    Some(at) => self.excerpt(at, question_terms),
                    None => (text.clone(), Vec::new()),
                };
                Hit {
                    kind: HitKind::Indicator,
                    id: UnitId::new(indicator.id.clone()),
                    text,
                    excerpt,
                    highlights,
                    citation: indicator.citation.clone(),
                    score,
                }
            }
            Unit::Glossary { report, index } => {
                let report_data = &self.library.reports[report];
                let entry = &report_data.glossary[index];
                let words = self.index.doc_words(scored.doc);
                let excerpt = format!("{}:{}", entry.term, entry.explanation);
                let highlights = marks(words, question_terms, 0, excerpt.len());
                Hit {
                    kind: HitKind::Glossary,
                    id: UnitId::new(entry.id.clone()),
                    text: glossary_answer(entry),
                    excerpt,
                    highlights,
                    citation: glossary_citation(report_data, entry),
                    score,
                }
            }
            Unit::List { report, index } => {
                let list = &self.library.reports[report].lists[index];
                let text = list_answer(list);
                let words = self.index.doc_words(scored.doc);
                let excerpt = list.lead.clone().unwrap_or_else(|| list.name.clone());
                let highlights = marks(words, question_terms, 0, excerpt.len());
                Hit {
                    kind: HitKind::List,
                    id: UnitId::new(list.id.clone()),
                    text,
                    excerpt,
                    highlights,
                    citation: list.citation.clone(),
                    score,
                }
            }
        }
    }

    /// The sentence plus the neighbour in its paragraph that shares more of the question (the next one on
    /// a tie), in report order, with the question's words marked.
    pub(super) fn excerpt(
        &self,
        at: SentenceAt,
        question_terms: &[u32],
    ) -> (String, Vec<Range<usize>>) {
        let paragraph = paragraph(&self.library, at);
        let matches_in = |index: usize| -> Option<usize> {
            paragraph.sentences.get(index)?;
            let doc = self.catalog.sentence_doc_at(SentenceAt {
                sentence: index,
                ..at
            })?;
            Some(
                self.index
                    .doc_words(doc)
                    .main
                    .iter()
                    .filter(|term| question_terms.binary_search(term).is_ok())
                    .count(),
            )
        };
        let previous = at
            .sentence
            .checked_sub(1)
            .and_then(|i| matches_in(i).map(|m| (i, m)));
        let next = matches_in(at.sentence + 1).map(|m| (at.sentence + 1, m));
        let neighbour = match (previous, next) {
            (Some((p, pm)), Some((_, nm))) if pm > nm => Some(p),
            (_, Some((n, _))) => Some(n),
            (Some((p, _)), None) => Some(p),
            (None, None) => None,
        };
        let mut order = vec![at.sentence];
        if let Some(n) = neighbour {
            order.push(n);
            order.sort_unstable();
        }
        let mut excerpt = String::new();
        let mut highlights = Vec::new();
        for index in order {
            let sentence = &paragraph.sentences[index];
            let offset = excerpt.len();
            excerpt.push_str(&sentence.text);
            if let Some(doc) = self.catalog.sentence_doc_at(SentenceAt {
                sentence: index,
                ..at
            }) {
                highlights.extend(marks(
                    self.index.doc_words(doc),
                    question_terms,
                    offset,
                    sentence.text.len(),
                ));
            }
        }
        (excerpt, merge(highlights))
    }

    /// The glossary entries the hits are or use, each once, in hit order.
    pub(super) fn glossary_refs(&self, hits: &[Hit]) -> Vec<UnitId> {
        let mut refs: Vec<UnitId> = Vec::new();
        for hit in hits {
            let ids: Vec<&str> = match hit.kind {
                HitKind::Glossary => vec![hit.id.as_str()],
                HitKind::List | HitKind::Meta => Vec::new(),
                HitKind::Passage | HitKind::Indicator => self
                    .catalog
                    .glossary_used_by(hit.id.sentence())
                    .iter()
                    .map(String::as_str)
                    .collect(),
            };
            for id in ids {
                if !refs.iter().any(|known| known == id) {
                    refs.push(UnitId::new(id));
                }
            }
        }
        refs
    }
}

/// Byte ranges (shifted by `offset`) of the unit's words that are question words, within `limit` bytes.
fn marks(
    words: &DocWords,
    question_terms: &[u32],
    offset: usize,
    limit: usize,
) -> Vec<Range<usize>> {
    words
        .spans
        .iter()
        .filter(|span| (span.end as usize) <= limit)
        .filter(|span| question_terms.binary_search(&span.term).is_ok())
        .map(|span| offset + span.start as usize..offset + span.end as usize)
        .collect()
}

/// Sorted, overlapping or touching ranges joined.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|range| (range.start, range.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}
