//! Sending the due reminders: claim a (chat, day), send through a [`Transport`], record the outcome;
//! spread over time by a [`RateLimiter`] so a large batch stays within Telegram's limits instead of
//! bursting. Time comes from a [`Clock`], so tests drive a virtual one and never sleep.

use super::content::{Reminder, TargetRotation};
use super::schedule::Decision;
use super::store::{Claim, DeliveryState, Subscription, SubscriptionStore};
use super::ReminderError;
use chrono::{DateTime, TimeDelta, Utc};
use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use thiserror::Error;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

/// A claim older than this that was never confirmed belongs to a sender that died mid-send. It is far
/// longer than any send can hold a claim: a request times out in seconds, and a 429 wait longer than
/// [`MAX_INLINE_RETRY_AFTER`] releases the claim instead of holding it.
pub const CLAIM_STALE_AFTER: TimeDelta = TimeDelta::minutes(10);

/// A 429 asking to wait at most this long is waited out inside the batch, holding the claim.
pub const MAX_INLINE_RETRY_AFTER: Duration = Duration::from_secs(60);

/// How many 429s in a row one message may get before it is released for a later batch.
const MAX_INLINE_RETRIES: u32 = 5;

/// Sends allowed in flight at once: enough to keep 30 messages a second going at 2 s of latency.
const MAX_IN_FLIGHT: usize = 64;

/// Where "now" comes from and how to wait for a later "now".
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
    fn sleep_until(&self, at: DateTime<Utc>) -> impl Future<Output = ()> + Send;
}

/// The real clock: system time, tokio sleeps.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    async fn sleep_until(&self, at: DateTime<Utc>) {
        if let Ok(wait) = (at - Utc::now()).to_std() {
            tokio::time::sleep(wait).await;
        }
    }
}

/// How a send failed, as far as delivery is concerned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TransportError {
    /// 403: the user blocked the bot or the account is gone. Ends the subscription.
    #[error("the chat blocked the bot or no longer exists")]
    Blocked,
    /// 429: flood control; try again after this long.
    #[error("rate limited; retry after {0:?}")]
    RetryAfter(Duration),
    /// Known not delivered (an error answer from the Bot API, a refused connection): retried later.
    #[error("not delivered: {0}")]
    Other(String),
    /// The request may have reached Telegram (a timeout, a lost response): never sent again.
    #[error("delivery unknown: {0}")]
    Indeterminate(String),
}

/// Delivers one reminder to one chat. `send` is called at the moment the message is due to go out (the
/// rate limiter's slot); the returned future does the network work.
pub trait Transport: Send + Sync + 'static {
    fn send(
        &self,
        chat_id: i64,
        reminder: &Reminder,
    ) -> impl Future<Output = Result<(), TransportError>> + Send + 'static;
}

/// Telegram's limits for bots: about 30 messages a second overall, one a second per chat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    pub overall_per_second: u32,
    pub per_chat_interval: TimeDelta,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            overall_per_second: 30,
            per_chat_interval: TimeDelta::seconds(1),
        }
    }
}

/// Evenly spaced send slots: one every 1/n second overall (rounded up, so no 1-second window ever holds
/// more than n), one per interval per chat, none during a 429 pause.
#[derive(Debug, Clone)]
pub struct RateLimiter {
    spacing: TimeDelta,
    per_chat_interval: TimeDelta,
    next_free: Option<DateTime<Utc>>,
    paused_until: Option<DateTime<Utc>>,
    last_by_chat: HashMap<i64, DateTime<Utc>>,
}

impl RateLimiter {
    pub fn new(limits: RateLimits) -> Self {
        let per_second = i64::from(limits.overall_per_second.max(1));
        RateLimiter {
            spacing: TimeDelta::nanoseconds((1_000_000_000 + per_second - 1) / per_second),
            per_chat_interval: limits.per_chat_interval,
            next_free: None,
            paused_until: None,
            last_by_chat: HashMap::new(),
        }
    }

    /// The earliest instant at or after `now` when `chat_id` may be sent to.
    pub fn earliest(&self, chat_id: i64, now: DateTime<Utc>) -> DateTime<Utc> {
        let chat_free = self
            .last_by_chat
            .get(&chat_id)
            .map(|last| *last + self.per_chat_interval);
        [Some(now), self.next_free, self.paused_until, chat_free]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(now)
    }

    /// Books a send to `chat_id` at `at` (which must not be before [`RateLimiter::earliest`]).
    pub fn record(&mut self, chat_id: i64, at: DateTime<Utc>) {
        self.next_free = Some(at + self.spacing);
        if self.last_by_chat.len() >= 4096 {
            let horizon = at - self.per_chat_interval;
            self.last_by_chat.retain(|_, last| *last > horizon);
        }
        self.last_by_chat.insert(chat_id, at);
    }

    /// Holds every send until `until` (a 429's `retry_after`).
    pub fn pause_until(&mut self, until: DateTime<Utc>) {
        self.paused_until = self.paused_until.max(Some(until));
    }
}

