//! Questions about how the report is built, answered with its own structure: its parts (the outline), the
//! year's main tasks (the plan part's sections), the review's achievements and the principles it draws
//! (its `——` runs), and the difficulties it admits (the parallel `对照…` run after 困难). Which list answers
//! is read from the parsed tree and the indicator records, never written for one report, so next year's
//! report works too. A question is structural only when, with its cue, time and report words gone, nothing
//! is left: 今年工作分几大块 is, 农业方面的任务有哪些 is not.

use crate::knowledge::{numerals, FigureKind, ListKind, Report, ReportList};

use super::super::types::{Answered, Outcome};
use std::sync::LazyLock;

use super::asking::asking_words;
use super::cues::{Cues, Phrases};
use super::leftover::{topicless, without, AskedPairs, MIN_TOPIC_CHARS, REPORT_WORDS};
use super::lists::{item_answer, LIST_CUES};
use super::Engine;

/// A part of the report's structure a question can ask for whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Structure {
    /// Its parts: how the report is built.
    Outline,
    /// The plan part's sections: the year's main tasks.
    Tasks,
    /// The review's `——` run: what the past years achieved.
    Achievements,
    /// The `——` run outside the review: the principles and lessons drawn.
    Principles,
    /// The run of parallel sentences after the review admits difficulties.
    Difficulties,
}

/// Phrases that ask for each structure, Chinese and English.
const STRUCTURE_CUES: &[(Structure, &[&str])] = &[
    (
        Structure::Outline,
        &[
            "部分",
            "各部分",
            "标题",
            "篇章",
            "几章",
            "提纲",
            "脉络",
            "大标题",
            "几段",
            "headings",
            "main parts",
            "structured",
            "几个部分",
            "几部分",
            "几大部分",
            "几个大部分",
            "哪几部分",
            "哪几个部分",
            "哪些部分",
            "分为",
            "分成",
            "结构",
            "框架",
            "章节",
            "组成",
            "构成",
            "大纲",
            "目录",
            "组织",
            "先讲",
            "后讲",
            "顺序",
            "板块",
            "讲了哪些内容",
            "主要内容",
            "讲了什么",
            "outline",
            "organised",
            "organized",
            "organisation",
            "organization",
            "structure",
            "how many parts",
            "what parts",
            "which parts",
            "sections",
            "parts",
        ],
    ),
    (
        Structure::Tasks,
        &[
            "任务",
            "大事",
            "几件",
            "几项",
            "重点",
            "focus",
            "priority",
            "重点工作",
            "主要工作",
            "工作重点",
            "重点任务",
            "主要任务",
            "工作任务",
            "几大块",
            "几块",
            "几个方面",
            "哪几方面",
            "哪几个方面",
            "哪些方面",
            "几大方面",
            "干哪些",
            "做哪些",
            "抓哪些",
            "工作安排",
            "main tasks",
            "priorities",
            "tasks",
            // The plan's areas of work (How many main areas of work does the report set out?).
            "areas of work",
            "work areas",
            "areas",
        ],
    ),
    (
        Structure::Achievements,
        &[
            "成效",
            "回顾",
            "变化",
            "干出",
            "achieve",
            "accomplish",
            "accomplishments",
            "成就",
            "成绩",
            "干成",
            "大事",
            "做成",
            "取得了哪些",
            "做了哪些",
            "干了哪些",
            "做了什么",
            "干了什么",
            "干了啥",
            "哪些事",
            "什么事",
            "亮点",
            "achievements",
            "achieved",
            "accomplished",
        ],
    ),
    (
        Structure::Principles,
        &[
            "遵循",
            "把握",
            "几条",
            "principle",
            "lesson",
            "原则",
            "经验",
            "启示",
            "必须坚持",
            "坚持",
            "体会",
            "principles",
            "lessons",
        ],
    ),
    (
        Structure::Difficulties,
        &[
            "不够",
            "薄弱环节",
            "weakness",
            "difficulty",
            "challenge",
            "problem",
            "困难",
            "短板",
            "不足",
            "挑战",
            "问题",
            "差距",
            "薄弱",
            "weaknesses",
            "challenges",
            "problems",
            "shortcomings",
            "difficulties",
        ],
    ),
];

