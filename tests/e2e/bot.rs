//! The bot as users meet it: the real binary, a fake Telegram.

use crate::bot_process::BotProcess;
use crate::fake_api::{self, Call, FakeApi, Fault};
use crate::support::html::{assert_well_formed, visible};
use report_bot::telegram::texts;
use serde_json::Value;
use std::time::Duration;

/// Long enough for a debug build on a busy machine; every wait ends as soon as its call arrives.
const WAIT: Duration = Duration::from_secs(20);

/// Starts the fake and the bot, and waits until the bot polls.
async fn start() -> (FakeApi, BotProcess) {
    start_with(&[]).await
}

async fn start_with(env: &[(&str, &str)]) -> (FakeApi, BotProcess) {
    let api = FakeApi::start().await;
    let bot = BotProcess::spawn(&api, env);
    let polling = api.wait_for(WAIT, |c| c.is("GetUpdates")).await;
    assert!(
        polling.is_some(),
        "the bot never polled; logs:\n{}",
        bot.logs()
    );
    (api, bot)
}

/// Sends a private message and returns the bot's first reply to that chat after it.
async fn ask(api: &FakeApi, chat: i64, text: &str) -> Call {
    let reply = api
        .message_and_reply(chat, text, WAIT)
        .await
        .unwrap_or_else(|| panic!("no reply to {text:?}"));
    assert_eq!(reply.params["chat_id"], chat);
    reply
}

fn assert_nothing_rejected(api: &FakeApi) {
    let rejected = api.rejected();
    assert!(rejected.is_empty(), "Telegram would refuse: {rejected:#?}");
    for call in api
        .calls()
        .iter()
        .filter(|c| c.is("SendMessage") || c.is("EditMessageText"))
    {
        assert!(call.text().chars().count() <= fake_api::MAX_TEXT_LEN);
        assert!(call.text().encode_utf16().count() <= fake_api::MAX_TEXT_LEN);
    }
}

#[tokio::test]
async fn a_question_gets_its_answer_with_its_citation() {
    let (api, bot) = start().await;
    let commands = api
        .wait_for(WAIT, |c| c.is("SetMyCommands"))
        .await
        .expect("setMyCommands");
    let names: Vec<&str> = commands.params["commands"]
        .as_array()
        .expect("commands")
        .iter()
        .filter_map(|c| c["command"].as_str())
        .collect();
    for name in [
        "ask", "targets", "results", "glossary", "about", "help", "start",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }

    let reply = ask(&api, 101, "2022年GDP目标是多少").await;
    let text = visible(reply.text());
    assert!(text.contains("生产总值"), "{text}");
    assert!(text.contains("增长8%左右"), "{text}");
    assert!(
        text.contains("《西平县2022年政府工作报告》"),
        "no citation: {text}"
    );
    assert_eq!(reply.params["parse_mode"], "HTML");
    assert!(
        reply.callback_data().iter().any(|d| d.starts_with("s:")),
        "no 查看原文 button: {:?}",
        reply.callback_data()
    );
    assert_nothing_rejected(&api);
    bot.finish().await;
}

#[tokio::test]
async fn commands_get_their_replies() {
    let (api, bot) = start().await;
    let targets = visible(ask(&api, 102, "/targets").await.text());
    let numbered = targets
        .lines()
        .filter(|line| {
            line.split_once(". ")
                .is_some_and(|(n, _)| n.parse::<u32>().is_ok())
        })
        .count();
    assert_eq!(numbered, 11, "all 11 targets: {targets}");
    assert!(targets.contains("生产总值：增长8%左右"), "{targets}");

    let entry = visible(ask(&api, 103, "/glossary 枫桥经验").await.text());
    assert!(entry.starts_with("枫桥经验"), "{entry}");
    assert!(entry.contains("第7条"), "entry 7: {entry}");

    let usage = visible(ask(&api, 104, "/ask").await.text());
    assert!(usage.contains("/ask"), "{usage}");
    assert_nothing_rejected(&api);
    bot.finish().await;
}

