//! The answer once, for a phone screen. Under a direct answer the engine's first page also quotes what
//! the headline already says (a glossary entry's definition, again) and excerpts about other years and
//! metrics; here a direct answer keeps only its source sentence, and only when that adds something the
//! headline does not say. The rest stays one 更多结果 away.

use crate::answer::{Answered, Hit, HitKind};
use crate::search::normalize::fold_for_search;

/// The first page as a phone shows it, and how many of the engine's hits it stands for (where the
/// 更多结果 button starts).
pub fn concise(answered: &Answered) -> (Answered, usize) {
    let Some(direct) = &answered.direct else {
        return (answered.clone(), answered.hits.len());
    };
    if answered.hits.is_empty() {
        return (answered.clone(), 0);
    }
    // The source of each figure the headline states, in order: a computed answer states two.
    let stated = answered
        .hits
        .iter()
        .take_while(|hit| hit.kind == HitKind::Indicator && direct.contains(hit.text.as_str()))
        .count()
        .max(1);
    // A list's source is where the report opens it: its citation is the answer's.
    let adds = |hit: &Hit| {
        hit.kind == HitKind::List
            || (hit.kind != HitKind::Glossary && !says_no_more(direct, &hit.excerpt))
    };
    let hits: Vec<Hit> = answered.hits[..stated]
        .iter()
        .filter(|hit| adds(hit))
        .cloned()
        .collect();
    let shown = Answered {
        direct: Some(direct.clone()),
        hits,
        glossary_refs: answered.glossary_refs.clone(),
        more: answered.more || answered.hits.len() > stated,
    };
    (shown, stated)
}

/// Whether `excerpt` says nothing `direct` does not: its text (folded, punctuation and spaces left
/// out) is within the headline's.
fn says_no_more(direct: &str, excerpt: &str) -> bool {
    let bare = |text: &str| -> String {
        fold_for_search(text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let excerpt = bare(excerpt);
    excerpt.is_empty() || bare(direct).contains(&excerpt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::samples::hit;

    fn answered(direct: Option<&str>, kinds: &[HitKind]) -> Answered {
        let hits = kinds
            .iter()
            .enumerate()
            .map(|(i, kind)| {
                let mut hit = hit(
                    &format!("r/1.1.1.{i}"),
                    &format!("第{i}句，生产总值增长。"),
                    vec![],
                    "c",
                );
                hit.kind = *kind;
                hit
            })
            .collect();
        Answered {
            direct: direct.map(str::to_owned),
            hits,
            glossary_refs: Vec::new(),
            more: false,
        }
    }

    #[test]
    fn a_figure_keeps_only_its_source_sentence() {
        let page = answered(
            Some("2030年生产总值预期目标：增长7%左右"),
            &[HitKind::Indicator, HitKind::Passage, HitKind::Glossary],
        );
        let (shown, consumed) = concise(&page);
        assert_eq!(shown.hits, page.hits[..1]);
        assert!(shown.more, "the others stay one 更多结果 away");
        assert_eq!(consumed, 1);
    }

    #[test]
    fn a_glossary_answer_is_the_entry_once() {
        let page = answered(Some("甲：指乙。"), &[HitKind::Glossary, HitKind::Passage]);
        let (shown, consumed) = concise(&page);
        assert!(shown.hits.is_empty());
        assert!(shown.more);
        assert_eq!(consumed, 1);
    }

    #[test]
    fn an_excerpt_the_headline_already_says_is_left_out() {
        let mut page = answered(Some("报告人：县长 张三"), &[HitKind::Meta]);
        page.hits[0].excerpt = "报告人:县长 张三".to_owned();
        assert!(concise(&page).0.hits.is_empty());
        assert!(!concise(&page).0.more, "nothing else to page to");
    }

    #[test]
    fn without_a_direct_answer_the_page_is_unchanged() {
        let page = answered(None, &[HitKind::Passage, HitKind::Passage]);
        assert_eq!(concise(&page), (page.clone(), 2));
    }
}
