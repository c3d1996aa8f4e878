//! The closing glossary (`1.四张清单:…`): entries are numbered 1, 2, 3 … without gaps, which is what
//! tells `24.17110工作制度` apart (entry 24, term `17110工作制度`) and finds the second entry on a line
//! holding two. Each entry is then linked to the body sentences that use its term.

use std::path::Path;

use super::error::KnowledgeError;
use super::model::{GlossaryEntry, Report};
use super::numerals;
use super::text::{char_len, is_han, letters_and_digits};

/// Terms at least this long may match the body with one character changed (`五项保障` ~ `五个保障`).
const FUZZY_MIN_CHARS: usize = 4;
/// Each half of a two-part term is at least this long before it is looked for on its own: a one-character
/// half (`“乱”`) would be found quoted in sentences that have nothing to do with the term.
const HALF_MIN_CHARS: usize = 2;
const QUOTES: [(char, char); 4] = [('“', '”'), ('‘', '’'), ('「', '」'), ('"', '"')];

/// Reads the glossary lines (after its heading) into entries; `used_in` is filled later by [`link`].
pub(crate) fn parse(
    report_id: &str,
    path: &Path,
    lines: &[(usize, &str)],
) -> Result<Vec<GlossaryEntry>, KnowledgeError> {
    // One text with a newline between lines, and where each line starts, to report line numbers.
    let mut text = String::new();
    let mut line_starts = Vec::new();
    for &(line_no, line) in lines.iter().filter(|(_, line)| !line.is_empty()) {
        line_starts.push((text.len(), line_no));
        text.push_str(line);
        text.push('\n');
    }
    let line_at = |offset: usize| {
        line_starts
            .iter()
            .take_while(|(start, _)| *start <= offset)
            .last()
            .map_or(0, |(_, line_no)| *line_no)
    };
    let error = |offset: usize, what: String| KnowledgeError::Body {
        path: path.to_path_buf(),
        line: line_at(offset),
        what,
    };

    let mut entries = Vec::new();
    let mut start = 0;
    let mut number = 1u32;
    while start < text.len() {
        let Some(body_at) = entry_body_start(&text[start..], number) else {
            return Err(error(
                start,
                format!("glossary entry {number} should start here with `{number}.`"),
            ));
        };
        let body_start = start + body_at;
        let end = match next_entry_start(&text, body_start, number + 1) {
            Some(end) => end,
            None => {
                if let Some(stray) = numbered_line(&text, body_start) {
                    return Err(error(
                        stray,
                        format!("glossary entry {} is missing before this line", number + 1),
                    ));
                }
                text.len()
            }
        };
        let entry = &text[body_start..end];
        let Some((term, explanation)) = entry.split_once([':', '：']) else {
            return Err(error(
                body_start,
                format!("glossary entry {number} has no `:` after its term"),
            ));
        };
        let term = term.trim().to_string();
        let explanation: String = explanation.trim().replace('\n', "");
        if term.is_empty() || explanation.is_empty() {
            return Err(error(
                body_start,
                format!("glossary entry {number} needs both a term and an explanation"),
            ));
        }
        entries.push(GlossaryEntry {
            id: format!("{report_id}/g{number}"),
            number,
            term,
            explanation,
            used_in: Vec::new(),
            kind_words: Vec::new(),
        });
        start = end;
        number += 1;
    }
    Ok(entries)
}

/// If `text` starts with entry `number` (`24.` / `24、` / `24．`), the offset just after the mark.
fn entry_body_start(text: &str, number: u32) -> Option<usize> {
    let label = number.to_string();
    let rest = text.strip_prefix(&label)?;
    let mark = rest.chars().next()?;
    matches!(mark, '.' | '．' | '、').then(|| label.len() + mark.len_utf8())
}

/// Where entry `number` starts after `from`: its label at a line start or after a space.
fn next_entry_start(text: &str, from: usize, number: u32) -> Option<usize> {
    let label = number.to_string();
    text[from..]
        .match_indices(&label)
        .map(|(at, _)| from + at)
        .find(|&at| {
            let after_space = text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace());
            after_space && entry_body_start(&text[at..], number).is_some()
        })
}

/// A later line that starts like a numbered entry although the numbering did not reach it.
fn numbered_line(text: &str, from: usize) -> Option<usize> {
    text[from..]
        .match_indices('\n')
        .map(|(at, _)| from + at + 1)
        .find(|&line_start| {
            let digits = text[line_start..]
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            digits > 0 && text[line_start + digits..].starts_with(['.', '．', '、'])
        })
}

/// Measure words a counted name is said with (五项保障, 四个意识, 五大工程): people count a group with any
/// of them, so each names the group as well as the one the report writes.
const GROUP_COUNTERS: &[char] = &['项', '个', '大', '条'];

