//! Question understanding: what a question asks (a number, a definition, anything), about which year or
//! period of the report, and in the report's own words (aliases applied).
//!
//! Years are resolved against the newest report's `meta.year`: 今年 is that year (its targets and tasks), 去年
//! the year before (its results), 过去五年 / 年均 the five-year figures.
//!
//! The reader's parts: `markers` (phrases about the question, not its topic), `aliases` (what people say →
//! the report's terms), `numbers` (years and ordinals), `measures` (the unit a number is asked in) and
//! `phrases` (the matching both phrase tables share).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use pinyin::ToPinyin;

use super::normalize::{english_numbers, fold_for_search, has_word_chars, is_han, QUESTION_WORDS};
use super::pinyin_words::spells_syllables;
use super::soundalike::{SoundAlike, Standing};
use super::tokenizer::JiebaTokenizer;
use super::typo::TypoVocabulary;
use crate::knowledge::change_verbs;
use aliases::Aliases;
use dialect::Dialect;
use markers::{kind_noun, Marker, Markers};
use measures::{measure_begins_noun, unit_hint};
use numbers::{
    amounts_in_digits, counted_name_openings, counts_as_written, english_amounts,
    figures_as_written, money_as_written, short_years_in_full, take_ordinal, take_years,
    written_figures, written_money, years_in_digits,
};
use phrases::at_word_boundaries;

pub use aliases::AliasPair;
pub use measures::{counted_in_own_measure, measure_at, must_be_stated, DATE_UNITS, NUMBER_ASKING};

mod aliases;
mod dialect;
mod english_names;
mod markers;
mod measures;
mod numbers;
mod phrases;
mod preamble;
mod time;

pub use time::TimeFrame;

/// How many characters after 怎么 / 如何 are taken as the action asked about (怎样控制 → 控制). Two is the
/// length of most Chinese verbs; longer takes the object along (控制人口), shorter cuts the verb in half.
const HOW_VERB_CHARS: usize = 2;

/// The report's verbs up to this long are read from pinyin as the grammar of a question
/// (jian 建, jiancheng 建成): longer ones are phrases the sound-alike vocabulary already spells.
const MAX_ASKING_WORD_CHARS: usize = 2;
/// Lowercase acronyms in a Chinese question are three or four letters (cpi, suv, wifi): two (`ok`, `hi`)
/// are as often a word of chat, five or more an English word the aliases did not know.
const MIN_LOWERCASE_ACRONYM: usize = 3;
const MAX_LOWERCASE_ACRONYM: usize = 4;

/// What kind of reply the question wants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// 多少, 几, 目标, how much: prefers indicator records of the right kind and year.
    Number,
    /// X是什么意思, 什么是X, 啥叫X: prefers the glossary.
    Definition,
    /// Anything else: plans, measures, places, companies.
    General,
}

/// A question read and rewritten into the report's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// The question after normalisation (and typo correction, when that was applied).
    pub normalized: String,
    /// What is left to search for: aliases replaced by the report's terms, time and definition phrases removed.
    pub search_text: String,
    pub time: TimeFrame,
    pub intent: Intent,
    /// The question says 目标 / 预期 / 计划 (or target, plan).
    pub wants_target: bool,
    /// The question says 完成 / 实现 / 达到 (or achieved, reached).
    pub wants_result: bool,
    /// Soft words (目标, 预期 …) left in `search_text`: they count for little when scoring.
    pub soft_words: Vec<String>,
    /// The question asks who someone is (谁, who): a work report names almost nobody.
    pub asks_person: bool,
    /// The question asks how (怎么, 如何, 措施): measures, which sentences state better than figures.
    pub asks_how: bool,
    /// The question asks for contact or ticket details (电话, 门票), which a work report never gives.
    pub asks_practical: bool,
    /// The question asks for an amount as a whole (总量, 总额): a level, which a growth rate does not give.
    pub asks_amount: bool,
    /// The unit a number is asked in (多少人 → 人, 多少钱 → 元), as the units that count as it.
    pub unit_hint: Option<&'static [&'static str]>,
    /// Words written in capitals (CPI, PMI), lowercased: acronyms name a topic, unlike plain English words.
    pub acronyms: Vec<String>,
    /// The count of a list asked for (两个 in 哪两个乡, 两大 in 哪两大品牌): a topic word when the report
    /// says it, a light one.
    pub counts: Vec<String>,
    /// The two characters after 怎么 / 如何 (怎样控制 → 控制): when they are a word, the action asked about,
    /// which the report may name otherwise (只减不增).
    pub how_verb: Option<String>,
    /// The item asked for in a numbered list (惠民工程第六件 → 6).
    pub ordinal: Option<u32>,
}

