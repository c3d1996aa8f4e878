//! Button presses: each payload is decoded by `button`, checked against what the bot still remembers,
//! then acted on. A forged or stale button gets a short note instead of a reply.

use super::ask::{answer_question, Asked};
use super::button::CallbackAction;
use super::guard::{guarded, HandlerResult};
use super::reply::{acknowledge, edit_html, notice, Reply};
use super::state::BotContext;
use super::views::{self, GlossaryPage};
use super::{admin, feedback, keyboards, texts, BotApi};
use crate::answer::Outcome;
use crate::questionlog::Via;
use std::sync::Arc;
use teloxide::prelude::*;

/// Entry point for every button press.
pub async fn on_button<B: BotApi>(
    bot: B,
    ctx: Arc<BotContext>,
    update: Update,
    query: CallbackQuery,
) -> HandlerResult {
    guarded(&update, handle_button(bot, ctx, query)).await
}

async fn handle_button<B: BotApi>(
    bot: B,
    ctx: Arc<BotContext>,
    query: CallbackQuery,
) -> HandlerResult {
    let parsed = query.data.as_deref().map(CallbackAction::parse);
    let (action, message) = match (parsed, query.regular_message()) {
        (Some(Ok(action)), Some(message)) => (action, message),
        (Some(Ok(_)), None) => return notice(&bot, &query, texts::STALE_BUTTON).await,
        (Some(Err(_)) | None, _) => {
            tracing::info!("refused unknown callback data");
            return notice(&bot, &query, texts::UNKNOWN_BUTTON).await;
        }
    };
    tracing::debug!(?action, "button pressed");
    let engine = &ctx.engine;
    let reply = Reply::to(message);
    match action {
        CallbackAction::Source { id } => {
            let Some(passage) = engine.passage(&id) else {
                return notice(&bot, &query, texts::STALE_BUTTON).await;
            };
            acknowledge(&bot, &query).await?;
            let blocks =
                views::source_blocks(&passage.text, passage.focus.as_slice(), &passage.citation);
            reply.blocks(&bot, &blocks, None).await
        }
        CallbackAction::More { key, offset } => {
            let Some(question) = ctx.questions.get(key) else {
                return notice(&bot, &query, texts::STALE_BUTTON).await;
            };
            let more = engine.ask_more(&question, offset);
            let Outcome::Answered(page) = more.outcome else {
                return notice(&bot, &query, texts::NO_MORE_RESULTS).await;
            };
            if page.hits.is_empty() {
                return notice(&bot, &query, texts::NO_MORE_RESULTS).await;
            }
            acknowledge(&bot, &query).await?;
            let shown = offset + page.hits.len();
            let next = page
                .more
                .then_some(CallbackAction::More { key, offset: shown });
            let hits = page.hits;
            let keyboard = keyboards::answer_keyboard(&hits, offset + 1, next, &[], None);
            let blocks = views::more_blocks(&hits, offset + 1);
            reply.blocks(&bot, &blocks, keyboard).await
        }
        CallbackAction::Glossary { id } => {
            let Some(entry) = engine.glossary().iter().find(|entry| entry.id == id) else {
                return notice(&bot, &query, texts::STALE_BUTTON).await;
            };
            acknowledge(&bot, &query).await?;
            reply
                .blocks(&bot, &views::glossary_entry_blocks(engine, entry), None)
                .await
        }
        CallbackAction::GlossaryPage { page } => {
            acknowledge(&bot, &query).await?;
            let page = GlossaryPage::new(engine.glossary(), page);
            let keyboard = keyboards::glossary_page_keyboard(&page);
            edit_html(&bot, message, &page.blocks(), keyboard).await
        }
        CallbackAction::Example { index } => {
            let Some(question) = ctx.examples.get(index) else {
                return notice(&bot, &query, texts::STALE_BUTTON).await;
            };
            acknowledge(&bot, &query).await?;
            let asked = Asked::in_chat(message, Via::Example);
            answer_question(&bot, &ctx, &reply, question, asked).await
        }
        CallbackAction::Targets => {
            acknowledge(&bot, &query).await?;
            reply
                .blocks(&bot, &views::targets_blocks(engine), None)
                .await
        }
        CallbackAction::Feedback {
            question,
            vote,
            reason,
        } => feedback::on_vote(&bot, &ctx, &query, message, question, vote, reason).await,
        CallbackAction::Forget => feedback::on_forget(&bot, &ctx, &query, message).await,
        CallbackAction::UnansweredPage { page } => {
            admin::on_page(&bot, &ctx, &query, message, page).await
        }
    }
}
