//! Questions about the report's outline and framing in wordings written before the mechanism was built
//! (tests/questions_outline_paraphrases.tsv: its parts, a part by number, a plan section by a topic word of
//! its body, the year's tasks, the review's achievements, difficulties, principles, the year's standing,
//! the opening and the close), and topic questions sharing their words, which must stay topic questions.

pub mod support;

use report_bot::answer::eval::{evaluate, parse_cases};
use report_bot::answer::Outcome;
use support::cli::{direct, engine};

/// Floor for the paraphrase set, a little below the figure reached (0.84): a change that reads fewer of
/// them back fits one set's phrasings.
const PARAPHRASE_HIT_AT_1: f64 = 0.80;

/// Ceiling for wrong answers on the paraphrase set (0.075 reached; English topic words name no section).
const PARAPHRASE_WRONG: f64 = 0.10;

#[test]
fn outline_questions_are_read_in_wordings_nobody_listed() {
    let text = std::fs::read_to_string(
        support::fixtures::manifest_dir().join("tests/questions_outline_paraphrases.tsv"),
    )
    .expect("the paraphrase set");
    let cases = parse_cases(&text).expect("a valid question set");
    let evaluation = evaluate(engine(), &cases);
    for failure in evaluation.failures() {
        println!("miss: {} → {:?}", failure.case.question, failure.top);
    }
    let scores = evaluation.scores(Some("outline"));
    assert!(
        scores.hit_at_1 >= PARAPHRASE_HIT_AT_1,
        "hit@1 {:.3}",
        scores.hit_at_1
    );
    assert!(evaluation.wrong_share() <= PARAPHRASE_WRONG);
}

/// Topic questions with an outline question's words: a figure of the year, a thing of a section's topic,
/// a topic without a word framing a block.
const TOPIC_QUESTIONS: &[&str] = &[
    "今年GDP目标是多少",
    "今年粮食产量目标是多少",
    "今年的重点项目有哪些",
    "高效农业怎么发展",
    "美丽乡村怎么建设",
    "今年规模以上工业增加值增长多少",
    "这个项目有什么意义",
    "今年农业现代化示范区项目在哪",
];

/// Whether an answer is a whole block: a list, a part or a plan section (ids with at most two levels).
fn is_block(answer: &report_bot::answer::Answer) -> bool {
    answer.hits().first().is_some_and(|hit| {
        let id = hit.id.as_str();
        let path = id.rsplit_once('/').map_or(id, |(_, path)| path);
        path.starts_with('l') || path.split('.').count() <= 2
    })
}

#[test]
fn topic_questions_sharing_their_words_are_no_outline_answers() {
    for question in TOPIC_QUESTIONS {
        let answer = engine().ask(question);
        assert!(!is_block(&answer), "{question}: {:?}", answer.outcome);
    }
}

#[test]
fn out_of_scope_questions_in_outline_wordings_stay_refused() {
    for question in [
        "明年是什么样的一年",
        "今年天气怎么样",
        "今年世界杯哪些方面值得看",
    ] {
        let answer = engine().ask(question);
        assert!(
            matches!(answer.outcome, Outcome::Refused(_)),
            "{question}: {:?}",
            answer.outcome
        );
    }
}

/// A plan section asked for by its topic is quoted by its heading as the report writes it, numeral and
/// all, so a reader can find it in the text (the section's numeral is written `(四)` in the report).
#[test]
fn a_section_is_quoted_by_its_heading_as_written() {
    let report = std::fs::read_to_string(
        support::fixtures::manifest_dir().join("knowledge/reports/xiping-2022/report.txt"),
    )
    .expect("the report");
    let answer = engine().ask("服务业那块怎么写的");
    let direct = answer.direct().expect("a block answer");
    let quoted = direct
        .lines()
        .next()
        .and_then(|line| line.split_once('：'))
        .map(|(_, heading)| heading.trim_end_matches('。'))
        .expect("the section's heading after the item's number");
    assert!(quoted.starts_with("(四)"), "{direct}");
    assert!(quoted.contains("服务业"), "{direct}");
    assert!(
        report.contains(quoted),
        "{quoted} is not in the report as written"
    );
}

