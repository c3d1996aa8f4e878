//! Which front-matter field a question asks for, on the real report's front matter.
use super::*;
use crate::knowledge::ReportMeta;
use crate::search::normalize::fold_for_search;

fn front() -> FrontWords {
    let date = |day| chrono::NaiveDate::from_ymd_opt(2022, 4, day).expect("a date");
    let meta = ReportMeta {
        id: "xiping-2022".into(),
        title: "西平县2022年政府工作报告".into(),
        issuer: "西平县人民政府".into(),
        speaker: "西平县人民政府县长 侯公涛".into(),
        meeting: "西平县第十六届人民代表大会第一次会议".into(),
        meeting_date: date(20),
        published: date(21),
        year: 2022,
        source: "西平县人民政府门户网站 › 政务公开 › 工作报告".into(),
    };
    FrontWords::new(&meta).with_opening("现在,我代表县人民政府,向大会报告工作,请予审议。")
}

fn field(question: &str) -> Option<MetaField> {
    match meta_ask(&fold_for_search(question), &front()) {
        Some(MetaAsk::Field(field)) => Some(field),
        _ => None,
    }
}

#[test]
fn a_field_is_asked_only_when_nothing_else_is() {
    assert_eq!(field("这份报告是谁作的"), Some(MetaField::Speaker));
    assert_eq!(field("报告人是谁"), Some(MetaField::Speaker));
    assert_eq!(field("报告日期是哪天"), Some(MetaField::MeetingDate));
    assert_eq!(field("在哪能看到原文"), Some(MetaField::Source));
    assert_eq!(field("这是哪一年的报告"), Some(MetaField::Title));
    assert_eq!(
        field("which county is this report about?"),
        Some(MetaField::Title)
    );
    assert_eq!(field("报告人口多少"), None);
    assert_eq!(field("who delivered the report?"), Some(MetaField::Speaker));
    assert_eq!(field("报告是在哪次会议上作的"), Some(MetaField::Meeting));
    assert_eq!(field("报告什么时候发布的"), Some(MetaField::Published));
    assert_eq!(field("南水北调供水厂什么时候建成"), None);
    assert_eq!(field("粮食来源"), None);
    assert_eq!(field("报告的来源是哪里"), Some(MetaField::Source));
}
#[test]
fn fields_are_named_by_pairs_of_cues_and_the_report_own_front_matter() {
    assert_eq!(field("什么时候在网上公布的呢"), Some(MetaField::Published));
    assert_eq!(
        field("哪天开会念的这个报告呢"),
        Some(MetaField::MeetingDate)
    );
    assert_eq!(
        field("第十六届人大一次会议是哪天开的？"),
        Some(MetaField::MeetingDate)
    );
    assert_eq!(field("这是哪次人代会上的报告啊"), Some(MetaField::Meeting));
    // The report known by its meeting: who made it there, when it was published.
    assert_eq!(
        field("第十六届人大一次会议上谁作的报告？"),
        Some(MetaField::Speaker)
    );
    assert_eq!(
        field("十六届人大一次会议的报告什么时候发布的"),
        Some(MetaField::Published)
    );
    // A size asked of the meeting is the meeting's, not the report's.
    assert_eq!(
        meta_ask(&fold_for_search("第十六届人大一次会议有多少代表"), &front()),
        None
    );
    assert_eq!(field("作报告的那个县长叫啥名啊"), Some(MetaField::Speaker));
    assert_eq!(field("侯公涛是什么职务？"), Some(MetaField::Speaker));
    assert_eq!(field("Who gave this speech?"), Some(MetaField::Speaker));
    // Another county's office or another year is not this report's front matter.
    assert_eq!(field("西平县委书记是什么职务"), None);
    // The speaker's name said alone asks who they are.
    assert_eq!(field("侯公涛？"), Some(MetaField::Speaker));
    assert_eq!(field("侯公涛县长"), Some(MetaField::Speaker));
    // The office said beside the name is part of naming him, while another field is asked.
    assert_eq!(
        field("侯公涛县长作的报告题目是什么"),
        Some(MetaField::Title)
    );
    assert_eq!(
        field("县长侯公涛作报告的日期"),
        Some(MetaField::MeetingDate)
    );
    // Where his report is published is its source, not him.
    assert_eq!(
        field("侯公涛县长的报告放在门户网站哪个栏目里"),
        Some(MetaField::Source)
    );
    assert_eq!(field("南水北调供水厂2021年是哪天开的"), None);
    assert_eq!(
        meta_ask(
            &fold_for_search("西平县2021年的政府工作报告是哪天作的"),
            &front()
        ),
        Some(MetaAsk::OfYear(MetaField::MeetingDate, 2021))
    );
    assert_eq!(field("南水北调供水厂什么时候开工"), None);
    assert_eq!(field("今年会有什么变化"), None);
}

