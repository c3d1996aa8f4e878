//! Daily reminders end to end inside the library: the SQLite store, the sender and the scheduler, with a
//! virtual clock the tests move (nothing here sleeps for real), a scripted transport standing in for
//! the Bot API and the three made-up targets of tests/fixtures/reminders; then the rotation of the real
//! report, the reminder message, and the /subscribe, /subscription and /unsubscribe commands through
//! teloxide_tests' mock Bot API.

pub mod support;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use report_bot::answer::Engine;
use report_bot::knowledge::{FigureKind, Indicator, Library};
use report_bot::reminders::content::{Reminder, TargetRotation};
use report_bot::reminders::schedule::DailySchedule;
use report_bot::reminders::scheduler::Scheduler;
use report_bot::reminders::sender::{
    BatchReport, Clock, RateLimits, Sender, Transport, TransportError, CLAIM_STALE_AFTER,
};
use report_bot::reminders::store::{SqliteStore, SubscriptionStore};
use report_bot::reminders::{status, subscribe, unsubscribe};
use report_bot::telegram::html::{self as render, MAX_MESSAGE_LEN};
use report_bot::telegram::keyboards::reminder_keyboard;
use report_bot::telegram::views::reminder_blocks;
use report_bot::telegram::{schema, texts, BotContext};
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;
use support::html::visible;
use support::keyboard::callback_data;
use teloxide::types::ReplyMarkup;
use teloxide::{dptree, Bot};
use teloxide_tests::{MockBot, MockCallbackQuery, MockMessageText, MockUser};
use tokio::sync::Notify;
use tokio_util::sync::CancellationToken;

/// A clock that only moves when the test (or a sleeper) moves it; sleeping jumps to the wake-up time.
struct VirtualClock {
    now: Mutex<DateTime<Utc>>,
    /// Cancelled when a sleeper would wake past this instant: ends a scheduler run.
    end: Option<(DateTime<Utc>, CancellationToken)>,
}

impl VirtualClock {
    fn at(now: &str) -> Arc<Self> {
        Arc::new(VirtualClock {
            now: Mutex::new(utc(now)),
            end: None,
        })
    }

    fn until(now: &str, end: &str, cancel: CancellationToken) -> Arc<Self> {
        Arc::new(VirtualClock {
            now: Mutex::new(utc(now)),
            end: Some((utc(end), cancel)),
        })
    }

    fn set(&self, now: &str) {
        *self.now.lock().unwrap() = utc(now);
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap()
    }

    async fn sleep_until(&self, at: DateTime<Utc>) {
        if let Some((end, cancel)) = &self.end {
            if at > *end {
                cancel.cancel();
                return;
            }
        }
        {
            let mut now = self.now.lock().unwrap();
            *now = (*now).max(at);
        }
        tokio::task::yield_now().await;
    }
}

/// What the fake Bot API does with the next message to a chat.
#[derive(Clone)]
enum Scripted {
    Fail(TransportError),
    /// The request went out and the process died before the answer: never completes.
    Hang,
}

#[derive(Debug, Clone, PartialEq)]
struct Call {
    chat_id: i64,
    at: DateTime<Utc>,
    day: NaiveDate,
    position: usize,
    delivered: bool,
}

struct FakeTransport {
    clock: Arc<VirtualClock>,
    script: Mutex<HashMap<i64, VecDeque<Scripted>>>,
    calls: Mutex<Vec<Call>>,
    hung: Notify,
}

impl FakeTransport {
    fn new(clock: Arc<VirtualClock>) -> Arc<Self> {
        Arc::new(FakeTransport {
            clock,
            script: Mutex::new(HashMap::new()),
            calls: Mutex::new(Vec::new()),
            hung: Notify::new(),
        })
    }

    fn script(&self, chat_id: i64, outcomes: impl IntoIterator<Item = Scripted>) {
        self.script
            .lock()
            .unwrap()
            .entry(chat_id)
            .or_default()
            .extend(outcomes);
    }

    fn calls(&self) -> Vec<Call> {
        self.calls.lock().unwrap().clone()
    }

    fn delivered(&self) -> Vec<Call> {
        self.calls().into_iter().filter(|c| c.delivered).collect()
    }

    fn delivered_to(&self, chat_id: i64) -> Vec<Call> {
        self.delivered()
            .into_iter()
            .filter(|c| c.chat_id == chat_id)
            .collect()
    }
}

