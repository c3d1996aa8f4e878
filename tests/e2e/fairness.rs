//! Per-user fairness (issue 14 item 6): one user flooding the bot must not delay anyone else's answer
//! by more than a second. Twenty users ask once each while one user sends 300 messages in 13 s; their
//! waits (update queued → reply received) are compared with the same twenty questions and no flooder.
//! The figures are printed (`cargo test --test e2e fairness -- --nocapture`) and kept in
//! docs/benchmarks.md.

use crate::bot_process::BotProcess;
use crate::fake_api::{message_update, text_message, FakeApi};
use std::time::{Duration, Instant};

const FLOODER: i64 = 9_000;
const FLOOD_MESSAGES: usize = 300;
/// 300 messages in 13 s, as in the issue: about 23 a second.
const FLOOD_SPAN: Duration = Duration::from_secs(13);
const OTHERS: i64 = 20;
/// When the first of the others asks (the flood is well under way by then), and the gap between them.
const OTHERS_START: Duration = Duration::from_secs(3);
const OTHERS_GAP: Duration = Duration::from_millis(400);
/// The promise: a flooder delays nobody else by more than this.
const FAIRNESS_LIMIT: Duration = Duration::from_secs(1);
const WAIT: Duration = Duration::from_secs(30);

/// What one run measured.
struct Run {
    /// Each other user's wait for the answer, sorted.
    waits: Vec<Duration>,
    /// When the last reply to the flooder went out, counted from the flood's last message.
    flooder_tail: Option<Duration>,
    flooder_replies: usize,
}

impl Run {
    fn p99(&self) -> Duration {
        percentile(&self.waits, 0.99)
    }
}

fn percentile(sorted: &[Duration], share: f64) -> Duration {
    let rank = ((sorted.len() as f64 * share).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

async fn run(flood: bool) -> Run {
    let api = FakeApi::start().await;
    let bot = BotProcess::start(&api, &[]).await;
    let started = Instant::now();
    let mut asked = Vec::new();
    let mut flood_sent = 0;
    let mut next_other = 0;
    let mut flood_end = started;
    loop {
        let elapsed = started.elapsed();
        let flood_due = if flood {
            (elapsed.as_secs_f64() / FLOOD_SPAN.as_secs_f64() * FLOOD_MESSAGES as f64) as usize
        } else {
            0
        };
        while flood_sent < flood_due.min(FLOOD_MESSAGES) {
            flood_sent += 1;
            api.push_update(message_update(text_message(
                flood_sent as i64,
                FLOODER,
                FLOODER,
                &format!("粮食总产多少{flood_sent}"),
            )));
            flood_end = Instant::now();
        }
        if next_other < OTHERS && elapsed >= OTHERS_START + OTHERS_GAP * next_other as u32 {
            let chat = 9_100 + next_other;
            api.push_update(message_update(text_message(
                1,
                chat,
                chat,
                "2022年GDP目标是多少",
            )));
            asked.push((chat, Instant::now()));
            next_other += 1;
        }
        if next_other == OTHERS && (!flood || flood_sent == FLOOD_MESSAGES) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let mut waits = Vec::new();
    for (chat, at) in asked {
        let reply = api
            .wait_for(WAIT, |c| {
                c.is("SendMessage") && c.ok && c.params["chat_id"] == chat
            })
            .await
            .unwrap_or_else(|| panic!("chat {chat} got no answer; logs:\n{}", bot.logs()));
        waits.push(reply.at.saturating_duration_since(at));
    }
    waits.sort();
    // Let the flooder's backlog (if any) drain, then see how long it ran on after the flood.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let to_flooder: Vec<_> = api
        .calls_to("SendMessage")
        .into_iter()
        .filter(|c| c.ok && c.params["chat_id"] == FLOODER)
        .collect();
    let flooder_tail = to_flooder
        .iter()
        .map(|c| c.at.saturating_duration_since(flood_end))
        .max();
    bot.finish().await;
    Run {
        waits,
        flooder_tail: flood.then_some(flooder_tail).flatten(),
        flooder_replies: to_flooder.len(),
    }
}

#[tokio::test]
async fn a_flooding_user_delays_nobody_else_by_more_than_a_second() {
    let quiet = run(false).await;
    let flooded = run(true).await;
    eprintln!(
        "fairness: others' wait without a flooder p50 {:?} p99 {:?}; with a flooder p50 {:?} p99 {:?}; \
         flooder got {} replies, the last {:?} after the flood's last message",
        percentile(&quiet.waits, 0.5),
        quiet.p99(),
        percentile(&flooded.waits, 0.5),
        flooded.p99(),
        flooded.flooder_replies,
        flooded.flooder_tail,
    );
    assert!(
        flooded.p99() <= quiet.p99() + FAIRNESS_LIMIT,
        "others waited {:?} (p99) with a flooder, {:?} without",
        flooded.p99(),
        quiet.p99()
    );
    assert!(
        flooded.flooder_replies >= 1,
        "the flooder is answered, not cut off"
    );
    assert!(
        flooded.flooder_replies < FLOOD_MESSAGES / 5,
        "the flood is mostly dropped: {} replies",
        flooded.flooder_replies
    );
}
