//! `report-bot dictionary`: writes the reduced jieba dictionary that `knowledge/jieba_base.txt` holds.

use std::io::{self, Write};
use std::path::Path;

use crate::answer::vocabulary::base_dictionary_text;
use crate::knowledge::{Library, ToKnowledgeSource};
use crate::search::dictionary::reduce;

/// `report-bot dictionary JIEBA_DICT`: jieba's full dictionary reduced to what the knowledge needs (the
/// reports' words and the most frequent words), for `knowledge/jieba_base.txt`.
pub fn dictionary(
    knowledge: &(impl ToKnowledgeSource + ?Sized),
    full_dictionary: &Path,
    most_frequent: usize,
    mut out: impl Write,
) -> Result<(), DictionaryError> {
    let full =
        std::fs::read_to_string(full_dictionary).map_err(|source| DictionaryError::Read {
            path: full_dictionary.display().to_string(),
            source,
        })?;
    let library = Library::load(knowledge)?;
    let keep = base_dictionary_text(&library);
    out.write_all(reduce(&full, &keep, most_frequent).as_bytes())?;
    Ok(out.flush()?)
}

/// Why `dictionary` failed.
#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error(transparent)]
    Knowledge(#[from] crate::knowledge::KnowledgeError),
    #[error(transparent)]
    Write(#[from] io::Error),
}
