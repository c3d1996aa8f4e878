//! Numeric statements extracted from the report by rules, never typed in.
//!
//! The rules read Chinese report grammar, not this report's content:
//! - A *figure* is a number with a unit (`8%`, `279亿元`, `2个百分点`), optionally hedged before
//!   (`超`, `不少于`) or after (`左右`, `以上`, `以内`). Bare numbers (`107国道`, `5G`, `2022年`) are not figures.
//! - Sentences are cut into clauses at `,:;` and clauses into items at `、` where each item carries its
//!   own figure (`新增农民合作社116家、家庭农场328家`).
//! - The *verb* right before a figure (`增长`, `达到`, `保持在` …) gives the change kind; the noun phrase
//!   before the verb, trimmed of fillers (`全县`, `力争`, `2021年` …), names the metric. When the figure
//!   comes first (`完成20个老旧小区提质改造`) the metric is the noun after it. A clause with no metric of
//!   its own (`年均增长7.2%`) belongs to the previous metric of the same sentence.
//! - What the figure stands for comes from where it is: parts from the one that speaks of the report's
//!   year onward are the plan (main targets inside the `预期目标` sentence, task targets elsewhere);
//!   earlier parts that look back (`过去`, `回顾`) are results, with `年均` → yearly average,
//!   `较/比2017年` → change since base, `累计`/`五年` → five-year total, a sentence opening with the year
//!   before the report → that year's result, and anything else in a five-year review → five-year total.
//! - Numbered lists after a colon (`十件惠民工程:1.…`) become a group with item numbers; an item or a
//!   main target without a number still becomes a record (`建成南水北调供水厂项目`, `保持平稳增长`).

use std::sync::LazyLock;

use regex::Regex;

use super::model::{
    ChangeKind, FigureKind, Indicator, Paragraph, Period, Qualifier, Report, Sentence,
};
use super::text::{self, is_colon};

/// Units a figure may carry, longest first so that `个百分点` wins over `个`.
const UNITS: [&str; 38] = [
    "个百分点",
    "亿千瓦时",
    "万千瓦时",
    "千瓦时",
    "平方公里",
    "平方米",
    "亿元",
    "万元",
    "元",
    "万亩",
    "亩",
    "万吨",
    "吨",
    "万人次",
    "人次",
    "万人",
    "人",
    "名",
    "万户",
    "户",
    "家",
    "个",
    "所",
    "座",
    "条",
    "公里",
    "千米",
    "辆",
    "项",
    "天",
    "套",
    "场",
    "件",
    "万头",
    "头",
    "张",
    "%",
    "％",
];

/// Verbs that tie a metric to its figure, longest first, with the change they express.
const VERBS: [(&str, Option<ChangeKind>); 27] = [
    ("新培育", Some(ChangeKind::New)),
    ("改扩建", Some(ChangeKind::New)),
    ("增长", Some(ChangeKind::Growth)),
    ("达到", Some(ChangeKind::Reach)),
    ("完成", Some(ChangeKind::Complete)),
    ("提高", Some(ChangeKind::Raise)),
    ("提升", Some(ChangeKind::Raise)),
    ("净增", Some(ChangeKind::NetIncrease)),
    ("增加", Some(ChangeKind::Increase)),
    ("新增", Some(ChangeKind::New)),
    ("新建", Some(ChangeKind::New)),
    ("改建", Some(ChangeKind::New)),
    ("扩建", Some(ChangeKind::New)),
    ("建成", Some(ChangeKind::New)),
    ("建设", Some(ChangeKind::New)),
    ("修建", Some(ChangeKind::New)),
    ("培育", Some(ChangeKind::New)),
    ("引进", Some(ChangeKind::New)),
    ("评定", Some(ChangeKind::New)),
    ("并网", Some(ChangeKind::New)),
    ("保持", Some(ChangeKind::Keep)),
    ("稳定", Some(ChangeKind::Keep)),
    ("控制", Some(ChangeKind::Keep)),
    ("下降", None),
    ("减少", None),
    ("降低", None),
    ("达", Some(ChangeKind::Reach)),
];

