//! The engine against the real report on answers worked out from two stated figures: differences named
//! one figure per side of the question, sums asked as 一共, ratios asked as 几倍, projections asked from a
//! target, each labelled as worked out; and comparisons that cannot be worked out, which never show one of
//! their figures as the answer.

pub mod support;

use report_bot::answer::{MissingKind, Outcome};
use support::cli::{direct, engine};

#[test]
fn a_difference_takes_each_figure_from_its_own_side_of_the_question() {
    // A side naming only a time or kind (五年年均, 去年) means the other side's metric then.
    let gap = direct("一般公共预算收入今年增长目标比五年年均低多少个百分点");
    assert!(
        gap.contains("高10.5个百分点") && gap.contains("推算"),
        "{gap}"
    );
    // A target of "at least" 10% below 13.2% is at most 3.2 points below.
    assert!(direct("今年固投增长目标比去年实际增速低多少").contains("至多高3.2个百分点"));
    // One name inside the other is two metrics when each side names its own.
    assert!(direct("高技能人才取证比技能人才取证少多少万人次").contains("多1.2万人次"));
    assert!(direct("亿元以上项目比5亿元以上项目多几个").contains("多11个"));
    // Two characters name a figure on a short side (牧原 against 丰源和普).
    assert!(direct("牧原生猪年出栏比丰源和普多多少万头").contains("多70万头"));
    // Asked in English, cut at its own joining words, and worded in English.
    let english =
        direct("By how much did urban per capita income exceed rural per capita income in 2021?");
    assert!(
        english.contains("14,134 yuan higher") && english.contains("30325 − 16191 = 14134"),
        "{english}"
    );
}

#[test]
fn which_of_two_is_ahead_is_their_difference_with_the_kind_asked_once_for_both() {
    // A yearly average said once, after both things (A和B年均增速哪个高), is asked of each: their levels
    // (279亿元, 15.3亿元) are no answer.
    let faster = direct("一般公共预算收入和生产总值,五年年均增速哪个高");
    assert!(
        faster.contains("增长16.5%") && faster.contains("高9.3个百分点"),
        "{faster}"
    );
    let incomes = direct("城镇居民和农村居民收入五年年均增速哪个更快");
    assert!(
        incomes.starts_with("2017—2021年年均：农村居民") && incomes.contains("高2.4个百分点"),
        "{incomes}"
    );
    // Asked without a kind, two levels of one year compare.
    assert!(direct("城镇居民收入和农村居民收入谁高").contains("多14134元"));
}

#[test]
fn which_grew_faster_compares_two_changes_never_two_levels() {
    // Speed asked without a kind (哪个增长快, 谁涨得更慢) is a question of two changes: the levels
    // (30325元, 16191元) would answer another question.
    for question in [
        "农村居民收入和城镇居民收入哪个增长快",
        "城镇居民与农村居民收入,谁增长得慢一些",
    ] {
        let speed = direct(question);
        assert!(
            speed.contains("高2.4个百分点") && !speed.contains("14134"),
            "{question}: {speed}"
        );
    }
    // Growth said with the asking word (哪个增长更高) asks the same; a time word between the asking word
    // and its adjective (哪个年均增长更快) is no thing asked.
    let growth = direct("生产总值和一般公共预算收入谁年均增长更高");
    assert!(growth.contains("高9.3个百分点"), "{growth}");
    // The report's own 更高 (更高水平) is the asking here, not a side's thing.
    let higher = direct("一般公共预算收入和生产总值哪个更高");
    assert!(higher.contains("多263.7亿元"), "{higher}");
}

#[test]
fn a_gap_asked_in_people_is_never_worked_out_from_two_rates() {
    // 城镇 names the urbanisation rate too: its two rates are no gap in people, and the yearly average of
    // the five-year jobs total is no figure the report states, so the comparison is a near-miss.
    for question in [
        "今年城镇新增就业目标比过去五年平均每年少多少人",
        "城镇新增就业今年的目标比五年年均少几个人",
    ] {
        let answer = engine().ask(question);
        let Outcome::NearMiss(near_miss) = &answer.outcome else {
            panic!("{question}: {answer:#?}");
        };
        assert_eq!(
            near_miss.missing.what,
            MissingKind::Comparison,
            "{question}"
        );
    }
    // Asked in points, two rates still compare.
    assert!(direct("今年城镇化率目标比过去五年提高的少几个百分点").contains("3.5个百分点"));
}

