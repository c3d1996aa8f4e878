//! The titles the review says the county won, gathered from its sentences by the verbs that award them:
//! by level (国家级, 省级), by topic (平安建设方面), each with the clause that says who got it; titles sought
//! in the plan or asked of a year are left to the search.

pub mod support;

use report_bot::answer::Outcome;
use support::cli::engine;

fn direct(question: &str) -> String {
    engine()
        .ask(question)
        .direct()
        .map(str::to_owned)
        .unwrap_or_default()
}

#[test]
fn titles_are_listed_by_level_with_the_clause_that_awards_them() {
    let national = direct("咱县得过哪些国家级荣誉");
    for title in [
        "国家电子商务进农村综合示范县",
        "国家园林县城",
        "国家卫生县城",
    ] {
        assert!(national.contains(title), "{national}");
    }
    // A provincial title in the same clause is shown with it, but not counted as a national one.
    assert!(
        national.starts_with("报告写到的国家级称号（共11个）"),
        "{national}"
    );
    // Who got it: a product's title is shown with the product.
    assert!(national.contains("“西平小麦”“西平红薯”荣获“国家农产品地理标志产品”称号"));
    let provincial = direct("西平有哪些省级称号");
    assert!(provincial.contains("全省首批森林城市"), "{provincial}");
    assert!(!provincial.contains("成功创建国家园林县城"), "{provincial}");
}

#[test]
fn a_topic_picks_the_titles_of_the_sentence_about_it() {
    let safety = direct("平安建设方面获得过什么荣誉");
    assert!(safety.contains("全省平安建设优秀县"), "{safety}");
    assert!(!safety.contains("国家园林县城"), "{safety}");
    let greening = direct("城乡绿化上拿了哪些称号");
    assert!(greening.contains("全省首批森林城市"), "{greening}");
    assert!(!greening.contains("国家卫生县城"), "{greening}");
}

#[test]
fn titles_sought_or_of_a_year_are_not_the_reviews() {
    for question in ["今年要争创哪些称号", "2021年得了什么荣誉"] {
        let answer = engine().ask(question);
        assert!(
            !answer.direct().is_some_and(|d| d.starts_with("报告写到的")),
            "{question}: {:?}",
            answer.outcome
        );
    }
    assert!(matches!(
        engine().ask("白酒有什么称号").outcome,
        Outcome::Refused(_)
    ));
}
