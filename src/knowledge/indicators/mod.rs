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
//!
//! This file places statements (what a figure stands for, from where it is); `statements` finds them in a
//! clause and `names` reads the words around a figure (verbs, metric names).

use super::model::{ChangeKind, FigureKind, Indicator, Paragraph, Period, Report, Sentence};
use super::text::{self, is_colon};
use names::{strip_leading, BASE_YEAR};
use statements::{figure_statements, worded_statement, Statement};

mod names;
mod statements;

/// A clause opening with this names who does the work (`由1名处级干部任组长`), not a statement.
const AGENT_MARK: &str = "由";

/// Phrases that mark the sentence of main expected targets.
const MAIN_TARGET_MARK: &str = "预期目标";
/// Markers of a review part, besides the year before the report.
const REVIEW_MARKS: [&str; 2] = ["过去", "回顾"];
const FIVE_YEAR_MARK: &str = "五年";
const YEARLY_AVERAGE_MARK: &str = "年均";
const TOTAL_MARK: &str = "累计";

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

/// The report's verbs for a change (增长, 提高, 净增 …): a question with one asks for a change, not a level.
pub fn change_verbs() -> impl Iterator<Item = &'static str> {
    names::VERBS
        .iter()
        .filter(|(_, change)| change.is_some_and(ChangeKind::is_change))
        .map(|(verb, _)| *verb)
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
            part.paragraphs()
                .next()
                .map(Paragraph::text)
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
        for paragraph in part.paragraphs() {
            ParagraphReader::new(years, tense, &mut records).read(paragraph);
        }
    }
    records
}

/// The length of the term a report's review looks back on (过去五年): its figures run from the plan year
/// less this to the year before the plan.
const TERM_YEARS: i32 = 5;

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
            five_from: plan - TERM_YEARS,
        }
    }
}

/// A statement with the kind of figure its place in the report gives it, and the base year of a change.
struct Placed {
    statement: Statement,
    kind: FigureKind,
    base: Option<i32>,
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
            let item = sentence.item;
            let in_group = match (item, group.as_ref()) {
                (Some(_), Some(_)) => true,
                _ => {
                    *group = None;
                    false
                }
            };
            let item_number = item.filter(|_| in_group);
            let body = if in_group {
                sentence.without_item_number()
            } else {
                sentence.text.as_str()
            };
            let statements = self.read_sentence(body, &mut state, in_group);
            self.push(sentence, statements, group.as_deref(), item_number);
            let opens_list = sentence.text.ends_with(is_colon)
                && chain
                    .get(index + 1)
                    .is_some_and(|next| next.item == Some(1));
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
