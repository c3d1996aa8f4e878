//! The engine against the real report: answer quality over tests/questions.tsv, and the "done when"
//! examples through the real binary.

pub mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use report_bot::answer::eval::{evaluate, parse_cases};
use report_bot::answer::{Engine, HitKind, Outcome};

fn root() -> &'static Path {
    support::fixtures::manifest_dir()
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::load(&support::fixtures::knowledge_dir()).expect("the knowledge folder loads")
    })
}

fn bot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_report-bot"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("utf-8")
}

fn ask_json(question: &str) -> serde_json::Value {
    let text = stdout(&bot(&["ask", "--json", question]));
    serde_json::from_str(text.trim()).expect("one JSON object")
}

#[test]
fn quality_over_the_question_set() {
    let path: PathBuf = root().join("tests/questions.tsv");
    let cases =
        parse_cases(&std::fs::read_to_string(&path).expect("question set")).expect("valid set");
    let answerable = cases.iter().filter(|case| !case.out_of_scope()).count();
    assert!(
        cases.len() >= 200 && cases.len() - answerable >= 25,
        "the set is too small"
    );
    assert_quality(&cases, 0.90, 0.90);
}

#[test]
fn quality_over_the_second_held_out_set() {
    // Written apart from the engine, then studied while improving it: the floors sit a little below the
    // figures reached, so that a later change cannot lower them unnoticed.
    let path: PathBuf = root().join("tests/questions_holdout2.tsv");
    let cases =
        parse_cases(&std::fs::read_to_string(&path).expect("question set")).expect("valid set");
    assert!(cases.len() >= 150, "the set is too small");
    assert_quality(&cases, HOLDOUT2_HIT_AT_1, HOLDOUT2_REJECTION);
}

#[test]
fn quality_over_the_input_forms_dev_set() {
    // Issue 10's input forms (homophones, pinyin, dialect, English), written for tuning: floors a little
    // below the figures reached (hit@1 0.988, rejection 0.929 with 34 look-alikes added later, of which the
    // engine still answers 事件经过是什么, 高铁站什么时候建, 西平县人口多少, xpx renkou and an English
    // question about hospitals).
    let path: PathBuf = root().join("tests/questions_forms_dev.tsv");
    let cases =
        parse_cases(&std::fs::read_to_string(&path).expect("question set")).expect("valid set");
    let answerable = cases.iter().filter(|case| !case.out_of_scope()).count();
    assert!(
        cases.len() >= 150 && cases.len() - answerable >= 30,
        "the set is too small"
    );
    assert_quality(&cases, 0.95, 0.90);
}

#[test]
fn input_forms_through_ask_json() {
    for (question, wanted) in [
        ("粮食目表多少", "96万吨"),
        ("去年GDP多钱", "279亿元"),
        ("fgfx是什么意思", "放管服效"),
        ("fang guan fu xiao", "放管服效"),
        ("高标准农田整了多少亩", "35万亩"),
        // Pinyin asks in pinyin (shi duoshao, shenme yisi, qunian); ü typed as v; initials in parts.
        ("chengzhenhualv shi duoshao", "42.7%"),
        ("fang guan fu xiao shi shenme yisi", "放管服效"),
        ("nongcun jumin shouru qunian duoshao", "16191元"),
        ("gbz nt", "35万亩"),
    ] {
        let answer = ask_json(question);
        assert_eq!(answer["answered"], true, "{question}: {answer}");
        let text = format!("{} {}", answer["answer"], answer["hits"][0]["text"]);
        assert!(text.contains(wanted), "{question}: {answer}");
        assert!(answer.get("language").is_none(), "{answer}");
    }
    let english = ask_json("What is the GDP growth target for 2022?");
    let direct = english["answer"].as_str().unwrap_or_default();
    assert!(
        direct.starts_with("2022 main target: gross domestic product (生产总值)"),
        "{english}"
    );
    assert!(
        direct.contains("8%左右"),
        "the report's wording stays: {english}"
    );
    assert_eq!(ask_json("What is the GDP of Beijing?")["answered"], false);
    // An English name asked in another number than knowledge/english.toml writes it.
    let aquatic = ask_json("What is the aquatic product output target?");
    assert!(
        aquatic["answer"]
            .as_str()
            .unwrap_or_default()
            .contains("7000吨"),
        "{aquatic}"
    );
    // The report's front matter in English: labels and dates English, names the report's own.
    let speaker = ask_json("Who delivered the report?");
    assert_eq!(
        speaker["answer"], "Delivered by: 西平县人民政府县长 侯公涛",
        "{speaker}"
    );
    let published = ask_json("When was the report published?");
    assert_eq!(
        published["answer"], "Published on: 21 April 2022",
        "{published}"
    );
}

