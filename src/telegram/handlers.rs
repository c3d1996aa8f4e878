//! Messages: commands, questions, and everything else. In a private chat any text is a question; in a
//! group the bot answers commands, messages that mention it and replies to its own messages, and is
//! silent otherwise.

use super::callback::CallbackAction;
use super::commands::{self, Command, Parsed};
use super::redact::Redactor;
use super::reminders;
use super::render::{self, Block, Span, MAX_MESSAGE_LEN};
use super::state::Verdict;
use super::{texts, BotApi, BotContext, HandlerError};
use crate::answer::{Answer, Engine};
use crate::knowledge::{FigureKind, GlossaryEntry, Indicator, Period};
use std::future::Future;
use std::sync::Arc;
use std::time::Instant;
use teloxide::payloads::SendMessageSetters;
use teloxide::prelude::*;
use teloxide::types::{
    InlineKeyboardMarkup, LinkPreviewOptions, Me, MessageId, ParseMode, ReplyParameters, UpdateKind,
};
use tracing::Instrument;

/// Questions are cut to this many characters before they reach the engine.
const MAX_QUESTION_CHARS: usize = 500;
/// Glossary buttons under one answer.
const MAX_GLOSSARY_BUTTONS: usize = 4;

pub type HandlerResult = Result<(), HandlerError>;

/// Runs one update's work in its own task, inside a span naming the update, so that a failure is
/// logged with its context (token redacted) and even a panic cannot take the chat's worker down.
pub async fn guarded(
    update: &Update,
    work: impl Future<Output = HandlerResult> + Send + 'static,
) -> HandlerResult {
    let span = update_span(update);
    let outcome = tokio::spawn(work.instrument(span.clone())).await;
    let _entered = span.enter();
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(err)) => {
            let message = err.to_string();
            tracing::warn!(error = %Redactor::default().redact(&message), "update not handled");
        }
        Err(err) if err.is_panic() => tracing::error!("handler panicked; update dropped"),
        Err(_) => tracing::warn!("handler cancelled"),
    }
    Ok(())
}

fn update_span(update: &Update) -> tracing::Span {
    let kind = match &update.kind {
        UpdateKind::Message(_) => "message",
        UpdateKind::EditedMessage(_) => "edited_message",
        UpdateKind::CallbackQuery(_) => "callback_query",
        UpdateKind::InlineQuery(_) => "inline_query",
        _ => "other",
    };
    let chat_id = update.chat().map(|chat| chat.id.0);
    tracing::info_span!("update", id = update.id.0, kind, chat_id)
}

/// Entry point for every message.
pub async fn on_message<B: BotApi>(
    bot: B,
    me: Me,
    ctx: Arc<BotContext>,
    update: Update,
    message: Message,
) -> HandlerResult {
    guarded(&update, handle_message(bot, me, ctx, message)).await
}

async fn handle_message<B: BotApi>(
    bot: B,
    me: Me,
    ctx: Arc<BotContext>,
    message: Message,
) -> HandlerResult {
    // Our own inline results posted into a chat come back as messages: they are answers, not questions.
    if message.via_bot.as_ref().is_some_and(|via| via.id == me.id) {
        return Ok(());
    }
    let private = message.chat.is_private();
    let replies_to_us = message
        .reply_to_message()
        .and_then(|replied| replied.from.as_ref())
        .is_some_and(|author| author.id == me.id);
    let reply = Reply::to(&message);

    let Some(text) = message.text() else {
        if (private || replies_to_us) && admit(&bot, &ctx, &message, &reply).await? {
            reply.text(&bot, texts::NON_TEXT).await?;
        }
        return Ok(());
    };

    match commands::parse(text, me.username()) {
        Parsed::ForOtherBot => Ok(()),
        Parsed::Unknown { addressed } => {
            if (private || addressed) && admit(&bot, &ctx, &message, &reply).await? {
                reply.text(&bot, texts::UNKNOWN_COMMAND).await?;
            }
            Ok(())
        }
        Parsed::BadArguments(usage) => {
            if admit(&bot, &ctx, &message, &reply).await? {
                reply.text(&bot, &usage).await?;
            }
            Ok(())
        }
        Parsed::Command(command) => {
            if admit(&bot, &ctx, &message, &reply).await? {
                run_command(&bot, &me, &ctx, &reply, command).await?;
            }
            Ok(())
        }
        Parsed::NotCommand => {
            let question = match strip_mention(text, me.username()) {
                Some(rest) => rest,
                None if private || replies_to_us => text.to_owned(),
                None => return Ok(()),
            };
            if admit(&bot, &ctx, &message, &reply).await? {
                answer_question(&bot, &ctx, &reply, &question).await?;
            }
            Ok(())
        }
    }
}

