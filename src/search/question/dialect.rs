//! Dialect and colloquial ways of asking (咋, 啥, 多钱, 整了多少, 俺, 中不中) in the standard words the markers
//! know. The table is `knowledge/phrases.toml`: a maintainer adds a phrase there, not here.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, BuildError};

use super::phrases::{at_word_boundaries, phrase_matcher};
use crate::search::normalize::fold_for_search;

/// How many times a question is read through the table. Two lets a question word rewritten by one phrase
/// complete another (几个钱 → 多少钱 inside 落几个钱); more passes would only matter for chains of three
/// rewrites, which no phrase needs, and each pass costs a scan of the question.
const REWRITE_PASSES: usize = 2;

/// The phrases and what each stands for.
#[derive(Default)]
pub(super) struct Dialect {
    matcher: Option<AhoCorasick>,
    /// What people type, in the matcher's pattern order.
    said: Vec<String>,
    standard: Vec<String>,
    /// Spaces around each replacement (English names become Chinese terms between English words).
    padded: bool,
}

impl Dialect {
    /// From `(what people type, standard words)` pairs; the longest phrase wins where several start.
    pub(super) fn build<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Dialect, BuildError> {
        let mut said = Vec::new();
        let mut standard = Vec::new();
        for (say, means) in pairs {
            let say = fold_for_search(say);
            if say.is_empty() || said.contains(&say) {
                continue;
            }
            said.push(say);
            standard.push(fold_for_search(means));
        }
        if said.is_empty() {
            return Ok(Dialect::default());
        }
        Ok(Dialect {
            matcher: Some(phrase_matcher(&said)?),
            said,
            standard,
            padded: false,
        })
    }

    /// The longest phrase that begins `found` (a matched phrase that does not fit), is shorter and fits.
    fn shorter_fitting(&self, found: &str, fits: &dyn Fn(usize) -> bool) -> Option<usize> {
        self.said
            .iter()
            .enumerate()
            .filter(|(_, said)| said.len() < found.len() && found.starts_with(said.as_str()))
            .filter(|(_, said)| fits(said.len()))
            .max_by_key(|(_, said)| said.len())
            .map(|(pattern, _)| pattern)
    }

    /// The phrases people type in Han characters only (咋整, 这些年, 最近): a question typed in pinyin
    /// asks in them too (`za zheng`, `zuijin`).
    pub(super) fn han_phrases(&self) -> impl Iterator<Item = &str> {
        self.said
            .iter()
            .map(String::as_str)
            .filter(|said| said.chars().all(crate::search::normalize::is_han))
    }

    /// The same with spaces around each replacement.
    pub(super) fn padded(mut self) -> Dialect {
        self.padded = true;
        self
    }

    /// `text` (normalised) in standard words; a phrase that `cuts_word(text, start, end)` (byte range) is
    /// part of another word and stays. Phrases compose: what one pass writes is read again (落几个钱 →
    /// 落多少钱 → 收入多少元), so each spelling is listed once, not in every combination.
    pub(super) fn rewrite<'t>(
        &self,
        text: &'t str,
        cuts_word: &dyn Fn(&str, usize, usize) -> bool,
    ) -> Cow<'t, str> {
        let mut out = self.rewrite_once(text, cuts_word);
        for _ in 1..REWRITE_PASSES {
            match self.rewrite_once(&out, cuts_word) {
                Cow::Owned(again) => out = Cow::Owned(again),
                Cow::Borrowed(_) => break,
            }
        }
        out
    }

    /// One left-to-right pass of [`Dialect::rewrite`].
    fn rewrite_once<'t>(
        &self,
        text: &'t str,
        cuts_word: &dyn Fn(&str, usize, usize) -> bool,
    ) -> Cow<'t, str> {
        let Some(matcher) = &self.matcher else {
            return Cow::Borrowed(text);
        };
        let mut out = String::new();
        let mut at = 0;
        for found in matcher.find_iter(text) {
            let start = found.start();
            let fits =
                |end: usize| at_word_boundaries(text, start, end) && !cuts_word(text, start, end);
            // The longest phrase may cut a word (咱县 in 咱县城镇化率) where a shorter one does not (咱).
            let pattern = if fits(found.end()) {
                Some(found.pattern().as_usize())
            } else {
                self.shorter_fitting(&text[start..found.end()], &fits)
            };
            let Some(pattern) = pattern else {
                continue;
            };
            let end = start + self.said[pattern].len();
            out.push_str(&text[at..start]);
            let standard = &self.standard[pattern];
            if standard.is_empty() {
                out.push(' ');
            } else if self.padded {
                out.push(' ');
                out.push_str(standard);
                out.push(' ');
            } else {
                out.push_str(standard);
            }
            at = end;
        }
        if at == 0 {
            return Cow::Borrowed(text);
        }
        out.push_str(&text[at..]);
        Cow::Owned(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialect_becomes_standard_words() {
        let dialect = Dialect::build([
            ("咋", "怎么"),
            ("咋整", "怎么做"),
            ("多钱", "多少钱"),
            ("俺", ""),
            ("整了", "了"),
        ])
        .expect("matcher");
        let none = |_: &str, _: usize, _: usize| false;
        assert_eq!(
            dialect.rewrite("俺想问问去年gdp多钱", &none),
            " 想问问去年gdp多少钱"
        );
        assert_eq!(dialect.rewrite("问题楼盘咋整", &none), "问题楼盘怎么做");
        assert_eq!(dialect.rewrite("农田整了多少", &none), "农田了多少");
        // One phrase's standard words complete another's: 几个钱 → 多少钱, then 落多少钱 → 收入多少元.
        let chained =
            Dialect::build([("几个钱", "多少钱"), ("落多少钱", "收入多少元")]).expect("matcher");
        assert_eq!(chained.rewrite("一年能落几个钱", &none), "一年能收入多少元");
        assert!(matches!(dialect.rewrite("整治", &none), Cow::Borrowed(_)));
        assert_eq!(Dialect::default().rewrite("咋", &none), "咋");
        // 调整了: 整了 is no verb of its own there.
        let adjusting = |text: &str, start: usize, _: usize| text[..start].ends_with('调');
        assert_eq!(dialect.rewrite("调整了多少", &adjusting), "调整了多少");
        // 咱县 would cut 县城 in two; 咱 alone does not.
        let colour = Dialect::build([("咱", ""), ("咱县", "")]).expect("matcher");
        let county_town = |text: &str, start: usize, end: usize| {
            text[start..end].ends_with('县') && text[end..].starts_with('城')
        };
        assert_eq!(colour.rewrite("咱县城镇化率", &county_town), " 县城镇化率");
    }
}
