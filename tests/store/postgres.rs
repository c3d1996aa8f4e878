//! What only PostgreSQL does: several replicas on one database. Claims judged by the database's clock
//! whatever the replicas' clocks say, racing replicas granted one claim per day, the scheduler lock held
//! by one replica at a time and freed when its holder's session ends.

use crate::backends::postgres_at;
use crate::harness::{day, schedule, utc};
use chrono::TimeDelta;
use report_bot::reminders::sender::CLAIM_STALE_AFTER;
use report_bot::reminders::store::{Claim, SubscriptionStore};
use report_bot::reminders::{status, subscribe};
use report_bot::store::election::{while_leading, Leadership, ELECTION_RETRY};
use report_bot::store::{ClaimClock, Store};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio_util::sync::CancellationToken;

use crate::support::postgres::{fresh_schema, url};

/// Two replicas' stores on one fresh schema, or `None` when the test skips.
async fn two_replicas(test: &str, clock: ClaimClock) -> Option<(Store, Store)> {
    let url = url(test)?;
    let schema = fresh_schema();
    let first = postgres_at(&url, &schema, clock).await;
    let second = postgres_at(&url, &schema, clock).await;
    Some((first, second))
}

#[tokio::test]
async fn claims_are_judged_by_the_database_clock_whatever_the_replicas_clocks_say() {
    let Some((early, late)) = two_replicas("database_clock", ClaimClock::Database).await else {
        return;
    };
    let date = day("2022-05-10");
    // One replica's clock is a day behind, the other's a day ahead: by their own clocks the first
    // claim would be long stale for the second; by the database's it is seconds old.
    let behind = chrono::Utc::now() - TimeDelta::days(1);
    let ahead = chrono::Utc::now() + TimeDelta::days(1);
    let first = early
        .claim(1, date, behind, CLAIM_STALE_AFTER)
        .await
        .unwrap();
    assert_eq!(first, Claim::Granted { attempts: 1 });
    match late.claim(1, date, ahead, CLAIM_STALE_AFTER).await.unwrap() {
        Claim::Busy { stale_at } => {
            let from_now = stale_at - chrono::Utc::now();
            assert!(
                from_now > CLAIM_STALE_AFTER - TimeDelta::minutes(1)
                    && from_now <= CLAIM_STALE_AFTER,
                "stale at {stale_at}"
            );
        }
        other => panic!("a fresh claim must be busy for another replica, got {other:?}"),
    }
}

#[tokio::test]
async fn racing_replicas_are_granted_one_claim_per_day() {
    let Some((first, second)) = two_replicas("racing", ClaimClock::Database).await else {
        return;
    };
    let (first, second) = (Arc::new(first), Arc::new(second));
    let now = utc("2022-05-10T00:00:00Z");
    let mut tasks = Vec::new();
    for chat_id in 1..=100 {
        for store in [&first, &second] {
            let store = store.clone();
            tasks.push(tokio::spawn(async move {
                let claim = store.claim(chat_id, day("2022-05-10"), now, CLAIM_STALE_AFTER);
                (chat_id, claim.await.unwrap())
            }));
        }
    }
    let mut granted = vec![0; 101];
    for task in tasks {
        let (chat_id, claim) = task.await.unwrap();
        if matches!(claim, Claim::Granted { .. }) {
            granted[usize::try_from(chat_id).unwrap()] += 1;
        }
    }
    assert!(granted[1..].iter().all(|&count| count == 1), "{granted:?}");
}

