//! Finding a table's cue phrases in a question in one pass. The small-talk, front-matter and structure
//! tables hold hundreds of phrases; searching for each one in turn cost more than answering the question.

use aho_corasick::AhoCorasick;

/// A table of cue phrases, each under a key (the field or kind it asks for), searched all at once.
pub(super) struct Cues<K> {
    matcher: Option<AhoCorasick>,
    entries: Vec<(K, &'static str)>,
}

impl<K: Copy> Cues<K> {
    pub(super) fn new(table: &[(K, &[&'static str])]) -> Cues<K> {
        let entries: Vec<(K, &'static str)> = table
            .iter()
            .flat_map(|(key, cues)| cues.iter().map(move |cue| (*key, *cue)))
            .collect();
        // The phrases are plain strings; a table that cannot be built finds nothing rather than failing.
        let matcher = AhoCorasick::new(entries.iter().map(|(_, cue)| *cue)).ok();
        Cues { matcher, entries }
    }

    /// Every cue found in `text`, in table order (a key's cues before the next key's), each once; English
    /// cues only as whole words (`hi` is not in `this`).
    pub(super) fn found(&self, text: &str) -> Vec<(K, &'static str)> {
        self.in_table_order(self.spans(text).into_iter().map(|(_, _, index)| index))
    }

    /// Where each cue stands in `text` (start, end, its entry), English cues as whole words only.
    fn spans(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        matcher
            .find_overlapping_iter(text)
            .filter(|found| {
                let cue = self.entries[found.pattern().as_usize()].1;
                !cue.is_ascii() || whole_word(text, found.start(), found.end())
            })
            .map(|found| (found.start(), found.end(), found.pattern().as_usize()))
            .collect()
    }

    /// The entries at `indices`, each once, in table order.
    fn in_table_order(&self, indices: impl Iterator<Item = usize>) -> Vec<(K, &'static str)> {
        let mut at: Vec<usize> = indices.collect();
        at.sort_unstable();
        at.dedup();
        at.into_iter().map(|index| self.entries[index]).collect()
    }
}

impl<K: Copy + PartialEq> Cues<K> {
    /// Every cue found in `text` as [`Cues::found`] finds it, except a cue said only inside a longer cue of
    /// another key: the 开 of 公开 publishes, it makes nothing; the 什么 of 什么时候 asks a time, not which.
    pub(super) fn found_outermost(&self, text: &str) -> Vec<(K, &'static str)> {
        let spans = self.spans(text);
        let inside_another = |&(start, end, index): &(usize, usize, usize)| {
            spans.iter().any(|&(outer_start, outer_end, outer)| {
                outer_start <= start
                    && end <= outer_end
                    && outer_end - outer_start > end - start
                    && self.entries[outer].0 != self.entries[index].0
            })
        };
        self.in_table_order(
            spans
                .iter()
                .filter(|span| !inside_another(span))
                .map(|&(_, _, index)| index),
        )
    }
}

/// Phrases asked of a question only by whether it says one of them: one pass over the question, where
/// `str::contains` per phrase built a searcher for each (a tenth of an answer's time, over all such tables).
pub(super) struct Phrases(Option<AhoCorasick>);

impl Phrases {
    pub(super) fn new<P: AsRef<[u8]>>(phrases: impl IntoIterator<Item = P>) -> Phrases {
        // Plain strings; a table that cannot be built finds nothing rather than failing.
        Phrases(AhoCorasick::new(phrases).ok())
    }

    /// Whether `text` holds one of the phrases anywhere (as `str::contains` would find it).
    pub(super) fn in_text(&self, text: &str) -> bool {
        self.0
            .as_ref()
            .is_some_and(|matcher| matcher.is_match(text))
    }
}

/// Whether `text[start..end]` has no letter or digit of its own word on either side.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_ascii_alphanumeric())
        && !after.is_some_and(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_are_found_in_table_order_and_english_ones_as_words() {
        let cues = Cues::new(&[(1, &["你好", "hi"][..]), (2, &["谢谢", "thanks"][..])]);
        assert_eq!(cues.found("谢谢你好"), vec![(1, "你好"), (2, "谢谢")]);
        assert_eq!(cues.found("this"), vec![]);
        assert_eq!(cues.found("hi, thanks"), vec![(1, "hi"), (2, "thanks")]);
    }

    #[test]
    fn a_cue_inside_a_longer_cue_of_another_key_is_not_found() {
        let cues = Cues::new(&[(1, &["开", "什么"][..]), (2, &["公开", "什么时候"][..])]);
        assert_eq!(
            cues.found_outermost("什么时候公开"),
            vec![(2, "公开"), (2, "什么时候")]
        );
        // Said once on its own, the shorter cue is found as well.
        assert_eq!(
            cues.found_outermost("什么时候开的，公开了什么"),
            vec![(1, "开"), (1, "什么"), (2, "公开"), (2, "什么时候")]
        );
        // Inside a longer cue of its own key it stays (发 in 发布 both publish).
        let same = Cues::new(&[(1, &["发", "发布"][..])]);
        assert_eq!(same.found_outermost("发布"), vec![(1, "发"), (1, "发布")]);
    }

    #[test]
    fn phrases_are_found_anywhere_in_the_text() {
        let phrases = Phrases::new(["去年", "2021"]);
        assert!(phrases.in_text("2021年的GDP"));
        assert!(phrases.in_text("说说去年"));
        assert!(!phrases.in_text("今年GDP"));
        assert!(!Phrases::new::<&str>([]).in_text("去年"));
    }
}
