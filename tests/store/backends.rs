//! The stores the contract runs on: a private in-memory SQLite database, and a fresh schema on the
//! PostgreSQL test server (claims judged by the test's virtual clock, as SQLite does).

use crate::support::postgres::{fresh_schema, url};
use report_bot::store::{ClaimClock, PgStore, SqliteStore, Store};

pub async fn sqlite() -> Store {
    Store::Sqlite(
        SqliteStore::in_memory()
            .await
            .expect("in-memory SQLite opens"),
    )
}

/// A store in a schema of its own, or `None` when the test skips (no server; see `support::postgres`).
pub async fn postgres(test: &str, clock: ClaimClock) -> Option<Store> {
    let url = url(test)?;
    Some(postgres_at(&url, &fresh_schema(), clock).await)
}

/// The store in `schema` of the server at `url` (opened again: a restarted process).
pub async fn postgres_at(url: &str, schema: &str, clock: ClaimClock) -> Store {
    Store::Postgres(
        PgStore::open(url, clock, Some(schema))
            .await
            .expect("the PostgreSQL test server answers"),
    )
}

/// Declares each named `async fn(Store)` as two tests, `sqlite::name` and `postgres::name`.
macro_rules! on_every_store {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::backends::sqlite().await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    let test = stringify!($name);
                    let clock = report_bot::store::ClaimClock::Caller;
                    if let Some(store) = $crate::backends::postgres(test, clock).await {
                        super::$name(store).await;
                    }
                }
            )*
        }
    };
}
pub(crate) use on_every_store;
