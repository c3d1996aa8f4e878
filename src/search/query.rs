//! Question understanding: what a question asks (a number, a definition, anything), about which year or
//! period of the report, and in the report's own words (aliases applied).
//!
//! Years are resolved against the newest report's `meta.year`: 今年 is that year (its targets and tasks), 去年
//! the year before (its results), 过去五年 / 年均 the five-year figures.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::normalize::{has_word_chars, is_han, normalize};
use super::typo::TypoVocabulary;

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

/// Phrases that say something about the question rather than its topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// A year relative to the report's year (今年 0, 去年 -1, 明年 +1).
    RelativeYear(i32),
    PastFiveYears,
    FuturePlan,
    YearlyAverage,
    /// 是什么意思, 什么是, 啥叫, what does … mean: removed from the text.
    Definition,
    /// 是什么, 是啥: a definition only when nothing asks for a number.
    WeakDefinition,
    /// 多少, 几, how much: removed from the text.
    Number,
    /// 目标, 预期, 计划: kept as soft words.
    Target,
    /// 完成, 实现, 达到: kept as soft words, they are words of the report too.
    Result,
    /// 谁, who: removed from the text.
    Person,
    /// 怎么, 如何: asks for measures rather than a figure; removed from the text.
    How,
    /// 措施, 举措, 计划: asks for measures; kept as soft words, the report says them too.
    Measures,
    /// 怎么样, 咋样: asks how something is going; removed from the text.
    Filler,
    /// 电话, 门票: contact or ticket details, which a work report never gives.
    Practical,
    /// 哪两个, 哪几家: asks for the items of a list; the count stays as a soft word (两大品牌 is the report's
    /// phrase, 两个 usually is not). `definition`: after 指 or 包括 it asks what a term stands for.
    List {
        definition: bool,
    },
    /// 增加, 多了: the change asked for; kept as soft words, the figure's own verb may differ (净增, 新增).
    Change,
}

