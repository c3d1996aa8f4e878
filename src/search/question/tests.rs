use super::*;

fn reader() -> QuestionReader {
    let aliases = [
        AliasPair {
            variant: "GDP",
            canonical: "生产总值",
        },
        AliasPair {
            variant: "地区生产总值",
            canonical: "生产总值",
        },
        AliasPair {
            variant: "财政收入",
            canonical: "一般公共预算收入",
        },
        AliasPair {
            variant: "规上",
            canonical: "规模以上",
        },
        AliasPair {
            variant: "grain output",
            canonical: "粮食总产",
        },
    ];
    QuestionReader::new(2022, aliases, ["四张清单", "规上工业增加值", "粮食总产"]).expect("reader")
}

#[test]
fn years_resolve_against_the_report_year() {
    let r = reader();
    assert_eq!(r.read("2022年GDP目标是多少").time.years, vec![2022]);
    assert_eq!(r.read("今年GDP目标").time.years, vec![2022]);
    assert_eq!(r.read("去年粮食总产多少").time.years, vec![2021]);
    assert_eq!(r.read("上年财政收入").time.years, vec![2021]);
    assert_eq!(r.read("明年的计划").time.years, vec![2023]);
    assert_eq!(r.read("GDP growth target 2022").time.years, vec![2022]);
    assert_eq!(r.read("grain output last year").time.years, vec![2021]);
    assert!(r.read("粮食总产多少").time.years.is_empty());
}

#[test]
fn same_year_after_a_year_named_is_that_year() {
    let r = reader();
    assert_eq!(r.read("去年当年新增了多少城镇就业").time.years, vec![2021]);
    assert_eq!(r.read("2021年当年修了多少公里").time.years, vec![2021]);
    assert_eq!(r.read("当年新增了多少城镇就业").time.years, vec![2022]);
}

#[test]
fn five_year_phrases_and_plans_are_told_apart() {
    let r = reader();
    assert!(r.read("过去五年建成多少高标准农田").time.past_five_years);
    let average = r.read("GDP年均增长多少");
    assert!(average.time.yearly_average && average.time.past_five_years);
    let plan = r.read("今后五年的指导思想");
    assert!(plan.time.future_plan && !plan.time.past_five_years);
}

#[test]
fn years_in_chinese_numerals_are_years() {
    let r = reader();
    assert_eq!(r.read("二〇二二年GDP目标").time.years, vec![2022]);
    assert_eq!(r.read("二零二一年粮食总产").time.years, vec![2021]);
    assert!(!r.read("二〇二二年粮食总产").search_text.contains('二'));
    assert!(r.read("十二五年").time.years.is_empty());
}

#[test]
fn list_questions_ask_for_items_not_for_a_number() {
    let r = reader();
    let villages = r.read("哪两个乡要撤乡建镇");
    assert_eq!(villages.intent, Intent::General);
    assert_eq!(villages.counts, vec!["两个"]);
    assert!(!villages.search_text.contains('哪'));
    assert_eq!(r.read("白酒振兴支持哪几家酒企").intent, Intent::General);
    assert_eq!(r.read("六稳包括哪六个").intent, Intent::Definition);
    assert_eq!(r.read("四美乡村指哪四美").intent, Intent::Definition);
    assert_eq!(r.read("四张清单是个啥").intent, Intent::Definition);
    assert_eq!(
        r.read("放管服效是哪几个词的简称").intent,
        Intent::Definition
    );
}

#[test]
fn everyday_ways_of_asking_for_a_number() {
    let r = reader();
    assert_eq!(r.read("今年GDP增长目标是好多").intent, Intent::Number);
    let households = r.read("适老化改造有多少户");
    assert_eq!(households.unit_hint, Some(&["户"][..]));
    assert!(!households.search_text.contains('户'));
    assert_eq!(
        r.read("煤改电改了多少家").unit_hint,
        Some(&["家", "户"][..])
    );
    assert!(!r
        .read("问题楼盘什么时候处置完")
        .search_text
        .contains("时候"));
}

