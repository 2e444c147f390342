-- The coach's durable state. Portable SQL: the same file runs on SQLite (default) and PostgreSQL.
-- Times are epoch milliseconds (BIGINT), flags are INTEGER 0/1, JSON is TEXT, dates are ISO yyyy-MM-dd.

-- Conversations in progress (drills, quiz, template fill-in): one per user in a chat.
CREATE TABLE sessions (
    chat_id    VARCHAR(128) NOT NULL,
    user_id    VARCHAR(128) NOT NULL,
    kind       VARCHAR(64)  NOT NULL,
    data       TEXT         NOT NULL,
    version    BIGINT       NOT NULL,
    updated_at BIGINT       NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);

-- Per-user preferences (the interface language a user chose).
CREATE TABLE user_prefs (
    user_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    lang       VARCHAR(8),
    updated_at BIGINT       NOT NULL
);

-- Per-user progress as small key/value items owned by features (e.g. "drill.best.dissatisfied-client").
CREATE TABLE progress (
    user_id    VARCHAR(128) NOT NULL,
    item_key   VARCHAR(200) NOT NULL,
    item_value TEXT         NOT NULL,
    updated_at BIGINT       NOT NULL,
    PRIMARY KEY (user_id, item_key)
);

-- Daily-tip subscriptions: one per chat. next_due_at is the instant of the next daily slot.
CREATE TABLE subscriptions (
    chat_id         VARCHAR(128) NOT NULL PRIMARY KEY,
    chat_type       VARCHAR(16)  NOT NULL,
    lang            VARCHAR(8)   NOT NULL,
    send_time       VARCHAR(5)   NOT NULL,
    time_zone       VARCHAR(64)  NOT NULL,
    enabled         INTEGER      NOT NULL,
    disabled_reason VARCHAR(32),
    next_due_at     BIGINT       NOT NULL,
    subscribed_by   VARCHAR(128),
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL
);
CREATE INDEX subscriptions_due ON subscriptions (enabled, next_due_at);

-- One row per chat and local date, claimed before the tip is sent: the unique key is what makes
-- "at most one daily tip per chat per local date" hold across restarts, crashes and replicas.
CREATE TABLE tip_deliveries (
    chat_id     VARCHAR(128) NOT NULL,
    local_date  VARCHAR(10)  NOT NULL,
    tip_id      VARCHAR(128) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    attempts    INTEGER      NOT NULL,
    claimed_at  BIGINT       NOT NULL,
    claimed_by  VARCHAR(64)  NOT NULL,
    retry_at    BIGINT,
    finished_at BIGINT,
    detail      VARCHAR(500),
    PRIMARY KEY (chat_id, local_date)
);
CREATE INDEX tip_deliveries_retry ON tip_deliveries (status, retry_at);

-- Tip rotation per stream (a chat's daily tips, a user's /tip): the current cycle and the tips it has shown.
CREATE TABLE tip_rotation (
    stream   VARCHAR(300) NOT NULL PRIMARY KEY,
    cycle_no INTEGER      NOT NULL,
    last_tip VARCHAR(128)
);
CREATE TABLE tip_seen (
    stream VARCHAR(300) NOT NULL,
    tip_id VARCHAR(128) NOT NULL,
    PRIMARY KEY (stream, tip_id)
);
