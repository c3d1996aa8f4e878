//! The knowledge layer against the real report (expected tables written from report.txt) and against
//! a small fictional second report (tests/fixtures/reports/qinglan-2023).

pub mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use report_bot::knowledge::{
    parse_report, ChangeKind, FigureKind, Indicator, KnowledgeError, Library, Period, Qualifier,
    Report, ReportMeta,
};

use support::fixtures::{copy_dir, fixture_dir, knowledge_dir};

fn fixture_report_dir() -> PathBuf {
    fixture_dir("reports/qinglan-2023")
}

fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::load(&knowledge_dir()).expect("knowledge/ loads"))
}

fn xiping() -> &'static Report {
    library()
        .report("xiping-2022")
        .expect("the Xiping report is loaded")
}

/// A copy of knowledge/ with the fictional report added, as a user would drop in next year's report.
fn knowledge_with_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&knowledge_dir(), dir.path());
    copy_dir(
        &fixture_report_dir(),
        &dir.path().join("reports/qinglan-2023"),
    );
    dir
}

fn fixture() -> &'static Report {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY
        .get_or_init(|| {
            let dir = knowledge_with_fixture();
            Library::load(dir.path()).expect("knowledge with a second report loads")
        })
        .report("qinglan-2023")
        .expect("the fictional report is loaded")
}

fn text_of<'a>(report: &'a Report, id: &str) -> &'a str {
    match report.sentence(id) {
        Some((_, sentence)) => &sentence.text,
        None => panic!("no sentence {id}"),
    }
}

fn topic_of<'a>(report: &'a Report, id: &str) -> Option<&'a str> {
    report
        .paragraph(id)
        .unwrap_or_else(|| panic!("no paragraph {id}"))
        .topic
        .as_deref()
}

// ── the tree ───────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn parts_and_sections_are_numbered_as_in_the_report() {
    let report = xiping();
    let parts: Vec<(&str, &str, &str)> = report
        .parts
        .iter()
        .map(|p| (p.id.as_str(), p.numeral.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        parts,
        vec![
            ("xiping-2022/0", "", ""),
            ("xiping-2022/1", "一", "披荆斩棘、逐梦有行,五年成就辉煌厚重"),
            ("xiping-2022/2", "二", "锚定目标、奋发有为,加快实现跨越发展"),
            ("xiping-2022/3", "三", "把握形势、明确任务,奋力开拓崭新局面"),
            ("xiping-2022/4", "四", "求真务实、忠诚担当,建设人民满意政府"),
        ]
    );
    let sections: Vec<(&str, &str, &str, &str)> = report.parts[3]
        .sections
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.numeral.as_str(),
                s.title.as_str(),
                s.short_title.as_str(),
            )
        })
        .collect();
    assert_eq!(
        sections,
        vec![
            ("xiping-2022/3.0", "", "", ""),
            (
                "xiping-2022/3.1",
                "（一）",
                "壮大工业底盘,打造高质量发展新引擎。",
                "壮大工业底盘"
            ),
            (
                "xiping-2022/3.2",
                "（二）",
                "聚焦“三农”发展,实现乡村振兴新突破。",
                "聚焦“三农”发展"
            ),
            (
                "xiping-2022/3.3",
                "（三）",
                "突出协调发展,迈出新型城镇化建设新步伐。",
                "突出协调发展"
            ),
            (
                "xiping-2022/3.4",
                "（四）",
                "推动提档升级,释放现代服务业发展新活力。",
                "推动提档升级"
            ),
            (
                "xiping-2022/3.5",
                "（五）",
                "强化改革赋能,开创改革开放新局面。",
                "强化改革赋能"
            ),
            (
                "xiping-2022/3.6",
                "（六）",
                "增进民生福祉,绘就群众幸福生活新画卷。",
                "增进民生福祉"
            ),
        ]
    );
    for part in [&report.parts[1], &report.parts[2], &report.parts[4]] {
        assert_eq!(part.sections.len(), 1, "{} has only section 0", part.id);
    }
    let paragraphs: Vec<usize> = report
        .parts
        .iter()
        .map(|p| p.sections.iter().map(|s| s.paragraphs.len()).sum())
        .collect();
    assert_eq!(paragraphs, vec![2, 11, 9, 33, 6]);
    assert_eq!(report.sentences().count(), 307);
}

#[test]
fn lead_phrases_become_paragraph_topics() {
    let report = xiping();
    let topics: Vec<(&str, &str)> = report
        .paragraphs()
        .filter_map(|p| Some((p.id.as_str(), p.topic.as_deref()?)))
        .collect();
    let expected = [
        ("1.0.2", "五年奋斗"),
        ("1.0.3", "五年攻坚"),
        ("1.0.4", "五年笃行"),
        ("1.0.5", "五年开拓"),
        ("1.0.6", "五年拼搏"),
        ("1.0.7", "五年慎为"),
        ("2.0.4", "必须坚持正确政治方向"),
        ("2.0.5", "必须坚持以人民为中心"),
        ("2.0.6", "必须坚持加快产业发展"),
        ("2.0.7", "必须坚持担当务实尽责"),
        ("2.0.8", "必须坚持深化改革开放"),
        ("2.0.9", "必须坚持全面从严治党"),
        ("3.1.2", "培育壮大主导产业"),
        ("3.1.3", "做大园区做优品牌"),
        ("3.1.4", "提升产业招商质效"),
        ("3.1.5", "抓实抓好项目建设"),
        ("3.2.2", "巩固脱贫攻坚成果"),
        ("3.2.3", "加快发展高效农业"),
        ("3.2.4", "加快建设美丽乡村"),
        ("3.3.2", "开展城镇提质工程"),
        ("3.3.3", "提升城市管理水平"),
        ("3.3.4", "处置化解问题楼盘"),
        ("3.4.2", "大力推进文旅振兴工程"),
        ("3.4.3", "实施县域商业建设行动"),
        ("3.4.4", "开展公共品牌培育行动"),
        ("3.4.5", "加快推进白酒振兴工程"),
        ("3.5.2", "蹄疾步稳深化重点领域改革"),
        ("3.5.3", "务实高效打造一流营商环境"),
        ("3.5.4", "因地制宜加快创新驱动发展"),
        ("3.5.5", "深入开展“万人助万企”活动"),
        ("3.5.6", "持续加强干部能力作风建设"),
        ("3.6.2", "坚持就业优先"),
        ("3.6.3", "办好民生实事"),
        ("3.6.4", "强化社会保障"),
        ("3.6.5", "发展社会事业"),
        ("3.6.6", "守住发展底线"),
        ("4.0.2", "旗帜鲜明讲政治"),
        ("4.0.3", "主动履职有作为"),
        ("4.0.4", "依法行政受监督"),
        ("4.0.5", "尚廉崇俭守底线"),
    ];
    let expected: Vec<(String, &str)> = expected
        .iter()
        .map(|(id, topic)| (format!("xiping-2022/{id}"), *topic))
        .collect();
    let expected: Vec<(&str, &str)> = expected.iter().map(|(id, t)| (id.as_str(), *t)).collect();
    assert_eq!(topics, expected);
}

#[test]
fn short_lead_sentences_head_the_sentences_after_them() {
    let report = xiping();
    let mut subtopics: Vec<&str> = Vec::new();
    for sentence in report.sentences() {
        if let Some(subtopic) = sentence.subtopic.as_deref() {
            if subtopics.last() != Some(&subtopic) {
                subtopics.push(subtopic);
            }
        }
    }
    assert_eq!(
        subtopics,
        vec![
            "工业经济不断壮大",
            "农业基础更加稳固",
            "第三产业繁荣活跃",
            "脱贫攻坚全面胜利",
            "生态环境持续向好",
            "风险防控科学有效",
            "城区路网更为通畅",
            "生态水网更具灵气",
            "城乡绿网更加密实",
            "城乡交通更加便捷",
            "城乡环境更加优美",
            "营商环境不断优化",
            "开放水平日益提升",
            "各项改革深入推进",
            "居民就业更加充分",
            "教育事业均衡发展",
            "健康西平成果显著",
            "保障体系日趋完善",
            "文化事业繁荣发展",
            "平安西平扎实推进",
        ]
    );
    let subtopic = |id: &str| report.sentence(id).and_then(|(_, s)| s.subtopic.as_deref());
    assert_eq!(subtopic("xiping-2022/1.0.2.11"), None);
    assert_eq!(subtopic("xiping-2022/1.0.2.12"), Some("工业经济不断壮大"));
    assert_eq!(subtopic("xiping-2022/1.0.2.13"), Some("工业经济不断壮大"));
    assert_eq!(subtopic("xiping-2022/1.0.2.15"), Some("农业基础更加稳固"));
    assert_eq!(subtopic("xiping-2022/1.0.2.21"), Some("第三产业繁荣活跃"));
    // The last sentence of a paragraph heads nothing, however short.
    assert_eq!(
        text_of(report, "xiping-2022/3.0.1.2"),
        "做好今年的各项工作意义重大。"
    );
    assert_eq!(subtopic("xiping-2022/3.0.1.2"), None);
}

