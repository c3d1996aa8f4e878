//! The engine: a question in a person's own words → a typed [`Answer`] with cited excerpts.
//!
//! tantivy's BM25 proposes candidates; they are then scored on what decides a good answer here: how much of
//! the question's topic a unit actually covers (with aliases), whether it is the kind of unit the question
//! asks for (a number, a definition) and whether it is about the right year. A question whose best unit
//! covers too little of it is not answered, rather than answered with a random paragraph.
//!
//! `mod.rs` builds the engine and runs a question through its steps: `rank` (understanding the question's
//! words and ranking candidates by coverage), `fit` (what intent and time say about a unit), `compose`
//! (the hits, excerpts and direct answer shown). Every tuning number is in `weights`.

mod about;
mod absent;
mod ahead;
mod appendix;
mod asking;
mod base_level;
mod character;
mod compare;
mod compose;
mod computed;
mod counted;
mod coverage;
mod cues;
mod english;
mod enumerated;
mod examples;
mod fit;
mod followup;
mod framing;
mod honours;
mod identity;
mod kind_names;
mod leftover;
mod list_items;
mod lists;
mod meta_ask;
mod near_miss;
mod negated;
mod own_figures;
mod parts;
mod passage;
mod per_unit;
mod per_year;
mod plan_outcome;
mod population;
mod projection;
mod qualifier;
mod rank;
mod review;
mod review_topics;
mod scope;
mod several_terms;
mod side_by_side;
mod sides;
mod stated;
mod structure;
mod sums;
mod term_pieces;
#[cfg(test)]
mod tests;
mod topics;
pub mod weights;
mod when;
mod worked;

use std::collections::{BTreeSet, HashSet};

use rustc_hash::FxHashSet;

use crate::knowledge::{
    counted_variants, FigureKind, GlossaryEntry, Indicator, KnowledgeError, Library,
    ToKnowledgeSource,
};
use crate::search::index::{IndexError, SearchIndex};
use crate::search::normalize::fold_for_search;
use crate::search::question::{AliasPair, Intent, QueryError, Question, QuestionReader};
use crate::search::tokenizer::{shared_jieba, JiebaTokenizer, TokenizerError};

use super::catalog::Catalog;
use super::english::Language;
use super::types::{Answer, Answered, Hit, Outcome, Reading, Refusal, RefusalReason};
use super::vocabulary::{
    known_years, read_base_dictionary, report_terms, report_text, segmenter_dictionary,
    spoken_names, translates, DictionaryError,
};
pub use followup::FollowUp;
use side_by_side::side_by_side_answer;
pub use weights::HITS_PER_PAGE;
use weights::{MAX_QUESTION_CHARS, MIN_METRIC_NAME_CHARS};

/// Why an engine could not be built.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Knowledge(#[from] KnowledgeError),
    #[error(transparent)]
    BaseDictionary(#[from] DictionaryError),
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
    title_words: FxHashSet<String>,
    /// The words the knowledge taught jieba (user dictionary, glossary terms, metrics): never everyday words.
    own_words: FxHashSet<String>,
    /// Alias terms no unit of the reports has (人均生产总值 where the report only gives 生产总值): things
    /// people ask about that the reports do not report.
    absent_terms: FxHashSet<String>,
    /// The English words the knowledge names things by (aliases, english.toml): a word of an English
    /// question outside them names a thing the bot has no name for.
    english_words: absent::EnglishWords,
    /// What the report says of the county's people (`population.rs`).
    county_people: population::CountyPeople,
    /// The terms that name a metric some report gives a figure for (城镇化率, 生产总值): a question that
    /// names one asks about that metric, and a unit that does not speak of it answers something else.
    metric_terms: FxHashSet<u32>,
    /// The newest report's metric names as written, long enough to name one thing (亿元以上项目): a question
    /// that names one asks for its figures, not for the block of the report whose words it shares.
    metric_names: Option<aho_corasick::AhoCorasick>,
    /// Pieces of the newest report's front matter (speaker, meeting) a question about it may name.
    front_words: meta_ask::FrontWords,
    /// The words each block of the newest report owns (农业 the plan's 三农 section): its topic in other
    /// words than its heading's.
    topics: topics::TopicWords,
    /// The nouns sentences name items as examples of (`A、B等产业`): they answer 哪些 + that noun.
    example_nouns: examples::ExampleNouns,
    /// The pieces of glossary terms their entries explain on their own (五湖 of 一渠两园三河五湖).
    term_pieces: term_pieces::TermPieces,
    /// The newest report's glossary terms as questions are compared with them.
    glossary_terms: several_terms::GlossaryTerms,
    /// Each report's sentences folded for search, a line each: where a phrase the question names is
    /// looked up as the report writes it.
    folded_sentences: Vec<String>,
    /// Each report's figures' metrics and glossary explanations folded for search, in the report's order:
    /// questions compare their words with them, and folding them per question cost more than the compare.
    folded_metrics: Vec<Vec<String>>,
    folded_explanations: Vec<Vec<String>>,
    /// The topics each achievement of the newest report's review gathers (脱贫攻坚全面胜利 and what follows).
    review_topics: review_topics::ReviewTopics,
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
    /// The best candidate leaves out a thing the question names and no unit of the report has.
    leaves_out_absent: bool,
}