/// Words that set a structural question's scope without naming a topic: time, the county, work itself.
pub(super) const SCOPE_WORDS: &[&str] = &[
    "今年",
    "本年",
    "过去五年",
    "这五年",
    "五年来",
    "近五年",
    "过去",
    "这些年",
    "去年",
    "一年",
    "政府",
    "全县",
    "我县",
    "县里",
    "西平",
    "工作",
    "主要",
    "重点",
    "具体",
    "五年",
    "回顾",
    "部分",
    "整体",
    "整篇",
    "整个",
    "全篇",
    // each of them (每部分标题是什么, 各个部分): the whole structure
    "每个",
    "每一",
    "每",
    "各个",
    "各",
    "咋样",
    "事",
    "这几年",
    "几年",
    "上一届",
    "上届",
    "今后",
    "都",
    "分",
    "分成",
    "分为",
    "包括",
    "打算",
    "计划",
    "安排",
    "要",
    "面临",
    "存在",
    "还",
    "方面",
    "哪些",
    "大",
    "块",
    "一共",
    "总共",
    "共",
    "那些",
    "讲的",
    "讲",
    "怎么样",
    "怎样",
    "如何",
    "说",
    "目前",
    "当前",
    // 目前, 眼下 and 如今 read as 现在 (knowledge/phrases.toml); never 现在 alone, which 体现在 holds.
    "现在存在",
    "现在面临",
    "现在有",
    "现在还",
    "有没有",
    "概括",
    "总结",
    "简单",
    "说下",
    "说说",
    "承认",
    "提到",
    "指出",
    "this year's",
    // Setting out or focusing a plan, counting its parts (how many … are there), and asking for its items
    // again (and what are they).
    "how many",
    "there",
    "for",
    "set out",
    "sets out",
    "lay out",
    "lays out",
    "work plan",
    "on",
    "and",
    "they",
    "them",
    "must",
    "upheld",
    "be",
    "next",
    "how",
    "this year",
    "past",
    "last",
    "over",
    "five years",
    "years",
    "main",
    "key",
    "county",
    "government",
    "what",
    "are",
    "were",
    "its",
];

/// Words that put a question in the review of past years, not the year's plan.
pub(super) const REVIEW_WORDS: &[&str] = &[
    "五年",
    "过去",
    "回顾",
    "这些年",
    "几年",
    "以来",
    "上一届",
    "past",
];

/// Words that put a question in the year's plan.
pub(super) const PLAN_WORDS: &[&str] = &[
    "今年",
    "本年",
    "2022",
    "明年",
    "下一步",
    "今后",
    "this year",
    // What is asked of, or planned for, the years ahead: the plan says it, the review says what was done.
    "要求",
    "打算",
    "举措",
    "措施",
    "部署",
    "plan for",
];

/// Whether a question names the review's past years (过去五年, 去年).
pub(super) fn says_review(normalized: &str) -> bool {
    static REVIEW: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(REVIEW_WORDS.iter().copied()));
    REVIEW.in_text(normalized)
}

/// Whether a question names the year's plan (今年, 下一步).
pub(super) fn says_plan(normalized: &str) -> bool {
    static PLAN: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(PLAN_WORDS.iter().copied()));
    PLAN.in_text(normalized)
}

/// The structure a question asks for, when it asks for nothing else; `rests` are its [`structure_rests`].
/// The year's tasks and the review's achievements share their nouns (大事, 干了哪些): the time the question
/// names tells them apart. A question that names one time's part and asks what it says (工作回顾讲了啥,
/// 回顾部分讲了什么) asks for that part's items, not for the outline of the whole report.
pub(super) fn asks_structure(normalized: &str, rests: &[(Structure, String)]) -> Option<Structure> {
    let (review, plan) = (says_review(normalized), says_plan(normalized));
    let timed = |structure: &Structure| match structure {
        Structure::Tasks => plan && !review,
        Structure::Achievements => review && !plan,
        _ => false,
    };
    let asks_timed = rests
        .iter()
        .any(|(structure, rest)| timed(structure) && topicless(rest));
    rests.iter().find_map(|(structure, rest)| {
        let wrong_time = match structure {
            Structure::Tasks => review && !plan,
            Structure::Achievements => plan && !review,
            Structure::Outline => asks_timed,
            _ => false,
        };
        (!wrong_time && topicless(rest)).then_some(*structure)
    })
}

