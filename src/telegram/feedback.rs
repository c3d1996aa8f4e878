//! What people tell the maintainer and what they may take back: 👍/👎 under answers (with a 👎's reason),
//! /privacy, and /forget with its confirmation button.

use super::guard::HandlerResult;
use super::html::{Block, Span};
use super::reply::{acknowledge, edit_html, notice, Reply};
use super::state::BotContext;
use super::{keyboards, texts, BotApi};
use crate::answer::Language;
use crate::questionlog::{Reason, Vote, VoteRecord};
use crate::reminders::store::SubscriptionStore;
use chrono::Utc;
use teloxide::prelude::*;

/// The feedback and /forget replies' words in one language (`texts` and `texts::en`).
struct Words {
    thanks: &'static str,
    what_was_wrong: &'static str,
    thanks_for_reason: &'static str,
    reason_button: fn(Reason) -> &'static str,
    privacy: fn(Option<u32>) -> String,
    forget_confirm: &'static str,
    forget_button: &'static str,
    forget_failed: &'static str,
    forgotten: fn(u64, bool) -> String,
}

const CHINESE: Words = Words {
    thanks: texts::THANKS_FOR_FEEDBACK,
    what_was_wrong: texts::WHAT_WAS_WRONG,
    thanks_for_reason: texts::THANKS_FOR_REASON,
    reason_button: texts::reason_button,
    privacy: texts::privacy,
    forget_confirm: texts::FORGET_CONFIRM,
    forget_button: texts::FORGET_BUTTON,
    forget_failed: texts::FORGET_FAILED,
    forgotten: texts::forgotten,
};

const ENGLISH: Words = Words {
    thanks: texts::en::THANKS_FOR_FEEDBACK,
    what_was_wrong: texts::en::WHAT_WAS_WRONG,
    thanks_for_reason: texts::en::THANKS_FOR_REASON,
    reason_button: texts::en::reason_button,
    privacy: texts::en::privacy,
    forget_confirm: texts::en::FORGET_CONFIRM,
    forget_button: texts::en::FORGET_BUTTON,
    forget_failed: texts::en::FORGET_FAILED,
    forgotten: texts::en::forgotten,
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Chinese => &CHINESE,
        Language::English => &ENGLISH,
    }
}

/// A thumb or a reason pressed under an answer: recorded (a second press replaces the first), thanked,
/// and a 👎 asks in one tap what was wrong.
pub async fn on_vote<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    (query, message): (&CallbackQuery, &Message),
    (question, vote, reason): (i64, Vote, Option<Reason>),
    language: Language,
) -> HandlerResult {
    let words = words(language);
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
        (Vote::Up, _) => notice(bot, query, words.thanks).await,
        (Vote::Down, None) => {
            acknowledge(bot, query).await?;
            let blocks = [Block::text(vec![Span::plain(words.what_was_wrong)])];
            let keyboard = keyboards::reasons_keyboard(question, words.reason_button);
            Reply::to(message).blocks(bot, &blocks, keyboard).await
        }
        (Vote::Down, Some(_)) => {
            notice(bot, query, words.thanks).await?;
            let blocks = [Block::text(vec![Span::plain(words.thanks_for_reason)])];
            edit_html(bot, message, &blocks, None).await
        }
    }
}

/// /privacy: what is kept, how long, why.
pub async fn privacy<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    reply: &Reply,
    language: Language,
) -> HandlerResult {
    let days = ctx.log.as_ref().map(|log| log.retention().days);
    reply.text(bot, &(words(language).privacy)(days)).await
}

/// /forget: nothing is deleted until the button under this message is pressed.
pub async fn ask_to_forget<B: BotApi>(bot: &B, reply: &Reply, language: Language) -> HandlerResult {
    let words = words(language);
    let blocks = [Block::text(vec![Span::plain(words.forget_confirm)])];
    let keyboard = keyboards::forget_keyboard(words.forget_button);
    reply.blocks(bot, &blocks, keyboard).await
}

/// /forget confirmed: the chat's questions and the votes given in it, the presser's inline questions and
/// votes, the chat's subscription and /lang choice, and the question a follow-up would lean on. The
/// confirmation message becomes the outcome.
pub async fn on_forget<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    query: &CallbackQuery,
    message: &Message,
    language: Language,
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
    if let Err(error) = ctx.forget_language(chat).await {
        tracing::warn!(%error, "/forget: reply language not removed");
        failed = true;
    }
    ctx.conversations.forget(chat);
    let words = words(language);
    let text = if failed {
        words.forget_failed.to_owned()
    } else {
        (words.forgotten)(rows, unsubscribed)
    };
    edit_html(bot, message, &[Block::text(vec![Span::plain(text)])], None).await
}
