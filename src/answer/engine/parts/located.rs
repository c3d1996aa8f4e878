//! Where the report speaks of a topic (问题楼盘的事在报告哪个板块, 营商环境放在哪一节讲的, which section of
//! the report covers the business environment): the topic is asked as any question is, and the places of
//! the passages that answer it are told by the report's own headings — its part, its section as written and
//! the paragraph's lead phrase — with those passages cited. Nothing is listed per report: the places come
//! from the parsed tree.

use std::sync::LazyLock;

use crate::knowledge::{Paragraph, Place, Report};
use crate::search::question::Question;

use super::super::super::types::{Answered, Outcome};
use super::super::cues::Phrases;
use super::super::leftover::{topicless, without, MIN_TOPIC_CHARS, REPORT_WORDS};
use super::super::{Engine, Ranking};
use super::place::part_named;

/// Words that ask which part of the report holds something. Each names the report or a block of it, so a
/// question about where a thing is in the county (嫘祖海棠园在哪里) is none of them.
const LOCATION_WORDS: &[&str] = &[
    "哪个部分",
    "哪一部分",
    "哪部分",
    "哪个板块",
    "哪一板块",
    "哪板块",
    "哪个章节",
    "哪一章",
    "哪章",
    "哪一节",
    "哪节",
    "哪个段落",
    "哪一段",
    "哪段",
    "哪个位置",
    "哪块",
    "哪一块",
    "哪个大项",
    "哪个小节",
    "哪一小节",
    "哪个方面",
    "哪方面",
    "第几部分",
    "第几节",
    "第几章",
    "部分在哪",
    "内容在哪",
    "什么位置",
    "什么地方讲",
    "哪里讲",
    "哪儿讲",
    "在哪讲",
    "哪里提到",
    "哪儿提到",
    "在哪提到",
    "哪里提",
    "哪儿提",
    "在哪提",
    "哪里说",
    "在哪说",
    "哪里写",
    "在哪写",
    "放在哪",
    "which part",
    "what part",
    "which section",
    "what section",
    "which chapter",
    "where in the report",
    "where does the report",
];

/// Words around a topic in a question asking where it is (的事, 的内容, 讲到), taken out whole.
const ABOUT_WORDS: &[&str] = &[
    "的事情",
    "的事儿",
    "的事",
    "的内容",
    "相关内容",
    "有关内容",
    "内容",
    "放在",
    "讲的",
    "讲到",
    "讲了",
    "提到",
    "提及",
    "说到",
    "谈到",
    "写到",
    "写了",
    "写在",
    "涉及",
    "能看到",
    "看到",
    "能找到",
    "找到",
    "查到",
    "出现在",
    "talks about",
    "talk about",
    "deals with",
    "deal with",
    "covers",
    "cover",
    "discusses",
    "discuss",
    "mentions",
    "mention",
    "of the report",
    "in the report",
];

/// Single letters that join a topic to the words asking where it is (在, 讲, 的): trimmed off a piece's
/// ends only, as inside a word they are its own (所在, 讲政治, 目的).
const JOINING_LETTERS: &[char] = &[
    '在', '讲', '提', '说', '写', '的', '是', '了', '里', '中', '呢', '啊',
];

/// Places told at most: enough for a topic the review and the plan both treat, no longer than a chat line
/// is read; the passages cited show the rest.
const MAX_PLACES: usize = 3;

impl Engine {
    /// A part named as where to look (第二部分的六个必须坚持分别是什么): the rest of the question ranked
    /// alone, taken when it is answered with confidence from a unit that stands in that part. The part's
    /// number is no topic of the unit's own words, so the whole question covers too little of any unit.
    pub(in super::super) fn ranked_within_part(&self, question: &Question) -> Option<Ranking> {
        let (part, rest) = part_named(&question.normalized)?;
        let ranking = self.rank(self.reader.read(&rest));
        let best = ranking.ranked.first()?;
        let inside = self.catalog.part_of(&self.library, best.doc) == Some(part as usize);
        (inside && self.confident(&ranking)).then_some(ranking)
    }

