//! The report's retrievable units (sentences, indicator records, glossary entries) in index order, with
//! what the engine needs around each one: its index text, its neighbours for an excerpt, its paragraph.

use rustc_hash::FxHashMap;

use crate::knowledge::{
    FigureKind, GlossaryEntry, Indicator, Library, ListKind, Paragraph, Period, Report,
};
use crate::search::index::IndexDoc;
use crate::search::normalize::{fold_for_search, is_han};
use crate::search::question::QuestionReader;

mod list_names;

use list_names::list_context;

/// Where a sentence sits in a report's tree (indexes, not ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SentenceAt {
    pub report: usize,
    pub part: usize,
    pub section: usize,
    pub paragraph: usize,
    pub sentence: usize,
}

/// One retrievable unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Sentence(SentenceAt),
    Indicator {
        report: usize,
        index: usize,
        /// The sentence the record was read from, when the library has it.
        sentence: Option<SentenceAt>,
    },
    Glossary {
        report: usize,
        index: usize,
    },
    /// A whole enumeration of the report (its parts, the year's tasks, 十件惠民工程), answering 哪些.
    List {
        report: usize,
        index: usize,
    },
}

/// Every unit of every report, numbered as in the index, and the ids that find them.
#[derive(Debug, Default)]
pub struct Catalog {
    units: Vec<Unit>,
    ids: Vec<String>,
    /// For each unit, the measure words written after its figures (`公里`, `万户` → `户`).
    measures: Vec<Vec<String>>,
    /// For each sentence unit, whether it writes a figure in digits, and the years it writes (2021年).
    has_digits: Vec<bool>,
    written_years: Vec<Vec<i32>>,
    /// For each indicator unit, the document of the sentence it was read from.
    sentence_docs: Vec<Option<u32>>,
    /// For each unit, the kinds and periods of the figures its sentence states (empty for most).
    figures: Vec<Vec<(FigureKind, Period)>>,
    /// For each sentence unit, the years the figures of its part span: what a sentence without figures of
    /// its own is about (the plan year, the five years under review).
    part_periods: Vec<Option<Period>>,
    by_id: FxHashMap<String, usize>,
    sentences_by_id: FxHashMap<String, SentenceAt>,
    /// The document of each sentence, by its place (cheaper than by its id).
    docs_by_sentence: FxHashMap<SentenceAt, u32>,
    /// For each glossary unit, its term normalised and without spaces, as questions are compared with it.
    glossary_keys: Vec<String>,
    /// The glossary entries each sentence uses (by sentence id), in library order.
    glossary_used_by: FxHashMap<String, Vec<String>>,
    paragraphs_by_id: FxHashMap<String, (usize, usize, usize, usize)>,
}

