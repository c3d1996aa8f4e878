//! The loop `serve` runs: deliver what is due, then sleep until the next due time (at most
//! [`MAX_IDLE`], so new subscriptions are noticed), until cancelled.

use super::sender::{Clock, Sender, Transport};
use super::store::SubscriptionStore;
use chrono::{DateTime, TimeDelta, Utc};
use std::sync::Arc;
use tokio_util::sync::CancellationToken;

/// The longest the loop sleeps: a subscription made meanwhile for the coming minute is still on time.
pub const MAX_IDLE: TimeDelta = TimeDelta::seconds(20);

/// The shortest pause between passes, so that a row that cannot be settled never makes the loop spin.
const MIN_IDLE: TimeDelta = TimeDelta::seconds(1);

/// Delivery records are kept this long: past the catch-up limit they only guard against re-sending.
const KEEP_DELIVERIES: TimeDelta = TimeDelta::days(3);

/// Runs the sender pass after pass.
pub struct Scheduler<S, T, C> {
    sender: Sender<S, T, C>,
    store: Arc<S>,
    clock: Arc<C>,
}

impl<S: SubscriptionStore, T: Transport, C: Clock> Scheduler<S, T, C> {
    pub fn new(sender: Sender<S, T, C>, store: Arc<S>, clock: Arc<C>) -> Self {
        Scheduler {
            sender,
            store,
            clock,
        }
    }

    /// Runs until `cancel` fires; a batch in progress finishes its sends in flight and records them.
    pub async fn run(&self, cancel: CancellationToken) {
        let mut last_prune: Option<DateTime<Utc>> = None;
        while !cancel.is_cancelled() {
            match self.sender.deliver_due(&cancel).await {
                Ok(report) if report != Default::default() => {
                    tracing::info!(?report, "reminder batch done");
                }
                Ok(_) => {}
                Err(error) => tracing::error!(%error, "reminder batch failed"),
            }
            let now = self.clock.now();
            if last_prune.is_none_or(|at| now - at >= TimeDelta::hours(1)) {
                let before = (now - KEEP_DELIVERIES).date_naive();
                match self.store.prune_deliveries(before).await {
                    Ok(pruned) => tracing::debug!(pruned, "old delivery records pruned"),
                    Err(error) => tracing::warn!(%error, "pruning delivery records failed"),
                }
                last_prune = Some(now);
            }
            let next = match self.store.next_check_at().await {
                Ok(next) => next,
                Err(error) => {
                    tracing::warn!(%error, "cannot read the next due time");
                    None
                }
            };
            let wake = next
                .unwrap_or(now + MAX_IDLE)
                .clamp(now + MIN_IDLE, now + MAX_IDLE);
            tokio::select! {
                () = self.clock.sleep_until(wake) => {}
                () = cancel.cancelled() => {}
            }
        }
    }
}
