//! The engine against the real report on questions asking one year's own figure where the report gives
//! one over several years: each year apart (每年分别), or one year's change (2021年一年提高了几个百分点). The
//! report's span is shown as what it gives, never passed off as the year's figure; an average asked
//! (平均每年) is still worked out. A time asked of a passage that dates nothing (哪年通车) is said to be
//! missing, with the passage as the nearest fact.

pub mod support;

use report_bot::answer::{MissingKind, Outcome};
use support::cli::{ask_json, direct, engine};

#[test]
fn each_year_apart_or_one_year_change_is_a_near_miss_showing_the_span() {
    for (question, shown) in [
        ("这五年里每年分别新增了多少城镇就业", "3.8万人"),
        ("过去五年每年各建成多少亩高标准农田", "35万亩"),
        ("2021年一年城镇化率提高了几个百分点", "42.7%"),
    ] {
        let answer = engine().ask(question);
        let Outcome::NearMiss(near_miss) = &answer.outcome else {
            panic!("{question}: {answer:#?}");
        };
        assert!(
            matches!(
                near_miss.missing.what,
                MissingKind::SingleYear | MissingKind::Change
            ),
            "{question}: {near_miss:?}"
        );
        assert!(
            near_miss.nearest.iter().any(|hit| hit.text.contains(shown)),
            "{question}: {near_miss:?}"
        );
    }
    // An average over the span asked is worked out from it.
    assert!(direct("五年平均每年新增城镇就业多少").contains("0.76万人"));
}

/// A figure asked of the plan ahead (十四五末, 未来五年): the report's results of the years behind it are no
/// answer, and it plans no figures beyond its own year.
#[test]
fn a_figure_of_the_plan_ahead_is_not_answered_with_a_past_result() {
    for question in [
        "十四五末全县一般公共预算收入要达到多少",
        "到十四五末城镇化率多少",
        "未来五年高标准农田要建多少亩",
        // This year's target is no figure of the years after it.
        "十四五末常住人口城镇化率要到多少",
    ] {
        assert!(!engine().ask(question).answered(), "{question}");
    }
}

/// What the past five years did is not answered with this year's plan, a figure or the list it is in;
/// the plan asked beside it still is.
#[test]
fn the_past_five_years_are_not_answered_with_the_plan() {
    for question in [
        "过去五年一共完成了多少个老旧小区改造",
        "这五年农村户厕改造了多少户",
    ] {
        let answer = engine().ask(question);
        assert!(!answer.answered(), "{question}: {answer:#?}");
    }
    assert!(direct("今年要改造多少个老旧小区").contains("20个"));
    assert!(direct("过去五年通村道路修了多少公里").contains("249公里"));
}

/// When something happened or will happen, asked of a passage that writes no time: the passage is shown as
/// the nearest fact, never as the answer; one of the review says the years it looks back on.
/// The report year's outcome (2022年GDP实际增长了多少): the report, written as the year began, gives the
/// year's targets, which are no answer for how the year ended; last year's actual figures still are.
#[test]
fn how_the_report_year_ended_is_not_answered_with_its_target() {
    for question in [
        "2022年GDP实际增长了多少",
        "今年粮食实际总产多少",
        "Did Xiping hit its 2022 GDP target?",
        "今年的城镇新增就业最终完成了多少",
    ] {
        let answer = engine().ask(question);
        assert!(!answer.answered(), "{question}: {answer:#?}");
    }
    assert!(direct("2021年粮食实际总产多少").contains("95.9万吨"));
    assert!(direct("今年粮食总产目标比去年实际多多少万吨").contains("0.1万吨"));
    assert!(direct("今年GDP目标是多少").contains("增长8%左右"));
}

#[test]
fn a_time_the_report_does_not_give_is_a_near_miss() {
    for (question, shown, within) in [
        (
            "许信高速到底哪一年能通车",
            "许信两条高速将陆续建成通车",
            None,
        ),
        (
            "嫘祖海棠园是什么时候开园的",
            "嫘祖海棠园建成开园",
            Some((2017, 2021)),
        ),
        (
            "When will the Shangnan expressway open to traffic?",
            "商南",
            None,
        ),
    ] {
        let answer = engine().ask(question);
        let Outcome::NearMiss(near_miss) = &answer.outcome else {
            panic!("{question}: {answer:#?}");
        };
        let MissingKind::Time { within: said } = near_miss.missing.what else {
            panic!("{question}: {near_miss:?}");
        };
        assert_eq!(
            said.map(|period| (*period.years().start(), period.last_year())),
            within,
            "{question}"
        );
        assert!(
            near_miss.nearest[0].text.contains(shown),
            "{question}: {near_miss:?}"
        );
    }
    let json = ask_json("西漯快速路什么时候贯通的");
    assert_eq!(json["outcome"], "near_miss", "{json}");
    assert_eq!(json["answered"], false, "{json}");
    assert!(
        json["reply"]
            .as_str()
            .is_some_and(|reply| reply.contains("没有写明")),
        "{json}"
    );
    // A task of the plan year is dated by its part; a passage writing a year answers itself.
    assert!(direct("南水北调供水厂哪年建成").contains("2022年"));
    let dated = engine().ask("粮食总产95.9万吨是哪一年的");
    assert!(dated.answered(), "{dated:#?}");
}

/// A day or a month asked (哪天, 几月) is not given by a passage dated by its year alone; the report's
/// front matter, which writes the day, still answers when the report was delivered.
#[test]
fn a_day_asked_of_a_passage_dated_by_its_year_is_a_near_miss() {
    for question in ["县第十三次党代会是哪一天召开的", "党的二十大几月份召开"]
    {
        let json = ask_json(question);
        assert_eq!(json["answered"], false, "{question}: {json}");
    }
    assert!(direct("这份报告是哪天作的").contains("4月20日"));
}
