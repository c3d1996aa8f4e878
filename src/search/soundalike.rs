//! Sound-alike input: what voice input and pinyin keyboards make of the report's words.
//!
//! - **Homophones** (`粮食目表` for 粮食目标, `放管服笑` for 放管服效): a span of the question whose characters
//!   read like a word of the report (same pinyin in any tone, or near it: z/zh, c/ch, s/sh, n/l, f/h, r/l,
//!   -n/-ng) is that word, when it is no word of the language itself and only one meaning fits.
//! - **Pinyin** (`fgfx`, `fangguanfuxiao`, `fang4 guan3 fu2 xiao4`, `Laowangpo`): Latin letters that spell the
//!   initials or the whole pinyin of a report term are that term.
//!
//! The vocabulary is made when the engine is built, from the report's own words and terms (the `pinyin`
//! crate reads them): nothing here lists a word by hand.

use pinyin::{ToPinyin, ToPinyinMulti};
use rustc_hash::{FxHashMap, FxHashSet};

use super::asking_pinyin::{AskingPinyin, FUNCTION_CHARS};
use super::normalize::is_han;
use super::pinyin_words::spells_syllables;
use super::syllables::{fuzzy, is_latin, term_readings, toneless, typed_initials};
use super::typo::cuts_a_word;

mod after_initials;
mod readings;
mod repairs;
mod run_together;

use readings::CharReadings;
use repairs::{apply, date_unit, Repair};

/// The longest word (in characters) a homophone span is compared with.
const MAX_WORD_CHARS: usize = 10;
/// The longest term (in characters) found by its initials or whole pinyin (城镇居民人均可支配收入 is eleven):
/// typed letters are compared whole, so a long term costs nothing per question.
const MAX_TYPED_CHARS: usize = 16;
/// Near-homophones (similar, not equal pinyin) only for words this long: two similar syllables make
/// another word far too often.
const MIN_NEAR_CHARS: usize = 3;
/// Initials only stand for terms this long: two letters spell too many words.
const MIN_INITIALS: usize = 3;
/// Initials typed before a term's own characters (`ybggys收入`) are at least this many letters: one letter
/// and a few characters (`x村`) match the tail of too many terms by chance.
const MIN_INITIALS_BEFORE_CHARACTERS: usize = 2;
/// Whole pinyin shorter than this (in letters) is left alone: `hena`, `anhui` may be English or a name.
const MIN_PINYIN_LETTERS: usize = 5;
/// A question typed in pinyin that names no report term is read back only when it has this many words and
/// every one of them is read (`baogao shi shei zuo de`): a single word (`duoshao`, `hen`) may as well be
/// English or a name.
const MIN_SPOKEN_WORDS: usize = 2;
/// How many consecutive Latin words may spell one term (`lao wang po`).
const MAX_PINYIN_WORDS: usize = 8;
/// Readings of a question's character compared with the words' sounds: its common ones (the `pinyin` crate
/// lists the most common first). Rarer readings (省 xian) would make homophones of unrelated words.
pub(super) const SPOKEN_READINGS: usize = 2;
/// The last characters of the names of counties, cities and provinces: a sound-alike of one is another place.
const PLACE_SUFFIXES: [char; 3] = ['县', '市', '省'];

/// How much a term counts when several sound alike: the report's own terms before its other words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// A term of the report (glossary, metrics, user dictionary, aliases' report terms).
    Term,
    /// Another way of saying a term (an alias variant: 烂尾房 for 问题楼盘).
    Variant,
    /// Any other word of the report's text.
    Word,
}

#[derive(Debug, Default)]
struct Node {
    children: FxHashMap<u16, u32>,
    words: Vec<u32>,
}

/// A word of the vocabulary.
#[derive(Debug)]
struct Entry {
    chars: Vec<char>,
    meaning: String,
    standing: Standing,
}

