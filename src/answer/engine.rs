//! The engine: a question in a person's own words → a typed [`Answer`] with cited excerpts.
//!
//! tantivy's BM25 proposes candidates; they are then scored on what decides a good answer here: how much of
//! the question's topic a unit actually covers (with aliases), whether it is the kind of unit the question
//! asks for (a number, a definition) and whether it is about the right year. A question whose best unit
//! covers too little of it is not answered, rather than answered with a random paragraph.

use std::collections::{BTreeSet, HashSet};
use std::ops::Range;
use std::path::Path;

use crate::knowledge::{FigureKind, GlossaryEntry, Indicator, KnowledgeError, Library};
use crate::search::index::{DocWords, IndexError, SearchIndex};
use crate::search::normalize::{fold_for_search, is_han, is_question_word};
use crate::search::question::{AliasPair, Intent, QueryError, Question, QuestionReader};
use crate::search::tokenizer::{shared_jieba, JiebaTokenizer, TokenizerError, Word};

use super::catalog::{
    glossary_answer, glossary_citation, indicator_answer, paragraph, Catalog, SentenceAt, Unit,
};
use super::lexicon::{
    known_years, read_base_dictionary, report_terms, report_text, segmenter_dictionary, translates,
};
use super::scoring::{coverage, time_fit, year_match, TopicWord};
use super::types::{Answer, Hit, HitKind, Passage, Unanswered};

/// Hits shown per answer (and per "more results" page).
pub const HITS_PER_PAGE: usize = 3;
/// Candidates taken from BM25 for re-scoring.
const CANDIDATES: usize = 30;
/// Questions longer than this (in characters) are cut: nobody asks a question that long.
const MAX_QUESTION_CHARS: usize = 200;
/// The share of the question's topic the best unit must cover for the question to count as answered.
const ANSWER_COVERAGE: f32 = 0.62;
/// Particles and auxiliaries jieba's HMM glues to verbs.
const PARTICLES: &[char] = &[
    '了', '吗', '呢', '吧', '啊', '呀', '要', '能', '会', '得', '过', '着', '的', '没',
];
/// "Who" questions need a closer match: the report names almost nobody, so a partial match is a guess.
const PERSON_COVERAGE: f32 = 0.85;
/// The coverage of a glossary entry whose term a definition question names.
const NAMED_TERM_COVERAGE: f32 = 0.8;
/// The weight of the unit a number is asked in, as a word of the question.
const UNIT_WEIGHT: f32 = 2.0;
/// How much of its sentence's coverage an indicator record inherits.
const SENTENCE_SHARE: f32 = 0.9;
/// The weight of an everyday word the report does not use.
const COMMON_WORD_WEIGHT: f32 = 2.0;
/// The weight of an English word the aliases do not know.
const ENGLISH_WORD_WEIGHT: f32 = 1.0;
/// jieba's frequency above which a word counts as everyday Chinese.
const COMMON_WORD_FREQUENCY: usize = 1000;
/// Further hits must cover at least this share of the question too.
const HIT_COVERAGE: f32 = 0.5;