#[test]
fn percentage_points_asked_are_a_rate_not_a_count_of_things() {
    let r = reader();
    for question in ["比城镇快多少个百分点", "高几个点", "差了几百分点"] {
        assert_eq!(
            r.read(question).unit_hint,
            Some(&["%", "个百分点"][..]),
            "{question}"
        );
    }
    assert_eq!(r.read("建了多少个").unit_hint, Some(&["个"][..]));
}

#[test]
fn a_measure_counted_in_a_magnitude_is_the_measure() {
    let r = reader();
    assert_eq!(r.read("播种面积是多少万亩").unit_hint, Some(&["亩"][..]));
    assert_eq!(
        r.read("新增就业多少万人").unit_hint,
        r.read("多少人").unit_hint
    );
}

#[test]
fn counting_what_was_done_asks_for_results() {
    let r = reader();
    assert!(r.read("通村道路修了多少公里").wants_result);
    assert!(r.read("建了几座桥").wants_result);
    assert!(!r.read("今年修多少公里").wants_result);
}

#[test]
fn a_noun_after_how_many_keeps_its_first_character() {
    let r = reader();
    let q = r.read("西平有多少人口");
    assert!(q.search_text.contains("人口"), "{}", q.search_text);
    assert_eq!(q.unit_hint, Some(&["人", "名", "人次"][..]));
    assert_eq!(r.read("有多少项目").unit_hint, None);
    assert!(!r.read("建了多少个").search_text.contains('个'));
}

#[test]
fn an_ordinal_names_an_item_of_a_list() {
    let r = reader();
    let q = r.read("惠民工程第六件是什么");
    assert_eq!(q.ordinal, Some(6));
    assert_eq!(q.intent, Intent::General);
    assert!(!q.search_text.contains('第'));
    assert_eq!(r.read("第12项").ordinal, Some(12));
    assert_eq!(r.read("第二十个").ordinal, Some(20));
    assert_eq!(r.read("第十一件").ordinal, Some(11));
    assert_eq!(r.read("次第").ordinal, None);
}

#[test]
fn a_not_a_questions_keep_the_verb() {
    let r = reader();
    assert_eq!(
        r.read("问题楼盘政府管不管").search_text.trim(),
        "问题楼盘政府管"
    );
    assert_eq!(one_of_a_not_a("有没有"), "有");
    assert_eq!(one_of_a_not_a("不是不"), "不是不");
}

#[test]
fn figures_are_not_years() {
    let r = reader();
    assert!(r.read("279亿元是哪年").time.years.is_empty());
    assert!(r.read("处置化解问题楼盘59个").time.years.is_empty());
    assert!(r.read("2021.5").time.years.is_empty());
}

#[test]
fn intent_is_read_from_the_phrasing() {
    let r = reader();
    assert_eq!(r.read("四张清单是什么意思").intent, Intent::Definition);
    assert_eq!(r.read("什么是四张清单").intent, Intent::Definition);
    assert_eq!(r.read("啥叫四张清单").intent, Intent::Definition);
    assert_eq!(r.read("四张清单是啥").intent, Intent::Definition);
    assert_eq!(r.read("what does 四张清单 mean").intent, Intent::Definition);
    assert_eq!(r.read("四张清单是干嘛的").intent, Intent::Definition);
    assert_eq!(r.read("explain 四张清单 please").intent, Intent::Definition);
    assert_eq!(r.read("2022年GDP目标是什么").intent, Intent::Number);
    assert_eq!(r.read("去年粮食总产多少").intent, Intent::Number);
    assert_eq!(r.read("老王坡农业现代化示范区").intent, Intent::General);
    assert!(r.read("县委书记是谁").asks_person);
    assert!(r.read("县公安局电话多少").asks_practical);
    assert!(r.read("问题楼盘怎么处置").asks_how);
    assert!(!r.read("县医院怎么样").asks_how);
    assert_eq!(
        r.read("脱贫了多少人").unit_hint,
        Some(&["人", "名", "人次"][..])
    );
    assert_eq!(r.read("能卖多少钱").unit_hint, Some(&["元"][..]));
    assert_eq!(
        r.read("how many people got jobs").unit_hint,
        Some(&["人", "名", "人次"][..])
    );
    assert_eq!(r.read("how many of them").unit_hint, None);
    assert_eq!(r.read("建成几座桥梁").unit_hint, Some(&["座"][..]));
    assert_eq!(r.read("粮食总产多少").unit_hint, None);
    assert_eq!(r.read("今年CPI和PPI").acronyms, vec!["cpi", "ppi"]);
    assert!(r.read("what is the cpi").acronyms.is_empty());
    assert_eq!(r.read("cpi今年涨多少").acronyms, vec!["cpi"]);
    assert!(r.read("ok今年生产总值多少").acronyms.is_empty());
    assert!(r.read("shi duoshao 生产总值").acronyms.is_empty());
    assert!(!r.read("四张清单").asks_person);
}

