//! Button presses: each payload is decoded by `button`, checked against what the bot still remembers,
//! then acted on. A forged or stale button gets a short note instead of a reply.

use super::ask::{answer_question, Asked};
use super::button::CallbackAction;
use super::guard::{guarded, HandlerResult};
use super::more::more_page;
use super::reply::{acknowledge, edit_html, notice, Reply};
use super::state::BotContext;
use super::views::{self, GlossaryPage};
use super::{admin, cite, feedback, keyboards, places, subscriptions, texts, BotApi};
use crate::answer::suggest::topic_label;
use crate::answer::Language;
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
            let citation =
                cite::citation_with_place(engine, passage.id.as_str(), &passage.citation);
            let blocks = views::source_blocks(&passage.text, passage.focus.as_slice(), &citation);
            reply.blocks(&bot, &blocks, None).await
        }
        CallbackAction::More {
            key,
            offset,
            question,
        } => {
            // After a restart the key is forgotten: the question the button carries is asked again.
            let Some(question) = ctx
                .questions
                .get(key)
                .or_else(|| (!question.trim().is_empty()).then_some(question))
            else {
                return notice(&bot, &query, texts::STALE_BUTTON).await;
            };
            let mut page = more_page(engine, &question, offset);
            page.hits = page
                .hits
                .into_iter()
                .map(|hit| cite::with_place(engine, hit))
                .collect();
            if page.hits.is_empty() {
                return notice(&bot, &query, texts::NO_MORE_RESULTS).await;
            }
            acknowledge(&bot, &query).await?;
            let next = page.next.map(|offset| CallbackAction::More {
                key,
                offset,
                question: question.clone(),
            });
            let keyboard = keyboards::answer_keyboard(&page.hits, offset + 1, next, &[]);
            let blocks = views::more_blocks(&page.hits, offset + 1);
            reply.blocks(&bot, &blocks, keyboard).await
        }
        CallbackAction::Glossary { id } => {
            let Some(entry) = engine.glossary().iter().find(|entry| entry.id == id) else {
                return notice(&bot, &query, texts::STALE_BUTTON).await;
            };
            acknowledge(&bot, &query).await?;
            let language = chat_language(&ctx, &query, message).await;
            let keyboard = places::entry_keyboard(engine, entry, language);
            reply
                .blocks(&bot, &views::glossary_entry_blocks(engine, entry), keyboard)
                .await
        }
        CallbackAction::Find { word, page } => {
            acknowledge(&bot, &query).await?;
            let language = chat_language(&ctx, &query, message).await;
            let (blocks, keyboard) = places::find_reply(engine, &word, page.unwrap_or(0), language);
            match page {
                // 全部出处 under another message: a new message.
                None => reply.blocks(&bot, &blocks, keyboard).await,
                // Paging: the page is edited in place.
                Some(_) => edit_html(&bot, message, &blocks, keyboard).await,
            }
        }
        CallbackAction::Cite { id } => {
            let language = chat_language(&ctx, &query, message).await;
            let Some(citation) = cite::full_citation(engine, &id, language) else {
                return notice(&bot, &query, texts::STALE_BUTTON).await;
            };
            acknowledge(&bot, &query).await?;
            reply.text(&bot, &citation).await
        }
        CallbackAction::Topic { id } => {
            let Some(topic) = topic_label(engine.library(), &id) else {
                return notice(&bot, &query, texts::STALE_BUTTON).await;
            };
            acknowledge(&bot, &query).await?;
            let asked = Asked::in_chat(message, Via::Topic);
            answer_question(&bot, &ctx, &reply, &topic, asked, Language::Chinese)
                .await
                .map(drop)
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
            answer_question(&bot, &ctx, &reply, question, asked, Language::Chinese)
                .await
                .map(drop)
        }
        CallbackAction::Subscription { reset } => {
            acknowledge(&bot, &query).await?;
            let language = chat_language(&ctx, &query, message).await;
            let when = (language, chrono::Utc::now());
            subscriptions::choose(&bot, &ctx, message, reset, when).await
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
        } => {
            let language = chat_language(&ctx, &query, message).await;
            let vote = (question, vote, reason);
            feedback::on_vote(&bot, &ctx, (&query, message), vote, language).await
        }
        CallbackAction::Forget => {
            let language = chat_language(&ctx, &query, message).await;
            feedback::on_forget(&bot, &ctx, &query, message, language).await
        }
        CallbackAction::UnansweredPage { page } => {
            admin::on_page(&bot, &ctx, &query, message, page).await
        }
    }
}

/// The language of the chat the button is in (its /lang choice, else the presser's Telegram language).
async fn chat_language(ctx: &BotContext, query: &CallbackQuery, message: &Message) -> Language {
    ctx.language(message.chat.id.0, query.from.language_code.as_deref())
        .await
}
