//! The engine against the real report on answers worked out from stated figures: sums of a list the
//! question names (three or more items, items that state their own figures, a count and a noun), growth
//! in per cent between a base year's worked-out level and the last year's, projections asked with words
//! that name no figure, figures per unit asked as 平均一户, differences of two metrics of different periods;
//! and the cases that must not be summed or worked out, which never answer with a figure.

pub mod support;

use report_bot::answer::Outcome;
use support::cli::{direct, engine};

/// Whether a question gets no answer at all (a near-miss or a refusal), never a figure.
fn unanswered(question: &str) -> bool {
    let answer = engine().ask(question);
    !matches!(answer.outcome, Outcome::Answered(_))
}

#[test]
fn a_list_of_three_is_summed_whole_with_every_figure_shown() {
    let sum = direct("容缺办理、最多跑一次和一证通办的事项合计有多少项");
    assert!(
        sum.contains("三项合计2043项") && sum.contains("140 + 1779 + 124"),
        "{sum}"
    );
    // Items cut from one metric's name each, by the most of the item a name says.
    let trained = direct("惠民工程里的培训、取证、高技能取证三个数加起来多少万人次");
    assert!(trained.contains("合计4.5万人次"), "{trained}");
}

#[test]
fn a_list_whose_items_do_not_all_meet_is_never_summed_in_part() {
    // Units that do not meet (个, 公里, 座).
    assert!(unanswered("贫困村、通村道路和公交站亭加起来一共多少"));
    // An item the report has no figure for (国家重点) is no reason to add the other two.
    assert!(unanswered("省重点、市重点和国家重点一共多少个"));
    // A count that is not the list's.
    assert!(unanswered(
        "最多跑一次、容缺办理、一证通办这两类事项一共多少项"
    ));
}

#[test]
fn items_stating_their_figures_and_sums_asked_with_gong_add_up() {
    let stated = direct("新增农民合作社116家，家庭农场328家，共多少家");
    assert!(stated.contains("合计444家"), "{stated}");
    let plus = direct("省重点项目7个加上市重点94个，共有多少个");
    assert!(plus.contains("合计101个"), "{plus}");
    // Items of two periods add up when each says its own.
    let roads = direct("前五年修了通村道路249公里，今年再修30公里，合计多少公里");
    assert!(roads.contains("合计279公里"), "{roads}");
    // 共 of 公共 or 共建 asks for no sum.
    let revenue = direct("一般公共预算收入是多少");
    assert!(
        revenue.contains("15.3亿元") && !revenue.contains("合计"),
        "{revenue}"
    );
}

#[test]
fn a_count_and_a_noun_sum_the_figures_of_one_sentence_that_the_noun_names() {
    let projects = direct("今年计划引进的三类投资项目合计多少个");
    assert!(projects.contains("三项合计20个"), "{projects}");
    // The noun leaves out the sentence's other figure (奶牛 is no 生猪).
    let pigs = direct("伊利那个不算，两个生猪项目年出栏一共多少万头");
    assert!(pigs.contains("合计170万头"), "{pigs}");
    // A separator inside a name of the report (丰源和普) cuts nothing.
    let named = direct("丰源和普和西平牧原的生猪出栏一共多少万头");
    assert!(named.contains("合计170万头"), "{named}");
}

#[test]
fn growth_in_per_cent_since_a_base_year_is_worked_from_the_rise_and_the_level() {
    let grown = direct("2017年到2021年全县生产总值增长了百分之多少");
    assert!(
        grown.contains("增长约42.6%") && grown.contains("83.4 ÷ (279 − 83.4)"),
        "{grown}"
    );
    // A rate's rise in points gives no growth in per cent: the stated rise answers.
    let points = direct("2021年城镇化率较2017年提高了百分之几");
    assert!(!points.contains("增长约"), "{points}");
}

#[test]
fn a_projection_is_found_past_the_words_that_ask_for_it() {
    let gdp = direct("假如今年生产总值真能增长8%，到年底总量会到多少亿元");
    assert!(gdp.contains("约301.32亿元"), "{gdp}");
    let rate = direct("按照目标，年末常住人口城镇化率大概能到多少");
    assert!(rate.contains("约44.7%"), "{rate}");
    // 预计 asks what the target makes of last year's level, however the level is asked (多少, 会到多少);
    // without it or a condition the level asked is one the report does not give.
    let expected = direct("今年社会消费品零售总额预计多少亿元");
    assert!(
        expected.contains("推算") && expected.contains("75.65亿元"),
        "{expected}"
    );
    assert_eq!(direct("今年社会消费品零售总额预计会到多少亿元"), expected);
    assert!(!direct("今年社会消费品零售总额会到多少亿元").contains("推算"));
}

#[test]
fn a_figure_per_unit_is_asked_as_one_of_the_unit_too() {
    let people = direct("脱贫的贫困户平均一户有几口人");
    assert!(people.contains("约2.78人"), "{people}");
    let liquor = direct("按今年的目标算，白酒平均一吨能卖多少元");
    assert!(liquor.contains("62500元"), "{liquor}");
}

#[test]
fn two_metrics_of_different_periods_compare_when_each_side_names_its_own_alone() {
    let land = direct("五年建的高标准农田比今年土地规模经营面积目标少多少万亩");
    assert!(
        land.contains("至少多2.8万亩") && land.contains("37.8 − 35.0"),
        "{land}"
    );
    let power = direct("五年消纳的清洁能源比去年全县工业用电量多多少");
    assert!(power.contains("多0.4亿千瓦时"), "{power}");
    // A side naming a time its figure is not of (去年 for a five-year total) names no figure.
    assert!(unanswered("今年土地规模经营面积比去年高标准农田多多少万亩"));
    // Units that do not meet (万亩, 万吨) are never compared; counts of things (辆, 座) are, by a number
    // of things (engine_worked.rs).
    assert!(unanswered("五年建的高标准农田比去年粮食总产多多少"));
}

#[test]
fn a_clause_saying_how_to_reckon_a_base_level_is_the_working_not_the_question() {
    let rate = direct("2017年全县城镇化率大约是多少？拿2021年的数字倒推");
    assert!(rate.contains("推算为37.2%"), "{rate}");
    // A change named in the working (净增额) is what the level is worked from.
    let gdp = direct("按净增额反推，2017年生产总值有多少亿元");
    assert!(gdp.contains("推算为195.6亿元"), "{gdp}");
    // The change asked is the stated change, even beside a reckoning clause.
    let change = direct("2017年到2021年生产总值净增了多少，倒推一下");
    assert!(
        change.contains("净增83.4亿元") && !change.contains("推算为"),
        "{change}"
    );
}
