//! Follow-up questions: 那2021年呢, 它的目标呢, 还有呢, 第二个具体说说 lean on the question before them.
//! A follow-up is read as its own words plus the previous question's topic (and that question's time,
//! unless the follow-up names a time or kind of its own). A question that stands on its own never inherits
//! anything: it leans only when it opens or ends like a follow-up and, read alone, is not answered.

use crate::knowledge::change_verbs;
use crate::search::normalize::{fold_for_search, is_han, is_question_word};
use crate::search::question::{measure_at, Intent, Question, NUMBER_ASKING};

use super::super::catalog::Unit;
use super::super::types::{Answer, Outcome};
use super::{about, compare, list_items, Engine};

/// Openings that make a question lean on the one before (那…呢, 它的…, what about …).
const LEANING_OPENERS: &[&str] = &[
    "那么",
    "那个",
    "那",
    "它们的",
    "它的",
    "它",
    "其中",
    "这个的",
    "这个",
    "另外",
    "再说说",
    "and what about",
    "what about",
    "how about",
    "and for",
    "and in",
    "and",
];
/// After 其中, a thing is named by a run of this many characters at least (其中文旅振兴); 其中的7 names none.
const MIN_NAMED_CHARS: usize = 2;
/// Endings that make a short question lean on the one before (农村的呢).
const LEANING_ENDINGS: &[&str] = &["呢", "呢?", "呢？", "?", "？"];
/// A question this short (in characters) ending like a follow-up leans: longer ones carry their own topic.
const SHORT_FOLLOW_UP_CHARS: usize = 12;
/// Phrases asking for more of the same answer (the next page).
const MORE_OF_THE_SAME: &[&str] = &[
    "还有呢",
    "还有吗",
    "还有别的吗",
    "还有其他的吗",
    "还有啥",
    "还有什么",
    "更多",
    "继续",
    "more",
    "anything else",
    "what else",
];
/// Words placing what a follow-up numbers inside what the question before named (里面第四个方面是啥 after
/// 报告第三部分讲什么): the item numbered before stays.
const INSIDE_THE_PREVIOUS: &[&str] = &[
    "里面", "里头", "里边", "其中", "当中", "之中", "下面", "inside", "within",
];
/// Phrases asking to say more about an item just named (第二个具体说说): they carry no topic.
const TELL_MORE: &[&str] = &[
    "具体说说",
    "具体讲讲",
    "详细说说",
    "展开说说",
    "说说",
    "讲讲",
    "详细点",
    "tell me more about",
];
/// Words that name a time or kind of figure: a follow-up saying one replaces the previous question's time.
const TIME_OR_KIND_WORDS: &[&str] = &[
    "年",
    "目标",
    "预期",
    "计划",
    "完成",
    "实现",
    "年均",
    "累计",
    "五年",
    "增长",
    "增速",
    "this year",
    "last year",
    "target",
    "average",
    "in 20",
];

/// What a conversation remembers of its last question, so that the next one can lean on it. Front ends keep
/// one per chat, bounded in number and age.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// The question as it was understood (a follow-up's own words joined with what it leaned on).
    question: String,
    /// Hits shown for it so far, across its pages.
    shown: usize,
}

impl FollowUp {
    /// The question as understood.
    pub fn question(&self) -> &str {
        &self.question
    }
}

/// `question` with `phrases` taken off its start or end, trimmed.
fn strip<'a>(question: &'a str, phrases: &[&str], at_start: bool) -> Option<&'a str> {
    let lower = question.to_lowercase();
    phrases.iter().find_map(|phrase| {
        if at_start && lower.starts_with(phrase) && lower.len() == question.len() {
            Some(question[phrase.len()..].trim())
        } else if !at_start && question.ends_with(phrase) {
            Some(question[..question.len() - phrase.len()].trim())
        } else {
            None
        }
    })
}

