//! Text normalisation shared by the index and by questions, so that a question typed in full-width forms,
//! traditional characters, mixed case or with emoji meets the report's text on equal terms.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use unicode_normalization::UnicodeNormalization;

/// Folds a question into the form the index was built from: NFKC (full-width → half-width), lowercase,
/// traditional → simplified; punctuation, symbols and emoji become single spaces. Digits keep a decimal point
/// and a percent sign (`95.9`, `8%`) because figures are matched as written.
pub fn fold_for_search(text: &str) -> String {
    // NFKC and lowercasing change nothing in ASCII digits, CJK ideographs and CJK punctuation, which is
    // nearly all of a report; they only run when something else is there.
    let folded: String = if text.chars().all(is_plain) {
        text.to_ascii_lowercase()
    } else {
        text.nfkc()
            .flat_map(char::to_lowercase)
            .map(without_tone_mark)
            .collect()
    };
    let simplified = fast2s::convert(&folded);
    let chars: Vec<char> = simplified.chars().collect();
    let mut out = String::with_capacity(simplified.len());
    // What lies between the last kept character and the next: nothing, blanks only, or punctuation.
    let mut gap: Option<bool> = None;
    for (i, &c) in chars.iter().enumerate() {
        if is_thousands_separator(&chars, i) {
            continue;
        }
        let keep = is_word_char(c)
            || (c == '%' && i > 0 && chars[i - 1].is_ascii_digit())
            || (c == '.'
                && i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if keep {
            if let (Some(blanks_only), Some(last)) = (gap, out.chars().next_back()) {
                if !(blanks_only && joins_across_blank(last, c)) {
                    out.push(' ');
                }
            }
            gap = None;
            out.push(c);
        } else {
            gap = Some(gap.unwrap_or(true) && c.is_whitespace());
        }
    }
    out
}

/// Folds a question as [`fold_for_search`] does (NFKC, lowercase, simplified) but keeps its punctuation:
/// where a list's items part (、) and where a clause ends (，) is read from it, which spaces no longer tell.
pub fn fold_keeping_punctuation(text: &str) -> String {
    let folded: String = text.nfkc().flat_map(char::to_lowercase).collect();
    fast2s::convert(&folded)
}

/// Whether the character at `at` is a comma grouping a number's thousands (`10,000`, `1,500`): a digit
/// before it and exactly three after it. English writes numbers so; folded to a blank, `10,000 people`
/// would be two numbers and no English name or amount written `10000` would match it. Four digits after
/// (`2020,2021`) are a list of numbers, not one.
fn is_thousands_separator(chars: &[char], at: usize) -> bool {
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    chars[at] == ','
        && at > 0
        && digit(at - 1)
        && (1..=3).all(|ahead| digit(at + ahead))
        && !digit(at + 4)
}

/// Whether a blank typed between two characters splits nothing: Chinese writes no space between a number
/// and its measure word (`2022 年`, `30 公里`). Between two Chinese words a blank may stand for a comma (a
/// phone's way), so those stay (see `QuestionReader::read`); between Latin words they separate words.
fn joins_across_blank(before: char, after: char) -> bool {
    is_han(before) && after.is_ascii_digit() || before.is_ascii_digit() && is_han(after)
}

/// A Latin letter with a tone mark or another accent as its plain letter: pinyin typed with tones
/// (`bǎiyuàn`, `lǜhuà`) is the same pinyin as without them, which is how the engine reads pinyin; ü is
/// typed v, as pinyin keyboards take it.
fn without_tone_mark(c: char) -> char {
    if c.is_ascii() || !matches!(c as u32, 0xC0..=0x24F) {
        return c;
    }
    // ü in any tone is pinyin's own vowel, which keyboards type as v (lǜ → lv): as u it would be another
    // syllable (lu 路), and the pinyin reader would find no term (chéngzhènhuàlǜ → 城镇化率).
    if matches!(c, 'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ') {
        return 'v';
    }
    let mut base = c;
    unicode_normalization::char::decompose_canonical(c, |part| {
        if base == c && part.is_ascii_alphabetic() {
            base = part;
        }
    });
    base
}

/// Characters NFKC and lowercasing leave alone (apart from ASCII case): ASCII, CJK unified ideographs,
/// CJK and general punctuation.
fn is_plain(c: char) -> bool {
    c.is_ascii()
        || matches!(c as u32, 0x4E00..=0x9FFF | 0x3001..=0x3002 | 0x3008..=0x3011 | 0x2013..=0x2026)
}

/// Words that shape a question but name no topic: question words, chat filler, pronouns, particles and the
/// common English question words. They are dropped before scoring so that "粮食总产是多少呀" and "粮食总产" score
/// the same.
#[rustfmt::skip]
pub(crate) const QUESTION_WORDS: &[&str] = &[
    // question words
    "什么", "什么样", "是什么", "啥", "是啥", "多少", "几", "几个", "多大", "多高", "多长", "多久", "怎么", "怎么样",
    "怎样", "如何", "咋", "咋样", "咋回事", "吗", "呢", "吧", "啊", "呀", "哦", "嘛", "么", "哪", "哪些", "哪里",
    "哪个", "哪儿", "哪几", "谁", "为什么", "为啥", "是不是", "有没有", "多不多", "高不高", "有无", "是否",
    "好不好", "好吗", "行不行", "怎么样了", "咋样了", "如何了", "啥样", "几何", "什么时候", "啥时候", "何时",
    "多会儿", "哪年", "哪一年",
    // which item, and all of them (哪件, 排在第几, 全部列出来): asking for a list's items, never a topic
    "哪件", "哪一件", "哪项", "哪一项", "哪条", "哪一条", "排在", "排第", "全部", "全都", "所有",
    // which one of a kind (哪次党代会, 哪届人大, 哪位领导): the kind names the topic, 哪 and its measure do not
    "哪次", "哪一次", "哪届", "哪一届", "哪位", "哪一位", "哪家", "哪一家", "哪种", "哪一种", "哪天", "哪一天",
    // asking and chat
    "请问", "请", "问", "问下", "问问", "问一下", "想问", "想问问", "听说", "打听", "打听一下", "请教", "告诉",
    "告诉我", "说说", "说一说", "讲讲", "讲一讲", "介绍", "介绍一下", "看看", "看一下", "查", "查查", "查一下",
    "帮", "帮我", "帮忙", "一下", "知道", "了解", "了解一下", "想", "想要", "想知道", "麻烦", "谢谢", "你好",
    "您好", "嗨", "哈", "哈哈", "嗯", "呃", "哎", "诶", "喂", "哇", "啦", "呗", "嘞", "咯", "噢", "好的", "那么",
    "还有", "然后", "的话", "撒", "噻", "咧", "一年",
    // asking for the items of something (列举一下), or for figures together (加起来): how, never what
    "列举", "列出", "罗列", "列", "盘点", "加起来", "合起来", "起来", "合计", "总计", "共计",
    // working a figure out from the report's own numbers (按报告的数倒推一下): how, never what
    "推算", "倒推", "倒算", "推一下", "算一下", "算算", "估算", "推", "算", "照", "按照", "根据", "依照",
    "数", "数字", "大致",
    // naming a phrase of the report itself (属于哪个提法, 是什么说法, 哪个术语里的): the phrase is what is asked
    "提法", "说法", "术语", "概念", "表述",
    // comparing with a base year (比2017年多了多少): the years and the change say it
    "比", "相比", "相较", "多",
    // colloquial verbs of doing, which say nothing of what is done (搞了多少, 弄好了吗)
    "搞", "弄", "整", "干",
    // pronouns and particles
    "我", "我们", "你", "你们", "您", "他", "她", "它", "咱", "咱们", "俺", "俺们", "这", "那", "这个", "那个",
    "俺家", "我家", "咱家", "俺们家", "我们家",
    "这些", "那些", "的", "了", "是", "有", "在", "和", "与", "及", "对", "都", "也", "还", "就", "又", "个", "能",
    "会", "要", "给", "让", "把", "被", "里", "中", "啥子", "一共", "总共", "到底", "究竟", "大概", "大约", "具体",
    "一些", "情况", "方面", "相关", "内容", "提到", "说", "讲", "写", "关于", "报告", "里面", "上面", "其中", "有关",
    // the county speaking of itself
    "县", "我县", "全县", "本县", "咱县", "俺县", "县里", "我们县", "咱们县",
    // English
    "what", "whats", "what's", "which", "who", "how", "much", "many", "is", "are", "was", "were", "the", "a",
    "an", "of", "in", "on", "for", "to", "and", "or", "does", "do", "did", "tell", "me", "please", "about",
    "it", "its", "there", "by", "with", "xiping", "county", "report", "s", "over", "during", "at", "this",
    "that", "be", "been", "has", "have", "will", "worth", "must",
    // English auxiliaries, pronouns and prepositions, and the verbs that frame a question about a text
    // (explain, mentioned, refer to): a foreign reader's sentence around the topic
    "could", "would", "should", "can", "may", "you", "your", "i", "we", "us", "our", "they", "their", "them",
    "as", "into", "from", "so", "far", "any", "some", "still", "currently", "now", "exactly", "specifically",
    "doing", "done", "explain", "describe", "mention", "mentions", "mentioned", "refer", "refers", "referred", "glossary",
    "term", "terms", "than", "between", "according", "say", "says", "said",
];

/// Whether a normalised word names no topic (a question word, filler, pronoun or particle).
pub fn is_question_word(word: &str) -> bool {
    static SET: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| QUESTION_WORDS.iter().copied().collect());
    SET.contains(word)
}

