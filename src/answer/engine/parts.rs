//! Questions about one block of the report rather than one fact: a part by its number (第二部分标题是什么,
//! 最后一部分讲什么), or a block by its topic (五年回顾里城乡建设那一块说了啥, 工业这一块今年打算干哪些事).
//! The blocks are read from the parsed report: its parts, the plan part's numbered sections and the review's
//! `——` achievements, so next year's report works too. Like the structure questions, one is asked only when,
//! with the block's words, time and asking words gone, nothing is left.

use std::sync::LazyLock;

use crate::knowledge::{numerals, ListKind, Paragraph, Report, ReportList};
use crate::search::normalize::fold_for_search;

use super::super::types::{Answered, Outcome};
use super::cues::Cues;
use super::leftover::{named_chars, topicless, without, MIN_TOPIC_CHARS, REPORT_WORDS};
use super::lists::{item_answer, LIST_CUES};
use super::structure::{review_list, SCOPE_WORDS};
use super::Engine;

/// Words for a part of the report after its number (第二部分, 第三章).
const PART_WORDS: &[&str] = &["大部分", "部分", "章", "篇", "板块"];

/// Words for the last part (最后一部分, 结尾部分).
const LAST_PART_WORDS: &[&str] = &[
    "最后一部分",
    "最后一个部分",
    "最后部分",
    "最后一章",
    "末尾部分",
];

/// Ways of asking what a block says or plans, beside its topic: without one, a topic is a content question.
const ASK_WORDS: &[&str] = &[
    "说了什么",
    "说了啥",
    "讲了什么",
    "讲了啥",
    "讲的什么",
    "讲什么",
    "说什么",
    "写了什么",
    "什么内容",
    "哪些内容",
    "有哪些工作",
    "哪些工作",
    "哪些事",
    "干什么",
    "做什么",
    "干啥",
    "怎么干",
    "怎么做",
    "怎么样",
    "咋样",
    "干成了什么",
    "干成了啥",
    "怎么写",
    "怎么说",
    "哪些任务",
    "主要任务",
    "什么任务",
    "哪几方面",
    "哪几个方面",
    "哪些方面",
    "哪几条",
    "几件事",
    "哪几件",
    "成绩",
    "成就",
    "标题",
    "题目",
    "what does",
    "what is in",
];

/// Words that frame a block without naming a topic (那一块, 回顾里, 总体).
const FRAME_WORDS: &[&str] = &[
    "这一块",
    "那一块",
    "这块",
    "那块",
    "那部分",
    "这部分",
    "那段",
    "这段",
    "部分",
    "方面",
    "回顾",
    "总体",
    "打算",
    "内容",
    "里",
    "干",
    "做",
    "说",
    "讲",
    "写",
];

/// Words that put a question in the review of past years, not the year's plan.
const REVIEW_WORDS: &[&str] = &["五年", "过去", "回顾", "这些年", "以来"];

/// Words that put a question in the year's plan.
const PLAN_WORDS: &[&str] = &["今年", "本年", "2022", "明年", "下一步"];

/// One block a question can name by its topic: its heading and the list item it is.
struct Block<'a> {
    heading: String,
    list: &'a ReportList,
    number: u32,
}

/// The part number a question asks for (第二部分 → 2, 最后一部分 → the last), when it asks nothing else.
fn asked_part(normalized: &str, parts: u32) -> Option<u32> {
    let last = LAST_PART_WORDS
        .iter()
        .find(|word| normalized.contains(*word));
    let (number, named) = match last {
        Some(word) => (parts, (*word).to_owned()),
        None => {
            let at = normalized.find('第')?;
            let rest = &normalized[at + '第'.len_utf8()..];
            let numeral: String = rest
                .chars()
                .take_while(|&c| numerals::is_numeral_char(c))
                .collect();
            let after = &rest[numeral.len()..];
            let word = PART_WORDS.iter().find(|word| after.starts_with(*word))?;
            (numerals::number(&numeral)?, format!("第{numeral}{word}"))
        }
    };
    let rest = without(
        normalized,
        std::iter::once(named.as_str())
            .chain(ASK_WORDS.iter().copied())
            .chain(REPORT_WORDS.iter().copied())
            .chain(SCOPE_WORDS.iter().copied())
            .chain(FRAME_WORDS.iter().copied()),
    );
    (topicless(&rest) && (1..=parts).contains(&number)).then_some(number)
}

