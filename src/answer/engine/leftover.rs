//! What is left of a question once the words that say what kind of question it is are taken out: when
//! nothing with a topic is left, the question is about the report itself (its front matter, a part, small
//! talk) and not about anything in it. Shared by `about`, `meta_ask` and `parts`.

use crate::search::normalize::is_word_char;

/// Words that point at the report itself; with them stripped, a question about the report has no topic left.
pub(super) const REPORT_WORDS: &[&str] = &[
    "这份政府工作报告",
    "这篇报告",
    "政府工作报告",
    "这份报告",
    "这个报告",
    "该报告",
    "本报告",
    "此报告",
    "工作报告",
    "报告",
    "government work report",
    "work report",
    "this report",
    "the report",
    "report",
    "这份东西",
    "这篇东西",
    "这份材料",
    "这份文件",
    "这个文件",
    "这篇文章",
    "这篇讲话",
    "这个讲话",
    "讲话",
    "这份",
    "这篇",
    "这个",
    "该",
    "本次",
];

/// A topic is named by this many characters of a block's heading at least: one would match anything.
pub(super) const MIN_TOPIC_CHARS: usize = 2;

/// The longest run of `heading`'s letters the question says, in characters (grown one letter at a time: a
/// run the question lacks has no longer run it says).
pub(super) fn named_chars(normalized: &str, heading: &str) -> usize {
    AskedPairs::new(normalized).named_chars(heading)
}

/// The longest run of `heading`'s letters the question says.
pub(super) fn named_piece(normalized: &str, heading: &str) -> String {
    let size = named_chars(normalized, heading);
    let chars: Vec<char> = heading.chars().collect();
    chars
        .windows(size.max(1))
        .map(|piece| piece.iter().collect::<String>())
        .find(|piece| normalized.contains(piece.as_str()))
        .unwrap_or_default()
}

/// A question's neighbouring letters, read once to match many headings: a run of [`MIN_TOPIC_CHARS`] or
/// more opens with two letters the question has side by side, so most openings are ruled out without a
/// search.
pub(super) struct AskedPairs<'q> {
    normalized: &'q str,
    pairs: Vec<[char; 2]>,
    /// The question's letters, one bit each (by code point modulo 128): a letter whose bit is unset is not
    /// in the question, which rules out most openings of a long text without scanning the pairs.
    letters: u128,
}

/// A letter's bit in a set of letters such as [`AskedPairs`]'s `letters`.
fn letter_bit(c: char) -> u128 {
    1 << (u32::from(c) % u128::BITS)
}

/// The bits of every letter of `text`: a word with a letter whose bit is unset is not in `text`, told
/// without searching for it.
fn letter_bits(text: &str) -> u128 {
    text.chars().fold(0, |bits, c| bits | letter_bit(c))
}

impl<'q> AskedPairs<'q> {
    pub(super) fn new(normalized: &'q str) -> AskedPairs<'q> {
        let chars: Vec<char> = normalized.chars().collect();
        let pairs = chars.windows(2).map(|pair| [pair[0], pair[1]]).collect();
        AskedPairs {
            normalized,
            pairs,
            letters: letter_bits(normalized),
        }
    }

    /// [`named_chars`] of `heading` for this question.
    pub(super) fn named_chars(&self, heading: &str) -> usize {
        let asked = |c: char| self.letters & letter_bit(c) != 0;
        let mut best = 0;
        let mut letters = heading.char_indices().peekable();
        while let Some((at, first)) = letters.next() {
            let Some(&(_, second)) = letters.peek() else {
                break;
            };
            let opens = asked(first)
                && asked(second)
                && is_word_char(first)
                && is_word_char(second)
                && self.pairs.contains(&[first, second]);
            if !opens {
                continue;
            }
            let run = heading[at..]
                .char_indices()
                .take_while(|&(offset, c)| {
                    let end = at + offset + c.len_utf8();
                    is_word_char(c) && self.normalized.contains(&heading[at..end])
                })
                .count();
            best = best.max(run);
        }
        if best < MIN_TOPIC_CHARS {
            0
        } else {
            best
        }
    }

    /// The pairs of neighbouring letters of `heading` the question also has side by side, each once: a
    /// heading said in pieces (政府自身建设 says 政府 and 建设 of 建设人民满意政府).
    pub(super) fn said_pairs<'h>(&self, heading: &'h str) -> Vec<&'h str> {
        let asked = |c: char| self.letters & letter_bit(c) != 0;
        let mut said: Vec<&str> = Vec::new();
        let mut letters = heading.char_indices().peekable();
        while let Some((at, first)) = letters.next() {
            let Some(&(next_at, second)) = letters.peek() else {
                break;
            };
            let pair = &heading[at..next_at + second.len_utf8()];
            if asked(first)
                && asked(second)
                && is_word_char(first)
                && is_word_char(second)
                && self.pairs.contains(&[first, second])
                && !said.contains(&pair)
            {
                said.push(pair);
            }
        }
        said
    }
}