/// Floors for tests/questions_holdout2.tsv, a little below the figures reached.
const HOLDOUT2_HIT_AT_1: f64 = 0.94;
const HOLDOUT2_REJECTION: f64 = 0.95;

fn assert_quality(cases: &[report_bot::answer::eval::Case], hit_at_1: f64, rejection: f64) {
    let evaluation = evaluate(engine(), cases);
    println!("{evaluation}");
    for failure in evaluation.failures() {
        println!(
            "miss: [{}] {} → rank {:?}, top {:?}",
            failure.case.category, failure.case.question, failure.rank, failure.top
        );
    }
    let scores = evaluation.scores(None);
    assert!(
        scores.hit_at_1 >= hit_at_1,
        "hit@1 {:.3} < {hit_at_1}",
        scores.hit_at_1
    );
    assert!(
        evaluation.rejection_rate() >= rejection,
        "{:.1}% of out-of-scope questions got an answer",
        100.0 * (1.0 - evaluation.rejection_rate())
    );
}

#[test]
fn two_years_compared_want_the_change_between_them() {
    for question in [
        "2021年GDP比2017年增加了多少",
        "2021年生产总值较2017年多出多少",
    ] {
        let answer = engine().ask(question);
        let direct = answer.direct().unwrap_or_default().to_owned();
        assert!(direct.contains("83.4亿元"), "{question}: {answer:?}");
    }
}

#[test]
fn a_thing_the_report_does_not_report_is_not_answered_by_its_parts() {
    // 人均生产总值 is neither 人均可支配收入 nor 生产总值; spending is not revenue.
    for question in [
        "人均地区生产总值有多少",
        "GDP per capita in 2021",
        "去年财政支出多少亿",
        // The same in pinyin (an alias read back from pinyin) and initials the report does not spell.
        "qunian caizheng zhichu duoshao yi",
        "czsr zzl",
        // A growth the report does not give for the year (it gives the level).
        "What was the growth of retail sales in 2021?",
    ] {
        let answer = engine().ask(question);
        assert!(!answer.answered(), "{question}: {answer:?}");
    }
    assert!(engine().ask("2021年生产总值多少").answered());
    assert!(engine().ask("去年财政收入多少亿").answered());
}

#[test]
fn the_gdp_target_is_answered_with_its_citation() {
    let output = stdout(&bot(&["ask", "2022年GDP目标是多少"]));
    assert!(output.contains("生产总值增长8%左右"), "{output}");
    assert!(output.contains("《西平县2022年政府工作报告》"), "{output}");
    let json = ask_json("2022年GDP目标是多少");
    assert_eq!(json["answered"], true);
    assert!(
        json["answer"]
            .as_str()
            .is_some_and(|a| a.contains("生产总值增长8%左右")),
        "{json}"
    );
}

#[test]
fn last_years_grain_output_is_the_2021_result_not_the_target() {
    let json = ask_json("去年粮食总产多少");
    let answer = json["answer"].as_str().unwrap_or_default();
    assert!(
        answer.contains("95.9万吨") && !answer.contains("96万吨"),
        "{json}"
    );
    let output = stdout(&bot(&["ask", "去年粮食总产多少"]));
    assert!(
        output
            .lines()
            .next()
            .is_some_and(|line| line.contains("95.9万吨")),
        "{output}"
    );
    assert!(!output.contains("96万吨"), "{output}");
}

#[test]
fn a_glossary_term_gets_its_entry() {
    let json = ask_json("四张清单是什么意思");
    assert_eq!(json["hits"][0]["kind"], "glossary", "{json}");
    assert_eq!(json["hits"][0]["id"], "xiping-2022/g1", "{json}");
    assert!(
        json["answer"]
            .as_str()
            .is_some_and(|a| a.starts_with("四张清单")),
        "{json}"
    );
}

#[test]
fn the_weather_is_not_in_the_report() {
    let json = ask_json("明天天气怎么样");
    assert_eq!(json["answered"], false, "{json}");
    assert_eq!(json["answer"], serde_json::Value::Null);
    assert_eq!(json["hits"].as_array().map(Vec::len), Some(0));
    let output = stdout(&bot(&["ask", "明天天气怎么样"]));
    assert!(output.contains("没有"), "{output}");
}

