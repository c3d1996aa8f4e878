//! The reply language each chat chose with /lang, on either backend (`migrations/*/0002_chat_language.sql`).
//! Chats without a row follow the user's Telegram `language_code`.

use chrono::{DateTime, Utc};

use super::{Store, StoreError};

const SELECT: &str = "SELECT language FROM chat_languages WHERE chat_id = $1";
const FORGET: &str = "DELETE FROM chat_languages WHERE chat_id = $1";
const UPSERT: &str = "INSERT INTO chat_languages (chat_id, language, updated_at) VALUES ($1, $2, $3) \
     ON CONFLICT (chat_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at";

impl Store {
    /// The reply language a chat chose with /lang (`zh` or `en`), if it chose one.
    pub async fn chat_language(&self, chat_id: i64) -> Result<Option<String>, StoreError> {
        Ok(match self {
            Store::Sqlite(store) => {
                sqlx::query_scalar(SELECT)
                    .bind(chat_id)
                    .fetch_optional(store.pool())
                    .await?
            }
            Store::Postgres(store) => {
                sqlx::query_scalar(SELECT)
                    .bind(chat_id)
                    .fetch_optional(store.pool())
                    .await?
            }
        })
    }

    /// Keeps a chat's reply language (`zh` or `en`).
    pub async fn set_chat_language(
        &self,
        chat_id: i64,
        language: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        match self {
            // SQLite keeps instants as Unix milliseconds, PostgreSQL as timestamptz.
            Store::Sqlite(store) => {
                sqlx::query(UPSERT)
                    .bind(chat_id)
                    .bind(language)
                    .bind(now.timestamp_millis())
                    .execute(store.pool())
                    .await?;
            }
            Store::Postgres(store) => {
                sqlx::query(UPSERT)
                    .bind(chat_id)
                    .bind(language)
                    .bind(now)
                    .execute(store.pool())
                    .await?;
            }
        }
        Ok(())
    }

    /// Forgets a chat's reply language (/forget).
    pub async fn forget_chat_language(&self, chat_id: i64) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(store) => {
                sqlx::query(FORGET)
                    .bind(chat_id)
                    .execute(store.pool())
                    .await?;
            }
            Store::Postgres(store) => {
                sqlx::query(FORGET)
                    .bind(chat_id)
                    .execute(store.pool())
                    .await?;
            }
        }
        Ok(())
    }
}
