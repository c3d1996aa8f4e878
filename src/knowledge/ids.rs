//! The id of a unit of a report, typed so that callers ask it what it is part of instead of splitting
//! strings: `xiping-2022/3.2.4.2` (a sentence), `xiping-2022/3.2.4.2#1` (a figure of that sentence),
//! `xiping-2022/3.2.4` (a paragraph), `xiping-2022/g7` (a glossary entry).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Separates a report's id from the place of a unit in it.
const REPORT_SEPARATOR: char = '/';
/// Separates a sentence's id from the position of a figure in it.
const FIGURE_SEPARATOR: char = '#';

/// The stable id of a sentence, paragraph, figure or glossary entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnitId(String);

impl UnitId {
    pub fn new(id: impl Into<String>) -> UnitId {
        UnitId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id of the report the unit belongs to (`xiping-2022`).
    pub fn report(&self) -> &str {
        report_of(&self.0)
    }

    /// The sentence a figure was read from; any other unit is its own.
    pub fn sentence(&self) -> &str {
        self.0
            .split_once(FIGURE_SEPARATOR)
            .map_or(self.0.as_str(), |(sentence, _)| sentence)
    }
}

/// Whether unit `id` is `holder` or lies inside it (`x/3.6.4.1` in `x/3.6.4`, never in `x/3.6.40`).
pub fn is_within(id: &str, holder: &str) -> bool {
    id.strip_prefix(holder)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', FIGURE_SEPARATOR]))
}

/// The report id at the head of a unit id, for the model's ids, which are plain strings.
pub fn report_of(id: &str) -> &str {
    id.split_once(REPORT_SEPARATOR)
        .map_or(id, |(report, _)| report)
}

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for UnitId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for UnitId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for UnitId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_knows_its_report_and_sentence() {
        let figure = UnitId::new("xiping-2022/3.0.2.1#4");
        assert_eq!(figure.report(), "xiping-2022");
        assert_eq!(figure.sentence(), "xiping-2022/3.0.2.1");
        let entry = UnitId::new("xiping-2022/g7");
        assert_eq!(entry.report(), "xiping-2022");
        assert_eq!(entry.sentence(), "xiping-2022/g7");
    }

    #[test]
    fn a_unit_lies_within_its_holders_only() {
        assert!(is_within("x/3.6.4.1", "x/3.6.4"));
        assert!(is_within("x/3.6.4.1#2", "x/3.6.4.1"));
        assert!(is_within("x/3.6.4", "x/3.6.4"));
        assert!(!is_within("x/3.6.40.1", "x/3.6.4"));
    }
}
