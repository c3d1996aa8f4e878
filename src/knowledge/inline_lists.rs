//! Enumerations written inside running text rather than laid out as items, read by two patterns that
//! government reports use and that say in their own words which items belong together:
//! - items sharing the last one's ending (`坚决打赢蓝天、碧水、净土保卫战`): the middle items fix how long
//!   each item is before the ending, and the report must write one of the earlier items with that ending
//!   elsewhere (`坚定打赢蓝天保卫战`), so `长三角、京津冀、粤港澳大湾区` (the ending is the last one's own) is
//!   no such list;
//! - sentences of one paragraph opening with counting numerals in turn (`一要看到…天时已至。…二要看到…`,
//!   `一是…二是…`);
//! - items run together before `等` and the noun they are examples of (`加大“嫘祖丝韵”“乡约西平”等公共品牌
//!   培育力度`, `做大做强纺织服装、机械装备制造、新型包装材料等产业`): read as [`Examples`], which answer
//!   哪些 + that noun.

use super::list_draft::{labelled_items, last_clause, Draft};
use super::model::{ListItem, ListKind, Paragraph, Sentence};
use super::numerals;
use super::text::{char_len, is_full_stop};

/// An enumeration needs this many items for its ending to be shown shared: with two there is no middle
/// item to fix the items' length (`西酒西喝、西喝西酒`).
const MIN_SHARED_ITEMS: usize = 3;
/// A shared ending is a word: at least this many characters (one would be any character after an item).
const MIN_ENDING_CHARS: usize = 2;
/// Items opening alike for this many characters after their numeral are named by that opening
/// (`要看到我县实现跨越发展`); a shorter one (`是`) names nothing.
const MIN_OPENING_CHARS: usize = 4;
/// What may follow a counting numeral at the start of an item sentence (`一要`, `一是`).
const ORDINAL_VERBS: &[char] = &['要', '是'];

/// What ends the examples of a noun (`A、B等产业`).
const EXAMPLES_END: char = '等';
/// The fewest items a run before `等` needs to be an enumeration: one name before 等 is a single example
/// (`打造西平绿色生猪等养殖品牌`), which lists nothing.
const MIN_EXAMPLES: usize = 2;

/// Items the report names in running text as examples of a noun: `“嫘祖丝韵”“乡约西平”等公共品牌培育力度`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Examples<'a> {
    /// The items as written, quotes taken off (`嫘祖丝韵`, `乡约西平`); the first of a `、` run may carry the
    /// verb before it (`做大做强纺织服装`).
    pub items: Vec<&'a str>,
    /// The Han text after `等` up to the next mark (`公共品牌培育力度`): the noun the items are examples of
    /// opens it, and where it ends the text does not say.
    pub after: &'a str,
}

/// Every run of two items or more before `等` in `text`, quoted names run together (`“A”“B”等`, `“A”、“B”等`)
/// or Han items joined by `、` (`A、B、C等`), with the Han text after the `等`.
pub fn examples(text: &str) -> Vec<Examples<'_>> {
    text.match_indices(EXAMPLES_END)
        .filter_map(|(at, mark)| {
            let after = &text[at + mark.len()..];
            let noun_end = after
                .char_indices()
                .find(|&(_, c)| !is_han(c))
                .map_or(after.len(), |(end, _)| end);
            let items = items_before(&text[..at]);
            (items.len() >= MIN_EXAMPLES && noun_end > 0).then(|| Examples {
                items,
                after: &after[..noun_end],
            })
        })
        .collect()
}

/// Every run of items before a quoted name that counts them (`领导包联、专班服务、督促督办、考评奖惩“四项机制”`)
/// in `sentence`: `count_of` reads how many items a name counts (四项机制 → 4), and the run must hold that
/// many, so a name after other words (“三个一批”之后) or after a run of another length lists nothing. The
/// first item may carry the verb before it (`用好领导包联`): when the others are of one length, it is cut
/// to that length. Names `glossed` explains already are the glossary's lists.
pub(super) fn counted_name_lists(
    sentence: &Sentence,
    count_of: &dyn Fn(&str) -> Option<usize>,
    glossed: &dyn Fn(&str) -> bool,
) -> Vec<Draft> {
    let text = &sentence.text;
    text.match_indices('“')
        .filter_map(|(open, mark)| {
            let inner_start = open + mark.len();
            let inner_end = inner_start + text[inner_start..].find('”')?;
            let name = &text[inner_start..inner_end];
            let count = count_of(name)?;
            if glossed(name) || text[..open].ends_with('”') {
                return None;
            }
            let mut items = items_before(&text[..open]);
            if items.len() != count {
                return None;
            }
            let size = char_len(items[1]);
            if items[1..].iter().all(|item| char_len(item) == size) && char_len(items[0]) > size {
                let cut = items[0].char_indices().rev().nth(size - 1)?.0;
                items[0] = &items[0][cut..];
            }
            Some(Draft {
                kind: ListKind::Counted,
                name: name.to_owned(),
                lead: None,
                source_id: sentence.id.clone(),
                citation: sentence.citation.clone(),
                items: labelled_items(items, &sentence.id),
            })
        })
        .collect()
}

