//! Questions about what the report appends to its body (报告后面附了什么, 名词解释一共多少个): answered from
//! the glossary's heading as the report writes it and its entries, so another report's appendix answers in
//! its own words. Like the front-matter questions, one is asked only when nothing with a topic is left:
//! `四张清单的注释是什么` asks for an entry, not the appendix.

use std::sync::LazyLock;

use crate::knowledge::{Report, UnitId, GLOSSARY_HEADING_WORDS};
use crate::search::normalize::fold_for_search;

use super::super::english::Language;
use super::super::types::{Answered, Hit, HitKind, Outcome, Passage};
use super::cues::Cues;
use super::leftover::{topicless, without, REPORT_WORDS};
use super::meta_ask::without_front;
use super::Engine;

/// The part of the appendix's id after the report's: `xiping-2022/appendix`.
const APPENDIX_ID: &str = "/appendix";

/// Words that name something appended to a text, besides the glossary heading's own words.
const APPENDED_WORDS: &[&str] = &[
    "附了",
    "附的",
    "附有",
    "附上",
    "附录",
    "附件",
    "后附",
    "附带",
    "appendix",
    "appended",
    "attached",
    "glossary",
    // How many words the report explains (报告解释了多少个名词): the appendix, by what it does.
    "解释了多少",
    "解释了几个",
    "解释了哪些",
    "带不带",
];

/// Words that ask how many entries, and the entries' own nouns (词, 条, terms): with the appendix named,
/// `一共解释了多少个词` asks its size.
const COUNT_WORDS: &[&str] = &[
    "多少个",
    "多少条",
    "多少",
    "几个",
    "几条",
    "名词",
    "词语",
    "术语",
    "词条",
    "词",
    "条",
    "收录",
    "收了",
    "缩略语",
    "缩写",
    "简称",
    "abbreviations",
    "解释了",
    "解释",
    "how many",
    "explain",
    "explains",
    "explained",
    "terms",
    "entries",
    "words",
];

/// Words that place the appendix or an entry in it without naming a topic: after the body, at the end,
/// whether there is one, which entry by its rank (排第一条的是哪个词: the answer lists them numbered).
const PLACE_WORDS: &[&str] = &[
    "排第一",
    "第一条",
    "第一个",
    "头一个",
    "最后一条",
    "最后一个",
    "排",
    // Appended (有没有附名词解释), the heading naming what.
    "附",
    "后",
    "部分",
    "哪个",
    "哪一个",
    "那些",
    "一下",
    "把",
    "first",
    "last",
    "which",
    "or",
    "正文",
    "文末",
    "后边",
    "有没有",
    "没有",
    "都有",
    "后面",
    "最后",
    "末尾",
    "结尾",
    "东西",
    "材料",
    "资料",
    "内容",
    "哪些",
    "一共",
    "总共",
    "还",
    "at the end",
    "end",
    "what",
    "does",
    "have",
    "how",
    "many",
];

/// Whether a question asks what the report appends, given the glossary's heading as written (folded only
/// once the question names an appendix, as most questions do not).
fn asks_appendix(normalized: &str, heading: &str) -> bool {
    static NAMES: LazyLock<Cues<()>> =
        LazyLock::new(|| Cues::new(&[((), APPENDED_WORDS), ((), &GLOSSARY_HEADING_WORDS[..])]));
    let named = NAMES.found(normalized);
    if named.is_empty() {
        return false;
    }
    let rest = without(
        normalized,
        named
            .iter()
            .map(|(_, word)| *word)
            .chain(COUNT_WORDS.iter().copied())
            .chain(PLACE_WORDS.iter().copied())
            .chain(REPORT_WORDS.iter().copied()),
    );
    topicless(&without_front(&rest, &[fold_for_search(heading).as_str()]))
}

/// The appendix in a reader's words: its heading, how many entries, and each entry's number and term.
fn appendix_text(report: &Report, heading: &str, language: Language) -> String {
    let terms = report
        .glossary
        .iter()
        .map(|entry| format!("{}.{}", entry.number, entry.term))
        .collect::<Vec<_>>();
    let count = terms.len();
    match language {
        Language::Chinese => format!("报告正文后附{heading}，共{count}个：{}", terms.join("、")),
        Language::English => format!(
            "The report appends {heading}, a glossary of {count} terms: {}",
            terms.join(", ")
        ),
    }
}

fn citation(report: &Report, heading: &str) -> String {
    format!("《{}》{heading}", report.meta.title)
}

impl Engine {
    /// The answer to a question about what the newest report appends, when it asks that and nothing else.
    pub(super) fn appendix_outcome(&self, normalized: &str, question: &str) -> Option<Outcome> {
        let report = self.library.latest();
        let heading = report.glossary_heading.as_deref()?;
        if !asks_appendix(normalized, heading) {
            return None;
        }
        let text = appendix_text(report, heading, Language::of(question));
        let hit = Hit {
            kind: HitKind::List,
            id: UnitId::new(format!("{}{APPENDIX_ID}", report.meta.id)),
            text: text.clone(),
            excerpt: text.clone(),
            highlights: Vec::new(),
            citation: citation(report, heading),
            score: 1.0,
        };
        Some(Outcome::Answered(Answered {
            direct: Some(text),
            hits: vec![hit],
            glossary_refs: Vec::new(),
            more: false,
        }))
    }

    /// The appendix of the report an appendix id (`<report>/appendix`) belongs to.
    pub(super) fn appendix_passage(&self, id: &str) -> Option<Passage> {
        let report = self.library.report(id.strip_suffix(APPENDIX_ID)?)?;
        let heading = report.glossary_heading.as_deref()?;
        Some(Passage {
            id: UnitId::new(id),
            text: appendix_text(report, heading, Language::Chinese),
            citation: citation(report, heading),
            focus: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADING: &str = "《政府工作报告》有关词语注释";

    #[test]
    fn the_appendix_is_asked_only_when_nothing_else_is() {
        let asks = |question: &str| asks_appendix(&fold_for_search(question), HEADING);
        assert!(asks("报告正文后面还附了什么东西"));
        assert!(asks("报告后面有名词解释吗"));
        assert!(asks("词语注释一共解释了多少个词"));
        assert!(asks("注释一共解释了多少个词语"));
        assert!(!asks("四张清单的注释是什么"));
        assert!(!asks("名词解释里的四早是什么意思"));
        assert!(!asks("附近有多少个学校"));
        // An entry by its rank, the entries by another noun, a glossary named either way.
        assert!(asks("文末词语注释里排第一条的是哪个词"));
        assert!(asks("有没有附录把报告里那些缩略语解释一下"));
        assert!(asks(
            "does the report have a glossary or appendix of terms?"
        ));
        assert!(!asks("名词解释里第一条四张清单是什么意思"));
    }
}
