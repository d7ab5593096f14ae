-- Chat limits shared by every instance: which agents have a socket open
-- anywhere (presence), and how many messages a person sent lately (send rate).
-- Portable SQL: the same file runs on SQLite and PostgreSQL; ids are app-made
-- BIGINTs, instants UTC epoch milliseconds.

-- One row per open staff socket, on whichever instance holds it. A socket
-- deletes its row when it closes; each instance renews the leases of its own
-- sockets, so the rows of an instance that died expire (`lease_until`) and a
-- sweep treats them as closed. "An agent's last socket closed" means: no row
-- with a lease in the future is left for them, on any instance.
CREATE TABLE agent_sockets (
    id          BIGINT PRIMARY KEY,
    instance_id BIGINT NOT NULL,
    staff_id    BIGINT NOT NULL REFERENCES staff (id),
    lease_until BIGINT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX ix_agent_sockets_staff ON agent_sockets (staff_id, lease_until);
CREATE INDEX ix_agent_sockets_instance ON agent_sockets (instance_id);

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
