//! The list a question asks to add up, read from the question as typed: its items (cut at 、 和 加, never
//! inside a name of the report), the count said after them (这三类事项) and the noun counted, or the clauses
//! that each state a figure (五年修249公里，今年再修30公里). What each item names is `sums.rs`'s business.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::knowledge::numerals;

use super::super::compare::SUM_CUES;

/// Words between the items of a listed sum (A、B和C, 7个省重点加94个市重点).
const ITEM_SEPARATORS: &[&str] = &["、", "以及", "加上", "和", "与", "及", "跟", "+", "加"];
/// 加 inside a word is no "plus": 增加, 参加, 追加, 更加 (the letter before it), 加快, 加强, 加大 (after it).
const NOT_PLUS_BEFORE: &str = "增参追更施";
const NOT_PLUS_AFTER: &str = "快强大速";
/// Classifiers after the count of the things summed (三类事项, 两个项目, 三个数, 三项).
const COUNT_CLASSIFIERS: &str = "个类项种件者笔组档";
/// Words pointing at the things counted (这三类): part of the count phrase, not of the last item.
const POINTERS: &str = "这那";
/// Where a clause ends: a list stands in the clause before the sum cue (7个省重点加94个市重点，共多少).
const CLAUSE_ENDS: &[char] = &[',', '，', ';', '；', ':', '：', '。', '?', '？', '!', '！'];
/// Letters after a number that make it a date, not a stated figure (2021年, 3月).
const DATE_LETTERS: &str = "年月日";

/// A sum as the question words it: the items it lists, the count it says they are (三类 → 3) and the
/// noun counted (事项).
#[derive(Debug, PartialEq)]
pub(super) struct Listed<'q> {
    pub items: Vec<&'q str>,
    pub count: Option<u32>,
    pub noun: &'q str,
    /// The clause before the list's own.
    pub before: &'q str,
}

/// Where the first sum cue of the question starts.
pub(super) fn sum_cue_at(normalized: &str) -> Option<usize> {
    static CUES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::new(SUM_CUES).ok());
    CUES.as_ref()?.find(normalized).map(|found| found.start())
}

/// The list before the sum cue at `cue_at`: the items of the clause before it, cut at the list's
/// separators, and the count and noun said after the last item (这三类事项); or, when that clause names
/// one thing, the clauses before the cue that each state a figure (五年修249公里，今年再修30公里).
pub(super) fn listed<'q>(
    normalized: &'q str,
    cue_at: usize,
    inside_name: &dyn Fn(&str) -> bool,
) -> Listed<'q> {
    let before = normalized[..cue_at]
        .trim_end_matches(|c: char| CLAUSE_ENDS.contains(&c) || c.is_whitespace());
    let clauses: Vec<&str> = before
        .split(CLAUSE_ENDS)
        .map(str::trim)
        .filter(|clause| !clause.is_empty())
        .collect();
    let Some(last) = clauses.last() else {
        return Listed {
            items: Vec::new(),
            count: None,
            noun: "",
            before: "",
        };
    };
    let mut items = split_items(last, inside_name);
    let (count, noun) = match items.pop() {
        Some(item) => {
            let (kept, count, noun) = count_phrase(item);
            if !kept.is_empty() {
                items.push(kept);
            }
            (count, noun)
        }
        None => (None, ""),
    };
    if items.len() <= 1 && count.is_none() {
        let stating: Vec<&str> = clauses
            .iter()
            .rev()
            .take_while(|clause| stated_figure(clause).is_some())
            .copied()
            .collect();
        if stating.len() >= 2 {
            items = stating.into_iter().rev().collect();
        }
    }
    let before = clauses.len().checked_sub(2).map_or("", |at| clauses[at]);
    Listed {
        items,
        count,
        noun,
        before,
    }
}

/// A clause cut at the list's separators, empty pieces dropped; a separator inside a name of the report
/// (the 和 of 丰源和普: `inside_name` of it and the letters either side) cuts nothing.
fn split_items<'q>(clause: &'q str, inside_name: &dyn Fn(&str) -> bool) -> Vec<&'q str> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while at < clause.len() {
        let rest = &clause[at..];
        let separator = ITEM_SEPARATORS.iter().find(|separator| {
            rest.starts_with(**separator)
                && (**separator != "加" || is_plus(clause, at))
                && !inside_name(around(clause, at, separator.len()))
        });
        match separator {
            Some(separator) => {
                items.push(clause[start..at].trim());
                at += separator.len();
                start = at;
            }
            None => at += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    items.push(clause[start..].trim());
    items.retain(|item| !item.is_empty());
    items
}