/// The enumeration `before` ends with: quoted names (each `“…”`, optionally joined by `、`), or else Han
/// items joined by `、`; fewer than two items are no enumeration.
fn items_before(before: &str) -> Vec<&str> {
    let mut items = Vec::new();
    let mut rest = before;
    while let Some(open) = rest.strip_suffix('”').and_then(|inner| inner.rfind('“')) {
        let inner = &rest[open + '“'.len_utf8()..rest.len() - '”'.len_utf8()];
        items.push(inner);
        rest = &rest[..open];
        rest = rest.strip_suffix('、').unwrap_or(rest);
    }
    if !items.is_empty() {
        items.reverse();
        return items;
    }
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_han(c) || c == '、'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    before[start..]
        .split('、')
        .filter(|item| !item.is_empty())
        .collect()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Every enumeration with a shared ending in `sentence`; `body` is the report's whole body text, where an
/// earlier item must stand with the ending too.
pub(super) fn shared_ending_lists(sentence: &Sentence, body: &str) -> Vec<Draft> {
    let chars: Vec<char> = sentence.text.chars().collect();
    let mut lists = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        // A run of Han pieces joined by `、`.
        if !is_han(chars[at]) {
            at += 1;
            continue;
        }
        let start = at;
        while at < chars.len() && (is_han(chars[at]) || chars[at] == '、') {
            at += 1;
        }
        let run: String = chars[start..at].iter().collect();
        if let Some(draft) = shared_ending(&run, sentence, body) {
            lists.push(draft);
        }
    }
    lists
}

/// The enumeration ending `run` (`坚决打赢蓝天、碧水、净土保卫战`), when its items share the last one's ending.
fn shared_ending(run: &str, sentence: &Sentence, body: &str) -> Option<Draft> {
    let pieces: Vec<&str> = run.split('、').collect();
    if pieces.len() < MIN_SHARED_ITEMS || pieces.iter().any(|piece| piece.is_empty()) {
        return None;
    }
    let middle = &pieces[1..pieces.len() - 1];
    let size = char_len(middle[0]);
    if middle.iter().any(|piece| char_len(piece) != size) {
        return None;
    }
    let first: String = pieces[0]
        .chars()
        .rev()
        .take(size)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let last = pieces[pieces.len() - 1];
    if char_len(pieces[0]) < size || char_len(last) < size + MIN_ENDING_CHARS {
        return None;
    }
    let split = last.char_indices().nth(size)?.0;
    let (last_item, ending) = last.split_at(split);
    let items: Vec<String> = std::iter::once(first.as_str())
        .chain(middle.iter().copied())
        .chain(std::iter::once(last_item))
        .map(|item| format!("{item}{ending}"))
        .collect();
    if !items[..items.len() - 1]
        .iter()
        .any(|item| body.contains(item.as_str()))
    {
        return None;
    }
    let written = format!(
        "{first}、{}{last}",
        middle
            .iter()
            .map(|piece| format!("{piece}、"))
            .collect::<String>()
    );
    Some(Draft {
        kind: ListKind::SharedEnding,
        name: written,
        lead: None,
        source_id: sentence.id.clone(),
        citation: sentence.citation.clone(),
        items: labelled_items(items, &sentence.id),
    })
}

/// The counting numeral an item sentence opens with (`一要看到…` → 1).
fn ordinal_of(text: &str) -> Option<u32> {
    let mut chars = text.chars();
    let numeral = chars.next()?;
    let verb = chars.next()?;
    ORDINAL_VERBS
        .contains(&verb)
        .then(|| numerals::number(&numeral.to_string()))
        .flatten()
}

/// The Han characters every item's label opens with after its numeral (`要看到我县实现跨越发展`).
fn shared_opening(items: &[ListItem]) -> String {
    let openings: Vec<Vec<char>> = items
        .iter()
        .map(|item| item.label.chars().skip(1).collect())
        .collect();
    let Some(first) = openings.first() else {
        return String::new();
    };
    first
        .iter()
        .enumerate()
        .take_while(|&(at, c)| is_han(*c) && openings.iter().all(|other| other.get(at) == Some(c)))
        .map(|(_, c)| c)
        .collect()
}

