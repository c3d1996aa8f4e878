//! A thing the question names that the report never says — another county or city, a metric the report
//! does not keep (房价, 床位, 平均工资) — is refused even when the rest of the question matches a unit well:
//! that unit's figure is the county's own, not the thing asked about (src/answer/engine/absent.rs). The
//! same questions without that thing are still answered. The questions are written for this test, not
//! taken from the question sets; tests/questions_probe_oos.tsv (docs/tools/oos_probe.py) is the measured
//! probe of the class.

pub mod support;

use support::cli::{direct, engine};

/// Out of scope: a place or a thing the report never names, beside words that match a unit of the report.
const ABSENT_THINGS: &[&str] = &[
    "新蔡县今年新增农村劳动力转移就业多少人",
    "平舆县今年城区街头游园升级改造多少个",
    "汝州市过去五年累计新增城镇就业多少人",
    "信阳市五年更换了多少辆新能源纯电动公交车",
    "周口市今年要完成多少个老旧小区提质改造",
    "南阳市失能半失能老年人家庭适老化改造多少户",
    "西华县伊利优然牧场奶牛养殖多少头",
    "泌阳县今年新建改扩建学校多少所",
    "正阳县建设农村教师周转房多少套",
    "確山縣今年新增家庭農場多少家",
    "今年全县房价平均上涨多少个百分点",
    "县人民医院连续四年进入300强，有多少张床位",
    "去年规上工业企业的平均工资是多少",
    "城镇居民的房价收入比是多少",
    "新蔡县过去五年新建改建桥梁多少座",
    "汝南县今年处置化解多少个问题楼盘",
];

/// The same questions without the absent thing, with the figure each must give.
const IN_SCOPE: &[(&str, &str)] = &[
    ("今年新增农村劳动力转移就业多少人", "3000人"),
    ("今年城区街头游园升级改造多少个", "12个"),
    ("过去五年累计新增城镇就业多少人", "3.8万人"),
    ("五年更换了多少辆新能源纯电动公交车", "179辆"),
    ("失能半失能老年人家庭适老化改造多少户", "600户"),
    ("伊利优然牧场奶牛养殖多少头", "2.4万头"),
    ("过去五年新建改建桥梁多少座", "7座"),
    // A word of the report's appendix heading and a word that asks which one are no absent things.
    ("注释里四张清单是什么意思", "四张清单"),
    ("国内单体最大的针织服饰生产基地依托哪家企业", "针织"),
    // A one-character typo of a report term still gets its corrected reading.
    ("一般公共预算收路去年多少", "15.3亿元"),
];

#[test]
fn a_thing_the_report_never_names_is_not_answered_with_the_countys_figure() {
    let answered: Vec<&str> = ABSENT_THINGS
        .iter()
        .copied()
        .filter(|question| engine().ask(question).answered())
        .collect();
    assert!(answered.is_empty(), "answered: {answered:?}");
}

#[test]
fn the_same_questions_without_the_absent_thing_are_answered() {
    for (question, expected) in IN_SCOPE {
        let answer = engine().ask(question);
        assert!(answer.answered(), "{question}: not answered");
        let first = answer
            .hits()
            .first()
            .map(|hit| format!("{}{}", hit.text, hit.excerpt))
            .unwrap_or_default();
        let shown = format!("{}{first}", answer.direct().unwrap_or_default());
        assert!(shown.contains(expected), "{question}: {shown}");
    }
}

/// A metric the report gives figures for, named beside words that match another unit (a glossary entry
/// about the province, a list of farm products): that unit is no answer about the metric.
#[test]
fn a_named_metric_is_not_answered_by_a_unit_about_something_else() {
    for question in [
        "河南全省城镇化率到底有多高",
        "全省技能人才高地的生产总值是多少",
        "全国县级医院300强的一般公共预算收入多少",
        "驻酒振兴领头雁的粮食总产多少",
    ] {
        assert!(!engine().ask(question).answered(), "answered: {question}");
    }
    // The county's own figure of the metric is still given, and so is the sentence that names two.
    assert!(direct("去年城镇化率多少").contains("42.7%"));
    assert!(direct("今年打算新增多少家农民合作社和家庭农场").contains("116家"));
}