/// Verbs that name an action but no change (`改造农村公路86公里`): they stay part of the metric's name,
/// and stop a clause from inheriting the verb of the clause before.
const ACTION_VERBS: [&str; 8] = [
    "改造", "处置", "化解", "更换", "办理", "开展", "举办", "消纳",
];

/// Words that sit between a verb and its figure (`保持在`, `均在`).
const CONNECTORS: [&str; 4] = ["在", "到", "至", "为"];
const ADVERBS: [&str; 2] = ["均", "共"];

/// Leading words that do not belong to a metric's name.
const FILLERS: [&str; 20] = [
    "全县", "我县", "全市", "全省", "全年", "今年", "力争", "确保", "其中", "争取", "努力", "累计",
    "年均", "加快", "抓好", "办好", "打造", "推进", "实施", "实现",
];
/// A clause opening with this names who does the work (`由1名处级干部任组长`), not a statement.
const AGENT_MARK: &str = "由";

/// Words that make a verb-looking string a noun (`增加值`, `增长率`).
const NOUN_ENDINGS: [char; 3] = ['值', '率', '量'];

/// Phrases that mark the sentence of main expected targets.
const MAIN_TARGET_MARK: &str = "预期目标";
/// Markers of a review part, besides the year before the report.
const REVIEW_MARKS: [&str; 2] = ["过去", "回顾"];
const FIVE_YEAR_MARK: &str = "五年";
const YEARLY_AVERAGE_MARK: &str = "年均";
const TOTAL_MARK: &str = "累计";
/// Words that start the predicate of a statement without a number (`与经济增长协调同步`).
const COMPARISON_MARKS: [&str; 1] = ["与"];

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    let units = UNITS.map(regex::escape).join("|");
    Regex::new(&format!(
        r"(?P<pre>超过|超|不少于|不低于|约)?(?P<num>\d+(?:\.\d+)?)(?P<more>多|余)?(?P<unit>{units})(?P<post>左右|以上|以内|以下)?"
    ))
    .expect("valid figure regex")
});
static BASE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[较比](\d{4})年").expect("valid base-year regex"));
static LEADING_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{4}年(?:底|末)?").expect("valid year regex"));

/// What the figures of a part stand for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tense {
    /// Looking back; `five_years` when the review covers the five-year term.
    Review {
        five_years: bool,
    },
    Plan,
    /// Neither (the greeting, a multi-year outlook): figures there are not extracted.
    Other,
}

/// Extracts every indicator record of a parsed report, in document order.
pub(crate) fn extract(report: &Report) -> Vec<Indicator> {
    let years = Years::of(report.meta.year);
    let mut records = Vec::new();
    let mut plan_started = false;
    for part in &report.parts {
        let opening = format!(
            "{}{}",
            part.title,
            part.sections
                .iter()
                .flat_map(|section| section.paragraphs.first())
                .next()
                .map(paragraph_text)
                .unwrap_or_default()
        );
        plan_started = plan_started
            || (!part.numeral.is_empty()
                && (opening.contains(&format!("{}年", years.plan)) || opening.contains("今年")));
        let tense = if plan_started {
            Tense::Plan
        } else if REVIEW_MARKS.iter().any(|mark| opening.contains(mark))
            || opening.contains(&format!("{}年", years.last))
        {
            Tense::Review {
                five_years: opening.contains(FIVE_YEAR_MARK),
            }
        } else {
            Tense::Other
        };
        if tense == Tense::Other {
            continue;
        }
        for paragraph in part.sections.iter().flat_map(|section| &section.paragraphs) {
            ParagraphReader::new(years, tense, &mut records).read(paragraph);
        }
    }
    records
}

fn paragraph_text(paragraph: &Paragraph) -> String {
    paragraph
        .sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect()
}

/// The years a report speaks of, all derived from its plan year.
#[derive(Debug, Clone, Copy)]
struct Years {
    plan: i32,
    last: i32,
    five_from: i32,
}

impl Years {
    fn of(plan: i32) -> Self {
        Years {
            plan,
            last: plan - 1,
            five_from: plan - 5,
        }
    }
}

