//! The /subscribe, /unsubscribe and /subscription replies: a chat's daily target reminder, kept by
//! `crate::reminders` (a group subscribes as a whole). Every reply names the plan year and the report
//! the targets come from, and says so when that year is over; a bare /subscribe never changes an
//! existing subscription without asking.

use super::command::ReminderCommand;
use super::guard::HandlerResult;
use super::html::{Block, Span};
use super::reply::{edit_html, Reply};
use super::state::BotContext;
use super::{keyboards, texts, BotApi};
use crate::answer::Language;
use crate::reminders::content::PlanYear;
use crate::reminders::schedule::{zone_label, DailySchedule};
use crate::reminders::{self as service, ReminderError, SubscriptionStatus};
use chrono::{DateTime, Utc};
use teloxide::prelude::*;
use teloxide::types::InlineKeyboardMarkup;

/// The reminder replies' words in one language (`texts` and `texts::en`).
struct Words {
    subscribed: fn(&str, &str, &str, &str) -> String,
    status: fn(&str, &str, &str, &str) -> String,
    already_subscribed: fn(&str, &str, &str, &str) -> String,
    targets: fn(i32, &str) -> String,
    plan_year_over: fn(i32) -> String,
    assumed_24_hour: fn(&str) -> String,
    reset_button: fn(&str) -> String,
    keep_button: &'static str,
    kept: &'static str,
    not_subscribed: &'static str,
    unsubscribed: &'static str,
    unavailable: &'static str,
    failed: &'static str,
}

const CHINESE: Words = Words {
    subscribed: texts::subscribed,
    status: texts::subscription_status,
    already_subscribed: texts::already_subscribed,
    targets: texts::reminder_targets,
    plan_year_over: texts::plan_year_over,
    assumed_24_hour: texts::assumed_24_hour,
    reset_button: texts::reset_subscription_button,
    keep_button: texts::KEEP_SUBSCRIPTION_BUTTON,
    kept: texts::SUBSCRIPTION_KEPT,
    not_subscribed: texts::NOT_SUBSCRIBED,
    unsubscribed: texts::UNSUBSCRIBED,
    unavailable: texts::REMINDERS_UNAVAILABLE,
    failed: texts::REMINDERS_FAILED,
};

const ENGLISH: Words = Words {
    subscribed: texts::en::subscribed,
    status: texts::en::subscription_status,
    already_subscribed: texts::en::already_subscribed,
    targets: texts::en::reminder_targets,
    plan_year_over: texts::en::plan_year_over,
    assumed_24_hour: texts::en::assumed_24_hour,
    reset_button: texts::en::reset_subscription_button,
    keep_button: texts::en::KEEP_SUBSCRIPTION_BUTTON,
    kept: texts::en::SUBSCRIPTION_KEPT,
    not_subscribed: texts::en::NOT_SUBSCRIBED,
    unsubscribed: texts::en::UNSUBSCRIBED,
    unavailable: texts::en::REMINDERS_UNAVAILABLE,
    failed: texts::en::REMINDERS_FAILED,
};

fn words(language: Language) -> &'static Words {
    match language {
        Language::Chinese => &CHINESE,
        Language::English => &ENGLISH,
    }
}

/// A reply's text and its buttons.
type Said = (String, Option<InlineKeyboardMarkup>);