/// The longest run of `heading`'s letters the question says.
fn named_piece(normalized: &str, heading: &str) -> String {
    let size = named_chars(normalized, heading);
    let chars: Vec<char> = heading.chars().collect();
    chars
        .windows(size.max(1))
        .map(|piece| piece.iter().collect::<String>())
        .find(|piece| normalized.contains(piece.as_str()))
        .unwrap_or_default()
}

/// The blocks of the review (its `——` achievements), of the plan (its numbered sections) and the parts
/// themselves (建设人民满意政府 names the last part).
fn blocks(report: &Report, review: bool, plan: bool) -> Vec<Block<'_>> {
    let of_kind = |kind: ListKind| report.lists.iter().find(|list| list.kind == kind);
    let lists = [
        review.then(|| review_list(report)).flatten(),
        plan.then(|| of_kind(ListKind::Sections)).flatten(),
        of_kind(ListKind::Parts),
    ];
    lists
        .into_iter()
        .flatten()
        .flat_map(|list| {
            list.items.iter().map(move |item| Block {
                heading: fold_for_search(&item.text),
                list,
                number: item.number,
            })
        })
        .collect()
}

/// The one block a question names by its topic, when it names one block only and asks what it says.
fn named_block<'a>(normalized: &str, report: &'a Report) -> Option<Block<'a>> {
    static ASKS: LazyLock<Cues<()>> = LazyLock::new(|| Cues::new(&[((), ASK_WORDS)]));
    if ASKS.found(normalized).is_empty() {
        return None;
    }
    let review = REVIEW_WORDS.iter().any(|word| normalized.contains(word));
    let plan = PLAN_WORDS.iter().any(|word| normalized.contains(word));
    let candidates = blocks(report, review || !plan, plan || !review);
    let sizes: Vec<usize> = candidates
        .iter()
        .map(|block| named_chars(normalized, &block.heading))
        .collect();
    let best = *sizes.iter().max()?;
    if best < MIN_TOPIC_CHARS || sizes.iter().filter(|&&size| size == best).count() != 1 {
        return None;
    }
    let index = sizes.iter().position(|&size| size == best)?;
    let block = candidates.into_iter().nth(index)?;
    let piece = named_piece(normalized, &block.heading);
    let rest = without(
        normalized,
        std::iter::once(piece.as_str())
            .chain(ASK_WORDS.iter().copied())
            .chain(FRAME_WORDS.iter().copied())
            .chain(REVIEW_WORDS.iter().copied())
            .chain(PLAN_WORDS.iter().copied())
            .chain(REPORT_WORDS.iter().copied())
            .chain(SCOPE_WORDS.iter().copied())
            .chain(LIST_CUES.iter().copied()),
    );
    topicless(&rest).then_some(block)
}

/// What a part or section holds, as its readers see it: a part's numbered sections, or else the lead
/// phrases of its paragraphs (`旗帜鲜明讲政治`, `培育壮大主导产业`). A `——` achievement is its own content.
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
        _ => Vec::new(),
    }
}

/// One block as an answer: the item of its list, then what it holds, numbered.
fn block_answer(report: &Report, list: &ReportList, number: u32) -> Option<String> {
    let mut answer = item_answer(list, number)?;
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
    pub(super) fn part_outcome(&self, normalized: &str) -> Option<Outcome> {
        let report = self.library.latest();
        let parts = report
            .lists
            .iter()
            .find(|list| list.kind == ListKind::Parts);
        let (list, number) = match parts.and_then(|list| {
            asked_part(normalized, list.items.len() as u32).map(|number| (list, number))
        }) {
            Some(found) => found,
            None => {
                let block = named_block(normalized, report)?;
                (block.list, block.number)
            }
        };
        let item = list.items.iter().find(|item| item.number == number)?;
        let doc = self
            .catalog
            .doc_of(&item.source_id)
            .or_else(|| self.catalog.doc_of(&list.id))?;
        Some(Outcome::Answered(Answered {
            direct: block_answer(report, list, number),
            hits: vec![self.chosen_hit(doc)],
            glossary_refs: Vec::new(),
            more: false,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_asked_by_number_or_as_the_last() {
        assert_eq!(asked_part("第二部分标题是什么", 4), Some(2));
        assert_eq!(asked_part("报告的最后一部分讲什么", 4), Some(4));
        assert_eq!(asked_part("第三部分主要讲什么呢", 4), Some(3));
        assert_eq!(asked_part("第五部分讲什么", 4), None);
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
