//! Questions that are not about the report's content: about the report itself (who delivered it, at which
//! meeting, when, where it was published), and small talk with the bot (greetings, thanks, "who are you",
//! "how do I use this"). The cue phrases describe `report.toml`'s fields and a chat's courtesies, so they
//! hold for any report; what the answer says comes from the report's metadata.

use std::sync::LazyLock;

use crate::knowledge::{MetaField, Report, ReportMeta, UnitId};

use super::super::english::{meta_in_english, Language};
use super::super::types::{Answered, Hit, HitKind, Outcome, Passage, RefusalReason, SmallTalk};
use super::cues::Cues;
use super::leftover::{named_chars, topicless, without};
use super::meta_ask::MetaAsk;
use super::Engine;

/// The part of a meta unit's id after the report's: `xiping-2022/meta/speaker`.
const META_ID: &str = "/meta/";

/// A class of words of small talk: the courtesy itself (a greeting, thanks or an acknowledgement or praise
/// that closes an answer, asking how to use the bot or in which language, a farewell, a complaint about an
/// answer), the person addressed, and asking who someone is. Identity is the pair (`你` × `是谁`), so
/// `嫘祖是谁` is no question to the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Courtesy {
    Kind(SmallTalk),
    /// 你, 您, you: the bot addressed.
    You,
    /// 是谁, 叫什么, 是机器人: who or what someone is, asked with the copula or a name.
    WhoIs,
    /// 老师, 各位, 领导: a person greeted by a title, which with `好` is a greeting (老师好).
    Addressee,
    /// Words around a courtesy that name no topic: the bot, who made it (单位, 公司) and the bots it may be
    /// taken for (chatgpt), degree words (太, 非常, very), the answer or help thanked for or complained of,
    /// asking questions.
    Around,
}

