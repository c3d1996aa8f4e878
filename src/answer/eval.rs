//! Measuring answer quality over a question set: hit@1, hit@3, MRR, the out-of-scope rejection rate and the
//! share of wrong answers (answered, but not with the right figure or passage), per category.
//!
//! The question set is a TSV file: `category`, `question`, `expected`. `expected` is `-` for a question the
//! report does not answer, `smalltalk` for a courtesy the bot should answer as such; otherwise alternatives
//! separated by `|`, each `id:<unit id>`, `answer:<text>` (the direct answer must contain the text: a
//! computed figure), or a piece of report text the right hit's text (or, at rank 1, the direct answer)
//! contains. A question of several turns writes them separated by ` >> `; the last one is scored.

use std::fmt;

use super::engine::Engine;
use super::types::{Answer, Hit, HitKind, Outcome};

/// Why a question set could not be read.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("line {line}: expected 3 tab-separated columns (category, question, expected)")]
    Columns { line: usize },
    #[error("line {line}: empty expectation")]
    Expectation { line: usize },
}

/// What counts as a right hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expectation {
    Id(String),
    Text(String),
    /// The direct answer contains this (spaces aside): a figure the engine computes.
    Answer(String),
}

/// Separates the turns of a conversation in the question column.
pub const TURN_SEPARATOR: &str = " >> ";
/// The expected column of a courtesy (你好, 谢谢) rather than a question about the report.
pub const SMALL_TALK: &str = "smalltalk";

/// One question of the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub line: usize,
    pub category: String,
    /// The question scored: the last turn.
    pub question: String,
    /// The turns before it, in order, asked in the same conversation.
    pub before: Vec<String>,
    /// Empty for an out-of-scope question or small talk.
    pub expected: Vec<Expectation>,
    pub small_talk: bool,
}

impl Case {
    pub fn out_of_scope(&self) -> bool {
        self.expected.is_empty() && !self.small_talk
    }
}

/// Reads a question set; `#` lines, blank lines and the header row are skipped.
pub fn parse_cases(text: &str) -> Result<Vec<Case>, EvalError> {
    let mut cases = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("category\t") {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let [category, question, expected] = columns[..] else {
            return Err(EvalError::Columns { line: line_no });
        };
        let expected = expected.trim();
        let small_talk = expected == SMALL_TALK;
        let expected = if expected == "-" || small_talk {
            Vec::new()
        } else {
            let alternatives: Vec<Expectation> = expected
                .split('|')
                .map(str::trim)
                .filter(|alternative| !alternative.is_empty())
                .map(|alternative| {
                    if let Some(id) = alternative.strip_prefix("id:") {
                        Expectation::Id(id.to_owned())
                    } else if let Some(text) = alternative.strip_prefix("answer:") {
                        Expectation::Answer(text.to_owned())
                    } else {
                        Expectation::Text(alternative.to_owned())
                    }
                })
                .collect();
            if alternatives.is_empty() {
                return Err(EvalError::Expectation { line: line_no });
            }
            alternatives
        };
        let mut turns: Vec<String> = question
            .split(TURN_SEPARATOR)
            .map(|turn| turn.trim().to_owned())
            .collect();
        let question = turns.pop().unwrap_or_default();
        cases.push(Case {
            line: line_no,
            category: category.trim().to_owned(),
            question,
            before: turns,
            expected,
            small_talk,
        });
    }
    Ok(cases)
}

/// The 1-based rank of the first hit that meets an expectation, if any.
pub fn rank_of_right_hit(answer: &Answer, expected: &[Expectation]) -> Option<usize> {
    rank_with_sources(answer, expected, &|_| None)
}

