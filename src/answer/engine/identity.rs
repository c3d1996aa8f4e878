//! Who someone is: a work report names people only by their office (县长 侯公涛, 省委书记楼阳生). A question
//! asking who X is (嫘祖是谁, 谁是嫘祖, who was Leizu) is answered only when X is a person the report names:
//! a legend or a place name it only names things after (嫘祖故里, 嫘祖文化苑) is never explained by it, and
//! an office it never fills (县委书记) names nobody. The passages that mention X are no answer to who X is.
//! A question asking who did something (谁提出的, 谁当组长) asks for the doer the report may name, and is left
//! to the ranking.

use crate::search::question::Question;

use super::Engine;

/// The question words that ask who someone is, beside the copula (嫘祖是谁, 谁是嫘祖, 是哪位): 谁 alone
/// may ask for a doer (报告是代表谁作的).
const IDENTITY_WORDS: &[&str] = &["是谁", "谁是", "是哪位", "who is", "who was", "who are"];

impl Engine {
    /// Whether the question asks who someone is, naming no person the report names (see the module's doc).
    pub(super) fn asks_unnamed_person(&self, question: &Question) -> bool {
        if !question.asks_person
            || !IDENTITY_WORDS
                .iter()
                .any(|word| question.normalized.contains(word))
        {
            return false;
        }
        let tokenizer = self.index.tokenizer();
        let words = tokenizer.words_of_normalized(&question.search_text);
        if self.asks_action(&words) {
            return false;
        }
        let things = self.things_asked(question, &words);
        !things.is_empty()
            && !things
                .iter()
                .any(|thing| tokenizer.is_person_name(thing) && self.index.term_id(thing).is_some())
    }
}