    /// Where the report speaks of the topic a question asks the place of, with the passages there; `None`
    /// when it asks no place or names no topic.
    pub(in super::super) fn located_outcome(&self, normalized: &str) -> Option<Outcome> {
        static LOCATIONS: LazyLock<Phrases> =
            LazyLock::new(|| Phrases::new(LOCATION_WORDS.iter().copied()));
        if !LOCATIONS.in_text(normalized) {
            return None;
        }
        let topic = located_topic(normalized);
        if topicless(&topic) {
            return None;
        }
        // A topic the report has no passage on has no place either: the search's refusal or near-miss is
        // the answer, not a block that shares the words asking the place (哪一部分 → the report's parts).
        // Two topics asked together (疫情防控和风险化解) may be treated apart: each is found on its own.
        let (found, topic) = match self.outcome(&topic, 0) {
            Outcome::Answered(found) => (found, topic),
            Outcome::SmallTalk(_) => return None,
            other => match self.found_apart(&topic) {
                Some(found) => found,
                None => return Some(other),
            },
        };
        let mut places: Vec<(&str, String)> = Vec::new();
        for hit in &found.hits {
            let Some(report) = self.library.report_of(hit.id.as_str()) else {
                continue;
            };
            let Some((key, line)) = report
                .place(hit.id.as_str())
                .map(|place| body_place(report, hit.id.as_str(), &place))
                .or_else(|| glossary_line(report, hit.id.as_str()))
            else {
                continue;
            };
            if places.len() < MAX_PLACES && !places.iter().any(|(seen, _)| *seen == key) {
                places.push((key, line));
            }
        }
        // A block found whole (乡村振兴的工作安排: the plan's section) or a glossary entry is its own place,
        // which its answer and citation already say.
        let Some(direct) = places_answer(&topic, &places) else {
            return Some(Outcome::Answered(found));
        };
        Some(Outcome::Answered(Answered {
            direct: Some(direct),
            ..found
        }))
    }

    /// The passages of each topic of several joined (疫情防控和风险化解, 村卫生室、医共体), found one by one
    /// and taken in turn, with the topics found; `None` when there is one topic or none of them is found.
    fn found_apart(&self, topic: &str) -> Option<(Answered, String)> {
        let pieces: Vec<&str> = topic
            .split(|c: char| TOPIC_JOINERS.contains(&c) || c.is_whitespace())
            .map(|piece| piece.trim_matches(JOINING_LETTERS))
            .filter(|piece| piece.chars().count() >= MIN_TOPIC_CHARS && !topicless(piece))
            .collect();
        if pieces.len() < 2 {
            return None;
        }
        let (mut found, named): (Vec<Answered>, Vec<&str>) = pieces
            .into_iter()
            .filter_map(|piece| match self.outcome(piece, 0) {
                Outcome::Answered(found) => Some((found, piece)),
                _ => None,
            })
            .unzip();
        let first = found.first_mut()?;
        let mut hits = std::mem::take(&mut first.hits);
        let mut glossary_refs = std::mem::take(&mut first.glossary_refs);
        // Each topic's best passage first, in the order asked, then the rest of the first's.
        let mut at = 1.min(hits.len());
        for other in found.iter_mut().skip(1) {
            if let Some(best) = other.hits.first() {
                if !hits.iter().any(|hit| hit.id == best.id) {
                    hits.insert(at, best.clone());
                    at += 1;
                }
            }
            for entry in other.glossary_refs.drain(..) {
                if !glossary_refs.contains(&entry) {
                    glossary_refs.push(entry);
                }
            }
        }
        let answered = Answered {
            direct: None,
            hits,
            glossary_refs,
            more: false,
        };
        Some((answered, named.join("、")))
    }
}

/// Letters joining topics asked together (A和B, A、B).
const TOPIC_JOINERS: &[char] = &['和', '与', '及', '、', ',', '，'];

