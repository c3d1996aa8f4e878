//! The replicated store: one PostgreSQL database shared by every `serve` process.

use super::StoreError;
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{Connection, PgConnection, PgPool};
use std::str::FromStr;
use std::sync::Arc;

/// Connections per process: the sender keeps at most a few claims and settles in flight at once (its
/// rate is 30 a second), the handlers one query per command; more would only take server slots that other
/// replicas need.
const MAX_CONNECTIONS: u32 = 8;

/// How long a query waits for a free connection before failing: a request the user is waiting on should
/// fail visibly rather than hang, yet a short burst must not fail.
const ACQUIRE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Whose clock judges a claim's age and stamps delivery rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimClock {
    /// The database's `now()`: replicas whose clocks disagree still agree on whether a claim is stale.
    Database,
    /// The `now` the caller passes, as SQLite does: the test seam for a virtual clock.
    Caller,
}

/// A PostgreSQL database with every table set's migrations applied.
#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    clock: ClaimClock,
    /// Shared, not copied: the options are large and only the scheduler lock reads them again.
    options: Arc<PgConnectOptions>,
}

impl PgStore {
    /// Connects to a `postgres://` URL and brings the schema up to date (sqlx holds an advisory lock while
    /// migrating, so replicas starting together do not race). `schema` puts the tables in a schema of
    /// their own, created when missing: tests use it to share one database; production passes `None`.
    pub async fn open(
        url: &str,
        clock: ClaimClock,
        schema: Option<&str>,
    ) -> Result<Self, StoreError> {
        let mut options = PgConnectOptions::from_str(url)?;
        // One direct connection first: its error says why (refused, bad password, no such database),
        // where the pool's would only say it timed out.
        let mut connection = PgConnection::connect_with(&options).await?;
        if let Some(schema) = schema {
            let plain = !schema.is_empty()
                && schema
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !plain {
                return Err(StoreError::BadSchema(schema.to_owned()));
            }
            sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
                .execute(&mut connection)
                .await?;
            options = options.options([("search_path", schema)]);
        }
        connection.close().await?;
        let pool = PgPoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options.clone())
            .await?;
        sqlx::migrate!("./migrations/postgres").run(&pool).await?;
        Ok(PgStore {
            pool,
            clock,
            options: Arc::new(options),
        })
    }

    /// The connections, for the table sets' queries.
    pub(crate) fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// How this database's sessions are opened, for a connection outside the pool (the scheduler lock).
    pub(crate) fn connect_options(&self) -> &PgConnectOptions {
        &self.options
    }

    /// The instant to bind where a statement stamps or judges a claim: `None` makes the SQL fall back
    /// to the database's `now()` (`COALESCE($n, now())`).
    pub(crate) fn claim_time(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self.clock {
            ClaimClock::Database => None,
            ClaimClock::Caller => Some(now),
        }
    }

    /// Closes the pool, waiting for running queries: part of a graceful shutdown.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