#[test]
fn semicolon_lists_come_out_one_item_per_sentence() {
    let report = xiping();
    let texts = |paragraph: &str, count: usize| -> Vec<&str> {
        (1..=count)
            .map(|n| text_of(report, &format!("xiping-2022/{paragraph}.{n}")))
            .collect()
    };
    assert_eq!(
        texts("1.0.2", 10)[1..],
        [
            "2021年,全县生产总值达到279亿元,较2017年净增83.4亿元,年均增长7.2%;",
            "一般公共预算收入完成15.3亿元,年均增长16.5%;",
            "工业用电量完成4.8亿千瓦时,年均增长8.2%;",
            "规上工业增加值增长8%,年均增长7.8%;",
            "固定资产投资增长13.2%,年均增长10.6%;",
            "社会消费品零售总额完成69.4亿元,年均增长7.5%;",
            "城镇居民人均可支配收入达30325元,年均增长6.1%;",
            "农村居民人均可支配收入达16191元,年均增长8.5%;",
            "城镇化率42.7%,较2017年提高5.5个百分点。",
        ]
    );
    assert_eq!(
        texts("3.0.2", 7),
        [
            "今年经济社会主要预期目标是:生产总值增长8%左右;",
            "规模以上工业增加值增长8%以上;",
            "固定资产投资增长10%以上;",
            "社会消费品零售总额增长9%以上;",
            "一般公共预算收入增长6%;",
            "人均可支配收入与经济增长协调同步;",
            "城镇新增就业5700人,城镇调查失业率控制在5.5%以内,常住人口城镇化率提高2个百分点左右,粮食总产保持在96万吨以上,货物进出口总额保持平稳增长。",
        ]
    );
    assert_eq!(
        report
            .paragraph("xiping-2022/3.0.2")
            .map(|p| p.sentences.len()),
        Some(7)
    );
}

#[test]
fn long_paragraphs_are_retrievable_sentence_by_sentence() {
    let report = xiping();
    let part_one = &report.parts[1];
    for paragraph in part_one.sections.iter().flat_map(|s| &s.paragraphs) {
        let chars: usize = paragraph
            .sentences
            .iter()
            .map(|s| s.text.chars().count())
            .sum();
        if chars > 500 {
            assert!(
                paragraph.sentences.len() >= 10,
                "{} has {chars} chars",
                paragraph.id
            );
        }
        for sentence in &paragraph.sentences {
            assert!(
                sentence.text.chars().count() <= 210,
                "{} is too long",
                sentence.id
            );
        }
    }
}

#[test]
fn quotes_and_brackets_keep_their_punctuation() {
    let report = xiping();
    assert_eq!(
        text_of(report, "xiping-2022/3.4.1.1"),
        "“云厚者,雨必猛;弓劲者,箭必远”。"
    );
    assert_eq!(
        text_of(report, "xiping-2022/3.3.1.1"),
        "“日日行,不怕千万里;常常做,不怕千万事”。"
    );
    assert_eq!(
        text_of(report, "xiping-2022/1.0.3.4"),
        "16406户45576名贫困人口全部脱贫,扶贫资产管理“四张清单”等经验做法在全省推广,县扶贫办荣获“全国乡村振兴(扶贫)系统先进集体”称号。"
    );
    assert_eq!(text_of(report, "xiping-2022/1.0.10.1"), "各位代表!");
}

#[test]
fn lost_paragraph_breaks_are_repaired() {
    let report = xiping();
    // U+E004 inside a line.
    assert_eq!(text_of(report, "xiping-2022/3.3.2.1"), "开展城镇提质工程。");
    assert_eq!(
        topic_of(report, "xiping-2022/3.3.2"),
        Some("开展城镇提质工程")
    );
    assert!(
        text_of(report, "xiping-2022/3.3.1.2").ends_with("让全县人民生活更方便、更舒心、更幸福。")
    );
    assert_eq!(
        topic_of(report, "xiping-2022/4.0.3"),
        Some("主动履职有作为")
    );
    assert!(report
        .sentences()
        .all(|s| !s.text.contains('\u{E004}') && !s.text.trim().is_empty()));
    // A paragraph run on into the next one's `——`.
    assert_eq!(
        text_of(report, "xiping-2022/2.0.8.3"),
        "这是我们加快西平发展的重要法宝,任何时候都不能丢弃。"
    );
    assert_eq!(
        text_of(report, "xiping-2022/2.0.9.1"),
        "——必须坚持全面从严治党。"
    );
    assert_eq!(
        topic_of(report, "xiping-2022/2.0.9"),
        Some("必须坚持全面从严治党")
    );
}

#[test]
fn numbered_list_items_stand_alone() {
    let report = xiping();
    let items: Vec<&str> = (2..=12)
        .map(|n| text_of(report, &format!("xiping-2022/3.6.3.{n}")))
        .collect();
    assert_eq!(
        items,
        vec![
            "在完成省市民生实事基础上,办好我县十件惠民工程:",
            "1.处置化解问题楼盘59个。",
            "2.完成南大街道路升级改造。",
            "3.修建通村公路30公里。",
            "4.改造老旧小区20个。",
            "5.新建、改扩建学校20所。",
            "6.建成南水北调供水厂项目,让西平人民喝上幸福水。",
            "7.“人人持证,技能河南”建设工作完成2.3万人次职业技能培训、1.7万人次技能人才取证、0.5万人次高技能人才取证。",
            "8.完成失能、半失能老年人家庭适老化改造600户。",
            "9.完成农村户厕改造1.3万户。",
            "10.完成“戏曲进乡村”等多种形式文艺演出100场。",
        ]
    );
}

#[test]
fn citations_name_report_part_section_and_topic() {
    let report = xiping();
    let citation = |id: &str| report.sentence(id).map(|(_, s)| s.citation.as_str());
    assert_eq!(
        citation("xiping-2022/3.2.3.2"),
        Some("《西平县2022年政府工作报告》三、把握形势、明确任务 ›（二）聚焦“三农”发展 › 加快发展高效农业")
    );
    assert_eq!(
        citation("xiping-2022/1.0.2.5"),
        Some("《西平县2022年政府工作报告》一、披荆斩棘、逐梦有行 › 五年奋斗")
    );
    assert_eq!(
        citation("xiping-2022/3.0.2.1"),
        Some("《西平县2022年政府工作报告》三、把握形势、明确任务")
    );
    assert_eq!(
        citation("xiping-2022/3.1.1.1"),
        Some("《西平县2022年政府工作报告》三、把握形势、明确任务 ›（一）壮大工业底盘")
    );
    assert_eq!(
        citation("xiping-2022/0.0.1.1"),
        Some("《西平县2022年政府工作报告》")
    );
}

#[test]
fn every_word_of_the_body_lands_in_exactly_one_sentence() {
    let report = xiping();
    let body = std::fs::read_to_string(knowledge_dir().join("reports/xiping-2022/report.txt"))
        .expect("report.txt");
    let (body, _glossary) = body
        .split_once("《政府工作报告》有关词语注释")
        .expect("the glossary heading");
    let headings: Vec<String> = report
        .parts
        .iter()
        .filter(|p| !p.numeral.is_empty())
        .map(|p| format!("{}、{}", p.numeral, p.title))
        .collect();
    let squeeze = |text: &str| -> String {
        text.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{E004}')
            .collect()
    };
    let expected: String = body
        .lines()
        .map(str::trim)
        .filter(|line| !headings.iter().any(|h| h == line))
        .filter(|line| {
            !(line.starts_with('(') || line.starts_with('（'))
                || !report.parts[3]
                    .sections
                    .iter()
                    .any(|s| !s.title.is_empty() && line.ends_with(&s.title))
        })
        .map(squeeze)
        .collect();
    let sentences: String = report.sentences().map(|s| squeeze(&s.text)).collect();
    assert_eq!(sentences, expected);
}

#[test]
fn ids_are_unique_and_lookups_find_them() {
    let report = xiping();
    let mut seen = std::collections::HashSet::new();
    for paragraph in report.paragraphs() {
        assert!(seen.insert(paragraph.id.clone()));
        let found = report.paragraph(&paragraph.id).expect("paragraph lookup");
        assert!(std::ptr::eq(found, paragraph));
        for (index, sentence) in paragraph.sentences.iter().enumerate() {
            assert_eq!(sentence.id, format!("{}.{}", paragraph.id, index + 1));
            assert!(seen.insert(sentence.id.clone()));
            let (in_paragraph, found) = report.sentence(&sentence.id).expect("sentence lookup");
            assert!(std::ptr::eq(found, sentence) && std::ptr::eq(in_paragraph, paragraph));
        }
    }
    for missing in [
        "xiping-2022/9.0.1",
        "xiping-2022/1.0.99",
        "xiping-2022/1.0.0",
        "xiping-2022/1.0.2.999",
        "xiping-2022/1.0",
        "xiping-2022/1.0.2.1.1",
        "other-2022/1.0.2",
        "xiping-2022/a.b.c",
        "",
    ] {
        assert!(report.paragraph(missing).is_none(), "{missing}");
        assert!(report.sentence(missing).is_none(), "{missing}");
    }
    assert_eq!(
        library()
            .report_of("xiping-2022/3.2.3.2")
            .map(|r| r.meta.id.as_str()),
        Some("xiping-2022")
    );
}

