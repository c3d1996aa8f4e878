//! Properties that hold for any input, shared by the fuzz targets (fuzz/, libFuzzer, run by hand) and by
//! the proptests CI runs (tests/properties.rs): each function panics when its property fails.

use super::html::{check_html, TELEGRAM_TAGS};
use report_bot::answer::Engine;
use report_bot::cli::plain::render_plain;
use report_bot::knowledge::{parse_report, ReportMeta};
use report_bot::reminders::schedule::DailySchedule;
use report_bot::telegram::button::CallbackAction;
use report_bot::telegram::html::{message_len, paginate, MAX_MESSAGE_LEN};
use report_bot::telegram::views::answer_blocks;

/// A question goes into the engine and out through both renderers: every Telegram message is valid HTML
/// within 4096 characters, and the plain reply is not empty.
pub fn question_renders(engine: &Engine, question: &str) {
    let answer = engine.ask(question);
    for html in paginate(&answer_blocks(&answer), MAX_MESSAGE_LEN) {
        assert!(
            message_len(&html) <= MAX_MESSAGE_LEN,
            "{} > 4096",
            message_len(&html)
        );
        assert!(html.encode_utf16().count() <= MAX_MESSAGE_LEN);
        if let Err(problem) = check_html(&html, &TELEGRAM_TAGS) {
            panic!("{question:?}: {problem}\n{html}");
        }
    }
    assert!(!render_plain(&answer).trim().is_empty(), "{question:?}");
}

/// Any `callback_data` either is refused or reads back as an action that encodes within 64 bytes and
/// reads back the same.
pub fn callback_data_round_trips(data: &str) {
    if let Ok(action) = CallbackAction::parse(data) {
        let encoded = action.encode().expect("a parsed action fits in 64 bytes");
        assert!(encoded.len() <= 64);
        assert_eq!(CallbackAction::parse(&encoded), Ok(action), "{data:?}");
    }
}

/// Any `/subscribe` arguments are refused or give a schedule whose shown time reads back the same.
pub fn subscribe_args_read_back(args: &str) {
    if let Ok(reading) = DailySchedule::read(args) {
        let shown = reading.schedule.time_text();
        let again = DailySchedule::read(&format!("{shown} {}", reading.schedule.zone.name()))
            .expect("the shown time and zone parse");
        assert_eq!(again.schedule, reading.schedule, "{args:?}");
    }
}

/// Any report.toml + report.txt loads or is refused with an error; never a panic.
pub fn report_files_load(toml_text: &str, body: &str) {
    if let Ok(meta) = toml::from_str::<ReportMeta>(toml_text) {
        let _ = parse_report(meta, body);
    }
}
