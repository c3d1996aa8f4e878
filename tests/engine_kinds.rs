//! The engine against the real report on kinds of question beyond single facts: the report's own front
//! matter asked in everyday words, one block of the report by number or topic, a base year's level worked
//! out from two stated figures, and comparisons of two metrics named by part of their names.

pub mod support;

use report_bot::answer::Outcome;
use support::cli::{after, ask_json, direct, engine};

#[test]
fn front_matter_is_answered_in_everyday_words_and_only_for_this_report() {
    assert!(direct("作报告的那个县长叫啥名啊").contains("侯公涛"));
    assert!(direct("这是哪次人代会上的报告啊").contains("第十六届人民代表大会第一次会议"));
    assert!(direct("什么时候在网上公布的呢").contains("2022年4月21日"));
    assert!(direct("全文大概多少字？").contains("字"));
    // The county head asked by office is the speaker, who held it; another year's report is not this
    // report's front matter.
    assert!(direct("西平县县长叫什么名字").contains("侯公涛"));
    assert!(!engine()
        .ask("西平县2021年的政府工作报告是哪天作的")
        .answered());
}

#[test]
fn a_date_is_answered_as_read_and_as_report_toml_writes_it() {
    let published = direct("报告什么时候公布的");
    assert!(
        published.contains("2022年4月21日") && published.contains("2022-04-21"),
        "{published}"
    );
    assert!(direct("When was the report delivered?").contains("2022-04-20"));
    // Fields that are not dates are not repeated.
    assert!(!direct("报告是谁作的").contains('（'));
}

#[test]
fn the_appendix_is_answered_from_the_glossary_heading_and_its_entries() {
    let json = ask_json("报告正文后面还附了什么东西");
    let answer = json["answer"].as_str().unwrap_or_default();
    assert!(
        answer.contains("《政府工作报告》有关词语注释")
            && answer.contains("共32个")
            && answer.contains("32.一岗双责"),
        "{answer}"
    );
    let id = json["hits"][0]["id"].as_str().unwrap_or_default();
    let passage = engine().passage(id).expect("the appendix as a passage");
    assert!(passage.text.contains("1.四张清单"));
    // An entry asked by the appendix's word is the entry, not the appendix.
    assert!(!direct("四张清单的注释是什么").contains("共32个"));
    // The appendix asked by what it does, or whether it is there (带不带, 有没有附).
    for asked in [
        "报告解释了多少个名词",
        "報告裡帶不帶名詞解釋",
        "报告后面有没有附名词解释",
        "词语注释部分一共收了多少个词条？",
        "报告后附的名词解释",
    ] {
        assert!(direct(asked).contains("共32个"), "{asked}");
    }
}

#[test]
fn an_item_is_picked_out_of_a_list_by_position_or_topic() {
    let last = ask_json("十件惠民工程最后一件");
    let answer = last["answer"].as_str().unwrap_or_default();
    assert!(answer.contains("第10项"), "{last}");
    assert!(last["hits"][0]["text"]
        .as_str()
        .is_some_and(|text| text.starts_with("10.")));
    assert!(direct("民生实事里关于农村厕所的是第几件").contains("第9项"));
    // Which one (哪件) asks the same, and where the question numbers the item the number decides.
    let elderly = direct("十件惠民工程里跟老年人有关的是哪件");
    assert!(
        elderly.contains("第8项") && elderly.contains("适老化改造600户"),
        "{elderly}"
    );
    assert!(direct("十件惠民工程里排第五的是哪件").contains("第5项"));
    // All of them, however the asker says so (全部列一下, 排在第几件).
    assert!(direct("十件惠民工程都是哪些，全部列一下").contains("（共10项）"));
    assert!(direct("户厕改造排在十件实事的第几件").contains("第9项"));
    // What a question sets aside (除了X还…) is not searched for.
    let risks = ask_json("除了安全生产还要防哪些重大风险");
    assert!(risks["hits"][0]["text"]
        .as_str()
        .is_some_and(|text| text.contains("信访维稳风险")));
    // One item of a structure by its topic: the difficulty about the business environment.
    let business = direct("营商环境还有什么不足");
    assert!(
        business.contains("第3项") && business.contains("法治环境建设上还有欠缺"),
        "{business}"
    );
    // A ranking is no list item.
    assert!(!direct("咱县医院现在排第几").contains("第9项"));
}