impl Catalog {
    pub fn new(library: &Library) -> Catalog {
        let mut catalog = Catalog::default();
        for (r, report) in library.reports.iter().enumerate() {
            for (p, part) in report.parts.iter().enumerate() {
                for (s, section) in part.sections.iter().enumerate() {
                    for (g, paragraph) in section.paragraphs.iter().enumerate() {
                        catalog
                            .paragraphs_by_id
                            .insert(paragraph.id.clone(), (r, p, s, g));
                        for (t, sentence) in paragraph.sentences.iter().enumerate() {
                            let at = SentenceAt {
                                report: r,
                                part: p,
                                section: s,
                                paragraph: g,
                                sentence: t,
                            };
                            catalog.sentences_by_id.insert(sentence.id.clone(), at);
                            catalog
                                .docs_by_sentence
                                .insert(at, catalog.units.len() as u32);
                            catalog.push(sentence.id.clone(), Unit::Sentence(at));
                            if let (Some(digits), Some(years), Some(measures)) = (
                                catalog.has_digits.last_mut(),
                                catalog.written_years.last_mut(),
                                catalog.measures.last_mut(),
                            ) {
                                *digits = sentence.text.bytes().any(|b| b.is_ascii_digit());
                                *years = written_years(&sentence.text);
                                *measures = measures_after_figures(&sentence.text);
                            }
                        }
                    }
                }
            }
        }
        for (r, report) in library.reports.iter().enumerate() {
            for (i, indicator) in report.indicators.iter().enumerate() {
                let sentence = catalog.sentences_by_id.get(&indicator.sentence_id).copied();
                let sentence_doc = catalog.by_id.get(&indicator.sentence_id).copied();
                if let Some(doc) = sentence_doc {
                    catalog.figures[doc].push((indicator.kind, indicator.period));
                }
                catalog.push(
                    indicator.id.clone(),
                    Unit::Indicator {
                        report: r,
                        index: i,
                        sentence,
                    },
                );
                if let Some(last) = catalog.sentence_docs.last_mut() {
                    *last = sentence_doc.map(|doc| doc as u32);
                }
                if let Some(measures) = catalog.measures.last_mut() {
                    *measures = indicator
                        .unit
                        .iter()
                        .chain([&indicator.value_text])
                        .flat_map(|text| measures_after_figures(text))
                        .chain(
                            indicator
                                .unit
                                .iter()
                                .map(|unit| bare_measure(unit).to_owned()),
                        )
                        .collect();
                }
            }
            catalog.spread_part_periods(r, report);
            for (i, entry) in report.glossary.iter().enumerate() {
                catalog.push(
                    entry.id.clone(),
                    Unit::Glossary {
                        report: r,
                        index: i,
                    },
                );
                if let Some(key) = catalog.glossary_keys.last_mut() {
                    *key = fold_for_search(&entry.term).split_whitespace().collect();
                }
                for sentence_id in &entry.used_in {
                    let used = catalog
                        .glossary_used_by
                        .entry(sentence_id.clone())
                        .or_default();
                    if used.last() != Some(&entry.id) {
                        used.push(entry.id.clone());
                    }
                }
            }
        }
        for (r, report) in library.reports.iter().enumerate() {
            for (i, list) in report.lists.iter().enumerate() {
                // A counted glossary term's list is its entry: the entry answers for it.
                if list.kind != ListKind::Glossary {
                    // A list is about the years of the part it opens in (十件惠民工程 is 2022's plan).
                    let period = catalog.period_of_source(&list.source_id);
                    catalog.push(
                        list.id.clone(),
                        Unit::List {
                            report: r,
                            index: i,
                        },
                    );
                    if let Some(last) = catalog.part_periods.last_mut() {
                        *last = period;
                    }
                }
            }
        }
        catalog
    }

    /// Gives every sentence of report `r` the span of the periods of its part's figures.
    fn spread_part_periods(&mut self, r: usize, report: &Report) {
        let mut spans: FxHashMap<usize, (i32, i32)> = FxHashMap::default();
        for indicator in &report.indicators {
            let Some(at) = self.sentences_by_id.get(&indicator.sentence_id) else {
                continue;
            };
            let (from, to) = indicator.period.years().into_inner();
            let span = spans.entry(at.part).or_insert((from, to));
            *span = (span.0.min(from), span.1.max(to));
        }
        for (doc, unit) in self.units.iter().enumerate() {
            if let Unit::Sentence(at) = unit {
                if at.report == r {
                    self.part_periods[doc] = spans.get(&at.part).map(|&(from, to)| {
                        if from == to {
                            Period::Year { year: from }
                        } else {
                            Period::Years { from, to }
                        }
                    });
                }
            }
        }
    }

    /// The part period of the unit `source_id` names, or of its first sentence when it names a part,
    /// section or paragraph (xiping-2022/3 holds xiping-2022/3.1.1.1).
    fn period_of_source(&self, source_id: &str) -> Option<Period> {
        let inside = format!("{source_id}.");
        self.ids
            .iter()
            .position(|id| id == source_id || id.starts_with(&inside))
            .and_then(|doc| self.part_periods[doc])
    }

