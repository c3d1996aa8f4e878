//! A word's pinyin as the sound-alike matcher compares it: its readings (the `pinyin` crate's, most common
//! first), a syllable without its tone, the near-homophone form that lets z/zh, n/l, -n/-ng meet, and the
//! initials a term is typed as.

use pinyin::{ToPinyin, ToPinyinMulti};

/// Readings combined per term when a term's characters have several (重, 行), for spelled pinyin: enough
/// for the usual cases.
pub(super) const MAX_READINGS: usize = 8;
/// Syllables opening with zh, ch or sh whose initials are tried both ways each (2³ spellings at most);
/// past that, a term's initials are typed with all of them whole or none.
const MAX_WHOLE_INITIALS: usize = 3;

/// The readings of a word: its first readings, then other readings of its characters, at most
/// [`MAX_READINGS`]; `None` when a character has no pinyin.
pub(super) fn term_readings(chars: &[char]) -> Option<Vec<Vec<&'static str>>> {
    let mut readings: Vec<Vec<&'static str>> = vec![Vec::new()];
    for &c in chars {
        let first = c.to_pinyin()?.plain();
        let mut options = vec![first];
        if let Some(multi) = c.to_pinyin_multi() {
            for reading in multi {
                if !options.contains(&reading.plain()) {
                    options.push(reading.plain());
                }
            }
        }
        let mut next = Vec::new();
        for (n, option) in options.iter().enumerate() {
            for reading in &readings {
                if n > 0 && next.len() >= MAX_READINGS {
                    break;
                }
                let mut longer = reading.clone();
                longer.push(*option);
                next.push(longer);
            }
        }
        readings = next;
    }
    Some(readings)
}

/// The near-homophone form of a toneless syllable: z/zh, c/ch, s/sh, n/l, r/l, f/h and -n/-ng meet.
pub fn fuzzy(syllable: &str) -> String {
    let syllable = syllable.replace('ü', "v");
    let (initial, rest) = ["zh", "ch", "sh", "z", "c", "s", "n", "l", "r", "f", "h"]
        .iter()
        .find_map(|initial| {
            syllable
                .strip_prefix(initial)
                .filter(|rest| !rest.is_empty() && *rest != "g")
                .map(|rest| (*initial, rest))
        })
        .unwrap_or(("", syllable.as_str()));
    let initial = match initial {
        "zh" => "z",
        "ch" => "c",
        "sh" => "s",
        "n" | "r" => "l",
        "f" => "h",
        other => other,
    };
    let rest = rest.strip_suffix("ng").map_or_else(
        || rest.to_owned(),
        |stem| {
            // ong has no -n partner; ang/eng/ing meet an/en/in.
            if stem.ends_with('o') {
                rest.to_owned()
            } else {
                format!("{stem}n")
            }
        },
    );
    format!("{initial}{rest}")
}

/// The initials a reading is typed as: one letter a syllable (`czhl` for 城镇化率), and with zh, ch and sh
/// typed whole, as many keyboards' users do, in any of those syllables (`czzhl`, `chzhhl`); past
/// [`MAX_WHOLE_INITIALS`] such syllables only all of them or none.
pub(super) fn typed_initials(reading: &[&str]) -> Vec<String> {
    let whole: Vec<Option<&str>> = reading
        .iter()
        .map(|syllable| {
            ["zh", "ch", "sh"]
                .into_iter()
                .find(|initial| syllable.starts_with(initial))
        })
        .collect();
    let twofold: Vec<usize> = (0..reading.len()).filter(|&i| whole[i].is_some()).collect();
    let choices: Vec<u32> = if twofold.len() <= MAX_WHOLE_INITIALS {
        (0..1u32 << twofold.len()).collect()
    } else {
        vec![0, (1u32 << twofold.len()) - 1]
    };
    choices
        .into_iter()
        .map(|choice| {
            let mut typed = String::new();
            for (i, syllable) in reading.iter().enumerate() {
                let bit = twofold.iter().position(|&t| t == i);
                match (bit, whole[i]) {
                    (Some(bit), Some(initial)) if choice & (1 << bit) != 0 => {
                        typed.push_str(initial)
                    }
                    _ => typed.extend(syllable.chars().next()),
                }
            }
            typed
        })
        .collect()
}

pub(super) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'ā'..='ǜ' | 'à'..='ü')
}

/// A Latin word without tone marks or tone numbers (`fàng` and `fang4` → `fang`), lowercase; `None` when
/// digits stand anywhere but after a syllable.
pub(super) fn toneless(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    let mut after_letter = false;
    for c in word.chars() {
        if c.is_ascii_digit() {
            if !after_letter || !('0'..='5').contains(&c) {
                return None;
            }
            after_letter = false;
            continue;
        }
        after_letter = true;
        out.push(match c {
            'ā' | 'á' | 'ǎ' | 'à' => 'a',
            'ē' | 'é' | 'ě' | 'è' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
            'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => 'v',
            c if c.is_ascii_alphabetic() => c.to_ascii_lowercase(),
            _ => return None,
        });
    }
    Some(out)
}
