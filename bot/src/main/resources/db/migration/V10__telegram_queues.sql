-- Replies the Bot API could not take (an outage, a long rate limit): kept until it is back, then sent
-- in order per chat (seq), unless older than the age limit. payload is the rendered message as JSON.
CREATE TABLE outbox (
    chat_id    VARCHAR(128) NOT NULL,
    seq        BIGINT       NOT NULL,
    payload    TEXT         NOT NULL,
    created_at BIGINT       NOT NULL,
    attempts   INTEGER      NOT NULL,
    last_error VARCHAR(500),
    PRIMARY KEY (chat_id, seq)
);

-- Updates received from Telegram and not yet handled. An update is written here before the next
-- getUpdates confirms it to Telegram, and removed once handled, so a restart handles what was left.
CREATE TABLE inbox (
    update_id   BIGINT NOT NULL PRIMARY KEY,
    payload     TEXT   NOT NULL,
    received_at BIGINT NOT NULL
);