impl Engine {
    /// Answers `question` in a conversation whose last question was `previous`, and what to remember for the
    /// next one.
    pub fn ask_after(&self, previous: Option<&FollowUp>, question: &str) -> (Answer, FollowUp) {
        let trimmed = question.trim();
        if let Some(previous) = previous {
            let bare = trimmed.trim_end_matches(['?', '？', '。', '!', '！', ' ']);
            if MORE_OF_THE_SAME
                .iter()
                .any(|phrase| bare.eq_ignore_ascii_case(phrase))
            {
                let answer = self.ask_more(&previous.question, previous.shown);
                let shown = previous.shown + answer.hits().len();
                let answer = as_asked(answer, question);
                return (
                    answer,
                    FollowUp {
                        question: previous.question.clone(),
                        shown,
                    },
                );
            }
            if let Some(outcome) = self.item_inside(&previous.question, trimmed) {
                let answer = Answer {
                    question: question.to_owned(),
                    outcome,
                };
                // The block stays what the chat is about: 里面第三条呢 next asks inside it again.
                return (answer, previous.clone());
            }
            if let Some(leaned) = self.lean(&previous.question, trimmed) {
                let answer = self.ask(&leaned);
                let shown = answer.hits().len();
                let answer = as_asked(answer, question);
                return (
                    answer,
                    FollowUp {
                        question: leaned,
                        shown,
                    },
                );
            }
        }
        let answer = self.ask(question);
        let follow_up = FollowUp {
            question: trimmed.to_owned(),
            shown: answer.hits().len(),
        };
        (answer, follow_up)
    }

    /// An item numbered inside the block the question before asked for, naming nothing else (里面第二条是什么,
    /// 下面最后一个呢): that block's item, which its question's words read beside the follow-up's would not
    /// find (今年第六个方面 第二条 numbers two things).
    fn item_inside(&self, previous: &str, question: &str) -> Option<Outcome> {
        let read = self.reader.read(question);
        let inside = INSIDE_THE_PREVIOUS
            .iter()
            .find(|word| read.normalized.contains(**word))?;
        let number = item_numbered(&read)?;
        if !self.names_no_topic(&read.normalized.replace(inside, " ")) {
            return None;
        }
        self.item_inside_outcome(previous, number)
    }

