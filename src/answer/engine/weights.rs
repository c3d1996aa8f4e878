//! Every tuning number of the engine, named with what it trades off. Changing one moves answers across the
//! whole question set: run `report-bot eval` on every set in tests/ before and after.

// ---- what is asked and what is shown ------------------------------------------------------------------

/// Hits shown per answer (and per "more results" page): more is more to scroll on a phone, fewer may hide
/// the right passage when the first is near it.
pub const HITS_PER_PAGE: usize = 3;
/// Candidates taken from BM25 for re-scoring: more finds passages BM25 ranks low (paraphrases) at the cost
/// of scoring each one.
pub(super) const CANDIDATES: usize = 30;
/// How far down the ranking figures of the best unit's sentence are looked for as its equals: wider finds
/// more of a long run of figures, at the cost of reading more candidates per question.
pub(super) const SIDE_BY_SIDE_WINDOW: usize = 6;
/// Questions longer than this (in characters) are cut: nobody asks a question that long, and every further
/// character is work for the segmenter.
pub const MAX_QUESTION_CHARS: usize = 200;

// ---- when a question counts as answered -----------------------------------------------------------------

/// The share of the question's topic the best unit must cover for the question to count as answered: lower
/// answers more paraphrases and more out-of-scope questions with a wrong passage.
pub(super) const ANSWER_COVERAGE: f32 = 0.62;
/// "Who" questions need a closer match: the report names almost nobody, so a partial match is a guess.
pub(super) const PERSON_COVERAGE: f32 = 0.85;
/// Further hits must cover at least this share of the question too: lower shows more loosely related
/// excerpts under an answer.
pub(super) const HIT_COVERAGE: f32 = 0.5;
/// The coverage of a glossary entry whose term a definition question names, and of the list item an ordinal
/// names: enough to answer, not enough to beat a unit that says every word.
pub(super) const NAMED_TERM_COVERAGE: f32 = 0.8;

/// The topic weight from which a word no unit of the report has counts as a thing the question names (a
/// place, a metric) that the best unit must say: a rare word keeps about 6.8, an everyday word is capped at
/// [`COMMON_WORD_WEIGHT`] and a soft, title or glued word is cut further. Lower refuses questions phrased in
/// the asker's own words; higher answers questions about a place or thing the report lacks with the county's
/// own figure.
pub(super) const ABSENT_THING_WEIGHT: f32 = 4.0;
/// The share of such a word the best unit must say in smaller words for it to count as said: as
/// [`ALL_PARTS_CREDIT`], all of it; part of it (高铁 of 高铁站) is another thing.
pub(super) const ABSENT_THING_SAID: f32 = ALL_PARTS_CREDIT;
/// How much of a metric the question names (城镇化率) the best unit must say for it to answer: its
/// context naming it is enough (a sentence under a heading about it); a part of it (城镇) is another thing.
pub(super) const METRIC_SAID: f32 = CONTEXT_CREDIT;

// ---- the question's words -------------------------------------------------------------------------------

/// Particles and auxiliaries jieba's HMM glues to verbs.
pub(super) const PARTICLES: &[char] = &[
    '了', '吗', '呢', '吧', '啊', '呀', '要', '能', '会', '得', '过', '着', '的', '没',
];
/// The weight of the unit a number is asked in (多少公里), as a word of the question: higher prefers any
/// figure in that unit over one that says the topic.
pub(super) const UNIT_WEIGHT: f32 = 2.0;
/// How much of its sentence's coverage an indicator record inherits: below 1 so that the record whose own
/// words say the topic wins over its neighbours in the sentence.
pub(super) const SENTENCE_SHARE: f32 = 0.9;
/// The weight cap of an everyday word the report does not use (出名, 包括): higher refuses questions
/// phrased in the asker's own words, lower answers questions about things the report lacks.
pub(super) const COMMON_WORD_WEIGHT: f32 = 2.0;
/// The weight cap of an English word the aliases do not know: the sentence around translated topic words.
pub(super) const ENGLISH_WORD_WEIGHT: f32 = 1.0;
/// jieba's frequency above which a word counts as everyday Chinese.
pub(super) const COMMON_WORD_FREQUENCY: usize = 1000;
/// The BM25 query weight of a soft word (目标, 措施): it says what kind of answer is wanted, not the topic.
pub(super) const SOFT_QUERY_WEIGHT: f32 = 0.3;
/// The topic weight factor of a soft word when the question has a firm topic word too.
pub(super) const SOFT_TOPIC_FACTOR: f32 = 0.3;
/// The topic weight factor of a word of the report's title (西平县): every unit is about it.
pub(super) const TITLE_WORD_FACTOR: f32 = 0.2;
/// The topic weight factor of a function word of two characters or more (根据, 关于, 按照): it frames the
/// question (根据报告，…) and is rare in a report's text, so by its rarity alone it would outweigh the topic.
/// Above 0 so that a question of nothing else still ranks.
pub(super) const FUNCTION_WORD_FACTOR: f32 = 0.05;
/// The topic weight factor of a one-character noun (税, 路): it names a thing, if loosely.
pub(super) const SINGLE_NOUN_FACTOR: f32 = 0.6;
/// The topic weight factor of another one-character word or a verb glued to particles (改, 建了).
pub(super) const SINGLE_WORD_FACTOR: f32 = 0.25;
/// The credit of a one-character word found inside a longer word of a unit (路 in 公路).
pub(super) const SINGLE_INSIDE_WORD: f32 = 0.7;
/// The credit of a topic word found only in a unit's context (its heading), not in the unit itself.
pub(super) const CONTEXT_CREDIT: f32 = 0.6;
/// The credit of a compound said whole in smaller words (a paraphrase).
pub(super) const ALL_PARTS_CREDIT: f32 = 0.85;
/// The credit per share of a compound of which only some smaller words are said (高铁 is not 高铁站).
pub(super) const SOME_PARTS_CREDIT: f32 = 0.4;

