//! The engine against the real report on questions asking one year's own figure where the report gives
//! one over several years: each year apart (每年分别), or one year's change (2021年一年提高了几个百分点). The
//! report's span is shown as what it gives, never passed off as the year's figure; an average asked
//! (平均每年) is still worked out.

pub mod support;

use report_bot::answer::{MissingKind, Outcome};
use support::cli::{direct, engine};

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
    ] {
        assert!(!engine().ask(question).answered(), "{question}");
    }
}
