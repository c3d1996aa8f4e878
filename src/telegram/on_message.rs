//! Messages: commands, questions, and everything else. In a private chat any text is a question; in a
//! group the bot answers commands, messages that mention it and replies to its own messages, and is
//! silent otherwise.

use super::ask::{answer_question, Asked};
use super::command::{self, AdminCommand, Command, Parsed};
use super::guard::{guarded, HandlerResult};
use super::html::{Block, Span};
use super::reply::Reply;
use super::state::{BotContext, Verdict};
use super::views::{self, GlossaryPage};
use super::{admin, english, feedback, keyboards, places, subscriptions, texts, BotApi};
use crate::answer::suggest::glossary_candidates;
use crate::answer::Language;
use crate::questionlog::Via;
use std::sync::Arc;
use teloxide::prelude::*;
use teloxide::types::{Me, MessageId, UpdateKind};

/// What a message asks of the bot, decided when it arrives.
enum Work {
    NonText,
    UnknownCommand,
    Usage(String),
    Command(Command),
    /// A maintainer's command, in an admin chat.
    Admin(AdminCommand),
    /// A question, and how it was asked (a message, or /ask).
    Question(String, Via),
    /// The first message of a flood: one polite note instead of an answer.
    SlowDown,
}

/// Entry point for every message, new or edited. Flood control and the chat's place in line are settled
/// as the message arrives; the work waits for the chat's earlier messages only (`lanes`), never for
/// others'. An edited question is answered again, by editing the bot's earlier reply when it is
/// remembered; other edits (commands, chatter) are left alone.
pub async fn on_message<B: BotApi>(
    bot: B,
    me: Me,
    ctx: Arc<BotContext>,
    update: Update,
    message: Message,
) -> HandlerResult {
    let edited = matches!(update.kind, UpdateKind::EditedMessage(_));
    let admin = ctx.is_admin(message.chat.id.0);
    let Some(work) = work_for(&message, &me, edited, admin) else {
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
        handle_message(bot, me, ctx, message, work, edited).await
    })
    .await
}

/// What the bot should do with a message, if anything: `None` for what is not for it (and for an edit
/// of anything but a question). The maintainer's commands exist only where `admin`; elsewhere they are
/// unknown commands.
fn work_for(message: &Message, me: &Me, edited: bool, admin: bool) -> Option<Work> {
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
        return (!edited && (private || replies_to_us)).then_some(Work::NonText);
    };
    let work = match command::parse(text, me.username()) {
        Parsed::ForOtherBot => None,
        Parsed::Admin { command, .. } if admin => Some(Work::Admin(command)),
        Parsed::Unknown { addressed } | Parsed::Admin { addressed, .. } => {
            (private || addressed).then_some(Work::UnknownCommand)
        }
        Parsed::BadArguments(usage) => Some(Work::Usage(usage)),
        Parsed::Command(Command::Ask(question)) => Some(Work::Question(question, Via::Ask)),
        Parsed::Command(command) => Some(Work::Command(command)),
        Parsed::NotCommand => match strip_mention(text, me.username()) {
            Some(rest) => Some(Work::Question(rest, Via::Text)),
            None if private || replies_to_us => Some(Work::Question(text.to_owned(), Via::Text)),
            None => None,
        },
    };
    work.filter(|work| !edited || matches!(work, Work::Question(..)))
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
    edited: bool,
) -> HandlerResult {
    let private = message.chat.is_private();
    let chat = message.chat.id.0;
    let reply =
        Reply::to(&message).replacing(edited.then(|| ctx.replies.get(chat, message.id)).flatten());
    let language = ctx
        .language(
            chat,
            message
                .from
                .as_ref()
                .and_then(|user| user.language_code.as_deref()),
        )
        .await;
    let english = language == Language::English;
    match work {
        Work::NonText => {
            let hint = if english {
                texts::en::NON_TEXT
            } else {
                texts::NON_TEXT
            };
            reply.text(&bot, hint).await
        }
        Work::UnknownCommand => {
            let unknown = if english {
                texts::en::UNKNOWN_COMMAND
            } else {
                texts::UNKNOWN_COMMAND
            };
            reply.text(&bot, unknown).await
        }
        Work::Usage(usage) => {
            let usage = match (english, usage.as_str()) {
                (true, texts::USAGE_LANG) => texts::en::USAGE_LANG,
                (true, texts::USAGE_FIND) => texts::en::USAGE_FIND,
                _ => &usage,
            };
            reply.text(&bot, usage).await
        }
        Work::Command(command) => {
            let place = Place {
                chat,
                private,
                language,
            };
            run_command(&bot, &me, &ctx, &reply, command, place).await
        }
        Work::Admin(command) => match &ctx.admin {
            Some(admin) => match command {
                AdminCommand::Stats => admin::stats(&bot, admin, &reply, language).await,
                AdminCommand::Unanswered => admin::unanswered(&bot, admin, &reply).await,
            },
            None => Ok(()),
        },
        Work::Question(question, via) => {
            let asked = (Asked::new(private, via), language);
            ask(&bot, &ctx, (&reply, message.id), &question, asked).await
        }
        Work::SlowDown => {
            tracing::info!("flood control: asked the user to slow down");
            let note = match language {
                Language::English => texts::en::SLOW_DOWN,
                Language::Chinese => texts::SLOW_DOWN,
            };
            reply.text(&bot, note).await
        }
    }
}

