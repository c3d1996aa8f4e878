//! Reads the `knowledge/` folder: every `reports/<id>/` (report.toml + report.txt), `aliases.toml` and
//! `userdict.txt`, from the copy compiled into the binary or from a folder ([`KnowledgeSource`]). A new
//! report is a new folder; no code changes.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::NaiveDate;
use serde::Deserialize;

use super::error::{line_of, KnowledgeError, LineIndex};
use super::model::{Report, ReportMeta};
use super::parse::parse_report;
use super::phrasebook::{load_english, load_phrases};
use super::source::{KnowledgeSource, ToKnowledgeSource};
use super::{AliasEntry, Library};

const META_FILE: &str = "report.toml";
const BODY_FILE: &str = "report.txt";
const ALIASES_FILE: &str = "aliases.toml";
const USER_DICT_FILE: &str = "userdict.txt";

impl Library {
    /// Loads and parses everything in `knowledge` (a folder path, or [`KnowledgeSource::Embedded`]); a
    /// source without reports is an error that names it.
    pub fn load(knowledge: &(impl ToKnowledgeSource + ?Sized)) -> Result<Library, KnowledgeError> {
        let started = Instant::now();
        let source = knowledge.to_knowledge_source();
        let reports = load_reports(&source)?;
        let aliases = parse_aliases(&source.path(ALIASES_FILE), &source.read(ALIASES_FILE)?)?;
        let user_dict =
            clean_user_dict(&source.path(USER_DICT_FILE), &source.read(USER_DICT_FILE)?)?;
        let phrases = load_phrases(&source)?;
        let english = load_english(&source)?;
        tracing::info!(
            %source,
            reports = reports.len(),
            aliases = aliases.len(),
            elapsed_ms = started.elapsed().as_secs_f64() * 1e3,
            "knowledge loaded"
        );
        let mut library = Library::new(reports, aliases, user_dict)?;
        library.phrases = phrases;
        library.english = english;
        Ok(library)
    }

    /// The report with this id (`xiping-2022`).
    pub fn report(&self, id: &str) -> Option<&Report> {
        self.reports.iter().find(|report| report.meta.id == id)
    }

    /// The report a unit (by its id) belongs to.
    pub fn report_of(&self, unit_id: &str) -> Option<&Report> {
        self.report(super::ids::report_of(unit_id))
    }
}

fn load_reports(source: &KnowledgeSource) -> Result<Vec<Report>, KnowledgeError> {
    let folders = source.report_folders()?;
    if folders.is_empty() {
        return Err(KnowledgeError::NoReports(source.path("")));
    }
    let mut reports: Vec<(PathBuf, Report)> = Vec::with_capacity(folders.len());
    for folder in folders {
        let meta_file = format!("{folder}/{META_FILE}");
        let meta = parse_meta(&source.path(&meta_file), &source.read(&meta_file)?)?;
        if let Some((first, _)) = reports.iter().find(|(_, r)| r.meta.id == meta.id) {
            return Err(KnowledgeError::DuplicateReport {
                id: meta.id,
                first: first.clone(),
                second: source.path(&folder),
            });
        }
        let body_file = format!("{folder}/{BODY_FILE}");
        let body_path = source.path(&body_file);
        let body = source.read(&body_file)?;
        let report = parse_report(meta, &body).map_err(|error| error.in_file(&body_path))?;
        reports.push((source.path(&folder), report));
    }
    Ok(reports.into_iter().map(|(_, report)| report).collect())
}

/// `report.toml` as written: dates may be TOML dates (`2022-04-20`) or strings (`"2022-04-20"`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaFile {
    id: String,
    title: String,
    issuer: String,
    speaker: String,
    meeting: String,
    meeting_date: toml::Value,
    published: toml::Value,
    year: i32,
    source: String,
}