impl Question {
    /// Whether a word belongs to the soft phrases (目标, 预期目标, 达到了 …), which count for little.
    pub fn is_soft(&self, word: &str) -> bool {
        self.soft_words.iter().any(|soft| soft.contains(word))
    }

    /// Whether nothing searchable is left (empty, emoji only, punctuation only, question words only).
    pub fn is_empty(&self) -> bool {
        !has_word_chars(&self.search_text)
    }
}

/// Whether a text could name a topic: it has a Han character or a run of two letters or more.
fn names_anything(raw: &str) -> bool {
    let mut letters = 0;
    for c in raw.chars() {
        if is_han(c) {
            return true;
        }
        letters = if c.is_alphabetic() { letters + 1 } else { 0 };
        if letters >= 2 {
            return true;
        }
    }
    false
}

/// Reads questions against one library: its newest year, its aliases and its vocabulary. Built once.
pub struct QuestionReader {
    report_year: i32,
    markers: Markers,
    aliases: Aliases,
    typos: TypoVocabulary,
    dialect: Dialect,
    /// English names of the report's terms (knowledge/english.toml) → the terms.
    english: Dialect,
    sounds: SoundAlike,
    /// The words of the language, which a sound-alike repair must not cut in two (set with the sounds).
    words: Option<JiebaTokenizer>,
    /// How the report's counted names open (十件, 三大), for counts typed in digits.
    counted_openings: HashSet<String>,
    /// The figures the report writes in digits with the character after each (300强), for counts typed in
    /// words.
    written_figures: HashSet<String>,
    /// The amounts the report writes in 亿 with 元 every time (5亿), for amounts typed without it.
    written_money: HashSet<String>,
}

/// Why the reader could not be built.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("cannot build the phrase matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
}

