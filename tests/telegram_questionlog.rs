//! The question log seen from Telegram (teloxide_tests' mock Bot API): questions are logged with their
//! chat's kind, answers carry 👍/👎, a 👎 asks why, /privacy and /forget, and replies go on when the
//! database is broken. The engine runs over the made-up report in tests/fixtures/bot.

pub mod support;

use chrono::{TimeDelta, Utc};
use report_bot::answer::Engine;
use report_bot::questionlog::{ChatHasher, QuestionLog, QuestionLogStore, Retention, Secret};
use report_bot::reminders::store::SqliteStore;
use report_bot::store::Store;
use report_bot::telegram::{schema, texts, BotContext};
use std::sync::{Arc, LazyLock};
use support::html::visible;
use support::keyboard::callback_data;
use teloxide::dptree;
use teloxide::types::Message;
use teloxide::Bot;
use teloxide_tests::{
    MockBot, MockCallbackQuery, MockGroupChat, MockMessageText, MockPrivateChat, MockUser,
};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

static ENGINE: LazyLock<Arc<Engine>> = LazyLock::new(|| {
    Arc::new(Engine::new(support::fixtures::fixture("bot")).expect("the test report builds"))
});

type TestBot =
    MockBot<report_bot::telegram::HandlerError, teloxide_tests::mock_bot::DistributionKey>;

/// A bot context whose log writes to an in-memory database.
struct Harness {
    store: SqliteStore,
    log_store: Arc<Store>,
    ctx: Arc<BotContext>,
    writer: JoinHandle<()>,
    stop: CancellationToken,
}

impl Harness {
    async fn new() -> Harness {
        Harness::with_admins(Vec::new()).await
    }

    async fn with_admins(admins: Vec<i64>) -> Harness {
        let store = SqliteStore::in_memory().await.expect("database");
        let log_store = Arc::new(Store::Sqlite(store.clone()));
        let stop = CancellationToken::new();
        let hasher = ChatHasher::new(Secret::from_hex(&"01".repeat(32)).expect("secret"));
        let (log, writer) = QuestionLog::start(
            log_store.clone(),
            ENGINE.clone(),
            hasher,
            Retention { days: 30 },
            100,
            Utc::now(),
            stop.clone(),
        );
        let ctx = BotContext::new(ENGINE.clone(), 1)
            .with_reminders(Arc::new(report_bot::store::Store::Sqlite(store.clone())))
            .with_question_log(Arc::new(log))
            .with_admin(admins, log_store.clone());
        Harness {
            store,
            log_store,
            ctx: Arc::new(ctx),
            writer,
            stop,
        }
    }

    fn bot<T: teloxide_tests::IntoUpdate>(&self, update: T) -> TestBot {
        let mut bot = MockBot::new(update, schema::<Bot>());
        bot.dependencies(dptree::deps![self.ctx.clone()]);
        bot
    }

    /// Stops the writer once everything handed to it is written.
    async fn flushed(self) -> (SqliteStore, Arc<Store>) {
        self.stop.cancel();
        self.writer.await.expect("the writer ends");
        (self.store, self.log_store)
    }
}

fn last_sent(bot: &TestBot) -> (Message, String, Vec<String>) {
    let responses = bot.get_responses();
    let sent = responses
        .sent_messages_text
        .last()
        .expect("a message was sent");
    (
        sent.message.clone(),
        sent.bot_request.text.clone(),
        callback_data(sent.bot_request.reply_markup.as_ref()),
    )
}

/// The 👎 among an answer's buttons.
fn down_button(buttons: &[String]) -> String {
    buttons
        .iter()
        .find(|data| data.starts_with("v:") && data.ends_with(":d"))
        .expect("a 👎 button")
        .clone()
}

/// `text` sent to the bot's chat by `from`, handled.
async fn say(bot: &mut TestBot, text: &str, from: teloxide::types::User) {
    bot.update(MockMessageText::new().text(text).from(from));
    bot.dispatch().await;
}

fn user(id: u64) -> teloxide::types::User {
    MockUser::new().id(id).build()
}

fn since() -> chrono::DateTime<Utc> {
    Utc::now() - TimeDelta::days(1)
}