// ---- ranking ----------------------------------------------------------------------------------------------

/// Coverage's weight in a candidate's score against BM25's (normalised to at most 1) and the fit: higher
/// trusts the topic words over term statistics.
pub(super) const COVERAGE_RANK_WEIGHT: f32 = 4.0;
/// The penalty of a candidate below the answering line: it ranks after every unit above it.
pub(super) const BELOW_ANSWER_PENALTY: f32 = 2.0;
/// The smallest BM25 score a ranking is normalised by, so that a zero score divides safely.
pub(super) const MIN_BEST_BM25: f32 = 1e-3;

// ---- fit: an indicator record ---------------------------------------------------------------------------

/// A figure asked for a number.
pub(super) const FIGURE_FOR_NUMBER: f32 = 0.6;
/// A figure asked for a definition (it defines nothing).
pub(super) const FIGURE_FOR_DEFINITION: f32 = -0.3;
/// A figure asked how something is done.
pub(super) const FIGURE_FOR_HOW: f32 = -0.3;
/// The list item an ordinal names (第六件), and any other item of a numbered list.
pub(super) const ORDINAL_ITEM: f32 = 1.0;
pub(super) const OTHER_ITEM: f32 = -0.5;
/// The weight of how much of a figure's metric name the question says (亿元以上项目 vs 投资10亿元以上项目).
pub(super) const NAME_PRECISION_WEIGHT: f32 = 0.5;
/// A figure whose name writes a number before words the question says without it (投资10亿元以上项目 for
/// 亿元以上的项目几个): it counts a narrower thing. Higher moves the answer to a figure without the number
/// even when it matches the question's other words less well; lower leaves the narrower figure first when
/// its clause says more of the question (引进投资10亿元…).
pub(super) const UNASKED_QUALIFIER: f32 = 0.5;

// ---- fit: a glossary entry ------------------------------------------------------------------------------

/// A definition asked of the term the entry defines, and of another term.
pub(super) const DEFINITION_OF_TERM: f32 = 1.5;
pub(super) const DEFINITION_OF_OTHER: f32 = 0.2;
/// A general question naming the term.
pub(super) const ENTRY_NAMED: f32 = 0.8;
/// An entry asked for a number.
pub(super) const ENTRY_FOR_NUMBER: f32 = -0.3;

// ---- fit: a list ---------------------------------------------------------------------------------------

/// A whole list when the question asks for items (哪些, 第N个): above a sentence that states one item.
pub(super) const LIST_ASKED: f32 = 1.5;
/// A whole list when the question asks for one fact: far below the sentence that states it.
pub(super) const LIST_NOT_ASKED: f32 = -1.5;
/// A question that is a list's name alone asks for the list when it says at least this many characters of
/// it: fewer (工程, 保障) are a word many passages share, not a name.
/// The shortest metric name a question names a figure by rather than a block of the report (亿元以上项目):
/// shorter names (项目, 人口) are words any block may use.
pub(super) const MIN_METRIC_NAME_CHARS: usize = 5;
pub(super) const MIN_LIST_NAME_CHARS: usize = 4;

// ---- fit: a sentence ------------------------------------------------------------------------------------