/// The report's vocabulary by sound. Build it with [`SoundAlike::build`].
#[derive(Debug, Default)]
pub struct SoundAlike {
    /// Near-homophone syllables (fuzzy forms) → small ids.
    syllables: FxHashMap<String, u16>,
    /// Plain syllables of the vocabulary's characters → their fuzzy ids, so that reading a question
    /// rarely computes a fuzzy form.
    plain_ids: FxHashMap<&'static str, u16>,
    /// A trie over fuzzy syllables; node 0 is the root.
    nodes: Vec<Node>,
    entries: Vec<Entry>,
    exact: FxHashSet<String>,
    /// Whole toneless pinyin (`fangguanfuxiao`) → entries.
    spelled: FxHashMap<String, Vec<u32>>,
    /// Initials (`fgfx`) of the terms → entries.
    initials: FxHashMap<String, Vec<u32>>,
    /// The ways of asking (多少, 去年, 是什么意思, 的, 建) by their pinyin: read back only in a question whose
    /// every Latin word is pinyin and that spells a report term or reads whole.
    asking: AskingPinyin,
}

impl SoundAlike {
    /// The vocabulary of `(word, meaning, standing)`: words of two or more ideographs, each standing for its
    /// meaning (a variant for its report term).
    pub fn build<I, W, M>(words: I) -> SoundAlike
    where
        I: IntoIterator<Item = (W, M, Standing)>,
        W: AsRef<str>,
        M: Into<String>,
    {
        let mut vocabulary = SoundAlike {
            nodes: vec![Node::default()],
            ..SoundAlike::default()
        };
        let mut seen: FxHashMap<String, u32> = FxHashMap::default();
        for (word, meaning, standing) in words {
            let word = word.as_ref();
            let chars: Vec<char> = word.chars().collect();
            if chars.len() < 2
                || chars.len() > MAX_TYPED_CHARS
                || !chars.iter().all(|&c| is_han(c))
                || chars.last().is_some_and(|c| PLACE_SUFFIXES.contains(c))
            {
                continue;
            }
            if let Some(&id) = seen.get(word) {
                // A word met again as a term counts as a term.
                let entry = &mut vocabulary.entries[id as usize];
                if standing < entry.standing {
                    entry.standing = standing;
                    entry.meaning = meaning.into();
                }
                continue;
            }
            let Some(readings) = term_readings(&chars) else {
                continue;
            };
            let id = vocabulary.entries.len() as u32;
            seen.insert(word.to_owned(), id);
            for &c in &chars {
                for reading in c.to_pinyin_multi().into_iter().flatten() {
                    let plain = reading.plain();
                    if !vocabulary.plain_ids.contains_key(plain) {
                        let key = vocabulary.syllable_id(&fuzzy(plain));
                        vocabulary.plain_ids.insert(plain, key);
                    }
                }
            }
            for (n, reading) in readings.iter().enumerate() {
                // The sound trie holds the common reading of words a homophone span is compared with;
                // spelled pinyin and initials every reading of every term.
                if n == 0 && chars.len() <= MAX_WORD_CHARS {
                    let mut node = 0u32;
                    for syllable in reading {
                        let key = vocabulary.syllable_id(&fuzzy(syllable));
                        let next = vocabulary.nodes.len() as u32;
                        node = *vocabulary.nodes[node as usize]
                            .children
                            .entry(key)
                            .or_insert(next);
                        if node == next {
                            vocabulary.nodes.push(Node::default());
                        }
                    }
                    push_unique(&mut vocabulary.nodes[node as usize].words, id);
                }
                // Other words of the text by their common reading only: their rarer ones spell what
                // nobody types for them (嬉戏 as xihu, 见底 as xiande) and would read a topic the report
                // lacks (西湖) or a grammar word (县的) as one of its words.
                if n == 0 || standing <= Standing::Variant {
                    let spelled: String = reading.concat().replace('ü', "v");
                    push_unique(vocabulary.spelled.entry(spelled).or_default(), id);
                }
                if chars.len() >= MIN_INITIALS && standing <= Standing::Variant {
                    for initials in typed_initials(reading) {
                        push_unique(vocabulary.initials.entry(initials).or_default(), id);
                    }
                }
            }
            vocabulary.exact.insert(word.to_owned());
            vocabulary.entries.push(Entry {
                chars,
                meaning: meaning.into(),
                standing,
            });
        }
        vocabulary
    }

    /// Learns the ways of asking (`phrases`, Han characters only) by their pinyin and initials, with the
    /// grammar characters; the first phrase of a spelling wins.
    pub fn learn_asking<S: AsRef<str>>(&mut self, phrases: impl IntoIterator<Item = S>) {
        self.asking.learn(phrases);
    }

