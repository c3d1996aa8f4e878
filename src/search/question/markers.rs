//! Phrases that say something about a question rather than its topic (今年, 多少, 是什么意思, 怎么 …), what
//! each one says, and the matcher that finds them.

use aho_corasick::{AhoCorasick, BuildError, Match};

use super::measures::{MEASURES, NUMBER_ASKING};
use super::phrases::phrase_matcher;
use crate::search::normalize::is_han;

/// Phrases that say something about the question rather than its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Marker {
    /// A year relative to the report's year (今年 0, 去年 -1, 明年 +1).
    RelativeYear(i32),
    PastFiveYears,
    FuturePlan,
    /// 现在, 目前: the present, which the report's latest results describe and its plans do not.
    Now,
    YearlyAverage,
    /// 是什么意思, 什么是, 啥叫, what does … mean: removed from the text.
    Definition,
    /// 是什么, 是啥: a definition only when nothing asks for a number.
    WeakDefinition,
    /// 多少, 几, how much: removed from the text.
    Number,
    /// 目标, 预期, 计划: kept as soft words.
    Target,
    /// 完成, 实现, 达到: kept as soft words, they are words of the report too.
    Result,
    /// 谁, who: removed from the text.
    Person,
    /// 怎么, 如何: asks for measures rather than a figure; removed from the text.
    How,
    /// 措施, 举措, 计划: asks for measures; kept as soft words, the report says them too.
    Measures,
    /// 怎么样, 咋样: asks how something is going; removed from the text.
    Filler,
    /// 电话, 门票: contact or ticket details, which a work report never gives.
    Practical,
    /// 哪两个, 哪几家: asks for the items of a list; the count stays as a soft word (两大品牌 is the report's
    /// phrase, 两个 usually is not). `definition`: after 指 or 包括 it asks what a term stands for.
    List {
        definition: bool,
    },
    /// 增加, 多了: the change asked for; kept as soft words, the figure's own verb may differ (净增, 新增).
    Change,
    /// 总量, 总额: an amount asked for as a whole (GDP总量); kept as soft words, the figure names its metric
    /// without them (生产总值达到279亿元).
    Amount,
}

