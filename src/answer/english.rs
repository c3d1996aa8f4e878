//! English in, English framing out: which language a question is in, and the direct answer's framing in
//! English (the figure, its year and kind, its metric's English name). The report's own words stay in
//! Chinese beside it: they are quotations. Every English name of a term comes from
//! `knowledge/english.toml`; this file only knows the grammar of a figure (kinds, hedges, units).

use serde::Serialize;

use crate::knowledge::{
    ChangeKind, EnglishTerm, FigureKind, GlossaryEntry, Indicator, MetaField, Period, Qualifier,
    ReportMeta,
};
use crate::search::normalize::is_han;
use crate::search::pinyin_words::typed_in_pinyin;
use chrono::NaiveDate;

use super::types::Answer;

/// The language a question is asked in, so that front ends reply in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    Chinese,
    English,
}

/// English words that only an English sentence has (pinyin has none of them; `me` is left out, as it is
/// the 么 of shen me and zen me): one of them, or Latin words outnumbering Chinese characters, makes a
/// question English.
const ENGLISH_WORDS: &[&str] = &[
    "what", "how", "which", "where", "when", "who", "why", "is", "are", "was", "were", "the", "of",
    "does", "do", "did", "much", "many", "about", "tell", "can", "you", "please", "and", "for",
    "in", "to", "with", "this", "that", "last", "next", "year", "target", "plan", "will", "be",
    "has", "have",
];

impl Language {
    /// The language of a question: English when it has an English word (what, the, how …) and no more
    /// Chinese characters than Latin words, or when it is all Latin words of which one is English and
    /// not all pinyin syllables.
    pub fn of(question: &str) -> Language {
        // No Latin letter, no English word: most questions stop here.
        if !question.bytes().any(|b| b.is_ascii_alphabetic()) {
            return Language::Chinese;
        }
        let lower = question.to_lowercase();
        // A syllable of Chinese typed in pinyin may be an English word (xian renmin yiyuan you duoshao).
        if typed_in_pinyin(&lower) {
            return Language::Chinese;
        }
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|word| !word.is_empty())
            .collect();
        let english = words.iter().filter(|w| ENGLISH_WORDS.contains(w)).count();
        let han = question.chars().filter(|&c| is_han(c)).count();
        // A Chinese term quoted in an English question (what does 放管服效 mean) counts as one word.
        let han_words = question
            .split(|c: char| !is_han(c))
            .filter(|run| !run.is_empty())
            .count();
        if english > 0 && (han == 0 || words.len() > han_words * 2) {
            Language::English
        } else {
            Language::Chinese
        }
    }

    pub fn is_chinese(&self) -> bool {
        *self == Language::Chinese
    }

    /// `zh` or `en`, as `/lang` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Language::Chinese => "zh",
            Language::English => "en",
        }
    }

    /// A language code (`zh`, `zh-hans`, `en`, `en-US` …): English for `en*`, Chinese otherwise.
    pub fn from_code(code: Option<&str>) -> Language {
        match code {
            Some(code) if code.to_ascii_lowercase().starts_with("en") => Language::English,
            _ => Language::Chinese,
        }
    }
}

impl Answer {
    /// The language the question was asked in (front ends reply in it).
    pub fn language(&self) -> Language {
        Language::of(&self.question)
    }
}

/// One fact of the report's front matter under an English label; names stay in the report's words (they
/// are quotations), dates are written the English way.
pub fn meta_in_english(meta: &ReportMeta, field: MetaField) -> String {
    let date = |date: NaiveDate| date.format("%-d %B %Y").to_string();
    match field {
        MetaField::Title => format!("Title: {}", meta.title),
        MetaField::Speaker => format!("Delivered by: {}", meta.speaker),
        MetaField::Meeting => format!("Meeting: {}", meta.meeting),
        MetaField::MeetingDate => format!("Delivered on: {}", date(meta.meeting_date)),
        MetaField::Published => format!("Published on: {}", date(meta.published)),
        MetaField::Issuer => format!("Issued by: {}", meta.issuer),
        MetaField::Source => format!("Source: {}", meta.source),
    }
}