/// The topic of a question asking where it is: the question without the words asking the place, pointing
/// at the report or joining the topic to them.
fn located_topic(normalized: &str) -> String {
    let rest = without(
        normalized,
        LOCATION_WORDS
            .iter()
            .chain(ABOUT_WORDS)
            .chain(REPORT_WORDS)
            .copied(),
    );
    rest.split_whitespace()
        .map(|piece| piece.trim_matches(JOINING_LETTERS))
        .filter(|piece| !piece.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A place in the report's body, keyed by its paragraph (or section): part, section as written, the
/// paragraph's heading sentence or lead phrase, and the short lead the sentence found falls under.
fn body_place<'r>(report: &'r Report, id: &str, place: &Place<'r>) -> (&'r str, String) {
    let mut line = format!("{}、{}", place.part.numeral, place.part.title);
    if !place.section.written.is_empty() {
        line.push_str(&format!(
            " › {}",
            place.section.written.trim_end_matches('。')
        ));
    }
    let Some((paragraph, _)) = place.paragraph else {
        return (place.section.id.as_str(), line);
    };
    let lead = paragraph_heading(paragraph);
    if let Some(lead) = lead {
        line.push_str(&format!(" › {lead}"));
    }
    let sentence = id.split_once('#').map_or(id, |(sentence, _)| sentence);
    if let Some(subtopic) = report
        .sentence(sentence)
        .and_then(|(_, sentence)| sentence.subtopic.as_deref())
        .filter(|subtopic| lead.is_none_or(|lead| !lead.contains(subtopic)))
    {
        line.push_str(&format!(" › {subtopic}"));
    }
    (paragraph.id.as_str(), line)
}

/// A heading sentence is at most this long: the review's `——五年开拓,坚持守正创新,…` runs about 30
/// characters, while a paragraph opening with its first point runs on far longer.
const MAX_HEADING_CHARS: usize = 40;

/// How a paragraph is headed: its opening sentence when that is a short heading starting with its lead
/// phrase (五年开拓,坚持守正创新,改革开放更显深度), else the lead phrase alone.
fn paragraph_heading(paragraph: &Paragraph) -> Option<&str> {
    let lead = paragraph.topic.as_deref()?;
    let opening = paragraph
        .sentences
        .first()
        .map(|sentence| sentence.text.trim_start_matches('—').trim_end_matches('。'));
    Some(
        opening
            .filter(|opening| {
                opening.starts_with(lead) && opening.chars().count() <= MAX_HEADING_CHARS
            })
            .unwrap_or(lead),
    )
}

/// A glossary entry's place, under the heading the report gives its glossary, with the entry's key.
fn glossary_line<'r>(report: &'r Report, id: &str) -> Option<(&'r str, String)> {
    let entry = report.glossary.iter().find(|entry| entry.id == id)?;
    let heading = report.glossary_heading.as_deref().unwrap_or(GLOSSARY_NAME);
    Some((
        entry.id.as_str(),
        format!("{heading} › {}.{}", entry.number, entry.term),
    ))
}

/// What a glossary is called when the report gives it no heading.
const GLOSSARY_NAME: &str = "名词解释";

/// The places as the answer's first lines; `None` when no passage found has a place.
fn places_answer(topic: &str, places: &[(&str, String)]) -> Option<String> {
    match places {
        [] => None,
        [(_, only)] => Some(format!("报告讲「{topic}」的地方：{only}")),
        several => {
            let mut answer = format!("报告讲「{topic}」的地方（共{}处）：", several.len());
            for (at, (_, line)) in several.iter().enumerate() {
                answer.push_str(&format!("\n{}. {line}", at + 1));
            }
            Some(answer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_topic_is_what_is_left_beside_the_words_asking_its_place() {
        assert_eq!(located_topic("问题楼盘的事在报告哪个板块"), "问题楼盘");
        assert_eq!(located_topic("营商环境的内容放在哪一节讲的"), "营商环境");
        assert_eq!(
            located_topic("乡村振兴的工作安排在报告哪一部分"),
            "乡村振兴的工作安排"
        );
        // A letter that joins at a piece's end is trimmed; inside a word it stays.
        assert_eq!(located_topic("旗帜鲜明讲政治在哪一部分"), "旗帜鲜明讲政治");
        assert_eq!(
            located_topic("which section of the report covers the business environment"),
            "the business environment"
        );
    }
}