const MARKERS: &[(&str, Marker)] = &[
    ("今年", Marker::RelativeYear(0)),
    ("本年", Marker::RelativeYear(0)),
    ("本年度", Marker::RelativeYear(0)),
    ("今年度", Marker::RelativeYear(0)),
    ("当年", Marker::RelativeYear(0)),
    ("this year", Marker::RelativeYear(0)),
    ("去年", Marker::RelativeYear(-1)),
    ("上年", Marker::RelativeYear(-1)),
    ("上一年", Marker::RelativeYear(-1)),
    ("上年度", Marker::RelativeYear(-1)),
    ("前一年", Marker::RelativeYear(-1)),
    ("last year", Marker::RelativeYear(-1)),
    ("前年", Marker::RelativeYear(-2)),
    ("明年", Marker::RelativeYear(1)),
    ("来年", Marker::RelativeYear(1)),
    ("下一年", Marker::RelativeYear(1)),
    ("next year", Marker::RelativeYear(1)),
    ("后年", Marker::RelativeYear(2)),
    ("过去五年", Marker::PastFiveYears),
    ("过去5年", Marker::PastFiveYears),
    ("过去的五年", Marker::PastFiveYears),
    ("五年来", Marker::PastFiveYears),
    ("5年来", Marker::PastFiveYears),
    ("近五年", Marker::PastFiveYears),
    ("近5年", Marker::PastFiveYears),
    ("这五年", Marker::PastFiveYears),
    ("五年间", Marker::PastFiveYears),
    ("五年里", Marker::PastFiveYears),
    ("五年中", Marker::PastFiveYears),
    ("五年以来", Marker::PastFiveYears),
    ("五年内", Marker::PastFiveYears),
    ("五年", Marker::PastFiveYears),
    ("5年", Marker::PastFiveYears),
    ("十三五", Marker::PastFiveYears),
    ("十三五期间", Marker::PastFiveYears),
    // Recent years said loosely (这几年, 这些年, in recent years): the report's look back is its five years.
    ("这几年", Marker::PastFiveYears),
    ("这几年来", Marker::PastFiveYears),
    ("这些年", Marker::PastFiveYears),
    ("这些年来", Marker::PastFiveYears),
    ("近几年", Marker::PastFiveYears),
    ("近几年来", Marker::PastFiveYears),
    ("近年来", Marker::PastFiveYears),
    ("in recent years", Marker::PastFiveYears),
    ("over the years", Marker::PastFiveYears),
    ("past five years", Marker::PastFiveYears),
    ("last five years", Marker::PastFiveYears),
    ("past 5 years", Marker::PastFiveYears),
    ("last 5 years", Marker::PastFiveYears),
    ("five years", Marker::PastFiveYears),
    ("five-year", Marker::PastFiveYears),
    ("现在", Marker::Now),
    ("今后五年", Marker::FuturePlan),
    ("今后5年", Marker::FuturePlan),
    ("未来五年", Marker::FuturePlan),
    ("未来5年", Marker::FuturePlan),
    ("接下来五年", Marker::FuturePlan),
    ("以后五年", Marker::FuturePlan),
    ("往后五年", Marker::FuturePlan),
    ("后五年", Marker::FuturePlan),
    ("下一个五年", Marker::FuturePlan),
    ("十四五", Marker::FuturePlan),
    ("next five years", Marker::FuturePlan),
    ("coming five years", Marker::FuturePlan),
    ("年均", Marker::YearlyAverage),
    ("年平均", Marker::YearlyAverage),
    ("平均每年", Marker::YearlyAverage),
    ("每年平均", Marker::YearlyAverage),
    ("平均增长", Marker::YearlyAverage),
    ("平均增速", Marker::YearlyAverage),
    ("平均增幅", Marker::YearlyAverage),
    ("五年平均", Marker::YearlyAverage),
    ("5年平均", Marker::YearlyAverage),
    ("average annual", Marker::YearlyAverage),
    ("annual average", Marker::YearlyAverage),
    ("annual growth", Marker::YearlyAverage),
    ("average growth", Marker::YearlyAverage),
    ("yearly average", Marker::YearlyAverage),
    ("average yearly", Marker::YearlyAverage),
    ("是什么意思", Marker::Definition),
    ("什么意思", Marker::Definition),
    ("啥意思", Marker::Definition),
    ("的意思", Marker::Definition),
    ("意思是", Marker::Definition),
    ("意思", Marker::Definition),
    ("含义", Marker::Definition),
    ("涵义", Marker::Definition),
    ("指什么", Marker::Definition),
    ("指啥", Marker::Definition),
    ("指的是", Marker::Definition),
    ("是指", Marker::Definition),
    ("啥叫", Marker::Definition),
    ("什么叫", Marker::Definition),
    ("什么叫做", Marker::Definition),
    ("什么是", Marker::Definition),
    ("啥是", Marker::Definition),
    ("何为", Marker::Definition),
    ("何谓", Marker::Definition),
    ("解释", Marker::Definition),
    ("解释一下", Marker::Definition),
    ("定义", Marker::Definition),
    ("概念", Marker::Definition),
    ("怎么理解", Marker::Definition),
    ("如何理解", Marker::Definition),
    ("mean", Marker::Definition),
    ("means", Marker::Definition),
    ("meaning", Marker::Definition),
    ("meaning of", Marker::Definition),
    ("definition", Marker::Definition),
    ("define", Marker::Definition),
    ("stand for", Marker::Definition),
    ("stands for", Marker::Definition),
    ("explain", Marker::Definition),
    ("explanation", Marker::Definition),
    // Where a term comes from is what its entry says first (枫桥经验: 指浙江省诸暨市枫桥镇…创造的).
    ("来历", Marker::Definition),
    ("由来", Marker::Definition),
    ("起源", Marker::Definition),
    ("从哪里来", Marker::WeakDefinition),
    ("从哪来", Marker::WeakDefinition),
    ("哪来的", Marker::WeakDefinition),
    ("come from", Marker::WeakDefinition),
    ("comes from", Marker::WeakDefinition),
    ("是什么", Marker::WeakDefinition),
    ("是啥", Marker::WeakDefinition),
    ("是啥子", Marker::WeakDefinition),
    ("是个啥", Marker::WeakDefinition),
    ("是个什么", Marker::WeakDefinition),
    ("是啥东西", Marker::WeakDefinition),
    ("是什么东西", Marker::WeakDefinition),
    // What a thing is for (是干嘛的, 做什么的) is what its definition says.
    ("是干嘛的", Marker::WeakDefinition),
    ("干嘛的", Marker::WeakDefinition),
    ("是干什么的", Marker::WeakDefinition),
    ("干什么的", Marker::WeakDefinition),
    ("是做什么的", Marker::WeakDefinition),
    ("做什么的", Marker::WeakDefinition),
    ("啥东西", Marker::WeakDefinition),
    ("什么东西", Marker::WeakDefinition),
    ("是哪些", Marker::WeakDefinition),
    ("指哪些", Marker::WeakDefinition),
    ("包括哪些", Marker::WeakDefinition),
    ("包括什么", Marker::WeakDefinition),
    ("包含哪些", Marker::WeakDefinition),
    ("包含什么", Marker::WeakDefinition),
    ("的简称", Marker::Definition),
    ("简称", Marker::Definition),
    ("的全称", Marker::Definition),
    ("全称", Marker::Definition),
    ("啥子", Marker::Filler),
    ("什么时候", Marker::Filler),
    ("啥时候", Marker::Filler),
    ("啥时", Marker::Filler),
    ("什么时间", Marker::Filler),
    ("何时", Marker::Filler),
    ("几时", Marker::Filler),
    ("哪天", Marker::Filler),
    ("多久", Marker::Filler),
    ("多长时间", Marker::Filler),
    ("哪些", Marker::Filler),
    ("what is", Marker::WeakDefinition),
    ("what are", Marker::WeakDefinition),
    ("多少", Marker::Number),
    ("是多少", Marker::Number),
    ("多少钱", Marker::Number),
    ("有多少", Marker::Number),
    ("百分之几", Marker::Number),
    // A ratio asked as a thing (收入之比): a number, no topic.
    ("之比", Marker::Number),
    ("好多", Marker::Number),
    ("是好多", Marker::Number),
    ("有好多", Marker::Number),
    ("几", Marker::Number),
    ("多大", Marker::Number),
    ("规模多大", Marker::Number),
    ("规模有多大", Marker::Number),
    ("多大规模", Marker::Number),
    ("什么规模", Marker::Number),
    ("多高", Marker::Number),
    // Asking for a dimension (how long, how big): a number in a length or area (measures.rs).
    ("多长", Marker::Number),
    ("多宽", Marker::Number),
    ("多深", Marker::Number),
    ("how long", Marker::Number),
    ("how big", Marker::Number),
    ("how large", Marker::Number),
    ("how wide", Marker::Number),
    ("how deep", Marker::Number),
    ("how high", Marker::Number),
    ("how tall", Marker::Number),
    // Asking for a month or a day (几月份, which month): a date (measures.rs DATE_UNITS).
    ("几月", Marker::Number),
    ("几月份", Marker::Number),
    ("哪个月", Marker::Number),
    ("哪一月", Marker::Number),
    ("几号", Marker::Number),
    ("具体日期", Marker::Number),
    ("哪一天", Marker::Number),
    ("which month", Marker::Number),
    ("what month", Marker::Number),
    ("what date", Marker::Number),
    ("which date", Marker::Number),
    ("exact date", Marker::Number),
    ("数字", Marker::Number),
    ("数据", Marker::Number),
    ("数值", Marker::Number),
    ("how much", Marker::Number),
    ("how many", Marker::Number),
    ("what was", Marker::Number),
    ("number", Marker::Number),
    ("figure", Marker::Number),
    ("目标", Marker::Target),
    ("预期", Marker::Target),
    ("预期目标", Marker::Target),
    ("力争", Marker::Target),
    ("预计", Marker::Target),
    ("target", Marker::Target),
    ("targets", Marker::Target),
    ("goal", Marker::Target),
    ("goals", Marker::Target),
    ("planned", Marker::Target),
    // What the county means to do (plans to cultivate, wants to attract): the sentence around the verb.
    ("plan to", Marker::Filler),
    ("plans to", Marker::Filler),
    ("want to", Marker::Filler),
    ("wants to", Marker::Filler),
    ("intend to", Marker::Filler),
    ("intends to", Marker::Filler),
    ("aim", Marker::Target),
    ("aims", Marker::Target),
    ("aim to", Marker::Target),
    ("aims to", Marker::Target),
    ("expected", Marker::Target),
    ("supposed to", Marker::Target),
    ("怎么", Marker::How),
    ("如何", Marker::How),
    ("怎样", Marker::How),
    ("怎么做", Marker::How),
    ("咋", Marker::How),
    ("咋办", Marker::How),
    ("how to", Marker::How),
    ("措施", Marker::Measures),
    ("举措", Marker::Measures),
    ("办法", Marker::Measures),
    ("安排", Marker::Measures),
    ("政策", Marker::Measures),
    ("要求", Marker::Measures),
    ("做法", Marker::Measures),
    ("打算", Marker::Measures),
    ("部署", Marker::Measures),
    ("计划", Marker::Measures),
    ("怎么样", Marker::Filler),
    ("咋样", Marker::Filler),
    ("怎样了", Marker::Filler),
    ("怎么样了", Marker::Filler),
    ("咋样了", Marker::Filler),
    ("如何了", Marker::Filler),
    ("电话", Marker::Practical),
    ("联系电话", Marker::Practical),
    ("联系方式", Marker::Practical),
    ("电话号码", Marker::Practical),
    ("手机号", Marker::Practical),
    ("邮编", Marker::Practical),
    ("邮政编码", Marker::Practical),
    ("网址", Marker::Practical),
    ("官网", Marker::Practical),
    ("票价", Marker::Practical),
    ("门票", Marker::Practical),
    ("营业时间", Marker::Practical),
    ("开放时间", Marker::Practical),
    ("phone number", Marker::Practical),
    ("telephone", Marker::Practical),
    // The English of 门票, 票价, 营业时间, 网址: details a work report never gives.
    ("ticket", Marker::Practical),
    ("tickets", Marker::Practical),
    ("ticket price", Marker::Practical),
    ("fare", Marker::Practical),
    ("fares", Marker::Practical),
    ("opening hours", Marker::Practical),
    ("website", Marker::Practical),
    ("email address", Marker::Practical),
    ("postcode", Marker::Practical),
    ("zip code", Marker::Practical),
    ("谁", Marker::Person),
    ("是谁", Marker::Person),
    ("哪位", Marker::Person),
    ("叫什么名字", Marker::Person),
    ("who", Marker::Person),
    ("完成", Marker::Result),
    ("完成了", Marker::Result),
    ("实现了", Marker::Result),
    ("达到了", Marker::Result),
    ("达到", Marker::Result),
    ("实现", Marker::Result),
    ("达", Marker::Result),
    ("实际", Marker::Result),
    ("总量", Marker::Amount),
    ("总额", Marker::Amount),
    ("总数", Marker::Amount),
    ("数额", Marker::Amount),
    ("体量", Marker::Amount),
    ("绝对值", Marker::Amount),
    ("绝对额", Marker::Amount),
    ("增加", Marker::Change),
    ("增加了", Marker::Change),
    ("多了", Marker::Change),
    ("多出", Marker::Change),
    ("多出了", Marker::Change),
    ("荣誉", Marker::Result),
    ("荣誉称号", Marker::Result),
    ("成绩", Marker::Result),
    ("成就", Marker::Result),
    ("honour", Marker::Result),
    ("honours", Marker::Result),
    ("honor", Marker::Result),
    ("honors", Marker::Result),
    ("award", Marker::Result),
    ("awards", Marker::Result),
    ("accolade", Marker::Result),
    ("accolades", Marker::Result),
    ("achieved", Marker::Result),
    ("reached", Marker::Result),
    ("actual", Marker::Result),
];