#[test]
fn json_has_the_documented_shape() {
    let json = ask_json("2022年GDP目标是多少");
    for key in ["question", "answered", "answer", "hits", "reply"] {
        assert!(json.get(key).is_some(), "missing {key}: {json}");
    }
    let hit = &json["hits"][0];
    for key in ["kind", "id", "text", "excerpt", "citation", "score"] {
        assert!(hit.get(key).is_some(), "missing hit {key}: {json}");
    }
    let excerpt = hit["excerpt"].as_str().unwrap_or_default();
    assert!(
        !excerpt.contains('<') && !excerpt.contains('*'),
        "{excerpt}"
    );
    let report = std::fs::read_to_string(root().join("knowledge/reports/xiping-2022/report.txt"))
        .expect("report text");
    assert!(
        report.contains(excerpt),
        "the excerpt is copied from the report: {excerpt}"
    );
}

#[test]
fn questions_on_stdin_get_one_line_each() {
    let questions = "2022年GDP目标是多少\n明天天气怎么样\n\n四张清单是什么意思\n";
    for json in [false, true] {
        let mut args = vec!["ask"];
        if json {
            args.push("--json");
        }
        let text = bot_with_stdin(&args, questions.as_bytes());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        if json {
            let parsed: Vec<serde_json::Value> = lines
                .iter()
                .map(|l| serde_json::from_str(l).expect("JSON line"))
                .collect();
            assert_eq!(parsed[1]["answered"], false);
            assert_eq!(parsed[3]["hits"][0]["kind"], "glossary");
        }
    }
}

#[test]
fn bad_input_never_breaks_the_binary() {
    let long = "西平".repeat(2500);
    for question in [
        "",
        "\"",
        ":",
        "(",
        "AND",
        "*",
        "😀🎉",
        "\"生产总值\" AND (目标:*)",
        long.as_str(),
    ] {
        let json = ask_json(question);
        assert!(json["answered"].is_boolean(), "{question}: {json}");
    }
}

#[test]
fn syntax_characters_change_nothing() {
    let plain = engine().ask("生产总值目标");
    let noisy = engine().ask("\"生产总值\" AND (目标:*)");
    assert_eq!(
        plain.hits().first().map(|h| &h.id),
        noisy.hits().first().map(|h| &h.id)
    );
}

#[test]
fn every_hit_cites_the_report_and_marks_words_inside_its_excerpt() {
    for question in [
        "今年粮食总产目标",
        "老王坡农业现代化示范区",
        "枫桥经验是什么意思",
        "过去五年建成多少高标准农田",
    ] {
        let answer = engine().ask(question);
        assert!(answer.answered(), "{question}");
        for hit in answer.hits() {
            assert!(
                hit.citation.starts_with("《西平县2022年政府工作报告》"),
                "{question}: {hit:?}"
            );
            for range in &hit.highlights {
                assert!(
                    hit.excerpt.get(range.clone()).is_some(),
                    "{question}: {hit:?}"
                );
            }
        }
        assert!(
            answer.hits().iter().any(|hit| !hit.highlights.is_empty()),
            "{question}"
        );
    }
    assert_eq!(
        engine().ask("枫桥经验是什么意思").hits()[0].kind,
        HitKind::Glossary
    );
}

#[test]
fn an_answer_always_has_something_to_cite() {
    // Every question set, the held-out ones included: whatever the engine decides, an answer means a hit.
    for file in [
        "tests/questions.tsv",
        "tests/questions_holdout.tsv",
        "tests/questions_holdout2.tsv",
        "tests/questions_holdout3.tsv",
    ] {
        let text = std::fs::read_to_string(root().join(file)).expect("question set");
        for case in parse_cases(&text).expect("valid set") {
            let answer = engine().ask(&case.question);
            // An answer cites something, and so does a near-miss (its nearest facts); a refusal cites nothing.
            let cites = matches!(answer.outcome, Outcome::Answered(_) | Outcome::NearMiss(_));
            assert_eq!(
                cites,
                !answer.hits().is_empty(),
                "{file}: {}: {answer:?}",
                case.question
            );
        }
    }
}