/// Characters that carry nothing once the cues are gone: punctuation, particles, function characters,
/// emoji, spaces.
fn is_filler(c: char) -> bool {
    !is_word_char(c)
        // 来 links a frame to its verb (从哪几个方面来讲, 分成几项来部署); alone it names nothing.
        || "啊呀呢吧吗嘛哦噢哈呵的了啦喂呐嗯哟么是请问一下你您我们在上作做由于被给和或与及对向从把将哪什么啥时候个次份那这里儿几有谁能天得中来"
            .contains(c)
}

/// English words that carry nothing once the cues are gone.
const ENGLISH_FILLER: &[&str] = &[
    "a",
    "and",
    "his",
    "her",
    "about",
    "an",
    "the",
    "this",
    "that",
    "it",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "on",
    "at",
    "in",
    "of",
    "by",
    "to",
    "for",
    "what",
    "when",
    "where",
    "which",
    "who",
    "did",
    "does",
    "do",
    "delivered",
    "given",
    "held",
    "made",
    "published",
    "have",
    "has",
    "please",
    "tell",
    "me",
    "he",
    "his",
    "she",
    "her",
    "you",
    "can",
    "could",
    "i",
    "and",
    "bot",
    "there",
    "ok",
    "s",
    "hello",
    "hi",
    "thanks",
];

/// Courtesies said around a question (你好，报告是谁作的 / 麻烦问下… / …谢谢): they ask nothing. English
/// ones are among [`ENGLISH_FILLER`], matched as whole words.
const COURTESIES: &[&str] = &[
    "你好",
    "您好",
    "大家好",
    "麻烦问一下",
    "麻烦问下",
    "想问一下",
    "想问下",
    "问一下",
    "问下",
    "麻烦",
    "打扰一下",
    "打扰了",
    "请教一下",
    "请教",
    "谢谢",
    "多谢",
];

/// Whether what is left of a question has nothing to ask about, courtesies around it aside.
pub(super) fn topicless(rest: &str) -> bool {
    only_filler(rest) || only_filler(&without(rest, COURTESIES.iter().copied()))
}

/// Whether `rest` holds filler only.
fn only_filler(rest: &str) -> bool {
    rest.split(|c: char| !c.is_ascii_alphanumeric() && c.is_ascii())
        .filter(|word| !word.is_empty())
        .all(|word| {
            if word.is_ascii() {
                ENGLISH_FILLER.contains(&word)
            } else {
                word.chars().all(is_filler)
            }
        })
}

/// The phrases of `cues` found in `text` removed, longest first.
pub(super) fn without<'a>(text: &str, cues: impl Iterator<Item = &'a str>) -> String {
    // Cutting a cue out leaves a blank: the text's letters and the blank hold every letter a cue can match.
    let letters = letter_bits(text) | letter_bit(' ');
    let mut cues: Vec<&str> = cues
        .filter(|cue| cue.chars().all(|c| letters & letter_bit(c) != 0))
        .collect();
    cues.sort_by_key(|cue| std::cmp::Reverse(cue.len()));
    let mut rest = text.to_owned();
    for cue in cues {
        if rest.contains(cue) {
            rest = rest.replace(cue, " ");
        }
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn courtesies_around_a_question_leave_no_topic() {
        assert!(topicless("你好 "));
        assert!(topicless("麻烦问下 是 "));
        assert!(topicless(" 谢谢"));
        assert!(topicless("hi there"));
        assert!(!topicless("你好 粮食"));
        assert!(!topicless("history"));
    }
}
