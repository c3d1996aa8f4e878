//! Questions about one block of the report rather than one fact: a part by its number (第二部分标题是什么,
//! 最后一部分讲什么), or a block by its topic (五年回顾里城乡建设那一块说了啥, 工业这一块今年打算干哪些事).
//! The blocks are read from the parsed report: its parts, the plan part's numbered sections and the review's
//! `——` achievements, so next year's report works too. Like the structure questions, one is asked only when,
//! with the block's words, time and asking words gone, nothing is left.

use crate::knowledge::{is_han, ListKind, Paragraph, Report, ReportList};
use crate::search::question::{Intent, Question};

use super::super::types::{Answered, Outcome, RefusalReason};
use super::asking::asks;
use super::leftover::{named_piece, topicless, without, AskedPairs, MIN_TOPIC_CHARS};
use super::lists::item_answer;
use super::structure::{review_list, says_plan, says_review};
use super::topics::{BlockRef, TopicWords};
use super::Engine;

mod broad;
mod located;
mod place;
mod words;

use broad::spread_block;
use place::{numbered_item, ordered_item, ordinals, placed_item};
use words::{
    asks_only_block, strip_asking, BLOCK_FRAME_PHRASES, BLOCK_NOUN_PHRASES, COUNT_PHRASES,
    ENGLISH_ORDINALS, LAST_PART_WORDS, PART_WORDS, SUBHEADING_WORDS,
};

/// One block a question can name by its topic: its heading and the list item it is.
struct Block<'a> {
    heading: String,
    list: &'a ReportList,
    number: u32,
}

/// The part number a question asks for (第二部分 → 2, 最后一部分 → the last), when it asks nothing else;
/// a number past the last part (第六部分 of four) is returned too, for the caller to refuse.
fn asked_part(normalized: &str, parts: u32) -> Option<u32> {
    let last = LAST_PART_WORDS
        .iter()
        .find(|word| normalized.contains(*word));
    let (number, named) = match last {
        Some(word) => (parts, (*word).to_owned()),
        None if normalized.is_ascii() => english_part(normalized)?,
        None => numbered(normalized, PART_WORDS)?,
    };
    asks_only_block(normalized, &named).then_some(number)
}

/// Words for one of the plan's numbered sections after its number (第六个方面, 第三节).
const SECTION_WORDS: &[&str] = &["个方面", "大方面", "方面", "节"];

/// Words for the last block of the plan or the review (最后一个方面).
const LAST_SECTION_WORDS: &[&str] = &["最后一个方面", "最后一方面", "最后一个大方面", "最后方面"];

/// The block a question asks for by its number (今年任务的第六个方面 → 6, 最后一个方面 → the last of
/// `blocks`), when it asks nothing else.
fn asked_section(normalized: &str, blocks: u32) -> Option<u32> {
    let last = LAST_SECTION_WORDS
        .iter()
        .find(|word| normalized.contains(*word))
        .map(|word| (blocks, (*word).to_owned()));
    let (number, named) = last
        .or_else(|| numbered(normalized, SECTION_WORDS))
        .or_else(|| {
            // 几个方面，第四个是什么: the sections named once, then counted with a bare measure word.
            let names_sections = SECTION_WORDS.iter().any(|word| normalized.contains(word));
            names_sections.then(|| numbered(normalized, BARE_SECTION_COUNTERS))?
        })?;
    asks_only_block(normalized, &named).then_some(number)
}

/// The blocks a question numbers: the review's when the review alone is named (五年回顾的最后一方面),
/// else the plan's sections.
fn numbered_blocks<'r>(report: &'r Report, normalized: &str) -> Option<&'r ReportList> {
    if says_review(normalized) && !says_plan(normalized) {
        review_list(report)
    } else {
        report
            .lists
            .iter()
            .find(|list| list.kind == ListKind::Sections)
    }
}

/// Measure words that count sections after the question has named them (几个方面…第四个, 第三项).
const BARE_SECTION_COUNTERS: &[&str] = &["个", "项", "块"];

