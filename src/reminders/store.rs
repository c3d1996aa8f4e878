//! Where subscriptions and deliveries live. The scheduler only sees the [`SubscriptionStore`] trait, so a
//! PostgreSQL implementation can let several replicas share the work (see `docs/reminders.md`);
//! [`SqliteStore`] is the one the bot ships with.
//!
//! The delivery guarantee is kept here: a (chat, local day) row is claimed in a transaction before the
//! message goes out and marked sent afterwards. A claim left unconfirmed by a crash is never retried; it
//! is settled as "in doubt", so a reminder is sent at most once.

use super::schedule::{parse_time, parse_zone, DailySchedule, Occurrence};
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use std::future::Future;
use std::path::PathBuf;
use std::str::FromStr;
use thiserror::Error;

/// A chat's subscription as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub chat_id: i64,
    pub schedule: DailySchedule,
    /// The last (re)subscription.
    pub subscribed_at: DateTime<Utc>,
    /// The local day whose reminder is next.
    pub due_date: NaiveDate,
    /// When the scheduler looks at this subscription next: the due instant, or a retry time.
    pub next_check_at: DateTime<Utc>,
    /// Reminders delivered so far; picks the next target in the rotation.
    pub delivered: u32,
}

/// How far a (chat, day) delivery got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryState {
    /// Being sent right now, or the sender crashed while sending.
    Claimed,
    /// Confirmed by the Bot API.
    Sent,
    /// Known not to have been delivered; may be claimed again.
    Failed,
    /// A claim nobody confirmed: the message may or may not have gone out. Never sent again.
    InDoubt,
}

/// The answer to "may I send this day's reminder to this chat?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// Yes; this is attempt number `attempts` for that day.
    Granted { attempts: u32 },
    /// Someone else claimed it moments ago and is sending it; if still unconfirmed at `stale_at`, the
    /// claim is taken to be a dead sender's.
    Busy { stale_at: DateTime<Utc> },
    /// That day is settled (sent, or in doubt); move on to the next day.
    Settled(DeliveryState),
}

/// Store failures; all of them come from the database or from rows the code did not write.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("unreadable row: {0}")]
    BadRow(String),
}

