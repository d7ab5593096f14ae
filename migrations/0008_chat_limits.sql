-- Chat state shared by every instance: which agents have a socket open
-- anywhere (presence). Send rates count in `rate_limits` (0006).
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

