//! The titles the county was awarded, gathered from the review's own sentences by the verbs that award
//! them (被评为, 被定为, 荣获“…”称号, 成功创建): 西平拿过哪些国家级称号 gets every national title, 生态方面拿了
//! 哪些称号 those of the sentences about ecology, each title with the sentence that states it. The titles
//! are scattered over the review's paragraphs, so no one passage answers; next year's report lists its own.

use std::sync::LazyLock;

use crate::knowledge::Report;

use super::super::types::Outcome;
use super::asking::asking_words;
use super::cues::Cues;
use super::leftover::{topicless, without, REPORT_WORDS};
use super::structure::{review_part, REVIEW_WORDS, SCOPE_WORDS};
use super::weights::HITS_PER_PAGE;
use super::Engine;

/// Verbs that award a title; what follows them up to the clause's end is one title or several (A、B).
/// 获得 is left out: the report also writes 获得感.
const AWARD_VERBS: &[&str] = &[
    "被评为",
    "被定为",
    "被命名为",
    "被授予",
    "被确定为",
    "被认定为",
    "荣获",
    "获评",
    "成功创建",
];

/// Words asking for titles: a question names one of them. 牌子 and 招牌 are left out: they also ask for
/// brands (公共品牌), and so is the English "titles": a part's title is its heading.
const HONOUR_WORDS: &[&str] = &[
    "荣誉称号",
    "称号",
    "荣誉",
    "头衔",
    "honorary titles",
    "honours",
    "honors",
    "accolades",
];

/// The level of a title, read from its own words (全国生态文明建设典范城市 is national).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    National,
    Provincial,
    City,
}

/// Words of a level, in a question and at the head of a title.
const LEVEL_WORDS: &[(Level, &[&str])] = &[
    (
        Level::National,
        &["国家级", "国字号", "国家", "全国", "national"],
    ),
    (
        Level::Provincial,
        &["省级", "全省", "省里", "provincial", "province-level"],
    ),
    (
        Level::City,
        &["市级", "全市", "市里", "municipal", "city-level"],
    ),
];

/// Words of a title sought, not won: the plan's (争创, 创建, 申报).
const SEEKING_WORDS: &[&str] = &[
    "争创", "创建", "申报", "争取", "要创", "打算", "计划", "准备", "将要",
];

/// Verbs and words of having a title in a question (拿过, 评上): asking, not a topic.
const HAVING_WORDS: &[&str] = &[
    "拿过",
    "拿了",
    "拿到",
    "获得",
    "得过",
    "得了",
    "得到",
    "评上",
    "评过",
    "获过",
    "有过",
    "领域",
    "方面",
    "这几年",
    "几年",
    "西平县",
    "西平",
    "我县",
    "咱县",
    "县里",
    // The same in English (what honours has Xiping won): the having verbs and the county.
    "has xiping won",
    "has the county won",
    "did xiping win",
    "did the county win",
    "has won",
    "have won",
    "won",
    "received",
    "receive",
    "gained",
    "got",
    "get",
    "xiping",
    "the county",
];

/// A title and the sentence stating it.
struct Title<'r> {
    name: String,
    /// The clause awarding it, as the report writes it: it says who got the title (“西平小麦”…荣获…).
    clause: &'r str,
    sentence_id: &'r str,
    sentence: &'r str,
}

/// Where a clause ends: a title runs from its verb to here.
fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | '，' | ';' | '；' | '。' | ':' | '：')
}

/// The titles the review's sentences award, in report order.
fn titles(report: &Report) -> Vec<Title<'_>> {
    let Some(part) = review_part(report) else {
        return Vec::new();
    };
    let prefix = format!("{}/{part}.", report.meta.id);
    let mut found = Vec::new();
    for sentence in report.sentences().filter(|s| s.id.starts_with(&prefix)) {
        for verb in AWARD_VERBS {
            for (at, _) in sentence.text.match_indices(verb) {
                let text = &sentence.text;
                let object = &text[at + verb.len()..];
                let object = object.split(is_clause_end).next().unwrap_or_default();
                let start = text[..at].rfind(is_clause_end).map_or(0, |end| {
                    end + text[end..].chars().next().map_or(0, char::len_utf8)
                });
                let clause = &text[start..at + verb.len() + object.len()];
                let object = object.strip_suffix("称号").unwrap_or(object);
                // “A”“B”: two titles quoted side by side.
                let object = object.replace("”“", "、");
                for name in object.split('、') {
                    let mut name = name.trim_matches(['“', '”']).to_owned();
                    // 全国“枫桥式公安派出所: the quote cut at the seam is closed again.
                    if name.matches('“').count() > name.matches('”').count() {
                        name.push('”');
                    }
                    if !name.is_empty() && !found.iter().any(|title: &Title| title.name == name) {
                        found.push(Title {
                            name,
                            clause,
                            sentence_id: &sentence.id,
                            sentence: &sentence.text,
                        });
                    }
                }
            }
        }
    }
    found
}

