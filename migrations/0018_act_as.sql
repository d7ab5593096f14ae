-- Act-as tokens (生成用户临时的token): a salesperson books a quick order
-- (快捷下单) for one member of a company they own. A token lasts minutes,
-- names one member, allows booking only, and only its salesperson may use
-- it; only its SHA-256 is stored.
CREATE TABLE act_as_tokens (
    id         BIGINT PRIMARY KEY,
    token_hash TEXT   NOT NULL UNIQUE,
    staff_id   BIGINT NOT NULL REFERENCES staff (id),
    member_id  BIGINT NOT NULL REFERENCES members (id),
    -- What it allows: `book`.
    scope      TEXT   NOT NULL,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