/// A statement found in the text before it becomes an [`Indicator`].
#[derive(Debug, Clone)]
struct Statement {
    metric: String,
    value_text: String,
    figure: Option<Figure>,
    change: Option<ChangeKind>,
}

/// A statement with the kind of figure its place in the report gives it, and the base year of a change.
struct Placed {
    statement: Statement,
    kind: FigureKind,
    base: Option<i32>,
}

#[derive(Debug, Clone)]
struct Figure {
    number: f64,
    unit: String,
    qualifier: Option<Qualifier>,
}

/// Reads one paragraph sentence by sentence, carrying what a statement inherits from the ones before.
struct ParagraphReader<'a> {
    years: Years,
    tense: Tense,
    records: &'a mut Vec<Indicator>,
}

/// The state of one whole sentence (a chain of `;`-clauses).
struct Chain {
    main_targets: bool,
    default_kind: FigureKind,
    last_metric: String,
}

impl<'a> ParagraphReader<'a> {
    fn new(years: Years, tense: Tense, records: &'a mut Vec<Indicator>) -> Self {
        ParagraphReader {
            years,
            tense,
            records,
        }
    }

    fn read(&mut self, paragraph: &Paragraph) {
        let sentences = &paragraph.sentences;
        let mut group: Option<String> = None;
        let mut chain_start = 0;
        for (index, sentence) in sentences.iter().enumerate() {
            let ends_chain = !sentence
                .text
                .ends_with(|c: char| matches!(c, ';' | '；') || is_colon(c));
            if ends_chain || index + 1 == sentences.len() {
                self.read_chain(&sentences[chain_start..=index], &mut group);
                chain_start = index + 1;
            }
        }
    }

    fn read_chain(&mut self, chain: &[Sentence], group: &mut Option<String>) {
        let whole: String = chain.iter().map(|s| s.text.as_str()).collect();
        // The main targets follow a lead-in such as `今年经济社会主要预期目标是:`.
        let main_targets = self.tense == Tense::Plan
            && text::clauses(&whole)
                .iter()
                .any(|(clause, is_lead)| *is_lead && clause.contains(MAIN_TARGET_MARK));
        let default_kind = match self.tense {
            Tense::Plan if main_targets => FigureKind::MainTarget,
            Tense::Plan => FigureKind::TaskTarget,
            _ if whole.starts_with(&format!("{}年", self.years.last)) => FigureKind::Result,
            Tense::Review { five_years: true } => FigureKind::FiveYearTotal,
            _ => FigureKind::Result,
        };
        let mut state = Chain {
            main_targets,
            default_kind,
            last_metric: String::new(),
        };
        for (index, sentence) in chain.iter().enumerate() {
            let item = text::numbered_item(&sentence.text);
            let in_group = match (item, group.as_ref()) {
                (Some(_), Some(_)) => true,
                _ => {
                    *group = None;
                    false
                }
            };
            let item_number = item.filter(|_| in_group).map(|(number, _)| number);
            let body = item
                .filter(|_| in_group)
                .map_or(sentence.text.as_str(), |(_, rest)| rest);
            let statements = self.read_sentence(body, &mut state, in_group);
            self.push(sentence, statements, group.as_deref(), item_number);
            let opens_list = sentence.text.ends_with(is_colon)
                && chain
                    .get(index + 1)
                    .and_then(|next| text::numbered_item(&next.text))
                    .is_some_and(|(number, _)| number == 1);
            if opens_list {
                *group = group_name(&sentence.text);
            }
        }
    }

