//! One wrong character in a known term ("四涨清单", "规上工叶增加值") should still find the term. Question spans
//! are compared with the report's vocabulary at edit distance 1 (one substituted character), which is the
//! typo an input method makes.

use rustc_hash::FxHashMap;

use super::normalize::is_han;

/// Terms shorter than this are left alone: one changed character in a two-character word makes another word
/// (今年 / 去年), not a typo.
const MIN_TERM_CHARS: usize = 3;

/// The last characters of the names of counties, cities and provinces.
const PLACE_SUFFIXES: [char; 3] = ['县', '市', '省'];

/// The known terms, indexed by every one-character-masked form so that a span finds its neighbours in
/// `len` lookups (Fx-hashed: a question looks up every span of it, and the keys are the report's own).
#[derive(Debug, Default)]
pub struct TypoVocabulary {
    /// `(masked position, term with that character replaced by '\0')` → term
    neighbours: FxHashMap<String, Vec<u32>>,
    terms: Vec<Vec<char>>,
    /// What each term means (its report term): two neighbours meaning the same are no ambiguity.
    meanings: Vec<String>,
    exact: FxHashMap<String, u32>,
    longest: usize,
}

/// A correction of one span of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// Character range in the text.
    pub start: usize,
    pub end: usize,
    pub term: String,
}

impl TypoVocabulary {
    /// Builds the vocabulary from normalised terms; terms shorter than three ideographs are skipped.
    pub fn new<I, S>(terms: I) -> TypoVocabulary
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        TypoVocabulary::with_meanings(terms.into_iter().map(|term| {
            let term = term.as_ref().to_owned();
            (term.clone(), term)
        }))
    }

    /// Builds the vocabulary from `(term, meaning)` pairs: variants of one report term share its meaning.
    pub fn with_meanings<I, S, M>(terms: I) -> TypoVocabulary
    where
        I: IntoIterator<Item = (S, M)>,
        S: AsRef<str>,
        M: Into<String>,
    {
        let mut vocabulary = TypoVocabulary::default();
        for (term, meaning) in terms {
            let term = term.as_ref();
            let chars: Vec<char> = term.chars().collect();
            // One character away from a county or a city (遂平县 / 西平县) is another county, not a typo.
            if chars.len() < MIN_TERM_CHARS
                || chars.last().is_some_and(|c| PLACE_SUFFIXES.contains(c))
                || !chars.iter().all(|&c| is_han(c))
                || vocabulary.exact.contains_key(term)
            {
                continue;
            }
            let id = vocabulary.terms.len() as u32;
            for position in 0..chars.len() {
                let mut key = String::new();
                mask_into(&mut key, &chars, position);
                vocabulary.neighbours.entry(key).or_default().push(id);
            }
            vocabulary.longest = vocabulary.longest.max(chars.len());
            vocabulary.exact.insert(term.to_owned(), id);
            vocabulary.terms.push(chars);
            vocabulary.meanings.push(meaning.into());
        }
        vocabulary
    }

    /// Every term with its meaning.
    pub fn entries(&self) -> impl Iterator<Item = (String, &str)> + '_ {
        self.terms
            .iter()
            .zip(&self.meanings)
            .map(|(term, meaning)| (term.iter().collect(), meaning.as_str()))
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Spans of `text` that are one character away from a known term and do not overlap a term written
    /// correctly; longer terms win, then the leftmost. A span matching two different terms equally is
    /// ambiguous and left alone, and so is a span that would cut a word `is_word` knows in two: in
    /// 明天天气, 天天气 is one character from 好天气 but 明天 and 天气 are words, not a typo.
    pub fn corrections(&self, text: &str, is_word: &dyn Fn(&str) -> bool) -> Vec<Correction> {
        let chars: Vec<char> = text.chars().collect();
        let exact = self.exact_spans(&chars);
        // A term written correctly stays: no window inside it or across its edge (a window around it may
        // still be a longer term with one wrong character: 固定资产 in 固定资产投姿).
        let overlaps_exact = |start: usize, end: usize| {
            exact.iter().any(|&(a, b)| {
                a < end && start < b && !(start <= a && b <= end && (start, end) != (a, b))
            })
        };
        let mut taken = vec![false; chars.len()];
        let mut corrections = Vec::new();
        let mut key = String::new();
        for len in (MIN_TERM_CHARS..=self.longest.min(chars.len())).rev() {
            for start in 0..=chars.len() - len {
                let span = &chars[start..start + len];
                if taken[start..start + len].iter().any(|&t| t)
                    || overlaps_exact(start, start + len)
                    || !span.iter().all(|&c| is_han(c))
                {
                    continue;
                }
                // The cheaper test first: most spans have no neighbour at all.
                let Some(term) = self.unique_neighbour(span, &mut key) else {
                    continue;
                };
                if !cuts_a_word(&chars, start, start + len, is_word) {
                    taken[start..start + len].iter_mut().for_each(|t| *t = true);
                    corrections.push(Correction {
                        start,
                        end: start + len,
                        term: self.terms[term as usize].iter().collect(),
                    });
                }
            }
        }
        corrections.sort_by_key(|c| c.start);
        corrections
    }

    /// `text` with every correction applied, or `None` when nothing needed correcting.
    pub fn correct(&self, text: &str, is_word: &dyn Fn(&str) -> bool) -> Option<String> {
        let corrections = self.corrections(text, is_word);
        if corrections.is_empty() {
            return None;
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for correction in &corrections {
            out.extend(&chars[at..correction.start]);
            out.push_str(&correction.term);
            at = correction.end;
        }
        out.extend(&chars[at..]);
        Some(out)
    }

    fn exact_spans(&self, chars: &[char]) -> Vec<(usize, usize)> {
        let mut spans = Vec::new();
        let mut buffer = String::new();
        for len in MIN_TERM_CHARS..=self.longest.min(chars.len()) {
            for start in 0..=chars.len() - len {
                buffer.clear();
                buffer.extend(&chars[start..start + len]);
                if self.exact.contains_key(&buffer) {
                    spans.push((start, start + len));
                }
            }
        }
        spans
    }

    /// The one term (or terms of one meaning) one character away from `span`; `key` is a scratch buffer.
    fn unique_neighbour(&self, span: &[char], key: &mut String) -> Option<u32> {
        let mut found: Option<u32> = None;
        for position in 0..span.len() {
            mask_into(key, span, position);
            let Some(ids) = self.neighbours.get(key.as_str()) else {
                continue;
            };
            for &id in ids {
                if self.terms[id as usize] == span {
                    continue;
                }
                match found {
                    Some(other) if self.meanings[other as usize] != self.meanings[id as usize] => {
                        return None
                    }
                    Some(_) => {}
                    None => found = Some(id),
                }
            }
        }
        found
    }
}

