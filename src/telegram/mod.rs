//! The Telegram front end: translates updates into engine calls and answers into messages.
//!
//! [`schema`] is the whole handler tree, generic over the requester so that tests drive it with a plain
//! `Bot` (teloxide_tests) while [`serve`] runs it behind the Throttle adaptor.

pub mod callback;
pub mod commands;
pub mod handlers;
pub mod inline;
pub mod redact;
pub mod reminders;
pub mod render;
pub mod serve;
pub mod state;
pub mod texts;

pub use serve::{serve, ServeError};

use crate::answer::Engine;
use crate::knowledge::FigureKind;
use crate::reminders::store::SqliteStore;
use crate::reminders::ReminderError;
use state::{FloodGuard, RecentQuestions};
use std::sync::Arc;
use std::time::Duration;
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

/// Why a handler gave up on an update (logged, never shown to the user).
#[derive(Debug, thiserror::Error)]
pub enum HandlerError {
    #[error("Bot API request failed: {0}")]
    Request(#[from] RequestError),
    #[error("reminder store failed: {0}")]
    Reminders(#[from] ReminderError),
}

/// Questions remembered for 更多结果 buttons.
const RECENT_QUESTIONS: usize = 10_000;
/// Flood control: this many messages at once, then one per [`FLOOD_REFILL`].
const FLOOD_BURST: u32 = 3;
const FLOOD_REFILL: Duration = Duration::from_secs(1);
/// Users tracked by the flood guard before idle ones are forgotten.
const FLOOD_USERS: usize = 10_000;

/// What every handler shares: the engine and the bot's small in-memory state.
pub struct BotContext {
    pub engine: Arc<Engine>,
    pub questions: RecentQuestions,
    pub flood: FloodGuard,
    /// The /start example questions, built from the report's data.
    pub examples: Vec<String>,
    /// Where /subscribe keeps subscriptions; `None` when daily reminders are off.
    pub reminders: Option<Arc<SqliteStore>>,
}

impl BotContext {
    /// `first_question_key` seeds the keys of 更多结果 buttons (use the clock in production, so buttons
    /// from before a restart are recognised as stale rather than mistaken for new ones).
    pub fn new(engine: Arc<Engine>, first_question_key: u32) -> BotContext {
        let examples = example_questions(&engine);
        BotContext {
            engine,
            questions: RecentQuestions::new(RECENT_QUESTIONS, first_question_key),
            flood: FloodGuard::new(FLOOD_BURST, FLOOD_REFILL, FLOOD_USERS),
            examples,
            reminders: None,
        }
    }

    /// Turns on /subscribe, /unsubscribe and /subscription, keeping subscriptions in `store`.
    pub fn with_reminders(mut self, store: Arc<SqliteStore>) -> BotContext {
        self.reminders = Some(store);
        self
    }
}

/// Three questions the report is sure to answer: a target, a result, a glossary term.
fn example_questions(engine: &Engine) -> Vec<String> {
    let mut examples = Vec::new();
    if let Some(target) = engine.targets().first() {
        examples.push(texts::example_target_question(
            target.period.last_year(),
            &target.metric,
        ));
    }
    if let Some(result) = engine
        .results()
        .into_iter()
        .find(|indicator| indicator.kind == FigureKind::Result)
    {
        examples.push(texts::example_result_question(&result.metric));
    }
    if let Some(entry) = engine.glossary().first() {
        examples.push(texts::example_glossary_question(&entry.term));
    }
    examples
}

/// The whole handler tree: messages (commands, questions, everything else), button presses and inline
/// queries. Dependencies: `B`, `Me` (both added by the dispatcher) and `Arc<BotContext>`.
pub fn schema<B: BotApi>() -> UpdateHandler<HandlerError> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(handlers::on_message::<B>))
        .branch(Update::filter_callback_query().endpoint(callback::on_callback::<B>))
        .branch(Update::filter_inline_query().endpoint(inline::on_inline_query::<B>))
}
