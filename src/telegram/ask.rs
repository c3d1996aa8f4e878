//! Answering a question in a chat: the engine call, the cited reply and its buttons. Typed questions,
//! /ask and the /start example buttons all come here, so they answer alike.

use super::button::CallbackAction;
use super::concise::concise;
use super::english;
use super::guard::HandlerError;
use super::html::{Block, Span};
use super::reply::Reply;
use super::state::BotContext;
use super::texts;
use super::{cite, places};
use super::{keyboards, views, BotApi};
use crate::answer::suggest::{meant_entry, suggestions_for, Suggestion, SuggestionKind};
use crate::answer::{
    Answer, Answered, Engine, HitKind, Language, Outcome, Refusal, RefusalReason,
    MAX_QUESTION_CHARS,
};
use crate::knowledge::{GlossaryEntry, UnitId};
use crate::questionlog::{ChatKind, QuestionRecord, Via};
use chrono::Utc;
use std::time::Instant;
use teloxide::types::{InlineKeyboardMarkup, Message, MessageId};

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
    /// A question asked in a private chat or a group.
    pub fn new(private: bool, via: Via) -> Asked {
        let kind = if private {
            ChatKind::Private
        } else {
            ChatKind::Group
        };
        Asked { kind, via }
    }

    /// A question asked in `message`'s chat.
    pub fn in_chat(message: &Message, via: Via) -> Asked {
        Asked::new(message.chat.is_private(), via)
    }
}

/// Answers a question where `reply` points, for a chat whose language is `language`: the direct answer
/// and cited excerpts with their buttons and 👍/👎 (a refusal is in English when the chat or the question
/// is; an answer's framing already follows the question's language); then hands the question to the log
/// (which never waits). Returns the reply's first message, which an edit of the question replaces.
pub async fn answer_question<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    reply: &Reply,
    question: &str,
    asked: Asked,
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
    let log_id = ctx.log.as_ref().map(|log| log.next_id());
    let english = language == Language::English || answer.language() == Language::English;
    let view = answer_view(ctx, &answer, &understood, english, log_id);
    let sent = reply.send(bot, &view.blocks, view.keyboard).await;
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

/// What a user sees for an answer: the message blocks and the buttons under the last one.
#[derive(Debug, Clone)]
pub struct AnswerView {
    pub blocks: Vec<Block>,
    pub keyboard: Option<InlineKeyboardMarkup>,
}

/// The reply to `answer` (to the question `understood`, which a 更多结果 button pages), in English when
/// `english`: the cited answer, or a refusal that leads somewhere. `feedback` is the logged question's
/// id: an answer and a near miss get 👍/👎 as their last row (refusals and small talk do not).
pub fn answer_view(
    ctx: &BotContext,
    answer: &Answer,
    understood: &str,
    english: bool,
    feedback: Option<i64>,
) -> AnswerView {
    let thumbs = || feedback.and_then(keyboards::feedback_keyboard);
    let plain_blocks = || {
        english
            .then(|| english::unanswered_blocks(answer))
            .flatten()
            .unwrap_or_else(|| views::answer_blocks(answer))
    };
    match &answer.outcome {
        Outcome::Refused(refusal) => refusal_view(ctx, answer, refusal, english),
        Outcome::SmallTalk(_) => AnswerView {
            blocks: plain_blocks(),
            keyboard: None,
        },
        // The nearest facts of a near-miss can be read in full, like hits.
        Outcome::NearMiss(near_miss) => AnswerView {
            blocks: plain_blocks(),
            keyboard: keyboards::with_row_of(
                keyboards::answer_keyboard(&near_miss.nearest, 1, None, &[]),
                thumbs(),
            ),
        },
        Outcome::Answered(answered) => {
            let mut view = answered_view(ctx, answer, answered, understood, english);
            view.keyboard = keyboards::with_row_of(view.keyboard, thumbs());
            view
        }
    }
}

/// A cited answer trimmed for a phone, with 查看原文, 引用, 更多结果, glossary and 全部出处 buttons.
fn answered_view(
    ctx: &BotContext,
    answer: &Answer,
    answered: &Answered,
    understood: &str,
    english: bool,
) -> AnswerView {
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
    let mut near = match refusal.reason {
        RefusalReason::EmptyQuestion => Vec::new(),
        RefusalReason::NotInReport | RefusalReason::YearNotCovered { .. } => {
            suggestions_for(ctx.engine.library(), &answer.question)
        }
    };
    // 三张单子是什么: a known term one character off explains the refusal; it leads the buttons.
    let meant = match refusal.reason {
        RefusalReason::NotInReport => meant_entry(ctx.engine.library(), &answer.question),
        _ => None,
    };
    if let Some(entry) = meant {
        near.retain(|suggestion| suggestion.id != entry.id);
        near.insert(
            0,
            Suggestion {
                kind: SuggestionKind::Term,
                id: entry.id.clone(),
                label: entry.term.clone(),
            },
        );
    }
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
    if let Some(entry) = meant {
        let asked = if english {
            texts::en::did_you_mean(&entry.term)
        } else {
            texts::did_you_mean(&entry.term)
        };
        blocks.push(Block::text(vec![Span::plain(asked)]));
    }
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
