//! Understanding the question's words and ranking the candidates: which words carry its topic and how much,
//! how much of that topic each candidate covers, and when the best one covers enough to answer.

use crate::search::normalize::{is_han, is_question_word};
use crate::search::pinyin_words::names_chinese_topic;
use crate::search::question::{
    counted_in_own_measure, must_be_stated, Intent, Question, DATE_UNITS, NUMBER_ASKING,
};
use crate::search::tokenizer::Word;

use super::super::catalog::Unit;
use super::super::english::Language;
use super::coverage::{coverage, coverage_said, TopicWord};
use super::lists::{asks_list, names_kind_asked, KindAsked};
use super::plan_outcome::asks_outcome_of;
use super::structure::SCOPE_WORDS;
use super::weights::*;
use super::{Engine, Ranking, Scored};

impl Engine {
    pub(super) fn confident(&self, ranking: &Ranking) -> bool {
        // "几个专班? 谁当组长": a number asked with the person is answered like a number.
        let needed = if ranking.question.asks_person && ranking.question.intent != Intent::Number {
            PERSON_COVERAGE
        } else {
            ANSWER_COVERAGE
        };
        let question = &ranking.question;
        let counts = question.intent == Intent::Number && question.unit_hint.is_some();
        // 多少, 几, 多大 ask for a quantity, which a unit that writes none does not give (日供水能力是多少
        // is not answered by 供水厂项目建成). A target asked (目标是什么) may be met by words (保持平稳增长).
        let asks_quantity = question.intent == Intent::Number && (counts || !question.wants_target);
        // 几大, 几个 count things, which the report often counts in numerals (七大主题公园, 五湖); 多少 and
        // 多大 ask for a measure, written in digits.
        let counts_things = question.normalized.contains('几');
        // A date, an area, a sum of money or a count in its own measure word asked for (几月份, 面积多大,
        // 投资多少, 多少吨水) is given only by a unit that writes one: any other figure of the sentence
        // (107国道, 290所 for 多少人) is no answer. A growth rate of an amount goes on to the near-miss that
        // says the level is missing (a date is no level).
        let stated = |doc: u32, units: &[&str]| {
            self.catalog.states_figure_in(doc, units)
                || (units != DATE_UNITS && self.is_rate_figure(doc))
        };
        // Counted only when a number is asked in a unit the report may not state.
        let asks_one_number = || {
            NUMBER_ASKING
                .iter()
                .map(|word| question.normalized.matches(word).count())
                .sum::<usize>()
                <= 1
        };
        let must_state = question.unit_hint.filter(|units| {
            counts
                && (must_be_stated(units) || (counted_in_own_measure(units) && asks_one_number()))
        });
        !ranking.leaves_out_absent
            && ranking.ranked.first().is_some_and(|best| {
                // "多少家 / 几个" is answered by a figure in digits: a unit that writes none does not
                // answer it.
                best.coverage >= needed
                    && (!asks_quantity
                        || self.writes_a_number(best.doc)
                        || (!counts && counts_things && self.writes_a_numeral(best.doc)))
                    && must_state.is_none_or(|units| stated(best.doc, units))
            })
    }

    /// Whether `word` is what kind of thing the glossary entry `doc` defines (活动 of “万人助万企”活动):
    /// a definition asked with it is asked of the term.
    fn says_kind_of_term(&self, doc: u32, word: &str) -> bool {
        match self.catalog.unit(doc) {
            Unit::Glossary { report, index } => self.library.reports[report].glossary[index]
                .kind_words
                .iter()
                .any(|kind| kind == word),
            _ => false,
        }
    }

    /// Whether a unit writes a number in digits (a sentence, a glossary entry) or is a figure with one.
    pub(super) fn writes_a_number(&self, doc: u32) -> bool {
        match self.catalog.unit(doc) {
            Unit::Sentence(_) => self.catalog.has_digits(doc),
            Unit::Indicator { report, index, .. } => self.library.reports[report].indicators[index]
                .number
                .is_some(),
            Unit::List { report, index } => self.library.reports[report].lists[index]
                .items
                .iter()
                .any(|item| item.label.bytes().any(|b| b.is_ascii_digit())),
            Unit::Glossary { report, index } => self.library.reports[report].glossary[index]
                .explanation
                .bytes()
                .any(|b| b.is_ascii_digit()),
        }
    }

