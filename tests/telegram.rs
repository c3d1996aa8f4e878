//! Every handler path of the Telegram layer, through teloxide_tests' mock Bot API: commands, free text,
//! group rules, buttons, bad arguments, flood control and odd input. The engine runs over a small
//! made-up report written here, so these tests check the bot, not the report or the engine's ranking.

#[path = "support/html.rs"]
mod html;
#[path = "support/keyboard.rs"]
mod keyboard;
use chrono::NaiveDate;
use html::visible;
use keyboard::callback_data;
use report_bot::answer::Engine;
use report_bot::knowledge::{
    AliasEntry, ChangeKind, FigureKind, GlossaryEntry, Indicator, Library, Paragraph, Part, Period,
    Qualifier, Report, ReportMeta, Section, Sentence,
};
use report_bot::telegram::{schema, texts, BotContext};
use std::sync::{Arc, LazyLock};
use teloxide::dptree;
use teloxide::types::{Me, Message, MessageId, ParseMode, User};
use teloxide::Bot;
use teloxide_tests::{
    MockBot, MockCallbackQuery, MockGroupChat, MockMe, MockMessagePhoto, MockMessageSticker,
    MockMessageText, MockMessageVoice, MockPrivateChat, MockUser,
};

const TITLE: &str = "东山县2030年政府工作报告";
const REVIEW: &str = "《东山县2030年政府工作报告》一、过去五年";
const PLAN: &str = "《东山县2030年政府工作报告》二、今年工作 ›（一）乡村振兴";
const LONG: &str = "《东山县2030年政府工作报告》二、今年工作 ›（二）示范工程";
/// Sentences of the paragraph that is longer than one Telegram message.
const LONG_SENTENCES: usize = 160;

fn sentence(id: &str, text: &str, citation: &str) -> Sentence {
    Sentence::new(id.into(), text.into(), None, citation.into())
}

fn paragraph(id: &str, sentences: Vec<Sentence>) -> Paragraph {
    Paragraph {
        id: id.into(),
        topic: None,
        sentences,
    }
}

fn section(id: &str, ordinal: u32, title: &str, paragraphs: Vec<Paragraph>) -> Section {
    Section {
        id: id.into(),
        ordinal,
        numeral: if ordinal == 0 {
            String::new()
        } else {
            format!("（{ordinal}）")
        },
        title: title.into(),
        short_title: title.into(),
        paragraphs,
    }
}

#[allow(clippy::too_many_arguments)]
fn indicator(
    id: &str,
    metric: &str,
    value: &str,
    number: f64,
    unit: &str,
    kind: FigureKind,
    period: Period,
    citation: &str,
) -> Indicator {
    Indicator {
        id: id.into(),
        metric: metric.into(),
        value_text: value.into(),
        number: Some(number),
        unit: Some(unit.into()),
        qualifier: (kind == FigureKind::MainTarget).then_some(Qualifier::About),
        change: Some(ChangeKind::Growth),
        kind,
        period,
        group: None,
        item: None,
        sentence_id: id.split('#').next().unwrap_or(id).into(),
        citation: citation.into(),
    }
}

