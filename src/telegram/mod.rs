//! The Telegram front end: translates updates into engine calls and answers into messages.
//!
//! Dependencies point one way: words (`texts`), HTML layout (`html`) and the button codec (`button`)
//! know nothing else here; `views` and `keyboards` build on them; `reply` sends what they build; the
//! handlers (`on_message`, `on_button`, `on_inline`, with `ask` and `subscriptions`) use all of that;
//! `serve` runs them. [`schema`] is the whole handler tree, generic over the requester so that tests
//! drive it with a plain `Bot` (teloxide_tests) while [`serve`] runs it behind the Throttle adaptor.

pub mod admin;
pub mod ask;
pub mod button;
pub mod cite;
pub mod command;
pub mod concise;
pub mod english;
pub mod feedback;
pub mod guard;
pub mod html;
pub mod keyboards;
pub mod lanes;
pub mod more;
pub mod on_button;
pub mod on_inline;
pub mod on_message;
pub mod places;
pub mod reply;
#[cfg(test)]
mod samples;
pub mod serve;
pub mod state;
pub mod subscriptions;
pub mod texts;
pub mod transport;
pub mod views;

pub use guard::HandlerError;
pub use serve::{serve, ServeError};
pub use state::BotContext;

use teloxide::dispatching::UpdateHandler;
use teloxide::prelude::*;
use teloxide::RequestError;

/// Any Bot API requester the handlers can use: `Bot` in tests, `Throttle<…>` in production. The
/// requests handlers build are `Send` so that handler futures can move between threads.
pub trait BotApi:
    Requester<
        Err = RequestError,
        SendMessage: Send + Sync,
        SendPhoto: Send,
        EditMessageText: Send,
        AnswerCallbackQuery: Send,
        AnswerInlineQuery: Send,
    > + Clone
    + Send
    + Sync
    + 'static
{
}

impl<T> BotApi for T where
    T: Requester<
            Err = RequestError,
            SendMessage: Send + Sync,
            SendPhoto: Send,
            EditMessageText: Send,
            AnswerCallbackQuery: Send,
            AnswerInlineQuery: Send,
        > + Clone
        + Send
        + Sync
        + 'static
{
}

/// The whole handler tree: messages (commands, questions, everything else), button presses and inline
/// queries. Dependencies: `B`, `Me` (both added by the dispatcher) and `Arc<BotContext>`.
pub fn schema<B: BotApi>() -> UpdateHandler<HandlerError> {
    dptree::entry()
        .branch(dptree::filter(|update: Update| !ids_in_range(&update)).endpoint(refuse_update))
        .branch(Update::filter_message().endpoint(on_message::on_message::<B>))
        .branch(Update::filter_edited_message().endpoint(on_message::on_message::<B>))
        .branch(Update::filter_callback_query().endpoint(on_button::on_button::<B>))
        .branch(Update::filter_inline_query().endpoint(on_inline::on_inline_query::<B>))
}

/// The chat ids teloxide can handle (`teloxide-core`'s `chat_id.rs`): channels and supergroups from
/// -1997852516352, groups up to -1, users from 0 to 2^40 - 1. Telegram documents ids of up to 52 bits;
/// one outside this range makes teloxide panic (`malformed chat id`) inside the Throttle worker, which
/// then stops rate limiting for everyone.
pub const CHAT_IDS: std::ops::RangeInclusive<i64> = -1_997_852_516_352..=(1 << 40) - 1;

/// Whether every id in the update that a reply could be addressed to is one teloxide can handle.
pub fn ids_in_range(update: &Update) -> bool {
    let chat_ok = update
        .chat()
        .is_none_or(|chat| CHAT_IDS.contains(&chat.id.0));
    let user_ok = update
        .from()
        .is_none_or(|user| i64::try_from(user.id.0).is_ok_and(|id| CHAT_IDS.contains(&id)));
    chat_ok && user_ok
}

/// An update the bot cannot answer safely: one log line, and nothing is sent.
async fn refuse_update(update: Update) -> Result<(), HandlerError> {
    tracing::warn!(
        update_id = update.id.0,
        chat_id = update.chat().map(|chat| chat.id.0),
        user_id = update.from().map(|user| user.id.0),
        "update refused: an id outside the range teloxide can handle"
    );
    Ok(())
}