/// The plan section a question names: its number after 第 with a section's word (第五个方面, 第二节), or its
/// topic beside words that frame a heading (那一节, 下面的小标题, 放在哪一部分).
#[test]
fn a_plan_section_is_asked_by_its_number_or_its_headings_words() {
    for (question, numeral) in [
        ("今年工作的第五个方面", "(五)"),
        ("第二节讲什么", "(二)"),
        ("改革那一节讲了啥", "(五)"),
        ("文旅那一节下面有哪些行动", "(四)"),
        ("乡村振兴的任务放在哪一部分", "(二)"),
        // The longest run of a heading said may cut a word (业发展 of 服务业发展 in 工业发展): the
        // heading the question names whole is the block.
        ("工业发展这块今年怎么安排", "(一)"),
        ("报告中工业发展那一块写了什么", "(一)"),
        ("服务业发展那部分讲了什么", "(四)"),
    ] {
        let answer = engine().ask(question);
        let direct = answer.direct().unwrap_or_default();
        assert!(direct.contains(numeral), "{question} → {direct}");
    }
    // A number past the plan's last section names none, and a named group's item is that group's.
    assert!(!engine().ask("第七个方面是什么").answered());
    let item = engine().ask("五项保障的第二个方面是什么");
    assert!(
        item.direct()
            .is_some_and(|direct| direct.contains("作风建设")),
        "{:?}",
        item.outcome
    );
}

/// Where the report treats a topic is told by its own headings — part, section as written, the paragraph's
/// lead phrase — for every place among the passages found, with those passages cited; a topic the report
/// never treats has no place.
#[test]
fn where_a_topic_is_treated_is_told_by_the_headings_of_its_passages() {
    for (question, place) in [
        (
            "问题楼盘的事在报告哪个板块",
            "(三)突出协调发展,迈出新型城镇化建设新步伐 › 处置化解问题楼盘",
        ),
        (
            "营商环境的内容放在哪一节讲的",
            "(五)强化改革赋能,开创改革开放新局面 › 务实高效打造一流营商环境",
        ),
        ("十件民生实事在报告哪个部分", "(六)增进民生福祉"),
        ("枫桥经验在报告哪里讲的", "› 7.枫桥经验"),
    ] {
        let answer = engine().ask(question);
        let direct = answer.direct().unwrap_or_default();
        assert!(
            direct.starts_with("报告讲「") && direct.contains(place),
            "{question} → {direct}"
        );
        assert!(!answer.hits().is_empty(), "{question}: no passage cited");
    }
    // The topic's section found whole is its own place; a topic the report lacks is refused.
    assert!(direct("乡村振兴的工作安排在报告哪一部分").contains("(二)聚焦“三农”发展"));
    assert!(!engine().ask("地铁建设在报告哪一部分").answered());
}

/// What the report calls a span of time (a span as the subject of 是) or owes its results to (这是…的结果,
/// read with the sentence 这 points at) answers a question asking only that; a topic beside the cue or a
/// span the report does not describe goes on to the search.
#[test]
fn a_span_is_described_and_the_results_credited_in_the_reports_words() {
    let direct = |question: &str| engine().ask(question).direct().map(str::to_owned);
    for (question, said) in [
        (
            "报告如何描述过去这五年",
            "经受大考验、实现大发展、蓄势大赶超的五年",
        ),
        ("未来五年对西平意味着什么", "最为关键的五年"),
        ("2022年是怎样的一年", "二十大召开之年"),
        ("今年被定位成一个什么年份", "二十大召开之年"),
        ("2022年在时间节点上有何特殊意义", "二十大召开之年"),
        // Said as summed up (总结, 概括成), the span repeated as what is asked, a word of manner around it.
        (
            "报告怎么总结过去五年",
            "经受大考验、实现大发展、蓄势大赶超的五年",
        ),
        ("以后五年被形容成怎样的五年", "最为关键的五年"),
        (
            "对过去五年总的来说怎么评价",
            "经受大考验、实现大发展、蓄势大赶超的五年",
        ),
        ("今年是个啥样的一年", "二十大召开之年"),
        (
            "這些成就要歸功於誰",
            "成绩来之不易。这是以习近平同志为核心的党中央正确指引的结果",
        ),
    ] {
        assert!(
            direct(question).is_some_and(|d| d.starts_with(said) || d.contains(said)),
            "{question}: {:?}",
            direct(question)
        );
    }
    for question in ["2021年是什么样的一年", "过去五年有什么特别的成绩"] {
        assert!(
            !direct(question).is_some_and(|d| d.contains("的五年。") || d.contains("之年")),
            "{question}: {:?}",
            direct(question)
        );
    }
}