/// The most sentences a kind asked (哪些地区) may be written in for the report's use of it to be no kind
/// of these items: then a unit naming items side by side says it (长三角、京津冀、粤港澳大湾区 are regions,
/// though 地区 is written of others). More lets a kind the report lists by name (产业, 基地) be taken as
/// said by any run of items; fewer leaves the rare word to be said literally.
pub(super) const RARE_KIND_DOCS: u32 = 3;

/// A sentence naming items as examples of the noun a 哪些 question asks (`“嫘祖丝韵”“乡约西平”等公共品牌`):
/// above a sentence under the same heading that uses the noun only (打造西平餐饮品牌), and above the
/// heading itself; higher puts any such sentence above ones that say more of the question's other words.
pub(super) const EXAMPLES_ASKED: f32 = 0.5;

/// A sentence asked how something is done: the plan's sentences say how.
pub(super) const SENTENCE_FOR_HOW: f32 = 0.4;
/// A sentence that writes a year the question names.
pub(super) const YEAR_WRITTEN: f32 = 0.3;
/// A sentence without figures whose part is about the years asked for, or about other ones.
pub(super) const PART_YEAR: f32 = 0.2;
/// The same for a question that names the five years under review (过去五年): it says outright that the
/// review answers, so its pull outweighs a few points of coverage a plan sentence has more (企业入驻).
pub(super) const REVIEW_FOR_FIVE_YEARS: f32 = 0.4;
/// A sentence without digits asked for a number.
pub(super) const NUMBERLESS_PENALTY: f32 = 0.5;
/// The share of its figures' time fit a sentence takes: its figures' records take it whole.
pub(super) const SENTENCE_TIME_SHARE: f32 = 0.5;

// ---- fit: a figure's kind and period against the question's time words ----------------------------------

/// A yearly average asked for as one, and any other kind asked so.
pub(super) const AVERAGE_ASKED: f32 = 1.2;
pub(super) const NOT_AVERAGE_ASKED: f32 = -0.5;
/// The past five years asked: a five-year figure, or a target.
pub(super) const FIVE_YEARS_ASKED: f32 = 0.8;
pub(super) const TARGET_FOR_FIVE_YEARS: f32 = -1.0;
/// The year asked is the figure's year; a figure of another year or period.
pub(super) const SAME_YEAR: f32 = 1.0;
pub(super) const OTHER_YEAR: f32 = -1.0;
/// One of two years asked together (2021年比2017年) is the figure's year: what joins them is wanted more.
pub(super) const ONE_OF_TWO_YEARS: f32 = 0.4;
/// The year asked is an end of the figure's period.
pub(super) const PERIOD_END: f32 = 0.2;
/// A change over exactly the two years asked.
pub(super) const CHANGE_OVER_YEARS_ASKED: f32 = 1.2;
/// No time named, a target asked: a target, or another kind.
pub(super) const TARGET_ASKED: f32 = 0.8;
pub(super) const NOT_TARGET_ASKED: f32 = -0.4;
/// No time named, results asked: last year's results first, then the five years'.
pub(super) const RESULT_ASKED: f32 = 0.5;
pub(super) const FIVE_YEARS_FOR_RESULT: f32 = 0.3;
pub(super) const OTHER_FOR_RESULT: f32 = -0.3;
/// Nothing said about time: last year's result, then this year's main target, is the likelier meaning.
pub(super) const UNTIMED_RESULT: f32 = 0.25;
pub(super) const UNTIMED_TARGET: f32 = 0.2;

// ---- near-misses -----------------------------------------------------------------------------------------

/// Facts offered when the report lacks the figure asked for: the one found and one or two of the kind
/// asked for from other periods; more would bury the statement of what is missing.
pub(super) const MAX_NEAREST_FACTS: usize = 3;

// ---- computed comparisons --------------------------------------------------------------------------------

/// Ranked candidates searched for the two figures a comparison names: enough to hold both metrics' records
/// (each has a level and a rate or two), few enough that a weakly matched figure is never paired.
pub(super) const COMPARE_CANDIDATES: usize = 12;

/// The fewest characters of a glossary group's item that name it alone (稳就业, 道路自信): shorter ones
/// (稳, 自信) name many things.
pub(super) const PART_MIN_CHARS: usize = 3;

/// Decimal places of a worked-out ratio (城镇居民收入是农村居民的1.87倍): enough to tell 1.8 from 1.9 apart,
/// few enough not to pretend a precision the report's rounded figures lack.
pub(super) const RATIO_PLACES: usize = 2;
/// Decimal places of a worked-out share in per cent (53.4%): one, as the report's own rates have, so a
/// share reads like them and claims no more precision.
pub(super) const SHARE_PLACES: usize = 1;
