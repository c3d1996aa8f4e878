//! The fake server itself behaves like the Bot API where the bot relies on it.

use crate::fake_api::{self, FakeApi, Fault, TOKEN};
use crate::support::html::{check_html, TELEGRAM_TAGS};
use std::time::{Duration, Instant};
use teloxide::prelude::*;
use teloxide::types::ParseMode;

fn bot(api: &FakeApi) -> Bot {
    Bot::new(TOKEN).set_api_url(api.url().parse().expect("valid url"))
}

#[tokio::test]
async fn answers_teloxide_methods_in_any_case_and_records_them() {
    let api = FakeApi::start().await;
    let bot = bot(&api);
    let me = bot.get_me().await.expect("getMe");
    assert_eq!(me.username(), fake_api::BOT_USERNAME);
    let sent = bot
        .send_message(ChatId(42), "<b>你好</b>")
        .parse_mode(ParseMode::Html)
        .await
        .expect("sendMessage");
    assert_eq!(sent.chat.id, ChatId(42));
    let calls = api.calls_to("sendmessage");
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].method, "SendMessage");
    assert!(calls[0].token_ok);
    assert_eq!(calls[0].text(), "<b>你好</b>");
}

#[tokio::test]
async fn refuses_what_telegram_refuses() {
    let api = FakeApi::start().await;
    let bot = bot(&api);
    let too_long = "字".repeat(fake_api::MAX_TEXT_LEN + 1);
    assert!(bot.send_message(ChatId(1), too_long).await.is_err());
    let broken = bot
        .send_message(ChatId(1), "<b>open")
        .parse_mode(ParseMode::Html)
        .await;
    assert!(broken.is_err());
    assert_eq!(api.rejected().len(), 2);
    assert!(check_html(
        "<blockquote>a &amp; <b>b</b></blockquote>\n<i>c</i>",
        &TELEGRAM_TAGS
    )
    .is_ok());
    assert!(check_html("a < b", &TELEGRAM_TAGS).is_err());
    assert!(check_html("<b><i>x</b></i>", &TELEGRAM_TAGS).is_err());
}

#[tokio::test]
async fn delivers_queued_updates_and_long_polls_briefly() {
    let api = FakeApi::start().await;
    let bot = bot(&api);
    let started = Instant::now();
    let none = bot.get_updates().timeout(10).await.expect("getUpdates");
    assert!(none.is_empty());
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "long poll is capped"
    );
    let id = api.push_update(fake_api::message_update(fake_api::text_message(
        1, 7, 7, "/start",
    )));
    let updates = bot.get_updates().await.expect("getUpdates");
    assert_eq!(updates.len(), 1);
    assert_eq!(i64::from(updates[0].id.0), id);
    let again = bot
        .get_updates()
        .offset(id as i32 + 1)
        .await
        .expect("getUpdates");
    assert!(again.is_empty());
    assert!(api.wait_until_delivered(Duration::from_secs(1)).await);
}

#[tokio::test]
async fn injected_faults_look_like_telegram_errors() {
    let api = FakeApi::start().await;
    let bot = bot(&api);
    api.fail_next("SendMessage", Fault::TooManyRequests { retry_after: 3 });
    api.fail_next("getUpdates", Fault::Conflict);
    let err = bot.send_message(ChatId(1), "x").await.expect_err("429");
    assert!(
        matches!(err, teloxide::RequestError::RetryAfter(s) if s.seconds() == 3),
        "{err:?}"
    );
    let err = bot.get_updates().await.expect_err("409");
    assert!(matches!(
        err,
        teloxide::RequestError::Api(teloxide::ApiError::TerminatedByOtherGetUpdates)
    ));
    assert!(
        bot.send_message(ChatId(1), "x").await.is_ok(),
        "one fault per call"
    );
}

#[tokio::test]
async fn can_go_away_and_come_back_on_the_same_port() {
    let mut api = FakeApi::start().await;
    let bot = bot(&api);
    let port = api.port();
    bot.get_me().await.expect("up");
    api.stop().await;
    assert!(bot.get_me().await.is_err(), "down");
    api.restart().await;
    assert_eq!(api.port(), port);
    bot.get_me().await.expect("up again");
    assert_eq!(api.calls_to("GetMe").len(), 2, "state survives a restart");
}
