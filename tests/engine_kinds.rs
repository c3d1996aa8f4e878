//! The engine against the real report on kinds of question beyond single facts: the report's own front
//! matter asked in everyday words, one block of the report by number or topic, a base year's level worked
//! out from two stated figures, and comparisons of two metrics named by part of their names.

pub mod support;

use std::sync::OnceLock;

use report_bot::answer::Engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::load(&support::fixtures::knowledge_dir()).expect("the knowledge folder loads")
    })
}

fn direct(question: &str) -> String {
    let answer = engine().ask(question);
    answer.direct().unwrap_or_default().to_owned()
}

#[test]
fn front_matter_is_answered_in_everyday_words_and_only_for_this_report() {
    assert!(direct("作报告的那个县长叫啥名啊").contains("侯公涛"));
    assert!(direct("这是哪次人代会上的报告啊").contains("第十六届人民代表大会第一次会议"));
    assert!(direct("什么时候在网上公布的呢").contains("2022年4月21日"));
    assert!(direct("全文大概多少字？").contains("字"));
    // The county head in general, or another year's report, is not this report's front matter.
    assert!(!direct("西平县县长叫什么名字").contains("报告标题"));
    assert!(!engine()
        .ask("西平县2021年的政府工作报告是哪天作的")
        .answered());
}

#[test]
fn a_block_is_answered_by_number_or_by_topic() {
    assert!(direct("第二部分標題是什麼").contains("加快实现跨越发展"));
    assert!(direct("報告的最後一部分講什麼").contains("建设人民满意政府"));
    assert!(direct("五年回顾里城乡建设那一块说了啥").contains("城乡建设更趋协调"));
    assert!(direct("工业这一块今年打算干哪些事").contains("壮大工业底盘"));
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