/// How long a straddling word is that no reading of its outside part excuses (第一产业, though 第一 is a
/// word): shorter ones are often only one way of cutting the text (直达 in 生产总直达到).
const WHOLE_WORD_CHARS: usize = 4;

/// Whether a word of two to four characters straddles an edge of `start..end`, and the text outside the
/// span cannot be read as words of its own there: in 生产总直达到 the span 生产总直 meets 直达, but 达到
/// after it is a word too, so 直达 is only one way of cutting the text (and 率控制 in 失业率控制在 only a
/// rare dictionary entry beside 控制).
pub(crate) fn cuts_a_word(
    chars: &[char],
    start: usize,
    end: usize,
    is_word: &dyn Fn(&str) -> bool,
) -> bool {
    let mut buffer = String::new();
    let mut word = |from: usize, to: usize| {
        buffer.clear();
        buffer.extend(&chars[from..to]);
        is_word(&buffer)
    };
    for (edge, outside_is_after) in [(start, false), (end, true)] {
        for from in edge.saturating_sub(3)..edge {
            for to in edge + 1..=(from + 4).min(chars.len()) {
                if to - from < 2 || !word(from, to) {
                    continue;
                }
                // The straddling word's outside part inside a word that starts (ends) at the edge.
                let outside_reads_alone = if outside_is_after {
                    (to.max(edge + 2)..=(edge + 4).min(chars.len())).any(|k| word(edge, k))
                } else {
                    edge >= 2
                        && (edge.saturating_sub(4)..=from.min(edge - 2)).any(|k| word(k, edge))
                };
                // A word of four characters (第一产业 across 产业增加值) is one the language names as a
                // whole, however its outside part reads alone.
                if !outside_reads_alone || to - from >= WHOLE_WORD_CHARS {
                    return true;
                }
            }
        }
    }
    false
}

