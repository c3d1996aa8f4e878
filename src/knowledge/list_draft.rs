//! A list record before it has its id, shared by the readers of the report's enumerations (`lists`,
//! `inline_lists`), and how a lead-in names its list.

use super::model::{ListItem, ListKind, ReportList, Sentence};
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

/// Items whose label is their whole text, numbered from 1 in order, all from one unit.
pub(super) fn labelled_items<S: AsRef<str>>(
    labels: impl IntoIterator<Item = S>,
    source_id: &str,
) -> Vec<ListItem> {
    labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| ListItem {
            number: i as u32 + 1,
            label: label.as_ref().to_owned(),
            text: label.as_ref().to_owned(),
            source_id: source_id.to_owned(),
        })
        .collect()
}

impl Draft {
    /// A list led in by `sentence`, whose text before the items is `lead`: named by the lead's last clause
    /// and cited where the lead stands.
    pub(super) fn led_by(
        kind: ListKind,
        lead: &str,
        sentence: &Sentence,
        items: Vec<ListItem>,
    ) -> Draft {
        Draft {
            kind,
            name: last_clause(lead).to_owned(),
            lead: Some(lead.to_owned()),
            source_id: sentence.id.clone(),
            citation: sentence.citation.clone(),
            items,
        }
    }

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
