//! Turns a report body into the tree of parts › sections › paragraphs › sentences.
//!
//! The body format (see `knowledge/README.md`): one paragraph per line, part headings `一、…`, section
//! headings `（一）…` or `(一)…`, and an optional closing glossary after a short heading line such as
//! `《政府工作报告》有关词语注释` whose next line starts with `1.`. Two quirks of published copies are
//! repaired here: U+E004 stands for a lost paragraph break, and a paragraph that runs on into
//! `——必须坚持…` right after a sentence end is split there.

use std::path::PathBuf;
use std::sync::LazyLock;

use regex::Regex;

use super::error::KnowledgeError;
use super::model::{Paragraph, Part, Report, ReportMeta, Section, Sentence};
use super::numerals;
use super::text::{self, char_len, is_full_stop, is_sentence_end};
use super::{glossary, indicators, lists};

/// A paragraph's first sentence this short, with no commas or digits, is a lead phrase (`培育壮大主导产业。`).
const TOPIC_MAX_CHARS: usize = 16;
/// A sentence this short inside a paragraph, with no commas or digits, heads what follows (`工业经济不断壮大。`).
const SUBTOPIC_MAX_CHARS: usize = 12;
/// Part headings are short; a longer line starting with `一、` is running text.
const PART_HEADING_MAX_CHARS: usize = 60;
/// Glossary headings are short lines.
const GLOSSARY_HEADING_MAX_CHARS: usize = 30;
/// Words that mark the glossary's heading line (questions name the appendix by them too).
pub const GLOSSARY_HEADING_WORDS: [&str; 4] = ["注释", "名词解释", "词语解释", "释义"];
/// Stands in for a paragraph break the web copy lost.
const LOST_BREAK: char = '\u{E004}';
/// Opens a lead-phrase paragraph (`——五年奋斗,…`).
const DASH: &str = "——";

static PART_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([一二三四五六七八九十]{1,3})、(.+)$").expect("valid regex"));
static SECTION_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(（]([一二三四五六七八九十]{1,3})[)）](.+)$").expect("valid regex")
});

/// Parses one report body. Pure: the same input always gives the same tree, ids and records.
pub fn parse_report(meta: ReportMeta, body: &str) -> Result<Report, KnowledgeError> {
    let path = PathBuf::from(format!("reports/{}/report.txt", meta.id));
    let lines: Vec<(usize, &str)> = body
        .lines()
        .enumerate()
        .map(|(index, line)| {
            (
                index + 1,
                line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'),
            )
        })
        .collect();
    let glossary_at = glossary_heading(&lines);
    let (body_lines, glossary_lines) = lines.split_at(glossary_at.unwrap_or(lines.len()));

    let mut tree = TreeBuilder::new(path.clone());
    for &(line_no, line) in body_lines {
        tree.line(line_no, line)?;
    }
    let parts = tree.finish(&meta);
    let glossary_heading = glossary_lines.first().map(|(_, line)| (*line).to_owned());
    let glossary_lines = glossary_lines.get(1..).unwrap_or_default();
    let mut report = Report {
        glossary: glossary::parse(&meta.id, &path, glossary_lines)?,
        glossary_heading,
        meta,
        parts,
        indicators: Vec::new(),
        lists: Vec::new(),
    };
    glossary::link(&mut report);
    report.indicators = indicators::extract(&report);
    report.lists = lists::extract(&report);
    Ok(report)
}

/// Index of the glossary's heading line: short, no full stop, a glossary word, and a `1.` line next.
fn glossary_heading(lines: &[(usize, &str)]) -> Option<usize> {
    lines.iter().enumerate().position(|(index, &(_, line))| {
        let heading_like = !line.is_empty()
            && char_len(line) <= GLOSSARY_HEADING_MAX_CHARS
            && !line.chars().any(is_full_stop)
            && GLOSSARY_HEADING_WORDS
                .iter()
                .any(|word| line.contains(word));
        heading_like
            && lines[index + 1..]
                .iter()
                .find(|(_, next)| !next.is_empty())
                .is_some_and(|(_, next)| text::numbered_item(next).is_some_and(|(n, _)| n == 1))
    })
}

struct SectionDraft {
    numeral: String,
    title: String,
    written: String,
    paragraphs: Vec<Vec<String>>,
}

