-- The reply language a chat chose with /lang (issue 10); chats without a row follow the user's Telegram
-- language_code.
CREATE TABLE chat_languages (
    chat_id    INTEGER PRIMARY KEY,
    language   TEXT    NOT NULL CHECK (language IN ('zh', 'en')),
    updated_at INTEGER NOT NULL  -- Unix milliseconds (UTC)
);
