-- Partner apps (seed 002's 获取TOKEN / 生成signature): a system outside that
-- calls the API as itself. Each app has its own staff account (`staff_id`,
-- account `app:<app_id>`, no password): what it writes is by that account,
-- with the roles an admin gave it. The secret is not stored: it is
-- HMAC-SHA256(SHIPDESK_SECRET, app_id, secret_salt), recomputed to verify.
CREATE TABLE partner_apps (
    id            BIGINT PRIMARY KEY,
    app_id        TEXT   NOT NULL UNIQUE,
    name          TEXT   NOT NULL,
    staff_id      BIGINT NOT NULL REFERENCES staff (id),
    secret_salt   TEXT   NOT NULL,
    -- Comma-separated server function names (the path after /api/).
    functions     TEXT   NOT NULL,
    -- 1: every customer company; 0: only those in partner_app_companies.
    all_companies BIGINT NOT NULL DEFAULT 0,
    -- Comma-separated staff accounts the app may sign in by a login link.
    login_staff   TEXT   NOT NULL DEFAULT '',
    -- 1: it may sign in members of its companies by a login link.
    login_members BIGINT NOT NULL DEFAULT 0,
    rate_per_min  BIGINT NOT NULL,
    enabled       BIGINT NOT NULL DEFAULT 1,
    created_by    BIGINT NOT NULL REFERENCES staff (id),
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

-- The customer companies an app that is not for all of them may act on.
CREATE TABLE partner_app_companies (
    app_ref    BIGINT NOT NULL REFERENCES partner_apps (id),
    company_id BIGINT NOT NULL REFERENCES companies (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (app_ref, company_id)
);

-- Bearer tokens issued to apps: only each token's SHA-256 is kept.
CREATE TABLE partner_tokens (
    token_hash TEXT   PRIMARY KEY,
    app_ref    BIGINT NOT NULL REFERENCES partner_apps (id),
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ix_partner_tokens_app ON partner_tokens (app_ref);
CREATE INDEX ix_partner_tokens_expiry ON partner_tokens (expires_at);

-- Nonces of signed requests (token requests, login links), each usable once:
-- the primary key refuses a reused one in the same statement that records
-- it. Pruned once older than any timestamp still accepted.
CREATE TABLE partner_nonces (
    app_ref    BIGINT NOT NULL REFERENCES partner_apps (id),
    nonce      TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (app_ref, nonce)
);
CREATE INDEX ix_partner_nonces_created ON partner_nonces (created_at);

-- What each app called: the function, the answer's status and its latency;
-- refusals too (with the error key). Kept 30 days.
CREATE TABLE partner_requests (
    id         BIGINT PRIMARY KEY,
    app_ref    BIGINT NOT NULL REFERENCES partner_apps (id),
    function   TEXT   NOT NULL,
    status     BIGINT NOT NULL,
    latency_ms BIGINT NOT NULL,
    error      TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX ix_partner_requests_app ON partner_requests (app_ref, created_at);
