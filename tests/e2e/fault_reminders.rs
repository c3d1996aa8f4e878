//! The fault suite, reminders: subscribers whose reminder is due at the same minute while faults are
//! injected, counted like the replies (tests/e2e/faults.rs). The scenarios run side by side, each
//! with its own fake API and bot, so the suite waits for one reminder minute (plus one retry minute)
//! in all. Two scenarios need root on a file system with `chattr` (read-only database) and `prlimit`
//! (full disk); where those are missing they say so and are skipped.

use crate::bot_process::BotProcess;
use crate::fake_api::{message_update, text_message, Call, FakeApi, Fault};
use crate::faults::{settle, Tally};
use crate::reminders::next_whole_minute;
use chrono::{DateTime, Utc};
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
/// A reminder that failed for sure is retried a minute later, and teloxide waits 10 s after a 5xx.
const AFTER_A_RETRY: Duration = Duration::from_secs(100);
/// The store's connections are reopened every 30 s (`CONNECTION_LIFETIME`), then the scheduler's next
/// pass (at most 20 s) sends.
const RECOVERY: Duration = Duration::from_secs(60);

fn is_reminder(call: &Call) -> bool {
    call.text().contains(crate::reminders::REMINDER_MARK)
}

/// Subscribes every chat for `due` (UTC) and waits for the confirmations.
async fn subscribe(api: &FakeApi, bot: &BotProcess, chats: &[i64], due: DateTime<Utc>) {
    let command = format!("/subscribe {} UTC", due.format("%H:%M"));
    for chat in chats {
        api.push_update(message_update(text_message(1, *chat, *chat, &command)));
    }
    let confirmed = |api: &FakeApi| {
        let calls = api.calls_to("SendMessage");
        chats
            .iter()
            .all(|chat| calls.iter().any(|c| c.ok && c.params["chat_id"] == *chat))
    };
    let deadline = tokio::time::Instant::now() + WAIT;
    while !confirmed(api) && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(confirmed(api), "not all subscribed; logs:\n{}", bot.logs());
}

async fn sleep_until(at: DateTime<Utc>) {
    if let Ok(wait) = (at - Utc::now()).to_std() {
        tokio::time::sleep(wait).await;
    }
}

/// A database in a folder of its own, and the environment that points the bot at it.
struct Database {
    folder: tempfile::TempDir,
    url: String,
}

impl Database {
    fn new() -> Database {
        let folder = tempfile::tempdir().expect("temporary directory");
        let url = format!("sqlite://{}", folder.path().join("bot.db").display());
        Database { folder, url }
    }

    fn env(&self) -> [(&str, &str); 1] {
        [("DATABASE_URL", self.url.as_str())]
    }

    /// The database's files (the WAL too, once it exists; not the WAL index, which is shared memory).
    fn files(&self) -> Vec<PathBuf> {
        ["bot.db", "bot.db-wal"]
            .iter()
            .map(|name| self.folder.path().join(name))
            .filter(|path| path.exists())
            .collect()
    }
}

/// Runs a tool; `false` when it is missing or not permitted here.
fn run(tool: &str, args: &[&str]) -> bool {
    Command::new(tool)
        .args(args)
        .status()
        .is_ok_and(|status| status.success())
}

/// The database's files made immutable (even root's open descriptors cannot write them) until dropped.
struct ReadOnly(Vec<PathBuf>);

impl ReadOnly {
    fn new(files: Vec<PathBuf>) -> Option<ReadOnly> {
        let paths: Vec<&str> = files.iter().filter_map(|p| p.to_str()).collect();
        let made = run("chattr", &[&["+i"][..], &paths].concat());
        let guard = ReadOnly(files);
        made.then_some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        for path in &self.0 {
            run("chattr", &["-i", &path.display().to_string()]);
        }
    }
}

/// Sets the process's file size limit (`0` fills the disk for it, `unlimited` frees it).
fn limit_file_size(pid: u32, soft: &str) -> bool {
    run(
        "prlimit",
        &[
            "--pid",
            &pid.to_string(),
            &format!("--fsize={soft}:unlimited"),
        ],
    )
}

/// Delivered, in doubt and lost per fault: a reset mid-request and a hung API leave their reminder in
/// doubt (never sent twice), a 429 and a 5xx only delay theirs, a block ends the subscription.
async fn faults_at_the_minute(due: DateTime<Utc>) -> Tally {
    let chats: Vec<i64> = (7_101..=7_107).collect();
    let api = FakeApi::start().await;
    let bot = BotProcess::start(&api, &[]).await;
    subscribe(&api, &bot, &chats, due).await;
    let faults = [
        Fault::Reset,
        Fault::Hang(Duration::from_secs(19)),
        Fault::TooManyRequests { retry_after: 1 },
        Fault::ServerError(502),
        Fault::BlockedByUser,
    ];
    for (chat, fault) in chats[2..].iter().zip(faults) {
        api.fail_chat(*chat, fault);
    }
    sleep_until(due).await;
    let counted = &chats[..6];
    settle(&api, counted, AFTER_A_RETRY, is_reminder).await;
    let tally = Tally::of(&api, counted, is_reminder);
    tally.print("reminders: reset, hung, 429, 502 (one chat each; 2 without a fault)");
    let logs = bot.finish().await;
    assert!(logs.contains("subscription ended"), "the 403: {logs}");
    tally
}

