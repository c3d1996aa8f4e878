//! Sending: where a reply goes, and the one place that turns blocks into Bot API messages, so that
//! replies, edited pages and reminders all go out the same way (HTML, no link preview, cut to fit).

use super::guard::{HandlerError, HandlerResult};
use super::html::{paginate, Block, Span, MAX_MESSAGE_LEN};
use super::BotApi;
use crate::logging::Redactor;
use std::time::{Duration, Instant};
use teloxide::payloads::{AnswerCallbackQuerySetters, EditMessageTextSetters, SendMessageSetters};
use teloxide::prelude::*;
use teloxide::requests::{Payload, Request};
use teloxide::types::{
    InlineKeyboardMarkup, LinkPreviewOptions, MessageId, ParseMode, ReplyParameters,
};
use teloxide::{ApiError, RequestError};

/// Where replies go: the chat, in groups the message being answered, and the bot's earlier reply to
/// replace when the question was edited.
#[derive(Debug, Clone, Copy)]
pub struct Reply {
    pub chat: ChatId,
    pub reply_to: Option<MessageId>,
    /// The bot's earlier reply, edited in place of sending the first message anew.
    pub replaces: Option<MessageId>,
}

impl Reply {
    /// In a group, replies quote the message they answer, so it is clear whom the bot is talking to.
    pub fn to(message: &Message) -> Reply {
        Reply {
            chat: message.chat.id,
            reply_to: (!message.chat.is_private()).then_some(message.id),
            replaces: None,
        }
    }

    /// The same reply, but editing the bot's message `earlier` (when there is one) instead of sending.
    pub fn replacing(self, earlier: Option<MessageId>) -> Reply {
        Reply {
            replaces: earlier,
            ..self
        }
    }

    /// A plain-text reply; the text is escaped like any other.
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
        self.send(bot, blocks, keyboard).await.map(drop)
    }

    /// [`Reply::blocks`], returning the first message of the reply (the one an edit would replace).
    pub async fn send<B: BotApi>(
        &self,
        bot: &B,
        blocks: &[Block],
        keyboard: Option<InlineKeyboardMarkup>,
    ) -> Result<Option<MessageId>, HandlerError> {
        if !super::CHAT_IDS.contains(&self.chat.0) {
            // Refused at the edge already; never hand teloxide an id its rate limiter panics on.
            tracing::warn!(
                chat_id = self.chat.0,
                "reply not sent: chat id out of range"
            );
            return Ok(None);
        }
        let parts = paginate(blocks, MAX_MESSAGE_LEN);
        let last = parts.len().saturating_sub(1);
        let mut first = None;
        for (i, html) in parts.into_iter().enumerate() {
            let keyboard = if i == last { keyboard.clone() } else { None };
            if let (0, Some(earlier)) = (i, self.replaces) {
                edit_message(bot, self.chat, earlier, html, keyboard).await?;
                first = Some(earlier);
                continue;
            }
            let mut request = html_message(bot, self.chat, html, keyboard);
            if let Some(id) = self.reply_to {
                request = request
                    .reply_parameters(ReplyParameters::new(id).allow_sending_without_reply());
            }
            let sent = send_reliably(&request).await?;
            first = first.or(Some(sent.id));
        }
        Ok(first)
    }
}

/// Attempts at one message before giving up on it: the first and up to five retries. With the doubling
/// delays that rides out about 15 s of refused connections (a restarting proxy or API), while
/// [`RETRY_BUDGET`] still bounds the whole.
const MAX_ATTEMPTS: u32 = 6;
/// No retry starts this long after the first attempt, so that a reply never arrives long after the
/// question (teloxide itself waits 10 s after a 5xx before reporting it).
const RETRY_BUDGET: Duration = Duration::from_secs(30);
/// The wait before the first retry; it doubles for each further one.
const FIRST_RETRY_DELAY: Duration = Duration::from_millis(500);

/// Sends `request`, retrying only failures after which the message provably did not arrive (see
/// [`provably_not_sent`]), at most [`MAX_ATTEMPTS`] times within [`RETRY_BUDGET`]. A timeout or a lost
/// answer is never retried: a second copy is worse than none.
pub async fn send_reliably<R>(request: &R) -> Result<<R::Payload as Payload>::Output, RequestError>
where
    R: Request<Err = RequestError>,
{
    let started = Instant::now();
    let mut attempt = 1;
    loop {
        match request.send_ref().await {
            Err(error)
                if provably_not_sent(&error)
                    && attempt < MAX_ATTEMPTS
                    && started.elapsed() < RETRY_BUDGET =>
            {
                let delay = FIRST_RETRY_DELAY.saturating_mul(1 << (attempt - 1));
                tracing::warn!(
                    attempt,
                    retry_in_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                    error = %Redactor::default().redact(&error.to_string()),
                    "message not sent; retrying"
                );
                tokio::time::sleep(delay).await;
                attempt += 1;
            }
            result => return result,
        }
    }
}

