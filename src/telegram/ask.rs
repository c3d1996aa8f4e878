//! Answering a question in a chat: the engine call, the cited reply and its buttons. Typed questions,
//! /ask and the /start example buttons all come here, so they answer alike.

use super::button::CallbackAction;
use super::concise::concise;
use super::english;
use super::guard::{HandlerError, HandlerResult};
use super::html::{Block, Span};
use super::reply::Reply;
use super::state::BotContext;
use super::texts;
use super::{cite, places};
use super::{keyboards, views, BotApi};
use crate::answer::suggest::suggestions_for;
use crate::answer::{
    Answer, Answered, Engine, HitKind, Language, Outcome, Refusal, RefusalReason,
    MAX_QUESTION_CHARS,
};
use crate::knowledge::{GlossaryEntry, UnitId};
use chrono::Utc;
use std::time::Instant;
use teloxide::types::{InlineKeyboardMarkup, MessageId};

/// Glossary buttons under one answer: the terms most worth explaining, without burying the answer
/// under a wall of buttons.
const MAX_GLOSSARY_BUTTONS: usize = 4;

/// Answers a question where `reply` points: the direct answer and cited excerpts, with 查看原文,
/// 更多结果 and glossary buttons.
pub async fn answer_question<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    reply: &Reply,
    question: &str,
) -> HandlerResult {
    answer_question_in(bot, ctx, reply, question, Language::Chinese)
        .await
        .map(drop)
}

/// [`answer_question`] for a chat whose language is `language`: a refusal is in English when the chat or
/// the question is (an answer's framing already follows the question's language). Returns the reply's
/// first message, which an edit of the question replaces.
pub async fn answer_question_in<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    reply: &Reply,
    question: &str,
    language: Language,
) -> Result<Option<MessageId>, HandlerError> {
    // The engine cuts a question to its own limit; what is remembered for 更多结果 is that much too.
    let question: String = question.trim().chars().take(MAX_QUESTION_CHARS).collect();
    let started = Instant::now();
    let now = Utc::now();
    let chat = reply.chat.0;
    let previous = ctx.conversations.previous(chat, now);
    let (answer, follow_up) = ctx.engine.ask_after(previous.as_ref(), &question);
    // 更多结果 pages the question as understood (那2021年呢 → the 2021 question), not as typed.
    let understood = follow_up.question().to_owned();
    ctx.conversations.remember(chat, follow_up, now);
    tracing::info!(
        chars = question.chars().count(),
        answered = answer.answered(),
        hits = answer.hits().len(),
        micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        "question answered"
    );
    let english = language == Language::English || answer.language() == Language::English;
    let view = answer_view(ctx, &answer, &understood, english);
    reply.send(bot, &view.blocks, view.keyboard).await
}

/// What a user sees for an answer: the message blocks and the buttons under the last one.
#[derive(Debug, Clone)]
pub struct AnswerView {
    pub blocks: Vec<Block>,
    pub keyboard: Option<InlineKeyboardMarkup>,
}

/// The reply to `answer` (to the question `understood`, which a 更多结果 button pages), in English when
/// `english`: the cited answer, or a refusal that leads somewhere.
pub fn answer_view(
    ctx: &BotContext,
    answer: &Answer,
    understood: &str,
    english: bool,
) -> AnswerView {
    if let Outcome::Refused(refusal) = &answer.outcome {
        return refusal_view(ctx, answer, refusal, english);
    }
    if english {
        if let Some(blocks) = english::unanswered_blocks(answer) {
            return AnswerView {
                blocks,
                keyboard: None,
            };
        }
    }
    let Outcome::Answered(answered) = &answer.outcome else {
        // The nearest facts of a near-miss can be read in full, like hits.
        let keyboard = match &answer.outcome {
            Outcome::NearMiss(near_miss) => {
                keyboards::answer_keyboard(&near_miss.nearest, 1, None, &[])
            }
            _ => None,
        };
        return AnswerView {
            blocks: views::answer_blocks(answer),
            keyboard,
        };
    };
    let (mut shown, consumed) = concise(answered);
    shown.hits = shown
        .hits
        .into_iter()
        .map(|hit| cite::with_place(&ctx.engine, hit))
        .collect();
    let more = shown.more.then(|| CallbackAction::More {
        key: ctx.questions.remember(understood),
        offset: consumed,
        question: understood.to_owned(),
    });
    // 📖 only for terms the shown excerpts use: never the entry the headline already is.
    let glossary: Vec<&GlossaryEntry> = glossary_entries(&ctx.engine, &shown.glossary_refs)
        .into_iter()
        .filter(|entry| {
            shown
                .hits
                .iter()
                .any(|hit| hit.excerpt.contains(&entry.term))
        })
        .collect();
    let mut keyboard = keyboards::answer_keyboard(&shown.hits, 1, more, &glossary);
    // A glossary answer: where the report uses the term.
    if let Some(entry) = answered_entry(&ctx.engine, answered) {
        let language = if english {
            Language::English
        } else {
            Language::Chinese
        };
        keyboard = keyboards::with_row_of(
            keyboard,
            places::entry_keyboard(&ctx.engine, entry, language),
        );
    }
    let blocks = views::answer_blocks(&Answer {
        question: answer.question.clone(),
        outcome: Outcome::Answered(shown),
    });
    AnswerView { blocks, keyboard }
}

/// The glossary entry a direct answer is, when the answer is a glossary entry.
fn answered_entry<'a>(engine: &'a Engine, answered: &Answered) -> Option<&'a GlossaryEntry> {
    let first = answered.hits.first()?;
    if answered.direct.is_none() || first.kind != HitKind::Glossary {
        return None;
    }
    engine
        .glossary()
        .iter()
        .find(|entry| first.id == *entry.id.as_str())
}

/// A refusal that leads somewhere: the report's topics and terms nearest to the question as buttons
/// (instead of the same list for every question), or, when nothing is near, what can be asked.
fn refusal_view(ctx: &BotContext, answer: &Answer, refusal: &Refusal, english: bool) -> AnswerView {
    let near = match refusal.reason {
        RefusalReason::EmptyQuestion => Vec::new(),
        RefusalReason::NotInReport | RefusalReason::YearNotCovered { .. } => {
            suggestions_for(ctx.engine.library(), &answer.question)
        }
    };
    let bare = Answer {
        question: answer.question.clone(),
        outcome: Outcome::Refused(Refusal {
            reason: refusal.reason,
            suggestions: Vec::new(),
        }),
    };
    let (mut blocks, lead) = if english {
        let blocks = english::unanswered_blocks(&bare).unwrap_or_default();
        let lead = if near.is_empty() {
            texts::en::WHAT_TO_ASK
        } else {
            texts::en::NEAR_TOPICS
        };
        (blocks, lead)
    } else {
        let lead = if near.is_empty() {
            texts::WHAT_TO_ASK
        } else {
            texts::NEAR_TOPICS
        };
        (views::answer_blocks(&bare), lead)
    };
    blocks.push(Block::text(vec![Span::plain(lead)]));
    AnswerView {
        blocks,
        keyboard: keyboards::suggestions_keyboard(&near),
    }
}

/// The glossary entries an answer touches, as many as get a button.
fn glossary_entries<'a>(engine: &'a Engine, ids: &[UnitId]) -> Vec<&'a GlossaryEntry> {
    ids.iter()
        .filter_map(|id| {
            engine
                .glossary()
                .iter()
                .find(|entry| *id == entry.id.as_str())
        })
        .take(MAX_GLOSSARY_BUTTONS)
        .collect()
}