/// The English name of a report term, from `english.toml`.
pub fn english_name<'a>(english: &'a [EnglishTerm], zh: &str) -> Option<&'a str> {
    english
        .iter()
        .find(|term| term.zh == zh)
        .map(EnglishTerm::name)
}

/// `gross domestic product (生产总值)`: the English name and the report's term; for a metric with no name of
/// its own, the name of the longest term it contains (`老旧小区提质改造` → old residential compounds …), unless a
/// number narrows the term there (`投资10亿元以上项目` is no `亿元以上项目`, projects of over 100 million).
pub fn metric_name(english: &[EnglishTerm], metric: &str) -> String {
    let plain: String = metric.chars().filter(|c| !"“”\"".contains(*c)).collect();
    if let Some(name) = english_name(english, &plain) {
        return format!("{name} ({metric})");
    }
    let unnarrowed = |zh: &str| {
        plain
            .match_indices(zh)
            .any(|(at, _)| !plain[..at].ends_with(|c: char| c.is_ascii_digit()))
    };
    english
        .iter()
        .filter(|term| term.zh.chars().count() >= 2 && unnarrowed(&term.zh))
        .max_by_key(|term| term.zh.chars().count())
        .map_or_else(
            || metric.to_owned(),
            |term| format!("{metric} ({}: {})", term.zh, term.name()),
        )
}

/// The direct answer for the figures of one statement (several values: 16406户, 45576名), in English.
pub fn indicator_in_english(english: &[EnglishTerm], figures: &[&Indicator]) -> Option<String> {
    let first = figures.first()?;
    let when = match first.period {
        Period::Year { year } => year.to_string(),
        Period::Years { from, to } => format!("{from}–{to}"),
    };
    let kind = match first.kind {
        FigureKind::MainTarget => "main target".to_owned(),
        FigureKind::TaskTarget => "task target".to_owned(),
        FigureKind::Result => "result".to_owned(),
        FigureKind::FiveYearTotal => "five-year total".to_owned(),
        FigureKind::YearlyAverage => "yearly average".to_owned(),
        FigureKind::ChangeSinceBase => match first.period {
            Period::Years { from, .. } => format!("change since {from}"),
            Period::Year { .. } => "change".to_owned(),
        },
    };
    let group = match (&first.group, first.item) {
        (Some(group), item) => {
            let name = english_name(english, group).unwrap_or(group);
            match item {
                Some(item) => format!(" ({name}, item {item})"),
                None => format!(" ({name})"),
            }
        }
        _ => String::new(),
    };
    let values: Vec<String> = figures
        .iter()
        .map(|figure| value_in_english(figure))
        .collect();
    Some(format!(
        "{when} {kind}{group}: {} — {}",
        metric_name(english, &first.metric),
        values.join(", ")
    ))
}

/// A glossary entry's direct answer with its English name in front; the explanation stays the report's.
pub fn glossary_in_english(english: &[EnglishTerm], entry: &GlossaryEntry) -> String {
    let name =
        english_name(english, &entry.term).map_or_else(String::new, |name| format!(" ({name})"));
    format!(
        "{}{name}, in the report's glossary: {}",
        entry.term, entry.explanation
    )
}

/// A piece of a glossary term (五湖 of 一渠两园三河五湖) with the clause of the entry explaining it, the
/// English names in front; the clause stays the report's.
pub fn piece_in_english(
    english: &[EnglishTerm],
    piece: &str,
    entry: &GlossaryEntry,
    clause: &str,
) -> String {
    let named =
        |zh: &str| english_name(english, zh).map_or_else(String::new, |name| format!(" ({name})"));
    format!(
        "{piece}{}, in the report's glossary under {}{}: {clause}",
        named(piece),
        entry.term,
        named(&entry.term)
    )
}

