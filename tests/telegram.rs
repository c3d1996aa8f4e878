//! Every handler path of the Telegram layer, through teloxide_tests' mock Bot API: commands, free text,
//! group rules, buttons, bad arguments, flood control and odd input. The engine runs over a small
//! made-up report (tests/fixtures/bot: results, targets, a theme spread over many paragraphs for 更多结果,
//! a paragraph longer than a Telegram message, a glossary long enough to page), so these tests check
//! the bot, not the real report or the engine's ranking.

pub mod support;

use report_bot::answer::{Engine, Language};
use report_bot::knowledge::{FigureKind, Period};
use report_bot::telegram::on_inline::{inline_offer, InlineOffer};
use report_bot::telegram::{schema, texts, BotContext};
use std::sync::{Arc, LazyLock};
use support::html::{assert_sendable, visible};
use support::keyboard::callback_data;
use teloxide::dptree;
use teloxide::types::{
    InlineQueryResult, InputMessageContent, Me, Message, MessageId, ParseMode, User,
};
use teloxide::Bot;
use teloxide_tests::{
    MockBot, MockCallbackQuery, MockEditedMessage, MockGroupChat, MockMe, MockMessagePhoto,
    MockMessageSticker, MockMessageText, MockMessageVoice, MockPrivateChat, MockUser,
};

const TITLE: &str = "枫川县2030年政府工作报告";
const REVIEW: &str = "《枫川县2030年政府工作报告》一、过去五年";
const PLAN: &str = "《枫川县2030年政府工作报告》二、今年工作 ›（一）乡村振兴";
const LONG: &str = "《枫川县2030年政府工作报告》二、今年工作 ›（二）示范工程";
/// Sentences of the paragraph that is longer than one Telegram message.
const LONG_SENTENCES: usize = 160;

static ENGINE: LazyLock<Arc<Engine>> = LazyLock::new(|| {
    Arc::new(
        Engine::new(support::fixtures::fixture("bot")).expect("the test report builds an engine"),
    )
});

fn context() -> Arc<BotContext> {
    Arc::new(BotContext::new(ENGINE.clone(), 1))
}

type TestBot =
    MockBot<report_bot::telegram::HandlerError, teloxide_tests::mock_bot::DistributionKey>;

fn bot_for<T: teloxide_tests::IntoUpdate>(update: T) -> (TestBot, Arc<BotContext>) {
    let ctx = context();
    let mut bot = MockBot::new(update, schema::<Bot>());
    bot.dependencies(dptree::deps![ctx.clone()]);
    (bot, ctx)
}

fn me() -> Me {
    MockMe::new().build()
}

fn user(id: u64) -> User {
    MockUser::new().id(id).build()
}

fn private_text(text: &str) -> MockMessageText {
    MockMessageText::new().text(text)
}

fn group_text(text: &str) -> MockMessageText {
    MockMessageText::new()
        .text(text)
        .chat(MockGroupChat::new().build())
}

/// What the bot sent: (HTML text, callback data of its buttons) per message.
fn sent(bot: &TestBot) -> Vec<(String, Vec<String>)> {
    bot.get_responses()
        .sent_messages_text
        .iter()
        .map(|m| {
            assert_eq!(m.bot_request.parse_mode, Some(ParseMode::Html));
            (
                m.bot_request.text.clone(),
                callback_data(m.bot_request.reply_markup.as_ref()),
            )
        })
        .collect()
}

fn only_reply(bot: &TestBot) -> (String, Vec<String>) {
    let sent = sent(bot);
    assert_eq!(sent.len(), 1, "expected one message: {sent:#?}");
    assert_sendable(&sent[0].0);
    sent[0].clone()
}

// ---- free text --------------------------------------------------------------------------------