impl QuestionReader {
    /// `terms` are the report's own terms (glossary terms, metrics, user-dictionary words); they are never
    /// rewritten and they are the vocabulary typos are corrected against, with the aliases' variants.
    pub fn new<'a>(
        report_year: i32,
        aliases: impl IntoIterator<Item = AliasPair<'a>>,
        terms: impl IntoIterator<Item = &'a str>,
    ) -> Result<QuestionReader, QueryError> {
        let markers = Markers::build()?;
        let asks_target = |phrase: &str| {
            markers
                .find_iter(phrase)
                .any(|(found, marker)| marker == Marker::Target && found.len() == phrase.len())
        };
        let (aliases, typos) = Aliases::build(aliases, terms, asks_target)?;
        let terms: Vec<String> = typos.entries().map(|(term, _)| term).collect();
        let counted_openings = counted_name_openings(terms.iter().map(String::as_str));
        Ok(QuestionReader {
            report_year,
            markers,
            aliases,
            typos,
            dialect: Dialect::default(),
            english: Dialect::default(),
            sounds: SoundAlike::default(),
            words: None,
            counted_openings,
            written_figures: HashSet::new(),
            written_money: HashSet::new(),
        })
    }

    /// The reader with counts typed in words (三百强) read in digits, and amounts typed without their 元
    /// (5亿以上) read with it, where `report_text` writes them so.
    pub fn with_figures_of(mut self, report_text: &str) -> QuestionReader {
        self.written_figures = written_figures(report_text);
        self.written_money = written_money(report_text);
        self
    }

    /// The reader with dialect and colloquial phrases (`(what people type, standard words)`) read as the
    /// standard words.
    pub fn with_phrases<'a>(
        mut self,
        phrases: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<QuestionReader, QueryError> {
        self.dialect = Dialect::build(phrases)?;
        Ok(self)
    }

    /// The reader with the English names of the report's terms (`(name, term)`) read as the terms.
    pub fn with_english<'a>(
        mut self,
        names: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<QuestionReader, QueryError> {
        // Each name also in the numbers people ask it in (aquatic product output, textile and garment),
        // and a long one with a run of its middle left out (global textile conference).
        let folded: Vec<(String, String)> = names
            .into_iter()
            .map(|(name, term)| (fold_for_search(name), term.to_owned()))
            .collect();
        let short = english_names::short_forms_of(&folded);
        let named: Vec<(String, String)> = folded
            .into_iter()
            .flat_map(|(name, term)| {
                english_numbers(&name)
                    .into_iter()
                    .map(move |variant| (variant, term.clone()))
            })
            .chain(short)
            .collect();
        self.english = Dialect::build(
            named
                .iter()
                .map(|(name, term)| (name.as_str(), term.as_str())),
        )?
        .padded();
        Ok(self)
    }

    /// Learns the report's words by sound (homophones, pinyin): `words` are the words of the report's
    /// text, each with the number of units it occurs in; the terms and aliases the reader was built with
    /// count first, then `names`, what people call the report's groups (三大保卫战), as terms. `asking` are
    /// the words the engine reads other kinds of question by (发布, 哪天), which a question typed in pinyin
    /// is asked in too. `tokenizer` knows the words of the language.
    pub fn learn_sounds<'a, 'b>(
        &mut self,
        words: impl IntoIterator<Item = (&'a str, u32)>,
        names: &[String],
        asking: impl IntoIterator<Item = &'b str>,
        tokenizer: JiebaTokenizer,
    ) {
        let words: Vec<(&str, u32)> = words.into_iter().collect();
        let terms = self.typos.entries().map(|(term, meaning)| {
            let standing = if term == meaning {
                Standing::Term
            } else {
                Standing::Variant
            };
            (term, meaning.to_owned(), standing)
        });
        let report_words = words
            .iter()
            .map(|&(word, _)| (word.to_owned(), word.to_owned(), Standing::Word));
        let names = names
            .iter()
            .map(|name| (name.clone(), name.clone(), Standing::Term));
        // The words questions about the report ask in (会议, 县长, 网站) sound like themselves too: a frame
        // word misheard (县张, 网占) is repaired as a word of the report's text is.
        let asking: Vec<&str> = asking
            .into_iter()
            .filter(|word| word.chars().all(is_han))
            .collect();
        let frame_words = asking
            .iter()
            .filter(|word| word.chars().count() >= 2)
            .map(|&word| (word.to_owned(), word.to_owned(), Standing::Word));
        self.sounds = SoundAlike::build(terms.chain(names).chain(report_words).chain(frame_words));
        // They say what was done in the report's verbs (jian 建, zuo 做), the commonest in the report
        // first where two sound alike (jian 建 before 见). Not its measure words: 多少亩 is a marker
        // already, and a bare zuo is 做 far more often than 座.
        let mut grammar: Vec<(u32, &str)> = words
            .iter()
            .filter(|(word, _)| {
                word.chars().count() <= MAX_ASKING_WORD_CHARS
                    && word.chars().all(is_han)
                    && tokenizer.is_verb(word)
            })
            .map(|&(word, units)| (units, word))
            .collect();
        grammar.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        // Questions typed in pinyin ask in pinyin: the markers first, then the other question words. A
        // marker spelled like a verb the report writes more often (jiancheng: 简称 and 建成) is that verb
        // when typed in pinyin (嫘祖海棠园 jiancheng le ma).
        // The verbs come commonest first: the first of a spelling is its commonest.
        let mut verb_units: HashMap<String, u32> = HashMap::new();
        for &(count, verb) in &grammar {
            if let Some(spelled) = common_spelling(verb) {
                verb_units.entry(spelled).or_insert(count);
            }
        }
        let units_of = |phrase: &str| {
            words
                .iter()
                .find(|(word, _)| *word == phrase)
                .map_or(0, |&(_, units)| units)
        };
        let outspelled = |phrase: &str| {
            common_spelling(phrase).is_some_and(|spelled| {
                verb_units
                    .get(&spelled)
                    .is_some_and(|&verb| verb > units_of(phrase))
            })
        };
        let question_words = QUESTION_WORDS
            .iter()
            .filter(|word| word.chars().all(is_han))
            .map(|word| (*word).to_owned());
        // The verbs of a change (增长, 提高) ask for a figure as the markers do, and are typed by their
        // initials as often (gdp zz mb).
        self.sounds.learn_asking(
            Markers::han_phrases()
                .filter(|phrase| !outspelled(phrase))
                .chain(question_words)
                .chain(change_verbs().map(str::to_owned)),
        );
        self.sounds.learn_asking_words(asking);
        self.sounds
            .learn_asking_words(grammar.into_iter().map(|(_, word)| word));
        // And in dialect and colloquial phrases (zuijin 最近, zhexienian 这些年), read into standard words
        // once the question is Chinese.
        self.sounds.learn_asking_words(self.dialect.han_phrases());
        // And by an item's place in a list (di san jian 第三件).
        self.sounds.learn_asking_words(numbers::ordinal_words());
        self.words = Some(tokenizer);
    }

    /// Whether `text` ends with a term of the report longer than `phrase`, its last characters.
    fn ends_term(&self, text: &str, phrase: &str) -> bool {
        self.aliases.ends_with_pattern(text, phrase.len())
    }

    /// The year 今年 stands for.
    pub fn report_year(&self) -> i32 {
        self.report_year
    }

    /// Reads a raw question. One with no Han character and no word of two letters or more (a bare number,
    /// a string of symbols) reads as empty: a figure alone names no topic, and matching it against the
    /// report's figures only finds coincidences (`1` → 投资10亿元以上项目1个).
    pub fn read(&self, raw: &str) -> Question {
        if !names_anything(raw) {
            return self.read_normalized(String::new());
        }
        let folded = self.join_split_words(fold_for_search(preamble::without_preamble(raw)));
        let folded = counts_as_written(&folded, &self.counted_openings);
        let folded = figures_as_written(&folded, &self.written_figures);
        let folded = money_as_written(&folded, &self.written_money);
        let cuts_word = |text: &str, start: usize, end: usize| {
            self.sounds.straddles_word(text, start) || self.sounds.straddles_word(text, end)
        };
        let standard = self.dialect.rewrite(&folded, &cuts_word);
        let mut normalized = standard.into_owned();
        // A question typed all in pinyin that reads whole (baogao shi shei zuo de) is the Chinese question.
        let keep = |words: &str| self.aliases.canonical_of(words).is_some();
        if let Some(chinese) = self.sounds.spoken_whole(&normalized, &keep) {
            normalized = self.dialect.rewrite(&chinese, &cuts_word).into_owned();
        }
        // A long term written with characters of the same sound (白酒真兴工程) is the term.
        if let Some(words) = &self.words {
            let is_word = |word: &str| words.knows(word);
            if let Some(repaired) = self.sounds.correct(&normalized, &is_word, true) {
                normalized = repaired;
            }
        }
        let mut question = self.read_normalized(normalized);
        question.acronyms = acronyms(raw);
        question
    }

    /// `text` without the blanks typed inside a word of the report (`西平 县`, `财政 收入`): voice input and
    /// phone keyboards put them there; a blank between two words stays, as it may stand for a comma.
    fn join_split_words(&self, text: String) -> String {
        let blank_inside_word = |at: usize| {
            let between_han = text[..at].chars().next_back().is_some_and(is_han)
                && text[at + 1..].chars().next().is_some_and(is_han);
            between_han && {
                let joined = format!("{}{}", &text[..at], &text[at + 1..]);
                self.sounds.straddles_word(&joined, at)
            }
        };
        let blanks: Vec<usize> = text
            .match_indices(' ')
            .map(|(at, _)| at)
            .filter(|&at| blank_inside_word(at))
            .collect();
        if blanks.is_empty() {
            return text;
        }
        text.char_indices()
            .filter(|(at, _)| !blanks.contains(at))
            .map(|(_, c)| c)
            .collect()
    }

    /// The question read again with its input errors repaired, in the order to try them: words that sound
    /// like the report's first (目表 → 目标, the same pinyin), with one wrong character in a known term
    /// repaired only where no sound was (万人助万业 → 万人助万企), then the other way round, as one wrong
    /// character may hide a sound-alike (良食亩产: 良 → 粮 alone, not also 亩 → 总). Each ends with pinyin
    /// initials that may hold vowels (aqsc). None when nothing was repaired; each is read only when asked for.
    pub fn read_corrections<'s>(
        &'s self,
        question: &'s Question,
        is_word: &'s dyn Fn(&str) -> bool,
    ) -> impl Iterator<Item = Question> + 's {
        let normalized = &question.normalized;
        let mut seen: Vec<String> = Vec::new();
        // Each order is only worked out when the reading before it was not taken: read lazily.
        [true, false].into_iter().filter_map(move |sound_first| {
            let repaired = if sound_first {
                self.sounds
                    .correct(normalized, is_word, false)
                    .or_else(|| self.typos.correct(normalized, is_word))
            } else {
                self.typos
                    .correct(normalized, is_word)
                    .map(|typo| self.sounds.correct(&typo, is_word, false).unwrap_or(typo))
            };
            let text = repaired.as_deref().unwrap_or(normalized);
            let keep = |words: &str| self.aliases.canonical_of(words).is_some();
            let corrected = self.sounds.romanized(text, true, &keep).or(repaired)?;
            if seen.contains(&corrected) {
                return None;
            }
            seen.push(corrected.clone());
            Some(Question {
                acronyms: question.acronyms.clone(),
                ..self.read_normalized(corrected)
            })
        })
    }

    fn read_normalized(&self, normalized: String) -> Question {
        // English names of the report's terms (Yili Group → 伊利集团) unless a longer alias holds them
        // (per capita gdp), then the aliases, then pinyin that spells a report term (laowangpo, fgfx).
        let longer_alias =
            |text: &str, start: usize, end: usize| self.aliases.longer_around(text, start, end);
        // Amounts the English way (1 billion yuan) or in Chinese numerals (十亿元) in the report's (10亿元) first.
        let chinese_amounts = amounts_in_digits(&normalized);
        let amounts = english_amounts(&chinese_amounts);
        let english = self.english.rewrite(&amounts, &longer_alias);
        let aliased = self.rewrite(&one_of_a_not_a(&english));
        let keep = |words: &str| self.aliases.canonical_of(words).is_some();
        // Pinyin read back may be an alias in its turn (caizheng zhichu → 财政支出 → 一般公共预算支出).
        let aliased = match self.sounds.romanized(&aliased, false, &keep) {
            Some(read) => self.rewrite(&read),
            None => aliased,
        };
        let in_digits = years_in_digits(&aliased);
        let (without_years, explicit_years) =
            take_years(&short_years_in_full(&in_digits, self.report_year));
        let (without_years, ordinal) = take_ordinal(without_years, |word| self.names_thing(word));
        let mut time = TimeFrame {
            years: explicit_years,
            ..TimeFrame::default()
        };
        let mut number = false;
        let mut definition = false;
        let mut weak_definition = false;
        let mut wants_target = false;
        let mut wants_result = false;
        let mut soft_words = Vec::new();
        let mut asks_person = false;
        let mut asks_how = false;
        let mut asks_practical = false;
        let mut asks_amount = false;
        let mut counts = Vec::new();
        let mut how_verb = None;
        let mut search_text = String::with_capacity(without_years.len());
        let mut at = 0;
        for (found, marker) in self.markers.find_iter(&without_years) {
            if !at_word_boundaries(&without_years, found.start(), found.end()) {
                continue;
            }
            let phrase = &without_years[found.start()..found.end()];
            // 多少人口: 人 begins the noun asked about, it is no measure word there.
            let end = match phrase.chars().last() {
                Some(last)
                    if measure_begins_noun(&without_years[found.end() - last.len_utf8()..]) =>
                {
                    found.end() - last.len_utf8()
                }
                _ => found.end(),
            };
            let list = matches!(marker, Marker::List { .. });
            if list || marker == Marker::WeakDefinition {
                soft_words.extend(kind_noun(&without_years, end, list).map(str::to_owned));
            }
            let keep = match marker {
                Marker::RelativeYear(_)
                | Marker::PastFiveYears
                | Marker::FuturePlan
                | Marker::Now
                | Marker::YearlyAverage => {
                    time.note(marker, phrase, self.report_year);
                    false
                }
                Marker::Definition => {
                    definition = true;
                    false
                }
                Marker::WeakDefinition => {
                    weak_definition = true;
                    false
                }
                Marker::Number => {
                    number = true;
                    false
                }
                Marker::Target => {
                    wants_target = true;
                    number = true;
                    soft_words.push(phrase.to_owned());
                    true
                }
                Marker::Result => {
                    wants_result = true;
                    soft_words.push(phrase.to_owned());
                    true
                }
                Marker::Person => {
                    asks_person = true;
                    false
                }
                Marker::How => {
                    asks_how = true;
                    // The action asked about (怎样控制, 如何防范) is the report's to name: it may say
                    // 只减不增 for 控制.
                    let verb: String = without_years[found.end()..]
                        .chars()
                        .take_while(|&c| is_han(c))
                        .take(HOW_VERB_CHARS)
                        .collect();
                    if verb.chars().count() == HOW_VERB_CHARS {
                        how_verb = Some(verb);
                    }
                    false
                }
                Marker::Measures => {
                    asks_how = true;
                    soft_words.push(phrase.to_owned());
                    true
                }
                Marker::Filler => false,
                Marker::Practical => {
                    asks_practical = true;
                    false
                }
                Marker::List { .. } => false,
                Marker::Change => {
                    soft_words.push(phrase.to_owned());
                    true
                }
                // 社会消费品零售总额: the end of a term is the term's, no amount asked.
                Marker::Amount if self.ends_term(&without_years[..found.end()], phrase) => true,
                // An amount asks for a number even unasked (GDP总量?).
                Marker::Amount => {
                    asks_amount = true;
                    number = true;
                    soft_words.push(phrase.to_owned());
                    true
                }
            };
            search_text.push_str(&without_years[at..found.start()]);
            if let Marker::List { definition: lead } = marker {
                weak_definition |= lead;
                // The count and measure after 哪, apart from the words around them.
                let count = phrase.split_once('哪').map_or("", |(_, count)| count);
                if count.chars().count() > 1 && !count.starts_with('几') {
                    counts.push(count.to_owned());
                    search_text.push(' ');
                    search_text.push_str(count);
                }
                search_text.push(' ');
            } else {
                search_text.push_str(if keep { phrase } else { " " });
            }
            at = end;
        }
        search_text.push_str(&without_years[at..]);
        time.years.sort_unstable();
        time.years.dedup();

        // What the asker typed, pinyin read (tuopin renkou → 脱贫人口), before aliases bring in words.
        let spoken = self.sounds.romanized(&normalized, false, &keep);
        let qualifies =
            |text: &str, start: usize, end: usize| self.aliases.continues_after(text, start, end);
        let unit_hint = unit_hint(
            &without_years,
            spoken.as_deref().unwrap_or(&normalized),
            &qualifies,
        );
        // 修了多少, 建了几座: counting what has been done.
        let wants_result = wants_result
            || ["了多少", "了几"]
                .iter()
                .any(|done| without_years.contains(done));
        // "第六件是什么" asks for an item, not for a definition.
        let intent = if definition || (weak_definition && !number && ordinal.is_none()) {
            Intent::Definition
        } else if number {
            Intent::Number
        } else {
            Intent::General
        };
        Question {
            normalized,
            search_text,
            time,
            intent,
            wants_target,
            wants_result,
            soft_words,
            asks_person,
            asks_how,
            asks_practical,
            asks_amount,
            unit_hint,
            acronyms: Vec::new(),
            counts,
            how_verb,
            ordinal,
        }
    }

    /// The report term a whole phrase is a way of saying (`农民收入` → `农村居民人均可支配收入`), if any.
    pub fn canonical_of(&self, phrase: &str) -> Option<&str> {
        self.aliases.canonical_of(phrase)
    }

    /// Rewrites what people say into the report's terms (`gdp` → `生产总值`) in normalised text; the report's
    /// own terms, and any longer term containing a variant, stay as written.
    pub fn rewrite(&self, text: &str) -> String {
        self.aliases.rewrite(text)
    }
}

