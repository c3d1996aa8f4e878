//! The question log: keyed chat hashes that never store the id, the writer off the reply path (a full
//! channel and a failing database lose rows, not replies), retention, /forget, feedback that changes
//! rather than adds, `unanswered` grouping and `replay` catching an alias that turns a refusal into an
//! answer. The engine runs over the made-up report in tests/fixtures/bot.

pub mod support;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use report_bot::answer::Engine;
use report_bot::questionlog::record::{ChatKey, LoggedQuestion, LoggedVote};
use report_bot::questionlog::report;
use report_bot::questionlog::store::{DeliveryDay, Entry, LogStoreError};
use report_bot::questionlog::{
    chat_hasher, ChatHasher, ChatKind, QuestionLog, QuestionLogStore, QuestionRecord, Reason,
    Retention, Secret, Via, Vote, VoteRecord,
};
use report_bot::reminders::store::SqliteStore;
use report_bot::store::Store;
use std::path::Path;
use std::sync::{Arc, LazyLock};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

static ENGINE: LazyLock<Arc<Engine>> = LazyLock::new(|| {
    Arc::new(Engine::new(support::fixtures::fixture("bot")).expect("the test report builds"))
});

const RETENTION: Retention = Retention { days: 90 };
/// A chat id whose digits and bytes are looked for in the database file.
const CHAT: i64 = 987_654_321_012;
const OTHER_CHAT: i64 = 555_000_111;

fn hasher() -> ChatHasher {
    ChatHasher::new(Secret::from_hex(&"5a".repeat(32)).expect("valid secret"))
}

/// A running writer over `store`, stopped (and flushed) by [`Running::stop`].
struct Running {
    log: QuestionLog,
    task: JoinHandle<()>,
    stop: CancellationToken,
}

impl Running {
    fn start<S: QuestionLogStore>(store: Arc<S>, capacity: usize) -> Running {
        let stop = CancellationToken::new();
        let (log, task) = QuestionLog::start(
            store,
            ENGINE.clone(),
            hasher(),
            RETENTION,
            capacity,
            Utc::now(),
            stop.clone(),
        );
        Running { log, task, stop }
    }

    /// Asks the engine and records the question as the reply path does.
    fn ask(&self, chat: i64, question: &str, at: DateTime<Utc>) -> i64 {
        let answer = ENGINE.ask(question);
        let id = self.log.next_id();
        self.log.record(QuestionRecord {
            id,
            asked_at: at,
            chat: self.log.chat_key(chat),
            kind: ChatKind::Private,
            via: Via::Text,
            question: question.to_owned(),
            understood: None,
            outcome: answer.outcome.kind(),
            top_hit: answer.hits().first().map(|hit| hit.id.to_string()),
            latency_us: 1_500,
        });
        id
    }

    fn vote(&self, chat: i64, voter: u64, question: i64, vote: Vote, reason: Option<Reason>) {
        self.log.vote(VoteRecord {
            question_id: question,
            voter: self.log.user_key(voter),
            chat: self.log.chat_key(chat),
            vote,
            reason,
            voted_at: Utc::now(),
        });
    }

    async fn stop(self) -> QuestionLog {
        self.stop.cancel();
        self.task.await.expect("the writer ends");
        self.log
    }
}

async fn file_store(dir: &Path) -> (SqliteStore, Arc<Store>) {
    let url = format!("sqlite://{}", dir.join("bot.db").display());
    let store = SqliteStore::open(&url).await.expect("database opens");
    let log = Arc::new(Store::Sqlite(store.clone()));
    (store, log)
}

async fn memory_store() -> (SqliteStore, Arc<Store>) {
    let store = SqliteStore::in_memory().await.expect("database opens");
    let log = Arc::new(Store::Sqlite(store.clone()));
    (store, log)
}

fn long_ago() -> DateTime<Utc> {
    Utc::now() - TimeDelta::days(365)
}