#[test]
fn pages_never_repeat_a_hit_and_more_says_whether_a_next_page_has_hits() {
    let text = std::fs::read_to_string(root().join("tests/questions.tsv")).expect("question set");
    let cases = parse_cases(&text).expect("parses");
    let mut with_more = 0;
    for case in &cases {
        let mut seen_ids = Vec::new();
        let mut seen_excerpts = Vec::new();
        let mut offset = 0;
        loop {
            let page = engine().ask_more(&case.question, offset);
            let Outcome::Answered(answered) = page.outcome else {
                assert_eq!(offset, 0, "{}: a later page refused", case.question);
                break;
            };
            for hit in &answered.hits {
                assert!(
                    !seen_ids.contains(&hit.id) && !seen_excerpts.contains(&hit.excerpt),
                    "{}: {} shown twice",
                    case.question,
                    hit.id
                );
                seen_ids.push(hit.id.clone());
                seen_excerpts.push(hit.excerpt.clone());
            }
            offset += answered.hits.len();
            let next = engine().ask_more(&case.question, offset);
            assert_eq!(
                answered.more,
                !next.hits().is_empty(),
                "{}: `more` at {offset}",
                case.question
            );
            if !answered.more {
                break;
            }
            with_more += 1;
        }
    }
    assert!(
        with_more > 10,
        "few questions have a second page: {with_more}"
    );
}

#[test]
fn questions_about_the_report_itself_are_answered_from_its_front_matter() {
    for (question, wanted) in [
        ("这份报告是谁作的", "侯公涛"),
        ("Who delivered the report?", "侯公涛"),
        ("报告是在哪次会议上作的", "第十六届人民代表大会第一次会议"),
        ("报告什么时候发布的", "2022年4月21日"),
    ] {
        let json = ask_json(question);
        assert_eq!(json["answered"], true, "{question}: {json}");
        let direct = json["answer"].as_str().unwrap_or_default();
        assert!(direct.contains(wanted), "{question}: {direct}");
        assert_eq!(json["hits"][0]["kind"], "meta", "{question}");
        assert!(json["hits"][0]["citation"]
            .as_str()
            .is_some_and(|citation| citation.contains("西平县2022年政府工作报告")));
    }
    // A question that names a topic is not about the report itself.
    assert_ne!(
        ask_json("南水北调供水厂什么时候建成")["hits"][0]["kind"],
        "meta"
    );
}

#[test]
fn small_talk_gets_a_short_reply_not_a_refusal() {
    for question in [
        "你好",
        "谢谢",
        "你是谁",
        "怎么用",
        "hello, can you answer in English?",
    ] {
        let json = ask_json(question);
        assert_eq!(json["outcome"], "small_talk", "{question}: {json}");
        assert!(!json["reply"]
            .as_str()
            .unwrap_or_default()
            .contains("没有找到"));
    }
    assert_eq!(ask_json("你好,今年GDP目标是多少")["answered"], true);
}

#[test]
fn a_list_is_answered_whole_and_in_order_and_an_ordinal_gets_its_item() {
    let json = ask_json("十件惠民工程都有哪些");
    let direct = json["answer"].as_str().unwrap_or_default();
    let places: Vec<usize> = [
        "1. 处置化解问题楼盘",
        "5. 新建、改扩建学校",
        "10. 完成“戏曲进乡村”",
    ]
    .iter()
    .map(|item| {
        direct
            .find(item)
            .unwrap_or_else(|| panic!("{item} in {direct}"))
    })
    .collect();
    assert!(places.windows(2).all(|pair| pair[0] < pair[1]), "{direct}");
    assert_eq!(json["hits"][0]["kind"], "list");

    let sixth = ask_json("十件惠民工程的第六件是什么");
    let direct = sixth["answer"].as_str().unwrap_or_default();
    assert!(
        direct.contains("第6项") && direct.contains("南水北调供水厂"),
        "{direct}"
    );

    let outline = ask_json("报告分为几个部分");
    let direct = outline["answer"].as_str().unwrap_or_default();
    assert!(
        direct.contains("4个部分") && direct.contains("四、求真务实"),
        "{direct}"
    );

    let tasks = ask_json("今年重点抓好哪几个方面的工作");
    let direct = tasks["answer"].as_str().unwrap_or_default();
    assert!(
        direct.contains("（一）壮大工业底盘") && direct.contains("（六）增进民生福祉"),
        "{direct}"
    );
}

