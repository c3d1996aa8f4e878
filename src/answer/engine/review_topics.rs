//! The review's achievements each gather several topics, each opened by a short sentence of its own: a
//! subject and what became of it (脱贫攻坚全面胜利。生态环境持续向好。). A question naming one of these
//! subjects about the past years (过去五年脱贫攻坚取得了啥成绩, 生态环境这五年总结为啥) is answered with
//! that topic whole: its opening sentence and the sentences under it, up to the next topic. A sentence
//! found by the search would give one fact of it, or a plan of this year's on the same subject. The
//! topics are the parser's subtopics of the review's `——` paragraphs, so next year's report works too.

use crate::knowledge::{Report, UnitId};
use crate::search::normalize::fold_for_search;
use crate::search::question::Question;

use super::super::types::{Hit, HitKind, Outcome};
use super::asking::asking_words;
use super::leftover::{named_piece, topicless, without, AskedPairs, MIN_TOPIC_CHARS, REPORT_WORDS};
use super::structure::{review_list, says_plan, says_review, REVIEW_WORDS, SCOPE_WORDS};
use super::Engine;

/// Nouns for what became of a topic (成绩, 成效, 结论) and the verdict verbs around them (总结为): with a
/// topic of the review and nothing else, they ask for its account even without naming the past years.
const RESULT_NOUNS: &[&str] = &[
    "成绩",
    "成就",
    "成效",
    "成果",
    "结论",
    "总结为",
    "概括为",
    "评价",
    "进展",
    "变化",
    "改善",
    "效果",
    "亮点",
];

/// Words that frame a topic without naming another one (方面, 这块, 总体, 情况).
const FRAME_WORDS: &[&str] = &[
    "方面",
    "领域",
    "这一块",
    "那一块",
    "这块",
    "那块",
    "总体",
    "总的",
    "情况",
    "表现",
    "工作",
];

/// One topic of an achievement: its lead, its subject and what the report says under it.
struct ReviewTopic {
    /// The lead as written, without its full stop (脱贫攻坚全面胜利).
    lead: String,
    /// The lead's first half, folded: its subject (脱贫攻坚), as the leads pair a subject of four
    /// characters with a verdict of four.
    subject: String,
    /// The achievement's number in the review's list, and its label.
    item: u32,
    label: String,
    /// The lead's sentence id and citation, and the lead with the sentences under it, as written.
    id: String,
    citation: String,
    text: String,
}

/// The review's topics, read once when the engine is built.
pub(super) struct ReviewTopics {
    topics: Vec<ReviewTopic>,
    /// The achievements' labels, folded: a question naming one more fully than any topic asks for the
    /// achievement (城乡建设 of 城乡建设更趋协调), which the outline answers.
    labels: Vec<String>,
    /// What the review's list is called, for the direct answer.
    list_name: String,
}

impl ReviewTopics {
    pub(super) fn new(report: &Report) -> ReviewTopics {
        let Some(list) = review_list(report) else {
            return ReviewTopics {
                topics: Vec::new(),
                labels: Vec::new(),
                list_name: String::new(),
            };
        };
        let mut topics: Vec<ReviewTopic> = Vec::new();
        for item in &list.items {
            let Some(paragraph) = report
                .paragraphs()
                .find(|paragraph| paragraph.id == item.source_id)
            else {
                continue;
            };
            for sentence in &paragraph.sentences {
                let Some(subtopic) = sentence.subtopic.as_deref() else {
                    continue;
                };
                let continues = topics
                    .last()
                    .is_some_and(|topic| topic.lead == subtopic && topic.item == item.number);
                if !continues {
                    let chars: Vec<char> = subtopic.chars().collect();
                    let subject: String = chars[..chars.len() / 2].iter().collect();
                    topics.push(ReviewTopic {
                        lead: subtopic.to_owned(),
                        subject: fold_for_search(&subject),
                        item: item.number,
                        label: item.label.clone(),
                        id: sentence.id.clone(),
                        citation: sentence.citation.clone(),
                        text: String::new(),
                    });
                }
                if let Some(topic) = topics.last_mut() {
                    topic.text.push_str(&sentence.text);
                }
            }
        }
        ReviewTopics {
            topics,
            labels: list
                .items
                .iter()
                .map(|item| fold_for_search(&item.label))
                .collect(),
            list_name: list.name.clone(),
        }
    }

