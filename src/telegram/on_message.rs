//! Messages: commands, questions, and everything else. In a private chat any text is a question; in a
//! group the bot answers commands, messages that mention it and replies to its own messages, and is
//! silent otherwise.

use super::ask::{answer_question, Asked};
use super::command::{self, AdminCommand, Command, Parsed};
use super::guard::{guarded, HandlerError, HandlerResult};
use super::reply::Reply;
use super::state::{BotContext, Verdict};
use super::views::{self, GlossaryPage};
use super::{admin, feedback, keyboards, subscriptions, texts, BotApi};
use crate::questionlog::Via;
use std::sync::Arc;
use teloxide::prelude::*;
use teloxide::types::Me;

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

    let parsed = match command::parse(text, me.username()) {
        // For anyone but a maintainer, the maintainer's commands do not exist.
        Parsed::Admin { addressed, .. } if !ctx.is_admin(message.chat.id.0) => {
            Parsed::Unknown { addressed }
        }
        parsed => parsed,
    };
    match parsed {
        Parsed::ForOtherBot => Ok(()),
        Parsed::Admin { command, .. } => {
            if let Some(admin) = &ctx.admin {
                if admit(&bot, &ctx, &message, &reply).await? {
                    match command {
                        AdminCommand::Stats => admin::stats(&bot, admin, &reply).await?,
                        AdminCommand::Unanswered => admin::unanswered(&bot, admin, &reply).await?,
                    }
                }
            }
            Ok(())
        }
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
                run_command(&bot, &me, &ctx, &message, command).await?;
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
                answer_question(
                    &bot,
                    &ctx,
                    &reply,
                    &question,
                    Asked::in_chat(&message, Via::Text),
                )
                .await?;
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
    message: &Message,
    command: Command,
) -> HandlerResult {
    let engine = &ctx.engine;
    let reply = &Reply::to(message);
    match command {
        Command::Start => {
            let keyboard = keyboards::examples_keyboard(&ctx.examples);
            reply
                .blocks(bot, &views::welcome_blocks(engine), keyboard)
                .await
        }
        Command::Help => reply.text(bot, &texts::help(me.username())).await,
        Command::Ask(question) => {
            let asked = Asked::in_chat(message, Via::Ask);
            answer_question(bot, ctx, reply, &question, asked).await
        }
        Command::Targets => {
            reply
                .blocks(bot, &views::targets_blocks(engine), None)
                .await
        }
        Command::Results => {
            let results = engine.results();
            if results.is_empty() {
                return reply.text(bot, texts::NO_RESULTS).await;
            }
            reply
                .blocks(bot, &views::results_blocks(&results), None)
                .await
        }
        Command::Glossary(None) => {
            let page = GlossaryPage::new(engine.glossary(), 0);
            reply
                .blocks(
                    bot,
                    &page.blocks(),
                    keyboards::glossary_page_keyboard(&page),
                )
                .await
        }
        Command::Glossary(Some(term)) => match engine.find_glossary(&term) {
            Some(entry) => {
                let blocks = views::glossary_entry_blocks(engine, entry);
                reply.blocks(bot, &blocks, None).await
            }
            None => reply.text(bot, &texts::glossary_not_found(&term)).await,
        },
        Command::About => {
            let metas: Vec<_> = engine.library().reports.iter().map(|r| &r.meta).collect();
            reply
                .blocks(bot, &views::about_blocks(&metas, me.username()), None)
                .await
        }
        Command::Reminders(command) => subscriptions::run_command(bot, ctx, reply, command).await,
        Command::Privacy => feedback::privacy(bot, ctx, reply).await,
        Command::Forget => feedback::ask_to_forget(bot, reply).await,
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