/// The level a title is of: the highest level it writes (全市唯一省级…示范区 is provincial).
fn level_of(name: &str) -> Option<Level> {
    LEVEL_WORDS
        .iter()
        .find(|(_, words)| words.iter().any(|word| name.contains(word)))
        .map(|&(level, _)| level)
}

/// How much of `topic` a title's sentence writes: each two-letter piece of it the sentence writes, weighed
/// by how few of the titles' sentences write it (城乡绿化: 绿化 names one sentence, 城乡 many).
fn topic_weights(topic: &str, titles: &[Title]) -> Vec<f32> {
    let chars: Vec<char> = topic.chars().filter(|c| c.is_alphanumeric()).collect();
    let pieces: Vec<String> = chars
        .windows(2)
        .map(|piece| piece.iter().collect())
        .collect();
    let mut sentences: Vec<&str> = titles.iter().map(|title| title.sentence).collect();
    sentences.dedup();
    let spread: Vec<usize> = pieces
        .iter()
        .map(|piece| {
            sentences
                .iter()
                .filter(|s| s.contains(piece.as_str()))
                .count()
        })
        .collect();
    titles
        .iter()
        .map(|title| {
            pieces
                .iter()
                .zip(&spread)
                .filter(|(piece, _)| title.sentence.contains(piece.as_str()))
                .map(|(_, &spread)| 1.0 / spread as f32)
                .sum()
        })
        .collect()
}

impl Engine {
    /// The titles the review awards, when a question asks for titles (of a level, or about a topic) and
    /// nothing else.
    pub(super) fn honours_outcome(&self, normalized: &str) -> Option<Outcome> {
        static HONOURS: LazyLock<Cues<()>> = LazyLock::new(|| Cues::new(&[((), HONOUR_WORDS)]));
        static LEVELS: LazyLock<Cues<Level>> = LazyLock::new(|| Cues::new(LEVEL_WORDS));
        static SEEKING: LazyLock<Cues<()>> = LazyLock::new(|| Cues::new(&[((), SEEKING_WORDS)]));
        if HONOURS.found(normalized).is_empty() {
            return None;
        }
        // Titles sought (今年要争创哪些称号) or of a year named are no titles the review says were won: the
        // search finds the plan's.
        let time = self.reader.read(normalized).time;
        if !time.years.is_empty() || time.future_plan || !SEEKING.found(normalized).is_empty() {
            return None;
        }
        let level = LEVELS.found(normalized).first().map(|&(level, _)| level);
        let topic = without(
            normalized,
            HONOUR_WORDS
                .iter()
                .chain(LEVEL_WORDS.iter().flat_map(|(_, words)| words.iter()))
                .chain(HAVING_WORDS)
                .chain(REVIEW_WORDS)
                .chain(SCOPE_WORDS)
                .chain(REPORT_WORDS)
                .copied()
                .chain(asking_words()),
        );
        let report = self.library.latest();
        let mut titles: Vec<Title> = titles(report)
            .into_iter()
            .filter(|title| level.is_none() || level_of(&title.name) == level)
            .collect();
        if !topicless(&topic) {
            // A topic (生态方面): the titles of the sentence writing the most of it.
            let weights = topic_weights(&topic, &titles);
            let best = weights.iter().copied().fold(0.0, f32::max);
            if best <= 0.0 {
                return None;
            }
            let mut weights = weights.into_iter();
            titles.retain(|_| weights.next() == Some(best));
        }
        if titles.is_empty() {
            return None;
        }
        let level_said = match level {
            Some(Level::National) => "国家级",
            Some(Level::Provincial) => "省级",
            Some(Level::City) => "市级",
            None => "",
        };
        // Each title with the clause awarding it, which says who got it: a product or a unit of the county
        // is not the county.
        let mut clauses: Vec<&str> = titles.iter().map(|title| title.clause).collect();
        clauses.dedup();
        let mut direct = format!("报告写到的{level_said}称号（共{}个）：", titles.len());
        for (number, clause) in clauses.iter().enumerate() {
            direct.push_str(&format!("\n{}. {clause}", number + 1));
        }
        // The sentences stating the most of the titles are cited first, in report order among equals.
        let mut ids: Vec<(&str, usize)> = Vec::new();
        for title in &titles {
            match ids.iter_mut().find(|(id, _)| *id == title.sentence_id) {
                Some((_, count)) => *count += 1,
                None => ids.push((title.sentence_id, 1)),
            }
        }
        ids.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
        let hits = ids
            .iter()
            .filter_map(|(id, _)| self.catalog.doc_of(id))
            .take(HITS_PER_PAGE)
            .map(|doc| self.chosen_hit(doc))
            .collect();
        Some(self.chosen_answer(Some(direct), hits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_titles_level_is_the_highest_level_it_writes() {
        assert_eq!(level_of("全国生态文明建设典范城市"), Some(Level::National));
        assert_eq!(
            level_of("全市唯一省级公共文化服务体系示范区"),
            Some(Level::Provincial)
        );
        assert_eq!(level_of("全市安全生产先进县"), Some(Level::City));
        assert_eq!(level_of("省级“万村通客车”示范县"), Some(Level::Provincial));
        assert_eq!(level_of("三农影视拍摄基地"), None);
    }
}
