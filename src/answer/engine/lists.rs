//! Answering with a whole list, or one item of it: 十件惠民工程都有哪些 gets the ten in order, 第六件 the sixth.

use std::sync::LazyLock;

use crate::knowledge::numerals::is_numeral_char;
use crate::knowledge::{ListKind, ReportList};
use crate::search::normalize::is_han;

use super::super::types::{Answered, Outcome};
use super::cues::Phrases;
use super::weights::{PART_MIN_CHARS, RARE_KIND_DOCS};
use super::Engine;

/// Phrases that ask for the items of something rather than one fact about it.
pub(super) const LIST_CUES: &[&str] = &[
    "哪些",
    "哪几",
    "都有什么",
    "都有啥",
    "都是啥",
    "都是什么",
    "都包括",
    "包括什么",
    "包括哪",
    "包含哪",
    "包含什么",
    "分别是",
    "分别有",
    "有什么",
    "有啥",
    "几个方面",
    "几大块",
    "几块",
    "几部分",
    "几个部分",
    "几大部分",
    "几大方面",
    "几项",
    "几件",
    "列举",
    "列一下",
    "具体是",
    "what are",
    "which",
    "list",
    "name the",
];

/// Ways of asking which group a term belongs to or what it means, beside the term itself (道路自信属于
/// 哪个提法, 稳就业是什么): with the term, they are all such a question says.
const MEMBERSHIP_CUES: &[&str] = &[
    // Which entry of the glossary, or which part of a group (在哪一组, 名词解释, 组成部分): longer first.
    "在哪",
    "名词解释",
    "词语解释",
    "组成部分",
    "一部分",
    "部分",
    "哪一组",
    "一组",
    "组",
    "解释",
    "当中",
    "中的",
    "里面",
    // A or B (属于六稳还是六保): the groups named are taken out with the part.
    "还是",
    // The report itself (属于报告里哪个提法): where every entry is.
    "报告里",
    "报告中",
    "报告",
    "内容",
    "属于",
    "哪个提法",
    "哪一个",
    "哪个",
    "出自",
    "是什么意思",
    "什么意思",
    "是什么",
    "是啥",
    "指什么",
    "指的是",
    "里的",
    "之一",
    "提法",
    "说法",
    "术语",
    "名词",
    "词语",
    "词",
    "概念",
    "表述",
    "什么",
    "啥",
    "哪",
    "是",
    "吗",
    "呢",
    "啊",
    "的",
];

/// Words that ask which term a phrase belongs to (属于哪个提法, 是哪个术语里的, 出自): a phrase of one glossary
/// entry's explanation asked with them is answered with that entry.
const BELONGS_CUES: &[&str] = &[
    "属于", "提法", "说法", "术语", "名词", "词语", "词", "概念", "表述", "出自", "之一", "里的",
    "部分", "一组", "解释",
];

impl Engine {
    /// A part of a counted glossary term (道路自信 of 四个自信, 稳就业 of 六稳) asked about alone: its entry,
    /// saying which group it belongs to. Only when the question is the part and a membership or meaning
    /// cue, nothing else: a question about anything more is left to the search.
    pub(super) fn glossary_part_outcome(&self, normalized: &str) -> Option<Outcome> {
        let mut best: Option<(&ReportList, u32, &str)> = None;
        for list in self.library.reports.iter().flat_map(|report| &report.lists) {
            if list.kind != ListKind::Glossary {
                continue;
            }
            for item in &list.items {
                let Some(named) = named_part(&item.label, normalized) else {
                    continue;
                };
                if best.is_none_or(|(_, _, known)| named.chars().count() > known.chars().count()) {
                    best = Some((list, item.number, named));
                }
            }
        }
        let (list, number, named) = best?;
        // Several parts of one group (吃在西平住在西平是什么说法) ask the same.
        let parts = list
            .items
            .iter()
            .filter_map(|item| named_part(&item.label, normalized));
        let groups = self
            .library
            .reports
            .iter()
            .flat_map(|report| &report.lists)
            .filter(|list| list.kind == ListKind::Glossary)
            .map(|list| list.name.as_str());
        // The parts first: a cue may be written inside one (the 在 of 娱在西平).
        let rest = parts
            .chain(groups)
            .chain(MEMBERSHIP_CUES.iter().copied())
            .fold(normalized.to_owned(), |rest, cue| rest.replace(cue, ""));
        if rest.chars().any(|c| c.is_alphanumeric()) {
            return None;
        }
        let doc = self.catalog.doc_of(&list.source_id)?;
        let hits = vec![self.chosen_hit(doc)];
        let entry = self.direct_answer(doc, None).unwrap_or_default();
        Some(Outcome::Answered(Answered {
            direct: Some(format!("{named}是“{}”的第{number}项。{entry}", list.name)),
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        }))
    }
}

