//! A block's topic in other words than its heading's: people ask for the plan's 聚焦“三农”发展 section as
//! 农业那块 or 农村工作, and for 释放现代服务业发展新活力 as 文旅. Each block of a list (the plan's
//! sections, the review's achievements) owns the two-letter words its own text says often and its siblings
//! seldom (a term frequency against the other blocks, as TF-IDF weighs a word against the other documents),
//! so the vocabulary is read from the report and next year's report brings its own.

use std::collections::HashMap;

use crate::knowledge::{ListKind, Report, ReportList, Section};
use crate::search::normalize::fold_for_search;

use super::structure::review_list;

/// A word is a block's own when its text says it this many times at least: once may be a passing mention.
const MIN_OWN_COUNT: usize = 2;

/// ...and this many times as often as any sibling block says it: lower lets shared words (发展, 建设) name
/// one block, higher leaves a block only the words no sibling says at all.
const OWN_DOMINANCE: usize = 3;

/// A topic said in this many sentences of one plan section at least is what the section is about (农业,
/// 城市 over the 三农 and 城镇化 sections), and asked broadly names the section; fewer, and the topic is one
/// paragraph's thing (厕所改造), which a search answers better than the section's outline.
const MIN_SPREAD_SENTENCES: usize = 3;

/// ...and in this many of its paragraphs (the heading counts as one): a thing one paragraph keeps saying
/// (问题楼盘, 疫情防控) is that paragraph's, however often it says it. Higher leaves a section only the
/// topics most of its paragraphs say; lower lets one busy paragraph stand for its section.
const MIN_SPREAD_PARAGRAPHS: usize = 2;

/// ...and in this many times as many sentences as any other section says it: lower lets a topic two
/// sections share (乡村 of the 三农 and the 城镇化 sections) name one of them.
const SPREAD_DOMINANCE: usize = 2;

/// One block of a list: which list, and its item's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BlockRef {
    pub(super) list: usize,
    pub(super) number: u32,
}

/// The words each block owns, for the plan's sections and the review's achievements of the newest report.
#[derive(Debug, Default)]
pub(super) struct TopicWords {
    owners: HashMap<[char; 2], Vec<BlockRef>>,
    /// Each list's item texts folded for search, by list and item position: what a block's heading is
    /// matched against, folded once rather than for every question.
    headings: Vec<Vec<String>>,
    /// Each plan section's sentences folded for search (its heading first), each with its paragraph's
    /// position (the heading is 0): where a topic is spread.
    sentences: Vec<(BlockRef, Vec<(usize, String)>)>,
    /// Each plan section's kinds of item: the last two letters of its paragraphs' lead phrases (the 工程 of
    /// 大力推进文旅振兴工程, the 行动 of 实施县域商业建设行动), which a question asking for its items may
    /// name (服务业部分提了哪几项行动或工程).
    item_kinds: Vec<(BlockRef, Vec<[char; 2]>)>,
}

impl TopicWords {
    /// Reads the blocks' own words from the newest report's texts.
    pub(super) fn new(report: &Report) -> TopicWords {
        let mut owners: HashMap<[char; 2], Vec<BlockRef>> = HashMap::new();
        for (at, list) in report.lists.iter().enumerate() {
            let texts = block_texts(report, list);
            if texts.len() < 2 {
                continue;
            }
            let counts: Vec<HashMap<[char; 2], usize>> =
                texts.iter().map(|(_, text)| pairs_counted(text)).collect();
            for (index, (number, _)) in texts.iter().enumerate() {
                for (&pair, &count) in &counts[index] {
                    let most_elsewhere = counts
                        .iter()
                        .enumerate()
                        .filter(|(other, _)| *other != index)
                        .map(|(_, other)| other.get(&pair).copied().unwrap_or(0))
                        .max()
                        .unwrap_or(0);
                    if count >= MIN_OWN_COUNT && count >= OWN_DOMINANCE * most_elsewhere.max(1) {
                        owners.entry(pair).or_default().push(BlockRef {
                            list: at,
                            number: *number,
                        });
                    }
                }
            }
        }
        let sentences = plan_sections(report)
            .map(|(block, section)| {
                let texts = std::iter::once((0, section.title.clone()))
                    .chain(section.paragraphs.iter().enumerate().flat_map(|(at, p)| {
                        p.text()
                            .split(['。', ';', '；'])
                            .map(|sentence| (at + 1, sentence.to_owned()))
                            .collect::<Vec<_>>()
                    }))
                    .map(|(at, text)| (at, fold_for_search(&text)))
                    .collect();
                (block, texts)
            })
            .collect();
        let item_kinds = plan_sections(report)
            .map(|(block, section)| {
                let kinds = section
                    .paragraphs
                    .iter()
                    .filter_map(|paragraph| {
                        last_pair(&fold_for_search(paragraph.topic.as_deref()?))
                    })
                    .collect();
                (block, kinds)
            })
            .collect();
        let headings = report
            .lists
            .iter()
            .map(|list| {
                list.items
                    .iter()
                    .map(|item| fold_for_search(&item.text))
                    .collect()
            })
            .collect();
        TopicWords {
            owners,
            headings,
            sentences,
            item_kinds,
        }
    }

