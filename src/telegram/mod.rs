//! The Telegram front end: translates updates into engine calls and answers into messages.
//!
//! Dependencies point one way: words (`texts`), HTML layout (`html`) and the button codec (`button`)
//! know nothing else here; `views` and `keyboards` build on them; `reply` sends what they build; the
//! handlers (`on_message`, `on_button`, `on_inline`, with `ask` and `subscriptions`) use all of that;
//! `serve` runs them. [`schema`] is the whole handler tree, generic over the requester so that tests
//! drive it with a plain `Bot` (teloxide_tests) while [`serve`] runs it behind the Throttle adaptor.

pub mod ask;
pub mod button;
pub mod command;
pub mod english;
pub mod guard;
pub mod html;
pub mod keyboards;
pub mod on_button;
pub mod on_inline;
pub mod on_message;
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
        SendMessage: Send,
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
            SendMessage: Send,
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
        .branch(Update::filter_message().endpoint(on_message::on_message::<B>))
        .branch(Update::filter_callback_query().endpoint(on_button::on_button::<B>))
        .branch(Update::filter_inline_query().endpoint(on_inline::on_inline_query::<B>))
}
