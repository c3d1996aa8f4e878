//! Answering with a whole list, or one item of it: 十件惠民工程都有哪些 gets the ten in order, 第六件 the sixth.

use crate::knowledge::{ListKind, ReportList};

use super::super::types::{Answered, Outcome};
use super::{Engine, Scored};

/// Phrases that ask for the items of something rather than one fact about it.
const LIST_CUES: &[&str] = &[
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

impl Engine {
    /// The newest report's parts as a whole-list answer, for a question about how the report is built.
    pub(super) fn outline_outcome(&self) -> Option<Outcome> {
        let report = self.library.latest();
        let list = report
            .lists
            .iter()
            .find(|list| list.kind == ListKind::Parts)?;
        let doc = self.catalog.doc_of(&list.id)?;
        let scored = Scored {
            doc,
            coverage: 1.0,
            score: 1.0,
            conflict: false,
        };
        Some(Outcome::Answered(Answered {
            direct: self.direct_answer(doc, None),
            hits: vec![self.hit(&scored, &[])],
            glossary_refs: Vec::new(),
            more: false,
        }))
    }
}

/// Whether the question asks for a list's items (哪些, 都有什么, what are).
pub(super) fn asks_list(normalized: &str) -> bool {
    LIST_CUES.iter().any(|cue| normalized.contains(cue))
}

/// The whole list as an answer: its name, then each item on a line of its own, numbered as the report does.
pub(super) fn list_answer(list: &ReportList) -> String {
    let mut answer = format!("{}（共{}项）：", list.name, list.items.len());
    for item in &list.items {
        answer.push_str(&format!("\n{}. {}", item.number, item.label));
    }
    answer
}

/// One item of a list as an answer: `办好我县十件惠民工程 第6项：建成南水北调供水厂项目…`.
pub(super) fn item_answer(list: &ReportList, number: u32) -> Option<String> {
    let item = list.items.iter().find(|item| item.number == number)?;
    Some(format!("{} 第{}项：{}", list.name, item.number, item.text))
}