    /// Statements of one sentence (a `;`-clause), each with the kind its clause gives it.
    fn read_sentence(&self, body: &str, chain: &mut Chain, list_item: bool) -> Vec<Placed> {
        let mut found = Vec::new();
        let mut clause_kind = chain.default_kind;
        let mut last_change: Option<Option<ChangeKind>> = None;
        let clauses = text::clauses(body);
        for (clause, is_lead) in &clauses {
            let clause = *clause;
            // `…,2021年粮食总产达95.9万吨,…`: from here on the clause speaks of last year.
            if matches!(self.tense, Tense::Review { .. })
                && clause.starts_with(&format!("{}年", self.years.last))
            {
                clause_kind = FigureKind::Result;
            }
            if clause.starts_with(AGENT_MARK) {
                continue;
            }
            let (kind, base) = self.kind_of(clause, clause_kind);
            let mut statements = figure_statements(clause, &mut last_change);
            // Main targets and list items count even without a number; elsewhere only figures do.
            let wants_words = (chain.main_targets && !is_lead) || (list_item && found.is_empty());
            if statements.is_empty() && wants_words {
                statements.extend(worded_statement(clause));
            }
            for mut statement in statements {
                if statement.metric.is_empty() {
                    if chain.last_metric.is_empty() {
                        tracing::debug!(clause, "figure without a metric skipped");
                        continue;
                    }
                    statement.metric = chain.last_metric.clone();
                } else {
                    chain.last_metric = statement.metric.clone();
                }
                found.push(Placed {
                    statement,
                    kind,
                    base,
                });
            }
            // A list item without figures is named by its first clause; the rest only explains it.
            if list_item && !found.is_empty() && found.iter().all(|p| p.statement.figure.is_none())
            {
                break;
            }
        }
        found
    }

    /// The kind of a clause's figures in a review part, and the base year of a change.
    fn kind_of(&self, clause: &str, default: FigureKind) -> (FigureKind, Option<i32>) {
        if !matches!(self.tense, Tense::Review { .. }) {
            return (default, None);
        }
        if let Some(base) = BASE_YEAR.captures(clause) {
            return (FigureKind::ChangeSinceBase, base[1].parse().ok());
        }
        if clause.contains(YEARLY_AVERAGE_MARK) {
            return (FigureKind::YearlyAverage, None);
        }
        if clause.contains(TOTAL_MARK) || clause.contains(FIVE_YEAR_MARK) {
            return (FigureKind::FiveYearTotal, None);
        }
        (default, None)
    }

    fn push(
        &mut self,
        sentence: &Sentence,
        statements: Vec<Placed>,
        group: Option<&str>,
        item: Option<u32>,
    ) {
        for (position, placed) in statements.into_iter().enumerate() {
            let Placed {
                statement,
                kind,
                base,
            } = placed;
            let period = match kind {
                FigureKind::MainTarget | FigureKind::TaskTarget => Period::Year {
                    year: self.years.plan,
                },
                FigureKind::Result => Period::Year {
                    year: self.years.last,
                },
                FigureKind::FiveYearTotal | FigureKind::YearlyAverage => Period::Years {
                    from: self.years.five_from,
                    to: self.years.last,
                },
                FigureKind::ChangeSinceBase => Period::Years {
                    from: base.unwrap_or(self.years.five_from),
                    to: self.years.last,
                },
            };
            let figure = statement.figure;
            self.records.push(Indicator {
                id: format!("{}#{}", sentence.id, position + 1),
                metric: statement.metric,
                value_text: statement.value_text,
                number: figure.as_ref().map(|f| f.number),
                unit: figure.as_ref().map(|f| f.unit.clone()),
                qualifier: figure.as_ref().and_then(|f| f.qualifier),
                change: statement.change,
                kind,
                period,
                group: group.map(str::to_string),
                item,
                sentence_id: sentence.id.clone(),
                citation: sentence.citation.clone(),
            });
        }
    }
}

/// `在完成…基础上,办好我县十件惠民工程:` → `十件惠民工程`.
fn group_name(lead: &str) -> Option<String> {
    let last = text::clauses(lead).last().map(|(clause, _)| *clause)?;
    let name = strip_leading(last).text;
    (!name.is_empty()).then(|| name.to_string())
}

/// A figure found in a clause, with byte offsets of its whole match.
struct Found {
    start: usize,
    end: usize,
    figure: Figure,
}