/// The value in English after the report's wording: `增长8%左右 (growth of about 8%)`; only the report's
/// wording when the value has no number (保持平稳增长).
fn value_in_english(figure: &Indicator) -> String {
    let Some(number) = figure.number else {
        return figure.value_text.clone();
    };
    let verb = match figure.change {
        Some(ChangeKind::Growth) => "growth of ",
        Some(ChangeKind::Raise) => "a rise of ",
        Some(ChangeKind::NetIncrease) => "a net increase of ",
        Some(ChangeKind::Increase) => "an increase of ",
        Some(ChangeKind::New) => "new: ",
        // "kept at least 960,000 tonnes", not "kept at at least".
        Some(ChangeKind::Keep)
            if matches!(
                figure.qualifier,
                Some(Qualifier::AtLeast | Qualifier::AtMost)
            ) =>
        {
            "kept "
        }
        Some(ChangeKind::Keep) => "kept at ",
        Some(ChangeKind::Reach) | Some(ChangeKind::Complete) | None => "",
    };
    let hedge = match figure.qualifier {
        Some(Qualifier::About) => "about ",
        Some(Qualifier::AtLeast) => "at least ",
        Some(Qualifier::AtMost) => "at most ",
        Some(Qualifier::Over) => "over ",
        Some(Qualifier::NoLessThan) => "no less than ",
        None => "",
    };
    let amount = amount_in_english(number, figure.unit.as_deref().unwrap_or(""));
    format!("{} ({verb}{hedge}{amount})", figure.value_text)
}

/// A number with its Chinese unit in English: `279` `亿元` → `27.9 billion yuan`.
pub(super) fn amount_in_english(number: f64, unit: &str) -> String {
    let (scale, rest) = if let Some(rest) = unit.strip_prefix('亿') {
        (1e8, rest)
    } else if let Some(rest) = unit.strip_prefix('万') {
        (1e4, rest)
    } else {
        (1.0, unit)
    };
    let noun = match rest {
        "%" => return format!("{}%", plain(number)),
        "个百分点" => return format!("{} percentage points", plain(number)),
        "元" => "yuan",
        "吨" => "tonnes",
        "亩" => "mu",
        "人" | "名" => "people",
        "人次" => "person-times",
        "户" => "households",
        "公里" => "km",
        "千瓦时" => "kWh",
        "天" => "days",
        "头" => "head",
        "辆" => "vehicles",
        "套" => "flats",
        "场" => "performances",
        "家" | "个" | "所" | "座" | "条" | "项" | "件" => "",
        other => return format!("{}{other}", plain(number)),
    };
    let value = number * scale;
    let written = if value >= 1e9 {
        format!("{} billion", plain(value / 1e9))
    } else if value >= 1e6 {
        format!("{} million", plain(value / 1e6))
    } else {
        plain(value)
    };
    if noun.is_empty() {
        written
    } else {
        format!("{written} {noun}")
    }
}

