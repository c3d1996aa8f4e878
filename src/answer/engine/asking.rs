//! The words that ask about a block of the report rather than name one: question words and the verbs of
//! saying, planning and doing. A question about the report's outline is one of these × a reference to a
//! part (its number, its heading's words, its topic, or a structure's noun such as 部分 or 困难), so each
//! reader of such questions strips these as a class instead of listing whole phrasings (讲了什么, 怎么安排,
//! 打算干哪些事). None of them names a topic: a question with nothing else left asks for the block itself.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

/// Question words, Chinese and English, that ask what or how rather than how much: 多少 asks for a figure.
const QUESTION_WORDS: &[&str] = &[
    "什么样",
    "什么",
    "怎么样",
    "怎样",
    "怎么",
    "如何",
    "咋样",
    "咋",
    "啥样",
    "啥",
    "哪些",
    "哪几",
    "哪",
    "有何",
    "为什么",
    "why",
    "分别",
    "what",
    "which",
    "how",
];

/// Verbs of saying and showing (讲, 写, 介绍, 列一下), said of the report or asked of the bot.
const SAYING_VERBS: &[&str] = &[
    "讲",
    "说",
    "写",
    "提",
    "谈",
    "叙述",
    "介绍",
    "概括",
    "总结",
    "列一下",
    "列出",
    "列",
    "看看",
    "给我",
    "告诉",
    "叫",
    "内容",
    "say",
    "says",
    "said",
    "tell",
    "give",
    "list",
    "show",
    "about",
    "contain",
    "contains",
    "mention",
    "mentioned",
    "体现",
    "admit",
    "admits",
    "face",
    "faces",
    "remain",
    "remains",
    "set out",
    "draw",
    "draws",
    "still",
];

/// Verbs of planning and doing (安排, 打算, 抓, 推进), said of the government's work on a block.
const DOING_VERBS: &[&str] = &[
    "安排", "打算", "计划", "部署", "推进", "举措", "措施", "发展", "建设", "取得", "抓", "搞",
    "干", "做", "办", "要", "将", "plan", "plans", "planned", "will", "do", "does",
];

/// Every asking word, for stripping from a question beside words of any lifetime.
pub(super) fn asking_words<'a>() -> impl Iterator<Item = &'a str> {
    QUESTION_WORDS
        .iter()
        .chain(SAYING_VERBS)
        .chain(DOING_VERBS)
        .map(|word| -> &'a str { word })
}

/// Whether a question asks something of a block: it has a question word or a verb of saying or planning.
/// Asked of nearly every question, so the Chinese words are found in one pass and the English ones by
/// splitting the question once.
pub(super) fn asks(normalized: &str) -> bool {
    static CHINESE: LazyLock<Option<AhoCorasick>> =
        LazyLock::new(|| AhoCorasick::new(asking_words().filter(|word| !word.is_ascii())).ok());
    let chinese = CHINESE
        .as_ref()
        .is_some_and(|words| words.is_match(normalized));
    chinese
        || (normalized.bytes().any(|b| b.is_ascii_alphabetic())
            && normalized
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|piece| asking_words().any(|word| word.is_ascii() && piece == word)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asking_is_a_question_word_or_a_verb_of_saying_or_doing() {
        assert!(asks("工业方面今年怎么安排"));
        assert!(asks("今年在民生上有哪些安排"));
        assert!(asks("第二章的标题叫什么"));
        assert!(asks("what does the report plan for industry"));
        assert!(!asks("粮食产量多少"));
        assert!(!asks("doesn't"));
    }
}