    /// The number of the part a unit stands in (第二部分 is 2), for a question that says where to look;
    /// a list's is its source's, and a glossary entry stands in none.
    pub fn part_of(&self, library: &Library, doc: u32) -> Option<usize> {
        match self.units[doc as usize] {
            Unit::Sentence(at)
            | Unit::Indicator {
                sentence: Some(at), ..
            } => Some(at.part),
            Unit::List { report, index } => {
                let source_id = &library.reports[report].lists[index].source_id;
                let inside = format!("{source_id}.");
                self.ids
                    .iter()
                    .zip(&self.units)
                    .find(|(id, _)| *id == source_id || id.starts_with(&inside))
                    .and_then(|(_, unit)| match unit {
                        Unit::Sentence(at) => Some(at.part),
                        _ => None,
                    })
            }
            Unit::Indicator { sentence: None, .. } | Unit::Glossary { .. } => None,
        }
    }

    /// The years a sentence's or a list's part is about, from the figures the part states.
    pub fn part_period(&self, doc: u32) -> Option<Period> {
        self.part_periods[doc as usize]
    }

    fn push(&mut self, id: String, unit: Unit) {
        self.by_id.insert(id.clone(), self.units.len());
        self.ids.push(id);
        self.units.push(unit);
        self.figures.push(Vec::new());
        self.part_periods.push(None);
        self.sentence_docs.push(None);
        self.has_digits.push(false);
        self.written_years.push(Vec::new());
        self.measures.push(Vec::new());
        self.glossary_keys.push(String::new());
    }

    /// Whether a unit states a figure in one of `units` (`多少公里` wants `公里`).
    pub fn states_figure_in(&self, doc: u32, units: &[&str]) -> bool {
        self.measures[doc as usize]
            .iter()
            .any(|measure| units.iter().any(|unit| measure.starts_with(unit)))
    }