// ── the glossary ───────────────────────────────────────────────────────────────────────────────────────

#[test]
fn all_32_glossary_entries_with_exact_text() {
    let expected = [
        (1, "四张清单", "我县通过建立责任清单、任务清单、制度清单、绩效清单“四张清单”,着力解决扶贫资产“谁来管、管什么、怎么管、为谁管”的问题,确保最大限度发挥扶贫资金资产效益。"),
        (2, "四美乡村", "指农村环境美、田园美、村庄美、庭院美。"),
        (3, "放管服效", "指简政放权、放管结合、优化服务、提高效能的简称。"),
        (4, "减县补乡", "指县直事业单位人员带着编制下沉乡镇和街道,充实基层力量。"),
        (5, "全面改薄", "指全面改善贫困地区义务教育薄弱学校基本办学条件,即义务教育全面改薄工程,简称全面改薄。"),
        (6, "两中心", "指县级融媒体中心、新时代文明实践中心。"),
        (7, "枫桥经验", "指浙江省诸暨市枫桥镇干部群众创造的“发动和依靠群众,坚持矛盾不上交,就地解决,实现捕人少、治安好”的管理方式。"),
        (8, "四个意识", "指政治意识、大局意识、核心意识、看齐意识。"),
        (9, "四个自信", "指中国特色社会主义道路自信、理论自信、制度自信、文化自信。"),
        (10, "两个维护", "指坚决维护习近平总书记党中央的核心、全党的核心地位,坚决维护党中央权威和集中统一领导。"),
        (11, "三公经费", "指财政拨款支出安排的出国(境)费、车辆购置及运行费、公务接待费三项经费。"),
        (12, "两个确保", "指确保高质量建设现代化河南,确保高水平实现现代化河南。"),
        (13, "五大工程", "指工业振兴、城镇提质、乡村振兴、教育振兴、文旅振兴。"),
        (14, "五项保障", "指党的建设、作风建设、要素保障、营商环境、工作机制。"),
        (15, "六稳", "指稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期工作。"),
        (16, "六保", "指保就业、保民生、保市场主体、保粮食能源安全、保产业链供应链稳定、保基层运转。"),
        (17, "三个一批", "指省委书记楼阳生提出的项目建设集中签约一批、开工一批、投产一批,形成签约项目加快落地、落地项目加快开工、开工项目加快建设、在建项目加快投产、投产项目加快达效的项目长效推进机制。"),
        (18, "四个不摘", "指脱贫后摘帽不摘责任、摘帽不摘政策、摘帽不摘帮扶和摘帽不摘监管。"),
        (19, "四优四化", "指优质小麦、优质花生、优质草畜、优质林果,布局区域化、经营规模化、生产标准化、发展产业化。"),
        (20, "四专", "指优质小麦专种、专收、专储、专用。"),
        (21, "六乱六清", "指乱堆乱放、乱倒乱扔、乱搭乱建;清垃圾、清污水、清塘沟、清违建、清杂物、清残垣断壁。"),
        (22, "一渠两园三河五湖", "一渠即幸福渠,两园即西平生态湿地公园、嫘祖海棠园,三河即小洪河、南城河、嫘祖河;五湖即龙湖、南湖、念祖湖、玉静湖、凤鸣湖。"),
        (23, "八个西平", "指吃在西平、品在西平、住在西平、行在西平、娱在西平、游在西平、写在西平、唱在西平。"),
        (24, "17110工作制度", "指市委提出的重点工作推进机制,“1”即当日立项交办;“7”即每周工作调度,一般性工作原则上7天内落实解决;第二个“1”即一月一通报;第三个“1”即每季度总结讲评;“0”即事项办结,销号清零。简称日交办、周调度、月通报、季总结、事办结。"),
        (25, "小巨人企业", "指业绩良好、极具发展潜力和培育价值处于成长初期的小企业。"),
        (26, "万人助万企", "是省委作出的重要决策,聚焦企业发展重点难点堵点痛点问题,组织万名机关事业单位干部走进万户企业,帮助企业解决实际问题,提振企业发展信心,激发企业内生动力和创新创造活力。"),
        (27, "人人持证、技能河南", "指省委省政府提出的至2025年,全省完成1500万人次职业技能培训任务,1050万人取得相应证书;全省持证人员总量达3000万人,占从业人员的60%以上,力争全省技能劳动者全部实现持证就业,基本建成全国技能人才高地。"),
        (28, "两筛两癌", "指产前筛查和新生儿疾病筛查;乳腺癌、宫颈癌筛查。"),
        (29, "四方责任", "指属地管理责任、部门监管责任、单位主体责任和公民社会责任。"),
        (30, "四早", "指对安全生产问题隐患,要早排查、早发现、早预警、早处置。"),
        (31, "四大活动", "指安全生产“大排查、大整治、大检查、大警示”四大活动。"),
        (32, "一岗双责", "指领导干部既要对所在岗位应当承担的具体业务工作负责,又要对所在岗位应当承担的党风廉政建设责任制负责。"),
    ];
    let report = xiping();
    let got: Vec<(u32, &str, &str)> = report
        .glossary
        .iter()
        .map(|e| (e.number, e.term.as_str(), e.explanation.as_str()))
        .collect();
    assert_eq!(got, expected);
    for entry in &report.glossary {
        assert_eq!(entry.id, format!("xiping-2022/g{}", entry.number));
        assert_eq!(report.glossary_entry(entry.number), Some(entry));
    }
    assert!(report.glossary_entry(33).is_none());
    assert!(report.glossary_entry(0).is_none());
    assert_eq!(
        report.glossary_heading.as_deref(),
        Some("《政府工作报告》有关词语注释")
    );
}

#[test]
fn glossary_entries_link_to_the_sentences_using_their_terms() {
    let report = xiping();
    let expected: [(u32, &[&str]); 32] = [
        (1, &["1.0.3.4", "3.2.2.5"]),
        (2, &["1.0.4.14", "3.2.4.3"]),
        (3, &["1.0.5.3", "3.5.3.2"]),
        (4, &["1.0.5.9"]),
        (5, &["1.0.6.5"]),
        (6, &["1.0.6.12"]),
        (7, &["1.0.6.15", "3.6.6.9"]),
        (8, &["1.0.7.2", "4.0.2.2"]),
        (9, &["1.0.7.2", "4.0.2.2"]),
        (10, &["1.0.7.2", "4.0.2.2"]),
        (11, &["1.0.7.5", "4.0.5.4"]),
        (12, &[]),
        (13, &["2.0.2.1"]),
        (14, &["2.0.2.1"]),
        (15, &[]),
        (16, &[]),
        (17, &["3.1.5.2"]),
        (18, &["3.2.2.2"]),
        (19, &["3.2.3.3"]),
        (20, &["3.2.3.3"]),
        (21, &["3.2.4.2"]),
        (22, &["3.3.2.6"]),
        (23, &["3.4.2.4"]),
        (24, &["3.5.3.2"]),
        (25, &["3.5.4.3"]),
        (26, &["3.5.5.1", "3.5.5.3"]),
        (27, &["3.6.2.3", "3.6.3.9"]),
        (28, &["3.6.5.4"]),
        (29, &["3.6.6.3"]),
        (30, &["3.6.6.3"]),
        (31, &["3.6.6.5"]),
        (32, &["4.0.5.2"]),
    ];
    for (number, sentences) in expected {
        let entry = report.glossary_entry(number).expect("entry");
        let want: Vec<String> = sentences
            .iter()
            .map(|s| format!("xiping-2022/{s}"))
            .collect();
        assert_eq!(entry.used_in, want, "entry {number} {}", entry.term);
    }
    // The tolerated mismatches, seen in the linked sentences themselves.
    assert!(text_of(report, "xiping-2022/2.0.2.1").contains("“五个保障”"));
    assert!(text_of(report, "xiping-2022/3.2.4.2").contains("“六乱”、开展“六清”"));
    assert!(text_of(report, "xiping-2022/3.6.5.4").contains("“两筛”“两癌”"));
    assert!(text_of(report, "xiping-2022/3.6.2.3").contains("“人人持证,技能河南”"));
    assert!(text_of(report, "xiping-2022/1.0.7.5").contains("“三公”经费"));
}

// ── indicator records ──────────────────────────────────────────────────────────────────────────────────

/// One record as a line: `id | kind | period | metric | value | number | unit | qualifier | change | group`.
fn record_line(indicator: &Indicator) -> String {
    let local_id = indicator.id.split_once('/').map_or("", |(_, id)| id);
    let period = match indicator.period {
        Period::Year { year } => year.to_string(),
        Period::Years { from, to } => format!("{from}-{to}"),
    };
    let json = |value: serde_json::Value| value.as_str().unwrap_or_default().to_string();
    let kind = json(serde_json::to_value(indicator.kind).expect("kind"));
    let qualifier = indicator
        .qualifier
        .map(|q| json(serde_json::to_value(q).expect("qualifier")))
        .unwrap_or_default();
    let change = indicator
        .change
        .map(|c| json(serde_json::to_value(c).expect("change")))
        .unwrap_or_default();
    let group = match (&indicator.group, indicator.item) {
        (Some(group), Some(item)) => format!("{group} {item}"),
        _ => String::new(),
    };
    let line = format!(
        "{local_id} | {kind} | {period} | {} | {} | {} | {} | {qualifier} | {change} | {group}",
        indicator.metric,
        indicator.value_text,
        indicator.number.map(|n| n.to_string()).unwrap_or_default(),
        indicator.unit.as_deref().unwrap_or_default(),
    );
    line.trim_end().to_string()
}