#[test]
fn a_follow_up_leans_on_the_previous_question_and_a_full_question_never_does() {
    let engine = engine();
    let ask_turns = |turns: &[&str]| {
        let mut previous = None;
        let mut last = None;
        for turn in turns {
            let (answer, follow_up) = engine.ask_after(previous.as_ref(), turn);
            previous = Some(follow_up);
            last = Some(answer);
        }
        last.expect("a turn")
    };
    let direct = |turns: &[&str]| ask_turns(turns).direct().unwrap_or_default().to_owned();
    assert!(direct(&["今年GDP目标是多少", "那2021年呢?"]).contains("279亿元"));
    assert!(direct(&["财政收入呢", "它的目标呢"]).contains("增长6%"));
    assert!(direct(&["十件惠民工程都有哪些", "第二个具体说说"]).contains("南大街"));
    // More of the same: the next page, never a hit already shown.
    let first = ask_turns(&["粮食"]);
    let more = ask_turns(&["粮食", "还有呢"]);
    assert!(more
        .hits()
        .iter()
        .all(|hit| first.hits().iter().all(|shown| shown.id != hit.id)));
    // A question that asks but names nothing leans as it is; "X呢" keeps the previous time and kind.
    assert!(direct(&["粮食总产目标", "去年完成了多少"]).contains("95.9万吨"));
    assert!(direct(&["十件惠民工程有哪些", "第三件是什么"]).contains("通村公路"));
    assert!(direct(&["今年GDP目标是多少", "规上工业增加值呢"]).contains("8%以上"));
    // A question that stands on its own inherits nothing.
    assert_eq!(
        direct(&["今年GDP目标是多少", "去年粮食总产多少"]),
        engine.ask("去年粮食总产多少").direct().unwrap_or_default()
    );
    // Small talk after a question is small talk.
    assert!(matches!(
        ask_turns(&["今年GDP目标是多少", "谢谢"]).outcome,
        Outcome::SmallTalk(_)
    ));
}

/// `args` with `input` on stdin; stdout.
fn bot_with_stdin(args: &[&str], input: &[u8]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_report-bot"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("written");
    stdout(&child.wait_with_output().expect("finished"))
}

#[test]
fn a_line_that_is_not_utf8_is_reported_and_the_batch_goes_on() {
    let input: &[u8] = "GDP目标\n\u{0}\n粮食总产\n".as_bytes();
    let input = [&input[..10], b"\xff", &input[11..]].concat();
    let text = bot_with_stdin(&["ask", "--json"], &input);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert_eq!(lines[1]["line"], 2, "{text}");
    assert!(lines[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("UTF-8")));
    assert_eq!(lines[2]["answered"], true, "{text}");

    let plain = bot_with_stdin(&["ask"], &input);
    assert_eq!(plain.lines().count(), 3, "{plain}");
    let chat = bot_with_stdin(&["chat"], &input);
    assert!(chat.contains("UTF-8"), "{chat}");
    assert!(
        chat.contains("粮食"),
        "the question after the bad line is answered: {chat}"
    );
}

#[test]
fn a_bare_number_or_symbols_are_never_answered() {
    for junk in [
        "1", "10", "2022", "3.5", "!!!", "%%%", "……", "1+1", "@#$%", "- 5 -", "a1", "¥100",
    ] {
        let json = ask_json(junk);
        assert_eq!(json["answered"], false, "{junk}: {json}");
    }
    for question in ["GDP", "2022年GDP目标是多少", "粮食"] {
        assert_eq!(ask_json(question)["answered"], true, "{question}");
    }
}

#[derive(Clone, Default)]
struct LogSink(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Write for LogSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn debug_logs_never_hold_the_question() {
    let engine = engine();
    let sink = LogSink::default();
    let writer = sink.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        engine.ask("粮食总产多少");
        engine.ask("高标准农田建设");
    });
    let logged = String::from_utf8_lossy(&sink.0.lock().expect("not poisoned")).into_owned();
    assert!(logged.contains("ranked"), "the trace is on: {logged}");
    for word in ["粮食", "总产", "高标准", "农田"] {
        assert!(!logged.contains(word), "{word} logged: {logged}");
    }
}

