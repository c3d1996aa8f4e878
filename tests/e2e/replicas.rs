//! Two `serve` processes on one PostgreSQL database against the fake Bot API: 500 subscribers due in the
//! same minute get one reminder each; the scheduling replica is killed with SIGKILL in the middle of the
//! batch, and the other takes over: none sent twice, at most the messages then in flight in doubt
//! (counted and printed), the rest delivered. And in webhook mode, behind a stand-in for the reverse proxy,
//! both replicas restarted in turn while users ask: every question is answered. Needs `TEST_DATABASE_URL`
//! (`.ci/run` starts a server).

use crate::bot_process::BotProcess;
use crate::fake_api::{self, FakeApi};
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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
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
        if call.ok && call.text().contains(crate::reminders::REMINDER_MARK) {
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

const SECRET: &str = "rolling_restart_secret";

/// POSTs `update` to the replica on `port` as Telegram would; the HTTP status, or `None` if nothing
/// answered (not listening, or the connection dropped).
async fn post_once(port: u16, secret: &str, update: &serde_json::Value) -> Option<u16> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let body = update.to_string();
    let request = format!(
        "POST /telegram HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         X-Telegram-Bot-Api-Secret-Token: {secret}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .ok()?;
    stream.write_all(request.as_bytes()).await.ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).await.ok()?;
    response.split_whitespace().nth(1)?.parse().ok()
}

/// What the reverse proxy does: hands the update to a replica, the other when one does not take it.
async fn through_the_proxy(ports: [u16; 2], first: usize, update: &serde_json::Value) {
    let start = Instant::now();
    loop {
        for n in [first % 2, (first + 1) % 2] {
            if post_once(ports[n], SECRET, update).await == Some(200) {
                return;
            }
        }
        assert!(start.elapsed() < WAIT, "no replica took {update}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until the webhook server on `port` answers (a wrong secret: 401, no update).
async fn wait_listening(port: u16) {
    let start = Instant::now();
    while post_once(port, "probe", &serde_json::json!({})).await != Some(401) {
        assert!(start.elapsed() < WAIT, "port {port} never listened");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

#[tokio::test]
async fn a_rolling_restart_of_both_replicas_while_users_ask_loses_no_question() {
    let Some(server) = url("rolling_restart") else {
        return;
    };
    let database = new_database(&server).await;
    let api = FakeApi::start().await;
    let ports = [free_port(), free_port()];
    let spawn = |port: u16| {
        BotProcess::spawn(
            &api,
            &[
                ("DATABASE_URL", database.as_str()),
                ("WEBHOOK_URL", "https://bot.example.org/telegram"),
                ("PORT", &port.to_string()),
                ("WEBHOOK_SECRET", SECRET),
            ],
        )
    };
    let mut replicas = [spawn(ports[0]), spawn(ports[1])];
    for port in ports {
        wait_listening(port).await;
    }

    // Users ask all the while, one question each, through the proxy.
    let restarted = Arc::new(AtomicBool::new(false));
    let asking = {
        let restarted = restarted.clone();
        tokio::spawn(async move {
            let mut asked = Vec::new();
            let mut n: i64 = 0;
            // Until both restarts are over, and a few more after.
            let mut after = 10;
            while after > 0 {
                if restarted.load(Ordering::Relaxed) {
                    after -= 1;
                }
                let chat = 30_000 + n;
                let update = serde_json::json!({
                    "update_id": 1_000 + n,
                    "message": fake_api::text_message(n + 1, chat, chat, "2022年生产总值目标是多少"),
                });
                through_the_proxy(ports, usize::try_from(n).unwrap_or(0), &update).await;
                asked.push(chat);
                n += 1;
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            asked
        })
    };
    for n in 0..2 {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let status = replicas[n].terminate(WAIT).await;
        assert!(
            status.is_some_and(|s| s.success()),
            "{}",
            replicas[n].logs()
        );
        replicas[n] = spawn(ports[n]);
        wait_listening(ports[n]).await;
    }
    restarted.store(true, Ordering::Relaxed);
    let asked = asking.await.unwrap();

    let start = Instant::now();
    let unanswered = loop {
        let answered: HashSet<i64> = api
            .calls_to("SendMessage")
            .iter()
            .filter_map(|call| call.params["chat_id"].as_i64())
            .collect();
        let unanswered: Vec<i64> = asked
            .iter()
            .copied()
            .filter(|chat| !answered.contains(chat))
            .collect();
        if unanswered.is_empty() || start.elapsed() > WAIT {
            break unanswered;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert!(
        unanswered.is_empty(),
        "{} of {} unanswered: {unanswered:?}",
        unanswered.len(),
        asked.len()
    );
    assert!(api.calls_to("DeleteWebhook").is_empty());
    eprintln!(
        "rolling restart: {} questions asked, all answered",
        asked.len()
    );
    let [first, second] = replicas;
    first.finish().await;
    second.finish().await;
}
