//! How many people the county has. A work report gives no population statistic, but it may count the
//! county's people where it speaks of them (88万西平人民). A question asking how many people the county
//! has as a whole (西平有多少人口, 全县多少口人, what is the population of Xiping) is answered with that count
//! and the sentence saying it, and says plainly that it is said in passing, with no year. A narrower
//! population (贫困人口, 户籍人口), another place, a year or anything else asked is left to the rest of the
//! engine, which refuses what the report does not say.

use crate::knowledge::{is_han, number_start, EnglishTerm, Report};
use crate::search::question::Question;

use super::super::types::{Outcome, RefusalReason};
use super::asking::asking_words;
use super::leftover::{topicless, without, REPORT_WORDS};
use super::structure::SCOPE_WORDS;
use super::Engine;

/// Words that ask for a number of people: the county's people counted as a whole.
const PEOPLE_WORDS: &[&str] = &[
    "人口总数",
    "总人口",
    "多少人口",
    "几人口",
    "人口",
    "多少口人",
    "几口人",
    "多少万人",
    "几万人",
    "多少人",
    "population",
    "how many people live",
    "how many people",
    "inhabitants",
];

/// Words of the county as a whole, of now and of asking, said around the people words (咱县现在有多少人口).
const WHOLE_COUNTY_WORDS: &[&str] = &[
    "全县",
    "县",
    "多少",
    "咱县",
    "俺县",
    "本县",
    "我们县",
    "咱们县",
    "现在",
    "目前",
    "如今",
    "一共",
    "总共",
    "大概",
    "到底",
    "究竟",
    "live",
    "lives",
    "in",
    "of",
    "the",
    "county",
];

/// The words the people of a county are counted with after their number (88万西平人民): 人民 or 群众.
const PEOPLE_NOUNS: &[&str] = &["人民", "群众"];

/// The county's name as its government's name begins (西平县人民政府 → 西平县), without its suffix (西平), and
/// its English names (english.toml), as a question writes them.
fn county_names(report: &Report, english: &[EnglishTerm]) -> Vec<String> {
    let issuer = &report.meta.issuer;
    let Some(end) = issuer.find(['县', '市', '区']) else {
        return Vec::new();
    };
    let full = &issuer[..end + '县'.len_utf8()];
    let mut names = vec![full.to_owned(), issuer[..end].to_owned()];
    for term in english.iter().filter(|term| term.zh == full) {
        names.extend(term.en.iter().map(|name| name.to_lowercase()));
    }
    names
}

/// The count of the county's people the report writes: the phrase (`88万西平人民`), its number of 万
/// (ten thousands), and the id of the sentence writing it.
fn people_counted<'r>(report: &'r Report, names: &[String]) -> Option<(String, f64, &'r str)> {
    report.sentences().find_map(|sentence| {
        let text = &sentence.text;
        names.iter().find_map(|name| {
            PEOPLE_NOUNS.iter().find_map(|noun| {
                let at = text.find(&format!("万{name}{noun}"))?;
                let digits = &text[number_start(text, at)?..at];
                Some((
                    format!("{digits}万{name}{noun}"),
                    digits.parse().ok()?,
                    sentence.id.as_str(),
                ))
            })
        })
    })
}

/// The word that makes a population one of a kind (出生人口 → 出生, 户籍人口 → 户籍): the two letters before
/// 人口 once the county's own words and the asking letters are gone, when they are Chinese.
fn population_kind(normalized: &str, names: &[String]) -> Option<String> {
    let at = normalized.find("人口")?;
    let mut before = &normalized[..at];
    // Longest first: 我们县 goes whole, not as 县 leaving 我们.
    let mut county: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .chain(WHOLE_COUNTY_WORDS.iter().copied())
        .collect();
    county.sort_by_key(|word| std::cmp::Reverse(word.len()));
    loop {
        let trimmed = county
            .iter()
            .fold(before.trim_end_matches(ASKING_LETTERS), |text, word| {
                text.strip_suffix(word).unwrap_or(text)
            });
        if trimmed == before {
            break;
        }
        before = trimmed;
    }
    let letters: Vec<char> = before.chars().collect();
    let kind = &letters[letters.len().saturating_sub(POPULATION_KIND_CHARS)..];
    (kind.len() == POPULATION_KIND_CHARS && kind.iter().copied().all(is_han))
        .then(|| kind.iter().collect())
}

