-- Daily target reminders (PostgreSQL): the same tables as migrations/sqlite/0001_reminders.sql, in native
-- types. Instants are timestamptz, local dates date, times 'HH:MM'.

-- One row per chat that wants the daily reminder; re-subscribing updates the row.
CREATE TABLE subscriptions (
    chat_id       BIGINT      PRIMARY KEY,
    send_time     TEXT        NOT NULL,           -- wall-clock time in time_zone
    time_zone     TEXT        NOT NULL,           -- IANA name
    subscribed_at TIMESTAMPTZ NOT NULL,           -- last (re)subscription
    due_date      DATE        NOT NULL,           -- the local day whose reminder is next
    next_check_at TIMESTAMPTZ NOT NULL,           -- when the scheduler looks at this row next
    delivered     BIGINT      NOT NULL DEFAULT 0  -- reminders delivered so far: the rotation's position
);
CREATE INDEX subscriptions_next_check ON subscriptions (next_check_at);

-- One row per chat and local day once a reminder for that day has been claimed. The primary key is what
-- makes a second send for the same day impossible, whichever replica asks; rows outlive an unsubscribe for
-- the same reason.
CREATE TABLE deliveries (
    chat_id    BIGINT      NOT NULL,
    local_date DATE        NOT NULL,
    state      TEXT        NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'in_doubt')),
    attempts   BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,   -- the database's clock when claims are judged by it
    PRIMARY KEY (chat_id, local_date)
);