    /// The one topic a question names by its subject and asks nothing else of, about the past years.
    fn asked(&self, normalized: &str) -> Option<&ReviewTopic> {
        // The past years named or a result asked: most questions are neither, and stop here.
        let result_said = RESULT_NOUNS.iter().any(|noun| normalized.contains(noun));
        if says_plan(normalized) || !says_review(normalized) && !result_said {
            return None;
        }
        let asked = AskedPairs::new(normalized);
        let runs: Vec<usize> = self
            .topics
            .iter()
            .map(|topic| asked.named_chars(&topic.subject))
            .collect();
        let best = runs.iter().copied().max()?;
        if best < MIN_TOPIC_CHARS || runs.iter().filter(|&&run| run == best).count() != 1 {
            return None;
        }
        if self
            .labels
            .iter()
            .any(|label| asked.named_chars(label) > best)
        {
            return None;
        }
        let topic = &self.topics[runs.iter().position(|&run| run == best)?];
        let piece = named_piece(normalized, &topic.subject);
        let rest = without(
            normalized,
            std::iter::once(piece.as_str())
                .chain(RESULT_NOUNS.iter().copied())
                .chain(FRAME_WORDS.iter().copied())
                .chain(asking_words())
                .chain(REVIEW_WORDS.iter().copied())
                .chain(SCOPE_WORDS.iter().copied())
                .chain(REPORT_WORDS.iter().copied()),
        );
        topicless(&rest).then_some(topic)
    }
}

impl Engine {
    /// A topic of the review asked about the past years: its lead first, then the topic whole, cited. A
    /// question numbering an item (五年成就里第三个方面) asks for a block by its place, not a topic: its
    /// 第三 is no part of 第三产业.
    pub(super) fn review_topic_outcome(&self, question: &Question) -> Option<Outcome> {
        if question.ordinal.is_some() {
            return None;
        }
        let topics = &self.review_topics;
        let topic = topics.asked(&question.normalized)?;
        let direct = format!(
            "{}。（{} 第{}项：{}）",
            topic.lead, topics.list_name, topic.item, topic.label
        );
        let hit = Hit {
            kind: HitKind::Passage,
            id: UnitId::new(topic.id.clone()),
            text: topic.text.clone(),
            excerpt: topic.text.clone(),
            highlights: Vec::new(),
            citation: topic.citation.clone(),
            score: 1.0,
        };
        Some(self.chosen_answer(Some(direct), vec![hit]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Library;

    fn topics() -> ReviewTopics {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("knowledge");
        let library = Library::load(dir.as_path()).expect("knowledge");
        ReviewTopics::new(library.latest())
    }

    #[test]
    fn each_lead_opens_a_topic_with_the_sentences_under_it() {
        let topics = topics();
        let poverty = topics
            .topics
            .iter()
            .find(|topic| topic.subject == "脱贫攻坚")
            .expect("a topic of 脱贫攻坚");
        assert_eq!(poverty.lead, "脱贫攻坚全面胜利");
        assert!(poverty.text.starts_with("脱贫攻坚全面胜利。"));
        assert!(poverty.text.contains("贫困人口全部脱贫"));
        assert!(!poverty.text.contains("生态环境持续向好"));
    }

    #[test]
    fn a_subject_asked_of_the_past_years_names_its_topic() {
        let topics = topics();
        let lead = |question: &str| topics.asked(question).map(|topic| topic.lead.as_str());
        assert_eq!(lead("这五年教育有啥成绩"), Some("教育事业均衡发展"));
        assert_eq!(
            lead("过去五年生态环境方面取得了什么成效"),
            Some("生态环境持续向好")
        );
        // Another question about the subject, a plan, or a subject shared by two topics is no topic's.
        assert_eq!(lead("过去五年脱贫攻坚中贫困人口减少多少"), None);
        assert_eq!(lead("今年生态环境有啥打算"), None);
        assert_eq!(lead("过去五年环境怎么样"), None);
        // An achievement named more fully than a topic is the outline's (城乡建设更趋协调).
        assert_eq!(lead("这五年城乡建设有啥成绩"), None);
    }
}