    /// The folded text of item `item` (a position) of list `list` (a position in the report's lists).
    pub(super) fn heading(&self, list: usize, item: usize) -> &str {
        self.headings
            .get(list)
            .and_then(|items| items.get(item))
            .map_or("", String::as_str)
    }

    /// The block of `lists` whose own words cover `rest` (what is left of a question once its asking, time
    /// and frame words are gone), with `rest` once those words are taken out; none when the words name
    /// two blocks or none.
    pub(super) fn named(&self, rest: &str, lists: &[usize]) -> Option<(BlockRef, String)> {
        let chars: Vec<char> = rest.chars().collect();
        let mut block: Option<BlockRef> = None;
        let mut covered = vec![false; chars.len()];
        for at in 0..chars.len().saturating_sub(1) {
            let Some(owners) = self.owners.get(&[chars[at], chars[at + 1]]) else {
                continue;
            };
            let mut owners = owners.iter().filter(|owner| lists.contains(&owner.list));
            let Some(&owner) = owners.next() else {
                continue;
            };
            if owners.next().is_some() || block.is_some_and(|block| block != owner) {
                return None;
            }
            block = Some(owner);
            covered[at] = true;
            covered[at + 1] = true;
        }
        Some((block?, blanked(&chars, &covered)))
    }

    /// The plan section of `lists` over whose paragraphs every word of `rest` is spread (农业, 城市建设),
    /// when one is: each run of letters in `rest` that the report says must be said in
    /// [`MIN_SPREAD_SENTENCES`] of its sentences, [`SPREAD_DOMINANCE`] times as many as in any other
    /// section, and in [`MIN_SPREAD_PARAGRAPHS`] of its paragraphs. A pair of letters every section says
    /// (发展, 建设) tells none apart; runs the report never says (城建) name nothing, and a question of them
    /// only is no section's.
    pub(super) fn spread_over(&self, rest: &str, lists: &[usize]) -> Option<BlockRef> {
        let sections: Vec<&(BlockRef, Vec<(usize, String)>)> = self
            .sentences
            .iter()
            .filter(|(block, _)| lists.contains(&block.list))
            .collect();
        let said_in = |pair: &str, texts: &[(usize, String)]| {
            texts.iter().filter(|(_, text)| text.contains(pair)).count()
        };
        let mut found: Option<BlockRef> = None;
        for run in rest.split(|c: char| c.is_ascii() || !c.is_alphanumeric()) {
            let chars: Vec<char> = run.chars().collect();
            // A run the sections say whole (国家园林县城) is counted whole: it names one thing, wherever
            // its pairs are said.
            let whole =
                chars.len() > 2 && sections.iter().any(|(_, texts)| said_in(run, texts) > 0);
            let pieces: Vec<String> = if whole {
                vec![run.to_owned()]
            } else {
                chars
                    .windows(2)
                    .map(|pair| pair.iter().collect::<String>())
                    .collect()
            };
            let telling: Vec<String> = pieces
                .into_iter()
                .filter(|pair| {
                    let saying = sections
                        .iter()
                        .filter(|(_, texts)| said_in(pair, texts) > 0)
                        .count();
                    saying > 0 && saying * 2 <= sections.len()
                })
                .collect();
            if telling.is_empty() {
                continue;
            }
            // Per section: the sentences saying the run, and the distinct paragraphs they are in.
            let spread: Vec<(usize, usize, BlockRef)> = sections
                .iter()
                .map(|(block, texts)| {
                    let mut saying: Vec<usize> = texts
                        .iter()
                        .filter(|(_, text)| telling.iter().any(|pair| text.contains(pair.as_str())))
                        .map(|(paragraph, _)| *paragraph)
                        .collect();
                    let sentences = saying.len();
                    saying.dedup();
                    (sentences, saying.len(), *block)
                })
                .collect();
            let (most, paragraphs, block) = spread.iter().max_by_key(|(count, ..)| *count)?;
            let next = spread
                .iter()
                .filter(|(.., other)| other != block)
                .map(|(count, ..)| *count)
                .max()
                .unwrap_or(0);
            let spread_here = *most >= MIN_SPREAD_SENTENCES
                && *paragraphs >= MIN_SPREAD_PARAGRAPHS
                && *most >= SPREAD_DOMINANCE * next.max(1);
            if !spread_here || found.is_some_and(|found| found != *block) {
                return None;
            }
            found = Some(*block);
        }
        found
    }

    /// `rest` without the words `block` owns: what a question names besides a block it names by its
    /// heading (保障和改善民生部分 names 增进民生福祉 by 民生, and 保障 is that section's word too).
    pub(super) fn cover(&self, rest: &str, block: BlockRef) -> String {
        let chars: Vec<char> = rest.chars().collect();
        let mut covered = vec![false; chars.len()];
        let kinds = self
            .item_kinds
            .iter()
            .find(|(of, _)| *of == block)
            .map_or(&[][..], |(_, kinds)| kinds.as_slice());
        for at in 0..chars.len().saturating_sub(1) {
            let pair = [chars[at], chars[at + 1]];
            let owned = kinds.contains(&pair)
                || self
                    .owners
                    .get(&pair)
                    .is_some_and(|owners| owners.contains(&block));
            if owned {
                covered[at] = true;
                covered[at + 1] = true;
            }
        }
        blanked(&chars, &covered)
    }
}

