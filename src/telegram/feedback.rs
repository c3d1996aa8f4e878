//! What people tell the maintainer and what they may take back: 👍/👎 under answers (with a 👎's reason),
//! /privacy, and /forget with its confirmation button.

use super::guard::HandlerResult;
use super::html::{Block, Span};
use super::reply::{acknowledge, edit_html, notice, Reply};
use super::state::BotContext;
use super::{keyboards, texts, BotApi};
use crate::questionlog::{Reason, Vote, VoteRecord};
use crate::reminders::store::SubscriptionStore;
use chrono::Utc;
use teloxide::prelude::*;

/// A thumb or a reason pressed under an answer: recorded (a second press replaces the first), thanked,
/// and a 👎 asks in one tap what was wrong.
pub async fn on_vote<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    query: &CallbackQuery,
    message: &Message,
    question: i64,
    vote: Vote,
    reason: Option<Reason>,
) -> HandlerResult {
    let Some(log) = &ctx.log else {
        return notice(bot, query, texts::STALE_BUTTON).await;
    };
    log.vote(VoteRecord {
        question_id: question,
        voter: log.user_key(query.from.id.0),
        chat: log.chat_key(message.chat.id.0),
        vote,
        reason,
        voted_at: Utc::now(),
    });
    match (vote, reason) {
        (Vote::Up, _) => notice(bot, query, texts::THANKS_FOR_FEEDBACK).await,
        (Vote::Down, None) => {
            acknowledge(bot, query).await?;
            let blocks = [Block::text(vec![Span::plain(texts::WHAT_WAS_WRONG)])];
            Reply::to(message)
                .blocks(bot, &blocks, keyboards::reasons_keyboard(question))
                .await
        }
        (Vote::Down, Some(_)) => {
            notice(bot, query, texts::THANKS_FOR_FEEDBACK).await?;
            let blocks = [Block::text(vec![Span::plain(texts::THANKS_FOR_REASON)])];
            edit_html(bot, message, &blocks, None).await
        }
    }
}

/// /privacy: what is kept, how long, why.
pub async fn privacy<B: BotApi>(bot: &B, ctx: &BotContext, reply: &Reply) -> HandlerResult {
    let days = ctx.log.as_ref().map(|log| log.retention().days);
    reply.text(bot, &texts::privacy(days)).await
}

/// /forget: nothing is deleted until the button under this message is pressed.
pub async fn ask_to_forget<B: BotApi>(bot: &B, reply: &Reply) -> HandlerResult {
    let blocks = [Block::text(vec![Span::plain(texts::FORGET_CONFIRM)])];
    reply
        .blocks(bot, &blocks, keyboards::forget_keyboard())
        .await
}

/// /forget confirmed: the chat's questions and the votes given in it, the presser's inline questions and
/// votes, the chat's subscription, and the question a follow-up would lean on. The confirmation message becomes the outcome.
pub async fn on_forget<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    query: &CallbackQuery,
    message: &Message,
) -> HandlerResult {
    acknowledge(bot, query).await?;
    let chat = message.chat.id.0;
    let mut failed = false;
    let mut rows = 0;
    if let Some(log) = &ctx.log {
        // The chat's questions, and the presser's own inline questions and votes (keyed as a person).
        for key in [log.chat_key(chat), log.user_key(query.from.id.0)] {
            match log.forget(key).await {
                Ok(deleted) => rows += deleted,
                Err(error) => {
                    tracing::warn!(%error, "/forget: question log rows not deleted");
                    failed = true;
                }
            }
        }
    }
    let mut unsubscribed = false;
    if let Some(store) = &ctx.reminders {
        match store.remove(chat).await {
            Ok(removed) => unsubscribed = removed,
            Err(error) => {
                tracing::warn!(%error, "/forget: subscription not removed");
                failed = true;
            }
        }
    }
    ctx.conversations.forget(chat);
    let text = if failed {
        texts::FORGET_FAILED.to_owned()
    } else {
        texts::forgotten(rows, unsubscribed)
    };
    edit_html(bot, message, &[Block::text(vec![Span::plain(text)])], None).await
}
