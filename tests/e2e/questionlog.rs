//! The maintainer's loop end to end: the real bot logs what it is asked and a 👎 with its reason, then
//! `report-bot unanswered --json` and `report-bot stats --json` read them from the same database (SQLite
//! or PostgreSQL); with that database read-only, every question is still answered.

use crate::bot_process::BotProcess;
use crate::fake_api::{self, Call, FakeApi};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);
const ANSWERED: &str = "2022年GDP目标是多少";
const REFUSED: &str = "明天天气怎么样";

async fn start(database_url: &str) -> (FakeApi, BotProcess) {
    let api = FakeApi::start().await;
    let bot = BotProcess::spawn(&api, &[("DATABASE_URL", database_url)]);
    let polling = api.wait_for(WAIT, |c| c.is("GetUpdates")).await;
    assert!(polling.is_some(), "the bot never polled:\n{}", bot.logs());
    (api, bot)
}

async fn ask(api: &FakeApi, chat: i64, text: &str) -> Call {
    api.message_and_reply(chat, text, WAIT)
        .await
        .unwrap_or_else(|| panic!("no reply to {text:?}"))
}

/// Presses a button under `message` and waits for the bot's `method` call after it.
async fn press(api: &FakeApi, chat: i64, message: &Call, data: &str, method: &str) -> Call {
    let before = api.calls().len();
    api.push_update(fake_api::callback_update(
        "press",
        chat,
        message.response.clone(),
        data,
    ));
    api.wait_for_call_after(before, method, WAIT)
        .await
        .unwrap_or_else(|| panic!("no {method} after pressing {data}"))
}

/// Runs `report-bot <args>` on the database and returns its standard output.
fn report_bot(database_url: &str, args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_report-bot"))
        .args(args)
        .env("DATABASE_URL", database_url)
        .env(
            "KNOWLEDGE_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge"),
        )
        .env_remove("TELOXIDE_TOKEN")
        .output()
        .expect("run report-bot");
    assert!(
        output.status.success(),
        "report-bot {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn database_url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("bot.db").display())
}

#[tokio::test]
async fn questions_and_a_thumbs_down_reach_unanswered_and_stats() {
    let dir = tempfile::tempdir().expect("temporary directory");
    the_loop_on(&database_url(dir.path())).await;
}

#[tokio::test]
async fn on_postgres_questions_and_a_thumbs_down_reach_unanswered_and_stats() {
    let Some(server) = crate::support::postgres::url("question_log_on_postgres") else {
        return;
    };
    the_loop_on(&crate::support::postgres::new_database(&server).await).await;
}

/// Two questions and a 👎 with its reason through the real bot on `url`, then the maintainer's commands
/// on the same database.
async fn the_loop_on(url: &str) {
    let url = url.to_owned();
    let (api, mut bot) = start(&url).await;
    let answer = ask(&api, 101, ANSWERED).await;
    let refusal = ask(&api, 102, REFUSED).await;
    assert!(refusal.callback_data().iter().all(|d| !d.starts_with("v:")));
    let down = answer
        .callback_data()
        .into_iter()
        .find(|data| data.starts_with("v:") && data.ends_with(":d"))
        .expect("a 👎 under the answer");
    let asking = press(&api, 101, &answer, &down, "SendMessage").await;
    let reason = down.replace(":d", ":n");
    assert!(asking.callback_data().contains(&reason));
    press(&api, 101, &asking, &reason, "EditMessageText").await;
    let status = bot.terminate(WAIT).await;
    assert!(status.is_some_and(|s| s.success()), "{}", bot.logs());

    let groups: Vec<Value> = report_bot(&url, &["unanswered", "--json", "--since", "1d"])
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    assert_eq!(groups.len(), 2, "{groups:#?}");
    let weather = groups
        .iter()
        .find(|g| g["question"] == REFUSED)
        .expect("the refusal is listed");
    assert_eq!(weather["count"], 1);
    assert_eq!(weather["outcomes"]["refused"], 1);
    assert!(weather["last_seen"].is_string());
    let gdp = groups
        .iter()
        .find(|g| g["question"] == ANSWERED)
        .expect("the 👎 answer is listed");
    assert_eq!(gdp["outcomes"]["answered"], 1);
    assert_eq!(gdp["feedback"]["down"], 1);
    assert_eq!(gdp["feedback"]["reasons"]["wrong_number"], 1);

    let stats: Value =
        serde_json::from_str(&report_bot(&url, &["stats", "--json"])).expect("one JSON object");
    assert_eq!(stats["questions"], 2);
    assert_eq!(stats["share"]["answered"], 0.5);
    assert_eq!(stats["share"]["refused"], 0.5);
    assert_eq!(stats["feedback"]["down"], 1);
    assert_eq!(stats["per_day"].as_array().map(Vec::len), Some(1));
    assert!(stats["latency"]["p50_ms"]
        .as_f64()
        .is_some_and(|ms| ms > 0.0));
    assert_eq!(stats["top_questions"].as_array().map(Vec::len), Some(2));
    assert_eq!(stats["subscribers"], 0);
}

#[tokio::test]
async fn a_read_only_database_still_gets_every_reply() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = database_url(dir.path());
    // The schema and the chat-key secret are made by a first run.
    report_bot(&url, &["stats"]);
    let (api, mut bot) = start(&url).await;
    ask(&api, 101, ANSWERED).await;
    bot.terminate(WAIT).await;

    // Read-only twice over: the file (for a test run by anyone but root) and the connection.
    let file = dir.path().join("bot.db");
    let mut permissions = std::fs::metadata(&file).expect("file").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&file, permissions).expect("chmod");
    let read_only = format!("{url}?mode=ro");
    let (api, bot) = start(&read_only).await;
    for (chat, question) in [(201, ANSWERED), (202, REFUSED), (203, "粮食总产量是多少")] {
        ask(&api, chat, question).await;
    }
    let logs = bot.finish().await;
    assert!(logs.contains("question log rows not written"), "{logs}");
    let stats: Value = serde_json::from_str(&report_bot(&read_only, &["stats", "--json"]))
        .expect("one JSON object");
    assert_eq!(stats["questions"], 1, "only the first run's question");
}