fn parse_meta(path: &Path, text: &str) -> Result<ReportMeta, KnowledgeError> {
    let error = |line: usize, what: String| KnowledgeError::Metadata {
        path: path.to_path_buf(),
        line,
        what,
    };
    let file: MetaFile = toml::from_str(text).map_err(|e| {
        error(
            e.span().map_or(0, |span| line_of(text, span.start)),
            e.message().to_string(),
        )
    })?;
    let date = |key: &str, value: &toml::Value| {
        let written = match value {
            toml::Value::Datetime(date) => date.to_string(),
            toml::Value::String(date) => date.clone(),
            other => other.to_string(),
        };
        NaiveDate::parse_from_str(&written, "%Y-%m-%d").map_err(|_| {
            error(
                key_line(text, key).unwrap_or(0),
                format!("`{key}` must be a date such as 2022-04-20, not {written}"),
            )
        })
    };
    let meta = ReportMeta {
        meeting_date: date("meeting_date", &file.meeting_date)?,
        published: date("published", &file.published)?,
        id: file.id,
        title: file.title,
        issuer: file.issuer,
        speaker: file.speaker,
        meeting: file.meeting,
        year: file.year,
        source: file.source,
    };
    let id_is_ascii_slug = !meta.id.is_empty()
        && meta
            .id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !id_is_ascii_slug {
        return Err(KnowledgeError::Metadata {
            path: path.to_path_buf(),
            line: key_line(text, "id").unwrap_or(0),
            what: format!(
                "id `{}` must be a short ASCII slug such as xiping-2022",
                meta.id
            ),
        });
    }
    Ok(meta)
}

/// The line where `key = …` is set.
fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|index| index + 1)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[serde(default)]
    alias: Vec<toml::Spanned<AliasEntry>>,
}

/// Reads `aliases.toml`: `[[alias]]` tables with `canonical` and `variants`.
pub(crate) fn parse_aliases(path: &Path, text: &str) -> Result<Vec<AliasEntry>, KnowledgeError> {
    let error = |line: usize, what: String| KnowledgeError::Aliases {
        path: path.to_path_buf(),
        line,
        what,
    };
    let file: AliasFile = toml::from_str(text).map_err(|e| {
        error(
            e.span().map_or(0, |span| line_of(text, span.start)),
            e.message().to_string(),
        )
    })?;
    let lines = LineIndex::new(text);
    let mut aliases = Vec::with_capacity(file.alias.len());
    for spanned in file.alias {
        let line = lines.line(spanned.span().start);
        let entry = spanned.into_inner();
        if entry.canonical.trim().is_empty() {
            return Err(error(line, "`canonical` is empty".to_string()));
        }
        if entry.variants.is_empty() || entry.variants.iter().any(|v| v.trim().is_empty()) {
            return Err(error(
                line,
                format!("`{}` needs non-empty variants", entry.canonical),
            ));
        }
        aliases.push(entry);
    }
    Ok(aliases)
}

/// Checks jieba's user-dictionary format (`word freq [tag]`) so that a typo fails at load with its line
/// number instead of surfacing as a tokenizer error later, and drops `#` comments and blank lines,
/// which jieba itself does not accept. The frequency is required: jieba treats a missing one as zero,
/// and a zero-frequency word is never chosen. A word with capitals is also added in lower case.
pub(crate) fn clean_user_dict(path: &Path, text: &str) -> Result<String, KnowledgeError> {
    let mut cleaned = String::with_capacity(text.len());
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        let what = match fields.as_slice() {
            [word] => Some(format!("`{word}` needs a frequency: `{word} 2000`")),
            [word, freq, ..] if !freq.parse::<usize>().is_ok_and(|f| f > 0) => Some(format!(
                "`{word}`: frequency `{freq}` must be a positive integer"
            )),
            [word, _, _, _, ..] => Some(format!("`{word}`: expected `word freq [tag]`")),
            _ => None,
        };
        if let Some(what) = what {
            return Err(KnowledgeError::UserDict {
                path: path.to_path_buf(),
                line: index + 1,
                what,
            });
        }
        cleaned.push_str(line);
        cleaned.push('\n');
        // Questions are segmented after normalising (5g智慧杆塔), the report's text before: a word with
        // capitals (5G智慧杆塔) is a word in lower case too, or a question cuts it where the text does not.
        if fields[0].bytes().any(|b| b.is_ascii_uppercase()) {
            cleaned.push_str(&line.replacen(fields[0], &fields[0].to_ascii_lowercase(), 1));
            cleaned.push('\n');
        }
    }
    Ok(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_with_capitals_is_also_a_word_in_lower_case() {
        let cleaned = clean_user_dict(
            Path::new("userdict.txt"),
            "# terms\n5G智慧杆塔 100000 nz\n西平 500 ns\n",
        )
        .expect("a well-formed dictionary");
        assert_eq!(
            cleaned,
            "5G智慧杆塔 100000 nz\n5g智慧杆塔 100000 nz\n西平 500 ns\n"
        );
    }
}