/// The most characters of a kind noun closing a definition question (是什么活动, 是哪两种癌).
const KIND_NOUN_CHARS: usize = 2;

/// The noun that closes a definition question after its marker and names the kind of thing asked about
/// (万人助万企是什么活动 → 活动; 两癌是哪两种癌 → 癌): the term already is one, so the noun is a soft word,
/// not a topic a glossary entry must also say. After a list marker it counts only when it repeats the
/// question (哪几家企业 asks for firms: 企业 is the topic there).
pub(super) fn kind_noun(question: &str, marker_end: usize, list: bool) -> Option<&str> {
    let rest = question.get(marker_end..)?;
    let noun_len: usize = rest
        .chars()
        .take_while(|&c| is_han(c) && !"的吗呢啊呀".contains(c))
        .map(char::len_utf8)
        .sum();
    let noun = &rest[..noun_len];
    let closes = rest[noun_len..]
        .chars()
        .all(|c| !c.is_alphanumeric() || "的吗呢啊呀".contains(c));
    let repeats = !list || question[..marker_end].contains(noun);
    let count = noun.chars().count();
    (closes && repeats && (1..=KIND_NOUN_CHARS).contains(&count)).then_some(noun)
}

/// The counts in "哪两个", "哪几家", "哪四美".
const LIST_COUNTS: [&str; 11] = [
    "几", "一", "两", "二", "三", "四", "五", "六", "七", "八", "九",
];