#[tokio::test]
async fn chats_are_stored_as_keys_and_their_ids_never_reach_the_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let (store, log_store) = file_store(dir.path()).await;
    let running = Running::start(log_store.clone(), 100);
    let first = running.ask(CHAT, "2030年GDP目标是多少", Utc::now());
    running.ask(CHAT, "明天天气怎么样", Utc::now());
    running.ask(OTHER_CHAT, "粮食总产是多少", Utc::now());
    running.vote(CHAT, CHAT.unsigned_abs(), first, Vote::Down, None);
    let log = running.stop().await;
    assert_eq!(log.lost(), 0);

    let keys: Vec<(String, String)> =
        sqlx::query_as("SELECT chat_key, question FROM question_log ORDER BY id")
            .fetch_all(store.pool())
            .await
            .expect("rows");
    assert_eq!(keys.len(), 3);
    assert_eq!(keys[0].0, keys[1].0, "the same chat gives the same key");
    assert_ne!(keys[0].0, keys[2].0);
    assert_eq!(keys[0].0, hasher().chat(CHAT).0);
    store.close().await;

    let digits = CHAT.to_string();
    let voter_digits = CHAT.unsigned_abs().to_string();
    let mut question_seen = false;
    for entry in std::fs::read_dir(dir.path()).expect("folder") {
        // SQLite removes the -wal and -shm files as the last connection closes.
        let Ok(bytes) = std::fs::read(entry.expect("entry").path()) else {
            continue;
        };
        let question = "2030年GDP目标是多少".as_bytes();
        question_seen |= bytes.windows(question.len()).any(|w| w == question);
        for needle in [
            digits.as_bytes(),
            voter_digits.as_bytes(),
            &CHAT.to_be_bytes()[2..],
            &CHAT.to_le_bytes()[..6],
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|window| window == needle),
                "the chat id is in the database"
            );
        }
    }
    assert!(question_seen, "these are the files the log is in");
}

#[tokio::test]
async fn a_second_press_changes_the_vote() {
    let (_store, log_store) = memory_store().await;
    let running = Running::start(log_store.clone(), 100);
    let question = running.ask(CHAT, "明天天气怎么样", Utc::now());
    running.vote(CHAT, 7, question, Vote::Up, None);
    running.vote(CHAT, 7, question, Vote::Down, None);
    running.vote(CHAT, 7, question, Vote::Down, Some(Reason::WrongNumber));
    running.vote(CHAT, 8, question, Vote::Up, None);
    running.stop().await;
    let mut votes = log_store.votes_since(long_ago()).await.expect("votes");
    votes.sort_by(|a, b| a.vote.cmp(&b.vote));
    assert_eq!(votes.len(), 2, "one vote per person: {votes:?}");
    assert_eq!(votes[0].vote, "down");
    assert_eq!(votes[0].reason.as_deref(), Some("wrong_number"));
    assert_eq!(votes[1].vote, "up");
}

#[tokio::test]
async fn rows_past_retention_are_deleted_and_newer_ones_kept() {
    let (_store, log_store) = memory_store().await;
    let running = Running::start(log_store.clone(), 100);
    let old = running.ask(CHAT, "粮食总产是多少", Utc::now() - TimeDelta::days(120));
    running.vote(CHAT, 1, old, Vote::Up, None);
    running.ask(
        CHAT,
        "2030年GDP目标是多少",
        Utc::now() - TimeDelta::days(10),
    );
    running.stop().await;
    let deleted = log_store
        .prune(RETENTION.cutoff(Utc::now()))
        .await
        .expect("prune");
    // The writer's own start-up sweep may have removed the old question first (it races the first
    // batch); either way only the recent one is left, though the old one's vote is recent.
    assert!(deleted <= 1, "{deleted}");
    let kept = log_store.questions_since(long_ago()).await.expect("rows");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].question, "2030年GDP目标是多少");

    // The writer sweeps when it starts.
    let running = Running::start(log_store.clone(), 100);
    running.ask(CHAT, "明天天气怎么样", Utc::now() - TimeDelta::days(91));
    running.stop().await;
    let running = Running::start(log_store.clone(), 100);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    running.stop().await;
    let kept = log_store.questions_since(long_ago()).await.expect("rows");
    assert_eq!(kept.len(), 1, "{kept:?}");
}

