//! The bodies of the `ask`, `chat`, `eval` and `bench` subcommands, over any reader and writer so tests can drive
//! them.

use std::io::{self, BufRead, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::knowledge::{Library, ToKnowledgeSource};
use crate::search::dictionary::reduce;
use crate::search::tokenizer::shared_jieba;

use super::engine::{Engine, EngineError, HITS_PER_PAGE};
use super::eval::{evaluate, parse_cases, Case, EvalError};
use super::render::render_plain;
use super::types::Answer;
use super::vocabulary::{base_dictionary_text, read_base_dictionary, segmenter_dictionary};

/// The `ask --json` object: the answer's fields plus the rendered reply.
#[derive(Serialize)]
struct AskJson<'a> {
    #[serde(flatten)]
    answer: &'a Answer,
    reply: String,
}

/// One answer as `ask` prints it: the reply, or one JSON object on one line.
pub fn format_answer(answer: &Answer, json: bool) -> String {
    let reply = render_plain(answer);
    if json {
        serde_json::to_string(&AskJson { answer, reply })
            .unwrap_or_else(|error| format!("{{\"error\":\"{error}\"}}"))
    } else {
        reply
    }
}

/// `report-bot ask [--json] [QUESTION]`: answers the question, or every line of `input` when there is none,
/// one line of output per question line.
pub fn ask(
    engine: &Engine,
    question: Option<&str>,
    json: bool,
    input: impl BufRead,
    mut out: impl Write,
) -> io::Result<()> {
    if let Some(question) = question {
        return writeln!(out, "{}", format_answer(&engine.ask(question), json));
    }
    for line in input.lines() {
        let line = line?;
        let formatted = format_answer(&engine.ask(line.trim_end_matches('\r')), json);
        // A plain reply spans lines; from stdin each question gets exactly one line back.
        writeln!(out, "{}", formatted.replace('\n', " "))?;
    }
    out.flush()
}

/// `report-bot chat`: an interactive console. `更多` shows the next results, `原文 N` the whole paragraph of
/// hit N, `退出` (or end of input) leaves.
pub fn chat(engine: &Engine, input: impl BufRead, mut out: impl Write) -> io::Result<()> {
    writeln!(
        out,
        "请提问（“更多”看更多结果，“原文 N”看第N条的整段原文，“退出”离开）。"
    )?;
    let mut last_question: Option<String> = None;
    let mut offset = 0;
    let mut last_hits: Vec<String> = Vec::new();
    write!(out, "问> ")?;
    out.flush()?;
    for line in input.lines() {
        let line = line?;
        let line = line.trim();
        match line {
            "" => {}
            "退出" | "exit" | "quit" => break,
            "更多" | "more" => match &last_question {
                Some(question) => {
                    offset += HITS_PER_PAGE;
                    let answer = engine.ask_more(question, offset);
                    if answer.hits.is_empty() {
                        writeln!(out, "没有更多结果了。")?;
                    } else {
                        last_hits = answer.hits.iter().map(|hit| hit.id.clone()).collect();
                        writeln!(out, "{}", render_plain(&answer))?;
                    }
                }
                None => writeln!(out, "请先提一个问题。")?,
            },
            _ => {
                let wanted = line
                    .strip_prefix("原文")
                    .and_then(|rest| rest.trim().parse::<usize>().ok());
                match wanted {
                    Some(n) => match last_hits
                        .get(n.wrapping_sub(1))
                        .and_then(|id| engine.passage(id))
                    {
                        Some(passage) => {
                            writeln!(out, "{}\n   出处：{}", passage.text, passage.citation)?
                        }
                        None => writeln!(out, "没有第{n}条结果。")?,
                    },
                    None => {
                        let answer = engine.ask(line);
                        last_question = Some(line.to_owned());
                        offset = 0;
                        last_hits = answer.hits.iter().map(|hit| hit.id.clone()).collect();
                        writeln!(out, "{}", render_plain(&answer))?;
                    }
                }
            }
        }
        write!(out, "\n问> ")?;
        out.flush()?;
    }
    writeln!(out)?;
    out.flush()
}

/// Reads a question set file (see [`super::eval`] for the format).
pub fn read_cases(path: &Path) -> Result<Vec<Case>, CasesError> {
    let text = std::fs::read_to_string(path).map_err(|source| CasesError::Read {
        path: path.display().to_string(),
        source,
    })?;
    parse_cases(&text).map_err(|source| CasesError::Parse {
        path: path.display().to_string(),
        source,
    })
}

/// Why a question set could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CasesError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("{path}: {source}")]
    Parse { path: String, source: EvalError },
}