    /// The indicator units stating a figure in one of `units`.
    pub fn indicators_in<'a>(&'a self, units: &'a [&'a str]) -> impl Iterator<Item = u32> + 'a {
        self.units
            .iter()
            .enumerate()
            .filter(|(_, unit)| matches!(unit, Unit::Indicator { .. }))
            .map(|(doc, _)| doc as u32)
            .filter(move |&doc| self.states_figure_in(doc, units))
    }

    /// Whether a unit's own text has the character `c` (a one-character word may sit inside a longer
    /// one: 路 in 公路).
    pub fn text_has_char(&self, library: &Library, doc: u32, c: char) -> bool {
        match self.units[doc as usize] {
            Unit::Sentence(at) => sentence_text(library, at).contains(c),
            Unit::Indicator { report, index, .. } => {
                let indicator = &library.reports[report].indicators[index];
                indicator.metric.contains(c) || indicator.value_text.contains(c)
            }
            Unit::Glossary { report, index } => {
                let entry = &library.reports[report].glossary[index];
                entry.term.contains(c) || entry.explanation.contains(c)
            }
            Unit::List { report, index } => {
                let list = &library.reports[report].lists[index];
                list.name.contains(c) || list.items.iter().any(|item| item.label.contains(c))
            }
        }
    }

    /// Whether a unit names several things side by side (长三角、京津冀) or is a list: what answers a question
    /// asking which things of a kind there are.
    pub fn enumerates(&self, library: &Library, doc: u32) -> bool {
        match self.units[doc as usize] {
            Unit::List { .. } => true,
            Unit::Indicator { .. } => false,
            Unit::Sentence(_) | Unit::Glossary { .. } => self.text_has_char(library, doc, '、'),
        }
    }

    /// Whether a unit is the list of the plan's sections (the year's tasks).
    pub fn lists_sections(&self, library: &Library, doc: u32) -> bool {
        matches!(self.units[doc as usize], Unit::List { report, index }
            if library.reports[report].lists[index].kind == ListKind::Sections)
    }

    /// The words a unit names its thing with: an indicator's metric, a sentence's text; none for a glossary
    /// entry or a list, which name terms, not figures.
    pub fn own_name<'l>(&self, library: &'l Library, doc: u32) -> Option<&'l str> {
        match self.units[doc as usize] {
            Unit::Sentence(at) => Some(sentence_text(library, at)),
            Unit::Indicator { report, index, .. } => {
                Some(&library.reports[report].indicators[index].metric)
            }
            Unit::Glossary { .. } | Unit::List { .. } => None,
        }
    }

    /// Whether a sentence unit writes a figure in digits.
    pub fn has_digits(&self, doc: u32) -> bool {
        self.has_digits[doc as usize]
    }

    /// The years a sentence unit writes (`2021年`).
    pub fn written_years(&self, doc: u32) -> &[i32] {
        &self.written_years[doc as usize]
    }

    /// The document of the sentence an indicator unit was read from.
    pub fn sentence_doc(&self, doc: u32) -> Option<u32> {
        self.sentence_docs[doc as usize]
    }

    /// The kinds and periods of the figures a sentence unit states.
    pub fn figures(&self, doc: u32) -> &[(FigureKind, Period)] {
        &self.figures[doc as usize]
    }

    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    pub fn unit(&self, doc: u32) -> Unit {
        self.units[doc as usize]
    }

    /// The id of the unit indexed as document `doc`.
    pub fn id(&self, doc: u32) -> &str {
        &self.ids[doc as usize]
    }

    /// The index document number of a unit id.
    pub fn doc_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).map(|&i| i as u32)
    }

    /// The ids of the glossary entries a sentence uses, in library order.
    pub fn glossary_used_by(&self, sentence_id: &str) -> &[String] {
        self.glossary_used_by
            .get(sentence_id)
            .map_or(&[], Vec::as_slice)
    }

    /// The index document number of the sentence at `at`.
    pub fn sentence_doc_at(&self, at: SentenceAt) -> Option<u32> {
        self.docs_by_sentence.get(&at).copied()
    }

    /// Whether `text` (a question's search text) names the glossary unit `doc`'s term, spaces aside.
    pub fn names_glossary_term(&self, doc: u32, text: &str) -> bool {
        let term = &self.glossary_keys[doc as usize];
        !term.is_empty() && contains_without_spaces(text, term)
    }

    pub fn sentence_at(&self, id: &str) -> Option<SentenceAt> {
        self.sentences_by_id.get(id).copied()
    }

    /// A paragraph by its id.
    pub fn paragraph_at(&self, id: &str) -> Option<SentenceAt> {
        self.paragraphs_by_id
            .get(id)
            .map(|&(report, part, section, paragraph)| SentenceAt {
                report,
                part,
                section,
                paragraph,
                sentence: 0,
            })
    }

    /// What the index holds for each unit, in unit order. `reader` rewrites the text's own variants into
    /// the report's terms as it does for questions, so both sides meet on the same words.
    pub fn index_docs(&self, library: &Library, reader: &QuestionReader) -> Vec<IndexDoc> {
        let with_aliases = |text: &str| {
            let rewritten = reader.rewrite(&fold_for_search(text));
            if rewritten
                .split_whitespace()
                .eq(fold_for_search(text).split_whitespace())
            {
                text.to_owned()
            } else {
                format!("{text}\n{rewritten}")
            }
        };
        self.units
            .iter()
            .map(|&unit| match unit {
                Unit::Sentence(at) => {
                    let section = &library.reports[at.report].parts[at.part].sections[at.section];
                    let paragraph = &section.paragraphs[at.paragraph];
                    let sentence = &paragraph.sentences[at.sentence];
                    let context = [
                        paragraph.topic.as_deref(),
                        sentence.subtopic.as_deref(),
                        Some(section.short_title.as_str()),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("\n");
                    let mut main = with_aliases(&sentence.text);
                    // A glossary term the sentence writes in pieces (“三公”经费, “六乱”、开展“六清”) is
                    // still the term there.
                    let normalized = fold_for_search(&sentence.text);
                    for entry in &library.reports[at.report].glossary {
                        if entry.used_in.contains(&sentence.id)
                            && !normalized.contains(&fold_for_search(&entry.term))
                        {
                            main.push('\n');
                            main.push_str(&entry.term);
                        }
                    }
                    IndexDoc {
                        main,
                        context,
                        name: String::new(),
                    }
                }
                Unit::Indicator {
                    report,
                    index,
                    sentence,
                } => {
                    let indicator = &library.reports[report].indicators[index];
                    let sentence_text = sentence
                        .map(|at| sentence_text(library, at))
                        .unwrap_or_default();
                    // The clause is the record's own statement in the report's words; it sits in the
                    // context so that the figures of one enumeration (引进投资10亿元以上项目1个、…15个)
                    // are told apart by their own names.
                    let clause = clause_around(sentence_text, &indicator.value_text);
                    let mut context: Vec<&str> = vec![clause];
                    context.extend(indicator.group.as_deref());
                    context.push(kind_words(indicator.kind));
                    IndexDoc {
                        main: with_aliases(&format!(
                            "{}{}",
                            indicator.metric, indicator.value_text
                        )),
                        context: with_aliases(&context.join("\n")),
                        name: with_aliases(&indicator.metric),
                    }
                }
                Unit::Glossary { report, index } => {
                    let entry = &library.reports[report].glossary[index];
                    IndexDoc {
                        main: with_aliases(&format!("{}:{}", entry.term, entry.explanation)),
                        context: String::new(),
                        name: with_aliases(&entry.term),
                    }
                }
                Unit::List { report, index } => {
                    let list = &library.reports[report].lists[index];
                    // The list is named by its lead-in and its items; what the items say in full is the
                    // sentences' to match, and a `;`-list's items are its sentences' clauses whole.
                    let mut main = list.lead.clone().unwrap_or_else(|| list.name.clone());
                    let labels = (list.kind != ListKind::Semicolon).then_some(&list.items);
                    for item in labels.into_iter().flatten() {
                        main.push('\n');
                        main.push_str(&item.label);
                    }
                    IndexDoc {
                        main: with_aliases(&main),
                        context: list_context(list),
                        name: with_aliases(&list.name),
                    }
                }
            })
            .collect()
    }
}

