//! What the question's intent and time words say about a unit, on top of how much of its topic the unit
//! covers: a figure for a number question, the entry for a definition, the right year and kind of figure.

use crate::knowledge::{FigureKind, GlossaryEntry, Period};
use crate::search::question::{Intent, Question};

use super::super::catalog::{paragraph, Unit};
use super::lists::asks_list;
use super::plan_outcome::OutcomeAsked;
use super::qualifier::adds_unasked_number;
use super::sides::is_target;
use super::weights::*;
use super::Engine;

impl Engine {
    /// What the question's intent and time say about a unit, on top of its coverage, and whether the unit is
    /// about another year than the one asked for; `outcome_asked` is read once per question by the ranking.
    pub(super) fn fit(
        &self,
        question: &Question,
        outcome_asked: OutcomeAsked,
        question_terms: &[u32],
        doc: u32,
        coverage: f32,
    ) -> (f32, bool) {
        let years = &question.time.years;
        match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => {
                let indicator = &self.library.reports[report].indicators[index];
                let intent = match question.intent {
                    Intent::Number => FIGURE_FOR_NUMBER,
                    Intent::Definition => FIGURE_FOR_DEFINITION,
                    Intent::General => 0.0,
                };
                let how = if question.asks_how {
                    FIGURE_FOR_HOW
                } else {
                    0.0
                };
                let item = match (question.ordinal, indicator.item) {
                    (Some(wanted), Some(item)) if wanted == item => ORDINAL_ITEM,
                    (Some(_), Some(_)) => OTHER_ITEM,
                    _ => 0.0,
                };
                let conflict = plan_for_now(question, indicator.kind)
                    || past_for_plan(question, indicator.kind)
                    || plan_for_past(question, indicator.kind)
                    || plan_as_outcome(indicator.kind, outcome_asked)
                    || year_match(years, indicator.period) == Some(false);
                (
                    intent
                        + how
                        + item
                        + NAME_PRECISION_WEIGHT * self.name_precision(doc, question_terms)
                        - if adds_unasked_number(&indicator.metric, &question.search_text) {
                            UNASKED_QUALIFIER
                        } else {
                            0.0
                        }
                        + time_fit(question, indicator.kind, indicator.period),
                    conflict,
                )
            }
            Unit::Glossary { report, index } => {
                let entry = &self.library.reports[report].glossary[index];
                let named = coverage > 0.0 && self.names(entry, question);
                let fit = match (question.intent, named) {
                    (Intent::Definition, true) => DEFINITION_OF_TERM,
                    (Intent::Definition, false) => DEFINITION_OF_OTHER,
                    // How something is done is the plan's to say, not the definition's.
                    (Intent::General, true) if question.asks_how => 0.0,
                    (Intent::General, true) => ENTRY_NAMED,
                    (Intent::Number, _) => ENTRY_FOR_NUMBER,
                    (Intent::General, false) => 0.0,
                };
                (fit, false)
            }
            Unit::List { report, index } => {
                let list = &self.library.reports[report].lists[index];
                let item = question.ordinal.map_or(0.0, |wanted| {
                    if list.items.iter().any(|item| item.number == wanted) {
                        ORDINAL_ITEM
                    } else {
                        OTHER_ITEM
                    }
                });
                // A list's name alone (十件惠民工程, sjhmgc), or asked what it is (十件惠民工程是啥), asks
                // what the list holds.
                let named_alone = matches!(question.intent, Intent::General | Intent::Definition)
                    && question.search_text.trim().chars().count() >= MIN_LIST_NAME_CHARS
                    && list.name.contains(question.search_text.trim());
                let asked =
                    if asks_list(&question.normalized) || question.ordinal.is_some() || named_alone
                    {
                        LIST_ASKED
                    } else {
                        LIST_NOT_ASKED
                    };
                // A list of one period's plan or results is no answer for another year's, and a list of
                // the plan none for what has been done by now (现在十件惠民工程是哪些 asks for the plan).
                let done_by_now = (question.wants_result || question.intent == Intent::Number)
                    && plan_for_now(question, FigureKind::TaskTarget);
                // Nor is the plan's list what the past five years did (过去五年改造了多少个) or how they
                // went (which grew faster over five years).
                let done_before = question.time.past_five_years && !question.wants_target;
                // A number asked of one thing is its figure's to give, not a list's that states it
                // among others (今年GDP实际增长了多少 is no question for the year's list of targets).
                let figure_asked = question.intent == Intent::Number && asked == LIST_NOT_ASKED;
                let conflict = figure_asked
                    || self.catalog.part_period(doc).is_some_and(|period| {
                        year_match(years, period) == Some(false)
                            || period.last_year() >= self.reader.report_year()
                                && (done_by_now || done_before || outcome_asked != OutcomeAsked::No)
                    });
                (asked + item, conflict)
            }
            Unit::Sentence(at) => {
                let figures = self.catalog.figures(doc);
                let how = if question.asks_how {
                    SENTENCE_FOR_HOW
                } else {
                    0.0
                };
                // 第六件 of a list: the sentence numbered 6, not the list's heading.
                let how = how
                    + question.ordinal.map_or(0.0, |wanted| {
                        if paragraph(&self.library, at).sentences[at.sentence].item == Some(wanted)
                        {
                            ORDINAL_ITEM
                        } else {
                            OTHER_ITEM
                        }
                    });
                if figures.is_empty() {
                    let year_named = years
                        .iter()
                        .any(|year| self.catalog.written_years(doc).contains(year));
                    // A number question wants a number.
                    let numberless =
                        question.intent == Intent::Number && !self.catalog.has_digits(doc);
                    // Without figures of its own, a sentence is about the years of its part.
                    let part_year = match self.catalog.part_period(doc) {
                        Some(period) if !year_named => match year_match(years, period) {
                            Some(true) => PART_YEAR,
                            Some(false) => -PART_YEAR,
                            // 过去五年 and 取得了什么成绩 ask about the years under review, 目标 about
                            // the plan.
                            None => {
                                let plan_year = self.reader.report_year();
                                let past = period.last_year() < plan_year;
                                match (question.wants_result, question.wants_target) {
                                    _ if question.time.past_five_years => {
                                        if past {
                                            REVIEW_FOR_FIVE_YEARS
                                        } else {
                                            -REVIEW_FOR_FIVE_YEARS
                                        }
                                    }
                                    (true, false) if past => PART_YEAR,
                                    (false, true) if !past => PART_YEAR,
                                    (true, false) | (false, true) => -PART_YEAR,
                                    _ => 0.0,
                                }
                            }
                        },
                        _ => 0.0,
                    };
                    let fit = if year_named { YEAR_WRITTEN } else { 0.0 } + part_year + how
                        - if numberless { NUMBERLESS_PENALTY } else { 0.0 };
                    // The plan's words do not say how its year ended, nor anything of a year before it
                    // they do not write (2021年西平旅游收入 is not 加快发展旅游城市).
                    let plan_year = self.reader.report_year();
                    let of_plan = self.of_plan(doc, plan_year);
                    let before_plan =
                        !year_named && !years.is_empty() && years.iter().all(|&y| y < plan_year);
                    let conflict = of_plan && (outcome_asked != OutcomeAsked::No || before_plan);
                    return (fit, conflict);
                }
                // A sentence is about the years of the figures it states.
                let fit = figures
                    .iter()
                    .map(|&(kind, period)| time_fit(question, kind, period))
                    .fold(f32::MIN, f32::max);
                let conflict = !years.is_empty()
                    && figures
                        .iter()
                        .all(|&(_, period)| year_match(years, period) == Some(false))
                    || figures.iter().all(|&(kind, _)| {
                        plan_for_now(question, kind)
                            || past_for_plan(question, kind)
                            || plan_for_past(question, kind)
                            || plan_as_outcome(kind, outcome_asked)
                    });
                (SENTENCE_TIME_SHARE * fit + how, conflict)
            }
        }
    }

    /// The share of a unit's name (an indicator's metric) the question says: `亿元以上项目` fits "亿元以上项目
    /// 多少个" better than `投资10亿元以上项目` does.
    pub(super) fn name_precision(&self, doc: u32, question_terms: &[u32]) -> f32 {
        let name = &self.index.doc_words(doc).name;
        if name.is_empty() {
            return 0.0;
        }
        let said = name
            .iter()
            .filter(|term| question_terms.binary_search(term).is_ok())
            .count();
        said as f32 / name.len() as f32
    }

    /// Whether the question names the glossary entry's term.
    pub(super) fn names(&self, entry: &GlossaryEntry, question: &Question) -> bool {
        self.catalog
            .doc_of(&entry.id)
            .is_some_and(|doc| self.catalog.names_glossary_term(doc, &question.search_text))
    }
}

