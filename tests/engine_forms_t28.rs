//! Round 28 (issues 9 and 10): a misheard or mistyped word of a question's frame (报高 for 报告, 人扣 for
//! 人口) is repaired before the frame is read, pinyin date units are read as dates (2022 nian → 2022年),
//! and the plan's words answer nothing of a year before the plan that they do not write, nor how its own
//! year turned out (a near-miss that cites the plan).

pub mod support;

use report_bot::answer::{MissingKind, Outcome};
use support::cli::engine;

/// Asserts of each of `questions` whether it is answered.
fn answered(questions: &[&str], expected: bool) {
    for question in questions {
        let answer = engine().ask(question);
        assert_eq!(answer.answered(), expected, "{question}: {answer:?}");
    }
}

/// Asserts that the direct answer to `question` says `text`.
fn direct_says(question: &str, text: &str) {
    let answer = engine().ask(question);
    assert!(
        answer.direct().is_some_and(|direct| direct.contains(text)),
        "{question}: {answer:?}"
    );
}

#[test]
fn a_misheard_frame_word_still_asks_the_frame() {
    // 报高 sounds like 报告: the question asks who made the report, as 哪位县长做的报告 does.
    direct_says("哪位县长做的报高?", "侯公涛");
    // 人扣 sounds like 人口: the county's people, not a narrower count of people (贫困人口).
    direct_says("西平县有多少人扣?", "88万");
    // Initials of the report's name before a frame's words (zfgzbg 政府工作报告) ask the frame too.
    direct_says("zfgzbg是谁作的", "侯公涛");
    // A word only questions about the report ask in, never its text, sounds like itself too: 县张 is
    // 县长, 网占 is 网站.
    direct_says("报告是哪个县张作的", "侯公涛");
    direct_says("报告登在哪个网占上", "门户网站");
}

#[test]
fn a_date_typed_in_pinyin_is_a_date() {
    // nian after a number is 年, not 念 (to read aloud, a word of asking who delivered the report).
    direct_says(
        "Xiping 2022 nian zhengfu gongzuo baogao de biaoti",
        "报告标题：西平县2022年政府工作报告",
    );
    direct_says("baogao shi 4 yue 20 hao zuo de ma", "2022-04-20");
}

#[test]
fn the_plan_says_nothing_of_a_year_before_it_that_it_does_not_write() {
    // The plan's tourism sentence writes no year and no income: 2021's tourism income is not in the report.
    answered(
        &[
            "2021年西平旅游收入",
            "2021 nian xiping lvyou shouru",
            "2021年的十件惠民工程完成得怎么样",
        ],
        false,
    );
    // The plan year itself, or no year, is still the plan's to answer.
    answered(&["2022年西平怎么发展旅游", "十件惠民工程都有哪些"], true);
}

#[test]
fn the_plan_cannot_say_how_its_own_year_ended_and_cites_itself_as_a_near_miss() {
    // Written as 2022 began, the report plans the ten projects and the year's targets; whether they were
    // done, or what the targets came to, it cannot say. The reply says so and cites the plan, whether the
    // year is named, said as 今年 or left out, and in dialect (妥了没) as in English.
    for (question, planned) in [
        ("2022年惠民工程最后都完成了吗", "十件惠民工程"),
        ("2022年十件惠民工程完成得怎么样", "十件惠民工程"),
        ("南水北调供水厂今年妥了没", "南水北调供水厂"),
        ("那20个老旧小区改造完了吗", "20个"),
        ("今年GDP实际增长了多少", "8%"),
        ("Did Xiping hit its GDP target in 2022?", "8%"),
    ] {
        match engine().ask(question).outcome {
            Outcome::NearMiss(near) => {
                assert_eq!(near.missing.what, MissingKind::PlanOutcome, "{question}");
                assert_eq!(near.missing.year, Some(2022), "{question}");
                assert!(
                    near.nearest[0].text.contains(planned),
                    "{question}: {near:?}"
                );
            }
            other => panic!("{question}: not a near-miss: {other:?}"),
        }
    }
    // Asked what they are, the plan answers; a year before the plan is the review's to answer, and what
    // the past five years did is no plan's outcome.
    answered(&["2022年十件惠民工程是哪些", "脱贫攻坚完成了吗"], true);
    direct_says("2021年GDP目标完成了没", "279亿元");
}
