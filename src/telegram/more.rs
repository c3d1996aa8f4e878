//! 更多结果 pages. The engine pages a question's hits without repeating an excerpt; a message's pages
//! must also never show a place the message already showed (one sentence cited through a figure and as
//! a passage, or an excerpt inside a longer one). Worked out from the question alone, so that a button
//! pressed after a restart pages exactly as it would have before.

use crate::answer::engine::HITS_PER_PAGE;
use crate::answer::{Engine, Hit, Outcome};

/// Engine pages read to find a page of unseen hits: far more than any question has (the engine keeps a
/// few dozen candidates), and a bound on the work a forged offset can ask for.
const MAX_ENGINE_PAGES: usize = 40;

/// One 更多结果 page: hits the message has not shown yet, and the offset of the page after it.
#[derive(Debug, Clone, PartialEq)]
pub struct MorePage {
    pub hits: Vec<Hit>,
    /// Where the next page starts (in the engine's numbering), when there is one.
    pub next: Option<usize>,
}

/// The page of `question`'s hits from the engine's `offset` on, leaving out every hit that repeats one
/// from before `offset` or from this page.
pub fn more_page(engine: &Engine, question: &str, offset: usize) -> MorePage {
    let all = engine_hits(engine, question);
    let (before, after) = all.split_at(offset.min(all.len()));
    let mut shown: Vec<&Hit> = before.iter().collect();
    let mut hits = Vec::new();
    let mut next = None;
    for (i, hit) in after.iter().enumerate() {
        if shown.iter().any(|earlier| repeats(earlier, hit)) {
            continue;
        }
        if hits.len() == HITS_PER_PAGE {
            next = Some(offset + i);
            break;
        }
        shown.push(hit);
        hits.push(hit.clone());
    }
    MorePage { hits, next }
}

/// Every hit the engine has for the question, page after page.
fn engine_hits(engine: &Engine, question: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for _ in 0..MAX_ENGINE_PAGES {
        let Outcome::Answered(page) = engine.ask_more(question, hits.len()).outcome else {
            break;
        };
        if page.hits.is_empty() {
            break;
        }
        hits.extend(page.hits);
        if !page.more {
            break;
        }
    }
    hits
}

/// Whether `hit` shows a reader nothing `earlier` did not: the same sentence, or an excerpt within the
/// other's.
fn repeats(earlier: &Hit, hit: &Hit) -> bool {
    let within = |a: &str, b: &str| !a.trim().is_empty() && b.contains(a);
    earlier.id.sentence() == hit.id.sentence()
        || within(&hit.excerpt, &earlier.excerpt)
        || within(&earlier.excerpt, &hit.excerpt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telegram::samples::hit;

    #[test]
    fn the_same_sentence_or_a_contained_excerpt_is_a_repeat() {
        let a = hit("r/1.1.1.1", "甲乙。丙丁。", vec![], "c");
        assert!(repeats(&a, &hit("r/1.1.1.1#2", "增长。", vec![], "c")));
        assert!(repeats(&a, &hit("r/1.1.1.2", "丙丁。", vec![], "c")));
        assert!(repeats(&hit("r/1.1.1.2", "丙丁。", vec![], "c"), &a));
        assert!(!repeats(&a, &hit("r/1.1.1.3", "戊己。", vec![], "c")));
    }
}
