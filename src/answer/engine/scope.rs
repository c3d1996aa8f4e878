//! Another place's figures: a question that names a wider scope than the report's county (全国, 全省,
//! China's national …) or another county (Suiping county) asks about a place the report does not report
//! on. The county's own figure for the same metric is a look-alike, and a wrong figure is worse than a
//! refusal: unless the unit found itself speaks of that scope (县人民医院进入全国县级医院300强), the
//! question is refused.

use std::sync::LazyLock;

use crate::search::pinyin_words::is_pinyin;

use super::super::types::Hit;
use super::cues::Cues;
use super::Engine;

/// Scopes wider than a county: the words a question names one by (folded to lower case), and the words
/// a unit of the report speaks of it with. A unit with none of the latter is about the county alone.
/// `国家` alone is no scope word: 国家级 / 国家园林县城 name the county's titles, not the nation's figures.
const WIDER_SCOPES: &[(&[&str], &[&str])] = &[
    (
        &["全国", "中国", "china", "national", "nationwide"],
        &["全国", "国家", "中国"],
    ),
    (
        &["全省", "河南省", "henan", "province", "provincial"],
        &["全省", "河南", "省"],
    ),
    (
        &["全市", "驻马店市", "zhumadian"],
        &["全市", "驻马店", "市"],
    ),
];

/// The English word after a place's name that makes it a county (Suiping county).
const COUNTY_WORD: &str = "county";

impl Engine {
    /// Whether the question names a place other than the report's county that the best hit does not
    /// speak of: its figure or passage would be the county's, passed off as that place's.
    /// The hit is only built when the question names a wider scope: most questions name none.
    pub(super) fn names_other_place(&self, raw: &str, best: &dyn Fn() -> Hit) -> bool {
        let asked = asked_scopes(&raw.to_lowercase());
        if !asked.is_empty() {
            let hit = best();
            let unit = format!("{}{}", hit.text, hit.excerpt);
            let unspoken = |&scope: &usize| {
                let (_, spoken) = WIDER_SCOPES[scope];
                !spoken.iter().any(|word| unit.contains(word))
            };
            if asked.iter().any(unspoken) {
                return true;
            }
        }
        self.names_other_county(raw)
    }

    /// An English question naming a county by a name that is not one of the report's own place names
    /// (the English names of its title's words: Xiping County, Xiping): a capitalised name, or one typed
    /// in lower case that reads as pinyin (suiping county), which no English word before `county` (the,
    /// whole, our) does.
    fn names_other_county(&self, raw: &str) -> bool {
        let words: Vec<&str> = raw
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|word| !word.is_empty())
            .collect();
        words.windows(2).any(|pair| {
            let (name, county) = (pair[0], pair[1]);
            county.eq_ignore_ascii_case(COUNTY_WORD)
                && (name.starts_with(|c: char| c.is_ascii_uppercase()) || is_pinyin(name))
                && !self.is_own_place_name(name)
        })
    }

    /// Whether an English word is part of the English name of a word of the reports' titles (西平县 →
    /// Xiping County).
    fn is_own_place_name(&self, name: &str) -> bool {
        self.library
            .english
            .iter()
            .filter(|term| {
                self.library
                    .reports
                    .iter()
                    .any(|report| report.meta.title.contains(term.zh.as_str()))
            })
            .flat_map(|term| term.en.iter())
            .flat_map(|en| en.split(|c: char| !c.is_ascii_alphabetic()))
            .any(|word| word.eq_ignore_ascii_case(name))
    }
}

/// The [`WIDER_SCOPES`] a question (folded to lower case) names, by index: Han words anywhere, Latin ones
/// as whole words (national is not in internationalization).
fn asked_scopes(lower: &str) -> Vec<usize> {
    static ASKED: LazyLock<Cues<usize>> = LazyLock::new(|| {
        let table: Vec<(usize, &[&str])> = WIDER_SCOPES
            .iter()
            .enumerate()
            .map(|(scope, (asked, _))| (scope, *asked))
            .collect();
        Cues::new(&table)
    });
    let mut asked: Vec<usize> = ASKED
        .found(lower)
        .into_iter()
        .map(|(scope, _)| scope)
        .collect();
    asked.dedup();
    asked
}

/// Whether `lower` says `word`: anywhere for Han words, as a whole word for Latin ones (national is not
/// in internationalization).
pub(super) fn names_word(lower: &str, word: &str) -> bool {
    if !word.is_ascii() {
        return lower.contains(word);
    }
    lower.match_indices(word).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + word.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphabetic())
            && !after.is_some_and(|c| c.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::{asked_scopes, names_word};

    #[test]
    fn latin_words_are_named_only_whole() {
        assert!(names_word("is it the party secretary", "secretary"));
        assert!(!names_word("secretaryship", "secretary"));
        assert!(names_word("县委书记吗", "县委书记"));
    }

    #[test]
    fn latin_scope_words_count_only_whole() {
        assert_eq!(asked_scopes("china's national gdp"), vec![0]);
        assert_eq!(asked_scopes("what is henan's gdp"), vec![1]);
        assert!(asked_scopes("internationalization of trade").is_empty());
        assert_eq!(asked_scopes("全国gdp和全省gdp"), vec![0, 1]);
    }
}