/// What one pass over the due subscriptions did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchReport {
    pub sent: usize,
    /// Past the catch-up limit (or a day the zone skipped): not sent, next day scheduled.
    pub missed: usize,
    /// 403: subscription ended.
    pub blocked: usize,
    /// Known not delivered; will be tried again (429 beyond the inline wait, other errors).
    pub retry_later: usize,
    /// Outcome unknown; not sent again.
    pub in_doubt: usize,
    /// Claimed by a sender that is still within its claim.
    pub busy: usize,
    /// That day was already settled (sent, or in doubt after a crash).
    pub already_settled: usize,
}

struct Job {
    subscription: Subscription,
    /// `Some(attempts)` once this job holds the (chat, day) claim.
    claim: Option<u32>,
    retries_after_429: u32,
}

/// Delivers the reminders due now; one `Sender` serves the process, batch after batch.
pub struct Sender<S, T, C> {
    store: Arc<S>,
    transport: Arc<T>,
    clock: Arc<C>,
    rotation: Arc<TargetRotation>,
    limits: RateLimits,
}

impl<S: SubscriptionStore, T: Transport, C: Clock> Sender<S, T, C> {
    pub fn new(
        store: Arc<S>,
        transport: Arc<T>,
        clock: Arc<C>,
        rotation: Arc<TargetRotation>,
        limits: RateLimits,
    ) -> Self {
        Sender {
            store,
            transport,
            clock,
            rotation,
            limits,
        }
    }

    /// Sends every reminder due now, paced by the rate limits. On cancellation no new message is
    /// started; the ones in flight are awaited and recorded, so a graceful shutdown loses nothing.
    pub async fn deliver_due(
        &self,
        cancel: &CancellationToken,
    ) -> Result<BatchReport, ReminderError> {
        let mut report = BatchReport::default();
        let mut queue = self.plan(&mut report).await?;
        let mut limiter = RateLimiter::new(self.limits);
        let mut in_flight: JoinSet<(Job, Result<(), TransportError>)> = JoinSet::new();
        while !cancel.is_cancelled() {
            while let Some(done) = in_flight.try_join_next() {
                self.record(done, &mut queue, &mut limiter, &mut report)
                    .await?;
            }
            let job = match queue.pop_front() {
                Some(job) if in_flight.len() < MAX_IN_FLIGHT => job,
                Some(job) => {
                    queue.push_front(job);
                    self.await_one(&mut in_flight, &mut queue, &mut limiter, &mut report)
                        .await?;
                    continue;
                }
                None if in_flight.is_empty() => break,
                None => {
                    self.await_one(&mut in_flight, &mut queue, &mut limiter, &mut report)
                        .await?;
                    continue;
                }
            };
            let chat_id = job.subscription.chat_id;
            let now = self.clock.now();
            let slot = limiter.earliest(chat_id, now);
            if slot > now {
                // Wait for the slot, then look again: a 429 that came back meanwhile may move it.
                queue.push_front(job);
                tokio::select! {
                    () = self.clock.sleep_until(slot) => {}
                    () = cancel.cancelled() => {}
                }
                continue;
            }
            limiter.record(chat_id, slot);
            self.start(job, &mut in_flight, &mut report).await?;
        }
        while !in_flight.is_empty() {
            self.await_one(&mut in_flight, &mut queue, &mut limiter, &mut report)
                .await?;
        }
        // Cancelled: jobs still holding a claim (waiting out a 429) were not delivered; free their day.
        let now = self.clock.now();
        for job in queue.iter().filter(|job| job.claim.is_some()) {
            let subscription = &job.subscription;
            self.store
                .release(subscription.chat_id, subscription.due_date, now, now)
                .await?;
        }
        Ok(report)
    }

    /// Sorts the due subscriptions into sends now, days to skip and days not yet due.
    async fn plan(&self, report: &mut BatchReport) -> Result<VecDeque<Job>, ReminderError> {
        let now = self.clock.now();
        let mut queue = VecDeque::new();
        for subscription in self.store.due(now).await? {
            let schedule = subscription.schedule;
            match schedule.decide(subscription.due_date, now) {
                Decision::Send => queue.push_back(Job {
                    subscription,
                    claim: None,
                    retries_after_429: 0,
                }),
                Decision::Wait(at) => {
                    self.store
                        .reschedule(subscription.chat_id, subscription.due_date, at)
                        .await?;
                }
                Decision::Missed => {
                    tracing::info!(
                        chat_id = subscription.chat_id,
                        day = %subscription.due_date,
                        "reminder missed beyond the catch-up limit"
                    );
                    report.missed += 1;
                    self.advance(&subscription, now).await?;
                }
            }
        }
        Ok(queue)
    }