/// The other ways people say a counted glossary term (`五项保障` → `五个保障`, `五大保障`, `五条保障`): the
/// same numeral and name with another measure word. A term that does not open with a numeral and a measure
/// word has none.
pub fn counted_variants(term: &str) -> Vec<String> {
    let numeral_end = term
        .char_indices()
        .find(|&(_, c)| !numerals::is_numeral_char(c))
        .map_or(term.len(), |(at, _)| at);
    let mut rest = term[numeral_end..].chars();
    let (Some(counter), name) = (rest.next(), rest.as_str()) else {
        return Vec::new();
    };
    if numeral_end == 0 || !GROUP_COUNTERS.contains(&counter) || name.is_empty() {
        return Vec::new();
    }
    GROUP_COUNTERS
        .iter()
        .filter(|&&other| other != counter)
        .map(|other| format!("{}{other}{name}", &term[..numeral_end]))
        .collect()
}

/// Fills `used_in` of every glossary entry with the ids of the body sentences using its term, and
/// `kind_words` with the words those sentences write right after it.
pub(crate) fn link(report: &mut Report) {
    let sentences: Vec<(String, String, Vec<char>)> = report
        .sentences()
        .map(|sentence| {
            let normalized = letters_and_digits(&sentence.text).chars().collect();
            (sentence.id.clone(), sentence.text.clone(), normalized)
        })
        .collect();
    for entry in &mut report.glossary {
        let term = TermMatcher::new(&entry.term);
        entry.used_in = sentences
            .iter()
            .filter(|(_, text, normalized)| term.is_used_in(text, normalized))
            .map(|(id, _, _)| id.clone())
            .collect();
        let mut kind_words: Vec<String> = Vec::new();
        for (_, text, _) in &sentences {
            for word in words_after(text, &entry.term) {
                if !kind_words.contains(&word) {
                    kind_words.push(word);
                }
            }
        }
        entry.kind_words = kind_words;
    }
}

/// The characters of a kind word (活动, 改革, 工程): the report's words for kinds of things have two.
const KIND_WORD_CHARS: usize = 2;

/// The [`KIND_WORD_CHARS`] Han characters `text` writes right after each use of `term`, past a closing
/// quote (“放管服效”改革 → 改革); none where punctuation or anything but Han characters follows.
fn words_after<'t>(text: &'t str, term: &'t str) -> impl Iterator<Item = String> + 't {
    text.match_indices(term).filter_map(move |(at, _)| {
        let rest = &text[at + term.len()..];
        let rest = rest
            .strip_prefix(|c: char| QUOTES.iter().any(|&(_, close)| c == close))
            .unwrap_or(rest);
        let word: String = rest.chars().take(KIND_WORD_CHARS).collect();
        (word.chars().count() == KIND_WORD_CHARS && word.chars().all(is_han)).then_some(word)
    })
}

/// Decides whether a sentence uses a glossary term, tolerating the report's small inconsistencies by
/// general rules: punctuation and quotes are ignored (`“三公”经费`), a long term may differ in one inner
/// character (`五项保障` / `五个保障`), and a term made of two halves may appear as the two halves quoted
/// (`六乱六清` / `治理“六乱”、开展“六清”`).
struct TermMatcher {
    chars: Vec<char>,
    /// The two halves of the term, and each half in every quote style (`“六乱”`, `「六乱」` …).
    halves: Option<[Half; 2]>,
}

struct Half {
    chars: Vec<char>,
    quoted: Vec<String>,
}

impl TermMatcher {
    fn new(term: &str) -> Self {
        let chars: Vec<char> = letters_and_digits(term).chars().collect();
        let halves = match term.split_once(['、', ',', '，']) {
            Some((first, second)) => Some((letters_and_digits(first), letters_and_digits(second))),
            None if chars.len() >= FUZZY_MIN_CHARS && chars.len().is_multiple_of(2) => {
                let (first, second) = chars.split_at(chars.len() / 2);
                Some((first.iter().collect(), second.iter().collect()))
            }
            None => None,
        };
        let half = |text: &str| Half {
            chars: text.chars().collect(),
            quoted: QUOTES
                .iter()
                .map(|(open, close)| format!("{open}{text}{close}"))
                .collect(),
        };
        let halves = halves
            .filter(|(first, second)| {
                char_len(first) >= HALF_MIN_CHARS && char_len(second) >= HALF_MIN_CHARS
            })
            .map(|(first, second)| [half(&first), half(&second)]);
        TermMatcher { chars, halves }
    }

