-- Identity: staff, customer companies and their members, sign-in safety, sessions.
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Ids are app-made
-- BIGINTs (< 2^53), instants are UTC epoch milliseconds, flags are 0/1 BIGINTs.

-- Staff accounts. `roles` holds comma-separated role names (admin,cs,sales,ops,finance,provider).
CREATE TABLE staff (
    id            BIGINT PRIMARY KEY,
    account       TEXT   NOT NULL,
    name          TEXT   NOT NULL,
    password_hash TEXT   NOT NULL,
    roles         TEXT   NOT NULL,
    disabled      BIGINT NOT NULL DEFAULT 0,
    lang          TEXT   NOT NULL DEFAULT 'zh-CN',
    -- Bumped by a password reset or disabling: sessions of an older epoch end.
    auth_epoch    BIGINT NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    CONSTRAINT uq_staff_account UNIQUE (account)
);

-- Customer companies (客户). `certification`: none | pending | certified | rejected.
CREATE TABLE companies (
    id             BIGINT PRIMARY KEY,
    name           TEXT   NOT NULL,
    code           TEXT   NOT NULL,
    owner_staff_id BIGINT REFERENCES staff (id),
    certification  TEXT   NOT NULL DEFAULT 'none',
    contact_name   TEXT   NOT NULL DEFAULT '',
    contact_phone  TEXT   NOT NULL DEFAULT '',
    address        TEXT   NOT NULL DEFAULT '',
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    CONSTRAINT uq_companies_code UNIQUE (code)
);
CREATE INDEX ix_companies_owner ON companies (owner_staff_id);
CREATE INDEX ix_companies_created ON companies (created_at);

-- Members of a customer company; a phone number belongs to one member.
CREATE TABLE members (
    id         BIGINT PRIMARY KEY,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    phone      TEXT   NOT NULL,
    name       TEXT   NOT NULL,
    disabled   BIGINT NOT NULL DEFAULT 0,
    lang       TEXT   NOT NULL DEFAULT 'zh-CN',
    auth_epoch BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    CONSTRAINT uq_members_phone UNIQUE (phone)
);
CREATE INDEX ix_members_company ON members (company_id);

-- SMS verification codes: only an HMAC of the code is kept.
CREATE TABLE sms_codes (
    id         BIGINT PRIMARY KEY,
    phone      TEXT   NOT NULL,
    ip         TEXT   NOT NULL,
    code_hash  TEXT   NOT NULL,
    attempts   BIGINT NOT NULL DEFAULT 0,
    consumed   BIGINT NOT NULL DEFAULT 0,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ix_sms_codes_phone ON sms_codes (phone, created_at);
CREATE INDEX ix_sms_codes_ip ON sms_codes (ip, created_at);

-- Failed sign-ins, one row each; `scope` is `account:<name>` or `ip:<addr>`.
CREATE TABLE login_failures (
    id         BIGINT PRIMARY KEY,
    scope      TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ix_login_failures_scope ON login_failures (scope, created_at);

-- Server-side sessions (tower-sessions records as JSON).
CREATE TABLE sessions (
    id         TEXT   PRIMARY KEY,
    data       TEXT   NOT NULL,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ix_sessions_expires ON sessions (expires_at);
