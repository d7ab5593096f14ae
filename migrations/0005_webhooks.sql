-- Webhook subscriptions (seed 002 注册回调地址 / 订阅事件): a callback URL,
-- the events it wants (comma-separated), and the HMAC secret.
CREATE TABLE webhooks (
    id         BIGINT PRIMARY KEY,
    url        TEXT   NOT NULL,
    events     TEXT   NOT NULL,
    secret     TEXT   NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    created_by BIGINT NOT NULL REFERENCES staff (id),
    created_at BIGINT NOT NULL
);

-- One delivery per (webhook, event): a retried delivery keeps its event id.
CREATE TABLE webhook_deliveries (
    id               BIGINT PRIMARY KEY,
    webhook_id       BIGINT NOT NULL REFERENCES webhooks (id),
    event_id         TEXT   NOT NULL,
    event            TEXT   NOT NULL,
    payload          TEXT   NOT NULL,
    status           TEXT   NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         BIGINT NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    last_status_code BIGINT,
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    delivered_at     BIGINT,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX ix_webhook_deliveries_hook ON webhook_deliveries (webhook_id, created_at);