fn table(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(str::to_string)
        .collect()
}

/// Every record of the Xiping report. Written from the report's text, clause by clause: the 2021 results
/// and their yearly averages and changes since 2017 in part 一, the five-year totals around them, the
/// eleven main targets of 2022, the task targets of part 三 and the 十件惠民工程 items.
const XIPING_RECORDS: &str = "
1.0.2.2#1 | result | 2021 | 生产总值 | 达到279亿元 | 279 | 亿元 |  | reach |
1.0.2.2#2 | change_since_base | 2017-2021 | 生产总值 | 净增83.4亿元 | 83.4 | 亿元 |  | net_increase |
1.0.2.2#3 | yearly_average | 2017-2021 | 生产总值 | 增长7.2% | 7.2 | % |  | growth |
1.0.2.3#1 | result | 2021 | 一般公共预算收入 | 完成15.3亿元 | 15.3 | 亿元 |  | complete |
1.0.2.3#2 | yearly_average | 2017-2021 | 一般公共预算收入 | 增长16.5% | 16.5 | % |  | growth |
1.0.2.4#1 | result | 2021 | 工业用电量 | 完成4.8亿千瓦时 | 4.8 | 亿千瓦时 |  | complete |
1.0.2.4#2 | yearly_average | 2017-2021 | 工业用电量 | 增长8.2% | 8.2 | % |  | growth |
1.0.2.5#1 | result | 2021 | 规上工业增加值 | 增长8% | 8 | % |  | growth |
1.0.2.5#2 | yearly_average | 2017-2021 | 规上工业增加值 | 增长7.8% | 7.8 | % |  | growth |
1.0.2.6#1 | result | 2021 | 固定资产投资 | 增长13.2% | 13.2 | % |  | growth |
1.0.2.6#2 | yearly_average | 2017-2021 | 固定资产投资 | 增长10.6% | 10.6 | % |  | growth |
1.0.2.7#1 | result | 2021 | 社会消费品零售总额 | 完成69.4亿元 | 69.4 | 亿元 |  | complete |
1.0.2.7#2 | yearly_average | 2017-2021 | 社会消费品零售总额 | 增长7.5% | 7.5 | % |  | growth |
1.0.2.8#1 | result | 2021 | 城镇居民人均可支配收入 | 达30325元 | 30325 | 元 |  | reach |
1.0.2.8#2 | yearly_average | 2017-2021 | 城镇居民人均可支配收入 | 增长6.1% | 6.1 | % |  | growth |
1.0.2.9#1 | result | 2021 | 农村居民人均可支配收入 | 达16191元 | 16191 | 元 |  | reach |
1.0.2.9#2 | yearly_average | 2017-2021 | 农村居民人均可支配收入 | 增长8.5% | 8.5 | % |  | growth |
1.0.2.10#1 | result | 2021 | 城镇化率 | 42.7% | 42.7 | % |  |  |
1.0.2.10#2 | change_since_base | 2017-2021 | 城镇化率 | 提高5.5个百分点 | 5.5 | 个百分点 |  | raise |
1.0.2.15#1 | five_year_total | 2017-2021 | 高标准农田 | 35万亩 | 35 | 万亩 |  | new |
1.0.2.15#2 | result | 2021 | 粮食总产 | 达95.9万吨 | 95.9 | 万吨 |  | reach |
1.0.2.17#1 | five_year_total | 2017-2021 | 各类新型农业经营主体 | 3900多家 | 3900 | 家 | over | new |
1.0.2.20#1 | five_year_total | 2017-2021 | 首批“明厨亮灶示范店” | 53家 | 53 | 家 |  | new |
1.0.2.21#1 | five_year_total | 2017-2021 | 乡村物流服务站(点) | 216个 | 216 | 个 |  | new |
1.0.3.3#1 | five_year_total | 2017-2021 | 贫困村如期出列 | 68个 | 68 | 个 |  |  |
1.0.3.3#2 | five_year_total | 2017-2021 | 村集体经济收入 | 均在12万元以上 | 12 | 万元 | at_least |  |
1.0.3.4#1 | five_year_total | 2017-2021 | 贫困人口全部脱贫 | 16406户 | 16406 | 户 |  |  |
1.0.3.4#2 | five_year_total | 2017-2021 | 贫困人口全部脱贫 | 45576名 | 45576 | 名 |  |  |
1.0.3.6#1 | five_year_total | 2017-2021 | 居民“煤改电”配套电网建设 | 完成6.3万户 | 6.3 | 万户 |  | complete |
1.0.3.6#2 | five_year_total | 2017-2021 | 新能源电站 | 73座 | 73 | 座 |  | new |
1.0.3.6#3 | five_year_total | 2017-2021 | 消纳清洁能源 | 5.2亿千瓦时 | 5.2 | 亿千瓦时 |  |  |
1.0.3.6#4 | five_year_total | 2017-2021 | 减排二氧化碳 | 54万吨 | 54 | 万吨 |  |  |
1.0.3.6#5 | result | 2021 | 空气质量优良天数 | 达283天 | 283 | 天 |  | reach |
1.0.3.6#6 | change_since_base | 2017-2021 | 空气质量优良天数 | 增加23天 | 23 | 天 |  | increase |
1.0.4.3#1 | five_year_total | 2017-2021 | 主干道路 | 32条 | 32 | 条 |  | new |
1.0.4.3#2 | five_year_total | 2017-2021 | 桥梁 | 7座 | 7 | 座 |  | new |
1.0.4.11#1 | five_year_total | 2017-2021 | 农村公路桥梁 | 23座 | 23 | 座 |  | new |
1.0.4.11#2 | five_year_total | 2017-2021 | 通村道路 | 249公里 | 249 | 公里 |  | new |
1.0.4.11#3 | five_year_total | 2017-2021 | 更换新能源纯电动公交车 | 179辆 | 179 | 辆 |  |  |
1.0.4.11#4 | five_year_total | 2017-2021 | 公交站亭 | 255座 | 255 | 座 |  | increase |
1.0.4.14#1 | five_year_total | 2017-2021 | “四美乡村”示范村 | 82个 | 82 | 个 |  | new |
1.0.5.3#1 | five_year_total | 2017-2021 | 政务事项网上可办率 | 100% | 100 | % |  |  |
1.0.5.3#2 | five_year_total | 2017-2021 | “最多跑一次”事项 | 1779项 | 1779 | 项 |  |  |
1.0.5.3#3 | five_year_total | 2017-2021 | 容缺办理事项 | 140项 | 140 | 项 |  |  |
1.0.5.3#4 | five_year_total | 2017-2021 | “一证通办”事项 | 124项 | 124 | 项 |  |  |
1.0.6.3#1 | five_year_total | 2017-2021 | 城镇就业 | 3.8万人 | 3.8 | 万人 |  | new |
1.0.6.5#1 | five_year_total | 2017-2021 | 中小学校 | 290所 | 290 | 所 |  | new |
1.0.6.7#1 | five_year_total | 2017-2021 | 标准化村卫生室 | 102所 | 102 | 所 |  | new |
1.0.7.3#1 | five_year_total | 2017-2021 | 办理人大代表建议和政协委员提案 | 946件 | 946 | 件 |  |  |
1.0.7.3#2 | five_year_total | 2017-2021 | 满意率 | 100% | 100 | % |  |  |
3.0.2.1#1 | main_target | 2022 | 生产总值 | 增长8%左右 | 8 | % | about | growth |
3.0.2.2#1 | main_target | 2022 | 规模以上工业增加值 | 增长8%以上 | 8 | % | at_least | growth |
3.0.2.3#1 | main_target | 2022 | 固定资产投资 | 增长10%以上 | 10 | % | at_least | growth |
3.0.2.4#1 | main_target | 2022 | 社会消费品零售总额 | 增长9%以上 | 9 | % | at_least | growth |
3.0.2.5#1 | main_target | 2022 | 一般公共预算收入 | 增长6% | 6 | % |  | growth |
3.0.2.6#1 | main_target | 2022 | 人均可支配收入 | 与经济增长协调同步 |  |  |  |  |
3.0.2.7#1 | main_target | 2022 | 城镇新增就业 | 5700人 | 5700 | 人 |  |  |
3.0.2.7#2 | main_target | 2022 | 城镇调查失业率 | 控制在5.5%以内 | 5.5 | % | at_most | keep |
3.0.2.7#3 | main_target | 2022 | 常住人口城镇化率 | 提高2个百分点左右 | 2 | 个百分点 | about | raise |
3.0.2.7#4 | main_target | 2022 | 粮食总产 | 保持在96万吨以上 | 96 | 万吨 | at_least | keep |
3.0.2.7#5 | main_target | 2022 | 货物进出口总额 | 保持平稳增长 |  |  |  | keep |
3.1.2.2#1 | task_target | 2022 | 产业工作专班 | 5个 | 5 | 个 |  |  |
3.1.2.3#1 | task_target | 2022 | 年产值超10亿元纺织服装企业 | 3家以上 | 3 | 家 | at_least | new |
3.1.2.3#2 | task_target | 2022 | 中哲、阿尔本千人工厂 | 2个 | 2 | 个 |  | new |
3.1.2.9#1 | task_target | 2022 | 入驻企业 | 30家以上 | 30 | 家 | at_least |  |
3.1.2.9#2 | task_target | 2022 | 产值 | 20亿元以上 | 20 | 亿元 | at_least |  |
3.1.4.2#1 | task_target | 2022 | 投资10亿元以上项目 | 1个 | 1 | 个 |  | new |
3.1.4.2#2 | task_target | 2022 | 5亿元以上项目 | 4个 | 4 | 个 |  | new |
3.1.4.2#3 | task_target | 2022 | 亿元以上项目 | 15个 | 15 | 个 |  | new |
3.1.5.2#1 | task_target | 2022 | 省重点 | 7个 | 7 | 个 |  |  |
3.1.5.2#2 | task_target | 2022 | 市重点 | 94个 | 94 | 个 |  |  |
3.2.3.4#1 | task_target | 2022 | 蔬菜播种面积 | 稳定在13万亩 | 13 | 万亩 |  | keep |
3.2.3.4#2 | task_target | 2022 | 总产量 | 60万吨以上 | 60 | 万吨 | at_least | keep |
3.2.3.5#1 | task_target | 2022 | 水产品产量 | 稳定在7000吨左右 | 7000 | 吨 | about | keep |
3.2.3.6#1 | task_target | 2022 | 伊利集团优然牧场奶牛养殖 | 2.4万头 | 2.4 | 万头 |  |  |
3.2.3.6#2 | task_target | 2022 | 丰源和普年出栏生猪养殖 | 50万头 | 50 | 万头 |  |  |
3.2.3.6#3 | task_target | 2022 | 西平牧原年出栏生猪标准化养殖体系项目 | 120万头 | 120 | 万头 |  |  |
3.2.3.7#1 | task_target | 2022 | 农民合作社 | 116家 | 116 | 家 |  | new |
3.2.3.7#2 | task_target | 2022 | 家庭农场 | 328家 | 328 | 家 |  | new |
3.2.3.8#1 | task_target | 2022 | 土地规模经营面积 | 达到37.8万亩以上 | 37.8 | 万亩 | at_least | reach |
3.3.2.5#1 | task_target | 2022 | 老旧小区提质改造 | 完成20个 | 20 | 个 |  | complete |
3.3.2.7#1 | task_target | 2022 | 城区街头游园升级改造 | 12个 | 12 | 个 |  |  |
3.4.5.5#1 | task_target | 2022 | 白酒产量 | 超4000吨 | 4000 | 吨 | over |  |
3.4.5.5#2 | task_target | 2022 | 销售收入 | 超2.5亿元 | 2.5 | 亿元 | over |  |
3.5.4.3#1 | task_target | 2022 | 高新技术企业 | 4家以上 | 4 | 家 | at_least | new |
3.5.4.3#2 | task_target | 2022 | “专精特新”和“小巨人”企业 | 4家以上 | 4 | 家 | at_least | new |
3.6.2.2#1 | task_target | 2022 | 城镇新增就业 | 5700人 | 5700 | 人 |  |  |
3.6.2.2#2 | task_target | 2022 | 农村劳动力转移就业 | 3000人 | 3000 | 人 |  | new |
3.6.3.3#1 | task_target | 2022 | 处置化解问题楼盘 | 59个 | 59 | 个 |  |  | 十件惠民工程 1
3.6.3.4#1 | task_target | 2022 | 南大街道路升级改造 | 完成 |  |  |  | complete | 十件惠民工程 2
3.6.3.5#1 | task_target | 2022 | 通村公路 | 30公里 | 30 | 公里 |  | new | 十件惠民工程 3
3.6.3.6#1 | task_target | 2022 | 改造老旧小区 | 20个 | 20 | 个 |  |  | 十件惠民工程 4
3.6.3.7#1 | task_target | 2022 | 学校 | 20所 | 20 | 所 |  | new | 十件惠民工程 5
3.6.3.8#1 | task_target | 2022 | 南水北调供水厂项目 | 建成 |  |  |  | new | 十件惠民工程 6
3.6.3.9#1 | task_target | 2022 | 职业技能培训 | 完成2.3万人次 | 2.3 | 万人次 |  | complete | 十件惠民工程 7
3.6.3.9#2 | task_target | 2022 | 技能人才取证 | 1.7万人次 | 1.7 | 万人次 |  | complete | 十件惠民工程 7
3.6.3.9#3 | task_target | 2022 | 高技能人才取证 | 0.5万人次 | 0.5 | 万人次 |  | complete | 十件惠民工程 7
3.6.3.10#1 | task_target | 2022 | 失能、半失能老年人家庭适老化改造 | 600户 | 600 | 户 |  | complete | 十件惠民工程 8
3.6.3.11#1 | task_target | 2022 | 农村户厕改造 | 1.3万户 | 1.3 | 万户 |  | complete | 十件惠民工程 9
3.6.3.12#1 | task_target | 2022 | 多种形式文艺演出 | 100场 | 100 | 场 |  | complete | 十件惠民工程 10
3.6.5.2#1 | task_target | 2022 | 村级幼儿园 | 6所 | 6 | 所 |  | new |
3.6.5.2#2 | task_target | 2022 | 农村教师周转房 | 202套 | 202 | 套 |  | new |
";

