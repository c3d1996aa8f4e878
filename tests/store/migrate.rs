//! `report-bot migrate-store`: a SQLite database moved into a new PostgreSQL database, row for row, by the
//! real binary; refused into a database that holds rows, and from a SQLite file that does not exist.

use crate::harness::{day, schedule, utc};
use crate::support::postgres::{new_database, url};
use report_bot::answer::Reading;
use report_bot::questionlog::record::ChatKey;
use report_bot::questionlog::store::Entry;
use report_bot::questionlog::transfer::LogTables;
use report_bot::questionlog::{
    ChatKind, QuestionLogStore, QuestionRecord, Reason, Via, Vote, VoteRecord,
};
use report_bot::reminders::schedule::Occurrence;
use report_bot::reminders::sender::CLAIM_STALE_AFTER;
use report_bot::reminders::store::transfer::ReminderTables;
use report_bot::reminders::store::{DeliveryState, SqliteStore, SubscriptionStore};
use report_bot::reminders::subscribe;
use report_bot::store::Store;
use report_bot::store::{ClaimClock, PgStore};
use std::process::{Command, Output};

const BINARY: &str = env!("CARGO_BIN_EXE_report-bot");

fn migrate(from: &str, to: &str) -> Output {
    Command::new(BINARY)
        .args(["migrate-store", "--from", from, "--to", to])
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs")
}

#[tokio::test]
async fn migrate_store_moves_a_sqlite_database_into_a_new_postgres_database_row_for_row() {
    let Some(server) = url("migrate_store") else {
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    let sqlite_url = format!("sqlite://{}", folder.path().join("bot.db").display());
    let sqlite = SqliteStore::open(&sqlite_url).await.unwrap();
    let now = utc("2022-05-09T12:00:00Z");
    for (chat_id, args) in [
        (1, "8:00"),
        (2, "21:00 Europe/Berlin"),
        (-1003, "7:30 UTC+8"),
    ] {
        subscribe(&sqlite, chat_id, schedule(args), now)
            .await
            .unwrap();
    }
    // Deliveries in every state: sent (rotation advanced), claimed, failed (to retry), in doubt.
    let (today, tomorrow) = (day("2022-05-10"), day("2022-05-11"));
    let next = Occurrence {
        date: tomorrow,
        at: utc("2022-05-11T00:00:00Z"),
    };
    let sent_at = utc("2022-05-10T00:00:00Z");
    sqlite
        .claim(1, today, sent_at, CLAIM_STALE_AFTER)
        .await
        .unwrap();
    sqlite
        .settle(1, today, DeliveryState::Sent, sent_at, next)
        .await
        .unwrap();
    sqlite
        .claim(2, today, sent_at, CLAIM_STALE_AFTER)
        .await
        .unwrap();
    sqlite
        .claim(-1003, today, sent_at, CLAIM_STALE_AFTER)
        .await
        .unwrap();
    sqlite
        .release(-1003, today, sent_at, utc("2022-05-10T00:01:00Z"))
        .await
        .unwrap();
    sqlite
        .claim(1, day("2022-05-09"), now, CLAIM_STALE_AFTER)
        .await
        .unwrap();
    sqlite
        .settle(1, day("2022-05-09"), DeliveryState::InDoubt, now, next)
        .await
        .unwrap();
    // A logged question with a vote, and the secret its chat keys were made with.
    let log = Store::Sqlite(sqlite.clone());
    log.keep_secret(&"5a".repeat(32)).await.unwrap();
    log.write(&[
        logged_question(11, "2022-05-09T12:00:00Z"),
        logged_question(12, "2022-05-09T12:01:00Z"),
        Entry::Vote(VoteRecord {
            question_id: 12,
            voter: ChatKey("voter".to_owned()),
            chat: ChatKey("chat".to_owned()),
            vote: Vote::Down,
            reason: Some(Reason::NotFound),
            voted_at: now,
        }),
    ])
    .await
    .unwrap();
    let original = sqlite.dump().await.unwrap();
    let original_log = log.dump_log().await.unwrap();
    sqlite.close().await;
    assert_eq!(
        (original.subscriptions.len(), original.deliveries.len()),
        (3, 4)
    );
    assert_eq!(original.subscriptions[1].delivered, 2);

    let postgres_url = new_database(&server).await;
    let output = migrate(&sqlite_url, &postgres_url);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout
            .contains("copied 3 subscriptions, 4 delivery records, 2 logged questions and 1 votes"),
        "{stdout}"
    );
    let copy = PgStore::open(&postgres_url, ClaimClock::Database, None)
        .await
        .unwrap();
    assert_eq!(copy.dump().await.unwrap(), original);
    assert_eq!(copy.dump_log().await.unwrap(), original_log);
    assert_eq!(original_log.secrets.len(), 1);
    // The copy carries on where the original stopped: chat 1's day is sent, chat 2's claimed.
    assert_eq!(copy.get(1).await.unwrap().unwrap().due_date, tomorrow);
    assert_eq!(copy.last_delivery_date(2).await.unwrap(), Some(today));

    // Never into a database with rows, never from a file that is not there.
    let again = migrate(&sqlite_url, &postgres_url);
    assert!(!again.status.success());
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(stderr.contains("already holds 11 rows"), "{stderr}");
    let missing = format!("sqlite://{}", folder.path().join("typo.db").display());
    let output = migrate(&missing, &new_database(&server).await);
    assert!(!output.status.success());
    assert!(!folder.path().join("typo.db").exists());
}

fn logged_question(id: i64, at: &str) -> Entry {
    Entry::Question(
        QuestionRecord {
            id,
            asked_at: utc(at),
            chat: ChatKey("chat".to_owned()),
            kind: ChatKind::Group,
            via: Via::Ask,
            question: "GDP增长多少".to_owned(),
            understood: None,
            outcome: "answered",
            top_hit: Some("p1".to_owned()),
            latency_us: 2_000,
        },
        Reading {
            normalized: "gdp增长多少".to_owned(),
            intent: "number",
            year: None,
        },
    )
}