#[test]
fn fields_are_named_in_other_words_generated_from_the_front_matter() {
    assert_eq!(
        field("這篇報告什麼時候公布的？"),
        Some(MetaField::Published)
    );
    assert_eq!(
        field("The report was published on which date?"),
        Some(MetaField::Published)
    );
    assert_eq!(field("原文在哪个网站能看到？"), Some(MetaField::Source));
    assert_eq!(field("報告是在哪個網站發的"), Some(MetaField::Source));
    assert_eq!(
        field("Which meeting was this work report delivered at?"),
        Some(MetaField::Meeting)
    );
    // The speaker by surname and office (侯县长, from `西平县人民政府县长 侯公涛`) when the day is asked.
    assert_eq!(
        field("侯县长这个报告是在几月几号做的"),
        Some(MetaField::MeetingDate)
    );
    // The speaker named by surname and office, asked their name, is the speaker.
    assert_eq!(field("侯县长全名叫什么"), Some(MetaField::Speaker));
    // An issuing body with a publishing verb asks the issuer; a topic after it does not.
    assert_eq!(
        field("这份报告是县政府发布的还是县委发布的"),
        Some(MetaField::Issuer)
    );
    assert_eq!(field("县政府发布了哪些政策"), None);
}

#[test]
fn the_length_is_asked_with_nothing_else() {
    let front = front();
    assert_eq!(
        meta_ask(&fold_for_search("全文大概多少字？"), &front),
        Some(MetaAsk::Length)
    );
    assert_eq!(meta_ask("报告有多长", &front), Some(MetaAsk::Length));
    assert_eq!(meta_ask("主干道路有多长", &front), None);
}

#[test]
fn the_field_is_where_the_asked_class_meets_the_act_or_thing() {
    // Who × making it, who × publishing it, when × making it, when × publishing it, where × finding it,
    // where × making it, which × meeting, which × report, in whose name.
    assert_eq!(field("报告由哪位领导宣读"), Some(MetaField::Speaker));
    assert_eq!(field("谁公布的这个报告"), Some(MetaField::Issuer));
    assert_eq!(field("县长哪天作的报告"), Some(MetaField::MeetingDate));
    assert_eq!(field("报告几号发出来的"), Some(MetaField::Published));
    assert_eq!(field("报告全文去哪看"), Some(MetaField::Source));
    assert_eq!(field("县长在哪个会上念的报告"), Some(MetaField::Meeting));
    assert_eq!(field("报告提交哪次会议审议"), Some(MetaField::Meeting));
    assert_eq!(field("你讲的是啥报告"), Some(MetaField::Title));
    assert_eq!(field("报告以什么名义发布"), Some(MetaField::Issuer));
    assert_eq!(field("谁代表县政府作的报告"), Some(MetaField::Speaker));
    assert_eq!(field("会议名称是什么"), Some(MetaField::Meeting));
    assert_eq!(
        field("What is the publication date?"),
        Some(MetaField::Published)
    );
    assert_eq!(
        field("Which year's report is this?"),
        Some(MetaField::Title)
    );
}