#[test]
fn every_indicator_record_of_the_report() {
    let got: Vec<String> = xiping().indicators.iter().map(record_line).collect();
    let expected = table(XIPING_RECORDS);
    for (index, (got, want)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(got, want, "record {index}");
    }
    assert_eq!(got.len(), expected.len());
}

#[test]
fn the_eleven_main_targets_of_the_plan_year() {
    let targets: Vec<(&str, &str, Option<f64>, Option<Qualifier>)> = xiping()
        .indicators_of(FigureKind::MainTarget)
        .map(|i| {
            (
                i.metric.as_str(),
                i.value_text.as_str(),
                i.number,
                i.qualifier,
            )
        })
        .collect();
    assert_eq!(
        targets,
        vec![
            ("生产总值", "增长8%左右", Some(8.0), Some(Qualifier::About)),
            (
                "规模以上工业增加值",
                "增长8%以上",
                Some(8.0),
                Some(Qualifier::AtLeast)
            ),
            (
                "固定资产投资",
                "增长10%以上",
                Some(10.0),
                Some(Qualifier::AtLeast)
            ),
            (
                "社会消费品零售总额",
                "增长9%以上",
                Some(9.0),
                Some(Qualifier::AtLeast)
            ),
            ("一般公共预算收入", "增长6%", Some(6.0), None),
            ("人均可支配收入", "与经济增长协调同步", None, None),
            ("城镇新增就业", "5700人", Some(5700.0), None),
            (
                "城镇调查失业率",
                "控制在5.5%以内",
                Some(5.5),
                Some(Qualifier::AtMost)
            ),
            (
                "常住人口城镇化率",
                "提高2个百分点左右",
                Some(2.0),
                Some(Qualifier::About)
            ),
            (
                "粮食总产",
                "保持在96万吨以上",
                Some(96.0),
                Some(Qualifier::AtLeast)
            ),
            ("货物进出口总额", "保持平稳增长", None, None),
        ]
    );
    assert!(xiping()
        .indicators_of(FigureKind::MainTarget)
        .all(|i| i.period == Period::Year { year: 2022 } && i.group.is_none()));
}

#[test]
fn results_averages_and_changes_since_the_base_year_are_kept_apart() {
    let report = xiping();
    let gdp: Vec<(FigureKind, &str, Period, Option<ChangeKind>)> = report
        .indicators
        .iter()
        .filter(|i| i.metric == "生产总值" && i.sentence_id.starts_with("xiping-2022/1."))
        .map(|i| (i.kind, i.value_text.as_str(), i.period, i.change))
        .collect();
    assert_eq!(
        gdp,
        vec![
            (
                FigureKind::Result,
                "达到279亿元",
                Period::Year { year: 2021 },
                Some(ChangeKind::Reach)
            ),
            (
                FigureKind::ChangeSinceBase,
                "净增83.4亿元",
                Period::Years {
                    from: 2017,
                    to: 2021
                },
                Some(ChangeKind::NetIncrease)
            ),
            (
                FigureKind::YearlyAverage,
                "增长7.2%",
                Period::Years {
                    from: 2017,
                    to: 2021
                },
                Some(ChangeKind::Growth)
            ),
        ]
    );
    let counts: Vec<usize> = [
        FigureKind::MainTarget,
        FigureKind::TaskTarget,
        FigureKind::Result,
        FigureKind::FiveYearTotal,
        FigureKind::YearlyAverage,
        FigureKind::ChangeSinceBase,
    ]
    .iter()
    .map(|kind| report.indicators_of(*kind).count())
    .collect();
    assert_eq!(counts, vec![11, 41, 11, 28, 8, 3]);
}