/// `chars` with the character at `position` replaced by '\0', written into `key`.
fn mask_into(key: &mut String, chars: &[char], position: usize) {
    key.clear();
    key.extend(
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| if i == position { '\0' } else { c }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_words(_: &str) -> bool {
        false
    }

    fn vocabulary() -> TypoVocabulary {
        TypoVocabulary::new([
            "四张清单",
            "规上工业增加值",
            "放管服效",
            "今年",
            "嫘祖海棠园",
            "四美乡村",
        ])
    }

    #[test]
    fn one_wrong_character_is_corrected() {
        let v = vocabulary();
        assert_eq!(
            v.correct("四涨清单是什么意思", &no_words).as_deref(),
            Some("四张清单是什么意思")
        );
        assert_eq!(
            v.correct("去年规上工叶增加值", &no_words).as_deref(),
            Some("去年规上工业增加值")
        );
        assert_eq!(
            v.correct("雷祖海棠园在哪", &no_words).as_deref(),
            Some("嫘祖海棠园在哪")
        );
    }

    #[test]
    fn another_county_is_not_a_typo_of_ours() {
        let v = TypoVocabulary::new(["西平县", "驻马店市", "河南省", "四张清单"]);
        assert_eq!(v.correct("遂平县的GDP", &no_words), None);
        assert_eq!(v.correct("驻马庄市", &no_words), None);
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn correct_text_and_unknown_text_are_left_alone() {
        let v = vocabulary();
        assert_eq!(v.correct("四张清单是什么意思", &no_words), None);
        assert_eq!(v.correct("明天天气怎么样", &no_words), None);
        assert_eq!(v.correct("abc", &no_words), None);
    }

    #[test]
    fn short_terms_are_not_corrected() {
        assert_eq!(vocabulary().correct("去年", &no_words), None);
        assert!(!vocabulary().is_empty());
        assert_eq!(vocabulary().len(), 5);
    }

    #[test]
    fn a_typo_around_a_correct_shorter_term_is_corrected() {
        let v = TypoVocabulary::new(["固定资产", "固定资产投资"]);
        assert_eq!(
            v.correct("固定资产投姿目标", &no_words).as_deref(),
            Some("固定资产投资目标")
        );
        assert_eq!(v.correct("固定资产目标", &no_words), None);
    }

    #[test]
    fn neighbours_with_one_meaning_are_no_ambiguity() {
        let v = TypoVocabulary::with_meanings([("粮食总产", "粮食总产"), ("粮食总量", "粮食总产")]);
        assert_eq!(
            v.correct("粮食总厂多少", &no_words).as_deref(),
            Some("粮食总产多少")
        );
    }

    #[test]
    fn a_span_that_cuts_a_word_in_two_is_no_typo() {
        let v = TypoVocabulary::new(["好天气"]);
        let words = |w: &str| ["明天", "天气"].contains(&w);
        assert_eq!(v.correct("明天天气怎么样", &words), None);
        assert_eq!(
            v.correct("坏天气怎么样", &words).as_deref(),
            Some("好天气怎么样")
        );
        // One character before the span is no word that could take 明 from 明天.
        let with_one = |w: &str| ["明天", "天气", "明"].contains(&w);
        assert_eq!(v.correct("明天天气怎么样", &with_one), None);
        // 气预 straddles the end of 坏天气, but 预报 reads alone after it: only one way of cutting the text.
        let cut = |w: &str| w == "气预";
        assert_eq!(v.correct("坏天气预报", &cut), None);
        let forecast = |w: &str| ["气预", "预报"].contains(&w);
        assert_eq!(
            v.correct("坏天气预报", &forecast).as_deref(),
            Some("好天气预报")
        );
    }

    #[test]
    fn an_ambiguous_span_is_left_alone() {
        let v = TypoVocabulary::new(["四美乡村", "四好乡村"]);
        assert_eq!(v.correct("四x乡村", &no_words), None);
        assert_eq!(v.correct("四丑乡村", &no_words), None);
    }
}
