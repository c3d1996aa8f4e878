//! The maintainer's /stats and /unanswered, for chats in `ADMIN_CHAT_IDS` only: the same figures as the
//! command line's `stats` and `unanswered`, laid out for a phone, with a chart under /stats.

use super::guard::HandlerResult;
use super::html::{Block, Span};
use super::reply::{acknowledge, edit_html, notice, Reply};
use super::state::{Admin, BotContext};
use super::{keyboards, texts, BotApi};
use crate::answer::Language;
use crate::questionlog::chart::questions_chart;
use crate::questionlog::report::{self, Group, Stats};
use crate::questionlog::{LogStoreError, QuestionLogStore};
use chrono::{TimeDelta, Utc};
use teloxide::prelude::*;
use teloxide::types::InputFile;

/// Days /stats looks back (the command line's default too).
const STATS_DAYS: u32 = 30;
/// Days /unanswered looks back (the command line's default too).
const UNANSWERED_DAYS: i64 = 7;
/// Groups per /unanswered page: a phone screen of one-line entries.
const UNANSWERED_PAGE: usize = 8;

/// /stats: the summary, then the chart of questions per day.
pub async fn stats<B: BotApi>(
    bot: &B,
    admin: &Admin,
    reply: &Reply,
    language: Language,
) -> HandlerResult {
    let (unavailable, words, caption) = match language {
        Language::Chinese => (
            texts::ADMIN_UNAVAILABLE,
            &texts::STATS_WORDS,
            texts::CHART_CAPTION,
        ),
        Language::English => (
            texts::en::ADMIN_UNAVAILABLE,
            &texts::en::STATS_WORDS,
            texts::en::CHART_CAPTION,
        ),
    };
    let stats = match read_stats(admin).await {
        Ok(stats) => stats,
        Err(error) => {
            tracing::warn!(%error, "/stats: the question log could not be read");
            return reply.text(bot, unavailable).await;
        }
    };
    reply
        .text(bot, &texts::admin_stats(&stats, STATS_DAYS, words))
        .await?;
    match questions_chart(&stats.per_day) {
        Ok(png) => {
            bot.send_photo(reply.chat, InputFile::memory(png).file_name("stats.png"))
                .caption(caption)
                .await?;
        }
        Err(error) => tracing::debug!(%error, "/stats: no chart"),
    }
    Ok(())
}

async fn read_stats(admin: &Admin) -> Result<Stats, LogStoreError> {
    let since = Utc::now() - TimeDelta::days(i64::from(STATS_DAYS));
    let questions = admin.store.questions_since(since).await?;
    let votes = admin.store.votes_since(since).await?;
    let subscribers = admin.store.subscribers().await?;
    let deliveries = admin.store.deliveries_since(since.date_naive()).await?;
    Ok(report::stats(
        since,
        &questions,
        &votes,
        subscribers,
        &deliveries,
    ))
}

async fn read_unanswered(admin: &Admin) -> Result<Vec<Group>, LogStoreError> {
    let since = Utc::now() - TimeDelta::days(UNANSWERED_DAYS);
    let questions = admin.store.questions_since(since).await?;
    let votes = admin.store.votes_since(since).await?;
    Ok(report::unanswered(&questions, &votes))
}

/// One page of /unanswered as blocks, with its buttons; the page is clamped to the last one.
fn unanswered_page(
    groups: &[Group],
    page: usize,
) -> (Vec<Block>, Option<teloxide::types::InlineKeyboardMarkup>) {
    if groups.is_empty() {
        return (
            vec![Block::text(vec![Span::plain(texts::NOTHING_UNANSWERED)])],
            None,
        );
    }
    let pages = groups.len().div_ceil(UNANSWERED_PAGE);
    let page = page.min(pages - 1);
    let mut lines = vec![Span::bold(texts::unanswered_header(page, pages))];
    let first = page * UNANSWERED_PAGE;
    for (i, group) in groups.iter().enumerate().skip(first).take(UNANSWERED_PAGE) {
        lines.push(Span::plain(texts::unanswered_line(i + 1, group)));
    }
    (
        vec![Block::text(lines)],
        keyboards::unanswered_keyboard(page, pages),
    )
}

/// /unanswered: the first page.
pub async fn unanswered<B: BotApi>(bot: &B, admin: &Admin, reply: &Reply) -> HandlerResult {
    match read_unanswered(admin).await {
        Ok(groups) => {
            let (blocks, keyboard) = unanswered_page(&groups, 0);
            reply.blocks(bot, &blocks, keyboard).await
        }
        Err(error) => {
            tracing::warn!(%error, "/unanswered: the question log could not be read");
            reply.text(bot, texts::ADMIN_UNAVAILABLE).await
        }
    }
}

/// A page button of /unanswered: only in an admin chat (a forwarded keyboard elsewhere is refused).
pub async fn on_page<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    query: &CallbackQuery,
    message: &Message,
    page: usize,
) -> HandlerResult {
    let Some(admin) = ctx.admin.as_ref().filter(|a| a.allows(message.chat.id.0)) else {
        return notice(bot, query, texts::UNKNOWN_BUTTON).await;
    };
    let groups = match read_unanswered(admin).await {
        Ok(groups) => groups,
        Err(error) => {
            tracing::warn!(%error, "/unanswered: the question log could not be read");
            return notice(bot, query, texts::ADMIN_UNAVAILABLE).await;
        }
    };
    acknowledge(bot, query).await?;
    let (blocks, keyboard) = unanswered_page(&groups, page);
    edit_html(bot, message, &blocks, keyboard).await
}