#[tokio::test]
async fn a_button_press_edits_the_glossary_page() {
    let (api, bot) = start().await;
    let list = ask(&api, 105, "/glossary").await;
    let data = list.callback_data();
    assert!(data.contains(&"gp:1".to_owned()), "{data:?}");
    let before = api.calls().len();
    api.push_update(fake_api::callback_update(
        "press-1",
        105,
        list.response.clone(),
        "gp:1",
    ));
    let edit = api
        .wait_for_call_after(before, "EditMessageText", WAIT)
        .await
        .expect("the page is edited");
    assert_eq!(edit.params["message_id"], list.response["message_id"]);
    assert!(edit.callback_data().contains(&"gp:0".to_owned()));
    let answered = api
        .wait_for_call_after(before, "AnswerCallbackQuery", WAIT)
        .await
        .expect("the press is answered");
    assert_eq!(answered.params["callback_query_id"], "press-1");

    // A forged button gets a polite answer, not an error.
    let before = api.calls().len();
    api.push_update(fake_api::callback_update(
        "press-2",
        105,
        list.response.clone(),
        "m:ffffffff:3",
    ));
    let answered = api
        .wait_for_call_after(before, "AnswerCallbackQuery", WAIT)
        .await
        .expect("the stale press is answered");
    assert!(answered.params["text"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    assert_nothing_rejected(&api);
    bot.finish().await;
}

#[tokio::test]
async fn an_inline_query_gets_results() {
    let (api, bot) = start().await;
    api.push_update(fake_api::inline_query_update("iq-1", 106, "今年GDP目标"));
    let call = api
        .wait_for(WAIT, |c| c.is("AnswerInlineQuery"))
        .await
        .expect("answerInlineQuery");
    assert_eq!(call.params["inline_query_id"], "iq-1");
    let results = call.params["results"].as_array().expect("results");
    assert!(!results.is_empty() && results.len() <= 10, "{results:?}");
    let first = &results[0];
    assert_eq!(first["type"], "article");
    assert!(
        first["title"].as_str().is_some_and(|t| t.contains("8%")),
        "{first}"
    );
    assert!(
        first["description"]
            .as_str()
            .is_some_and(|d| d.contains("《")),
        "{first}"
    );
    let message = first["input_message_content"]["message_text"]
        .as_str()
        .unwrap_or_default();
    assert_well_formed(message);
    assert!(call.params["cache_time"].as_u64().is_some_and(|t| t > 0));

    // An empty query: the main targets first, then example questions with their answers.
    api.push_update(fake_api::inline_query_update("iq-2", 106, ""));
    let call = api
        .wait_for(WAIT, |c| {
            c.is("AnswerInlineQuery") && c.params["inline_query_id"] == "iq-2"
        })
        .await
        .expect("answerInlineQuery for the empty query");
    let results = call.params["results"].as_array().expect("results");
    assert!(results.len() >= 2, "{results:?}");
    assert_eq!(results[0]["title"], texts::targets_header(2022));
    let targets = results[0]["input_message_content"]["message_text"]
        .as_str()
        .unwrap_or_default();
    assert!(
        visible(targets).contains("生产总值：增长8%左右"),
        "{targets}"
    );

    // A question the report does not answer: nothing to post, the button says so.
    api.push_update(fake_api::inline_query_update("iq-3", 106, "明天天气怎么样"));
    let call = api
        .wait_for(WAIT, |c| {
            c.is("AnswerInlineQuery") && c.params["inline_query_id"] == "iq-3"
        })
        .await
        .expect("answerInlineQuery for a refusal");
    assert_eq!(call.params["results"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        call.params["button"]["text"],
        texts::INLINE_NOT_FOUND_BUTTON
    );
    assert_nothing_rejected(&api);
    bot.finish().await;
}

#[tokio::test]
async fn a_429_is_retried_after_retry_after() {
    let (api, bot) = start().await;
    api.fail_next("SendMessage", Fault::TooManyRequests { retry_after: 2 });
    let before = api.calls().len();
    api.push_update(fake_api::message_update(fake_api::text_message(
        1, 107, 107, "/help",
    )));
    let delivered = api
        .wait_for(WAIT, |c| c.is("SendMessage") && c.ok)
        .await
        .expect("delivered after the 429");
    let sends: Vec<Call> = api.calls()[before..]
        .iter()
        .filter(|c| c.is("SendMessage"))
        .cloned()
        .collect();
    assert_eq!(sends.len(), 2, "one refused, one retried: {sends:#?}");
    assert!(!sends[0].ok);
    let waited = delivered.at.duration_since(sends[0].at);
    assert!(
        waited >= Duration::from_millis(1900),
        "retried after {waited:?}"
    );
    bot.finish().await;
}

#[tokio::test]
async fn nothing_a_user_sends_breaks_the_bot_or_overflows_a_message() {
    let (api, bot) = start().await;
    let long = "我想知道".repeat(1250);
    let inputs = [
        long.as_str(),
        "😀😀😀",
        "\" : ( AND OR * NOT",
        "<b>粗体</b> & 乡村振兴",
        "/glossary <script>",
        "/results",
        "/about",
        "/start",
        "/targets 多余",
        "/nonsense",
        "明天天气怎么样",
    ];
    for (i, input) in inputs.iter().enumerate() {
        let reply = ask(&api, 200 + i as i64, input).await;
        assert!(!visible(reply.text()).trim().is_empty(), "{input:?}");
    }
    // A sticker gets a hint.
    let before = api.calls().len();
    api.push_update(fake_api::message_update(fake_api::sticker_message(
        1, 300, 300,
    )));
    api.wait_for_call_after(before, "SendMessage", WAIT)
        .await
        .expect("a hint for a sticker");
    // 查看原文 on every hit of a broad question: whole paragraphs, some long.
    let answer = ask(&api, 301, "乡村振兴").await;
    for data in answer
        .callback_data()
        .iter()
        .filter(|d| d.starts_with("s:"))
    {
        let before = api.calls().len();
        api.push_update(fake_api::callback_update(
            "src",
            301,
            answer.response.clone(),
            data,
        ));
        api.wait_for_call_after(before, "SendMessage", WAIT)
            .await
            .expect("the paragraph");
    }
    assert_nothing_rejected(&api);
    assert!(api.calls_to("SendMessage").iter().all(|c| c.ok));
    bot.finish().await;
}

#[tokio::test]
async fn a_flood_gets_one_note() {
    let (api, bot) = start().await;
    let before = api.calls().len();
    // Sent within the same second, as Telegram dates them.
    let sent_at = fake_api::text_message(0, 400, 400, "")["date"].clone();
    for i in 0..8 {
        let mut message = fake_api::text_message(i, 400, 400, "/help");
        message["date"] = sent_at.clone();
        api.push_update(fake_api::message_update(message));
    }
    assert!(api.wait_until_delivered(WAIT).await);
    tokio::time::sleep(Duration::from_secs(5)).await;
    let sent = api.calls()[before..]
        .iter()
        .filter(|c| c.is("SendMessage"))
        .count();
    assert_eq!(sent, 4, "three answers and one note");
    bot.finish().await;
}

#[tokio::test]
async fn a_group_message_not_for_the_bot_gets_no_reply() {
    let (api, bot) = start().await;
    let group = -1_001_234;
    let before = api.calls().len();
    api.push_update(fake_api::message_update(fake_api::text_message(
        1,
        group,
        500,
        "今年GDP目标是多少",
    )));
    api.push_update(fake_api::message_update(fake_api::text_message(
        2,
        group,
        500,
        &format!("@{} 今年GDP目标是多少", fake_api::BOT_USERNAME),
    )));
    let reply = api
        .wait_for_call_after(before, "SendMessage", WAIT)
        .await
        .expect("the mention is answered");
    assert_eq!(reply.params["reply_parameters"]["message_id"], 2);
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        api.calls()[before..]
            .iter()
            .filter(|c| c.is("SendMessage"))
            .count(),
        1
    );
    bot.finish().await;
}

#[tokio::test]
async fn the_bot_survives_the_api_going_away_and_coming_back() {
    let (mut api, mut bot) = start().await;
    ask(&api, 600, "/help").await;
    api.stop().await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(
        bot.is_running(),
        "exited while the API was down:\n{}",
        bot.logs()
    );
    api.restart().await;
    let reply = ask(&api, 601, "去年粮食总产多少").await;
    assert!(
        visible(reply.text()).contains("95.9万吨"),
        "{}",
        reply.text()
    );
    let logs = bot.finish().await;
    assert!(logs.contains("getUpdates failed"), "{logs}");
}

#[tokio::test]
async fn a_5xx_from_the_api_is_survived() {
    let (api, bot) = start().await;
    // teloxide waits 10 s after a 5xx before reporting it; polling then backs off and resumes.
    api.fail_next("GetUpdates", Fault::ServerError(502));
    let reply = ask(&api, 750, "/help").await;
    assert!(visible(reply.text()).contains("/targets"));
    let logs = bot.finish().await;
    assert!(logs.contains("getUpdates failed"), "{logs}");
}

#[tokio::test]
async fn a_409_conflict_is_logged_clearly() {
    let (api, bot) = start().await;
    api.fail_next("GetUpdates", Fault::Conflict);
    assert!(
        bot.wait_for_log("409 Conflict", WAIT).await,
        "{}",
        bot.logs()
    );
    ask(&api, 700, "/help").await;
    bot.finish().await;
}

#[tokio::test]
async fn webhook_mode_sets_the_webhook_and_answers_posted_updates() {
    let api = FakeApi::start().await;
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/telegram");
    let bot = BotProcess::spawn(&api, &[("WEBHOOK_URL", &url), ("PORT", &port.to_string())]);
    let set = api
        .wait_for(WAIT, |c| c.is("SetWebhook"))
        .await
        .unwrap_or_else(|| panic!("setWebhook; logs:\n{}", bot.logs()));
    assert_eq!(set.params["url"], url.as_str());
    let secret = set.params["secret_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let update = serde_json::json!({
        "update_id": 1,
        "message": fake_api::text_message(1, 800, 800, "/help"),
    });
    let status = post_update(port, "/telegram", &secret, &update).await;
    assert_eq!(status, 200);
    api.wait_for(WAIT, |c| c.is("SendMessage"))
        .await
        .expect("the posted update is answered");
    assert!(
        api.calls_to("GetUpdates").is_empty(),
        "no polling in webhook mode"
    );
    bot.finish().await;
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// POSTs an update the way Telegram does, retrying while the bot's server starts; the HTTP status.
async fn post_update(port: u16, path: &str, secret: &str, update: &Value) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let body = update.to_string();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         X-Telegram-Bot-Api-Secret-Token: {secret}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let deadline = tokio::time::Instant::now() + WAIT;
    loop {
        if let Ok(mut stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
            stream.write_all(request.as_bytes()).await.expect("write");
            let mut response = String::new();
            stream.read_to_string(&mut response).await.expect("read");
            return response
                .split_whitespace()
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "webhook server never listened"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn ctrl_c_stops_the_bot_gracefully() {
    let (api, mut bot) = start().await;
    ask(&api, 900, "/help").await;
    let status = bot.signal("INT", WAIT).await;
    assert!(
        status.is_some_and(|s| s.success()),
        "{status:?}\n{}",
        bot.logs()
    );
    assert!(bot.logs().contains("stopped"), "{}", bot.logs());
}

/// A stop that lands while the dispatcher is busy with a stream of updates still stops it
/// (teloxide's own shutdown notice can be lost then; the bot stops its listener instead).
#[tokio::test]
async fn a_stop_during_a_stream_of_updates_is_clean() {
    let (api, mut bot) = start().await;
    let group = -1_009_876;
    let before = api.calls().len();
    let mut message_id = 0;
    let mut burst = || {
        for _ in 0..50 {
            message_id += 1;
            api.push_update(fake_api::message_update(fake_api::text_message(
                message_id,
                group,
                500,
                "群里的闲聊",
            )));
        }
    };
    burst();
    assert!(api.wait_until_delivered(WAIT).await, "{}", bot.logs());
    let pid = bot.pid().expect("the bot runs");
    let sent = tokio::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let (sent, ()) = tokio::join!(sent, async {
        for _ in 0..20 {
            burst();
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    });
    assert!(sent.expect("run kill").success());
    let status = bot.wait_exit(WAIT).await;
    assert!(
        status.is_some_and(|s| s.success()),
        "no clean exit ({status:?}):\n{}",
        bot.logs()
    );
    assert!(bot.logs().contains("stopped"), "{}", bot.logs());
    let replies = api.calls()[before..]
        .iter()
        .filter(|c| c.is("SendMessage"))
        .count();
    assert_eq!(replies, 0, "group chatter is not answered");
}

#[tokio::test]
async fn a_missing_token_is_a_clear_error() {
    let api = FakeApi::start().await;
    let mut bot = BotProcess::spawn(&api, &[("TELOXIDE_TOKEN", "")]);
    let status = bot.wait_exit(WAIT).await;
    assert!(status.is_some_and(|s| !s.success()), "{status:?}");
    let logs = bot.logs();
    assert!(logs.contains("TELOXIDE_TOKEN is not set"), "{logs}");
    assert!(api.calls().is_empty(), "no request without a token");
}

#[tokio::test]
async fn a_token_the_api_refuses_stops_the_bot_with_a_clear_error() {
    let api = FakeApi::start().await;
    let wrong = "5123456789:AAWrongTokenForEndToEndTests_abcdefghi";
    let mut bot = BotProcess::spawn(&api, &[("TELOXIDE_TOKEN", wrong)]);
    let status = bot.wait_exit(WAIT).await;
    assert!(status.is_some_and(|s| !s.success()), "{status:?}");
    let logs = bot.logs();
    assert!(logs.contains("refused the token"), "{logs}");
    assert!(
        !logs.contains("AAWrongToken"),
        "the token reached the logs:\n{logs}"
    );
}
