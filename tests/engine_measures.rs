//! The engine against the real report on a measure asked for (an area, a sum of money, a count in its own
//! measure word) that the best match does not state: a figure in another unit (heads of cattle, a count of
//! factories, schools for pupils) or a sentence with none is no answer.

pub mod support;

use report_bot::answer::{MissingKind, Outcome};
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

/// A level asked in other words than 多少 (绝对值), or with the metric's head said apart from its name
/// (规上工业…多少亿增加值: 增加 names the metric there, it asks for no increase), is a level.
#[test]
fn a_level_asked_of_a_growth_rate_in_other_words_is_a_near_miss() {
    match engine().ask("去年规上工业增加值的绝对值是多少").outcome {
        Outcome::NearMiss(near) => assert_eq!(near.missing.what, MissingKind::Level),
        other => panic!("not a near-miss: {other:?}"),
    }
    let apart = engine().ask("咱县规上工业一年能搞出来多少亿增加值");
    assert!(
        matches!(&apart.outcome, Outcome::NearMiss(near) if near.missing.what == MissingKind::Level),
        "{apart:#?}"
    );
}

#[test]
fn a_growth_target_asked_as_a_sum_of_money_is_a_near_miss_and_asked_plainly_is_the_target() {
    // No level of 2021 to grow by the target: the reply names what is missing and cites the rate.
    match engine().ask("今年固定资产投资目标多少亿").outcome {
        Outcome::NearMiss(near) => {
            assert_eq!(near.missing.what, MissingKind::Level);
            assert!(near.nearest[0].text.contains("增长10%以上"), "{near:?}");
        }
        other => panic!("not a near-miss: {other:?}"),
    }
    assert!(direct("今年固定资产投资目标是多少").contains("10%以上"));
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

#[test]
fn a_count_in_its_own_measure_word_needs_a_figure_in_it() {
    // The report names the water plant, the industrial park and the schools, but counts no tonnes of
    // water, mu of the park or pupils; the sentences naming them hold other figures (6. of a list, 5G, 290所).
    for question in [
        "南水北调供水厂每天能供多少吨的水",
        "5G智慧杆塔产业园占地多少亩",
        "全县的中小学生总共多少人",
    ] {
        assert!(!engine().ask(question).answered(), "{question}");
    }
}

#[test]
fn a_count_in_its_own_measure_word_stated_is_answered() {
    assert!(direct("今年农村户厕改造多少户").contains("1.3万户"));
    assert!(direct("今年新建改扩建学校几所").contains("20所"));
    // Two numbers asked at once: the best figure may answer either of them.
    let both = direct("新能源电站并网几座，减排二氧化碳多少");
    assert!(both.contains("73座") || both.contains("54万吨"), "{both}");
    // Items of a list are counted in a numeral the report writes (十件), not in digits.
    assert!(engine().ask("惠民工程今年一共几件").answered());
}

/// Figures one sentence states side by side, of one kind and unit (引进投资10亿元以上项目1个、5亿元以上
/// 项目4个、亿元以上项目15个), answer together when the question tells none of them apart; a question that
/// names one (亿元以上项目, 10亿元以上的项目) or asks another unit (白酒 sold in 亿元, not 吨) gets its own.
#[test]
fn figures_stated_side_by_side_answer_together_unless_one_is_named() {
    let json = support::cli::ask_json("今年招商准备引进几个大项目");
    let direct = json["answer"].as_str().unwrap_or_default();
    for figure in ["10亿元以上项目1个", "5亿元以上项目4个", "亿元以上项目15个"]
    {
        assert!(direct.contains(figure), "{direct}");
    }
    let named = support::cli::direct("今年亿元以上项目要引进多少个");
    assert!(named.contains("亿元以上项目15个"), "{named}");
    assert!(!named.contains("5亿元以上项目4个"), "{named}");
    let sold = support::cli::direct("今年白酒能卖多少钱");
    assert!(
        sold.contains("2.5亿元") && !sold.contains("4000吨"),
        "{sold}"
    );
}