/// A kind of a thing the report names but gives no figure of (粮食播种面积: only 确保…只增不减) is not
/// answered with the figure of another kind (蔬菜播种面积13万亩); that kind asked is, also through
/// `ask --json`.
#[test]
fn a_kind_without_a_figure_is_not_answered_with_another_kinds_figure() {
    let refused = support::cli::ask_json("今年全县粮食播种面积计划多少万亩");
    assert_eq!(refused["answered"], false, "{refused}");
    assert!(direct("今年蔬菜播种面积要稳定在多少万亩").contains("13万亩"));
}

/// A sentence found for a number of one year whose figures are all of other years or in another unit
/// (建成高标准农田35万亩,2021年粮食总产达95.9万吨 for 2017's grain, or 2021's sown area in 万亩) is no
/// answer; the figure of that year stated is.
#[test]
fn a_sentence_with_no_figure_of_the_year_asked_is_no_answer() {
    for question in [
        "What was the grain output in 2017?",
        "2021年粮食播种面积是多少万亩",
    ] {
        let json = support::cli::ask_json(question);
        assert_eq!(json["answered"], false, "{question}: {json}");
    }
    assert!(direct("2021年粮食总产是多少万吨").contains("95.9万吨"));
    assert!(direct("过去五年建成多少亩高标准农田").contains("35万亩"));
}

/// A number asked of a thing a noun narrows (耕地面积, 第一产业增加值) is not answered with a figure whose
/// name narrows the same head with another word (蔬菜播种面积, 规上工业增加值); a word that only adds to the
/// name the report writes (财政 of 一般公共预算收入), one in a clause the question rules out (不算…), or
/// two things of one kind side by side (公园游园) keep their answers.
#[test]
fn a_figure_of_another_kind_of_the_thing_asked_is_no_answer() {
    for question in [
        "全县耕地面积一共多少万亩",
        "2021年第一产业增加值是多少",
        "第三产业增加值去年增长了多少",
        "今年第二产业增加值目标是多少",
    ] {
        let json = support::cli::ask_json(question);
        assert_eq!(json["answered"], false, "{question}: {json}");
    }
    assert!(direct("去年财政一般预算收入多少").contains("15.3亿元"));
    assert!(direct("2021年规上工业增加值增长多少").contains("8%"));
    assert!(direct("城区五年来新建改建了几座桥，不算农村公路桥").contains("7座"));
    assert!(direct("今年蔬菜播种面积多少万亩").contains("13万亩"));
}

/// An English question that asks what a thing is and qualifies a thing the bot has an English name for
/// with a word no name says (green space coverage rate, foreign direct investment) asks of a figure the
/// report does not give: refused, not answered with the named thing's figure or sentence. Without the
/// qualifier, or with a word of grammar beside the name, the question is still answered.
#[test]
fn an_english_question_qualifying_a_named_thing_with_an_unnamed_word_is_refused() {
    for question in [
        "What is the urban green space coverage rate?",
        "What was the county's foreign direct investment last year?",
        "What is the sewage treatment capacity rate?",
    ] {
        let json = support::cli::ask_json(question);
        assert_eq!(json["answered"], false, "{question}: {json}");
    }
    assert!(direct("What was the fixed-asset investment growth in 2021?").contains("13.2%"));
    assert!(
        direct("What is the surveyed urban unemployment rate target for this year?")
            .contains("5.5%")
    );
    let named = support::cli::ask_json(
        "What is the plan for water treatment equipment makers like Huifeng Environmental?",
    );
    assert_eq!(named["answered"], true, "{named}");
}
