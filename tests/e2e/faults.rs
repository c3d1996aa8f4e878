//! The fault suite: the real binary against the fake Bot API with faults injected, counting what was
//! delivered, what is in doubt, what was lost and what was doubled (docs/telegram.md, "Faults").

use crate::bot_process::BotProcess;
use crate::fake_api::{message_update, text_message, FakeApi, Fault};
use std::time::Duration;

/// A 5xx costs 10 s inside teloxide before it is reported; a retry follows half a second later.
const WAIT_AFTER_5XX: Duration = Duration::from_secs(40);
const WAIT: Duration = Duration::from_secs(20);

async fn start() -> (FakeApi, BotProcess) {
    let api = FakeApi::start().await;
    let bot = BotProcess::start(&api, &[]).await;
    (api, bot)
}

/// Successful sendMessage calls to `chat`.
fn delivered(api: &FakeApi, chat: i64) -> usize {
    api.calls_to("SendMessage")
        .iter()
        .filter(|c| c.ok && c.params["chat_id"] == chat)
        .count()
}

#[tokio::test]
async fn a_reply_that_meets_a_server_error_is_sent_again_once() {
    let (api, bot) = start().await;
    api.fail_next("sendmessage", Fault::ServerError(500));
    api.push_update(message_update(text_message(
        1,
        301,
        301,
        "2022年GDP目标是多少",
    )));
    let reply = api
        .wait_for(WAIT_AFTER_5XX, |c| {
            c.is("SendMessage") && c.ok && c.params["chat_id"] == 301
        })
        .await;
    assert!(
        reply.is_some(),
        "reply lost after one 500; logs:\n{}",
        bot.logs()
    );
    tokio::time::sleep(Duration::from_secs(1)).await;
    let attempts = api
        .calls_to("SendMessage")
        .iter()
        .filter(|c| c.params["chat_id"] == 301)
        .count();
    assert_eq!(
        (attempts, delivered(&api, 301)),
        (2, 1),
        "one failure, one delivery, no copy"
    );
    assert!(bot.logs().contains("retrying"), "{}", bot.logs());
}

#[tokio::test]
async fn a_poison_update_is_refused_and_rate_limiting_keeps_working() {
    let (api, bot) = start().await;
    let poison = 1_i64 << 40;
    api.push_update(message_update(text_message(
        1,
        poison,
        poison,
        "粮食总产多少",
    )));
    assert!(
        bot.wait_for_log("update refused", WAIT).await,
        "no refusal logged:\n{}",
        bot.logs()
    );
    // Three quick questions in one chat, and a 429'd reply: all delivered by the throttled requester.
    for (i, question) in ["粮食总产多少", "GDP目标", "高标准农田"].iter().enumerate() {
        api.push_update(message_update(text_message(
            10 + i as i64,
            302,
            302,
            question,
        )));
    }
    api.fail_next("sendmessage", Fault::TooManyRequests { retry_after: 1 });
    let deadline = tokio::time::Instant::now() + WAIT;
    while delivered(&api, 302) < 3 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let logs = bot.logs();
    assert_eq!(delivered(&api, 302), 3, "{logs}");
    assert!(!logs.contains("Worker dropped"), "{logs}");
    assert!(!logs.contains("malformed chat id"), "{logs}");
    assert_eq!(
        logs.matches("update refused").count(),
        1,
        "one line: {logs}"
    );
    assert!(
        api.calls_to("SendMessage")
            .iter()
            .all(|c| c.params["chat_id"] != poison),
        "nothing sent to the poison chat"
    );
}
