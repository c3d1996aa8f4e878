//! The replies of a chat whose language is English: /start, /targets, /results and the refusal, built from
//! the English texts (`texts::en`) and the English framing of figures (`answer::english`, names from
//! knowledge/english.toml). Quotations of the report stay Chinese.

use super::html::{Block, Span};
use super::texts::en;
use super::views;
use crate::answer::english::indicator_in_english;
use crate::answer::{Answer, Engine, Outcome, RefusalReason};
use crate::knowledge::Indicator;

/// /start in English.
pub fn welcome_blocks(engine: &Engine) -> Vec<Block> {
    vec![Block::text(vec![Span::plain(en::welcome(
        &engine.library().latest().meta.title,
    ))])]
}

/// /start in a group, in English.
pub fn group_welcome_blocks(engine: &Engine, bot_username: &str) -> Vec<Block> {
    vec![Block::text(vec![Span::plain(en::group_welcome(
        &engine.library().latest().meta.title,
        bot_username,
    ))])]
}

/// /targets in English: each main target framed in English, the report's wording beside it.
pub fn targets_blocks(engine: &Engine) -> Vec<Block> {
    let targets = engine.targets();
    let Some(first) = targets.first() else {
        return vec![Block::text(vec![Span::plain(en::NO_TARGETS)])];
    };
    let header = en::targets_header(first.period.last_year());
    figure_blocks(engine, header, &targets)
}

/// /results in English.
pub fn results_blocks(engine: &Engine) -> Vec<Block> {
    let results = engine.results();
    if results.is_empty() {
        return vec![Block::text(vec![Span::plain(en::NO_RESULTS)])];
    }
    figure_blocks(engine, en::RESULTS_HEADER.to_owned(), &results)
}

fn figure_blocks(engine: &Engine, header: String, figures: &[&Indicator]) -> Vec<Block> {
    let english = &engine.library().english;
    let mut blocks = vec![Block::text(vec![Span::bold(header)])];
    for (number, figure) in figures.iter().enumerate() {
        if let Some(line) = indicator_in_english(english, &[figure]) {
            blocks.push(Block::text(vec![Span::plain(format!(
                "{}. {line}",
                number + 1
            ))]));
        }
    }
    blocks
}

/// A question the report does not answer, in English: the refusal with the report's topics (in its own
/// words) to try instead, or the reply to small talk. `None` for an answer (its framing already follows the
/// question's language).
pub fn unanswered_blocks(answer: &Answer) -> Option<Vec<Block>> {
    let refusal = match &answer.outcome {
        Outcome::Answered(_) => return None,
        Outcome::SmallTalk(kind) => {
            return Some(vec![Block::text(vec![Span::plain(en::small_talk(*kind))])])
        }
        Outcome::NearMiss(near_miss) => {
            return Some(views::near_miss_blocks(
                en::near_miss(&near_miss.missing),
                &near_miss.nearest,
            ))
        }
        Outcome::Refused(refusal) => refusal,
    };
    let why = match refusal.reason {
        RefusalReason::EmptyQuestion => en::EMPTY_QUESTION.to_owned(),
        RefusalReason::YearNotCovered { year } => en::year_not_covered(year),
        RefusalReason::NotInReport => en::NOT_ANSWERED.to_owned(),
    };
    let mut blocks = vec![Block::text(vec![Span::plain(why)])];
    if !refusal.suggestions.is_empty() {
        let mut lines = vec![Span::plain(en::SUGGESTIONS)];
        lines.extend(
            refusal
                .suggestions
                .iter()
                .map(|suggestion| Span::plain(format!("\n• {suggestion}"))),
        );
        blocks.push(Block::text(lines));
    }
    Some(blocks)
}
