//! The fault suite, replies: the real binary against the fake Bot API with faults injected, counting
//! for each chat that asked once whether its answer was delivered, is in doubt (the request reached the
//! API but its answer was lost), was lost (nothing reached the API) or was doubled (two copies may have
//! arrived). The table is in docs/faults.md; `cargo test --test e2e faults -- --nocapture` prints it.

use crate::bot_process::BotProcess;
use crate::fake_api::{message_update, text_message, Call, FakeApi, Fault};
use std::time::Duration;

/// A 5xx costs 10 s inside teloxide before it is reported; a retry follows half a second later.
const WAIT_AFTER_5XX: Duration = Duration::from_secs(40);
const WAIT: Duration = Duration::from_secs(20);
/// After everything settled, how long a second copy is watched for.
const GRACE: Duration = Duration::from_secs(2);
/// A question whose answer is one message.
const QUESTION: &str = "2022年GDP目标是多少";

/// What became of one message per chat.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub delivered: usize,
    pub in_doubt: usize,
    pub lost: usize,
    pub doubled: usize,
}

impl Tally {
    /// `delivered` and `in_doubt`, nothing lost, nothing doubled: what every fault here should end in.
    pub fn expected(delivered: usize, in_doubt: usize) -> Tally {
        Tally {
            delivered,
            in_doubt,
            ..Tally::default()
        }
    }

    /// Counts, for each chat, the sendMessage calls `counts` selects: delivered when one was answered,
    /// in doubt when none was but one reached the API and lost its answer, lost when none reached it,
    /// doubled when more than one may have arrived.
    pub fn of(api: &FakeApi, chats: &[i64], counts: impl Fn(&Call) -> bool) -> Tally {
        let calls = api.calls_to("SendMessage");
        let mut tally = Tally::default();
        for chat in chats {
            let to_chat = calls
                .iter()
                .filter(|c| c.params["chat_id"] == *chat && counts(c));
            let (mut ok, mut cut) = (0, 0);
            for call in to_chat {
                if call.ok {
                    ok += 1;
                } else if call.fault.is_some_and(Fault::may_have_arrived) {
                    cut += 1;
                }
            }
            match (ok, cut) {
                (0, 0) => tally.lost += 1,
                (0, _) => tally.in_doubt += 1,
                _ => tally.delivered += 1,
            }
            if ok + cut > 1 {
                tally.doubled += 1;
            }
        }
        tally
    }

    /// One row of the table in docs/faults.md.
    pub fn print(&self, fault: &str) {
        eprintln!(
            "fault table | {fault} | {} | {} | {} | {} |",
            self.delivered, self.in_doubt, self.lost, self.doubled
        );
    }
}

