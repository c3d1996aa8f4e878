//! The PostgreSQL server tests run against: `TEST_DATABASE_URL` (`.ci/run` starts a throw-away cluster
//! and sets it). Absent, a PostgreSQL test skips with a loud message, except under `CI=true`, where its
//! absence fails the run. Each test gets a schema of its own, so tests share the database in parallel.

use std::sync::atomic::{AtomicU32, Ordering};

/// The variable that names the test server, e.g. `postgres://postgres@127.0.0.1:54329/postgres`.
pub const TEST_DATABASE_URL: &str = "TEST_DATABASE_URL";

/// The test server's URL, or `None` (after a loud message) when the test should skip.
pub fn url(test: &str) -> Option<String> {
    match std::env::var(TEST_DATABASE_URL) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var("CI").is_ok_and(|ci| ci == "true") => panic!(
            "{TEST_DATABASE_URL} is not set and CI=true: the PostgreSQL tests must run in CI \
             (.ci/run starts a server)"
        ),
        _ => {
            eprintln!(
                "\n!!!! SKIPPED {test} on PostgreSQL: {TEST_DATABASE_URL} is not set. \
                 Run .ci/run, or start a server and set {TEST_DATABASE_URL}=postgres://… !!!!\n"
            );
            None
        }
    }
}

/// A schema name no other test (in this run or an earlier one) uses.
pub fn fresh_schema() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    format!(
        "t{}_{}_{}",
        std::process::id(),
        nanos,
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// A new, empty database on the test server at `server`, and its URL: for a test that runs the binary
/// (which keeps its tables in the default schema).
pub async fn new_database(server: &str) -> String {
    use sqlx::Connection;
    let name = fresh_schema();
    let mut admin = sqlx::PgConnection::connect(server)
        .await
        .expect("the PostgreSQL test server answers");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("CREATE DATABASE");
    let mut url = url::Url::parse(server).expect("TEST_DATABASE_URL is a URL");
    url.set_path(&format!("/{name}"));
    url.to_string()
}