/// How a plan section is divided (分成哪几块, 分了几个小点) asks for the section with its items.
#[test]
fn a_section_asked_how_it_is_divided_is_shown_with_its_items() {
    let direct = |question: &str| engine().ask(question).direct().map(str::to_owned);
    for (question, section) in [
        ("改革开放那节分为几块", "(五)强化改革赋能"),
        ("工业那一块分成哪几块", "(一)壮大工业底盘"),
        ("增进民生福祉部分分了几个小点", "(六)增进民生福祉"),
        // Its items asked by their kinds (…工程, …行动), the last words of its lead phrases.
        ("服务业部分提了哪几项行动或工程", "(四)推动提档升级"),
    ] {
        assert!(
            direct(question).is_some_and(|d| d.contains(section) && d.contains("其中")),
            "{question}: {:?}",
            direct(question)
        );
    }
}

/// A block's divisions counted in any pairing of a count word, a measure and a division noun (几个小节,
/// 哪几小块, 几大段), and a verb linked by 来 after them (分几条来讲), ask for the block with its items.
#[test]
fn a_block_counted_in_any_division_word_is_shown_with_its_items() {
    let direct = |question: &str| engine().ask(question).direct().map(str::to_owned);
    for (question, block) in [
        ("民生那一块下面有几个小节", "(六)增进民生福祉"),
        ("城镇化那部分分成哪几小块", "(三)突出协调发展"),
        ("第四部分一共分几大段", "建设人民满意政府"),
        ("改革那一节分哪几点来写", "(五)强化改革赋能"),
        ("过去五年的成就分几个方面来概括", "县域经济更具规模"),
    ] {
        assert!(
            direct(question).is_some_and(|d| d.contains(block)),
            "{question}: {:?}",
            direct(question)
        );
    }
    // 多少块 with no measure asks for money, not for blocks.
    assert!(
        !direct("工业那一块花了多少块").is_some_and(|d| d.contains("其中")),
        "{:?}",
        direct("工业那一块花了多少块")
    );
}

/// The favourable conditions are the report's 要看到 list (天时已至, 地利已成, 人和已聚), by the alias; the
/// same words asked of another topic are no question about them.
#[test]
fn the_favourable_conditions_are_the_things_the_report_says_to_see() {
    let answer = engine().ask("县里跨越发展有什么有利条件");
    let direct = answer.direct().unwrap_or_default();
    for condition in ["天时已至", "地利已成", "人和已聚"] {
        assert!(direct.contains(condition), "{direct}");
    }
    assert!(matches!(
        engine().ask("发展白酒有哪些有利条件").outcome,
        Outcome::Refused(_)
    ));
}

/// A topic of the review asked about the past years (这几年就业, 五年来文化) is that topic whole: its lead
/// and the sentences under it, also through `ask --json`; asked of this year or for a figure, it is not.
#[test]
fn a_review_topic_asked_of_the_past_years_is_answered_whole() {
    for (question, lead, under) in [
        (
            "这几年就业方面有什么成绩",
            "居民就业更加充分",
            "累计新增城镇就业3.8万人",
        ),
        ("五年来文化事业发展得咋样", "文化事业繁荣发展", ""),
        (
            "过去五年风险防控总的成效如何",
            "风险防控科学有效",
            "疫情防控",
        ),
    ] {
        let answer = support::cli::ask_json(question);
        assert_eq!(answer["answered"], true, "{question}: {answer}");
        let direct = answer["answer"].as_str().unwrap_or_default();
        assert!(direct.starts_with(lead), "{question}: {direct}");
        let text = answer["hits"][0]["text"].as_str().unwrap_or_default();
        assert!(
            text.starts_with(lead) && text.contains(under),
            "{question}: {text}"
        );
    }
    for question in ["今年就业工作怎么安排", "过去五年累计新增城镇就业多少人"]
    {
        let direct = engine().ask(question).direct().map(str::to_owned);
        assert!(
            !direct
                .as_deref()
                .is_some_and(|d| d.starts_with("居民就业更加充分")),
            "{question}: {direct:?}"
        );
    }
}