/// Flood control for a message that would get a reply: `true` to go ahead. A user over the limit
/// gets one polite note for the whole burst, and silence for the rest of it.
async fn admit<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    message: &Message,
    reply: &Reply,
) -> Result<bool, HandlerError> {
    let user = message
        .from
        .as_ref()
        .map(|user| user.id.0)
        .unwrap_or(message.chat.id.0.unsigned_abs());
    match ctx.flood.check(user, message.date) {
        Verdict::Answer => Ok(true),
        Verdict::SlowDown => {
            tracing::info!("flood control: asked the user to slow down");
            reply.text(bot, texts::SLOW_DOWN).await?;
            Ok(false)
        }
        Verdict::Ignore => Ok(false),
    }
}

/// The text with every `@bot_username` removed, when it mentions the bot.
fn strip_mention(text: &str, bot_username: &str) -> Option<String> {
    let mention = format!("@{}", bot_username.to_ascii_lowercase());
    let lower = text.to_ascii_lowercase();
    let mut kept = String::with_capacity(text.len());
    let mut found = false;
    let mut at = 0;
    while let Some(offset) = lower[at..].find(&mention) {
        let start = at + offset;
        let end = start + mention.len();
        let continues_name = lower[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
        kept.push_str(&text[at..start]);
        if continues_name {
            kept.push_str(&text[start..end]);
        } else {
            found = true;
        }
        at = end;
    }
    kept.push_str(&text[at..]);
    found.then(|| kept.trim().to_owned())
}

async fn run_command<B: BotApi>(
    bot: &B,
    me: &Me,
    ctx: &BotContext,
    reply: &Reply,
    command: Command,
) -> HandlerResult {
    let engine = &ctx.engine;
    match command {
        Command::Start => {
            let welcome = texts::welcome(latest_title(engine));
            let keyboard = render::examples_keyboard(&ctx.examples);
            reply
                .blocks(bot, &[Block::text(vec![Span::plain(welcome)])], keyboard)
                .await
        }
        Command::Help => reply.text(bot, &texts::help(me.username())).await,
        Command::Ask(question) => answer_question(bot, ctx, reply, &question).await,
        Command::Targets => reply.blocks(bot, &targets_blocks(engine), None).await,
        Command::Results => {
            let results = engine.results();
            if results.is_empty() {
                return reply.text(bot, texts::NO_RESULTS).await;
            }
            reply.blocks(bot, &results_blocks(&results), None).await
        }
        Command::Glossary(None) => {
            let (blocks, keyboard) = render::glossary_page(engine.glossary(), 0);
            reply.blocks(bot, &blocks, keyboard).await
        }
        Command::Glossary(Some(term)) => match engine.find_glossary(&term) {
            Some(entry) => {
                let blocks = render::glossary_entry_blocks(entry, report_title(engine, &entry.id));
                reply.blocks(bot, &blocks, None).await
            }
            None => reply.text(bot, &texts::glossary_not_found(&term)).await,
        },
        Command::About => {
            let metas: Vec<_> = engine.library().reports.iter().map(|r| &r.meta).collect();
            reply
                .blocks(bot, &render::about_blocks(&metas, me.username()), None)
                .await
        }
        Command::Reminders(command) => reminders::run_command(bot, ctx, reply, command).await,
    }
}

/// /targets, and the button under a daily reminder: the plan year's main targets with citations.
pub fn targets_blocks(engine: &Engine) -> Vec<Block> {
    let targets = engine.targets();
    match targets.first() {
        Some(first) => {
            let heading = texts::targets_header(first.period.last_year());
            render::indicator_blocks(&heading, &targets)
        }
        None => vec![Block::text(vec![Span::plain(texts::NO_TARGETS)])],
    }
}

/// /results: one titled list per kind of figure and period (last year's values, yearly averages,
/// changes since the base year, five-year totals), each in the report's order.
fn results_blocks(results: &[&Indicator]) -> Vec<Block> {
    const ORDER: [FigureKind; 4] = [
        FigureKind::Result,
        FigureKind::YearlyAverage,
        FigureKind::ChangeSinceBase,
        FigureKind::FiveYearTotal,
    ];
    let rank = |kind: FigureKind| ORDER.iter().position(|k| *k == kind).unwrap_or(ORDER.len());
    let mut groups: Vec<((FigureKind, Period), Vec<&Indicator>)> = Vec::new();
    for indicator in results {
        let key = (indicator.kind, indicator.period);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => members.push(indicator),
            None => groups.push((key, vec![indicator])),
        }
    }
    groups.sort_by_key(|((kind, _), _)| rank(*kind));
    groups
        .iter()
        .flat_map(|((kind, period), members)| {
            render::indicator_blocks(&texts::results_header(*kind, *period), members)
        })
        .collect()
}

