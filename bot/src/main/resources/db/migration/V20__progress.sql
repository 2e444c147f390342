-- Progress, weak spots and the team view (issue 16). Portable SQL for SQLite and PostgreSQL, as V1.

-- One row per finished drill or answered quiz item (kind 'drill' or 'quiz'; item: scenario id or quiz item id).
CREATE TABLE practice_runs (
    run_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id     VARCHAR(128) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    item_id     VARCHAR(128) NOT NULL,
    score       INTEGER      NOT NULL,
    finished_at BIGINT       NOT NULL
);
CREATE INDEX practice_runs_user ON practice_runs (user_id, finished_at);

-- How often each rubric criterion (or quiz key point) was met in a run: met of assessed turns.
CREATE TABLE practice_criteria (
    run_id       VARCHAR(64)  NOT NULL,
    user_id      VARCHAR(128) NOT NULL,
    criterion_id VARCHAR(128) NOT NULL,
    met          INTEGER      NOT NULL,
    assessed     INTEGER      NOT NULL,
    finished_at  BIGINT       NOT NULL,
    PRIMARY KEY (run_id, criterion_id)
);
CREATE INDEX practice_criteria_user ON practice_criteria (user_id, finished_at);

-- Quiz questions answered poorly come back: Leitner box 1..3 (1, 3, 7 days) and when the item is due.
CREATE TABLE quiz_reviews (
    user_id    VARCHAR(128) NOT NULL,
    item_id    VARCHAR(128) NOT NULL,
    box        INTEGER      NOT NULL,
    due_at     BIGINT       NOT NULL,
    last_score INTEGER      NOT NULL,
    updated_at BIGINT       NOT NULL,
    PRIMARY KEY (user_id, item_id)
);

-- Consent to show one's practice to the admins of shared groups (no row: not shared).
CREATE TABLE practice_sharing (
    user_id    VARCHAR(128) NOT NULL PRIMARY KEY,
    shared     INTEGER      NOT NULL,
    updated_at BIGINT       NOT NULL
);

-- Who writes in which group the bot sees (the team view counts and names members from it).
CREATE TABLE chat_members (
    chat_id      VARCHAR(128) NOT NULL,
    user_id      VARCHAR(128) NOT NULL,
    display_name VARCHAR(128) NOT NULL,
    last_seen_at BIGINT       NOT NULL,
    PRIMARY KEY (chat_id, user_id)
);
CREATE INDEX chat_members_user ON chat_members (user_id);

-- The weekly team digest: the same subscription and claim-before-send delivery records as daily tips
-- (coach.store.Subscriptions and TipLedger over these tables), plus the day of the week.
CREATE TABLE digest_subscriptions (
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
    updated_at      BIGINT       NOT NULL,
    weekday         INTEGER      NOT NULL
);
CREATE INDEX digest_subscriptions_due ON digest_subscriptions (enabled, next_due_at);

CREATE TABLE digest_deliveries (
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
CREATE INDEX digest_deliveries_retry ON digest_deliveries (status, retry_at);
