//! Questions that are not about the report's content: about the report itself (who delivered it, at which
//! meeting, when, where it was published), and small talk with the bot (greetings, thanks, "who are you",
//! "how do I use this"). The cue phrases describe `report.toml`'s fields and a chat's courtesies, so they
//! hold for any report; what the answer says comes from the report's metadata.

use std::sync::LazyLock;

use crate::knowledge::{MetaField, Report, ReportMeta, UnitId};

use super::super::english::{meta_in_english, Language};
use super::super::types::{Answered, Hit, HitKind, Outcome, Passage, SmallTalk};
use super::cues::Cues;
use super::leftover::{topicless, without};
use super::meta_ask::MetaAsk;
use super::Engine;

/// The part of a meta unit's id after the report's: `xiping-2022/meta/speaker`.
const META_ID: &str = "/meta/";

const SMALL_TALK_CUES: &[(SmallTalk, &[&str])] = &[
    (
        SmallTalk::Help,
        &[
            "怎么用",
            "如何使用",
            "怎么使用",
            "能做什么",
            "能干什么",
            "能干啥",
            "会什么",
            "会做什么",
            "会干什么",
            "能帮我",
            "会干啥",
            "有什么功能",
            "有啥功能",
            "能问什么",
            "可以问什么",
            "能问啥",
            "怎么问",
            "使用说明",
            "帮助",
            "help",
            "what can you do",
            "how do i use",
            "how to use",
            "what can i ask",
            "how does this work",
            "can you answer in english",
            "do you speak english",
            "answer in english",
        ],
    ),
    (
        SmallTalk::Identity,
        &[
            "你是谁",
            "你是什么",
            "你叫什么",
            "你是机器人",
            "你是人",
            "你是哪个",
            "who are you",
            "what are you",
            "are you a bot",
            "are you human",
            "your name",
        ],
    ),
    (
        SmallTalk::Thanks,
        &[
            "谢谢",
            "多谢",
            "感谢",
            "谢了",
            "3q",
            "thanks",
            "thank you",
            "thx",
            "辛苦了",
        ],
    ),
    (
        SmallTalk::Farewell,
        &["再见", "拜拜", "回头见", "bye", "goodbye", "see you"],
    ),
    (
        SmallTalk::Greeting,
        &[
            "你好",
            "您好",
            "早上好",
            "上午好",
            "中午好",
            "下午好",
            "晚上好",
            "在吗",
            "在不在",
            "哈喽",
            "嗨",
            "hello",
            "hi",
            "hey",
            "good morning",
            "good afternoon",
            "good evening",
            "早安",
            "晚安",
        ],
    ),
];

/// The small talk a question is, when it is nothing else: `你好` is, `你好,今年GDP目标多少` is a question.
pub(super) fn small_talk(normalized: &str) -> Option<SmallTalk> {
    static CUES: LazyLock<Cues<SmallTalk>> = LazyLock::new(|| Cues::new(SMALL_TALK_CUES));
    let found = CUES.found(normalized);
    let &(kind, _) = found.first()?;
    topicless(&without(normalized, found.iter().map(|(_, cue)| *cue))).then_some(kind)
}

/// The id name of the report's length among its meta units.
const LENGTH_ID: &str = "length";

/// A length is given to this many characters: a reader asks how long, not for an exact count.
const LENGTH_ROUNDING: usize = 100;

/// How long the report is: its characters (punctuation included, spaces not), headings, body and glossary.
fn length_answer(report: &Report, language: Language) -> String {
    let count = |text: &str| text.chars().filter(|c| !c.is_whitespace()).count();
    let body: usize = report
        .parts
        .iter()
        .map(|part| {
            count(&part.title)
                + part
                    .sections
                    .iter()
                    .map(|section| {
                        count(&section.title)
                            + section
                                .paragraphs
                                .iter()
                                .flat_map(|paragraph| &paragraph.sentences)
                                .map(|sentence| count(&sentence.text))
                                .sum::<usize>()
                    })
                    .sum::<usize>()
        })
        .sum();
    let glossary: usize = report
        .glossary
        .iter()
        .map(|entry| count(&entry.term) + count(&entry.explanation))
        .sum();
    let rounded = |n: usize| (n + LENGTH_ROUNDING / 2) / LENGTH_ROUNDING * LENGTH_ROUNDING;
    let entries = report.glossary.len();
    match language {
        Language::Chinese => format!(
            "全文约{}字（正文约{}字，另附{entries}个词语注释约{}字；按字符计，含标点）",
            rounded(body + glossary),
            rounded(body),
            rounded(glossary)
        ),
        Language::English => format!(
            "About {} Chinese characters, punctuation included (body about {}, plus {entries} glossary notes of about {})",
            rounded(body + glossary),
            rounded(body),
            rounded(glossary)
        ),
    }
}