#[test]
fn near_misses_say_what_is_missing_and_carry_the_nearest_fact() {
    // One year asked of a five-year total; a level asked of a growth target; a growth rate asked of a level.
    for (question, nearest, missing) in [
        ("2021年新增城镇就业多少人", "xiping-2022/1.0.6.3#1", "单年"),
        (
            "今年城镇化率能达到多少",
            "xiping-2022/3.0.2.7#3",
            "具体数值",
        ),
        ("去年生产总值增长多少", "xiping-2022/1.0.2.2#1", "增长幅度"),
    ] {
        let json = ask_json(question);
        assert_eq!(json["outcome"], "near_miss", "{question}: {json}");
        assert_eq!(json["answered"], false, "{question}: {json}");
        assert_eq!(json["hits"][0]["id"], nearest, "{question}: {json}");
        let reply = json["reply"].as_str().unwrap_or_default();
        assert!(
            reply.starts_with("报告没有给出") && reply.contains(missing),
            "{question}: {reply}"
        );
    }
    // The level the report gives sits beside the growth target.
    let json = ask_json("今年城镇化率能达到多少");
    let ids: Vec<&str> = json["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|hit| hit["id"].as_str())
        .collect();
    assert!(ids.contains(&"xiping-2022/1.0.2.10#1"), "{json}");
    // What the report does give is answered: the span asked, a base year compared with, a target.
    for question in [
        "过去五年新增城镇就业多少",
        "城镇化率比2017年提高了多少",
        "今年GDP目标是多少",
    ] {
        assert_eq!(ask_json(question)["outcome"], "answered", "{question}");
    }
}

#[test]
fn comparisons_are_computed_from_two_stated_figures_never_invented() {
    // The sources in the order the answer names them; two figures of one sentence are one source.
    for (question, gap, sources) in [
        (
            "农村居民收入年均增速比城镇居民快多少",
            "高2.4个百分点",
            &["xiping-2022/1.0.2.9#2"][..],
        ),
        (
            "今年GDP增长目标比过去五年年均增速高多少",
            "高约0.8个百分点",
            &["xiping-2022/3.0.2.1#1", "xiping-2022/1.0.2.2#3"][..],
        ),
    ] {
        let json = ask_json(question);
        assert_eq!(json["outcome"], "answered", "{question}: {json}");
        let answer = json["answer"].as_str().unwrap_or_default();
        assert!(
            answer.contains(gap) && answer.contains("由报告的这两个数字算出"),
            "{question}: {answer}"
        );
        let ids: Vec<&str> = json["hits"]
            .as_array()
            .map(|hits| hits.iter().filter_map(|hit| hit["id"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(ids, sources, "{question}: {json}");
    }
    // A lower bound on the smaller figure leaves the gap unknown: no computed figure.
    let json = ask_json("今年固定资产投资目标比去年增速高多少");
    assert!(
        !json["answer"]
            .as_str()
            .unwrap_or_default()
            .contains("前者比后者"),
        "{json}"
    );
}

#[test]
fn a_part_of_a_glossary_group_leads_back_to_its_entry() {
    let json = ask_json("道路自信属于哪个提法");
    assert_eq!(json["outcome"], "answered", "{json}");
    let answer = json["answer"].as_str().unwrap_or_default();
    assert!(
        answer.starts_with("道路自信是“四个自信”的第1项"),
        "{answer}"
    );
    assert_eq!(json["hits"][0]["kind"], "glossary", "{json}");
}

#[test]
fn the_reports_structure_answers_whole_from_the_parsed_tree() {
    // Each structural question gets one whole list, in the report's order, whose first item is known.
    for (question, first_item) in [
        ("今年工作分几大块", "1. （一）壮大工业底盘"),
        ("这五年干成了哪些事", "1. 五年奋斗"),
        ("存在哪些问题和困难", "1. 对照高质量发展要求"),
        ("必须坚持哪些原则", "1. 必须坚持正确政治方向"),
        ("报告讲了哪些内容", "1. 一、披荆斩棘"),
    ] {
        let json = ask_json(question);
        assert_eq!(json["outcome"], "answered", "{question}: {json}");
        assert_eq!(json["hits"][0]["kind"], "list", "{question}: {json}");
        let answer = json["answer"].as_str().unwrap_or_default();
        assert!(answer.contains(first_item), "{question}: {answer}");
    }
}

#[test]
fn pinyin_for_a_topic_the_report_lacks_is_not_dropped_as_english() {
    // 排名 typed in pinyin is a topic (the report ranks nothing); 多少 typed in pinyin only asks.
    for question in ["gdp paiming", "xiping fangjia"] {
        assert_eq!(ask_json(question)["outcome"], "refused", "{question}");
    }
    assert_eq!(ask_json("liangshi zongchan duoshao")["outcome"], "answered");
}
