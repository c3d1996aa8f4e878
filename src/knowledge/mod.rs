//! Everything the bot knows, read from the `knowledge/` folder: every report in `knowledge/reports/*/`,
//! the aliases people use for the report's terms, and the word list that teaches jieba those terms.

mod error;
mod glossary;
mod ids;
mod indicators;
mod inline_lists;
mod library;
mod list_draft;
mod lists;
mod load;
pub mod model;
pub mod numerals;
mod parse;
mod phrasebook;
mod report;
pub mod source;
mod text;
pub(crate) use text::{is_han, number_start};

pub use error::KnowledgeError;
pub use glossary::counted_variants;
pub use ids::{is_within, UnitId};
pub use indicators::change_verbs;
pub use inline_lists::{examples, Examples};
pub use library::Reports;
pub use model::*;
pub use parse::{parse_report, GLOSSARY_HEADING_WORDS};
pub use phrasebook::{parse_english, parse_phrases, EnglishTerm, PhraseEntry};
pub use report::{Location, Place};
pub use source::{KnowledgeSource, ToKnowledgeSource};

/// What people say vs what the report says: `GDP` → `生产总值`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct AliasEntry {
    /// The report's own term.
    pub canonical: String,
    /// Other ways of saying it (any script, any case).
    pub variants: Vec<String>,
}

/// All loaded knowledge, built by [`Library::new`] (or [`Library::load`]): never without a report.
#[derive(Debug, Clone)]
pub struct Library {
    pub reports: Reports,
    pub aliases: Vec<AliasEntry>,
    /// Lines in jieba's user-dictionary format (`word freq [tag]`, comments removed), loaded into the
    /// tokenizer once.
    pub user_dict: String,
    /// Dialect and colloquial ways of asking (`phrases.toml`).
    pub phrases: Vec<PhraseEntry>,
    /// English names of the report's terms (`english.toml`); they are aliases of their terms too.
    pub english: Vec<EnglishTerm>,
}