/// Where a command was given: the chat, whether it is private, and the language to reply in.
#[derive(Debug, Clone, Copy)]
struct Place {
    chat: i64,
    private: bool,
    language: Language,
}

/// Answers the question of message `question_id` and remembers the reply, so that an edit of the
/// question can replace it.
async fn ask<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    (reply, question_id): (&Reply, MessageId),
    question: &str,
    (asked, language): (Asked, Language),
) -> HandlerResult {
    if let Some(sent) = answer_question(bot, ctx, reply, question, asked, language).await? {
        ctx.replies.remember(reply.chat.0, question_id, sent);
    }
    Ok(())
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
    place: Place,
) -> HandlerResult {
    let engine = &ctx.engine;
    let Place {
        chat,
        private,
        language,
    } = place;
    if language == Language::English {
        if let Some(done) = run_command_in_english(bot, me, ctx, reply, &command, private).await {
            return done;
        }
    }
    match command {
        Command::Start => {
            let keyboard = keyboards::examples_keyboard(&ctx.examples);
            let welcome = if private {
                views::welcome_blocks(engine)
            } else {
                views::group_welcome_blocks(engine, me.username())
            };
            reply.blocks(bot, &welcome, keyboard).await
        }
        Command::Help if private => reply.text(bot, &texts::help(me.username())).await,
        Command::Help => {
            let help = texts::group_help(me.username());
            reply.text(bot, &help).await
        }
        Command::Ask(question) => {
            let asked = Asked::new(private, Via::Ask);
            answer_question(bot, ctx, reply, &question, asked, language)
                .await
                .map(drop)
        }
        Command::Lang(chosen) => {
            ctx.set_language(chat, chosen, chrono::Utc::now()).await;
            let done = match chosen {
                Language::English => texts::en::LANG_SET,
                Language::Chinese => texts::LANG_SET,
            };
            reply.text(bot, done).await
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
                let keyboard = places::entry_keyboard(engine, entry, language);
                reply.blocks(bot, &blocks, keyboard).await
            }
            None => {
                // A partial or misremembered term: the entries it may mean, as buttons.
                let candidates = glossary_candidates(engine.glossary(), &term);
                let english = language == Language::English;
                let text = match (candidates.is_empty(), english) {
                    (true, false) => texts::glossary_not_found(&term),
                    (true, true) => texts::en::glossary_not_found(&term),
                    (false, false) => texts::glossary_candidates(&term),
                    (false, true) => texts::en::glossary_candidates(&term),
                };
                let keyboard = keyboards::glossary_candidates_keyboard(&candidates);
                reply
                    .blocks(bot, &[Block::text(vec![Span::plain(text)])], keyboard)
                    .await
            }
        },
        Command::Find(word) => {
            let (blocks, keyboard) = places::find_reply(engine, &word, 0, language);
            reply.blocks(bot, &blocks, keyboard).await
        }
        Command::About => {
            let metas: Vec<_> = engine.library().reports.iter().map(|r| &r.meta).collect();
            reply
                .blocks(bot, &views::about_blocks(&metas, me.username()), None)
                .await
        }
        Command::Reminders(command) => {
            subscriptions::run_command(bot, ctx, reply, command, (language, chrono::Utc::now()))
                .await
        }
        Command::Privacy => feedback::privacy(bot, ctx, reply, language).await,
        Command::Forget => feedback::ask_to_forget(bot, reply, language).await,
    }
}

/// The commands whose reply an English chat reads in English; `None` for the others (their replies are
/// the Chinese ones: the glossary list; /ask, /lang and the reminder commands handle language themselves).
async fn run_command_in_english<B: BotApi>(
    bot: &B,
    me: &Me,
    ctx: &BotContext,
    reply: &Reply,
    command: &Command,
    private: bool,
) -> Option<HandlerResult> {
    let engine = &ctx.engine;
    Some(match command {
        Command::Start => {
            let keyboard = keyboards::examples_keyboard(&ctx.examples);
            let welcome = if private {
                english::welcome_blocks(engine)
            } else {
                english::group_welcome_blocks(engine, me.username())
            };
            reply.blocks(bot, &welcome, keyboard).await
        }
        Command::Help if private => reply.text(bot, &texts::en::help(me.username())).await,
        Command::Help => reply.text(bot, &texts::en::group_help(me.username())).await,
        Command::About => {
            let mut about: Vec<String> = engine
                .library()
                .reports
                .iter()
                .map(|report| texts::en::about_report(&report.meta))
                .collect();
            about.push(texts::en::about_bot(me.username()));
            reply.text(bot, &about.join("\n\n")).await
        }
        Command::Targets => {
            reply
                .blocks(bot, &english::targets_blocks(engine), None)
                .await
        }
        Command::Results => {
            reply
                .blocks(bot, &english::results_blocks(engine), None)
                .await
        }
        _ => return None,
    })
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