/// How a field is named in an answer.
fn label(field: MetaField) -> &'static str {
    match field {
        MetaField::Title => "报告标题",
        MetaField::Speaker => "报告人",
        MetaField::Meeting => "会议",
        MetaField::MeetingDate => "报告日期",
        MetaField::Published => "发布日期",
        MetaField::Issuer => "发布单位",
        MetaField::Source => "来源",
    }
}

fn id_name(field: MetaField) -> &'static str {
    match field {
        MetaField::Title => "title",
        MetaField::Speaker => "speaker",
        MetaField::Meeting => "meeting",
        MetaField::MeetingDate => "meeting_date",
        MetaField::Published => "published",
        MetaField::Issuer => "issuer",
        MetaField::Source => "source",
    }
}

/// `text` followed by the field's value as `report.toml` writes it, when that differs (a date's
/// `2022-04-20` after `2022年4月20日`), so a reader checking the source finds the same string.
fn with_written(text: String, meta: &ReportMeta, field: MetaField, language: Language) -> String {
    match (meta.as_written(field), language) {
        (Some(written), Language::Chinese) => format!("{text}（{written}）"),
        (Some(written), Language::English) => format!("{text} ({written})"),
        (None, _) => text,
    }
}

/// The report's front matter as one passage: what the report says of itself above its first line.
fn front_matter(report: &Report) -> String {
    MetaField::ALL
        .iter()
        .map(|&field| {
            with_written(
                format!("{}：{}", label(field), report.meta.field(field)),
                &report.meta,
                field,
                Language::Chinese,
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn citation(report: &Report) -> String {
    format!("《{}》卷首", report.meta.title)
}

impl Engine {
    /// The answer to a question about the newest report itself, cited to its front matter.
    pub(super) fn meta_outcome(&self, asked: MetaAsk, language: Language) -> Outcome {
        let report = self.library.latest();
        let (direct, name) = match asked {
            MetaAsk::Field(field) | MetaAsk::OfYear(field, _) => (
                with_written(
                    match language {
                        Language::Chinese => {
                            format!("{}：{}", label(field), report.meta.field(field))
                        }
                        Language::English => meta_in_english(&report.meta, field),
                    },
                    &report.meta,
                    field,
                    language,
                ),
                id_name(field),
            ),
            MetaAsk::Length => (length_answer(report, language), LENGTH_ID),
        };
        let hit = Hit {
            kind: HitKind::Meta,
            id: UnitId::new(format!("{}{META_ID}{name}", report.meta.id)),
            text: direct.clone(),
            excerpt: front_matter(report).replace('\n', "；"),
            highlights: Vec::new(),
            citation: citation(report),
            score: 1.0,
        };
        Outcome::Answered(Answered {
            direct: Some(direct),
            hits: vec![hit],
            glossary_refs: Vec::new(),
            more: false,
        })
    }

    /// The front matter of the report a meta id (`<report>/meta/<field>`) belongs to.
    pub(super) fn meta_passage(&self, id: &str) -> Option<Passage> {
        let (report_id, _) = id.split_once(META_ID)?;
        let report = self.library.report(report_id)?;
        Some(Passage {
            id: UnitId::new(id),
            text: front_matter(report),
            citation: citation(report),
            focus: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn courtesies_alone_are_small_talk_and_a_question_after_one_is_not() {
        assert_eq!(small_talk("你好"), Some(SmallTalk::Greeting));
        assert_eq!(small_talk("你好啊!"), Some(SmallTalk::Greeting));
        assert_eq!(small_talk("谢谢你"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("你是谁?"), Some(SmallTalk::Identity));
        assert_eq!(small_talk("怎么用"), Some(SmallTalk::Help));
        assert_eq!(
            small_talk("hello, can you answer in english?"),
            Some(SmallTalk::Help)
        );
        assert_eq!(small_talk("您好,请问你会做什么"), Some(SmallTalk::Help));
        assert_eq!(small_talk("你好,今年gdp目标是多少"), None);
        assert_eq!(small_talk("this year gdp"), None);
        assert_eq!(small_talk("粮食"), None);
    }
}