    /// The question a follow-up means, or `None` when it stands on its own.
    fn lean(&self, previous: &str, question: &str) -> Option<String> {
        let opened = strip(question, LEANING_OPENERS, true);
        let short = question.chars().count() <= SHORT_FOLLOW_UP_CHARS;
        let ended = strip(opened.unwrap_or(question), LEANING_ENDINGS, false).filter(|_| short);
        let told = TELL_MORE.iter().find(|phrase| question.contains(**phrase));
        // 去年完成了多少, 增长了多少, 第三件是什么: a question that asks but names nothing leans as it is.
        let topicless = self.names_no_topic(question)
            || self.names_only_time_or_kind(ended.or(opened).unwrap_or(question));
        if opened.is_none() && ended.is_none() && told.is_none() && !topicless {
            return self.narrowed(previous, question);
        }
        let mut own = ended.or(opened).unwrap_or(question).to_owned();
        if let Some(phrase) = told {
            own = own.replace(phrase, " ");
        }
        let own = own.trim();
        // 亿元以上的呢 after 今年要引进10亿元以上项目几个: a qualifier without its noun asks the previous
        // question of the figure that qualifier names in its place.
        if let Some(sibling) = ended.and_then(|_| self.qualified_sibling(previous, own)) {
            return Some(sibling);
        }
        // A question that answers on its own does not lean, unless it points back (它, 这个). 其中 names
        // one of the things before (其中文旅振兴): named, it is asked on its own.
        let names_one = question.starts_with("其中") && {
            let searched = self.reader.read(own).search_text;
            let mut run = 0;
            searched.chars().any(|c| {
                run = if is_han(c) { run + 1 } else { 0 };
                run >= MIN_NAMED_CHARS
            })
        };
        let points_back = question.starts_with(['它', '其', '这']) && !names_one;
        let names_time_or_kind = TIME_OR_KIND_WORDS
            .iter()
            .any(|word| own.to_lowercase().contains(word));
        if !points_back
            && !topicless
            && !own.is_empty()
            && matches!(self.ask(own).outcome, Outcome::Answered(_))
        {
            // 规上工业增加值呢 after 今年GDP目标: a topic of its own, asked for the previous question's time
            // and kind; one that names its own time or kind stands alone.
            let context = self.time_and_kind_of(previous);
            return (told.is_none() && !names_time_or_kind && !context.is_empty())
                .then(|| format!("{own} {context}"));
        }
        // 第二个呢 (最后一个呢) after 今年第一方面重点工作是什么: the item the follow-up numbers replaces the
        // one the previous question numbered, unless it numbers an item inside that one (里面第四个方面).
        let inside = INSIDE_THE_PREVIOUS.iter().any(|word| own.contains(word));
        let numbers_item = item_numbered(&self.reader.read(own)).is_some();
        let renumbered = (numbers_item && !inside)
            .then(|| self.reader.without_ordinal(previous))
            .flatten();
        let previous = renumbered.as_deref().unwrap_or(previous);
        // A comparison (比去年多多少) compares with the previous question's time and kind: it keeps them.
        let earlier = if names_time_or_kind && !compare::asks_operation(own) {
            self.topic_of(previous)
        } else if names_time_or_kind {
            self.reader.read(previous).search_text
        } else {
            previous.to_owned()
        };
        let leaned = format!("{own} {earlier}");
        // 桥呢 after 五年新建改造了多少条主干道路: another thing asked as the previous one was. When the
        // previous thing still wins, the previous question is asked of the new thing instead.
        if !points_back && !topicless && !own.is_empty() && !names_time_or_kind {
            let top = |answer: &Answer| answer.hits().first().map(|hit| hit.id.clone());
            let answered_before = self.ask(previous);
            if top(&self.ask(&leaned)) == top(&answered_before) {
                if let Some(asking) = self.asking_of(previous, &answered_before) {
                    let substituted = format!("{own} {asking}");
                    // Only when what answers it says the new thing (桥 of 新建改建桥梁7座): a letter no
                    // passage says with the rest (园呢) leaves the question as it was.
                    let answer = self.ask(&substituted);
                    let says_own = answer.hits().first().is_some_and(|hit| {
                        own.chars()
                            .filter(|&c| is_han(c))
                            .all(|c| hit.text.contains(c))
                    });
                    if answer.answered() && says_own {
                        return Some(substituted);
                    }
                }
            }
        }
        Some(leaned)
    }
}

impl Engine {
    /// A short question naming a kind of figure the report keeps for several things (产量: 白酒产量 and
    /// the vegetables' 总产量) is read with the thing the question before named (产量目标多少 after 白酒振兴
    /// 工程), when that leads to another of those figures: one whose name has every word of the question
    /// that the figure found alone has. A question naming its own thing (粮食产量目标) stays as it is.
    fn narrowed(&self, previous: &str, question: &str) -> Option<String> {
        if question.chars().count() > SHORT_FOLLOW_UP_CHARS {
            return None;
        }
        let leaned = format!("{question} {}", self.topic_of(previous));
        let alone = self.top_metric(&self.ask(question))?;
        let with = self.top_metric(&self.ask(&leaned))?;
        if alone == with {
            return None;
        }
        let read = self.reader.read(question);
        let words = self
            .index
            .tokenizer()
            .words_of_normalized(&read.search_text);
        let in_alone = |word: &&str| alone.contains(word);
        let mut shared = words.iter().map(|word| word.text.as_ref()).filter(in_alone);
        let first = shared.next()?;
        std::iter::once(first)
            .chain(shared)
            .all(|word| with.contains(word))
            .then_some(leaned)
    }

