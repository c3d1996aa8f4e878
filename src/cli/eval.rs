//! `report-bot eval`: reads a question set and prints the quality figures of [`crate::answer::eval`].

use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;

use crate::answer::eval::{evaluate, parse_cases, Case, EvalError};
use crate::answer::Engine;

/// Reads a question set file (see [`crate::answer::eval`] for the format).
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