fn figures(text: &str) -> Vec<Found> {
    FIGURE
        .captures_iter(text)
        .filter_map(|captures| {
            let whole = captures.get(0)?;
            // `第11届` is a rank, not a figure.
            if text[..whole.start()].ends_with('第') {
                return None;
            }
            let qualifier = match (
                captures.name("pre").map(|m| m.as_str()),
                captures.name("more").is_some(),
                captures.name("post").map(|m| m.as_str()),
            ) {
                (_, _, Some("左右")) | (Some("约"), _, _) => Some(Qualifier::About),
                (_, _, Some("以上")) => Some(Qualifier::AtLeast),
                (_, _, Some("以内" | "以下")) => Some(Qualifier::AtMost),
                (Some("不少于" | "不低于"), _, _) => Some(Qualifier::NoLessThan),
                (Some(_), _, _) | (_, true, _) => Some(Qualifier::Over),
                _ => None,
            };
            Some(Found {
                start: whole.start(),
                end: whole.end(),
                figure: Figure {
                    number: captures["num"].parse().ok()?,
                    unit: captures["unit"].replace('％', "%"),
                    qualifier,
                },
            })
        })
        .collect()
}

/// Statements with figures in one clause. `last_change` carries a verb over to items and clauses that
/// have none of their own (`新增农民合作社116家、家庭农场328家`).
fn figure_statements(clause: &str, last_change: &mut Option<Option<ChangeKind>>) -> Vec<Statement> {
    let mut statements = Vec::new();
    for item in items_with_figures(clause) {
        let found = figures(item);
        let Some(last) = found.last() else {
            continue;
        };
        // The value is the last figure and any figures right before it (`16406户45576名`); earlier
        // figures describe the metric (`投资10亿元以上项目1个`).
        let mut run_start = found.len() - 1;
        while run_start > 0 && found[run_start - 1].end == found[run_start].start {
            run_start -= 1;
        }
        let values = &found[run_start..];
        let first = &values[0];
        let left = &item[..first.start];
        let right = item[last.end..].trim();
        let verb = verb_before(left);
        let has_right = right.chars().any(char::is_alphanumeric);
        let (metric, leading_change) = if has_right && verb.is_some() {
            (right.to_string(), None)
        } else {
            let name = strip_leading(&left[..verb.as_ref().map_or(left.len(), |v| v.start)]);
            let leading = name.leading_change();
            if has_right {
                (format!("{}{right}", name.text), leading)
            } else {
                (name.text.to_string(), leading)
            }
        };
        let change = match (&verb, leading_change) {
            (Some(verb), _) if verb.known => verb.change,
            (_, Some(change)) => change,
            (Some(verb), None) => verb.change,
            (None, None) => last_change.flatten(),
        };
        if verb.is_some() || leading_change.is_some() {
            *last_change = Some(change);
        }
        let metric = after_list_etc(&metric);
        for (position, value) in values.iter().enumerate() {
            let value_start = match (&verb, position) {
                (Some(verb), 0) => verb.start,
                _ => value.start,
            };
            statements.push(Statement {
                metric: metric.clone(),
                value_text: item[value_start..value.end].to_string(),
                figure: Some(value.figure.clone()),
                change,
            });
        }
    }
    statements
}

/// The `、`-items of a clause that carry figures; items without one join the next (`新建、改扩建中小学校
/// 290所` is one item). Items after the last figure are dropped.
fn items_with_figures(clause: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut start = None;
    for (offset, piece) in text::enumeration(clause) {
        let item_start = *start.get_or_insert(offset);
        if !figures(piece).is_empty() {
            items.push(&clause[item_start..offset + piece.len()]);
            start = None;
        }
    }
    items
}

/// The verb right before a figure: where it starts, and the change it names (`known` when the verb is
/// one of the table's, rather than just an adverb such as `均`).
struct Verb {
    start: usize,
    change: Option<ChangeKind>,
    known: bool,
}

