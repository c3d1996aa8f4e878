//! Kinds of question asked in many ways, written before the mechanism that answers them (not taken from any
//! question set): a comparison with any comparative, a sum with any word for "together", a list with any
//! word for "list them", and the last item of a list asked after the list. Each class must pass every
//! phrasing, so that what answers it reads the question's parts, not one wording.

pub mod support;

use support::cli::{after, direct, engine};

/// What an answer shows first: its direct line, else its first passage.
fn shown(question: &str) -> String {
    let answer = engine().ask(question);
    let first = answer.hits().first().map(|hit| hit.text.clone());
    answer
        .direct()
        .map(str::to_owned)
        .or(first)
        .unwrap_or_default()
}

/// Every question whose answer does not show `wanted` first.
fn missing(questions: &[&str], wanted: &str) -> Vec<String> {
    questions
        .iter()
        .filter(|question| !shown(question).contains(wanted))
        .map(|question| format!("{question} → {}", shown(question)))
        .collect()
}

#[test]
fn a_gap_is_worked_out_whatever_comparative_asks_it() {
    // 30325 − 16191: urban and rural per capita disposable income in 2021.
    let gap = [
        "城镇居民人均可支配收入比农村居民高多少",
        "农村居民收入比城镇居民少多少元",
        "城镇和农村居民人均可支配收入相差多少",
        "城镇居民收入和农村居民收入差距有多大",
        "城镇居民人均可支配收入超过农村居民多少元",
        "城镇居民人均可支配收入超出农村居民多少",
        "农村居民人均可支配收入低于城镇居民多少元",
        "城镇居民人均收入高于农村居民多少",
        "城镇居民收入领先农村居民多少元",
        "农村居民收入落后城镇居民多少",
        "城鎮居民人均可支配收入比農村居民多多少",
        "城镇居民人均可支配收入比农村居民多出多少元",
        "城镇和农村居民人均可支配收入差多少元",
        "How much higher is urban per capita disposable income than rural?",
        "By how much does urban per capita disposable income exceed rural?",
    ];
    let misses = missing(&gap, "14134");
    assert!(misses.is_empty(), "{misses:#?}");
    // 2022 targets against the five-year averages, in percentage points.
    let points = [
        "今年GDP增长目标比过去五年年均增速高多少",
        "今年生产总值预期增速高于过去五年年均增速多少",
        "农村居民收入年均增速比城镇居民快多少",
        "农村居民人均可支配收入年均增长超过城镇居民几个百分点",
        "城镇居民收入年均增速比农村慢多少",
        "城镇居民收入年均增速比农村居民慢多少个百分点",
        "农村居民收入年均增长比城镇居民高出几个点",
        "今年GDP目标增速比五年年均高多少百分点",
    ];
    let misses: Vec<String> = points
        .iter()
        .filter(|question| {
            !["0.8", "2.4"]
                .iter()
                .any(|gap| direct(question).contains(gap))
        })
        .map(|question| format!("{question} → {}", direct(question)))
        .collect();
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn a_share_is_worked_out_whatever_word_asks_for_it() {
    // 16191 ÷ 30325: rural against urban per capita disposable income in 2021.
    let share = [
        "农村居民收入占城镇居民收入的百分之多少",
        "农村居民人均可支配收入相当于城镇居民的多大比例",
        "农村居民收入占城镇居民的比重是多少",
        "农村居民收入是城镇居民的百分之几",
        "農村居民收入佔城鎮居民收入的百分之幾",
        "What percentage of urban income is rural income?",
    ];
    let misses = missing(&share, "53.4%");
    assert!(misses.is_empty(), "{misses:#?}");
    // 占 without a share asked (占地, 占用) compares nothing.
    for question in ["伊利牧场占地多少亩", "占用耕地多少"] {
        assert!(!direct(question).contains("推算"), "{question}");
    }
}

#[test]
fn a_yearly_average_is_asked_with_any_word_for_average() {
    // 9 − 7.5: this year's retail sales target against the five-year yearly average.
    let average = [
        "社零今年目标增速比五年平均快多少",
        "今年社会消费品零售总额增长目标比平均增速高多少",
        "社会消费品零售总额今年目标比过去5年平均增幅高几个点",
    ];
    let misses = missing(&average, "1.5个百分点");
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn a_comparative_before_a_number_or_a_question_word_asks_a_threshold() {
    // 超过多少 asks for the figure itself: never a difference of two figures.
    for question in [
        "今年粮食总产要超过多少万吨",
        "今年粮食总产不低于多少",
        "粮食总产要保持在多少以上",
    ] {
        let answer = direct(question);
        assert!(
            answer.contains("96万吨") && !answer.contains("推算"),
            "{question} → {answer}"
        );
    }
}

#[test]
fn figures_are_added_whatever_word_asks_for_them_together() {
    // 69.4 + 15.3: retail sales and general budget revenue in 2021, both in 亿元.
    let sum = [
        "社会消费品零售总额和一般公共预算收入一共多少亿元",
        "社会消费品零售总额和一般公共预算收入加起来多少亿元",
        "社零总额和一般公共预算收入合起来多少",
        "社会消费品零售总额与一般公共预算收入合计是多少",
        "社会消费品零售总额加上一般公共预算收入总共多少亿",
        "社零总额跟一般公共预算收入加一起多少亿元",
    ];
    let misses = missing(&sum, "84.7");
    assert!(misses.is_empty(), "{misses:#?}");
    // A rate and an amount never add.
    assert!(!direct("城镇化率和一般公共预算收入加起来多少").contains("推算"));
}

#[test]
fn a_list_is_given_whatever_word_asks_for_its_items() {
    let ten = [
        "十件惠民工程有哪些",
        "十件惠民工程都包括啥",
        "列一下十件惠民工程",
        "列举一下十件惠民工程",
        "列出十件惠民工程",
        "十件惠民工程罗列一下",
        "惠民工程是哪十件",
        "十件民生实事分别是什么",
        "十件惠民工程都是些啥",
        "十件惠民工程包含哪几件",
        "Which are the ten livelihood projects?",
        "10件惠民工程都有哪些",
        "今年办的10件惠民工程是什么",
    ];
    let misses = missing(&ten, "十件惠民工程");
    assert!(misses.is_empty(), "{misses:#?}");
    let four = [
        "四个意识有哪些",
        "四个意识是哪四个",
        "列举一下四个意识",
        "列举四个意识",
        "四个意识列出来",
        "四個意識是哪幾個",
        "What are the four consciousnesses?",
        "4个意识指的是啥",
    ];
    let misses = missing(&four, "大局意识");
    assert!(misses.is_empty(), "{misses:#?}");
}

#[test]
fn the_last_item_is_asked_after_the_list_with_any_measure_word() {
    let engine = engine();
    let last_of = |list: &str, ask: &str| {
        after(engine, &[list, ask])
            .direct()
            .unwrap_or_default()
            .to_owned()
    };
    for ask in [
        "最后一个是什么",
        "最后一个呢",
        "那最后一项呢",
        "最后那件是啥",
        "最后一条呢？",
        "最后的那个呢",
        "What about the last one?",
    ] {
        let answer = last_of("十件惠民工程有哪些", ask);
        assert!(answer.contains("戏曲进乡村"), "{ask} → {answer}");
    }
    for ask in ["最后一个方面呢", "最后一块是什么", "最后一个呢"] {
        let answer = last_of("今年重点抓好哪几方面工作", ask);
        assert!(answer.contains("增进民生福祉"), "{ask} → {answer}");
    }
    // 最后一部分 is the report's last part, not an item.
    assert!(direct("报告最后一部分讲的什么").contains("建设人民满意政府"));
}

/// "Which one of a kind" (哪次, 哪届, 哪家) asks which: the kind is the topic, and the passage naming the one
/// the report means answers, whatever measure word the asker picks.
#[test]
fn which_one_of_a_kind_is_asked_by_its_kind() {
    let congress = [
        "今后五年工作依据哪次党代会的部署",
        "今后五年的安排是根据哪届党代会",
        "指导思想是按哪一次党代会的部署定的",
    ];
    let failures = missing(&congress, "县第十三次党代会");
    assert!(failures.is_empty(), "{failures:#?}");
}
