//! How questions asking for a structure of the report whole (its parts, tasks, achievements, principles,
//! difficulties) are told from those asking one topic.
use super::*;

#[test]
fn a_structure_is_asked_only_when_nothing_else_is() {
    // How the whole report is built, asked of its organisation or its order.
    let outline = |question: &str| asks_structure(question, &structure_rests(question, 2022));
    assert_eq!(
        outline("整篇报告是怎么组织的,分几大块"),
        Some(Structure::Outline)
    );
    assert_eq!(
        outline("这报告的结构是咋样的,先讲啥后讲啥"),
        Some(Structure::Outline)
    );
    assert_eq!(outline("基层党组织怎么建设"), None);
    assert_eq!(
        asks_structure(
            "报告分为几个部分",
            &structure_rests("报告分为几个部分", 2022)
        ),
        Some(Structure::Outline)
    );
    assert_eq!(
        asks_structure(
            "这份报告的结构是什么",
            &structure_rests("这份报告的结构是什么", 2022)
        ),
        Some(Structure::Outline)
    );
    assert_eq!(
        asks_structure(
            "how many parts does the report have?",
            &structure_rests("how many parts does the report have?", 2022)
        ),
        Some(Structure::Outline)
    );
    assert_eq!(
        asks_structure(
            "今年工作分几大块",
            &structure_rests("今年工作分几大块", 2022)
        ),
        Some(Structure::Tasks)
    );
    assert_eq!(
        asks_structure(
            "报告一共分几个大部分",
            &structure_rests("报告一共分几个大部分", 2022)
        ),
        Some(Structure::Outline)
    );
    assert_eq!(
        asks_structure(
            "过去五年取得了哪些方面的成就，概括说下",
            &structure_rests("过去五年取得了哪些方面的成就，概括说下", 2022)
        ),
        Some(Structure::Achievements)
    );
    assert_eq!(
        asks_structure(
            "过去五年干了哪些大事",
            &structure_rests("过去五年干了哪些大事", 2022)
        ),
        Some(Structure::Achievements)
    );
    assert_eq!(
        asks_structure(
            "存在哪些问题和困难",
            &structure_rests("存在哪些问题和困难", 2022)
        ),
        Some(Structure::Difficulties)
    );
    // 目前 reads as 现在; 有没有 asks nothing of a topic.
    for asked in [
        "报告承认现在存在哪些困难和问题",
        "报告有没有承认工作中存在的困难和问题",
    ] {
        assert_eq!(
            asks_structure(asked, &structure_rests(asked, 2022)),
            Some(Structure::Difficulties),
            "{asked}"
        );
    }
    assert_eq!(
        asks_structure(
            "这五年干成了哪些事",
            &structure_rests("这五年干成了哪些事", 2022)
        ),
        Some(Structure::Achievements)
    );
    assert_eq!(
        asks_structure(
            "必须坚持哪些原则",
            &structure_rests("必须坚持哪些原则", 2022)
        ),
        Some(Structure::Principles)
    );
    assert_eq!(
        asks_structure(
            "报告说存在的问题和不足有哪些?",
            &structure_rests("报告说存在的问题和不足有哪些?", 2022)
        ),
        Some(Structure::Difficulties)
    );
    assert_eq!(
        asks_structure(
            "what principles must be upheld in the next five years?",
            &structure_rests(
                "what principles must be upheld in the next five years?",
                2022
            )
        ),
        Some(Structure::Principles)
    );
    assert_eq!(
        asks_structure(
            "how is the report organised?",
            &structure_rests("how is the report organised?", 2022)
        ),
        Some(Structure::Outline)
    );
    assert_eq!(
        asks_structure(
            "今年的六项重点工作是什么",
            &structure_rests("今年的六项重点工作是什么", 2022)
        ),
        Some(Structure::Tasks)
    );
    assert_eq!(
        asks_structure(
            "四个部分的标题分别是什么",
            &structure_rests("四个部分的标题分别是什么", 2022)
        ),
        Some(Structure::Outline)
    );
    assert_eq!(without_counts("三个重点项目"), " 重点项目");
    assert_eq!(
        asks_structure("农业部分的目标", &structure_rests("农业部分的目标", 2022)),
        None
    );
    assert_eq!(
        asks_structure(
            "产业结构怎么调整",
            &structure_rests("产业结构怎么调整", 2022)
        ),
        None
    );
    assert_eq!(
        asks_structure("问题楼盘有多少", &structure_rests("问题楼盘有多少", 2022)),
        None
    );
    assert_eq!(
        asks_structure(
            "农业方面的任务有哪些",
            &structure_rests("农业方面的任务有哪些", 2022)
        ),
        None
    );
    assert_eq!(
        asks_structure_topic(&structure_rests("营商环境还有什么不足", 2022))
            .map(|(structure, _)| structure),
        Some(Structure::Difficulties)
    );
    assert_eq!(
        asks_structure_topic(&structure_rests("存在哪些问题和困难", 2022)),
        None
    );
    assert_eq!(
        asks_structure_topic(&structure_rests("产业结构怎么调整", 2022)),
        None
    );
}

#[test]
fn the_structure_whose_cues_say_most_of_the_question_is_asked() {
    let asked = |question: &str| asks_structure(question, &structure_rests(question, 2022));
    // 分成 asks how anything is divided; 重点工作 and 几个方面 name what is.
    assert_eq!(asked("今年的重点工作分成几个方面"), Some(Structure::Tasks));
    assert_eq!(asked("报告分成哪几个部分"), Some(Structure::Outline));
    // The report named asks how the report is divided.
    assert_eq!(asked("这份报告分成几大块"), Some(Structure::Outline));
    // The year the report plans for is said as 今年 is; another year is a topic of its own.
    assert_eq!(
        asked("2022年的重点工作一共几个方面"),
        Some(Structure::Tasks)
    );
    assert_eq!(asked("2019年的重点工作一共几个方面"), None);
}

#[test]
fn the_plan_areas_counted_or_set_out_in_english_are_its_tasks() {
    let asked = |question: &str| asks_structure(question, &structure_rests(question, 2022));
    assert_eq!(
        asked("how many main areas of work does the report set out for 2022?"),
        Some(Structure::Tasks)
    );
    assert_eq!(
        asked("which areas does this year's work plan focus on?"),
        Some(Structure::Tasks)
    );
    assert_eq!(
        asked("how many parts does the report have and what are they?"),
        Some(Structure::Outline)
    );
    // A count of something done, or an area named, is no structure.
    assert_eq!(asked("how many tasks did the county complete?"), None);
    assert_eq!(asked("which areas will receive investment?"), None);
}