fn verb_before(left: &str) -> Option<Verb> {
    let mut end = left.len();
    let mut connected = false;
    // `达到` is a verb of its own; strip a connector only when the verb is not one.
    if !VERBS.iter().any(|(verb, _)| left.ends_with(verb)) {
        if let Some(connector) = CONNECTORS.iter().find(|c| left.ends_with(*c)) {
            end -= connector.len();
            connected = true;
        }
    }
    let before = &left[..end];
    if let Some((verb, change)) = VERBS.iter().find(|(verb, _)| before.ends_with(verb)) {
        return Some(Verb {
            start: end - verb.len(),
            change: *change,
            known: true,
        });
    }
    if let Some(adverb) = ADVERBS.iter().find(|a| before.ends_with(*a)) {
        return Some(Verb {
            start: end - adverb.len(),
            change: None,
            known: false,
        });
    }
    connected.then_some(Verb {
        start: end,
        change: None,
        known: false,
    })
}

/// A metric's name found inside a longer text: fillers, a leading year, kind markers and leading verbs
/// removed.
struct Name<'t> {
    text: &'t str,
    /// Where the name starts in the text it was found in.
    start: usize,
    /// The first leading verb that names a change: where it starts, and the change.
    verb: Option<(usize, ChangeKind)>,
    /// The name opens with a verb that names no change (`改造…`), kept in the name.
    action: bool,
}

impl Name<'_> {
    /// The change the leading words express: `Some(None)` for an action verb, `None` for no verb.
    fn leading_change(&self) -> Option<Option<ChangeKind>> {
        match (self.verb, self.action) {
            (Some((_, change)), _) => Some(Some(change)),
            (None, true) => Some(None),
            (None, false) => None,
        }
    }
}

fn strip_leading(text: &str) -> Name<'_> {
    let mut start = 0;
    let mut verb = None;
    loop {
        let before = start;
        let rest = &text[start..];
        let trimmed = rest.trim_start_matches(['、', ' ', '，', ',']);
        start += rest.len() - trimmed.len();
        let rest = &text[start..];
        if let Some(year) = LEADING_YEAR.find(rest) {
            start += year.end();
        } else if let Some(base) = BASE_YEAR.find(rest).filter(|m| m.start() == 0) {
            start += base.end();
        } else if let Some(filler) = FILLERS.iter().find(|f| rest.starts_with(*f)) {
            start += filler.len();
        } else if let Some((word, Some(kind))) = VERBS
            .iter()
            .find(|(word, _)| rest.starts_with(word) && !is_noun_use(&rest[word.len()..]))
        {
            verb.get_or_insert((start, *kind));
            start += word.len();
        }
        if start == before {
            break;
        }
    }
    let name = text[start..].trim_end().trim_end_matches(['的', '均']);
    Name {
        text: name,
        start,
        verb,
        action: ACTION_VERBS.iter().any(|action| name.starts_with(action)),
    }
}

fn is_noun_use(after_verb: &str) -> bool {
    after_verb.starts_with(NOUN_ENDINGS)
}

/// `启航路、北大街等主干道路` → `主干道路`: after a list closed by `等`, the metric is what follows.
fn after_list_etc(metric: &str) -> String {
    match metric.rfind('等') {
        Some(at) if at > 0 => {
            let list = &metric[..at];
            let after = &metric[at + '等'.len_utf8()..];
            let closes_list = list.contains('、') || list.ends_with(['”', '’']);
            if closes_list && !after.is_empty() {
                after.to_string()
            } else {
                metric.to_string()
            }
        }
        _ => metric.to_string(),
    }
}