#[tokio::test]
async fn one_replica_leads_and_another_takes_over_when_its_session_ends() {
    let Some((first, second)) = two_replicas("election", ClaimClock::Database).await else {
        return;
    };
    let lead = first.try_lead().await.unwrap();
    assert!(matches!(lead, Some(Leadership::Postgres(_))));
    assert!(second.try_lead().await.unwrap().is_none());
    assert!(
        first.try_lead().await.unwrap().is_none(),
        "one lock per schema"
    );
    // The holder dies: its session ends (as when the process is killed and the kernel closes the socket).
    drop(lead);
    let died = Instant::now();
    let taken = loop {
        if let Some(lead) = second.try_lead().await.unwrap() {
            break lead;
        }
        assert!(died.elapsed() < ELECTION_RETRY, "the lock was not freed");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(matches!(taken, Leadership::Postgres(_)));
}

#[tokio::test]
async fn a_subscription_survives_a_restart_of_the_process() {
    let Some(url) = url("restart") else {
        return;
    };
    let schema = fresh_schema();
    let now = utc("2022-05-09T12:00:00Z");
    {
        let store = postgres_at(&url, &schema, ClaimClock::Database).await;
        subscribe(&store, 42, schedule("21:00 Europe/Berlin"), now)
            .await
            .unwrap();
        store.close().await;
    }
    let reopened = postgres_at(&url, &schema, ClaimClock::Database).await;
    let shown = status(&reopened, 42, now).await.unwrap().unwrap();
    assert_eq!(shown.schedule, schedule("21:00 Europe/Berlin"));
    assert_eq!(shown.next_send.to_rfc3339(), "2022-05-09T21:00:00+02:00");
}

/// Who runs the scheduler, as `while_leading` starts and stops the work.
#[derive(Default)]
struct Leaders {
    running: Mutex<Vec<&'static str>>,
    /// Every replica that stopped scheduling, in order.
    stopped: Mutex<Vec<&'static str>>,
}

impl Leaders {
    fn now(&self) -> Vec<&'static str> {
        self.running.lock().unwrap().clone()
    }

    /// Waits (up to `within`) until exactly one replica runs the work, and says which.
    async fn one(&self, within: Duration) -> &'static str {
        let start = Instant::now();
        loop {
            if let [one] = self.now()[..] {
                return one;
            }
            assert!(start.elapsed() < within, "leaders: {:?}", self.now());
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// A replica's scheduler task: runs `while_leading` on `store`, marking itself as running meanwhile.
fn replica(
    name: &'static str,
    store: Store,
    leaders: Arc<Leaders>,
    cancel: CancellationToken,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        while_leading(&store, &cancel, |stop| {
            let leaders = leaders.clone();
            async move {
                leaders.running.lock().unwrap().push(name);
                stop.cancelled().await;
                leaders
                    .running
                    .lock()
                    .unwrap()
                    .retain(|running| *running != name);
                leaders.stopped.lock().unwrap().push(name);
            }
        })
        .await;
    })
}

/// The promise of docs/deploy.md: after the scheduling replica dies, another runs it within 30 s.
const TAKEOVER: Duration = Duration::from_secs(30);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn when_the_scheduling_replica_dies_another_takes_over_within_30_seconds() {
    let Some(url) = url("takeover") else {
        return;
    };
    let schema = fresh_schema();
    let leaders = Arc::new(Leaders::default());
    let cancel = CancellationToken::new();
    let mut tasks = std::collections::HashMap::new();
    for name in ["first", "second", "third"] {
        let store = postgres_at(&url, &schema, ClaimClock::Database).await;
        tasks.insert(name, replica(name, store, leaders.clone(), cancel.clone()));
        if name == "first" {
            assert_eq!(leaders.one(TAKEOVER).await, "first");
        }
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(leaders.now(), ["first"], "only one replica schedules");

    // The database ends the leader's session (a restart, an operator): it stops scheduling.
    // (It may well lead again at once: its next try finds the lock free.)
    terminate_lock_holder(&url, &schema).await;
    let died = Instant::now();
    while leaders.stopped.lock().unwrap().is_empty() {
        assert!(died.elapsed() < TAKEOVER, "the leader did not notice");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(*leaders.stopped.lock().unwrap(), ["first"]);

    // SIGKILL, as near as a test gets: the leader's task vanishes mid-run, dropping its session.
    let leader = leaders.one(TAKEOVER).await;
    tasks[leader].abort();
    leaders
        .running
        .lock()
        .unwrap()
        .retain(|running| *running != leader);
    let killed = Instant::now();
    let successor = leaders.one(TAKEOVER).await;
    assert_ne!(successor, leader);
    assert!(killed.elapsed() < TAKEOVER, "{:?}", killed.elapsed());
    cancel.cancel();
    for (name, task) in tasks {
        if name != leader {
            task.await.unwrap();
        }
    }
    assert!(leaders.now().is_empty(), "{:?}", leaders.now());
}

/// Ends the session that holds `schema`'s scheduler lock, from another session.
async fn terminate_lock_holder(url: &str, schema: &str) {
    use sqlx::Connection;
    let mut admin = sqlx::PgConnection::connect(url).await.unwrap();
    let ended: Vec<bool> = sqlx::query_scalar(
        "SELECT pg_terminate_backend(pid) FROM pg_locks
         WHERE locktype = 'advisory' AND granted
           AND objid = (hashtext($1)::bigint & 4294967295)::oid",
    )
    .bind(schema)
    .fetch_all(&mut admin)
    .await
    .unwrap();
    assert_eq!(ended, [true]);
}