/// A number without trailing zeros, thousands separated: 27.9, 23,000.
fn plain(number: f64) -> String {
    let rounded = (number * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        let digits = format!("{}", rounded as i64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else {
        format!("{rounded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_of_a_question() {
        assert_eq!(
            Language::of("What is the GDP target for 2022?"),
            Language::English
        );
        assert_eq!(Language::of("what does 放管服效 mean"), Language::English);
        assert_eq!(
            Language::of("hello, can you answer in English?"),
            Language::English
        );
        assert_eq!(Language::of("今年GDP目标是多少"), Language::Chinese);
        assert_eq!(Language::of("fang guan fu xiao"), Language::Chinese);
        assert_eq!(
            Language::of("bao gao shen me shi hou zuo de"),
            Language::Chinese
        );
        assert_eq!(Language::of("tell me about the lakes"), Language::English);
        assert_eq!(Language::of("fgfx是什么意思"), Language::Chinese);
        // A pinyin syllable that is also an English word (you) leaves a pinyin question Chinese.
        assert_eq!(
            Language::of("xian renmin yiyuan you duoshao yisheng"),
            Language::Chinese
        );
        assert_eq!(Language::of("do you have a plan"), Language::English);
        assert_eq!(Language::from_code(Some("en-US")), Language::English);
        assert_eq!(Language::from_code(Some("zh-hans")), Language::Chinese);
        assert_eq!(Language::from_code(None), Language::Chinese);
    }

    #[test]
    fn amounts_read_in_english() {
        assert_eq!(amount_in_english(279.0, "亿元"), "27.9 billion yuan");
        assert_eq!(amount_in_english(2.3, "万人次"), "23,000 person-times");
        assert_eq!(amount_in_english(8.0, "%"), "8%");
        assert_eq!(amount_in_english(5700.0, "人"), "5,700 people");
        assert_eq!(amount_in_english(95.9, "万吨"), "959,000 tonnes");
        assert_eq!(amount_in_english(59.0, "个"), "59");
        assert_eq!(amount_in_english(3.0, "只"), "3只");
    }

    fn english() -> Vec<EnglishTerm> {
        vec![
            EnglishTerm {
                zh: "生产总值".into(),
                en: vec!["gross domestic product".into(), "GDP".into()],
                kind: "indicator".into(),
            },
            EnglishTerm {
                zh: "十件惠民工程".into(),
                en: vec!["ten livelihood projects".into()],
                kind: "programme".into(),
            },
            EnglishTerm {
                zh: "老旧小区".into(),
                en: vec!["old residential compounds".into()],
                kind: "indicator".into(),
            },
        ]
    }

    fn figure(metric: &str, value: &str, number: f64, unit: &str) -> Indicator {
        Indicator {
            id: "x/1.0.1.1#1".into(),
            metric: metric.into(),
            value_text: value.into(),
            number: Some(number),
            unit: Some(unit.into()),
            qualifier: Some(Qualifier::About),
            change: Some(ChangeKind::Growth),
            kind: FigureKind::MainTarget,
            period: Period::Year { year: 2022 },
            group: None,
            item: None,
            sentence_id: "x/1.0.1.1".into(),
            citation: String::new(),
        }
    }

    #[test]
    fn a_figure_is_framed_in_english_with_the_report_wording() {
        let gdp = figure("生产总值", "增长8%左右", 8.0, "%");
        assert_eq!(
            indicator_in_english(&english(), &[&gdp]).as_deref(),
            Some("2022 main target: gross domestic product (生产总值) — 增长8%左右 (growth of about 8%)")
        );
        let mut compounds = figure("改造老旧小区", "20个", 20.0, "个");
        compounds.kind = FigureKind::TaskTarget;
        compounds.qualifier = None;
        compounds.change = None;
        compounds.group = Some("十件惠民工程".into());
        compounds.item = Some(4);
        assert_eq!(
            indicator_in_english(&english(), &[&compounds]).as_deref(),
            Some("2022 task target (ten livelihood projects, item 4): 改造老旧小区 (老旧小区: old residential compounds) — 20个 (20)")
        );
        // A term a number narrows in the metric is not what the metric counts.
        let over_a_hundred_million = EnglishTerm {
            zh: "亿元以上项目".into(),
            en: vec!["projects of over 100 million yuan".into()],
            kind: "indicator".into(),
        };
        assert_eq!(
            metric_name(&[over_a_hundred_million], "投资10亿元以上项目"),
            "投资10亿元以上项目"
        );
        let mut flat = figure("货物进出口总额", "保持平稳增长", 0.0, "");
        flat.number = None;
        let mut grain = figure("粮食总产", "保持在96万吨以上", 96.0, "万吨");
        grain.change = Some(ChangeKind::Keep);
        grain.qualifier = Some(Qualifier::AtLeast);
        assert!(indicator_in_english(&[], &[&grain])
            .expect("framed")
            .ends_with("(kept at least 960,000 tonnes)"));
        assert!(indicator_in_english(&[], &[&flat])
            .expect("framed")
            .ends_with("货物进出口总额 — 保持平稳增长"));
    }
}