#[test]
fn the_opening_the_closing_call_and_the_verses_are_read_from_the_tree() {
    let opening = ask_json("报告开头怎么说的");
    assert!(opening["hits"][0]["text"]
        .as_str()
        .is_some_and(|text| text.contains("向大会报告工作")));
    assert!(direct("结尾是怎么号召大家的").contains("幸福美好生活新篇章"));
    let verses = direct("回顾五年工作那段引用了哪句诗");
    assert!(
        verses.starts_with("“历经天华成此景,人间万事出艰辛”"),
        "{verses}"
    );
}

#[test]
fn enumerations_inside_running_text_are_lists() {
    // Items sharing the last one's ending, called by their count and ending.
    let battles = direct("三大保卫战是哪三个");
    assert!(
        battles.contains("1. 蓝天保卫战") && battles.contains("3. 净土保卫战"),
        "{battles}"
    );
    // Sentences counted 一要, 二要, 三要.
    let conditions = direct("天时地利人和分别指什么");
    assert!(
        conditions.contains("天时已至") && conditions.contains("人和已聚"),
        "{conditions}"
    );
}

#[test]
fn a_block_is_answered_by_number_or_by_topic() {
    assert!(direct("第二部分標題是什麼").contains("加快实现跨越发展"));
    assert!(direct("報告的最後一部分講什麼").contains("建设人民满意政府"));
    assert!(direct("五年回顾里城乡建设那一块说了啥").contains("城乡建设更趋协调"));
    assert!(direct("工业这一块今年打算干哪些事").contains("壮大工业底盘"));
    // A block named by its heading lists what it holds: a section's lead phrases, a part's.
    let industry = direct("壮大工业底盘部分有哪些主要任务");
    assert!(
        industry.contains("培育壮大主导产业") && industry.contains("提升产业招商质效"),
        "{industry}"
    );
    let government = direct("建设人民满意政府要从哪几方面做");
    assert!(
        government.contains("1. 旗帜鲜明讲政治") && government.contains("4. 尚廉崇俭守底线"),
        "{government}"
    );
    // A figure about a block's topic is still a figure.
    assert!(!direct("工业方面今年增长多少").contains("第1项"));
}

#[test]
fn computed_figures_show_their_arithmetic() {
    let base = direct("2017年城镇化率是多少");
    assert!(
        base.contains("37.2%") && base.contains("42.7 − 5.5"),
        "{base}"
    );
    // The rise itself is stated: it is answered as the report says it.
    assert!(!direct("2017年城镇化率提高了多少").contains("推算"));
    // Years counted back from the report's are that year, not its five years (五年 alone).
    for asked in [
        "五年前GDP是多少",
        "5年以前全县生产总值有多少亿",
        "what was the GDP five years ago",
    ] {
        assert!(direct(asked).contains("195.6亿元"), "{asked}");
    }
    assert!(!engine().ask("三年前的一般公共预算收入").answered());
    let farms = direct("今年新增家庭农场比新增合作社多几家");
    assert!(farms.contains("多212家"), "{farms}");
}

#[test]
fn another_place_is_refused_not_answered_with_the_county_figure() {
    // A wider scope or another county: the county's own 8% would be a wrong figure.
    assert!(!engine().ask("全国GDP增长目标是多少").answered());
    assert!(!engine()
        .ask("What is China's national GDP growth target for 2022?")
        .answered());
    assert!(!engine()
        .ask("What is the GDP target of Suiping county?")
        .answered());
    // The county itself, and a unit that speaks of the wider scope, still answer.
    assert!(direct("What is the GDP target of Xiping County?").contains("8%"));
    assert!(engine().ask("县人民医院在全国排名怎么样").answered());
}

#[test]
fn questions_about_the_report_itself_are_answered_from_its_front_matter() {
    for (question, wanted) in [
        ("这份报告是谁作的", "侯公涛"),
        ("Who delivered the report?", "侯公涛"),
        ("报告是在哪次会议上作的", "第十六届人民代表大会第一次会议"),
        ("报告什么时候发布的", "2022年4月21日"),
    ] {
        let json = ask_json(question);
        assert_eq!(json["answered"], true, "{question}: {json}");
        let direct = json["answer"].as_str().unwrap_or_default();
        assert!(direct.contains(wanted), "{question}: {direct}");
        assert_eq!(json["hits"][0]["kind"], "meta", "{question}");
        assert!(json["hits"][0]["citation"]
            .as_str()
            .is_some_and(|citation| citation.contains("西平县2022年政府工作报告")));
    }
    // A question that names a topic is not about the report itself.
    assert_ne!(
        ask_json("南水北调供水厂什么时候建成")["hits"][0]["kind"],
        "meta"
    );
}

