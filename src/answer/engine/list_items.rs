//! One item picked out of a list by where it stands or what it is about, rather than by its number:
//! `十件惠民工程最后一件` (the last), `民生实事里关于农村厕所的是第几件` (the one about toilets, with its
//! number). The words that ask for the last are taken out before the search, which finds the list by the
//! rest; those that ask an item's number stay, since they also say a numbered item is wanted.

use crate::knowledge::{ListKind, Report, ReportList};

use super::super::catalog::Unit;
use super::super::types::{Outcome, RefusalReason};
use super::lists::item_answer;
use super::{Engine, Scored};

/// How a question picks an item out of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ItemAsk {
    /// The list's last item.
    Last,
    /// The item the rest of the question is about, asked with its number.
    Which,
    /// The item the question numbers (惠民工程第5件, 第4项惠民工程), when the best unit is the whole list:
    /// the item is what was asked, the list only where it stands.
    Numbered(u32),
}

/// The word that says "last" (最后一件, 最后那个, the last one).
const LAST: &str = "最后";
/// What may stand between 最后 and the measure word (最后一件, 最后那项, 最后的那个).
const LAST_FILLERS: &[&str] = &["的那一", "的那", "那一", "一", "那", "的"];
/// Measure words of a list's items (件, 项, 个, 方面): with 最后 before them they ask for the last item.
/// 部分 and 章 are the report's parts, asked by their own words (`parts`).
const ITEM_MEASURES: &[&str] = &["个方面", "方面", "件", "项", "条", "点", "个", "块", "样"];
/// English ways of asking for the last item.
const LAST_ENGLISH: &[&str] = &["the last one", "the last item", "last one", "last item"];
/// The word every one of [`LAST_ENGLISH`] says: a question without it is not searched for each.
const LAST_IN_ENGLISH: &str = "last";

/// Where `normalized` asks for a list's last item: 最后, an optional filler and a measure word, or an
/// English phrase.
fn last_word(normalized: &str) -> Option<std::ops::Range<usize>> {
    let english = LAST_ENGLISH
        .iter()
        .filter(|_| normalized.contains(LAST_IN_ENGLISH))
        .find_map(|phrase| {
            let at = normalized.find(phrase)?;
            Some(at..at + phrase.len())
        });
    english.or_else(|| {
        normalized.match_indices(LAST).find_map(|(at, _)| {
            let after = &normalized[at + LAST.len()..];
            let filler = LAST_FILLERS
                .iter()
                .find(|filler| {
                    after.strip_prefix(**filler).is_some_and(|rest| {
                        ITEM_MEASURES
                            .iter()
                            .any(|measure| rest.starts_with(measure))
                    })
                })
                .map_or(0, |filler| filler.len());
            let measure = ITEM_MEASURES
                .iter()
                .find(|measure| after[filler..].starts_with(*measure))?;
            Some(at..at + LAST.len() + filler + measure.len())
        })
    })
}

/// Whether the question asks for a list's last item and names nothing else (最后一个呢, 最后那件是啥): a
/// follow-up leaning on the list asked before.
pub(super) fn asks_last_alone(normalized: &str) -> Option<String> {
    let word = last_word(normalized)?;
    Some(format!(
        "{} {}",
        &normalized[..word.start],
        &normalized[word.end..]
    ))
}

/// Words that ask which item is the one about something, with its number (`排第几` asks a ranking, not
/// an item).
const WHICH_WORDS: &[&str] = &[
    "第几件",
    "第几项",
    "第几条",
    "哪件",
    "哪一件",
    "哪项",
    "哪一项",
];

/// Words that set aside what the asker already knows (`除了安全生产`), and those that end it: what follows
/// (`还要防哪些重大风险`) is what to search for.
const BESIDES: &str = "除了";
const BESIDES_ENDS: &[&str] = &["以外", "之外", "还", "也", "另外"];

