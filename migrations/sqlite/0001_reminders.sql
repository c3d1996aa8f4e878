-- Daily target reminders. Instants are Unix milliseconds (UTC), local dates 'YYYY-MM-DD', times 'HH:MM'.

-- One row per chat that wants the daily reminder; re-subscribing updates the row.
CREATE TABLE subscriptions (
    chat_id       INTEGER PRIMARY KEY,
    send_time     TEXT    NOT NULL,           -- wall-clock time in time_zone
    time_zone     TEXT    NOT NULL,           -- IANA name
    subscribed_at INTEGER NOT NULL,           -- last (re)subscription
    due_date      TEXT    NOT NULL,           -- the local day whose reminder is next
    next_check_at INTEGER NOT NULL,           -- when the scheduler looks at this row next
    delivered     INTEGER NOT NULL DEFAULT 0  -- reminders delivered so far: the rotation's position
);
CREATE INDEX subscriptions_next_check ON subscriptions (next_check_at);

-- One row per chat and local day once a reminder for that day has been claimed. The primary key is what
-- makes a second send for the same day impossible; rows outlive an unsubscribe for the same reason.
CREATE TABLE deliveries (
    chat_id    INTEGER NOT NULL,
    local_date TEXT    NOT NULL,
    state      TEXT    NOT NULL CHECK (state IN ('claimed', 'sent', 'failed', 'in_doubt')),
    attempts   INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, local_date)
) WITHOUT ROWID;