#[test]
fn counts_add_up_and_amounts_divide_but_a_level_and_a_change_do_not_meet() {
    let sum = direct("今年新增合作社和家庭农场一共多少家");
    assert!(
        sum.contains("合计444家") && sum.contains("116 + 328"),
        "{sum}"
    );
    let ratio = direct("城镇居民收入是农村居民的几倍");
    assert!(
        ratio.contains("1.87倍") && ratio.contains("30325 ÷ 16191"),
        "{ratio}"
    );
    // 279亿元 less 净增83.4亿元 shares a unit but means nothing: not computed, and not answered with one.
    let answer = engine().ask("过去五年GDP年均增速比去年高多少");
    let Outcome::NearMiss(near_miss) = &answer.outcome else {
        panic!("{answer:#?}");
    };
    assert_eq!(near_miss.missing.what, MissingKind::Comparison);
}

#[test]
fn counts_of_different_things_differ_by_a_number_of_things_but_amounts_of_different_units_do_not() {
    // 增加公交站亭255座 counts shelters added, as 更换公交车179辆 counts buses: both things, one by one.
    let shelters = direct("增加的公交站亭比更换的新能源公交车多几个");
    assert!(
        shelters.contains("多76个") && shelters.contains("255 − 179"),
        "{shelters}"
    );
    let together = direct("过去五年更换的公交车和公交站亭一共多少");
    assert!(together.contains("合计434个"), "{together}");
    // Tonnes and mu never meet, however the question asks.
    let mixed = direct("蔬菜播种面积和总产量目标相差多少");
    assert!(!mixed.contains("推算"), "{mixed}");
}

#[test]
fn a_projection_is_worked_out_only_when_asked_from_the_target() {
    let grown = direct("按今年目标算一般公共预算收入能到多少亿");
    assert!(
        grown.contains("约16.22亿元") && grown.contains("15.3 × (1 + 6%)"),
        "{grown}"
    );
    assert!(direct("今年城镇化率目标要达到多少").contains("约44.7%"));
    // The target's own "at least" stays; a rate other than the target's is not the report's.
    assert!(direct("社消零今年按9%增长能达到多少亿元").contains("75.65亿元以上"));
    assert!(!direct("社消零今年按10%增长能达到多少亿元").contains("推算"));
    // A condition said after it (…的话) asks the same; the level it is worked from is cited to two places.
    assert!(direct("今年GDP增长8%左右的话总量有多少亿").contains("约301.32亿元"));
    // A target asked as it is stays the target; asked in an amount it is not given in, no projection.
    assert!(direct("今年GDP目标是多少").contains("增长8%左右"));
    assert!(!direct("今年GDP目标是多少亿元").contains("推算"));
}

#[test]
fn a_change_the_report_states_against_the_base_asked_is_the_answer() {
    assert!(direct("生产总值比2017年净增多少").contains("净增83.4亿元"));
    assert!(direct("去年规上工业增加值比上年增长多少").contains("增长8%"));
    // Of two stated changes since the base, the yearly average only when asked for.
    assert!(direct("GDP比2017年多了多少").contains("净增83.4亿元"));
    assert!(direct("GDP比2017年年均增长多少").contains("增长7.2%"));
}

#[test]
fn a_word_naming_two_groups_compares_the_two() {
    // 城乡 is the report's 城镇 and 农村 residents at once: a comparison asked of it is between the two.
    for asked in ["城乡居民收入差多少", "去年城乡居民人均可支配收入相差几块钱"]
    {
        let gap = direct(asked);
        assert!(
            gap.contains("14134元") && gap.contains("推算"),
            "{asked}: {gap}"
        );
    }
    // A ratio named as a thing is a ratio, the groups in the order the question names them.
    for asked in ["城乡收入比是多少", "城镇和农村居民收入之比是多少"] {
        let ratio = direct(asked);
        assert!(ratio.contains("1.87倍"), "{asked}: {ratio}");
    }
    // No comparison asked: 城乡 is read as the report says it.
    assert!(!direct("城乡居民收入怎么样").contains("推算"));
}

