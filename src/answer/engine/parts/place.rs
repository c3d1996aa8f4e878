//! Where an item of a part stands: the place of an item named by its lead phrase (主动履职有作为是第几条,
//! 旗帜鲜明讲政治是哪一部分的), and the item a question numbers within a part (第三部分第二节讲什么). Both
//! are read from the parsed report's parts, sections and paragraphs' lead phrases.

use std::sync::LazyLock;

use crate::knowledge::{numerals, ListKind, Report, ReportList};
use crate::search::normalize::fold_for_search;

use super::super::cues::Phrases;
use super::super::leftover::{topicless, without, AskedPairs};
use super::words::{strip_asking, PART_WORDS};
use super::{block_contents, named_piece};

/// Words that ask where an item stands: its position (第几条) or the part holding it (哪一部分).
const PLACE_WORDS: &[&str] = &[
    "第几",
    "排在",
    "排第",
    "哪一部分",
    "哪部分",
    "哪个部分",
    "属于",
];

/// An item's lead phrase is named by this many of its letters in a run at least: fewer (发展, 建设) are in
/// many items' phrases, more would miss a phrase said in part (主动履职 for 主动履职有作为).
const MIN_ITEM_CHARS: usize = 4;

/// The block holding the item a question asks the place of (主动履职有作为是第几条, 旗帜鲜明讲政治是哪一部分
/// 的): the part or plan section whose contents name the most of the question's letters in a run, when one
/// item does alone and the question asks nothing else; with the item's number in its block.
pub(super) fn placed_item<'r>(
    normalized: &str,
    report: &'r Report,
) -> Option<(&'r ReportList, u32, (usize, String))> {
    static PLACES: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(PLACE_WORDS.iter().copied()));
    if !PLACES.in_text(normalized) {
        return None;
    }
    let asked_pairs = AskedPairs::new(normalized);
    let mut best: Option<(usize, &ReportList, u32, usize, String)> = None;
    let mut tied = false;
    let lists = report
        .lists
        .iter()
        .filter(|list| matches!(list.kind, ListKind::Parts | ListKind::Sections));
    for list in lists {
        for item in &list.items {
            for (at, content) in block_contents(report, list, item.number)
                .into_iter()
                .enumerate()
            {
                let size = asked_pairs.named_chars(&fold_for_search(&content));
                match &best {
                    Some((most, ..)) if size < *most => {}
                    Some((most, ..)) if size == *most => tied = true,
                    _ => {
                        tied = false;
                        best = Some((size, list, item.number, at + 1, content));
                    }
                }
            }
        }
    }
    let (size, list, number, at, content) = best?;
    if size < MIN_ITEM_CHARS || tied {
        return None;
    }
    let piece = named_piece(normalized, &fold_for_search(&content));
    let rest = without(
        &strip_asking(normalized, &piece),
        PLACE_WORDS.iter().copied(),
    );
    topicless(&rest).then_some((list, number, (at, content)))
}

/// Counters of a part's items after their ordinal (第二节, 第五项, 第三个方面).
const ITEM_COUNTERS: &[&str] = &["个方面", "方面", "项", "条", "节", "点", "个", "件", "块"];

/// One ordinal of a question (第三部分 → 3 and what follows it), read at each `第`.
pub(super) fn ordinals(normalized: &str) -> impl Iterator<Item = (u32, String, &str)> {
    normalized.match_indices('第').filter_map(|(at, _)| {
        let rest = &normalized[at + '第'.len_utf8()..];
        let numeral: String = rest
            .chars()
            .take_while(|&c| numerals::is_numeral_char(c))
            .collect();
        Some((
            numerals::number(&numeral)?,
            numeral.clone(),
            &rest[numeral.len()..],
        ))
    })
}

/// The part a question names by its number as where to look (第二部分的六个必须坚持), and the question
/// without it; None when it names no part or nothing is left.
pub(super) fn part_named(normalized: &str) -> Option<(u32, String)> {
    let mut found = ordinals(normalized);
    let (part, numeral, after) = found.next()?;
    if found.next().is_some() {
        return None;
    }
    let part_word = PART_WORDS.iter().find(|word| after.starts_with(*word))?;
    let rest = without(
        normalized,
        std::iter::once(format!("第{numeral}{part_word}").as_str()),
    );
    (!topicless(&rest)).then_some((part, rest))
}

/// The part and its item a question numbers (第三部分第二节 → (3, 2)), when it asks nothing else: a part
/// by [`PART_WORDS`], then an item by [`ITEM_COUNTERS`].
pub(super) fn numbered_item(normalized: &str) -> Option<(u32, u32)> {
    let mut found = ordinals(normalized);
    let (part, part_numeral, after) = found.next()?;
    let part_word = PART_WORDS.iter().find(|word| after.starts_with(*word))?;
    let (item, item_numeral, after) = found.next()?;
    let counter = ITEM_COUNTERS.iter().find(|word| after.starts_with(*word))?;
    let named = [
        format!("第{part_numeral}{part_word}"),
        format!("第{item_numeral}{counter}"),
    ];
    let rest = without(normalized, named.iter().map(String::as_str));
    topicless(&strip_asking(&rest, "")).then_some((part, item))
}

/// The item a question numbers with a counter of items and no part (建设人民满意政府的第二条), with the
/// question left when that ordinal is gone: what names the block it is an item of.
pub(super) fn ordered_item(normalized: &str) -> Option<(u32, String)> {
    let mut found = ordinals(normalized);
    let (item, numeral, after) = found.next()?;
    if found.next().is_some() || PART_WORDS.iter().any(|word| after.starts_with(*word)) {
        return None;
    }
    let counter = ITEM_COUNTERS.iter().find(|word| after.starts_with(*word))?;
    let rest = without(
        normalized,
        std::iter::once(format!("第{numeral}{counter}").as_str()),
    );
    Some((item, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_numbered_within_a_numbered_part() {
        assert_eq!(numbered_item("报告第三部分第二节讲什么"), Some((3, 2)));
        assert_eq!(numbered_item("第四部分第五条是什么"), Some((4, 5)));
        assert_eq!(numbered_item("第三部分第二个方面说了啥"), Some((3, 2)));
        assert_eq!(numbered_item("第三部分第二节的粮食目标"), None);
        assert_eq!(numbered_item("第三部分讲什么"), None);
    }

    #[test]
    fn an_item_is_numbered_alone_after_the_block_that_holds_it() {
        let (item, rest) = ordered_item("建设人民满意政府的第二条是什么").expect("an item");
        assert_eq!(item, 2);
        assert!(
            !rest.contains("第二条") && rest.contains("建设人民满意政府"),
            "{rest}"
        );
        assert_eq!(ordered_item("第四部分第五条是什么"), None);
        assert_eq!(ordered_item("第三部分讲什么"), None);
    }
}
