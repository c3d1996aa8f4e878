//! The database behind the bot: SQLite for one process, PostgreSQL for any number of replicas, chosen by
//! `DATABASE_URL`'s scheme ([`Store::open`]).
//!
//! [`Store`] is an enum over the two backends rather than a `dyn` trait object: the table sets' traits
//! (`reminders::store::SubscriptionStore`, …) use `async fn`, which trait objects cannot carry without
//! boxing every call, and the set of databases is closed (the config refuses other schemes). Each table set
//! implements its trait for [`SqliteStore`] and [`PgStore`] in its own module, and once for [`Store`] by
//! delegation. Each backend has one migration folder shared by every table set (`migrations/sqlite`,
//! `migrations/postgres`), numbered alike, so both databases always have the same tables.

pub mod election;
mod languages;
mod postgres;
mod sqlite;

pub use postgres::{ClaimClock, PgStore};
pub use sqlite::SqliteStore;

use crate::config::{redact_password, DatabaseBackend, DatabaseUrl};
use std::path::PathBuf;
use thiserror::Error;

/// Store failures; all of them come from the database or from rows the code did not write.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("cannot create the database folder {path}: {source}")]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot connect to {url}: {reason}")]
    Connect { url: String, reason: sqlx::Error },
    #[error("{0:?} is not a plain schema name (lowercase letters, digits, _)")]
    BadSchema(String),
    #[error("the destination already holds {0} rows: copy only into a new, empty database")]
    NotEmpty(i64),
    #[error("unreadable row: {0}")]
    BadRow(String),
}

/// The database the bot runs on.
#[derive(Debug, Clone)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

impl Store {
    /// Opens the database `url` names and brings its schema up to date. PostgreSQL judges claims by
    /// its own clock, so replicas with skewed clocks agree.
    pub async fn open(url: &DatabaseUrl) -> Result<Store, StoreError> {
        match url.backend() {
            DatabaseBackend::Sqlite => Ok(Store::Sqlite(SqliteStore::open(url.as_str()).await?)),
            DatabaseBackend::Postgres => Ok(Store::Postgres(
                PgStore::open(url.as_str(), ClaimClock::Database, None)
                    .await
                    .map_err(|error| connect_error(url.as_str(), error))?,
            )),
        }
    }

    /// Opens a database that must exist already: a SQLite file is not created (PostgreSQL databases
    /// never are).
    pub async fn open_existing(url: &DatabaseUrl) -> Result<Store, StoreError> {
        match url.backend() {
            DatabaseBackend::Sqlite => Ok(Store::Sqlite(
                SqliteStore::open_existing(url.as_str()).await?,
            )),
            DatabaseBackend::Postgres => Store::open(url).await,
        }
    }

    /// Closes the connections, waiting for running queries: part of a graceful shutdown.
    pub async fn close(&self) {
        match self {
            Store::Sqlite(store) => store.close().await,
            Store::Postgres(store) => store.close().await,
        }
    }

    /// Which database this is.
    pub fn backend(&self) -> DatabaseBackend {
        match self {
            Store::Sqlite(_) => DatabaseBackend::Sqlite,
            Store::Postgres(_) => DatabaseBackend::Postgres,
        }
    }
}

/// Calls the same method on whichever backend a [`Store`] holds: each table set's trait delegates with
/// it.
macro_rules! on_backend {
    ($store:expr, $backend:ident => $call:expr) => {
        match $store {
            $crate::store::Store::Sqlite($backend) => $call.await,
            $crate::store::Store::Postgres($backend) => $call.await,
        }
    };
}
pub(crate) use on_backend;

/// A connection failure names the server (without the password), so the operator sees which one.
fn connect_error(url: &str, error: StoreError) -> StoreError {
    match error {
        StoreError::Database(reason) => StoreError::Connect {
            url: redact_password(url),
            reason,
        },
        other => other,
    }
}
