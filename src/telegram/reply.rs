//! Sending: where a reply goes, and the one place that turns blocks into Bot API messages, so that
//! replies, edited pages and reminders all go out the same way (HTML, no link preview, cut to fit).

use super::guard::HandlerResult;
use super::html::{paginate, Block, Span, MAX_MESSAGE_LEN};
use super::BotApi;
use teloxide::payloads::{EditMessageTextSetters, SendMessageSetters};
use teloxide::prelude::*;
use teloxide::types::{
    InlineKeyboardMarkup, LinkPreviewOptions, MessageId, ParseMode, ReplyParameters,
};
use teloxide::{ApiError, RequestError};

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
        let parts = paginate(blocks, MAX_MESSAGE_LEN);
        let last = parts.len().saturating_sub(1);
        for (i, html) in parts.into_iter().enumerate() {
            let keyboard = if i == last { keyboard.clone() } else { None };
            let mut request = html_message(bot, self.chat, html, keyboard);
            if let Some(id) = self.reply_to {
                request = request
                    .reply_parameters(ReplyParameters::new(id).allow_sending_without_reply());
            }
            request.send().await?;
        }
        Ok(())
    }
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
    let mut edit = bot
        .edit_message_text(message.chat.id, message.id, html)
        .parse_mode(ParseMode::Html);
    if let Some(keyboard) = keyboard {
        edit = edit.reply_markup(keyboard);
    }
    match edit.send().await {
        // The same page pressed twice: nothing to change.
        Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
        result => result.map(drop).map_err(Into::into),
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
