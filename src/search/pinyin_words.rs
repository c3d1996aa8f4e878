//! Whether a Latin word is Chinese typed in pinyin (`paiming`, `fangjia`) rather than English (`closed`):
//! the first names a topic even when the report lacks it, the second is mostly the grammar around one.
//! The syllables come from the `pinyin` crate's readings of every CJK character, not from a typed table.

use std::sync::LazyLock;

use pinyin::{ToPinyin, ToPinyinMulti};
use rustc_hash::FxHashSet;

use super::normalize::{is_han, QUESTION_WORDS};

/// Pinyin words this short (`he`, `an`, `ban`) are as often English; longer ones are rarely both.
const MIN_PINYIN_CHARS: usize = 5;
/// Initials this short (`sp`, `xp`) still name something: two letters is the shortest a name's initials are.
const MIN_INITIALS_CHARS: usize = 2;
/// The longest syllable (`zhuang`, `shuang`).
const MAX_SYLLABLE_CHARS: usize = 6;

/// Every toneless syllable some CJK character is read as, ü typed as v (`lv`, `nv`) as keyboards do.
static SYLLABLES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    (0x4E00..=0x9FFF_u32)
        .filter_map(char::from_u32)
        .filter_map(|c| c.to_pinyin_multi())
        .flat_map(|readings| {
            readings
                .into_iter()
                .map(|reading| reading.plain().replace('ü', "v"))
        })
        .collect()
});

/// The question words (多少, 什么, 哪些 …) as pinyin without spaces or tones: typed in pinyin, they ask, they
/// name nothing.
static QUESTION_PINYIN: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    QUESTION_WORDS
        .iter()
        .filter(|word| word.chars().all(is_han))
        .filter_map(|word| {
            word.chars()
                .map(|c| c.to_pinyin().map(|reading| reading.plain()))
                .collect::<Option<String>>()
        })
        .collect()
});

/// Whether a Latin word is a Chinese topic word typed in pinyin: pinyin, and not a question word; or
/// pinyin initials (`czsr`, `zzl`) that spelled no term of the report: still something the asker named.
pub fn names_chinese_topic(word: &str) -> bool {
    is_pinyin(word) && !QUESTION_PINYIN.contains(&word.to_ascii_lowercase()) || is_initials(word)
}

/// Whether `word` looks like pinyin initials: [`MIN_INITIALS_CHARS`] letters or more and no vowel
/// (`czsr`, `kqyl`), which no English word of a Chinese question is.
pub fn is_initials(word: &str) -> bool {
    word.len() >= MIN_INITIALS_CHARS
        && word
            .bytes()
            .all(|b| b.is_ascii_alphabetic() && !b"aeiouAEIOU".contains(&b))
}

/// Whether `word` (letters only) reads as two or more pinyin syllables and is long enough not to be a
/// short English word.
pub fn is_pinyin(word: &str) -> bool {
    word.len() >= MIN_PINYIN_CHARS && fewest_syllables(word).is_some_and(|count| count >= 2)
}

/// Whether `text` is Chinese typed in pinyin: it has Latin words, every one of them spells pinyin
/// syllables, and no Chinese letter (xian renmin yiyuan you duoshao: `you` is a syllable here).
pub fn typed_in_pinyin(text: &str) -> bool {
    let mut words = text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .peekable();
    words.peek().is_some() && !text.chars().any(is_han) && words.all(spells_syllables)
}

/// Whether `word` (lowercase letters, no tones) reads as pinyin syllables at all, however short (`shi`,
/// `de`, `duoshao`): with every other word of a question pinyin too, it is Chinese typed in pinyin.
pub fn spells_syllables(word: &str) -> bool {
    fewest_syllables(word).is_some()
}

/// The fewest pinyin syllables that spell `word`, when they can.
fn fewest_syllables(word: &str) -> Option<usize> {
    let word = word.to_ascii_lowercase();
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    // Fewest syllables that spell word[..i], when it can be spelled.
    let mut fewest: Vec<Option<usize>> = vec![None; word.len() + 1];
    fewest[0] = Some(0);
    for start in 0..word.len() {
        let Some(count) = fewest[start] else {
            continue;
        };
        for end in start + 1..=word.len().min(start + MAX_SYLLABLE_CHARS) {
            if SYLLABLES.contains(&word[start..end]) {
                let next = count + 1;
                if fewest[end].is_none_or(|known| next < known) {
                    fewest[end] = Some(next);
                }
            }
        }
    }
    fewest[word.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinyin_words_are_told_from_english_ones() {
        for pinyin in ["paiming", "fangjia", "renkou", "Xiping", "shengchanzongzhi"] {
            assert!(is_pinyin(pinyin), "{pinyin}");
        }
        for english in [
            "closed",
            "hospitals",
            "rate",
            "the",
            "weather",
            "target",
            "built",
        ] {
            assert!(!is_pinyin(english), "{english}");
        }
        assert!(names_chinese_topic("paiming"));
        assert!(!names_chinese_topic("duoshao"), "多少 asks");
        assert!(!names_chinese_topic("shenme"), "什么 asks");
        assert!(names_chinese_topic("czsr"), "initials name a topic");
        assert!(names_chinese_topic("sp") && !names_chinese_topic("closed"));
        assert!(!names_chinese_topic("s"));
        for typed in ["shi", "de", "duoshao", "lv"] {
            assert!(spells_syllables(typed), "{typed}");
        }
        for english in ["what", "is", "the", "target", ""] {
            assert!(!spells_syllables(english), "{english}");
        }
        assert!(typed_in_pinyin("xian renmin yiyuan you duoshao chuangwei"));
        assert!(!typed_in_pinyin("do you have the plan"));
        assert!(!typed_in_pinyin("fgfx是什么意思"));
        assert!(!typed_in_pinyin("2022"));
    }
}
