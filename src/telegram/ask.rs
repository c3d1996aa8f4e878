//! Answering a question in a chat: the engine call, the cited reply and its buttons. Typed questions,
//! /ask and the /start example buttons all come here, so they answer alike.

use super::button::CallbackAction;
use super::english;
use super::guard::HandlerResult;
use super::reply::Reply;
use super::state::BotContext;
use super::{keyboards, views, BotApi};
use crate::answer::{Answer, Engine, Language};
use crate::knowledge::GlossaryEntry;
use std::time::Instant;

/// Questions are cut to this many characters before they reach the engine: room for any real
/// question, while a pasted essay costs no more than a long question.
const MAX_QUESTION_CHARS: usize = 500;
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
    answer_question_in(bot, ctx, reply, question, Language::Chinese).await
}

/// [`answer_question`] for a chat whose language is `language`: a refusal is in English when the chat or
/// the question is (an answer's framing already follows the question's language).
pub async fn answer_question_in<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    reply: &Reply,
    question: &str,
    language: Language,
) -> HandlerResult {
    let question: String = question.trim().chars().take(MAX_QUESTION_CHARS).collect();
    let started = Instant::now();
    let answer = ctx.engine.ask(&question);
    tracing::info!(
        chars = question.chars().count(),
        answered = answer.answered,
        hits = answer.hits.len(),
        micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        "question answered"
    );
    if !answer.answered && (language == Language::English || answer.language() == Language::English)
    {
        return reply
            .blocks(bot, &english::refusal_blocks(&answer), None)
            .await;
    }
    let shown = answer.hits.len();
    let answer = Answer {
        hits: views::distinct_hits(answer.hits),
        ..answer
    };
    let keyboard = if answer.answered {
        let more = has_more(&ctx.engine, &question, shown).then(|| CallbackAction::More {
            key: ctx.questions.remember(&question),
            offset: shown,
        });
        let glossary = glossary_entries(&ctx.engine, &answer.glossary_refs);
        keyboards::answer_keyboard(&answer.hits, 1, more, &glossary)
    } else {
        None
    };
    reply
        .blocks(bot, &views::answer_blocks(&answer), keyboard)
        .await
}

/// Whether there are hits after the first `shown` (so a 更多结果 button leads somewhere).
pub fn has_more(engine: &Engine, question: &str, shown: usize) -> bool {
    shown > 0 && !engine.ask_more(question, shown).hits.is_empty()
}

/// The glossary entries an answer touches, as many as get a button.
fn glossary_entries<'a>(engine: &'a Engine, ids: &[String]) -> Vec<&'a GlossaryEntry> {
    ids.iter()
        .filter_map(|id| engine.glossary().iter().find(|entry| &entry.id == id))
        .take(MAX_GLOSSARY_BUTTONS)
        .collect()
}