/// Runs a reminder command for the chat `reply` points at (a group subscribes as a whole) at `now`.
pub async fn run_command<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    reply: &Reply,
    command: ReminderCommand,
    (language, now): (Language, DateTime<Utc>),
) -> HandlerResult {
    let words = words(language);
    let Some(store) = &ctx.reminders else {
        return reply.text(bot, words.unavailable).await;
    };
    let chat_id = reply.chat.0;
    let plan = PlanYear::of(ctx.engine.library());
    let describe = |status: &SubscriptionStatus, text| describe(status, text, &plan, words);
    let outcome: Result<Said, ReminderError> = match command {
        ReminderCommand::SubscribeDefault => match service::status(&**store, chat_id, now).await {
            Ok(Some(status)) => {
                let default = default_text();
                let question = (words.already_subscribed)(
                    &status.schedule.time_text(),
                    &zone_label(status.schedule.zone),
                    &texts::send_time(&status.next_send),
                    &default,
                );
                let buttons = keyboards::subscription_keyboard(
                    &(words.reset_button)(&default),
                    words.keep_button,
                );
                Ok((question, buttons))
            }
            Ok(None) => service::subscribe(&**store, chat_id, DailySchedule::default(), now)
                .await
                .map(|status| (describe(&status, words.subscribed), None)),
            Err(error) => Err(error),
        },
        ReminderCommand::Subscribe(reading) => {
            service::subscribe(&**store, chat_id, reading.schedule, now)
                .await
                .map(|status| {
                    let mut text = describe(&status, words.subscribed);
                    if reading.assumed_24_hour {
                        text.push('\n');
                        text.push_str(&(words.assumed_24_hour)(&status.schedule.time_text()));
                    }
                    (text, None)
                })
        }
        ReminderCommand::Unsubscribe => {
            service::unsubscribe(&**store, chat_id)
                .await
                .map(|removed| {
                    let text = if removed {
                        words.unsubscribed
                    } else {
                        words.not_subscribed
                    };
                    (text.to_owned(), None)
                })
        }
        ReminderCommand::Status => {
            service::status(&**store, chat_id, now)
                .await
                .map(|status| match status {
                    Some(status) => (describe(&status, words.status), None),
                    None => (words.not_subscribed.to_owned(), None),
                })
        }
    };
    match outcome {
        Ok((text, keyboard)) => {
            reply
                .blocks(bot, &[Block::text(vec![Span::plain(text)])], keyboard)
                .await
        }
        Err(error) => {
            tracing::error!(%error, ?command, "reminder command failed");
            reply.text(bot, words.failed).await
        }
    }
}

/// The answer to the question a bare /subscribe asked (`reset`: change to the default time), written
/// over the question's message so that its buttons cannot be pressed twice.
pub async fn choose<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    message: &Message,
    reset: bool,
    (language, now): (Language, DateTime<Utc>),
) -> HandlerResult {
    let words = words(language);
    let text = match &ctx.reminders {
        None => Ok(words.unavailable.to_owned()),
        Some(store) => {
            let plan = PlanYear::of(ctx.engine.library());
            let chat_id = message.chat.id.0;
            if reset {
                service::subscribe(&**store, chat_id, DailySchedule::default(), now)
                    .await
                    .map(|status| describe(&status, words.subscribed, &plan, words))
            } else {
                service::status(&**store, chat_id, now)
                    .await
                    .map(|status| match status {
                        Some(status) => format!(
                            "{}\n{}",
                            words.kept,
                            describe(&status, words.status, &plan, words)
                        ),
                        None => words.not_subscribed.to_owned(),
                    })
            }
        }
    };
    let text = text.unwrap_or_else(|error| {
        tracing::error!(%error, reset, "reminder choice failed");
        words.failed.to_owned()
    });
    edit_html(bot, message, &[Block::text(vec![Span::plain(text)])], None).await
}

/// `08:00（Asia/Shanghai）`: what a bare /subscribe would choose.
fn default_text() -> String {
    let default = DailySchedule::default();
    format!("{} {}", default.time_text(), zone_label(default.zone))
}

/// A subscription's time, zone, next send and targets in the wording `text` gives them, with the note
/// that the plan year is over when the next reminder falls after it.
fn describe(
    status: &SubscriptionStatus,
    text: fn(&str, &str, &str, &str) -> String,
    plan: &PlanYear,
    words: &Words,
) -> String {
    let mut described = text(
        &status.schedule.time_text(),
        &zone_label(status.schedule.zone),
        &texts::send_time(&status.next_send),
        &(words.targets)(plan.year, &plan.report_title),
    );
    if plan.is_over(status.next_send.date_naive()) {
        described.push('\n');
        described.push_str(&(words.plan_year_over)(plan.year));
    }
    described
}
