-- Chat limits shared by every instance: how many messages a person sent
-- lately (send rate).
-- Portable SQL: the same file runs on SQLite and PostgreSQL; ids are app-made
-- BIGINTs, instants UTC epoch milliseconds.

-- Messages a person (member or staff) sent in one fixed window of the send
-- rate limit (`window_start`, epoch ms, a multiple of the window). Counted
-- with one conditional upsert, so the limit holds across sockets and
-- instances; windows older than an hour are pruned by the chat job.
CREATE TABLE chat_send_counts (
    sender_kind  TEXT   NOT NULL CHECK (sender_kind IN ('member', 'staff')),
    sender_id    BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    sends        BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (sender_kind, sender_id, window_start)
);
CREATE INDEX ix_chat_send_counts_window ON chat_send_counts (window_start);
