//! Reminder figures: planning a day's sends for 100,000 subscribers, and the store's throughput for the
//! writes each reminder costs (subscribe; claim + settle), plus a whole 10,000-subscriber batch with the
//! rate limits lifted, i.e. the bookkeeping a batch costs beyond Telegram's 30 messages a second.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use report_bot::knowledge::{FigureKind, Indicator, Library, Period, Report, ReportMeta};
use report_bot::reminders::content::{Reminder, TargetRotation};
use report_bot::reminders::schedule::{DailySchedule, Decision};
use report_bot::reminders::sender::{
    Clock, RateLimits, Sender, Transport, TransportError, CLAIM_STALE_AFTER,
};
use report_bot::reminders::store::{DeliveryState, SqliteStore, SubscriptionStore};
use report_bot::reminders::subscribe;
use std::future::Future;
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

fn rotation() -> Arc<TargetRotation> {
    let meta = ReportMeta {
        id: "bench".to_owned(),
        title: "基准测试报告".to_owned(),
        issuer: "测试".to_owned(),
        speaker: "测试".to_owned(),
        meeting: "测试".to_owned(),
        meeting_date: NaiveDate::from_ymd_opt(2031, 1, 1).unwrap_or_default(),
        published: NaiveDate::from_ymd_opt(2031, 1, 1).unwrap_or_default(),
        year: 2031,
        source: "测试".to_owned(),
    };
    let indicators = (1..=20)
        .map(|n| Indicator {
            id: format!("bench/1.0.1.{n}#1"),
            metric: format!("指标{n}"),
            value_text: format!("增长{n}%"),
            number: Some(f64::from(n)),
            unit: Some("%".to_owned()),
            qualifier: None,
            change: None,
            kind: FigureKind::MainTarget,
            period: Period::Year { year: 2031 },
            group: None,
            item: None,
            sentence_id: format!("bench/1.0.1.{n}"),
            citation: format!("《基准测试报告》 › 指标{n}"),
        })
        .collect();
    let library = Library::new(
        vec![Report {
            meta,
            parts: Vec::new(),
            glossary: Vec::new(),
            indicators,
        }],
        Vec::new(),
        String::new(),
    )
    .expect("a library with a report");
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

async fn file_store(folder: &tempfile::TempDir) -> SqliteStore {
    let url = format!("sqlite://{}", folder.path().join("bench.db").display());
    match SqliteStore::open(&url).await {
        Ok(store) => store,
        Err(error) => panic!("bench store: {error}"),
    }
}

async fn fill(store: &SqliteStore, schedules: &[DailySchedule], at: DateTime<Utc>) {
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
    let store = runtime.block_on(async {
        let store = file_store(&folder).await;
        // Subscribed a day earlier: every subscriber is due within the day after `now`.
        fill(&store, &all, now() - TimeDelta::days(1)).await;
        store
    });
    let end_of_day = now() + TimeDelta::days(1);
    group.bench_function("due query + decision for 100k rows (SQLite file)", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let due = store.due(end_of_day).await.unwrap_or_default();
                due.iter()
                    .filter(|s| s.schedule.decide(s.due_date, end_of_day) == Decision::Send)
                    .count()
            })
        });
    });
    group.finish();
}

fn store_throughput(c: &mut Criterion) {
    let runtime = Runtime::new().unwrap_or_else(|error| panic!("runtime: {error}"));
    let folder = tempfile::tempdir().unwrap_or_else(|error| panic!("tempdir: {error}"));
    let store = runtime.block_on(file_store(&folder));
    let some = schedules(1_000);
    let mut group = c.benchmark_group("reminders/store");
    group.sample_size(10);
    group.throughput(Throughput::Elements(1_000));
    group.bench_function("subscribe x1000 (SQLite file, WAL)", |b| {
        b.iter(|| runtime.block_on(fill(&store, &some, now())));
    });
    let mut day = now().date_naive();
    group.bench_function("claim + settle x1000 (SQLite file, WAL)", |b| {
        b.iter(|| {
            day = day.succ_opt().unwrap_or(day);
            runtime.block_on(async {
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
            });
        });
    });
    group.finish();

    let mut group = c.benchmark_group("reminders/batch");
    group.sample_size(10);
    group.throughput(Throughput::Elements(10_000));
    let unlimited = RateLimits {
        overall_per_second: 1_000_000_000,
        per_chat_interval: TimeDelta::zero(),
    };
    group.bench_function(
        "deliver 10k due reminders, limits lifted (SQLite file)",
        |b| {
            b.iter_batched(
                || {
                    let folder =
                        tempfile::tempdir().unwrap_or_else(|error| panic!("tempdir: {error}"));
                    let store = runtime.block_on(async {
                        let store = file_store(&folder).await;
                        // 08:00 in Shanghai: due exactly at `now()`.
                        let everyone_now = vec![DailySchedule::default(); 10_000];
                        fill(&store, &everyone_now, now() - TimeDelta::hours(12)).await;
                        store
                    });
                    (folder, Arc::new(store))
                },
                |(_folder, store)| {
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
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = planning, store_throughput
}
criterion_main!(benches);
