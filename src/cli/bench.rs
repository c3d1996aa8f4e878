//! `report-bot bench`: times start-up step by step, then answering over a question set.

use std::time::{Duration, Instant};

use crate::answer::eval::Case;
use crate::answer::vocabulary::{read_base_dictionary, segmenter_dictionary};
use crate::answer::{Engine, EngineError};
use crate::knowledge::{Library, ToKnowledgeSource};
use crate::search::tokenizer::shared_jieba;

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