/// Whether a failed request certainly did not deliver its message: the connection was never made (refused,
/// DNS, TLS handshake: nothing was written), or the Bot API answered with a server error (5xx), which
/// Telegram sends when it did not carry the request out. A timeout, a reset after writing, or an answer that
/// cannot be read may hide a delivered message.
pub fn provably_not_sent(error: &RequestError) -> bool {
    match error {
        RequestError::Network(network) => network.is_connect(),
        RequestError::Api(ApiError::Unknown(description)) => is_server_error(description),
        RequestError::InvalidJson { raw, .. } => {
            // A proxy's HTML page in front of the Bot API: it could not reach Telegram.
            raw.contains("502 Bad Gateway") || raw.contains("503 Service Unavailable")
        }
        _ => false,
    }
}

/// The descriptions of the Bot API's 5xx answers (teloxide keeps the description, not the status).
fn is_server_error(description: &str) -> bool {
    [
        "Internal Server Error",
        "Bad Gateway",
        "Service Unavailable",
    ]
    .iter()
    .any(|prefix| description.starts_with(prefix))
}

/// A sendMessage of rendered HTML, with its keyboard if any: every message the bot sends (replies and
/// reminders) is built here.
pub fn html_message<B: BotApi>(
    bot: &B,
    chat: ChatId,
    html: String,
    keyboard: Option<InlineKeyboardMarkup>,
) -> B::SendMessage {
    let mut request = bot
        .send_message(chat, html)
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_link_preview());
    if let Some(keyboard) = keyboard {
        request = request.reply_markup(keyboard);
    }
    request
}

/// Replaces a message's text and buttons in place (the /glossary pages), so that paging does not
/// flood the chat. Pressing the page already shown is not an error.
pub async fn edit_html<B: BotApi>(
    bot: &B,
    message: &Message,
    blocks: &[Block],
    keyboard: Option<InlineKeyboardMarkup>,
) -> HandlerResult {
    let html = paginate(blocks, MAX_MESSAGE_LEN).join("\n");
    edit_message(bot, message.chat.id, message.id, html, keyboard).await
}

/// Replaces the text and buttons of the bot's message `id`; an edit that changes nothing is not an error.
async fn edit_message<B: BotApi>(
    bot: &B,
    chat: ChatId,
    id: MessageId,
    html: String,
    keyboard: Option<InlineKeyboardMarkup>,
) -> HandlerResult {
    let mut edit = bot
        .edit_message_text(chat, id, html)
        .parse_mode(ParseMode::Html)
        .link_preview_options(no_link_preview());
    if let Some(keyboard) = keyboard {
        edit = edit.reply_markup(keyboard);
    }
    match edit.send().await {
        // The same page pressed twice, or a question edited without changing its answer.
        Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
        result => result.map(drop).map_err(Into::into),
    }
}

/// Stops the button's spinner.
pub async fn acknowledge<B: BotApi>(bot: &B, query: &CallbackQuery) -> HandlerResult {
    bot.answer_callback_query(query.id.clone()).send().await?;
    Ok(())
}

/// Answers the press with a short note instead of acting on it.
pub async fn notice<B: BotApi>(bot: &B, query: &CallbackQuery, text: &str) -> HandlerResult {
    bot.answer_callback_query(query.id.clone())
        .text(text)
        .send()
        .await?;
    Ok(())
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
    fn only_failures_that_delivered_nothing_are_retried() {
        for description in [
            "Internal Server Error",
            "Bad Gateway",
            "Service Unavailable",
        ] {
            let error = RequestError::Api(ApiError::Unknown(description.to_owned()));
            assert!(provably_not_sent(&error), "{description}");
        }
        assert!(!provably_not_sent(&RequestError::Api(
            ApiError::MessageTextIsEmpty
        )));
        assert!(!provably_not_sent(&RequestError::Api(ApiError::BotBlocked)));
        let html = RequestError::InvalidJson {
            source: std::sync::Arc::new(serde_json::from_str::<u8>("<html>").unwrap_err()),
            raw: "<html><head><title>502 Bad Gateway</title></head></html>".into(),
        };
        assert!(provably_not_sent(&html));
        let garbage = RequestError::InvalidJson {
            source: std::sync::Arc::new(serde_json::from_str::<u8>("{").unwrap_err()),
            raw: "{".into(),
        };
        assert!(
            !provably_not_sent(&garbage),
            "an unreadable answer may hide a sent message"
        );
    }
}
