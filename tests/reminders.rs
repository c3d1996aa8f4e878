//! Daily reminders inside the library: the rotation of the real report, the reminder message, and the
//! /subscribe, /subscription and /unsubscribe commands through teloxide_tests' mock Bot API. The store,
//! the sender and the scheduler are tested on every backend in tests/store/.

pub mod support;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use report_bot::answer::Engine;
use report_bot::knowledge::{FigureKind, Indicator, Library};
use report_bot::reminders::content::TargetRotation;
use report_bot::reminders::schedule::DailySchedule;
use report_bot::reminders::status;
use report_bot::reminders::store::{SqliteStore, Store, SubscriptionStore};
use report_bot::telegram::html::{self as render, MAX_MESSAGE_LEN};
use report_bot::telegram::keyboards::reminder_keyboard;
use report_bot::telegram::views::reminder_blocks;
use report_bot::telegram::{schema, texts, BotContext};
use std::sync::{Arc, LazyLock};
use support::html::visible;
use support::keyboard::callback_data;
use teloxide::types::ReplyMarkup;
use teloxide::{dptree, Bot};
use teloxide_tests::{MockBot, MockCallbackQuery, MockMessageText, MockUser};

fn utc(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn schedule(args: &str) -> DailySchedule {
    DailySchedule::parse(args).unwrap()
}

// ---- the real report's rotation and the Telegram side ------------------------------------------

static REPORT: LazyLock<Library> = LazyLock::new(support::fixtures::knowledge);

static ENGINE: LazyLock<Arc<Engine>> =
    LazyLock::new(|| Arc::new(Engine::new(REPORT.clone()).expect("the engine builds")));

#[test]
fn the_2022_rotation_runs_main_targets_then_numeric_tasks_then_the_livelihood_projects() {
    let rotation = TargetRotation::from_library(&REPORT).unwrap();
    let targets = rotation.targets();
    let report = REPORT.latest();
    let ids = |records: &[&Indicator]| -> Vec<String> {
        records.iter().map(|record| record.id.clone()).collect()
    };

    let main: Vec<&Indicator> = report.indicators_of(FigureKind::MainTarget).collect();
    assert_eq!(main.len(), 11);
    assert_eq!(targets[0].metric, "生产总值");
    assert_eq!(targets[10].metric, "货物进出口总额");
    let front: Vec<&Indicator> = targets[..11].iter().collect();
    assert_eq!(ids(&front), ids(&main));

    let numeric_tasks: Vec<&Indicator> = report
        .indicators_of(FigureKind::TaskTarget)
        .filter(|record| record.group.is_none() && record.number.is_some())
        .collect();
    let middle: Vec<&Indicator> = targets[11..11 + numeric_tasks.len()].iter().collect();
    assert_eq!(ids(&middle), ids(&numeric_tasks));
    assert!(middle
        .iter()
        .any(|t| t.metric == "白酒产量" && t.value_text == "超4000吨"));

    let projects: Vec<(&str, Option<u32>)> = targets[11 + numeric_tasks.len()..]
        .iter()
        .map(|t| (t.group.as_deref().unwrap_or("?"), t.item))
        .collect();
    let items: Vec<Option<u32>> = [1, 2, 3, 4, 5, 6, 7, 7, 7, 8, 9, 10]
        .into_iter()
        .map(Some)
        .collect();
    assert_eq!(projects.iter().map(|p| p.1).collect::<Vec<_>>(), items);
    assert!(projects.iter().all(|p| p.0 == "十件惠民工程"));

    for target in targets {
        assert!(
            target.citation.starts_with("《西平县2022年政府工作报告》"),
            "{target:?}"
        );
    }
}

#[tokio::test]
async fn a_reminder_shows_one_target_with_its_citation_and_a_button_for_the_whole_list() {
    let rotation = TargetRotation::from_library(&REPORT).unwrap();
    let first = rotation.reminder(0, day("2022-05-10"));
    let pages = render::paginate(&reminder_blocks(&first), MAX_MESSAGE_LEN);
    assert_eq!(pages.len(), 1);
    let text = visible(&pages[0]);
    assert!(text.contains("生产总值：增长8%左右"), "{text}");
    assert!(text.contains(&rotation.targets()[0].citation), "{text}");
    assert!(
        text.contains(&format!("1/{}", rotation.targets().len())),
        "{text}"
    );
    assert!(text.contains("5月10日"), "{text}");
    assert!(
        text.contains("《西平县2022年政府工作报告》"),
        "which report: {text}"
    );
    assert!(!text.contains(&texts::plan_year_over(2022)), "{text}");

    // Months after the plan year, with no newer report: a look back, and said so.
    let late = rotation.reminder(0, day("2023-01-10"));
    let text = visible(&render::paginate(&reminder_blocks(&late), MAX_MESSAGE_LEN)[0]);
    assert!(!text.contains("今日提醒"), "{text}");
    assert!(text.contains("2022年目标回顾"), "{text}");
    assert!(text.contains(&texts::plan_year_over(2022)), "{text}");

    let last = rotation.reminder(
        u32::try_from(rotation.targets().len() - 1).unwrap(),
        day("2022-06-01"),
    );
    let text = visible(&render::paginate(&reminder_blocks(&last), MAX_MESSAGE_LEN)[0]);
    assert!(text.contains("十件惠民工程 第10项"), "{text}");
    assert!(text.contains("多种形式文艺演出：100场"), "{text}");

    let keyboard = reminder_keyboard().map(ReplyMarkup::InlineKeyboard);
    let buttons = callback_data(keyboard.as_ref());
    assert_eq!(buttons, ["t:"]);
    // The button brings the full list of main targets, as /targets does.
    let reminder_message = MockMessageText::new().text("提醒").build();
    let mut bot = MockBot::new(
        MockCallbackQuery::new()
            .data("t:")
            .message(reminder_message),
        schema::<Bot>(),
    );
    bot.dependencies(dptree::deps![Arc::new(BotContext::new(ENGINE.clone(), 1))]);
    bot.dispatch().await;
    let responses = bot.get_responses();
    let list = visible(&responses.sent_messages_text[0].bot_request.text);
    assert!(list.contains(&texts::targets_header(2022)), "{list}");
    assert!(
        list.contains(&texts::indicator_line(11, "货物进出口总额", "保持平稳增长")),
        "{list}"
    );
}

type TestBot =
    MockBot<report_bot::telegram::HandlerError, teloxide_tests::mock_bot::DistributionKey>;

/// The one message the bot sent for the last update, as a reader sees it.
fn only_reply(bot: &TestBot) -> String {
    let responses = bot.get_responses();
    assert_eq!(responses.sent_messages_text.len(), 1);
    visible(&responses.sent_messages_text[0].bot_request.text)
}

async fn reply(bot: &mut TestBot, update: MockMessageText) -> String {
    bot.update(update);
    bot.dispatch().await;
    only_reply(bot)
}

/// Messages from one user, ten seconds apart as a person types (no flood control).
struct Typist {
    start: DateTime<Utc>,
    step: i64,
}

impl Typist {
    fn command(&mut self, text: &str) -> MockMessageText {
        self.step += 1;
        MockMessageText::new()
            .text(text)
            .date(self.start + TimeDelta::seconds(10 * self.step))
    }
}

/// A mock bot with reminders on over an in-memory store, its first update `first`.
async fn subscription_bot(
    first: &str,
) -> (TestBot, Arc<Store>, impl FnMut(&str) -> MockMessageText) {
    let store = Arc::new(Store::Sqlite(SqliteStore::in_memory().await.unwrap()));
    let context = Arc::new(BotContext::new(ENGINE.clone(), 1).with_reminders(store.clone()));
    let mut typist = Typist {
        start: Utc::now(),
        step: 0,
    };
    let mut bot = MockBot::new(typist.command(first), schema::<Bot>());
    bot.dependencies(dptree::deps![context]);
    (bot, store, move |text: &str| typist.command(text))
}

#[tokio::test]
async fn subscribe_subscription_and_unsubscribe_keep_one_row_per_chat() {
    let (mut bot, store, mut command) = subscription_bot("/subscribe 7:30").await;
    let chat_id = i64::try_from(MockUser::ID).unwrap();
    bot.dispatch().await;
    let first = only_reply(&bot);
    assert!(
        first.contains("07:30") && first.contains("Asia/Shanghai"),
        "{first}"
    );
    assert_eq!(
        store.get(chat_id).await.unwrap().unwrap().schedule,
        schedule("7:30")
    );

    let changed = reply(&mut bot, command("/subscribe 21:00 Europe/Berlin")).await;
    assert!(
        changed.contains("21:00") && changed.contains("Europe/Berlin"),
        "{changed}"
    );
    assert_eq!(
        store.due(utc("2100-01-01T00:00:00Z")).await.unwrap().len(),
        1
    );

    let shown = reply(&mut bot, command("/subscription")).await;
    let expected = status(&*store, chat_id, Utc::now()).await.unwrap().unwrap();
    assert!(
        shown.contains(&texts::send_time(&expected.next_send)),
        "{shown}"
    );
    assert!(shown.contains("Europe/Berlin"), "{shown}");

    for bad in [
        "/subscribe 25:00",
        "/subscribe 7:61",
        "/subscribe abc",
        "/subscribe 8:00 Mars/Base",
    ] {
        let refused = reply(&mut bot, command(bad)).await;
        assert!(refused.contains(texts::USAGE_SUBSCRIBE), "{bad}: {refused}");
    }
    assert_eq!(
        store.get(chat_id).await.unwrap().unwrap().schedule,
        schedule("21:00 Europe/Berlin")
    );

    assert_eq!(
        reply(&mut bot, command("/unsubscribe")).await,
        texts::UNSUBSCRIBED
    );
    assert_eq!(store.get(chat_id).await.unwrap(), None);
    assert_eq!(
        reply(&mut bot, command("/subscription")).await,
        texts::NOT_SUBSCRIBED
    );
    assert_eq!(
        reply(&mut bot, command("/unsubscribe")).await,
        texts::NOT_SUBSCRIBED
    );
}

/// The text of the last message the bot edited, as a reader sees it.
fn last_edit(bot: &TestBot) -> String {
    let responses = bot.get_responses();
    let edited = responses.edited_messages_text.last().expect("an edit");
    visible(&edited.bot_request.text)
}

#[tokio::test]
async fn a_bare_subscribe_shows_the_subscription_and_asks_before_changing_it() {
    let (mut bot, store, mut command) = subscription_bot("/subscribe 7:30").await;
    let chat_id = i64::try_from(MockUser::ID).unwrap();
    bot.dispatch().await;
    let confirmation = only_reply(&bot);
    // Which report and which year; the real report's 2022 is over by now, and the reply says so.
    assert!(
        confirmation.contains(&texts::reminder_targets(2022, "西平县2022年政府工作报告")),
        "{confirmation}"
    );
    assert!(!confirmation.contains("今年的目标"), "{confirmation}");
    assert!(
        confirmation.contains(&texts::plan_year_over(2022)),
        "{confirmation}"
    );

    for (press, expected) in [("sk:", "7:30"), ("sr:", "8:00")] {
        bot.update(command("/subscribe"));
        bot.dispatch().await;
        let responses = bot.get_responses();
        let question = &responses.sent_messages_text[0];
        let shown = visible(&question.bot_request.text);
        assert!(shown.contains("07:30"), "shows what it has: {shown}");
        assert!(shown.contains("08:00"), "asks about the default: {shown}");
        assert_eq!(
            callback_data(question.bot_request.reply_markup.as_ref()),
            ["sr:", "sk:"]
        );
        assert_eq!(
            store.get(chat_id).await.unwrap().unwrap().schedule,
            schedule("7:30"),
            "nothing changed before the answer"
        );
        let message = question.message.clone();
        bot.update(MockCallbackQuery::new().data(press).message(message));
        bot.dispatch().await;
        let answer = last_edit(&bot);
        assert_eq!(
            store.get(chat_id).await.unwrap().unwrap().schedule,
            schedule(expected),
            "{press}"
        );
        let time = schedule(expected).time_text();
        assert!(answer.contains(&time), "{press}: {answer}");
        if press == "sk:" {
            assert!(answer.starts_with(texts::SUBSCRIPTION_KEPT), "{answer}");
        }
    }
}

#[tokio::test]
async fn without_a_store_the_commands_say_reminders_are_off() {
    let mut bot = MockBot::new(MockMessageText::new().text("/subscribe"), schema::<Bot>());
    bot.dependencies(dptree::deps![Arc::new(BotContext::new(ENGINE.clone(), 1))]);
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert_eq!(
        visible(&responses.sent_messages_text[0].bot_request.text),
        texts::REMINDERS_UNAVAILABLE
    );
}