/// Letters said between the county and 人口 that make no kind of it (西平有多少人口, 全县的总人口).
const ASKING_LETTERS: &[char] = &['有', '的', '总', '是', '共', ' '];

/// Letters of the word before 人口 that make it a population of a kind (出生, 流动, 户籍): the report's own
/// (贫困人口, 常住人口) are two letters, and fewer letters would read one letter of a county's name as a kind.
const POPULATION_KIND_CHARS: usize = 2;

impl Engine {
    /// The kinds of population the report writes (贫困, 常住) and those its aliases lead to it by (脱贫).
    fn population_kinds(&self, report: &Report) -> Vec<String> {
        let mut kinds = Vec::new();
        let mut add = |text: &str| {
            for (at, _) in text.match_indices("人口") {
                let letters: Vec<char> = text[..at].chars().collect();
                let kind = &letters[letters.len().saturating_sub(POPULATION_KIND_CHARS)..];
                if kind.len() == POPULATION_KIND_CHARS && kind.iter().copied().all(is_han) {
                    kinds.push(kind.iter().collect::<String>());
                }
            }
        };
        for sentence in report.sentences() {
            add(&sentence.text);
        }
        for alias in &self.library.aliases {
            add(&alias.canonical);
            alias.variants.iter().for_each(|said| add(said));
        }
        kinds.sort();
        kinds.dedup();
        kinds
    }

    /// The county's people as the report counts them, when a question asks how many people the county has
    /// and nothing else (see the module's doc).
    pub(super) fn population_outcome(&self, question: &Question) -> Option<Outcome> {
        let normalized = question.normalized.as_str();
        if !PEOPLE_WORDS.iter().any(|word| normalized.contains(word)) {
            return None;
        }
        let report = self.library.latest();
        let names = county_names(report, &self.library.english);
        // A population of a kind: the report's figure of it answers (贫困人口), and so may one a letter
        // away from a kind it knows, as a typo repaired (拖贫人口); else nothing does (出生人口).
        if let Some(kind) = population_kind(normalized, &names) {
            let known = self.population_kinds(report);
            let near = |other: &String| {
                other
                    .chars()
                    .zip(kind.chars())
                    .filter(|(a, b)| a != b)
                    .count()
                    <= 1
            };
            return (!known.iter().any(near)).then(|| self.refuse(RefusalReason::NotInReport));
        }
        // The count said in passing is of no year: a year asked is left to the figures of that year.
        if !question.time.years.is_empty() {
            return None;
        }
        let rest = without(
            normalized,
            PEOPLE_WORDS
                .iter()
                .chain(WHOLE_COUNTY_WORDS)
                .chain(SCOPE_WORDS)
                .chain(REPORT_WORDS)
                .copied()
                .chain(names.iter().map(String::as_str))
                .chain(asking_words()),
        );
        if !topicless(&rest) {
            return None;
        }
        let (count, ten_thousands, sentence_id) = people_counted(report, &names)?;
        let direct = if normalized.is_ascii() {
            let thousands = ten_thousands * 10.0;
            format!(
                "The report gives no population statistic; it speaks of the county's {thousands} thousand people (“{count}”), with no year."
            )
        } else {
            format!("报告没有单列人口统计数字；正文中说到“{count}”，未注明年份。")
        };
        let hits = self
            .catalog
            .doc_of(sentence_id)
            .map(|doc| self.chosen_hit(doc))
            .into_iter()
            .collect();
        Some(self.chosen_answer(Some(direct), hits))
    }
}