/// Waits until every chat's message was delivered or cut off (or `timeout`), then [`GRACE`] more.
pub async fn settle(
    api: &FakeApi,
    chats: &[i64],
    timeout: Duration,
    counts: impl Fn(&Call) -> bool + Copy,
) {
    let deadline = tokio::time::Instant::now() + timeout;
    while tokio::time::Instant::now() < deadline {
        let tally = Tally::of(api, chats, counts);
        if tally.delivered + tally.in_doubt == chats.len() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(GRACE).await;
}

fn any_reply(_: &Call) -> bool {
    true
}

fn ask_everyone(api: &FakeApi, chats: &[i64]) {
    for chat in chats {
        api.push_update(message_update(text_message(1, *chat, *chat, QUESTION)));
    }
}

fn chats(first: i64, n: i64) -> Vec<i64> {
    (first..first + n).collect()
}

/// Starts the bot, lets `inject` set the faults, asks once from each chat and counts.
async fn scenario(
    name: &str,
    chats: &[i64],
    timeout: Duration,
    inject: impl FnOnce(&FakeApi),
) -> Tally {
    let api = FakeApi::start().await;
    let bot = BotProcess::start(&api, &[]).await;
    inject(&api);
    ask_everyone(&api, chats);
    settle(&api, chats, timeout, any_reply).await;
    let tally = Tally::of(&api, chats, any_reply);
    tally.print(name);
    let logs = bot.finish().await;
    assert!(!logs.contains("panicked"), "{logs}");
    tally
}

#[tokio::test]
async fn a_burst_of_server_errors_delays_replies_and_loses_none() {
    let tally = scenario(
        "8 × 502 on sendMessage",
        &chats(310, 5),
        WAIT_AFTER_5XX,
        |api| {
            for _ in 0..8 {
                api.fail_next("sendmessage", Fault::ServerError(502));
            }
        },
    )
    .await;
    assert_eq!(tally, Tally::expected(5, 0));
}

#[tokio::test]
async fn a_reset_after_the_request_was_read_is_in_doubt_and_never_sent_twice() {
    let chats = chats(320, 5);
    let tally = scenario(
        "connection reset mid-request (3 chats)",
        &chats,
        WAIT,
        |api| {
            for chat in &chats[..3] {
                api.fail_chat(*chat, Fault::Reset);
            }
        },
    )
    .await;
    assert_eq!(tally, Tally::expected(2, 3));
}

#[tokio::test]
async fn a_hung_api_leaves_its_replies_in_doubt_and_the_rest_go_out() {
    let chats = chats(330, 5);
    // Past the bot's 17 s request timeout: the grace must see that no second copy follows it.
    let hang = Duration::from_secs(19);
    let tally = scenario("API hung (2 chats, 19 s)", &chats, WAIT + hang, |api| {
        for chat in &chats[..2] {
            api.fail_chat(*chat, Fault::Hang(hang));
        }
    })
    .await;
    assert_eq!(tally, Tally::expected(3, 2));
}

#[tokio::test]
async fn a_storm_of_429s_delays_replies_and_loses_none() {
    let tally = scenario("15 × 429 (retry_after 1)", &chats(340, 5), WAIT, |api| {
        for _ in 0..15 {
            api.fail_next("sendmessage", Fault::TooManyRequests { retry_after: 1 });
        }
    })
    .await;
    assert_eq!(tally, Tally::expected(5, 0));
}

#[tokio::test]
async fn an_api_down_for_seconds_loses_no_reply() {
    let chats = chats(350, 5);
    let mut api = FakeApi::start().await;
    let bot = BotProcess::start(&api, &[]).await;
    // Each reply meets a 502 first; while teloxide waits out its 10 s, the API goes away, so the
    // retries meet refused connections until it is back.
    for chat in &chats {
        api.fail_chat(*chat, Fault::ServerError(502));
    }
    ask_everyone(&api, &chats);
    let failed = |api: &FakeApi| {
        api.calls_to("SendMessage")
            .iter()
            .filter(|c| c.fault.is_some())
            .count()
    };
    let deadline = tokio::time::Instant::now() + WAIT;
    while failed(&api) < chats.len() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    api.stop().await;
    tokio::time::sleep(Duration::from_secs(14)).await;
    api.restart().await;
    settle(&api, &chats, WAIT, any_reply).await;
    let tally = Tally::of(&api, &chats, any_reply);
    tally.print("502, then the API down 14 s (connections refused)");
    let logs = bot.finish().await;
    assert_eq!(tally, Tally::expected(5, 0), "{logs}");
}

#[tokio::test]
async fn sigkill_while_replies_are_in_flight_doubles_nothing() {
    let chats = chats(360, 10);
    let api = FakeApi::start().await;
    let mut bot = BotProcess::start(&api, &[]).await;
    for chat in &chats[..5] {
        api.fail_chat(*chat, Fault::Hang(Duration::from_secs(30)));
    }
    ask_everyone(&api, &chats);
    settle(&api, &chats, WAIT, any_reply).await;
    bot.signal("KILL", WAIT).await;
    // A new process on the same Bot API: updates already fetched are not fetched again.
    let skip = api.calls().len();
    let restarted = BotProcess::start(&api, &[]).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let tally = Tally::of(&api, &chats, any_reply);
    tally.print("SIGKILL with 5 replies in flight, then a restart");
    let after_restart = api.calls()[skip..]
        .iter()
        .filter(|c| c.is("SendMessage"))
        .count();
    restarted.finish().await;
    assert_eq!(after_restart, 0, "nothing answered twice after the restart");
    assert_eq!(tally, Tally::expected(5, 5));
}

#[tokio::test]
async fn a_reply_that_meets_a_server_error_is_sent_again_once() {
    let api = FakeApi::start().await;
    let bot = BotProcess::start(&api, &[]).await;
    api.fail_next("sendmessage", Fault::ServerError(500));
    api.push_update(message_update(text_message(1, 301, 301, QUESTION)));
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
        (attempts, Tally::of(&api, &[301], any_reply).delivered),
        (2, 1),
        "one failure, one delivery, no copy"
    );
    assert!(bot.logs().contains("retrying"), "{}", bot.logs());
}

#[tokio::test]
async fn a_poison_update_is_refused_and_rate_limiting_keeps_working() {
    let api = FakeApi::start().await;
    let bot = BotProcess::start(&api, &[]).await;
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
    let delivered = |api: &FakeApi| {
        api.calls_to("SendMessage")
            .iter()
            .filter(|c| c.ok && c.params["chat_id"] == 302)
            .count()
    };
    let deadline = tokio::time::Instant::now() + WAIT;
    while delivered(&api) < 3 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let logs = bot.logs();
    eprintln!(
        "fault table | poison update (chat id 2^40), then 3 questions and a 429 | {} of 3 | 0 | {} | 0 |",
        delivered(&api),
        3 - delivered(&api)
    );
    assert_eq!(delivered(&api), 3, "{logs}");
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