/// A made-up county report: results, targets, a theme spread over many paragraphs (for 更多结果), a
/// paragraph longer than a Telegram message, and a glossary long enough to page.
fn library() -> Library {
    let date = NaiveDate::from_ymd_opt(2030, 3, 1).expect("date");
    let meta = ReportMeta {
        id: "t".into(),
        title: TITLE.into(),
        issuer: "东山县人民政府".into(),
        speaker: "东山县县长".into(),
        meeting: "东山县人民代表大会第一次会议".into(),
        meeting_date: date,
        published: date,
        year: 2030,
        source: "测试数据".into(),
    };
    let review = Part {
        id: "t/1".into(),
        ordinal: 1,
        numeral: "一".into(),
        title: "过去五年".into(),
        sections: vec![section(
            "t/1.0",
            0,
            "",
            vec![paragraph(
                "t/1.0.1",
                vec![
                    sentence(
                        "t/1.0.1.1",
                        "2029年,全县生产总值达到100亿元,年均增长6%;粮食总产达88.8万吨。",
                        REVIEW,
                    ),
                    sentence("t/1.0.1.2", "推行“三张清单”制度,扶贫资产管理规范。", REVIEW),
                ],
            )],
        )],
    };
    let village: Vec<Paragraph> = (1..=6)
        .map(|n| {
            paragraph(
                &format!("t/2.1.{n}"),
                vec![sentence(
                    &format!("t/2.1.{n}.1"),
                    &format!("推进乡村振兴第{n}项行动,建设东山美丽乡村{n}处。"),
                    PLAN,
                )],
            )
        })
        .collect();
    let mut plan_paragraphs = vec![paragraph(
        "t/2.0.1",
        vec![sentence(
            "t/2.0.1.1",
            "今年主要预期目标是:生产总值增长7%左右;粮食总产保持在90万吨以上。",
            PLAN,
        )],
    )];
    plan_paragraphs.extend(village);
    let long_paragraph = paragraph(
        "t/2.2.1",
        (1..=LONG_SENTENCES)
            .map(|n| {
                sentence(
                    &format!("t/2.2.1.{n}"),
                    &format!("示范工程第{n}批项目全部开工,青石岭园区配套道路同步建设完成。"),
                    LONG,
                )
            })
            .collect(),
    );
    let plan = Part {
        id: "t/2".into(),
        ordinal: 2,
        numeral: "二".into(),
        title: "今年工作".into(),
        sections: vec![
            section("t/2.1", 1, "乡村振兴", plan_paragraphs),
            section("t/2.2", 2, "示范工程", vec![long_paragraph]),
        ],
    };
    let indicators = vec![
        indicator(
            "t/1.0.1.1#1",
            "生产总值",
            "达到100亿元",
            100.0,
            "亿元",
            FigureKind::Result,
            Period::Year { year: 2029 },
            REVIEW,
        ),
        indicator(
            "t/1.0.1.1#2",
            "生产总值",
            "年均增长6%",
            6.0,
            "%",
            FigureKind::YearlyAverage,
            Period::Years {
                from: 2025,
                to: 2029,
            },
            REVIEW,
        ),
        indicator(
            "t/1.0.1.1#3",
            "粮食总产",
            "达88.8万吨",
            88.8,
            "万吨",
            FigureKind::Result,
            Period::Year { year: 2029 },
            REVIEW,
        ),
        indicator(
            "t/2.0.1.1#1",
            "生产总值",
            "增长7%左右",
            7.0,
            "%",
            FigureKind::MainTarget,
            Period::Year { year: 2030 },
            PLAN,
        ),
        indicator(
            "t/2.0.1.1#2",
            "粮食总产",
            "保持在90万吨以上",
            90.0,
            "万吨",
            FigureKind::MainTarget,
            Period::Year { year: 2030 },
            PLAN,
        ),
    ];
    let terms = [
        "三张清单",
        "五美乡村",
        "两个中心",
        "三个提升",
        "四个到位",
        "六个一批",
        "七项机制",
        "八大行动",
        "九个必须",
        "十项工程",
        "双百工程",
        "东山经验",
    ];
    let glossary = terms
        .iter()
        .enumerate()
        .map(|(i, term)| GlossaryEntry {
            id: format!("t/g{}", i + 1),
            number: u32::try_from(i + 1).expect("small"),
            term: (*term).into(),
            explanation: format!("指东山县推行的{term}相关安排。"),
            used_in: if i == 0 {
                vec!["t/1.0.1.2".into()]
            } else {
                Vec::new()
            },
        })
        .collect();
    let user_dict: String = terms
        .iter()
        .chain(["生产总值", "粮食总产", "乡村振兴", "青石岭"].iter())
        .map(|term| format!("{term} 20 n\n"))
        .collect();
    Library::new(
        vec![Report {
            meta,
            parts: vec![review, plan],
            glossary,
            indicators,
        }],
        vec![AliasEntry {
            canonical: "生产总值".into(),
            variants: vec!["GDP".into()],
        }],
        user_dict,
    )
    .expect("a library with a report")
}

static ENGINE: LazyLock<Arc<Engine>> =
    LazyLock::new(|| Arc::new(Engine::new(library()).expect("the test report builds an engine")));

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