/// The number written after 第 and before one of `words` (第二部分, 第六个方面), with the words naming it.
fn numbered(normalized: &str, words: &[&str]) -> Option<(u32, String)> {
    ordinals(normalized).find_map(|(number, numeral, after)| {
        let word = words.iter().find(|word| after.starts_with(*word))?;
        Some((number, format!("第{numeral}{word}")))
    })
}

/// The part an English question numbers (`the second part`, `part two`, `part 3`), with the words naming it.
fn english_part(normalized: &str) -> Option<(u32, String)> {
    let words: Vec<&str> = normalized
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let at = words.iter().position(|word| *word == "part")?;
    let ordinal = |word: &str| {
        ENGLISH_ORDINALS
            .iter()
            .find(|(name, _)| *name == word)
            .map(|(_, number)| *number)
            .or_else(|| word.parse().ok())
    };
    let before = at.checked_sub(1).and_then(|before| {
        let word = words[before];
        Some((ordinal(word)?, format!("{word} part")))
    });
    before.or_else(|| {
        let word = *words.get(at + 1)?;
        Some((ordinal(word)?, format!("part {word}")))
    })
}

/// The blocks of the review (its `——` achievements), of the plan (its numbered sections) and the parts
/// themselves (建设人民满意政府 names the last part).
fn blocks<'r>(report: &'r Report, topics: &TopicWords, review: bool, plan: bool) -> Vec<Block<'r>> {
    let of_kind = |kind: ListKind| report.lists.iter().find(|list| list.kind == kind);
    let position = |list: &ReportList| report.lists.iter().position(|other| other.id == list.id);
    let lists = [
        review.then(|| review_list(report)).flatten(),
        plan.then(|| of_kind(ListKind::Sections)).flatten(),
        of_kind(ListKind::Parts),
    ];
    lists
        .into_iter()
        .flatten()
        .flat_map(|list| {
            let at = position(list).unwrap_or(usize::MAX);
            list.items
                .iter()
                .enumerate()
                .map(move |(index, item)| Block {
                    heading: topics.heading(at, index).to_owned(),
                    list,
                    number: item.number,
                })
        })
        .collect()
}

/// The one block a question names by its heading's words or else by its topic's, when it names one block
/// only and asks what it says.
fn named_block<'a>(normalized: &str, report: &'a Report, topics: &TopicWords) -> Option<Block<'a>> {
    if !asks(normalized)
        && !BLOCK_NOUN_PHRASES.in_text(normalized)
        && !COUNT_PHRASES.in_text(normalized)
    {
        return None;
    }
    let (review, plan) = (says_review(normalized), says_plan(normalized));
    let asked = Asked {
        normalized,
        report,
        topics,
        review,
        plan,
    };
    headed_block(&asked)
        .or_else(|| topic_block(&asked))
        .or_else(|| spread_block(&asked))
}

/// A question read for a block: its text, the report and its blocks' own words, and whether it names the
/// review's past years or the year's plan.
struct Asked<'q, 'r> {
    normalized: &'q str,
    report: &'r Report,
    topics: &'q TopicWords,
    review: bool,
    plan: bool,
}

/// Whether a question asks how many things there are in a measure word (几个, 多少所), neither a count of
/// a block's items (几条, 几个方面) nor of what a block holds (几个小标题): a figure, not a block.
fn counts_things(question: &Question) -> bool {
    question.intent == Intent::Number
        && question.unit_hint.is_some()
        && !COUNT_PHRASES.in_text(&question.normalized)
        && !BLOCK_NOUN_PHRASES.in_text(&question.normalized)
}

