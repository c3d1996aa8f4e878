//! The report's enumerations as list records, read from its structure rather than written by hand, so that
//! "哪些 / 都有什么 / 第N个" get the whole list or one item in order, and next year's report works too:
//! - the report's parts, and each part's numbered sections (the year's main tasks);
//! - a part's run of `——` paragraphs (the five years' achievements, the principles);
//! - numbered items after a lead-in ending with a colon (`十件惠民工程:1.…2.…`);
//! - clauses separated by `;` after a lead-in and a colon (`主要预期目标是:生产总值增长8%左右;…`);
//! - parallel sentences in one paragraph that open alike with a label and a colon (`对照…:…`), under the
//!   sentence before them (the difficulties the report admits);
//! - enumerations inside running text (`蓝天、碧水、净土保卫战`, `一要…二要…`: `inline_lists`);
//! - the glossary's counted terms (四个自信, 六稳) with the items their explanation enumerates.

use super::inline_lists;
use super::list_draft::{labelled_items, last_clause, Draft};
use super::model::{GlossaryEntry, ListItem, ListKind, Paragraph, Part, Report, ReportList};
use super::numerals;
use super::text::{self, char_len, is_colon, numbered_item};

/// Opens a lead-phrase paragraph (`——五年奋斗,…`).
const DASH: &str = "——";
/// A parallel sentence's label (`对照高质量发展要求`) ends with a colon within this many characters: longer
/// and the colon belongs to running text.
const PARALLEL_LABEL_MAX_CHARS: usize = 16;
/// Parallel sentences share this many opening characters (`对照`).
const PARALLEL_PREFIX_CHARS: usize = 2;
/// An item label (a `——` paragraph's first clause, a section's short title) longer than this is cut.
const LABEL_MAX_CHARS: usize = 40;

/// Every list record of a report, in report order; ids are `<report id>/l<n>`.
pub(crate) fn extract(report: &Report) -> Vec<ReportList> {
    let mut lists = Vec::new();
    let meta = &report.meta;
    let numbered_parts: Vec<&Part> = report
        .parts
        .iter()
        .filter(|part| !part.numeral.is_empty())
        .collect();
    if numbered_parts.len() > 1 {
        lists.push(Draft {
            kind: ListKind::Parts,
            name: format!("《{}》的{}个部分", meta.title, numbered_parts.len()),
            lead: None,
            source_id: format!("{}/0", meta.id),
            citation: format!("《{}》", meta.title),
            items: numbered_parts
                .iter()
                .map(|part| ListItem {
                    number: part.ordinal,
                    label: format!("{}、{}", part.numeral, part.title),
                    text: part.title.clone(),
                    source_id: part.id.clone(),
                })
                .collect(),
        });
    }
    let body: String = report
        .sentences()
        .map(|sentence| sentence.text.as_str())
        .collect();
    let glossed = |name: &str| report.glossary.iter().any(|entry| entry.term == name);
    for part in &numbered_parts {
        let part_citation = format!(
            "《{}》{}、{}",
            meta.title,
            part.numeral,
            text::first_clause(&part.title)
        );
        if let Some(list) = sections_list(part, &part_citation) {
            lists.push(list);
        }
        lists.extend(dash_lists(part, &part_citation));
        for section in &part.sections {
            for paragraph in &section.paragraphs {
                lists.extend(numbered_lists(paragraph));
                lists.extend(parallel_lists(paragraph));
                lists.extend(semicolon_lists(paragraph));
                lists.extend(inline_lists::ordinal_lists(paragraph));
                for sentence in &paragraph.sentences {
                    lists.extend(inline_lists::shared_ending_lists(sentence, &body));
                    lists.extend(inline_lists::counted_name_lists(
                        sentence,
                        &counted_items,
                        &glossed,
                    ));
                }
            }
        }
    }
    lists.extend(
        report
            .glossary
            .iter()
            .filter_map(|entry| glossary_list(meta.title.as_str(), entry)),
    );
    lists
        .into_iter()
        .enumerate()
        .map(|(index, draft)| draft.finish(format!("{}/l{}", meta.id, index + 1)))
        .collect()
}

/// A part's numbered sections, named by the lead-in that announces them (`重点抓好以下六个方面工作:`).
fn sections_list(part: &Part, citation: &str) -> Option<Draft> {
    let sections: Vec<_> = part
        .sections
        .iter()
        .filter(|section| !section.numeral.is_empty())
        .collect();
    if sections.len() < 2 {
        return None;
    }
    let lead = part
        .sections
        .first()
        .and_then(|intro| intro.paragraphs.last())
        .and_then(|paragraph| paragraph.sentences.last())
        .map(|sentence| sentence.text.trim())
        .filter(|text| text.ends_with(is_colon))
        .map(|text| text.trim_end_matches(is_colon).to_owned());
    Some(Draft {
        kind: ListKind::Sections,
        name: lead.clone().unwrap_or_else(|| part.title.clone()),
        lead,
        source_id: part.id.clone(),
        citation: citation.to_owned(),
        items: sections
            .iter()
            .map(|section| ListItem {
                number: section.ordinal,
                label: format!(
                    "{}{}",
                    section.numeral,
                    cut(text::first_clause(&section.title))
                ),
                text: section.title.clone(),
                source_id: section.id.clone(),
            })
            .collect(),
    })
}

