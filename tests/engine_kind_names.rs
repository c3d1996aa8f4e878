//! Things of one kind the report names apart, one clause each (the plan's 基地): 哪些基地 gathers them from
//! the parts about the time asked, narrowed by a plan section the question names; a thing or two the
//! question names, a list the report names by the kind, and a sentence naming them side by side are
//! left to the search.

pub mod support;

use support::cli::{direct, engine};

#[test]
fn the_things_of_a_kind_named_apart_are_gathered_in_report_order() {
    let bases = direct("今年要打造哪些生产基地");
    assert!(bases.starts_with("报告写到的基地（共"), "{bases}");
    let at = |name: &str| {
        bases
            .find(name)
            .unwrap_or_else(|| panic!("{name}: {bases}"))
    };
    assert!(at("针织服饰生产基地") < at("畜牧机械装备制造基地"));
    assert!(at("畜牧机械装备制造基地") < at("5G智慧杆塔生产基地"));
    assert!(at("5G智慧杆塔生产基地") < at("水处理环保设备生产基地"));
    // A counted group and a longer word are no things named: 三大基地 is the review's, 宅基地 no base.
    assert!(!bases.contains("三大基地"), "{bases}");
    assert!(!bases.contains("宅基地"), "{bases}");
    // The same asked after the kind.
    assert_eq!(direct("今年要打造的基地有哪些"), bases);
}

#[test]
fn a_section_named_besides_keeps_its_own_things() {
    for question in ["今年工业方面要打造哪些生产基地", "今年要打造哪些产业基地"]
    {
        let bases = direct(question);
        assert!(
            bases.contains("畜牧机械装备制造基地"),
            "{question}: {bases}"
        );
        assert!(!bases.contains("供港蔬菜产业基地"), "{question}: {bases}");
    }
}

#[test]
fn one_thing_named_or_a_list_of_the_kind_is_left_to_the_search() {
    // 杆塔生产基地 is one base: its sentence answers.
    let one = direct("今年要建设什么杆塔生产基地");
    assert!(!one.starts_with("报告写到的"), "{one}");
    // 惠民工程 names the ten projects' list, not every 工程 of the plan.
    let projects = engine().ask("县里今年要搞啥惠民工程?");
    assert!(
        !projects
            .direct()
            .is_some_and(|d| d.starts_with("报告写到的")),
        "{:?}",
        projects.outcome
    );
    assert!(projects
        .hits()
        .iter()
        .any(|hit| hit.text.contains("十件惠民工程")));
}

/// 哪些 + a kind the report never writes, asked of the county alone (咱西平都有哪些大学, 西平县有哪些中学):
/// no unit names such things, and a list of other things (the report's parts) is no answer. A kind the
/// report names things of (公园) is still answered with them.
#[test]
fn a_kind_never_written_asked_of_the_county_alone_is_refused() {
    for question in ["咱西平都有哪些大学", "西平县有哪些中学"] {
        let json = support::cli::ask_json(question);
        assert_eq!(json["answered"], false, "{question}: {json}");
    }
    let parks = support::cli::first_excerpt("西平县有哪些公园");
    assert!(parks.contains("柏国文化园"), "{parks}");
}