#[test]
fn a_plan_section_is_asked_broadly_by_a_topic_its_paragraphs_keep_saying() {
    for (question, heading) in [
        ("咱县今年农业上有什么打算", "聚焦“三农”发展"),
        ("今年城市方面怎么做", "突出协调发展"),
        ("今年改革上有哪些举措", "强化改革赋能"),
    ] {
        let answer = engine().ask(question);
        let direct = answer.direct().unwrap_or_default().to_owned();
        assert!(
            is_block(&answer) && direct.contains(heading),
            "{question}: {direct}"
        );
    }
    // One thing of a section, asked by its own name, is answered by its sentence.
    for question in ["今年厕所改造有什么打算", "今年国家园林县城要做什么"] {
        let answer = engine().ask(question);
        assert!(!is_block(&answer), "{question}: {:?}", answer.outcome);
    }
}

/// A block named by words of another block's heading (政府自身建设 is an achievement of the review and the
/// theme of the last part) is the plan's when the question asks what is required or planned of it.
#[test]
fn what_is_required_of_a_block_is_read_in_the_plan() {
    for question in [
        "政府自身建设提了哪些要求",
        "关于政府自身建设，报告有什么要求",
    ] {
        let shown = direct(question);
        for heading in ["旗帜鲜明讲政治", "尚廉崇俭守底线"] {
            assert!(shown.contains(heading), "{question}: {shown}");
        }
    }
    assert!(direct("过去五年政府自身建设怎么样").contains("政府自身建设更加严实"));
}

/// A metric named as the report writes it (亿元以上项目) asks for its figure, though a word of it (项目)
/// is in a block's heading (抓实抓好项目建设); the block named by its own words is still the block.
#[test]
fn a_metric_named_whole_asks_its_figure_not_the_block_sharing_its_words() {
    let figure = direct("亿元以上项目今年要几个");
    assert!(figure.contains("亿元以上项目15个"), "{figure}");
    let block = direct("今年工业这块有哪几项工作");
    assert!(block.contains("培育壮大主导产业"), "{block}");
}

/// A place in a list asked (第几块, 第几个方面, 第几件) asks which item it is, as 哪块 does: the item, with
/// its number; a rank asked (排第几名) is no place in a list.
#[test]
fn a_place_in_a_list_asked_is_the_item_with_its_number() {
    assert_direct_says(&[
        ("乡村振兴放在重点工作的第几块", "第2项：(二)聚焦“三农”发展"),
        ("城镇化建设是放在第几个方面讲的", "第3项：(三)突出协调发展"),
        ("惠民工程里跟喝水有关的是第几件", "第6项"),
    ]);
    assert!(!engine().ask("县人民医院在全国县级医院排第几名").answered());
}

/// The last block asked (最后一个方面) is the last of the plan's sections, or of the review's blocks when
/// the review alone is named; a block numbered in the review is the review's, not the plan's.
#[test]
fn the_last_block_is_the_last_of_the_plan_or_of_the_review() {
    assert_direct_says(&[
        ("今年重点工作最后一个方面", "第6项：(六)增进民生福祉"),
        ("五年回顾的最后一方面是什么", "第6项：五年慎为"),
        ("五年回顾的第二个方面是什么", "第2项：五年攻坚"),
        // 第三 numbers a block here; it is no part of the review's topic 第三产业.
        ("五年成就里第三个方面讲的是啥", "第3项：五年笃行"),
        ("过去五年第三产业发展怎么样", "第三产业繁荣活跃"),
    ]);
}

/// Asserts that the direct answer to each question says its text.
fn assert_direct_says(cases: &[(&str, &str)]) {
    for (question, said) in cases {
        let direct = support::cli::direct(question);
        assert!(direct.contains(said), "{question}: {direct}");
    }
}

#[test]
fn the_years_tasks_divided_or_counted_are_the_plans_sections() {
    for question in [
        "今年的重点工作分成几个方面",
        "2022年的重点工作一共几个方面?",
    ] {
        let answer = direct(question);
        assert!(
            answer.contains("六个方面工作") && !answer.contains("4个部分"),
            "{question}: {answer}"
        );
    }
    // The report named asks how the report itself is divided.
    assert!(direct("这份报告分成几大块").contains("4个部分"));
}

