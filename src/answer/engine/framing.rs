//! What frames the report rather than what it reports: how it opens (the greeting part before the first
//! numbered part), the call it closes with (the last paragraph of the last part), and the verses it quotes
//! (`“历经天华成此景,人间万事出艰辛”`: a sentence that is one quotation of two matched halves). All are read
//! from the parsed tree, so next year's report answers in its own words. Like the structure questions, one
//! is asked only when, with its cue and the asking words gone, nothing with a topic is left.

use std::sync::LazyLock;

use crate::knowledge::{Paragraph, Report, Sentence};

use super::super::types::Outcome;
use super::asking::asking_words;
use super::cues::Cues;
use super::leftover::{topicless, without, REPORT_WORDS};
use super::structure::SCOPE_WORDS;
use super::Engine;

/// A part of the report's framing a question can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    Opening,
    Closing,
    Verse,
}

const FRAMING_CUES: &[(Framing, &[&str])] = &[
    (
        Framing::Opening,
        &[
            "开头",
            "开篇",
            "开场白",
            "开场",
            "一开始",
            "第一句话",
            "第一句",
            "begin",
            "begins",
            "how does the report open",
            "opening",
        ],
    ),
    (
        Framing::Closing,
        &[
            "结尾",
            "结束语",
            "结语",
            "收尾",
            "号召",
            "最后怎么说",
            "结束",
            "最后一句",
            "end",
            "ends",
            "closing",
            "how does the report end",
        ],
    ),
    (
        Framing::Verse,
        &[
            "诗句", "古诗", "诗", "古语", "名言", "名句", "引用", "引了", "poem", "verse", "quote",
        ],
    ),
];

/// Ways of asking what a passage says, and words that place a verse in a block (回顾五年工作那段).
const ASK_WORDS: &[&str] = &[
    "怎么说的",
    "怎么说",
    "说了什么",
    "说了啥",
    "讲了什么",
    "是怎么",
    "怎么",
    "什么",
    "哪句",
    "哪些",
    "大家",
    "那段",
    "部分",
    "回顾",
    "最后",
    "五年",
    "今年",
    "提出",
];

/// A quoted verse is two or more matched halves of at most this many characters each.
const VERSE_HALF_MAX_CHARS: usize = 12;

/// The framing a question asks for alone.
fn asked(normalized: &str) -> Option<Framing> {
    static CUES: LazyLock<Cues<Framing>> = LazyLock::new(|| Cues::new(FRAMING_CUES));
    let found = CUES.found(normalized);
    let &(framing, _) = found.first()?;
    let rest = without(
        normalized,
        found
            .iter()
            .map(|(_, cue)| *cue)
            .chain(ASK_WORDS.iter().copied())
            .chain(asking_words())
            .chain(REPORT_WORDS.iter().copied())
            .chain(SCOPE_WORDS.iter().copied()),
    );
    topicless(&rest).then_some(framing)
}

/// The verse a sentence is, when it is one quotation of matched halves (`“路虽远行则将至,事虽难做则必成”。`).
fn verse(sentence: &Sentence) -> Option<&str> {
    let text = sentence.text.trim().trim_end_matches(['。', '.']);
    let inner = text.strip_prefix('“')?.strip_suffix('”')?;
    let halves: Vec<&str> = inner.split([',', '，', ';', '；']).collect();
    let size = halves.first()?.chars().count();
    (halves.len() >= 2
        && size <= VERSE_HALF_MAX_CHARS
        && !inner.contains(['“', '”'])
        && halves.iter().all(|half| half.chars().count() == size))
    .then_some(text)
}

/// The report's opening: its greeting part's paragraphs, with the sentence each is cited by (the first);
/// an address line (`各位代表:`) is no opening of its own.
fn opening(report: &Report) -> Vec<(&Paragraph, &Sentence)> {
    report
        .parts
        .iter()
        .filter(|part| part.numeral.is_empty())
        .flat_map(|part| part.sections.iter().flat_map(|section| &section.paragraphs))
        .filter(|paragraph| {
            !paragraph
                .sentences
                .iter()
                .all(|sentence| sentence.text.trim_end().ends_with([':', '：']))
        })
        .filter_map(|paragraph| Some((paragraph, paragraph.sentences.first()?)))
        .collect()
}

/// The report's closing call: the last paragraph of its body, cited by its last sentence (the call).
fn closing(report: &Report) -> Vec<(&Paragraph, &Sentence)> {
    report
        .paragraphs()
        .last()
        .and_then(|paragraph| Some((paragraph, paragraph.sentences.last()?)))
        .into_iter()
        .collect()
}

impl Engine {
    /// The opening, closing call or quoted verses of the newest report, when a question asks for one alone.
    pub(super) fn framing_outcome(&self, normalized: &str) -> Option<Outcome> {
        let report = self.library.latest();
        let framing = asked(normalized)?;
        let (direct, ids): (String, Vec<&str>) = match framing {
            Framing::Opening | Framing::Closing => {
                let paragraphs = if framing == Framing::Opening {
                    opening(report)
                } else {
                    closing(report)
                };
                let text = paragraphs
                    .iter()
                    .flat_map(|(paragraph, _)| &paragraph.sentences)
                    .map(|sentence| sentence.text.as_str())
                    .collect::<Vec<_>>()
                    .join("");
                let ids = paragraphs
                    .iter()
                    .map(|(_, sentence)| sentence.id.as_str())
                    .collect();
                (text, ids)
            }
            Framing::Verse => {
                let verses: Vec<(&str, &str)> = report
                    .sentences()
                    .filter_map(|sentence| Some((verse(sentence)?, sentence.id.as_str())))
                    .collect();
                let text = verses
                    .iter()
                    .map(|(verse, _)| *verse)
                    .collect::<Vec<_>>()
                    .join("\n");
                (text, verses.iter().map(|(_, id)| *id).collect())
            }
        };
        let hits: Vec<_> = ids
            .iter()
            .filter_map(|id| self.catalog.doc_of(id))
            .map(|doc| self.chosen_hit(doc))
            .collect();
        if hits.is_empty() {
            return None;
        }
        Some(self.chosen_answer(Some(direct), hits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_framing_is_asked_only_when_nothing_else_is() {
        assert_eq!(asked("报告开头怎么说的"), Some(Framing::Opening));
        assert_eq!(asked("结尾是怎么号召大家的"), Some(Framing::Closing));
        assert_eq!(asked("回顾五年工作那段引用了哪句诗"), Some(Framing::Verse));
        assert_eq!(asked("南水北调开头的工程"), None);
        assert_eq!(asked("诗词大会什么时候办"), None);
    }

    #[test]
    fn a_verse_is_one_quotation_of_matched_halves() {
        let sentence =
            |text: &str| Sentence::new("r/1.0.1.1".into(), text.into(), None, String::new());
        assert!(verse(&sentence("“历经天华成此景,人间万事出艰辛”。")).is_some());
        assert!(verse(&sentence("“朝受命、夕饮冰,昼无为、夜难寐”。")).is_some());
        assert!(verse(&sentence("落实“四个不摘”,保持稳定。")).is_none());
        assert!(verse(&sentence("“三大基地”布局催生了新动能。")).is_none());
    }
}
