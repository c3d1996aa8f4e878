//! Where subscriptions and deliveries live. The scheduler only sees the [`SubscriptionStore`] trait,
//! implemented once for both databases (`queries.rs`, instantiated below for [`SqliteStore`] and
//! [`PgStore`] with each one's way of storing values, `sqlite.rs` and `postgres.rs`; several replicas share
//! a PostgreSQL store, see `docs/reminders.md`) and for [`Store`], the one `DATABASE_URL` chose, by
//! delegation. `transfer.rs` copies the tables whole (`migrate-store`).
//!
//! The delivery guarantee is kept here: a (chat, local day) row is claimed in a transaction before the
//! message goes out and marked sent afterwards. A claim left unconfirmed by a crash is never retried; it
//! is settled as "in doubt", so a reminder is sent at most once.

mod postgres;
mod queries;
mod sqlite;
pub mod transfer;

pub use crate::store::{ClaimClock, PgStore, SqliteStore, Store, StoreError};

use super::schedule::{parse_time, parse_zone, DailySchedule, Occurrence};
use crate::store::on_backend;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Tz;
use queries::subscription_store;
use sqlx::Row;
use std::future::Future;

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

/// The columns of a subscription row, in the order both backends select them.
const SUBSCRIPTION_COLUMNS: &str =
    "chat_id, send_time, time_zone, subscribed_at, due_date, next_check_at, delivered";

/// A subscription from its columns as stored, checking what the code did not write itself.
fn subscription_from_parts(
    chat_id: i64,
    time_text: &str,
    zone_text: &str,
    times: (DateTime<Utc>, NaiveDate, DateTime<Utc>),
    delivered: i64,
) -> Result<Subscription, StoreError> {
    let bad = |reason: String| StoreError::BadRow(format!("chat {chat_id}: {reason}"));
    let (subscribed_at, due_date, next_check_at) = times;
    let zone: Tz = parse_zone(zone_text).map_err(|error| bad(error.to_string()))?;
    Ok(Subscription {
        chat_id,
        schedule: DailySchedule {
            time: parse_time(time_text).map_err(|error| bad(error.to_string()))?,
            zone,
        },
        subscribed_at,
        due_date,
        next_check_at,
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

subscription_store!(SqliteStore, sqlite);
subscription_store!(PgStore, postgres);

/// A granted claim's attempt number as stored.
fn granted_claim(attempts: i64) -> Claim {
    Claim::Granted {
        attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
    }
}

/// The answer to a claim the insert did not grant, from the row already there. `Settled(InDoubt)` for a
/// row still `claimed` means the caller must mark it in doubt (its sender died).
fn refused(
    state: DeliveryState,
    claimed_at: DateTime<Utc>,
    now: DateTime<Utc>,
    stale_after: TimeDelta,
) -> Claim {
    match state {
        DeliveryState::Claimed if now - claimed_at >= stale_after => {
            Claim::Settled(DeliveryState::InDoubt)
        }
        DeliveryState::Claimed => Claim::Busy {
            stale_at: claimed_at + stale_after,
        },
        settled => Claim::Settled(settled),
    }
}

impl SubscriptionStore for Store {
    async fn upsert(&self, subscription: &Subscription) -> Result<Subscription, StoreError> {
        on_backend!(self, store => store.upsert(subscription))
    }

    async fn remove(&self, chat_id: i64) -> Result<bool, StoreError> {
        on_backend!(self, store => store.remove(chat_id))
    }

    async fn get(&self, chat_id: i64) -> Result<Option<Subscription>, StoreError> {
        on_backend!(self, store => store.get(chat_id))
    }

    async fn last_delivery_date(&self, chat_id: i64) -> Result<Option<NaiveDate>, StoreError> {
        on_backend!(self, store => store.last_delivery_date(chat_id))
    }

    async fn due(&self, now: DateTime<Utc>) -> Result<Vec<Subscription>, StoreError> {
        on_backend!(self, store => store.due(now))
    }

    async fn next_check_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        on_backend!(self, store => store.next_check_at())
    }

    async fn reschedule(
        &self,
        chat_id: i64,
        due_date: NaiveDate,
        next_check_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_backend!(self, store => store.reschedule(chat_id, due_date, next_check_at))
    }

    async fn claim(
        &self,
        chat_id: i64,
        date: NaiveDate,
        now: DateTime<Utc>,
        stale_after: TimeDelta,
    ) -> Result<Claim, StoreError> {
        on_backend!(self, store => store.claim(chat_id, date, now, stale_after))
    }

    async fn settle(
        &self,
        chat_id: i64,
        date: NaiveDate,
        state: DeliveryState,
        now: DateTime<Utc>,
        next: Occurrence,
    ) -> Result<(), StoreError> {
        on_backend!(self, store => store.settle(chat_id, date, state, now, next))
    }

    async fn release(
        &self,
        chat_id: i64,
        date: NaiveDate,
        now: DateTime<Utc>,
        retry_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_backend!(self, store => store.release(chat_id, date, now, retry_at))
    }

    async fn prune_deliveries(&self, before: NaiveDate) -> Result<u64, StoreError> {
        on_backend!(self, store => store.prune_deliveries(before))
    }
}
