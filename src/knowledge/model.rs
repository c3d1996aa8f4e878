//! The report as data: a tree of parts, sections, paragraphs and sentences, plus the glossary and the
//! numeric statements extracted from it. Every unit carries a stable id and a readable citation so that
//! an answer can always point back to where it came from.

use std::fmt;
use std::ops::RangeInclusive;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::text::numbered_item;

/// Facts about one report that are not part of its body (read from `report.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportMeta {
    /// Short, stable, ASCII id used as the prefix of every unit id (`xiping-2022`).
    pub id: String,
    pub title: String,
    pub issuer: String,
    pub speaker: String,
    pub meeting: String,
    pub meeting_date: NaiveDate,
    pub published: NaiveDate,
    /// The year the report plans for; questions saying 今年 mean this year and 去年 the one before.
    pub year: i32,
    pub source: String,
}

/// A field of the report's front matter that a question can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaField {
    Title,
    Speaker,
    Meeting,
    MeetingDate,
    Published,
    Issuer,
    Source,
}

impl MetaField {
    pub const ALL: [MetaField; 7] = [
        MetaField::Title,
        MetaField::Speaker,
        MetaField::Meeting,
        MetaField::MeetingDate,
        MetaField::Published,
        MetaField::Issuer,
        MetaField::Source,
    ];
}

impl ReportMeta {
    /// The field's value as a reader writes it (dates as `2022年4月20日`).
    pub fn field(&self, field: MetaField) -> String {
        let date = |date: NaiveDate| date.format("%Y年%-m月%-d日").to_string();
        match field {
            MetaField::Title => self.title.clone(),
            MetaField::Speaker => self.speaker.clone(),
            MetaField::Meeting => self.meeting.clone(),
            MetaField::MeetingDate => date(self.meeting_date),
            MetaField::Published => date(self.published),
            MetaField::Issuer => self.issuer.clone(),
            MetaField::Source => self.source.clone(),
        }
    }

    /// The field's value as `report.toml` writes it, when that differs from [`ReportMeta::field`]: dates
    /// (`2022-04-20`), which people copy from the source and check answers against.
    pub fn as_written(&self, field: MetaField) -> Option<String> {
        match field {
            MetaField::MeetingDate => Some(self.meeting_date.to_string()),
            MetaField::Published => Some(self.published.to_string()),
            _ => None,
        }
    }
}

/// One parsed report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub meta: ReportMeta,
    pub parts: Vec<Part>,
    pub glossary: Vec<GlossaryEntry>,
    /// The glossary's heading as written (`《政府工作报告》有关词语注释`): what the report appends to its body.
    pub glossary_heading: Option<String>,
    pub indicators: Vec<Indicator>,
    /// The report's enumerations, read from its structure: whole lists answer 哪些, items answer 第N个.
    pub lists: Vec<ReportList>,
}

/// A top-level part (一、… 四、). Text before the first part (the greeting) is part 0 with an empty numeral.
#[derive(Debug, Clone, Serialize)]
pub struct Part {
    /// `xiping-2022/3`
    pub id: String,
    pub ordinal: u32,
    /// `三`
    pub numeral: String,
    /// `把握形势、明确任务,奋力开拓崭新局面`
    pub title: String,
    /// Paragraphs before the first numbered section sit in section 0, which has no numeral.
    pub sections: Vec<Section>,
}

/// A numbered section such as （二）; section 0 of each part holds the paragraphs before any numbered section.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// `xiping-2022/3.2`
    pub id: String,
    pub ordinal: u32,
    /// `（二）`, empty for section 0.
    pub numeral: String,
    /// The whole heading as written: `聚焦“三农”发展,实现乡村振兴新突破。`
    pub title: String,
    /// The heading line as the report writes it, numeral and all: `(二)聚焦“三农”发展,实现乡村振兴新突破`, what a
    /// reader quotes when asked what the section is; empty for section 0.
    pub written: String,
    /// The heading's first clause, used in citations: `聚焦“三农”发展`.
    pub short_title: String,
    pub paragraphs: Vec<Paragraph>,
}

