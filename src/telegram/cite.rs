//! Citations a reporter can paste: each excerpt's citation also says where it stands as a reader counts
//! (三（二）第4段), and a 引用 button sends one plain line with the report's title, date, place and the
//! quoted sentence, ready to copy.

use super::texts;
use crate::answer::{Engine, Hit, Language};
use crate::knowledge::{Location, MetaField, Report};

/// `hit` with its place (三（二）第4段) after its citation, when it has one.
pub fn with_place(engine: &Engine, mut hit: Hit) -> Hit {
    if let Some(place) = place(engine, hit.id.as_str()) {
        hit.citation = texts::cited_at(&hit.citation, &place);
    }
    hit
}

/// A citation with the place of `id` after it (the /find and 查看原文 citations).
pub fn citation_with_place(engine: &Engine, id: &str, citation: &str) -> String {
    match place(engine, id) {
        Some(place) => texts::cited_at(citation, &place),
        None => citation.to_owned(),
    }
}

/// `三（二）第4段` for a paragraph, sentence or figure id.
fn place(engine: &Engine, id: &str) -> Option<String> {
    let report = engine.library().report_of(id)?;
    report
        .location(id)
        .map(|location| texts::location(&location))
}

/// The whole citation of a sentence, figure or glossary entry, as one line to paste: title, date, place
/// and the quoted words. `None` for an id no report has.
pub fn full_citation(engine: &Engine, id: &str, language: Language) -> Option<String> {
    let report = engine.library().report_of(id)?;
    let (location, quote) = quoted(report, id)?;
    let title = &report.meta.title;
    Some(match language {
        Language::Chinese => texts::full_citation(
            title,
            &report.meta.field(MetaField::MeetingDate),
            &location.map_or_else(
                || texts::glossary_place(glossary_number(report, id)),
                |l| texts::location(&l),
            ),
            &quote,
        ),
        Language::English => texts::en::full_citation(
            title,
            &report.meta.meeting_date.format("%-d %B %Y").to_string(),
            &location.map_or_else(
                || texts::en::glossary_place(glossary_number(report, id)),
                |l| texts::en::location(&l),
            ),
            &quote,
        ),
    })
}

/// The place (none for a glossary entry) and the words of a sentence, figure or glossary entry.
fn quoted<'a>(report: &'a Report, id: &str) -> Option<(Option<Location<'a>>, String)> {
    if let Some(entry) = report.glossary.iter().find(|entry| entry.id == id) {
        return Some((None, format!("{}：{}", entry.term, entry.explanation)));
    }
    let sentence_id = id.split_once('#').map_or(id, |(sentence, _)| sentence);
    let (_, sentence) = report.sentence(sentence_id)?;
    Some((report.location(sentence_id), sentence.text.clone()))
}

fn glossary_number(report: &Report, id: &str) -> u32 {
    report
        .glossary
        .iter()
        .find(|entry| entry.id == id)
        .map_or(0, |entry| entry.number)
}