/// ASCII words of two or more letters written all in capitals, lowercased; in a Chinese question also the
/// short lowercase ones that are no pinyin (`cpi今年涨多少`, `suv多钱`): a Chinese sentence is not written
/// around them, so they are what is asked about, as CPI is.
fn acronyms(raw: &str) -> Vec<String> {
    let chinese = raw.chars().any(is_han);
    raw.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| {
            word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
                || chinese && is_lowercase_acronym(word)
        })
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Lowercase letters of an acronym's length that spell no pinyin syllables (`cpi`, `abc`, but not `ma`,
/// `ok`, `shi` nor an English word of a mixed question).
fn is_lowercase_acronym(word: &str) -> bool {
    (MIN_LOWERCASE_ACRONYM..=MAX_LOWERCASE_ACRONYM).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !spells_syllables(word)
}

/// "A不A" / "A没A" questions (管不管, 修没修) as their verb alone: the asking is in the repetition.
fn one_of_a_not_a(text: &str) -> Cow<'_, str> {
    if !text.contains(['不', '没']) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| {
        i + 2 < chars.len()
            && chars[i] == chars[i + 2]
            && matches!(chars[i + 1], '不' | '没')
            && is_han(chars[i])
    };
    if !(0..chars.len()).any(at) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        out.push(chars[i]);
        i += if at(i) { 3 } else { 1 };
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests;

/// A word's toneless pinyin in each character's common reading (建成 jiancheng), if every character has one.
fn common_spelling(word: &str) -> Option<String> {
    word.chars()
        .map(|c| c.to_pinyin().map(|reading| reading.plain()))
        .collect()
}
