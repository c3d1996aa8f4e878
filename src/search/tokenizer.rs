//! The one jieba segmenter of the process and the tantivy tokenizer over it.
//!
//! jieba's dictionary costs tens of milliseconds and tens of megabytes to load, and tantivy clones its
//! analyzers freely, so the dictionary lives behind one `Arc` that every tokenizer clone shares.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::BufReader;
use std::sync::{Arc, Mutex, PoisonError};

use jieba_rs::{Jieba, TokenizeMode};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::normalize::{fold_for_search, is_han, is_word_char};

/// Why the segmenter could not be built.
#[derive(Debug, thiserror::Error)]
pub enum TokenizerError {
    #[error("invalid jieba dictionary: {0}")]
    Dictionary(#[from] jieba_rs::Error),
}

/// Dictionary words inside a longer word are added from this length on (jieba adds the shorter ones).
const LONG_WORD_CHARS: usize = 4;

/// How often jieba's dictionary must count a grammar character (那, 都, 有, 给, 个) for it to be read as
/// glued by jieba's guesser onto a question's word (那酒, 湖都, 县有): lower also splits names that begin
/// with a rarer grammar word (遂平), higher leaves more glued words to count as things the report lacks.
const GLUE_FREQUENCY: usize = 40_000;

/// The process's jieba instances, keyed by the dictionaries they were loaded with: one in the program, a
/// few in tests that bring their own.
static SHARED: Mutex<Option<Segmenters>> = Mutex::new(None);

/// jieba instances by (hash of the base dictionary, 0 for jieba's own; user dictionary).
type Segmenters = HashMap<(u64, String), Arc<Jieba>>;

/// Returns the process-wide jieba segmenter for a base dictionary (jieba's own when `None`) plus
/// `user_dict`, building it on first use, so that every engine built from the same knowledge shares one.
pub fn shared_jieba(base: Option<&str>, user_dict: &str) -> Result<Arc<Jieba>, TokenizerError> {
    let base_key = base.map_or(0, |base| {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        base.hash(&mut hasher);
        hasher.finish() | 1
    });
    let key = (base_key, user_dict.to_owned());
    let mut shared = SHARED.lock().unwrap_or_else(PoisonError::into_inner);
    let instances = shared.get_or_insert_with(HashMap::new);
    if let Some(jieba) = instances.get(&key) {
        return Ok(Arc::clone(jieba));
    }
    let mut jieba = match base {
        Some(base) => Jieba::with_dict(&mut BufReader::new(base.as_bytes()))?,
        None => Jieba::new(),
    };
    jieba.load_dict(&mut BufReader::new(user_dict.as_bytes()))?;
    let jieba = Arc::new(jieba);
    instances.insert(key, Arc::clone(&jieba));
    Ok(jieba)
}

/// A word of a text: its normalised form and where it sits in the text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
}

/// Segments text with jieba in search mode (a compound and its dictionary sub-words) and keeps the words
/// that can carry a topic, normalised like questions. Cloning costs one reference count.
#[derive(Clone)]
pub struct JiebaTokenizer {
    jieba: Arc<Jieba>,
}

impl JiebaTokenizer {
    pub fn new(jieba: Arc<Jieba>) -> JiebaTokenizer {
        JiebaTokenizer { jieba }
    }