/// What may follow a count when a question asks for the items of a list (empty: 哪四美).
const LIST_MEASURES: [&str; 14] = [
    "", "个", "家", "项", "件", "条", "种", "类", "座", "所", "名", "位", "大", "方面",
];

/// The marker phrases, with the ones made from measure words and list counts, and what each says.
pub(super) struct Markers {
    matcher: AhoCorasick,
    /// What each pattern of `matcher` says.
    kinds: Vec<Marker>,
}

impl Markers {
    pub(super) fn build() -> Result<Markers, BuildError> {
        let phrases = marker_phrases();
        Ok(Markers {
            matcher: phrase_matcher(phrases.iter().map(|(phrase, _)| phrase))?,
            kinds: phrases.into_iter().map(|(_, marker)| marker).collect(),
        })
    }

    /// The marker phrases written in Han characters (多少, 去年, 是什么意思, 哪五个): what a question typed in
    /// pinyin asks with, once its pinyin is read back (`duoshao`, `qunian`).
    pub(super) fn han_phrases() -> impl Iterator<Item = String> {
        marker_phrases()
            .into_iter()
            .map(|(phrase, _)| phrase)
            .filter(|phrase| phrase.chars().all(is_han))
    }

    /// The marker phrases in `text`, leftmost-longest, each with what it says.
    pub(super) fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Match, Marker)> + 'a {
        self.matcher
            .find_iter(text)
            .map(|found| (found, self.kinds[found.pattern().as_usize()]))
    }
}

