//! Questions about the report itself and small talk, in wordings written before the mechanism was tuned
//! (tests/questions_meta_paraphrases.tsv: 15+ per field and per kind of courtesy), and topic questions that
//! share their words (谁负责, 会议, 什么时候, 来源, 你好 before a question), which must stay topic questions.

pub mod support;

use report_bot::answer::eval::{evaluate, parse_cases};
use report_bot::answer::Outcome;
use support::cli::engine;

/// Floors for the paraphrase set, a little below the figures reached (0.98 on the meta questions, all the
/// small talk): a change that reads fewer of them back is a phrasing fitted to one set.
const PARAPHRASE_HIT_AT_1: f64 = 0.95;

/// Floors for the second paraphrase set (tests/questions_meta_paraphrases2.tsv, written by another helper
/// before tuning, with yes/no checks, the years reviewed and look-alikes), a little below the figures reached.
const SECOND_SET_HIT_AT_1: f64 = 0.9;
/// The look-alikes of the second set refused (another year's or county's report, facts no field holds):
/// one asks about a broadcast the search cannot tell from the report's live-streaming festival.
const SECOND_SET_REJECTION: f64 = 0.9;
/// Questions of the second set that the search answers with another passage when the meta reader does not
/// take them (哪个县哪年的报告, two look-back wordings): a ceiling, so no more are answered wrongly.
const SECOND_SET_WRONG: usize = 3;

/// Floors for the third paraphrase set (tests/questions_meta_paraphrases3.tsv, written by helper t17 before
/// its change: fields named by nouns, events, wrong guesses and half names, whom the report addresses,
/// closings), a little below the figures reached (0.96 meta, 0.93 small talk, all look-alikes refused).
const THIRD_SET_HIT_AT_1: f64 = 0.9;

/// Evaluates a paraphrase set, printing its misses, and checks its floors: hit@1 of the meta questions and
/// the small talk, the share of look-alikes refused, and at most `wrong` answered wrongly.
fn check_paraphrases(path: &str, hit_at_1: f64, rejection: f64, wrong: usize) {
    let text = std::fs::read_to_string(support::fixtures::manifest_dir().join(path))
        .expect("the paraphrase set");
    let cases = parse_cases(&text).expect("a valid question set");
    let evaluation = evaluate(engine(), &cases);
    for failure in evaluation.failures() {
        println!("miss: {} → {:?}", failure.case.question, failure.top);
    }
    for category in ["meta", "smalltalk"] {
        let scores = evaluation.scores(Some(category));
        assert!(
            scores.hit_at_1 >= hit_at_1,
            "{category}: hit@1 {:.3}",
            scores.hit_at_1
        );
    }
    assert!(
        evaluation.rejection_rate() >= rejection,
        "look-alikes refused: {:.3}",
        evaluation.rejection_rate()
    );
    let wrong_in_scope = evaluation
        .outcomes
        .iter()
        .filter(|outcome| !outcome.case.out_of_scope() && outcome.wrong())
        .count();
    assert!(wrong_in_scope <= wrong, "{wrong_in_scope} answered wrongly");
}

#[test]
fn front_matter_and_small_talk_are_read_in_wordings_nobody_listed() {
    check_paraphrases(
        "tests/questions_meta_paraphrases.tsv",
        PARAPHRASE_HIT_AT_1,
        1.0,
        0,
    );
}

#[test]
fn checks_reviews_and_look_alikes_are_read_in_a_second_writer_wordings() {
    check_paraphrases(
        "tests/questions_meta_paraphrases2.tsv",
        SECOND_SET_HIT_AT_1,
        SECOND_SET_REJECTION,
        SECOND_SET_WRONG,
    );
}

#[test]
fn nouns_events_guesses_and_addressees_are_read_in_a_third_writer_wordings() {
    check_paraphrases(
        "tests/questions_meta_paraphrases3.tsv",
        THIRD_SET_HIT_AT_1,
        1.0,
        0,
    );
}

