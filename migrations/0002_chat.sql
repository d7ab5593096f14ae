-- Chat (客服会话): CS roles, agents and the roles they serve, conversations and messages.
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Ids are app-made
-- BIGINTs (< 2^53), instants are UTC epoch milliseconds, flags are 0/1 BIGINTs.

-- The service roles a customer picks when opening a chat (售前 pre-sales, 售后
-- after-sales, 财务 finance…). `reassign_after_minutes`: NULL never moves a
-- conversation on by itself; N moves an open one when its assignee is offline
-- or a customer message has waited N minutes for an answer.
CREATE TABLE cs_roles (
    id                     BIGINT PRIMARY KEY,
    code                   TEXT   NOT NULL,
    name_zh                TEXT   NOT NULL,
    name_en                TEXT   NOT NULL,
    reassign_after_minutes BIGINT,
    created_at             BIGINT NOT NULL,
    CONSTRAINT uq_cs_roles_code UNIQUE (code)
);

-- Staff who take conversations. `status` is the agent's manual state; only
-- `online` agents are routed to. `max_concurrent` caps their open conversations.
CREATE TABLE cs_agents (
    staff_id       BIGINT PRIMARY KEY REFERENCES staff (id),
    status         TEXT   NOT NULL DEFAULT 'offline'
                   CHECK (status IN ('online', 'busy', 'offline')),
    max_concurrent BIGINT NOT NULL DEFAULT 5,
    last_seen_at   BIGINT NOT NULL,
    created_at     BIGINT NOT NULL
);

-- Which CS roles an agent serves.
CREATE TABLE cs_agent_roles (
    staff_id   BIGINT NOT NULL REFERENCES cs_agents (staff_id),
    role_id    BIGINT NOT NULL REFERENCES cs_roles (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (staff_id, role_id)
);
CREATE INDEX ix_cs_agent_roles_role ON cs_agent_roles (role_id);

-- One conversation between a member and the platform, in one CS role:
-- queued (no assignee) -> open (assigned) -> resolved (assignee kept for history).
-- `last_seq` is the seq of the newest message; each side's read mark is a seq.
-- `last_message_at` starts at created_at. `awaiting_since` is when the oldest
-- customer message not yet answered by staff arrived (NULL: nothing waits);
-- `assigned_at` when the current assignee got it. Both drive reassignment.
CREATE TABLE conversations (
    id                BIGINT PRIMARY KEY,
    company_id        BIGINT NOT NULL REFERENCES companies (id),
    member_id         BIGINT NOT NULL REFERENCES members (id),
    role_id           BIGINT NOT NULL REFERENCES cs_roles (id),
    status            TEXT   NOT NULL CHECK (status IN ('queued', 'open', 'resolved')),
    assignee_staff_id BIGINT REFERENCES staff (id),
    assigned_at       BIGINT,
    last_seq          BIGINT NOT NULL DEFAULT 0,
    last_message_at   BIGINT NOT NULL,
    awaiting_since    BIGINT,
    customer_read_seq BIGINT NOT NULL DEFAULT 0,
    staff_read_seq    BIGINT NOT NULL DEFAULT 0,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    resolved_at       BIGINT
);
-- A member has at most one unresolved conversation per role.
CREATE UNIQUE INDEX uq_conversations_active ON conversations (member_id, role_id)
    WHERE status <> 'resolved';
CREATE INDEX ix_conversations_assignee ON conversations (assignee_staff_id, status);
CREATE INDEX ix_conversations_role ON conversations (role_id, status, created_at);
CREATE INDEX ix_conversations_member ON conversations (member_id, last_message_at);
CREATE INDEX ix_conversations_last ON conversations (last_message_at);

-- Messages, numbered 1, 2, 3… per conversation in the transaction that stores
-- them. `client_id` is made by the sending client: a resend of the same id
-- finds the stored message. `sender_id` is a member id, a staff id, or 0 for
-- system. `body` is text, an upload key (image, file) or card JSON.
CREATE TABLE messages (
    id              BIGINT PRIMARY KEY,
    conversation_id BIGINT NOT NULL REFERENCES conversations (id),
    seq             BIGINT NOT NULL,
    sender_kind     TEXT   NOT NULL CHECK (sender_kind IN ('member', 'staff', 'system')),
    sender_id       BIGINT NOT NULL,
    client_id       TEXT   NOT NULL,
    kind            TEXT   NOT NULL
                    CHECK (kind IN ('text', 'image', 'file', 'note', 'system', 'card')),
    body            TEXT   NOT NULL,
    reply_to_seq    BIGINT,
    recalled        BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL,
    CONSTRAINT uq_messages_seq UNIQUE (conversation_id, seq),
    CONSTRAINT uq_messages_client UNIQUE (conversation_id, sender_kind, sender_id, client_id)
);
