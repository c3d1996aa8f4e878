//! The reply as plain text, for the command line (and the `reply` field of `ask --json`).

use std::fmt::Write as _;

use crate::answer::{Answer, Unanswered};

/// The reply a person reads: the direct answer, then numbered excerpts each with its citation; or, when the
/// report does not answer, why and what to ask instead.
pub fn render_plain(answer: &Answer) -> String {
    let mut out = String::new();
    if !answer.answered {
        out.push_str(match answer.unanswered {
            Some(Unanswered::EmptyQuestion) => "请输入一个关于政府工作报告的问题。",
            Some(Unanswered::YearNotCovered { .. }) | Some(Unanswered::NotInReport) | None => "",
        });
        if let Some(Unanswered::YearNotCovered { year }) = answer.unanswered {
            let _ = write!(out, "报告里没有{year}年的数据或安排。");
        }
        if matches!(answer.unanswered, Some(Unanswered::NotInReport) | None) {
            out.push_str("报告里没有找到能回答这个问题的内容。");
        }
        if !answer.suggestions.is_empty() {
            let _ = write!(
                out,
                "\n可以问问报告讲到的：{}",
                answer.suggestions.join("、")
            );
        }
        return out;
    }
    if let Some(direct) = &answer.answer {
        out.push_str(direct);
        out.push('\n');
    }
    for (i, hit) in answer.hits.iter().enumerate() {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = write!(out, "{}. {}\n   出处：{}", i + 1, hit.excerpt, hit.citation);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::{Hit, HitKind};

    fn answer(answered: bool) -> Answer {
        Answer {
            question: "问".into(),
            answered,
            answer: answered.then(|| "直接答案".to_owned()),
            hits: if answered {
                vec![Hit {
                    kind: HitKind::Passage,
                    id: "r/1.0.1.1".into(),
                    text: "句子。".into(),
                    excerpt: "句子。下一句。".into(),
                    highlights: Vec::new(),
                    citation: "《报告》一、部分".into(),
                    score: 1.0,
                }]
            } else {
                Vec::new()
            },
            glossary_refs: Vec::new(),
            suggestions: vec!["话题一".into(), "话题二".into()],
            unanswered: (!answered).then_some(Unanswered::NotInReport),
        }
    }

    #[test]
    fn an_answer_shows_the_direct_answer_then_cited_excerpts() {
        let text = render_plain(&answer(true));
        assert_eq!(
            text,
            "直接答案\n\n1. 句子。下一句。\n   出处：《报告》一、部分"
        );
    }

    #[test]
    fn no_answer_says_so_and_suggests_topics() {
        let text = render_plain(&answer(false));
        assert!(text.starts_with("报告里没有找到"));
        assert!(text.contains("话题一、话题二"));
        let mut year = answer(false);
        year.unanswered = Some(Unanswered::YearNotCovered { year: 2023 });
        assert!(render_plain(&year).starts_with("报告里没有2023年"));
    }
}
