//! Memory of `serve` under load (issue 14): 2,000 questions from 200 chats (ten each, 7 s apart) against the fake Bot API, with the process's resident memory read from
//! /proc before, during and after. A measurement, not a check: it is ignored by default and meant for
//! a release binary (`E2E_BIN=target/release/report-bot cargo test --test e2e load -- --ignored
//! --nocapture`); the figures are in docs/benchmarks.md.

use crate::bot_process::BotProcess;
use crate::fake_api::{message_update, text_message, FakeApi};
use std::time::{Duration, Instant};

const CHATS: i64 = 200;
const PER_CHAT: usize = 10;
/// A round of 200 questions every 7 s: just under Telegram's 30 messages a second, which the bot keeps
/// to, so nothing piles up (and each chat is far within flood control's one per 3 s).
const GAP: Duration = Duration::from_secs(7);
const QUESTIONS: [&str; 5] = [
    "2022年GDP目标是多少",
    "粮食总产多少",
    "高标准农田建设",
    "十件惠民工程有哪些",
    "城镇新增就业",
];

/// `VmRSS` and `VmHWM` (peak) of a process, in MB.
fn memory(pid: u32) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

#[tokio::test]
#[ignore = "a measurement: run with --ignored, best on a release binary (E2E_BIN)"]
async fn memory_under_two_thousand_questions_from_two_hundred_chats() {
    let api = FakeApi::start().await;
    let bot = BotProcess::start(&api, &[]).await;
    let pid = bot.pid().expect("running");
    tokio::time::sleep(Duration::from_secs(3)).await;
    let (idle, _) = memory(pid);
    let started = Instant::now();
    for round in 0..PER_CHAT {
        for chat in 1..=CHATS {
            let question = QUESTIONS[(chat as usize + round) % QUESTIONS.len()];
            api.push_update(message_update(text_message(
                round as i64 + 1,
                10_000 + chat,
                10_000 + chat,
                question,
            )));
        }
        tokio::time::sleep(GAP).await;
    }
    let expected = CHATS as usize * PER_CHAT;
    let answered = |api: &FakeApi| {
        api.calls_to("SendMessage")
            .iter()
            .filter(|c| c.ok && c.params["chat_id"].as_i64().is_some_and(|id| id > 10_000))
            .count()
    };
    let deadline = Instant::now() + Duration::from_secs(180);
    while answered(&api) < expected && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let took = started.elapsed();
    let (after, peak) = memory(pid);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let (settled, _) = memory(pid);
    eprintln!(
        "load: {} of {expected} answered in {took:.1?}; RSS idle {idle:.1} MB, peak {peak:.1} MB, \
         right after {after:.1} MB, 5 s later {settled:.1} MB",
        answered(&api)
    );
    bot.finish().await;
}