#[test]
fn small_talk_gets_a_short_reply_not_a_refusal() {
    for question in [
        "你好",
        "谢谢",
        "你是谁",
        "怎么用",
        "hello, can you answer in English?",
    ] {
        let json = ask_json(question);
        assert_eq!(json["outcome"], "small_talk", "{question}: {json}");
        assert!(!json["reply"]
            .as_str()
            .unwrap_or_default()
            .contains("没有找到"));
    }
    assert_eq!(ask_json("你好,今年GDP目标是多少")["answered"], true);
}

#[test]
fn a_list_is_answered_whole_and_in_order_and_an_ordinal_gets_its_item() {
    let json = ask_json("十件惠民工程都有哪些");
    let direct = json["answer"].as_str().unwrap_or_default();
    let places: Vec<usize> = [
        "1. 处置化解问题楼盘",
        "5. 新建、改扩建学校",
        "10. 完成“戏曲进乡村”",
    ]
    .iter()
    .map(|item| {
        direct
            .find(item)
            .unwrap_or_else(|| panic!("{item} in {direct}"))
    })
    .collect();
    assert!(places.windows(2).all(|pair| pair[0] < pair[1]), "{direct}");
    assert_eq!(json["hits"][0]["kind"], "list");
    // Which N of them (哪十件) asks them all; the list's name alone, typed or in initials, asks what it holds.
    for whole in ["十件惠民工程都是哪十件", "十件惠民工程", "sjhmgc"] {
        let text = support::cli::direct(whole);
        assert!(text.contains("（共10项）"), "{whole}: {text}");
    }

    let sixth = ask_json("十件惠民工程的第六件是什么");
    let direct = sixth["answer"].as_str().unwrap_or_default();
    assert!(
        direct.contains("第6项") && direct.contains("南水北调供水厂"),
        "{direct}"
    );

    let outline = ask_json("报告分为几个部分");
    let direct = outline["answer"].as_str().unwrap_or_default();
    assert!(
        direct.contains("4个部分") && direct.contains("四、求真务实"),
        "{direct}"
    );
    // Each part's title asked with the count, and the report called a speech, ask the same.
    for each in ["报告一共分几个部分，每部分标题是什么", "这篇讲话分几段讲的"]
    {
        let text = support::cli::direct(each);
        assert!(
            text.contains("4个部分") && text.contains("四、求真务实"),
            "{each}: {text}"
        );
    }

    let tasks = ask_json("今年重点抓好哪几个方面的工作");
    let direct = tasks["answer"].as_str().unwrap_or_default();
    assert!(
        direct.contains("（一）壮大工业底盘") && direct.contains("（六）增进民生福祉"),
        "{direct}"
    );
}