/// [`rank_of_right_hit`], where an indicator hit also meets a piece of report text that its source sentence
/// contains when that text states the hit's own figure: `source` gives a hit's sentence and figure (`年均增长
/// 7.2%` is the record `生产总值增长7.2%`, written as the report writes it).
pub fn rank_with_sources(
    answer: &Answer,
    expected: &[Expectation],
    source: &dyn Fn(&Hit) -> Option<(String, String)>,
) -> Option<usize> {
    if !answer.answered() {
        return None;
    }
    answer
        .hits()
        .iter()
        .position(|hit| {
            let source = source(hit);
            expected.iter().any(|expectation| match expectation {
                Expectation::Id(id) => hit.id == id.as_str(),
                Expectation::Answer(_) => false,
                Expectation::Text(text) => {
                    hit.text.contains(text.as_str())
                        || (hit.kind == HitKind::Glossary
                            && glossary_written(hit).contains(text.as_str()))
                        || source.as_ref().is_some_and(|(sentence, figure)| {
                            sentence.contains(text.as_str()) && states_figure(text, figure)
                        })
                }
            })
        })
        .map(|index| index + 1)
        .or_else(|| {
            let direct = answer.direct()?;
            let without_spaces = |text: &str| text.split_whitespace().collect::<String>();
            let direct_bare = without_spaces(direct);
            expected
                .iter()
                .any(|e| match e {
                    Expectation::Text(text) => direct.contains(text.as_str()),
                    Expectation::Answer(text) => direct_bare.contains(&without_spaces(text)),
                    Expectation::Id(_) => false,
                })
                .then_some(1)
        })
}

/// A glossary hit's entry as the report writes it: its number and headword (the last step of its citation,
/// `8.四个意识`), then its verbatim excerpt without the headword again (`四个意识:指…` → `8.四个意识:指…`).
/// An expectation copied from the report's glossary is met by the entry it was copied from.
fn glossary_written(hit: &Hit) -> String {
    let numbered = hit.citation.rsplit(" › ").next().unwrap_or_default();
    let number = numbered
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .map_or("", |at| &numbered[..at]);
    format!("{number}{}", hit.excerpt)
}

/// Whether `text` states every number of `figure` (`68个贫困村` states `68个`; `1068个` does not); a figure
/// without a number (`建成`) is stated when the text says it.
fn states_figure(text: &str, figure: &str) -> bool {
    let numbers = |text: &str| -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut spans = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                    i += 1;
                }
                spans.push((start, i));
            } else {
                i += 1;
            }
        }
        spans
    };
    let wanted = numbers(figure);
    if wanted.is_empty() {
        return !figure.is_empty() && text.contains(figure);
    }
    let found: Vec<&str> = numbers(text)
        .into_iter()
        .map(|(a, b)| &text[a..b])
        .collect();
    !wanted.is_empty() && wanted.iter().all(|&(a, b)| found.contains(&&figure[a..b]))
}

/// How one question went.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub case: Case,
    /// The engine answered from the report (not a refusal, not small talk).
    pub answered: bool,
    /// The engine recognised small talk.
    pub small_talk: bool,
    pub rank: Option<usize>,
    /// The top hit's text, or the direct answer, for reading failures.
    pub top: Option<String>,
}

impl CaseResult {
    /// Right at rank 1 for an answerable question, rejected for an out-of-scope one, recognised for small
    /// talk.
    pub fn passed(&self) -> bool {
        if self.case.small_talk {
            self.small_talk
        } else if self.case.out_of_scope() {
            !self.answered
        } else {
            self.rank == Some(1)
        }
    }

    /// Answered from the report, but not with the right figure or passage: worse than a refusal.
    pub fn wrong(&self) -> bool {
        self.answered && (self.case.out_of_scope() || self.case.small_talk || self.rank != Some(1))
    }
}

/// Figures for a group of answerable questions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    pub questions: usize,
    pub hit_at_1: f64,
    pub hit_at_3: f64,
    pub mrr: f64,
}

/// The whole evaluation.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub outcomes: Vec<CaseResult>,
}