#[test]
fn aliases_become_report_terms_and_report_terms_stay() {
    let r = reader();
    let q = r.read("2022年GDP目标是多少");
    assert!(q.search_text.contains("生产总值"), "{}", q.search_text);
    assert!(!q.search_text.contains("gdp"));
    assert!(q.search_text.contains("目标") && q.wants_target);
    assert!(r
        .read("去年财政收入")
        .search_text
        .contains("一般公共预算收入"));
    assert!(r
        .read("规上工业增加值")
        .search_text
        .contains("规上工业增加值"));
    assert!(r.read("grain output 2021").search_text.contains("粮食总产"));
    // ASCII aliases match whole words only.
    assert!(!r.read("gdps").search_text.contains("生产总值"));
}

#[test]
fn a_whole_phrase_finds_its_report_term() {
    let r = reader();
    assert_eq!(r.canonical_of("地区生产总值"), Some("生产总值"));
    assert_eq!(r.canonical_of("gdp"), Some("生产总值"));
    assert_eq!(r.canonical_of("地区生产总值高"), None);
    assert_eq!(r.canonical_of("四张清单"), None);
}

#[test]
fn question_phrases_are_removed_from_the_search_text() {
    let q = reader().read("四张清单是什么意思？");
    assert_eq!(q.search_text.trim(), "四张清单");
    assert!(reader().read("是什么意思").is_empty());
    assert!(reader().read("😀😀").is_empty());
    for junk in [
        "1", "2022", "3.5", "1+1", "!!!", "……", "a1", "¥100", "- 5 -", "%%",
    ] {
        assert!(reader().read(junk).is_empty(), "{junk}");
    }
    for topic in ["CPI", "gdp", "粮食", "5G基站", "GDP 2022"] {
        assert!(!reader().read(topic).is_empty(), "{topic}");
    }
}

#[test]
fn typos_in_known_terms_are_corrected_on_request() {
    let r = reader();
    let q = r.read("四涨清单是什么意思");
    let words = |w: &str| w == "清单";
    let corrected: Vec<_> = r.read_corrections(&q, &words).collect();
    assert_eq!(corrected[0].search_text.trim(), "四张清单");
    let plain = r.read("四张清单");
    assert_eq!(r.read_corrections(&plain, &words).count(), 0);
}

#[test]
fn hostile_input_is_harmless() {
    let r = reader();
    for input in ["", "\"", ":", "(", "AND", "*", "🎉", &"长".repeat(5000)] {
        let _ = r.read(input);
    }
}

#[test]
fn a_dimension_asks_for_a_figure_in_its_units() {
    let r = reader();
    let long = r.read("小洪河有多长");
    assert_eq!(long.intent, Intent::Number);
    assert!(long.unit_hint.is_some_and(|units| units.contains(&"公里")));
    assert!(r
        .read("how long is the river")
        .unit_hint
        .is_some_and(|units| units.contains(&"米")));
    assert_eq!(r.read("增加值多少亿").unit_hint, Some(&["元"][..]));
    assert_eq!(r.read("几月份通车").unit_hint, Some(DATE_UNITS));
    assert_eq!(r.read("几月份通车").intent, Intent::Number);
    // 多长时间 asks for a time, which the measure words do not name.
    assert_eq!(r.read("要多长时间").unit_hint, None);
    let area = r.read("示范区面积多大").unit_hint;
    assert!(area.is_some_and(|units| units.contains(&"亩") && must_be_stated(units)));
    let money = r.read("千人工厂投资多少").unit_hint;
    assert!(money.is_some_and(|units| units == ["元"] && must_be_stated(units)));
    // A measure word after 投资多少 is what is counted.
    assert_eq!(r.read("投资多少个项目").unit_hint, Some(&["个"][..]));
    assert!(!must_be_stated(&["个"]));
}

