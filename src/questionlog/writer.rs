//! The log's writer: the reply path hands a record to a bounded channel and goes on; one task reads it,
//! works out how each question was read, and stores what has piled up in one transaction.
//!
//! A reply never waits for the database: [`QuestionLog::record`] only tries to put the record in the
//! channel. When the channel is full (the database is slower than the questions, or stuck) the record is
//! dropped and counted; when a write fails (a broken or read-only database) its batch is dropped and
//! counted. Either way the reply has gone out already.

use super::keyed::ChatHasher;
use super::record::{ChatKey, QuestionRecord, VoteRecord};
use super::store::{Entry, LogStoreError, QuestionLogStore};
use crate::answer::Engine;
use chrono::{DateTime, TimeDelta, Utc};
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// Records waiting for the writer: a burst this big is absorbed while the database is busy; beyond it
/// records are dropped. Larger holds more memory (a record is a few hundred bytes) for a longer stall.
pub const CHANNEL_CAPACITY: usize = 10_000;
/// Most rows written in one transaction: larger batches write faster per row, smaller ones hold the
/// database's write lock for less time (the reminder scheduler shares it).
pub const MAX_BATCH: usize = 500;
/// How often rows past retention are deleted: often enough that nothing outlives its days by much, rarely
/// enough to cost nothing.
const RETENTION_SWEEP: Duration = Duration::from_secs(60 * 60);
/// Dropped records are logged on the first and then every this many: a stuck database is reported
/// without a line per question.
const DROP_WARN_EVERY: u64 = 1_000;
/// How long /forget waits for its turn in the writer's queue before saying "try again later".
const FORGET_TIMEOUT: Duration = Duration::from_secs(10);

/// How long rows are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub days: u32,
}

impl Retention {
    /// The oldest instant still kept at `now`.
    pub fn cutoff(self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - TimeDelta::days(i64::from(self.days))
    }
}

/// Why /forget did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ForgetError {
    #[error("the question log writer is not running or is busy")]
    Unavailable,
    #[error(transparent)]
    Store(#[from] LogStoreError),
}

enum Command {
    Entry(Pending),
    Forget(ChatKey, oneshot::Sender<Result<u64, LogStoreError>>),
}

enum Pending {
    Question(QuestionRecord),
    Vote(VoteRecord),
}

/// The reply path's handle on the log: cheap, never blocking, shared by every handler.
#[derive(Debug)]
pub struct QuestionLog {
    sender: mpsc::Sender<Command>,
    hasher: ChatHasher,
    next_id: AtomicI64,
    lost: Arc<AtomicU64>,
    retention: Retention,
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Command")
    }
}

impl QuestionLog {
    /// Starts the writer on `store` and returns its handle with the task, which ends once `stop` is
    /// cancelled and the records in hand are written. `now` seeds the question ids, so that ids of a
    /// restarted bot do not meet an earlier run's (ids go up by one per question, from `now` in
    /// microseconds times 256).
    pub fn start<S: QuestionLogStore>(
        store: Arc<S>,
        engine: Arc<Engine>,
        hasher: ChatHasher,
        retention: Retention,
        capacity: usize,
        now: DateTime<Utc>,
        stop: CancellationToken,
    ) -> (QuestionLog, JoinHandle<()>) {
        let (sender, receiver) = mpsc::channel(capacity.max(1));
        let lost = Arc::new(AtomicU64::new(0));
        let writer = Writer {
            store,
            engine,
            retention,
            lost: lost.clone(),
        };
        let task = tokio::spawn(writer.run(receiver, stop));
        let log = QuestionLog {
            sender,
            hasher,
            next_id: AtomicI64::new(now.timestamp_micros().max(0).saturating_mul(256)),
            lost,
            retention,
        };
        (log, task)
    }

    /// How long rows are kept (for /privacy).
    pub fn retention(&self) -> Retention {
        self.retention
    }

    /// A new question id, for the record and its feedback buttons.
    pub fn next_id(&self) -> i64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// The keyed hash of a chat.
    pub fn chat_key(&self, chat_id: i64) -> ChatKey {
        self.hasher.chat(chat_id)
    }

    /// The keyed hash of a person.
    pub fn user_key(&self, user_id: u64) -> ChatKey {
        self.hasher.user(user_id)
    }

    /// Hands a question to the writer, or drops it when the writer is behind. Never waits.
    pub fn record(&self, record: QuestionRecord) {
        self.offer(Command::Entry(Pending::Question(record)));
    }