/// The separator at `at` (`len` bytes) with the letter either side of it.
fn around(clause: &str, at: usize, len: usize) -> &str {
    let start = clause[..at]
        .char_indices()
        .next_back()
        .map_or(at, |(i, _)| i);
    let end = clause[at + len..]
        .chars()
        .next()
        .map_or(at + len, |c| at + len + c.len_utf8());
    &clause[start..end]
}

/// Whether the 加 at `at` means "plus" rather than being part of a word (增加, 加快).
fn is_plus(clause: &str, at: usize) -> bool {
    let before = clause[..at].chars().next_back();
    let after = clause[at + "加".len()..].chars().next();
    !before.is_some_and(|c| NOT_PLUS_BEFORE.contains(c))
        && !after.is_some_and(|c| NOT_PLUS_AFTER.contains(c))
}

/// The last item without the count phrase after it, the count (two or more) and the noun counted:
/// 一证通办这三类事项 → 一证通办, 3, 事项. A count of one is no list (一证通办 is a name).
fn count_phrase(item: &str) -> (&str, Option<u32>, &str) {
    let chars: Vec<(usize, char)> = item.char_indices().collect();
    for index in (1..chars.len()).rev() {
        let (classifier_at, classifier) = chars[index];
        if !COUNT_CLASSIFIERS.contains(classifier) {
            continue;
        }
        let first = chars[..index]
            .iter()
            .rev()
            .take_while(|(_, c)| numerals::is_numeral_char(*c) && !c.is_ascii_digit())
            .count();
        if first == 0 {
            continue;
        }
        let numeral_at = chars[index - first].0;
        let Some(count) = numerals::number(&item[numeral_at..classifier_at]).filter(|&n| n >= 2)
        else {
            continue;
        };
        let kept = item[..numeral_at].trim_end_matches(|c: char| POINTERS.contains(c));
        let noun = &item[classifier_at + classifier.len_utf8()..];
        return (kept.trim(), Some(count), noun.trim());
    }
    (item, None, "")
}

/// The figure a text states, as its number and what follows it (94个市重点 → 94, 个市重点); a year or a
/// date is none.
pub(super) fn stated_figure(text: &str) -> Option<(f64, &str)> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits = &text[start..];
    let end = digits
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(digits.len());
    let rest = &digits[end..];
    if rest.starts_with(|c: char| DATE_LETTERS.contains(c)) || rest.is_empty() {
        return None;
    }
    Some((digits[..end].parse().ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(question: &str) -> Listed<'_> {
        let inside_name = |around: &str| "丰源和普年出栏".contains(around);
        listed(
            question,
            sum_cue_at(question).unwrap_or(question.len()),
            &inside_name,
        )
    }

    #[test]
    fn a_list_is_cut_at_its_separators_and_its_count_read_after_it() {
        let list = read("最多跑一次、容缺办理、一证通办这三类事项一共多少项");
        assert_eq!(list.items, vec!["最多跑一次", "容缺办理", "一证通办"]);
        assert_eq!((list.count, list.noun), (Some(3), "事项"));
        let list = read("7个省重点加94个市重点,共多少个重点项目");
        assert_eq!(list.items, vec!["7个省重点", "94个市重点"]);
        assert_eq!(list.count, None);
        // Clauses that each state a figure are the items when the last clause names one thing.
        let list = read("五年修了249公里,今年再修30公里,合计多少");
        assert_eq!(list.items, vec!["五年修了249公里", "今年再修30公里"]);
        // A count and noun alone; a count of one is a name (一证通办).
        let list = read("今年要引进的三类项目合计多少个");
        assert_eq!(list.items, vec!["今年要引进的"]);
        assert_eq!((list.count, list.noun), (Some(3), "项目"));
        assert_eq!(read("一证通办和容缺办理一共多少").count, None);
        // A count without a noun counts what the clause before it names.
        let list = read("亿元以上项目,三档加起来一共几个");
        assert_eq!(
            (list.count, list.noun, list.before),
            (Some(3), "", "亿元以上项目")
        );
        // 加 inside a word is no plus.
        assert_eq!(read("增加和加快一共多少").items, vec!["增加", "加快"]);
        // A separator inside a name of the report cuts nothing.
        let list = read("丰源和普和西平牧原两个生猪项目合计多少");
        assert_eq!(list.items, vec!["丰源和普", "西平牧原"]);
        assert_eq!(list.count, Some(2));
        assert_eq!(stated_figure("今年再修30公里"), Some((30.0, "公里")));
        assert_eq!(stated_figure("2021年"), None);
    }
}