impl Engine {
    /// A phrase of one glossary entry's explanation (清残垣断壁 of 六乱六清) asked which term it belongs to
    /// (属于哪个提法, 是哪个词里的): that entry, even where the body uses the phrase too (月通报). Only when the
    /// question is the phrase and membership cues, and the phrase is in one entry alone. An item of a
    /// counted term (任务清单 of 三张清单) is answered as that item.
    pub(super) fn glossary_phrase_outcome(&self, normalized: &str) -> Option<Outcome> {
        if !BELONGS_CUES.iter().any(|cue| normalized.contains(cue)) {
            return None;
        }
        if let Some(item) = self.glossary_part_outcome(normalized) {
            return Some(item);
        }
        let rest = MEMBERSHIP_CUES
            .iter()
            .chain(BELONGS_CUES)
            .fold(normalized.to_owned(), |rest, cue| rest.replace(cue, " "));
        let mut phrases = rest
            .split(|c: char| !c.is_alphanumeric())
            .filter(|phrase| !phrase.is_empty());
        let phrase = phrases.next()?;
        if phrases.next().is_some() || phrase.chars().count() < PART_MIN_CHARS {
            return None;
        }
        let mut holding = self
            .library
            .reports
            .iter()
            .zip(&self.folded_explanations)
            .flat_map(|(report, folded)| report.glossary.iter().zip(folded))
            .filter(|(_, explanation)| explanation.contains(phrase))
            .map(|(entry, _)| entry);
        let entry = holding.next()?;
        if holding.next().is_some() {
            return None;
        }
        let doc = self.catalog.doc_of(&entry.id)?;
        let hits = vec![self.chosen_hit(doc)];
        let explained = self.direct_answer(doc, None).unwrap_or_default();
        Some(Outcome::Answered(Answered {
            direct: Some(format!("“{phrase}”出自“{}”。{explained}", entry.term)),
            glossary_refs: self.glossary_refs(&hits),
            hits,
            more: false,
        }))
    }
}

/// The words of `item` the question names: the whole item, or its last words when the item qualifies
/// them (中国特色社会主义道路自信 → 道路自信), at least [`PART_MIN_CHARS`] of them.
fn named_part<'a>(item: &'a str, normalized: &str) -> Option<&'a str> {
    let chars = item.chars().count();
    let suffix = |skip: usize| item.char_indices().nth(skip).map(|(at, _)| &item[at..]);
    // Every longer part holds the shortest one: a question without it names no part.
    let shortest = suffix(chars.saturating_sub(PART_MIN_CHARS))?;
    if !normalized.contains(shortest) {
        return None;
    }
    (0..=chars.saturating_sub(PART_MIN_CHARS))
        .filter_map(suffix)
        .find(|part| normalized.contains(part))
}

/// Whether the question asks for a list's items (哪些, 都有什么, what are).
pub(super) fn asks_list(normalized: &str) -> bool {
    static CUES: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(LIST_CUES.iter().copied()));
    CUES.in_text(normalized) || asks_which_n(normalized)
}

/// 哪十件, 哪两个, 哪3项: which of a number greater than one asks for them all (哪一个 asks for one).
fn asks_which_n(normalized: &str) -> bool {
    normalized.match_indices('哪').any(|(at, which)| {
        normalized[at + which.len()..]
            .chars()
            .next()
            .is_some_and(|c| c != '一' && (is_numeral_char(c) || c.is_ascii_digit()) && c != '1')
    })
}

/// Measure words said between 哪 and a number and the kind of the items asked (哪几处遗址, 哪两个园子).
const WHICH_MEASURES: &[char] = &[
    '个', '项', '处', '样', '种', '类', '条', '家', '座', '所', '位', '件', '点', '块', '大',
];

/// Sentence-final particles that may follow the kind a question ends with (哪些地区呢).
const FINAL_PARTICLES: &[char] = &['呢', '吗', '啊', '呀', '吧', '嘞', '哩'];

/// Whether `word` is said as the kind of the items a question asks for, right after a word asking which
/// of them and last (哪些地区, 哪两个园子), or is the measure word of that asking (the 处 of 哪几处遗址): the
/// items are instances of it, and a passage naming them need not say the kind itself (长三角、京津冀、粤港澳
/// 大湾区 are the 地区 asked). A word before another noun only qualifies the kind (哪些木业企业).
pub(super) fn names_kind_asked(normalized: &str, word: &str) -> bool {
    let measure = is_which_measure(word);
    normalized.match_indices(word).any(|(at, said)| {
        if measure {
            return asks_which(&normalized[..at]);
        }
        let after = normalized[at + said.len()..]
            .trim_end_matches(|c: char| !is_han(c) || FINAL_PARTICLES.contains(&c));
        after.is_empty() && asks_which(normalized[..at].trim_end_matches(WHICH_MEASURES))
    })
}