/// `kill -9` while a 40-subscriber batch is going out, three of its requests hung, then a restart on
/// the same database.
async fn sigkill_mid_batch(due: DateTime<Utc>) -> Tally {
    let chats: Vec<i64> = (7_201..=7_240).collect();
    let database = Database::new();
    let api = FakeApi::start().await;
    let mut bot = BotProcess::start(&api, &database.env()).await;
    subscribe(&api, &bot, &chats, due).await;
    for chat in &chats[..3] {
        api.fail_chat(*chat, Fault::Hang(Duration::from_secs(30)));
    }
    sleep_until(due).await;
    let deadline = tokio::time::Instant::now() + WAIT;
    while Tally::of(&api, &chats, is_reminder).delivered < 10
        && tokio::time::Instant::now() < deadline
    {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    bot.signal("KILL", WAIT).await;
    let at_kill = Tally::of(&api, &chats, is_reminder);
    let bot = BotProcess::start(&api, &database.env()).await;
    settle(&api, &chats, WAIT, is_reminder).await;
    let tally = Tally::of(&api, &chats, is_reminder);
    eprintln!("sigkill mid-batch: at the kill {at_kill:?}, after the restart {tally:?}");
    tally.print("reminders: SIGKILL mid-batch of 40 (3 hung), restart on the same database");
    bot.finish().await;
    tally
}

/// The database turns read-only (or the disk fills) a few seconds before the minute and comes back
/// 20 s after it: questions are still answered, /subscribe says it failed, the reminders come late.
async fn store_unwritable_at_the_minute(due: DateTime<Utc>, full_disk: bool) -> Option<Tally> {
    let name = if full_disk {
        "full disk"
    } else {
        "read-only database"
    };
    let chats: Vec<i64> = if full_disk {
        vec![7_301, 7_302]
    } else {
        vec![7_401, 7_402]
    };
    let database = Database::new();
    let api = FakeApi::start().await;
    let bot = BotProcess::start(&api, &database.env()).await;
    subscribe(&api, &bot, &chats, due).await;
    sleep_until(due - chrono::TimeDelta::seconds(5)).await;
    let pid = bot.pid().expect("running");
    let read_only = if full_disk {
        None
    } else {
        match ReadOnly::new(database.files()) {
            Some(guard) => Some(guard),
            None => {
                eprintln!("fault suite: chattr not permitted here; {name} skipped");
                bot.finish().await;
                return None;
            }
        }
    };
    if full_disk && !limit_file_size(pid, "0") {
        eprintln!("fault suite: prlimit not permitted here; {name} skipped");
        bot.finish().await;
        return None;
    }
    sleep_until(due + chrono::TimeDelta::seconds(15)).await;
    let during = Tally::of(&api, &chats, is_reminder);
    let question = api
        .message_and_reply(chats[0] + 50, "2022年GDP目标是多少", WAIT)
        .await;
    let subscribe_reply = api
        .message_and_reply(chats[0] + 51, "/subscribe 7:30", WAIT)
        .await;
    drop(read_only);
    if full_disk {
        limit_file_size(pid, "unlimited");
    }
    // Connections opened while the file could not be written are reopened within 30 s.
    settle(&api, &chats, RECOVERY, is_reminder).await;
    let tally = Tally::of(&api, &chats, is_reminder);
    eprintln!("{name}: while unwritable {during:?}, after {tally:?}");
    tally.print(&format!(
        "reminders: {name} from 5 s before the minute to 15 s after"
    ));
    let logs = bot.finish().await;
    assert_eq!(during.delivered, 0, "{name}: nothing sent without a claim");
    assert!(
        question.is_some_and(|c| c.ok),
        "{name}: questions answered: {logs}"
    );
    let subscribe_reply = subscribe_reply.map(|c| c.text().to_owned());
    // A read-only file refuses every write. Under a file-size limit a small write can still land in
    // pages the file already has (seen once in CI): then /subscribe truly succeeds and says so.
    assert!(
        subscribe_reply.as_deref().is_some_and(|text| {
            text.contains("出了点问题") || (full_disk && text.starts_with("好的"))
        }),
        "{name}: /subscribe says what happened: {subscribe_reply:?}"
    );
    Some(tally)
}

#[tokio::test]
async fn reminders_under_faults_are_never_doubled() {
    let due = next_whole_minute();
    let (faults, killed, read_only, full_disk) = tokio::join!(
        faults_at_the_minute(due),
        sigkill_mid_batch(due),
        store_unwritable_at_the_minute(due, false),
        store_unwritable_at_the_minute(due, true),
    );
    assert_eq!(faults, Tally::expected(4, 2), "reset and hung in doubt");
    assert_eq!(killed.doubled, 0, "{killed:?}");
    assert_eq!(killed.delivered + killed.in_doubt + killed.lost, 40);
    assert!(killed.in_doubt >= 3, "the hung ones: {killed:?}");
    assert!(killed.delivered >= 30, "the rest caught up: {killed:?}");
    for tally in [read_only, full_disk].into_iter().flatten() {
        assert_eq!(tally, Tally::expected(2, 0), "late, but delivered");
    }
}