/// Letters, digits and CJK ideographs: the characters a topic can be written in.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c as u32, 0x4E00..=0x9FFF)
        || !c.is_ascii() && c.is_alphanumeric() && !is_emoji_like(c)
}

/// Some symbols count as alphanumeric in Unicode (enclosed letters, circled digits) and are dropped as noise.
fn is_emoji_like(c: char) -> bool {
    matches!(c as u32, 0x2460..=0x24FF | 0x1F100..=0x1F1FF | 0x3280..=0x32FF)
}

/// Whether `text` holds anything a topic could be written in; a question without it cannot be searched.
pub fn has_word_chars(text: &str) -> bool {
    text.chars().any(is_word_char)
}

pub(crate) use crate::knowledge::is_han;

/// An English name in the numbers a question may use: as written, every word singular, every word plural,
/// and each one word's number turned (aquatic products output → aquatic product output). English marks the
/// plural on any noun of a name, so no one form is the right one to store.
pub fn english_numbers(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let mut forms = vec![
        name.to_owned(),
        words
            .iter()
            .map(|w| singular(w))
            .collect::<Vec<_>>()
            .join(" "),
        words
            .iter()
            .map(|w| plural(w))
            .collect::<Vec<_>>()
            .join(" "),
    ];
    for (at, word) in words.iter().enumerate() {
        let turned = if singular(word) == *word {
            plural(word)
        } else {
            singular(word).to_owned()
        };
        let mut form: Vec<&str> = words.clone();
        form[at] = &turned;
        forms.push(form.join(" "));
    }
    // enterprises → enterprise, where buses → bus: an -ses plural may lose its s alone.
    let other: Vec<&str> = words
        .iter()
        .map(|word| other_singular(word).unwrap_or(word))
        .collect();
    if other != words {
        forms.push(other.join(" "));
    }
    let mut seen = std::collections::HashSet::new();
    forms.retain(|form| seen.insert(form.clone()));
    forms
}