impl Evaluation {
    /// Answerable questions of one category, or of all categories with `None`.
    pub fn scores(&self, category: Option<&str>) -> Scores {
        let outcomes: Vec<&CaseResult> = self
            .outcomes
            .iter()
            .filter(|o| !o.case.out_of_scope())
            .filter(|o| category.is_none_or(|c| o.case.category == c))
            .collect();
        let n = outcomes.len();
        if n == 0 {
            return Scores::default();
        }
        let count =
            |f: &dyn Fn(&CaseResult) -> bool| outcomes.iter().filter(|o| f(o)).count() as f64;
        Scores {
            questions: n,
            hit_at_1: count(&|o| o.rank == Some(1)) / n as f64,
            hit_at_3: count(&|o| o.rank.is_some_and(|r| r <= 3)) / n as f64,
            mrr: outcomes
                .iter()
                .map(|o| o.rank.map_or(0.0, |r| 1.0 / r as f64))
                .sum::<f64>()
                / n as f64,
        }
    }

    /// (out-of-scope questions, how many were rejected)
    pub fn rejection(&self) -> (usize, usize) {
        let out: Vec<&CaseResult> = self
            .outcomes
            .iter()
            .filter(|o| o.case.out_of_scope())
            .collect();
        (out.len(), out.iter().filter(|o| !o.answered).count())
    }

    /// Share of all questions answered wrongly (see [`CaseResult::wrong`]).
    pub fn wrong_share(&self) -> f64 {
        let wrong = self.outcomes.iter().filter(|o| o.wrong()).count();
        wrong as f64 / self.outcomes.len().max(1) as f64
    }

    /// Share of out-of-scope questions that got no answer (1.0 when there are none).
    pub fn rejection_rate(&self) -> f64 {
        match self.rejection() {
            (0, _) => 1.0,
            (total, rejected) => rejected as f64 / total as f64,
        }
    }

    /// Categories in the order they first appear.
    pub fn categories(&self) -> Vec<&str> {
        let mut categories: Vec<&str> = Vec::new();
        for outcome in &self.outcomes {
            if !categories.contains(&outcome.case.category.as_str()) {
                categories.push(&outcome.case.category);
            }
        }
        categories
    }

    pub fn failures(&self) -> impl Iterator<Item = &CaseResult> {
        self.outcomes.iter().filter(|o| !o.passed())
    }
}

impl fmt::Display for Evaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<14}{:>6}{:>8}{:>8}{:>8}{:>10}{:>7}",
            "category", "n", "hit@1", "hit@3", "MRR", "rejected", "wrong"
        )?;
        for category in self.categories() {
            let in_category = |o: &&CaseResult| o.case.category == category;
            let out: Vec<&CaseResult> = self
                .outcomes
                .iter()
                .filter(in_category)
                .filter(|o| o.case.out_of_scope())
                .collect();
            let scores = self.scores(Some(category));
            let rejected = if out.is_empty() {
                String::new()
            } else {
                let rejected = out.iter().filter(|o| !o.answered).count();
                format!("{rejected}/{}", out.len())
            };
            // Where the wrong answers are, without saying which questions: a blind set's table stays blind.
            let wrong = self
                .outcomes
                .iter()
                .filter(in_category)
                .filter(|o| o.wrong())
                .count();
            if scores.questions > 0 {
                writeln!(
                    f,
                    "{:<14}{:>6}{:>8.3}{:>8.3}{:>8.3}{:>10}{:>7}",
                    category,
                    scores.questions + out.len(),
                    scores.hit_at_1,
                    scores.hit_at_3,
                    scores.mrr,
                    rejected,
                    wrong
                )?;
            } else {
                writeln!(
                    f,
                    "{:<14}{:>6}{:>8}{:>8}{:>8}{:>10}{:>7}",
                    category,
                    out.len(),
                    "",
                    "",
                    "",
                    rejected,
                    wrong
                )?;
            }
        }
        let all = self.scores(None);
        let (total, rejected) = self.rejection();
        writeln!(
            f,
            "{:<14}{:>6}{:>8.3}{:>8.3}{:>8.3}{:>10}",
            "answerable", all.questions, all.hit_at_1, all.hit_at_3, all.mrr, ""
        )?;
        writeln!(
            f,
            "out-of-scope rejection rate: {:.3} ({rejected}/{total})",
            self.rejection_rate()
        )?;
        write!(
            f,
            "wrong answers: {:.3} of all questions ({}/{})",
            self.wrong_share(),
            self.outcomes.iter().filter(|o| o.wrong()).count(),
            self.outcomes.len()
        )
    }
}