/// Structures whose items each say something of their own (achievements, principles, difficulties): one
/// of them asked about one topic is that item (营商环境还有什么不足).
const ITEMIZED: &[Structure] = &[
    Structure::Achievements,
    Structure::Principles,
    Structure::Difficulties,
];

/// The structure a question asks about one topic of, with what is left of the question: the topic.
fn asks_structure_topic(rests: &[(Structure, String)]) -> Option<(Structure, &str)> {
    rests
        .iter()
        .find(|(structure, rest)| ITEMIZED.contains(structure) && !topicless(rest))
        .map(|(structure, rest)| (*structure, rest.as_str()))
}

/// Each structure a cue of the question names, with the question without its cues, time, report and
/// list words: the structure whose cues say the most of the question first, in table order on a tie (今年的
/// 重点工作分成几个方面 asks for the tasks, whose 重点工作 and 几个方面 say more than the outline's 分成).
/// Once an outline cue is said, the report named counts for the outline too (这份报告分成几大块 asks how
/// the report is divided).
/// `plan_year`, the year the report plans for, is said as 今年 is.
pub(super) fn structure_rests(normalized: &str, plan_year: i32) -> Vec<(Structure, String)> {
    static CUES: LazyLock<Cues<Structure>> = LazyLock::new(|| Cues::new(STRUCTURE_CUES));
    let year = plan_year.to_string();
    let normalized = normalized
        .replace(&format!("{year}年"), " ")
        .replace(&year, " ");
    let all = CUES.found(&normalized);
    let mut rests: Vec<(usize, Structure, String)> = STRUCTURE_CUES
        .iter()
        .filter_map(|(structure, _)| {
            let found: Vec<&str> = all
                .iter()
                .filter(|(asked, _)| asked == structure)
                .map(|(_, cue)| *cue)
                .collect();
            if found.is_empty() {
                return None;
            }
            let mut said_cues = found.clone();
            if *structure == Structure::Outline {
                said_cues.extend(REPORT_WORDS.iter().copied());
            }
            let said = said_bytes(&normalized, &said_cues);
            let rest = without(
                &normalized,
                found
                    .iter()
                    .copied()
                    .chain(REPORT_WORDS.iter().copied())
                    .chain(SCOPE_WORDS.iter().copied())
                    .chain(LIST_CUES.iter().copied())
                    .chain(asking_words()),
            );
            Some((said, *structure, without_counts(&rest)))
        })
        .collect();
    rests.sort_by_key(|(said, _, _)| std::cmp::Reverse(*said));
    rests
        .into_iter()
        .map(|(_, structure, rest)| (structure, rest))
        .collect()
}

/// How many bytes of `text` the `cues` cover, each byte once (重点 inside 重点工作 adds nothing).
fn said_bytes(text: &str, cues: &[&str]) -> usize {
    let mut covered = vec![false; text.len()];
    for cue in cues {
        for (at, _) in text.match_indices(cue) {
            covered[at..at + cue.len()].fill(true);
        }
    }
    covered.into_iter().filter(|&byte| byte).count()
}

/// Counters after a number of items a question states (六项重点工作, 四个部分, 几大方面).
const COUNTERS: &[&str] = &[
    "个方面",
    "方面",
    "个部分",
    "部分",
    "项",
    "条",
    "件",
    "点",
    "大",
    "个",
];

/// `rest` without the counts of items it states (今年的六项重点工作 states six): a count names no topic.
fn without_counts(rest: &str) -> String {
    let mut out = String::with_capacity(rest.len());
    let mut left = rest;
    while let Some(c) = left.chars().next() {
        let numeral = left
            .char_indices()
            .take_while(|&(_, c)| numerals::is_numeral_char(c))
            .last()
            .map_or(0, |(at, c)| at + c.len_utf8());
        let counter = COUNTERS
            .iter()
            .find(|counter| numeral > 0 && left[numeral..].starts_with(*counter));
        match counter {
            Some(counter) => {
                out.push(' ');
                left = &left[numeral + counter.len()..];
            }
            None => {
                out.push(c);
                left = &left[c.len_utf8()..];
            }
        }
    }
    out
}

