//! The single-process store: one SQLite file in WAL mode, or a private in-memory database for tests.

use super::StoreError;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, SqliteConnection, SqlitePool};
use std::str::FromStr;
use std::sync::{Arc, Mutex};

/// How long a writer waits for another's lock before giving up: far above any transaction the bot runs,
/// short enough that a stuck database shows up in the logs.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Connections to the file: a few readers beside the one writer SQLite allows; more only wait on its lock.
const MAX_CONNECTIONS: u32 = 4;

/// A pool of up to `max` connections of which one always stays open: a database is not reopened for
/// every query after a quiet spell (an in-memory one is kept alive by the store's own connection).
fn kept_open(max: u32) -> SqlitePoolOptions {
    SqlitePoolOptions::new()
        .max_connections(max)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
}

/// A SQLite database with every table set's migrations applied.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// For an in-memory database, a connection of its own outside the pool: the database lives while any
    /// connection to it is open, and the pool may replace its one connection (a query cut off when a
    /// test drops its bot), which would open an empty database in its place.
    _anchor: Option<Arc<Mutex<SqliteConnection>>>,
}

impl SqliteStore {
    /// Opens (creating file and folder when missing) the database at a `sqlite:` URL such as
    /// `sqlite://data/report-bot.db`, and brings its schema up to date.
    pub async fn open(database_url: &str) -> Result<Self, StoreError> {
        Self::open_with(database_url, true).await
    }

    /// Opens a database that must exist already (`migrate-store`'s source: a typo must not copy an
    /// empty new file).
    pub async fn open_existing(database_url: &str) -> Result<Self, StoreError> {
        Self::open_with(database_url, false).await
    }

    async fn open_with(database_url: &str, create: bool) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(database_url)?
            .create_if_missing(create)
            .journal_mode(SqliteJournalMode::Wal)
            // In WAL mode NORMAL loses no committed transaction on a process crash, only on power loss.
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(BUSY_TIMEOUT);
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
        let mut pool = kept_open(MAX_CONNECTIONS);
        if !in_memory {
            pool = pool
                .max_lifetime(CONNECTION_LIFETIME)
                .after_release(|connection, _| Box::pin(still_usable(connection)));
        }
        Self::migrated(pool, options, in_memory).await
    }

    /// A private database in RAM that lives as long as this store: the test seam.
    pub async fn in_memory() -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?;
        Self::migrated(kept_open(1), options, true).await
    }

    async fn migrated(
        pool: SqlitePoolOptions,
        options: SqliteConnectOptions,
        in_memory: bool,
    ) -> Result<Self, StoreError> {
        let anchor = if in_memory {
            Some(Arc::new(Mutex::new(options.connect().await?)))
        } else {
            None
        };
        let pool = pool.connect_with(options).await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(SqliteStore {
            pool,
            _anchor: anchor,
        })
    }

    /// The connections, for the table sets' queries.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Closes the pool, waiting for running queries: part of a graceful shutdown.
    pub async fn close(&self) {
        self.pool.close().await;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The in-memory database outlives the pool's connection: a new one finds the migrated tables.
    #[tokio::test]
    async fn an_in_memory_database_outlives_the_pools_connection() {
        let store = SqliteStore::in_memory().await.expect("database");
        let tables = |pool: SqlitePool| async move {
            let count: (i64,) =
                sqlx::query_as("SELECT count(*) FROM sqlite_master WHERE name = 'question_log'")
                    .fetch_one(&pool)
                    .await
                    .expect("query");
            count.0
        };
        assert_eq!(tables(store.pool().clone()).await, 1);
        // The pool's one connection closed and replaced, as a connection cut off mid-query is.
        let connection = store.pool().acquire().await.expect("connection");
        sqlx::Connection::close(connection.detach())
            .await
            .expect("closed");
        assert_eq!(tables(store.pool().clone()).await, 1);
    }
}
