//! The store: the contract every backend keeps (`contract.rs` for the reminders, `question_log.rs` for
//! the question log; each test on SQLite and on PostgreSQL), what only PostgreSQL does (`postgres.rs`:
//! replicas, the database clock, the scheduler lock) and what only SQLite does (below: the file, its
//! folders, WAL). PostgreSQL comes from `TEST_DATABASE_URL` (`tests/support/postgres.rs`).

mod backends;
mod contract;
mod harness;
mod migrate;
mod postgres;
mod question_log;
// This crate's root sits in tests/store/, so the shared module is named by its path.
#[path = "../support/mod.rs"]
pub mod support;

use harness::{schedule, utc};
use report_bot::reminders::store::SqliteStore;
use report_bot::reminders::{status, subscribe};

#[tokio::test]
async fn a_sqlite_subscription_survives_a_restart_of_the_process() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("nested/data/report-bot.db");
    let url = format!("sqlite://{}", path.display());
    let now = utc("2022-05-09T12:00:00Z");
    {
        let store = SqliteStore::open(&url).await.unwrap();
        subscribe(&store, 42, schedule("21:00 Europe/Berlin"), now)
            .await
            .unwrap();
        store.close().await;
    }
    assert!(path.exists(), "the missing folders were created");
    let reopened = SqliteStore::open(&url).await.unwrap();
    let shown = status(&reopened, 42, now).await.unwrap().unwrap();
    assert_eq!(shown.schedule, schedule("21:00 Europe/Berlin"));
    assert_eq!(shown.next_send.to_rfc3339(), "2022-05-09T21:00:00+02:00");
    let journal: String = sqlx_journal_mode(&url).await;
    assert_eq!(journal, "wal");
}

async fn sqlx_journal_mode(url: &str) -> String {
    use sqlx::Connection;
    let mut connection = sqlx::SqliteConnection::connect(url).await.unwrap();
    sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut connection)
        .await
        .unwrap()
}
