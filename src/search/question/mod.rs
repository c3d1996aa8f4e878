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

use super::normalize::{english_numbers, fold_for_search, has_word_chars, is_han, QUESTION_WORDS};
use super::soundalike::{SoundAlike, Standing};
use super::tokenizer::JiebaTokenizer;
use super::typo::TypoVocabulary;
use aliases::Aliases;
use dialect::Dialect;
use markers::{Marker, Markers};
use measures::{measure_begins_noun, unit_hint};
use numbers::{take_ordinal, take_years, years_in_digits};
use phrases::at_word_boundaries;

pub use aliases::AliasPair;

mod aliases;
mod dialect;
mod markers;
mod measures;
mod numbers;
mod phrases;

/// How many characters after 怎么 / 如何 are taken as the action asked about (怎样控制 → 控制). Two is the
/// length of most Chinese verbs; longer takes the object along (控制人口), shorter cuts the verb in half.
const HOW_VERB_CHARS: usize = 2;

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

/// When a question is about, relative to the report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimeFrame {
    /// Calendar years the question names or implies (2022年, 今年, 去年).
    pub years: Vec<i32>,
    /// 过去五年, 五年来, 十三五: the five-year review.
    pub past_five_years: bool,
    /// 年均, 平均每年: a yearly average over the five years.
    pub yearly_average: bool,
    /// 今后五年, 十四五: plans beyond the report's year (no figures).
    pub future_plan: bool,
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
        let (aliases, typos) = Aliases::build(aliases, terms)?;
        Ok(QuestionReader {
            report_year,
            markers: Markers::build()?,
            aliases,
            typos,
            dialect: Dialect::default(),
            english: Dialect::default(),
            sounds: SoundAlike::default(),
            words: None,
        })
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
        // Each name also in the numbers people ask it in (aquatic product output, textile and garment).
        let counted: Vec<(String, &str)> = names
            .into_iter()
            .flat_map(|(name, term)| {
                english_numbers(name)
                    .into_iter()
                    .map(move |variant| (variant, term))
            })
            .collect();
        self.english =
            Dialect::build(counted.iter().map(|(name, term)| (name.as_str(), *term)))?.padded();
        Ok(self)
    }

    /// Learns the report's words by sound (homophones, pinyin): `words` are the words of the report's
    /// text; the terms and aliases the reader was built with count first. `tokenizer` knows the words of the
    /// language.
    pub fn learn_sounds<'a>(
        &mut self,
        words: impl IntoIterator<Item = &'a str>,
        tokenizer: JiebaTokenizer,
    ) {
        let terms = self.typos.entries().map(|(term, meaning)| {
            let standing = if term == meaning {
                Standing::Term
            } else {
                Standing::Variant
            };
            (term, meaning.to_owned(), standing)
        });
        let words = words
            .into_iter()
            .map(|word| (word.to_owned(), word.to_owned(), Standing::Word));
        self.sounds = SoundAlike::build(terms.chain(words));
        // Questions typed in pinyin ask in pinyin: the markers first, then the other question words.
        let question_words = QUESTION_WORDS
            .iter()
            .filter(|word| word.chars().all(is_han))
            .map(|word| (*word).to_owned());
        self.sounds
            .learn_asking(Markers::han_phrases().chain(question_words));
        self.words = Some(tokenizer);
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
        let folded = fold_for_search(raw);
        let cuts_word = |text: &str, start: usize, end: usize| {
            self.sounds.straddles_word(text, start) || self.sounds.straddles_word(text, end)
        };
        let standard = self.dialect.rewrite(&folded, &cuts_word);
        let mut normalized = standard.into_owned();
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

    /// The question again with one-character typos in known terms corrected, if there were any. `is_word`
    /// tells the words of the language, which a correction must not cut in two.
    pub fn read_corrected(
        &self,
        question: &Question,
        is_word: &dyn Fn(&str) -> bool,
    ) -> Option<Question> {
        // One wrong character, then words that sound like the report's (voice input, pinyin keyboards),
        // then pinyin initials that may hold vowels (aqsc).
        let typo = self.typos.correct(&question.normalized, is_word);
        let text = typo.as_deref().unwrap_or(&question.normalized);
        let sound = self.sounds.correct(text, is_word, false);
        let text = sound.as_deref().unwrap_or(text);
        let keep = |words: &str| self.aliases.canonical_of(words).is_some();
        let initials = self.sounds.romanized(text, true, &keep);
        let corrected = initials.or(sound).or(typo)?;
        Some(Question {
            acronyms: question.acronyms.clone(),
            ..self.read_normalized(corrected)
        })
    }

    fn read_normalized(&self, normalized: String) -> Question {
        // English names of the report's terms (Yili Group → 伊利集团) unless a longer alias holds them
        // (per capita gdp), then the aliases, then pinyin that spells a report term (laowangpo, fgfx).
        let longer_alias =
            |text: &str, start: usize, end: usize| self.aliases.longer_around(text, start, end);
        let english = self.english.rewrite(&normalized, &longer_alias);
        let aliased = self.rewrite(&one_of_a_not_a(&english));
        let keep = |words: &str| self.aliases.canonical_of(words).is_some();
        // Pinyin read back may be an alias in its turn (caizheng zhichu → 财政支出 → 一般公共预算支出).
        let aliased = match self.sounds.romanized(&aliased, false, &keep) {
            Some(read) => self.rewrite(&read),
            None => aliased,
        };
        let (without_years, explicit_years) = take_years(&years_in_digits(&aliased));
        let (without_years, ordinal) = take_ordinal(without_years);
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
            let keep = match marker {
                Marker::RelativeYear(offset) => {
                    time.years.push(self.report_year + offset);
                    false
                }
                Marker::PastFiveYears => {
                    time.past_five_years = true;
                    false
                }
                Marker::FuturePlan => {
                    time.future_plan = true;
                    false
                }
                Marker::YearlyAverage => {
                    time.yearly_average = true;
                    time.past_five_years = true;
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
        let unit_hint = unit_hint(&without_years, spoken.as_deref().unwrap_or(&normalized));
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

/// ASCII words of two or more letters written all in capitals, lowercased.
fn acronyms(raw: &str) -> Vec<String> {
    raw.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase()))
        .map(str::to_ascii_lowercase)
        .collect()
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
mod tests {
    use super::*;

    fn reader() -> QuestionReader {
        let aliases = [
            AliasPair {
                variant: "GDP",
                canonical: "生产总值",
            },
            AliasPair {
                variant: "地区生产总值",
                canonical: "生产总值",
            },
            AliasPair {
                variant: "财政收入",
                canonical: "一般公共预算收入",
            },
            AliasPair {
                variant: "规上",
                canonical: "规模以上",
            },
            AliasPair {
                variant: "grain output",
                canonical: "粮食总产",
            },
        ];
        QuestionReader::new(2022, aliases, ["四张清单", "规上工业增加值", "粮食总产"])
            .expect("reader")
    }

    #[test]
    fn years_resolve_against_the_report_year() {
        let r = reader();
        assert_eq!(r.read("2022年GDP目标是多少").time.years, vec![2022]);
        assert_eq!(r.read("今年GDP目标").time.years, vec![2022]);
        assert_eq!(r.read("去年粮食总产多少").time.years, vec![2021]);
        assert_eq!(r.read("上年财政收入").time.years, vec![2021]);
        assert_eq!(r.read("明年的计划").time.years, vec![2023]);
        assert_eq!(r.read("GDP growth target 2022").time.years, vec![2022]);
        assert_eq!(r.read("grain output last year").time.years, vec![2021]);
        assert!(r.read("粮食总产多少").time.years.is_empty());
    }

    #[test]
    fn five_year_phrases_and_plans_are_told_apart() {
        let r = reader();
        assert!(r.read("过去五年建成多少高标准农田").time.past_five_years);
        let average = r.read("GDP年均增长多少");
        assert!(average.time.yearly_average && average.time.past_five_years);
        let plan = r.read("今后五年的指导思想");
        assert!(plan.time.future_plan && !plan.time.past_five_years);
    }

    #[test]
    fn years_in_chinese_numerals_are_years() {
        let r = reader();
        assert_eq!(r.read("二〇二二年GDP目标").time.years, vec![2022]);
        assert_eq!(r.read("二零二一年粮食总产").time.years, vec![2021]);
        assert!(!r.read("二〇二二年粮食总产").search_text.contains('二'));
        assert!(r.read("十二五年").time.years.is_empty());
    }

    #[test]
    fn list_questions_ask_for_items_not_for_a_number() {
        let r = reader();
        let villages = r.read("哪两个乡要撤乡建镇");
        assert_eq!(villages.intent, Intent::General);
        assert_eq!(villages.counts, vec!["两个"]);
        assert!(!villages.search_text.contains('哪'));
        assert_eq!(r.read("白酒振兴支持哪几家酒企").intent, Intent::General);
        assert_eq!(r.read("六稳包括哪六个").intent, Intent::Definition);
        assert_eq!(r.read("四美乡村指哪四美").intent, Intent::Definition);
        assert_eq!(r.read("四张清单是个啥").intent, Intent::Definition);
        assert_eq!(
            r.read("放管服效是哪几个词的简称").intent,
            Intent::Definition
        );
    }

    #[test]
    fn everyday_ways_of_asking_for_a_number() {
        let r = reader();
        assert_eq!(r.read("今年GDP增长目标是好多").intent, Intent::Number);
        let households = r.read("适老化改造有多少户");
        assert_eq!(households.unit_hint, Some(&["户"][..]));
        assert!(!households.search_text.contains('户'));
        assert_eq!(
            r.read("煤改电改了多少家").unit_hint,
            Some(&["家", "户"][..])
        );
        assert!(!r
            .read("问题楼盘什么时候处置完")
            .search_text
            .contains("时候"));
    }

    #[test]
    fn counting_what_was_done_asks_for_results() {
        let r = reader();
        assert!(r.read("通村道路修了多少公里").wants_result);
        assert!(r.read("建了几座桥").wants_result);
        assert!(!r.read("今年修多少公里").wants_result);
    }

    #[test]
    fn a_noun_after_how_many_keeps_its_first_character() {
        let r = reader();
        let q = r.read("西平有多少人口");
        assert!(q.search_text.contains("人口"), "{}", q.search_text);
        assert_eq!(q.unit_hint, Some(&["人", "名", "人次"][..]));
        assert_eq!(r.read("有多少项目").unit_hint, None);
        assert!(!r.read("建了多少个").search_text.contains('个'));
    }

    #[test]
    fn an_ordinal_names_an_item_of_a_list() {
        let r = reader();
        let q = r.read("惠民工程第六件是什么");
        assert_eq!(q.ordinal, Some(6));
        assert_eq!(q.intent, Intent::General);
        assert!(!q.search_text.contains('第'));
        assert_eq!(r.read("第12项").ordinal, Some(12));
        assert_eq!(r.read("第二十个").ordinal, Some(20));
        assert_eq!(r.read("第十一件").ordinal, Some(11));
        assert_eq!(r.read("次第").ordinal, None);
    }

    #[test]
    fn a_not_a_questions_keep_the_verb() {
        let r = reader();
        assert_eq!(
            r.read("问题楼盘政府管不管").search_text.trim(),
            "问题楼盘政府管"
        );
        assert_eq!(one_of_a_not_a("有没有"), "有");
        assert_eq!(one_of_a_not_a("不是不"), "不是不");
    }

    #[test]
    fn figures_are_not_years() {
        let r = reader();
        assert!(r.read("279亿元是哪年").time.years.is_empty());
        assert!(r.read("处置化解问题楼盘59个").time.years.is_empty());
        assert!(r.read("2021.5").time.years.is_empty());
    }

    #[test]
    fn intent_is_read_from_the_phrasing() {
        let r = reader();
        assert_eq!(r.read("四张清单是什么意思").intent, Intent::Definition);
        assert_eq!(r.read("什么是四张清单").intent, Intent::Definition);
        assert_eq!(r.read("啥叫四张清单").intent, Intent::Definition);
        assert_eq!(r.read("四张清单是啥").intent, Intent::Definition);
        assert_eq!(r.read("what does 四张清单 mean").intent, Intent::Definition);
        assert_eq!(r.read("2022年GDP目标是什么").intent, Intent::Number);
        assert_eq!(r.read("去年粮食总产多少").intent, Intent::Number);
        assert_eq!(r.read("老王坡农业现代化示范区").intent, Intent::General);
        assert!(r.read("县委书记是谁").asks_person);
        assert!(r.read("县公安局电话多少").asks_practical);
        assert!(r.read("问题楼盘怎么处置").asks_how);
        assert!(!r.read("县医院怎么样").asks_how);
        assert_eq!(
            r.read("脱贫了多少人").unit_hint,
            Some(&["人", "名", "人次"][..])
        );
        assert_eq!(r.read("能卖多少钱").unit_hint, Some(&["元"][..]));
        assert_eq!(
            r.read("how many people got jobs").unit_hint,
            Some(&["人", "名", "人次"][..])
        );
        assert_eq!(r.read("how many of them").unit_hint, None);
        assert_eq!(r.read("建成几座桥梁").unit_hint, Some(&["座"][..]));
        assert_eq!(r.read("粮食总产多少").unit_hint, None);
        assert_eq!(r.read("今年CPI和PPI").acronyms, vec!["cpi", "ppi"]);
        assert!(r.read("what is the cpi").acronyms.is_empty());
        assert!(!r.read("四张清单").asks_person);
    }

    #[test]
    fn aliases_become_report_terms_and_report_terms_stay() {
        let r = reader();
        let q = r.read("2022年GDP目标是多少");
        assert!(q.search_text.contains("生产总值"), "{}", q.search_text);
        assert!(!q.search_text.contains("gdp"));
        assert!(q.search_text.contains("目标") && q.wants_target);
        assert!(r
            .read("去年财政收入")
            .search_text
            .contains("一般公共预算收入"));
        assert!(r
            .read("规上工业增加值")
            .search_text
            .contains("规上工业增加值"));
        assert!(r.read("grain output 2021").search_text.contains("粮食总产"));
        // ASCII aliases match whole words only.
        assert!(!r.read("gdps").search_text.contains("生产总值"));
    }

    #[test]
    fn a_whole_phrase_finds_its_report_term() {
        let r = reader();
        assert_eq!(r.canonical_of("地区生产总值"), Some("生产总值"));
        assert_eq!(r.canonical_of("gdp"), Some("生产总值"));
        assert_eq!(r.canonical_of("地区生产总值高"), None);
        assert_eq!(r.canonical_of("四张清单"), None);
    }

    #[test]
    fn question_phrases_are_removed_from_the_search_text() {
        let q = reader().read("四张清单是什么意思？");
        assert_eq!(q.search_text.trim(), "四张清单");
        assert!(reader().read("是什么意思").is_empty());
        assert!(reader().read("😀😀").is_empty());
        for junk in [
            "1", "2022", "3.5", "1+1", "!!!", "……", "a1", "¥100", "- 5 -", "%%",
        ] {
            assert!(reader().read(junk).is_empty(), "{junk}");
        }
        for topic in ["CPI", "gdp", "粮食", "5G基站", "GDP 2022"] {
            assert!(!reader().read(topic).is_empty(), "{topic}");
        }
    }

    #[test]
    fn typos_in_known_terms_are_corrected_on_request() {
        let r = reader();
        let q = r.read("四涨清单是什么意思");
        let words = |w: &str| w == "清单";
        let corrected = r.read_corrected(&q, &words).expect("a correction");
        assert_eq!(corrected.search_text.trim(), "四张清单");
        assert_eq!(r.read_corrected(&r.read("四张清单"), &words), None);
    }

    #[test]
    fn hostile_input_is_harmless() {
        let r = reader();
        for input in ["", "\"", ":", "(", "AND", "*", "🎉", &"长".repeat(5000)] {
            let _ = r.read(input);
        }
    }
}
