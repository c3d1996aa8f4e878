//! Reminder figures: planning a day's sends for 100,000 subscribers, and the store's throughput for the
//! writes each reminder costs (subscribe; claim + settle), plus a whole 10,000-subscriber batch with the
//! rate limits lifted, i.e. the bookkeeping a batch costs beyond Telegram's 30 messages a second.
//!
//! Every store figure is measured on a SQLite file and, when `BENCH_DATABASE_URL` names a PostgreSQL
//! server (durability settings as in production: the throw-away test cluster of `.ci/run` turns fsync
//! off and would flatter it), on a fresh schema there.

use chrono::{DateTime, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use report_bot::knowledge::Library;
use report_bot::reminders::content::{Reminder, TargetRotation};
use report_bot::reminders::schedule::{DailySchedule, Decision};
use report_bot::reminders::sender::{
    Clock, RateLimits, Sender, Transport, TransportError, CLAIM_STALE_AFTER,
};
use report_bot::reminders::store::{DeliveryState, SqliteStore, SubscriptionStore};
use report_bot::reminders::subscribe;
use report_bot::store::{ClaimClock, PgStore, Store};
use std::future::Future;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::runtime::Runtime;
use tokio_util::sync::CancellationToken;

/// Zones with whole-hour, half-hour and 45-minute offsets, DST in both hemispheres, both sides of the
/// date line.
const ZONES: [Tz; 12] = [
    Tz::Asia__Shanghai,
    Tz::Europe__Berlin,
    Tz::America__New_York,
    Tz::America__Sao_Paulo,
    Tz::Asia__Kolkata,
    Tz::Asia__Kathmandu,
    Tz::Australia__Lord_Howe,
    Tz::Pacific__Chatham,
    Tz::Pacific__Kiritimati,
    Tz::Pacific__Pago_Pago,
    Tz::Europe__London,
    Tz::UTC,
];

fn schedules(count: usize) -> Vec<DailySchedule> {
    (0..count)
        .map(|n| {
            let minute_of_day = u32::try_from(n % 1440).unwrap_or(0);
            DailySchedule {
                time: NaiveTime::from_hms_opt(minute_of_day / 60, minute_of_day % 60, 0)
                    .unwrap_or_default(),
                zone: ZONES[n % ZONES.len()],
            }
        })
        .collect()
}

/// The three made-up targets of tests/fixtures/reminders: what a reminder says does not change the
/// bookkeeping measured here.
fn rotation() -> Arc<TargetRotation> {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/reminders"
    ));
    let library = match Library::load(dir) {
        Ok(library) => library,
        Err(error) => panic!("bench fixture: {error}"),
    };
    match TargetRotation::from_library(&library) {
        Ok(rotation) => Arc::new(rotation),
        Err(error) => panic!("bench rotation: {error}"),
    }
}

/// Accepts everything at once: measures the sender's own work.
struct NullTransport;

impl Transport for NullTransport {
    fn send(
        &self,
        _chat_id: i64,
        _reminder: &Reminder,
    ) -> impl Future<Output = Result<(), TransportError>> + Send + 'static {
        std::future::ready(Ok(()))
    }
}

/// Jumps to whatever instant it is asked to sleep until: the batch bench measures work, not waiting.
struct JumpClock(Mutex<DateTime<Utc>>);

impl Clock for JumpClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    async fn sleep_until(&self, at: DateTime<Utc>) {
        let mut now = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        *now = (*now).max(at);
    }
}

fn now() -> DateTime<Utc> {
    "2024-06-01T00:00:00Z".parse().unwrap_or_default()
}

/// The PostgreSQL server to measure, if any.
const BENCH_DATABASE_URL: &str = "BENCH_DATABASE_URL";

const SQLITE: &str = "SQLite file, WAL";
const POSTGRES: &str = "PostgreSQL";

/// The backends measured: SQLite, and PostgreSQL when there is a server.
fn backends() -> Vec<&'static str> {
    let mut backends = vec![SQLITE];
    if std::env::var_os(BENCH_DATABASE_URL).is_some() {
        backends.push(POSTGRES);
    }
    backends
}

/// A fresh, empty store: a new SQLite file in `folder`, or a new schema on the PostgreSQL server.
async fn open(backend: &str, folder: &tempfile::TempDir) -> Store {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let opened = if backend == SQLITE {
        let url = format!(
            "sqlite://{}",
            folder.path().join(format!("bench{n}.db")).display()
        );
        SqliteStore::open(&url).await.map(Store::Sqlite)
    } else {
        let server = std::env::var(BENCH_DATABASE_URL).unwrap_or_default();
        let schema = format!("bench_{}_{n}", std::process::id());
        PgStore::open(&server, ClaimClock::Database, Some(&schema))
            .await
            .map(Store::Postgres)
    };
    opened.unwrap_or_else(|error| panic!("bench store ({backend}): {error}"))
}