/// The plan's sections, each with the block it is.
fn plan_sections(report: &Report) -> impl Iterator<Item = (BlockRef, &Section)> {
    report
        .lists
        .iter()
        .enumerate()
        .filter(|(_, list)| list.kind == ListKind::Sections)
        .flat_map(move |(at, list)| {
            list.items.iter().filter_map(move |item| {
                let section = report
                    .sections()
                    .find(|section| section.id == item.source_id)?;
                let block = BlockRef {
                    list: at,
                    number: item.number,
                };
                Some((block, section))
            })
        })
}

/// The last two letters of a lead phrase: what kind of item it is (工程, 行动).
fn last_pair(topic: &str) -> Option<[char; 2]> {
    let mut letters = topic.chars().rev();
    let last = letters.next()?;
    Some([letters.next()?, last])
}

/// `chars` with the covered ones made spaces.
fn blanked(chars: &[char], covered: &[bool]) -> String {
    chars
        .iter()
        .zip(covered)
        .map(|(&c, &covered)| if covered { ' ' } else { c })
        .collect()
}

/// Each block of a list with its text, folded as questions are: a section's heading and paragraphs, an
/// achievement's paragraph. Other lists' items are no blocks a question names by topic.
fn block_texts(report: &Report, list: &ReportList) -> Vec<(u32, String)> {
    let review = review_list(report).is_some_and(|review| review.id == list.id);
    if list.kind != ListKind::Sections && !review {
        return Vec::new();
    }
    list.items
        .iter()
        .filter_map(|item| {
            let text = if review {
                report
                    .paragraphs()
                    .find(|paragraph| paragraph.id == item.source_id)
                    .map(|paragraph| paragraph.text())
                    .unwrap_or_else(|| item.text.clone())
            } else {
                let section = report
                    .sections()
                    .find(|section| section.id == item.source_id)?;
                let body: String = section.paragraphs.iter().map(|p| p.text()).collect();
                format!("{}{body}", section.title)
            };
            Some((item.number, fold_for_search(&text)))
        })
        .collect()
}

/// How often each pair of adjacent Chinese letters is said in `text`.
fn pairs_counted(text: &str) -> HashMap<[char; 2], usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut counts = HashMap::new();
    for pair in chars.windows(2) {
        if pair.iter().all(|c| !c.is_ascii() && c.is_alphanumeric()) {
            *counts.entry([pair[0], pair[1]]).or_insert(0) += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Library;

    fn report_topics() -> (Library, TopicWords) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        let library = Library::load(dir.as_path()).expect("knowledge");
        let topics = TopicWords::new(library.latest());
        (library, topics)
    }

    #[test]
    fn a_section_owns_the_words_its_text_says_and_its_siblings_do_not() {
        let (library, topics) = report_topics();
        let report = library.latest();
        let sections = report
            .lists
            .iter()
            .position(|list| list.kind == ListKind::Sections)
            .expect("the plan's sections");
        let named = |rest: &str| {
            topics
                .named(rest, &[sections])
                .map(|(block, left)| (block.number, left.trim().to_owned()))
        };
        // 农业 and 文旅 are no heading's words: the sections' texts say them.
        assert_eq!(named("农业"), Some((2, String::new())));
        assert_eq!(named("文旅"), Some((4, String::new())));
        assert_eq!(named("改革"), Some((5, String::new())));
        // 发展 is every section's word, so it names none and is left over.
        assert_eq!(named("农业发展"), Some((2, "发展".to_owned())));
        assert_eq!(named("粮食文旅"), None);
        assert_eq!(named("天气"), None);
    }

    #[test]
    fn a_topic_spread_over_one_section_names_it_and_one_thing_of_it_does_not() {
        let (library, topics) = report_topics();
        let sections = library
            .latest()
            .lists
            .iter()
            .position(|list| list.kind == ListKind::Sections)
            .expect("the plan's sections");
        let spread = |rest: &str| {
            topics
                .spread_over(rest, &[sections])
                .map(|block| block.number)
        };
        assert_eq!(spread("农业"), Some(2));
        assert_eq!(spread("农业 农村"), Some(2));
        // One thing the section names, said whole, is a search's: its sentence answers.
        assert_eq!(spread("国家园林县城"), None);
        assert_eq!(spread("厕所改造"), None);
        // One paragraph that keeps saying a thing is that paragraph's, not its section's.
        assert_eq!(spread("问题楼盘"), None);
        assert_eq!(spread("疫情防控"), None);
        // Words every section says, or none does, name no section.
        assert_eq!(spread("发展"), None);
        assert_eq!(spread("火星"), None);
        // Two sections' topics together name neither.
        assert_eq!(spread("改革"), Some(5));
        assert_eq!(spread("农业 改革"), None);
    }
}