impl Engine {
    /// Builds the in-RAM index over every report of `library`, segmenting with jieba's full dictionary.
    pub fn new(library: Library) -> Result<Engine, EngineError> {
        Engine::with_base_dictionary(library, None)
    }

    /// Loads the knowledge folder and builds the engine over it, with the folder's smaller base dictionary
    /// for jieba when it has one ([`BASE_DICTIONARY_FILE`](super::vocabulary::BASE_DICTIONARY_FILE)).
    /// `knowledge` is a folder path or a [`KnowledgeSource`](crate::knowledge::KnowledgeSource).
    pub fn load(knowledge: &(impl ToKnowledgeSource + ?Sized)) -> Result<Engine, EngineError> {
        let knowledge = knowledge.to_knowledge_source();
        let base = read_base_dictionary(&knowledge)?;
        Engine::with_base_dictionary(Library::load(&knowledge)?, base.as_deref())
    }

    /// Builds the engine with `base` (jieba's dictionary format) instead of jieba's own dictionary.
    pub fn with_base_dictionary(
        library: Library,
        base: Option<&str>,
    ) -> Result<Engine, EngineError> {
        let latest = library.latest();
        let report_year = latest.meta.year;
        let latest_meta = latest.meta.clone();
        let dictionary = segmenter_dictionary(&library);
        let own_words: FxHashSet<String> = dictionary
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
        // A counted term said with another measure word (五个保障 for 五项保障) is that term.
        let counted: Vec<(String, &str)> = glossary_terms
            .iter()
            .flat_map(|&term| {
                counted_variants(term)
                    .into_iter()
                    .map(move |said| (said, term))
            })
            .filter(|(said, _)| !glossary_terms.contains(said.as_str()))
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
                translates(pair.variant, pair.canonical, &report_text)
                    && !glossary_terms.contains(pair.variant)
            })
            .chain(counted.iter().map(|(said, term)| AliasPair {
                variant: said,
                canonical: term,
            }));
        let terms = report_terms(&library);
        let started = std::time::Instant::now();
        let mut reader =
            QuestionReader::new(report_year, aliases, terms.iter().map(String::as_str))?
                .with_figures_of(&report_text)
                .with_phrases(library.phrases.iter().flat_map(|phrase| {
                    phrase
                        .say
                        .iter()
                        .map(|say| (say.as_str(), phrase.means.as_str()))
                }))?
                // The English names of knowledge/english.toml lead to their terms.
                .with_english(library.english.iter().flat_map(|term| {
                    term.en.iter().map(|name| (name.as_str(), term.zh.as_str()))
                }))?;
        let reader_ms = started.elapsed().as_secs_f64() * 1e3;
        let catalog = Catalog::new(&library);
        let example_nouns = examples::ExampleNouns::new(&library, &catalog);
        let docs = catalog.index_docs(&library, &reader);
        let docs_ms = started.elapsed().as_secs_f64() * 1e3 - reader_ms;
        let index = SearchIndex::build(tokenizer, &docs)?;
        let index_ms = started.elapsed().as_secs_f64() * 1e3 - reader_ms - docs_ms;
        let units = |word: &str| index.term_id(word).map_or(0, |id| index.doc_freq(id));
        let front_words = meta_ask::FrontWords::new(&latest_meta)
            .with_opening(about::behalf_sentence(latest).unwrap_or_default());
        // A question about the report asks in its classes' words, and names the speaker as its front matter does.
        let mut asking: Vec<&str> = meta_ask::asking_words().collect();
        asking.extend(front_words.speaker_words());
        reader.learn_sounds(
            index.words().map(|word| (word, units(word))),
            &spoken_names(&library),
            asking,
            index.tokenizer().clone(),
        );

        let absent_terms: FxHashSet<String> = library
            .aliases
            .iter()
            .map(|entry| fold_for_search(&entry.canonical))
            .filter(|term| index.term_id(term).is_none())
            .collect();
        let metric_terms: FxHashSet<u32> = library
            .reports
            .iter()
            .flat_map(|report| &report.indicators)
            .filter_map(|indicator| index.term_id(&fold_for_search(&indicator.metric)))
            .collect();
        let mut metric_names: Vec<String> = library
            .latest()
            .indicators
            .iter()
            .map(|indicator| fold_for_search(&indicator.metric))
            .filter(|metric| metric.chars().count() >= MIN_METRIC_NAME_CHARS)
            .collect();
        metric_names.sort();
        metric_names.dedup();
        // A contiguous NFA: a DFA's build costs milliseconds at start-up for a table read rarely.
        let metric_names = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
            .build(&metric_names)
            .ok();
        let known_years = known_years(&library);
        let title_words: FxHashSet<String> = library
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
        let topics = topics::TopicWords::new(library.latest());
        let term_pieces = term_pieces::TermPieces::new(library.latest());
        let glossary_terms = several_terms::GlossaryTerms::new(library.latest(), &catalog);
        let review_topics = review_topics::ReviewTopics::new(library.latest());
        let folded_sentences = library
            .reports
            .iter()
            .map(|report| {
                report
                    .sentences()
                    .map(|sentence| fold_for_search(&sentence.text) + "\n")
                    .collect()
            })
            .collect();
        let english_words = absent::EnglishWords::new(&library);
        let county_people = population::CountyPeople::new(&library);
        let folded_metrics = library
            .reports
            .iter()
            .map(|report| {
                report
                    .indicators
                    .iter()
                    .map(|indicator| fold_for_search(&indicator.metric))
                    .collect()
            })
            .collect();
        let folded_explanations = library
            .reports
            .iter()
            .map(|report| {
                report
                    .glossary
                    .iter()
                    .map(|entry| fold_for_search(&entry.explanation))
                    .collect()
            })
            .collect();
        Ok(Engine {
            english_words,
            county_people,
            folded_sentences,
            folded_metrics,
            folded_explanations,
            review_topics,
            glossary_terms,
            term_pieces,
            front_words,
            topics,
            example_nouns,
            library,
            reader,
            index,
            catalog,
            known_years,
            title_words,
            own_words,
            absent_terms,
            metric_terms,
            metric_names,
        })
    }

    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The direct answer (when an indicator or glossary entry matches) and up to a page of cited hits.
    pub fn ask(&self, question: &str) -> Answer {
        self.ask_more(question, 0)
    }

    /// The distinct hits after the first `offset` ones ("more results"); the direct answer only comes with
    /// the first page.
    pub fn ask_more(&self, question: &str, offset: usize) -> Answer {
        Answer {
            question: question.to_owned(),
            outcome: self.outcome(question, offset),
        }
    }

    /// How the engine reads `question` (normalised text, intent, year), without searching.
    pub fn reading(&self, question: &str) -> Reading {
        let understood = self.reader.read(question);
        Reading {
            intent: match understood.intent {
                Intent::Number => "number",
                Intent::Definition => "definition",
                Intent::General => "general",
            },
            year: understood.time.years.first().copied(),
            normalized: understood.normalized,
        }
    }

    fn outcome(&self, question: &str, offset: usize) -> Outcome {
        let text = match question.char_indices().nth(MAX_QUESTION_CHARS) {
            Some((end, _)) => &question[..end],
            None => question,
        };
        let negated = negated::Negated::read(text);
        let understood = self.reader.read(&negated.text);
        if let Some(kind) = about::small_talk(&understood.normalized) {
            return Outcome::SmallTalk(kind);
        }
        if let Some(framed) = self.frame_outcome(&understood, question, offset) {
            return framed;
        }
        let whole = understood.clone();
        // 最后一件, 第几件: the search finds the list by the rest of the question.
        // 除了X还…: what is set aside is no topic to search for.
        let item_ask = list_items::item_ask(&understood.normalized)
            // 排第五的是哪件 numbers the item it asks for.
            .filter(|(ask, _)| {
                !(*ask == list_items::ItemAsk::Which && understood.ordinal.is_some())
            });
        let search = item_ask.as_ref().map(|(_, rest)| rest.as_str());
        let besides = list_items::without_known(search.unwrap_or(&understood.normalized));
        let understood = match besides.as_deref().or(search) {
            Some(text) => self.reader.read(text),
            None => understood,
        };
        if understood.is_empty() && !understood.asks_practical {
            return self.refuse(RefusalReason::EmptyQuestion);
        }
        if understood.asks_practical {
            return self.refuse(RefusalReason::NotInReport);
        }
        if let Some(&year) = understood
            .time
            .years
            .iter()
            .find(|year| !self.known_years.contains(year))
        {
            return self.refuse(RefusalReason::YearNotCovered { year });
        }
        if self.asks_unnamed_person(&understood) {
            return self.refuse(RefusalReason::NotInReport);
        }
        if let Some(stated) = self.stated_outcome(&understood.normalized) {
            return first_page_only(stated, offset);
        }
        let understood = match compare::both_groups_apart(&understood.normalized) {
            Some(apart) => self.reader.read(&apart),
            None => understood,
        };
        let mut ranking = self.rank(understood);
        if let Some(within) = (!self.confident(&ranking))
            .then(|| self.ranked_within_part(&ranking.question))
            .flatten()
        {
            ranking = within;
        }
        if !self.confident(&ranking) {
            // Input errors in known terms (a wrong character, a sound-alike): try again with them repaired,
            // the question's frame first, then its topic.
            let is_word = |word: &str| self.index.tokenizer().knows(word);
            if let Some(framed) = self
                .reader
                .read_corrections(&whole, &is_word)
                .find_map(|corrected| self.frame_outcome(&corrected, question, offset))
            {
                return framed;
            }
            let retried = self
                .reader
                .read_corrections(&ranking.question, &is_word)
                .map(|corrected| self.rank(corrected))
                .find(|retry| self.confident(retry));
            if let Some(retry) = retried {
                ranking = retry;
            }
        }
        if self.drop_refused(&mut ranking, &negated) {
            return self.refuse(RefusalReason::NotInReport);
        }
        let language = Language::of(question);
        if let Some(computed) = self.computed_outcome(&ranking, text, language) {
            return computed;
        }
        if let Some(named) = self.kind_names_outcome(&ranking) {
            return first_page_only(named, offset);
        }
        if !self.confident(&ranking) {
            return self
                .glossary_part_outcome(&ranking.question.normalized)
                .or_else(|| self.plan_outcome_near_miss(&ranking.question))
                .unwrap_or_else(|| self.refuse(RefusalReason::NotInReport));
        }
        let shown = self.distinct_hits(&ranking);
        let Some(best) = shown.first() else {
            // Every candidate was dropped for its year or kind: nothing left to cite is no answer.
            return self
                .plan_outcome_near_miss(&ranking.question)
                .unwrap_or_else(|| self.refuse(RefusalReason::NotInReport));
        };
        let not_the_thing =
            if self.names_other_place(question, &|| self.hit(best, &ranking.question_terms)) {
                Some("another place")
            } else if self.counts_narrower_thing(&ranking.question, best) {
                Some("a narrower thing counted")
            } else if self.counts_other_kind(&ranking.question, best) {
                Some("another kind of the thing counted")
            } else if self.misses_counted_items(&ranking.question, best) {
                Some("fewer items than counted")
            } else if self.states_no_figure_asked(&ranking.question, best) {
                Some("no figure of the year or unit asked")
            } else {
                None
            };
        if let Some(check) = not_the_thing {
            tracing::debug!(check, "the best hit is not what was asked");
            return self.refuse(RefusalReason::NotInReport);
        }
        if let Some(near_miss) = self
            .near_miss(&ranking, best)
            .or_else(|| self.only_counted(&ranking, best))
            .or_else(|| self.time_unsaid(question, &ranking, best))
        {
            return near_miss;
        }
        let numbered = ranking.question.ordinal.map(list_items::ItemAsk::Numbered);
        if let Some(picked) = item_ask
            .map(|(ask, _)| ask)
            .or(numbered)
            .and_then(|ask| self.picked_item_outcome(best, ask, &ranking.question.normalized))
        {
            return picked;
        }
        let side_by_side = language
            .is_chinese()
            .then(|| self.figures_side_by_side(&ranking.question, &ranking.ranked, best))
            .flatten();
        let direct = (offset == 0)
            .then(|| {
                side_by_side
                    .as_deref()
                    .and_then(side_by_side_answer)
                    .or_else(|| self.direct_answer_in(best.doc, ranking.question.ordinal, language))
            })
            .flatten();
        // Hits with the same excerpt as an earlier one say nothing new; one more than the page tells
        // whether a further page exists.
        let mut hits: Vec<Hit> = Vec::with_capacity(offset + HITS_PER_PAGE + 1);
        for scored in &shown {
            if hits.len() > offset + HITS_PER_PAGE {
                break;
            }
            let hit = self.hit(scored, &ranking.question_terms);
            if !hits.iter().any(|known| known.excerpt == hit.excerpt) {
                hits.push(hit);
            }
        }
        let more = hits.len() > offset + HITS_PER_PAGE;
        let hits: Vec<Hit> = hits.into_iter().skip(offset).take(HITS_PER_PAGE).collect();
        let glossary_refs = self.glossary_refs(&hits);
        Outcome::Answered(Answered {
            direct,
            hits,
            glossary_refs,
            more,
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
                // Reading repairs a term written with characters of its sound (三涨清单).
                let question = self.reader.read(&wanted);
                if let Some(entry) = exact(&question.normalized) {
                    return Some(entry);
                }
                let is_word = |word: &str| self.index.tokenizer().knows(word);
                let entry = self
                    .reader
                    .read_corrections(&question, &is_word)
                    .find_map(|corrected| exact(&corrected.normalized));
                entry
            })
    }

    /// The glossary of the newest report.
    pub fn glossary(&self) -> &[GlossaryEntry] {
        &self.library.latest().glossary
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
            .latest()
            .indicators
            .iter()
            .filter(|indicator| wanted(indicator.kind))
            .collect()
    }

    /// The steps that read a question's frame rather than search for its topic: the report's front matter,
    /// its appendix and glossary phrases, its structure and blocks, the county's people. Tried on the
    /// question as typed and, when the search finds nothing sure, on it with its input errors repaired
    /// (哪位县长做的报高, 西平县有多少人扣): a misheard frame word hides the frame as well as a topic.
    fn frame_outcome(
        &self,
        understood: &Question,
        question: &str,
        offset: usize,
    ) -> Option<Outcome> {
        match self.meta_asked(&understood.normalized) {
            // Another year's report is not in the library: refused, never answered with this one's date.
            Some(meta_ask::MetaAsk::OfYear(field, year)) => {
                return Some(if year == self.library.latest().meta.year {
                    self.meta_outcome(meta_ask::MetaAsk::Field(field), &[], Language::of(question))
                } else {
                    // Not YearNotCovered: the report has figures of that year, only not that report.
                    self.refuse(RefusalReason::NotInReport)
                });
            }
            Some(asked) => {
                let also = meta_ask::also_asked(&understood.normalized, &self.front_words, asked);
                return Some(self.meta_outcome(asked, &also, Language::of(question)));
            }
            None => {}
        }
        if let Some(appendix) = self
            .appendix_outcome(&understood.normalized, question)
            .or_else(|| self.glossary_phrase_outcome(&understood.normalized))
            .or_else(|| self.term_piece_outcome(understood))
            .or_else(|| self.several_terms_outcome(&understood.normalized))
        {
            return Some(first_page_only(appendix, offset));
        }
        // Read once: a structure asked whole, or one item of it by a topic.
        let structures =
            structure::structure_rests(&understood.normalized, self.reader.report_year());
        if let Some(structure) = structure::asks_structure(&understood.normalized, &structures) {
            if let Some(whole) = self.structure_outcome(structure) {
                return Some(first_page_only(whole, offset));
            }
        }
        if let Some(part) = self
            .review_topic_outcome(understood)
            .or_else(|| self.part_outcome(understood))
            .or_else(|| self.located_outcome(&understood.normalized))
            .or_else(|| self.framing_outcome(&understood.normalized))
            .or_else(|| self.character_outcome(&understood.normalized))
            .or_else(|| self.honours_outcome(&understood.normalized))
            .or_else(|| self.population_outcome(understood))
            .or_else(|| self.structure_item_outcome(&structures))
        {
            return Some(first_page_only(part, offset));
        }
        None
    }

    fn refuse(&self, reason: RefusalReason) -> Outcome {
        Outcome::Refused(Refusal {
            reason,
            suggestions: self.suggestions(),
        })
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
}

/// A composed answer (an outline block, the titles won, a glossary entry) is one page: the page after it
/// is empty, never the same answer again.
fn first_page_only(outcome: Outcome, offset: usize) -> Outcome {
    match outcome {
        Outcome::Answered(_) if offset > 0 => Outcome::Answered(Answered {
            direct: None,
            hits: Vec::new(),
            glossary_refs: Vec::new(),
            more: false,
        }),
        other => other,
    }
}