const MARKERS: &[(&str, Marker)] = &[
    ("今年", Marker::RelativeYear(0)),
    ("本年", Marker::RelativeYear(0)),
    ("本年度", Marker::RelativeYear(0)),
    ("今年度", Marker::RelativeYear(0)),
    ("当年", Marker::RelativeYear(0)),
    ("this year", Marker::RelativeYear(0)),
    ("去年", Marker::RelativeYear(-1)),
    ("上年", Marker::RelativeYear(-1)),
    ("上一年", Marker::RelativeYear(-1)),
    ("上年度", Marker::RelativeYear(-1)),
    ("前一年", Marker::RelativeYear(-1)),
    ("last year", Marker::RelativeYear(-1)),
    ("前年", Marker::RelativeYear(-2)),
    ("明年", Marker::RelativeYear(1)),
    ("来年", Marker::RelativeYear(1)),
    ("下一年", Marker::RelativeYear(1)),
    ("next year", Marker::RelativeYear(1)),
    ("后年", Marker::RelativeYear(2)),
    ("过去五年", Marker::PastFiveYears),
    ("过去5年", Marker::PastFiveYears),
    ("过去的五年", Marker::PastFiveYears),
    ("五年来", Marker::PastFiveYears),
    ("5年来", Marker::PastFiveYears),
    ("近五年", Marker::PastFiveYears),
    ("近5年", Marker::PastFiveYears),
    ("这五年", Marker::PastFiveYears),
    ("五年间", Marker::PastFiveYears),
    ("五年里", Marker::PastFiveYears),
    ("五年中", Marker::PastFiveYears),
    ("五年以来", Marker::PastFiveYears),
    ("五年内", Marker::PastFiveYears),
    ("五年", Marker::PastFiveYears),
    ("5年", Marker::PastFiveYears),
    ("十三五", Marker::PastFiveYears),
    ("十三五期间", Marker::PastFiveYears),
    ("past five years", Marker::PastFiveYears),
    ("last five years", Marker::PastFiveYears),
    ("past 5 years", Marker::PastFiveYears),
    ("last 5 years", Marker::PastFiveYears),
    ("five years", Marker::PastFiveYears),
    ("five-year", Marker::PastFiveYears),
    ("今后五年", Marker::FuturePlan),
    ("今后5年", Marker::FuturePlan),
    ("未来五年", Marker::FuturePlan),
    ("未来5年", Marker::FuturePlan),
    ("接下来五年", Marker::FuturePlan),
    ("十四五", Marker::FuturePlan),
    ("next five years", Marker::FuturePlan),
    ("coming five years", Marker::FuturePlan),
    ("年均", Marker::YearlyAverage),
    ("年平均", Marker::YearlyAverage),
    ("平均每年", Marker::YearlyAverage),
    ("每年平均", Marker::YearlyAverage),
    ("平均增长", Marker::YearlyAverage),
    ("average annual", Marker::YearlyAverage),
    ("annual average", Marker::YearlyAverage),
    ("annual growth", Marker::YearlyAverage),
    ("average growth", Marker::YearlyAverage),
    ("是什么意思", Marker::Definition),
    ("什么意思", Marker::Definition),
    ("啥意思", Marker::Definition),
    ("的意思", Marker::Definition),
    ("意思是", Marker::Definition),
    ("意思", Marker::Definition),
    ("含义", Marker::Definition),
    ("涵义", Marker::Definition),
    ("指什么", Marker::Definition),
    ("指啥", Marker::Definition),
    ("指的是", Marker::Definition),
    ("是指", Marker::Definition),
    ("啥叫", Marker::Definition),
    ("什么叫", Marker::Definition),
    ("什么叫做", Marker::Definition),
    ("什么是", Marker::Definition),
    ("啥是", Marker::Definition),
    ("何为", Marker::Definition),
    ("何谓", Marker::Definition),
    ("解释", Marker::Definition),
    ("解释一下", Marker::Definition),
    ("定义", Marker::Definition),
    ("概念", Marker::Definition),
    ("怎么理解", Marker::Definition),
    ("如何理解", Marker::Definition),
    ("mean", Marker::Definition),
    ("means", Marker::Definition),
    ("meaning", Marker::Definition),
    ("meaning of", Marker::Definition),
    ("definition", Marker::Definition),
    ("define", Marker::Definition),
    ("stand for", Marker::Definition),
    ("stands for", Marker::Definition),
    ("是什么", Marker::WeakDefinition),
    ("是啥", Marker::WeakDefinition),
    ("是啥子", Marker::WeakDefinition),
    ("是个啥", Marker::WeakDefinition),
    ("是个什么", Marker::WeakDefinition),
    ("是啥东西", Marker::WeakDefinition),
    ("是什么东西", Marker::WeakDefinition),
    ("啥东西", Marker::WeakDefinition),
    ("什么东西", Marker::WeakDefinition),
    ("是哪些", Marker::WeakDefinition),
    ("指哪些", Marker::WeakDefinition),
    ("包括哪些", Marker::WeakDefinition),
    ("包括什么", Marker::WeakDefinition),
    ("包含哪些", Marker::WeakDefinition),
    ("包含什么", Marker::WeakDefinition),
    ("的简称", Marker::Definition),
    ("简称", Marker::Definition),
    ("的全称", Marker::Definition),
    ("全称", Marker::Definition),
    ("啥子", Marker::Filler),
    ("什么时候", Marker::Filler),
    ("啥时候", Marker::Filler),
    ("啥时", Marker::Filler),
    ("什么时间", Marker::Filler),
    ("何时", Marker::Filler),
    ("几时", Marker::Filler),
    ("哪天", Marker::Filler),
    ("多久", Marker::Filler),
    ("多长时间", Marker::Filler),
    ("哪些", Marker::Filler),
    ("what is", Marker::WeakDefinition),
    ("what are", Marker::WeakDefinition),
    ("多少", Marker::Number),
    ("是多少", Marker::Number),
    ("多少钱", Marker::Number),
    ("有多少", Marker::Number),
    ("百分之几", Marker::Number),
    ("好多", Marker::Number),
    ("是好多", Marker::Number),
    ("有好多", Marker::Number),
    ("几", Marker::Number),
    ("多大", Marker::Number),
    ("规模多大", Marker::Number),
    ("规模有多大", Marker::Number),
    ("多大规模", Marker::Number),
    ("什么规模", Marker::Number),
    ("多高", Marker::Number),
    ("数字", Marker::Number),
    ("数据", Marker::Number),
    ("数值", Marker::Number),
    ("how much", Marker::Number),
    ("how many", Marker::Number),
    ("what was", Marker::Number),
    ("number", Marker::Number),
    ("figure", Marker::Number),
    ("目标", Marker::Target),
    ("预期", Marker::Target),
    ("预期目标", Marker::Target),
    ("力争", Marker::Target),
    ("预计", Marker::Target),
    ("target", Marker::Target),
    ("targets", Marker::Target),
    ("goal", Marker::Target),
    ("goals", Marker::Target),
    ("planned", Marker::Target),
    ("怎么", Marker::How),
    ("如何", Marker::How),
    ("怎样", Marker::How),
    ("怎么做", Marker::How),
    ("咋", Marker::How),
    ("咋办", Marker::How),
    ("how to", Marker::How),
    ("措施", Marker::Measures),
    ("举措", Marker::Measures),
    ("办法", Marker::Measures),
    ("安排", Marker::Measures),
    ("政策", Marker::Measures),
    ("要求", Marker::Measures),
    ("做法", Marker::Measures),
    ("打算", Marker::Measures),
    ("部署", Marker::Measures),
    ("计划", Marker::Measures),
    ("怎么样", Marker::Filler),
    ("咋样", Marker::Filler),
    ("怎样了", Marker::Filler),
    ("怎么样了", Marker::Filler),
    ("咋样了", Marker::Filler),
    ("如何了", Marker::Filler),
    ("电话", Marker::Practical),
    ("联系电话", Marker::Practical),
    ("联系方式", Marker::Practical),
    ("电话号码", Marker::Practical),
    ("手机号", Marker::Practical),
    ("邮编", Marker::Practical),
    ("邮政编码", Marker::Practical),
    ("网址", Marker::Practical),
    ("官网", Marker::Practical),
    ("票价", Marker::Practical),
    ("门票", Marker::Practical),
    ("营业时间", Marker::Practical),
    ("开放时间", Marker::Practical),
    ("phone number", Marker::Practical),
    ("telephone", Marker::Practical),
    ("谁", Marker::Person),
    ("是谁", Marker::Person),
    ("哪位", Marker::Person),
    ("叫什么名字", Marker::Person),
    ("who", Marker::Person),
    ("完成", Marker::Result),
    ("完成了", Marker::Result),
    ("实现了", Marker::Result),
    ("达到了", Marker::Result),
    ("达到", Marker::Result),
    ("实现", Marker::Result),
    ("达", Marker::Result),
    ("实际", Marker::Result),
    ("增加", Marker::Change),
    ("增加了", Marker::Change),
    ("多了", Marker::Change),
    ("多出", Marker::Change),
    ("多出了", Marker::Change),
    ("荣誉", Marker::Result),
    ("荣誉称号", Marker::Result),
    ("成绩", Marker::Result),
    ("成就", Marker::Result),
    ("achieved", Marker::Result),
    ("reached", Marker::Result),
    ("actual", Marker::Result),
];