/// Subscriptions and the record of deliveries, behind a trait so that the scheduler does not care which
/// database keeps them.
pub trait SubscriptionStore: Send + Sync + 'static {
    /// Creates or replaces the chat's subscription; the delivered count is kept, so the rotation goes on.
    fn upsert(
        &self,
        subscription: &Subscription,
    ) -> impl Future<Output = Result<Subscription, StoreError>> + Send;

    /// Ends the chat's subscription; `false` if there was none. Delivery records stay, so that
    /// subscribing again the same day does not bring a second reminder.
    fn remove(&self, chat_id: i64) -> impl Future<Output = Result<bool, StoreError>> + Send;

    fn get(
        &self,
        chat_id: i64,
    ) -> impl Future<Output = Result<Option<Subscription>, StoreError>> + Send;

    /// The latest local day whose reminder was sent, is being sent, or is in doubt.
    fn last_delivery_date(
        &self,
        chat_id: i64,
    ) -> impl Future<Output = Result<Option<NaiveDate>, StoreError>> + Send;

    /// Subscriptions to look at now (`next_check_at <= now`), the most overdue first.
    fn due(
        &self,
        now: DateTime<Utc>,
    ) -> impl Future<Output = Result<Vec<Subscription>, StoreError>> + Send;

    /// The earliest `next_check_at`, so the scheduler can sleep until then.
    fn next_check_at(
        &self,
    ) -> impl Future<Output = Result<Option<DateTime<Utc>>, StoreError>> + Send;

    /// Moves the chat's next look to another day or time (a missed day, a settled day, a retry).
    fn reschedule(
        &self,
        chat_id: i64,
        due_date: NaiveDate,
        next_check_at: DateTime<Utc>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Claims the (chat, day) delivery before sending. A claim older than `stale_after` that was never
    /// confirmed belongs to a sender that died mid-send: it is settled as in doubt, not granted again.
    fn claim(
        &self,
        chat_id: i64,
        date: NaiveDate,
        now: DateTime<Utc>,
        stale_after: TimeDelta,
    ) -> impl Future<Output = Result<Claim, StoreError>> + Send;

    /// Records the day as settled (`Sent` or `InDoubt`), advances the rotation and schedules the next
    /// day, in one transaction.
    fn settle(
        &self,
        chat_id: i64,
        date: NaiveDate,
        state: DeliveryState,
        now: DateTime<Utc>,
        next: Occurrence,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Releases a claim whose send is known to have failed, to be tried again at `retry_at`.
    fn release(
        &self,
        chat_id: i64,
        date: NaiveDate,
        now: DateTime<Utc>,
        retry_at: DateTime<Utc>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Forgets delivery records of days before `before` (they can no longer be sent anyway).
    fn prune_deliveries(
        &self,
        before: NaiveDate,
    ) -> impl Future<Output = Result<u64, StoreError>> + Send;
}

/// The shipped store: one SQLite file in WAL mode (or an in-memory database for tests).
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

const DATE_FORMAT: &str = "%Y-%m-%d";

impl SqliteStore {
    /// Opens (creating file and folder when missing) the database at a `sqlite:` URL such as
    /// `sqlite://data/report-bot.db`, and brings its schema up to date.
    pub async fn open(database_url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(database_url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // In WAL mode NORMAL loses no committed transaction on a process crash, only on power loss.
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(std::time::Duration::from_secs(5));
        if let Some(folder) = options.get_filename().parent() {
            if !folder.as_os_str().is_empty() {
                std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder {
                    path: folder.to_path_buf(),
                    source,
                })?;
            }
        }
        // sqlx names an in-memory database `file:sqlx-in-memory-…`: ask the URL, by the settings' one rule.
        let in_memory =
            crate::config::DatabaseUrl::parse(database_url).is_ok_and(|url| url.is_in_memory());
        // One connection always stays open, so that a `sqlite::memory:` URL keeps its database.
        let mut pool = SqlitePoolOptions::new()
            .max_connections(4)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
        if !in_memory {
            pool = pool
                .max_lifetime(CONNECTION_LIFETIME)
                .after_release(|connection, _| Box::pin(still_usable(connection)));
        }
        let pool = pool.connect_with(options).await?;
        Self::migrated(pool).await
    }

    /// A private database in RAM that lives as long as this store: the test seam.
    pub async fn in_memory() -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?;
        // One connection that never closes: the database lives exactly as long as it does.
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        Self::migrated(pool).await
    }

    async fn migrated(pool: SqlitePool) -> Result<Self, StoreError> {
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    /// The pool, for the question log's tables in the same database (`questionlog::SqliteQuestionLog`).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The reply language a chat chose with /lang (`zh` or `en`), if it chose one.
    pub async fn chat_language(&self, chat_id: i64) -> Result<Option<String>, StoreError> {
        let language = sqlx::query_scalar("SELECT language FROM chat_languages WHERE chat_id = ?")
            .bind(chat_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(language)
    }

    /// Keeps a chat's reply language (`zh` or `en`).
    pub async fn set_chat_language(
        &self,
        chat_id: i64,
        language: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO chat_languages (chat_id, language, updated_at) VALUES (?, ?, ?) \
             ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language, \
             updated_at = excluded.updated_at",
        )
        .bind(chat_id)
        .bind(language)
        .bind(millis(now))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Forgets a chat's reply language (/forget).
    pub async fn forget_chat_language(&self, chat_id: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM chat_languages WHERE chat_id = ?")
            .bind(chat_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Closes the pool, waiting for running queries: part of a graceful shutdown.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

const SUBSCRIPTION_COLUMNS: &str =
    "chat_id, send_time, time_zone, subscribed_at, due_date, next_check_at, delivered";

fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn instant(ms: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| StoreError::BadRow(format!("instant out of range: {ms}")))
}

/// How long a connection to a database file is used before it is reopened. SQLite opens a file it
/// cannot write (turned read-only, or immutable) read-only without an error, and such a connection stays
/// read-only after the file is writable again; reopening brings the store back within this time. Shorter
/// recovers sooner; each reopening costs about a tenth of a millisecond.
const CONNECTION_LIFETIME: std::time::Duration = std::time::Duration::from_secs(30);

/// Whether a connection going back to the pool may be used again. A write that fails inside COMMIT (a
/// full disk, a database file turned read-only) can leave SQLite's transaction open with its write lock
/// held even after sqlx's rollback: then every other connection gets "database is locked" until the
/// process ends, and the broken one may report later writes as done that never reach the file (seen
/// in the fault suite: a reminder claimed, and sent, while the file could not be written). A connection
/// still inside a transaction cannot BEGIN; it is closed instead of reused (the pool opens a new one).
async fn still_usable(connection: &mut sqlx::SqliteConnection) -> Result<bool, sqlx::Error> {
    if sqlx::query("BEGIN")
        .execute(&mut *connection)
        .await
        .is_err()
    {
        tracing::warn!("a database connection was left inside a failed transaction; closing it");
        return Ok(false);
    }
    sqlx::query("ROLLBACK").execute(&mut *connection).await?;
    Ok(true)
}

fn day_text(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

fn day(text: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(text, DATE_FORMAT)
        .map_err(|error| StoreError::BadRow(format!("date {text:?}: {error}")))
}

fn subscription_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Subscription, StoreError> {
    let chat_id: i64 = row.try_get("chat_id")?;
    let bad = |reason: String| StoreError::BadRow(format!("chat {chat_id}: {reason}"));
    let time_text: String = row.try_get("send_time")?;
    let zone_text: String = row.try_get("time_zone")?;
    let delivered: i64 = row.try_get("delivered")?;
    Ok(Subscription {
        chat_id,
        schedule: DailySchedule {
            time: parse_time(&time_text).map_err(|error| bad(error.to_string()))?,
            zone: parse_zone(&zone_text).map_err(|error| bad(error.to_string()))?,
        },
        subscribed_at: instant(row.try_get("subscribed_at")?)?,
        due_date: day(row.try_get("due_date")?)?,
        next_check_at: instant(row.try_get("next_check_at")?)?,
        delivered: u32::try_from(delivered).map_err(|error| bad(error.to_string()))?,
    })
}

fn state_text(state: DeliveryState) -> &'static str {
    match state {
        DeliveryState::Claimed => "claimed",
        DeliveryState::Sent => "sent",
        DeliveryState::Failed => "failed",
        DeliveryState::InDoubt => "in_doubt",
    }
}

fn state_from_text(text: &str) -> Result<DeliveryState, StoreError> {
    match text {
        "claimed" => Ok(DeliveryState::Claimed),
        "sent" => Ok(DeliveryState::Sent),
        "failed" => Ok(DeliveryState::Failed),
        "in_doubt" => Ok(DeliveryState::InDoubt),
        other => Err(StoreError::BadRow(format!("delivery state {other:?}"))),
    }
}

impl SubscriptionStore for SqliteStore {
    async fn upsert(&self, subscription: &Subscription) -> Result<Subscription, StoreError> {
        let row = sqlx::query(&format!(
            "INSERT INTO subscriptions ({SUBSCRIPTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 0)
             ON CONFLICT (chat_id) DO UPDATE SET
                 send_time = excluded.send_time, time_zone = excluded.time_zone,
                 subscribed_at = excluded.subscribed_at, due_date = excluded.due_date,
                 next_check_at = excluded.next_check_at
             RETURNING {SUBSCRIPTION_COLUMNS}"
        ))
        .bind(subscription.chat_id)
        .bind(subscription.schedule.time_text())
        .bind(subscription.schedule.zone.name())
        .bind(millis(subscription.subscribed_at))
        .bind(day_text(subscription.due_date))
        .bind(millis(subscription.next_check_at))
        .fetch_one(&self.pool)
        .await?;
        subscription_from_row(&row)
    }

    async fn remove(&self, chat_id: i64) -> Result<bool, StoreError> {
        let done = sqlx::query("DELETE FROM subscriptions WHERE chat_id = ?")
            .bind(chat_id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn get(&self, chat_id: i64) -> Result<Option<Subscription>, StoreError> {
        sqlx::query(&format!(
            "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE chat_id = ?"
        ))
        .bind(chat_id)
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(subscription_from_row)
        .transpose()
    }

    async fn last_delivery_date(&self, chat_id: i64) -> Result<Option<NaiveDate>, StoreError> {
        let latest: Option<String> = sqlx::query_scalar(
            "SELECT max(local_date) FROM deliveries WHERE chat_id = ? AND state <> 'failed'",
        )
        .bind(chat_id)
        .fetch_one(&self.pool)
        .await?;
        latest.map(|text| day(&text)).transpose()
    }

    async fn due(&self, now: DateTime<Utc>) -> Result<Vec<Subscription>, StoreError> {
        sqlx::query(&format!(
            "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE next_check_at <= ?
             ORDER BY next_check_at, chat_id"
        ))
        .bind(millis(now))
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(subscription_from_row)
        .collect()
    }

    async fn next_check_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let earliest: Option<i64> =
            sqlx::query_scalar("SELECT min(next_check_at) FROM subscriptions")
                .fetch_one(&self.pool)
                .await?;
        earliest.map(instant).transpose()
    }

    async fn reschedule(
        &self,
        chat_id: i64,
        due_date: NaiveDate,
        next_check_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE subscriptions SET due_date = ?, next_check_at = ? WHERE chat_id = ?")
            .bind(day_text(due_date))
            .bind(millis(next_check_at))
            .bind(chat_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn claim(
        &self,
        chat_id: i64,
        date: NaiveDate,
        now: DateTime<Utc>,
        stale_after: TimeDelta,
    ) -> Result<Claim, StoreError> {
        let mut transaction = self.pool.begin().await?;
        // A new day, or a day whose earlier attempt is known to have failed.
        let granted: Option<i64> = sqlx::query_scalar(
            "INSERT INTO deliveries (chat_id, local_date, state, attempts, updated_at)
             VALUES (?, ?, 'claimed', 1, ?)
             ON CONFLICT (chat_id, local_date) DO UPDATE SET
                 state = 'claimed', attempts = attempts + 1, updated_at = excluded.updated_at
                 WHERE deliveries.state = 'failed'
             RETURNING attempts",
        )
        .bind(chat_id)
        .bind(day_text(date))
        .bind(millis(now))
        .fetch_optional(&mut *transaction)
        .await?;
        let claim = if let Some(attempts) = granted {
            Claim::Granted {
                attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            }
        } else {
            let row = sqlx::query(
                "SELECT state, updated_at FROM deliveries WHERE chat_id = ? AND local_date = ?",
            )
            .bind(chat_id)
            .bind(day_text(date))
            .fetch_one(&mut *transaction)
            .await?;
            let state = state_from_text(row.try_get("state")?)?;
            let claimed_at = instant(row.try_get("updated_at")?)?;
            match state {
                DeliveryState::Claimed if now - claimed_at >= stale_after => {
                    sqlx::query(
                        "UPDATE deliveries SET state = 'in_doubt', updated_at = ?
                         WHERE chat_id = ? AND local_date = ?",
                    )
                    .bind(millis(now))
                    .bind(chat_id)
                    .bind(day_text(date))
                    .execute(&mut *transaction)
                    .await?;
                    Claim::Settled(DeliveryState::InDoubt)
                }
                DeliveryState::Claimed => Claim::Busy {
                    stale_at: claimed_at + stale_after,
                },
                settled => Claim::Settled(settled),
            }
        };
        transaction.commit().await?;
        Ok(claim)
    }

    async fn settle(
        &self,
        chat_id: i64,
        date: NaiveDate,
        state: DeliveryState,
        now: DateTime<Utc>,
        next: Occurrence,
    ) -> Result<(), StoreError> {
        let mut transaction = self.pool.begin().await?;
        sqlx::query(
            "UPDATE deliveries SET state = ?, updated_at = ? WHERE chat_id = ? AND local_date = ?",
        )
        .bind(state_text(state))
        .bind(millis(now))
        .bind(chat_id)
        .bind(day_text(date))
        .execute(&mut *transaction)
        .await?;
        // Only move the subscription on if it still waits for this day: a re-subscription made while the
        // message was in flight has already chosen its own next day.
        sqlx::query(
            "UPDATE subscriptions SET delivered = delivered + 1,
                 due_date = CASE WHEN due_date <= ? THEN ? ELSE due_date END,
                 next_check_at = CASE WHEN due_date <= ? THEN ? ELSE next_check_at END
             WHERE chat_id = ?",
        )
        .bind(day_text(date))
        .bind(day_text(next.date))
        .bind(day_text(date))
        .bind(millis(next.at))
        .bind(chat_id)
        .execute(&mut *transaction)
        .await?;
        transaction.commit().await?;
        Ok(())
    }

    async fn release(
        &self,
        chat_id: i64,
        date: NaiveDate,
        now: DateTime<Utc>,
        retry_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let mut transaction = self.pool.begin().await?;
        sqlx::query(
            "UPDATE deliveries SET state = 'failed', updated_at = ?
             WHERE chat_id = ? AND local_date = ? AND state = 'claimed'",
        )
        .bind(millis(now))
        .bind(chat_id)
        .bind(day_text(date))
        .execute(&mut *transaction)
        .await?;
        sqlx::query(
            "UPDATE subscriptions SET next_check_at = ? WHERE chat_id = ? AND due_date = ?",
        )
        .bind(millis(retry_at))
        .bind(chat_id)
        .bind(day_text(date))
        .execute(&mut *transaction)
        .await?;
        transaction.commit().await?;
        Ok(())
    }

    async fn prune_deliveries(&self, before: NaiveDate) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM deliveries WHERE local_date < ?")
            .bind(day_text(before))
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