/// Generic words for each kind of figure, so that "目标" or "年均" in a question can match a record.
fn kind_words(kind: FigureKind) -> &'static str {
    match kind {
        FigureKind::MainTarget => "主要预期目标 目标 预期",
        FigureKind::TaskTarget => "目标 任务",
        FigureKind::Result => "完成 实现",
        FigureKind::FiveYearTotal => "累计 五年",
        FigureKind::YearlyAverage => "年均 平均",
        FigureKind::ChangeSinceBase => "较 净增 提高",
    }
}

pub fn sentence_text(library: &Library, at: SentenceAt) -> &str {
    &paragraph(library, at).sentences[at.sentence].text
}

pub fn paragraph(library: &Library, at: SentenceAt) -> &Paragraph {
    &library.reports[at.report].parts[at.part].sections[at.section].paragraphs[at.paragraph]
}

/// The clause of `sentence` holding `value` (between clause punctuation), or the whole sentence.
pub fn clause_around<'a>(sentence: &'a str, value: &str) -> &'a str {
    let Some(found) = (!value.is_empty()).then(|| sentence.find(value)).flatten() else {
        return sentence;
    };
    let is_break = |c: char| matches!(c, ',' | ';' | ':' | '，' | '；' | '：' | '。' | '、');
    let start = sentence[..found]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = sentence[found..]
        .char_indices()
        .find(|&(i, c)| i >= value.len() && is_break(c))
        .map_or(sentence.len(), |(i, _)| found + i);
    &sentence[start..end]
}

/// Whether `needle` occurs in `text` once the whitespace of `text` is removed, without building that text.
fn contains_without_spaces(text: &str, needle: &str) -> bool {
    // Most texts have no blank: a plain substring search says the same, far faster.
    if !text.chars().any(char::is_whitespace) {
        return text.contains(needle);
    }
    let mut rest = text.chars().filter(|c| !c.is_whitespace());
    loop {
        let mut candidate = rest.clone();
        if needle.chars().all(|c| candidate.next() == Some(c)) {
            return true;
        }
        if rest.next().is_none() {
            return false;
        }
    }
}