    /// Learns more words questions are put in (the report's verbs, commonest first) by
    /// their whole pinyin: read back in a question typed all in pinyin.
    pub fn learn_asking_words<S: AsRef<str>>(&mut self, words: impl IntoIterator<Item = S>) {
        self.asking.learn_words(words);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn syllable_id(&mut self, fuzzy: &str) -> u16 {
        let next = self.syllables.len() as u16;
        *self.syllables.entry(fuzzy.to_owned()).or_insert(next)
    }

    /// `text` (normalised) with every homophone of a report word replaced by the word, or `None` when no
    /// span sounds like one. `is_word` tells the words of the language: a span that is a word itself is
    /// what it says (公园 is no 工业园), and a span that cuts one in two is no error.
    ///
    /// `eager`: the first reading of a question, before anything else was tried: only the report's terms of
    /// three or more characters with the very same pinyin (白酒真兴工程 → 白酒振兴工程), which a question that
    /// seems answered may still mean.
    pub fn correct(
        &self,
        text: &str,
        is_word: &dyn Fn(&str) -> bool,
        eager: bool,
    ) -> Option<String> {
        if self.is_empty() || !text.chars().any(is_han) {
            return None;
        }
        let chars: Vec<char> = text.chars().collect();
        let readings: Vec<CharReadings> = chars.iter().map(|&c| self.char_readings(c)).collect();
        // Every span that sounds like a word: (start, end, candidate entries); the eager reading repairs
        // no short span, so it keeps none. Spans that are a word as written are kept apart, short or not.
        let mut found: Vec<(usize, usize, Vec<u32>)> = Vec::new();
        let mut exact: Vec<(usize, usize)> = Vec::new();
        let (mut active, mut next) = (Vec::new(), Vec::new());
        for start in 0..chars.len() {
            active.clear();
            active.push(0u32);
            for end in start + 1..=(start + MAX_WORD_CHARS).min(chars.len()) {
                next.clear();
                for &node in &active {
                    for &(syllable, _) in readings[end - 1].as_slice() {
                        if let Some(&child) = self.nodes[node as usize].children.get(&syllable) {
                            push_unique(&mut next, child);
                        }
                    }
                }
                if next.is_empty() {
                    break;
                }
                let words = next
                    .iter()
                    .flat_map(|&node| self.nodes[node as usize].words.iter().copied());
                // Every word of the vocabulary written as it is sounds like itself.
                if words
                    .clone()
                    .any(|id| self.entries[id as usize].chars == chars[start..end])
                {
                    exact.push((start, end));
                }
                let ends_word = next
                    .iter()
                    .any(|&node| !self.nodes[node as usize].words.is_empty());
                if ends_word && !(eager && end - start < MIN_NEAR_CHARS) {
                    found.push((start, end, words.collect()));
                }
                std::mem::swap(&mut active, &mut next);
            }
        }
        if found.is_empty() {
            return None;
        }
        let overlaps_exact = |start: usize, end: usize| {
            exact
                .iter()
                .any(|&(a, b)| a < end && start < b && !(start <= a && b <= end))
        };
        found.sort_by_key(|&(start, end, _)| (std::cmp::Reverse(end - start), start));
        let mut taken = vec![false; chars.len()];
        let mut repairs = Vec::new();
        let mut span_text = String::new();
        for (start, end, words) in found {
            let span = &chars[start..end];
            if taken[start..end].iter().any(|&t| t)
                || overlaps_exact(start, end)
                || exact.contains(&(start, end))
            {
                continue;
            }
            span_text.clear();
            span_text.extend(span);
            if is_word(&span_text) {
                continue;
            }
            let Some((entry, same_sound)) = self.best_fit(span, &readings[start..end], &words)
            else {
                continue;
            };
            if eager && !(same_sound && self.entries[entry as usize].standing == Standing::Term) {
                continue;
            }
            if cuts_a_word(&chars, start, end, is_word) {
                continue;
            }
            taken[start..end].iter_mut().for_each(|t| *t = true);
            repairs.push(Repair {
                start,
                end,
                term: self.entries[entry as usize].chars.iter().collect(),
            });
        }
        apply(&chars, repairs)
    }

    /// The one word (or words of one meaning) a span sounds like: same pinyin first, then near pinyin for
    /// longer words; at most half the characters may differ, and the best standing wins.
    fn best_fit(
        &self,
        span: &[char],
        readings: &[CharReadings],
        words: &[u32],
    ) -> Option<(u32, bool)> {
        let mut best: Option<(bool, Standing, u32)> = None;
        let mut tied = false;
        for &id in words {
            let entry = &self.entries[id as usize];
            let differing = entry.chars.iter().zip(span).filter(|(a, b)| a != b).count();
            if differing == 0
                || differing > (span.len() / 2).max(1)
                || (span.len() == 2 && entry.chars.iter().any(|&c| FUNCTION_CHARS.contains(c)))
            {
                continue;
            }
            let same_sound = entry.chars.iter().zip(readings).all(|(&c, own)| {
                c.to_pinyin()
                    .is_some_and(|p| own.as_slice().iter().any(|&(_, plain)| plain == p.plain()))
            });
            if !same_sound && span.len() < MIN_NEAR_CHARS {
                continue;
            }
            let rank = (!same_sound, entry.standing, id);
            match best {
                None => best = Some(rank),
                Some(current) if (rank.0, rank.1) < (current.0, current.1) => {
                    best = Some(rank);
                    tied = false;
                }
                Some(current) if (rank.0, rank.1) == (current.0, current.1) => {
                    if self.entries[current.2 as usize].meaning != entry.meaning {
                        tied = true;
                    }
                }
                Some(_) => {}
            }
        }
        best.filter(|_| !tied).map(|(near, _, id)| (id, !near))
    }

    /// Latin letters in `text` that spell a report term in pinyin, replaced by the term (`fgfx` → 放管服效,
    /// `lao wang po` → 老王坡). Whole pinyin always counts; initials count when the letters have no vowel
    /// (`fgfx`), or whatever they are when `initials_with_vowels` (a second reading of a question nothing
    /// else answered). `keep` tells the Latin words to leave alone (the aliases' English words).
    pub fn romanized(
        &self,
        text: &str,
        initials_with_vowels: bool,
        keep: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        self.romanize(text, initials_with_vowels, keep)
            .map(|(read, _)| read)
    }

    /// `text` in Chinese when it is a question typed in pinyin whose every Latin word reads as a report
    /// word or a way of asking ([`Self::romanized`]): the Chinese question it stands for, to be read as any.
    pub fn spoken_whole(&self, text: &str, keep: &dyn Fn(&str) -> bool) -> Option<String> {
        self.romanize(text, false, keep)
            .filter(|&(_, whole)| whole)
            .map(|(read, _)| read)
    }

    /// [`Self::romanized`], and whether every Latin word was read.
    fn romanize(
        &self,
        text: &str,
        initials_with_vowels: bool,
        keep: &dyn Fn(&str) -> bool,
    ) -> Option<(String, bool)> {
        if self.is_empty() || !text.bytes().any(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let chars: Vec<char> = text.chars().collect();
        // Latin words: (start, end, spelling without tones).
        let mut latin: Vec<(usize, usize, String)> = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !is_latin(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && (is_latin(chars[i]) || chars[i].is_ascii_digit()) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if let Some(spelling) = toneless(&word) {
                latin.push((start, i, spelling));
            }
        }
        // A question typed in pinyin asks in pinyin too (`you na xie`, `qunian`, `shi shenme yisi`).
        let all_pinyin = latin.iter().all(|(_, _, spelling)| {
            keep(spelling)
                || spells_syllables(spelling)
                || !spelling.contains(['a', 'e', 'i', 'o', 'u', 'v'])
        });
        let mut repairs = Vec::new();
        let mut asked = Vec::new();
        let mut spelled_term = vec![false; latin.len()];
        let mut w = 0;
        'words: while w < latin.len() {
            if let Some((after_number, unit)) = date_unit(&chars, latin[w].0, &latin[w].2) {
                asked.push(Repair {
                    start: after_number,
                    end: latin[w].1,
                    term: unit.to_owned(),
                });
                spelled_term[w] = true;
                w += 1;
                continue;
            }
            // The longest run of words (separated by spaces only) that spells a term.
            let mut last = w;
            while last + 1 < latin.len()
                && last + 1 - w < MAX_PINYIN_WORDS
                && chars[latin[last].1..latin[last + 1].0]
                    .iter()
                    .all(|c| *c == ' ')
            {
                last += 1;
            }
            // Words that ask (`shi shen me`) before a shorter term they begin with (失神).
            let asking = if all_pinyin {
                (w + 1..=last).rev().find_map(|end| {
                    let spelled: String =
                        latin[w..=end].iter().map(|(_, _, s)| s.as_str()).collect();
                    self.asking.get(&spelled).map(|phrase| (end, phrase))
                })
            } else {
                None
            };
            for end in (w..=last).rev() {
                if asking.is_some_and(|(asked_to, _)| end <= asked_to) {
                    break;
                }
                let spelled: String = latin[w..=end].iter().map(|(_, _, s)| s.as_str()).collect();
                let words = latin[w..=end]
                    .iter()
                    .map(|(_, _, s)| s.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if spelled.len() < MIN_PINYIN_LETTERS || keep(&words) {
                    continue;
                }
                if let Some(id) = self
                    .spelled
                    .get(&spelled)
                    .and_then(|ids| self.unique(ids, 2))
                {
                    repairs.push(Repair {
                        start: latin[w].0,
                        end: latin[end].1,
                        term: self.entries[id as usize].chars.iter().collect(),
                    });
                    spelled_term[w..=end]
                        .iter_mut()
                        .for_each(|done| *done = true);
                    w = end + 1;
                    continue 'words;
                }
            }
            if let Some((asked_to, phrase)) = asking {
                asked.push(Repair {
                    start: latin[w].0,
                    end: latin[asked_to].1,
                    term: phrase.to_owned(),
                });
                spelled_term[w..=asked_to]
                    .iter_mut()
                    .for_each(|done| *done = true);
                w = asked_to + 1;
                continue 'words;
            }
            // Initials, also typed in parts (`czdc syl`): each part without vowels when there are several.
            let no_vowels = |spelling: &str| !spelling.contains(['a', 'e', 'i', 'o', 'u', 'v']);
            for end in (w..=last).rev() {
                let parts = &latin[w..=end];
                let typed = |(_, _, spelling): &(usize, usize, String)| {
                    !keep(spelling)
                        && (no_vowels(spelling) || initials_with_vowels && parts.len() == 1)
                };
                if !parts.iter().all(typed) {
                    continue;
                }
                let spelling: String = parts.iter().map(|(_, _, s)| s.as_str()).collect();
                if spelling.len() < MIN_INITIALS {
                    continue;
                }
                if let Some(id) = self
                    .initials
                    .get(&spelling)
                    .and_then(|ids| self.unique(ids, MIN_INITIALS))
                {
                    repairs.push(Repair {
                        start: latin[w].0,
                        end: latin[end].1,
                        term: self.entries[id as usize].chars.iter().collect(),
                    });
                    spelled_term[w..=end]
                        .iter_mut()
                        .for_each(|done| *done = true);
                    w = end + 1;
                    continue 'words;
                }
            }
            let (start, end, spelling) = &latin[w];
            if spelling.len() >= MIN_INITIALS_BEFORE_CHARACTERS
                && no_vowels(spelling)
                && !keep(spelling)
            {
                if let Some((read, term)) = self.initials_run_together(spelling) {
                    let repair = Repair {
                        start: *start,
                        end: *end,
                        term: read,
                    };
                    if term {
                        repairs.push(repair);
                    } else {
                        asked.push(repair);
                    }
                    spelled_term[w] = true;
                } else if let Some(repair) =
                    self.initials_then_characters(&chars, *start, *end, spelling)
                {
                    repairs.push(repair);
                    spelled_term[w] = true;
                }
            }
            w += 1;
        }
        // Asking words alone spell no topic: they count where a term was spelled (or is kept: gdp mb), or
        // where they read every word of a question typed in pinyin (baogao shi shei zuo de).
        let named = !repairs.is_empty() || latin.iter().any(|(_, _, spelling)| keep(spelling));
        let mut whole = false;
        if all_pinyin {
            let mut read = spelled_term.clone();
            let mut w = 0;
            'asking: while w < latin.len() {
                let mut last = w;
                while last + 1 < latin.len()
                    && last + 1 - w < MAX_PINYIN_WORDS
                    && !spelled_term[last + 1]
                    && chars[latin[last].1..latin[last + 1].0]
                        .iter()
                        .all(|c| *c == ' ')
                {
                    last += 1;
                }
                if !spelled_term[w] {
                    for end in (w..=last).rev() {
                        let spelled: String =
                            latin[w..=end].iter().map(|(_, _, s)| s.as_str()).collect();
                        if let Some(phrase) = self.asking.get(&spelled) {
                            asked.push(Repair {
                                start: latin[w].0,
                                end: latin[end].1,
                                term: phrase.to_owned(),
                            });
                            read[w..=end].iter_mut().for_each(|done| *done = true);
                            w = end + 1;
                            continue 'asking;
                        }
                    }
                    // A verb and its particles typed as one word (jianle).
                    if let Some(phrase) = self.asking.read_word(&latin[w].2) {
                        asked.push(Repair {
                            start: latin[w].0,
                            end: latin[w].1,
                            term: phrase,
                        });
                        read[w] = true;
                    }
                }
                w += 1;
            }
            whole = latin.len() >= MIN_SPOKEN_WORDS && read.iter().all(|&done| done);
            if named || whole {
                repairs.append(&mut asked);
            }
        }
        apply(&chars, repairs).map(|read| (read, whole))
    }

    /// The entry among `ids` of the best standing, when those of that standing mean one thing.
    fn unique(&self, ids: &[u32], min_chars: usize) -> Option<u32> {
        let ids: Vec<u32> = ids
            .iter()
            .copied()
            .filter(|&id| self.entries[id as usize].chars.len() >= min_chars)
            .collect();
        let best = ids
            .iter()
            .map(|&id| self.entries[id as usize].standing)
            .min()?;
        let mut of_best = ids
            .iter()
            .copied()
            .filter(|&id| self.entries[id as usize].standing == best);
        let first = of_best.next()?;
        let meaning = &self.entries[first as usize].meaning;
        of_best
            .all(|id| &self.entries[id as usize].meaning == meaning)
            .then_some(first)
    }

    /// Whether a word of the report (two to four characters) runs across byte offset `edge` of `text`.
    pub fn straddles_word(&self, text: &str, edge: usize) -> bool {
        let before: Vec<char> = text[..edge].chars().rev().take(3).collect();
        let after: Vec<char> = text[edge..].chars().take(3).collect();
        let mut buffer = String::new();
        for b in 1..=before.len() {
            for a in 1..=after.len() {
                if a + b > 4 {
                    continue;
                }
                buffer.clear();
                buffer.extend(before[..b].iter().rev());
                buffer.extend(&after[..a]);
                if self.exact.contains(&buffer) {
                    return true;
                }
            }
        }
        false
    }

    /// The common readings of a character: their fuzzy syllable ids (when the vocabulary has it) and plain pinyin.
    fn char_readings(&self, c: char) -> CharReadings {
        let mut readings = CharReadings::default();
        let Some(multi) = c.to_pinyin_multi() else {
            return readings;
        };
        for reading in multi.into_iter().take(SPOKEN_READINGS) {
            let plain = reading.plain();
            let id = match self.plain_ids.get(plain) {
                Some(&id) => Some(id),
                None => self.syllables.get(&fuzzy(plain)).copied(),
            };
            if let Some(id) = id {
                readings.push((id, plain));
            }
        }
        readings
    }
}

fn push_unique(ids: &mut Vec<u32>, id: u32) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_words(_: &str) -> bool {
        false
    }