impl Transport for FakeTransport {
    fn send(
        &self,
        chat_id: i64,
        reminder: &Reminder,
    ) -> impl Future<Output = Result<(), TransportError>> + Send + 'static {
        let next = self
            .script
            .lock()
            .unwrap()
            .get_mut(&chat_id)
            .and_then(VecDeque::pop_front);
        // A hung request counts as delivered: Telegram got it, the bot never heard back.
        let delivered = !matches!(next, Some(Scripted::Fail(_)));
        self.calls.lock().unwrap().push(Call {
            chat_id,
            at: self.clock.now(),
            day: reminder.date,
            position: reminder.position,
            delivered,
        });
        if matches!(next, Some(Scripted::Hang)) {
            self.hung.notify_one();
        }
        async move {
            match next {
                None => Ok(()),
                Some(Scripted::Fail(error)) => Err(error),
                Some(Scripted::Hang) => std::future::pending().await,
            }
        }
    }
}

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn schedule(args: &str) -> DailySchedule {
    DailySchedule::parse(args).unwrap()
}

/// Three made-up targets (tests/fixtures/reminders: two main targets and a task target, not the
/// real report's).
fn rotation() -> Arc<TargetRotation> {
    static ROTATION: LazyLock<Arc<TargetRotation>> = LazyLock::new(|| {
        let rotation = TargetRotation::from_library(&support::fixtures::fixture("reminders"))
            .expect("the reminders fixture has targets");
        assert_eq!(rotation.targets().len(), 3);
        Arc::new(rotation)
    });
    ROTATION.clone()
}

struct Harness {
    store: Arc<SqliteStore>,
    clock: Arc<VirtualClock>,
    transport: Arc<FakeTransport>,
}

impl Harness {
    async fn new(now: &str) -> Self {
        let clock = VirtualClock::at(now);
        Harness {
            store: Arc::new(SqliteStore::in_memory().await.unwrap()),
            transport: FakeTransport::new(clock.clone()),
            clock,
        }
    }

    /// A fresh sender, as after a process restart: nothing survives but the store.
    fn sender(&self) -> Sender<SqliteStore, FakeTransport, VirtualClock> {
        Sender::new(
            self.store.clone(),
            self.transport.clone(),
            self.clock.clone(),
            rotation(),
            RateLimits::default(),
        )
    }

    async fn subscribe(&self, chat_id: i64, args: &str) {
        subscribe(&*self.store, chat_id, schedule(args), self.clock.now())
            .await
            .unwrap();
    }

    async fn deliver_at(&self, now: &str) -> BatchReport {
        self.deliver_at_instant(utc(now)).await
    }