    /// The words of `text`, normalised, offsets into `text`. The index and questions both go through this.
    ///
    /// jieba's search mode adds the two- and three-character dictionary words inside a long word; the longer
    /// ones are added here too, so that `城镇化率` is found inside `常住人口城镇化率`.
    pub fn words<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.segment(text, fold_word)
    }

    /// The words of a text already folded with [`fold_for_search`] (a question), borrowed from it.
    pub fn words_of_normalized<'a>(&self, text: &'a str) -> Vec<Word<'a>> {
        self.segment(text, Cow::Borrowed)
    }

    fn segment<'a>(&self, text: &'a str, fold: fn(&'a str) -> Cow<'a, str>) -> Vec<Word<'a>> {
        let mut words = Vec::new();
        for token in self.jieba.tokenize(text, TokenizeMode::Search, true) {
            if !token.word.chars().any(is_word_char) {
                continue;
            }
            let chars = token.end - token.start;
            if chars > LONG_WORD_CHARS {
                self.push_long_sub_words(token.word, token.byte_start, fold, &mut words);
            }
            let text = fold(token.word);
            if !text.is_empty() {
                words.push(Word {
                    text,
                    start: token.byte_start,
                    end: token.byte_end,
                });
            }
        }
        words
    }

    fn push_long_sub_words<'a>(
        &self,
        word: &'a str,
        offset: usize,
        fold: fn(&'a str) -> Cow<'a, str>,
        words: &mut Vec<Word<'a>>,
    ) {
        let bounds: Vec<usize> = word
            .char_indices()
            .map(|(i, _)| i)
            .chain([word.len()])
            .collect();
        let chars = bounds.len() - 1;
        for len in LONG_WORD_CHARS..chars {
            for start in 0..=chars - len {
                let sub = &word[bounds[start]..bounds[start + len]];
                if self.jieba.has_word(sub) {
                    words.push(Word {
                        text: fold(sub),
                        start: offset + bounds[start],
                        end: offset + bounds[start + len],
                    });
                }
            }
        }
    }

    /// A question's `words` with the grammar characters jieba's guesser glued onto a word taken off it (那酒
    /// → 酒, 湖都 → 湖, 一人 → 人, 叫个 → nothing): such a word is in no dictionary and the report (`known`
    /// tells its words) does not have it, so as it stands it reads as a thing the report lacks. Names the
    /// guesser makes (遂平, 上蔡) keep their first and last characters, which are not grammar words.
    pub fn unglued<'a>(&self, words: Vec<Word<'a>>, known: impl Fn(&str) -> bool) -> Vec<Word<'a>> {
        let glued = |word: &Word| {
            word.text.chars().count() >= 2
                && word.text.chars().all(is_han)
                && !self.knows(&word.text)
                && !known(&word.text)
        };
        if !words.iter().any(glued) {
            return words;
        }
        // What is left must name a thing (湖, 县, 七大): one verb left (防及 → 防, 改叫 → 改) is as unlike
        // the report as the glued word.
        let names_thing = |rest: &str| {
            self.is_noun(rest)
                || self.tag_is(rest, |tag| tag == "zg")
                || rest.chars().count() >= 2 && known(rest)
        };
        let mut out = Vec::with_capacity(words.len());
        for word in words {
            if !glued(&word) {
                out.push(word);
                continue;
            }
            let text = &*word.text;
            let start = text
                .char_indices()
                .find(|&(_, c)| !self.is_glue(c))
                .map_or(text.len(), |(at, _)| at);
            let end = text[start..]
                .char_indices()
                .rev()
                .find(|&(_, c)| !self.is_glue(c))
                .map_or(start, |(at, c)| start + at + c.len_utf8());
            let rest = &text[start..end];
            if rest.is_empty() {
                // Grammar words only (叫个): nothing named.
                continue;
            }
            if rest.len() == text.len() || !names_thing(rest) {
                out.push(word);
            } else {
                out.push(Word {
                    text: Cow::Owned(rest.to_owned()),
                    start: word.start + start,
                    end: word.start + end,
                });
            }
        }
        out
    }

    /// Whether `c` is a grammar word (a pronoun, adverb, preposition, conjunction, numeral, measure word,
    /// auxiliary or verb) common enough to be glued onto its neighbour.
    fn is_glue(&self, c: char) -> bool {
        let mut buffer = [0; 4];
        let word = c.encode_utf8(&mut buffer);
        self.tag_is(word, |tag| {
            matches!(
                tag.chars().next(),
                Some('c' | 'd' | 'k' | 'm' | 'p' | 'q' | 'r' | 'u' | 'v' | 'y')
            )
        }) && self
            .frequency(word)
            .is_some_and(|frequency| frequency >= GLUE_FREQUENCY)
    }

    /// Whether jieba's dictionary tags `word` as a noun (税, 路, 面积), as opposed to a verb or a measure word.
    pub fn is_noun(&self, word: &str) -> bool {
        self.tag_is(word, |tag| tag.starts_with('n'))
    }

    /// Whether jieba's dictionary tags `word` as a set phrase (第一产业, 第一季度): one name, though its
    /// pieces read as other words.
    pub fn is_set_phrase(&self, word: &str) -> bool {
        self.tag_is(word, |tag| tag == "l")
    }

    /// Whether jieba's dictionary tags `word` as a verb (建, 改造, 脱贫): an action, not a thing.
    pub fn is_verb(&self, word: &str) -> bool {
        self.tag_is(word, |tag| tag.starts_with('v'))
    }

    /// Whether jieba's dictionary tags `word` as a measure word (平方公里, 公顷): a unit, not a thing.
    pub fn is_measure(&self, word: &str) -> bool {
        self.tag_is(word, |tag| tag == "q")
    }

    /// Whether jieba's dictionary tags `word` as a function word: a preposition (根据, 关于), a conjunction
    /// (并且), an auxiliary or a modal particle. Such a word says how a question is put, never what about.
    pub fn is_function_word(&self, word: &str) -> bool {
        self.tag_is(word, |tag| matches!(tag, "p" | "c" | "u" | "y" | "e"))
    }

    /// Whether jieba's dictionary tags `word` as a describing word (贫困, 蔬菜): a noun or an adjective that
    /// is not a name.
    pub fn is_describing(&self, word: &str) -> bool {
        (self.is_noun(word) || self.tag_is(word, |tag| tag.starts_with('a'))) && !self.is_name(word)
    }

    /// Whether jieba's dictionary tags `word` as a person's name (楼阳生).
    pub fn is_person_name(&self, word: &str) -> bool {
        self.tag_is(word, |tag| tag.starts_with("nr"))
    }

    /// Whether jieba's dictionary tags `word` as a name: of a place (河南省), a person or an organisation.
    pub fn is_name(&self, word: &str) -> bool {
        self.tag_is(word, |tag| {
            matches!(tag, "ns" | "nr" | "nt" | "nrt" | "nrfg")
        })
    }

    fn tag_is(&self, word: &str, wanted: impl Fn(&str) -> bool) -> bool {
        self.jieba
            .tag(word, false)
            .first()
            .is_some_and(|tag| tag.word == word && wanted(tag.tag))
    }

    /// Whether jieba's dictionary has `word`: [`Self::frequency`]`.is_some()` without segmenting the word.
    pub fn knows(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// How common `word` is in general Chinese, by jieba's dictionary (`None` when jieba does not know it).
    pub fn frequency(&self, word: &str) -> Option<usize> {
        self.jieba
            .has_word(word)
            .then(|| self.jieba.suggest_freq(word))
    }
}

