//! What the report calls a span of time or owes its results to, asked in words it does not use: 报告怎么
//! 形容过去的五年 is answered by `过去五年,是西平经受大考验、实现大发展、蓄势大赶超的五年`, 今后五年意味着
//! 什么 by `今后五年,是…最为关键的五年`, 2022年是个什么样的年份 by `2022年是党的二十大召开之年…`, and
//! 成绩归功于谁 by `这是以习近平同志为核心的党中央正确指引的结果…`. The sentences are found by their form
//! (a span of time as the subject of 是, `这是…的结果`), so next year's report answers in its own words.
//! Like the framing, one is asked only when, with its cue, the span and the asking words gone, nothing
//! with a topic is left.

use std::sync::LazyLock;

use crate::knowledge::{Report, Sentence};
use crate::search::question::{Question, QuestionReader};

use super::super::types::Outcome;
use super::asking::asking_words;
use super::cues::Cues;
use super::leftover::{topicless, without, REPORT_WORDS};
use super::structure::SCOPE_WORDS;
use super::Engine;

/// What a question asks the report to say of a span or of its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    /// What a span of time is called (a year of what, what kind of five years).
    Character,
    /// What the results are owed to.
    Credit,
}

const CUES: &[(Asked, &[&str])] = &[
    (
        Asked::Character,
        &[
            "形容",
            "形容成",
            "形容为",
            "概括",
            "概括成",
            "概括为",
            "说成",
            "称为",
            "总结",
            "归纳",
            "评价",
            "定位",
            "定位为",
            "定位成",
            "定性",
            "描述",
            "意味着",
            "什么样",
            "怎样的",
            "啥样",
            // The span said again as what is asked (今后五年是怎样的五年): the asking, not a second span.
            "什么样的五年",
            "怎样的五年",
            "啥样的五年",
            "什么样的一年",
            "怎样的一年",
            "啥样的一年",
            "怎么看",
            "如何看",
            "看待",
            "关键",
            "特殊",
            "特别",
            "意义",
            "一句话",
            "年份",
            "一年",
            "之年",
            "重要",
            "kind of year",
            "special",
            "significance",
            "describe",
            "what does the report call",
        ],
    ),
    (
        Asked::Credit,
        &[
            "归功于",
            "归功",
            "功劳",
            "归因于",
            "得益于",
            "靠的是",
            "靠什么",
            "怎么取得的",
            "怎么得来的",
            "是怎么取得",
            "credit",
            "owe",
        ],
    ),
];

/// Words around a span asked of that carry no topic: 对西平来说, 这个时期, 用一句话, 过去这五年 (这五年 is
/// the span).
const SPAN_FILLERS: &[&str] = &[
    "对于",
    "来说",
    "而言",
    "这个时期",
    "时期",
    "阶段",
    "总体上",
    "总的来说",
    "总的",
    "总体",
    "时间上",
    "时间节点",
    "节点",
    "有何",
    "用",
    "说",
    "过去",
    "西平县",
    "西平",
    "我县",
    "咱县",
    "全县",
];

/// Words naming the results whose credit is asked (把五年的成绩归功于谁): the results are the report's,
/// no topic of their own.
const RESULT_WORDS: &[&str] = &["成绩", "成就", "取得", "来之不易", "这些", "五年", "过去"];

/// A span of time is the subject of 是 within this many characters of a sentence's start (`过去五年,是`,
/// `2022年是`); further in, 是 belongs to a clause, not to the sentence's subject.
const SUBJECT_MAX_CHARS: usize = 6;

/// The sentence of the credit: `这是…的结果`.
const CREDIT_OPENING: &str = "这是";
const CREDIT_NOUN: &str = "的结果";

/// A span of time as the reader reads it: the five years past, those ahead, or years named.
#[derive(Debug, PartialEq)]
struct Span {
    past_five_years: bool,
    ahead: bool,
    years: Vec<i32>,
}

impl Span {
    fn of(question: &Question) -> Option<Span> {
        let time = &question.time;
        let span = Span {
            past_five_years: time.past_five_years && !time.yearly_average,
            ahead: time.future_plan,
            years: time.years.clone(),
        };
        let named = [span.past_five_years, span.ahead, !span.years.is_empty()];
        (named.iter().filter(|&&named| named).count() == 1).then_some(span)
    }
}

/// What the question asks (`Asked`) and the rest of it, once its cue and words of asking are gone.
fn asked(normalized: &str) -> Option<(Asked, String)> {
    static FOUND: LazyLock<Cues<Asked>> = LazyLock::new(|| Cues::new(CUES));
    let found = FOUND.found(normalized);
    let &(asked, _) = found.first()?;
    let rest = without(
        normalized,
        found
            .iter()
            .map(|(_, cue)| *cue)
            .chain(asking_words())
            .chain(REPORT_WORDS.iter().copied())
            .chain(SPAN_FILLERS.iter().copied()),
    );
    Some((asked, rest))
}

/// The sentence whose subject is the span (`今后五年,是…`), read as the question is.
fn characterizing<'r>(
    report: &'r Report,
    span: &Span,
    reader: &QuestionReader,
) -> Option<&'r Sentence> {
    report.sentences().find(|sentence| {
        let Some(at) = sentence.text.find('是') else {
            return false;
        };
        let subject = sentence.text[..at].trim_end_matches([',', '，']);
        let size = subject.chars().count();
        (1..=SUBJECT_MAX_CHARS).contains(&size)
            && Span::of(&reader.read(subject)).is_some_and(|said| said == *span)
    })
}

/// The sentence saying what the results are owed to (`这是…的结果`), with the text it is read by: 这 points
/// at the sentence before it (`奋斗充满艰辛,成绩来之不易。`), which comes first.
fn crediting(report: &Report) -> Option<(&Sentence, String)> {
    report.paragraphs().find_map(|paragraph| {
        let sentences = &paragraph.sentences;
        let at = sentences.iter().position(|sentence| {
            sentence.text.starts_with(CREDIT_OPENING) && sentence.text.contains(CREDIT_NOUN)
        })?;
        let before = at
            .checked_sub(1)
            .map_or("", |before| sentences[before].text.as_str());
        Some((&sentences[at], format!("{before}{}", sentences[at].text)))
    })
}

impl Engine {
    /// What the newest report calls the span of time a question names, or owes its results to, when
    /// that is all the question asks.
    pub(super) fn character_outcome(&self, normalized: &str) -> Option<Outcome> {
        let report = self.library.latest();
        let (asked, rest) = asked(normalized)?;
        let (sentence, said) = match asked {
            Asked::Character => {
                let question = self.reader.read(&rest);
                let span = Span::of(&question)?;
                if !topicless(&question.search_text) {
                    return None;
                }
                let sentence = characterizing(report, &span, &self.reader)?;
                (sentence, sentence.text.clone())
            }
            Asked::Credit => {
                let rest = without(&rest, RESULT_WORDS.iter().chain(SCOPE_WORDS).copied());
                if !topicless(&rest) {
                    return None;
                }
                crediting(report)?
            }
        };
        let doc = self.catalog.doc_of(&sentence.id)?;
        Some(self.chosen_answer(Some(said), vec![self.chosen_hit(doc)]))
    }
}