/// Kinds that say nothing of what the items are (哪些事, 哪些措施): any run of items is of them, so a unit
/// must say them as any word to be their answer.
pub(super) const VAGUE_KINDS: &[&str] = &[
    "事", "事情", "事儿", "东西", "工作", "措施", "举措", "办法", "任务", "要求", "内容",
];

/// How a kind asked after 哪些 (哪些地区, 哪几处) may be said by a unit that names items side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KindAsked {
    /// A word the report never writes, or the measure word of the asking (处 of 哪几处): said by any
    /// unit naming items, the report's build included (哪几块).
    Unwritten,
    /// A word the report writes only of other things (地区, in 中部地区崛起): said by items named in the
    /// text, not by the plan's sections, whose headings say words of any topic (聚焦“三农”发展).
    Rare,
}

impl Engine {
    /// How `word`, said as the kind of the items asked, may be said by items named side by side; `None`
    /// when it must be said as a word: the report writes it often (产业) or counts it (主干道路32条), or it
    /// says nothing of the items (哪些事).
    pub(super) fn kind_asked(&self, word: &str, term: Option<u32>) -> Option<KindAsked> {
        match term {
            None => Some(KindAsked::Unwritten),
            Some(_) if is_which_measure(word) => Some(KindAsked::Unwritten),
            Some(term) => (self.index.doc_freq(term) <= RARE_KIND_DOCS
                && !self.metric_terms.contains(&term)
                && !VAGUE_KINDS.contains(&word))
            .then_some(KindAsked::Rare),
        }
    }
}

/// Whether `word` is one measure word of those said between 哪 and the kind asked (处, 个, 样).
pub(super) fn is_which_measure(word: &str) -> bool {
    word.chars().count() == 1 && word.starts_with(WHICH_MEASURES)
}

/// Whether `before` ends with a word asking which items: 哪些, or 哪 with a count above one (哪几, 哪两).
fn asks_which(before: &str) -> bool {
    if before.ends_with("哪些") {
        return true;
    }
    // 哪一个 asks for one thing, not the items of a kind.
    let counted = before.trim_end_matches(|c: char| (is_numeral_char(c) && c != '一') || c == '几');
    counted.len() < before.len() && counted.ends_with('哪')
}

/// The whole list as an answer: its name, then each item on a line of its own, numbered as the report does;
/// parallel sentences whole, since their labels only open them; a counted run in one line.
pub(super) fn list_answer(list: &ReportList) -> String {
    // Items named in a run before the name that counts them are short: said in one line, as written.
    if list.kind == ListKind::Counted {
        let items: Vec<&str> = list.items.iter().map(|item| item.label.as_str()).collect();
        return format!("{}（共{}项）：{}", list.name, items.len(), items.join("、"));
    }
    let mut answer = format!("{}（共{}项）：", list.name, list.items.len());
    for item in &list.items {
        // A parallel sentence's label is only its opening (对照高质量发展要求): what it says follows it.
        let said = match list.kind {
            ListKind::Parallel => &item.text,
            _ => &item.label,
        };
        answer.push_str(&format!("\n{}. {}", item.number, said));
    }
    answer
}

/// One item of a list as an answer: `办好我县十件惠民工程 第6项：建成南水北调供水厂项目…`.
pub(super) fn item_answer(list: &ReportList, number: u32) -> Option<String> {
    let item = list.items.iter().find(|item| item.number == number)?;
    Some(format!("{} 第{}项：{}", list.name, item.number, item.text))
}

#[cfg(test)]
mod tests {
    use super::names_kind_asked;

    #[test]
    fn the_kind_asked_follows_a_word_asking_which_items() {
        assert!(names_kind_asked("三公经费指的是哪些费用", "费用"));
        assert!(names_kind_asked("三公经费包括哪几项费用", "费用"));
        assert!(names_kind_asked("文旅部分要保护开发哪几处遗址", "遗址"));
        assert!(names_kind_asked("一渠两园里的两园是哪两个园子", "园子"));
        assert!(!names_kind_asked("费用有哪些", "费用"));
        assert!(!names_kind_asked("哪一个园子", "园子"));
        assert!(!names_kind_asked("两个园子是哪里的", "园子"));
        assert!(!names_kind_asked("西平有哪些木业企业", "木业"));
        assert!(names_kind_asked("要保护开发哪几处遗址", "处"));
        assert!(!names_kind_asked("在何处", "处"));
    }
}
