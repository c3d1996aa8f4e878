//! A list record before it has its id, shared by the readers of the report's enumerations (`lists`,
//! `inline_lists`), and how a lead-in names its list.

use super::model::{ListItem, ListKind, ReportList};
use super::text;

/// A list before it has its id.
pub(super) struct Draft {
    pub(super) kind: ListKind,
    pub(super) name: String,
    pub(super) lead: Option<String>,
    pub(super) source_id: String,
    pub(super) citation: String,
    pub(super) items: Vec<ListItem>,
}

impl Draft {
    pub(super) fn finish(self, id: String) -> ReportList {
        ReportList {
            id,
            kind: self.kind,
            name: self.name,
            lead: self.lead,
            source_id: self.source_id,
            citation: self.citation,
            items: self.items,
        }
    }
}

/// The clause after the last clause mark (`在完成…基础上,办好我县十件惠民工程` → `办好我县十件惠民工程`).
pub(super) fn last_clause(text: &str) -> &str {
    text.rfind(|c: char| text::is_clause_mark(c))
        .map_or(text, |at| {
            let mark = text[at..].chars().next().map_or(0, char::len_utf8);
            &text[at + mark..]
        })
        .trim()
}