    /// The previous question asked of a sibling figure, when `own` is a qualifier without its noun
    /// (亿元以上的, 城镇的): of the report's figures whose names say it, the one whose name ends most like the
    /// previous answer's figure's (亿元以上项目 beside 10亿元以上项目, 城镇居民人均可支配收入 beside
    /// 农村居民人均可支配收入), the shorter name among equals; none when no name ends like it in a word.
    fn qualified_sibling(&self, previous: &str, own: &str) -> Option<String> {
        let qualifier = own.strip_suffix('的')?.trim();
        if qualifier.chars().count() < MIN_NAMED_CHARS {
            return None;
        }
        let before = self.top_metric(&self.ask(previous))?;
        let common_ending = |name: &str| {
            name.chars()
                .rev()
                .zip(before.chars().rev())
                .take_while(|(a, b)| a == b)
                .count()
        };
        let sibling = self
            .library
            .latest()
            .indicators
            .iter()
            .map(|figure| fold_for_search(&figure.metric))
            .filter(|name| *name != before && name.contains(qualifier))
            .map(|name| (common_ending(&name), name))
            .filter(|(ending, _)| *ending >= MIN_NAMED_CHARS)
            .max_by(|(a, a_name), (b, b_name)| {
                a.cmp(b)
                    .then_with(|| b_name.chars().count().cmp(&a_name.chars().count()))
            })?
            .1;
        Some(format!("{sibling} {}", self.time_and_kind_of(previous)))
    }

    /// The metric of an answer's first hit, when it is a figure.
    fn top_metric(&self, answer: &Answer) -> Option<String> {
        let hit = answer.hits().first().filter(|_| answer.answered())?;
        let doc = self.catalog.doc_of(hit.id.as_str())?;
        match self.catalog.unit(doc) {
            Unit::Indicator { report, index, .. } => Some(fold_for_search(
                &self.library.reports[report].indicators[index].metric,
            )),
            _ => None,
        }
    }

    /// The time and kind of figure a question asks for, in words the reader knows (2022年 目标).
    fn time_and_kind_of(&self, question: &str) -> String {
        let read = self.reader.read(question);
        let mut words: Vec<String> = read
            .time
            .years
            .iter()
            .map(|year| format!("{year}年"))
            .collect();
        if read.time.yearly_average {
            words.push("年均".to_owned());
        } else if read.time.past_five_years {
            words.push("过去五年".to_owned());
        }
        if read.wants_target {
            words.push("目标".to_owned());
        }
        if read.wants_result {
            words.push("完成".to_owned());
        }
        words.join(" ")
    }

    /// The words of a question without its time or kind of figure (一般公共预算收入
    /// of 一般公共预算收入今年目标多少, whose 今年目标 reads as the report's term 主要预期目标): a follow-up
    /// naming its own time or kind takes only these.
    fn topic_of(&self, question: &str) -> String {
        let read = self.reader.read(question);
        let mut timed: Vec<String> = self
            .index
            .tokenizer()
            .words_of_normalized(&read.search_text)
            .into_iter()
            .map(|word| word.text.into_owned())
            .filter(|word| TIME_OR_KIND_WORDS.iter().any(|kind| word.contains(kind)))
            .collect();
        // The longest first: 主要预期目标 goes whole, not as 预期目标 leaving 主要.
        timed.sort_by_key(|word| std::cmp::Reverse(word.len()));
        let mut topic = read.search_text;
        for word in &timed {
            topic = topic.replace(word.as_str(), " ");
        }
        topic
    }