#[test]
fn the_ten_livelihood_projects_are_one_group() {
    let items: Vec<(u32, &str, Option<f64>)> = xiping()
        .indicators
        .iter()
        .filter(|i| i.group.as_deref() == Some("十件惠民工程"))
        .map(|i| (i.item.unwrap_or(0), i.metric.as_str(), i.number))
        .collect();
    let numbers: std::collections::BTreeSet<u32> = items.iter().map(|(n, ..)| *n).collect();
    assert_eq!(numbers, (1..=10).collect());
    assert!(items.contains(&(6, "南水北调供水厂项目", None)));
    assert!(items.contains(&(7, "职业技能培训", Some(2.3))));
    assert!(xiping()
        .indicators
        .iter()
        .filter(|i| i.group.is_some())
        .all(|i| i.kind == FigureKind::TaskTarget));
}

#[test]
fn records_point_back_to_their_sentences() {
    let report = xiping();
    let mut previous: Option<(&str, usize)> = None;
    for indicator in &report.indicators {
        let (_, sentence) = report
            .sentence(&indicator.sentence_id)
            .expect("sentence exists");
        assert_eq!(indicator.citation, sentence.citation);
        assert!(
            sentence.text.contains(&indicator.value_text),
            "{}",
            indicator.id
        );
        assert!(!indicator.metric.is_empty(), "{}", indicator.id);
        let (sentence_id, position) = indicator.id.split_once('#').expect("id has #");
        assert_eq!(sentence_id, indicator.sentence_id);
        let position: usize = position.parse().expect("position is a number");
        let expected = match previous {
            Some((id, n)) if id == sentence_id => n + 1,
            _ => 1,
        };
        assert_eq!(position, expected, "{}", indicator.id);
        previous = Some((sentence_id, position));
        if let Some(number) = indicator.number {
            let written = number.to_string();
            assert!(indicator.value_text.contains(&written), "{}", indicator.id);
        }
        assert!(report.indicator(&indicator.id).is_some());
    }
}

// ── the fictional second report ────────────────────────────────────────────────────────────────────────

#[test]
fn a_second_report_loads_with_no_code_change() {
    let dir = knowledge_with_fixture();
    let library = Library::load(dir.path()).expect("loads");
    let ids: Vec<&str> = library.reports.iter().map(|r| r.meta.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["xiping-2022", "qinglan-2023"],
        "sorted by year, newest last"
    );
    assert_eq!(library.latest().meta.id, "qinglan-2023");
    assert_eq!(
        library.report_of("qinglan-2023/g2").map(|r| r.meta.year),
        Some(2023)
    );
}