#[tokio::test]
async fn forget_deletes_the_chats_questions_and_votes_and_nothing_else() {
    let (_store, log_store) = memory_store().await;
    let running = Running::start(log_store.clone(), 100);
    let mine = running.ask(CHAT, "明天天气怎么样", Utc::now());
    let theirs = running.ask(OTHER_CHAT, "明天天气怎么样", Utc::now());
    running.vote(CHAT, 1, mine, Vote::Down, Some(Reason::NotFound));
    running.vote(OTHER_CHAT, 2, theirs, Vote::Up, None);
    // Queued before /forget: written first, then deleted with the rest.
    running.ask(CHAT, "粮食总产是多少", Utc::now());
    let deleted = running
        .log
        .forget(running.log.chat_key(CHAT))
        .await
        .expect("forgotten");
    assert_eq!(deleted, 3);
    running.stop().await;
    let left = log_store.questions_since(long_ago()).await.expect("rows");
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].id, theirs);
    let votes = log_store.votes_since(long_ago()).await.expect("votes");
    assert_eq!(votes.len(), 1);
    assert_eq!(votes[0].question_id, theirs);
}

#[tokio::test]
async fn unanswered_groups_by_normalised_question_with_outcomes_and_reasons() {
    let (_store, log_store) = memory_store().await;
    let running = Running::start(log_store.clone(), 100);
    let first = running.ask(CHAT, "明天天气怎么样", Utc::now() - TimeDelta::hours(2));
    running.ask(
        OTHER_CHAT,
        "明天天气怎么样？",
        Utc::now() - TimeDelta::hours(1),
    );
    let answered = running.ask(CHAT, "2030年GDP目标是多少", Utc::now());
    running.ask(CHAT, "粮食总产是多少", Utc::now());
    running.vote(CHAT, 1, first, Vote::Down, Some(Reason::NotFound));
    running.vote(CHAT, 1, answered, Vote::Down, Some(Reason::WrongNumber));
    running.stop().await;
    let since = Utc::now() - TimeDelta::days(7);
    let questions = log_store.questions_since(since).await.expect("rows");
    let votes = log_store.votes_since(since).await.expect("votes");
    let groups = report::unanswered(&questions, &votes);
    assert_eq!(groups.len(), 2, "{groups:#?}");
    let weather = &groups[0];
    assert_eq!(weather.count, 2);
    assert_eq!(weather.question, "明天天气怎么样？", "the latest wording");
    assert_eq!(weather.outcomes.get("refused"), Some(&2));
    assert_eq!(weather.feedback.down, 1);
    assert_eq!(weather.feedback.reasons.get("not_found"), Some(&1));
    let gdp = &groups[1];
    assert_eq!(gdp.outcomes.get("answered"), Some(&1));
    assert_eq!(gdp.feedback.reasons.get("wrong_number"), Some(&1));
    let json = serde_json::to_value(weather).expect("json");
    for field in ["question", "count", "last_seen", "outcomes", "feedback"] {
        assert!(json.get(field).is_some(), "{field} in {json}");
    }
    assert!(json["feedback"]["reasons"].is_object());
}

