//! Which replica runs the scheduler. On PostgreSQL, the holder of a session-level advisory lock: its
//! connection is held outside the pool for as long as it leads, so when the process dies the server
//! ends the session and frees the lock, and another replica takes it on its next try. On SQLite there is
//! one process, and it always leads.
//!
//! Two replicas leading at once (a holder cut off from the database, or not yet noticing it lost the
//! lock) cannot send a reminder twice: the delivery claim's primary key already stops that. Election only
//! keeps the replicas together under Telegram's per-bot rate limit.

use super::{PgStore, Store, StoreError};
use sqlx::{Connection, PgConnection};
use std::future::Future;
use std::time::Duration;
use tokio_util::sync::CancellationToken;

/// How often a replica that does not lead tries the lock. Bounds the takeover after the holder's
/// session ends: lower takes over sooner, at one cheap query per replica per try.
pub const ELECTION_RETRY: Duration = Duration::from_secs(5);

/// How often the leader checks that its lock session is alive. A leader that lost its session stops
/// scheduling within this (plus [`LEADER_PING_TIMEOUT`]).
const LEADER_CHECK: Duration = Duration::from_secs(5);

/// How long the leader's check may take before the session counts as lost.
const LEADER_PING_TIMEOUT: Duration = Duration::from_secs(5);

/// TCP keepalive on the lock session, as server settings: a holder whose machine vanished (no FIN, no
/// RST) is dropped after idle + interval × count = 5 + 3 × 5 = 20 s, so another replica leads within
/// 20 s + [`ELECTION_RETRY`] = 25 s, inside the 30 s promised. Lower values would drop a holder on a
/// short network hiccup.
const KEEPALIVE: [(&str, &str); 3] = [
    ("tcp_keepalives_idle", "5"),
    ("tcp_keepalives_interval", "5"),
    ("tcp_keepalives_count", "3"),
];

/// The advisory lock's first key ("rbot"); the second is the hash of the schema, so that two bots in two
/// schemas of one database (or parallel tests) elect separately.
const LOCK_CLASS: i32 = 0x7262_6f74;

/// The right to run the scheduler, held until dropped or lost.
pub enum Leadership {
    /// The only process (SQLite).
    Sole,
    /// The session holding the advisory lock.
    Postgres(PgConnection),
}

impl Leadership {
    /// Resolves when the lead is lost (the lock session broke); never for [`Leadership::Sole`].
    pub async fn lost(&mut self) {
        match self {
            Leadership::Sole => std::future::pending().await,
            Leadership::Postgres(session) => loop {
                tokio::time::sleep(LEADER_CHECK).await;
                match tokio::time::timeout(LEADER_PING_TIMEOUT, session.ping()).await {
                    Ok(Ok(())) => {}
                    Ok(Err(error)) => {
                        tracing::warn!(%error, "the scheduler lock's session broke");
                        return;
                    }
                    Err(_) => {
                        tracing::warn!("the scheduler lock's session stopped answering");
                        return;
                    }
                }
            },
        }
    }
}

impl Store {
    /// Takes the lead if no other replica has it; `None` if one has.
    pub async fn try_lead(&self) -> Result<Option<Leadership>, StoreError> {
        match self {
            Store::Sqlite(_) => Ok(Some(Leadership::Sole)),
            Store::Postgres(store) => try_lock(store).await,
        }
    }
}

async fn try_lock(store: &PgStore) -> Result<Option<Leadership>, StoreError> {
    let options = store.connect_options().clone().options(KEEPALIVE);
    let mut session = PgConnection::connect_with(&options).await?;
    let locked: bool =
        sqlx::query_scalar("SELECT pg_try_advisory_lock($1, hashtext(current_schema()))")
            .bind(LOCK_CLASS)
            .fetch_one(&mut session)
            .await?;
    if locked {
        Ok(Some(Leadership::Postgres(session)))
    } else {
        session.close().await?;
        Ok(None)
    }
}

/// Runs `work` whenever this replica leads, until `cancel` fires: tries the lead every
/// [`ELECTION_RETRY`]; when the lead is lost, cancels the token `work` was given, waits for it to
/// finish, and tries again.
pub async fn while_leading<F, Fut>(store: &Store, cancel: &CancellationToken, mut work: F)
where
    F: FnMut(CancellationToken) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut announced_follower = false;
    while !cancel.is_cancelled() {
        match store.try_lead().await {
            Ok(Some(mut lead)) => {
                if store.backend() == crate::config::DatabaseBackend::Postgres {
                    tracing::info!("this replica leads: it runs the reminder scheduler");
                }
                announced_follower = false;
                let stop = cancel.child_token();
                let run = work(stop.clone());
                tokio::pin!(run);
                tokio::select! {
                    () = &mut run => {}
                    () = lead.lost() => {
                        tracing::warn!("lost the scheduler lock: stopping the scheduler");
                        stop.cancel();
                        run.await;
                    }
                }
                if let Leadership::Postgres(session) = lead {
                    // Ends the session, freeing the lock at once for another replica.
                    let _ = session.close().await;
                }
                continue;
            }
            Ok(None) if !announced_follower => {
                tracing::info!("another replica runs the reminder scheduler; standing by");
                announced_follower = true;
            }
            Ok(None) => {}
            Err(error) => tracing::warn!(%error, "cannot try the scheduler lock"),
        }
        tokio::select! {
            () = tokio::time::sleep(ELECTION_RETRY) => {}
            () = cancel.cancelled() => {}
        }
    }
}
