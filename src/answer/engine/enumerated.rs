//! A counted term asked for its items (三大基地是哪三个, 两园指什么) is answered by a unit that names that
//! many items: a glossary entry or a list does by construction, a sentence only when it enumerates them
//! or belongs to a list that does.
//! A sentence that only uses the term (“三大基地”布局催生了经济发展新动能) says what the items did, not
//! which they are: passed off as the answer it is a wrong one, and the report explains the term nowhere
//! else, so the question is refused.
//! A figure that only counts the things asked for by name (改造老旧小区20个 for 20个老旧小区是哪几个) says how
//! many, not which: the reply says the report does not name them and gives the count.

use std::sync::LazyLock;

use crate::knowledge::numerals::{is_numeral_char, number};
use crate::knowledge::{is_within, Indicator};
use crate::search::question::{Intent, Question};

use super::super::catalog::{clause_around, sentence_text, Unit};
use super::super::types::{Missing, MissingKind, NearMiss, Outcome};
use super::cues::Phrases;
use super::list_items::FIRST_SENTENCE;
use super::{Engine, Ranking, Scored};

/// The measure words of a counted term (三大基地, 两个园区, 四项制度, 五种模式, 六条措施, 十件实事).
const COUNTED_MEASURES: &[char] = &['大', '个', '项', '种', '条', '件', '张'];
/// What separates the items of an enumeration in the report's sentences (A、B和C, A及B, A与B, A;B).
const ITEM_SEPARATORS: &[char] = &['、', '和', '及', '与', ';', '；'];

/// Words that ask for the things counted by name, one by one (哪几个, 叫什么名字, name all of them).
const NAMES_ASKED: &[&str] = &[
    "哪些",
    "哪几",
    "名字",
    "名单",
    "名称",
    "分别是",
    "分别叫",
    "都叫",
    "叫什么",
    "叫啥",
    "都有谁",
    "which ones",
    "name all",
    "name the",
    "names of",
    "list all",
    "list the",
];
/// What ends a run of examples before their count (A、B等5个).
const EXAMPLES_END: char = '等';
/// Units of a figure that counts separate things (20个, 290所, 53家), each of which has a name.
const THING_COUNTS: &[&str] = &[
    "个", "所", "家", "座", "件", "项", "条", "处", "套", "名", "位", "场",
];

impl Engine {
    /// A near-miss for a question asking which things a figure counts (20个老旧小区是哪几个), when the
    /// report only counts them: the figure is the best hit, or one of the best passage's own figures, or of
    /// the list found, that states a number the question states; its clause names none of the things. The
    /// report says how many, never which, and the count is the nearest fact.
    pub(super) fn only_counted(&self, ranking: &Ranking, best: &Scored) -> Option<Outcome> {
        static ASKED: LazyLock<Phrases> =
            LazyLock::new(|| Phrases::new(NAMES_ASKED.iter().copied()));
        let question = &ranking.question;
        let asked = ASKED.in_text(&question.normalized) || asks_which_counted(&question.normalized);
        // 分别是几个 asks how many of each.
        if question.intent == Intent::Number || !asked {
            return None;
        }
        let stated = stated_numbers(&question.normalized);
        let (report, figure) = match self.catalog.unit(best.doc) {
            Unit::Indicator { report, index, .. } => {
                (report, &self.library.reports[report].indicators[index])
            }
            // A passage or list found whole: the figure of it whose number the question states.
            Unit::Sentence(at) => {
                let id = self.catalog.id(best.doc);
                let figures = &self.library.reports[at.report].indicators;
                let figure = figures
                    .iter()
                    .find(|figure| figure.sentence_id == id && stated_count(figure, &stated))?;
                (at.report, figure)
            }
            Unit::List { report, index } => {
                let list = &self.library.reports[report].lists[index];
                let figures = &self.library.reports[report].indicators;
                let figure = figures.iter().find(|figure| {
                    stated_count(figure, &stated)
                        && list.items.iter().any(|item| {
                            is_within(&figure.sentence_id, &item.source_id)
                                && item.text.contains(&figure.value_text)
                        })
                })?;
                (report, figure)
            }
            Unit::Glossary { .. } => return None,
        };
        if !counts_things(figure) {
            return None;
        }
        let (_, sentence) = self.library.reports[report].sentence(&figure.sentence_id)?;
        if names_some(&sentence.text, &figure.value_text) {
            return None;
        }
        let doc = self.catalog.doc_of(&figure.id)?;
        let nearest = self.hit(&Scored { doc, ..*best }, &ranking.question_terms);
        Some(Outcome::NearMiss(NearMiss {
            missing: Missing {
                metric: figure.metric.clone(),
                year: None,
                what: MissingKind::Names,
            },
            nearest: vec![nearest],
        }))
    }