/// `report-bot eval FILE [--failures]`: prints hit@1, hit@3, MRR and the out-of-scope rejection rate per
/// category, and with `failures` each question that missed.
pub fn eval(
    engine: &Engine,
    cases: &[Case],
    failures: bool,
    mut out: impl Write,
) -> io::Result<()> {
    let started = Instant::now();
    let evaluation = evaluate(engine, cases);
    let elapsed = started.elapsed();
    writeln!(out, "{evaluation}")?;
    writeln!(
        out,
        "{} questions in {:.1} ms ({:.1} µs per question)",
        cases.len(),
        elapsed.as_secs_f64() * 1e3,
        elapsed.as_secs_f64() * 1e6 / cases.len().max(1) as f64
    )?;
    if failures {
        for outcome in evaluation.failures() {
            let expected = if outcome.case.out_of_scope() {
                "-".to_owned()
            } else {
                format!("{:?}", outcome.case.expected)
            };
            writeln!(
                out,
                "MISS line {} [{}] {} → rank {:?}, answered {}, expected {expected}, top: {}",
                outcome.case.line,
                outcome.case.category,
                outcome.case.question,
                outcome.rank,
                outcome.answered,
                outcome.top.as_deref().unwrap_or("-")
            )?;
        }
    }
    Ok(())
}

/// Figures of one `bench` run.
#[derive(Debug, Clone)]
pub struct BenchFigures {
    pub knowledge_load: Duration,
    pub jieba_load: Duration,
    pub index_build: Duration,
    pub first_answer: Duration,
    pub answers: usize,
    pub median: Duration,
    pub p90: Duration,
    pub p99: Duration,
    pub max: Duration,
}

impl std::fmt::Display for BenchFigures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "start-up: knowledge {:?}, jieba dictionary {:?}, index {:?}, first answer {:?}",
            self.knowledge_load, self.jieba_load, self.index_build, self.first_answer
        )?;
        write!(
            f,
            "{} answers: median {:?}, p90 {:?}, p99 {:?}, max {:?}",
            self.answers, self.median, self.p90, self.p99, self.max
        )
    }
}

/// `report-bot bench FILE`: times start-up step by step, then every question of the set `rounds` times.
pub fn bench(
    knowledge: &(impl ToKnowledgeSource + ?Sized),
    cases: &[Case],
    rounds: usize,
) -> Result<BenchFigures, EngineError> {
    let started = Instant::now();
    let knowledge = knowledge.to_knowledge_source();
    let library = Library::load(&knowledge)?;
    let base = read_base_dictionary(&knowledge)?;
    let knowledge_load = started.elapsed();

    let started = Instant::now();
    shared_jieba(base.as_deref(), &segmenter_dictionary(&library))?;
    let jieba_load = started.elapsed();

    let started = Instant::now();
    let engine = Engine::with_base_dictionary(library, base.as_deref())?;
    let index_build = started.elapsed();

    let started = Instant::now();
    std::hint::black_box(cases.first().map(|case| engine.ask(&case.question)));
    let first_answer = started.elapsed();

    let mut times = Vec::with_capacity(cases.len() * rounds.max(1));
    for _ in 0..rounds.max(1) {
        for case in cases {
            let started = Instant::now();
            std::hint::black_box(engine.ask(&case.question));
            times.push(started.elapsed());
        }
    }
    times.sort_unstable();
    let at = |q: f64| {
        times
            .get((times.len().saturating_sub(1) as f64 * q) as usize)
            .copied()
            .unwrap_or_default()
    };
    Ok(BenchFigures {
        knowledge_load,
        jieba_load,
        index_build,
        first_answer,
        answers: times.len(),
        median: at(0.5),
        p90: at(0.9),
        p99: at(0.99),
        max: at(1.0),
    })
}

/// `report-bot dictionary JIEBA_DICT`: jieba's full dictionary reduced to what the knowledge needs (the
/// reports' words and the most frequent words), for `knowledge/jieba_base.txt`.
pub fn dictionary(
    knowledge: &(impl ToKnowledgeSource + ?Sized),
    full_dictionary: &Path,
    most_frequent: usize,
    mut out: impl Write,
) -> Result<(), DictionaryError> {
    let full =
        std::fs::read_to_string(full_dictionary).map_err(|source| DictionaryError::Read {
            path: full_dictionary.display().to_string(),
            source,
        })?;
    let library = Library::load(knowledge)?;
    let keep = base_dictionary_text(&library);
    out.write_all(reduce(&full, &keep, most_frequent).as_bytes())?;
    Ok(out.flush()?)
}

/// Why `dictionary` failed.
#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error(transparent)]
    Knowledge(#[from] crate::knowledge::KnowledgeError),
    #[error(transparent)]
    Write(#[from] io::Error),
}