    impl SoundAlike {
        fn correct_later(&self, text: &str, is_word: &dyn Fn(&str) -> bool) -> Option<String> {
            self.correct(text, is_word, false)
        }
    }

    #[test]
    fn the_first_reading_repairs_long_terms_of_the_same_sound_only() {
        let v = vocabulary();
        assert_eq!(
            v.correct("放管服笑是什么", &no_words, true).as_deref(),
            Some("放管服效是什么")
        );
        assert_eq!(v.correct("粮食目表多少", &no_words, true), None);
        assert_eq!(v.correct("是脏清单", &no_words, true), None);
    }

    #[test]
    fn grammar_words_are_no_topic() {
        let v = SoundAlike::build([("这是", "这是", Standing::Word)]);
        assert_eq!(v.correct("这事", &no_words, false), None);
    }

    fn vocabulary() -> SoundAlike {
        SoundAlike::build(
            [
                ("放管服效", Standing::Term),
                ("老王坡", Standing::Term),
                ("四张清单", Standing::Term),
                ("生产总值", Standing::Term),
                ("目标", Standing::Word),
                ("粮食", Standing::Word),
                ("工业园", Standing::Word),
                ("西平县", Standing::Term),
            ]
            .map(|(word, standing)| (word, word, standing)),
        )
    }

