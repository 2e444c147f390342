-- Webhook mode with several replicas on one database.
-- Updates handled (by any replica), so a second delivery of the same update_id (Telegram retries a
-- slow answer, possibly to another replica) is not handled again. Rows older than a day are purged.
CREATE TABLE handled_updates (
    update_id  BIGINT NOT NULL PRIMARY KEY,
    handled_at BIGINT NOT NULL
);
CREATE INDEX handled_updates_at ON handled_updates (handled_at);

-- Send pacing shared by the replicas (GCRA): for each limit key (a chat, a group's minute window,
-- everything) the theoretical arrival time in epoch milliseconds of the next message.
CREATE TABLE send_pace (
    pace_key VARCHAR(160) NOT NULL PRIMARY KEY,
    tat      BIGINT       NOT NULL
);