#[test]
fn a_bound_against_another_hedged_figure_is_compared_with_the_hedges_said() {
    // 10%以上 against 8%左右: the gap is at least about 2 points, not an exact 2 nor no answer.
    let gap = direct("今年固定资产投资增长目标比GDP增长目标高几个百分点");
    assert!(
        gap.contains("至少高约2个百分点") && gap.contains("10 − 8"),
        "{gap}"
    );
    // Two lower bounds (10%以上, 9%以上): what differs is the bounds, and the answer says so.
    let bounds = direct("今年固投增长目标比社零增长目标高几个百分点");
    assert!(
        bounds.contains("前者的下限比后者的下限高1个百分点"),
        "{bounds}"
    );
}

#[test]
fn one_metric_named_two_ways_is_compared_with_itself_and_not_with_another() {
    // The report writes 规模以上工业增加值 for the target and 规上工业增加值 for the five years.
    let gap = direct("规上工业增加值今年的目标增速比五年年均快几个百分点");
    assert!(
        gap.contains("0.2个百分点") && gap.contains("8.0 − 7.8"),
        "{gap}"
    );
    // Not 生产总值's target against its average, which the question does not name.
    assert!(!gap.contains("生产总值"), "{gap}");
}

/// A base-year level asked with the words of working it out (推算, 根据报告, 用2021年的数): those words ask
/// how, and the year the level is worked from may be named beside the base year.
#[test]
fn a_base_year_level_is_worked_out_however_the_working_is_asked() {
    for (question, base) in [
        ("按报告里的数字推算一下2017年的生产总值", "195.6亿元"),
        ("用2021年的数推算2017年生产总值", "195.6亿元"),
        ("根据报告估算2017年城镇化率", "37.2%"),
        // A clause saying the figures are the report's is no part of the question.
        ("按报告的数算一下，2017年生产总值多少亿", "195.6亿元"),
        ("按报告的数算，2017年城镇化率大概多少", "37.2%"),
    ] {
        let answer = engine().ask(question);
        let direct = answer.direct().unwrap_or_default();
        assert!(direct.contains(base), "{question} → {direct}");
    }
}

/// Figures the question quotes from the report are worked as asked (a share, a total from a share, a level
/// before a rise, a figure per unit), citing where the report states them, also through `ask --json`; a
/// figure the report does not state, or a count asked of sums of money, is no working.
#[test]
fn figures_the_question_quotes_are_worked_as_asked() {
    for (question, result, source) in [
        (
            "全省要培训1500万人次，其中1050万人拿证，拿证的占百分之多少",
            "70.0%",
            "1050万人取得相应证书",
        ),
        (
            "持证3000万人占从业人员60%的话，从业人员总共多少万人",
            "5000万人",
            "3000万人",
        ),
        (
            "去年生产总值279亿，比2017年净增了83.4亿，2017年是多少亿",
            "195.6亿",
            "净增83.4亿元",
        ),
        (
            "13万亩蔬菜产60万吨，每亩能产多少吨",
            "每亩约4.62吨",
            "蔬菜播种面积稳定在13万亩",
        ),
    ] {
        let answer = support::cli::ask_json(question);
        let said = answer["answer"].as_str().unwrap_or_default();
        assert!(
            said.contains(result) && said.contains("推算"),
            "{question}: {answer}"
        );
        let cited = answer["hits"].as_array().is_some_and(|hits| {
            hits.iter()
                .any(|hit| hit["text"].as_str().is_some_and(|t| t.contains(source)))
        });
        assert!(cited, "{question}: {answer}");
    }
    for question in [
        "279亿比2017年净增了84.3亿，2017年是多少亿",
        "10亿、5亿的项目合计多少个",
    ] {
        assert!(!direct(question).contains("按报告的数字推算"), "{question}");
    }
}