/// The question without what it sets aside (`除了安全生产还要防哪些重大风险` → `还要防哪些重大风险`), when it
/// sets something aside and asks something after it.
pub(super) fn without_known(normalized: &str) -> Option<String> {
    let start = normalized.find(BESIDES)?;
    let after = start + BESIDES.len();
    let (end, word) = BESIDES_ENDS
        .iter()
        .filter_map(|word| Some((normalized[after..].find(word)? + after, *word)))
        .min()?;
    // 以外 and 之外 belong to the aside; 还 and 也 open what is asked.
    let end = if word.ends_with('外') {
        end + word.len()
    } else {
        end
    };
    let rest = format!("{}{}", &normalized[..start], &normalized[end..]);
    (end > after && rest.chars().any(char::is_alphanumeric)).then_some(rest)
}

/// The id suffix of a paragraph's first sentence (`xiping-2022/2.0.4` → `xiping-2022/2.0.4.1`).
pub(super) const FIRST_SENTENCE: &str = ".1";

/// An item is about what a question says when they share this many characters besides the list's name;
/// one shared character is chance.
const MIN_SHARED_CHARS: usize = 2;

/// How the question picks an item, and the question to search: without the words asking for the last.
pub(super) fn item_ask(normalized: &str) -> Option<(ItemAsk, String)> {
    let which = WHICH_WORDS.iter().any(|word| normalized.contains(word));
    let (ask, rest) = match (asks_last_alone(normalized), which) {
        (Some(rest), _) => (ItemAsk::Last, rest),
        (None, true) => (ItemAsk::Which, normalized.to_owned()),
        (None, false) => return None,
    };
    rest.chars()
        .any(char::is_alphanumeric)
        .then_some((ask, rest))
}

/// The item of `list` the question is about: the one sharing most characters with it beyond the list's
/// name, when one does so alone.
fn item_about(list: &ReportList, normalized: &str) -> Option<u32> {
    let shared = |text: &str| {
        let mut chars: Vec<char> = text
            .chars()
            .filter(|&c| c.is_alphabetic() && normalized.contains(c) && !list.name.contains(c))
            .collect();
        chars.sort_unstable();
        chars.dedup();
        chars.len()
    };
    let sizes: Vec<(u32, usize)> = list
        .items
        .iter()
        .map(|item| (item.number, shared(&item.text)))
        .collect();
    let best = sizes.iter().map(|&(_, size)| size).max()?;
    let mut top = sizes.iter().filter(|&&(_, size)| size == best);
    let &(number, _) = top.next()?;
    (best >= MIN_SHARED_CHARS && top.next().is_none()).then_some(number)
}

impl Engine {
    /// The list a unit is (a list, or a counted glossary term with its items), or the list a sentence
    /// leads in or is an item of, with its report, the list's document and whether the unit stands for
    /// the whole list rather than one item of it.
    fn list_at(&self, doc: u32) -> Option<(&Report, &ReportList, u32, bool)> {
        match self.catalog.unit(doc) {
            Unit::List { report, index } => {
                let report = &self.library.reports[report];
                Some((report, &report.lists[index], doc, true))
            }
            Unit::Glossary { report, index } => {
                let report = &self.library.reports[report];
                let id = &report.glossary[index].id;
                let list = report
                    .lists
                    .iter()
                    .find(|list| list.kind == ListKind::Glossary && list.source_id == *id)?;
                Some((report, list, doc, true))
            }
            Unit::Sentence(at) => {
                let report = &self.library.reports[at.report];
                let id = &report.parts[at.part].sections[at.section].paragraphs[at.paragraph]
                    .sentences[at.sentence]
                    .id;
                // An item is its sentence, or a paragraph opened by it (——必须坚持正确政治方向。…).
                let is_item = |source_id: &str| {
                    source_id == id
                        || id
                            .strip_prefix(source_id)
                            .is_some_and(|rest| rest == FIRST_SENTENCE)
                };
                let list = report.lists.iter().find(|list| {
                    list.kind != ListKind::Glossary
                        && (list.source_id == *id
                            || list.items.iter().any(|item| is_item(&item.source_id)))
                })?;
                // The sentence leading the list in (办好我县十件惠民工程:) stands for the whole of it.
                let whole = list.source_id == *id;
                Some((report, list, self.catalog.doc_of(&list.id)?, whole))
            }
            Unit::Indicator { .. } => None,
        }
    }