impl Engine {
    /// The item of a structure a question asks about by its topic (营商环境还有什么不足 → the difficulty
    /// about the business environment): the item naming the most of the topic's letters in a run, when one
    /// does alone; its own sentence first, then the list.
    pub(super) fn structure_item_outcome(&self, rests: &[(Structure, String)]) -> Option<Outcome> {
        let (structure, topic) = asks_structure_topic(rests)?;
        let list = structure_list(self.library.latest(), structure)?;
        let asked_pairs = AskedPairs::new(topic);
        let sizes: Vec<usize> = list
            .items
            .iter()
            .map(|item| asked_pairs.named_chars(&item.text))
            .collect();
        let best = *sizes.iter().max()?;
        if best < MIN_TOPIC_CHARS || sizes.iter().filter(|&&size| size == best).count() != 1 {
            return None;
        }
        let item = &list.items[sizes.iter().position(|&size| size == best)?];
        let list_doc = self.catalog.doc_of(&list.id)?;
        let mut hits = Vec::with_capacity(2);
        if let Some(doc) = self.catalog.doc_of(&item.source_id) {
            hits.push(self.chosen_hit(doc));
        }
        hits.push(self.chosen_hit(list_doc));
        Some(self.chosen_answer(item_answer(list, item.number), hits))
    }

    /// The newest report's list for a structure, as a whole-list answer citing it.
    pub(super) fn structure_outcome(&self, structure: Structure) -> Option<Outcome> {
        let report = self.library.latest();
        let list = structure_list(report, structure)?;
        let doc = self.catalog.doc_of(&list.id)?;
        Some(Outcome::Answered(Answered {
            direct: self.direct_answer(doc, None),
            hits: vec![self.chosen_hit(doc)],
            glossary_refs: Vec::new(),
            more: false,
        }))
    }
}

/// Words after which a run of parallel sentences lists difficulties (the review's own words for them).
const DIFFICULTY_WORDS: &[&str] = &["困难", "问题", "挑战", "不足", "短板"];

/// The list that is a structure in this report, read from its kinds and where they stand.
fn structure_list(report: &Report, structure: Structure) -> Option<&ReportList> {
    let review = review_part(report);
    let in_review =
        |list: &&ReportList| review.is_some_and(|part| part_of(&list.source_id) == Some(part));
    let mut lists = report.lists.iter();
    match structure {
        Structure::Outline => lists.find(|list| list.kind == ListKind::Parts),
        Structure::Tasks => lists.find(|list| list.kind == ListKind::Sections),
        Structure::Achievements => {
            lists.find(|list| list.kind == ListKind::Dashes && in_review(list))
        }
        Structure::Principles => {
            lists.find(|list| list.kind == ListKind::Dashes && !in_review(list))
        }
        Structure::Difficulties => lists.find(|list| {
            list.kind == ListKind::Parallel
                && list
                    .lead
                    .as_deref()
                    .is_some_and(|lead| DIFFICULTY_WORDS.iter().any(|word| lead.contains(word)))
        }),
    }
}

/// The review's `——` run: the past years' achievements, one block each.
pub(super) fn review_list(report: &Report) -> Option<&ReportList> {
    structure_list(report, Structure::Achievements)
}

/// The part that reviews past years: where the report states last year's results.
pub(super) fn review_part(report: &Report) -> Option<&str> {
    report
        .indicators
        .iter()
        .find(|indicator| indicator.kind == FigureKind::Result)
        .and_then(|indicator| part_of(&indicator.sentence_id))
}

/// The part number of a unit id (`xiping-2022/1.0.2.2` → `1`).
fn part_of(id: &str) -> Option<&str> {
    id.rsplit_once('/')
        .and_then(|(_, path)| path.split('.').next())
}

#[cfg(test)]
mod tests;