#[test]
fn classes_meeting_inside_a_topic_question_ask_no_field() {
    for question in [
        "谁负责乡村振兴工作",
        "会议精神怎么落实",
        "县第十三次党代会什么时候开的",
        "今年什么时候开工",
        "资金来源是什么",
        "项目在哪个网站公示",
        "报告主要讲了什么",
        "报告讲的是什么",
        "会议上讲了什么",
        "政府发布了哪些政策",
        "工资什么时候发",
        "哪里能找到工作",
        "第一部分叫什么名字",
        "when will the water plant be finished",
        "who is responsible for rural revitalization",
    ] {
        assert_eq!(
            meta_ask(&fold_for_search(question), &front()),
            None,
            "{question}"
        );
    }
}

#[test]
fn a_review_named_with_a_span_asks_the_years_reviewed() {
    let front = front();
    for question in [
        "报告回顾的是多长时间的工作",
        "报告回顾的是哪几年",
        "报告总结了哪几年的工作",
        "報告回顧了哪幾年",
        "What period does the report look back on?",
    ] {
        assert_eq!(
            meta_ask(&fold_for_search(question), &front),
            Some(MetaAsk::Period),
            "{question}"
        );
    }
    assert_eq!(
        meta_ask(&fold_for_search("回顾部分讲了哪些成绩"), &front),
        None
    );
}

#[test]
fn a_span_or_another_occasion_of_the_making_is_held_by_no_field() {
    let front = front();
    for question in [
        "会议开了几天",
        "下一次人代会什么时候开",
        "上届人大是哪天开的",
        "How many hours did the meeting last?",
    ] {
        assert_eq!(
            meta_ask(&fold_for_search(question), &front),
            Some(MetaAsk::Unheld),
            "{question}"
        );
    }
    assert_eq!(meta_ask(&fold_for_search("下一步怎么做"), &front), None);
}

#[test]
fn a_check_is_answered_with_the_field_of_the_value_it_names() {
    assert_eq!(field("报告人是县委书记吗"), Some(MetaField::Speaker));
    assert_eq!(field("这个报告是县长作的吗"), Some(MetaField::Speaker));
    assert_eq!(field("发言的是县长还是书记"), Some(MetaField::Speaker));
    assert_eq!(field("报告是不是侯公涛作的"), Some(MetaField::Speaker));
    assert_eq!(
        field("Is the speaker the county party secretary?"),
        Some(MetaField::Speaker)
    );
    assert_eq!(
        field("报告是在第十五届人大上作的吗"),
        Some(MetaField::Meeting)
    );
    assert_eq!(field("报告是在县人大会上讲的吗"), Some(MetaField::Meeting));
    assert_eq!(field("报告是4月20号作的吗"), Some(MetaField::MeetingDate));
    assert_eq!(field("报告是4月21日发布的吗"), Some(MetaField::Published));
    assert_eq!(
        meta_ask(&fold_for_search("这是2022年的报告吗"), &front()),
        Some(MetaAsk::OfYear(MetaField::Title, 2022))
    );
    // A check of no field, or of something else than the report, is no front-matter question.
    assert_eq!(field("县长是县委书记吗"), None);
    assert_eq!(field("报告提到县委书记了吗"), None);
    assert_eq!(field("乡村振兴是不是重点"), None);
}

fn asked_with(question: &str) -> (Option<MetaField>, Vec<MetaField>) {
    let normalized = fold_for_search(question);
    match meta_ask(&normalized, &front()) {
        Some(asked @ MetaAsk::Field(field)) => {
            (Some(field), also_asked(&normalized, &front(), asked))
        }
        _ => (None, Vec::new()),
    }
}

#[test]
fn a_field_asked_with_the_speaker_named_is_that_field() {
    assert_eq!(
        field("侯公涛是在哪次会上作的这个报告"),
        Some(MetaField::Meeting)
    );
    assert_eq!(
        field("侯公涛作报告是在什么时候"),
        Some(MetaField::MeetingDate)
    );
    assert_eq!(field("侯公涛是干什么的"), Some(MetaField::Speaker));
}

