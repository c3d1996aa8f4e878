//! How many people the county has. A work report gives no population statistic, but it may count the
//! county's people where it speaks of them (88万西平人民). A question asking how many people the county
//! has as a whole (西平有多少人口, 全县多少口人, what is the population of Xiping) is answered with that count
//! and the sentence saying it, and says plainly that it is said in passing, with no year. A narrower
//! population the report writes (贫困人口) is left to its figure and one it never writes (出生人口) refused;
//! another place, a year or anything else asked is left to the rest of the engine.

use crate::knowledge::{is_han, number_start, EnglishTerm, Library, Report};
use crate::search::question::Question;

use super::super::types::{Outcome, RefusalReason};
use super::asking::asking_words;
use super::cues::Phrases;
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
fn people_counted(report: &Report, names: &[String]) -> Option<(String, f64, String)> {
    report.sentences().find_map(|sentence| {
        let text = &sentence.text;
        names.iter().find_map(|name| {
            PEOPLE_NOUNS.iter().find_map(|noun| {
                let at = text.find(&format!("万{name}{noun}"))?;
                let digits = &text[number_start(text, at)?..at];
                Some((
                    format!("{digits}万{name}{noun}"),
                    digits.parse().ok()?,
                    sentence.id.clone(),
                ))
            })
        })
    })
}

/// Letters said between the county and 人口 that make no kind of it (西平有多少人口, 全县的总人口), nor
/// between the report named and the county (报告里说西平有多少人口, 报告中西平人口多少).
const ASKING_LETTERS: &[char] = &['有', '的', '总', '是', '共', '里', '中', '说', '讲', ' '];

/// Letters of the word before 人口 that make it a population of a kind (出生, 流动, 户籍): the report's own
/// (贫困人口, 常住人口) are two letters, and fewer letters would read one letter of a county's name as a kind.
const POPULATION_KIND_CHARS: usize = 2;

/// What the report says of the county's people, read once when the engine is built: its names as questions
/// write them, the kinds of population it writes, and the count it says in passing.
pub(super) struct CountyPeople {
    names: Vec<String>,
    /// The county's names and words, longest first: 我们县 goes whole, not as 县 leaving 我们.
    county_words: Vec<String>,
    kinds: Vec<String>,
    counted: Option<(String, f64, String)>,
    /// [`PEOPLE_WORDS`] found in a question in one pass.
    people_words: Phrases,
}

impl CountyPeople {
    pub(super) fn new(library: &Library) -> CountyPeople {
        let report = library.latest();
        let names = county_names(report, &library.english);
        let mut county_words: Vec<String> = names
            .iter()
            .cloned()
            .chain(WHOLE_COUNTY_WORDS.iter().map(|word| (*word).to_owned()))
            .collect();
        county_words.sort_by_key(|word| std::cmp::Reverse(word.len()));
        let aliases = library
            .aliases
            .iter()
            .flat_map(|alias| std::iter::once(&alias.canonical).chain(&alias.variants));
        let mut kinds: Vec<String> = report
            .sentences()
            .map(|sentence| &sentence.text)
            .chain(aliases)
            .flat_map(|text| kinds_written(text))
            .collect();
        kinds.sort();
        kinds.dedup();
        CountyPeople {
            counted: people_counted(report, &names),
            names,
            county_words,
            kinds,
            people_words: Phrases::new(PEOPLE_WORDS.iter().copied()),
        }
    }

    /// The word that makes a population one of a kind (出生人口 → 出生, 户籍人口 → 户籍): the two letters
    /// before 人口 once the county's own words and the asking letters are gone, when they are Chinese.
    fn kind_asked(&self, normalized: &str) -> Option<String> {
        let at = normalized.find("人口")?;
        let mut before = &normalized[..at];
        loop {
            let trimmed = self
                .county_words
                .iter()
                .fold(before.trim_end_matches(ASKING_LETTERS), |text, word| {
                    text.strip_suffix(word.as_str()).unwrap_or(text)
                });
            let trimmed = REPORT_WORDS.iter().fold(trimmed, |text, word| {
                text.strip_suffix(word).unwrap_or(text)
            });
            if trimmed == before {
                break;
            }
            before = trimmed;
        }
        kind_before(before)
    }

    /// Whether a kind of population is the report's, or a letter away from one, as a typo repaired (拖贫).
    fn knows(&self, kind: &str) -> bool {
        self.kinds.iter().any(|known| {
            known
                .chars()
                .zip(kind.chars())
                .filter(|(a, b)| a != b)
                .count()
                <= 1
        })
    }
}

/// The kinds of population `text` writes (贫困 of 贫困人口).
fn kinds_written(text: &str) -> Vec<String> {
    text.match_indices("人口")
        .filter_map(|(at, _)| kind_before(&text[..at]))
        .collect()
}

/// The [`POPULATION_KIND_CHARS`] letters `text` ends with, when they are Chinese: the kind of a 人口 after it.
fn kind_before(text: &str) -> Option<String> {
    let letters: Vec<char> = text.chars().collect();
    let kind = &letters[letters.len().saturating_sub(POPULATION_KIND_CHARS)..];
    (kind.len() == POPULATION_KIND_CHARS && kind.iter().copied().all(is_han))
        .then(|| kind.iter().collect())
}

impl Engine {
    /// The county's people as the report counts them, when a question asks how many people the county has
    /// and nothing else (see the module's doc).
    pub(super) fn population_outcome(&self, question: &Question) -> Option<Outcome> {
        let normalized = question.normalized.as_str();
        let people = &self.county_people;
        if !people.people_words.in_text(normalized) {
            return None;
        }
        // A population of a kind: the report's figure of it answers (贫困人口), and so may one a letter
        // away from a kind it knows, as a typo repaired (拖贫人口); else nothing does (出生人口).
        if let Some(kind) = people.kind_asked(normalized) {
            return (!people.knows(&kind)).then(|| self.refuse(RefusalReason::NotInReport));
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
                .chain(people.names.iter().map(String::as_str))
                .chain(asking_words()),
        );
        if !topicless(&rest) {
            return None;
        }
        let (count, ten_thousands, sentence_id) = people.counted.as_ref()?;
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
