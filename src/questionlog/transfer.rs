//! Copying the question log from one database to another, row for row (`report-bot migrate-store`),
//! with the secret its chat keys were made with: /forget then still finds a chat's earlier questions in
//! the new database.

use super::store::LogStoreError;
use crate::store::{on_backend, PgStore, SqliteStore, Store};
use std::future::Future;

/// A `question_log` row, every column as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct QuestionRow {
    pub id: i64,
    pub asked_at: i64,
    pub chat_key: String,
    pub chat_kind: String,
    pub via: String,
    pub question: String,
    pub understood: Option<String>,
    pub normalized: String,
    pub intent: String,
    pub year: Option<i32>,
    pub outcome: String,
    pub top_hit: Option<String>,
    pub latency_us: i64,
}

/// A `question_feedback` row, every column as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct VoteRow {
    pub question_id: i64,
    pub voter_key: String,
    pub chat_key: String,
    pub vote: String,
    pub reason: Option<String>,
    pub voted_at: i64,
}

/// Everything the question log's tables hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogDump {
    pub questions: Vec<QuestionRow>,
    pub votes: Vec<VoteRow>,
    /// `(name, value)` rows of the stored secrets.
    pub secrets: Vec<(String, String)>,
}

/// Reading and writing the log's tables whole.
pub trait LogTables {
    /// Every row, in key order.
    fn dump_log(&self) -> impl Future<Output = Result<LogDump, LogStoreError>> + Send;

    /// Writes `dump` into empty tables in one transaction; fails, writing nothing, if a row exists.
    fn load_log(&self, dump: &LogDump) -> impl Future<Output = Result<(), LogStoreError>> + Send;
}

const QUESTION_COLUMNS: &str = "id, asked_at, chat_key, chat_kind, via, question, understood, \
     normalized, intent, year, outcome, top_hit, latency_us";
const VOTE_COLUMNS: &str = "question_id, voter_key, chat_key, vote, reason, voted_at";

/// The same SQL on both backends (`$n` placeholders, plain types).
macro_rules! log_transfer {
    ($store:ty) => {
        impl LogTables for $store {
            async fn dump_log(&self) -> Result<LogDump, LogStoreError> {
                let questions = sqlx::query_as(&format!(
                    "SELECT {QUESTION_COLUMNS} FROM question_log ORDER BY id"
                ))
                .fetch_all(self.pool())
                .await?;
                let votes = sqlx::query_as(&format!(
                    "SELECT {VOTE_COLUMNS} FROM question_feedback ORDER BY question_id, voter_key"
                ))
                .fetch_all(self.pool())
                .await?;
                let secrets =
                    sqlx::query_as("SELECT name, value FROM question_log_secret ORDER BY name")
                        .fetch_all(self.pool())
                        .await?;
                Ok(LogDump {
                    questions,
                    votes,
                    secrets,
                })
            }

            async fn load_log(&self, dump: &LogDump) -> Result<(), LogStoreError> {
                let mut transaction = self.pool().begin().await?;
                let existing: i64 = sqlx::query_scalar(
                    "SELECT (SELECT count(*) FROM question_log) \
                     + (SELECT count(*) FROM question_feedback) \
                     + (SELECT count(*) FROM question_log_secret)",
                )
                .fetch_one(&mut *transaction)
                .await?;
                if existing > 0 {
                    return Err(LogStoreError::NotEmpty(existing));
                }
                for row in &dump.questions {
                    sqlx::query(&format!(
                        "INSERT INTO question_log ({QUESTION_COLUMNS}) VALUES \
                         ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
                    ))
                    .bind(row.id)
                    .bind(row.asked_at)
                    .bind(&row.chat_key)
                    .bind(&row.chat_kind)
                    .bind(&row.via)
                    .bind(&row.question)
                    .bind(&row.understood)
                    .bind(&row.normalized)
                    .bind(&row.intent)
                    .bind(row.year)
                    .bind(&row.outcome)
                    .bind(&row.top_hit)
                    .bind(row.latency_us)
                    .execute(&mut *transaction)
                    .await?;
                }
                for row in &dump.votes {
                    sqlx::query(&format!(
                        "INSERT INTO question_feedback ({VOTE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)"
                    ))
                    .bind(row.question_id)
                    .bind(&row.voter_key)
                    .bind(&row.chat_key)
                    .bind(&row.vote)
                    .bind(&row.reason)
                    .bind(row.voted_at)
                    .execute(&mut *transaction)
                    .await?;
                }
                for (name, value) in &dump.secrets {
                    sqlx::query("INSERT INTO question_log_secret (name, value) VALUES ($1, $2)")
                        .bind(name)
                        .bind(value)
                        .execute(&mut *transaction)
                        .await?;
                }
                transaction.commit().await?;
                Ok(())
            }
        }
    };
}

log_transfer!(SqliteStore);
log_transfer!(PgStore);

impl LogTables for Store {
    async fn dump_log(&self) -> Result<LogDump, LogStoreError> {
        on_backend!(self, store => store.dump_log())
    }

    async fn load_log(&self, dump: &LogDump) -> Result<(), LogStoreError> {
        on_backend!(self, store => store.load_log(dump))
    }
}