#[test]
fn two_fields_asked_at_once_are_both_answered() {
    use MetaField::*;
    assert_eq!(
        asked_with("侯公涛在哪个会议上作的报告，哪天"),
        (Some(MeetingDate), vec![Meeting])
    );
    assert_eq!(
        asked_with("这个报告谁作的，什么时候作的"),
        (Some(MeetingDate), vec![Speaker])
    );
    assert_eq!(asked_with("报告是谁在什么会上作的").1, vec![Meeting]);
    assert_eq!(
        asked_with("报告哪天发布的，在哪个会上作的").1,
        vec![Meeting]
    );
    assert_eq!(asked_with("这份报告是谁作的"), (Some(Speaker), Vec::new()));
    assert_eq!(
        asked_with("报告什么时候发布的"),
        (Some(Published), Vec::new())
    );
}

#[test]
fn a_level_of_government_checked_is_the_issuer() {
    assert_eq!(
        field("这是县政府的报告还是市政府的"),
        Some(MetaField::Issuer)
    );
    assert_eq!(field("这个报告是县里的还是市里的"), Some(MetaField::Issuer));
    assert_eq!(field("这份报告是哪一级政府发布的"), Some(MetaField::Issuer));
    assert_eq!(field("市政府报告说了什么"), None);
}

#[test]
fn fields_joined_by_a_conjunction_or_from_their_source_are_read() {
    use MetaField::*;
    assert_eq!(asked_with("报告的题目和作者").1.len(), 1);
    assert_eq!(
        asked_with("报告的发布时间和会议时间分别是什么").0,
        Some(Published)
    );
    assert!(asked_with("报告的发布时间和会议时间分别是什么")
        .1
        .contains(&MeetingDate));
    assert_eq!(field("本报告出自哪个会议"), Some(Meeting));
    assert_eq!(field("这份报告是西平县的吗"), Some(Title));
    assert_eq!(field("这份报告是遂平县的吗"), None);
}

#[test]
fn a_field_named_by_a_noun_an_event_or_a_wrong_guess_is_read() {
    assert_eq!(field("报告的发文机关"), Some(MetaField::Issuer));
    assert_eq!(field("报告在网站哪个栏目下面"), Some(MetaField::Source));
    assert_eq!(field("报告什么时候挂到网上的"), Some(MetaField::Published));
    assert_eq!(
        field("大会具体是几月几号开的"),
        Some(MetaField::MeetingDate)
    );
    assert_eq!(field("这个会是四月几号开的"), Some(MetaField::MeetingDate));
    assert_eq!(field("4月20日那天开的是什么会"), Some(MetaField::Meeting));
    assert_eq!(field("作报告的是县委书记吧"), Some(MetaField::Speaker));
    assert_eq!(
        field("上台讲这个报告的是县长本人还是副县长"),
        Some(MetaField::Speaker)
    );
    assert_eq!(
        field("报告是在人代会上还是党代会上作的"),
        Some(MetaField::Meeting)
    );
    assert_eq!(
        field("这是哪一年的县政府工作报告啊"),
        Some(MetaField::Title)
    );
    assert_eq!(field("该报告安排的是哪一年的工作"), Some(MetaField::Title));
    assert_eq!(
        field("我写论文要引用，报告人姓名和职务麻烦给一下"),
        Some(MetaField::Speaker)
    );
    // The words around stay topics elsewhere: another meeting asked outright, a column of a newspaper.
    assert_eq!(field("县第十三次党代会什么时候开的"), None);
    assert_eq!(field("副县长是谁"), None);
    assert_eq!(field("报告啥时候出的"), Some(MetaField::Published));
    assert_eq!(field("这报告是哪级政府出的"), Some(MetaField::Issuer));
    assert_eq!(field("这个报告在哪个会上通过的"), Some(MetaField::Meeting));
    assert_eq!(field("开会的日子是哪天"), Some(MetaField::MeetingDate));
    assert_eq!(
        field("Which government issued this report?"),
        Some(MetaField::Issuer)
    );
    assert_eq!(field("支出什么时候出的"), None);
}

