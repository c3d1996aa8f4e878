//! Two `serve` processes on one PostgreSQL database against the fake Bot API: 500 subscribers due in the
//! same minute get one reminder each; the scheduling replica is killed with SIGKILL in the middle of the
//! batch, and the other takes over: none sent twice, at most the messages then in flight in doubt
//! (counted and printed), the rest delivered. Needs `TEST_DATABASE_URL` (`.ci/run` starts a server).

use crate::bot_process::BotProcess;
use crate::fake_api::FakeApi;
use crate::reminders::next_whole_minute;
use crate::support::postgres::{new_database, url};
use chrono::Utc;
use report_bot::config::DatabaseUrl;
use report_bot::reminders::schedule::DailySchedule;
use report_bot::reminders::store::transfer::ReminderTables;
use report_bot::reminders::store::DeliveryState;
use report_bot::reminders::subscribe;
use report_bot::store::Store;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

const SUBSCRIBERS: i64 = 500;
/// The first subscriber's chat id; the others follow.
const FIRST_CHAT: i64 = 20_001;
/// The sender's bound on requests in flight (`MAX_IN_FLIGHT` in src/reminders/sender.rs): no more can be in
/// doubt after a kill.
const MAX_IN_FLIGHT: usize = 64;
const WAIT: Duration = Duration::from_secs(20);
const LEADS: &str = "this replica leads";

/// Reminders the fake Bot API accepted, per chat.
fn reminders_by_chat(api: &FakeApi) -> HashMap<i64, usize> {
    let mut counts = HashMap::new();
    for call in api.calls_to("SendMessage") {
        if call.ok && call.text().contains("今日提醒") {
            if let Some(chat) = call.params["chat_id"].as_i64() {
                *counts.entry(chat).or_default() += 1;
            }
        }
    }
    counts
}

#[tokio::test]
async fn killing_the_scheduling_replica_mid_batch_doubles_nothing_and_the_other_sends_the_rest() {
    let Some(server) = url("replicas") else {
        return;
    };
    let database = new_database(&server).await;
    let url = DatabaseUrl::parse(&database).expect("a PostgreSQL URL");
    let store = Store::open(&url).await.expect("the test database opens");
    let due = next_whole_minute();
    let schedule = DailySchedule::parse(&format!("{} UTC", due.format("%H:%M"))).unwrap();
    let chats: Vec<i64> = (FIRST_CHAT..FIRST_CHAT + SUBSCRIBERS).collect();
    for &chat in &chats {
        subscribe(&store, chat, schedule, Utc::now()).await.unwrap();
    }

    let api = FakeApi::start().await;
    let env = [("DATABASE_URL", database.as_str())];
    let mut first = BotProcess::spawn(&api, &env);
    assert!(first.wait_for_log(LEADS, WAIT).await, "{}", first.logs());
    let second = BotProcess::spawn(&api, &env);
    assert!(
        second.wait_for_log("standing by", WAIT).await,
        "{}",
        second.logs()
    );

    // The batch is under way (30 a second): kill the sender after 100.
    let under_way = Instant::now();
    while reminders_by_chat(&api).len() < 100 {
        assert!(
            under_way.elapsed() < Duration::from_secs(150),
            "{}",
            first.logs()
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    first.signal("KILL", WAIT).await.expect("killed");
    let killed = Instant::now();
    let sent_by_first = reminders_by_chat(&api).len();
    assert!(
        second.wait_for_log(LEADS, Duration::from_secs(30)).await,
        "no takeover within 30 s:\n{}",
        second.logs()
    );
    let takeover = killed.elapsed();

    // Wait until every chat has its reminder or a claim the dead replica left behind.
    let (delivered, in_doubt) = loop {
        let delivered = reminders_by_chat(&api);
        let dump = store.dump().await.unwrap();
        let claimed: HashSet<i64> = dump
            .deliveries
            .iter()
            .filter(|row| row.state == DeliveryState::Claimed)
            .map(|row| row.chat_id)
            .collect();
        let settled = chats
            .iter()
            .all(|chat| delivered.contains_key(chat) || claimed.contains(chat));
        if settled {
            break (delivered, claimed);
        }
        assert!(
            killed.elapsed() < Duration::from_secs(120),
            "{} of {SUBSCRIBERS} delivered; logs:\n{}",
            delivered.len(),
            second.logs()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let doubled: Vec<_> = delivered.iter().filter(|(_, &n)| n > 1).collect();
    assert!(doubled.is_empty(), "sent twice: {doubled:?}");
    let lost: Vec<_> = in_doubt
        .iter()
        .filter(|chat| !delivered.contains_key(chat))
        .collect();
    assert!(in_doubt.len() <= MAX_IN_FLIGHT, "{in_doubt:?}");
    eprintln!(
        "replicas: {sent_by_first} reminders sent before SIGKILL, {} after by the other replica \
         (took over {:.1} s after the kill); {} claims left in doubt, {} of them never reached the API",
        delivered.len() - sent_by_first,
        takeover.as_secs_f64(),
        in_doubt.len(),
        lost.len()
    );
    assert_eq!(delivered.len() + lost.len(), chats.len());
    drop(first);
    second.finish().await;
}
