//! The /subscribe, /unsubscribe and /subscription replies: a chat's daily target reminder, kept by
//! `crate::reminders` (a group subscribes as a whole).

use super::command::ReminderCommand;
use super::guard::HandlerResult;
use super::reply::Reply;
use super::state::BotContext;
use super::{texts, BotApi};
use crate::reminders::schedule::zone_label;
use crate::reminders::{self as service, ReminderError, SubscriptionStatus};
use chrono::Utc;

/// Runs a reminder command for the chat `reply` points at (a group subscribes as a whole).
pub async fn run_command<B: BotApi>(
    bot: &B,
    ctx: &BotContext,
    reply: &Reply,
    command: ReminderCommand,
) -> HandlerResult {
    let Some(store) = &ctx.reminders else {
        return reply.text(bot, texts::REMINDERS_UNAVAILABLE).await;
    };
    let chat_id = reply.chat.0;
    let now = Utc::now();
    let outcome: Result<String, ReminderError> = match command {
        ReminderCommand::Subscribe(reading) => {
            service::subscribe(&**store, chat_id, reading.schedule, now)
                .await
                .map(|status| {
                    let text = status_text(&status, texts::subscribed);
                    if reading.assumed_24_hour {
                        format!(
                            "{text}\n{}",
                            texts::assumed_24_hour(&status.schedule.time_text())
                        )
                    } else {
                        text
                    }
                })
        }
        ReminderCommand::Unsubscribe => {
            service::unsubscribe(&**store, chat_id)
                .await
                .map(|removed| {
                    if removed {
                        texts::UNSUBSCRIBED
                    } else {
                        texts::NOT_SUBSCRIBED
                    }
                    .to_owned()
                })
        }
        ReminderCommand::Status => {
            service::status(&**store, chat_id, now)
                .await
                .map(|status| match status {
                    Some(status) => status_text(&status, texts::subscription_status),
                    None => texts::NOT_SUBSCRIBED.to_owned(),
                })
        }
    };
    match outcome {
        Ok(text) => reply.text(bot, &text).await,
        Err(error) => {
            tracing::error!(%error, ?command, "reminder command failed");
            reply.text(bot, texts::REMINDERS_FAILED).await
        }
    }
}

/// A subscription's time, zone and next send, in the wording `text` gives them.
fn status_text(status: &SubscriptionStatus, text: fn(&str, &str, &str) -> String) -> String {
    text(
        &status.schedule.time_text(),
        &zone_label(status.schedule.zone),
        &texts::send_time(&status.next_send),
    )
}