/// Answers a question where `reply` points: the direct answer and cited excerpts, with 查看原文,
/// 更多结果 and glossary buttons.
pub async fn answer_question<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    reply: &Reply,
    question: &str,
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
    let shown = answer.hits.len();
    let answer = Answer {
        hits: render::distinct_hits(answer.hits),
        ..answer
    };
    let keyboard = if answer.answered {
        let more = has_more(&ctx.engine, &question, shown).then(|| CallbackAction::More {
            key: ctx.questions.remember(&question),
            offset: shown,
        });
        let glossary = glossary_entries(&ctx.engine, &answer.glossary_refs);
        render::answer_keyboard(&answer.hits, 1, more, &glossary)
    } else {
        None
    };
    reply
        .blocks(bot, &render::answer_blocks(&answer), keyboard)
        .await
}

/// Whether there are hits after the first `shown` (so a 更多结果 button leads somewhere).
pub fn has_more(engine: &Engine, question: &str, shown: usize) -> bool {
    shown > 0 && !engine.ask_more(question, shown).hits.is_empty()
}

fn glossary_entries<'a>(engine: &'a Engine, ids: &[String]) -> Vec<&'a GlossaryEntry> {
    ids.iter()
        .filter_map(|id| engine.glossary().iter().find(|entry| &entry.id == id))
        .take(MAX_GLOSSARY_BUTTONS)
        .collect()
}

/// The title of the report a unit id (`<report id>/…`) belongs to.
pub fn report_title<'a>(engine: &'a Engine, unit_id: &str) -> &'a str {
    engine
        .library()
        .report_of(unit_id)
        .map(|report| report.meta.title.as_str())
        .unwrap_or_else(|| latest_title(engine))
}

fn latest_title(engine: &Engine) -> &str {
    engine
        .library()
        .reports
        .last()
        .map(|report| report.meta.title.as_str())
        .unwrap_or_default()
}

/// Where replies go: the chat, and in groups the message being answered.
#[derive(Debug, Clone, Copy)]
pub struct Reply {
    pub chat: ChatId,
    pub reply_to: Option<MessageId>,
}

impl Reply {
    /// In a group, replies quote the message they answer, so it is clear whom the bot is talking to.
    pub fn to(message: &Message) -> Reply {
        Reply {
            chat: message.chat.id,
            reply_to: (!message.chat.is_private()).then_some(message.id),
        }
    }

    pub async fn text<B: BotApi>(&self, bot: &B, text: &str) -> HandlerResult {
        self.blocks(bot, &[Block::text(vec![Span::plain(text)])], None)
            .await
    }

    /// Sends the blocks as as many messages as they need, the keyboard under the last one.
    pub async fn blocks<B: BotApi>(
        &self,
        bot: &B,
        blocks: &[Block],
        keyboard: Option<InlineKeyboardMarkup>,
    ) -> HandlerResult {
        let parts = render::paginate(blocks, MAX_MESSAGE_LEN);
        let last = parts.len().saturating_sub(1);
        for (i, html) in parts.into_iter().enumerate() {
            let mut request = bot
                .send_message(self.chat, html)
                .parse_mode(ParseMode::Html)
                .link_preview_options(no_link_preview());
            if let Some(id) = self.reply_to {
                request = request
                    .reply_parameters(ReplyParameters::new(id).allow_sending_without_reply());
            }
            if i == last {
                if let Some(keyboard) = &keyboard {
                    request = request.reply_markup(keyboard.clone());
                }
            }
            request.send().await?;
        }
        Ok(())
    }
}

/// Report citations are not links; a preview would only be noise.
pub fn no_link_preview() -> LinkPreviewOptions {
    LinkPreviewOptions {
        is_disabled: true,
        url: None,
        prefer_small_media: false,
        prefer_large_media: false,
        show_above_text: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_found_and_removed() {
        let bot = "Report_Bot";
        assert_eq!(
            strip_mention("@report_bot 今年GDP目标是多少", bot).as_deref(),
            Some("今年GDP目标是多少")
        );
        assert_eq!(
            strip_mention("请问 @Report_Bot：粮食总产？", bot).as_deref(),
            Some("请问 ：粮食总产？")
        );
        assert_eq!(strip_mention("@report_bot", bot).as_deref(), Some(""));
        assert_eq!(strip_mention("@report_bot2 你好", bot), None);
        assert_eq!(strip_mention("今年GDP目标是多少", bot), None);
        assert_eq!(strip_mention("邮件 a@report_bot_x", bot), None);
    }
}