/// Asks every question of the set.
pub fn evaluate(engine: &Engine, cases: &[Case]) -> Evaluation {
    let outcomes = cases
        .iter()
        .map(|case| {
            // Turns before the last are asked first, in the same conversation, as a user would.
            let mut previous = None;
            for turn in &case.before {
                previous = Some(engine.ask_after(previous.as_ref(), turn).1);
            }
            let (answer, _) = engine.ask_after(previous.as_ref(), &case.question);
            let source = |hit: &Hit| indicator_source(engine, hit);
            let top = answer
                .hits()
                .first()
                .map(|hit| hit.text.clone())
                .or_else(|| answer.direct().map(str::to_owned));
            let small_talk = matches!(answer.outcome, Outcome::SmallTalk(_));
            let rank = if case.small_talk {
                small_talk.then_some(1)
            } else {
                rank_with_sources(&answer, &case.expected, &source)
            };
            CaseResult {
                rank,
                answered: answer.answered(),
                small_talk,
                top,
                case: case.clone(),
            }
        })
        .collect();
    Evaluation { outcomes }
}

/// An indicator hit's source sentence and figure, as the report writes them.
fn indicator_source(engine: &Engine, hit: &Hit) -> Option<(String, String)> {
    if hit.kind != HitKind::Indicator {
        return None;
    }
    let indicator = engine
        .library()
        .reports
        .iter()
        .flat_map(|report| &report.indicators)
        .find(|indicator| hit.id == indicator.id.as_str())?;
    let passage = engine.passage(hit.id.as_str())?;
    let sentence = passage.text.get(passage.focus?)?.to_owned();
    Some((sentence, indicator.value_text.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::types::{Answered, Refusal, RefusalReason};
    use crate::knowledge::UnitId;

    #[test]
    fn a_question_set_is_read_with_alternatives_and_ids() {
        let cases = parse_cases(
            "# comment\ncategory\tquestion\texpected\ntarget\t问\t8%左右|id:r/g1\noos\t天气\t-\n",
        )
        .expect("valid");
        assert_eq!(cases.len(), 2);
        assert_eq!(
            cases[0].expected,
            vec![
                Expectation::Text("8%左右".into()),
                Expectation::Id("r/g1".into())
            ]
        );
        assert!(cases[1].out_of_scope());
        assert!(matches!(
            parse_cases("a\tb\n"),
            Err(EvalError::Columns { line: 1 })
        ));
        assert!(matches!(
            parse_cases("a\tb\t|\n"),
            Err(EvalError::Expectation { line: 1 })
        ));
    }

    fn answered(direct: Option<&str>, hits: Vec<Hit>) -> Answer {
        Answer {
            question: "q".into(),
            outcome: Outcome::Answered(Answered {
                direct: direct.map(str::to_owned),
                hits,
                glossary_refs: Vec::new(),
                more: false,
            }),
        }
    }

    fn hit(id: &str, text: &str) -> Hit {
        Hit {
            kind: HitKind::Passage,
            id: UnitId::new(id),
            text: text.into(),
            excerpt: text.into(),
            highlights: Vec::new(),
            citation: String::new(),
            score: 0.0,
        }
    }

    #[test]
    fn the_rank_is_that_of_the_first_right_hit() {
        let answer = answered(
            Some("直接：95.9万吨"),
            vec![hit("a", "96万吨以上"), hit("b", "达95.9万吨")],
        );
        assert_eq!(
            rank_of_right_hit(&answer, &[Expectation::Text("95.9万吨".into())]),
            Some(2)
        );
        assert_eq!(
            rank_of_right_hit(&answer, &[Expectation::Id("a".into())]),
            Some(1)
        );
        assert_eq!(
            rank_of_right_hit(&answer, &[Expectation::Text("直接".into())]),
            Some(1)
        );
        assert_eq!(
            rank_of_right_hit(&answer, &[Expectation::Text("不在".into())]),
            None
        );
        let unanswered = Answer {
            question: "q".into(),
            outcome: Outcome::Refused(Refusal {
                reason: RefusalReason::NotInReport,
                suggestions: Vec::new(),
            }),
        };
        assert_eq!(
            rank_of_right_hit(&unanswered, &[Expectation::Id("a".into())]),
            None
        );
    }

    #[test]
    fn an_indicator_hit_meets_its_sentence_when_the_text_states_its_figure() {
        let indicator = Hit {
            kind: HitKind::Indicator,
            ..hit("r/1.0.1.1#2", "2017—2021年累计：贫困村如期出列68个")
        };
        let answer = answered(None, vec![indicator]);
        let sentence = "68个贫困村如期出列,16406户贫困户全部脱贫。";
        let source = |_: &Hit| Some((sentence.to_owned(), "68个".to_owned()));
        let text = |t: &str| [Expectation::Text(t.into())];
        assert_eq!(
            rank_with_sources(&answer, &text("68个贫困村"), &source),
            Some(1)
        );
        // Another figure of the same sentence is another record's answer.
        assert_eq!(rank_with_sources(&answer, &text("16406户"), &source), None);
        assert_eq!(rank_of_right_hit(&answer, &text("68个贫困村")), None);
    }

    #[test]
    fn a_figure_without_a_number_is_stated_by_text_that_says_it() {
        let indicator = Hit {
            kind: HitKind::Indicator,
            ..hit("r/3.6.3.8#1", "2022年目标任务：南水北调供水厂项目建成")
        };
        let answer = answered(None, vec![indicator]);
        let sentence = "6.建成南水北调供水厂项目,让西平人民喝上幸福水。";
        let source = |_: &Hit| Some((sentence.to_owned(), "建成".to_owned()));
        let text = |t: &str| [Expectation::Text(t.into())];
        assert_eq!(
            rank_with_sources(&answer, &text("6.建成南水北调供水厂项目"), &source),
            Some(1)
        );
        assert_eq!(
            rank_with_sources(&answer, &text("让西平人民喝上幸福水"), &source),
            None
        );
    }

    #[test]
    fn a_glossary_hit_meets_its_entry_as_the_report_writes_it() {
        let mut entry = hit("r/g2", "四美乡村：指农村环境美、田园美、村庄美、庭院美。");
        entry.kind = HitKind::Glossary;
        entry.excerpt = "四美乡村:指农村环境美、田园美、村庄美、庭院美。".into();
        let passage = Hit {
            excerpt: entry.excerpt.clone(),
            ..hit("r/1.1", "创建更多“四美乡村”。")
        };
        entry.citation = "《报告》名词解释 › 2.四美乡村".into();
        let text = [Expectation::Text("四美乡村:指农村环境美".into())];
        assert_eq!(
            rank_of_right_hit(&answered(None, vec![entry.clone()]), &text),
            Some(1)
        );
        // Its number as the glossary writes it, before the headword, is the entry's too; another's is not.
        let numbered = [Expectation::Text("2.四美乡村".into())];
        assert_eq!(
            rank_of_right_hit(&answered(None, vec![entry.clone()]), &numbered),
            Some(1)
        );
        let other = [Expectation::Text("12.四美乡村".into())];
        assert_eq!(
            rank_of_right_hit(&answered(None, vec![entry]), &other),
            None
        );
        // A passage is judged by its sentence, not by the context around it.
        assert_eq!(
            rank_of_right_hit(&answered(None, vec![passage]), &text),
            None
        );
    }
}
