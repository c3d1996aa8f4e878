//! The two word lists a maintainer extends without code: `phrases.toml` (dialect and colloquial ways of
//! asking, in the standard words the reader knows) and `english.toml` (the English names of the report's
//! terms: the only English the bot prints for a term, and what English questions are matched with).

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use super::error::{line_of, KnowledgeError, LineIndex};
use super::source::KnowledgeSource;

pub(super) const PHRASES_FILE: &str = "phrases.toml";
pub(super) const ENGLISH_FILE: &str = "english.toml";

/// A way of asking and the standard words it means: `咋` → `怎么`, `俺` → nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseEntry {
    /// What people type (several spellings of one meaning).
    pub say: Vec<String>,
    /// The standard Mandarin it stands for; empty: a word that only colours the question (俺, 中不中).
    pub means: String,
}

/// A report term and its English names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnglishTerm {
    /// The term exactly as the report writes it.
    pub zh: String,
    /// English names; the first is the one the bot prints, all of them find the term.
    pub en: Vec<String>,
    /// What kind of term it is (indicator, programme, project, company, park, lake, township, glossary,
    /// institution): for review only.
    #[serde(default)]
    pub kind: String,
}

impl EnglishTerm {
    /// The name the bot prints.
    pub fn name(&self) -> &str {
        self.en.first().map_or("", String::as_str)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhraseFile {
    /// Classes of interchangeable words (`doing = ["弄", "整", "搞"]`) that a phrase names as `{doing}`.
    #[serde(default)]
    class: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    phrase: Vec<toml::Spanned<PhraseEntry>>,
}

/// The most phrases one `say` may stand for once its classes are filled in: a frame of three classes of
/// twenty words is 8000; more is a typo in the file (a class named where a word was meant), and would slow
/// start-up and the matcher for nothing.
const MAX_PHRASES_PER_SAY: usize = 10_000;

/// Opens and closes a class's name inside a phrase.
const CLASS_OPEN: char = '{';
const CLASS_CLOSE: char = '}';

/// `say` → `means` with every `{class}` filled in by each word of the class, both in `say` and in `means`
/// (`{degree}多` → `很多` for every degree word; `{doing}了吗` → `了吗` for every all-purpose verb), so that a
/// maintainer lists a frame once and a new word of a class once.
fn fill_classes(
    say: &str,
    means: &str,
    classes: &BTreeMap<String, Vec<String>>,
) -> Result<Vec<(String, String)>, String> {
    let Some(open) = say.find(CLASS_OPEN) else {
        if means.contains([CLASS_OPEN, CLASS_CLOSE]) {
            return Err(format!("`{means}` names a class that `{say}` does not"));
        }
        return Ok(vec![(say.to_owned(), means.to_owned())]);
    };
    let name_end = say[open..]
        .find(CLASS_CLOSE)
        .map(|close| open + close)
        .ok_or_else(|| format!("`{say}`: a class name without its `{CLASS_CLOSE}`"))?;
    let name = &say[open + CLASS_OPEN.len_utf8()..name_end];
    let words = classes
        .get(name)
        .ok_or_else(|| format!("`{say}` names the class `{name}`, which [class] does not list"))?;
    let placeholder = &say[open..name_end + CLASS_CLOSE.len_utf8()];
    let mut filled = Vec::new();
    for word in words {
        filled.extend(fill_classes(
            &say.replace(placeholder, word),
            &means.replace(placeholder, word),
            classes,
        )?);
        if filled.len() > MAX_PHRASES_PER_SAY {
            return Err(format!(
                "`{say}` stands for more than {MAX_PHRASES_PER_SAY} phrases"
            ));
        }
    }
    Ok(filled)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnglishFile {
    #[serde(default)]
    term: Vec<toml::Spanned<EnglishTerm>>,
}

/// `phrases.toml` of the source (none when the folder has no such file).
pub(super) fn load_phrases(source: &KnowledgeSource) -> Result<Vec<PhraseEntry>, KnowledgeError> {
    let path = source.path(PHRASES_FILE);
    match read(source, PHRASES_FILE)? {
        Some(text) => parse_phrases(&path, &text),
        None => Ok(Vec::new()),
    }
}

/// `english.toml` of the source (none when the folder has no such file).
pub(super) fn load_english(source: &KnowledgeSource) -> Result<Vec<EnglishTerm>, KnowledgeError> {
    let path = source.path(ENGLISH_FILE);
    match read(source, ENGLISH_FILE)? {
        Some(text) => parse_english(&path, &text),
        None => Ok(Vec::new()),
    }
}

fn read(source: &KnowledgeSource, file: &str) -> Result<Option<String>, KnowledgeError> {
    source
        .read_optional(file)
        .map_err(|error| KnowledgeError::Io {
            path: source.path(file),
            source: error,
        })
}

fn bad(path: &Path, line: usize, what: String) -> KnowledgeError {
    KnowledgeError::WordList {
        path: path.to_path_buf(),
        line,
        what,
    }
}

/// A word list's TOML, an error naming its line when it is no valid TOML of that shape.
fn parse_toml<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
) -> Result<T, KnowledgeError> {
    toml::from_str(text).map_err(|e| {
        bad(
            path,
            e.span().map_or(0, |span| line_of(text, span.start)),
            e.message().to_string(),
        )
    })
}

/// Reads `phrases.toml`: `[class]` lists of words and `[[phrase]]` tables with `say` and `means`, which
/// may name a class as `{name}`; each phrase comes back with its classes filled in.
pub fn parse_phrases(path: &Path, text: &str) -> Result<Vec<PhraseEntry>, KnowledgeError> {
    let file: PhraseFile = parse_toml(path, text)?;
    let lines = LineIndex::new(text);
    let mut phrases = Vec::with_capacity(file.phrase.len());
    for spanned in file.phrase {
        let line = lines.line(spanned.span().start);
        let entry = spanned.into_inner();
        if entry.say.is_empty() || entry.say.iter().any(|say| say.trim().is_empty()) {
            return Err(bad(path, line, "`say` needs non-empty phrases".into()));
        }
        for say in &entry.say {
            let filled = fill_classes(say, &entry.means, &file.class)
                .map_err(|what| bad(path, line, what))?;
            for (say, means) in filled {
                if say.trim() == means.trim() {
                    return Err(bad(path, line, format!("`{say}` means itself")));
                }
                phrases.push(PhraseEntry {
                    say: vec![say],
                    means,
                });
            }
        }
    }
    Ok(phrases)
}

/// Reads `english.toml`: `[[term]]` tables with `zh`, `en` and `kind`.
pub fn parse_english(path: &Path, text: &str) -> Result<Vec<EnglishTerm>, KnowledgeError> {
    let file: EnglishFile = parse_toml(path, text)?;
    let lines = LineIndex::new(text);
    let mut terms: Vec<EnglishTerm> = Vec::with_capacity(file.term.len());
    for spanned in file.term {
        let line = lines.line(spanned.span().start);
        let entry = spanned.into_inner();
        if entry.zh.trim().is_empty() {
            return Err(bad(path, line, "`zh` is empty".into()));
        }
        if entry.en.is_empty() || entry.en.iter().any(|en| en.trim().is_empty()) {
            return Err(bad(
                path,
                line,
                format!("`{}` needs English names", entry.zh),
            ));
        }
        if terms.iter().any(|term| term.zh == entry.zh) {
            return Err(bad(path, line, format!("`{}` is listed twice", entry.zh)));
        }
        terms.push(entry);
    }
    Ok(terms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_load_and_bad_ones_say_where() {
        let path = Path::new("phrases.toml");
        let phrases = parse_phrases(
            path,
            "[[phrase]]\nsay = [\"咋\"]\nmeans = \"怎么\"\n\n[[phrase]]\nsay = [\"俺\"]\nmeans = \"\"\n",
        )
        .expect("valid");
        assert_eq!(phrases.len(), 2);
        assert_eq!(phrases[1].means, "");
        let error = parse_phrases(path, "\n[[phrase]]\nsay = []\nmeans = \"x\"\n").unwrap_err();
        assert!(error.to_string().contains("line 2"), "{error}");
        assert!(parse_phrases(path, "[[phrase]]\nsay = [\"a\"]\n").is_err());
    }

    #[test]
    fn a_class_is_filled_in_by_each_of_its_words() {
        let path = Path::new("phrases.toml");
        let text = "[class]\ndegree = [\"老\", \"忒\"]\nadjective = [\"多\", \"高\"]\n\n\
                    [[phrase]]\nsay = [\"{degree}{adjective}\"]\nmeans = \"很{adjective}\"\n";
        let phrases = parse_phrases(path, text).expect("valid");
        let pairs: Vec<(&str, &str)> = phrases
            .iter()
            .map(|phrase| (phrase.say[0].as_str(), phrase.means.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("老多", "很多"),
                ("老高", "很高"),
                ("忒多", "很多"),
                ("忒高", "很高")
            ]
        );
        let unknown = "\n[[phrase]]\nsay = [\"{verb}了\"]\nmeans = \"了\"\n";
        let error = parse_phrases(path, unknown).unwrap_err().to_string();
        assert!(
            error.contains("line 2") && error.contains("verb"),
            "{error}"
        );
        let means_only = "[class]\nv = [\"弄\"]\n[[phrase]]\nsay = [\"咋\"]\nmeans = \"{v}\"\n";
        assert!(parse_phrases(path, means_only).is_err());
        let unclosed = "[class]\nv = [\"弄\"]\n[[phrase]]\nsay = [\"{v\"]\nmeans = \"\"\n";
        assert!(parse_phrases(path, unclosed).is_err());
    }

    #[test]
    fn english_terms_load_and_duplicates_are_refused() {
        let path = Path::new("english.toml");
        let terms = parse_english(
            path,
            "[[term]]\nzh = \"生产总值\"\nen = [\"gross domestic product\", \"GDP\"]\nkind = \"indicator\"\n",
        )
        .expect("valid");
        assert_eq!(terms[0].name(), "gross domestic product");
        let twice = "[[term]]\nzh = \"a\"\nen = [\"b\"]\n[[term]]\nzh = \"a\"\nen = [\"c\"]\n";
        assert!(parse_english(path, twice)
            .unwrap_err()
            .to_string()
            .contains("twice"));
        assert!(parse_english(path, "[[term]]\nzh = \"a\"\nen = []\n").is_err());
    }

    #[test]
    fn the_embedded_lists_load() {
        let source = KnowledgeSource::Embedded;
        assert!(load_phrases(&source).expect("phrases.toml").len() >= 10);
        let english = load_english(&source).expect("english.toml");
        assert!(english.len() >= 100);
        assert!(english.iter().any(|term| term.zh == "放管服效"));
    }
}