    /// A question answered (`answer`) by a figure without the thing it names (its nouns that the figure's
    /// name says) and the measure word it counted them in: what it asks, to be asked of another thing (五年
    /// 新建改造了多少); none when no figure answers it or it names nothing the figure does.
    fn asking_of(&self, question: &str, answer: &Answer) -> Option<String> {
        let metric = self.top_metric(answer)?;
        let read = self.reader.read(question);
        let tokenizer = self.index.tokenizer();
        let mut nouns: Vec<String> = tokenizer
            .words_of_normalized(&read.normalized)
            .into_iter()
            .map(|word| word.text.into_owned())
            .filter(|word| {
                tokenizer.is_noun(word)
                    && !TIME_OR_KIND_WORDS.iter().any(|kind| word.contains(kind))
                    && metric.contains(word.as_str())
            })
            .collect();
        if nouns.is_empty() {
            return None;
        }
        // The longest first: 主干道路 goes whole, not as 道路 leaving 主干.
        nouns.sort_by_key(|word| std::cmp::Reverse(word.len()));
        let mut asking = read.normalized;
        for noun in &nouns {
            asking = asking.replace(noun.as_str(), " ");
        }
        for asked in NUMBER_ASKING {
            if let Some(at) = asking.find(asked) {
                let after = at + asked.len();
                if let Some(measure) = measure_at(&asking[after..]) {
                    asking.replace_range(after..after + measure.len(), " ");
                }
            }
        }
        Some(asking.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// Whether a question's own words are all a time or kind of figure, or ask (今年目标呢, 去年是多少): read
    /// before aliases, which turn 今年目标 into the report's term 主要预期目标.
    fn names_only_time_or_kind(&self, question: &str) -> bool {
        let read = self.reader.read(question);
        if about::small_talk(&read.normalized).is_some() {
            return false;
        }
        let words = self.index.tokenizer().words_of_normalized(&read.normalized);
        let time_or_kind = |word: &str| TIME_OR_KIND_WORDS.iter().any(|kind| word.contains(kind));
        words.iter().any(|word| time_or_kind(&word.text))
            && words.iter().all(|word| {
                let word = word.text.as_ref();
                is_question_word(word)
                    || change_verbs().any(|verb| verb == word)
                    || time_or_kind(word)
            })
    }

    /// Whether a question asks something (a figure, an item, a kind of figure) without naming what about:
    /// every word it searches for is a soft word (完成, 目标, 增长) or a question word. Small talk and empty
    /// input are not questions to lean.
    fn names_no_topic(&self, question: &str) -> bool {
        let read = self.reader.read(question);
        if about::small_talk(&read.normalized).is_some() {
            return false;
        }
        // 最后一个是啥 picks an item as 第三个 does: without its last-item words, it may name nothing.
        let last = list_items::asks_last_alone(&read.normalized);
        let read = match &last {
            Some(rest) => self.reader.read(rest),
            None => read,
        };
        let asks = read.intent == Intent::Number
            || read.ordinal.is_some()
            || last.is_some()
            || !read.is_empty();
        asks && self
            .index
            .tokenizer()
            .words_of_normalized(&read.search_text)
            .iter()
            .all(|word| {
                read.is_soft(&word.text)
                    || is_question_word(&word.text)
                    || change_verbs().any(|verb| verb == word.text)
            })
    }
}

/// The item a question numbers: `Some(Some(n))` by its ordinal (第二个), `Some(None)` its list's last
/// (最后一个), `None` when it numbers none.
fn item_numbered(read: &Question) -> Option<Option<u32>> {
    match read.ordinal {
        Some(number) => Some(Some(number)),
        None => list_items::asks_last_alone(&read.normalized).map(|_| None),
    }
}

/// The answer with the question as the user asked it, not as it was understood.
fn as_asked(mut answer: Answer, question: &str) -> Answer {
    answer.question = question.to_owned();
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings_and_endings_are_taken_off() {
        assert_eq!(strip("那2021年呢", LEANING_OPENERS, true), Some("2021年呢"));
        assert_eq!(strip("2021年呢", LEANING_ENDINGS, false), Some("2021年"));
        assert_eq!(
            strip("What about 2021?", LEANING_OPENERS, true),
            Some("2021?")
        );
        assert_eq!(strip("粮食总产", LEANING_OPENERS, true), None);
    }
}
