//! What the teloxide_tests suites need to read the buttons under a message.

use teloxide::types::{InlineKeyboardButtonKind, ReplyMarkup};

/// The callback data of every button, in order; none when there is no inline keyboard.
pub fn callback_data(markup: Option<&ReplyMarkup>) -> Vec<String> {
    let Some(ReplyMarkup::InlineKeyboard(markup)) = markup else {
        return Vec::new();
    };
    markup
        .inline_keyboard
        .iter()
        .flatten()
        .filter_map(|button| match &button.kind {
            InlineKeyboardButtonKind::CallbackData(data) => Some(data.clone()),
            _ => None,
        })
        .collect()
}
