//! `report-bot ask`: one question from the command line, or one per line of stdin, answered as plain text
//! or as one JSON object per question.

use std::io::{self, BufRead, Write};

use serde::Serialize;

use crate::answer::{Answer, Engine, Hit, Outcome};

use super::lines::{lines, Line};
use super::plain::render_plain;

/// What `ask` prints for a line that is not UTF-8, in place of its answer: the batch goes on.
fn not_utf8(number: usize, json: bool) -> String {
    let error = format!("line {number} is not valid UTF-8; skipped");
    if json {
        serde_json::json!({ "error": error, "line": number }).to_string()
    } else {
        error
    }
}

/// The `ask --json` object (its fields are documented in README.md): the question, whether it was answered,
/// the direct answer, the hits, the outcome's kind, whether more hits exist, and the rendered reply.
#[derive(Serialize)]
struct AskJson<'a> {
    question: &'a str,
    answered: bool,
    answer: Option<&'a str>,
    hits: &'a [Hit],
    outcome: &'static str,
    more: bool,
    reply: String,
}

impl<'a> AskJson<'a> {
    fn new(answer: &'a Answer) -> AskJson<'a> {
        let more = match &answer.outcome {
            Outcome::Answered(answered) => answered.more,
            Outcome::Refused(_) | Outcome::SmallTalk(_) | Outcome::NearMiss(_) => false,
        };
        AskJson {
            question: &answer.question,
            answered: answer.answered(),
            answer: answer.direct(),
            hits: answer.hits(),
            outcome: answer.outcome_kind(),
            more,
            reply: render_plain(answer),
        }
    }
}

/// One answer as `ask` prints it: the reply, or one JSON object on one line.
pub fn format_answer(answer: &Answer, json: bool) -> String {
    if json {
        serde_json::to_string(&AskJson::new(answer))
            .unwrap_or_else(|error| format!("{{\"error\":\"{error}\"}}"))
    } else {
        render_plain(answer)
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
    for line in lines(input) {
        let line = match line? {
            Line::Text(line) => line,
            Line::NotUtf8 { number } => {
                writeln!(out, "{}", not_utf8(number, json))?;
                continue;
            }
        };
        let formatted = format_answer(&engine.ask(&line), json);
        // A plain reply spans lines; from stdin each question gets exactly one line back.
        writeln!(out, "{}", formatted.replace('\n', " "))?;
    }
    out.flush()
}
