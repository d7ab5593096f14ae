-- API tokens for integrations and old clients (seed 000's `token` header).
-- Only a SHA-256 of the token is kept; the token is shown once.
CREATE TABLE api_tokens (
    id          BIGINT PRIMARY KEY,
    staff_id    BIGINT NOT NULL REFERENCES staff (id),
    name        TEXT   NOT NULL,
    token_hash  TEXT   NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at  BIGINT
);
CREATE INDEX ix_api_tokens_staff ON api_tokens (staff_id);