/// How well a figure's kind and period fit the question's time words.
fn time_fit(question: &Question, kind: FigureKind, period: Period) -> f32 {
    let time = &question.time;
    let five_year = matches!(
        kind,
        FigureKind::FiveYearTotal | FigureKind::YearlyAverage | FigureKind::ChangeSinceBase
    );
    let target = is_target(kind);
    let mut fit = 0.0;
    if time.yearly_average {
        fit += if kind == FigureKind::YearlyAverage {
            AVERAGE_ASKED
        } else {
            NOT_AVERAGE_ASKED
        };
    }
    if time.past_five_years {
        fit += if five_year {
            FIVE_YEARS_ASKED
        } else if target {
            TARGET_FOR_FIVE_YEARS
        } else {
            0.0
        };
    }
    if !time.years.is_empty() {
        // Two years asked together (2021年比2017年) want what joins them more than the value of one.
        let one_of_two = if time.years.len() > 1 {
            ONE_OF_TWO_YEARS
        } else {
            SAME_YEAR
        };
        let fits_year = |year: i32| match period {
            Period::Year { year: y } => {
                if y == year {
                    one_of_two
                } else {
                    OTHER_YEAR
                }
            }
            Period::Years { from, to } => {
                if year == from || year == to {
                    PERIOD_END
                } else if (from..=to).contains(&year) {
                    0.0
                } else {
                    OTHER_YEAR
                }
            }
        };
        let spans_both_ends = kind == FigureKind::ChangeSinceBase
            && match period {
                Period::Years { from, to } => {
                    time.years.contains(&from) && time.years.contains(&to)
                }
                Period::Year { .. } => false,
            };
        // "2021年比2017年": a change over the period, not the value of one of its years.
        fit += if spans_both_ends {
            CHANGE_OVER_YEARS_ASKED
        } else {
            time.years
                .iter()
                .map(|&year| fits_year(year))
                .fold(f32::MIN, f32::max)
        };
    }
    if time.years.is_empty() && !time.past_five_years {
        if question.wants_target {
            fit += if target {
                TARGET_ASKED
            } else {
                NOT_TARGET_ASKED
            };
        } else if question.wants_result {
            // What was achieved: last year's results first, then the five years'.
            fit += match kind {
                FigureKind::Result => RESULT_ASKED,
                _ if five_year => FIVE_YEARS_FOR_RESULT,
                _ => OTHER_FOR_RESULT,
            };
        } else {
            fit += match kind {
                FigureKind::Result => UNTIMED_RESULT,
                FigureKind::MainTarget => UNTIMED_TARGET,
                _ => 0.0,
            };
        }
    } else if question.wants_target && !target {
        fit += NOT_TARGET_ASKED;
    }
    fit
}

