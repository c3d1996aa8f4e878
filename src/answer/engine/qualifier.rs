//! A figure whose name writes a number before words the question says (投资10亿元以上项目, 5亿元以上项目) counts
//! another thing than the question asks when the question does not state that number before them
//! (亿元以上的项目几个 asks 亿元以上项目, the 15): the number narrows what the name counts. When the
//! question states it (10亿元以上的项目, 十亿元以上), that figure is the one asked, and a name that writes
//! the words with another number or none counts another thing. Read from the records'
//! own names, so any figure named with a threshold is told apart the same way.

use crate::knowledge::numerals::{is_numeral_char, number};
use crate::search::normalize::is_han;

/// The characters after a name's number the question must say for the number to qualify them (亿元 of
/// 10亿元): a unit word; one character would be any character after a number.
const QUALIFIED_CHARS: usize = 2;

/// Whether `metric` writes a number before words `question` says, and the question states that number
/// before none of them.
pub(super) fn adds_unasked_number(metric: &str, question: &str) -> bool {
    let unasked = numbers_before_words(metric).any(|(written, qualified)| {
        let mut said = question.match_indices(qualified).peekable();
        said.peek().is_some()
            && !said.any(|(at, _)| same_number(numeral_before(&question[..at]), written))
    });
    unasked || drops_stated_number(metric, question)
}

/// Whether the question states a number before words the metric writes with another number or none (10亿元
/// asked of 亿元以上项目): the number narrows what the question counts. A bare unit is one of it (亿元以上
/// is 1亿元以上, which is how `over 100 million yuan` reads).
fn drops_stated_number(metric: &str, question: &str) -> bool {
    numbers_before_words(question).any(|(said, qualified)| {
        let mut written = metric.match_indices(qualified).peekable();
        written.peek().is_some()
            && !written.any(|(at, _)| {
                let before = numeral_before(&metric[..at]);
                same_number(said, if before.is_empty() { "1" } else { before })
            })
    })
}

/// Each number `text` writes in digits with the words right after it that it qualifies ([`QUALIFIED_CHARS`]
/// Han characters): (`10`, `亿元`) in 投资10亿元以上项目.
fn numbers_before_words(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = text;
    // Bytes, not letters: an ASCII digit or dot is never part of another letter's bytes, and most names
    // and questions write no digit at all.
    std::iter::from_fn(move || loop {
        let start = rest.bytes().position(|b| b.is_ascii_digit())?;
        let digits = &rest[start..];
        let end = digits
            .bytes()
            .position(|b| !(b.is_ascii_digit() || b == b'.'))
            .unwrap_or(digits.len());
        let (number, after) = digits.split_at(end);
        rest = after;
        let qualified_len: usize = after
            .chars()
            .take(QUALIFIED_CHARS)
            .map(char::len_utf8)
            .sum();
        let qualified = &after[..qualified_len];
        if qualified.chars().count() == QUALIFIED_CHARS && qualified.chars().all(is_han) {
            return Some((number, qualified));
        }
    })
}

/// The numeral `text` ends with (`10`, `十`, `5.5`), empty when none.
fn numeral_before(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_numeral_char(c) || c == '.')
        .last()
        .map_or(text.len(), |(at, _)| at);
    &text[start..]
}

/// Whether a question's numeral (`10`, `十`, `10.0`) is the name's number in digits.
fn same_number(said: &str, written: &str) -> bool {
    if said.is_empty() {
        return false;
    }
    if said.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return said.parse::<f64>().ok() == written.parse::<f64>().ok();
    }
    number(said).is_some_and(|n| written.parse::<f64>().ok() == Some(f64::from(n)))
}

#[cfg(test)]
mod tests {
    use super::adds_unasked_number;

    #[test]
    fn a_number_the_name_adds_is_unasked_unless_the_question_states_it() {
        assert!(adds_unasked_number(
            "投资10亿元以上项目",
            "引进亿元以上的项目几个"
        ));
        assert!(adds_unasked_number(
            "5亿元以上项目",
            "引进亿元以上的项目几个"
        ));
        assert!(!adds_unasked_number(
            "亿元以上项目",
            "引进亿元以上的项目几个"
        ));
        assert!(!adds_unasked_number(
            "投资10亿元以上项目",
            "引进10亿元以上的项目几个"
        ));
        assert!(!adds_unasked_number(
            "投资10亿元以上项目",
            "引进十亿元以上的项目几个"
        ));
        assert!(adds_unasked_number(
            "5亿元以上项目",
            "引进10亿元以上的项目几个"
        ));
        // A question that does not say the words the number qualifies is not told apart.
        assert!(!adds_unasked_number(
            "投资10亿元以上项目",
            "招商引资引进几个大项目"
        ));
        // A number the question states before the name's words, which the name writes with none or another.
        assert!(adds_unasked_number(
            "亿元以上项目",
            "引进10亿元以上的项目几个"
        ));
        assert!(!adds_unasked_number(
            "亿元以上项目",
            "引进1亿元以上的项目几个"
        ));
        assert!(adds_unasked_number(
            "5亿元以上项目",
            "引进1亿元以上的项目几个"
        ));
        // A number before letters (5G) qualifies no words.
        assert!(!adds_unasked_number("5G基站", "建设多少个基站"));
    }
}