/// Topic questions with a meta question's words in them: who is in charge, a meeting in the report, when
/// something is built, a source of funds, a greeting before a question.
const TOPIC_QUESTIONS: &[&str] = &[
    "谁负责乡村振兴工作",
    "会议精神怎么落实",
    "县第十三次党代会什么时候开的",
    "南水北调供水厂什么时候建成",
    "资金来源是什么",
    "项目在哪个网站公示",
    "标准化厂房有多长",
    "你好,今年GDP目标是多少",
    "怎么使用消费券",
    "帮助困难群众有哪些措施",
    "企业能做什么",
    "报告里提到哪些会议",
    "什么时候召开招商大会",
    "报告主要讲了什么",
    "会议上讲了什么",
    "嫘祖是谁",
    "谢谢政府修的路",
    "政府发布了哪些政策",
    "工资什么时候发",
    "第一部分叫什么名字",
    "注释里四张清单是什么意思",
    "who is responsible for rural revitalization",
    "what did the report say about education",
    "hello what is the gdp target",
    "thank you for the new roads",
    "补贴发给谁",
    "侯庄在哪里",
    "副县长是谁",
    "没别的问题了,养老金多少",
    "县政府在哪个栏目公示",
];

#[test]
fn topic_questions_sharing_their_words_are_neither_front_matter_nor_small_talk() {
    for question in TOPIC_QUESTIONS {
        let answer = engine().ask(question);
        let about_report = answer.hits().first().is_some_and(|hit| {
            hit.id.as_str().contains("/meta/") || hit.id.as_str().ends_with("/appendix")
        });
        assert!(
            !about_report && !matches!(answer.outcome, Outcome::SmallTalk(_)),
            "{question}: {:?}",
            answer.outcome
        );
    }
}

/// A question about the report with the asker's own clause beside it (who asks, why), in my own wordings:
/// the clause that asks is read alone, and the answer is the field it asks.
const WITH_ASKERS_CLAUSE: &[(&str, &str)] = &[
    ("报告的原文出处在哪，我写稿要注明来源", "/meta/source"),
    ("帮我写个引用：这份报告的题目全称", "/meta/title"),
    ("单位要存档，报告是哪天发布的", "/meta/published"),
    ("您好，请问作报告的县长怎么称呼", "/meta/speaker"),
];

/// The same with a clause that names a topic of the report or asks something of its own: not the asker's
/// words, so the question is not answered with the field alone.
const WITH_A_CLAUSE_OF_ITS_OWN: &[&str] = &[
    "报告是谁作的，GDP多少",
    "报告是谁作的，他分管什么工作",
    "报告哪天发布的，点击量有多少",
    "原文出处在哪，脱贫攻坚讲了什么",
];

#[test]
fn an_askers_clause_beside_a_question_about_the_report_is_set_aside() {
    for (question, field) in WITH_ASKERS_CLAUSE {
        let answer = engine().ask(question);
        let first = answer.hits().first().map(|hit| hit.id.as_str().to_owned());
        assert!(
            first.as_deref().is_some_and(|id| id.ends_with(field)),
            "{question}: {first:?}"
        );
    }
    for question in WITH_A_CLAUSE_OF_ITS_OWN {
        let answer = engine().ask(question);
        let only_the_field =
            answer.hits().len() == 1 && answer.hits()[0].id.as_str().contains("/meta/");
        assert!(!only_the_field, "{question}: {:?}", answer.outcome);
    }
}

/// The speaker asked by acts and offices of everyday speech (署名, 汇报, 出自谁手, 哪位县领导, 当什么官,
/// 西平县长), the year said as 今年, the office in English; each is the front matter's field, its hit first.
#[test]
fn the_speaker_publishing_and_source_are_read_in_everyday_acts_and_offices() {
    for (question, field) in [
        ("报告里署名的是谁", "speaker"),
        ("政府工作报告由谁汇报", "speaker"),
        ("这份工作报告出自谁手", "speaker"),
        ("作报告的是哪位县领导", "speaker"),
        ("作報告的人是誰，當什麼官", "speaker"),
        ("西平县长叫什么名字", "speaker"),
        ("西平这个报告是哪个县长讲的", "speaker"),
        ("誰作的西平縣今年的政府工作報告？", "speaker"),
        ("Who authored the report?", "speaker"),
        (
            "Which county magistrate delivered the work report?",
            "speaker",
        ),
        (
            "When did the county head deliver the report?",
            "meeting_date",
        ),
        ("这篇东西哪天上的网", "published"),
        (
            "Which section of the website is the report under?",
            "source",
        ),
    ] {
        let answer = engine().ask(question);
        let first = answer.hits().first().map(|hit| hit.id.as_str().to_owned());
        assert!(
            first
                .as_deref()
                .is_some_and(|id| id.ends_with(&format!("meta/{field}"))),
            "{question}: {first:?}"
        );
    }
    // Another place's head is not this report's speaker.
    assert!(!engine().ask("驻马店市长叫什么名字").answered());
}
