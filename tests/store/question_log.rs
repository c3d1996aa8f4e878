//! The question log's store contract, on SQLite and on PostgreSQL (`on_every_store!`): a batch written
//! whole, a second vote replacing the first, reading back since a moment, /forget taking a chat's rows
//! and the votes on them, retention, the secret kept once, and the reminder figures /stats shows.

use crate::backends::on_every_store;
use crate::harness::{day, schedule, utc};
use chrono::{DateTime, Utc};
use report_bot::answer::Reading;
use report_bot::questionlog::record::ChatKey;
use report_bot::questionlog::store::{DeliveryDay, Entry};
use report_bot::questionlog::{
    ChatKind, QuestionLogStore, QuestionRecord, Reason, Via, Vote, VoteRecord,
};
use report_bot::reminders::schedule::Occurrence;
use report_bot::reminders::sender::CLAIM_STALE_AFTER;
use report_bot::reminders::store::{DeliveryState, SubscriptionStore};
use report_bot::reminders::subscribe;
use report_bot::store::Store;

on_every_store!(
    a_batch_reads_back_in_order_with_one_vote_per_person,
    forgetting_a_chat_takes_its_questions_its_votes_and_the_votes_on_them,
    pruning_takes_only_rows_older_than_the_cut,
    the_first_secret_kept_stays,
    stats_count_subscribers_and_deliveries_per_day,
);

fn key(name: &str) -> ChatKey {
    ChatKey(name.to_owned())
}

fn question(id: i64, chat: &str, at: &str, text: &str, outcome: &'static str) -> Entry {
    Entry::Question(
        QuestionRecord {
            id,
            asked_at: utc(at),
            chat: key(chat),
            kind: ChatKind::Private,
            via: Via::Text,
            question: text.to_owned(),
            understood: (id % 2 == 0).then(|| format!("{text}（追问）")),
            outcome,
            top_hit: (outcome == "answered").then(|| format!("passage-{id}")),
            latency_us: 1_000 + id.unsigned_abs(),
        },
        Reading {
            normalized: text.to_lowercase(),
            intent: "number",
            year: Some(2022),
        },
    )
}

fn vote(question_id: i64, voter: &str, chat: &str, vote: Vote, at: DateTime<Utc>) -> Entry {
    Entry::Vote(VoteRecord {
        question_id,
        voter: key(voter),
        chat: key(chat),
        vote,
        reason: (vote == Vote::Down).then_some(Reason::WrongNumber),
        voted_at: at,
    })
}

