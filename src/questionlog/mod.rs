//! The question log: what people asked, what came of it and what they thought of the answers, for the
//! maintainer's `unanswered`, `stats` and `replay` (docs/question-log.md).
//!
//! `record` is what is kept (chats only as keyed hashes, `keyed`), `writer` keeps it off the reply path,
//! `store` is where it lives (the [`QuestionLogStore`] trait, on either database), `report`
//! reads it back for the maintainer, `transfer` copies it between databases.

pub mod chart;
pub mod keyed;
pub mod record;
pub mod report;
pub mod store;
pub mod transfer;
pub mod writer;

pub use keyed::{ChatHasher, Secret, SecretError};
pub use record::{ChatKey, ChatKind, QuestionRecord, Reason, Via, Vote, VoteRecord};
pub use store::{LogStoreError, QuestionLogStore};
pub use writer::{QuestionLog, Retention};

/// Days a question is kept when `QUESTION_LOG_DAYS` is not set: long enough to see what a quarter's
/// questions were, short enough that nobody's questions stay for good.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

/// The key of the chat hashes: `QUESTION_LOG_SECRET` when set; otherwise the one stored in the database,
/// generated and stored on the first start. A database that cannot store it (read-only) gets a key for
/// this run only, so the log's keys then differ between runs.
pub async fn chat_hasher(
    store: &impl QuestionLogStore,
    configured: Option<&Secret>,
) -> Result<ChatHasher, SecretError> {
    if let Some(secret) = configured {
        return Ok(ChatHasher::new(secret.clone()));
    }
    match store.secret().await {
        Ok(Some(stored)) => return Ok(ChatHasher::new(Secret::from_hex(&stored)?)),
        Ok(None) => {}
        Err(error) => tracing::warn!(%error, "question log: cannot read the stored secret"),
    }
    let generated = Secret::generate()?;
    match store.keep_secret(&generated.to_hex()).await {
        Ok(kept) => Ok(ChatHasher::new(Secret::from_hex(&kept)?)),
        Err(error) => {
            tracing::warn!(
                %error,
                "question log: cannot store a secret; chat keys hold for this run only \
                 (set QUESTION_LOG_SECRET to keep them stable)"
            );
            Ok(ChatHasher::new(generated))
        }
    }
}