const SMALL_TALK_WORDS: &[(Courtesy, &[&str])] = &[
    (
        Courtesy::Kind(SmallTalk::Thanks),
        &[
            "谢谢",
            "谢",
            "多谢",
            "感谢",
            "3q",
            "thanks",
            "thank",
            "thx",
            "辛苦",
            "麻烦你了",
            "好的",
            "明白了",
            "知道了",
            "收到",
            "懂了",
            "了解了",
            "清楚了",
            "清楚",
            "行",
            "clear",
            "真棒",
            "有用",
            "有帮助",
            "厉害",
            "不错",
            "很好",
            "点赞",
            "ok",
            "okay",
            "great",
            "nice",
            "good job",
            "got it",
        ],
    ),
    (
        Courtesy::Kind(SmallTalk::Help),
        &[
            "怎么用",
            "如何用",
            "怎么使用",
            "如何使用",
            "使用方法",
            "用法",
            "使用说明",
            "怎么问",
            "如何问",
            "怎么提问",
            "如何提问",
            "有什么功能",
            "有啥功能",
            "什么功能",
            "功能",
            "帮助",
            "什么用",
            "教程",
            "教教",
            "能做",
            "能干",
            "会做",
            "会干",
            "会啥",
            "会什么",
            "能问",
            "可以问",
            "能回答",
            "可以回答",
            "会回答",
            "能帮",
            "可以帮",
            "能什么",
            "会些",
            "help",
            "how do i use",
            "how to use",
            "what can you do",
            "what can i ask",
            "how does this work",
            "answer in english",
            "speak english",
            "怎么玩",
            "命令",
            "指令",
            "菜单",
            "英文",
            "英语",
        ],
    ),
    (
        Courtesy::Kind(SmallTalk::Farewell),
        &[
            "再见",
            "再会",
            "拜拜",
            "回头见",
            "下次见",
            "回头聊",
            "再聊",
            "下次聊",
            "告辞",
            "晚安",
            "good night",
            "886",
            "bye",
            "goodbye",
            "see you",
            "later",
            "没别的问题",
            "没有别的问题",
            "没其他问题",
            "没有其他问题",
            "没问题了",
            "没有问题了",
            "没别的事",
            "没有别的事",
            "没事了",
            "就这些",
            "就这样",
            "下次再问",
            "再问",
            "that's all",
            "that is all",
            "nothing else",
        ],
    ),
    (
        Courtesy::Kind(SmallTalk::Greeting),
        &[
            "你好",
            "您好",
            "大家好",
            "早上好",
            "上午好",
            "中午好",
            "下午好",
            "晚上好",
            "早安",
            "早",
            "嗨",
            "哈喽",
            "哈啰",
            "哈罗",
            "喂",
            "在吗",
            "在么",
            "在不在",
            "有人吗",
            "有人在吗",
            "hello",
            "hi",
            "hey",
            "good morning",
            "good afternoon",
            "good evening",
        ],
    ),
    (
        Courtesy::Kind(SmallTalk::Complaint),
        &[
            "笨",
            "不对",
            "不准确",
            "不准",
            "错了",
            "答错",
            "没用",
            "瞎说",
            "胡说",
            "答非所问",
            "垃圾",
            "差劲",
            "太差",
            "wrong",
            "useless",
            "stupid",
        ],
    ),
    (Courtesy::You, &["你们", "你", "您", "you", "your"]),
    (
        Courtesy::Addressee,
        &[
            "老师", "领导", "同志", "各位", "师傅", "朋友", "亲", "everyone", "folks",
        ],
    ),
    (
        Courtesy::WhoIs,
        &[
            "是谁",
            "谁",
            "是哪位",
            "是哪个",
            "是什么",
            "是啥",
            "是干嘛",
            "是干什么",
            "是干啥",
            "是做什么",
            "叫什么",
            "叫啥",
            "名字",
            "是机器人",
            "是真人",
            "是人",
            "是ai",
            "是人工智能",
            "介绍",
            "who",
            "what are",
            "are you a",
            "are you",
            "name",
        ],
    ),
    (
        Courtesy::Around,
        &[
            "机器人",
            "开发",
            "研发",
            "制作",
            "单位",
            "公司",
            "团队",
            "支持",
            "小助手",
            "助手",
            "问题",
            "哪些",
            "自己",
            "该",
            "太",
            "非常",
            "十分",
            "万分",
            "真是",
            "真",
            "都",
            "还",
            "也",
            "些",
            "好",
            "明白",
            "知道",
            "懂",
            "回答",
            "帮忙",
            "bot",
            "robot",
            "very",
            "much",
            "lot",
            "so",
            "for",
            "again",
            "question",
            "questions",
            "helps",
            "helpful",
            "that",
            "ask",
            "work",
            "use",
            "human",
            "ai",
            "chatgpt",
            "gpt",
            "大模型",
            "回答的",
            "答得",
            "说的",
            "讲得",
            "说得",
            "讲的",
            "解答",
            "很",
            "挺",
            "all",
            "was",
        ],
    ),
];