/// The block a question names by its topic's words (农业这块今年怎么安排): the plan's sections, or the
/// review's achievements when it asks of past years; only beside a word that frames a block, as a topic
/// word with a time alone asks for a thing of it (今年的重点项目有哪些 is no question about 工业).
fn topic_block<'r>(asked: &Asked<'_, 'r>) -> Option<Block<'r>> {
    let report = asked.report;
    if !BLOCK_FRAME_PHRASES.in_text(asked.normalized) {
        return None;
    }
    let position = |list: Option<&ReportList>| {
        let list = list?;
        report.lists.iter().position(|other| other.id == list.id)
    };
    let sections = report
        .lists
        .iter()
        .find(|list| list.kind == ListKind::Sections);
    let wanted: Vec<usize> = if asked.review && !asked.plan {
        position(review_list(report)).into_iter().collect()
    } else {
        position(sections).into_iter().collect()
    };
    let rest = strip_asking(asked.normalized, "");
    let (found, left) = asked.topics.named(&rest, &wanted)?;
    let list = report.lists.get(found.list)?;
    let index = list
        .items
        .iter()
        .position(|item| item.number == found.number)?;
    topicless(&left).then(|| Block {
        heading: asked.topics.heading(found.list, index).to_owned(),
        list,
        number: found.number,
    })
}

/// The block a question names by the most of its heading's letters, when one does alone.
fn headed_block<'r>(asked: &Asked<'_, 'r>) -> Option<Block<'r>> {
    let (normalized, report) = (asked.normalized, asked.report);
    // The review's achievements are paragraphs: a question after subheadings asks of a part or section.
    let subheadings = SUBHEADING_WORDS
        .iter()
        .any(|word| normalized.contains(word));
    let candidates = blocks(
        report,
        asked.topics,
        (asked.review || !asked.plan) && !subheadings,
        asked.plan || !asked.review,
    );
    let asked_pairs = AskedPairs::new(normalized);
    let review = review_list(report);
    // The longest run of a heading said, then how many of its letter pairs are said apart (政府自身建设
    // says 政府 and 建设 of 建设人民满意政府, one pair of any other heading).
    let longest: Vec<usize> = candidates
        .iter()
        .map(|block| asked_pairs.named_chars(&block.heading))
        .collect();
    // Most questions name no heading: its pairs are only counted when one is named.
    if longest.iter().all(|&chars| chars < MIN_TOPIC_CHARS) {
        return None;
    }
    let mut sizes: Vec<(usize, usize)> = candidates
        .iter()
        .zip(longest)
        .map(|(block, longest)| (longest, asked_pairs.said_pairs(&block.heading).len()))
        .collect();
    let best = *sizes.iter().max()?;
    let tied = |sizes: &[(usize, usize)]| sizes.iter().filter(|&&size| size == best).count() != 1;
    // 改革开放那部分 names a review achievement and a plan section alike: unless the past years are
    // named, a part or section is the plan's, as the review's achievements are paragraphs, not parts.
    if tied(&sizes) && !asked.review {
        for (size, block) in sizes.iter_mut().zip(&candidates) {
            if review.is_some_and(|list| list.id == block.list.id) {
                *size = (0, 0);
            }
        }
    }
    if best.0 < MIN_TOPIC_CHARS || tied(&sizes) || !sizes.contains(&best) {
        return None;
    }
    // Whether the question names nothing besides the block: its heading's words and its own words gone.
    let names_only = |block: &Block<'_>| {
        let piece = named_piece(normalized, &block.heading);
        let pairs = asked_pairs.said_pairs(&block.heading);
        let rest = without(&strip_asking(normalized, &piece), pairs.into_iter());
        let Some(list) = report
            .lists
            .iter()
            .position(|list| list.id == block.list.id)
        else {
            return false;
        };
        let rest = asked.topics.cover(
            &rest,
            BlockRef {
                list,
                number: block.number,
            },
        );
        topicless(&rest)
    };
    let index = sizes.iter().position(|&size| size == best)?;
    if names_only(&candidates[index]) {
        return candidates.into_iter().nth(index);
    }
    // The longest run may cut a word of the question (业发展 of 工业发展 in 服务业发展): the next block by
    // size that the question names whole, when no other of its size does.
    let mut order: Vec<usize> = (0..candidates.len())
        .filter(|&at| at != index && sizes[at].0 >= MIN_TOPIC_CHARS)
        .collect();
    order.sort_by_key(|&at| std::cmp::Reverse(sizes[at]));
    let found = order
        .iter()
        .copied()
        .find(|&at| names_only(&candidates[at]))?;
    let tied = order
        .iter()
        .any(|&at| at != found && sizes[at] == sizes[found] && names_only(&candidates[at]));
    if tied {
        return None;
    }
    candidates.into_iter().nth(found)
}