    #[test]
    fn homophones_become_the_report_word() {
        let v = vocabulary();
        assert_eq!(
            v.correct_later("粮食目表多少", &no_words).as_deref(),
            Some("粮食目标多少")
        );
        assert_eq!(
            v.correct_later("放管服笑是什么", &no_words).as_deref(),
            Some("放管服效是什么")
        );
        assert_eq!(
            v.correct_later("老王破在哪", &no_words).as_deref(),
            Some("老王坡在哪")
        );
    }

    #[test]
    fn near_homophones_of_longer_words_count() {
        // si/shi, zhang/zang: a southern speaker's voice input.
        assert_eq!(
            vocabulary().correct_later("是脏清单", &no_words).as_deref(),
            Some("四张清单")
        );
        assert_eq!(fuzzy("zhang"), "zan");
        assert_eq!(fuzzy("neng"), "len");
        assert_eq!(fuzzy("gong"), "gong");
    }

    #[test]
    fn real_words_and_written_words_stay() {
        let v = vocabulary();
        let words = |w: &str| ["公园", "木表"].contains(&w);
        assert_eq!(v.correct_later("公园门票多少", &words), None);
        assert_eq!(v.correct_later("放管服效", &words), None);
        assert_eq!(v.correct_later("木表", &words), None);
        // Too many characters differ: no error but another phrase.
        assert_eq!(v.correct_later("是掌青丹", &no_words), None);
        assert_eq!(v.correct_later("hello", &no_words), None);
    }