/// Runs of `——` paragraphs in a part, each named by the colon lead-in before it or else by the part.
fn dash_lists(part: &Part, citation: &str) -> Vec<Draft> {
    let mut lists = Vec::new();
    let paragraphs: Vec<&Paragraph> = part
        .sections
        .iter()
        .flat_map(|section| &section.paragraphs)
        .collect();
    let mut index = 0;
    while index < paragraphs.len() {
        let opens_with_dash = |p: &Paragraph| {
            p.sentences
                .first()
                .is_some_and(|sentence| sentence.text.starts_with(DASH))
        };
        if !opens_with_dash(paragraphs[index]) {
            index += 1;
            continue;
        }
        let start = index;
        while index < paragraphs.len() && opens_with_dash(paragraphs[index]) {
            index += 1;
        }
        if index - start < 2 {
            continue;
        }
        let lead = start
            .checked_sub(1)
            .and_then(|before| paragraphs[before].sentences.last())
            .map(|sentence| sentence.text.trim())
            .filter(|text| text.ends_with(is_colon))
            .map(|text| text.trim_end_matches(is_colon).to_owned());
        lists.push(Draft {
            kind: ListKind::Dashes,
            name: lead.clone().unwrap_or_else(|| part.title.clone()),
            lead,
            source_id: paragraphs[start].id.clone(),
            citation: citation.to_owned(),
            items: paragraphs[start..index]
                .iter()
                .enumerate()
                .map(|(i, paragraph)| {
                    let first = paragraph.sentences.first().map_or("", |s| s.text.as_str());
                    let body = first.trim_start_matches(DASH);
                    ListItem {
                        number: i as u32 + 1,
                        label: cut(body.trim_end_matches(text::is_full_stop)).to_owned(),
                        text: body.to_owned(),
                        source_id: paragraph.id.clone(),
                    }
                })
                .collect(),
        });
    }
    lists
}

/// Numbered items (`1.…` `2.…`) following a sentence whose last clause, after its colon, names them.
fn numbered_lists(paragraph: &Paragraph) -> Vec<Draft> {
    let mut lists = Vec::new();
    let sentences = &paragraph.sentences;
    let mut index = 0;
    while index < sentences.len() {
        let lead = sentences[index].text.trim();
        let starts = sentences
            .get(index + 1)
            .and_then(|next| numbered_item(&next.text))
            .is_some_and(|(number, _)| number == 1);
        if !(lead.ends_with(is_colon) && starts) {
            index += 1;
            continue;
        }
        let mut items = Vec::new();
        let mut next = index + 1;
        while let Some((number, body)) = sentences.get(next).and_then(|s| numbered_item(&s.text)) {
            if number != items.len() as u32 + 1 {
                break;
            }
            items.push(ListItem {
                number,
                label: cut(body.trim_end_matches(text::is_full_stop)).to_owned(),
                text: body.to_owned(),
                source_id: sentences[next].id.clone(),
            });
            next += 1;
        }
        if items.len() >= 2 {
            let lead = lead.trim_end_matches(is_colon);
            lists.push(Draft::led_by(
                ListKind::Numbered,
                lead,
                &sentences[index],
                items,
            ));
        }
        index = next;
    }
    lists
}

/// Sentences of one paragraph that open alike with a short label and a colon (`对照…要求:…`), named by the
/// sentence before the first of them. A sentence without the label between two labelled ones continues the
/// item before it (the report's `;` may end a sentence inside an item).
fn parallel_lists(paragraph: &Paragraph) -> Vec<Draft> {
    let mut lists = Vec::new();
    let sentences = &paragraph.sentences;
    let label_of = |text: &str| -> Option<(String, String)> {
        let colon = text.char_indices().find(|&(_, c)| is_colon(c))?;
        let label = &text[..colon.0];
        (char_len(label) <= PARALLEL_LABEL_MAX_CHARS && char_len(label) > PARALLEL_PREFIX_CHARS)
            .then(|| {
                let prefix: String = label.chars().take(PARALLEL_PREFIX_CHARS).collect();
                (prefix, label.to_owned())
            })
    };
    let mut index = 1;
    while index < sentences.len() {
        let Some((prefix, _)) = label_of(&sentences[index].text) else {
            index += 1;
            continue;
        };
        let start = index;
        let mut items: Vec<ListItem> = Vec::new();
        while index < sentences.len() {
            match label_of(&sentences[index].text) {
                Some((p, label)) if p == prefix => items.push(ListItem {
                    number: items.len() as u32 + 1,
                    label,
                    text: sentences[index].text.clone(),
                    source_id: sentences[index].id.clone(),
                }),
                _ => {
                    let continues = sentences
                        .get(index + 1)
                        .and_then(|next| label_of(&next.text))
                        .is_some_and(|(p, _)| p == prefix);
                    match items.last_mut() {
                        Some(item) if continues => item.text.push_str(&sentences[index].text),
                        _ => break,
                    }
                }
            }
            index += 1;
        }
        if items.len() < 2 {
            continue;
        }
        let lead = sentences[start - 1]
            .text
            .trim()
            .trim_end_matches(text::is_full_stop);
        lists.push(Draft {
            kind: ListKind::Parallel,
            name: last_clause(lead).to_owned(),
            lead: Some(lead.to_owned()),
            source_id: sentences[start - 1].id.clone(),
            citation: sentences[start].citation.clone(),
            items,
        });
    }
    lists
}