/// A statement without a number, for main targets and list items (`货物进出口总额保持平稳增长`,
/// `建成南水北调供水厂项目`).
fn worded_statement(clause: &str) -> Option<Statement> {
    let name = strip_leading(clause);
    if name.text.is_empty() {
        return None;
    }
    if let Some((verb_start, change)) = name.verb {
        // The clause opened with a verb: the rest names what is done.
        return Some(Statement {
            metric: name.text.to_string(),
            value_text: clause[verb_start..name.start].to_string(),
            figure: None,
            change: Some(change),
        });
    }
    let predicates = VERBS
        .iter()
        .map(|(word, change)| (*word, *change))
        .chain(COMPARISON_MARKS.iter().map(|mark| (*mark, None)));
    let (at, change) = predicates
        .filter_map(|(word, change)| {
            name.text
                .match_indices(word)
                .map(|(at, _)| at)
                .find(|&at| at > 0 && !is_noun_use(&name.text[at + word.len()..]))
                .map(|at| (at, change))
        })
        .min_by_key(|(at, _)| *at)?;
    Some(Statement {
        metric: name.text[..at].to_string(),
        value_text: name.text[at..].to_string(),
        figure: None,
        change,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(clause: &str) -> (String, String, Option<ChangeKind>) {
        let statements = figure_statements(clause, &mut None);
        assert_eq!(statements.len(), 1, "{clause}: {statements:?}");
        let s = &statements[0];
        (s.metric.clone(), s.value_text.clone(), s.change)
    }

    #[test]
    fn metric_before_verb() {
        assert_eq!(
            one("规模以上工业增加值增长8%以上"),
            (
                "规模以上工业增加值".into(),
                "增长8%以上".into(),
                Some(ChangeKind::Growth)
            )
        );
        assert_eq!(
            one("粮食总产保持在96万吨以上"),
            (
                "粮食总产".into(),
                "保持在96万吨以上".into(),
                Some(ChangeKind::Keep)
            )
        );
        assert_eq!(
            one("全县产值达到37.8万亩以上"),
            (
                "产值".into(),
                "达到37.8万亩以上".into(),
                Some(ChangeKind::Reach)
            )
        );
        assert_eq!(
            one("村集体经济收入均在12万元以上"),
            ("村集体经济收入".into(), "均在12万元以上".into(), None)
        );
    }

    #[test]
    fn verb_first_and_figure_first() {
        assert_eq!(
            one("力争新增农民合作社116家"),
            ("农民合作社".into(), "116家".into(), Some(ChangeKind::New))
        );
        assert_eq!(
            one("完成20个老旧小区提质改造"),
            (
                "老旧小区提质改造".into(),
                "完成20个".into(),
                Some(ChangeKind::Complete)
            )
        );
        assert_eq!(
            one("确保全年引进投资10亿元以上项目1个"),
            (
                "投资10亿元以上项目".into(),
                "1个".into(),
                Some(ChangeKind::New)
            )
        );
        assert_eq!(
            one("新建改造启航路、107国道城区段、北大街等主干道路32条"),
            ("主干道路".into(), "32条".into(), Some(ChangeKind::New))
        );
    }

    #[test]
    fn items_inherit_the_verb() {
        let statements = figure_statements("新增农民合作社116家、家庭农场328家", &mut None);
        let got: Vec<_> = statements
            .iter()
            .map(|s| (s.metric.as_str(), s.value_text.as_str(), s.change))
            .collect();
        assert_eq!(
            got,
            vec![
                ("农民合作社", "116家", Some(ChangeKind::New)),
                ("家庭农场", "328家", Some(ChangeKind::New))
            ]
        );
    }

    #[test]
    fn bare_numbers_are_not_figures() {
        assert!(figures("107国道城区段、5G智慧杆塔、2022年、第11届、300强").is_empty());
        let hedged = figures("超4000吨、3900多家、不少于5个、约7天");
        let qualifiers: Vec<_> = hedged.iter().map(|f| f.figure.qualifier).collect();
        assert_eq!(
            qualifiers,
            vec![
                Some(Qualifier::Over),
                Some(Qualifier::Over),
                Some(Qualifier::NoLessThan),
                Some(Qualifier::About)
            ]
        );
    }

    #[test]
    fn worded_targets() {
        let s = worded_statement("货物进出口总额保持平稳增长").unwrap();
        assert_eq!(
            (s.metric.as_str(), s.value_text.as_str()),
            ("货物进出口总额", "保持平稳增长")
        );
        let s = worded_statement("人均可支配收入与经济增长协调同步").unwrap();
        assert_eq!(
            (s.metric.as_str(), s.value_text.as_str()),
            ("人均可支配收入", "与经济增长协调同步")
        );
        let s = worded_statement("建成南水北调供水厂项目").unwrap();
        assert_eq!(
            (s.metric.as_str(), s.value_text.as_str(), s.change),
            ("南水北调供水厂项目", "建成", Some(ChangeKind::New))
        );
    }
}