/// A paragraph of running text.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    /// `xiping-2022/3.2.4`
    pub id: String,
    /// The lead phrase that opens the paragraph (`加快发展高效农业`, `五年奋斗`), if it has one.
    pub topic: Option<String>,
    pub sentences: Vec<Sentence>,
}

/// The unit of retrieval: one sentence, with the paragraph and headings around it in its citation.
#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    /// `xiping-2022/3.2.4.2`
    pub id: String,
    pub text: String,
    /// A short lead sentence inside a long paragraph (`工业经济不断壮大`) that this sentence falls under.
    pub subtopic: Option<String>,
    /// `《西平县2022年政府工作报告》三、把握形势、明确任务 ›（二）聚焦“三农”发展 › 加快发展高效农业`
    pub citation: String,
    /// The number the sentence opens with when it is an item of a numbered list (`6.建成…` → 6; never a
    /// decimal such as `2.3万`), read once here so that extraction and ranking agree.
    pub item: Option<u32>,
}

impl Sentence {
    /// A sentence with its list-item number read from its text.
    pub fn new(id: String, text: String, subtopic: Option<String>, citation: String) -> Sentence {
        let item = numbered_item(&text).map(|(number, _)| number);
        Sentence {
            id,
            text,
            subtopic,
            citation,
            item,
        }
    }

    /// The text after the list-item number and its mark (`6.建成…` → `建成…`); the whole text when the
    /// sentence is no list item.
    pub fn without_item_number(&self) -> &str {
        numbered_item(&self.text).map_or(&self.text, |(_, rest)| rest)
    }
}

/// One entry of the report's closing glossary (《政府工作报告》有关词语注释).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GlossaryEntry {
    /// `xiping-2022/g1`
    pub id: String,
    pub number: u32,
    pub term: String,
    pub explanation: String,
    /// Ids of body sentences that use the term.
    pub used_in: Vec<String>,
    /// The words the body writes right after the term (“万人助万企”活动, “放管服效”改革): what kind of thing
    /// the term is, so that a question saying them still asks about the term alone.
    pub kind_words: Vec<String>,
}

/// What a number in the report stands for; questions are matched against this as much as against words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// One of the year's main expected targets (主要预期目标).
    MainTarget,
    /// A numeric task for the planned year, including the livelihood projects (十件惠民工程).
    TaskTarget,
    /// A value reached in the year before the report (2021年…达到279亿元).
    Result,
    /// A total over the past five years (累计新增城镇就业3.8万人, 建成高标准农田35万亩).
    FiveYearTotal,
    /// A yearly average over the past five years (年均增长7.2%).
    YearlyAverage,
    /// A change against the base year of the five-year period (较2017年净增83.4亿元).
    ChangeSinceBase,
}

/// How the report hedges a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 左右
    About,
    /// 以上
    AtLeast,
    /// 以内
    AtMost,
    /// 超
    Over,
    /// 不少于
    NoLessThan,
}

/// The verb that ties a metric to its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// 增长
    Growth,
    /// 达到 / 达
    Reach,
    /// 完成
    Complete,
    /// 提高
    Raise,
    /// 净增
    NetIncrease,
    /// 增加
    Increase,
    /// 新增 / 新建 / 建成 and other "so many new ones" verbs
    New,
    /// 保持 / 稳定在 / 控制在
    Keep,
}

impl ChangeKind {
    /// Whether the figure is a change (增长8%, 提高2个百分点, 净增83.4亿元) rather than a level or a count:
    /// a question asking for one is not answered by the other.
    pub fn is_change(self) -> bool {
        matches!(
            self,
            ChangeKind::Growth | ChangeKind::Raise | ChangeKind::NetIncrease | ChangeKind::Increase
        )
    }
}

/// The years a figure refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Period {
    Year { year: i32 },
    Years { from: i32, to: i32 },
}

impl Period {
    /// The year the period ends in: a figure's "as of" year (`2017—2021年` → 2021).
    pub fn last_year(self) -> i32 {
        *self.years().end()
    }