#[test]
fn a_follow_up_leans_on_the_previous_question_and_a_full_question_never_does() {
    let engine = engine();
    let ask_turns = |turns: &[&str]| after(engine, turns);
    let direct = |turns: &[&str]| ask_turns(turns).direct().unwrap_or_default().to_owned();
    assert!(direct(&["今年GDP目标是多少", "那2021年呢?"]).contains("279亿元"));
    assert!(direct(&["财政收入呢", "它的目标呢"]).contains("增长6%"));
    assert!(direct(&["十件惠民工程都有哪些", "第二个具体说说"]).contains("南大街"));
    // More of the same: the next page, never a hit already shown.
    let first = ask_turns(&["粮食"]);
    let more = ask_turns(&["粮食", "还有呢"]);
    assert!(more
        .hits()
        .iter()
        .all(|hit| first.hits().iter().all(|shown| shown.id != hit.id)));
    // A question that asks but names nothing leans as it is; "X呢" keeps the previous time and kind.
    assert!(direct(&["粮食总产目标", "去年完成了多少"]).contains("95.9万吨"));
    assert!(direct(&["十件惠民工程有哪些", "第三件是什么"]).contains("通村公路"));
    // 其中 naming one of the things before asks about it; 其中 naming none leans on them.
    let culture = ask_turns(&["五大工程是什么", "其中文旅振兴具体咋搞"]);
    assert!(culture.hits()[0].text.contains("嫘祖故里"), "{culture:#?}");
    assert!(direct(&["什么是17110工作制度", "其中的7指什么"]).contains("每周工作调度"));
    // The plan's sections counted by a bare measure word once the question has named them.
    let fourth = direct(&["今年重点工作几个方面", "第四个是什么"]);
    assert!(
        fourth.contains("第4项") && fourth.contains("推动提档升级"),
        "{fourth}"
    );
    // Another item numbered replaces the one the previous question numbered, unless it is numbered
    // inside it: the third part's fourth section, never the report's fourth part.
    let second = direct(&["今年第一方面重点工作是什么", "第二个呢"]);
    assert!(
        second.contains("第2项") && second.contains("聚焦“三农”发展"),
        "{second}"
    );
    let last = direct(&["五年成就的第一个方面讲的是什么?", "那最后一个方面呢?"]);
    assert!(last.contains("政府自身建设更加严实"), "{last}");
    let inside = ask_turns(&["报告第三部分讲什么", "里面第四个方面是啥"]);
    assert!(
        inside.hits()[0].text.contains("推动提档升级"),
        "{inside:#?}"
    );
    // An item inside a plan section asked before is that section's, by number or as its last; a
    // follow-up naming a topic of its own inside it is no item.
    let item = direct(&["今年重点工作第六个方面是什么", "里面第二条是什么"]);
    assert!(item.starts_with("「办好民生实事」是其中第2项"), "{item}");
    let final_item = direct(&["现代服务业那个方面", "里面最后一条是什么?"]);
    assert!(final_item.contains("加快推进白酒振兴工程"), "{final_item}");
    // A review achievement's runs are headed by short sentences of its own (城区路网更为通畅。): they
    // are its items, shown with it and numbered inside it.
    let achievement = direct(&["过去五年的成就里第四个方面"]);
    assert!(
        achievement.contains("其中（共3项）") && achievement.contains("营商环境不断优化"),
        "{achievement}"
    );
    let inner = direct(&["五年成就的第二个方面是什么", "其中第二条呢"]);
    assert!(inner.contains("生态环境持续向好"), "{inner}");
    let named = direct(&["今年第六个方面", "里面第一条定的就业目标是多少"]);
    assert!(!named.contains("是其中第1项"), "{named}");
    assert!(direct(&["今年GDP目标是多少", "规上工业增加值呢"]).contains("8%以上"));
    // A qualifier without its noun (亿元以上的呢, 城镇的呢) asks the previous question of the figure it
    // names in the previous one's place.
    let projects = direct(&["今年要引进10亿元以上项目几个", "亿元以上的呢"]);
    assert!(projects.contains("亿元以上项目15个"), "{projects}");
    assert!(!projects.contains("产值"), "{projects}");
    assert!(direct(&["去年农村居民人均可支配收入多少", "城镇的呢"]).contains("30325元"));
    // A time or kind alone (今年目标呢) keeps the topic, though alone it names the report's targets.
    assert!(direct(&["去年粮食总产多少", "今年目标呢"]).contains("96万吨"));
    assert!(direct(&["一般公共预算收入去年多少", "今年目标增长多少"]).contains("增长6%"));
    // A time or kind of its own replaces the previous one, even one the reader made a term (主要预期目标).
    assert!(direct(&["一般公共预算收入今年目标多少", "那去年完成了多少"]).contains("15.3亿元"));
    // A kind of figure the report keeps for several things is the one of the thing named just before;
    // a question naming its own thing keeps it.
    assert!(direct(&["说说白酒振兴工程", "今年产量目标多少"]).contains("4000吨"));
    assert!(direct(&["西平牧原的养殖项目", "年出栏是多少头"]).contains("120万头"));
    assert!(direct(&["说说白酒振兴工程", "粮食产量目标多少"]).contains("96万吨"));
    // Another thing named alone, when the previous thing still answers, is asked as the previous was,
    // and only when what answers says it.
    let bridges = ask_turns(&["五年新建改造了几条主干道路", "那桥呢"]);
    assert!(bridges.hits()[0].text.contains("桥梁7座"), "{bridges:#?}");
    assert!(
        bridges
            .direct()
            .is_none_or(|direct| !direct.contains("主干道路")),
        "{bridges:#?}"
    );
    let parks = ask_turns(&["五年里新建了多少所村卫生室", "园呢"]);
    assert!(
        parks.hits().iter().all(|hit| !hit.text.contains("桥梁")),
        "{parks:#?}"
    );
    // A question that stands on its own inherits nothing.
    assert_eq!(
        direct(&["今年GDP目标是多少", "去年粮食总产多少"]),
        engine.ask("去年粮食总产多少").direct().unwrap_or_default()
    );
    // Small talk after a question is small talk.
    assert!(matches!(
        ask_turns(&["今年GDP目标是多少", "谢谢"]).outcome,
        Outcome::SmallTalk(_)
    ));
}
#[test]
fn things_the_report_only_counts_are_not_named_and_their_count_is_shown() {
    for (question, nearest) in [
        ("今年改造的20个老旧小区是哪几个", "改造老旧小区20个"),
        ("处置的59个问题楼盘都叫什么名字", "处置化解问题楼盘59个"),
    ] {
        let json = ask_json(question);
        assert_eq!(json["outcome"], "near_miss", "{question}: {json}");
        let reply = json["reply"].as_str().unwrap_or_default();
        assert!(
            reply.starts_with("报告没有列出") && reply.contains(nearest),
            "{question}: {reply}"
        );
    }
    // A sentence naming some before 等 gives them as examples; how many of each is a number asked.
    for question in ["产业工作专班都有哪些", "今年招商引资项目目标分别是几个"]
    {
        assert_eq!(ask_json(question)["outcome"], "answered", "{question}");
    }
    assert!(ask_json("产业工作专班都有哪些")["reply"]
        .as_str()
        .is_some_and(|reply| reply.contains("服装纺织、机械装备制造")));
}