    fn is_used_in(&self, text: &str, normalized: &[char]) -> bool {
        let allowed_differences = usize::from(self.chars.len() >= FUZZY_MIN_CHARS);
        appears(&self.chars, normalized, allowed_differences)
            || self.halves_quoted(text, normalized)
    }

    fn halves_quoted(&self, text: &str, normalized: &[char]) -> bool {
        self.halves.as_ref().is_some_and(|halves| {
            halves.iter().all(|half| {
                appears(&half.chars, normalized, 0)
                    && half.quoted.iter().any(|form| text.contains(form.as_str()))
            })
        })
    }
}

/// `needle` appears in `haystack` with at most `allowed_differences` inner characters changed (the first
/// and last must match, which also keeps the scan cheap).
fn appears(needle: &[char], haystack: &[char], allowed_differences: usize) -> bool {
    let (Some(first), Some(last)) = (needle.first(), needle.last()) else {
        return false;
    };
    let length = needle.len();
    let mut at = 0;
    while at + length <= haystack.len() {
        if haystack[at] == *first && haystack[at + length - 1] == *last {
            let mut differences = 0;
            for (a, b) in needle.iter().zip(&haystack[at..at + length]) {
                if a != b {
                    differences += 1;
                }
            }
            if differences <= allowed_differences {
                return true;
            }
        }
        at += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uses(term: &str, sentence: &str) -> bool {
        let normalized: Vec<char> = letters_and_digits(sentence).chars().collect();
        TermMatcher::new(term).is_used_in(sentence, &normalized)
    }

    #[test]
    fn a_counted_term_is_said_with_each_other_measure_word() {
        assert_eq!(
            counted_variants("五项保障"),
            ["五个保障", "五大保障", "五条保障"]
        );
        assert_eq!(counted_variants("四大活动").len(), 3);
        // No numeral, or no measure word after it, or nothing after the measure word: no variant.
        assert!(counted_variants("放管服效").is_empty());
        assert!(counted_variants("六稳").is_empty());
        assert!(counted_variants("两筛两癌").is_empty());
    }

    #[test]
    fn tolerates_the_reports_own_variants() {
        assert!(uses("五项保障", "强化党的建设“五个保障”,统筹发展"));
        assert!(uses("六乱六清", "扎实治理“六乱”、开展“六清”,使全县"));
        assert!(uses("两筛两癌", "继续做好“两筛”“两癌”工作;"));
        assert!(uses("人人持证、技能河南", "推进“人人持证,技能河南”建设"));
        assert!(uses("三公经费", "“三公”经费支出逐年下降"));
    }

    #[test]
    fn the_words_after_a_term_are_two_han_characters_past_its_closing_quote() {
        let after = |text, term| words_after(text, term).collect::<Vec<_>>();
        assert_eq!(
            after("深入开展“万人助万企”活动。聚焦产业", "万人助万企"),
            ["活动"]
        );
        assert_eq!(
            after("“放管服效”改革持续推进,放管服效改革", "放管服效"),
            ["改革", "改革"]
        );
        // Punctuation, a figure or the sentence's end after the term: no kind word.
        assert!(after("坚定“四个自信”,做到“两个维护”", "四个自信").is_empty());
        assert!(after("落实“17110”", "17110").is_empty());
        assert!(after("落实六稳6项", "六稳").is_empty());
    }

    #[test]
    fn does_not_overreach() {
        // Same ends, two differences; first character differs; halves present but not quoted.
        assert!(!uses("四个意识", "坚定“四个自信”"));
        assert!(!uses("三大基地", "四大基地建设"));
        assert!(!uses("四个意识", "四个方面增强意识"));
        assert!(!uses("六稳", "稳就业"));
    }

    #[test]
    fn numbering_tells_term_from_number() {
        let lines = [
            (10, "1.甲乙:指甲。 2.丙丁:指丙。"),
            (11, ""),
            (12, "3.17110工作制度:“1”即当日立项交办; 2个小时。"),
        ];
        let entries = parse("r", Path::new("r.txt"), &lines).unwrap();
        let terms: Vec<_> = entries
            .iter()
            .map(|e| (e.number, e.term.as_str()))
            .collect();
        assert_eq!(terms, vec![(1, "甲乙"), (2, "丙丁"), (3, "17110工作制度")]);
        assert_eq!(entries[2].explanation, "“1”即当日立项交办; 2个小时。");
        assert_eq!(entries[1].id, "r/g2");
    }

    #[test]
    fn a_gap_in_numbering_names_the_line() {
        let lines = [(5, "1.甲:指甲。"), (6, "3.丙:指丙。")];
        let error = parse("r", Path::new("r.txt"), &lines).unwrap_err();
        let message = error.to_string();
        assert!(message.contains("line 6"), "{message}");
        assert!(message.contains("entry 2 is missing"), "{message}");
    }
}