    /// Whether a unit writes a count in Chinese numerals (七大, 两园). 一 is left out: it is in too many
    /// words (进一步, 一批) to say that a unit counts anything.
    fn writes_a_numeral(&self, doc: u32) -> bool {
        const COUNTING_NUMERALS: &[char] = &[
            '两', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千',
        ];
        COUNTING_NUMERALS
            .iter()
            .any(|&c| self.catalog.text_has_char(&self.library, doc, c))
    }

    /// Understands the question's words and ranks the candidates.
    pub(super) fn rank(&self, mut question: Question) -> Ranking {
        let tokenizer = self.index.tokenizer();
        let mut words = tokenizer.words_of_normalized(&question.search_text);
        if let Some(joined) = self.join_split_alias(&question.search_text, &words) {
            drop(words);
            question.search_text = joined;
            words = tokenizer.words_of_normalized(&question.search_text);
        }
        let words = tokenizer.unglued(words, |word| self.index.term_id(word).is_some());
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
                SOFT_QUERY_WEIGHT
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
            .map_or(1.0, |&(_, score)| score.max(MIN_BEST_BM25));
        // A number asked in a unit (多少公里) is answered by a figure in that unit: the unit counts as one
        // more word of the question.
        let unit_hint = question
            .unit_hint
            .filter(|_| question.intent == Intent::Number);
        let topic_weight: f32 = topic.iter().map(|word| word.weight).sum();
        // 哪些 + a noun: a sentence naming items as examples of it (A、B等产业) says the noun, unless its part
        // is about other years than the question names; it is the answer first when its part is about the
        // time asked: the years named, or else the plan unless results are asked (重点领域改革包括哪些 asks
        // the year's reforms first, not the review's).
        let lists_asked = asks_list(&question.normalized);
        let years = &question.time.years;
        let asks_past = question.wants_result || question.time.past_five_years;
        let period_fits = |doc: u32, untimed: bool| match self.catalog.part_period(doc) {
            None => true,
            Some(period) if !years.is_empty() => {
                years.iter().any(|year| period.years().contains(year))
            }
            Some(period) => untimed || asks_past || period.last_year() >= self.reader.report_year(),
        };
        let names_examples = |doc: u32, word: &str| {
            lists_asked && self.example_nouns.names(doc, word) && period_fits(doc, true)
        };
        // The kind of the items asked (哪些地区, the 处 of 哪几处) in a word the report never uses is said
        // by a unit naming items side by side that says the rest of the question (its subject) as well as
        // a hit must: a kind the report writes often (哪些产业) or counts (主干道路32条) must be said as any word.
        let kinds: Vec<&TopicWord> = if lists_asked {
            topic
                .iter()
                .filter(|word| names_kind_asked(&question.normalized, word.text))
                .collect()
        } else {
            Vec::new()
        };
        let mut kinds_asked: Vec<(&str, KindAsked)> = kinds
            .iter()
            .filter_map(|word| Some((word.text, self.kind_asked(word.text, word.term)?)))
            .collect();
        let subject: Vec<TopicWord> = if kinds_asked.is_empty() {
            Vec::new()
        } else {
            topic
                .iter()
                .filter(|word| !kinds.iter().any(|kind| kind.text == word.text))
                .cloned()
                .collect()
        };
        // A subject of the county alone (西平县有哪些大学, 全县有哪些博物馆) tells no items apart: any unit
        // naming items side by side would say it, so a kind named by a word must be said as one. A measure
        // word of the asking (最后一块有哪些, 哪几块) asks of the report's own build.
        let names_subject = subject
            .iter()
            .any(|word| !self.title_words.contains(word.text) && !SCOPE_WORDS.contains(&word.text));
        if !names_subject {
            kinds_asked.retain(|(kind, _)| kind.chars().count() < 2);
        }
        let doc_coverage = |doc: u32| {
            // A "who" question wants its words as words: 委 inside 省委书记 is not 县委.
            let has_char = |c: char| {
                !question.asks_person && self.catalog.text_has_char(&self.library, doc, c)
            };
            let items_said = !kinds_asked.is_empty()
                && self.catalog.enumerates(&self.library, doc)
                && coverage(&subject, self.index.doc_words(doc), &has_char) >= HIT_COVERAGE;
            let kind_said = |word: &str| {
                items_said
                    && kinds_asked.iter().any(|&(kind, asked)| {
                        kind == word
                            && (asked == KindAsked::Unwritten
                                || !self.catalog.lists_sections(&self.library, doc))
                    })
            };
            let said = |word: &TopicWord| {
                names_examples(doc, word.text)
                    || (question.intent == Intent::Definition
                        && self.says_kind_of_term(doc, word.text))
                    || kind_said(word.text)
            };
            let words = coverage_said(&topic, self.index.doc_words(doc), &has_char, &said);
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
        // Read once per question, not once per unit.
        let outcome_asked = asks_outcome_of(&question, self.reader.report_year());
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
                // when the question names two terms (六稳六保是什么); so are its items asked for, even
                // beside the words of a passage that names it (疫情防控压实的四方责任是哪四方).
                let coverage = match self.catalog.unit(doc) {
                    Unit::Glossary { report, index }
                        if (question.intent == Intent::Definition || lists_asked)
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
                let (fit, conflict) =
                    self.fit(&question, outcome_asked, &question_terms, doc, coverage);
                // Most questions ask no list: the cheap checks go first.
                let examples = if topic.iter().any(|word| names_examples(doc, word.text))
                    && period_fits(doc, false)
                {
                    EXAMPLES_ASKED
                } else {
                    0.0
                };
                Scored {
                    doc,
                    coverage,
                    // Below the answering line a unit is a guess: it ranks after every unit above it.
                    score: COVERAGE_RANK_WEIGHT * rank_coverage
                        + bm25 / best_bm25
                        + fit
                        + examples
                        + if coverage < ANSWER_COVERAGE {
                            -BELOW_ANSWER_PENALTY
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
        let leaves_out_absent = self.leaves_out_absent_thing(&question, &topic, ranked.first())
            || self.leaves_out_metric(&question.normalized, &topic, ranked.first())
            || self.leaves_out_modifier(&question, &topic, ranked.first());
        Ranking {
            question,
            question_terms,
            ranked,
            leaves_out_absent,
        }
    }

    pub(super) fn trace_ranking(
        &self,
        question: &Question,
        topic: &[TopicWord],
        ranked: &[Scored],
    ) {
        // Lengths and weights only: the words are the user's question, which is logged by length only (docs/telegram.md).
        let topic: Vec<String> = topic
            .iter()
            .map(|word| format!("{}ch:{:.1}", word.text.chars().count(), word.weight))
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
        tracing::debug!(
            search_chars = question.search_text.chars().count(),
            ?topic,
            ?top,
            unit = ?question.unit_hint,
            "ranked"
        );
    }

    /// The question's topic words: maximal words (not inside a longer one), question words dropped, each
    /// weighted by how rare it is in the report.
    pub(super) fn topic_words<'a>(
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
        let soft_factor = if firm { SOFT_TOPIC_FACTOR } else { 1.0 };
        let english_question = Language::of(&question.normalized) == Language::English;
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
            // A word of two characters or more the report lacks that a report word of the question spells
            // out (5g beside 5g智慧杆塔, the one typed, the other read from pinyin) is said by that word,
            // not missing from the report.
            let said_in_longer = term.is_none()
                && word.text.chars().count() >= 2
                && words.iter().any(|other| {
                    other.text.len() > word.text.len()
                        && other.text.contains(&*word.text)
                        && self.index.term_id(&other.text).is_some()
                });
            if said_in_longer {
                continue;
            }
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
                // Pinyin in a Chinese question (gdp paiming) is a Chinese word the report lacks: a topic.
                && (english_question || !names_chinese_topic(&word.text))
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
                weight *= TITLE_WORD_FACTOR;
            }
            if !single && self.index.tokenizer().is_function_word(&word.text) {
                weight *= FUNCTION_WORD_FACTOR;
            }
            if single && self.index.tokenizer().is_noun(&word.text) {
                // A one-character noun (税, 路) names a thing; one-character verbs (改, 建) say little.
                weight *= SINGLE_NOUN_FACTOR;
            } else if single || term.is_none() && Self::is_glued_particle(&word.text) {
                weight *= SINGLE_WORD_FACTOR;
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
    pub(super) fn join_split_alias(&self, text: &str, words: &[Word<'_>]) -> Option<String> {
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
    pub(super) fn is_glued_particle(word: &str) -> bool {
        let content = word.chars().filter(|c| !PARTICLES.contains(c)).count();
        content <= 1 && word.chars().count() > 1
    }

    pub(super) fn is_common_word(&self, word: &str) -> bool {
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
}
