//! The one implementation of [`SubscriptionStore`](super::SubscriptionStore), instantiated for each
//! backend by `subscription_store!(Store, codec)`. The SQL is the same text on both (`$n` parameters,
//! `INSERT … ON CONFLICT … RETURNING` work in SQLite and PostgreSQL alike); what differs lives in the
//! backend's codec module (`sqlite.rs`, `postgres.rs`): how instants and days are stored (`Instant`,
//! `Day`, `instant`, `read_instant`, `day`, `read_day`), the row type, `NOW` (the database's clock as
//! SQL) and `claim_time` (the caller's `now`, or `None` for the database's clock).

macro_rules! subscription_store {
    ($store:ty, $codec:ident) => {
        impl SubscriptionStore for $store {
            async fn upsert(&self, subscription: &Subscription) -> Result<Subscription, StoreError> {
                let row = sqlx::query(&format!(
                    "INSERT INTO subscriptions ({SUBSCRIPTION_COLUMNS})
                     VALUES ($1, $2, $3, $4, $5, $6, 0)
                     ON CONFLICT (chat_id) DO UPDATE SET
                         send_time = excluded.send_time, time_zone = excluded.time_zone,
                         subscribed_at = excluded.subscribed_at, due_date = excluded.due_date,
                         next_check_at = excluded.next_check_at
                     RETURNING {SUBSCRIPTION_COLUMNS}"
                ))
                .bind(subscription.chat_id)
                .bind(subscription.schedule.time_text())
                .bind(subscription.schedule.zone.name())
                .bind($codec::instant(subscription.subscribed_at))
                .bind($codec::day(subscription.due_date))
                .bind($codec::instant(subscription.next_check_at))
                .fetch_one(self.pool())
                .await?;
                $codec::subscription(&row)
            }

            async fn remove(&self, chat_id: i64) -> Result<bool, StoreError> {
                let done = sqlx::query("DELETE FROM subscriptions WHERE chat_id = $1")
                    .bind(chat_id)
                    .execute(self.pool())
                    .await?;
                Ok(done.rows_affected() > 0)
            }

            async fn get(&self, chat_id: i64) -> Result<Option<Subscription>, StoreError> {
                sqlx::query(&format!(
                    "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE chat_id = $1"
                ))
                .bind(chat_id)
                .fetch_optional(self.pool())
                .await?
                .as_ref()
                .map($codec::subscription)
                .transpose()
            }

            async fn last_delivery_date(
                &self,
                chat_id: i64,
            ) -> Result<Option<NaiveDate>, StoreError> {
                let latest: Option<$codec::Day> = sqlx::query_scalar(
                    "SELECT max(local_date) FROM deliveries WHERE chat_id = $1 AND state <> 'failed'",
                )
                .bind(chat_id)
                .fetch_one(self.pool())
                .await?;
                latest.map($codec::read_day).transpose()
            }

            async fn due(&self, now: DateTime<Utc>) -> Result<Vec<Subscription>, StoreError> {
                sqlx::query(&format!(
                    "SELECT {SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE next_check_at <= $1
                     ORDER BY next_check_at, chat_id"
                ))
                .bind($codec::instant(now))
                .fetch_all(self.pool())
                .await?
                .iter()
                .map($codec::subscription)
                .collect()
            }

            async fn next_check_at(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
                let earliest: Option<$codec::Instant> =
                    sqlx::query_scalar("SELECT min(next_check_at) FROM subscriptions")
                        .fetch_one(self.pool())
                        .await?;
                earliest.map($codec::read_instant).transpose()
            }

            async fn reschedule(
                &self,
                chat_id: i64,
                due_date: NaiveDate,
                next_check_at: DateTime<Utc>,
            ) -> Result<(), StoreError> {
                sqlx::query(
                    "UPDATE subscriptions SET due_date = $1, next_check_at = $2 WHERE chat_id = $3",
                )
                .bind($codec::day(due_date))
                .bind($codec::instant(next_check_at))
                .bind(chat_id)
                .execute(self.pool())
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
                let at = $codec::claim_time(self, now);
                let now_sql = format!("COALESCE($3, {})", $codec::NOW);
                let mut transaction = self.pool().begin().await?;
                // A new day, or a day whose earlier attempt is known to have failed. The primary key
                // lets exactly one statement return a row, whichever replica runs it.
                let granted: Option<i64> = sqlx::query_scalar(&format!(
                    "INSERT INTO deliveries (chat_id, local_date, state, attempts, updated_at)
                     VALUES ($1, $2, 'claimed', 1, {now_sql})
                     ON CONFLICT (chat_id, local_date) DO UPDATE SET
                         state = 'claimed', attempts = deliveries.attempts + 1,
                         updated_at = excluded.updated_at
                         WHERE deliveries.state = 'failed'
                     RETURNING attempts"
                ))
                .bind(chat_id)
                .bind($codec::day(date))
                .bind(at.clone())
                .fetch_optional(&mut *transaction)
                .await?;
                let claim = if let Some(attempts) = granted {
                    granted_claim(attempts)
                } else {
                    let row = sqlx::query(&format!(
                        "SELECT state, updated_at, {now_sql} AS judged_at FROM deliveries
                         WHERE chat_id = $1 AND local_date = $2{}",
                        $codec::LOCK_ROW
                    ))
                    .bind(chat_id)
                    .bind($codec::day(date))
                    .bind(at.clone())
                    .fetch_one(&mut *transaction)
                    .await?;
                    let state = state_from_text(row.try_get("state")?)?;
                    let claim = refused(
                        state,
                        $codec::read_instant(row.try_get("updated_at")?)?,
                        $codec::read_instant(row.try_get("judged_at")?)?,
                        stale_after,
                    );
                    if state == DeliveryState::Claimed
                        && claim == Claim::Settled(DeliveryState::InDoubt)
                    {
                        sqlx::query(&format!(
                            "UPDATE deliveries SET state = 'in_doubt', updated_at = {now_sql}
                             WHERE chat_id = $1 AND local_date = $2 AND state = 'claimed'"
                        ))
                        .bind(chat_id)
                        .bind($codec::day(date))
                        .bind(at)
                        .execute(&mut *transaction)
                        .await?;
                    }
                    claim
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
                let mut transaction = self.pool().begin().await?;
                sqlx::query(&format!(
                    "UPDATE deliveries SET state = $4, updated_at = COALESCE($3, {})
                     WHERE chat_id = $1 AND local_date = $2",
                    $codec::NOW
                ))
                .bind(chat_id)
                .bind($codec::day(date))
                .bind($codec::claim_time(self, now))
                .bind(state_text(state))
                .execute(&mut *transaction)
                .await?;
                // Only move the subscription on if it still waits for this day: a re-subscription
                // made while the message was in flight has already chosen its own next day.
                sqlx::query(
                    "UPDATE subscriptions SET delivered = delivered + 1,
                         due_date = CASE WHEN due_date <= $2 THEN $3 ELSE due_date END,
                         next_check_at = CASE WHEN due_date <= $2 THEN $4 ELSE next_check_at END
                     WHERE chat_id = $1",
                )
                .bind(chat_id)
                .bind($codec::day(date))
                .bind($codec::day(next.date))
                .bind($codec::instant(next.at))
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
                let mut transaction = self.pool().begin().await?;
                sqlx::query(&format!(
                    "UPDATE deliveries SET state = 'failed', updated_at = COALESCE($3, {})
                     WHERE chat_id = $1 AND local_date = $2 AND state = 'claimed'",
                    $codec::NOW
                ))
                .bind(chat_id)
                .bind($codec::day(date))
                .bind($codec::claim_time(self, now))
                .execute(&mut *transaction)
                .await?;
                sqlx::query(
                    "UPDATE subscriptions SET next_check_at = $3
                     WHERE chat_id = $1 AND due_date = $2",
                )
                .bind(chat_id)
                .bind($codec::day(date))
                .bind($codec::instant(retry_at))
                .execute(&mut *transaction)
                .await?;
                transaction.commit().await?;
                Ok(())
            }

            async fn prune_deliveries(&self, before: NaiveDate) -> Result<u64, StoreError> {
                let done = sqlx::query("DELETE FROM deliveries WHERE local_date < $1")
                    .bind($codec::day(before))
                    .execute(self.pool())
                    .await?;
                Ok(done.rows_affected())
            }
        }
    };
}

pub(super) use subscription_store;
