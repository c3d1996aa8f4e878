//! What an asker says about themselves before asking (我是一名大学生，正在写论文，…; I'm a researcher. …), or
//! about where the figures are to come from (按报告的数算，…): a clause that opens so and asks nothing is
//! context, not the question, and its nouns (大学生, 论文, 数) would otherwise outweigh the topic.

/// Openings of a clause about the asker: a first person with being, doing or wanting.
const ABOUT_THE_ASKER: &[&str] = &[
    "我是",
    "我在",
    "我正在",
    "我最近",
    "我今天",
    "我想",
    "我要",
    "我打算",
    "我们是",
    "我们在",
    "俺是",
    "俺在",
    "本人是",
    "本人在",
    "i'm",
    "i am",
    "i work",
    "i study",
    "we are",
];
/// Openings of a clause that says the figures asked are the report's (按报告的数算, 根据报告): the report is
/// what every question is asked of.
const ABOUT_THE_SOURCE: &[&str] = &[
    "按报告",
    "照报告",
    "按照报告",
    "依照报告",
    "根据报告",
    "依据报告",
    "据报告",
    "按报告里",
    "according to the report",
    "based on the report",
];
/// Interrogatives: a clause holding one asks something, whoever opens it (我想知道GDP是多少).
const ASKING: &[&str] = &[
    "什么",
    "啥",
    "多少",
    "几",
    "怎么",
    "怎样",
    "如何",
    "咋",
    "吗",
    "呢",
    "哪",
    "谁",
    "是否",
    "有没有",
    "是不是",
    "何时",
    "?",
    "？",
    "what",
    "how",
    "which",
    "who",
    "when",
    "where",
];
/// Openings of a clause that goes on about the asker after one that opened with them (我是学生，正在写论文).
const GOING_ON: &[&str] = &[
    "正在", "在", "想", "要", "最近", "目前", "现在", "打算", "准备",
];
/// Marks that end a clause.
const CLAUSE_ENDS: &[char] = &['，', ',', '。', '；', ';', '！', '!', '\n'];

/// `raw` without the clauses about the asker that come before the last clause; `raw` itself when it has none.
pub(super) fn without_preamble(raw: &str) -> &str {
    let clauses: Vec<&str> = raw.split_inclusive(CLAUSE_ENDS).collect();
    let mut start = 0;
    let mut about_asker = false;
    for clause in clauses.iter().take(clauses.len().saturating_sub(1)) {
        let trimmed = clause.trim().to_lowercase();
        let opens = |openings: &[&str]| openings.iter().any(|opening| trimmed.starts_with(opening));
        about_asker =
            (opens(ABOUT_THE_ASKER) || opens(ABOUT_THE_SOURCE) || about_asker && opens(GOING_ON))
                && !ASKING.iter().any(|word| trimmed.contains(word));
        if !about_asker {
            break;
        }
        start += clause.len();
    }
    &raw[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_about_the_asker_before_the_question_are_left_out() {
        assert_eq!(
            without_preamble("我是一名大学生，正在写一篇论文，想了解一下去年财政收入"),
            "想了解一下去年财政收入"
        );
        assert_eq!(
            without_preamble("I'm a researcher, what was the GDP target?"),
            " what was the GDP target?"
        );
        assert_eq!(
            without_preamble("俺是西平人。俺村的路啥时候修"),
            "俺村的路啥时候修"
        );
        assert_eq!(
            without_preamble("按报告的数算,2017年生产总值是多少"),
            "2017年生产总值是多少"
        );
        // A clause that asks is the question; a lone clause stays; 我们县 is no clause about the asker.
        assert_eq!(without_preamble("我想知道GDP是多少"), "我想知道GDP是多少");
        assert_eq!(without_preamble("我想了解财政收入"), "我想了解财政收入");
        assert_eq!(
            without_preamble("我们县去年GDP，多少"),
            "我们县去年GDP，多少"
        );
    }
}