    /// Hands a vote to the writer, or drops it when the writer is behind. Never waits.
    pub fn vote(&self, vote: VoteRecord) {
        self.offer(Command::Entry(Pending::Vote(vote)));
    }

    /// Records dropped so far: the channel was full, the writer had stopped, or a write failed.
    pub fn lost(&self) -> u64 {
        self.lost.load(Ordering::Relaxed)
    }

    /// Deletes the chat's rows after the records already queued are written (so none of them comes
    /// back after the deletion); the number of rows deleted.
    pub async fn forget(&self, chat: ChatKey) -> Result<u64, ForgetError> {
        let (done, answer) = oneshot::channel();
        self.sender
            .send_timeout(Command::Forget(chat, done), FORGET_TIMEOUT)
            .await
            .map_err(|_| ForgetError::Unavailable)?;
        let deleted = tokio::time::timeout(FORGET_TIMEOUT, answer)
            .await
            .map_err(|_| ForgetError::Unavailable)?
            .map_err(|_| ForgetError::Unavailable)??;
        Ok(deleted)
    }

    fn offer(&self, command: Command) {
        if self.sender.try_send(command).is_err() {
            count_lost(
                &self.lost,
                1,
                "question log behind or stopped: record dropped",
            );
        }
    }
}

/// Adds to the lost count, with a warning on the first loss and every [`DROP_WARN_EVERY`] after.
fn count_lost(lost: &AtomicU64, rows: u64, message: &'static str) {
    let before = lost.fetch_add(rows, Ordering::Relaxed);
    if before == 0 || before / DROP_WARN_EVERY != (before + rows) / DROP_WARN_EVERY {
        tracing::warn!(lost = before + rows, "{message}");
    }
}

struct Writer<S> {
    store: Arc<S>,
    engine: Arc<Engine>,
    retention: Retention,
    lost: Arc<AtomicU64>,
}

impl<S: QuestionLogStore> Writer<S> {
    async fn run(self, mut receiver: mpsc::Receiver<Command>, stop: CancellationToken) {
        let mut sweep = tokio::time::interval(RETENTION_SWEEP);
        sweep.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut stopping = false;
        let mut batch = Vec::with_capacity(MAX_BATCH);
        loop {
            let command = tokio::select! {
                command = receiver.recv() => match command {
                    Some(command) => command,
                    None => break,
                },
                _ = sweep.tick(), if !stopping => {
                    self.prune(Utc::now()).await;
                    continue;
                }
                () = stop.cancelled(), if !stopping => {
                    // No new records; the ones in the channel are still written.
                    stopping = true;
                    receiver.close();
                    continue;
                }
            };
            let mut next = Some(command);
            while let Some(command) = next.take() {
                match command {
                    Command::Entry(pending) => {
                        batch.push(self.entry(pending));
                        if batch.len() < MAX_BATCH {
                            next = receiver.try_recv().ok();
                        }
                    }
                    Command::Forget(chat, done) => {
                        self.flush(&mut batch).await;
                        let _ = done.send(self.store.forget(&chat).await);
                    }
                }
            }
            self.flush(&mut batch).await;
        }
        self.flush(&mut batch).await;
    }

    /// How the question was read is worked out here, off the reply path.
    fn entry(&self, pending: Pending) -> Entry {
        match pending {
            Pending::Question(record) => {
                let asked = record.understood.as_deref().unwrap_or(&record.question);
                let reading = self.engine.reading(asked);
                Entry::Question(record, reading)
            }
            Pending::Vote(vote) => Entry::Vote(vote),
        }
    }

    async fn flush(&self, batch: &mut Vec<Entry>) {
        if batch.is_empty() {
            return;
        }
        if let Err(error) = self.store.write(batch).await {
            tracing::warn!(%error, rows = batch.len(), "question log rows not written");
            count_lost(
                &self.lost,
                u64::try_from(batch.len()).unwrap_or(u64::MAX),
                "question log database failing: rows dropped",
            );
        }
        batch.clear();
    }

    async fn prune(&self, now: DateTime<Utc>) {
        match self.store.prune(self.retention.cutoff(now)).await {
            Ok(0) => {}
            Ok(rows) => tracing::info!(rows, "question log: rows past retention deleted"),
            Err(error) => tracing::warn!(%error, "question log: retention sweep failed"),
        }
    }
}