/// Reads questions against one library: its newest year, its aliases and its vocabulary. Built once.
pub struct QuestionReader {
    report_year: i32,
    markers: AhoCorasick,
    /// What each marker pattern says.
    marker_kinds: Vec<Marker>,
    aliases: AhoCorasick,
    /// For each alias pattern, the report term it stands for (`None`: the pattern is a report term itself).
    alias_targets: Vec<Option<String>>,
    typos: TypoVocabulary,
}

/// Why the reader could not be built.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    #[error("cannot build the phrase matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
}

/// An alias pairing as the reader needs it: a way of saying and the report's term for it.
pub struct AliasPair<'a> {
    pub variant: &'a str,
    pub canonical: &'a str,
}

impl QuestionReader {
    /// `terms` are the report's own terms (glossary terms, metrics, user-dictionary words); they are never
    /// rewritten and they are the vocabulary typos are corrected against, with the aliases' variants.
    pub fn new<'a>(
        report_year: i32,
        aliases: impl IntoIterator<Item = AliasPair<'a>>,
        terms: impl IntoIterator<Item = &'a str>,
    ) -> Result<QuestionReader, QueryError> {
        // 多少人, 几个: the measure word is the unit asked in, not a topic.
        let mut marker_phrases: Vec<(String, Marker)> = MARKERS
            .iter()
            .map(|&(phrase, marker)| (phrase.to_owned(), marker))
            .collect();
        for (measure, _) in MEASURES {
            for asking in NUMBER_ASKING {
                for lead in ["", "有", "是"] {
                    marker_phrases.push((format!("{lead}{asking}{measure}"), Marker::Number));
                }
            }
        }
        // 哪两个乡, 哪几家企业, 六稳包括哪六个: asking for the items of a list, not for a number; after 指 or
        // 包括 it asks what a term stands for.
        for count in LIST_COUNTS {
            for measure in LIST_MEASURES {
                marker_phrases.push((
                    format!("哪{count}{measure}"),
                    Marker::List { definition: false },
                ));
                for lead in ["指", "是指", "包括", "包含", "分别是"] {
                    marker_phrases.push((
                        format!("{lead}哪{count}{measure}"),
                        Marker::List { definition: true },
                    ));
                }
            }
        }
        let markers = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(marker_phrases.iter().map(|(phrase, _)| phrase))?;

        // Variants first: a report term that is also listed as a variant (规上工业增加值 for
        // 规模以上工业增加值) is rewritten, so that both spellings meet on one. A variant listed under
        // several terms goes to the shortest, the most general of them (output → 产量, not 生产总值).
        let mut patterns: Vec<String> = Vec::new();
        let mut alias_targets: Vec<Option<String>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut canonicals = Vec::new();
        let mut chosen: Vec<(String, String)> = Vec::new();
        let mut chosen_at: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        let pairs: Vec<(String, String)> = aliases
            .into_iter()
            .map(|AliasPair { variant, canonical }| (normalize(variant), normalize(canonical)))
            .filter(|(variant, canonical)| !variant.is_empty() && !canonical.is_empty())
            .collect();
        let own_terms: std::collections::HashSet<&str> = pairs
            .iter()
            .map(|(_, canonical)| canonical.as_str())
            .collect();
        for (variant, canonical) in &pairs {
            let (variant, canonical) = (variant.clone(), canonical.clone());
            canonicals.push(canonical.clone());
            if variant == canonical {
                continue;
            }
            // A variant that is a report term of its own competes as itself: 城镇化率 stays, and
            // 常住人口城镇化率 (listed under 城镇化率) becomes it.
            let canonical = if own_terms.contains(variant.as_str())
                && variant.chars().count() <= canonical.chars().count()
            {
                variant.clone()
            } else {
                canonical
            };
            match chosen_at.get(&variant) {
                Some(&at) => {
                    let target = &mut chosen[at].1;
                    if canonical.chars().count() < target.chars().count() {
                        *target = canonical;
                    }
                }
                None => {
                    chosen_at.insert(variant.clone(), chosen.len());
                    chosen.push((variant, canonical));
                }
            }
        }
        for (variant, canonical) in chosen {
            if variant == canonical {
                continue;
            }
            seen.insert(variant.clone());
            patterns.push(variant);
            alias_targets.push(Some(canonical));
        }
        for term in canonicals
            .into_iter()
            .chain(terms.into_iter().map(normalize))
        {
            if !term.is_empty() && seen.insert(term.clone()) {
                patterns.push(term);
                alias_targets.push(None);
            }
        }
        let typos = TypoVocabulary::with_meanings(
            patterns
                .iter()
                .zip(&alias_targets)
                .map(|(term, target)| (term, target.clone().unwrap_or_else(|| term.clone()))),
        );
        // A contiguous NFA builds in a fraction of a DFA's time and searches a question as fast.
        let aliases = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)?;
        Ok(QuestionReader {
            report_year,
            markers,
            marker_kinds: marker_phrases
                .into_iter()
                .map(|(_, marker)| marker)
                .collect(),
            aliases,
            alias_targets,
            typos,
        })
    }

    /// The year 今年 stands for.
    pub fn report_year(&self) -> i32 {
        self.report_year
    }

    /// Reads a raw question.
    pub fn read(&self, raw: &str) -> Question {
        let mut question = self.read_normalized(normalize(raw));
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
        self.typos
            .correct(&question.normalized, is_word)
            .map(|corrected| Question {
                acronyms: question.acronyms.clone(),
                ..self.read_normalized(corrected)
            })
    }

    fn read_normalized(&self, normalized: String) -> Question {
        let aliased = self.rewrite(&one_of_a_not_a(&normalized));
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
        for found in self.markers.find_iter(&without_years) {
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
            let keep = match self.marker_kinds[found.pattern().as_usize()] {
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
                        .take(2)
                        .collect();
                    if verb.chars().count() == 2 {
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
            if let Marker::List { definition: lead } = self.marker_kinds[found.pattern().as_usize()]
            {
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

        let unit_hint = unit_hint(&without_years, &normalized);
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
        let found = self
            .aliases
            .find_iter(phrase)
            .find(|found| found.start() == 0 && found.end() == phrase.len())?;
        self.alias_targets[found.pattern().as_usize()].as_deref()
    }

    /// Rewrites what people say into the report's terms (`gdp` → `生产总值`) in normalised text; the report's
    /// own terms, and any longer term containing a variant, stay as written.
    pub fn rewrite(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        let mut at = 0;
        for found in self.aliases.find_iter(text) {
            let Some(canonical) = &self.alias_targets[found.pattern().as_usize()] else {
                continue;
            };
            if !at_word_boundaries(text, found.start(), found.end()) {
                continue;
            }
            out.push_str(&text[at..found.start()]);
            // Spaces keep a replaced ASCII word from gluing to its neighbours.
            out.push(' ');
            out.push_str(canonical);
            out.push(' ');
            at = found.end();
        }
        out.push_str(&text[at..]);
        out
    }
}

/// ASCII words of two or more letters written all in capitals, lowercased.
fn acronyms(raw: &str) -> Vec<String> {
    raw.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase()))
        .map(str::to_ascii_lowercase)
        .collect()
}

/// The ways of asking for a number that a measure word can follow (多少人, 几个, 好多钱).
const NUMBER_ASKING: [&str; 3] = ["多少", "几", "好多"];

/// The counts in "哪两个", "哪几家", "哪四美".
const LIST_COUNTS: [&str; 11] = [
    "几", "一", "两", "二", "三", "四", "五", "六", "七", "八", "九",
];

/// What may follow a count when a question asks for the items of a list (empty: 哪四美).
const LIST_MEASURES: [&str; 14] = [
    "", "个", "家", "项", "件", "条", "种", "类", "座", "所", "名", "位", "大", "方面",
];

/// The units that count people.
const PERSON_UNITS: &[&str] = &["人", "名", "人次"];

/// Measure words that can follow 多少 / 几, with the units of the report that count as them.
const MEASURES: &[(&str, &[&str])] = &[
    ("人次", &["人次"]),
    ("人", PERSON_UNITS),
    ("名", &["人", "名"]),
    ("钱", &["元"]),
    ("元", &["元"]),
    ("户", &["户"]),
    ("亩", &["亩"]),
    ("吨", &["吨"]),
    ("公里", &["公里"]),
    ("个", &["个"]),
    // 多少家 counts households as well as firms.
    ("家", &["家", "户"]),
    ("所", &["所"]),
    ("座", &["座"]),
    ("条", &["条"]),
    ("天", &["天"]),
    ("场", &["场"]),
    ("套", &["套"]),
    ("辆", &["辆"]),
    ("头", &["头"]),
    ("项", &["项"]),
    ("件", &["件"]),
];

/// The unit a number is asked in: the measure word after 多少 / 几, or 人 for questions that say 人口 / 人数.
fn unit_hint(text: &str, said: &str) -> Option<&'static [&'static str]> {
    let after_asking = NUMBER_ASKING.iter().find_map(|asking| {
        let at = text.find(asking)? + asking.len();
        let rest = text[at..].trim_start();
        MEASURES
            .iter()
            .find(|(word, _)| rest.starts_with(word) && !measure_begins_noun(rest))
            .map(|(_, units)| *units)
    });
    // 人口 said by the asker, not brought in by an alias (poverty → 贫困人口).
    after_asking.or_else(|| {
        ["人口", "人数"]
            .iter()
            .any(|word| said.contains(word))
            .then_some(PERSON_UNITS)
    })
}

