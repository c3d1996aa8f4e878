//! The words questions name the report's parts and blocks by (第二部分, 那一块, 几个方面, 小标题), and
//! what is left of a question once they and the asking words are gone: a topic, or nothing.

use std::sync::LazyLock;

use crate::search::normalize::is_han;

use super::super::asking::asking_words;
use super::super::cues::Phrases;
use super::super::leftover::{topicless, without, REPORT_WORDS};
use super::super::lists::LIST_CUES;
use super::super::structure::{PLAN_WORDS, REVIEW_WORDS, SCOPE_WORDS};

/// Words for a part of the report after its number (第二部分, 第三章).
pub(super) const PART_WORDS: &[&str] = &["大部分", "部分", "章", "篇", "板块"];

/// Words for the last part (最后一部分, 结尾部分).
pub(super) const LAST_PART_WORDS: &[&str] = &[
    "最后一部分",
    "最后一个部分",
    "最后部分",
    "最后一章",
    "末尾部分",
    "last part",
    "final part",
];

/// Nouns for what a block holds (成绩, 任务, 标题): beside the asking words of [`asking`](super::asking),
/// a question names one of these or asks with a question word; without either, a topic is a content
/// question.
pub(super) const BLOCK_NOUNS: &[&str] = &[
    "有哪些工作",
    "哪些工作",
    "哪些事",
    "哪几条",
    "几件事",
    "哪几件",
    "干成了",
    "主要任务",
    "任务",
    "工作",
    "方面",
    "成绩",
    "成就",
    "小标题",
    "标题",
    "题目",
    "主题",
    "主要内容",
    "核心内容",
    "大意",
    "中心思想",
];

/// [`BLOCK_NOUNS`] found in a question.
pub(super) static BLOCK_NOUN_PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::new(BLOCK_NOUNS.iter().copied()));

/// Asking how many items a block holds or where one stands among them: a count or ordinal question word
/// with a counter of items (几条, 多少项, 第几点, 排第几; its divisions, 几个方面, are [`DIVISION_COUNTS`]),
/// or what a part asks of the government (要求). None names a topic: the block's own items answer them.
pub(super) const COUNT_WORDS: &[&str] = &[
    "几条",
    "几点",
    "几项",
    "几件",
    "几个小点",
    "几个点",
    "多少条",
    "多少项",
    "多少点",
    "第几条",
    "第几项",
    "第几点",
    "第几个",
    "第几件",
    "第几部分",
    "第几",
    "排在",
    "排第",
    "要求",
    "how many",
    "points",
    "items",
    "tasks",
];

/// The words that count how a block is divided, beyond [`COUNT_WORDS`]: a count word, a measure or none,
/// then a noun for a division (几个小节, 哪几小块, 多少段, 几大部分), every pairing, so that no wording of
/// one is missed for want of listing it.
pub(super) static DIVISION_COUNTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    const COUNTERS: &[&str] = &["哪几", "几", "多少"];
    const MEASURES: &[&str] = &["", "个", "大", "小", "个小", "个大"];
    const DIVISIONS: &[&str] = &["节", "小节", "段", "块", "部分", "方面"];
    let mut counts = Vec::new();
    for counter in COUNTERS {
        for measure in MEASURES {
            for division in DIVISIONS {
                // 多少块 asks for money (多少块钱), not for blocks.
                if *counter == "多少" && division.ends_with('块') && measure.is_empty() {
                    continue;
                }
                counts.push(format!("{counter}{measure}{division}"));
            }
        }
    }
    counts
});

/// [`COUNT_WORDS`] and [`DIVISION_COUNTS`] found in a question.
pub(super) static COUNT_PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(
        COUNT_WORDS
            .iter()
            .copied()
            .chain(DIVISION_COUNTS.iter().map(String::as_str)),
    )
});

/// Words for the headings inside a block (政府自身建设那部分有哪几个小标题): only parts and sections have them.
pub(super) const SUBHEADING_WORDS: &[&str] = &["小标题", "子标题"];