/// The singular of an -ses plural that keeps its e (enterprises, purposes, houses), beside the one
/// [`singular`] gives (buses → bus); `None` for other words.
fn other_singular(word: &str) -> Option<&str> {
    let lower = word.to_ascii_lowercase();
    (word.len() > PLURAL_MIN_CHARS + 1 && lower.ends_with("ses") && !lower.ends_with("sses"))
        .then(|| &word[..word.len() - 1])
}

/// Shorter English words are rarely nouns whose number matters (of, and, new, gdp).
const PLURAL_MIN_CHARS: usize = 4;

/// A plural's singular (products → product, buses → bus); other words as they are.
fn singular(word: &str) -> &str {
    let lower = word.to_ascii_lowercase();
    if word.len() < PLURAL_MIN_CHARS + 1
        || !word.bytes().all(|b| b.is_ascii_alphabetic())
        || !lower.ends_with('s')
        || ["ss", "us", "is"].iter().any(|end| lower.ends_with(end))
    {
        return word;
    }
    // buses, boxes, churches, dishes: the -es is the plural's.
    if ["ses", "xes", "ches", "shes"]
        .iter()
        .any(|end| lower.ends_with(end))
    {
        return &word[..word.len() - 2];
    }
    &word[..word.len() - 1]
}

/// A noun's plural (farm → farms, bus → buses); short words and non-words as they are.
fn plural(word: &str) -> String {
    if word.len() < PLURAL_MIN_CHARS
        || !word.bytes().all(|b| b.is_ascii_alphabetic())
        || singular(word) != word
    {
        return word.to_owned();
    }
    let lower = word.to_ascii_lowercase();
    if ["s", "x", "ch", "sh"]
        .iter()
        .any(|end| lower.ends_with(end))
    {
        format!("{word}es")
    } else if lower.ends_with('y') && !lower.ends_with("ay") && !lower.ends_with("ey") {
        format!("{}ies", &word[..word.len() - 1])
    } else {
        format!("{word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_become_half_width_and_lowercase() {
        assert_eq!(fold_for_search("ＧＤＰ增长２０２２"), "gdp增长2022");
    }

    #[test]
    fn traditional_characters_become_simplified() {
        assert_eq!(fold_for_search("糧食總產"), "粮食总产");
        assert_eq!(fold_for_search("規上工業增加值"), "规上工业增加值");
    }

    #[test]
    fn punctuation_and_emoji_become_single_spaces() {
        assert_eq!(fold_for_search("“四张清单”是什么？？😀"), "四张清单 是什么");
        assert_eq!(fold_for_search("  AND * ( : \" "), "and");
        assert_eq!(fold_for_search("🎉🎉"), "");
    }

    #[test]
    fn blanks_around_numbers_are_dropped_and_between_words_kept() {
        assert_eq!(
            fold_for_search("西平县 2022 年 gdp 目标"),
            "西平县2022年 gdp 目标"
        );
        assert_eq!(fold_for_search("修了 30 公里"), "修了30公里");
        // Between Chinese words a blank may be a comma.
        assert_eq!(fold_for_search("今年修不修 修多长"), "今年修不修 修多长");
        assert_eq!(fold_for_search("lao wang po 在哪"), "lao wang po 在哪");
        // Punctuation still parts clauses, with blanks around it or not.
        assert_eq!(fold_for_search("财政收入 ， 今年呢"), "财政收入 今年呢");
        assert_eq!(fold_for_search("8 % 增长"), "8 增长");
    }

    #[test]
    fn figures_keep_decimal_point_and_percent() {
        assert_eq!(fold_for_search("95.9万吨, 增长8%。"), "95.9万吨 增长8%");
        assert_eq!(fold_for_search("结束.下一句"), "结束 下一句");
    }

    #[test]
    fn question_words_carry_no_topic() {
        assert!(is_question_word("多少"));
        assert!(is_question_word("what"));
        assert!(!is_question_word("粮食"));
    }

    #[test]
    fn plain_report_text_takes_the_short_way_to_the_same_result() {
        let text = "2021年,全县生产总值达到279亿元,“四张清单”、“放管服效”";
        let slow: String = text.nfkc().flat_map(char::to_lowercase).collect();
        assert_eq!(fold_for_search(text), fold_for_search(&slow));
        assert_eq!(fold_for_search("5G智慧杆塔"), "5g智慧杆塔");
    }

    #[test]
    fn thousands_are_one_number() {
        assert_eq!(fold_for_search("10,000 people"), "10000 people");
        assert_eq!(fold_for_search("1,500,000 yuan"), "1500000 yuan");
        assert_eq!(fold_for_search("2020,2021年"), "2020 2021年");
        assert_eq!(fold_for_search("增长8%,达到279亿元"), "增长8% 达到279亿元");
    }

    #[test]
    fn long_input_is_handled() {
        let long = "粮食".repeat(2500);
        assert_eq!(fold_for_search(&long).chars().count(), 5000);
    }

    #[test]
    fn pinyin_tone_marks_are_dropped() {
        assert_eq!(fold_for_search("Bǎiyuàn pàichūsuǒ"), "baiyuan paichusuo");
        assert_eq!(fold_for_search("lǜhuà"), "lvhua");
        assert_eq!(fold_for_search("Wénlǚ"), "wenlv");
        assert_eq!(fold_for_search("柏苑派出所"), "柏苑派出所");
    }

    #[test]
    fn english_names_come_in_every_number() {
        let forms = english_numbers("aquatic products output");
        for form in [
            "aquatic products output",
            "aquatic product output",
            "aquatic products outputs",
        ] {
            assert!(forms.iter().any(|f| f == form), "{form}: {forms:?}");
        }
        let forms = english_numbers("textiles and garments");
        assert!(
            forms.iter().any(|f| f == "textile and garment"),
            "{forms:?}"
        );
        assert_eq!(english_numbers("GDP"), vec!["GDP"]);
        assert!(english_numbers("city").iter().any(|f| f == "cities"));
        let giants = english_numbers("little giant enterprises");
        assert!(
            giants.iter().any(|f| f == "little giant enterprise"),
            "{giants:?}"
        );
        assert!(english_numbers("branch").iter().any(|f| f == "branches"));
    }
}