#[tokio::test]
async fn answers_carry_thumbs_and_a_down_vote_asks_why_then_thanks() {
    let harness = Harness::new().await;
    let mut bot = harness.bot(MockMessageText::new().text("2030年GDP目标是多少"));
    bot.dispatch().await;
    let (answer, _, buttons) = last_sent(&bot);
    let down = down_button(&buttons);
    assert!(buttons.contains(&down.replace(":d", ":u")), "{buttons:?}");

    bot.update(MockCallbackQuery::new().data(&down).message(answer.clone()));
    bot.dispatch().await;
    let (asking, html, reasons) = last_sent(&bot);
    assert_eq!(visible(&html), texts::WHAT_WAS_WRONG);
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    let wrong_number = down.replace(":d", ":n");
    assert!(reasons.contains(&wrong_number), "{reasons:?}");

    bot.update(MockCallbackQuery::new().data(&wrong_number).message(asking));
    bot.dispatch().await;
    let responses = bot.get_responses();
    let edited = responses.edited_messages_text.last().expect("thanked");
    assert_eq!(visible(&edited.bot_request.text), texts::THANKS_FOR_REASON);

    bot.update(MockMessageText::new().text("明天天气怎么样"));
    bot.dispatch().await;
    let (_, _, refusal_buttons) = last_sent(&bot);
    assert!(
        refusal_buttons.iter().all(|data| !data.starts_with("v:")),
        "no thumbs under a refusal: {refusal_buttons:?}"
    );
    drop(bot);

    let (_store, log) = harness.flushed().await;
    let questions = log.questions_since(since()).await.expect("rows");
    assert_eq!(questions.len(), 2);
    assert_eq!(questions[0].outcome, "answered");
    assert_eq!(questions[1].outcome, "refused");
    let votes = log.votes_since(since()).await.expect("votes");
    assert_eq!(votes.len(), 1, "the reason changed the vote: {votes:?}");
    assert_eq!(votes[0].question_id, questions[0].id);
    assert_eq!(votes[0].reason.as_deref(), Some("wrong_number"));
}

#[tokio::test]
async fn the_chats_kind_and_the_way_in_are_logged() {
    let harness = Harness::new().await;
    let group = MockGroupChat::new().build();
    let mut bot = harness.bot(
        MockMessageText::new()
            .text("/ask 粮食总产是多少")
            .chat(group),
    );
    bot.dispatch().await;
    drop(bot);
    let (store, _) = harness.flushed().await;
    let row: (String, String, String, Option<i64>) =
        sqlx::query_as("SELECT chat_kind, via, intent, year FROM question_log")
            .fetch_one(store.pool())
            .await
            .expect("one row");
    assert_eq!((row.0.as_str(), row.1.as_str()), ("group", "ask"));
    assert_eq!(row.2, "number");
}

#[tokio::test]
async fn privacy_states_the_retention_and_forget_deletes_after_confirmation() {
    let harness = Harness::new().await;
    let mut bot = harness.bot(MockMessageText::new().text("/privacy"));
    bot.dispatch().await;
    let (_, html, _) = last_sent(&bot);
    assert!(visible(&html).contains("保存 30 天"), "{html}");

    // Other senders in the same chat, so that flood control lets every message through.
    bot.update(MockMessageText::new().text("明天天气怎么样").from(user(2)));
    bot.dispatch().await;
    bot.update(MockMessageText::new().text("/subscribe 7:30").from(user(3)));
    bot.dispatch().await;
    bot.update(MockMessageText::new().text("/forget").from(user(4)));
    bot.dispatch().await;
    let (confirm, html, buttons) = last_sent(&bot);
    assert_eq!(visible(&html), texts::FORGET_CONFIRM);
    assert_eq!(buttons, vec!["fg:".to_owned()]);
    let asked = harness
        .log_store
        .questions_since(since())
        .await
        .expect("rows");
    assert!(!asked.is_empty(), "nothing deleted before the button");

    bot.update(MockCallbackQuery::new().data("fg:").message(confirm));
    bot.dispatch().await;
    let responses = bot.get_responses();
    let edited = responses.edited_messages_text.last().expect("answered");
    assert_eq!(
        visible(&edited.bot_request.text),
        texts::forgotten(1, true),
        "one question, and the subscription"
    );
    drop(bot);
    let (store, log) = harness.flushed().await;
    assert!(log.questions_since(since()).await.expect("rows").is_empty());
    let subscriptions: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM subscriptions")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(subscriptions.0, 0);
}

#[tokio::test]
async fn a_broken_database_loses_log_rows_but_every_question_is_answered() {
    let harness = Harness::new().await;
    sqlx::query("DROP TABLE question_log")
        .execute(harness.store.pool())
        .await
        .expect("table dropped");
    let questions = ["2030年GDP目标是多少", "明天天气怎么样", "粮食总产是多少"];
    for question in questions {
        let mut bot = harness.bot(MockMessageText::new().text(question));
        bot.dispatch().await;
        assert_eq!(bot.get_responses().sent_messages.len(), 1, "{question}");
    }
    let log = harness.ctx.log.clone().expect("the log is on");
    harness.flushed().await;
    assert_eq!(log.lost(), 3);
}

