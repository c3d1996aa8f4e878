-- The question log (src/questionlog/): what people asked and what came of it, and what they thought of the
-- answers. Chats and voters appear only as keyed hashes (chat_key, voter_key), never as Telegram ids.
-- Portable SQL: BIGINT/TEXT columns, no SQLite-only types, so a PostgreSQL migration can be the same text.

CREATE TABLE question_log (
    -- Chosen by the bot before the row is written: feedback buttons carry it.
    id          BIGINT  NOT NULL PRIMARY KEY,
    -- Unix milliseconds.
    asked_at    BIGINT  NOT NULL,
    chat_key    TEXT    NOT NULL,
    -- private, group, inline.
    chat_kind   TEXT    NOT NULL,
    -- text, ask (/ask), example (a /start button), topic (a refusal's topic button), inline.
    via         TEXT    NOT NULL,
    question    TEXT    NOT NULL,
    -- The question as the engine understood it when a follow-up (那2021年呢) made it another one.
    understood  TEXT,
    normalized  TEXT    NOT NULL,
    intent      TEXT    NOT NULL,
    year        INTEGER,
    -- answered, near_miss, refused, small_talk (Outcome::kind).
    outcome     TEXT    NOT NULL,
    top_hit     TEXT,
    latency_us  BIGINT  NOT NULL
);
CREATE INDEX question_log_asked_at ON question_log (asked_at);
CREATE INDEX question_log_chat_key ON question_log (chat_key);

CREATE TABLE question_feedback (
    question_id BIGINT  NOT NULL,
    -- One vote per person and answer: pressing again changes it.
    voter_key   TEXT    NOT NULL,
    chat_key    TEXT    NOT NULL,
    vote        TEXT    NOT NULL CHECK (vote IN ('up', 'down')),
    -- wrong_topic, wrong_number, not_found, other; only with a down vote.
    reason      TEXT,
    voted_at    BIGINT  NOT NULL,
    PRIMARY KEY (question_id, voter_key)
);
CREATE INDEX question_feedback_voted_at ON question_feedback (voted_at);
CREATE INDEX question_feedback_chat_key ON question_feedback (chat_key);

-- The key of the chat hashes when QUESTION_LOG_SECRET is not set: generated on first start.
CREATE TABLE question_log_secret (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
