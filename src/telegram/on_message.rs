//! Messages: commands, questions, and everything else. In a private chat any text is a question; in a
//! group the bot answers commands, messages that mention it and replies to its own messages, and is
//! silent otherwise.

use super::ask::answer_question;
use super::command::{self, Command, Parsed};
use super::guard::{guarded, HandlerResult};
use super::reply::Reply;
use super::state::{BotContext, Verdict};
use super::views::{self, GlossaryPage};
use super::{keyboards, subscriptions, texts, BotApi};
use std::sync::Arc;
use teloxide::prelude::*;
use teloxide::types::Me;

/// What a message asks of the bot, decided when it arrives.
enum Work {
    NonText,
    UnknownCommand,
    Usage(String),
    Command(Command),
    Question(String),
    /// The first message of a flood: one polite note instead of an answer.
    SlowDown,
}

/// Entry point for every message. Flood control and the chat's place in line are settled as the
/// message arrives; the work waits for the chat's earlier messages only (`lanes`), never for others'.
pub async fn on_message<B: BotApi>(
    bot: B,
    me: Me,
    ctx: Arc<BotContext>,
    update: Update,
    message: Message,
) -> HandlerResult {
    let Some(work) = work_for(&message, &me) else {
        return Ok(());
    };
    let work = match ctx.flood.check(sender(&message), message.date) {
        Verdict::Answer => work,
        Verdict::SlowDown => Work::SlowDown,
        Verdict::Ignore => return Ok(()),
    };
    let Some(place) = ctx.lanes.join(message.chat.id.0) else {
        tracing::debug!(
            chat_id = message.chat.id.0,
            "flood control: the chat's lane is full; message dropped"
        );
        return Ok(());
    };
    let turn = place.wait().await;
    guarded(&update, async move {
        let _turn = turn;
        handle_message(bot, me, ctx, message, work).await
    })
    .await
}

/// What the bot should do with a message, if anything: `None` for what is not for it.
fn work_for(message: &Message, me: &Me) -> Option<Work> {
    // Our own inline results posted into a chat come back as messages: they are answers, not questions.
    if message.via_bot.as_ref().is_some_and(|via| via.id == me.id) {
        return None;
    }
    let private = message.chat.is_private();
    let replies_to_us = message
        .reply_to_message()
        .and_then(|replied| replied.from.as_ref())
        .is_some_and(|author| author.id == me.id);
    let Some(text) = message.text() else {
        return (private || replies_to_us).then_some(Work::NonText);
    };
    match command::parse(text, me.username()) {
        Parsed::ForOtherBot => None,
        Parsed::Unknown { addressed } => (private || addressed).then_some(Work::UnknownCommand),
        Parsed::BadArguments(usage) => Some(Work::Usage(usage)),
        Parsed::Command(command) => Some(Work::Command(command)),
        Parsed::NotCommand => match strip_mention(text, me.username()) {
            Some(rest) => Some(Work::Question(rest)),
            None if private || replies_to_us => Some(Work::Question(text.to_owned())),
            None => None,
        },
    }
}

/// Whom flood control counts a message against: its sender, or the chat when it has none.
fn sender(message: &Message) -> u64 {
    message
        .from
        .as_ref()
        .map(|user| user.id.0)
        .unwrap_or(message.chat.id.0.unsigned_abs())
}

async fn handle_message<B: BotApi>(
    bot: B,
    me: Me,
    ctx: Arc<BotContext>,
    message: Message,
    work: Work,
) -> HandlerResult {
    let reply = Reply::to(&message);
    match work {
        Work::NonText => reply.text(&bot, texts::NON_TEXT).await,
        Work::UnknownCommand => reply.text(&bot, texts::UNKNOWN_COMMAND).await,
        Work::Usage(usage) => reply.text(&bot, &usage).await,
        Work::Command(command) => run_command(&bot, &me, &ctx, &reply, command).await,
        Work::Question(question) => answer_question(&bot, &ctx, &reply, &question).await,
        Work::SlowDown => {
            tracing::info!("flood control: asked the user to slow down");
            reply.text(&bot, texts::SLOW_DOWN).await
        }
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
            let keyboard = keyboards::examples_keyboard(&ctx.examples);
            reply
                .blocks(bot, &views::welcome_blocks(engine), keyboard)
                .await
        }
        Command::Help => reply.text(bot, &texts::help(me.username())).await,
        Command::Ask(question) => answer_question(bot, ctx, reply, &question).await,
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