/// The small talk a question is, when it is nothing else: `你好` is, `你好,今年GDP目标多少` is a question.
/// Thanks come first (`谢谢你的帮助` thanks, not asks for help), then asking how to use the bot, who it is,
/// farewells, greetings and complaints about an answer.
pub(super) fn small_talk(normalized: &str) -> Option<SmallTalk> {
    static WORDS: LazyLock<Cues<Courtesy>> = LazyLock::new(|| Cues::new(SMALL_TALK_WORDS));
    let found = WORDS.found(normalized);
    let has = |wanted: Courtesy| found.iter().any(|(word, _)| *word == wanted);
    let kind = [SmallTalk::Thanks, SmallTalk::Help]
        .into_iter()
        .find(|&kind| has(Courtesy::Kind(kind)))
        .or_else(|| (has(Courtesy::You) && has(Courtesy::WhoIs)).then_some(SmallTalk::Identity))
        .or_else(|| {
            let hailed = has(Courtesy::Addressee) && found.contains(&(Courtesy::Around, "好"));
            hailed.then_some(SmallTalk::Greeting)
        })
        .or_else(|| {
            [
                SmallTalk::Complaint,
                SmallTalk::Farewell,
                SmallTalk::Greeting,
            ]
            .into_iter()
            .find(|&kind| has(Courtesy::Kind(kind)))
        })?;
    topicless(&without(normalized, found.iter().map(|(_, word)| *word))).then_some(kind)
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

/// The word with which a speech says whom it speaks for (我代表县人民政府).
const BEHALF_WORD: &str = "代表";

/// A sentence naming this many characters of the issuer's name in a row names the issuer (`县人民政府` of
/// `西平县人民政府`); fewer would take any sentence with `政府` in it.
const MIN_ISSUER_CHARS: usize = 4;

/// The report's own words for whom it is made on behalf of: its first sentence saying `代表` with the issuer's
/// name, so an issuer asked for is answered with the line a reader remembers as well as the front matter.
pub(super) fn behalf_sentence(report: &Report) -> Option<&str> {
    report
        .sentences()
        .map(|sentence| sentence.text.as_str())
        .find(|text| {
            text.contains(BEHALF_WORD) && named_chars(text, &report.meta.issuer) >= MIN_ISSUER_CHARS
        })
}

/// The report's address line (`各位代表:`): the first sentence of its body, when it ends with a colon, as
/// an address does.
fn address_line(report: &Report) -> Option<&str> {
    report
        .sentences()
        .next()
        .map(|sentence| sentence.text.trim())
        .filter(|text| text.ends_with([':', '：']))
}

/// Whom the report is addressed to and asks to review it: its meeting, with the report's own address line and
/// the sentence that hands the report to the meeting (向大会报告工作,请予审议,并请…提出意见).
fn addressee_answer(report: &Report, language: Language) -> String {
    let meeting = field_answer(report, MetaField::Meeting, language);
    let said: String = address_line(report)
        .into_iter()
        .chain(behalf_sentence(report))
        .collect();
    match (said.is_empty(), language) {
        (true, _) => meeting,
        (false, Language::Chinese) => format!("{meeting}（报告中：{said}）"),
        (false, Language::English) => format!("{meeting} (the speech: {said})"),
    }
}

/// The publication date with the days between it and the meeting's (发布日期…，作报告后1天).
fn published_after_answer(report: &Report, language: Language) -> String {
    let published = field_answer(report, MetaField::Published, language);
    let days = (report.meta.published - report.meta.meeting_date).num_days();
    match (language, days) {
        (Language::Chinese, 0) => format!("{published}，与作报告是同一天"),
        (Language::Chinese, days) if days > 0 => format!("{published}，作报告后{days}天"),
        (Language::Chinese, days) => format!("{published}，作报告前{}天", -days),
        (Language::English, 0) => format!("{published}, the day the report was delivered"),
        (Language::English, days) => format!(
            "{published}, {days} day(s) after the report was delivered ({})",
            report.meta.meeting_date
        ),
    }
}

/// A field's answer, the issuer's with the report's own sentence saying on whose behalf it speaks.
fn field_answer(report: &Report, field: MetaField, language: Language) -> String {
    let text = with_written(
        match language {
            Language::Chinese => format!("{}：{}", label(field), report.meta.field(field)),
            Language::English => meta_in_english(&report.meta, field),
        },
        &report.meta,
        field,
        language,
    );
    match (field, behalf_sentence(report), language) {
        (MetaField::Issuer, Some(said), Language::Chinese) => format!("{text}（报告中：{said}）"),
        (MetaField::Issuer, Some(said), Language::English) => {
            format!("{text} (the speech: {said})")
        }
        _ => text,
    }
}

impl Engine {
    /// The answer to a question about the newest report itself, cited to its front matter.
    /// `also` are the further fields the question asks (谁在什么会上作的: the meeting too), each on a
    /// line of its own after the first.
    pub(super) fn meta_outcome(
        &self,
        asked: MetaAsk,
        also: &[MetaField],
        language: Language,
    ) -> Outcome {
        let report = self.library.latest();
        let (direct, name) = match asked {
            MetaAsk::Field(field) | MetaAsk::OfYear(field, _) => {
                let answers = std::iter::once(field)
                    .chain(also.iter().copied())
                    .map(|field| field_answer(report, field, language));
                (answers.collect::<Vec<_>>().join("\n"), id_name(field))
            }
            MetaAsk::Length => (length_answer(report, language), LENGTH_ID),
            MetaAsk::PublishedAfter => (
                published_after_answer(report, language),
                id_name(MetaField::Published),
            ),
            MetaAsk::Addressee => (
                addressee_answer(report, language),
                id_name(MetaField::Meeting),
            ),
            // The span reviewed is the report's own text, cited where it says it; a report naming none
            // has no answer to it.
            MetaAsk::Period => {
                return self
                    .period_outcome(language)
                    .unwrap_or_else(|| self.refuse(RefusalReason::NotInReport))
            }
            MetaAsk::Unheld => return self.refuse(RefusalReason::NotInReport),
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
        assert_eq!(small_talk("老师好"), Some(SmallTalk::Greeting));
        assert_eq!(small_talk("各位领导好"), Some(SmallTalk::Greeting));
        assert_eq!(small_talk("老师工资多少"), None);
        assert_eq!(small_talk("你都能回答啥问题"), Some(SmallTalk::Help));
        assert_eq!(small_talk("谢谢你"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("你是谁?"), Some(SmallTalk::Identity));
        assert_eq!(small_talk("怎么用"), Some(SmallTalk::Help));
        assert_eq!(
            small_talk("hello, can you answer in english?"),
            Some(SmallTalk::Help)
        );
        assert_eq!(small_talk("您好,请问你会做什么"), Some(SmallTalk::Help));
        assert_eq!(small_talk("你好,今年gdp目标是多少"), None);
        // Identity is the bot addressed and asked who it is; thanks win over the help thanked for.
        assert_eq!(small_talk("请问你是哪位"), Some(SmallTalk::Identity));
        assert_eq!(small_talk("你好呀机器人"), Some(SmallTalk::Greeting));
        assert_eq!(small_talk("谢谢你的帮助"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("我该怎么问你"), Some(SmallTalk::Help));
        assert_eq!(small_talk("嫘祖是谁"), None);
        assert_eq!(small_talk("你们县长是谁"), None);
        assert_eq!(small_talk("怎么使用消费券"), None);
        assert_eq!(small_talk("谢谢政府修的路"), None);
        // An acknowledgement or praise closing an answer is answered as thanks; the bot's maker is its identity.
        assert_eq!(small_talk("明白了"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("你真棒"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("谁开发的你"), Some(SmallTalk::Identity));
        assert_eq!(small_talk("今年经济不错吧"), None);
        assert_eq!(small_talk("this year gdp"), None);
        assert_eq!(small_talk("粮食"), None);
        // A complaint about an answer, before the greeting it may contain (你好笨); not a topic's fault.
        assert_eq!(small_talk("你好笨"), Some(SmallTalk::Complaint));
        assert_eq!(small_talk("答得不对"), Some(SmallTalk::Complaint));
        assert_eq!(small_talk("that is wrong"), Some(SmallTalk::Complaint));
        assert_eq!(small_talk("这个数字不对吧"), None);
        assert_eq!(small_talk("你是哪个单位开发的"), Some(SmallTalk::Identity));
        // A closing says there is nothing more to ask; an acknowledgement praises how clear an answer was.
        assert_eq!(
            small_talk("好的 没别的问题了 拜拜"),
            Some(SmallTalk::Thanks)
        );
        assert_eq!(small_talk("没有其他问题了"), Some(SmallTalk::Farewell));
        assert_eq!(small_talk("谢谢你,讲得挺清楚"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("that's all, bye"), Some(SmallTalk::Farewell));
        assert_eq!(small_talk("清楚了"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("好，就这些，谢谢"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("拜拜啦，下次再问"), Some(SmallTalk::Farewell));
        assert_eq!(small_talk("多谢，很有用"), Some(SmallTalk::Thanks));
        assert_eq!(small_talk("没别的问题了,养老金多少"), None);
    }
}