#[test]
fn a_review_block_named_with_that_paragraph_is_that_block() {
    for question in ["“五年攻坚”那一段讲了哪些内容", "五年攻坚这一段总结的是什么"]
    {
        assert!(direct(question).contains("全面小康更见成效"), "{question}");
    }
}

#[test]
fn a_count_of_things_whose_word_heads_a_block_asks_a_figure_not_the_block() {
    // 项目 is a word of 抓实抓好项目建设, a heading of the plan's first section; 几个 asks how many projects.
    let answer = direct("今年招商要几个亿元以上的项目");
    assert!(
        answer.contains("亿元以上项目") && !answer.contains("壮大工业底盘"),
        "{answer}"
    );
    // A count of what a block holds is still the block's.
    assert!(direct("改革开放那一节下面有几个小标题").contains("(五)"));
}

/// A part asked after by how it unfolds (从哪几个方面展开, 从哪些方面入手), by its subheadings though an
/// achievement of the review shares its words (政府自身建设), or by the review named alone (工作回顾讲了啥):
/// that part's own items, not the outline of the whole report. The outline asked whole is still the
/// report's parts.
#[test]
fn a_part_named_by_how_it_unfolds_its_subheadings_or_its_time_gives_its_items() {
    for question in [
        "建设人民满意政府要从哪几个方面展开",
        "建设人民满意政府从哪些方面着手",
        "政府自身建设这部分下面有几个小标题",
    ] {
        let answer = direct(question);
        assert!(answer.contains("第4项"), "{question}: {answer}");
        assert!(answer.contains("主动履职有作为"), "{question}: {answer}");
    }
    for question in ["工作回顾都讲了什么", "报告的回顾部分讲了什么"] {
        let answer = direct(question);
        assert!(answer.contains("县域经济更具规模"), "{question}: {answer}");
        assert!(!answer.contains("建设人民满意政府"), "{question}: {answer}");
    }
    let outline = direct("这个报告分为几个部分");
    assert!(outline.contains("建设人民满意政府"), "{outline}");
    assert!(outline.contains("五年成就辉煌厚重"), "{outline}");
}

/// An item numbered after the block that holds it (建设人民满意政府的第三条, 三农那部分第一项) is that
/// block's item, not the item at that place of the report's parts; a named list's item is still the list's.
#[test]
fn an_item_numbered_after_its_block_is_that_blocks_item() {
    let third = direct("建设人民满意政府这一部分的第三条讲的啥");
    assert!(third.contains("依法行政受监督"), "{third}");
    assert!(!third.contains("奋力开拓崭新局面"), "{third}");
    let first = direct("三农那一块第一项是什么");
    assert!(first.contains("巩固脱贫攻坚成果"), "{first}");
    let project = direct("十件惠民工程的第四件是什么");
    assert!(project.contains("改造老旧小区20个"), "{project}");
}

#[test]
fn a_part_named_as_where_to_look_is_no_topic_of_the_unit() {
    // 第二部分 says where the six 必须坚持 stand: the list answers, not a refusal for words it lacks.
    let answer = engine().ask("第二部分的六个必须坚持分别是什么");
    assert!(
        answer
            .direct()
            .is_some_and(|direct| direct.contains("必须坚持正确政治方向")),
        "{answer:?}"
    );
    // A part that does not hold what the rest of the question finds is no place to find it.
    let elsewhere = engine().ask("第四部分的六个必须坚持分别是什么");
    assert!(
        !elsewhere
            .direct()
            .is_some_and(|direct| direct.contains("必须坚持正确政治方向")),
        "{elsewhere:?}"
    );
}

#[test]
fn a_part_asked_for_its_theme_or_gist_is_its_heading() {
    // 主题, 核心内容, 主要内容, 大意 ask what a part is about, as its title (标题) does.
    for (question, heading) in [
        ("第二部分的主题是啥", "加快实现跨越发展"),
        ("报告第三部分的核心内容", "奋力开拓崭新局面"),
        ("第一部分大意是什么", "五年成就辉煌厚重"),
    ] {
        let answer = direct(question);
        assert!(answer.contains(heading), "{question}: {answer}");
    }
}