/// ASCII words only match whole: `gdp` in `gdp增长` but not `rate` in `separate`.
fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric();
    let starts_word = bytes.get(start).is_some_and(|&b| word(b));
    let ends_word = end > 0 && bytes.get(end - 1).is_some_and(|&b| word(b));
    let before_ok = !starts_word || start == 0 || !word(bytes[start - 1]);
    let after_ok = !ends_word || bytes.get(end).is_none_or(|&b| !word(b));
    before_ok && after_ok
}

/// Removes an ordinal (第六件, 第3项, 第十二个) from the text and returns its number.
fn take_ordinal(text: String) -> (String, Option<u32>) {
    let Some(at) = text.find('第') else {
        return (text, None);
    };
    let rest = &text[at + '第'.len_utf8()..];
    let numeral: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十两".contains(*c))
        .collect();
    let Some(number) = ordinal_number(&numeral) else {
        return (text, None);
    };
    let mut end = at + '第'.len_utf8() + numeral.len();
    if let Some(measure) = text[end..]
        .chars()
        .next()
        .filter(|c| "件项个条点大批".contains(*c))
    {
        end += measure.len_utf8();
    }
    (format!("{} {}", &text[..at], &text[end..]), Some(number))
}

/// 六 → 6, 十二 → 12, 二十 → 20, 7 → 7 (up to 99).
fn ordinal_number(numeral: &str) -> Option<u32> {
    if !numeral.is_empty() && numeral.bytes().all(|b| b.is_ascii_digit()) {
        return numeral.parse().ok().filter(|&n| n > 0);
    }
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = numeral
        .chars()
        .map(|c| if c == '两' { '二' } else { c })
        .collect();
    match chars[..] {
        ['十'] => Some(10),
        [d] => digit(d),
        ['十', d] => Some(10 + digit(d)?),
        [t, '十'] => Some(10 * digit(t)?),
        [t, '十', d] => Some(10 * digit(t)? + digit(d)?),
        _ => None,
    }
}

