//! The question log's cost: what logging adds to the reply path (the engine's answer with and without
//! handing the question to the log, and the hand-over alone), and how many logged questions a second
//! the writer stores in a SQLite file, and on PostgreSQL when `BENCH_DATABASE_URL` names a server (batched,
//! with how each question was read worked out per row).
//!
//! The reply path is measured on a current-thread runtime that never yields inside the timed loop, with
//! a channel big enough for every record: what is timed is exactly the work the reply path does (id,
//! keyed hash, record, `try_send`), neither the writer's work nor the cheaper path of a full channel.

use chrono::Utc;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use report_bot::answer::{Answer, Engine};
use report_bot::questionlog::{
    ChatHasher, ChatKind, QuestionLog, QuestionRecord, Retention, Secret, Via,
};
use report_bot::reminders::store::SqliteStore;
use report_bot::store::{ClaimClock, PgStore, Store};
use std::hint::black_box;
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;
use tokio_util::sync::CancellationToken;

/// Questions asked in turn: the first column-two entries of tests/questions.tsv.
const QUESTIONS: usize = 60;
/// Rows per throughput run: enough batches that start-up does not count.
const THROUGHPUT_ROWS: usize = 20_000;

static ENGINE: LazyLock<Arc<Engine>> = LazyLock::new(|| {
    let knowledge = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge"));
    Arc::new(Engine::load(knowledge).expect("knowledge/ builds an engine"))
});

fn questions() -> Vec<String> {
    let tsv = include_str!("../tests/questions.tsv");
    tsv.lines()
        .filter(|line| !line.starts_with('#') && !line.starts_with("category\t"))
        .filter_map(|line| line.split('\t').nth(1))
        .filter(|question| !question.trim().is_empty())
        .take(QUESTIONS)
        .map(str::to_owned)
        .collect()
}

fn hasher() -> ChatHasher {
    ChatHasher::new(Secret::generate().expect("random bytes"))
}

/// A log whose writer never runs while the caller does not yield, on a channel of `capacity`.
fn idle_log(runtime: &Runtime, capacity: usize) -> (QuestionLog, CancellationToken) {
    let _entered = runtime.enter();
    let store = runtime
        .block_on(SqliteStore::in_memory())
        .expect("database");
    let stop = CancellationToken::new();
    let (log, _task) = QuestionLog::start(
        Arc::new(Store::Sqlite(store.clone())),
        ENGINE.clone(),
        hasher(),
        Retention { days: 90 },
        capacity,
        Utc::now(),
        stop.clone(),
    );
    (log, stop)
}

/// Hands one answered question to the log as `telegram::ask::answer_question` does.
fn log_answer(log: &QuestionLog, chat: i64, answer: &Answer, started: Instant) {
    log.record(QuestionRecord {
        id: log.next_id(),
        asked_at: Utc::now(),
        chat: log.chat_key(chat),
        kind: ChatKind::Private,
        via: Via::Text,
        question: answer.question.clone(),
        understood: None,
        outcome: answer.outcome.kind(),
        top_hit: answer.hits().first().map(|hit| hit.id.to_string()),
        latency_us: u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
    });
}

/// The engine's answer, and the log's share of the reply path when `log` is on.
fn answer_and_log(log: Option<&QuestionLog>, chat: i64, question: &str) {
    let started = Instant::now();
    let answer = ENGINE.ask(question);
    if let Some(log) = log {
        log_answer(log, chat, &answer, started);
    }
    black_box(answer);
}

fn reply_path(c: &mut Criterion) {
    let questions = questions();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut group = c.benchmark_group("reply_path");
    for logging in [false, true] {
        let name = if logging { "log_on" } else { "log_off" };
        group.bench_function(BenchmarkId::new("answer", name), |b| {
            b.iter_custom(|iters| {
                let (log, _stop) = idle_log(&runtime, usize::try_from(iters).unwrap_or(1) + 1);
                let log = logging.then_some(&log);
                let started = Instant::now();
                for i in 0..iters {
                    let question = &questions[usize::try_from(i).unwrap_or(0) % questions.len()];
                    answer_and_log(log, 1_000 + i64::try_from(i % 97).unwrap_or(0), question);
                }
                started.elapsed()
            });
        });
    }
    let answers: Vec<_> = questions.iter().map(|q| ENGINE.ask(q)).collect();
    group.bench_function("hand_over_only", |b| {
        b.iter_custom(|iters| {
            let (log, _stop) = idle_log(&runtime, usize::try_from(iters).unwrap_or(1) + 1);
            let started = Instant::now();
            for i in 0..iters {
                let n = usize::try_from(i).unwrap_or(0) % answers.len();
                log_answer(
                    &log,
                    i64::try_from(i % 97).unwrap_or(0),
                    &answers[n],
                    started,
                );
            }
            started.elapsed()
        });
    });
    group.finish();
}

fn writer_throughput(c: &mut Criterion) {
    let questions = questions();
    let answers: Vec<_> = questions.iter().map(|q| ENGINE.ask(q)).collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut group = c.benchmark_group("writer");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.throughput(Throughput::Elements(THROUGHPUT_ROWS as u64));
    let mut backends = vec!["sqlite_file_rows"];
    if std::env::var_os(BENCH_DATABASE_URL).is_some() {
        backends.push("postgres_rows");
    }
    for backend in backends {
        group.bench_function(backend, |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let dir = tempfile::tempdir().expect("temporary directory");
                    total += runtime.block_on(async {
                        let store = open(backend, &dir).await;
                        let stop = CancellationToken::new();
                        let (log, task) = QuestionLog::start(
                            Arc::new(store.clone()),
                            ENGINE.clone(),
                            hasher(),
                            Retention { days: 90 },
                            THROUGHPUT_ROWS,
                            Utc::now(),
                            stop.clone(),
                        );
                        let started = Instant::now();
                        for i in 0..THROUGHPUT_ROWS {
                            let chat = i64::try_from(i % 997).unwrap_or(0);
                            log_answer(&log, chat, &answers[i % answers.len()], started);
                        }
                        stop.cancel();
                        task.await.expect("the writer ends");
                        let elapsed = started.elapsed();
                        assert_eq!(log.lost(), 0, "every row written");
                        store.close().await;
                        elapsed
                    });
                }
                total
            });
        });
    }
    group.finish();
}

/// The PostgreSQL server to measure too, if any (as in benches/reminders.rs).
const BENCH_DATABASE_URL: &str = "BENCH_DATABASE_URL";

/// A fresh store: a new SQLite file in `dir`, or a new schema on the PostgreSQL server.
async fn open(backend: &str, dir: &tempfile::TempDir) -> Store {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if backend == "postgres_rows" {
        let server = std::env::var(BENCH_DATABASE_URL).unwrap_or_default();
        let schema = format!("bench_log_{}_{n}", std::process::id());
        let store = PgStore::open(&server, ClaimClock::Database, Some(&schema)).await;
        Store::Postgres(store.expect("the PostgreSQL bench server answers"))
    } else {
        let url = format!("sqlite://{}", dir.path().join("bot.db").display());
        Store::Sqlite(SqliteStore::open(&url).await.expect("database"))
    }
}

criterion_group!(benches, reply_path, writer_throughput);
criterion_main!(benches);
