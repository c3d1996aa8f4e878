//! The daily target reminder: who is due when (`schedule`), what they get (`content`), where subscriptions
//! and deliveries are kept (`store`), and how a batch goes out within Telegram's limits (`sender`,
//! `scheduler`). Telegram itself is only reached through the `sender::Transport` trait.
//!
//! The functions here are what the `/subscribe`, `/unsubscribe` and `/subscription` commands call.

pub mod content;
pub mod schedule;
pub mod scheduler;
pub mod sender;
pub mod store;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use schedule::{DailySchedule, Decision, ScheduleError};
use store::{StoreError, Subscription, SubscriptionStore};
use thiserror::Error;

/// Failures of the reminder service.
#[derive(Debug, Error)]
pub enum ReminderError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
}

/// A subscription as the user sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriptionStatus {
    pub schedule: DailySchedule,
    /// When the next reminder goes out, in the subscriber's zone (`now` if one is due right now).
    pub next_send: DateTime<Tz>,
}

/// Subscribes `chat_id`, or changes its time and zone if it is subscribed already. A day whose reminder
/// has gone out (or is going out) is never chosen again, so changing the time never means two reminders
/// on one day.
pub async fn subscribe<S: SubscriptionStore>(
    store: &S,
    chat_id: i64,
    schedule: DailySchedule,
    now: DateTime<Utc>,
) -> Result<SubscriptionStatus, ReminderError> {
    let last_delivery = store.last_delivery_date(chat_id).await?;
    let next = schedule.next_occurrence(now, last_delivery)?;
    let stored = store
        .upsert(&Subscription {
            chat_id,
            schedule,
            subscribed_at: now,
            due_date: next.date,
            next_check_at: next.at,
            delivered: 0,
        })
        .await?;
    Ok(status_of(&stored, now))
}

/// Ends the chat's subscription; `false` if it had none.
pub async fn unsubscribe<S: SubscriptionStore>(
    store: &S,
    chat_id: i64,
) -> Result<bool, ReminderError> {
    Ok(store.remove(chat_id).await?)
}

/// The chat's subscription and its next send time, if it has one.
pub async fn status<S: SubscriptionStore>(
    store: &S,
    chat_id: i64,
    now: DateTime<Utc>,
) -> Result<Option<SubscriptionStatus>, ReminderError> {
    Ok(store
        .get(chat_id)
        .await?
        .map(|subscription| status_of(&subscription, now)))
}

fn status_of(subscription: &Subscription, now: DateTime<Utc>) -> SubscriptionStatus {
    let schedule = subscription.schedule;
    let next_send = match schedule.decide(subscription.due_date, now) {
        // Due: right now, or at the retry time if an attempt failed.
        Decision::Send => subscription.next_check_at.max(now),
        Decision::Wait(at) => at.max(subscription.next_check_at),
        // The scheduler will skip that day on its next look.
        Decision::Missed => schedule
            .next_occurrence(now, Some(subscription.due_date))
            .map_or(subscription.next_check_at, |next| next.at),
    };
    SubscriptionStatus {
        schedule,
        next_send: next_send.with_timezone(&schedule.zone),
    }
}
