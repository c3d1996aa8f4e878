-- The reply language a chat chose with /lang (PostgreSQL twin of migrations/sqlite/0002_chat_language.sql);
-- chats without a row follow the user's Telegram language_code.
CREATE TABLE chat_languages (
    chat_id    BIGINT      PRIMARY KEY,
    language   TEXT        NOT NULL CHECK (language IN ('zh', 'en')),
    updated_at TIMESTAMPTZ NOT NULL
);