#[tokio::test]
async fn stats_and_unanswered_exist_only_in_admin_chats() {
    let admin_chat = MockMessageText::new().build().chat.id.0;
    let harness = Harness::with_admins(vec![admin_chat]).await;
    let mut bot = harness.bot(MockMessageText::new().text("明天天气怎么样"));
    bot.dispatch().await;
    bot.update(
        MockMessageText::new()
            .text("2030年GDP目标是多少")
            .from(user(2)),
    );
    bot.dispatch().await;
    drop(bot);
    // Everything written; the maintainer reads it from here on.
    let (_store, log_store) = harness.flushed().await;
    let ctx = Arc::new(
        BotContext::new(ENGINE.clone(), 1).with_admin(vec![admin_chat], log_store.clone()),
    );
    let bot_with = |update: MockMessageText| {
        let mut bot = MockBot::new(update, schema::<Bot>());
        bot.dependencies(dptree::deps![ctx.clone()]);
        bot
    };

    let mut bot = bot_with(MockMessageText::new().text("/stats").from(user(3)));
    bot.dispatch().await;
    let responses = bot.get_responses();
    let summary = visible(&responses.sent_messages_text[0].bot_request.text);
    assert!(summary.contains("2 个问题"), "{summary}");
    assert!(summary.contains("答上 50%"), "{summary}");
    assert_eq!(responses.sent_messages_photo.len(), 1, "the chart");
    drop(bot);

    let mut bot = bot_with(MockMessageText::new().text("/unanswered").from(user(4)));
    bot.dispatch().await;
    let (_, html, _) = last_sent(&bot);
    assert!(
        visible(&html).contains("明天天气怎么样（1次：没答上1）"),
        "{html}"
    );
    drop(bot);

    // Anyone else: an unknown command in private, silence in a group unless addressed.
    let other = MockPrivateChat::new().id(admin_chat + 1).build();
    let mut bot = bot_with(
        MockMessageText::new()
            .text("/stats")
            .chat(other)
            .from(user(5)),
    );
    bot.dispatch().await;
    let (_, html, _) = last_sent(&bot);
    assert_eq!(visible(&html), texts::UNKNOWN_COMMAND);
    assert!(bot.get_responses().sent_messages_photo.is_empty());
    drop(bot);
    let group = MockGroupChat::new().build();
    let mut bot = bot_with(
        MockMessageText::new()
            .text("/unanswered")
            .chat(group)
            .from(user(6)),
    );
    bot.dispatch().await;
    assert!(bot.get_responses().sent_messages.is_empty());
}

#[tokio::test]
async fn a_near_miss_carries_thumbs_under_its_nearest_facts() {
    let harness = Harness::new().await;
    let mut bot = harness.bot(MockMessageText::new().text("2029年生产总值增长多少"));
    bot.dispatch().await;
    let (_, _, buttons) = last_sent(&bot);
    assert!(buttons.iter().any(|b| b.starts_with("s:")), "{buttons:?}");
    let last_two: Vec<&str> = buttons.iter().rev().take(2).map(String::as_str).collect();
    assert!(
        last_two.iter().all(|data| data.starts_with("v:")),
        "👍/👎 are the last row: {buttons:?}"
    );
    drop(bot);
    let (_store, log) = harness.flushed().await;
    let questions = log.questions_since(since()).await.expect("rows");
    assert_eq!(questions[0].outcome, "near_miss");
}

#[tokio::test]
async fn an_english_chat_reads_feedback_privacy_and_forget_in_english_and_forget_drops_lang() {
    let harness = Harness::new().await;
    let english = |id: u64| MockUser::new().id(id).language_code("en").build();
    let mut bot = harness.bot(MockMessageText::new().text("/privacy").from(english(11)));
    bot.dispatch().await;
    let (_, html, _) = last_sent(&bot);
    assert_eq!(visible(&html), texts::en::privacy(Some(30)));

    say(&mut bot, "/lang en", user(12)).await;
    say(&mut bot, "2030年GDP目标是多少", user(13)).await;
    let (answer, _, buttons) = last_sent(&bot);
    let down = down_button(&buttons);
    bot.update(
        MockCallbackQuery::new()
            .data(&down)
            .message(answer)
            .from(user(14)),
    );
    bot.dispatch().await;
    let (_, html, _) = last_sent(&bot);
    assert_eq!(visible(&html), texts::en::WHAT_WAS_WRONG);

    say(&mut bot, "/forget", user(15)).await;
    let (confirm, html, _) = last_sent(&bot);
    assert_eq!(visible(&html), texts::en::FORGET_CONFIRM);
    bot.update(
        MockCallbackQuery::new()
            .data("fg:")
            .message(confirm)
            .from(user(16)),
    );
    bot.dispatch().await;
    let responses = bot.get_responses();
    let edited = responses.edited_messages_text.last().expect("answered");
    assert!(
        visible(&edited.bot_request.text).starts_with("Deleted"),
        "{}",
        edited.bot_request.text
    );
    drop(bot);
    let (store, _) = harness.flushed().await;
    let languages: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM chat_languages")
        .fetch_one(store.pool())
        .await
        .expect("count");
    assert_eq!(languages.0, 0, "/forget drops the chat's /lang choice");
}