#[test]
fn the_speaker_half_remembered_or_written_by_sound_is_the_speaker() {
    assert_eq!(field("县长叫侯什么来着"), Some(MetaField::Speaker));
    assert_eq!(
        field("侯公滔县长是在哪个会上作的报告"),
        Some(MetaField::Meeting)
    );
    assert_eq!(field("报告是猴公涛作的吗"), Some(MetaField::Speaker));
    assert_eq!(field("hgt是什么职务"), Some(MetaField::Speaker));
    // The speaker named, his report's title asked.
    assert_eq!(field("侯公涛作的报告题目是什么"), Some(MetaField::Title));
    assert_eq!(
        field("What report did Hou Gongtao deliver?"),
        Some(MetaField::Title)
    );
    // As a Chinese name is written in English: the surname apart from the given name.
    assert_eq!(
        field("What position does Hou Gongtao hold?"),
        Some(MetaField::Speaker)
    );
    // A check naming the speaker by surname and office (侯县长) keeps the office a piece of the name.
    assert_eq!(field("报告是侯县长作的吗"), Some(MetaField::Speaker));
    // Another name of the same surname is no name of the speaker.
    assert_eq!(field("侯庄在哪里"), None);
}

#[test]
fn whom_the_report_is_addressed_to_is_asked_of_the_report_only() {
    let asked = |question: &str| meta_ask(&fold_for_search(question), &front());
    assert_eq!(asked("报告是向谁作的"), Some(MetaAsk::Addressee));
    assert_eq!(asked("这份报告提请谁审议"), Some(MetaAsk::Addressee));
    assert_eq!(asked("报告开头是讲给谁听的"), Some(MetaAsk::Addressee));
    assert_eq!(asked("报告开头称呼的是谁"), Some(MetaAsk::Addressee));
    // 怎么称呼 asks a person's name, not whom the report addresses.
    assert_ne!(asked("作报告的县长怎么称呼"), Some(MetaAsk::Addressee));
    // Its opening lines, with the speaker named or besides the deputies: 开头 is no 开 of making it.
    assert_eq!(
        asked("县长侯公涛的报告开头第一句说的啥"),
        Some(MetaAsk::Addressee)
    );
    assert_eq!(
        asked("报告除了请代表审议，还请谁提意见"),
        Some(MetaAsk::Addressee)
    );
    assert_eq!(asked("侯县长报告一开头喊的是谁"), Some(MetaAsk::Addressee));
    assert_eq!(
        asked("To whom is the report addressed?"),
        Some(MetaAsk::Addressee)
    );
    // What it asks of its meeting: to review it, as its opening lines say.
    assert_eq!(asked("报告让代表们做什么"), Some(MetaAsk::Addressee));
    assert_eq!(asked("报告提请代表们做什么"), Some(MetaAsk::Addressee));
    assert_eq!(
        asked("What does the report ask the deputies to do?"),
        Some(MetaAsk::Addressee)
    );
    assert_eq!(asked("补贴发给谁"), None);
    assert_eq!(asked("要向谁学习"), None);
}

#[test]
fn words_people_say_around_a_field_name_no_topic() {
    // A qualifier of the name asked, a count word for the meeting, a plain word for the document, and the
    // county's level letter beside the meeting's short name.
    assert_eq!(field("请问这份报告的完整标题"), Some(MetaField::Title));
    assert_eq!(
        field("是在县人大几次会议上讲的报告"),
        Some(MetaField::Meeting)
    );
    assert_eq!(field("这篇东西是哪天作的"), Some(MetaField::MeetingDate));
    assert_eq!(
        field("县十六届人大一次会议是几号开的"),
        Some(MetaField::MeetingDate)
    );
    // A topic beside them still leaves the question to the search.
    assert_eq!(field("完整的项目清单在哪看"), None);
}

#[test]
fn the_county_letter_names_the_report_only_before_its_own_front_matter() {
    assert_eq!(field("县人大几次会议上作的报告"), Some(MetaField::Meeting));
    assert_eq!(field("县政协会议是哪天开幕的"), None);
    // The speaker's name with a question of their own is no question about the report.
    assert_eq!(field("侯公涛多大了"), None);
}

#[test]
fn the_issuers_place_in_pinyin_names_the_report() {
    assert_eq!(
        field("Who delivered the Xiping County government work report?"),
        Some(MetaField::Speaker)
    );
    assert_eq!(field("Who is the Xiping party secretary?"), None);
    // `government` of the report's long English name is no body asked.
    assert_eq!(
        field("Which official presented Xiping's government work report?"),
        Some(MetaField::Speaker)
    );
}

