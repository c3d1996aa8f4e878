//! Daily reminders with the real binary and a fake Telegram: a subscriber whose time is a minute away gets
//! exactly one reminder, a user who blocked the bot loses the subscription, and a subscription outlives
//! the process.
//!
//! The minute tests wait for real time to pass (about a minute, in parallel): the binary has no clock
//! override.

use crate::bot_process::BotProcess;
use crate::fake_api::{Call, FakeApi, Fault};
use crate::support::html::visible;
use chrono::{TimeDelta, Timelike, Utc};
use std::time::Duration;

/// A reply to a command.
const WAIT: Duration = Duration::from_secs(20);

async fn start(api: &FakeApi, env: &[(&str, &str)]) -> BotProcess {
    let bot = BotProcess::spawn(api, env);
    let skip = api.calls().len();
    assert!(
        api.wait_for_call_after(skip, "GetUpdates", WAIT)
            .await
            .is_some(),
        "the bot never polled; logs:\n{}",
        bot.logs()
    );
    bot
}

/// Sends a private message and returns the visible text of the bot's reply to it.
async fn command(api: &FakeApi, bot: &BotProcess, chat: i64, text: &str) -> String {
    let reply = api
        .message_and_reply(chat, text, WAIT)
        .await
        .unwrap_or_else(|| panic!("no reply to {text:?}; logs:\n{}", bot.logs()));
    assert_eq!(reply.params["chat_id"], chat);
    visible(reply.text())
}

/// In every reminder's heading (`2022年目标 · 今日提醒…`, or `2022年目标回顾…` once 2022 is over) and in
/// no command reply (those say `2022年的目标`).
pub const REMINDER_MARK: &str = "2022年目标";

fn reminders_to(api: &FakeApi, chat: i64) -> Vec<Call> {
    api.calls_to("SendMessage")
        .into_iter()
        .filter(|call| call.params["chat_id"] == chat && call.text().contains(REMINDER_MARK))
        .collect()
}

#[tokio::test]
async fn a_subscriber_whose_time_is_a_minute_away_gets_exactly_one_reminder() {
    const CHAT: i64 = 7_001;
    let api = FakeApi::start().await;
    let bot = start(&api, &[]).await;

    let due = next_whole_minute();
    let time = due.format("%H:%M").to_string();
    let confirmed = command(&api, &bot, CHAT, &format!("/subscribe {time} UTC")).await;
    assert!(
        confirmed.contains(&time) && confirmed.contains("UTC"),
        "{confirmed}"
    );

    let reminder = api
        .wait_for(Duration::from_secs(150), |call| {
            call.is("SendMessage")
                && call.params["chat_id"] == CHAT
                && call.text().contains(REMINDER_MARK)
        })
        .await
        .unwrap_or_else(|| panic!("no reminder; logs:\n{}", bot.logs()));
    let arrived = Utc::now();
    assert!(arrived >= due, "sent early: {arrived} < {due}");
    assert!(
        arrived - due < TimeDelta::seconds(20),
        "sent late: {arrived}"
    );
    let text = visible(reminder.text());
    assert!(text.contains("《西平县2022年政府工作报告》"), "{text}");
    assert!(
        text.contains("生产总值：增长8%左右"),
        "the rotation starts at the first target: {text}"
    );
    assert_eq!(reminder.callback_data(), ["t:"]);
    assert_eq!(reminder.params["parse_mode"], "HTML");

    // Two more passes of the scheduler (it wakes at least every 20 s): still exactly one.
    tokio::time::sleep(Duration::from_secs(45)).await;
    assert_eq!(reminders_to(&api, CHAT).len(), 1, "logs:\n{}", bot.logs());
    let status = command(&api, &bot, CHAT, "/subscription").await;
    let tomorrow = (due + TimeDelta::days(1)).format("%-m月%-d日").to_string();
    assert!(status.contains(&tomorrow), "next one is tomorrow: {status}");
    assert!(api.rejected().is_empty(), "{:#?}", api.rejected());
    bot.finish().await;
}

/// The next whole minute at least 30 s away, so a subscription made now is surely in before it.
pub fn next_whole_minute() -> chrono::DateTime<Utc> {
    (Utc::now() + TimeDelta::seconds(90))
        .with_second(0)
        .and_then(|at| at.with_nanosecond(0))
        .expect("a whole minute")
}

#[tokio::test]
async fn a_user_who_blocked_the_bot_loses_the_subscription_and_nothing_else_breaks() {
    const CHAT: i64 = 7_003;
    let api = FakeApi::start().await;
    let bot = start(&api, &[]).await;
    let time = next_whole_minute().format("%H:%M").to_string();
    let confirmed = command(&api, &bot, CHAT, &format!("/subscribe {time} UTC")).await;
    assert!(confirmed.contains(&time), "{confirmed}");

    // The user blocks the bot: Telegram refuses the reminder with 403.
    api.fail_next("SendMessage", Fault::BlockedByUser);
    let refused = api
        .wait_for(Duration::from_secs(150), |call| {
            call.is("SendMessage") && call.params["chat_id"] == CHAT && !call.ok
        })
        .await
        .unwrap_or_else(|| panic!("no reminder attempt; logs:\n{}", bot.logs()));
    assert!(refused.text().contains(REMINDER_MARK), "{}", refused.text());
    assert!(
        bot.wait_for_log("subscription ended", WAIT).await,
        "logs:\n{}",
        bot.logs()
    );

    // Unblocked later, the user finds no subscription, and the bot still answers.
    let status = command(&api, &bot, CHAT, "/subscription").await;
    assert!(status.contains("还没有订阅"), "{status}");
    assert_eq!(reminders_to(&api, CHAT).len(), 1, "one attempt, no retry");
    bot.finish().await;
}

#[tokio::test]
async fn a_subscription_survives_a_restart_of_the_process() {
    const CHAT: i64 = 7_002;
    let folder = tempfile::tempdir().expect("temporary directory");
    let url = format!(
        "sqlite://{}",
        folder.path().join("data/report-bot.db").display()
    );
    let env = [("DATABASE_URL", url.as_str())];
    let api = FakeApi::start().await;

    let bot = start(&api, &env).await;
    let confirmed = command(&api, &bot, CHAT, "/subscribe 6:45 Europe/Berlin").await;
    assert!(confirmed.contains("06:45"), "{confirmed}");
    bot.finish().await;

    let bot = start(&api, &env).await;
    let status = command(&api, &bot, CHAT, "/subscription").await;
    assert!(
        status.contains("06:45") && status.contains("Europe/Berlin"),
        "{status}"
    );
    bot.finish().await;
}