#[test]
fn the_fictional_report_parses_into_the_expected_tree() {
    let report = fixture();
    let parts: Vec<(&str, &str)> = report
        .parts
        .iter()
        .map(|p| (p.numeral.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        parts,
        vec![
            ("", ""),
            ("一", "2022年工作回顾"),
            ("二", "2023年工作安排"),
            ("三", "加强政府自身建设"),
        ]
    );
    let sections: Vec<(&str, &str)> = report.parts[2]
        .sections
        .iter()
        .map(|s| (s.numeral.as_str(), s.short_title.as_str()))
        .collect();
    assert_eq!(
        sections,
        vec![
            ("", ""),
            ("（一）", "做强工业经济"),
            ("（二）", "办好民生实事")
        ],
        "full-width and ASCII parentheses both open a section"
    );
    let topics: Vec<(&str, Option<&str>)> = report
        .paragraphs()
        .map(|p| (p.id.as_str(), p.topic.as_deref()))
        .collect();
    assert_eq!(
        topics,
        vec![
            ("qinglan-2023/0.0.1", None),
            ("qinglan-2023/0.0.2", None),
            ("qinglan-2023/1.0.1", None),
            ("qinglan-2023/1.0.2", Some("生态环境明显改善")),
            ("qinglan-2023/1.0.3", None),
            ("qinglan-2023/1.0.4", Some("必须坚持项目为王")),
            ("qinglan-2023/2.0.1", None),
            ("qinglan-2023/2.1.1", Some("壮大特色产业")),
            ("qinglan-2023/2.2.1", Some("办好民生实事")),
            ("qinglan-2023/3.0.1", Some("坚持依法行政")),
        ]
    );
    let subtopics: Vec<(&str, Option<&str>)> = report
        .paragraph("qinglan-2023/1.0.1")
        .expect("paragraph")
        .sentences
        .iter()
        .map(|s| (s.text.as_str(), s.subtopic.as_deref()))
        .collect();
    assert_eq!(
        subtopics,
        vec![
            ("过去一年,我们坚持稳中求进,各项工作取得新成效。", None),
            ("2022年,全县生产总值完成120.5亿元,增长4.5%;", None),
            ("一般公共预算收入完成6.2亿元,增长3.1%;", None),
            ("城镇化率达到40.2%,较2018年提高4个百分点。", None),
            ("农业生产稳中有进。", Some("农业生产稳中有进")),
            (
                "粮食总产达到51.3万吨,新建高标准农田4.2万亩。",
                Some("农业生产稳中有进")
            ),
            ("民生保障持续加强。", Some("民生保障持续加强")),
            (
                "新增城镇就业3100人,改造农村公路86公里。",
                Some("民生保障持续加强")
            ),
        ]
    );
    assert_eq!(
        text_of(report, "qinglan-2023/1.0.3.1"),
        "“山高路远,行则将至;事难功成,做则必成”。"
    );
    assert_eq!(
        report.sentence("qinglan-2023/2.2.1.3").map(|(_, s)| s.citation.as_str()),
        Some("《青岚县2023年政府工作报告（虚构样例）》二、2023年工作安排 ›（二）办好民生实事 › 办好民生实事")
    );
}

#[test]
fn the_fictional_glossary_reads_numbers_running_into_terms() {
    let entries: Vec<(u32, &str, &str, Vec<&str>)> = fixture()
        .glossary
        .iter()
        .map(|e| {
            (
                e.number,
                e.term.as_str(),
                e.explanation.as_str(),
                e.used_in.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        vec![
            (
                1,
                "一企一策",
                "指针对每家企业制定一套帮扶方案。",
                vec!["qinglan-2023/2.1.1.3", "qinglan-2023/3.0.1.2"]
            ),
            (
                2,
                "青岚快办",
                "指政务服务事项一次办结的改革(虚构)。",
                vec!["qinglan-2023/3.0.1.2"]
            ),
            (
                3,
                "12345工作法",
                "指1天受理、2天分办、3天反馈、4周回访、5项考评的办事流程(虚构)。",
                vec![]
            ),
        ]
    );
}

const QINGLAN_RECORDS: &str = "
1.0.1.2#1 | result | 2022 | 生产总值 | 完成120.5亿元 | 120.5 | 亿元 |  | complete |
1.0.1.2#2 | result | 2022 | 生产总值 | 增长4.5% | 4.5 | % |  | growth |
1.0.1.3#1 | result | 2022 | 一般公共预算收入 | 完成6.2亿元 | 6.2 | 亿元 |  | complete |
1.0.1.3#2 | result | 2022 | 一般公共预算收入 | 增长3.1% | 3.1 | % |  | growth |
1.0.1.4#1 | result | 2022 | 城镇化率 | 达到40.2% | 40.2 | % |  | reach |
1.0.1.4#2 | change_since_base | 2018-2022 | 城镇化率 | 提高4个百分点 | 4 | 个百分点 |  | raise |
1.0.1.6#1 | result | 2022 | 粮食总产 | 达到51.3万吨 | 51.3 | 万吨 |  | reach |
1.0.1.6#2 | result | 2022 | 高标准农田 | 4.2万亩 | 4.2 | 万亩 |  | new |
1.0.1.8#1 | result | 2022 | 城镇就业 | 3100人 | 3100 | 人 |  | new |
1.0.1.8#2 | result | 2022 | 改造农村公路 | 86公里 | 86 | 公里 |  |  |
1.0.2.2#1 | result | 2022 | 空气质量优良天数 | 达到291天 | 291 | 天 |  | reach |
2.0.1.2#1 | main_target | 2023 | 生产总值 | 增长6%左右 | 6 | % | about | growth |
2.0.1.3#1 | main_target | 2023 | 一般公共预算收入 | 增长5% | 5 | % |  | growth |
2.0.1.4#1 | main_target | 2023 | 城镇新增就业 | 3200人 | 3200 | 人 |  |  |
2.0.1.4#2 | main_target | 2023 | 粮食总产 | 稳定在50万吨以上 | 50 | 万吨 | at_least | keep |
2.0.1.4#3 | main_target | 2023 | 居民收入 | 与经济增长同步 |  |  |  |  |
2.1.1.2#1 | task_target | 2023 | 规上工业企业 | 12家以上 | 12 | 家 | at_least | new |
2.1.1.2#2 | task_target | 2023 | 工业园区产值 | 达到45亿元 | 45 | 亿元 |  | reach |
2.2.1.3#1 | task_target | 2023 | 幼儿园 | 3所 | 3 | 所 |  | new | 五件民生实事 1
2.2.1.4#1 | task_target | 2023 | 改造老旧管网 | 15公里 | 15 | 公里 |  |  | 五件民生实事 2
2.2.1.5#1 | task_target | 2023 | 县城污水处理厂二期工程 | 建成 |  |  |  | new | 五件民生实事 3
2.2.1.6#1 | task_target | 2023 | 公共停车位 | 800个 | 800 | 个 |  | new | 五件民生实事 4
2.2.1.6#2 | task_target | 2023 | 充电桩 | 120个 | 120 | 个 |  | new | 五件民生实事 4
2.2.1.7#1 | task_target | 2023 | 开展免费健康体检 | 不少于2万人次 | 2 | 万人次 | no_less_than |  | 五件民生实事 5
";

#[test]
fn the_fictional_reports_records_follow_its_own_years() {
    let got: Vec<String> = fixture().indicators.iter().map(record_line).collect();
    assert_eq!(got, table(QINGLAN_RECORDS));
}

#[test]
fn years_come_from_report_toml_not_from_the_code() {
    let body = std::fs::read_to_string(fixture_report_dir().join("report.txt")).expect("body");
    let mut meta = fixture().meta.clone();
    meta.year = 2024;
    meta.id = "moved".to_string();
    let moved = parse_report(meta, &body).expect("parses");
    // Part 一 no longer names the year before the plan year, and part 二 no longer names the plan year,
    // but 今年 still marks the plan: its targets move with `year`; nothing else is a target.
    let plan: Vec<Period> = moved
        .indicators
        .iter()
        .filter(|i| matches!(i.kind, FigureKind::MainTarget | FigureKind::TaskTarget))
        .map(|i| i.period)
        .collect();
    assert_eq!(plan.len(), 13);
    assert!(plan.iter().all(|p| *p == Period::Year { year: 2024 }));
}

// ── errors ─────────────────────────────────────────────────────────────────────────────────────────────

fn meta(id: &str, year: i32) -> ReportMeta {
    let mut meta = xiping().meta.clone();
    meta.id = id.to_string();
    meta.year = year;
    meta
}

#[test]
fn a_gap_in_part_numbering_names_the_line() {
    let error = parse_report(
        meta("gap", 2022),
        "各位代表:\n\n一、回顾\n\n正文。\n\n三、安排\n\n正文。\n",
    )
    .expect_err("part 二 is missing");
    match &error {
        KnowledgeError::Body { path, line, what } => {
            assert_eq!(path, Path::new("reports/gap/report.txt"));
            assert_eq!(*line, 7);
            assert!(what.contains("part numbered 三"), "{what}");
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_broken_glossary_names_the_line() {
    let body = "一、回顾\n正文。\n有关词语注释\n1.甲:指甲。\n3.丙:指丙。\n";
    let error = parse_report(meta("gloss", 2022), body).expect_err("entry 2 missing");
    assert!(
        matches!(error, KnowledgeError::Body { line: 5, .. }),
        "{error}"
    );
}

#[test]
fn loading_reports_what_is_wrong_and_where() {
    let empty = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(empty.path().join("reports")).expect("mkdir");
    assert!(matches!(
        Library::load(empty.path()),
        Err(KnowledgeError::NoReports(_))
    ));
    assert!(matches!(
        Library::load(&empty.path().join("nowhere")),
        Err(KnowledgeError::Io { .. })
    ));

    let dir = knowledge_with_fixture();
    let toml_path = dir.path().join("reports/qinglan-2023/report.toml");
    let original = std::fs::read_to_string(&toml_path).expect("toml");
    std::fs::write(
        &toml_path,
        original.replace("year = 2023", "year = \"soon\""),
    )
    .expect("write");
    match Library::load(dir.path()) {
        Err(KnowledgeError::Metadata { path, line, .. }) => {
            assert_eq!(path, toml_path);
            assert_eq!(line, 10);
        }
        other => panic!("unexpected {other:?}"),
    }
    std::fs::write(&toml_path, original.replace("qinglan-2023", "xiping-2022")).expect("write");
    assert!(matches!(
        Library::load(dir.path()),
        Err(KnowledgeError::DuplicateReport { .. })
    ));
    std::fs::write(&toml_path, &original).expect("restore");

    let aliases = dir.path().join("aliases.toml");
    std::fs::write(
        &aliases,
        "[[alias]]\ncanonical = \"生产总值\"\nvariants = []\n",
    )
    .expect("write");
    assert!(matches!(
        Library::load(dir.path()),
        Err(KnowledgeError::Aliases { line: 1, .. })
    ));
    std::fs::copy(knowledge_dir().join("aliases.toml"), &aliases).expect("restore");

    let dict = dir.path().join("userdict.txt");
    std::fs::write(&dict, "# comment\n生产总值 100 n\n规上工业增加值 many n\n").expect("write");
    assert!(matches!(
        Library::load(dir.path()),
        Err(KnowledgeError::UserDict { line: 3, .. })
    ));
    std::fs::write(&dict, "生产总值\n").expect("write");
    assert!(matches!(
        Library::load(dir.path()),
        Err(KnowledgeError::UserDict { line: 1, .. })
    ));
}

// ── aliases and the user dictionary ────────────────────────────────────────────────────────────────────

/// The report's text with quotes and punctuation removed, lower-cased.
fn searchable(report: &Report) -> String {
    let text: String = [report.meta.title.as_str(), report.meta.issuer.as_str()]
        .into_iter()
        .chain(report.sentences().map(|s| s.text.as_str()))
        .chain(
            report
                .glossary
                .iter()
                .flat_map(|e| [e.term.as_str(), e.explanation.as_str()]),
        )
        .collect();
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Alias terms for things the report does not report (knowledge/README.md): questions about them are refused.
const UNREPORTED: &[&str] = &[
    "人均生产总值",
    "一般公共预算支出",
    "居民消费价格指数",
    "疫苗接种率",
    "总人口",
    // English nouns of everyday things a work report does not give (salary, prices, the weather).
    "工资",
    "价格",
    "房价",
    "补贴",
    "费用",
    "学费",
    "天气",
    "酒店",
    "病例",
    "大学",
    "机场",
    "火车站",
    "市长",
    "医生",
    "报销",
    // What a look-alike asks of a named thing that the report never gives: a tax bill, a headcount.
    "纳税额",
    "编制人数",
];

/// Every term of knowledge/english.toml is the report's (its text, or its user dictionary for the county's
/// own name), and every English name leads to one term only.
#[test]
fn english_names_name_the_report_terms() {
    let library = library();
    let text = searchable(xiping());
    assert!(library.english.len() >= 150);
    let mut names = std::collections::HashMap::new();
    for term in &library.english {
        let written: String = term
            .zh
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        assert!(
            text.contains(&written) || library.user_dict.contains(&term.zh),
            "`{}` is not in the report",
            term.zh
        );
        assert!(!term.kind.is_empty(), "`{}` has no kind", term.zh);
        for name in &term.en {
            if let Some(other) = names.insert(name.to_lowercase(), term.zh.clone()) {
                panic!("`{name}` names both `{other}` and `{}`", term.zh);
            }
        }
    }
}

#[test]
fn aliases_lead_to_words_the_report_uses() {
    let library = library();
    let text = searchable(xiping());
    for entry in &library.aliases {
        // Folded as questions and the report's text are (5G智慧杆塔 is found as 5g智慧杆塔).
        let canonical = entry.canonical.to_lowercase();
        if UNREPORTED.contains(&entry.canonical.as_str()) {
            assert!(!text.contains(&canonical), "{}", entry.canonical);
            continue;
        }
        assert!(
            text.contains(&canonical),
            "`{}` is not in the report",
            entry.canonical
        );
        let mut variants: Vec<String> = entry.variants.iter().map(|v| v.to_lowercase()).collect();
        variants.sort();
        let before = variants.len();
        variants.dedup();
        assert_eq!(
            before,
            variants.len(),
            "duplicate variant under {}",
            entry.canonical
        );
        assert!(!variants.contains(&entry.canonical.to_lowercase()));
    }
    let leads_to = |said: &str, canonical: &str| {
        library.aliases.iter().any(|entry| {
            entry.canonical == canonical
                && entry.variants.iter().any(|v| v.eq_ignore_ascii_case(said))
        })
    };
    for (said, canonical) in [
        ("GDP", "生产总值"),
        ("地区生产总值", "生产总值"),
        ("经济总量", "生产总值"),
        ("财政收入", "一般公共预算收入"),
        ("社零", "社会消费品零售总额"),
        ("消费", "社会消费品零售总额"),
        ("固投", "固定资产投资"),
        ("规上", "规模以上工业增加值"),
        ("规上", "规上工业增加值"),
        ("城市化率", "城镇化率"),
        ("粮食产量", "粮食总产"),
        ("粮食", "粮食总产"),
        ("失业率", "城镇调查失业率"),
        ("就业", "城镇新增就业"),
        ("进出口", "货物进出口总额"),
        ("外贸", "货物进出口总额"),
        ("收入", "人均可支配收入"),
        ("gdp", "生产总值"),
        ("grain output", "粮食总产"),
        ("fiscal revenue", "一般公共预算收入"),
        ("retail sales", "社会消费品零售总额"),
        ("fixed asset investment", "固定资产投资"),
        ("unemployment rate", "城镇调查失业率"),
        ("urbanization rate", "城镇化率"),
    ] {
        assert!(leads_to(said, canonical), "{said} → {canonical}");
    }
}

fn jieba() -> jieba_rs::Jieba {
    let mut jieba = jieba_rs::Jieba::new();
    jieba
        .load_dict(&mut std::io::BufReader::new(library().user_dict.as_bytes()))
        .expect("the user dictionary loads into jieba");
    jieba
}

#[test]
fn the_user_dictionary_keeps_report_terms_whole() {
    let library = library();
    let jieba = jieba();
    let report_text = searchable(xiping());
    let said: Vec<String> = library
        .aliases
        .iter()
        .flat_map(|entry| &entry.variants)
        .map(|variant| variant.to_lowercase())
        .collect();
    let mut words = 0;
    for line in library.user_dict.lines() {
        let word = line.split_whitespace().next().expect("a word per line");
        words += 1;
        assert!(jieba.has_word(word), "{word}");
        let tokens: Vec<&str> = jieba.cut(word, false).iter().map(|t| t.word).collect();
        assert_eq!(tokens, vec![word], "{word} alone");
        let word_lower = word.to_lowercase();
        assert!(
            report_text.contains(&word_lower) || said.contains(&word_lower),
            "{word} is neither in the report nor an alias"
        );
    }
    assert!(words >= 250, "{words} words");
    for entry in &xiping().glossary {
        if !entry.term.contains('、') {
            assert!(jieba.has_word(&entry.term), "glossary term {}", entry.term);
        }
    }
    // Key terms stay whole inside the report's own sentences.
    for (sentence_id, term) in [
        ("xiping-2022/1.0.2.5", "规上工业增加值"),
        ("xiping-2022/1.0.2.3", "一般公共预算收入"),
        ("xiping-2022/1.0.5.3", "放管服效"),
        ("xiping-2022/1.0.2.13", "鼎力杆塔"),
        ("xiping-2022/1.0.4.8", "嫘祖海棠园"),
        ("xiping-2022/3.5.3.2", "17110"),
        ("xiping-2022/3.0.2.2", "规模以上工业增加值"),
        ("xiping-2022/3.0.2.7", "城镇调查失业率"),
        ("xiping-2022/3.3.2.6", "一渠两园三河五湖"),
        ("xiping-2022/3.6.3.2", "十件惠民工程"),
        ("xiping-2022/3.2.3.7", "农民合作社"),
    ] {
        let text = text_of(xiping(), sentence_id);
        let tokens: Vec<&str> = jieba.cut(text, false).iter().map(|t| t.word).collect();
        assert!(tokens.contains(&term), "{term} in {tokens:?}");
    }
}

// ── the command line ───────────────────────────────────────────────────────────────────────────────────

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_report-bot"))
        .arg("--knowledge-dir")
        .arg(dir)
        .args(args)
        .env_remove("KNOWLEDGE_DIR")
        .output()
        .expect("the binary runs")
}

#[test]
fn the_knowledge_command_shows_both_reports() {
    let dir = knowledge_with_fixture();
    let output = run(dir.path(), &["knowledge"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).expect("utf-8");
    assert!(stdout.starts_with("2 report(s)"), "{stdout}");
    let xiping_at = stdout
        .find("《西平县2022年政府工作报告》 [xiping-2022]")
        .expect("xiping shown");
    let qinglan_at = stdout
        .find("《青岚县2023年政府工作报告（虚构样例）》 [qinglan-2023]")
        .expect("qinglan shown");
    assert!(xiping_at < qinglan_at, "oldest first");
    assert!(
        stdout.contains("4 parts, 6 sections, 61 paragraphs, 307 sentences"),
        "{stdout}"
    );
    assert!(stdout.contains(
        "102 records: main_target 11, task_target 41, result 11, five_year_total 28, yearly_average 8, change_since_base 3"
    ), "{stdout}");
    assert!(
        stdout.contains("32 entries, 29 linked to the body"),
        "{stdout}"
    );
    assert!(
        stdout.contains("3 parts, 2 sections, 10 paragraphs"),
        "{stdout}"
    );
}

#[test]
fn indicators_and_glossary_print_json_arrays() {
    let dir = knowledge_with_fixture();
    let output = run(dir.path(), &["indicators", "--json"]);
    assert!(output.status.success());
    let records: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("JSON array");
    assert_eq!(records.len(), 102 + 24);
    assert_eq!(records[0]["id"], "xiping-2022/1.0.2.2#1");
    assert_eq!(records[0]["kind"], "result");
    assert_eq!(
        records[0]["period"],
        serde_json::json!({"type": "year", "year": 2021})
    );

    let output = run(dir.path(), &["glossary", "--json"]);
    assert!(output.status.success());
    let entries: Vec<serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("JSON array");
    assert_eq!(entries.len(), 32 + 3);
    assert_eq!(entries[23]["term"], "17110工作制度");

    let output = run(dir.path(), &["indicators"]);
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("生产总值：增长8%左右"), "{text}");
    assert!(
        text.contains("南水北调供水厂项目：建成 [十件惠民工程 6]"),
        "{text}"
    );
}

#[test]
fn a_missing_folder_fails_with_a_readable_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = run(&dir.path().join("nowhere"), &["knowledge"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read") && stderr.contains("nowhere"),
        "{stderr}"
    );
}

// ── speed ──────────────────────────────────────────────────────────────────────────────────────────────

#[test]
fn loading_is_fast() {
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let started = Instant::now();
        Library::load(&knowledge_dir()).expect("loads");
        best = best.min(started.elapsed());
    }
    // Generous for an unoptimised build on a busy machine; an optimised build loads in a few ms.
    assert!(best < Duration::from_millis(500), "{best:?}");
}

#[test]
fn the_reports_enumerations_are_list_records_in_report_order() {
    use report_bot::knowledge::ListKind;
    let lists = &xiping().lists;
    let of_kind = |kind: ListKind| lists.iter().filter(move |list| list.kind == kind);
    let parts = of_kind(ListKind::Parts).next().expect("the parts");
    assert_eq!(parts.items.len(), 4);
    let sections = of_kind(ListKind::Sections)
        .next()
        .expect("the year's tasks");
    assert_eq!(sections.items.len(), 6);
    assert!(sections.name.contains("六个方面"));
    let projects = of_kind(ListKind::Numbered)
        .find(|list| list.name.contains("十件惠民工程"))
        .expect("the ten projects");
    let numbers: Vec<u32> = projects.items.iter().map(|item| item.number).collect();
    assert_eq!(numbers, (1..=10).collect::<Vec<_>>());
    let difficulties = of_kind(ListKind::Parallel)
        .find(|list| list.name.contains("困难和挑战"))
        .expect("the difficulties");
    assert_eq!(difficulties.items.len(), 3);
    let confidence = of_kind(ListKind::Glossary)
        .find(|list| list.name == "四个自信")
        .expect("四个自信");
    assert!(confidence.items.iter().any(|item| item.label == "理论自信"));
    // Review achievements and the principles are runs of `——` paragraphs.
    assert_eq!(of_kind(ListKind::Dashes).count(), 2);
    // The year's targets are clauses after a colon, separated by `;` over several sentences; the review's
    // run of `;` figures has no colon to lead it in, so it is no list.
    let targets: Vec<_> = of_kind(ListKind::Semicolon).collect();
    assert_eq!(targets.len(), 1);
    assert_eq!(targets[0].name, "今年经济社会主要预期目标是");
    let labels: Vec<&str> = targets[0]
        .items
        .iter()
        .map(|item| item.label.as_str())
        .collect();
    assert_eq!(labels.len(), 7);
    assert_eq!(labels[0], "生产总值增长8%左右");
    assert_eq!(labels[4], "一般公共预算收入增长6%");
    assert!(
        labels[6].starts_with("城镇新增就业5700人")
            && labels[6].ends_with("货物进出口总额保持平稳增长")
    );
}

#[test]
fn items_run_together_before_the_name_that_counts_them_are_a_list_unless_the_glossary_explains_it()
{
    use report_bot::knowledge::ListKind;
    let counted: Vec<(&str, Vec<&str>)> = xiping()
        .lists
        .iter()
        .filter(|list| list.kind == ListKind::Counted)
        .map(|list| {
            let labels = list.items.iter().map(|item| item.label.as_str()).collect();
            (list.name.as_str(), labels)
        })
        .collect();
    // The verb before the first item (用好领导包联) is cut to the others' length; the body's own 五个保障
    // (落实机制) stands beside the glossary's 五项保障 (工作机制); 五大工程 and 四张清单 are the glossary's.
    assert_eq!(
        counted,
        vec![
            (
                "五个保障",
                vec!["党的建设", "作风建设", "要素保障", "营商环境", "落实机制"]
            ),
            (
                "四项机制",
                vec!["领导包联", "专班服务", "督促督办", "考评奖惩"]
            ),
        ]
    );
}