/// Telegram's limits hold for every message: at most 4096 characters, balanced known tags.
fn assert_sendable(html: &str) {
    assert!(
        html.encode_utf16().count() <= 4096,
        "too long: {}",
        html.len()
    );
    assert!(!visible(html).trim().is_empty(), "empty message");
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let tail = &rest[at..];
        let end = tail.find('>').expect("tag closes");
        let tag = &tail[1..end];
        match tag.strip_prefix('/') {
            Some(name) => assert_eq!(open.pop(), Some(name), "{html}"),
            None => {
                assert!(["b", "i", "blockquote"].contains(&tag), "{tag} in {html}");
                open.push(tag);
            }
        }
        rest = &tail[end + 1..];
    }
    assert!(open.is_empty(), "unclosed {open:?}");
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
async fn a_question_the_report_does_not_answer_gets_an_honest_reply() {
    let (mut bot, _) = bot_for(private_text("明天天气怎么样"));
    bot.dispatch().await;
    let (html, buttons) = only_reply(&bot);
    assert!(!html.contains("<blockquote>"), "{html}");
    assert!(visible(&html).starts_with(texts::NOT_ANSWERED), "{html}");
    assert!(buttons.is_empty());
}

#[tokio::test]
async fn odd_input_gets_a_friendly_reply_within_limits() {
    let long = "东山县乡村振兴".repeat(715);
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
            html.contains("<blockquote>"),
            "{example} is answered: {html}"
        );
    }
}

#[tokio::test]
async fn help_and_about_describe_the_bot_and_the_report() {
    let (mut bot, _) = bot_for(private_text("/help"));
    bot.dispatch().await;
    let help = visible(&only_reply(&bot).0);
    for command in ["/ask", "/targets", "/results", "/glossary", "/about"] {
        assert!(help.contains(command), "{command} in {help}");
    }
    bot.update(private_text("/about"));
    bot.dispatch().await;
    let about = visible(&only_reply(&bot).0);
    for fact in [
        TITLE,
        "东山县县长",
        "东山县人民代表大会第一次会议",
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
        texts::indicator_line(1, "生产总值", "年均增长6%"),
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
    assert_eq!(buttons[0], "g:t/g1");
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

    bot.update(MockCallbackQuery::new().data("g:t/g12").message(list));
    bot.dispatch().await;
    let entry = visible(&only_reply(&bot).0);
    assert!(entry.starts_with("东山经验"), "{entry}");

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
        .find(|b| b.starts_with("s:t/2.2.1."))
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
    assert!(all.ends_with(LONG), "citation under the last part");
    assert_eq!(bot.get_responses().answered_callback_queries.len(), 1);
}

#[tokio::test]
async fn more_results_continue_and_run_out_politely() {
    let (mut bot, _) = bot_for(private_text("乡村振兴行动"));
    bot.dispatch().await;
    let (first, buttons) = only_reply(&bot);
    let more = buttons
        .iter()
        .find(|b| b.starts_with("m:"))
        .expect("更多结果")
        .clone();
    let answer = bot.get_responses().sent_messages[0].clone();
    bot.update(MockCallbackQuery::new().data(&more).message(answer.clone()));
    bot.dispatch().await;
    let (next, _) = only_reply(&bot);
    assert!(visible(&next).starts_with(texts::MORE_RESULTS_FOR));
    let first_sentences: Vec<&str> = first.split("<blockquote>").skip(1).collect();
    for quote in next.split("<blockquote>").skip(1) {
        assert!(!first_sentences.contains(&quote), "repeated hit {quote}");
    }

    // Far past the last hit: a note on the button, no message.
    let key = more.split(':').nth(1).expect("key");
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
async fn glossary_buttons_under_an_answer_open_the_entry() {
    let (mut bot, _) = bot_for(private_text("三张清单制度"));
    bot.dispatch().await;
    let (_, buttons) = only_reply(&bot);
    assert!(buttons.contains(&"g:t/g1".to_owned()), "{buttons:?}");
}

#[tokio::test]
async fn stale_unknown_and_forged_buttons_get_a_polite_answer() {
    let message = MockMessageText::new().text("旧消息").build();
    let cases = [
        ("m:ffffff:3", texts::STALE_BUTTON),
        ("s:t/9.9.9.9", texts::STALE_BUTTON),
        ("g:t/g99", texts::STALE_BUTTON),
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
            .data("s:t/2.0.1.1")
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