#[tokio::test]
async fn a_private_text_is_a_question_answered_with_citation_and_buttons() {
    let (mut bot, _) = bot_for(private_text("2030年GDP目标是多少"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    assert!(
        html.starts_with("<b>"),
        "direct answer first, in bold: {html}"
    );
    assert!(visible(&html).contains("增长7%左右"), "{html}");
    assert!(html.contains("<blockquote>"), "{html}");
    assert!(visible(&html).contains(PLAN), "citation: {html}");
    assert!(buttons.iter().any(|b| b.starts_with("s:")), "{buttons:?}");
    let request = &bot.get_responses().sent_messages_text[0].bot_request;
    assert!(
        request.reply_parameters.is_none(),
        "no quoting in a private chat"
    );
}

#[tokio::test]
async fn a_near_miss_says_what_is_missing_then_the_nearest_facts_with_their_sources() {
    // The report gives 2029's level and a yearly average, not 2029's growth.
    let (mut bot, _) = bot_for(private_text("2029年生产总值增长多少"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    let text = visible(&html);
    assert!(
        text.starts_with("报告没有给出2029年生产总值的增长幅度"),
        "what is missing comes first, not a figure: {html}"
    );
    assert!(
        html.contains("<b>1. 2029年完成情况：生产总值达到100亿元</b>"),
        "the nearest fact, labelled: {html}"
    );
    assert!(text.contains("年均") && text.contains("6%"), "{html}");
    assert!(html.contains("<blockquote>"), "each fact quoted: {html}");
    assert!(text.contains(REVIEW), "citation: {html}");
    assert!(buttons.iter().any(|b| b.starts_with("s:")), "{buttons:?}");
}

#[tokio::test]
async fn a_computed_comparison_shows_the_arithmetic_and_quotes_both_sources() {
    let (mut bot, _) = bot_for(private_text("今年生产总值目标比过去五年年均增长高多少"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    assert!(
        html.starts_with("<b>"),
        "the computed answer first, in bold: {html}"
    );
    let text = visible(&html);
    assert!(
        text.contains("前者比后者高约1个百分点（推算：7 − 6，由报告的这两个数字算出）"),
        "{html}"
    );
    assert_eq!(
        html.matches("<blockquote>").count(),
        2,
        "both sources quoted: {html}"
    );
    assert!(
        text.contains(PLAN) && text.contains(REVIEW),
        "both citations: {html}"
    );
    assert!(
        buttons.iter().filter(|b| b.starts_with("s:")).count() >= 2,
        "{buttons:?}"
    );
}

#[tokio::test]
async fn the_outline_and_a_whole_list_come_in_one_message_in_order() {
    let (mut bot, _) = bot_for(private_text("报告分为几个部分"));
    bot.dispatch().await;
    let (html, _) = only_reply(&bot);
    let text = visible(&html);
    assert!(html.starts_with("<b>"), "the list first, in bold: {html}");
    let first = text.find("1. 一、过去五年").expect("part one");
    let second = text.find("2. 二、今年工作").expect("part two");
    assert!(first < second, "{html}");
    assert!(text.contains("共2项"), "{html}");

    bot.update(private_text("今年重点工作有哪些").from(user(306)));
    bot.dispatch().await;
    let (html, _) = only_reply(&bot);
    let text = visible(&html);
    let first = text.find("1. （一）乡村振兴").expect("section one");
    let second = text.find("2. （二）示范工程").expect("section two");
    assert!(first < second, "{html}");
    assert!(text.contains("二、今年工作"), "cited to its part: {html}");
}

#[tokio::test]
async fn a_follow_up_leans_on_the_chats_previous_question() {
    let (mut first, ctx) = bot_for(private_text("2030年GDP目标是多少"));
    first.dispatch().await;
    drop(first);
    let mut bot = MockBot::new(private_text("那2029年呢?"), schema::<Bot>());
    bot.dependencies(dptree::deps![ctx]);
    bot.dispatch().await;
    let (html, _) = only_reply(&bot);
    assert!(visible(&html).contains("100亿元"), "{html}");
    // One mock bot at a time: teloxide_tests serialises them.
    drop(bot);
    // Alone, the follow-up has nothing to answer.
    let (mut alone, _) = bot_for(private_text("那2029年呢?"));
    alone.dispatch().await;
    let (html, _) = only_reply(&alone);
    assert!(!visible(&html).contains("100亿元"), "{html}");
}

#[tokio::test]
async fn a_question_the_report_does_not_answer_gets_an_honest_reply() {
    let (mut bot, _) = bot_for(private_text("明天天气怎么样"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    assert!(!html.contains("<blockquote>"), "{html}");
    assert!(visible(&html).starts_with(texts::NOT_ANSWERED), "{html}");
    assert!(buttons.is_empty());
}

#[tokio::test]
async fn a_refusal_a_known_term_explains_asks_whether_it_was_meant() {
    // 三张单子 writes all of 三张清单 but one character: the refusal asks, and the term's button leads.
    let (mut bot, _) = bot_for(private_text("三张单子是什么"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    let text = visible(&html);
    assert!(text.starts_with(texts::NOT_ANSWERED), "{text}");
    assert!(text.contains(&texts::did_you_mean("三张清单")), "{text}");
    assert_eq!(
        buttons.first().map(String::as_str),
        Some("g:fengchuan-2030/g1"),
        "{buttons:?}"
    );
    // A refusal no term explains does not ask.
    bot.update(private_text("乡村振兴局长是谁").from(user(62)));
    bot.dispatch().await;
    assert!(!visible(&only_reply(&bot).0).contains("您是不是想问"));
}

#[tokio::test]
async fn a_refusal_offers_the_topics_near_the_question_as_buttons() {
    let (mut bot, _) = bot_for(private_text("乡村振兴局长是谁"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    let text = visible(&html);
    assert!(text.starts_with(texts::NOT_ANSWERED), "{text}");
    assert!(text.contains(texts::NEAR_TOPICS), "{text}");
    assert_eq!(
        buttons.first().map(String::as_str),
        Some("a:fengchuan-2030/2.1"),
        "the section 乡村振兴 first: {buttons:?}"
    );
    assert!(
        !buttons.iter().any(|b| b == "g:fengchuan-2030/g1"),
        "三张清单 is not near: {buttons:?}"
    );

    // The topic button asks about it.
    let refusal = bot.get_responses().sent_messages[0].clone();
    bot.update(MockCallbackQuery::new().data(&buttons[0]).message(refusal));
    bot.dispatch().await;
    let (answer, _) = only_reply(&bot);
    assert!(visible(&answer).contains(PLAN), "{answer}");

    bot.update(private_text("示范工程花了多少钱").from(user(61)));
    bot.dispatch().await;
    let (_, buttons) = only_reply(&bot);
    assert!(
        buttons.contains(&"a:fengchuan-2030/2.2".to_owned()),
        "{buttons:?}"
    );
    assert!(
        buttons.iter().any(|b| b.starts_with("g:")),
        "工程 terms of the glossary: {buttons:?}"
    );

    // Small talk and the weather: nothing topical.
    for (text, id) in [("你好", 62), ("明天天气怎么样", 63)] {
        bot.update(private_text(text).from(user(id)));
        bot.dispatch().await;
        let (html, buttons) = only_reply(&bot);
        assert!(buttons.is_empty(), "{text}: {buttons:?}");
        assert!(!visible(&html).contains(texts::NEAR_TOPICS), "{html}");
    }
}

#[tokio::test]
async fn glossary_with_a_partial_term_lists_the_candidates_as_buttons() {
    for (term, expected) in [
        ("枫川", vec!["g:fengchuan-2030/g12"]),
        ("三个", vec!["g:fengchuan-2030/g4"]),
        ("工程", vec!["g:fengchuan-2030/g10", "g:fengchuan-2030/g11"]),
    ] {
        let (mut bot, _) = bot_for(private_text(&format!("/glossary {term}")));
        bot.dispatch().await;
        let (html, buttons) = only_reply(&bot);
        assert_eq!(visible(&html), texts::glossary_candidates(term));
        assert_eq!(buttons, expected, "{term}");
        drop(bot);
    }
    let (mut bot, _) = bot_for(english_text("/glossary 枫川"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    assert_eq!(visible(&html), texts::en::glossary_candidates("枫川"));
    assert_eq!(buttons, ["g:fengchuan-2030/g12"]);
}

#[tokio::test]
async fn odd_input_gets_a_friendly_reply_within_limits() {
    let long = "枫川县乡村振兴".repeat(715);
    for text in [
        long.as_str(),
        "",
        "   ",
        "😀🎉😀",
        "\"",
        ":",
        "(",
        "AND",
        "生产总值 AND (粮食 OR \"目标\"):*",
        "<b>&amp;</b>",
    ] {
        let (mut bot, _) = bot_for(private_text(text));
        bot.dispatch().await;
        let sent = sent(&bot);
        assert!(!sent.is_empty(), "no reply to {text:?}");
        for (html, _) in &sent {
            assert_sendable(html);
        }
        drop(bot);
    }
}

#[tokio::test]
async fn non_text_messages_get_a_hint_in_private_and_silence_in_groups() {
    let (mut bot, _) = bot_for(MockMessageSticker::new());
    bot.dispatch().await;
    assert_eq!(visible(&only_reply(&bot).0), texts::NON_TEXT);
    bot.update(MockMessagePhoto::new());
    bot.dispatch().await;
    assert_eq!(visible(&only_reply(&bot).0), texts::NON_TEXT);
    bot.update(MockMessageVoice::new());
    bot.dispatch().await;
    assert_eq!(visible(&only_reply(&bot).0), texts::NON_TEXT);
    bot.update(MockMessageSticker::new().chat(MockGroupChat::new().build()));
    bot.dispatch().await;
    assert!(sent(&bot).is_empty());
}

#[tokio::test]
async fn our_own_inline_results_are_not_questions() {
    let message = private_text("2030年生产总值预期目标：增长7%左右").via_bot(me().user);
    let (mut bot, _) = bot_for(message);
    bot.dispatch().await;
    assert!(sent(&bot).is_empty());
}

// ---- groups -----------------------------------------------------------------------------------

#[tokio::test]
async fn in_a_group_only_messages_for_the_bot_are_answered() {
    let (mut bot, _) = bot_for(group_text("2030年GDP目标是多少"));
    bot.dispatch().await;
    assert!(sent(&bot).is_empty(), "not addressed: silent");

    bot.update(group_text("/nonsense"));
    bot.dispatch().await;
    assert!(
        sent(&bot).is_empty(),
        "unknown commands may be another bot's"
    );

    bot.update(group_text("/ask@other_bot 2030年GDP目标是多少"));
    bot.dispatch().await;
    assert!(sent(&bot).is_empty(), "another bot's command");

    let username = me().username().to_owned();
    bot.update(group_text(&format!("@{username} 2030年GDP目标是多少")).id(77));
    bot.dispatch().await;
    let (html, _) = only_reply(&bot);
    assert!(visible(&html).contains("增长7%左右"), "{html}");
    let request = &bot.get_responses().sent_messages_text[0].bot_request;
    assert_eq!(
        request.reply_parameters.as_ref().map(|r| r.message_id),
        Some(MessageId(77)),
        "quotes the question"
    );

    // Different members, so that flood control stays out of the way.
    bot.update(group_text("/ask 2030年GDP目标是多少").from(user(201)));
    bot.dispatch().await;
    assert!(visible(&only_reply(&bot).0).contains("增长7%左右"));

    bot.update(group_text(&format!("/help@{username}")).from(user(202)));
    bot.dispatch().await;
    assert!(visible(&only_reply(&bot).0).contains("/targets"));

    bot.update(group_text(&format!("/nonsense@{username}")).from(user(203)));
    bot.dispatch().await;
    assert_eq!(visible(&only_reply(&bot).0), texts::UNKNOWN_COMMAND);
}

#[tokio::test]
async fn start_and_help_in_a_group_say_how_to_ask_there() {
    let username = me().username().to_owned();
    let (mut bot, _) = bot_for(group_text("/start").from(user(211)));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    let welcome = visible(&html);
    for way in ["/ask", &format!("@{username}"), "回复我的消息"] {
        assert!(welcome.contains(way), "{way} in {welcome}");
    }
    assert!(!welcome.contains("直接发给我"), "{welcome}");
    assert_eq!(buttons, vec!["q:0", "q:1", "q:2"]);

    bot.update(group_text("/help").from(user(212)));
    bot.dispatch().await;
    let help = visible(&only_reply(&bot).0);
    assert!(help.starts_with(&texts::ask_in_group(&username)), "{help}");
    assert!(help.contains("/targets"), "{help}");

    bot.update(group_text("/help").from(MockUser::new().id(213).language_code("en").build()));
    bot.dispatch().await;
    let help = visible(&only_reply(&bot).0);
    assert!(
        help.starts_with(&texts::en::ask_in_group(&username)),
        "{help}"
    );

    bot.update(private_text("/start"));
    bot.dispatch().await;
    assert!(!visible(&only_reply(&bot).0).contains(&texts::ask_in_group(&username)));
}

#[tokio::test]
async fn an_edited_question_is_answered_again_in_the_earlier_reply() {
    let question = private_text("2030年GDP目标是多少").id(40);
    let (mut bot, ctx) = bot_for(question.clone());
    bot.dispatch().await;
    let (first, _) = only_reply(&bot);
    assert!(visible(&first).contains("增长7%左右"), "{first}");
    let reply_id = bot.get_responses().sent_messages[0].id;
    assert_eq!(
        ctx.replies.get(question.chat.id.0, MessageId(40)),
        Some(reply_id)
    );

    bot.update(MockEditedMessage::new(
        question.clone().text("2029年生产总值是多少").build(),
    ));
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(responses.sent_messages.is_empty(), "edited, not sent anew");
    let edited = responses.edited_messages_text.last().expect("an edit");
    assert_eq!(edited.message.id, reply_id);
    let html = &edited.bot_request.text;
    assert_sendable(html);
    assert!(visible(html).contains("100亿元"), "{html}");

    // An edited command other than /ask is left alone.
    bot.update(MockEditedMessage::new(
        question.text("/help").id(41).build(),
    ));
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(responses.sent_messages.is_empty() && responses.edited_messages_text.is_empty());
}

#[tokio::test]
async fn in_a_group_a_reply_to_the_bot_is_a_question() {
    let group = MockGroupChat::new().build();
    let ours = MockMessageText::new()
        .text("之前的回答")
        .chat(group.clone())
        .from(me().user)
        .id(5)
        .build();
    let someone_elses = MockMessageText::new()
        .text("别人的消息")
        .chat(group.clone())
        .from(user(99))
        .id(6)
        .build();
    let reply_to = |message: &Message, id: i32| {
        MockMessageText::new()
            .text("2030年GDP目标是多少")
            .chat(group.clone())
            .id(id)
            .reply_to_message(Box::new(message.clone()))
    };
    let (mut bot, _) = bot_for(reply_to(&someone_elses, 7));
    bot.dispatch().await;
    assert!(sent(&bot).is_empty(), "a reply to someone else");
    bot.update(reply_to(&ours, 8));
    bot.dispatch().await;
    assert!(visible(&only_reply(&bot).0).contains("增长7%左右"));
}

// ---- commands ---------------------------------------------------------------------------------

#[tokio::test]
async fn start_welcomes_with_example_questions_that_work() {
    let (mut bot, _) = bot_for(private_text("/start"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    assert!(visible(&html).contains(TITLE), "{html}");
    assert_eq!(buttons, vec!["q:0", "q:1", "q:2"]);
    let welcome = bot.get_responses().sent_messages[0].clone();
    for example in buttons {
        bot.update(
            MockCallbackQuery::new()
                .data(&example)
                .message(welcome.clone()),
        );
        bot.dispatch().await;
        let (html, _) = only_reply(&bot);
        assert!(
            html.starts_with("<b>") || html.contains("<blockquote>"),
            "{example} is answered: {html}"
        );
        assert!(!visible(&html).starts_with(texts::NOT_ANSWERED), "{html}");
    }
}

#[tokio::test]
async fn help_and_about_describe_the_bot_and_the_report() {
    let (mut bot, _) = bot_for(private_text("/help"));
    bot.dispatch().await;
    let help = visible(&only_reply(&bot).0);
    for command in [
        "/ask",
        "/targets",
        "/results",
        "/glossary",
        "/find",
        "/about",
    ] {
        assert!(help.contains(command), "{command} in {help}");
    }
    bot.update(private_text("/about"));
    bot.dispatch().await;
    let about = visible(&only_reply(&bot).0);
    for fact in [
        TITLE,
        "枫川县县长",
        "枫川县人民代表大会第一次会议",
        "2030年3月1日",
        "测试数据",
    ] {
        assert!(about.contains(fact), "{fact} in {about}");
    }
}

#[tokio::test]
async fn targets_and_results_list_every_figure_with_its_citation() {
    let (mut bot, _) = bot_for(private_text("/targets"));
    bot.dispatch().await;
    let targets = visible(&only_reply(&bot).0);
    assert!(
        targets.starts_with(&texts::targets_header(2030)),
        "{targets}"
    );
    assert!(targets.contains(&texts::indicator_line(1, "生产总值", "增长7%左右")));
    assert!(targets.contains(&texts::indicator_line(2, "粮食总产", "保持在90万吨以上")));
    assert_eq!(
        targets.matches(PLAN).count(),
        1,
        "one citation for one place"
    );

    bot.update(private_text("/results"));
    bot.dispatch().await;
    let results = visible(&only_reply(&bot).0);
    // The report interleaves kinds; /results groups them: last year's values, then yearly averages.
    let expected = [
        texts::results_header(FigureKind::Result, Period::Year { year: 2029 }),
        texts::indicator_line(1, "生产总值", "达到100亿元"),
        texts::indicator_line(2, "粮食总产", "达88.8万吨"),
        REVIEW.to_owned(),
        texts::results_header(
            FigureKind::YearlyAverage,
            Period::Years {
                from: 2025,
                to: 2029,
            },
        ),
        texts::indicator_line(1, "生产总值", "增长6%"),
        REVIEW.to_owned(),
    ];
    let lines: Vec<&str> = results.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, expected, "{results}");
}

#[tokio::test]
async fn glossary_lists_terms_as_paged_buttons_and_finds_one_entry() {
    let (mut bot, _) = bot_for(private_text("/glossary"));
    bot.dispatch().await;
    let (_, buttons) = only_reply(&bot);
    assert_eq!(buttons.len(), 11, "ten terms and 下一页: {buttons:?}");
    assert_eq!(buttons[0], "g:fengchuan-2030/g1");
    assert_eq!(buttons.last().map(String::as_str), Some("gp:1"));

    let list = bot.get_responses().sent_messages[0].clone();
    bot.update(MockCallbackQuery::new().data("gp:1").message(list.clone()));
    bot.dispatch().await;
    let responses = bot.get_responses();
    let edited = responses
        .edited_messages_text
        .last()
        .expect("the page is edited");
    assert_eq!(edited.message.id, list.id);
    assert!(visible(&edited.bot_request.text).contains("2/2"));
    assert_eq!(responses.answered_callback_queries.len(), 1);
    assert!(responses.sent_messages.is_empty(), "edited, not sent");

    bot.update(
        MockCallbackQuery::new()
            .data("g:fengchuan-2030/g12")
            .message(list),
    );
    bot.dispatch().await;
    let entry = visible(&only_reply(&bot).0);
    assert!(entry.starts_with("枫川经验"), "{entry}");

    bot.update(private_text("/glossary 三张清单"));
    bot.dispatch().await;
    let entry = visible(&only_reply(&bot).0);
    assert!(entry.starts_with("三张清单"), "{entry}");
    assert!(
        entry.contains(&texts::glossary_citation(TITLE, 1)),
        "{entry}"
    );

    bot.update(private_text("/glossary 量子纠缠"));
    bot.dispatch().await;
    assert_eq!(
        visible(&only_reply(&bot).0),
        texts::glossary_not_found("量子纠缠")
    );
}

#[tokio::test]
async fn bad_arguments_get_a_usage_line() {
    let cases = [
        ("/ask", texts::USAGE_ASK.to_owned()),
        ("/ask    ", texts::USAGE_ASK.to_owned()),
        ("/targets 2031", texts::usage_without_arguments("targets")),
        ("/results 去年", texts::usage_without_arguments("results")),
        ("/help me", texts::usage_without_arguments("help")),
        (
            &*format!("/glossary {}", "词".repeat(40)),
            texts::USAGE_GLOSSARY.to_owned(),
        ),
        ("/nonsense", texts::UNKNOWN_COMMAND.to_owned()),
    ];
    for (text, expected) in cases {
        let (mut bot, _) = bot_for(private_text(text));
        bot.dispatch().await;
        assert_eq!(visible(&only_reply(&bot).0), expected, "{text:?}");
        drop(bot);
    }
}

// ---- buttons ----------------------------------------------------------------------------------

#[tokio::test]
async fn view_source_shows_the_whole_paragraph_split_within_limits() {
    let (mut bot, _) = bot_for(private_text("青石岭园区配套道路"));
    bot.dispatch().await;
    let (_, buttons) = only_reply(&bot);
    let source = buttons
        .iter()
        .find(|b| b.starts_with("s:fengchuan-2030/2.2.1."))
        .expect("a hit in the long paragraph")
        .clone();
    let answer = bot.get_responses().sent_messages[0].clone();
    bot.update(MockCallbackQuery::new().data(&source).message(answer));
    bot.dispatch().await;
    let sent = sent(&bot);
    assert!(sent.len() >= 2, "the paragraph needs several messages");
    for (html, _) in &sent {
        assert_sendable(html);
    }
    let all: String = sent.iter().map(|(html, _)| visible(html)).collect();
    assert_eq!(
        all.matches("示范工程第").count(),
        LONG_SENTENCES,
        "every sentence, once"
    );
    assert!(
        all.ends_with(&texts::cited_at(LONG, "二（二）第1段")),
        "citation and place under the last part"
    );
    assert_eq!(bot.get_responses().answered_callback_queries.len(), 1);
}

/// The quoted excerpts of a message, as a reader sees them.
fn quotes(html: &str) -> Vec<String> {
    html.split("<blockquote>")
        .skip(1)
        .filter_map(|part| part.split("</blockquote>").next())
        .map(visible)
        .collect()
}

fn more_button(buttons: &[String]) -> Option<String> {
    buttons.iter().find(|b| b.starts_with("m:")).cloned()
}

#[tokio::test]
async fn more_results_never_repeat_what_the_message_showed_and_run_out_politely() {
    let (mut bot, _) = bot_for(private_text("乡村振兴行动"));
    bot.dispatch().await;
    let (first, buttons) = only_reply(&bot);
    let answer = bot.get_responses().sent_messages[0].clone();
    let mut shown = quotes(&first);
    let mut more = more_button(&buttons).expect("更多结果");
    let key = more.split(':').nth(1).expect("key").to_owned();
    let mut pages = 0;
    loop {
        bot.update(MockCallbackQuery::new().data(&more).message(answer.clone()));
        bot.dispatch().await;
        let (next, buttons) = only_reply(&bot);
        assert!(visible(&next).starts_with(texts::MORE_RESULTS_FOR));
        for quote in quotes(&next) {
            for earlier in &shown {
                assert!(
                    !earlier.contains(&quote) && !quote.contains(earlier.as_str()),
                    "page {pages} repeats {quote:?} (shown: {earlier:?})"
                );
            }
            shown.push(quote);
        }
        pages += 1;
        match more_button(&buttons) {
            Some(next) => more = next,
            None => break,
        }
        assert!(pages < 20, "paging never ends");
    }
    assert!(pages >= 1 && shown.len() >= 4, "{shown:#?}");

    // Far past the last hit: a note on the button, no message.
    bot.update(
        MockCallbackQuery::new()
            .data(format!("m:{key}:900"))
            .message(answer),
    );
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(responses.sent_messages.is_empty());
    assert_eq!(
        responses.answered_callback_queries[0].text.as_deref(),
        Some(texts::NO_MORE_RESULTS)
    );
}

#[tokio::test]
async fn a_more_button_from_before_a_restart_asks_its_question_again() {
    let (mut bot, _) = bot_for(private_text("乡村振兴行动"));
    bot.dispatch().await;
    let (_, buttons) = only_reply(&bot);
    let more = more_button(&buttons).expect("更多结果");
    let answer = bot.get_responses().sent_messages[0].clone();
    bot.update(MockCallbackQuery::new().data(&more).message(answer.clone()));
    bot.dispatch().await;
    let (before_restart, _) = only_reply(&bot);
    drop(bot);

    // A new process: nothing remembered, the key means nothing.
    let (mut bot, ctx) = bot_for(MockCallbackQuery::new().data(&more).message(answer));
    assert_eq!(ctx.questions.get(1), None);
    bot.dispatch().await;
    let (after_restart, _) = only_reply(&bot);
    assert_eq!(after_restart, before_restart);
    assert!(visible(&after_restart).starts_with(texts::MORE_RESULTS_FOR));
}

#[tokio::test]
async fn glossary_buttons_under_an_answer_open_the_entry() {
    let (mut bot, _) = bot_for(private_text("三张清单制度"));
    bot.dispatch().await;
    let (_, buttons) = only_reply(&bot);
    assert!(
        buttons.contains(&"g:fengchuan-2030/g1".to_owned()),
        "{buttons:?}"
    );
}

#[tokio::test]
async fn stale_unknown_and_forged_buttons_get_a_polite_answer() {
    let message = MockMessageText::new().text("旧消息").build();
    let cases = [
        ("m:ffffff:3", texts::STALE_BUTTON),
        ("s:fengchuan-2030/9.9.9.9", texts::STALE_BUTTON),
        ("g:fengchuan-2030/g99", texts::STALE_BUTTON),
        ("q:42", texts::STALE_BUTTON),
        ("gibberish", texts::UNKNOWN_BUTTON),
        ("s:<b>", texts::UNKNOWN_BUTTON),
        ("m:1:-5", texts::UNKNOWN_BUTTON),
        ("", texts::UNKNOWN_BUTTON),
    ];
    for (data, expected) in cases {
        let (mut bot, _) = bot_for(MockCallbackQuery::new().data(data).message(message.clone()));
        bot.dispatch().await;
        let responses = bot.get_responses();
        assert!(responses.sent_messages.is_empty(), "{data:?}");
        assert_eq!(responses.answered_callback_queries.len(), 1, "{data:?}");
        assert_eq!(
            responses.answered_callback_queries[0].text.as_deref(),
            Some(expected),
            "{data:?}"
        );
        drop(bot);
    }
    // A button on a message Telegram no longer shows us.
    let (mut bot, _) = bot_for(
        MockCallbackQuery::new()
            .data("s:fengchuan-2030/2.1.1.1")
            .message(message)
            .make_message_inaccessible(),
    );
    bot.dispatch().await;
    assert_eq!(
        bot.get_responses().answered_callback_queries[0]
            .text
            .as_deref(),
        Some(texts::STALE_BUTTON)
    );
}

// ---- limits -----------------------------------------------------------------------------------

#[tokio::test]
async fn a_flood_gets_one_note_not_a_reply_each() {
    let burst: Vec<MockMessageText> = (0..6).map(|i| private_text("/help").id(100 + i)).collect();
    let (mut bot, _) = bot_for(burst);
    bot.dispatch().await;
    let texts: Vec<String> = sent(&bot)
        .into_iter()
        .map(|(html, _)| visible(&html))
        .collect();
    assert_eq!(texts.len(), 4, "{texts:#?}");
    assert_eq!(texts.iter().filter(|t| *t == texts::SLOW_DOWN).count(), 1);

    // Another user is not affected.
    bot.update(
        private_text("/help")
            .from(user(42))
            .chat(MockPrivateChat::new().id(42).build()),
    );
    bot.dispatch().await;
    assert_eq!(sent(&bot).len(), 1);
}

// ---- HTML layout ------------------------------------------------------------------------------

/// `report_bot::telegram::html` on its own: whatever is laid out fits a message, is well formed and
/// loses nothing (checked with the suites' one HTML checker, tests/support/html.rs).
mod layout {
    use crate::support::html::{assert_well_formed, visible};
    use proptest::prelude::*;
    use report_bot::telegram::html::{message_len, paginate, Block, Span, Style, MAX_MESSAGE_LEN};

    #[test]
    fn long_text_splits_on_sentences() {
        let sentence = "这是一个句子，里面有逗号。";
        let text = sentence.repeat(400);
        let messages = paginate(
            &[Block::quote(
                vec![Span::plain(&text)],
                vec![Span::italic("出处")],
            )],
            MAX_MESSAGE_LEN,
        );
        assert!(messages.len() > 1);
        for message in &messages {
            assert!(message_len(message) <= MAX_MESSAGE_LEN);
            assert_well_formed(message);
            let visible = visible(message);
            let body = visible.trim_end_matches("出处").trim_end();
            assert!(body.ends_with('。'), "cut inside a sentence: {body:?}");
        }
        assert!(messages.last().is_some_and(|m| m.ends_with("<i>出处</i>")));
        let all: String = messages.iter().map(|m| visible(m)).collect();
        assert_eq!(all, format!("{text}\n出处"));
    }

    #[test]
    fn text_without_any_break_is_cut_between_characters() {
        let text = "&".repeat(5000) + &"😀".repeat(3000);
        let messages = paginate(&[Block::text(vec![Span::bold(&text)])], MAX_MESSAGE_LEN);
        for message in &messages {
            assert!(message_len(message) <= MAX_MESSAGE_LEN);
            assert_well_formed(message);
        }
        let all: String = messages.iter().map(|m| visible(m)).collect();
        assert_eq!(all, text);
    }

    fn any_span() -> impl Strategy<Value = Span> {
        let style = prop_oneof![Just(Style::Plain), Just(Style::Bold), Just(Style::Italic)];
        let text = proptest::string::string_regex("([a-z<>&\"。，\n 😀字]{0,40}){0,8}")
            .expect("valid regex");
        (style, text).prop_map(|(style, text)| Span { style, text })
    }

    proptest! {
        #[test]
        fn any_content_fits_is_well_formed_and_loses_nothing(
            blocks in proptest::collection::vec(
                (any::<bool>(),
                 proptest::collection::vec(any_span(), 0..6),
                 proptest::collection::vec(any_span(), 0..2)),
                0..6),
            limit in 60usize..400,
        ) {
            let blocks: Vec<Block> = blocks
                .into_iter()
                .map(|(quoted, body, footer)| Block { quoted, body, footer })
                .collect();
            let messages = paginate(&blocks, limit);
            for message in &messages {
                prop_assert!(message_len(message) <= limit, "{} > {limit}: {message:?}", message_len(message));
                prop_assert!(!message.is_empty());
                assert_well_formed(message);
            }
            let text = |spans: &[Span]| spans.iter().map(|s| s.text.as_str()).collect::<String>();
            let expected: String = blocks.iter().map(|b| text(&b.body) + &text(&b.footer)).collect();
            let got: String = messages.iter().map(|m| visible(m)).collect();
            let squeeze = |s: &str| s.split_whitespace().collect::<String>();
            prop_assert_eq!(squeeze(&got), squeeze(&expected));
        }
    }
}

fn english_text(text: &str) -> MockMessageText {
    private_text(text).from(MockUser::new().id(301).language_code("en").build())
}

#[tokio::test]
async fn an_english_user_gets_start_help_and_refusals_in_english() {
    let (mut bot, _) = bot_for(english_text("/start"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    let welcome = visible(&html);
    assert!(welcome.starts_with("Hello!"), "{welcome}");
    assert!(welcome.contains(TITLE), "{welcome}");
    assert_eq!(buttons, vec!["q:0", "q:1", "q:2"]);

    bot.update(english_text("/help"));
    bot.dispatch().await;
    let help = visible(&only_reply(&bot).0);
    assert!(help.starts_with("How to use"), "{help}");
    assert!(help.contains("/lang"), "{help}");

    bot.update(english_text("明天天气怎么样"));
    bot.dispatch().await;
    let refusal = visible(&only_reply(&bot).0);
    assert!(refusal.starts_with(texts::en::NOT_ANSWERED), "{refusal}");

    // A fourth message at once would meet flood control: another English user asks.
    bot.update(private_text("/about").from(MockUser::new().id(304).language_code("en-GB").build()));
    bot.dispatch().await;
    let about = visible(&only_reply(&bot).0);
    assert!(
        about.contains("Meeting:") && about.contains(TITLE),
        "{about}"
    );
}

#[tokio::test]
async fn a_chinese_or_unknown_language_code_keeps_chinese() {
    for code in [Some("zh-hans"), None] {
        let mut from = MockUser::new().id(302);
        if let Some(code) = code {
            from = from.language_code(code);
        }
        let (mut bot, _) = bot_for(private_text("/help").from(from.build()));
        bot.dispatch().await;
        let help = visible(&only_reply(&bot).0);
        assert!(help.starts_with("怎么用"), "{code:?}: {help}");
    }
}

#[tokio::test]
async fn lang_overrides_the_language_code_per_chat() {
    let (mut bot, _) = bot_for(english_text("/lang zh"));
    bot.dispatch().await;
    assert_eq!(visible(&only_reply(&bot).0), texts::LANG_SET);
    bot.update(english_text("/help"));
    bot.dispatch().await;
    assert!(visible(&only_reply(&bot).0).starts_with("怎么用"));

    bot.update(private_text("/lang en").from(user(303)));
    bot.dispatch().await;
    assert_eq!(visible(&only_reply(&bot).0), texts::en::LANG_SET);
    bot.update(private_text("明天天气怎么样").from(user(303)));
    bot.dispatch().await;
    assert!(visible(&only_reply(&bot).0).starts_with(texts::en::NOT_ANSWERED));

    bot.update(private_text("/lang fr").from(user(303)));
    bot.dispatch().await;
    assert_eq!(visible(&only_reply(&bot).0), texts::en::USAGE_LANG);

    // Small talk in an English chat is English too, even when typed in Chinese.
    bot.update(private_text("/lang en").from(user(305)));
    bot.dispatch().await;
    bot.update(private_text("你好").from(user(305)));
    bot.dispatch().await;
    let greeting = visible(&only_reply(&bot).0);
    assert!(greeting.starts_with("Hello!"), "{greeting}");
}

#[tokio::test]
async fn an_english_question_gets_an_english_framed_answer_and_chinese_quotes() {
    let (mut bot, _) = bot_for(english_text("/targets"));
    bot.dispatch().await;
    let targets = visible(&only_reply(&bot).0);
    assert!(targets.starts_with("Main targets for 2030"), "{targets}");
    assert!(targets.contains("main target:"), "{targets}");

    let question = ENGINE
        .targets()
        .first()
        .map(|target| format!("What is the {} target for 2030?", target.metric))
        .expect("the fixture has targets");
    bot.update(english_text(&question));
    bot.dispatch().await;
    let (html, _) = only_reply(&bot);
    assert!(visible(&html).starts_with("2030 main target:"), "{html}");
    assert!(html.contains("<blockquote>"), "quotes stay: {html}");
}

// ---- inline mode (teloxide_tests has no answerInlineQuery; the offer is checked as it is sent) ------

/// Each article's title and the HTML message it would post.
fn articles(offer: &InlineOffer) -> Vec<(String, String)> {
    offer
        .results
        .iter()
        .map(|result| {
            let InlineQueryResult::Article(article) = result else {
                panic!("not an article: {result:?}");
            };
            let InputMessageContent::Text(content) = &article.input_message_content else {
                panic!("not text: {article:?}");
            };
            assert_eq!(content.parse_mode, Some(ParseMode::Html));
            assert_sendable(&content.message_text);
            (article.title.clone(), content.message_text.clone())
        })
        .collect()
}

#[test]
fn an_empty_inline_query_offers_the_main_targets_and_example_questions() {
    let ctx = context();
    let offer = inline_offer(&ctx, "", Language::Chinese);
    let articles = articles(&offer);
    let (title, targets) = &articles[0];
    assert_eq!(title, &texts::targets_header(2030));
    let targets = visible(targets);
    assert!(
        targets.contains(&texts::indicator_line(1, "生产总值", "增长7%左右")),
        "{targets}"
    );
    let examples: Vec<&str> = articles[1..]
        .iter()
        .map(|(title, _)| title.as_str())
        .collect();
    assert_eq!(
        examples, ctx.examples,
        "every example question, with its answer"
    );
    for (_, message) in &articles[1..] {
        assert!(message.contains("<blockquote>"), "an answer: {message}");
    }
    assert_eq!(offer.button, texts::INLINE_START_BUTTON);
}

#[test]
fn an_inline_question_without_an_answer_offers_nothing_to_post() {
    let ctx = context();
    for question in ["明天天气怎么样", "你好"] {
        let offer = inline_offer(&ctx, question, Language::Chinese);
        assert!(offer.results.is_empty(), "{question}: {:?}", offer.results);
        assert_eq!(offer.button, texts::INLINE_NOT_FOUND_BUTTON);
    }
    let english = inline_offer(&ctx, "明天天气怎么样", Language::English);
    assert_eq!(english.button, texts::en::INLINE_NOT_FOUND_BUTTON);

    let offer = inline_offer(&ctx, "2030年GDP目标是多少", Language::Chinese);
    let articles = articles(&offer);
    assert!(
        visible(&articles[0].1).contains("增长7%左右"),
        "{articles:?}"
    );
    for (title, message) in &articles {
        assert!(!visible(message).contains(texts::NOT_ANSWERED), "{title}");
    }
    assert_eq!(offer.button, texts::INLINE_START_BUTTON);
}

// ---- /find and 全部出处 ---------------------------------------------------------------------------

#[tokio::test]
async fn find_lists_every_place_counted_paged_and_cited() {
    let (mut bot, _) = bot_for(private_text("/find 乡村振兴"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    let text = visible(&html);
    let total = ENGINE
        .library()
        .latest()
        .sentences()
        .filter(|sentence| sentence.text.contains("乡村振兴"))
        .count();
    let pages = total.div_ceil(5);
    assert!(pages >= 2, "the fixture has {total}");
    assert!(
        text.starts_with(&texts::find_header("乡村振兴", total, 1, pages)),
        "{text}"
    );
    assert_eq!(html.matches("<blockquote>").count(), 5);
    assert!(html.contains("<b>乡村振兴</b>"), "{html}");
    assert!(text.contains(PLAN), "each with its citation: {text}");
    assert_eq!(
        buttons.iter().filter(|b| b.starts_with("s:")).count(),
        5,
        "{buttons:?}"
    );
    assert_eq!(buttons.last().map(String::as_str), Some("fp:1:乡村振兴"));

    let list = bot.get_responses().sent_messages[0].clone();
    bot.update(
        MockCallbackQuery::new()
            .data("fp:1:乡村振兴")
            .message(list.clone()),
    );
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(responses.sent_messages.is_empty(), "paged in place");
    let edited = responses.edited_messages_text.last().expect("edited");
    assert_eq!(edited.message.id, list.id);
    assert!(
        visible(&edited.bot_request.text).starts_with(&texts::find_header(
            "乡村振兴",
            total,
            2,
            pages
        )),
        "{}",
        edited.bot_request.text
    );
    assert!(visible(&edited.bot_request.text).contains(&texts::hit_marker(6)));

    bot.update(private_text("/find 量子纠缠"));
    bot.dispatch().await;
    assert_eq!(visible(&only_reply(&bot).0), texts::find_none("量子纠缠"));

    bot.update(private_text("/find").from(user(71)));
    bot.dispatch().await;
    assert_eq!(visible(&only_reply(&bot).0), texts::USAGE_FIND);
}

#[tokio::test]
async fn a_glossary_entry_offers_every_place_the_report_uses_it() {
    let (mut bot, _) = bot_for(private_text("/glossary 三张清单"));
    bot.dispatch().await;
    let (_, buttons) = only_reply(&bot);
    assert_eq!(buttons, ["f:三张清单"]);
    let entry = bot.get_responses().sent_messages[0].clone();
    bot.update(MockCallbackQuery::new().data("f:三张清单").message(entry));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    assert!(visible(&html).starts_with("“三张清单”在报告里共"), "{html}");
    assert!(buttons.iter().all(|b| b.starts_with("s:")), "{buttons:?}");

    // A term the report's text never uses: no 全部出处.
    bot.update(private_text("/glossary 双百工程"));
    bot.dispatch().await;
    let (_, buttons) = only_reply(&bot);
    assert!(buttons.is_empty(), "{buttons:?}");
}

// ---- the answer once ----------------------------------------------------------------------------

#[tokio::test]
async fn a_glossary_answer_is_the_entry_once_with_where_the_report_uses_it() {
    let (mut bot, _) = bot_for(private_text("三张清单是什么意思"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    let text = visible(&html);
    let definition = &ENGINE.glossary()[0].explanation;
    assert_eq!(text.matches(definition.as_str()).count(), 1, "once: {text}");
    assert!(!html.contains("<blockquote>"), "not quoted again: {html}");
    assert!(
        !buttons.iter().any(|b| b.starts_with("g:")),
        "no 📖 repeat: {buttons:?}"
    );
    assert!(
        buttons.contains(&"f:三张清单".to_owned()),
        "where it is used: {buttons:?}"
    );
}

#[tokio::test]
async fn a_figure_is_answered_with_its_source_sentence_only() {
    let (mut bot, _) = bot_for(private_text("2030年GDP目标是多少"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    assert_eq!(html.matches("<blockquote>").count(), 1, "{html}");
    let quote = &quotes(&html)[0];
    assert!(
        quote.contains("增长7%左右"),
        "the figure's own sentence: {quote}"
    );
    assert!(
        !visible(&html).contains("〔"),
        "a single excerpt is not numbered: {html}"
    );
    if let Some(more) = more_button(&buttons) {
        let answer = bot.get_responses().sent_messages[0].clone();
        bot.update(MockCallbackQuery::new().data(&more).message(answer));
        bot.dispatch().await;
        let (next, _) = only_reply(&bot);
        assert!(!quotes(&next).contains(quote), "{next}");
    }
}

// ---- citations a reporter can paste ---------------------------------------------------------------

#[tokio::test]
async fn every_excerpt_says_where_it_stands_and_cite_sends_a_line_to_paste() {
    let (mut bot, _) = bot_for(private_text("2030年GDP目标是多少"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    let text = visible(&html);
    assert!(
        text.contains(&format!("{PLAN}（二（一）第")),
        "part, section, paragraph: {text}"
    );
    let cite = buttons
        .iter()
        .find(|b| b.starts_with("c:"))
        .expect("a 引用 button")
        .clone();
    let sentence_id = cite
        .trim_start_matches("c:")
        .split('#')
        .next()
        .expect("id")
        .to_owned();
    let (paragraph, sentence) = ENGINE
        .library()
        .latest()
        .sentence(&sentence_id)
        .expect("the cited sentence");
    let number = paragraph.id.rsplit('.').next().expect("number");

    let answer = bot.get_responses().sent_messages[0].clone();
    bot.update(MockCallbackQuery::new().data(&cite).message(answer.clone()));
    bot.dispatch().await;
    let line = visible(&only_reply(&bot).0);
    assert_eq!(
        line,
        texts::full_citation(
            TITLE,
            "2030年3月1日",
            &format!("二（一）第{number}段"),
            &sentence.text
        )
    );
    drop(bot);

    let (mut bot, _) = bot_for(
        MockCallbackQuery::new()
            .data(&cite)
            .message(answer)
            .from(MockUser::new().id(401).language_code("en").build()),
    );
    bot.dispatch().await;
    let line = visible(&only_reply(&bot).0);
    assert!(
        line.starts_with(&format!(
            "{TITLE} (1 March 2030), part 二, section （一）, paragraph {number}"
        )),
        "{line}"
    );

    // /find's places carry their place too.
    bot.update(private_text("/find 示范工程第1批"));
    bot.dispatch().await;
    assert!(visible(&only_reply(&bot).0).contains("（二（二）第1段）"));
}
