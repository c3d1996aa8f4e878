//! The thing counted must be the thing asked. A figure counts what its metric names: `贫困人口全部脱贫
//! 45576名` counts the poor lifted out of poverty, `蔬菜播种面积13万亩` the land sown with vegetables. A
//! question that names only the metric's head (西平有多少人口, 面积多大) and none of the words that narrow it
//! asks for the whole (the county's population, its area), which the report does not give: the narrower
//! figure passed off as the whole would be a wrong figure, and a wrong figure is worse than a refusal.
//!
//! The check reads the question's parts against the figure's metric only: which of the question's topic
//! words the metric says, and whether the metric says more before them (the narrowing words) that the
//! question does not. A question that names a period or kind of figure (今年, 过去五年, 目标, 完成) asks for
//! the report's own figure of that period, narrowed as the report narrows it (今年就业目标 is the target
//! of new urban jobs), and is left alone.

use crate::search::normalize::{is_han, is_question_word};
use crate::search::question::{Intent, Question};
use crate::search::tokenizer::Word;

use super::super::catalog::Unit;
use super::{Engine, Scored};

/// The fewest Han characters of narrowing words that make a metric a kind of its head: one character
/// (总产, 新增) is mostly a measure's own wording; two (贫困, 蔬菜) name a kind of thing.
const MIN_NARROWING_CHARS: usize = 2;

/// The most characters of a narrowing noun a question writes before a metric's head (粮食, 农作物): longer
/// runs are read as several words, which the dictionary does not tag as one noun.
const MAX_NARROWING_CHARS: usize = 4;

impl Engine {
    /// Whether `best` is a figure whose metric is a narrower kind of the one thing the question asks
    /// for (see the module's doc).
    pub(super) fn counts_narrower_thing(&self, question: &Question, best: &Scored) -> bool {
        let Unit::Indicator { report, index, .. } = self.catalog.unit(best.doc) else {
            return false;
        };
        if question.intent != Intent::Number || names_period_or_kind(question) {
            return false;
        }
        let metric = &self.folded_metrics[report][index];
        let tokenizer = self.index.tokenizer();
        let words = tokenizer.words_of_normalized(&question.search_text);
        // An action asked (建了多少亩农田, 脱贫多少人) is what the figure counts as done, narrowed as the
        // report narrows it: only a thing asked with no action (西平有多少人口) asks for the whole.
        if self.asks_action(&words) {
            return false;
        }
        let mut topic = self.things_asked(question, &words).into_iter();
        // One thing asked, named by a noun the metric says after words of its own.
        let (Some(thing), None) = (topic.next(), topic.next()) else {
            return false;
        };
        let Some(at) = metric.find(thing).filter(|&at| at > 0) else {
            return false;
        };
        if !tokenizer.is_noun(thing) {
            return false;
        }
        let narrowing = &metric[..at];
        // Words set apart from the thing (居民“煤改电”, folded to 居民 煤改电) do not narrow it: the quotes
        // make the thing a name of the report's own.
        if narrowing.ends_with(' ') {
            return false;
        }
        let narrowing_chars = narrowing.chars().filter(|&c| is_han(c)).count();
        let narrowing_words = tokenizer.words_of_normalized(narrowing);
        // The narrowing words describe a kind (贫困人口, 蔬菜播种面积): a name (优然牧场奶牛) is the report's
        // own thing, a verb (改造老旧小区) or a count (多种形式) no kind of it.
        let leading = narrowing_words
            .iter()
            .filter(|word| word.start == 0)
            .max_by_key(|word| word.end);
        let describes = leading.is_some_and(|word| tokenizer.is_describing(&word.text));
        // The question says none of the narrowing words, as typed or as the aliases read it (English
        // coal-to-electricity is the report's 煤改电).
        let says_narrowing = narrowing_words.iter().any(|word| {
            question.normalized.contains(&*word.text) || question.search_text.contains(&*word.text)
        });
        narrowing_chars >= MIN_NARROWING_CHARS && describes && !says_narrowing
    }