    #[test]
    fn pinyin_initials_and_spellings_find_terms() {
        let v = vocabulary();
        let keep = |_: &str| false;
        assert_eq!(
            v.romanized("fgfx", false, &keep).as_deref(),
            Some("放管服效")
        );
        assert_eq!(
            v.romanized("fangguanfuxiao shi shenme", false, &keep)
                .as_deref(),
            Some("放管服效 shi shenme")
        );
        assert_eq!(
            v.romanized("fàng guǎn fú xiào", false, &keep).as_deref(),
            Some("放管服效")
        );
        assert_eq!(
            v.romanized("fang4 guan3 fu2 xiao4", false, &keep)
                .as_deref(),
            Some("放管服效")
        );
        assert_eq!(
            v.romanized("where is laowangpo", false, &keep).as_deref(),
            Some("where is 老王坡")
        );
        assert_eq!(
            v.romanized("szqd", false, &keep).as_deref(),
            Some("四张清单")
        );
        assert_eq!(
            v.romanized("sz qd", false, &keep).as_deref(),
            Some("四张清单")
        );
        // zh, ch and sh typed whole, in some syllables or all.
        assert_eq!(
            v.romanized("szhqd", false, &keep).as_deref(),
            Some("四张清单")
        );
        assert_eq!(
            v.romanized("shchzzh", false, &keep).as_deref(),
            Some("生产总值")
        );
        // A term longer than any homophone span is still typed by its initials.
        let long = SoundAlike::build([(
            "城镇居民人均可支配收入",
            "城镇居民人均可支配收入",
            Standing::Term,
        )]);
        assert_eq!(
            long.romanized("czjmrjkzpsr", false, &keep).as_deref(),
            Some("城镇居民人均可支配收入")
        );
    }