    /// Every year the period covers, first to last.
    pub fn years(self) -> RangeInclusive<i32> {
        match self {
            Period::Year { year } => year..=year,
            Period::Years { from, to } => from..=to,
        }
    }
}

/// The period as the bot writes it: `2022年`, `2017—2021年` (an em dash, as in the report's own text).
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year { year } => write!(f, "{year}年"),
            Period::Years { from, to } => write!(f, "{from}—{to}年"),
        }
    }
}

/// A numeric (or explicitly non-numeric, like 保持平稳增长) statement extracted from a sentence by rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// `xiping-2022/3.0.2.1#4`: the sentence id and the statement's position in it.
    pub id: String,
    /// The metric as the report names it: `生产总值`.
    pub metric: String,
    /// The value as written: `增长8%左右`.
    pub value_text: String,
    /// The number in `value_text`, if there is one.
    pub number: Option<f64>,
    /// `%`, `亿元`, `万吨`, `人`, `个百分点` …
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub change: Option<ChangeKind>,
    pub kind: FigureKind,
    pub period: Period,
    /// A named list the statement belongs to, such as `十件惠民工程` (with its item number in `item`).
    pub group: Option<String>,
    pub item: Option<u32>,
    pub sentence_id: String,
    pub citation: String,
}

impl Indicator {
    /// Whether the figure is a change (增长8%, 净增83.4亿元) rather than a level or a count: a question asking
    /// for one is not answered by the other.
    pub fn states_change(&self) -> bool {
        self.change.is_some_and(ChangeKind::is_change)
    }

    /// Whether the figure is in the unit of a rate or of its change (%, 个百分点), which never adds up or
    /// divides as amounts do.
    pub fn in_rate_unit(&self) -> bool {
        self.unit.as_deref().is_some_and(is_rate_unit)
    }
}

/// Whether a unit is that of a rate or of its change (%, 个百分点).
pub fn is_rate_unit(unit: &str) -> bool {
    unit.contains('%') || unit.contains("百分点")
}

/// Where an enumeration comes from, which says what kind of question it answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// The report's parts: how the report is built.
    Parts,
    /// A part's numbered sections: the year's main tasks.
    Sections,
    /// A part's run of `——` paragraphs: achievements, principles.
    Dashes,
    /// Numbered items after a lead-in (`十件惠民工程:1.…`).
    Numbered,
    /// Parallel sentences under one lead sentence (`对照…:…`).
    Parallel,
    /// Clauses separated by `;` after a lead-in and a colon (`主要预期目标是:…;…;…`).
    Semicolon,
    /// A counted glossary term's items (四个自信).
    Glossary,
    /// Items sharing the last one's ending in running text (`蓝天、碧水、净土保卫战`).
    SharedEnding,
    /// Sentences of a paragraph opening with 一, 二, 三 in turn (`一要…二要…`, `一是…二是…`).
    Ordinal,
    /// Items run together before the quoted name that counts them (`领导包联、专班服务、督促督办、考评奖惩
    /// “四项机制”`).
    Counted,
}

/// One enumeration of the report, whole and in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportList {
    /// `xiping-2022/l3`
    pub id: String,
    pub kind: ListKind,
    /// What the list is called: `办好我县十件惠民工程`, `四个自信`, the lead-in of the main tasks.
    pub name: String,
    /// The whole lead-in sentence, when the list has one.
    pub lead: Option<String>,
    /// The unit the list opens at (its lead sentence, part, paragraph or glossary entry).
    pub source_id: String,
    pub citation: String,
    pub items: Vec<ListItem>,
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListItem {
    /// 1-based, as the report numbers it (a section's ordinal, a part's).
    pub number: u32,
    /// The item in a few words: a section's short title, an item's first clause.
    pub label: String,
    /// The item as the report writes it.
    pub text: String,
    /// The unit the item is (a part, section, paragraph, sentence or glossary entry).
    pub source_id: String,
}