async fn a_batch_reads_back_in_order_with_one_vote_per_person(store: Store) {
    let at = utc("2022-05-09T12:00:00Z");
    store
        .write(&[
            question(2, "chat-a", "2022-05-09T12:00:01Z", "GDP目标", "answered"),
            question(1, "chat-a", "2022-05-09T12:00:00Z", "天气", "refused"),
            question(3, "chat-b", "2022-05-01T08:00:00Z", "去年的", "near_miss"),
            vote(2, "person-1", "chat-a", Vote::Up, at),
        ])
        .await
        .unwrap();
    // Pressing again changes the vote; writing a question twice keeps the first.
    store
        .write(&[
            vote(2, "person-1", "chat-a", Vote::Down, at),
            question(1, "chat-a", "2022-05-09T12:00:00Z", "另一个", "answered"),
        ])
        .await
        .unwrap();

    let since = utc("2022-05-09T00:00:00Z");
    let questions = store.questions_since(since).await.unwrap();
    let read: Vec<(i64, &str, &str, Option<&str>)> = questions
        .iter()
        .map(|q| {
            (
                q.id,
                q.question.as_str(),
                q.outcome.as_str(),
                q.understood.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (1, "天气", "refused", None),
            (2, "GDP目标", "answered", Some("GDP目标（追问）")),
        ]
    );
    assert_eq!(questions[1].asked_at, utc("2022-05-09T12:00:01Z"));
    assert_eq!(questions[1].normalized, "gdp目标");
    assert_eq!(questions[1].latency_us, 1_002);
    let votes = store.votes_since(since).await.unwrap();
    assert_eq!(votes.len(), 1, "one vote per person and answer");
    assert_eq!((votes[0].question_id, votes[0].vote.as_str()), (2, "down"));
    assert_eq!(votes[0].reason.as_deref(), Some("wrong_number"));
    assert_eq!(
        store
            .questions_since(utc("2022-04-01T00:00:00Z"))
            .await
            .unwrap()
            .len(),
        3
    );
}

async fn forgetting_a_chat_takes_its_questions_its_votes_and_the_votes_on_them(store: Store) {
    let at = utc("2022-05-09T12:00:00Z");
    store
        .write(&[
            question(1, "chat-a", "2022-05-09T12:00:00Z", "a问", "answered"),
            question(2, "chat-b", "2022-05-09T12:00:01Z", "b问", "answered"),
            question(3, "group-c", "2022-05-09T12:00:02Z", "c问", "answered"),
            // Someone in group c votes on chat a's question (shared inline), chat a's person votes in c.
            vote(1, "person-c", "group-c", Vote::Up, at),
            vote(3, "chat-a", "group-c", Vote::Down, at),
            vote(2, "person-b", "chat-b", Vote::Up, at),
        ])
        .await
        .unwrap();
    let deleted = store.forget(&key("chat-a")).await.unwrap();
    assert_eq!(
        deleted, 3,
        "one question, the vote on it and the vote by the chat"
    );
    let since = utc("2022-01-01T00:00:00Z");
    let left: Vec<i64> = store
        .questions_since(since)
        .await
        .unwrap()
        .iter()
        .map(|q| q.id)
        .collect();
    assert_eq!(left, [2, 3]);
    let votes: Vec<i64> = store
        .votes_since(since)
        .await
        .unwrap()
        .iter()
        .map(|v| v.question_id)
        .collect();
    assert_eq!(votes, [2]);
    assert_eq!(store.forget(&key("chat-a")).await.unwrap(), 0);
}

async fn pruning_takes_only_rows_older_than_the_cut(store: Store) {
    store
        .write(&[
            question(1, "chat-a", "2022-01-01T00:00:00Z", "旧", "answered"),
            question(2, "chat-a", "2022-05-01T00:00:00Z", "新", "answered"),
            vote(1, "person", "chat-a", Vote::Up, utc("2022-01-01T00:01:00Z")),
            vote(2, "person", "chat-a", Vote::Up, utc("2022-05-01T00:01:00Z")),
        ])
        .await
        .unwrap();
    let pruned = store.prune(utc("2022-03-01T00:00:00Z")).await.unwrap();
    assert_eq!(pruned, 2);
    let since = utc("2021-01-01T00:00:00Z");
    let questions = store.questions_since(since).await.unwrap();
    assert_eq!(questions.iter().map(|q| q.id).collect::<Vec<_>>(), [2]);
    assert_eq!(store.votes_since(since).await.unwrap().len(), 1);
}

async fn the_first_secret_kept_stays(store: Store) {
    assert_eq!(store.secret().await.unwrap(), None);
    assert_eq!(store.keep_secret("first").await.unwrap(), "first");
    assert_eq!(store.keep_secret("second").await.unwrap(), "first");
    assert_eq!(store.secret().await.unwrap().as_deref(), Some("first"));
}

async fn stats_count_subscribers_and_deliveries_per_day(store: Store) {
    let now = utc("2022-05-09T12:00:00Z");
    for chat in [1, 2, 3] {
        subscribe(&store, chat, schedule("8:00"), now)
            .await
            .unwrap();
    }
    assert_eq!(store.subscribers().await.unwrap(), 3);
    let next = Occurrence {
        date: day("2022-05-12"),
        at: utc("2022-05-12T00:00:00Z"),
    };
    let settle = |chat: i64, date: &str, state: DeliveryState| {
        let store = store.clone();
        let date = day(date);
        async move {
            store
                .claim(chat, date, now, CLAIM_STALE_AFTER)
                .await
                .unwrap();
            store.settle(chat, date, state, now, next).await.unwrap();
        }
    };
    settle(1, "2022-05-08", DeliveryState::Sent).await;
    settle(1, "2022-05-10", DeliveryState::Sent).await;
    settle(2, "2022-05-10", DeliveryState::Failed).await;
    settle(3, "2022-05-10", DeliveryState::InDoubt).await;
    settle(2, "2022-05-11", DeliveryState::Sent).await;
    let days = store.deliveries_since(day("2022-05-09")).await.unwrap();
    assert_eq!(
        days,
        [
            DeliveryDay {
                date: day("2022-05-10"),
                sent: 1,
                failed: 1,
                in_doubt: 1,
            },
            DeliveryDay {
                date: day("2022-05-11"),
                sent: 1,
                failed: 0,
                in_doubt: 0,
            },
        ]
    );
}
