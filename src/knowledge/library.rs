//! The one way to make a [`Library`]: at least one report, ordered by year, so that every front end can
//! ask for the newest report without a case for none.

use std::ops::Deref;

use super::error::KnowledgeError;
use super::model::Report;
use super::{AliasEntry, Library};

/// The reports of a library: never empty, ordered by `meta.year` (then id), newest last. Read it as a
/// slice; only [`Library::new`] makes one.
#[derive(Debug, Clone)]
pub struct Reports(Vec<Report>);

impl Deref for Reports {
    type Target = [Report];

    fn deref(&self) -> &[Report] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Reports {
    type Item = &'a Report;
    type IntoIter = std::slice::Iter<'a, Report>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Library {
    /// A library of `reports` (in any order), the aliases and the user dictionary; an error when there is no
    /// report.
    pub fn new(
        mut reports: Vec<Report>,
        aliases: Vec<AliasEntry>,
        user_dict: String,
    ) -> Result<Library, KnowledgeError> {
        if reports.is_empty() {
            return Err(KnowledgeError::EmptyLibrary);
        }
        reports.sort_by(|a, b| {
            a.meta
                .year
                .cmp(&b.meta.year)
                .then(a.meta.id.cmp(&b.meta.id))
        });
        Ok(Library {
            reports: Reports(reports),
            aliases,
            user_dict,
            phrases: Vec::new(),
            english: Vec::new(),
        })
    }

    /// The newest report: the one questions are about unless they name another year.
    pub fn latest(&self) -> &Report {
        let Some(latest) = self.reports.last() else {
            unreachable!("Library::new refuses a library without reports");
        };
        latest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_needs_a_report() {
        assert!(matches!(
            Library::new(Vec::new(), Vec::new(), String::new()),
            Err(KnowledgeError::EmptyLibrary)
        ));
    }
}
