//! Which of two figures is ahead, asked with a word asking which (哪个, 谁) and an adjective of size or
//! speed ending its clause (哪个高, 谁增长更快): read here for `compare.rs`, which works out the difference
//! with the larger first, and asks it of two changes when a speed is asked.

use std::sync::LazyLock;

use crate::search::normalize::is_word_char;

use super::cues::Phrases;

/// Words that ask which of two things is ahead, followed within [`MAX_AHEAD_GAP`] letters by an
/// adjective that ends the clause (哪个高, 谁增长更快, 哪个数量更多): asked of two figures, a difference whose
/// answer puts the larger first.
pub(super) const WHICH_ASKING: &[&str] = &["哪一个", "哪个", "哪一项", "哪项", "谁"];
/// Adjectives of size or speed that say which is ahead.
const AHEAD_ADJECTIVES: &[char] = &['高', '快', '大', '多', '低', '慢', '小', '少', '长', '短'];
/// Particles that may end a clause after the adjective (哪个高呢, 谁多一些).
const CLAUSE_PARTICLES: &[char] = &['呢', '啊', '吗', '些', '点', '一'];
/// Letters between the asking word and its adjective at most (谁 | 增长更 | 快): more, and the adjective
/// belongs to a thing named after the asking word (哪个乡镇粮食产量高 asks which town).
const MAX_AHEAD_GAP: usize = 3;
/// Words of time that may open what follows the asking word, one after another, without counting towards
/// [`MAX_AHEAD_GAP`] (哪个 | 五年 | 年均 | 增长更快): they say over which years, not which thing.
const AHEAD_TIME_WORDS: &[&str] = &[
    "过去五年",
    "五年",
    "近五年",
    "年均",
    "平均",
    "每年",
    "去年",
    "今年",
];
/// Words that ask how fast two figures changed (哪个增长快, 年均增速哪个高, which grew faster): a question
/// of speed, which two levels do not answer.
const SPEED_WORDS: &[&str] = &[
    "快",
    "慢",
    "增速",
    "增幅",
    "增长率",
    "faster",
    "slower",
    "growth rate",
];
/// Words holding a [`SPEED_WORDS`] letter that ask no speed (加快推进, 尽快).
const NOT_SPEED: &[&str] = &["加快", "尽快", "快速", "赶快"];
/// Growth said between the asking word and its adjective (哪个增长更高, 谁增长多): a speed asked too, though
/// 增长 elsewhere may ask how much a level grew (比去年增长多少).
const AHEAD_GROWTH: &str = "增长";
/// Whether an adjective of [`AHEAD_ADJECTIVES`] ends a clause within [`MAX_AHEAD_GAP`] letters of the start
/// of `after`, the text after a word of [`WHICH_ASKING`] (哪个 | 高, 谁 | 增长更快).
pub(super) fn ahead_adjective_follows(after: &str) -> bool {
    ahead_adjective_at(after).is_some()
}

/// Where in `after` the adjective of [`ahead_adjective_follows`] is, as a byte range.
fn ahead_adjective_at(after: &str) -> Option<std::ops::Range<usize>> {
    let mut skipped = 0;
    while let Some(word) = AHEAD_TIME_WORDS
        .iter()
        .find(|word| after[skipped..].starts_with(*word))
    {
        skipped += word.len();
    }
    let letters: Vec<(usize, char)> = after[skipped..]
        .char_indices()
        .take(MAX_AHEAD_GAP + 2)
        .collect();
    (0..letters.len().min(MAX_AHEAD_GAP + 1)).find_map(|gap| {
        let between_words = letters[..gap].iter().all(|&(_, c)| is_word_char(c));
        let ends_clause = letters
            .get(gap + 1)
            .is_none_or(|&(_, c)| !is_word_char(c) || CLAUSE_PARTICLES.contains(&c));
        let (at, adjective) = letters[gap];
        (between_words && AHEAD_ADJECTIVES.contains(&adjective) && ends_clause)
            .then(|| skipped + at..skipped + at + adjective.len_utf8())
    })
}

/// Words of degree before an adjective of [`AHEAD_ADJECTIVES`] (更高, 比较快), part of the asking as it is.
const DEGREE_WORDS: &[&str] = &["比较", "更", "较", "还"];

/// The clauses asking which of two is ahead in `normalized`: each from the end of its asking word to the
/// start and end of its adjective.
fn ahead_clauses(normalized: &str) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + '_ {
    WHICH_ASKING.iter().flat_map(move |word| {
        normalized.match_indices(word).filter_map(move |(at, _)| {
            let after = at + word.len();
            let adjective = ahead_adjective_at(&normalized[after..])?;
            Some((after, after + adjective.start..after + adjective.end))
        })
    })
}

/// `normalized` with the adjective that asks which of two is ahead blanked out, with its degree word
/// (哪个增长更高 → 哪个增长): the asking, not a thing either side names — the report's 更高 (更高水平) would
/// draw a side to other text.
pub(super) fn without_ahead_adjective(normalized: &str) -> String {
    let mut blanked = normalized.to_string();
    for (after, adjective) in ahead_clauses(normalized) {
        let before = &normalized[after..adjective.start];
        let start = DEGREE_WORDS
            .iter()
            .find_map(|degree| before.strip_suffix(degree))
            .map_or(adjective.start, |kept| after + kept.len());
        blanked.replace_range(start..adjective.end, &" ".repeat(adjective.end - start));
    }
    blanked
}

/// Whether a question asks how fast figures changed ([`SPEED_WORDS`]), not how large they are.
pub(super) fn asks_speed(normalized: &str) -> bool {
    static SPEED: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(SPEED_WORDS.iter().copied()));
    let said = NOT_SPEED
        .iter()
        .fold(normalized.to_string(), |said, word| said.replace(word, " "));
    SPEED.in_text(&said)
        || ahead_clauses(normalized)
            .any(|(after, adjective)| normalized[after..adjective.start].contains(AHEAD_GROWTH))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_is_asked_by_its_words_and_by_growth_said_with_the_asking_word() {
        assert!(asks_speed("城镇和农村收入哪个快"));
        assert!(asks_speed("哪个增长更高"));
        assert!(asks_speed("which grew faster"));
        assert!(!asks_speed("城镇和农村收入哪个高"));
        assert!(!asks_speed("加快推进的项目比去年多几个"));
        assert!(!asks_speed("今年粮食产量比去年增长多少"));
    }

    #[test]
    fn the_adjective_asking_which_is_ahead_is_blanked_with_its_degree_word() {
        assert_eq!(
            without_ahead_adjective("甲和乙哪个增长更高"),
            "甲和乙哪个增长      "
        );
        assert_eq!(without_ahead_adjective("甲和乙谁多"), "甲和乙谁   ");
        assert_eq!(
            without_ahead_adjective("哪个乡镇粮食产量高"),
            "哪个乡镇粮食产量高"
        );
    }
}