/// Words that say a block is meant when they stand beside a topic word (农业这块, 农村工作, 民生上): a
/// topic word alone, or with a time, may ask for a thing of it.
const BLOCK_FRAMES: &[&str] = &[
    "方面",
    "块",
    "部分",
    "领域",
    "工作",
    "板块",
    "那段",
    "这段",
    "那一段",
    "这一段",
    "一段",
    "上",
    "一节",
    "那节",
    "这节",
    "小节",
];

/// [`BLOCK_FRAMES`] found in a question.
pub(super) static BLOCK_FRAME_PHRASES: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::new(BLOCK_FRAMES.iter().copied()));

/// English names of a part's number, before `part` (the second part) or after it (part two).
pub(super) const ENGLISH_ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
];

/// Words that frame a block without naming a topic (那一块, 回顾里, 总体, 关于…), and the reflexives and
/// measure particles said beside one (政府自身建设, 说了些啥).
pub(super) const FRAME_WORDS: &[&str] = &[
    "这一块",
    "那一块",
    "这块",
    "那块",
    "那部分",
    "这部分",
    "那段",
    "这段",
    "那一段",
    "这一段",
    "一段",
    "那一节",
    "这一节",
    "一节",
    "那节",
    "这节",
    "小节",
    "下面",
    "底下",
    // How a block is divided (分成哪几块, 分了几个小点): its items answer, no topic is named.
    "分成",
    "分为",
    "分了",
    "分",
    "小点",
    "放在",
    // What a section's paragraphs are, said with an asking word (包括哪些行动): alone beside a topic
    // (乡村振兴行动) they are the topic's own words, a search.
    "行动",
    "举措",
    "部分",
    "方面",
    "回顾",
    "总体",
    "打算",
    "内容",
    "关于",
    "自身",
    "本身",
    "自己",
    "些",
    "里",
    "干",
    "做",
    "说",
    "讲",
    "写",
];

/// What is left of a question once the words that ask, frame, time or point at the report are gone.
pub(super) fn strip_asking(normalized: &str, named: &str) -> String {
    without(
        &without_unfolding_verb(normalized),
        std::iter::once(named)
            .filter(|named| !named.is_empty())
            .chain(BLOCK_NOUNS.iter().copied())
            .chain(COUNT_WORDS.iter().copied())
            .chain(DIVISION_COUNTS.iter().map(String::as_str))
            .chain(asking_words())
            .chain(FRAME_WORDS.iter().copied())
            .chain(REVIEW_WORDS.iter().copied())
            .chain(PLAN_WORDS.iter().copied())
            .chain(REPORT_WORDS.iter().copied())
            .chain(SCOPE_WORDS.iter().copied())
            .chain(LIST_CUES.iter().copied()),
    )
}

/// The most letters of a verb that ends a clause after 方面 and says how a block's items unfold (从哪几个
/// 方面展开, 从哪些方面来抓): more, and the words name a topic of their own (方面的主要成效).
const UNFOLDING_VERB_CHARS: usize = 3;

/// `text` without the verb that ends a clause right after 方面 (从哪几个方面展开): the block's items
/// answer how it unfolds, so the verb names no topic.
fn without_unfolding_verb(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("方面") {
        let after = at + "方面".len();
        kept.push_str(&rest[..after]);
        let verb = rest[after..]
            .char_indices()
            .find(|&(_, c)| !is_han(c))
            .map_or(rest.len() - after, |(end, _)| end);
        let letters = rest[after..after + verb].chars().count();
        rest = if (1..=UNFOLDING_VERB_CHARS).contains(&letters) {
            &rest[after + verb..]
        } else {
            &rest[after..]
        };
    }
    kept.push_str(rest);
    kept
}

/// Whether a question naming a block by `named` asks nothing else: with the block's, asking, report, scope
/// and frame words gone, nothing is left.
pub(super) fn asks_only_block(normalized: &str, named: &str) -> bool {
    let rest = without(
        normalized,
        std::iter::once(named)
            .chain(BLOCK_NOUNS.iter().copied())
            .chain(COUNT_WORDS.iter().copied())
            .chain(DIVISION_COUNTS.iter().map(String::as_str))
            .chain(asking_words())
            .chain(REPORT_WORDS.iter().copied())
            .chain(SCOPE_WORDS.iter().copied())
            .chain(FRAME_WORDS.iter().copied()),
    );
    topicless(&rest)
}