/// How many years back, and the numerals people write it with (五年前, 5年前), up to the report's look back
/// and a little beyond (a year it does not cover is refused by its year).
const YEARS_AGO: &[(i32, &[&str])] = &[
    (1, &["一", "1", "one"]),
    (2, &["两", "二", "2", "two"]),
    (3, &["三", "3", "three"]),
    (4, &["四", "4", "four"]),
    (5, &["五", "5", "five"]),
    (6, &["六", "6", "six"]),
    (10, &["十", "10", "ten"]),
];

/// Every marker phrase with what it says: the table, and the phrases made from years counted back, the
/// measure words and list counts.
fn marker_phrases() -> Vec<(String, Marker)> {
    // 多少人, 几个: the measure word is the unit asked in, not a topic.
    let mut phrases: Vec<(String, Marker)> = MARKERS
        .iter()
        .map(|&(phrase, marker)| (phrase.to_owned(), marker))
        .collect();
    // 五年前, 3年以前, five years ago: a year counted back from the report's, not its five years (五年).
    for (years, numerals) in YEARS_AGO {
        for numeral in numerals
            .iter()
            .filter(|n| !n.bytes().any(|b| b.is_ascii_alphabetic()))
        {
            for ago in ["年前", "年以前", "年之前"] {
                phrases.push((format!("{numeral}{ago}"), Marker::RelativeYear(-years)));
            }
        }
    }
    phrases.extend(YEARS_AGO.iter().flat_map(|(years, numerals)| {
        numerals
            .iter()
            .filter(|numeral| numeral.is_ascii())
            .map(move |numeral| (format!("{numeral} years ago"), Marker::RelativeYear(-years)))
    }));
    for (measure, _) in MEASURES {
        for asking in NUMBER_ASKING {
            for lead in ["", "有", "是"] {
                phrases.push((format!("{lead}{asking}{measure}"), Marker::Number));
            }
        }
    }
    // 哪两个乡, 哪几家企业, 六稳包括哪六个: asking for the items of a list, not for a number; after 指 or
    // 包括 it asks what a term stands for, and after 是 when a count of two or more is measured (两癌是
    // 哪两种癌; 是哪一年 asks for a year).
    for count in LIST_COUNTS {
        for measure in LIST_MEASURES {
            phrases.push((
                format!("哪{count}{measure}"),
                Marker::List { definition: false },
            ));
            let counted = !measure.is_empty() && count != "一";
            for lead in ["指", "是指", "是", "包括", "包含", "分别是"] {
                if lead == "是" && !counted {
                    continue;
                }
                phrases.push((
                    format!("{lead}哪{count}{measure}"),
                    Marker::List { definition: true },
                ));
            }
        }
    }
    // which two townships, what three measures: the English of 哪两个.
    for count in ENGLISH_LIST_COUNTS {
        for asking in ["which", "what"] {
            phrases.push((
                format!("{asking} {count}"),
                Marker::List { definition: false },
            ));
        }
    }
    phrases
}

/// The counts in "which two", "what three" (a list asked for in English).
const ENGLISH_LIST_COUNTS: [&str; 9] = [
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];