#[test]
fn near_misses_say_what_is_missing_and_carry_the_nearest_fact() {
    // One year asked of a five-year total; a level asked of a growth target; a growth rate asked of a level.
    for (question, nearest, missing) in [
        ("2021年新增城镇就业多少人", "xiping-2022/1.0.6.3#1", "单年"),
        // The first year of a span asked alone is one year the span does not give.
        (
            "2017年一般公共预算收入是多少",
            "xiping-2022/1.0.2.3#2",
            "单年",
        ),
        (
            "今年城镇化率能达到多少",
            "xiping-2022/3.0.2.7#3",
            "具体数值",
        ),
        ("去年生产总值增长多少", "xiping-2022/1.0.2.2#1", "增长幅度"),
    ] {
        let json = ask_json(question);
        assert_eq!(json["outcome"], "near_miss", "{question}: {json}");
        assert_eq!(json["answered"], false, "{question}: {json}");
        assert_eq!(json["hits"][0]["id"], nearest, "{question}: {json}");
        let reply = json["reply"].as_str().unwrap_or_default();
        assert!(
            reply.starts_with("报告没有给出") && reply.contains(missing),
            "{question}: {reply}"
        );
    }
    // The level the report gives sits beside the growth target.
    let json = ask_json("今年城镇化率能达到多少");
    let ids: Vec<&str> = json["hits"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|hit| hit["id"].as_str())
        .collect();
    assert!(ids.contains(&"xiping-2022/1.0.2.10#1"), "{json}");
    // What the report does give is answered: the span asked, a base year compared with, a target.
    for question in [
        "过去五年新增城镇就业多少",
        "城镇化率比2017年提高了多少",
        "今年GDP目标是多少",
    ] {
        assert_eq!(ask_json(question)["outcome"], "answered", "{question}");
    }
}