/// The direct answer for an indicator record: `2022年主要预期目标：生产总值增长8%左右`.
pub fn indicator_answer(indicator: &Indicator) -> String {
    let when = indicator.period;
    let kind = match indicator.kind {
        FigureKind::MainTarget => "主要预期目标",
        FigureKind::TaskTarget => "目标任务",
        FigureKind::Result => "完成情况",
        FigureKind::FiveYearTotal => "累计",
        FigureKind::YearlyAverage => "年均",
        FigureKind::ChangeSinceBase => match indicator.period {
            Period::Years { from, .. } => {
                return format!(
                    "{}年较{from}年：{}{}",
                    indicator.period.last_year(),
                    indicator.metric,
                    indicator.value_text
                )
            }
            Period::Year { .. } => "变化",
        },
    };
    let group = match (&indicator.group, indicator.item) {
        (Some(group), Some(item)) => format!("（{group}第{item}项）"),
        (Some(group), None) => format!("（{group}）"),
        _ => String::new(),
    };
    format!(
        "{when}{kind}{group}：{}{}",
        indicator.metric, indicator.value_text
    )
}

/// The direct answer for a glossary entry.
pub fn glossary_answer(entry: &GlossaryEntry) -> String {
    format!("{}：{}", entry.term, entry.explanation)
}

/// The citation of a glossary entry, which the model leaves to the reader.
pub fn glossary_citation(report: &Report, entry: &GlossaryEntry) -> String {
    format!(
        "《{}》名词解释 › {}.{}",
        report.meta.title, entry.number, entry.term
    )
}

/// Four-digit years followed by 年 in a text.
pub fn written_years(text: &str) -> Vec<i32> {
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    for (i, _) in text.match_indices('年') {
        if i >= 4
            && bytes[i - 4..i].iter().all(u8::is_ascii_digit)
            && (i == 4 || !bytes[i - 5].is_ascii_digit())
        {
            if let Ok(year) = text[i - 4..i].parse() {
                years.push(year);
            }
        }
    }
    years
}

/// The measure words written right after figures: `修建通村公路30公里` → `公里`; `1.3万户` → `户`.
pub fn measures_after_figures(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut measures = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
            i += 1;
        }
        while i < chars.len() && matches!(chars[i], '万' | '亿' | '千' | '百' | '多') {
            i += 1;
        }
        let measure: String = chars[i..]
            .iter()
            .take(2)
            .take_while(|c| is_han(**c))
            .collect();
        if !measure.is_empty() {
            measures.push(measure);
        }
    }
    measures
}

/// A unit without its magnitude: `万吨` → `吨`, `亿元` → `元`.
fn bare_measure(unit: &str) -> &str {
    unit.trim_start_matches(['万', '亿', '千', '百'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_are_read_after_figures() {
        assert_eq!(measures_after_figures("修建通村公路30公里。"), vec!["公里"]);
        assert_eq!(
            measures_after_figures("完成农村户厕改造1.3万户"),
            vec!["户"]
        );
        assert_eq!(measures_after_figures("培育3900多家,增长8%"), vec!["家"]);
        assert!(measures_after_figures("没有数字").is_empty());
        assert_eq!(bare_measure("万吨"), "吨");
    }

    #[test]
    fn a_term_is_found_across_spaces() {
        assert!(contains_without_spaces("四张 清单 是", "四张清单"));
        assert!(contains_without_spaces("四张清单", "四张清单"));
        assert!(contains_without_spaces(" 2022 四张清单", "清单"));
        assert!(!contains_without_spaces("四张 清", "四张清单"));
        assert!(!contains_without_spaces("", "清单"));
        assert!(!contains_without_spaces("清 x 单", "清单"));
    }

    #[test]
    fn a_clause_is_cut_at_clause_marks() {
        let sentence = "2021年,全县生产总值达到279亿元,较2017年净增83.4亿元,年均增长7.2%;";
        assert_eq!(
            clause_around(sentence, "净增83.4亿元"),
            "较2017年净增83.4亿元"
        );
        assert_eq!(clause_around(sentence, "不在"), sentence);
        assert_eq!(written_years(sentence), vec![2021, 2017]);
    }
}