/// Folds one segmented word for search, borrowing it when it is already normal (as report text nearly always is).
fn fold_word(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Cow::Borrowed(word);
    }
    let normal = fold_for_search(word);
    if normal == word {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(normal)
    }
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        WordStream {
            words: self.words(text),
            next: 0,
            token: Token::default(),
        }
    }
}

/// The words of one text handed to tantivy one at a time.
pub struct WordStream<'a> {
    words: Vec<Word<'a>>,
    next: usize,
    token: Token,
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(word) = self.words.get_mut(self.next) else {
            return false;
        };
        self.token.offset_from = word.start;
        self.token.offset_to = word.end;
        self.token.position = self.next;
        self.token.position_length = 1;
        self.token.text.clear();
        self.token.text.push_str(&word.text);
        self.next += 1;
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokenizer() -> JiebaTokenizer {
        JiebaTokenizer::new(
            shared_jieba(None, "鼎力杆塔 10 n\n规上工业增加值 10 n\n").expect("dict"),
        )
    }

    fn texts<'a>(words: &'a [Word<'a>]) -> Vec<&'a str> {
        words.iter().map(|w| &*w.text).collect()
    }

    #[test]
    fn user_dictionary_terms_stay_whole_and_sub_words_are_added() {
        let words = tokenizer().words("规上工业增加值增长8%");
        let texts = texts(&words);
        assert!(texts.contains(&"规上工业增加值"), "{texts:?}");
        assert!(texts.contains(&"工业"), "{texts:?}");
        assert!(texts.contains(&"增长"), "{texts:?}");
    }

    #[test]
    fn grammar_words_glued_onto_a_question_word_come_off() {
        let question = "那酒叫个防及遂蔡县有";
        let words = |known: &dyn Fn(&str) -> bool| {
            let at = |piece: &str| question.find(piece).expect("piece");
            let glued = ["那酒", "叫个", "防及", "遂蔡", "县有"].map(|piece| Word {
                text: Cow::Borrowed(piece),
                start: at(piece),
                end: at(piece) + piece.len(),
            });
            tokenizer().unglued(glued.to_vec(), known)
        };
        let unknown = words(&|_| false);
        // 那 and 个 are grammar words; 叫个 is nothing else; 防 is a verb, not a thing; 遂 is too rare.
        assert_eq!(texts(&unknown), ["酒", "防及", "遂蔡", "县"]);
        assert_eq!(&question[unknown[0].start..unknown[0].end], "酒");
        assert_eq!(&question[unknown[3].start..unknown[3].end], "县");
        // A word the report has stays whole.
        let known = words(&|word| word == "县有");
        assert_eq!(texts(&known), ["酒", "防及", "遂蔡", "县有"]);
    }

    #[test]
    fn offsets_point_into_the_original_text_and_punctuation_is_dropped() {
        let text = "依托鼎力杆塔、华鼎电气。";
        let words = tokenizer().words(text);
        assert!(words.iter().all(|w| w.text != "、" && w.text != "。"));
        let word = words.iter().find(|w| w.text == "鼎力杆塔").expect("found");
        assert_eq!(&text[word.start..word.end], "鼎力杆塔");
    }

    #[test]
    fn long_dictionary_words_inside_longer_ones_are_words_too() {
        let tokenizer = JiebaTokenizer::new(
            shared_jieba(None, "常住人口城镇化率 10 n\n城镇化率 10 n\n").expect("dict"),
        );
        let words = tokenizer.words("常住人口城镇化率提高");
        let texts = texts(&words);
        assert!(texts.contains(&"常住人口城镇化率"), "{texts:?}");
        let inner = words
            .iter()
            .find(|w| w.text == "城镇化率")
            .expect("inner word");
        assert_eq!(&"常住人口城镇化率提高"[inner.start..inner.end], "城镇化率");
    }

    #[test]
    fn words_are_normalised_like_questions() {
        let texts_of = |t: &str| {
            tokenizer()
                .words(t)
                .into_iter()
                .map(|w| w.text.into_owned())
                .collect::<Vec<_>>()
        };
        assert!(texts_of("5G智慧杆塔").contains(&"5g".to_owned()));
    }

    #[test]
    fn the_same_user_dictionary_shares_one_instance() {
        let a = shared_jieba(None, "嫘祖海棠园 10 n\n").expect("dict");
        let b = shared_jieba(None, "嫘祖海棠园 10 n\n").expect("dict");
        assert!(Arc::ptr_eq(&a, &b));
    }

    #[test]
    fn a_base_dictionary_replaces_jiebas_own() {
        let small = shared_jieba(Some("粮食 100 n\n总产 100 n\n"), "").expect("dict");
        let tokenizer = JiebaTokenizer::new(small);
        assert!(tokenizer.frequency("粮食").is_some());
        assert_eq!(tokenizer.frequency("天气"), None);
        assert!(tokenizer.knows("粮食") && !tokenizer.knows("天气"));
    }

    #[test]
    fn a_tantivy_stream_yields_the_same_words() {
        let mut tokenizer = tokenizer();
        let expected = texts(&tokenizer.words("粮食总产保持在96万吨以上"))
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>();
        let mut stream = tokenizer.token_stream("粮食总产保持在96万吨以上");
        let mut seen = Vec::new();
        while let Some(token) = stream.next() {
            seen.push(token.text.clone());
        }
        assert_eq!(seen, expected);
    }
}
