//! Where the log lives: the bot's own database, either backend (`migrations/*/0003_question_log.sql`).
//! The writer and the reports see only [`QuestionLogStore`]. Each statement is written once, with `$n`
//! placeholders and plain SQL both databases run (`ON CONFLICT … DO UPDATE`, instants as Unix
//! milliseconds in `BIGINT` columns), and compiled for [`SqliteStore`] and [`PgStore`] by `log_tables!`;
//! [`Store`] delegates to whichever it holds.

use super::record::{ChatKey, LoggedQuestion, LoggedVote, QuestionRecord, VoteRecord};
use crate::answer::Reading;
use crate::store::{on_backend, PgStore, SqliteStore, Store};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Row;
use std::future::Future;

/// Log store failures: all from the database.
#[derive(Debug, thiserror::Error)]
pub enum LogStoreError {
    #[error("question log database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("unreadable question log row: {0}")]
    BadRow(String),
    #[error("the destination's question log already holds {0} rows: copy only into a new, empty database")]
    NotEmpty(i64),
}

/// One row for the writer to store.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Question(QuestionRecord, Reading),
    Vote(VoteRecord),
}

/// Reminders sent, failed and in doubt on one local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryDay {
    pub date: NaiveDate,
    pub sent: u64,
    pub failed: u64,
    pub in_doubt: u64,
}

/// The question log's storage: what the writer writes, what privacy deletes and what the reports read.
pub trait QuestionLogStore: Send + Sync + 'static {
    /// Stores a batch in one transaction: all of it or none.
    fn write(&self, batch: &[Entry]) -> impl Future<Output = Result<(), LogStoreError>> + Send;

    /// Deletes the rows of a chat or person: questions asked under the key, votes given in the chat, by
    /// the person, or on those questions; the number of rows deleted.
    fn forget(&self, chat: &ChatKey) -> impl Future<Output = Result<u64, LogStoreError>> + Send;

    /// Deletes questions and votes older than `before` (retention); the number of rows deleted.
    fn prune(
        &self,
        before: DateTime<Utc>,
    ) -> impl Future<Output = Result<u64, LogStoreError>> + Send;

    /// The stored secret of the chat keys, if one was stored.
    fn secret(&self) -> impl Future<Output = Result<Option<String>, LogStoreError>> + Send;

    /// Stores the secret unless one is there already; the one in force afterwards.
    fn keep_secret(
        &self,
        secret: &str,
    ) -> impl Future<Output = Result<String, LogStoreError>> + Send;

    /// Questions asked at or after `since`, oldest first.
    fn questions_since(
        &self,
        since: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<LoggedQuestion>, LogStoreError>> + Send;

    /// Votes on questions asked at or after `since`.
    fn votes_since(
        &self,
        since: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<LoggedVote>, LogStoreError>> + Send;

    /// Current subscriptions to the daily reminder.
    fn subscribers(&self) -> impl Future<Output = Result<u64, LogStoreError>> + Send;

    /// Reminder deliveries per local day from `since` on.
    fn deliveries_since(
        &self,
        since: NaiveDate,
    ) -> impl Future<Output = Result<Vec<DeliveryDay>, LogStoreError>> + Send;
}

/// Name of the stored chat-key secret.
const SECRET_NAME: &str = "chat_key";

fn instant(ms: i64) -> Result<DateTime<Utc>, LogStoreError> {
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| LogStoreError::BadRow(format!("instant out of range: {ms}")))
}