#[test]
fn the_speaker_office_asked_alone_names_the_speaker() {
    for question in [
        "县长是谁",
        "西平县县长叫什么名字",
        "縣長叫什麼名字",
        "县长叫啥",
    ] {
        assert_eq!(field(question), Some(MetaField::Speaker), "{question}");
    }
    // A deputy is someone else; the holder's age, phone or today's holder the front matter does not say.
    for question in [
        "副县长是谁",
        "常务副县长叫什么",
        "县长多大年纪",
        "县长的电话是多少",
        "现任县长叫什么",
        "县委书记是谁",
    ] {
        assert_eq!(field(question), None, "{question}");
    }
}

#[test]
fn the_days_between_making_and_publishing_are_asked_with_publishing_named() {
    let ask = |question: &str| meta_ask(&fold_for_search(question), &front());
    for question in [
        "开会和发布中间隔了几天",
        "作报告第二天就发布了吗",
        "人大开会当天就公布了吗，还是隔了一天",
        "Was it published the same day it was delivered?",
    ] {
        assert_eq!(ask(question), Some(MetaAsk::PublishedAfter), "{question}");
    }
    // A gap of days with nothing published is another question.
    assert_eq!(ask("人大开会开了几天"), Some(MetaAsk::Unheld));
}

#[test]
fn a_question_quoting_the_opening_asks_about_making_the_report() {
    assert_eq!(
        field("这份报告以谁的名义向大会报告工作"),
        Some(MetaField::Issuer)
    );
    assert_eq!(
        field("县长是代表谁向大会报告工作的"),
        Some(MetaField::Issuer)
    );
    assert_eq!(field("谁向大会报告工作"), Some(MetaField::Speaker));
    // 报告工作 quotes it too: whom the report reports its work to is whom it addresses.
    assert_eq!(
        meta_ask(&fold_for_search("报告是向谁报告工作的"), &front()),
        Some(MetaAsk::Addressee)
    );
    // Three letters of it (报告工) are no quote; a topic beside the quote stays a topic.
    assert_eq!(field("向大会报告工作里粮食产量多少"), None);
}

#[test]
fn a_class_word_inside_a_longer_word_is_not_that_class() {
    // The 官 of 官方 is no office, the 开 of 公开 no meeting opened, the 作 of 哪一年工作 no report made.
    assert_eq!(
        field("官方原文在哪个网站能看到全文"),
        Some(MetaField::Source)
    );
    assert_eq!(
        field("报告是什么时候对外公开发布的?"),
        Some(MetaField::Published)
    );
    assert_eq!(field("这份报告是讲哪一年工作的"), Some(MetaField::Title));
    assert_eq!(
        field("When was the report made public on the website?"),
        Some(MetaField::Published)
    );
    assert_eq!(field("侯县长作的是哪一年的报告"), Some(MetaField::Title));
    assert_eq!(field("哪里能找到工作"), None);
    assert_eq!(field("南水北调供水厂什么时候对外开放"), None);
}

#[test]
fn the_office_held_now_and_the_days_between_said_plainly_are_read() {
    assert_eq!(field("侯公涛担任什么职务"), Some(MetaField::Speaker));
    assert_eq!(
        field("Hou Gongtao 是哪个县的县长?"),
        Some(MetaField::Speaker)
    );
    assert_eq!(
        field("Who is the county head (magistrate) giving this speech?"),
        Some(MetaField::Speaker)
    );
    let asked = |question: &str| meta_ask(&fold_for_search(question), &front());
    assert_eq!(
        asked("会开完以后隔多久把报告发出来的"),
        Some(MetaAsk::PublishedAfter)
    );
    assert_eq!(
        asked("作报告那天和发布那天相差几天"),
        Some(MetaAsk::PublishedAfter)
    );
    // The report's opening names the report: how it addresses its audience is asked of it.
    assert_eq!(asked("开头是怎么称呼的"), Some(MetaAsk::Addressee));
}