    /// Claims the job's day (unless it already holds the claim) and starts the send.
    async fn start(
        &self,
        mut job: Job,
        in_flight: &mut JoinSet<(Job, Result<(), TransportError>)>,
        report: &mut BatchReport,
    ) -> Result<(), ReminderError> {
        let now = self.clock.now();
        let subscription = &job.subscription;
        if job.claim.is_none() {
            match self
                .store
                .claim(
                    subscription.chat_id,
                    subscription.due_date,
                    now,
                    CLAIM_STALE_AFTER,
                )
                .await?
            {
                Claim::Granted { attempts } => job.claim = Some(attempts),
                Claim::Busy { stale_at } => {
                    report.busy += 1;
                    // Look again once that claim has gone stale.
                    self.store
                        .reschedule(subscription.chat_id, subscription.due_date, stale_at)
                        .await?;
                    return Ok(());
                }
                Claim::Settled(state) => {
                    tracing::info!(chat_id = subscription.chat_id, day = %subscription.due_date, ?state, "day already settled");
                    report.already_settled += 1;
                    return self.advance(subscription, now).await;
                }
            }
        }
        let reminder = self
            .rotation
            .reminder(subscription.delivered, subscription.due_date);
        let send = self.transport.send(subscription.chat_id, &reminder);
        in_flight.spawn(async move {
            let outcome = send.await;
            (job, outcome)
        });
        Ok(())
    }

    async fn await_one(
        &self,
        in_flight: &mut JoinSet<(Job, Result<(), TransportError>)>,
        queue: &mut VecDeque<Job>,
        limiter: &mut RateLimiter,
        report: &mut BatchReport,
    ) -> Result<(), ReminderError> {
        if let Some(done) = in_flight.join_next().await {
            self.record(done, queue, limiter, report).await?;
        }
        Ok(())
    }

    /// Records a send's outcome.
    async fn record(
        &self,
        done: Result<(Job, Result<(), TransportError>), tokio::task::JoinError>,
        queue: &mut VecDeque<Job>,
        limiter: &mut RateLimiter,
        report: &mut BatchReport,
    ) -> Result<(), ReminderError> {
        let (mut job, outcome) = match done {
            Ok(done) => done,
            // A panicking transport: its claim stays unconfirmed and is settled as in doubt later.
            Err(error) => {
                tracing::error!(%error, "a reminder send task failed");
                return Ok(());
            }
        };
        let now = self.clock.now();
        let chat_id = job.subscription.chat_id;
        let day = job.subscription.due_date;
        match outcome {
            Ok(()) => {
                report.sent += 1;
                self.settle(&job.subscription, DeliveryState::Sent, now)
                    .await?;
            }
            Err(TransportError::Blocked) => {
                tracing::info!(chat_id, "chat blocked the bot: subscription ended");
                report.blocked += 1;
                self.store.remove(chat_id).await?;
                self.store.release(chat_id, day, now, now).await?;
            }
            Err(TransportError::RetryAfter(wait)) => {
                let until = now + TimeDelta::from_std(wait).unwrap_or(TimeDelta::MAX);
                limiter.pause_until(until);
                if wait <= MAX_INLINE_RETRY_AFTER && job.retries_after_429 < MAX_INLINE_RETRIES {
                    job.retries_after_429 += 1;
                    queue.push_front(job);
                } else {
                    tracing::warn!(chat_id, ?wait, "rate limited: reminder released for later");
                    report.retry_later += 1;
                    self.store.release(chat_id, day, now, until).await?;
                }
            }
            Err(TransportError::Other(error)) => {
                let attempts = job.claim.unwrap_or(1);
                let retry_at = now + retry_delay(attempts);
                tracing::warn!(chat_id, %error, attempts, %retry_at, "reminder not delivered; will retry");
                report.retry_later += 1;
                self.store.release(chat_id, day, now, retry_at).await?;
            }
            Err(TransportError::Indeterminate(error)) => {
                tracing::warn!(chat_id, %error, "reminder may or may not have been delivered; not resending");
                report.in_doubt += 1;
                self.settle(&job.subscription, DeliveryState::InDoubt, now)
                    .await?;
            }
        }
        Ok(())
    }

    async fn settle(
        &self,
        subscription: &Subscription,
        state: DeliveryState,
        now: DateTime<Utc>,
    ) -> Result<(), ReminderError> {
        let next = subscription
            .schedule
            .next_occurrence(now, Some(subscription.due_date))?;
        self.store
            .settle(
                subscription.chat_id,
                subscription.due_date,
                state,
                now,
                next,
            )
            .await?;
        Ok(())
    }

    /// Moves a subscription past its due day without sending.
    async fn advance(
        &self,
        subscription: &Subscription,
        now: DateTime<Utc>,
    ) -> Result<(), ReminderError> {
        let next = subscription
            .schedule
            .next_occurrence(now, Some(subscription.due_date))?;
        self.store
            .reschedule(subscription.chat_id, next.date, next.at)
            .await?;
        Ok(())
    }
}

/// 1, 2, 4 … minutes after a failed attempt, at most 30.
fn retry_delay(attempts: u32) -> TimeDelta {
    let minutes = 1_i64 << attempts.saturating_sub(1).min(5);
    TimeDelta::minutes(minutes.min(30))
}
