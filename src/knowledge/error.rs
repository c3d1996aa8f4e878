//! Why the knowledge folder could not be loaded, precise enough to fix the data without reading code.

use std::path::{Path, PathBuf};

/// A problem with the knowledge folder: which file, which line (1-based, 0 when it cannot be told), what.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error("cannot read {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `report.toml` is not valid TOML or lacks a field.
    #[error("{path}, line {line}: bad report metadata: {what}")]
    Metadata {
        path: PathBuf,
        line: usize,
        what: String,
    },
    /// The report body does not have the structure the parser needs (headings, glossary numbering …).
    #[error("{path}, line {line}: {what}")]
    Body {
        path: PathBuf,
        line: usize,
        what: String,
    },
    #[error("{path}, line {line}: bad alias entry: {what}")]
    Aliases {
        path: PathBuf,
        line: usize,
        what: String,
    },
    #[error("{path}, line {line}: bad word list entry: {what}")]
    WordList {
        path: PathBuf,
        line: usize,
        what: String,
    },
    #[error("{path}, line {line}: bad user dictionary entry: {what}")]
    UserDict {
        path: PathBuf,
        line: usize,
        what: String,
    },
    #[error("no reports in {0}: expected reports/<id>/report.toml with report.txt beside it")]
    NoReports(PathBuf),
    /// A library was built from no report at all.
    #[error("a library needs at least one report")]
    EmptyLibrary,
    #[error("report id `{id}` is used by both {first} and {second}")]
    DuplicateReport {
        id: String,
        first: PathBuf,
        second: PathBuf,
    },
}

impl KnowledgeError {
    /// `parse_report` only knows the report id; the loader knows the real file and says so.
    pub(crate) fn in_file(self, file: &Path) -> Self {
        match self {
            KnowledgeError::Body { line, what, .. } => KnowledgeError::Body {
                path: file.to_path_buf(),
                line,
                what,
            },
            other => other,
        }
    }
}

/// The 1-based line holding byte `offset` of `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    LineIndex::new(text).line(offset)
}

/// Where each line of a text starts, for turning many byte offsets into line numbers.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset)
    }
}
