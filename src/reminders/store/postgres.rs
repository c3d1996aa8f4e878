//! How the reminder tables are stored in PostgreSQL (`migrations/postgres/0001_reminders.sql`):
//! `timestamptz` and `date`. Claims are stamped and judged by the database's clock unless the store was
//! opened with [`ClaimClock::Caller`](crate::store::ClaimClock) (tests).

use super::{subscription_from_parts, PgStore, StoreError, Subscription};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Row;

pub(super) type Instant = DateTime<Utc>;
pub(super) type Day = NaiveDate;

/// The database's clock (the transaction's start).
pub(super) const NOW: &str = "now()";

/// Holds the delivery row while a claim decides about it, so two replicas never both judge it stale.
pub(super) const LOCK_ROW: &str = " FOR UPDATE";

/// PostgreSQL keeps microseconds, SQLite milliseconds: both keep milliseconds, so a subscription reads
/// back the same from either (and `migrate-store` copies it unchanged).
pub(super) fn instant(at: DateTime<Utc>) -> Instant {
    DateTime::from_timestamp_millis(at.timestamp_millis()).unwrap_or(at)
}

pub(super) fn read_instant(at: Instant) -> Result<DateTime<Utc>, StoreError> {
    Ok(at)
}

pub(super) fn day(date: NaiveDate) -> Day {
    date
}

pub(super) fn read_day(date: Day) -> Result<NaiveDate, StoreError> {
    Ok(date)
}

/// `None` lets the SQL fall back to [`NOW`].
pub(super) fn claim_time(store: &PgStore, now: DateTime<Utc>) -> Option<Instant> {
    store.claim_time(instant(now))
}

pub(super) fn subscription(row: &sqlx::postgres::PgRow) -> Result<Subscription, StoreError> {
    subscription_from_parts(
        row.try_get("chat_id")?,
        row.try_get("send_time")?,
        row.try_get("time_zone")?,
        (
            row.try_get("subscribed_at")?,
            row.try_get("due_date")?,
            row.try_get("next_check_at")?,
        ),
        row.try_get("delivered")?,
    )
}
