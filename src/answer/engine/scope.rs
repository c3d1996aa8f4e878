//! Another place's figures: a question that names a wider scope than the report's county (全国, 全省,
//! China's national …) or another county (Suiping county) asks about a place the report does not report
//! on. The county's own figure for the same metric is a look-alike, and a wrong figure is worse than a
//! refusal: unless the unit found itself speaks of that scope (县人民医院进入全国县级医院300强), the
//! question is refused.

use crate::search::pinyin_words::is_pinyin;

use super::super::types::Hit;
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
        let lower = raw.to_lowercase();
        let mut asked = WIDER_SCOPES
            .iter()
            .filter(|(asked, _)| asked.iter().any(|word| names_word(&lower, word)))
            .peekable();
        if asked.peek().is_some() {
            let hit = best();
            let unit = format!("{}{}", hit.text, hit.excerpt);
            if asked.any(|(_, spoken)| !spoken.iter().any(|word| unit.contains(word))) {
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

/// Whether `lower` says `word`: anywhere for Han words, as a whole word for Latin ones (national is not
/// in internationalization).
fn names_word(lower: &str, word: &str) -> bool {
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
    use super::names_word;

    #[test]
    fn latin_scope_words_count_only_whole() {
        assert!(names_word("china's national gdp", "national"));
        assert!(names_word("what is china's gdp", "china"));
        assert!(!names_word("internationalization", "national"));
        assert!(names_word("全国gdp", "全国"));
    }
}