async fn fill(store: &Store, schedules: &[DailySchedule], at: DateTime<Utc>) {
    for (chat_id, schedule) in (1_i64..).zip(schedules) {
        if let Err(error) = subscribe(store, chat_id, *schedule, at).await {
            panic!("bench subscribe: {error}");
        }
    }
}

fn planning(c: &mut Criterion) {
    let all = schedules(100_000);
    let mut group = c.benchmark_group("reminders/plan");
    group.sample_size(10);
    group.throughput(Throughput::Elements(100_000));
    group.bench_function("next send for 100k subscribers, sorted", |b| {
        b.iter(|| {
            let mut plan: Vec<(DateTime<Utc>, usize)> = all
                .iter()
                .enumerate()
                .filter_map(|(n, schedule)| {
                    schedule
                        .next_occurrence(now(), None)
                        .ok()
                        .map(|next| (next.at, n))
                })
                .collect();
            plan.sort_unstable();
            plan
        });
    });

    let runtime = Runtime::new().unwrap_or_else(|error| panic!("runtime: {error}"));
    let folder = tempfile::tempdir().unwrap_or_else(|error| panic!("tempdir: {error}"));
    let end_of_day = now() + TimeDelta::days(1);
    for backend in backends() {
        let store = runtime.block_on(open(backend, &folder));
        // Subscribed a day earlier: every subscriber is due within the day after `now`.
        runtime.block_on(fill(&store, &all, now() - TimeDelta::days(1)));
        group.bench_function(
            format!("due query + decision for 100k rows ({backend})"),
            |b| {
                b.iter(|| {
                    runtime.block_on(async {
                        let due = store.due(end_of_day).await.unwrap_or_default();
                        due.iter()
                            .filter(|s| s.schedule.decide(s.due_date, end_of_day) == Decision::Send)
                            .count()
                    })
                });
            },
        );
    }
    group.finish();
}

fn store_throughput(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap_or_else(|error| panic!("runtime: {error}"));
    let folder = tempfile::tempdir().unwrap_or_else(|error| panic!("tempdir: {error}"));
    let some = schedules(1_000);
    let mut group = c.benchmark_group("reminders/store");
    group.sample_size(10);
    group.throughput(Throughput::Elements(1_000));
    for backend in backends() {
        let store = runtime.block_on(open(backend, &folder));
        group.bench_function(format!("subscribe x1000 ({backend})"), |b| {
            b.iter(|| runtime.block_on(fill(&store, &some, now())));
        });
        let mut day = now().date_naive();
        group.bench_function(format!("claim + settle x1000 ({backend})"), |b| {
            b.iter(|| {
                day = day.succ_opt().unwrap_or(day);
                runtime.block_on(claim_and_settle(&store, day));
            });
        });
    }
    group.finish();

    let mut group = c.benchmark_group("reminders/batch");
    group.sample_size(10);
    group.throughput(Throughput::Elements(10_000));
    let unlimited = RateLimits {
        overall_per_second: 1_000_000_000,
        per_chat_interval: TimeDelta::zero(),
    };
    for backend in backends() {
        group.bench_function(
            format!("deliver 10k due reminders, limits lifted ({backend})"),
            |b| {
                b.iter_batched(
                    || {
                        runtime.block_on(async {
                            let store = open(backend, &folder).await;
                            // 08:00 in Shanghai: due exactly at `now()`.
                            let everyone_now = vec![DailySchedule::default(); 10_000];
                            fill(&store, &everyone_now, now() - TimeDelta::hours(12)).await;
                            Arc::new(store)
                        })
                    },
                    |store| {
                        let sender = Sender::new(
                            store,
                            Arc::new(NullTransport),
                            Arc::new(JumpClock(Mutex::new(now()))),
                            rotation(),
                            unlimited,
                        );
                        match runtime.block_on(sender.deliver_due(&CancellationToken::new())) {
                            Ok(report) if report.sent == 10_000 => report,
                            other => panic!("the batch did not deliver 10,000: {other:?}"),
                        }
                    },
                    BatchSize::PerIteration,
                );
            },
        );
    }
    group.finish();
}

/// One reminder's bookkeeping for 1,000 chats: claim the day, record it sent.
async fn claim_and_settle(store: &Store, day: chrono::NaiveDate) {
    for chat_id in 1..=1_000 {
        let claim = store.claim(chat_id, day, now(), CLAIM_STALE_AFTER).await;
        let next = report_bot::reminders::schedule::Occurrence {
            date: day.succ_opt().unwrap_or(day),
            at: now(),
        };
        if claim.is_ok() {
            let _ = store
                .settle(chat_id, day, DeliveryState::Sent, now(), next)
                .await;
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = planning, store_throughput
}
criterion_main!(benches);
