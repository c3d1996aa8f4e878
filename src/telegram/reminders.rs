//! Daily reminders in Telegram: the /subscribe, /unsubscribe and /subscription replies, the reminder
//! message with its button for the full target list, and the Bot API [`Transport`] the scheduler sends
//! through.

use super::callback::CallbackAction;
use super::handlers::{no_link_preview, HandlerResult, Reply};
use super::render::{self, Block, Span, MAX_MESSAGE_LEN};
use super::{texts, BotApi, BotContext};
use crate::reminders::content::{Reminder, TargetRotation};
use crate::reminders::schedule::DailySchedule;
use crate::reminders::scheduler::Scheduler;
use crate::reminders::sender::{RateLimits, Sender, SystemClock, Transport, TransportError};
use crate::reminders::store::SqliteStore;
use crate::reminders::{self as service, ReminderError, SubscriptionStatus};
use chrono::Utc;
use std::future::Future;
use std::sync::Arc;
use teloxide::payloads::SendMessageSetters;
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardMarkup, ParseMode};
use teloxide::{ApiError, RequestError};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// What a reminder command asks of the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderCommand {
    Subscribe(DailySchedule),
    Unsubscribe,
    Status,
}

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
        ReminderCommand::Subscribe(schedule) => {
            service::subscribe(&**store, chat_id, schedule, now)
                .await
                .map(|status| status_text(&status, texts::subscribed))
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

fn status_text(status: &SubscriptionStatus, text: fn(&str, &str, &str) -> String) -> String {
    text(
        &status.schedule.time_text(),
        status.schedule.zone.name(),
        &texts::send_time(&status.next_send),
    )
}

/// The reminder as message blocks: heading, the target quoted with its citation.
pub fn reminder_blocks(reminder: &Reminder) -> Vec<Block> {
    let target = &reminder.target;
    let mut body = Vec::new();
    if let Some(group) = &target.group {
        body.push(Span::plain(texts::list_item_label(group, target.item)));
        body.push(Span::plain("\n"));
    }
    body.push(Span::bold(texts::target_line(
        &target.metric,
        &target.value_text,
    )));
    vec![
        Block::text(vec![Span::bold(texts::reminder_heading(
            reminder.year,
            reminder.position,
            reminder.total,
            reminder.date,
        ))]),
        Block::quote(body, vec![Span::italic(&target.citation)]),
    ]
}

/// The button under a reminder: the full list of main targets (what /targets shows).
pub fn reminder_keyboard() -> Option<InlineKeyboardMarkup> {
    render::button(texts::ALL_TARGETS_BUTTON, &CallbackAction::Targets)
        .map(|button| InlineKeyboardMarkup::new(vec![vec![button]]))
}

/// Sends reminders through the Bot API (the same throttled requester the handlers use, so replies and
/// reminders share Telegram's limits).
#[derive(Debug, Clone)]
pub struct TelegramTransport<B> {
    bot: B,
}

impl<B> TelegramTransport<B> {
    pub fn new(bot: B) -> Self {
        TelegramTransport { bot }
    }
}

impl<B> Transport for TelegramTransport<B>
where
    B: BotApi,
    B::SendMessage: 'static,
{
    fn send(
        &self,
        chat_id: i64,
        reminder: &Reminder,
    ) -> impl Future<Output = Result<(), TransportError>> + Send + 'static {
        // A reminder is one target and its citation: far below one message's limit.
        let html = render::paginate(&reminder_blocks(reminder), MAX_MESSAGE_LEN)
            .into_iter()
            .next()
            .unwrap_or_default();
        let mut request = self
            .bot
            .send_message(ChatId(chat_id), html)
            .parse_mode(ParseMode::Html)
            .link_preview_options(no_link_preview());
        if let Some(keyboard) = reminder_keyboard() {
            request = request.reply_markup(keyboard);
        }
        async move {
            request
                .send()
                .await
                .map(drop)
                .map_err(|error| transport_error(&error))
        }
    }
}

/// Starts the daily reminder loop on `bot`. The task ends once `cancel` fires and the reminders in
/// flight have been recorded.
pub fn start_scheduler<B>(
    bot: B,
    store: Arc<SqliteStore>,
    rotation: Arc<TargetRotation>,
    cancel: CancellationToken,
) -> JoinHandle<()>
where
    B: BotApi,
    B::SendMessage: 'static,
{
    let clock = Arc::new(SystemClock);
    let sender = Sender::new(
        store.clone(),
        Arc::new(TelegramTransport::new(bot)),
        clock.clone(),
        rotation,
        RateLimits::default(),
    );
    tokio::spawn(async move {
        tracing::info!("daily reminders running");
        Scheduler::new(sender, store, clock).run(cancel).await;
        tracing::info!("daily reminders stopped");
    })
}

/// What a failed sendMessage means for the reminder: gone for good, try later, or unknown.
pub fn transport_error(error: &RequestError) -> TransportError {
    match error {
        RequestError::RetryAfter(seconds) => TransportError::RetryAfter(seconds.duration()),
        RequestError::Api(
            ApiError::BotBlocked
            | ApiError::BotKicked
            | ApiError::BotKickedFromSupergroup
            | ApiError::BotKickedFromChannel
            | ApiError::UserDeactivated
            | ApiError::CantInitiateConversation
            | ApiError::CantTalkWithBots
            | ApiError::ChatNotFound,
        ) => TransportError::Blocked,
        RequestError::Api(ApiError::Unknown(description))
            if description.starts_with("Forbidden") =>
        {
            TransportError::Blocked
        }
        // Telegram answered with an error: the message was not sent.
        RequestError::Api(_) | RequestError::MigrateToChatId(_) | RequestError::Io(_) => {
            TransportError::Other(error.to_string())
        }
        // The connection was never made: nothing reached Telegram.
        RequestError::Network(network) if network.is_connect() => {
            TransportError::Other(error.to_string())
        }
        // A timeout, a dropped connection or an unreadable answer: it may have been delivered.
        RequestError::Network(_) | RequestError::InvalidJson { .. } => {
            TransportError::Indeterminate(error.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;
    use teloxide::types::Seconds;

    #[test]
    fn bot_api_errors_map_to_what_the_sender_must_do() {
        let blocked = [
            ApiError::BotBlocked,
            ApiError::UserDeactivated,
            ApiError::ChatNotFound,
            ApiError::BotKickedFromSupergroup,
            ApiError::Unknown("Forbidden: bot was blocked by the user".to_owned()),
        ];
        for error in blocked {
            assert_eq!(
                transport_error(&RequestError::Api(error.clone())),
                TransportError::Blocked,
                "{error:?}"
            );
        }
        assert_eq!(
            transport_error(&RequestError::RetryAfter(Seconds::from_seconds(7))),
            TransportError::RetryAfter(Duration::from_secs(7))
        );
        assert!(matches!(
            transport_error(&RequestError::Api(ApiError::Unknown(
                "Internal Server Error".to_owned()
            ))),
            TransportError::Other(_)
        ));
        assert!(matches!(
            transport_error(&RequestError::InvalidJson {
                source: std::sync::Arc::new(serde_json::from_str::<u8>("<html>").unwrap_err()),
                raw: "<html>".into(),
            }),
            TransportError::Indeterminate(_)
        ));
    }
}
