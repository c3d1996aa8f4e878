//! The real binary run as a user runs it, from the crate's root (so `tests/…` paths resolve), and the real
//! engine loaded once per test process.

use std::process::{Command, Output};
use std::sync::OnceLock;

use report_bot::answer::eval::{evaluate, parse_cases};
use report_bot::answer::{Answer, Engine};

/// The engine on the real knowledge folder, loaded once for the whole test crate.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::load(&super::fixtures::knowledge_dir()).expect("the knowledge folder loads")
    })
}

/// The cases of a question set (`category, question, expected` lines) the real engine misses: not
/// answered right at rank 1, or answered when they must be refused.
pub fn set_failures(text: &str) -> Vec<String> {
    let cases = parse_cases(text).expect("the question set parses");
    let evaluation = evaluate(engine(), &cases);
    evaluation
        .failures()
        .map(|failure| {
            format!(
                "[{}] {} → rank {:?}, top {:?}",
                failure.case.category, failure.case.question, failure.rank, failure.top
            )
        })
        .collect()
}

/// The direct answer line of the real engine's answer, or "" when it gives none.
pub fn direct(question: &str) -> String {
    let answer = engine().ask(question);
    answer.direct().unwrap_or_default().to_owned()
}

/// The text of the real engine's first excerpt, or "" when it gives none.
pub fn first_excerpt(question: &str) -> String {
    let answer = engine().ask(question);
    answer
        .hits()
        .first()
        .map_or_else(String::new, |hit| hit.text.clone())
}

/// The answer to the last of `turns`, each asked after the one before as in one chat.
pub fn after(engine: &Engine, turns: &[&str]) -> Answer {
    let mut previous = None;
    let mut last = None;
    for turn in turns {
        let (answer, follow_up) = engine.ask_after(previous.as_ref(), turn);
        previous = Some(follow_up);
        last = Some(answer);
    }
    last.expect("a turn")
}

/// `report-bot <args>`, finished.
pub fn bot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-bot"))
        .args(args)
        .current_dir(super::fixtures::manifest_dir())
        .output()
        .expect("the binary runs")
}

/// The standard output of a run that must have succeeded.
pub fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("utf-8")
}

/// `report-bot ask --json <question>`, parsed.
pub fn ask_json(question: &str) -> serde_json::Value {
    let text = stdout(&bot(&["ask", "--json", question]));
    serde_json::from_str(text.trim()).expect("one JSON object")
}
