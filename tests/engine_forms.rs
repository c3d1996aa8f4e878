//! The engine against the real report on the ways people type a question on a phone (issue 10), beyond
//! English (tests/engine_english.rs): pinyin with its tone marks, and colloquial verbs of output and
//! amounts (能打多少, 弄了多少亿).

pub mod support;

use report_bot::answer::Outcome;
use support::cli::engine;

#[test]
fn pinyin_with_tone_marks_is_pinyin() {
    let answer = engine().ask("bǎiyuàn pàichūsuǒ");
    let first = answer.hits().first().map(|hit| hit.excerpt.clone());
    assert!(first.unwrap_or_default().contains("柏苑派出所"));
}

#[test]
fn colloquial_verbs_of_output_and_amounts_read_as_asking() {
    // A company by its short name (牧原 for 西平牧原), which the report only writes inside the full one.
    let pigs = engine().ask("牧原今年出栏多少头猪");
    assert!(pigs.direct().unwrap_or_default().contains("120万头"));
    let grain = engine().ask("今年粮食能打多少");
    assert!(grain.direct().unwrap_or_default().contains("96万吨"));
    // 多少亿 asks for an amount in 亿元: a growth rate does not answer it.
    let amount = engine().ask("规上工业增加值去年弄了多少亿");
    assert!(
        !matches!(amount.outcome, Outcome::Answered(_)),
        "{:?}",
        amount.direct()
    );
}

#[test]
fn a_sound_alike_is_repaired_before_a_wrong_character_can_take_its_place() {
    // 目表 sounds as 目标; read first as one wrong character, 增长目 would become 增长率.
    for question in ["西平今年GDP增长目表是多少", "今年生产总值增长目表是多少"]
    {
        let direct = engine()
            .ask(question)
            .direct()
            .unwrap_or_default()
            .to_owned();
        assert!(direct.contains("8%左右"), "{question} → {direct}");
    }
    // A wrong character where no sound was still is one (万业 for 万企), and one repair does not make two:
    // 良食亩产 is 粮食亩产, which the report does not give, never 粮食总产.
    assert!(engine().ask("万人助万业活动是干嘛的").answered());
    assert!(!engine().ask("今年良食亩产目标").answered());
}

#[test]
fn a_count_of_people_or_a_date_the_report_does_not_state_is_refused() {
    for question in [
        "伊利集团有多少员工",
        "商南高速几月份通车",
        "许信高速具体哪个月建成",
    ] {
        assert!(!engine().ask(question).answered(), "{question}");
    }
    // The report's own date is its front matter.
    assert!(engine()
        .ask("报告是几月几号作的")
        .direct()
        .unwrap_or_default()
        .contains("4月20日"));
}

#[test]
fn blanks_typed_inside_words_split_nothing() {
    // Voice input and phone keyboards put blanks inside words and around numbers: the answer is the same.
    for (spaced, plain) in [
        ("去年 财政 收入 多少", "去年财政收入多少"),
        ("2021 年 粮食 总产", "2021年粮食总产"),
        ("西平 县 今年 GDP 目标", "西平县今年GDP目标"),
    ] {
        let spaced_answer = engine().ask(spaced);
        assert!(spaced_answer.answered(), "{spaced}");
        assert_eq!(
            spaced_answer.direct(),
            engine().ask(plain).direct(),
            "{spaced}"
        );
    }
    // A blank between two words may be a comma: 修不修 修多长 is two questions' worth, not 修修.
    let roads = engine().ask("俺村那路今年修不修 修多长");
    assert!(roads.direct().unwrap_or_default().contains("30公里"));
}

#[test]
fn a_question_framed_by_its_source_is_the_question() {
    // 根据/按照/关于 frame the question; rare in the report's text, they must not outweigh its topic.
    for (framed, plain) in [
        ("根据报告，去年财政收入多少", "去年财政收入多少"),
        (
            "按照西平县政府工作报告，2022年GDP目标是多少",
            "2022年GDP目标是多少",
        ),
        ("关于粮食，2021年粮食总产是多少", "2021年粮食总产是多少"),
    ] {
        let answer = engine().ask(framed);
        assert!(answer.answered(), "{framed}");
        assert_eq!(answer.direct(), engine().ask(plain).direct(), "{framed}");
    }
}

#[test]
fn what_the_asker_says_about_themselves_is_not_the_question() {
    let answer = engine().ask("我是一名大学生，正在写一篇论文，想了解一下去年财政收入多少");
    assert_eq!(answer.direct(), engine().ask("去年财政收入多少").direct());
    assert!(answer.answered());
}

/// A count typed in words (三百强, 五千七百人) finds the figure the report writes in digits; a count the
/// report writes in words (十件惠民工程) stays a name.
#[test]
fn counts_typed_in_words_find_the_figures_written_in_digits() {
    let answer = engine().ask("县医院是不是全国三百强啊");
    let first = answer.hits().first().map(|hit| hit.text.clone());
    assert!(
        first.as_deref().is_some_and(|text| text.contains("300强")),
        "{answer:#?}"
    );
    let direct = support::cli::direct("今年城镇新增就业五千七百人吗");
    assert!(direct.contains("5700人"), "{direct}");
    let list = support::cli::direct("十件惠民工程有哪些");
    assert!(list.contains("处置化解问题楼盘"), "{list}");
}

/// A term of the report (嫘祖故里) is asked as itself, not as the wider name it holds (嫘祖), whether it is
/// typed right, by its sound (雷祖故里) or in English: the passage naming it comes first, not one naming
/// only the wider name (嫘祖丝韵).
#[test]
fn a_term_holding_a_wider_name_is_asked_as_itself() {
    for question in [
        "嫘祖故里品牌",
        "雷祖故里品牌",
        "What is the Leizu hometown brand about?",
    ] {
        let first = support::cli::first_excerpt(question);
        assert!(first.contains("打造“嫘祖故里”"), "{question}: {first}");
    }
}
