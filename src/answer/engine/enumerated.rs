//! A counted term asked for its items (三大基地是哪三个, 两园指什么) is answered by a unit that names that
//! many items: a glossary entry or a list does by construction, a sentence only when it enumerates them
//! or belongs to a list that does.
//! A sentence that only uses the term (“三大基地”布局催生了经济发展新动能) says what the items did, not
//! which they are: passed off as the answer it is a wrong one, and the report explains the term nowhere
//! else, so the question is refused.

use crate::knowledge::numerals::{is_numeral_char, number};
use crate::search::question::{Intent, Question};

use super::super::catalog::{sentence_text, Unit};
use super::list_items::FIRST_SENTENCE;
use super::{Engine, Scored};

/// The measure words of a counted term (三大基地, 两个园区, 四项制度, 五种模式, 六条措施, 十件实事).
const COUNTED_MEASURES: &[char] = &['大', '个', '项', '种', '条', '件', '张'];
/// What separates the items of an enumeration in the report's sentences (A、B和C, A及B, A与B, A;B).
const ITEM_SEPARATORS: &[char] = &['、', '和', '及', '与', ';', '；'];

impl Engine {
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
    use super::counted_term;

    #[test]
    fn counted_terms_are_read_with_their_count() {
        assert_eq!(counted_term("三大基地是哪三个基地"), Some(3));
        assert_eq!(counted_term("两个园指的是什么"), Some(2));
        assert_eq!(counted_term("十件惠民工程是哪些"), Some(10));
        assert_eq!(counted_term("一渠是什么"), None);
        assert_eq!(counted_term("三公经费是什么"), None);
    }
}
