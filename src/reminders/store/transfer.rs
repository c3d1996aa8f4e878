//! Copying the reminder tables from one database to another, row for row (`report-bot migrate-store`):
//! subscriptions with their rotation position and next look, deliveries with their state, so that
//! nothing is sent twice or skipped after the move. Works in either direction (SQLite → PostgreSQL, and
//! back to roll a move back).

use super::{DeliveryState, PgStore, SqliteStore, Store, StoreError, Subscription};
use chrono::{DateTime, NaiveDate, Utc};
use std::future::Future;

/// One delivery record as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryRecord {
    pub chat_id: i64,
    pub local_date: NaiveDate,
    pub state: DeliveryState,
    pub attempts: u32,
    pub updated_at: DateTime<Utc>,
}

/// Everything the reminder tables hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemindersDump {
    pub subscriptions: Vec<Subscription>,
    pub deliveries: Vec<DeliveryRecord>,
}

/// Reading and writing the reminder tables whole.
pub trait ReminderTables {
    /// Every row, in key order.
    fn dump(&self) -> impl Future<Output = Result<RemindersDump, StoreError>> + Send;

    /// Writes `dump` into empty tables, in one transaction; fails (writing nothing) if a row exists.
    fn load(&self, dump: &RemindersDump) -> impl Future<Output = Result<(), StoreError>> + Send;
}

/// The same SQL on both backends, as in `queries.rs`; the codec says how values are stored.
macro_rules! reminder_tables {
    ($store:ty, $codec:ident) => {
        impl ReminderTables for $store {
            async fn dump(&self) -> Result<RemindersDump, StoreError> {
                use sqlx::Row;
                let subscriptions = sqlx::query(&format!(
                    "SELECT {} FROM subscriptions ORDER BY chat_id",
                    super::SUBSCRIPTION_COLUMNS
                ))
                .fetch_all(self.pool())
                .await?
                .iter()
                .map(super::$codec::subscription)
                .collect::<Result<_, _>>()?;
                let mut deliveries = Vec::new();
                let rows = sqlx::query(
                    "SELECT chat_id, local_date, state, attempts, updated_at FROM deliveries
                     ORDER BY chat_id, local_date",
                )
                .fetch_all(self.pool())
                .await?;
                for row in &rows {
                    let attempts: i64 = row.try_get("attempts")?;
                    deliveries.push(DeliveryRecord {
                        chat_id: row.try_get("chat_id")?,
                        local_date: super::$codec::read_day(row.try_get("local_date")?)?,
                        state: super::state_from_text(row.try_get("state")?)?,
                        attempts: u32::try_from(attempts)
                            .map_err(|error| StoreError::BadRow(error.to_string()))?,
                        updated_at: super::$codec::read_instant(row.try_get("updated_at")?)?,
                    });
                }
                Ok(RemindersDump {
                    subscriptions,
                    deliveries,
                })
            }

            async fn load(&self, dump: &RemindersDump) -> Result<(), StoreError> {
                let mut transaction = self.pool().begin().await?;
                let existing: i64 = sqlx::query_scalar(
                    "SELECT (SELECT count(*) FROM subscriptions) + (SELECT count(*) FROM deliveries)",
                )
                .fetch_one(&mut *transaction)
                .await?;
                if existing > 0 {
                    return Err(StoreError::NotEmpty(existing));
                }
                for subscription in &dump.subscriptions {
                    sqlx::query(&format!(
                        "INSERT INTO subscriptions ({}) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        super::SUBSCRIPTION_COLUMNS
                    ))
                    .bind(subscription.chat_id)
                    .bind(subscription.schedule.time_text())
                    .bind(subscription.schedule.zone.name())
                    .bind(super::$codec::instant(subscription.subscribed_at))
                    .bind(super::$codec::day(subscription.due_date))
                    .bind(super::$codec::instant(subscription.next_check_at))
                    .bind(i64::from(subscription.delivered))
                    .execute(&mut *transaction)
                    .await?;
                }
                for delivery in &dump.deliveries {
                    sqlx::query(
                        "INSERT INTO deliveries (chat_id, local_date, state, attempts, updated_at)
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(delivery.chat_id)
                    .bind(super::$codec::day(delivery.local_date))
                    .bind(super::state_text(delivery.state))
                    .bind(i64::from(delivery.attempts))
                    .bind(super::$codec::instant(delivery.updated_at))
                    .execute(&mut *transaction)
                    .await?;
                }
                transaction.commit().await?;
                Ok(())
            }
        }
    };
}

reminder_tables!(SqliteStore, sqlite);
reminder_tables!(PgStore, postgres);

impl ReminderTables for Store {
    async fn dump(&self) -> Result<RemindersDump, StoreError> {
        match self {
            Store::Sqlite(store) => store.dump().await,
            Store::Postgres(store) => store.dump().await,
        }
    }

    async fn load(&self, dump: &RemindersDump) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(store) => store.load(dump).await,
            Store::Postgres(store) => store.load(dump).await,
        }
    }
}