#[test]
fn comparisons_are_computed_from_two_stated_figures_never_invented() {
    // The sources in the order the answer names them; two figures of one sentence are one source.
    for (question, gap, sources) in [
        (
            "农村居民收入年均增速比城镇居民快多少",
            "高2.4个百分点",
            &["xiping-2022/1.0.2.9#2"][..],
        ),
        (
            "今年GDP增长目标比过去五年年均增速高多少",
            "高约0.8个百分点",
            &["xiping-2022/3.0.2.1#1", "xiping-2022/1.0.2.2#3"][..],
        ),
    ] {
        let json = ask_json(question);
        assert_eq!(json["outcome"], "answered", "{question}: {json}");
        let answer = json["answer"].as_str().unwrap_or_default();
        assert!(
            answer.contains(gap) && answer.contains("由报告的这两个数字算出"),
            "{question}: {answer}"
        );
        let ids: Vec<&str> = json["hits"]
            .as_array()
            .map(|hits| hits.iter().filter_map(|hit| hit["id"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(ids, sources, "{question}: {json}");
    }
    // A lower bound on the smaller figure bounds the gap from above: said so, never as an exact gap.
    let json = ask_json("今年固定资产投资目标比去年增速高多少");
    let answer = json["answer"].as_str().unwrap_or_default();
    assert!(answer.contains("至多高3.2个百分点"), "{json}");
    // Lower bounds on both figures leave the gap unknown: no computed figure.
    let json = ask_json("今年固投目标比规上工业增加值目标高多少");
    assert!(
        !json["answer"]
            .as_str()
            .unwrap_or_default()
            .contains("前者比后者"),
        "{json}"
    );
}

#[test]
fn a_part_of_a_glossary_group_leads_back_to_its_entry() {
    let json = ask_json("道路自信属于哪个提法");
    assert_eq!(json["outcome"], "answered", "{json}");
    let answer = json["answer"].as_str().unwrap_or_default();
    assert!(
        answer.starts_with("道路自信是“四个自信”的第1项"),
        "{answer}"
    );
    assert_eq!(json["hits"][0]["kind"], "glossary", "{json}");
}

#[test]
fn a_part_asked_which_group_or_entry_it_belongs_to_in_any_words_leads_back_to_its_entry() {
    // Group, part, the glossary's own name (名词解释), two groups to choose from, the report named: each
    // only asks which entry, and the part is the rest.
    for (question, entry) in [
        ("理论自信在哪一组当中", "“四个自信”"),
        ("大局意识是哪个提法的组成部分", "“四个意识”"),
        ("稳外资属于六稳还是六保", "“六稳”"),
        ("专收是报告里哪个名词解释的内容", "“四专”"),
        ("清违建出自哪个词语解释", "“六乱六清”"),
    ] {
        let json = ask_json(question);
        let answer = json["answer"].as_str().unwrap_or_default();
        assert!(answer.contains(entry), "{question}: {json}");
        assert_eq!(json["hits"][0]["kind"], "glossary", "{question}: {json}");
    }
    // A part with another topic beside it is no question of membership.
    let answer = ask_json("理论自信当中哪部分最难")["answer"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(!answer.contains("的第2项"), "{answer}");
}

#[test]
fn a_run_of_items_before_the_name_that_counts_them_answers_which_they_are() {
    for (question, items) in [
        (
            "万人助万企的四项机制是哪四项",
            "领导包联、专班服务、督促督办、考评奖惩",
        ),
        ("五个保障是哪五个", "要素保障、营商环境、落实机制"),
    ] {
        let json = ask_json(question);
        let answer = json["answer"].as_str().unwrap_or_default();
        assert!(answer.contains(items), "{question}: {json}");
        assert_eq!(json["hits"][0]["kind"], "list", "{question}: {json}");
    }
}

#[test]
fn the_reports_structure_answers_whole_from_the_parsed_tree() {
    // Each structural question gets one whole list, in the report's order, whose first item is known.
    for (question, first_item) in [
        ("今年工作分几大块", "1. （一）壮大工业底盘"),
        ("这五年干成了哪些事", "1. 五年奋斗"),
        ("存在哪些问题和困难", "1. 对照高质量发展要求"),
        ("必须坚持哪些原则", "1. 必须坚持正确政治方向"),
        ("报告讲了哪些内容", "1. 一、披荆斩棘"),
    ] {
        let json = ask_json(question);
        assert_eq!(json["outcome"], "answered", "{question}: {json}");
        assert_eq!(json["hits"][0]["kind"], "list", "{question}: {json}");
        let answer = json["answer"].as_str().unwrap_or_default();
        assert!(answer.contains(first_item), "{question}: {answer}");
    }
}

#[test]
fn pinyin_for_a_topic_the_report_lacks_is_not_dropped_as_english() {
    // 排名 typed in pinyin is a topic (the report ranks nothing); 多少 typed in pinyin only asks.
    for question in ["gdp paiming", "xiping fangjia"] {
        assert_eq!(ask_json(question)["outcome"], "refused", "{question}");
    }
    assert_eq!(ask_json("liangshi zongchan duoshao")["outcome"], "answered");
}

#[test]
fn the_past_five_years_named_are_answered_from_the_review() {
    // A plan sentence that says the question's words a little more fully (企业入驻 in 2022's plan) does
    // not outrank the review's passage when the question names the five years.
    for asked in ["过去五年有哪些企业入驻西平", "这几年都有啥企业入驻咱西平"]
    {
        let answer = ask_json(asked);
        let first = answer["hits"][0]["text"].as_str().unwrap_or_default();
        assert!(first.contains("北京爱慕"), "{asked}: {first}");
    }
    // Without the five years, the plan's own sentence still answers what is planned.
    let planned = ask_json("今年要引进哪些人力资源服务企业入驻");
    let first = planned["hits"][0]["text"].as_str().unwrap_or_default();
    assert!(first.contains("人力资源"), "{first}");
}