/// Whether a figure's period is one of the years asked for (`None` when the question names no year).
/// Whether a figure is a target asked for as the present: 目前有多少家高新技术企业 asks what there is,
/// which a target to reach (新培育4家) is not.
fn plan_for_now(question: &Question, kind: FigureKind) -> bool {
    question.time.now
        && question.time.years.is_empty()
        && !question.wants_target
        && !question.time.future_plan
        && is_target(kind)
}

/// Whether a target of the report's own year is asked as that year's outcome (2022年GDP实际增长了多少).
fn plan_as_outcome(kind: FigureKind, outcome: OutcomeAsked) -> bool {
    outcome != OutcomeAsked::No && is_target(kind)
}

/// Whether a figure of the years before the report, or a target of its own year, is asked as a plan ahead
/// (十四五末生产总值要达到多少, 今后五年年均增长多少): a result reached is no figure planned, this year's
/// target is no figure of the years after it, and the report plans no figures beyond its year.
fn past_for_plan(question: &Question, kind: FigureKind) -> bool {
    question.time.future_plan
        && question.time.years.is_empty()
        && !question.time.past_five_years
        && matches!(
            kind,
            FigureKind::Result
                | FigureKind::FiveYearTotal
                | FigureKind::YearlyAverage
                | FigureKind::ChangeSinceBase
                | FigureKind::MainTarget
                | FigureKind::TaskTarget
        )
}

/// Whether a target of the year ahead is asked as what the past five years did (过去五年一共改造了多少个
/// 老旧小区): the plan is no result, unless the question asks for the target too.
fn plan_for_past(question: &Question, kind: FigureKind) -> bool {
    question.time.past_five_years
        && question.time.years.is_empty()
        && !question.wants_target
        && !question.time.future_plan
        && is_target(kind)
}

fn year_match(years: &[i32], period: Period) -> Option<bool> {
    if years.is_empty() {
        return None;
    }
    Some(years.iter().any(|year| period.years().contains(year)))
}