struct PartDraft {
    numeral: String,
    title: String,
    sections: Vec<SectionDraft>,
}

/// Collects headings and paragraphs line by line, checking that numbering runs without gaps.
struct TreeBuilder {
    path: PathBuf,
    parts: Vec<PartDraft>,
}

impl TreeBuilder {
    fn new(path: PathBuf) -> Self {
        let greeting = PartDraft {
            numeral: String::new(),
            title: String::new(),
            sections: vec![section_zero()],
        };
        TreeBuilder {
            path,
            parts: vec![greeting],
        }
    }

    fn line(&mut self, line_no: usize, line: &str) -> Result<(), KnowledgeError> {
        if line.is_empty() {
            return Ok(());
        }
        if let Some(heading) = PART_HEADING.captures(line) {
            if char_len(line) <= PART_HEADING_MAX_CHARS && !line.chars().any(is_full_stop) {
                let numeral = &heading[1];
                self.expect_next(line_no, numeral, self.parts.len(), "part")?;
                self.parts.push(PartDraft {
                    numeral: numeral.to_string(),
                    title: heading[2].trim().to_string(),
                    sections: vec![section_zero()],
                });
                return Ok(());
            }
        }
        if let Some(heading) = SECTION_HEADING.captures(line) {
            let numeral = &heading[1];
            let part = self
                .parts
                .last_mut()
                .expect("the greeting part always exists");
            let expected = part.sections.len();
            let rest = heading[2].trim();
            // The heading is the first sentence; anything after it on the same line is a paragraph.
            let title = text::split_after(rest, is_full_stop)
                .first()
                .copied()
                .unwrap_or(rest);
            let body = rest[title.len()..].trim();
            let numbered = heading.get(2).map_or(0, |rest| rest.start());
            let written = format!("{}{title}", &line[..numbered]);
            let title = title.to_string();
            self.expect_next(line_no, numeral, expected, "section")?;
            let part = self
                .parts
                .last_mut()
                .expect("the greeting part always exists");
            part.sections.push(SectionDraft {
                numeral: format!("（{numeral}）"),
                title,
                written,
                paragraphs: Vec::new(),
            });
            if !body.is_empty() {
                self.paragraphs(body);
            }
            return Ok(());
        }
        self.paragraphs(line);
        Ok(())
    }

    fn expect_next(
        &self,
        line_no: usize,
        numeral: &str,
        expected: usize,
        what: &str,
    ) -> Result<(), KnowledgeError> {
        if numerals::number(numeral) == Some(expected as u32) {
            return Ok(());
        }
        Err(KnowledgeError::Body {
            path: self.path.clone(),
            line: line_no,
            what: format!("{what} numbered {numeral} where number {expected} was expected"),
        })
    }

    /// Adds the paragraphs of one line, repairing lost breaks.
    fn paragraphs(&mut self, line: &str) {
        let section = self
            .parts
            .last_mut()
            .and_then(|part| part.sections.last_mut())
            .expect("every part has section 0");
        for piece in line.split(LOST_BREAK) {
            for paragraph in split_run_on_dashes(piece) {
                let sentences: Vec<String> = text::split_after(paragraph, is_sentence_end)
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                if !sentences.is_empty() {
                    section.paragraphs.push(sentences);
                }
            }
        }
    }

    fn finish(self, meta: &ReportMeta) -> Vec<Part> {
        self.parts
            .into_iter()
            .enumerate()
            .map(|(part_ordinal, part)| finish_part(meta, part_ordinal as u32, part))
            .collect()
    }
}

fn section_zero() -> SectionDraft {
    SectionDraft {
        numeral: String::new(),
        title: String::new(),
        written: String::new(),
        paragraphs: Vec::new(),
    }
}

/// `…不能丢弃。——必须坚持…` is two paragraphs: split before a `——` that follows a sentence end.
fn split_run_on_dashes(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, _) in text.match_indices(DASH) {
        let before = text[start..at].trim_end();
        let after_sentence_end = before
            .trim_end_matches(['”', '’', '」'])
            .chars()
            .next_back()
            .is_some_and(is_full_stop);
        if at > start && after_sentence_end {
            pieces.push(text[start..at].trim());
            start = at;
        }
    }
    pieces.push(text[start..].trim());
    pieces.retain(|piece| !piece.is_empty());
    pieces
}