    async fn deliver_at_instant(&self, now: DateTime<Utc>) -> BatchReport {
        *self.clock.now.lock().unwrap() = now;
        self.sender()
            .deliver_due(&CancellationToken::new())
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn due_at_the_subscribed_minute_and_only_once() {
    // 08:00 in Shanghai is 00:00 UTC.
    let bot = Harness::new("2022-05-09T22:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    assert_eq!(bot.deliver_at("2022-05-09T23:59:59Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T00:00:00Z").await.sent, 1);
    assert_eq!(bot.deliver_at("2022-05-10T00:01:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T10:00:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-11T00:00:00Z").await.sent, 1);
    let days: Vec<NaiveDate> = bot.transport.delivered().iter().map(|c| c.day).collect();
    assert_eq!(days, [day("2022-05-10"), day("2022-05-11")]);
}

#[tokio::test]
async fn each_zone_gets_its_own_local_day_across_the_date_line() {
    let bot = Harness::new("2024-05-31T00:00:00Z").await;
    bot.subscribe(14, "8:00 Pacific/Kiritimati").await; // UTC+14: 08:00 is 18:00 UTC the day before
    bot.subscribe(-11, "8:00 Pacific/Pago_Pago").await; // UTC-11: 08:00 is 19:00 UTC the same day
    bot.subscribe(2, "21:00 Europe/Berlin").await; // CEST: 19:00 UTC
    bot.deliver_at("2024-05-31T18:00:00Z").await;
    assert_eq!(bot.transport.delivered_to(14)[0].day, day("2024-06-01"));
    assert!(bot.transport.delivered_to(-11).is_empty());
    bot.deliver_at("2024-05-31T19:00:00Z").await;
    assert_eq!(bot.transport.delivered_to(-11)[0].day, day("2024-05-31"));
    assert_eq!(bot.transport.delivered_to(2)[0].day, day("2024-05-31"));
    bot.deliver_at("2024-06-01T18:00:00Z").await;
    bot.deliver_at("2024-06-01T19:00:00Z").await;
    let days = |chat| -> Vec<NaiveDate> {
        bot.transport
            .delivered_to(chat)
            .iter()
            .map(|c| c.day)
            .collect()
    };
    assert_eq!(days(14), [day("2024-06-01"), day("2024-06-02")]);
    assert_eq!(days(-11), [day("2024-05-31"), day("2024-06-01")]);
    assert_eq!(days(2), [day("2024-05-31"), day("2024-06-01")]);
}

#[tokio::test]
async fn a_reminder_missed_while_down_is_sent_once_on_restart_the_same_day() {
    let bot = Harness::new("2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    // Down from before 08:00 until 11:30 local (03:30 UTC): one catch-up send.
    let report = bot.deliver_at("2022-05-10T03:30:00Z").await;
    assert_eq!(report.sent, 1);
    assert_eq!(bot.deliver_at("2022-05-10T03:31:00Z").await.sent, 0);
    // Down all of the next day's morning past the 12-hour limit: skipped, and the day after is normal.
    let report = bot.deliver_at("2022-05-11T12:00:01Z").await;
    assert_eq!((report.sent, report.missed), (0, 1));
    assert_eq!(bot.deliver_at("2022-05-12T00:00:00Z").await.sent, 1);
    let days: Vec<NaiveDate> = bot.transport.delivered().iter().map(|c| c.day).collect();
    assert_eq!(days, [day("2022-05-10"), day("2022-05-12")]);
}

#[tokio::test]
async fn resubscribing_changes_the_time_without_a_second_subscription_or_reminder() {
    let bot = Harness::new("2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.subscribe(1, "9:30").await;
    let stored = bot.store.get(1).await.unwrap().unwrap();
    assert_eq!(stored.schedule, schedule("9:30"));
    assert_eq!(
        bot.store
            .due(utc("2030-01-01T00:00:00Z"))
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(bot.deliver_at("2022-05-10T00:00:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T01:30:00Z").await.sent, 1);
    // After today's reminder, moving the time later the same day waits for tomorrow.
    bot.subscribe(1, "21:00").await;
    let shown = status(&*bot.store, 1, bot.clock.now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(shown.next_send.to_rfc3339(), "2022-05-11T21:00:00+08:00");
    assert_eq!(bot.deliver_at("2022-05-10T13:00:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-11T13:00:00Z").await.sent, 1);
    // Unsubscribing and subscribing again the same day does not bring that day back either.
    assert!(unsubscribe(&*bot.store, 1).await.unwrap());
    bot.subscribe(1, "22:00").await;
    assert_eq!(bot.deliver_at("2022-05-11T14:00:00Z").await.sent, 0);
    assert_eq!(bot.transport.delivered().len(), 2);
}

#[tokio::test]
async fn status_shows_the_next_send_in_the_users_zone() {
    let bot = Harness::new("2024-03-30T12:00:00Z").await;
    assert_eq!(status(&*bot.store, 7, bot.clock.now()).await.unwrap(), None);
    bot.subscribe(7, "2:30 Europe/Berlin").await;
    let shown = status(&*bot.store, 7, bot.clock.now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(shown.schedule.zone, Tz::Europe__Berlin);
    // 02:30 does not exist on 2024-03-31 in Berlin: the first minute after the gap.
    assert_eq!(shown.next_send.to_rfc3339(), "2024-03-31T03:00:00+02:00");
}

#[tokio::test]
async fn a_blocked_chat_loses_its_subscription() {
    let bot = Harness::new("2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.subscribe(2, "8:00").await;
    bot.transport
        .script(1, [Scripted::Fail(TransportError::Blocked)]);
    let report = bot.deliver_at("2022-05-10T00:00:00Z").await;
    assert_eq!((report.sent, report.blocked), (1, 1));
    assert_eq!(bot.store.get(1).await.unwrap(), None);
    bot.deliver_at("2022-05-11T00:00:00Z").await;
    assert_eq!(
        bot.transport
            .calls()
            .iter()
            .filter(|c| c.chat_id == 1)
            .count(),
        1
    );
    assert_eq!(bot.transport.delivered_to(2).len(), 2);
}

#[tokio::test]
async fn a_429_is_waited_out_and_retried_once_delivered() {
    let bot = Harness::new("2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.subscribe(2, "8:00").await;
    bot.transport.script(
        1,
        [Scripted::Fail(TransportError::RetryAfter(
            Duration::from_secs(7),
        ))],
    );
    let report = bot.deliver_at("2022-05-10T00:00:00Z").await;
    assert_eq!((report.sent, report.retry_later), (2, 0));
    let calls = bot.transport.calls();
    let to_1: Vec<&Call> = calls.iter().filter(|c| c.chat_id == 1).collect();
    assert_eq!(to_1.len(), 2);
    assert!(!to_1[0].delivered && to_1[1].delivered);
    assert!(to_1[1].at - to_1[0].at >= TimeDelta::seconds(7));
    // The pause holds every chat, not just the one that got the 429.
    let to_2 = &bot.transport.delivered_to(2)[0];
    assert!(to_2.at < to_1[0].at || to_2.at >= to_1[0].at + TimeDelta::seconds(7));
    assert_eq!(bot.deliver_at("2022-05-10T00:05:00Z").await.sent, 0);
}

#[tokio::test]
async fn a_long_429_pauses_the_batch_and_releases_the_day_for_later() {
    let bot = Harness::new("2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.subscribe(2, "8:00").await;
    bot.transport.script(
        1,
        [Scripted::Fail(TransportError::RetryAfter(
            Duration::from_secs(300),
        ))],
    );
    let report = bot.deliver_at("2022-05-10T00:00:00Z").await;
    assert_eq!((report.sent, report.retry_later), (1, 1));
    // Telegram asked for five minutes of quiet: chat 2 waited them out.
    let first = bot.transport.calls()[0].at;
    assert!(bot.transport.delivered_to(2)[0].at >= first + TimeDelta::seconds(300));
    // Chat 1's day was released, to be tried again once the five minutes are over.
    assert_eq!(bot.deliver_at("2022-05-10T00:04:59Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T00:05:01Z").await.sent, 1);
    assert_eq!(bot.deliver_at("2022-05-10T00:30:00Z").await.sent, 0);
    assert_eq!(bot.transport.delivered_to(1).len(), 1);
}

#[tokio::test]
async fn an_error_answer_is_retried_with_backoff_until_delivered() {
    let bot = Harness::new("2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    let bad_gateway = || Scripted::Fail(TransportError::Other("502 Bad Gateway".to_owned()));
    bot.transport.script(1, [bad_gateway(), bad_gateway()]);
    assert_eq!(bot.deliver_at("2022-05-10T00:00:00Z").await.retry_later, 1);
    // One minute after the first failure, two after the second.
    assert_eq!(bot.deliver_at("2022-05-10T00:00:59Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T00:01:00Z").await.retry_later, 1);
    assert_eq!(bot.deliver_at("2022-05-10T00:02:59Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-10T00:03:00Z").await.sent, 1);
    assert_eq!(bot.deliver_at("2022-05-10T00:10:00Z").await.sent, 0);
    assert_eq!(bot.transport.calls().len(), 3);
    assert_eq!(bot.transport.delivered_to(1).len(), 1);
}

#[tokio::test]
async fn a_crash_between_sending_and_recording_never_sends_twice_nor_loses_the_rest() {
    let bot = Harness::new("2022-05-09T12:00:00Z").await;
    for chat_id in 1..=3 {
        bot.subscribe(chat_id, "8:00").await;
    }
    bot.transport.script(2, [Scripted::Hang]);
    bot.clock.set("2022-05-10T00:00:00Z");
    let sender = bot.sender();
    let batch = tokio::spawn(async move { sender.deliver_due(&CancellationToken::new()).await });
    bot.transport.hung.notified().await;
    // The message to chat 2 is out, its answer never recorded: the process dies here.
    batch.abort();
    assert!(batch.await.unwrap_err().is_cancelled());
    assert_eq!(bot.transport.delivered_to(2).len(), 1);
    // Restart right away: chat 2's claim is fresh (it might be another replica's), so it waits ...
    let report = bot.deliver_at("2022-05-10T00:00:30Z").await;
    assert_eq!(report.busy, 1);
    // ... and once stale it is settled as in doubt, never sent again.
    // (Chat 2 was claimed at its slot, 1/30 s after chat 1.)
    let stale = utc("2022-05-10T00:00:00Z") + CLAIM_STALE_AFTER + TimeDelta::milliseconds(34);
    let report = bot.deliver_at_instant(stale).await;
    assert_eq!((report.sent, report.already_settled), (0, 1));
    for chat_id in 1..=3 {
        assert_eq!(
            bot.transport.delivered_to(chat_id).len(),
            1,
            "chat {chat_id}"
        );
    }
    // The next day is ordinary for everyone.
    bot.deliver_at("2022-05-11T00:00:00Z").await;
    for chat_id in 1..=3 {
        assert_eq!(
            bot.transport.delivered_to(chat_id).len(),
            2,
            "chat {chat_id}"
        );
    }
}

#[tokio::test]
async fn an_indeterminate_failure_is_not_resent() {
    let bot = Harness::new("2022-05-09T12:00:00Z").await;
    bot.subscribe(1, "8:00").await;
    bot.transport.script(
        1,
        [Scripted::Fail(TransportError::Indeterminate(
            "timed out".to_owned(),
        ))],
    );
    assert_eq!(bot.deliver_at("2022-05-10T00:00:00Z").await.in_doubt, 1);
    assert_eq!(bot.deliver_at("2022-05-10T01:00:00Z").await.sent, 0);
    assert_eq!(bot.deliver_at("2022-05-11T00:00:00Z").await.sent, 1);
}

#[tokio::test]
async fn ten_thousand_subscribers_get_one_reminder_each_within_the_rate_limits() {
    const SUBSCRIBERS: i64 = 10_000;
    let bot = Harness::new("2022-05-09T12:00:00Z").await;
    for chat_id in 1..=SUBSCRIBERS {
        bot.subscribe(chat_id, "8:00").await;
    }
    // A few 429s along the way: the batch must still respect the limits and deliver each exactly once.
    for chat_id in [17, 5_000, 9_999] {
        bot.transport.script(
            chat_id,
            [Scripted::Fail(TransportError::RetryAfter(
                Duration::from_secs(2),
            ))],
        );
    }
    let start = utc("2022-05-10T00:00:00Z");
    let report = bot.deliver_at("2022-05-10T00:00:00Z").await;
    assert_eq!(report.sent, 10_000);

    let calls = bot.transport.calls();
    let mut per_chat: HashMap<i64, Vec<DateTime<Utc>>> = HashMap::new();
    for call in &calls {
        per_chat.entry(call.chat_id).or_default().push(call.at);
    }
    assert_eq!(per_chat.len(), 10_000);
    assert_eq!(bot.transport.delivered().len(), 10_000);
    for (chat_id, times) in &per_chat {
        for pair in times.windows(2) {
            assert!(pair[1] - pair[0] >= TimeDelta::seconds(1), "chat {chat_id}");
        }
    }
    // Never more than 30 requests in any one-second window.
    let mut times: Vec<DateTime<Utc>> = calls.iter().map(|c| c.at).collect();
    times.sort();
    for window in times.windows(31) {
        assert!(window[30] - window[0] >= TimeDelta::seconds(1));
    }
    // ... and spread, not stalled: 10,003 requests at 30 a second plus three 2-second pauses.
    let took = *times.last().unwrap() - start;
    assert!(took >= TimeDelta::seconds(333), "{took}");
    assert!(took <= TimeDelta::seconds(345), "{took}");
    assert_eq!(bot.deliver_at("2022-05-10T00:30:00Z").await.sent, 0);
}

#[tokio::test]
async fn the_scheduler_sends_one_reminder_a_day_rotating_through_the_targets() {
    let cancel = CancellationToken::new();
    let clock = VirtualClock::until(
        "2022-05-09T12:00:00Z",
        "2022-05-13T12:00:00Z",
        cancel.clone(),
    );
    let store = Arc::new(SqliteStore::in_memory().await.unwrap());
    let transport = FakeTransport::new(clock.clone());
    for (chat_id, args) in [
        (1, "8:00"),
        (2, "23:59 Pacific/Kiritimati"),
        (3, "0:00 America/New_York"),
    ] {
        subscribe(&*store, chat_id, schedule(args), clock.now())
            .await
            .unwrap();
    }
    let sender = Sender::new(
        store.clone(),
        transport.clone(),
        clock.clone(),
        rotation(),
        RateLimits::default(),
    );
    Scheduler::new(sender, store.clone(), clock.clone())
        .run(cancel)
        .await;
    for chat_id in 1..=3 {
        let got = transport.delivered_to(chat_id);
        let positions: Vec<usize> = got.iter().map(|c| c.position).collect();
        assert_eq!(positions, [1, 2, 3, 1], "chat {chat_id}");
        let mut days: Vec<NaiveDate> = got.iter().map(|c| c.day).collect();
        days.dedup();
        assert_eq!(days.len(), 4, "chat {chat_id}: one reminder per local day");
        // Each went out within a second of its time (the loop wakes at the due time).
        let zone_schedule = store.get(chat_id).await.unwrap().unwrap().schedule;
        for call in &got {
            let due = zone_schedule.occurrence(call.day).unwrap();
            assert!(
                call.at >= due && call.at - due <= TimeDelta::seconds(1),
                "{call:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_subscription_survives_a_restart_of_the_process() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("nested/data/report-bot.db");
    let url = format!("sqlite://{}", path.display());
    let now = utc("2022-05-09T12:00:00Z");
    {
        let store = SqliteStore::open(&url).await.unwrap();
        subscribe(&store, 42, schedule("21:00 Europe/Berlin"), now)
            .await
            .unwrap();
        store.close().await;
    }
    assert!(path.exists(), "the missing folders were created");
    let reopened = SqliteStore::open(&url).await.unwrap();
    let shown = status(&reopened, 42, now).await.unwrap().unwrap();
    assert_eq!(shown.schedule, schedule("21:00 Europe/Berlin"));
    assert_eq!(shown.next_send.to_rfc3339(), "2022-05-09T21:00:00+02:00");
    let journal: String = sqlx_journal_mode(&url).await;
    assert_eq!(journal, "wal");
}

async fn sqlx_journal_mode(url: &str) -> String {
    use sqlx::Connection;
    let mut connection = sqlx::SqliteConnection::connect(url).await.unwrap();
    sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut connection)
        .await
        .unwrap()
}

// ---- the real report's rotation and the Telegram side ------------------------------------------

static REPORT: LazyLock<Library> = LazyLock::new(support::fixtures::knowledge);

static ENGINE: LazyLock<Arc<Engine>> =
    LazyLock::new(|| Arc::new(Engine::new(REPORT.clone()).expect("the engine builds")));

#[test]
fn the_2022_rotation_runs_main_targets_then_numeric_tasks_then_the_livelihood_projects() {
    let rotation = TargetRotation::from_library(&REPORT).unwrap();
    let targets = rotation.targets();
    let report = REPORT.latest();
    let ids = |records: &[&Indicator]| -> Vec<String> {
        records.iter().map(|record| record.id.clone()).collect()
    };

    let main: Vec<&Indicator> = report.indicators_of(FigureKind::MainTarget).collect();
    assert_eq!(main.len(), 11);
    assert_eq!(targets[0].metric, "生产总值");
    assert_eq!(targets[10].metric, "货物进出口总额");
    let front: Vec<&Indicator> = targets[..11].iter().collect();
    assert_eq!(ids(&front), ids(&main));

    let numeric_tasks: Vec<&Indicator> = report
        .indicators_of(FigureKind::TaskTarget)
        .filter(|record| record.group.is_none() && record.number.is_some())
        .collect();
    let middle: Vec<&Indicator> = targets[11..11 + numeric_tasks.len()].iter().collect();
    assert_eq!(ids(&middle), ids(&numeric_tasks));
    assert!(middle
        .iter()
        .any(|t| t.metric == "白酒产量" && t.value_text == "超4000吨"));

    let projects: Vec<(&str, Option<u32>)> = targets[11 + numeric_tasks.len()..]
        .iter()
        .map(|t| (t.group.as_deref().unwrap_or("?"), t.item))
        .collect();
    let items: Vec<Option<u32>> = [1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 9, 10]
        .into_iter()
        .map(Some)
        .collect();
    assert_eq!(projects.iter().map(|p| p.1).collect::<Vec<_>>(), items);
    assert!(projects.iter().all(|p| p.0 == "十件惠民工程"));

    for target in targets {
        assert!(
            target.citation.starts_with("《西平县2022年政府工作报告》"),
            "{target:?}"
        );
    }
}

#[tokio::test]
async fn a_reminder_shows_one_target_with_its_citation_and_a_button_for_the_whole_list() {
    let rotation = TargetRotation::from_library(&REPORT).unwrap();
    let first = rotation.reminder(0, day("2022-05-10"));
    let pages = render::paginate(&reminder_blocks(&first), MAX_MESSAGE_LEN);
    assert_eq!(pages.len(), 1);
    let text = visible(&pages[0]);
    assert!(text.contains("生产总值：增长8%左右"), "{text}");
    assert!(text.contains(&rotation.targets()[0].citation), "{text}");
    assert!(
        text.contains(&format!("1/{}", rotation.targets().len())),
        "{text}"
    );
    assert!(text.contains("5月10日"), "{text}");
    assert!(
        text.contains("《西平县2022年政府工作报告》"),
        "which report: {text}"
    );
    assert!(!text.contains(&texts::plan_year_over(2022)), "{text}");

    // Months after the plan year, with no newer report: a look back, and said so.
    let late = rotation.reminder(0, day("2023-01-10"));
    let text = visible(&render::paginate(&reminder_blocks(&late), MAX_MESSAGE_LEN)[0]);
    assert!(!text.contains("今日提醒"), "{text}");
    assert!(text.contains("2022年目标回顾"), "{text}");
    assert!(text.contains(&texts::plan_year_over(2022)), "{text}");

    let last = rotation.reminder(
        u32::try_from(rotation.targets().len() - 1).unwrap(),
        day("2022-06-01"),
    );
    let text = visible(&render::paginate(&reminder_blocks(&last), MAX_MESSAGE_LEN)[0]);
    assert!(text.contains("十件惠民工程 第10项"), "{text}");
    assert!(text.contains("多种形式文艺演出：100场"), "{text}");

    let keyboard = reminder_keyboard().map(ReplyMarkup::InlineKeyboard);
    let buttons = callback_data(keyboard.as_ref());
    assert_eq!(buttons, ["t:"]);
    // The button brings the full list of main targets, as /targets does.
    let reminder_message = MockMessageText::new().text("提醒").build();
    let mut bot = MockBot::new(
        MockCallbackQuery::new()
            .data("t:")
            .message(reminder_message),
        schema::<Bot>(),
    );
    bot.dependencies(dptree::deps![Arc::new(BotContext::new(ENGINE.clone(), 1))]);
    bot.dispatch().await;
    let responses = bot.get_responses();
    let list = visible(&responses.sent_messages_text[0].bot_request.text);
    assert!(list.contains(&texts::targets_header(2022)), "{list}");
    assert!(
        list.contains(&texts::indicator_line(11, "货物进出口总额", "保持平稳增长")),
        "{list}"
    );
}

type TestBot =
    MockBot<report_bot::telegram::HandlerError, teloxide_tests::mock_bot::DistributionKey>;

/// The one message the bot sent for the last update, as a reader sees it.
fn only_reply(bot: &TestBot) -> String {
    let responses = bot.get_responses();
    assert_eq!(responses.sent_messages_text.len(), 1);
    visible(&responses.sent_messages_text[0].bot_request.text)
}

async fn reply(bot: &mut TestBot, update: MockMessageText) -> String {
    bot.update(update);
    bot.dispatch().await;
    only_reply(bot)
}

/// Messages from one user, ten seconds apart as a person types (no flood control).
struct Typist {
    start: DateTime<Utc>,
    step: i64,
}

impl Typist {
    fn command(&mut self, text: &str) -> MockMessageText {
        self.step += 1;
        MockMessageText::new()
            .text(text)
            .date(self.start + TimeDelta::seconds(10 * self.step))
    }
}

/// A mock bot with reminders on over an in-memory store, its first update `first`.
async fn subscription_bot(
    first: &str,
) -> (
    TestBot,
    Arc<SqliteStore>,
    impl FnMut(&str) -> MockMessageText,
) {
    let store = Arc::new(SqliteStore::in_memory().await.unwrap());
    let context = Arc::new(BotContext::new(ENGINE.clone(), 1).with_reminders(store.clone()));
    let mut typist = Typist {
        start: Utc::now(),
        step: 0,
    };
    let mut bot = MockBot::new(typist.command(first), schema::<Bot>());
    bot.dependencies(dptree::deps![context]);
    (bot, store, move |text: &str| typist.command(text))
}

#[tokio::test]
async fn subscribe_subscription_and_unsubscribe_keep_one_row_per_chat() {
    let (mut bot, store, mut command) = subscription_bot("/subscribe 7:30").await;
    let chat_id = i64::try_from(MockUser::ID).unwrap();
    bot.dispatch().await;
    let first = only_reply(&bot);
    assert!(
        first.contains("07:30") && first.contains("Asia/Shanghai"),
        "{first}"
    );
    assert_eq!(
        store.get(chat_id).await.unwrap().unwrap().schedule,
        schedule("7:30")
    );

    let changed = reply(&mut bot, command("/subscribe 21:00 Europe/Berlin")).await;
    assert!(
        changed.contains("21:00") && changed.contains("Europe/Berlin"),
        "{changed}"
    );
    assert_eq!(
        store.due(utc("2100-01-01T00:00:00Z")).await.unwrap().len(),
        1
    );

    let shown = reply(&mut bot, command("/subscription")).await;
    let expected = status(&*store, chat_id, Utc::now()).await.unwrap().unwrap();
    assert!(
        shown.contains(&texts::send_time(&expected.next_send)),
        "{shown}"
    );
    assert!(shown.contains("Europe/Berlin"), "{shown}");

    for bad in [
        "/subscribe 25:00",
        "/subscribe 7:61",
        "/subscribe abc",
        "/subscribe 8:00 Mars/Base",
    ] {
        let refused = reply(&mut bot, command(bad)).await;
        assert!(refused.contains(texts::USAGE_SUBSCRIBE), "{bad}: {refused}");
    }
    assert_eq!(
        store.get(chat_id).await.unwrap().unwrap().schedule,
        schedule("21:00 Europe/Berlin")
    );

    assert_eq!(
        reply(&mut bot, command("/unsubscribe")).await,
        texts::UNSUBSCRIBED
    );
    assert_eq!(store.get(chat_id).await.unwrap(), None);
    assert_eq!(
        reply(&mut bot, command("/subscription")).await,
        texts::NOT_SUBSCRIBED
    );
    assert_eq!(
        reply(&mut bot, command("/unsubscribe")).await,
        texts::NOT_SUBSCRIBED
    );
}

/// The text of the last message the bot edited, as a reader sees it.
fn last_edit(bot: &TestBot) -> String {
    let responses = bot.get_responses();
    let edited = responses.edited_messages_text.last().expect("an edit");
    visible(&edited.bot_request.text)
}

#[tokio::test]
async fn a_bare_subscribe_shows_the_subscription_and_asks_before_changing_it() {
    let (mut bot, store, mut command) = subscription_bot("/subscribe 7:30").await;
    let chat_id = i64::try_from(MockUser::ID).unwrap();
    bot.dispatch().await;
    let confirmation = only_reply(&bot);
    // Which report and which year; the real report's 2022 is over by now, and the reply says so.
    assert!(
        confirmation.contains(&texts::reminder_targets(2022, "西平县2022年政府工作报告")),
        "{confirmation}"
    );
    assert!(!confirmation.contains("今年的目标"), "{confirmation}");
    assert!(
        confirmation.contains(&texts::plan_year_over(2022)),
        "{confirmation}"
    );

    for (press, expected) in [("sk:", "7:30"), ("sr:", "8:00")] {
        bot.update(command("/subscribe"));
        bot.dispatch().await;
        let responses = bot.get_responses();
        let question = &responses.sent_messages_text[0];
        let shown = visible(&question.bot_request.text);
        assert!(shown.contains("07:30"), "shows what it has: {shown}");
        assert!(shown.contains("08:00"), "asks about the default: {shown}");
        assert_eq!(
            callback_data(question.bot_request.reply_markup.as_ref()),
            ["sr:", "sk:"]
        );
        assert_eq!(
            store.get(chat_id).await.unwrap().unwrap().schedule,
            schedule("7:30"),
            "nothing changed before the answer"
        );
        let message = question.message.clone();
        bot.update(MockCallbackQuery::new().data(press).message(message));
        bot.dispatch().await;
        let answer = last_edit(&bot);
        assert_eq!(
            store.get(chat_id).await.unwrap().unwrap().schedule,
            schedule(expected),
            "{press}"
        );
        let time = schedule(expected).time_text();
        assert!(answer.contains(&time), "{press}: {answer}");
        if press == "sk:" {
            assert!(answer.starts_with(texts::SUBSCRIPTION_KEPT), "{answer}");
        }
    }
}

#[tokio::test]
async fn without_a_store_the_commands_say_reminders_are_off() {
    let mut bot = MockBot::new(MockMessageText::new().text("/subscribe"), schema::<Bot>());
    bot.dependencies(dptree::deps![Arc::new(BotContext::new(ENGINE.clone(), 1))]);
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert_eq!(
        visible(&responses.sent_messages_text[0].bot_request.text),
        texts::REMINDERS_UNAVAILABLE
    );
}

#[tokio::test]
async fn a_chat_language_is_kept_and_replaced() {
    let store = SqliteStore::in_memory().await.expect("store");
    let now = Utc::now();
    assert_eq!(store.chat_language(7).await.expect("read"), None);
    store.set_chat_language(7, "en", now).await.expect("write");
    assert_eq!(
        store.chat_language(7).await.expect("read").as_deref(),
        Some("en")
    );
    store.set_chat_language(7, "zh", now).await.expect("write");
    assert_eq!(
        store.chat_language(7).await.expect("read").as_deref(),
        Some("zh")
    );
    assert!(store.set_chat_language(7, "fr", now).await.is_err());
}
