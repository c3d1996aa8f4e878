//! Round 28 (issues 9 and 10): a misheard or mistyped word of a question's frame (报高 for 报告, 人扣 for
//! 人口) is repaired before the frame is read, pinyin date units are read as dates (2022 nian → 2022年),
//! and the plan's words answer nothing of a year before the plan that they do not write.

pub mod support;

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
fn the_plan_cannot_say_how_its_own_year_ended() {
    // Written as 2022 began, the report plans the ten projects; whether they were done it cannot say,
    // neither by the list nor by the sentence that opens it.
    answered(
        &[
            "2022年惠民工程最后都完成了吗",
            "2022年十件惠民工程完成得怎么样",
        ],
        false,
    );
    // Asked what they are, the plan answers; asked whether one is done yet by someone standing in that
    // year, the plan is what the report can say (it is to be built this year).
    answered(
        &["2022年十件惠民工程是哪些", "南水北调供水厂今年妥了没"],
        true,
    );
    direct_says("南水北调供水厂今年妥了没", "南水北调供水厂");
}