    #[test]
    fn a_question_typed_in_pinyin_asks_in_pinyin() {
        let mut v = SoundAlike::build(
            [("四张清单", Standing::Term), ("城镇化率", Standing::Term)].map(|(w, s)| (w, w, s)),
        );
        v.learn_asking(["是什么意思", "多少", "去年", "目标"]);
        let keep = |_: &str| false;
        assert_eq!(
            v.romanized("sì zhāng qīng dān shì shénme yìsi", false, &keep)
                .as_deref(),
            Some("四张清单是什么意思")
        );
        // ü typed as v.
        assert_eq!(
            v.romanized("qunian chengzhenhualv duoshao", false, &keep)
                .as_deref(),
            Some("去年城镇化率多少")
        );
        // Asking words before a shorter term they begin with; any reading of a character (谁 shei).
        let mut early = SoundAlike::build([
            ("四早", "四早", Standing::Term),
            ("失神", "失神", Standing::Word),
        ]);
        early.learn_asking(["是什么", "是谁"]);
        assert_eq!(
            early
                .romanized("si4 zao3 shi4 shen2 me", false, &keep)
                .as_deref(),
            Some("四早是什么")
        );
        assert_eq!(
            early.romanized("sizao shi shei", false, &keep).as_deref(),
            Some("四早是谁")
        );
        // Initials of the asking words, beside a term's (szqd mb).
        assert_eq!(
            v.romanized("szqd mb", false, &keep).as_deref(),
            Some("四张清单目标")
        );
        // Asking words alone spell no topic unless they read the whole question, and English around a
        // term stays English.
        assert_eq!(v.romanized("duoshao", false, &keep), None);
        assert_eq!(
            v.spoken_whole("duoshao", &keep),
            None,
            "one word is no sentence"
        );
        assert_eq!(
            v.spoken_whole("qunian duoshao", &keep).as_deref(),
            Some("去年多少")
        );
        assert_eq!(v.spoken_whole("qunian ditie duoshao", &keep), None);
        assert_eq!(
            v.romanized("qunian ditie duoshao", false, &keep),
            None,
            "an unread word is a topic the report may lack"
        );
        let gdp = |word: &str| word == "gdp";
        assert_eq!(
            v.romanized("gdp mb", false, &gdp).as_deref(),
            Some("gdp 目标")
        );
        assert_eq!(
            v.romanized("what is szqd de", false, &keep).as_deref(),
            Some("what is 四张清单 de")
        );
    }