/// The trait's statements over `self.pool()`, for a backend store type.
macro_rules! log_tables {
    ($store:ty) => {
impl QuestionLogStore for $store {
    async fn write(&self, batch: &[Entry]) -> Result<(), LogStoreError> {
        let mut tx = self.pool().begin().await?;
        for entry in batch {
            match entry {
                Entry::Question(record, reading) => {
                    sqlx::query(
                        "INSERT INTO question_log (id, asked_at, chat_key, chat_kind, via, question, \
                         understood, normalized, intent, year, outcome, top_hit, latency_us) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (id) DO NOTHING",
                    )
                    .bind(record.id)
                    .bind(record.asked_at.timestamp_millis())
                    .bind(record.chat.as_str())
                    .bind(record.kind.as_str())
                    .bind(record.via.as_str())
                    .bind(&record.question)
                    .bind(&record.understood)
                    .bind(&reading.normalized)
                    .bind(reading.intent)
                    .bind(reading.year)
                    .bind(record.outcome)
                    .bind(&record.top_hit)
                    .bind(i64::try_from(record.latency_us).unwrap_or(i64::MAX))
                    .execute(&mut *tx)
                    .await?;
                }
                Entry::Vote(vote) => {
                    sqlx::query(
                        "INSERT INTO question_feedback (question_id, voter_key, chat_key, vote, reason, \
                         voted_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (question_id, voter_key) DO \
                         UPDATE SET vote = excluded.vote, reason = excluded.reason, \
                         voted_at = excluded.voted_at",
                    )
                    .bind(vote.question_id)
                    .bind(vote.voter.as_str())
                    .bind(vote.chat.as_str())
                    .bind(vote.vote.as_str())
                    .bind(vote.reason.map(|reason| reason.as_str()))
                    .bind(vote.voted_at.timestamp_millis())
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    async fn forget(&self, chat: &ChatKey) -> Result<u64, LogStoreError> {
        let mut tx = self.pool().begin().await?;
        let votes = sqlx::query(
            "DELETE FROM question_feedback WHERE chat_key = $1 OR voter_key = $2 OR question_id IN \
             (SELECT id FROM question_log WHERE chat_key = $3)",
        )
        .bind(chat.as_str())
        .bind(chat.as_str())
        .bind(chat.as_str())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let questions = sqlx::query("DELETE FROM question_log WHERE chat_key = $1")
            .bind(chat.as_str())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(votes + questions)
    }

    async fn prune(&self, before: DateTime<Utc>) -> Result<u64, LogStoreError> {
        let before = before.timestamp_millis();
        let mut tx = self.pool().begin().await?;
        let votes = sqlx::query("DELETE FROM question_feedback WHERE voted_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let questions = sqlx::query("DELETE FROM question_log WHERE asked_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(votes + questions)
    }

    async fn secret(&self) -> Result<Option<String>, LogStoreError> {
        let row = sqlx::query("SELECT value FROM question_log_secret WHERE name = $1")
            .bind(SECRET_NAME)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|row| row.try_get("value")).transpose()?)
    }

    async fn keep_secret(&self, secret: &str) -> Result<String, LogStoreError> {
        sqlx::query(
            "INSERT INTO question_log_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
        )
        .bind(SECRET_NAME)
        .bind(secret)
        .execute(self.pool())
        .await?;
        self.secret()
            .await?
            .ok_or_else(|| LogStoreError::BadRow("the secret was not kept".to_owned()))
    }

    async fn questions_since(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<LoggedQuestion>, LogStoreError> {
        let rows = sqlx::query(
            "SELECT id, asked_at, question, understood, normalized, outcome, latency_us \
             FROM question_log WHERE asked_at >= $1 ORDER BY asked_at, id",
        )
        .bind(since.timestamp_millis())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                let latency: i64 = row.try_get("latency_us")?;
                Ok(LoggedQuestion {
                    id: row.try_get("id")?,
                    asked_at: instant(row.try_get("asked_at")?)?,
                    question: row.try_get("question")?,
                    understood: row.try_get("understood")?,
                    normalized: row.try_get("normalized")?,
                    outcome: row.try_get("outcome")?,
                    latency_us: u64::try_from(latency).unwrap_or(0),
                })
            })
            .collect()
    }

    async fn votes_since(&self, since: DateTime<Utc>) -> Result<Vec<LoggedVote>, LogStoreError> {
        let rows = sqlx::query(
            "SELECT f.question_id, f.vote, f.reason FROM question_feedback f \
             JOIN question_log q ON q.id = f.question_id WHERE q.asked_at >= $1",
        )
        .bind(since.timestamp_millis())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(LoggedVote {
                    question_id: row.try_get("question_id")?,
                    vote: row.try_get("vote")?,
                    reason: row.try_get("reason")?,
                })
            })
            .collect()
    }

    async fn subscribers(&self) -> Result<u64, LogStoreError> {
        let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM subscriptions")
            .fetch_one(self.pool())
            .await?
            .try_get("n")?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    async fn deliveries_since(&self, since: NaiveDate) -> Result<Vec<DeliveryDay>, LogStoreError> {
        let rows = sqlx::query(
            "SELECT local_date, state, COUNT(*) AS n FROM deliveries WHERE local_date >= $1 \
             GROUP BY local_date, state ORDER BY local_date",
        )
        .bind(since)
        .fetch_all(self.pool())
        .await?;
        let mut days: Vec<DeliveryDay> = Vec::new();
        for row in &rows {
            // SQLite keeps the day as `YYYY-MM-DD` text, PostgreSQL as a DATE: sqlx reads both.
            let date: NaiveDate = row.try_get("local_date")?;
            let state: String = row.try_get("state")?;
            let count = u64::try_from(row.try_get::<i64, _>("n")?).unwrap_or(0);
            if days.last().is_none_or(|day| day.date != date) {
                days.push(DeliveryDay {
                    date,
                    sent: 0,
                    failed: 0,
                    in_doubt: 0,
                });
            }
            if let Some(day) = days.last_mut() {
                match state.as_str() {
                    "sent" => day.sent += count,
                    "failed" => day.failed += count,
                    "in_doubt" => day.in_doubt += count,
                    _ => {}
                }
            }
        }
        Ok(days)
    }
}
    };
}

log_tables!(SqliteStore);
log_tables!(PgStore);

impl QuestionLogStore for Store {
    async fn write(&self, batch: &[Entry]) -> Result<(), LogStoreError> {
        on_backend!(self, store => store.write(batch))
    }

    async fn forget(&self, chat: &ChatKey) -> Result<u64, LogStoreError> {
        on_backend!(self, store => store.forget(chat))
    }

    async fn prune(&self, before: DateTime<Utc>) -> Result<u64, LogStoreError> {
        on_backend!(self, store => store.prune(before))
    }

    async fn secret(&self) -> Result<Option<String>, LogStoreError> {
        on_backend!(self, store => store.secret())
    }

    async fn keep_secret(&self, secret: &str) -> Result<String, LogStoreError> {
        on_backend!(self, store => store.keep_secret(secret))
    }

    async fn questions_since(
        &self,
        since: DateTime<Utc>,
    ) -> Result<Vec<LoggedQuestion>, LogStoreError> {
        on_backend!(self, store => store.questions_since(since))
    }

    async fn votes_since(&self, since: DateTime<Utc>) -> Result<Vec<LoggedVote>, LogStoreError> {
        on_backend!(self, store => store.votes_since(since))
    }

    async fn subscribers(&self) -> Result<u64, LogStoreError> {
        on_backend!(self, store => store.subscribers())
    }

    async fn deliveries_since(&self, since: NaiveDate) -> Result<Vec<DeliveryDay>, LogStoreError> {
        on_backend!(self, store => store.deliveries_since(since))
    }
}
