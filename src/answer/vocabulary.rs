//! What the engine learns from the knowledge before it indexes anything: jieba's dictionary (the base one
//! and the reports' own words), which aliases translate, the reports' terms and the years they cover.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use crate::knowledge::{numerals, Library, ListKind, ToKnowledgeSource};
use crate::search::normalize::is_han;

use super::catalog::written_years;

/// Alias variants this long are specific phrases, rewritten even where the report uses them.
const SPECIFIC_VARIANT_CHARS: usize = 4;
/// Glossary terms and metric names up to this long become jieba words; longer ones are phrases.
const MAX_DICTIONARY_WORD_CHARS: usize = 8;
/// Their jieba frequency: high enough to keep them whole.
const DICTIONARY_WORD_FREQUENCY: usize = 20_000;
/// Counted glossary terms said as a pair (六稳六保) are a numeral and one character each: longer terms
/// (四个意识, 四个自信) are said apart.
const COUNTED_PAIR_TERM_CHARS: usize = 2;

/// The knowledge folder's base dictionary for jieba, made by `report-bot dictionary` (see knowledge/README.md).
pub const BASE_DICTIONARY_FILE: &str = "jieba_base.txt";

/// A knowledge folder's base dictionary exists but cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {path}: {source}")]
pub struct DictionaryError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// The base dictionary of a knowledge folder (or of the embedded one), `None` when it has none.
pub fn read_base_dictionary(
    knowledge: &(impl ToKnowledgeSource + ?Sized),
) -> Result<Option<String>, DictionaryError> {
    let knowledge = knowledge.to_knowledge_source();
    knowledge
        .read_optional(BASE_DICTIONARY_FILE)
        .map_err(|source| DictionaryError {
            path: knowledge.path(BASE_DICTIONARY_FILE),
            source,
        })
}

/// What a base dictionary must keep besides the most frequent words: every word the reports, the aliases
/// and the user dictionary use, so that they segment exactly as with jieba's full dictionary.
pub fn base_dictionary_text(library: &Library) -> String {
    let mut text = report_text(library);
    for entry in &library.aliases {
        text.push_str(&entry.canonical);
        text.push('\n');
        for variant in &entry.variants {
            text.push_str(variant);
            text.push('\n');
        }
    }
    text.push_str(&library.user_dict);
    for report in &library.reports {
        text.push_str(&report.meta.title);
        text.push('\n');
    }
    text
}

/// Whether an alias variant translates what people say into the report's words. A short Chinese word the
/// report itself uses (粮食, 农村, 投资) already is the report's word, in the report's own senses: rewriting
/// it would turn 粮食安全 into 粮食总产安全. Longer phrases (规上工业增加值 → 规模以上工业增加值), words
/// the report never uses (固投, GDP) and short names the report only writes inside their full name (牧原 in
/// 西平牧原) translate.
pub(super) fn translates(variant: &str, canonical: &str, report_text: &str) -> bool {
    let chinese = variant.chars().any(is_han);
    !chinese
        || variant.chars().count() >= SPECIFIC_VARIANT_CHARS
        || !report_text.contains(variant)
        || only_inside(variant, canonical, report_text)
}

/// Whether every occurrence of `part` in `text` lies inside an occurrence of `whole` (which contains it).
fn only_inside(part: &str, whole: &str, text: &str) -> bool {
    let inside = whole.matches(part).count();
    inside > 0 && text.matches(part).count() == text.matches(whole).count() * inside
}

/// Every sentence and glossary entry of every report, one per line.
pub(super) fn report_text(library: &Library) -> String {
    let mut text = String::new();
    for report in &library.reports {
        for sentence in report.sentences() {
            text.push_str(&sentence.text);
            text.push('\n');
        }
        for entry in &report.glossary {
            text.push_str(&entry.term);
            text.push(':');
            text.push_str(&entry.explanation);
            text.push('\n');
        }
    }
    text
}

/// The reports' own terms, never rewritten by aliases and the vocabulary for typo correction.
pub(super) fn report_terms(library: &Library) -> Vec<String> {
    let mut terms: Vec<String> = library
        .user_dict
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_owned)
        .collect();
    for report in &library.reports {
        terms.extend(report.glossary.iter().map(|entry| entry.term.clone()));
        terms.extend(
            report
                .indicators
                .iter()
                .map(|indicator| indicator.metric.clone()),
        );
    }
    terms.sort();
    terms.dedup();
    terms
}

/// A phrase the report puts in quotation marks is a name of its own (“明厨亮灶示范店”) from this many
/// characters: shorter quotes (“两高”) sound like too many other words to be read by their sound.
const MIN_QUOTED_NAME_CHARS: usize = 4;