fn finish_part(meta: &ReportMeta, ordinal: u32, part: PartDraft) -> Part {
    let part_id = format!("{}/{ordinal}", meta.id);
    let part_label = if part.numeral.is_empty() {
        String::new()
    } else {
        format!("{}、{}", part.numeral, text::first_clause(&part.title))
    };
    let sections = part
        .sections
        .into_iter()
        .enumerate()
        .map(|(section_ordinal, section)| {
            let section_id = format!("{part_id}.{section_ordinal}");
            let short_title = text::first_clause(&section.title).to_string();
            let mut heading = format!("《{}》{part_label}", meta.title);
            if !section.numeral.is_empty() {
                heading.push_str(&format!(" ›{}{short_title}", section.numeral));
            }
            let paragraphs = section
                .paragraphs
                .into_iter()
                .enumerate()
                .map(|(index, sentences)| {
                    finish_paragraph(format!("{section_id}.{}", index + 1), &heading, sentences)
                })
                .collect();
            Section {
                id: section_id,
                ordinal: section_ordinal as u32,
                numeral: section.numeral,
                title: section.title,
                written: section.written,
                short_title,
                paragraphs,
            }
        })
        .collect();
    Part {
        id: part_id,
        ordinal,
        numeral: part.numeral,
        title: part.title,
        sections,
    }
}

fn finish_paragraph(id: String, heading: &str, sentences: Vec<String>) -> Paragraph {
    let topic = lead_topic(&sentences);
    let citation = match &topic {
        Some(topic) => format!("{heading} › {topic}"),
        None => heading.to_string(),
    };
    let count = sentences.len();
    let mut subtopic: Option<String> = None;
    let sentences = sentences
        .into_iter()
        .enumerate()
        .map(|(index, text)| {
            if index > 0 && index + 1 < count && is_heading_like(&text, SUBTOPIC_MAX_CHARS) {
                subtopic = Some(without_full_stop(&text).to_string());
            }
            Sentence::new(
                format!("{id}.{}", index + 1),
                text,
                subtopic.clone(),
                citation.clone(),
            )
        })
        .collect();
    Paragraph {
        id,
        topic,
        sentences,
    }
}

/// `——五年奋斗,坚持…` → `五年奋斗`; `培育壮大主导产业。经县委…` → `培育壮大主导产业`.
fn lead_topic(sentences: &[String]) -> Option<String> {
    let first = sentences.first()?;
    if let Some(rest) = first.strip_prefix(DASH) {
        let topic = text::first_clause(rest).trim();
        return (!topic.is_empty()).then(|| topic.to_string());
    }
    (sentences.len() > 1 && is_heading_like(first, TOPIC_MAX_CHARS) && !first.starts_with('“'))
        .then(|| without_full_stop(first).to_string())
}

/// A short statement ending in `。` with no clause marks and no figures: reads as a heading.
fn is_heading_like(sentence: &str, max_chars: usize) -> bool {
    let Some(body) = sentence.strip_suffix('。') else {
        return false;
    };
    let length = char_len(body);
    (2..=max_chars).contains(&length)
        && !body.chars().any(|c| {
            c.is_ascii_digit() || text::is_clause_mark(c) || is_sentence_end(c) || c == '、'
        })
}

fn without_full_stop(sentence: &str) -> &str {
    sentence.trim_end_matches(is_full_stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_on_dash_paragraphs_split_after_sentence_end_only() {
        assert_eq!(
            split_run_on_dashes("甲。——乙,丙。——丁"),
            vec!["甲。", "——乙,丙。", "——丁"]
        );
        assert_eq!(
            split_run_on_dashes("中国农民丰收节——中国农民电影节"),
            vec!["中国农民丰收节——中国农民电影节"]
        );
    }

    #[test]
    fn heading_like_sentences() {
        assert!(is_heading_like("工业经济不断壮大。", SUBTOPIC_MAX_CHARS));
        assert!(!is_heading_like(
            "做好今年的各项工作,意义重大。",
            TOPIC_MAX_CHARS
        ));
        assert!(!is_heading_like("新增116家。", TOPIC_MAX_CHARS));
        assert!(!is_heading_like("各位代表!", TOPIC_MAX_CHARS));
    }
}