    /// The document of an item's own words: its sentence, or the first sentence of the paragraph it is
    /// (a `——` achievement).
    fn item_doc(&self, source_id: &str) -> Option<u32> {
        self.catalog
            .doc_of(source_id)
            .or_else(|| self.catalog.doc_of(&format!("{source_id}{FIRST_SENTENCE}")))
    }

    /// The item a question picks, when the best unit found is a list: the item's own sentence first, then
    /// the list.
    pub(super) fn picked_item_outcome(
        &self,
        best: &Scored,
        ask: ItemAsk,
        normalized: &str,
    ) -> Option<Outcome> {
        let (report, list, list_doc, whole) = self.list_at(best.doc)?;
        let number = match ask {
            ItemAsk::Last => list.items.last()?.number,
            ItemAsk::Which => item_about(list, normalized)?,
            // A sentence found for a numbered question is an item already, maybe of another list.
            ItemAsk::Numbered(number) if whole => number,
            ItemAsk::Numbered(_) => return None,
        };
        let Some(item) = list.items.iter().find(|item| item.number == number) else {
            // 第十一件 of ten: the list is found and has no such item.
            return matches!(ask, ItemAsk::Numbered(_))
                .then(|| self.refuse(RefusalReason::NotInReport));
        };
        if matches!(list.kind, ListKind::Sections | ListKind::Parts) {
            // A block of the outline is answered with its heading and what it holds.
            return self.block_outcome(report, list, number, None);
        }
        let mut hits = Vec::with_capacity(2);
        if let Some(doc) = self
            .item_doc(&item.source_id)
            .filter(|&doc| doc != list_doc)
        {
            hits.push(self.chosen_hit(doc));
        }
        hits.push(self.chosen_hit(list_doc));
        Some(self.chosen_answer(item_answer(list, number), hits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::ListItem;

    #[test]
    fn an_item_is_picked_by_position_or_topic() {
        assert_eq!(
            item_ask("十件惠民工程最后一件").map(|(ask, _)| ask),
            Some(ItemAsk::Last)
        );
        assert_eq!(
            item_ask("关于农村厕所的是第几件").map(|(ask, _)| ask),
            Some(ItemAsk::Which)
        );
        assert_eq!(item_ask("咱县医院现在排第几"), None);
        // 最后, any filler and any measure word of list items; the report's parts are not items.
        for last in [
            "最后一个是啥",
            "最后那项呢",
            "最后的那个方面",
            "what is the last one",
        ] {
            assert!(asks_last_alone(last).is_some(), "{last}");
        }
        assert_eq!(asks_last_alone("最后一部分讲什么"), None);
        assert_eq!(asks_last_alone("最后要说的是"), None);
        assert_eq!(
            without_known("除了安全生产还要防哪些重大风险").as_deref(),
            Some("还要防哪些重大风险")
        );
        assert_eq!(
            without_known("除了粮食以外,还种什么").as_deref(),
            Some(",还种什么")
        );
        assert_eq!(without_known("除了粮食"), None);
        assert_eq!(item_ask("最后一件"), None);
        assert_eq!(item_ask("十件惠民工程有哪些"), None);
        let item = |number: u32, text: &str| ListItem {
            number,
            label: text.into(),
            text: text.into(),
            source_id: String::new(),
        };
        let list = ReportList {
            id: "r/l1".into(),
            kind: ListKind::Numbered,
            name: "办好十件惠民工程".into(),
            lead: None,
            source_id: String::new(),
            citation: String::new(),
            items: vec![
                item(1, "修建通村公路30公里"),
                item(2, "完成农村户厕改造1.3万户"),
            ],
        };
        assert_eq!(item_about(&list, "惠民工程里关于农村厕所的"), Some(2));
        assert_eq!(item_about(&list, "惠民工程里关于学校的"), None);
    }
}
