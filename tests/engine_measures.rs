//! The engine against the real report on a measure asked for (an area, a sum of money) that the best
//! match does not state: a figure in another unit (heads of cattle, a count of factories) is no answer.

pub mod support;

use report_bot::answer::Outcome;
use support::cli::engine;

fn direct(question: &str) -> String {
    match engine().ask(question).outcome {
        Outcome::Answered(answered) => answered.direct.unwrap_or_default(),
        other => panic!("{question}: not answered: {other:?}"),
    }
}

#[test]
fn an_area_or_a_sum_of_money_in_another_unit_is_no_answer() {
    for question in [
        "老王坡农业现代化示范区面积多大",
        "伊利优然牧场总共投了多钱",
        "中哲阿尔本千人工厂投资多少",
    ] {
        assert!(!engine().ask(question).answered(), "{question}");
    }
}

#[test]
fn an_area_or_a_sum_of_money_stated_is_answered() {
    assert!(direct("蔬菜播种面积多大").contains("13万亩"));
    assert!(direct("土地规模经营面积有多大").contains("37.8万亩"));
    assert!(direct("社会消费品零售总额多少钱").contains("69.4亿元"));
}

#[test]
fn a_growth_rate_asked_as_a_sum_of_money_is_a_near_miss() {
    for question in ["今年一般公共预算收入多少亿", "今年固定资产投资多少"] {
        assert!(
            matches!(engine().ask(question).outcome, Outcome::NearMiss(_)),
            "{question}"
        );
    }
}

/// A yearly average growth asked in the words of statistics (增长率, 增长速度, 增速, 年平均): the report's
/// 年均增长, not a thing it never names.
#[test]
fn a_yearly_average_growth_rate_is_the_reports_yearly_average_growth() {
    for (question, figure) in [
        ("近五年一般公共预算收入年均增长率", "16.5%"),
        ("社零额年均增长速度是多少", "7.5%"),
        ("农村居民收入年平均增长率", "8.5%"),
        ("GDP年均增速多少", "7.2%"),
    ] {
        let answer = direct(question);
        assert!(answer.contains(figure), "{question} → {answer}");
    }
}