/// Sentences of `paragraph` opening with 一, 二, 三 … in turn (`一要…`, `一是…`), each item with the
/// sentences after it up to the next; named by the opening the items share after their numerals, or else
/// by the last clause of the sentence before the first.
pub(super) fn ordinal_lists(paragraph: &Paragraph) -> Vec<Draft> {
    let sentences = &paragraph.sentences;
    let Some(start) = sentences
        .iter()
        .position(|sentence| ordinal_of(&sentence.text) == Some(1))
    else {
        return Vec::new();
    };
    let mut items: Vec<ListItem> = Vec::new();
    for sentence in &sentences[start..] {
        match ordinal_of(&sentence.text) {
            Some(number) if number == items.len() as u32 + 1 => items.push(ListItem {
                number,
                label: sentence.text.trim_end_matches(is_full_stop).to_owned(),
                text: sentence.text.clone(),
                source_id: sentence.id.clone(),
            }),
            _ => {
                if let Some(item) = items.last_mut() {
                    item.text.push_str(&sentence.text);
                }
            }
        }
    }
    if items.len() < 2 {
        return Vec::new();
    }
    let lead = start
        .checked_sub(1)
        .map(|before| sentences[before].text.trim().trim_end_matches(is_full_stop));
    let opening = shared_opening(&items);
    let name = if char_len(&opening) >= MIN_OPENING_CHARS {
        opening
    } else {
        lead.map_or_else(
            || items[0].label.clone(),
            |lead| last_clause(lead).to_owned(),
        )
    };
    vec![Draft {
        kind: ListKind::Ordinal,
        name,
        lead: lead.map(str::to_owned),
        source_id: sentences[start].id.clone(),
        citation: sentences[start].citation.clone(),
        items,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str) -> Sentence {
        Sentence::new("r/1.0.1.1".into(), text.into(), None, String::new())
    }

    fn labels(drafts: &[Draft]) -> Vec<Vec<&str>> {
        drafts
            .iter()
            .map(|draft| draft.items.iter().map(|item| item.label.as_str()).collect())
            .collect()
    }

    #[test]
    fn items_share_an_ending_only_when_the_report_writes_one_with_it_elsewhere() {
        let body = "坚定打赢蓝天保卫战。坚决打赢蓝天、碧水、净土保卫战。聚焦长三角、京津冀、粤港澳大湾区。";
        let found = shared_ending_lists(&sentence("坚决打赢蓝天、碧水、净土保卫战。"), body);
        assert_eq!(
            labels(&found),
            vec![vec!["蓝天保卫战", "碧水保卫战", "净土保卫战"]]
        );
        assert_eq!(found[0].name, "蓝天、碧水、净土保卫战");
        assert!(
            shared_ending_lists(&sentence("聚焦长三角、京津冀、粤港澳大湾区。"), body).is_empty()
        );
        // Two items fix no length: nothing is read.
        assert!(shared_ending_lists(&sentence("打赢蓝天、碧水保卫战。"), body).is_empty());
    }

    #[test]
    fn items_run_together_before_deng_are_examples_of_the_noun_after_it() {
        let quoted = examples("加大“嫘祖丝韵”“乡约西平”等公共品牌培育力度,推动品牌化经营。");
        assert_eq!(
            quoted,
            vec![Examples {
                items: vec!["嫘祖丝韵", "乡约西平"],
                after: "公共品牌培育力度"
            }]
        );
        let joined = examples("依托甲乙杆塔、丙丁电气、戊己钢构等企业,建设生产基地。");
        assert_eq!(
            joined[0].items,
            vec!["依托甲乙杆塔", "丙丁电气", "戊己钢构"]
        );
        assert_eq!(joined[0].after, "企业");
        assert_eq!(
            examples("引进“甲”、“乙”等人才。")[0].items,
            vec!["甲", "乙"]
        );
        // One example before 等, or a count after it, lists nothing.
        assert!(examples("打造西平绿色生猪等养殖品牌。").is_empty());
        assert!(examples("成立服装纺织、机械装备制造等5个工作专班。").is_empty());
    }

    #[test]
    fn sentences_counted_in_turn_are_one_list_named_by_their_shared_opening() {
        let paragraph = Paragraph {
            id: "r/2.0.1".into(),
            topic: None,
            sentences: [
                "我们必须抢抓机遇。",
                "一要看到我县发展“天时已至”。",
                "国家战略交汇叠加。",
                "二要看到我县发展“地利已成”。",
                "三要看到我县发展“人和已聚”。",
            ]
            .iter()
            .map(|text| sentence(text))
            .collect(),
        };
        let found = ordinal_lists(&paragraph);
        assert_eq!(
            labels(&found),
            vec![vec![
                "一要看到我县发展“天时已至”",
                "二要看到我县发展“地利已成”",
                "三要看到我县发展“人和已聚”"
            ]]
        );
        assert_eq!(found[0].name, "要看到我县发展");
        assert!(found[0].items[0].text.contains("国家战略交汇叠加"));
        let single = Paragraph {
            sentences: vec![sentence("一是加强领导。")],
            ..paragraph
        };
        assert!(ordinal_lists(&single).is_empty());
    }
}