/// Nouns that begin with a measure word (人口 after 多少 is no count of 人).
const NOUNS_FROM_MEASURES: &[&str] = &[
    "人口", "人数", "人员", "人才", "人民", "人均", "家庭", "家长", "户籍", "户数", "亩产", "元旦",
    "条件", "项目", "个人", "个体", "天数", "名单", "名额", "场所", "座谈",
];

/// Whether `text` starts with a noun that begins with a measure word.
fn measure_begins_noun(text: &str) -> bool {
    NOUNS_FROM_MEASURES
        .iter()
        .any(|noun| text.starts_with(noun))
}

/// "A不A" / "A没A" questions (管不管, 修没修) as their verb alone: the asking is in the repetition.
fn one_of_a_not_a(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['不', '没']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| {
        i + 2 < chars.len()
            && chars[i] == chars[i + 2]
            && matches!(chars[i + 1], '不' | '没')
            && is_han(chars[i])
    };
    if !(0..chars.len()).any(at) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        out.push(chars[i]);
        i += if at(i) { 3 } else { 1 };
    }
    std::borrow::Cow::Owned(out)
}

/// Years written in Chinese numerals (二〇二二年, 二零二一年) in digits, as [`take_years`] reads them.
fn years_in_digits(text: &str) -> std::borrow::Cow<'_, str> {
    const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if !text.contains(['〇', '零', '九']) || !text.contains('年') {
        return std::borrow::Cow::Borrowed(text);
    }
    let digit = |c: char| match c {
        '零' => Some(0),
        c => DIGITS.iter().position(|&d| d == c),
    };
    let chars: Vec<char> = text.chars().collect();
    let is_year_at = |i: usize| {
        chars.len() >= i + 5
            && chars[i + 4] == '年'
            && chars[i..i + 4].iter().all(|&c| digit(c).is_some())
            && matches!(chars[i..i + 2], ['一', '九'] | ['二', '〇' | '零'])
            && (i == 0 || digit(chars[i - 1]).is_none())
    };
    if !(0..chars.len()).any(is_year_at) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if is_year_at(i) {
            for &c in &chars[i..i + 4] {
                out.extend(digit(c).and_then(|d| char::from_digit(d as u32, 10)));
            }
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Removes four-digit years (`2022`, `2022年`) from the text and returns them.
fn take_years(text: &str) -> (String, Vec<i32>) {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut years = Vec::new();
    let mut i = 0;
    let mut copied = 0;
    while i + 4 <= bytes.len() {
        let is_year = bytes[i..i + 4].iter().all(u8::is_ascii_digit)
            && (bytes[i] == b'1' && bytes[i + 1] == b'9'
                || bytes[i] == b'2' && bytes[i + 1] == b'0')
            && (i == 0 || !bytes[i - 1].is_ascii_digit() && bytes[i - 1] != b'.')
            && bytes
                .get(i + 4)
                .is_none_or(|&b| !b.is_ascii_digit() && b != b'.' && b != b'%');
        if !is_year {
            i += 1;
            continue;
        }
        let year: i32 = text[i..i + 4].parse().unwrap_or_default();
        years.push(year);
        out.push_str(&text[copied..i]);
        out.push(' ');
        let mut end = i + 4;
        if text[end..].starts_with('年') {
            end += '年'.len_utf8();
        }
        copied = end;
        i = end;
    }
    out.push_str(&text[copied..]);
    (out, years)
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
