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

-- Files sent in conversations. The bytes live under the upload folder as
-- `<key>`; a message of kind image/file names the key in its body.
CREATE TABLE attachments (
    key             TEXT   PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    uploader_kind   TEXT   NOT NULL CHECK (uploader_kind IN ('member', 'staff')),
    uploader_id     BIGINT NOT NULL,
    name            TEXT   NOT NULL,
    mime            TEXT   NOT NULL,
    size            BIGINT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX ix_attachments_conversation ON attachments (conversation_id);