    /// Whether the question asks which items a counted term has and `best`, a sentence, names fewer.
    pub(super) fn misses_counted_items(&self, question: &Question, best: &Scored) -> bool {
        if question.counts.is_empty() && question.intent != Intent::Definition {
            return false;
        }
        let Some(wanted) = counted_term(&question.normalized) else {
            return false;
        };
        let text = match self.catalog.unit(best.doc) {
            Unit::Sentence(at) => sentence_text(&self.library, at),
            Unit::Indicator { .. } | Unit::Glossary { .. } | Unit::List { .. } => return false,
        };
        let items = 1 + text.chars().filter(|c| ITEM_SEPARATORS.contains(c)).count();
        // A sentence that leads a list (办好我县十件惠民工程:) or is one of its items (——必须坚持正确政治方向)
        // is answered with the list's items.
        let id = self.catalog.id(best.doc);
        // The item's own sentence: the unit itself or the first sentence of the paragraph it is.
        let within = |source: &str| id == source || id.strip_prefix(source) == Some(FIRST_SENTENCE);
        let in_list = self
            .library
            .reports
            .iter()
            .flat_map(|report| &report.lists)
            .filter(|list| list.items.len() as u32 >= wanted)
            .any(|list| {
                within(&list.source_id) || list.items.iter().any(|item| within(&item.source_id))
            });
        (items as u32) < wanted && !in_list
    }
}

/// Whether an English question asks which of a number of things (which 82 villages).
fn asks_which_counted(normalized: &str) -> bool {
    normalized
        .match_indices("which ")
        .any(|(at, which)| normalized[at + which.len()..].starts_with(|c: char| c.is_ascii_digit()))
}

/// The numbers a question writes in digits (20个老旧小区, which 82 villages).
fn stated_numbers(normalized: &str) -> Vec<f64> {
    normalized
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .filter_map(|digits| digits.parse().ok())
        .collect()
}

/// Whether a figure counts things by one of the numbers a question states.
fn stated_count(figure: &Indicator, stated: &[f64]) -> bool {
    figure.number.is_some_and(|number| stated.contains(&number))
}

/// Whether a figure counts separate things, one or more.
fn counts_things(figure: &Indicator) -> bool {
    let unit = figure.unit.as_deref().unwrap_or_default();
    THING_COUNTS.contains(&unit) && figure.number.is_some_and(|count| count >= 1.0)
}

/// Whether the sentence names some of the things a count counts: examples before it end its clause in
/// 等 (服装纺织、机械装备制造等5个), or its items follow its clause after a colon. The examples end the clause
/// before the count, so the clause is read, not the sentence.
fn names_some(sentence: &str, value: &str) -> bool {
    let clause = clause_around(sentence, value);
    let clause_end = sentence
        .find(clause)
        .map_or(sentence.len(), |at| at + clause.len());
    clause
        .find(value)
        .is_none_or(|at| clause[..at].contains(EXAMPLES_END))
        || sentence[clause_end..].starts_with([':', '：'])
}

/// The count of the first counted term of a question (三大基地 → 3), when it counts two items or more.
fn counted_term(question: &str) -> Option<u32> {
    let chars: Vec<(usize, char)> = question.char_indices().collect();
    chars.iter().enumerate().find_map(|(i, &(at, c))| {
        let starts = is_numeral_char(c)
            && !c.is_ascii_digit()
            && i.checked_sub(1)
                .is_none_or(|before| !is_numeral_char(chars[before].1));
        if !starts {
            return None;
        }
        let end = chars[i..]
            .iter()
            .position(|&(_, c)| !is_numeral_char(c))
            .map_or(chars.len(), |len| i + len);
        let measure = chars.get(end)?.1;
        let count = number(&question[at..chars[end].0])?;
        (COUNTED_MEASURES.contains(&measure) && count >= 2).then_some(count)
    })
}

#[cfg(test)]
mod tests {
    use super::{asks_which_counted, counted_term, names_some, stated_numbers};

    #[test]
    fn a_count_names_its_things_only_after_examples_or_before_a_colon() {
        assert!(names_some(
            "成立服装纺织、机械装备制造等5个产业工作专班,由1名处级干部任组长",
            "5个"
        ));
        assert!(names_some("办好我县十件惠民工程:", "十件"));
        assert!(!names_some(
            "4.改造老旧小区20个。5.新建、改扩建学校20所。",
            "20个"
        ));
        assert!(!names_some(
            "建成“四美乡村”示范村82个,被定为国家文明城市提名城市",
            "82个"
        ));
    }

    #[test]
    fn the_numbers_and_the_which_of_a_question_are_read() {
        assert_eq!(stated_numbers("今年改造的20个老旧小区是哪几个"), vec![20.0]);
        assert_eq!(stated_numbers("投资10亿元以上的那1个项目"), vec![10.0, 1.0]);
        assert!(asks_which_counted("which 82 villages were named"));
        assert!(!asks_which_counted("which villages were named"));
    }

    #[test]
    fn counted_terms_are_read_with_their_count() {
        assert_eq!(counted_term("三大基地是哪三个基地"), Some(3));
        assert_eq!(counted_term("两个园指的是什么"), Some(2));
        assert_eq!(counted_term("十件惠民工程是哪些"), Some(10));
        assert_eq!(counted_term("一渠是什么"), None);
        assert_eq!(counted_term("三公经费是什么"), None);
    }
}