/// Why an engine could not be built.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Knowledge(#[from] KnowledgeError),
    #[error("cannot read {path}: {source}")]
    BaseDictionary {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Tokenizer(#[from] TokenizerError),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error(transparent)]
    Index(#[from] IndexError),
}

/// Answers questions about the loaded reports. Immutable once built; share it as `Arc<Engine>`.
pub struct Engine {
    library: Library,
    reader: QuestionReader,
    index: SearchIndex,
    catalog: Catalog,
    /// Years some report has something on (figures, or the year written in its text).
    known_years: BTreeSet<i32>,
    /// The words of the reports' titles (西平县, 政府工作报告): the subject of every unit, they say little.
    title_words: HashSet<String>,
    /// The words the knowledge taught jieba (user dictionary, glossary terms, metrics): never everyday words.
    own_words: HashSet<String>,
    /// Alias terms no unit of the reports has (人均生产总值 where the report only gives 生产总值): things
    /// people ask about that the reports do not report.
    absent_terms: HashSet<String>,
}

/// A candidate unit with its scores.
#[derive(Debug, Clone, Copy)]
struct Scored {
    doc: u32,
    coverage: f32,
    score: f32,
    /// The unit is about another year than the question asks for.
    conflict: bool,
}

/// The question understood and its candidates ranked.
struct Ranking {
    question: Question,
    /// Term ids of every question word (for marking matches).
    question_terms: Vec<u32>,
    ranked: Vec<Scored>,
}

impl Engine {
    /// Builds the in-RAM index over every report of `library`, segmenting with jieba's full dictionary.
    pub fn new(library: Library) -> Result<Engine, EngineError> {
        Engine::with_base_dictionary(library, None)
    }

    /// Loads the knowledge folder and builds the engine over it, with the folder's smaller base dictionary
    /// for jieba when it has one ([`BASE_DICTIONARY_FILE`]).
    pub fn load(knowledge_dir: &Path) -> Result<Engine, EngineError> {
        let base = read_base_dictionary(knowledge_dir)?;
        Engine::with_base_dictionary(Library::load(knowledge_dir)?, base.as_deref())
    }

    /// Builds the engine with `base` (jieba's dictionary format) instead of jieba's own dictionary.
    pub fn with_base_dictionary(
        library: Library,
        base: Option<&str>,
    ) -> Result<Engine, EngineError> {
        let latest = library.latest();
        let report_year = latest.meta.year;
        let dictionary = segmenter_dictionary(&library);
        let own_words: HashSet<String> = dictionary
            .lines()
            .filter_map(|line| line.split_whitespace().next())
            .map(fold_for_search)
            .collect();
        let started = std::time::Instant::now();
        let jieba = shared_jieba(base, &dictionary)?;
        let jieba_ms = started.elapsed().as_secs_f64() * 1e3;
        let tokenizer = JiebaTokenizer::new(jieba);

        let report_text = report_text(&library);
        // A glossary term is defined by the report: it is never rewritten into something else.
        let glossary_terms: HashSet<&str> = library
            .reports
            .iter()
            .flat_map(|report| &report.glossary)
            .map(|entry| entry.term.as_str())
            .collect();
        let aliases = library
            .aliases
            .iter()
            .flat_map(|entry| {
                entry.variants.iter().map(|variant| AliasPair {
                    variant,
                    canonical: &entry.canonical,
                })
            })
            .filter(|pair| {
                translates(pair.variant, &report_text) && !glossary_terms.contains(pair.variant)
            });
        let terms = report_terms(&library);
        let started = std::time::Instant::now();
        let reader = QuestionReader::new(report_year, aliases, terms.iter().map(String::as_str))?;
        let reader_ms = started.elapsed().as_secs_f64() * 1e3;
        let catalog = Catalog::new(&library);
        let docs = catalog.index_docs(&library, &reader);
        let docs_ms = started.elapsed().as_secs_f64() * 1e3 - reader_ms;
        let index = SearchIndex::build(tokenizer, &docs)?;
        let index_ms = started.elapsed().as_secs_f64() * 1e3 - reader_ms - docs_ms;

        let absent_terms: HashSet<String> = library
            .aliases
            .iter()
            .map(|entry| fold_for_search(&entry.canonical))
            .filter(|term| index.term_id(term).is_none())
            .collect();
        let known_years = known_years(&library);
        let title_words: HashSet<String> = library
            .reports
            .iter()
            .flat_map(|report| index.tokenizer().words(&report.meta.title))
            .map(|word| word.text.into_owned())
            .collect();
        tracing::debug!(
            units = index.len(),
            typo_terms = terms.len(),
            jieba_ms,
            reader_ms,
            docs_ms,
            index_ms,
            "engine built"
        );
        Ok(Engine {
            library,
            reader,
            index,
            catalog,
            known_years,
            title_words,
            own_words,
            absent_terms,
        })
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The direct answer (when an indicator or glossary entry matches) and up to three cited hits.
    pub fn ask(&self, question: &str) -> Answer {
        self.ask_more(question, 0)
    }

    /// The hits after the first `offset` ones ("more results"); the direct answer only comes with the first
    /// page.
    pub fn ask_more(&self, question: &str, offset: usize) -> Answer {
        let text = match question.char_indices().nth(MAX_QUESTION_CHARS) {
            Some((end, _)) => &question[..end],
            None => question,
        };
        let mut answer = Answer {
            question: question.to_owned(),
            answered: false,
            answer: None,
            hits: Vec::new(),
            glossary_refs: Vec::new(),
            suggestions: Vec::new(),
            unanswered: None,
        };
        let understood = self.reader.read(text);
        if understood.is_empty() && !understood.asks_practical {
            return self.refuse(answer, Unanswered::EmptyQuestion);
        }
        if understood.asks_practical {
            return self.refuse(answer, Unanswered::NotInReport);
        }
        if let Some(&year) = understood
            .time
            .years
            .iter()
            .find(|year| !self.known_years.contains(year))
        {
            return self.refuse(answer, Unanswered::YearNotCovered { year });
        }
        let mut ranking = self.rank(understood);
        if !self.confident(&ranking) {
            // One wrong character in a known term: try again with it corrected.
            let is_word = |word: &str| self.index.tokenizer().knows(word);
            if let Some(corrected) = self.reader.read_corrected(&ranking.question, &is_word) {
                let retry = self.rank(corrected);
                if self.confident(&retry) {
                    ranking = retry;
                }
            }
        }
        if !self.confident(&ranking) {
            return self.refuse(answer, Unanswered::NotInReport);
        }
        let shown = self.distinct_hits(&ranking, offset + HITS_PER_PAGE);
        if shown.is_empty() {
            // Every candidate was dropped for its year or kind: nothing left to cite is no answer.
            return self.refuse(answer, Unanswered::NotInReport);
        }
        answer.answered = true;
        if offset == 0 {
            answer.answer = shown
                .first()
                .and_then(|scored| self.direct_answer(scored.doc));
        }
        answer.hits = shown
            .iter()
            .skip(offset)
            .take(HITS_PER_PAGE)
            .map(|scored| self.hit(scored, &ranking.question_terms))
            .collect();
        answer.glossary_refs = self.glossary_refs(&answer.hits);
        answer
    }

    /// The whole paragraph around a sentence, paragraph or indicator id, or a glossary entry by its id.
    pub fn passage(&self, id: &str) -> Option<Passage> {
        let (at, focus_sentence) = if let Some(at) = self.catalog.sentence_at(id) {
            (at, true)
        } else if let Some(at) = self.catalog.paragraph_at(id) {
            (at, false)
        } else {
            match self.catalog.unit(self.catalog.doc_of(id)?) {
                Unit::Indicator {
                    sentence: Some(at), ..
                } => (at, true),
                Unit::Glossary { report, index } => {
                    let report = &self.library.reports[report];
                    let entry = &report.glossary[index];
                    return Some(Passage {
                        id: entry.id.clone(),
                        text: glossary_answer(entry),
                        citation: glossary_citation(report, entry),
                        focus: None,
                    });
                }
                Unit::Indicator { sentence: None, .. } | Unit::Sentence(_) => return None,
            }
        };
        let paragraph = paragraph(&self.library, at);
        let mut text = String::new();
        let mut focus = None;
        for (i, sentence) in paragraph.sentences.iter().enumerate() {
            let start = text.len();
            text.push_str(&sentence.text);
            if focus_sentence && i == at.sentence {
                focus = Some(start..text.len());
            }
        }
        let citation = paragraph
            .sentences
            .get(at.sentence)
            .map(|sentence| sentence.citation.clone())
            .unwrap_or_default();
        Some(Passage {
            id: paragraph.id.clone(),
            text,
            citation,
            focus,
        })
    }

    /// A glossary entry by its term: exact, through an alias, in traditional characters or with one wrong
    /// character.
    pub fn find_glossary(&self, term: &str) -> Option<&GlossaryEntry> {
        let glossary = self.glossary();
        let wanted = fold_for_search(term);
        let exact = |text: &str| {
            let text = text.split_whitespace().collect::<String>();
            glossary
                .iter()
                .find(|entry| fold_for_search(&entry.term) == text)
        };
        exact(&wanted)
            .or_else(|| exact(&self.reader.rewrite(&wanted)))
            .or_else(|| {
                let question = self.reader.read(&wanted);
                let is_word = |word: &str| self.index.tokenizer().knows(word);
                let corrected = self.reader.read_corrected(&question, &is_word)?;
                exact(&corrected.normalized)
            })
    }

    /// The glossary of the newest report.
    pub fn glossary(&self) -> &[GlossaryEntry] {
        self.library
            .reports
            .last()
            .map_or(&[][..], |report| &report.glossary)
    }

    /// The main targets of the newest report, in report order.
    pub fn targets(&self) -> Vec<&Indicator> {
        self.latest_indicators(|kind| kind == FigureKind::MainTarget)
    }

    /// The newest report's figures about the past: results, yearly averages, changes, five-year totals.
    pub fn results(&self) -> Vec<&Indicator> {
        self.latest_indicators(|kind| {
            matches!(
                kind,
                FigureKind::Result
                    | FigureKind::YearlyAverage
                    | FigureKind::ChangeSinceBase
                    | FigureKind::FiveYearTotal
            )
        })
    }

    fn latest_indicators(&self, wanted: impl Fn(FigureKind) -> bool) -> Vec<&Indicator> {
        self.library
            .reports
            .last()
            .map(|report| {
                report
                    .indicators
                    .iter()
                    .filter(|indicator| wanted(indicator.kind))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn refuse(&self, mut answer: Answer, why: Unanswered) -> Answer {
        answer.answered = false;
        answer.unanswered = Some(why);
        answer.suggestions = self.suggestions();
        answer
    }

    /// Topics the newest report covers and a few of its glossary terms, to try instead.
    fn suggestions(&self) -> Vec<String> {
        let report = self.library.latest();
        let topics = report
            .sections()
            .filter(|section| !section.numeral.is_empty())
            .map(|section| section.short_title.clone());
        let terms = report
            .glossary
            .iter()
            .take(3)
            .map(|entry| entry.term.clone());
        topics.chain(terms).collect()
    }

    fn confident(&self, ranking: &Ranking) -> bool {
        // "几个专班? 谁当组长": a number asked with the person is answered like a number.
        let needed = if ranking.question.asks_person && ranking.question.intent != Intent::Number {
            PERSON_COVERAGE
        } else {
            ANSWER_COVERAGE
        };
        let question = &ranking.question;
        let counts = question.intent == Intent::Number && question.unit_hint.is_some();
        ranking.ranked.first().is_some_and(|best| {
            // "多少家 / 几个" is answered by a figure: a unit that writes none does not answer it.
            best.coverage >= needed && (!counts || self.writes_a_number(best.doc))
        })
    }

    /// Whether a unit writes a number in digits (a sentence, a glossary entry) or is a figure with one.
    fn writes_a_number(&self, doc: u32) -> bool {
        match self.catalog.unit(doc) {
            Unit::Sentence(_) => self.catalog.has_digits(doc),
            Unit::Indicator { report, index, .. } => self.library.reports[report].indicators[index]
                .number
                .is_some(),
            Unit::Glossary { report, index } => self.library.reports[report].glossary[index]
                .explanation
                .bytes()
                .any(|b| b.is_ascii_digit()),
        }
    }

    /// Understands the question's words and ranks the candidates.
    fn rank(&self, mut question: Question) -> Ranking {
        let tokenizer = self.index.tokenizer();
        let mut words = tokenizer.words_of_normalized(&question.search_text);
        if let Some(joined) = self.join_split_alias(&question.search_text, &words) {
            drop(words);
            question.search_text = joined;
            words = tokenizer.words_of_normalized(&question.search_text);
        }
        let mut question_terms: Vec<u32> = words
            .iter()
            .filter(|word| !is_question_word(&word.text))
            .filter_map(|word| self.index.term_id(&word.text))
            .collect();
        question_terms.sort_unstable();
        question_terms.dedup();

        let topic = self.topic_words(&question, &words);
        let mut query: Vec<(&str, f32)> = Vec::new();
        for word in &words {
            if is_question_word(&word.text) || query.iter().any(|(w, _)| *w == word.text) {
                continue;
            }
            let weight = if question.is_soft(&word.text) {
                0.3
            } else {
                1.0
            };
            query.push((&word.text, weight));
        }
        let mut candidates = self.index.search(&query, CANDIDATES);
        if let (Intent::Number, Some(units)) = (question.intent, question.unit_hint) {
            // The figures in the unit asked for are candidates even when no word of the question
            // names them (多少公里路: 路 is not a word of 通村公路).
            for doc in self.catalog.indicators_in(units) {
                if !candidates.iter().any(|&(known, _)| known == doc) {
                    candidates.push((doc, 0.0));
                }
            }
        }
        let best_bm25 = candidates
            .first()
            .map_or(1.0, |&(_, score)| score.max(1e-3));
        // A number asked in a unit (多少公里) is answered by a figure in that unit: the unit counts as one
        // more word of the question.
        let unit_hint = question
            .unit_hint
            .filter(|_| question.intent == Intent::Number);
        let topic_weight: f32 = topic.iter().map(|word| word.weight).sum();
        let doc_coverage = |doc: u32| {
            // A "who" question wants its words as words: 委 inside 省委书记 is not 县委.
            let has_char = |c: char| {
                !question.asks_person && self.catalog.text_has_char(&self.library, doc, c)
            };
            let words = coverage(&topic, self.index.doc_words(doc), &has_char);
            match unit_hint {
                Some(units) if topic_weight > 0.0 => {
                    let unit = if self.catalog.states_figure_in(doc, units) {
                        UNIT_WEIGHT
                    } else {
                        0.0
                    };
                    (words * topic_weight + unit) / (topic_weight + UNIT_WEIGHT)
                }
                _ => words,
            }
        };
        // Figures of one sentence share its coverage: computed once per sentence.
        let mut sentence_coverage: Vec<(u32, f32)> = Vec::new();
        let mut ranked: Vec<Scored> = candidates
            .into_iter()
            .map(|(doc, bm25)| {
                // A figure is as relevant as the sentence that states it, nearly.
                let own = doc_coverage(doc);
                let coverage = match self.catalog.sentence_doc(doc) {
                    Some(sentence) => {
                        let of_sentence =
                            match sentence_coverage.iter().find(|(d, _)| *d == sentence) {
                                Some(&(_, known)) => known,
                                None => {
                                    let computed = doc_coverage(sentence);
                                    sentence_coverage.push((sentence, computed));
                                    computed
                                }
                            };
                        own.max(SENTENCE_SHARE * of_sentence)
                    }
                    None => own,
                };
                // A definition asked for a term the glossary defines is answered by that entry, even
                // when the question names two terms (六稳六保是什么).
                let coverage = match self.catalog.unit(doc) {
                    Unit::Glossary { report, index }
                        if question.intent == Intent::Definition
                            && self.names(
                                &self.library.reports[report].glossary[index],
                                &question,
                            ) =>
                    {
                        coverage.max(NAMED_TERM_COVERAGE)
                    }
                    _ => coverage,
                };
                // The item a question numbers (第六件) of a list it names is that item.
                let coverage = match self.catalog.unit(doc) {
                    Unit::Indicator { report, index, .. }
                        if question.ordinal.is_some()
                            && self.library.reports[report].indicators[index].item
                                == question.ordinal
                            && coverage >= HIT_COVERAGE =>
                    {
                        coverage.max(NAMED_TERM_COVERAGE)
                    }
                    _ => coverage,
                };
                // Unless a number is asked for, a figure ranks on its own words: the sentence
                // itself says more.
                let rank_coverage = if question.intent == Intent::Number {
                    coverage
                } else {
                    own
                };
                let (fit, conflict) = self.fit(&question, &question_terms, doc, coverage);
                Scored {
                    doc,
                    coverage,
                    // Below the answering line a unit is a guess: it ranks after every unit above it.
                    score: 4.0 * rank_coverage
                        + bm25 / best_bm25
                        + fit
                        + if coverage < ANSWER_COVERAGE {
                            -2.0
                        } else {
                            0.0
                        },
                    conflict,
                }
            })
            // A number for another year is no answer to "how much in year X".
            .filter(|scored| !(scored.conflict && question.intent == Intent::Number))
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
        if tracing::enabled!(tracing::Level::DEBUG) {
            self.trace_ranking(&question, &topic, &ranked);
        }
        Ranking {
            question,
            question_terms,
            ranked,
        }
    }

    fn trace_ranking(&self, question: &Question, topic: &[TopicWord], ranked: &[Scored]) {
        let topic: Vec<String> = topic
            .iter()
            .map(|word| format!("{}:{:.1}", word.text, word.weight))
            .collect();
        let top: Vec<String> = ranked
            .iter()
            .take(5)
            .map(|scored| {
                format!(
                    "{} cov {:.2} score {:.2}",
                    self.catalog.id(scored.doc),
                    scored.coverage,
                    scored.score
                )
            })
            .collect();
        tracing::debug!(search = %question.search_text, ?topic, ?top, unit = ?question.unit_hint, "ranked");
    }

    /// The question's topic words: maximal words (not inside a longer one), question words dropped, each
    /// weighted by how rare it is in the report.
    fn topic_words<'a>(
        &self,
        question: &Question,
        words: &'a [crate::search::tokenizer::Word<'a>],
    ) -> Vec<TopicWord<'a>> {
        let total = self.index.len() as f32;
        let mut topic: Vec<TopicWord<'a>> = Vec::new();
        // Soft words (目标, 措施, 达到) say what kind of answer is wanted; they are the topic only when
        // nothing else is.
        let firm = words
            .iter()
            .any(|word| !is_question_word(&word.text) && !question.is_soft(&word.text));
        let soft_factor = if firm { 0.3 } else { 1.0 };
        let mut seen: Vec<&str> = Vec::new();
        for word in words {
            if is_question_word(&word.text) || seen.contains(&&*word.text) {
                continue;
            }
            let inside_longer = words.iter().any(|other| {
                other.start <= word.start
                    && word.end <= other.end
                    && other.end - other.start > word.end - word.start
                    && !is_question_word(&other.text)
            });
            if inside_longer {
                continue;
            }
            seen.push(&word.text);
            let term = self.index.term_id(&word.text);
            let df = term.map_or(0, |t| self.index.doc_freq(t)) as f32;
            let mut weight = (1.0 + (total - df + 0.5) / (df + 0.5)).ln();
            let single = word.text.chars().count() == 1 && word.text.chars().all(is_han);
            if term.is_none() && !single && self.is_common_word(&word.text) {
                // An everyday word the report never uses is usually the asker's own phrasing
                // (出名, 包括, 岗位), not a topic the report lacks.
                weight = weight.min(COMMON_WORD_WEIGHT);
            }
            if term.is_none()
                && word.text.bytes().all(|b| b.is_ascii_alphabetic())
                && !question
                    .acronyms
                    .iter()
                    .any(|acronym| *acronym == word.text)
            {
                // English the aliases did not turn into the report's words is mostly the sentence
                // around them (built, planned, produce); the topic words were translated. Acronyms
                // written in capitals (CPI, PMI) stay: they name a topic.
                weight = weight.min(ENGLISH_WORD_WEIGHT);
            }
            if question.counts.iter().any(|count| *count == word.text) {
                weight = weight.min(COMMON_WORD_WEIGHT);
            }
            if question.is_soft(&word.text) || question.how_verb.as_deref() == Some(&*word.text) {
                weight *= soft_factor;
            }
            if self.title_words.contains(&*word.text) {
                weight *= 0.2;
            }
            if single && self.index.tokenizer().is_noun(&word.text) {
                // A one-character noun (税, 路) names a thing; one-character verbs (改, 建) say little.
                weight *= 0.6;
            } else if single || term.is_none() && Self::is_glued_particle(&word.text) {
                weight *= 0.25;
            }
            // A thing the report does not report is not said by its parts either: 人均生产总值 is
            // neither 人均可支配收入 nor 生产总值.
            let absent = term.is_none() && self.absent_terms.contains(&*word.text);
            let parts = words
                .iter()
                .filter(|_| !absent)
                .filter(|part| {
                    word.start <= part.start
                        && part.end <= word.end
                        && part.end - part.start < word.end - word.start
                })
                .filter_map(|part| {
                    let id = self.index.term_id(&part.text)?;
                    Some((id, part.start - word.start..part.end - word.start))
                })
                .collect();
            topic.push(TopicWord {
                single: if single || term.is_none() && Self::is_glued_particle(&word.text) {
                    word.text.chars().find(|c| !PARTICLES.contains(c))
                } else {
                    None
                },
                text: &word.text,
                term,
                weight,
                parts,
                len: word.end - word.start,
            });
        }
        topic
    }

    /// The search text with two topic words that a question word or particle keeps apart joined into the
    /// report term they say together (农民 … 收入 → 农村居民人均可支配收入, 经济能涨 → 生产总值 增长), when
    /// they do.
    fn join_split_alias(&self, text: &str, words: &[Word<'_>]) -> Option<String> {
        // Maximal topic words, a particle glued to an end trimmed (能涨 → 涨).
        let topic: Vec<(&str, &Word<'_>)> = words
            .iter()
            .filter(|word| !is_question_word(&word.text))
            .filter(|word| {
                !words.iter().any(|other| {
                    other.start <= word.start
                        && word.end <= other.end
                        && other.end - other.start > word.end - word.start
                })
            })
            .map(|word| {
                let trimmed = word.text.trim_matches(PARTICLES);
                (
                    if trimmed.is_empty() {
                        &*word.text
                    } else {
                        trimmed
                    },
                    word,
                )
            })
            .collect();
        let mut phrase = String::new();
        topic.windows(2).find_map(|pair| {
            let [(first, a), (second, b)] = pair else {
                return None;
            };
            if a.end == b.start && first.len() == a.text.len() && second.len() == b.text.len() {
                // Written together already: the reader has read them.
                return None;
            }
            phrase.clear();
            phrase.push_str(first);
            phrase.push_str(second);
            let canonical = self.reader.canonical_of(&phrase)?;
            Some(format!(
                "{} {canonical} {}",
                &text[..a.start],
                &text[b.end..]
            ))
        })
    }

    /// jieba glues a one-character verb to particles (建了, 要建, 好了吗): that is one character of topic,
    /// not an unknown name.
    fn is_glued_particle(word: &str) -> bool {
        let content = word.chars().filter(|c| !PARTICLES.contains(c)).count();
        content <= 1 && word.chars().count() > 1
    }

    fn is_common_word(&self, word: &str) -> bool {
        word.chars().all(is_han)
            && !self.own_words.contains(word)
            // A name (河南省, 郑州) is a topic, however common.
            && !self.index.tokenizer().is_name(word)
            && self
                .index
                .tokenizer()
                .frequency(word)
                .is_some_and(|frequency| frequency >= COMMON_WORD_FREQUENCY)
    }

    /// What the question's intent and time say about a unit, on top of its coverage, and whether the unit is
    /// about another year than the one asked for.
    fn fit(
        &self,
        question: &Question,
        question_terms: &[u32],
        doc: u32,
        coverage: f32,
    ) -> (f32, bool) {
        let years = &question.time.years;
        match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => {
                let indicator = &self.library.reports[report].indicators[index];
                let intent = match question.intent {
                    Intent::Number => 0.6,
                    Intent::Definition => -0.3,
                    Intent::General => 0.0,
                };
                let how = if question.asks_how { -0.3 } else { 0.0 };
                let item = match (question.ordinal, indicator.item) {
                    (Some(wanted), Some(item)) if wanted == item => 1.0,
                    (Some(_), Some(_)) => -0.5,
                    _ => 0.0,
                };
                let conflict = year_match(years, indicator.period) == Some(false);
                (
                    intent
                        + how
                        + item
                        + 0.5 * self.name_precision(doc, question_terms)
                        + time_fit(question, indicator.kind, indicator.period),
                    conflict,
                )
            }
            Unit::Glossary { report, index } => {
                let entry = &self.library.reports[report].glossary[index];
                let named = coverage > 0.0 && self.names(entry, question);
                let fit = match (question.intent, named) {
                    (Intent::Definition, true) => 1.5,
                    (Intent::Definition, false) => 0.2,
                    // How something is done is the plan's to say, not the definition's.
                    (Intent::General, true) if question.asks_how => 0.0,
                    (Intent::General, true) => 0.8,
                    (Intent::Number, _) => -0.3,
                    (Intent::General, false) => 0.0,
                };
                (fit, false)
            }
            Unit::Sentence(at) => {
                let figures = self.catalog.figures(doc);
                let how = if question.asks_how { 0.4 } else { 0.0 };
                // 第六件 of a list: the sentence numbered 6, not the list's heading.
                let how = how
                    + question.ordinal.map_or(0.0, |wanted| {
                        if paragraph(&self.library, at).sentences[at.sentence].item == Some(wanted)
                        {
                            1.0
                        } else {
                            -0.5
                        }
                    });
                if figures.is_empty() {
                    let year_named = years
                        .iter()
                        .any(|year| self.catalog.written_years(doc).contains(year));
                    // A number question wants a number.
                    let numberless =
                        question.intent == Intent::Number && !self.catalog.has_digits(doc);
                    // Without figures of its own, a sentence is about the years of its part.
                    let part_year = match self.catalog.part_period(doc) {
                        Some(period) if !year_named => match year_match(years, period) {
                            Some(true) => 0.2,
                            Some(false) => -0.2,
                            // 取得了什么成绩 asks about the years under review, 目标 about the plan.
                            None => {
                                let plan_year = self.reader.report_year();
                                let past = period.last_year() < plan_year;
                                match (question.wants_result, question.wants_target) {
                                    (true, false) if past => 0.2,
                                    (false, true) if !past => 0.2,
                                    (true, false) | (false, true) => -0.2,
                                    _ => 0.0,
                                }
                            }
                        },
                        _ => 0.0,
                    };
                    let fit = if year_named { 0.3 } else { 0.0 } + part_year + how
                        - if numberless { 0.5 } else { 0.0 };
                    return (fit, false);
                }
                // A sentence is about the years of the figures it states.
                let fit = figures
                    .iter()
                    .map(|&(kind, period)| time_fit(question, kind, period))
                    .fold(f32::MIN, f32::max);
                let conflict = !years.is_empty()
                    && figures
                        .iter()
                        .all(|&(_, period)| year_match(years, period) == Some(false));
                (0.5 * fit + how, conflict)
            }
        }
    }

    /// The share of a unit's name (an indicator's metric) the question says: `亿元以上项目` fits "亿元以上项目
    /// 多少个" better than `投资10亿元以上项目` does.
    fn name_precision(&self, doc: u32, question_terms: &[u32]) -> f32 {
        let name = &self.index.doc_words(doc).name;
        if name.is_empty() {
            return 0.0;
        }
        let said = name
            .iter()
            .filter(|term| question_terms.binary_search(term).is_ok())
            .count();
        said as f32 / name.len() as f32
    }

    /// Whether the question names the glossary entry's term.
    fn names(&self, entry: &GlossaryEntry, question: &Question) -> bool {
        self.catalog
            .doc_of(&entry.id)
            .is_some_and(|doc| self.catalog.names_glossary_term(doc, &question.search_text))
    }

    /// Ranked units, one per sentence, each covering enough of the question.
    fn distinct_hits(&self, ranking: &Ranking, wanted: usize) -> Vec<Scored> {
        let mut shown: Vec<Scored> = Vec::new();
        let mut sentences: Vec<SentenceAt> = Vec::new();
        for scored in &ranking.ranked {
            if shown.len() >= wanted {
                break;
            }
            if scored.coverage < HIT_COVERAGE || scored.conflict {
                continue;
            }
            let mut scored = *scored;
            match self.catalog.unit(scored.doc) {
                Unit::Sentence(mut at) => {
                    // A lead phrase alone answers nothing: show the sentence after it (the excerpt keeps
                    // the lead phrase as its context).
                    if let Some(next) = self.body_after_heading(at) {
                        at = next.0;
                        scored.doc = next.1;
                    }
                    if sentences.contains(&at) {
                        continue;
                    }
                    sentences.push(at);
                }
                Unit::Indicator {
                    sentence: Some(at), ..
                } => {
                    // One excerpt per sentence: its other figures are in the direct answer or the
                    // excerpt already.
                    if sentences.contains(&at) {
                        continue;
                    }
                    sentences.push(at);
                }
                Unit::Indicator { sentence: None, .. } | Unit::Glossary { .. } => {}
            }
            shown.push(scored);
        }
        shown
    }

    /// For a heading sentence (the paragraph's lead phrase or a subtopic), the next sentence and its document.
    fn body_after_heading(&self, at: SentenceAt) -> Option<(SentenceAt, u32)> {
        let paragraph = paragraph(&self.library, at);
        let sentence = paragraph.sentences.get(at.sentence)?;
        let bare = sentence.text.trim().trim_end_matches(['。', '.']);
        let heading =
            paragraph.topic.as_deref() == Some(bare) || sentence.subtopic.as_deref() == Some(bare);
        if !heading {
            return None;
        }
        let next = SentenceAt {
            sentence: at.sentence + 1,
            ..at
        };
        let doc = self
            .catalog
            .doc_of(&paragraph.sentences.get(next.sentence)?.id)?;
        Some((next, doc))
    }

    fn direct_answer(&self, doc: u32) -> Option<String> {
        match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => {
                let indicators = &self.library.reports[report].indicators;
                let first = &indicators[index];
                // Figures of one statement (贫困人口全部脱贫: 16406户, 45576名) are one answer.
                let values: Vec<&str> = indicators
                    .iter()
                    .filter(|other| {
                        other.sentence_id == first.sentence_id
                            && other.metric == first.metric
                            && other.kind == first.kind
                    })
                    .map(|other| other.value_text.as_str())
                    .collect();
                let mut answer = indicator_answer(first);
                if values.len() > 1 {
                    answer.truncate(answer.len() - first.value_text.len());
                    answer.push_str(&values.join("、"));
                }
                Some(answer)
            }
            Unit::Glossary { report, index } => Some(glossary_answer(
                &self.library.reports[report].glossary[index],
            )),
            Unit::Sentence(_) => None,
        }
    }

    fn hit(&self, scored: &Scored, question_terms: &[u32]) -> Hit {
        let score = (scored.score * 1000.0).round() / 1000.0;
        match self.catalog.unit(scored.doc) {
            Unit::Sentence(at) => {
                let sentence = &paragraph(&self.library, at).sentences[at.sentence];
                let (excerpt, highlights) = self.excerpt(at, question_terms);
                Hit {
                    kind: HitKind::Passage,
                    id: sentence.id.clone(),
                    text: sentence.text.clone(),
                    excerpt,
                    highlights,
                    citation: sentence.citation.clone(),
                    score,
                }
            }
            Unit::Indicator {
                report,
                index,
                sentence,
            } => {
                let indicator = &self.library.reports[report].indicators[index];
                let text = indicator_answer(indicator);
                let (excerpt, highlights) = match sentence {
                    Some(at) => self.excerpt(at, question_terms),
                    None => (text.clone(), Vec::new()),
                };
                Hit {
                    kind: HitKind::Indicator,
                    id: indicator.id.clone(),
                    text,
                    excerpt,
                    highlights,
                    citation: indicator.citation.clone(),
                    score,
                }
            }
            Unit::Glossary { report, index } => {
                let report_data = &self.library.reports[report];
                let entry = &report_data.glossary[index];
                let words = self.index.doc_words(scored.doc);
                let excerpt = format!("{}:{}", entry.term, entry.explanation);
                let highlights = marks(words, question_terms, 0, excerpt.len());
                Hit {
                    kind: HitKind::Glossary,
                    id: entry.id.clone(),
                    text: glossary_answer(entry),
                    excerpt,
                    highlights,
                    citation: glossary_citation(report_data, entry),
                    score,
                }
            }
        }
    }

    /// The sentence plus the neighbour in its paragraph that shares more of the question (the next one on
    /// a tie), in report order, with the question's words marked.
    fn excerpt(&self, at: SentenceAt, question_terms: &[u32]) -> (String, Vec<Range<usize>>) {
        let paragraph = paragraph(&self.library, at);
        let matches_in = |index: usize| -> Option<usize> {
            paragraph.sentences.get(index)?;
            let doc = self.catalog.sentence_doc_at(SentenceAt {
                sentence: index,
                ..at
            })?;
            Some(
                self.index
                    .doc_words(doc)
                    .main
                    .iter()
                    .filter(|term| question_terms.binary_search(term).is_ok())
                    .count(),
            )
        };
        let previous = at
            .sentence
            .checked_sub(1)
            .and_then(|i| matches_in(i).map(|m| (i, m)));
        let next = matches_in(at.sentence + 1).map(|m| (at.sentence + 1, m));
        let neighbour = match (previous, next) {
            (Some((p, pm)), Some((_, nm))) if pm > nm => Some(p),
            (_, Some((n, _))) => Some(n),
            (Some((p, _)), None) => Some(p),
            (None, None) => None,
        };
        let mut order = vec![at.sentence];
        if let Some(n) = neighbour {
            order.push(n);
            order.sort_unstable();
        }
        let mut excerpt = String::new();
        let mut highlights = Vec::new();
        for index in order {
            let sentence = &paragraph.sentences[index];
            let offset = excerpt.len();
            excerpt.push_str(&sentence.text);
            if let Some(doc) = self.catalog.sentence_doc_at(SentenceAt {
                sentence: index,
                ..at
            }) {
                highlights.extend(marks(
                    self.index.doc_words(doc),
                    question_terms,
                    offset,
                    sentence.text.len(),
                ));
            }
        }
        (excerpt, merge(highlights))
    }

    fn glossary_refs(&self, hits: &[Hit]) -> Vec<String> {
        let mut refs: Vec<String> = Vec::new();
        for hit in hits {
            let ids: Vec<&str> = match hit.kind {
                HitKind::Glossary => vec![hit.id.as_str()],
                HitKind::Passage | HitKind::Indicator => {
                    let sentence_id = match hit.kind {
                        HitKind::Indicator => hit.id.split('#').next().unwrap_or_default(),
                        _ => hit.id.as_str(),
                    };
                    self.catalog
                        .glossary_used_by(sentence_id)
                        .iter()
                        .map(String::as_str)
                        .collect()
                }
            };
            for id in ids {
                if !refs.iter().any(|known| known == id) {
                    refs.push(id.to_owned());
                }
            }
        }
        refs
    }
}

/// Byte ranges (shifted by `offset`) of the unit's words that are question words, within `limit` bytes.
fn marks(
    words: &DocWords,
    question_terms: &[u32],
    offset: usize,
    limit: usize,
) -> Vec<Range<usize>> {
    words
        .spans
        .iter()
        .filter(|span| (span.end as usize) <= limit)
        .filter(|span| question_terms.binary_search(&span.term).is_ok())
        .map(|span| offset + span.start as usize..offset + span.end as usize)
        .collect()
}

/// Sorted, overlapping or touching ranges joined.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|range| (range.start, range.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::{
        AliasEntry, ChangeKind, Paragraph, Part, Period, Qualifier, Report, ReportMeta, Section,
        Sentence,
    };
    use chrono::NaiveDate;

    /// A small report of a made-up county, enough to exercise every kind of unit.
    fn library() -> Library {
        let date = NaiveDate::from_ymd_opt(2030, 3, 1).expect("date");
        let meta = ReportMeta {
            id: "t".into(),
            title: "东山县2030年政府工作报告".into(),
            issuer: "东山县人民政府".into(),
            speaker: "县长".into(),
            meeting: "会议".into(),
            meeting_date: date,
            published: date,
            year: 2030,
            source: "测试".into(),
        };
        let sentence = |id: &str, text: &str, citation: &str| {
            Sentence::new(id.into(), text.into(), None, citation.into())
        };
        let review = "《东山县2030年政府工作报告》一、过去五年";
        let plan = "《东山县2030年政府工作报告》二、今年工作 ›（一）发展农业";
        let parts = vec![
            Part {
                id: "t/1".into(),
                ordinal: 1,
                numeral: "一".into(),
                title: "过去五年".into(),
                sections: vec![Section {
                    id: "t/1.0".into(),
                    ordinal: 0,
                    numeral: String::new(),
                    title: String::new(),
                    short_title: String::new(),
                    paragraphs: vec![Paragraph {
                        id: "t/1.0.1".into(),
                        topic: Some("五年奋斗".into()),
                        sentences: vec![
                            sentence("t/1.0.1.1", "五年奋斗,经济更具规模。", review),
                            sentence(
                                "t/1.0.1.2",
                                "2029年,全县粮食总产达88.8万吨,年均增长3.3%。",
                                review,
                            ),
                            sentence("t/1.0.1.3", "推行“三张清单”制度,扶贫资产管理规范。", review),
                        ],
                    }],
                }],
            },
            Part {
                id: "t/2".into(),
                ordinal: 2,
                numeral: "二".into(),
                title: "今年工作".into(),
                sections: vec![Section {
                    id: "t/2.1".into(),
                    ordinal: 1,
                    numeral: "（一）".into(),
                    title: "发展农业,振兴乡村。".into(),
                    short_title: "发展农业".into(),
                    paragraphs: vec![Paragraph {
                        id: "t/2.1.1".into(),
                        topic: Some("稳定粮食生产".into()),
                        sentences: vec![
                            sentence("t/2.1.1.1", "稳定粮食生产。", plan),
                            sentence(
                                "t/2.1.1.2",
                                "今年粮食总产保持在90万吨以上,建设青石岭农业示范区。",
                                plan,
                            ),
                        ],
                    }],
                }],
            },
        ];
        let indicator =
            |id: &str, value: &str, number: f64, kind, period, sentence_id: &str| Indicator {
                id: id.into(),
                metric: "粮食总产".into(),
                value_text: value.into(),
                number: Some(number),
                unit: Some("万吨".into()),
                qualifier: (kind == FigureKind::MainTarget).then_some(Qualifier::AtLeast),
                change: Some(ChangeKind::Reach),
                kind,
                period,
                group: None,
                item: None,
                sentence_id: sentence_id.into(),
                citation: if sentence_id.starts_with("t/1") {
                    review
                } else {
                    plan
                }
                .into(),
            };
        let indicators = vec![
            indicator(
                "t/1.0.1.2#1",
                "达88.8万吨",
                88.8,
                FigureKind::Result,
                Period::Year { year: 2029 },
                "t/1.0.1.2",
            ),
            Indicator {
                metric: "粮食总产".into(),
                value_text: "年均增长3.3%".into(),
                unit: Some("%".into()),
                ..indicator(
                    "t/1.0.1.2#2",
                    "",
                    3.3,
                    FigureKind::YearlyAverage,
                    Period::Years {
                        from: 2025,
                        to: 2029,
                    },
                    "t/1.0.1.2",
                )
            },
            indicator(
                "t/2.1.1.2#1",
                "保持在90万吨以上",
                90.0,
                FigureKind::MainTarget,
                Period::Year { year: 2030 },
                "t/2.1.1.2",
            ),
        ];
        let glossary = vec![GlossaryEntry {
            id: "t/g1".into(),
            number: 1,
            term: "三张清单".into(),
            explanation: "指责任清单、任务清单、绩效清单。".into(),
            used_in: vec!["t/1.0.1.3".into()],
        }];
        Library::new(
            vec![Report {
                meta,
                parts,
                glossary,
                indicators,
            }],
            vec![AliasEntry {
                canonical: "粮食总产".into(),
                variants: vec!["粮食产量".into(), "grain output".into()],
            }],
            "粮食总产 20 n\n三张清单 20 n\n青石岭 20 ns\n".into(),
        )
        .expect("a library with a report")
    }

    fn engine() -> Engine {
        Engine::new(library()).expect("engine")
    }

    #[test]
    fn the_year_decides_between_a_result_and_a_target() {
        let engine = engine();
        let last_year = engine.ask("去年粮食总产多少");
        assert!(last_year.answered);
        assert_eq!(last_year.hits[0].id, "t/1.0.1.2#1", "{last_year:#?}");
        assert!(last_year
            .answer
            .as_deref()
            .is_some_and(|a| a.contains("88.8万吨")));

        let this_year = engine.ask("今年粮食总产目标是多少");
        assert_eq!(this_year.hits[0].id, "t/2.1.1.2#1", "{this_year:#?}");
        assert_eq!(engine.ask("2030年粮食产量").hits[0].id, "t/2.1.1.2#1");
        assert_eq!(engine.ask("grain output 2029").hits[0].id, "t/1.0.1.2#1");
        assert_eq!(engine.ask("粮食总产年均增长多少").hits[0].id, "t/1.0.1.2#2");
    }

    #[test]
    fn words_kept_apart_still_say_the_term_they_make_together() {
        // 粮食 … 产量 is 粮食产量, an alias of 粮食总产, with the year and 的 in between.
        let answer = engine().ask("粮食去年的产量是多少");
        assert!(answer.answered, "{answer:#?}");
        assert_eq!(answer.hits[0].id, "t/1.0.1.2#1", "{answer:#?}");
    }

    #[test]
    fn a_definition_question_gets_the_glossary_entry() {
        let engine = engine();
        for question in [
            "三张清单是什么意思",
            "什么是三张清单",
            "三张清单指什么",
            "三張清單是啥",
        ] {
            let answer = engine.ask(question);
            assert_eq!(
                answer.hits[0].kind,
                HitKind::Glossary,
                "{question}: {answer:#?}"
            );
            assert!(answer
                .answer
                .as_deref()
                .is_some_and(|a| a.starts_with("三张清单：")));
        }
    }

    #[test]
    fn questions_the_report_does_not_answer_are_refused() {
        let engine = engine();
        for question in ["明天天气怎么样", "县委书记是谁", "今年CPI是多少"] {
            let answer = engine.ask(question);
            assert!(!answer.answered, "{question}: {answer:#?}");
            assert_eq!(answer.unanswered, Some(Unanswered::NotInReport));
            assert!(answer.hits.is_empty() && !answer.suggestions.is_empty());
        }
        let future = engine.ask("2031年粮食总产目标");
        assert_eq!(
            future.unanswered,
            Some(Unanswered::YearNotCovered { year: 2031 })
        );
    }

    #[test]
    fn a_place_is_found_with_its_sentence_and_context() {
        let answer = engine().ask("青石岭农业示范区");
        assert!(answer.answered);
        let hit = &answer.hits[0];
        assert_eq!(hit.id, "t/2.1.1.2");
        assert_eq!(
            hit.excerpt,
            "稳定粮食生产。今年粮食总产保持在90万吨以上,建设青石岭农业示范区。"
        );
        let marked: Vec<&str> = hit
            .highlights
            .iter()
            .map(|r| &hit.excerpt[r.clone()])
            .collect();
        assert!(marked.iter().any(|m| m.contains("青石岭")), "{marked:?}");
    }

    #[test]
    fn one_wrong_character_in_a_known_term_still_finds_it() {
        let answer = engine().ask("三涨清单是什么意思");
        assert!(answer.answered);
        assert_eq!(answer.hits[0].id, "t/g1");
    }

    #[test]
    fn bad_input_never_panics_and_empty_questions_are_refused() {
        let engine = engine();
        for question in ["", "   ", "😀🎉", "\"", ":", "(", "AND", "*", "？？？"] {
            let answer = engine.ask(question);
            assert!(!answer.answered, "{question:?}");
        }
        assert_eq!(engine.ask("").unanswered, Some(Unanswered::EmptyQuestion));
        let long = "粮食总产".repeat(1250);
        let _ = engine.ask(&long);
    }

    #[test]
    fn more_results_continue_after_the_first_page() {
        let engine = engine();
        let first = engine.ask("粮食总产");
        let more = engine.ask_more("粮食总产", 1);
        assert!(first.hits.len() >= 2, "{first:#?}");
        assert_eq!(
            more.hits.first().map(|h| &h.id),
            first.hits.get(1).map(|h| &h.id)
        );
        assert_eq!(more.answer, None);
    }

    #[test]
    fn a_passage_expands_any_unit_id_to_its_paragraph() {
        let engine = engine();
        let passage = engine.passage("t/1.0.1.2#1").expect("indicator passage");
        assert_eq!(passage.id, "t/1.0.1");
        let focus = passage.focus.clone().expect("focus");
        assert!(passage.text[focus].starts_with("2029年"));
        assert_eq!(engine.passage("t/1.0.1.3").expect("sentence").id, "t/1.0.1");
        assert_eq!(engine.passage("t/1.0.1").expect("paragraph").focus, None);
        assert!(engine
            .passage("t/g1")
            .expect("glossary")
            .text
            .starts_with("三张清单"));
        assert_eq!(engine.passage("nope"), None);
    }

    #[test]
    fn glossary_terms_are_found_loosely() {
        let engine = engine();
        for term in ["三张清单", "三張清單", "三涨清单", " 三张清单 "] {
            assert_eq!(
                engine.find_glossary(term).map(|e| e.number),
                Some(1),
                "{term}"
            );
        }
        assert_eq!(engine.find_glossary("五张名单"), None);
        assert_eq!(engine.glossary().len(), 1);
    }

    #[test]
    fn targets_and_results_list_the_newest_report() {
        let engine = engine();
        assert_eq!(engine.targets().len(), 1);
        assert_eq!(engine.results().len(), 2);
        assert_eq!(engine.library().reports.len(), 1);
    }

    #[test]
    fn glossary_entries_used_by_a_hit_are_referenced() {
        let answer = engine().ask("扶贫资产管理");
        assert!(
            answer.glossary_refs.contains(&"t/g1".to_owned()),
            "{answer:#?}"
        );
    }
}