#[tokio::test]
async fn replay_finds_the_refusal_an_alias_turns_into_an_answer() {
    let (_store, log_store) = memory_store().await;
    let running = Running::start(log_store.clone(), 100);
    running.ask(CHAT, "经济总量是多少", Utc::now());
    running.ask(OTHER_CHAT, "经济总量是多少", Utc::now());
    running.ask(CHAT, "2030年GDP目标是多少", Utc::now());
    running.stop().await;
    let questions = log_store.questions_since(long_ago()).await.expect("rows");
    assert!(
        report::replay(&ENGINE, &questions).is_empty(),
        "the same knowledge"
    );

    let dir = tempfile::tempdir().expect("temporary directory");
    support::fixtures::copy_dir(&support::fixtures::fixture_dir("bot"), dir.path());
    let aliases = dir.path().join("aliases.toml");
    let text = std::fs::read_to_string(&aliases).expect("aliases");
    std::fs::write(
        &aliases,
        text.replace(r#"variants = ["GDP"]"#, r#"variants = ["GDP", "经济总量"]"#),
    )
    .expect("write aliases");
    let engine = Engine::load(dir.path()).expect("the edited knowledge builds");
    let changes = report::replay(&engine, &questions);
    assert_eq!(changes.len(), 1, "{changes:#?}");
    assert_eq!(changes[0].question, "经济总量是多少");
    assert_eq!(changes[0].count, 2);
    assert_eq!(
        (changes[0].was.as_str(), changes[0].now.as_str()),
        ("refused", "answered")
    );
}

/// A database that fails: `Broken` refuses every write, `Stuck` never answers one (a lock held forever).
enum Faulty {
    Broken,
    Stuck,
}

impl Faulty {
    async fn fail<T>(&self) -> Result<T, LogStoreError> {
        match self {
            Faulty::Broken => Err(LogStoreError::BadRow("disk full".into())),
            Faulty::Stuck => std::future::pending().await,
        }
    }
}

impl QuestionLogStore for Faulty {
    async fn write(&self, _: &[Entry]) -> Result<(), LogStoreError> {
        self.fail().await
    }
    async fn forget(&self, _: &ChatKey) -> Result<u64, LogStoreError> {
        self.fail().await
    }
    async fn prune(&self, _: DateTime<Utc>) -> Result<u64, LogStoreError> {
        self.fail().await
    }
    async fn secret(&self) -> Result<Option<String>, LogStoreError> {
        self.fail().await
    }
    async fn keep_secret(&self, _: &str) -> Result<String, LogStoreError> {
        self.fail().await
    }
    async fn questions_since(
        &self,
        _: DateTime<Utc>,
    ) -> Result<Vec<LoggedQuestion>, LogStoreError> {
        self.fail().await
    }
    async fn votes_since(&self, _: DateTime<Utc>) -> Result<Vec<LoggedVote>, LogStoreError> {
        self.fail().await
    }
    async fn subscribers(&self) -> Result<u64, LogStoreError> {
        self.fail().await
    }
    async fn deliveries_since(&self, _: NaiveDate) -> Result<Vec<DeliveryDay>, LogStoreError> {
        self.fail().await
    }
}

#[tokio::test]
async fn a_failing_database_loses_rows_and_says_how_many() {
    let running = Running::start(Arc::new(Faulty::Broken), 100);
    for _ in 0..5 {
        running.ask(CHAT, "明天天气怎么样", Utc::now());
    }
    let forgotten = running.log.forget(running.log.chat_key(CHAT)).await;
    assert!(forgotten.is_err(), "/forget reports the failure");
    let log = running.stop().await;
    assert_eq!(log.lost(), 5);
}

#[tokio::test]
async fn a_stuck_database_never_blocks_the_caller_and_excess_rows_are_dropped() {
    // A current-thread runtime: the writer runs only when this test yields, so the channel's capacity
    // alone decides what is kept.
    let running = Running::start(Arc::new(Faulty::Stuck), 2);
    for _ in 0..1_000 {
        running.ask(CHAT, "明天天气怎么样", Utc::now());
    }
    assert_eq!(running.log.lost(), 998);
    running.task.abort();
}

#[tokio::test]
async fn the_secret_is_generated_once_and_kept_or_taken_from_the_environment() {
    let (_store, log_store) = memory_store().await;
    let first = chat_hasher(log_store.as_ref(), None).await.expect("hasher");
    let again = chat_hasher(log_store.as_ref(), None).await.expect("hasher");
    assert_eq!(first.chat(CHAT), again.chat(CHAT), "stored on first start");
    let configured = Secret::from_hex(&"5a".repeat(32)).expect("valid");
    let from_env = chat_hasher(log_store.as_ref(), Some(&configured))
        .await
        .expect("hasher");
    assert_eq!(from_env.chat(CHAT), hasher().chat(CHAT));
    assert_ne!(from_env.chat(CHAT), first.chat(CHAT));
    let unstorable = chat_hasher(&Faulty::Broken, None)
        .await
        .expect("a key for this run");
    assert_ne!(unstorable.chat(CHAT), first.chat(CHAT));
}