/// The names people give the report's groups where the report writes none, for reading them by sound and
/// by initials (`sdbwz` → 三大保卫战, `lwlb` → 六稳六保): a list of items sharing an ending is counted
/// with 大 (蓝天、碧水、净土保卫战 → 三大保卫战), and two counted glossary terms the glossary lists one after
/// the other with one numeral are said together (六稳, 六保 → 六稳六保). And the names the report itself
/// quotes (`mclzsfd` → 明厨亮灶示范店).
pub(super) fn spoken_names(library: &Library) -> Vec<String> {
    let mut names = Vec::new();
    for report in &library.reports {
        for sentence in report.sentences() {
            let quoted = sentence.text.split('“').skip(1).filter_map(|after| {
                let (quote, _) = after.split_once('”')?;
                let chars = quote.chars().count();
                (chars >= MIN_QUOTED_NAME_CHARS && quote.chars().all(is_han)).then_some(quote)
            });
            for quote in quoted {
                if !names.iter().any(|name| name == quote) {
                    names.push(quote.to_owned());
                }
            }
        }
        for list in &report.lists {
            if list.kind != ListKind::SharedEnding {
                continue;
            }
            let labels: Vec<Vec<char>> = list
                .items
                .iter()
                .map(|item| item.label.chars().collect())
                .collect();
            let ending = shared_ending(&labels);
            let count = u32::try_from(list.items.len())
                .ok()
                .and_then(numerals::written);
            if let (Some(count), false) = (count, ending.is_empty()) {
                names.push(format!("{count}大{}", ending.iter().collect::<String>()));
            }
        }
        for pair in report.glossary.windows(2) {
            let [first, second] = pair else { continue };
            let (a, b): (Vec<char>, Vec<char>) =
                (first.term.chars().collect(), second.term.chars().collect());
            let counted = a.len() == COUNTED_PAIR_TERM_CHARS
                && b.len() == COUNTED_PAIR_TERM_CHARS
                && a[0] == b[0]
                && numerals::is_numeral_char(a[0])
                && second.number == first.number + 1;
            if counted {
                names.push(format!("{}{}", first.term, second.term));
            }
        }
    }
    names
}

/// The characters every label of `labels` ends with.
fn shared_ending(labels: &[Vec<char>]) -> Vec<char> {
    let Some(first) = labels.first() else {
        return Vec::new();
    };
    let mut len = first.len();
    for label in labels {
        len = len.min(
            first
                .iter()
                .rev()
                .zip(label.iter().rev())
                .take_while(|(a, b)| a == b)
                .count(),
        );
    }
    first[first.len() - len..].to_vec()
}

/// The user dictionary plus the reports' glossary terms, short metric names and the aliases' report terms, so
/// that jieba keeps them whole in the text and in questions alike.
pub fn segmenter_dictionary(library: &Library) -> String {
    let mut dictionary = library.user_dict.clone();
    if !dictionary.is_empty() && !dictionary.ends_with('\n') {
        dictionary.push('\n');
    }
    let names = library
        .reports
        .iter()
        .flat_map(|report| {
            let terms = report.glossary.iter().map(|entry| entry.term.as_str());
            let metrics = report
                .indicators
                .iter()
                .map(|indicator| indicator.metric.as_str());
            terms.chain(metrics)
        })
        .chain(library.aliases.iter().map(|entry| entry.canonical.as_str()));
    let mut added = HashSet::new();
    for name in names {
        // A name the text writes with quotes or punctuation inside (“最多跑一次”事项) is not one word there.
        let chars = name.chars().count();
        if (2..=MAX_DICTIONARY_WORD_CHARS).contains(&chars)
            && name.chars().any(is_han)
            && name.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())
            && added.insert(name)
        {
            dictionary.push_str(&format!("{name} {DICTIONARY_WORD_FREQUENCY} n\n"));
        }
    }
    dictionary
}

/// Years the reports have something on: the report's year and the year before, every single-year figure,
/// the ends of every period and every year written in the text. The years inside a five-year period are
/// not: the report gives no figures for them.
pub(super) fn known_years(library: &Library) -> BTreeSet<i32> {
    let mut years = BTreeSet::new();
    for report in &library.reports {
        years.insert(report.meta.year);
        years.insert(report.meta.year - 1);
        for indicator in &report.indicators {
            let (from, to) = indicator.period.years().into_inner();
            years.insert(from);
            years.insert(to);
        }
        let texts = report
            .sentences()
            .map(|sentence| sentence.text.as_str())
            .chain(
                report
                    .glossary
                    .iter()
                    .map(|entry| entry.explanation.as_str()),
            );
        for text in texts {
            years.extend(written_years(text));
        }
    }
    years
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_name_written_only_inside_its_full_name_translates() {
        let text = "抓好西平牧原项目;西平牧原年出栏120万头。粮食总产;粮食安全。";
        assert!(translates("牧原", "西平牧原", text));
        // 粮食 stands alone in the report too: it is the report's own word.
        assert!(!translates("粮食", "粮食总产", text));
        assert!(translates("GDP", "生产总值", text));
    }
}
