//! Answering a question in a chat: the engine call, the cited reply and its buttons. Typed questions,
//! /ask and the /start example buttons all come here, so they answer alike.

use super::button::CallbackAction;
use super::guard::HandlerResult;
use super::reply::Reply;
use super::state::BotContext;
use super::{keyboards, views, BotApi};
use crate::answer::{Engine, Outcome, MAX_QUESTION_CHARS};
use crate::knowledge::{GlossaryEntry, UnitId};
use crate::questionlog::{ChatKind, QuestionRecord, Via};
use chrono::Utc;
use std::time::Instant;
use teloxide::types::Message;

/// Glossary buttons under one answer: the terms most worth explaining, without burying the answer
/// under a wall of buttons.
const MAX_GLOSSARY_BUTTONS: usize = 4;

/// Where and how a question was asked, for the question log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    pub kind: ChatKind,
    pub via: Via,
}

impl Asked {
    /// A question asked in `message`'s chat.
    pub fn in_chat(message: &Message, via: Via) -> Asked {
        let kind = if message.chat.is_private() {
            ChatKind::Private
        } else {
            ChatKind::Group
        };
        Asked { kind, via }
    }
}

/// Answers a question where `reply` points: the direct answer and cited excerpts, with 查看原文,
/// 更多结果, glossary and 👍/👎 buttons; then hands the question to the log (which never waits).
pub async fn answer_question<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    reply: &Reply,
    question: &str,
    asked: Asked,
) -> HandlerResult {
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
    let log_id = ctx.log.as_ref().map(|log| log.next_id());
    let keyboard = match &answer.outcome {
        Outcome::Answered(answered) => {
            let more = answered.more.then(|| CallbackAction::More {
                key: ctx.questions.remember(&understood),
                offset: answered.hits.len(),
            });
            let glossary = glossary_entries(&ctx.engine, &answered.glossary_refs);
            keyboards::answer_keyboard(&answered.hits, 1, more, &glossary, log_id)
        }
        Outcome::Refused(_) | Outcome::SmallTalk(_) => None,
    };
    let sent = reply
        .blocks(bot, &views::answer_blocks(&answer), keyboard)
        .await;
    if let (Some(log), Some(id)) = (&ctx.log, log_id) {
        log.record(QuestionRecord {
            id,
            asked_at: now,
            chat: log.chat_key(chat),
            kind: asked.kind,
            via: asked.via,
            understood: (understood != question).then_some(understood),
            question,
            outcome: answer.outcome.kind(),
            top_hit: answer.hits().first().map(|hit| hit.id.to_string()),
            latency_us: u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX),
        });
    }
    sent
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