#[test]
fn english_nouns_after_how_many_name_the_unit_as_typed() {
    let r = reader();
    assert_eq!(
        r.read("how many new companies").unit_hint,
        Some(&["家", "个"][..])
    );
    assert_eq!(
        r.read("伊利集团有多少员工").unit_hint,
        Some(&["人", "名", "人次"][..])
    );
    assert_eq!(r.read("建多少教师周转房").unit_hint, None);
    assert_eq!(
        r.read("how many tourists came").unit_hint,
        Some(&["人次", "人"][..])
    );
}

#[test]
fn english_framing_words_and_list_counts_are_no_topic() {
    let r = reader();
    let q = r.read("could you explain the four lists mentioned in the glossary");
    let words: Vec<&str> = q
        .search_text
        .split_whitespace()
        .filter(|word| !crate::search::normalize::is_question_word(word))
        .collect();
    assert_eq!(words, vec!["four", "lists"]);
    let two = r.read("which two townships");
    assert!(!two.search_text.contains("which two"));
    assert!(r.read("what does the county aim for").wants_target);
}

#[test]
fn a_noun_closing_a_definition_question_names_the_kind_and_is_soft() {
    let r = reader();
    let activity = r.read("万人助万企是什么活动");
    assert!(activity.is_soft("活动"));
    assert!(!activity.is_soft("万人助万企"));
    let cancers = r.read("两癌是哪两种癌");
    assert_eq!(cancers.intent, Intent::Definition);
    assert!(cancers.is_soft("癌"));
    // A list's own noun is its topic; 是哪一年 asks for a year, not what a term stands for.
    assert!(!r.read("有哪几家企业").is_soft("企业"));
    assert_ne!(
        r.read("枫桥经验是哪一年提出来的").intent,
        Intent::Definition
    );
}

#[test]
fn asking_for_the_targets_beside_a_term_asks_for_that_terms() {
    let aliases = ["目标", "今年目标", "targets"].map(|variant| AliasPair {
        variant,
        canonical: "主要预期目标",
    });
    let r = QuestionReader::new(2022, aliases, ["白酒振兴工程"]).expect("reader");
    // Alone, a way of asking for the targets is the report's targets as a whole.
    assert!(r
        .read("今年目标是多少")
        .search_text
        .contains("主要预期目标"));
    assert!(r
        .read("what are the targets")
        .search_text
        .contains("主要预期目标"));
    // Beside another term it asks for that term's targets, in the year it says.
    let beside = r.read("白酒振兴工程今年目标是多少");
    assert!(!beside.search_text.contains("主要预期目标"));
    assert!(beside.wants_target);
    assert_eq!(beside.time.years, vec![2022]);
    let english = r.read("what are the targets of 白酒振兴工程");
    assert!(!english.search_text.contains("主要预期目标") && english.wants_target);
}

#[test]
fn people_are_counted_by_a_population_said_alone_not_inside_a_rates_name() {
    let r = QuestionReader::new(2022, [], ["常住人口城镇化率", "贫困人口"]).expect("reader");
    assert_eq!(r.read("今年常住人口城镇化率目标").unit_hint, None);
    assert_eq!(
        r.read("贫困人口有多少").unit_hint,
        Some(&["人", "名", "人次"][..])
    );
}

#[test]
fn a_person_counted_after_its_measure_word_counts_people_at_the_end_of_the_phrase() {
    let r = QuestionReader::new(2022, [], []).expect("reader");
    assert_eq!(
        r.read("新增就业比去年少几个人").unit_hint,
        Some(&["人", "名", "人次"][..])
    );
    assert_eq!(r.read("多少个人所得税").unit_hint, None);
}