/// The block a question asks for by its number: a part of the report (第四部分, which may be past its last
/// part), else a block of the numbered blocks it names (今年第六个方面).
fn numbered_block<'r>(report: &'r Report, normalized: &str) -> Option<(&'r ReportList, u32)> {
    let parts = report
        .lists
        .iter()
        .find(|list| list.kind == ListKind::Parts);
    if let Some(found) = parts.and_then(|list| {
        asked_part(normalized, list.items.len() as u32).map(|number| (list, number))
    }) {
        return Some(found);
    }
    let blocks = numbered_blocks(report, normalized)?;
    Some((
        blocks,
        asked_section(normalized, blocks.items.len() as u32)?,
    ))
}

/// What a part or section holds, as its readers see it: a part's numbered sections, or else the lead
/// phrases of its paragraphs (`旗帜鲜明讲政治`, `培育壮大主导产业`); a `——` achievement's, the short sentences
/// heading its runs (`城区路网更为通畅`).
fn block_contents(report: &Report, list: &ReportList, number: u32) -> Vec<String> {
    let Some(item) = list.items.iter().find(|item| item.number == number) else {
        return Vec::new();
    };
    let topics = |paragraphs: &mut dyn Iterator<Item = &Paragraph>| -> Vec<String> {
        paragraphs
            .filter_map(|paragraph| paragraph.topic.clone())
            .collect()
    };
    match list.kind {
        ListKind::Parts => {
            let Some(part) = report.parts.iter().find(|part| part.id == item.source_id) else {
                return Vec::new();
            };
            let sections: Vec<String> = part
                .sections
                .iter()
                .filter(|section| !section.numeral.is_empty())
                .map(|section| format!("{}{}", section.numeral, section.short_title))
                .collect();
            if sections.is_empty() {
                topics(&mut part.sections.iter().flat_map(|section| &section.paragraphs))
            } else {
                sections
            }
        }
        ListKind::Sections => report
            .sections()
            .find(|section| section.id == item.source_id)
            .map(|section| topics(&mut section.paragraphs.iter()))
            .unwrap_or_default(),
        ListKind::Dashes => report
            .paragraph(&item.source_id)
            .map(lead_sentences)
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The most letters of a sentence that leads a run of a `——` paragraph (城区路网更为通畅。): longer, and it is
/// a sentence of the run itself, not its heading.
const LEAD_SENTENCE_CHARS: usize = 10;

/// The short sentences that head the runs inside a `——` paragraph after its own heading (脱贫攻坚全面胜利。
/// 生态环境持续向好。): a sentence of one clause, no figure, at most [`LEAD_SENTENCE_CHARS`] letters. Fewer
/// than two are no division of it.
fn lead_sentences(paragraph: &Paragraph) -> Vec<String> {
    let leads: Vec<String> = paragraph
        .sentences
        .iter()
        .skip(1)
        .map(|sentence| sentence.text.trim_end_matches(['。', '!', '！']))
        .filter(|text| text.chars().count() <= LEAD_SENTENCE_CHARS && text.chars().all(is_han))
        .map(str::to_owned)
        .collect();
    if leads.len() < 2 {
        return Vec::new();
    }
    leads
}

/// One block as an answer: the item of its list, then what it holds, numbered.
fn block_answer(report: &Report, list: &ReportList, number: u32) -> Option<String> {
    // A numbered section is quoted by its heading as written, numeral and all: what a reader looks for.
    let item = list.items.iter().find(|item| item.number == number)?;
    let section = report
        .parts
        .iter()
        .flat_map(|part| &part.sections)
        .find(|section| section.id == item.source_id && !section.written.is_empty());
    let mut answer = match section {
        Some(section) => format!("{} 第{}项：{}", list.name, number, section.written),
        None => item_answer(list, number)?,
    };
    let contents = block_contents(report, list, number);
    if contents.len() > 1 {
        answer.push_str(&format!("\n其中（共{}项）：", contents.len()));
        for (at, content) in contents.iter().enumerate() {
            answer.push_str(&format!("\n{}. {content}", at + 1));
        }
    }
    Some(answer)
}

impl Engine {
    /// One part of the newest report asked for by number, or one block by its topic: the item of its list
    /// and what it holds, cited to where it stands.
    pub(super) fn part_outcome(&self, question: &Question) -> Option<Outcome> {
        let normalized = question.normalized.as_str();
        let report = self.library.latest();
        let parts = report
            .lists
            .iter()
            .find(|list| list.kind == ListKind::Parts);
        if let Some((part, item)) = numbered_item(normalized) {
            return Some(self.numbered_item_outcome(report, parts?, part, item));
        }
        // The item whose place is asked (主动履职有作为是第几条) is answered with its block and its number.
        let (list, number, place) = match numbered_block(report, normalized) {
            // 第六部分 of a report of four parts: no part of it, so no other block either.
            Some((list, number)) if !(1..=list.items.len()).contains(&(number as usize)) => {
                return Some(self.refuse(RefusalReason::NotInReport));
            }
            Some((list, number)) => (list, number, None),
            None => match placed_item(normalized, report) {
                Some((list, number, at)) => (list, number, Some(at)),
                None => {
                    if let Some(item) = self.block_item_outcome(report, question) {
                        return Some(item);
                    }
                    let block = named_block(normalized, report, &self.topics)?;
                    // 亿元以上项目今年要几个 asks a figure, though 项目 is a word of a block's heading;
                    // so does a count of things that are no blocks (要几个亿元以上的项目).
                    if self.names_metric(normalized) || counts_things(question) {
                        return None;
                    }
                    (block.list, block.number, None)
                }
            },
        };
        self.block_outcome(report, list, number, place)
    }

    /// An item inside the block the question before asked for whole (里面第二条是什么 after 今年第六个方面讲
    /// 什么, 下面第一个 after 三农那一块): that block's item at `number`, or its last item when `number` is
    /// `None`.
    pub(super) fn item_inside_outcome(
        &self,
        previous: &str,
        number: Option<u32>,
    ) -> Option<Outcome> {
        let report = self.library.latest();
        let normalized = self.reader.read(previous).normalized;
        let (list, block) = match numbered_block(report, &normalized) {
            Some(found) => found,
            None if self.names_metric(&normalized) => return None,
            None => {
                let block = named_block(&normalized, report, &self.topics)?;
                (block.list, block.number)
            }
        };
        let contents = block_contents(report, list, block);
        let at = number.map_or(contents.len(), |number| number as usize);
        let content = contents.get(at.checked_sub(1)?)?;
        if list.kind == ListKind::Parts {
            // A part's item is a section of its own (第三部分第四节), cited where it stands.
            return Some(self.numbered_item_outcome(report, list, block, at as u32));
        }
        self.block_outcome(report, list, block, Some((at, content.clone())))
    }

    /// An item of a block the question names by its heading or topic, numbered without a part (建设人民满意
    /// 政府的第二条是什么): that block's item at that place, not the item at that place of the report's
    /// parts.
    fn block_item_outcome(&self, report: &Report, question: &Question) -> Option<Outcome> {
        let (number, rest) = ordered_item(&question.normalized)?;
        let block = named_block(&rest, report, &self.topics)?;
        if self.names_metric(&question.normalized) {
            return None;
        }
        let contents = block_contents(report, block.list, block.number);
        let content = contents.get((number as usize).checked_sub(1)?)?;
        self.block_outcome(
            report,
            block.list,
            block.number,
            Some((number as usize, content.clone())),
        )
    }

    /// Whether the question names a metric of the newest report as the report writes it.
    fn names_metric(&self, normalized: &str) -> bool {
        self.metric_names
            .as_ref()
            .is_some_and(|names| names.is_match(normalized))
    }

    /// Item `item` of part `part` (第三部分第二节): the plan section it is, else the part with the item's
    /// lead phrase first; refused when the part or the item is not there.
    fn numbered_item_outcome(
        &self,
        report: &Report,
        parts: &ReportList,
        part: u32,
        item: u32,
    ) -> Outcome {
        let at = item as usize;
        let contents = block_contents(report, parts, part);
        let Some(content) = at.checked_sub(1).and_then(|index| contents.get(index)) else {
            return self.refuse(RefusalReason::NotInReport);
        };
        let section = parts
            .items
            .iter()
            .find(|entry| entry.number == part)
            .and_then(|entry| report.parts.iter().find(|part| part.id == entry.source_id))
            .and_then(|part| {
                part.sections
                    .iter()
                    .filter(|section| !section.numeral.is_empty())
                    .nth(at - 1)
            });
        let sections = report
            .lists
            .iter()
            .find(|list| list.kind == ListKind::Sections);
        let as_section = section.zip(sections).and_then(|(section, list)| {
            let entry = list
                .items
                .iter()
                .find(|entry| entry.source_id == section.id)?;
            self.block_outcome(report, list, entry.number, None)
        });
        as_section
            .or_else(|| self.block_outcome(report, parts, part, Some((at, content.clone()))))
            .unwrap_or_else(|| self.refuse(RefusalReason::NotInReport))
    }

    /// Block `number` of `list` as an answer, after the item asked of it when `place` holds one.
    pub(super) fn block_outcome(
        &self,
        report: &Report,
        list: &ReportList,
        number: u32,
        place: Option<(usize, String)>,
    ) -> Option<Outcome> {
        let item = list.items.iter().find(|item| item.number == number)?;
        let doc = self
            .catalog
            .doc_of(&item.source_id)
            .or_else(|| self.catalog.doc_of(&list.id))?;
        let direct = block_answer(report, list, number).map(|block| match place {
            Some((at, content)) => format!("「{content}」是其中第{at}项。{block}"),
            None => block,
        });
        Some(Outcome::Answered(Answered {
            direct,
            hits: vec![self.chosen_hit(doc)],
            glossary_refs: Vec::new(),
            more: false,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::super::leftover::named_chars;
    use super::*;

    #[test]
    fn a_part_is_asked_by_number_or_as_the_last() {
        assert_eq!(asked_part("第二部分标题是什么", 4), Some(2));
        assert_eq!(asked_part("报告的最后一部分讲什么", 4), Some(4));
        assert_eq!(asked_part("第三部分主要讲什么呢", 4), Some(3));
        assert_eq!(asked_part("第五部分讲什么", 4), Some(5));
        assert_eq!(asked_part("报告第四部分有几条", 4), Some(4));
        assert_eq!(asked_part("how many tasks are in part three?", 4), Some(3));
        assert_eq!(asked_part("第二部分的粮食目标是多少", 4), None);
        assert_eq!(asked_part("第六件是什么", 4), None);
    }

    #[test]
    fn the_longest_named_run_of_a_heading_is_found() {
        assert_eq!(named_chars("城乡建设那一块说了啥", "城乡建设更趋协调"), 4);
        assert_eq!(named_chars("粮食", "城乡建设更趋协调"), 0);
        assert_eq!(
            named_piece("工业这一块", "坚持工业强县,壮大工业底盘"),
            "工业"
        );
    }
}