    /// Whether `best` is a figure of another kind of the thing the question names: the question says the
    /// metric's head after a narrowing noun of its own (粮食播种面积 where the figure is 蔬菜播种面积), which
    /// the metric does not say, and the report names that kind too (确保粮食播种面积…只增不减) but gives no
    /// figure of it. Its other kind's figure would be a wrong one. A narrowing the report never writes
    /// before the head (农民人均可支配收入) is the asker's word for the metric's own, and left alone.
    pub(super) fn counts_other_kind(&self, question: &Question, best: &Scored) -> bool {
        let Unit::Indicator { report, index, .. } = self.catalog.unit(best.doc) else {
            return false;
        };
        if question.intent != Intent::Number {
            return false;
        }
        let metric = &self.folded_metrics[report][index];
        let asked = &question.normalized;
        let tokenizer = self.index.tokenizer();
        // Where each letter of the metric starts, and its end: runs of it are slices, not new strings.
        let bounds: Vec<usize> = metric
            .char_indices()
            .map(|(at, _)| at)
            .chain(std::iter::once(metric.len()))
            .collect();
        let letters = bounds.len() - 1;
        // Each run of the metric after its narrowing that the question says (播种面积), with the noun the
        // question writes just before it. Found by letters, not by segmenting the question: most
        // questions say no such run and cost a few searches.
        (MIN_NARROWING_CHARS..letters).any(|from| {
            if !metric[..bounds[from]].chars().all(is_han) {
                return false;
            }
            let longest = (from + 2..=letters)
                .map(|to| &metric[bounds[from]..bounds[to]])
                .take_while(|head| asked.contains(*head))
                .last();
            let Some(head) = longest else {
                return false;
            };
            asked.match_indices(head).any(|(at, _)| {
                let before = &asked[..at];
                let starts: Vec<usize> = before
                    .char_indices()
                    .rev()
                    .take(MAX_NARROWING_CHARS)
                    .map(|(at, _)| at)
                    .collect();
                starts.iter().skip(MIN_NARROWING_CHARS - 1).any(|&start| {
                    let noun = &before[start..];
                    noun.chars().all(is_han)
                        && tokenizer.is_noun(noun)
                        && !metric.contains(noun)
                        && !self.title_words.contains(noun)
                        && self.kind_named_without_figure(report, &format!("{noun}{head}"))
                })
            })
        })
    }

    /// Whether report `report` writes `kind` (粮食播种面积) and none of its figures' metrics says it (both
    /// folded when the engine was built).
    fn kind_named_without_figure(&self, report: usize, kind: &str) -> bool {
        self.folded_sentences[report].contains(kind)
            && !self.folded_metrics[report]
                .iter()
                .any(|metric| metric.contains(kind))
    }

    /// Whether the question's words name an action (建, 提出, 脱贫), question words aside.
    pub(super) fn asks_action(&self, words: &[Word<'_>]) -> bool {
        let tokenizer = self.index.tokenizer();
        words
            .iter()
            .any(|word| !is_question_word(&word.text) && tokenizer.is_verb(&word.text))
    }

    /// The things a question names: its Han words of two characters or more that are not question
    /// words, soft words, the report's title (西平县 is the subject of every unit) or a measure word
    /// (多少平方公里 asks in a unit), and not inside a longer word of the question.
    pub(super) fn things_asked<'w>(
        &self,
        question: &Question,
        words: &'w [Word<'w>],
    ) -> Vec<&'w str> {
        let tokenizer = self.index.tokenizer();
        let maximal = |word: &&Word<'_>| {
            !words.iter().any(|other| {
                other.start <= word.start
                    && word.end <= other.end
                    && other.end - other.start > word.end - word.start
            })
        };
        words
            .iter()
            .filter(maximal)
            .map(|word| &*word.text)
            .filter(|word| word.chars().all(is_han) && word.chars().count() > 1)
            .filter(|word| !is_question_word(word) && !question.is_soft(word))
            .filter(|word| !self.title_words.contains(*word) && !tokenizer.is_measure(word))
            .collect()
    }
}

/// The question names a period (今年, 2021年, 过去五年, 年均) or a kind of figure (目标, 完成): it asks for the
/// report's figure of it, as narrowly as the report states it.
fn names_period_or_kind(question: &Question) -> bool {
    let time = &question.time;
    !time.years.is_empty()
        || time.past_five_years
        || time.yearly_average
        || time.future_plan
        || question.wants_target
        || question.wants_result
}
