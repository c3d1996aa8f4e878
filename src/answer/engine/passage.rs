//! A unit shown in full: the paragraph around a sentence or figure (with the sentence marked), a glossary
//! entry or a list: what a reader opens from a cited excerpt (the bot's button, the console's command).

use crate::knowledge::UnitId;

use super::super::catalog::{glossary_answer, glossary_citation, paragraph, Unit};
use super::super::types::Passage;
use super::lists;
use super::Engine;

impl Engine {
    /// The whole paragraph around a sentence, paragraph or indicator id, or a glossary entry by its id.
    pub fn passage(&self, id: &str) -> Option<Passage> {
        if let Some(passage) = self.appendix_passage(id).or_else(|| self.meta_passage(id)) {
            return Some(passage);
        }
        let (at, focus_sentence) = if let Some(at) = self.catalog.sentence_at(id) {
            (at, true)
        } else if let Some(at) = self.catalog.paragraph_at(id) {
            (at, false)
        } else {
            match self.catalog.unit(self.catalog.doc_of(id)?) {
                Unit::Indicator {
                    sentence: Some(at), ..
                } => (at, true),
                Unit::Glossary { report, index } => {
                    let report = &self.library.reports[report];
                    let entry = &report.glossary[index];
                    return Some(Passage {
                        id: UnitId::new(entry.id.clone()),
                        text: glossary_answer(entry),
                        citation: glossary_citation(report, entry),
                        focus: None,
                    });
                }
                Unit::List { report, index } => {
                    let list = &self.library.reports[report].lists[index];
                    return Some(Passage {
                        id: UnitId::new(list.id.clone()),
                        text: lists::list_answer(list),
                        citation: list.citation.clone(),
                        focus: None,
                    });
                }
                Unit::Indicator { sentence: None, .. } | Unit::Sentence(_) => return None,
            }
        };
        let paragraph = paragraph(&self.library, at);
        let mut text = String::new();
        let mut focus = None;
        for (i, sentence) in paragraph.sentences.iter().enumerate() {
            let start = text.len();
            text.push_str(&sentence.text);
            if focus_sentence && i == at.sentence {
                focus = Some(start..text.len());
            }
        }
        let citation = paragraph
            .sentences
            .get(at.sentence)
            .map(|sentence| sentence.citation.clone())
            .unwrap_or_default();
        Some(Passage {
            id: UnitId::new(paragraph.id.clone()),
            text,
            citation,
            focus,
        })
    }
}
