//! Runs each update's work in isolation, so that one failing or panicking handler is logged with its
//! context and never takes the dispatcher down.

use crate::logging::Redactor;
use crate::reminders::ReminderError;
use std::future::Future;
use teloxide::prelude::*;
use teloxide::types::UpdateKind;
use teloxide::RequestError;
use tracing::Instrument;

/// Why a handler gave up on an update (logged, never shown to the user).
#[derive(Debug, thiserror::Error)]
pub enum HandlerError {
    #[error("Bot API request failed: {0}")]
    Request(#[from] RequestError),
    #[error("reminder store failed: {0}")]
    Reminders(#[from] ReminderError),
}

/// What every handler returns; an error is logged by [`guarded`], not answered.
pub type HandlerResult = Result<(), HandlerError>;

/// Runs one update's work in its own task, inside a span naming the update, so that a failure is
/// logged with its context (token redacted) and even a panic cannot take the chat's worker down.
pub async fn guarded(
    update: &Update,
    work: impl Future<Output = HandlerResult> + Send + 'static,
) -> HandlerResult {
    let span = update_span(update);
    let outcome = tokio::spawn(work.instrument(span.clone())).await;
    let _entered = span.enter();
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(err)) => {
            let message = err.to_string();
            tracing::warn!(error = %Redactor::default().redact(&message), "update not handled");
        }
        Err(err) if err.is_panic() => tracing::error!("handler panicked; update dropped"),
        Err(_) => tracing::warn!("handler cancelled"),
    }
    Ok(())
}

fn update_span(update: &Update) -> tracing::Span {
    let kind = match &update.kind {
        UpdateKind::Message(_) => "message",
        UpdateKind::EditedMessage(_) => "edited_message",
        UpdateKind::CallbackQuery(_) => "callback_query",
        UpdateKind::InlineQuery(_) => "inline_query",
        _ => "other",
    };
    let chat_id = update.chat().map(|chat| chat.id.0);
    tracing::info_span!("update", id = update.id.0, kind, chat_id)
}
