//! How the reminder tables are stored in SQLite (`migrations/sqlite/0001_reminders.sql`): instants as
//! Unix milliseconds, local dates as `YYYY-MM-DD` text. One process: the caller's clock stamps claims.

use super::{subscription_from_parts, SqliteStore, StoreError, Subscription};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Row;

pub(super) type Instant = i64;
pub(super) type Day = String;

const DATE_FORMAT: &str = "%Y-%m-%d";

/// The database's clock as SQL, in the stored form (milliseconds).
pub(super) const NOW: &str = "CAST(unixepoch('subsec') * 1000 AS INTEGER)";

/// SQLite has no row locks: its transactions lock the whole database.
pub(super) const LOCK_ROW: &str = "";

pub(super) fn instant(at: DateTime<Utc>) -> Instant {
    at.timestamp_millis()
}

pub(super) fn read_instant(ms: Instant) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_millis(ms)
        .ok_or_else(|| StoreError::BadRow(format!("instant out of range: {ms}")))
}

pub(super) fn day(date: NaiveDate) -> Day {
    date.format(DATE_FORMAT).to_string()
}

pub(super) fn read_day(text: Day) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(&text, DATE_FORMAT)
        .map_err(|error| StoreError::BadRow(format!("date {text:?}: {error}")))
}

/// One process, so its clock is the only one.
pub(super) fn claim_time(_: &SqliteStore, now: DateTime<Utc>) -> Option<Instant> {
    Some(instant(now))
}

pub(super) fn subscription(row: &sqlx::sqlite::SqliteRow) -> Result<Subscription, StoreError> {
    subscription_from_parts(
        row.try_get("chat_id")?,
        row.try_get("send_time")?,
        row.try_get("time_zone")?,
        (
            read_instant(row.try_get("subscribed_at")?)?,
            read_day(row.try_get("due_date")?)?,
            read_instant(row.try_get("next_check_at")?)?,
        ),
        row.try_get("delivered")?,
    )
}