/// A `;`-list has this many clauses at least: two are a sentence's halves as often as a list.
const SEMICOLON_MIN_ITEMS: usize = 3;

/// A sentence with a colon inside it and `;` at its end, and the sentences after it up to the one that
/// ends the whole sentence (`今年经济社会主要预期目标是:生产总值增长8%左右;…;…。`): a list of the clauses
/// after the colon, named by the lead-in before it as written.
fn semicolon_lists(paragraph: &Paragraph) -> Vec<Draft> {
    let mut lists = Vec::new();
    let sentences = &paragraph.sentences;
    let mut index = 0;
    while index < sentences.len() {
        let first = sentences[index].text.trim();
        let colon = first.char_indices().find(|&(_, c)| is_colon(c));
        let Some((at, mark)) = colon.filter(|_| first.ends_with(is_semicolon)) else {
            index += 1;
            continue;
        };
        let lead = &first[..at];
        // The first sentence's clause after the colon, then each sentence's up to the one that ends them.
        let mut clauses = vec![(&first[at + mark.len_utf8()..], &sentences[index].id)];
        let mut next = index + 1;
        while let Some(sentence) = sentences.get(next) {
            let written = sentence.text.trim();
            clauses.push((written, &sentence.id));
            next += 1;
            if !written.ends_with(is_semicolon) {
                break;
            }
        }
        if clauses.len() >= SEMICOLON_MIN_ITEMS && !lead.is_empty() {
            // Each clause is one thing the list holds, said whole: the list answers with all of it.
            let items = clauses
                .into_iter()
                .enumerate()
                .map(|(at, (written, id))| {
                    let clause =
                        written.trim_end_matches(|c| is_semicolon(c) || text::is_full_stop(c));
                    ListItem {
                        number: at as u32 + 1,
                        label: clause.to_owned(),
                        text: clause.to_owned(),
                        source_id: id.clone(),
                    }
                })
                .collect();
            lists.push(Draft::led_by(
                ListKind::Semicolon,
                lead,
                &sentences[index],
                items,
            ));
        }
        index = next;
    }
    lists
}

/// The marks that separate the clauses of a `;`-list.
fn is_semicolon(c: char) -> bool {
    matches!(c, ';' | '；')
}

/// A glossary term that counts its items (四个自信, 六稳, 四优四化) with the items its explanation lists: the
/// first way of splitting the explanation that gives as many items as the term counts.
fn glossary_list(title: &str, entry: &GlossaryEntry) -> Option<Draft> {
    let count = counted_items(&entry.term)?;
    let first = text::split_after(&entry.explanation, text::is_full_stop)
        .into_iter()
        .next()?
        .trim_end_matches(text::is_full_stop);
    let body = first.strip_prefix('指').unwrap_or(first);
    let first_clause = text::first_clause(body);
    let candidates: [(&str, &[char]); 4] = [
        (body, &['、', ';', '；']),
        (body, &[',', '，']),
        (body, &['、', ',', '，', ';', '；']),
        (first_clause, &['、']),
    ];
    let items = candidates.iter().find_map(|(text, marks)| {
        let items: Vec<&str> = text
            .split(*marks)
            .map(|item| item.split('“').next().unwrap_or(item).trim())
            .filter(|item| !item.is_empty())
            .collect();
        (items.len() == count && items.iter().all(|item| char_len(item) <= LABEL_MAX_CHARS))
            .then_some(items)
    })?;
    Some(Draft {
        kind: ListKind::Glossary,
        name: entry.term.clone(),
        lead: None,
        source_id: entry.id.clone(),
        citation: format!("《{title}》有关词语注释 › {}.{}", entry.number, entry.term),
        items: labelled_items(items, &entry.id),
    })
}

/// How many items a term counts: the sum of its numerals (四个自信 4, 四优四化 8, 六乱六清 12).
fn counted_items(term: &str) -> Option<usize> {
    let total: u32 = term
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .filter_map(|c| numerals::number(&c.to_string()))
        .sum();
    (total >= 2).then_some(total as usize)
}

/// At most [`LABEL_MAX_CHARS`] characters, cut at the first clause mark when longer.
fn cut(text: &str) -> &str {
    if char_len(text) <= LABEL_MAX_CHARS {
        return text;
    }
    let clause = text::first_clause(text);
    match clause.char_indices().nth(LABEL_MAX_CHARS) {
        Some((end, _)) => &clause[..end],
        None => clause,
    }
}