    #[test]
    fn initials_may_end_in_the_term_s_own_characters() {
        let none = |_: &str| false;
        let v = SoundAlike::build([("一般公共预算收入", "一般公共预算收入", Standing::Term)]);
        assert_eq!(
            v.romanized("ybggys收入去年多少", false, &none).as_deref(),
            Some("一般公共预算收入去年多少")
        );
        // Characters that are not the term's own end stay, and so do the letters.
        assert_eq!(v.romanized("ybggys支出", false, &none), None);
    }

    #[test]
    fn a_word_of_the_text_is_spelled_by_its_common_reading_only() {
        let none = |_: &str| false;
        // 见底 read jian di; its rare readings (xian, de) would make 县的 of it.
        let word = SoundAlike::build([("见底", "见底", Standing::Word)]);
        assert_eq!(word.romanized("xian de", false, &none), None);
        assert_eq!(
            word.romanized("jiandi", false, &none).as_deref(),
            Some("见底")
        );
        // A term of the report keeps every reading (银行 is yin hang, not the crate's first xing).
        let term = SoundAlike::build([("见底", "见底", Standing::Term)]);
        assert_eq!(
            term.romanized("xiande", false, &none).as_deref(),
            Some("见底")
        );
    }

    #[test]
    fn english_words_are_not_pinyin() {
        let v = vocabulary();
        let keep = |w: &str| w == "gdp";
        assert_eq!(v.romanized("what is the growth target", false, &keep), None);
        assert_eq!(v.romanized("gdp", true, &keep), None);
        // Initials with vowels only on a second reading.
        let v = SoundAlike::build([("安全生产", "安全生产", Standing::Term)]);
        assert_eq!(v.romanized("aqsc", false, &|_| false), None);
        assert_eq!(
            v.romanized("aqsc", true, &|_| false).as_deref(),
            Some("安全生产")
        );
    }

    #[test]
    fn places_and_ambiguous_sounds_are_left_alone() {
        let v = SoundAlike::build(
            [
                ("西平县", Standing::Term),
                ("事件", Standing::Word),
                ("实践", Standing::Word),
            ]
            .map(|(w, s)| (w, w, s)),
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v.correct_later("时间", &no_words), None);
    }
}
