//! The reminders' way to Telegram: the Bot API [`Transport`] the scheduler sends through, what a
//! failed send means for a reminder, and starting the daily loop.

use super::html::{paginate, MAX_MESSAGE_LEN};
use super::keyboards::reminder_keyboard;
use super::reply::{html_message, provably_not_sent};
use super::views::reminder_blocks;
use super::BotApi;
use crate::reminders::content::{Reminder, TargetRotation};
use crate::reminders::scheduler::Scheduler;
use crate::reminders::sender::{RateLimits, Sender, SystemClock, Transport, TransportError};
use crate::store::election::while_leading;
use crate::store::Store;
use std::future::Future;
use std::sync::Arc;
use teloxide::prelude::*;
use teloxide::{ApiError, RequestError};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

/// Sends reminders through the Bot API (the same throttled requester the handlers use, so replies and
/// reminders share Telegram's limits).
#[derive(Debug, Clone)]
pub struct TelegramTransport<B> {
    bot: B,
}

impl<B> TelegramTransport<B> {
    /// `bot` is the requester the handlers use, so that both stay within one set of rate limits.
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
        let html = paginate(&reminder_blocks(reminder), MAX_MESSAGE_LEN)
            .into_iter()
            .next()
            .unwrap_or_default();
        let request = html_message(&self.bot, ChatId(chat_id), html, reminder_keyboard());
        async move {
            request
                .send()
                .await
                .map(drop)
                .map_err(|error| transport_error(&error))
        }
    }
}

/// Starts the daily reminder loop on `bot`, run while this replica leads (always on SQLite; on
/// PostgreSQL while it holds the scheduler lock). The task ends once `cancel` fires and the reminders in
/// flight have been recorded.
pub fn start_scheduler<B>(
    bot: B,
    store: Arc<Store>,
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
    let scheduler = Scheduler::new(sender, store.clone(), clock);
    tokio::spawn(async move {
        while_leading(&store, &cancel, |stop| {
            let scheduler = &scheduler;
            async move {
                tracing::info!("daily reminders running");
                scheduler.run(stop).await;
                tracing::info!("daily reminders stopped");
            }
        })
        .await;
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
        // The connection was never made, or a proxy said it could not reach Telegram: nothing arrived.
        _ if provably_not_sent(error) => TransportError::Other(error.to_string()),
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
