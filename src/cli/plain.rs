//! The reply as plain text, for the command line (and the `reply` field of `ask --json`).

use std::fmt::Write as _;

use crate::answer::{Answer, Outcome, RefusalReason};
use crate::telegram::texts;

/// The reply a person reads: the direct answer, then numbered excerpts each with its citation; or, when the
/// report does not answer, why and what to ask instead (in the bot's words, `texts`, shared with Telegram).
pub fn render_plain(answer: &Answer) -> String {
    let mut out = String::new();
    match &answer.outcome {
        Outcome::Refused(refusal) => {
            match refusal.reason {
                RefusalReason::EmptyQuestion => out.push_str(texts::EMPTY_QUESTION),
                RefusalReason::YearNotCovered { year } => {
                    out.push_str(&texts::year_not_covered(year))
                }
                RefusalReason::NotInReport => out.push_str(texts::NOT_ANSWERED),
            }
            if !refusal.suggestions.is_empty() {
                let _ = write!(
                    out,
                    "\n{}{}",
                    texts::SUGGESTIONS,
                    texts::suggestion_list(&refusal.suggestions)
                );
            }
        }
        Outcome::SmallTalk(kind) => out.push_str(texts::small_talk(*kind)),
        Outcome::NearMiss(near_miss) => {
            out.push_str(&texts::near_miss(&near_miss.missing));
            for (i, hit) in near_miss.nearest.iter().enumerate() {
                let _ = write!(
                    out,
                    "\n{}\n   {}\n   出处：{}",
                    texts::near_fact(i + 1, &hit.text),
                    hit.excerpt,
                    hit.citation
                );
            }
        }
        Outcome::Answered(answered) => {
            if let Some(direct) = &answered.direct {
                out.push_str(direct);
                out.push('\n');
            }
            for (i, hit) in answered.hits.iter().enumerate() {
                if !out.is_empty() {
                    out.push('\n');
                }
                let _ = write!(out, "{}. {}\n   出处：{}", i + 1, hit.excerpt, hit.citation);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Answered, Hit, HitKind, Refusal};
    use crate::knowledge::UnitId;

    fn answered() -> Answer {
        Answer {
            question: "问".into(),
            outcome: Outcome::Answered(Answered {
                direct: Some("直接答案".to_owned()),
                hits: vec![Hit {
                    kind: HitKind::Passage,
                    id: UnitId::new("r/1.0.1.1"),
                    text: "句子。".into(),
                    excerpt: "句子。下一句。".into(),
                    highlights: Vec::new(),
                    citation: "《报告》一、部分".into(),
                    score: 1.0,
                }],
                glossary_refs: Vec::new(),
                more: false,
            }),
        }
    }

    fn refused(reason: RefusalReason) -> Answer {
        Answer {
            question: "问".into(),
            outcome: Outcome::Refused(Refusal {
                reason,
                suggestions: vec!["话题一".into(), "话题二".into()],
            }),
        }
    }

    #[test]
    fn an_answer_shows_the_direct_answer_then_cited_excerpts() {
        let text = render_plain(&answered());
        assert_eq!(
            text,
            "直接答案\n\n1. 句子。下一句。\n   出处：《报告》一、部分"
        );
    }

    #[test]
    fn no_answer_says_so_and_suggests_topics() {
        let text = render_plain(&refused(RefusalReason::NotInReport));
        assert!(text.starts_with("报告里没有找到"));
        assert!(text.contains("话题一、话题二"));
        let year = refused(RefusalReason::YearNotCovered { year: 2023 });
        assert!(render_plain(&year).starts_with("报告里没有2023年"));
    }
}
