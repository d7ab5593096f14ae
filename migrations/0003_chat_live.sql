-- Presence: an agent whose sockets all closed is set offline after a grace
-- period; `away_status` keeps the status they get back when they reconnect.
ALTER TABLE cs_agents ADD COLUMN away_status TEXT
    CHECK (away_status IS NULL OR away_status IN ('online', 'busy'));

-- A supervisor who took a conversation over keeps the agent it came from,
-- to give it back on release.
ALTER TABLE conversations ADD COLUMN taken_over_from BIGINT REFERENCES staff (id);

-- Canned replies agents insert with one click; `role_id` NULL: for every role.
CREATE TABLE canned_replies (
    id         BIGINT PRIMARY KEY,
    role_id    BIGINT REFERENCES cs_roles (id),
    title      TEXT   NOT NULL,
    body       TEXT   NOT NULL,
    created_by BIGINT NOT NULL REFERENCES staff (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX ix_canned_replies_role ON canned_replies (role_id);
