//! `report-bot ask`: one question from the command line, or one per line of stdin, answered as plain text
//! or as one JSON object per question.

use std::io::{self, BufRead, Write};

use serde::Serialize;

use crate::answer::{Answer, Engine};

use super::plain::render_plain;

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
