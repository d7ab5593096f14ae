-- Shipment exception alerts (异常预警). An alert is raised when a shipment
-- has had no event for longer than its transport mode allows in a status
-- where events are expected (`silent`), when a courier reports an
-- exception or a return for a tracking number on the order
-- (`tracking_exception`), or when ops put the order in exception
-- (`order_exception`). Ops see them on their board and close them; the
-- customer sees the open ones on the order and is told in chat.

-- One alert. Raised once: the same (order, kind, dedupe key) again inserts
-- nothing (INSERT … ON CONFLICT DO NOTHING). The key is the order's status
-- and version for `silent` (one per silence in a status), the version for
-- `order_exception`, and carrier:number:event key for `tracking_exception`.
CREATE TABLE order_alerts (
    id           BIGINT PRIMARY KEY,
    order_id     BIGINT NOT NULL REFERENCES orders (id),
    company_id   BIGINT NOT NULL REFERENCES companies (id),
    kind         TEXT   NOT NULL
        CHECK (kind IN ('silent', 'tracking_exception', 'order_exception')),
    dedupe_key   TEXT   NOT NULL,
    -- The order's status when the alert was raised.
    order_status TEXT   NOT NULL,
    -- What happened: the courier's text, ops' note; empty for `silent`.
    detail       TEXT   NOT NULL DEFAULT '',
    -- `silent`: the last event (epoch ms) the silence runs from; otherwise
    -- when the exception happened.
    since_at     BIGINT NOT NULL,
    -- open → closed, once, by one UPDATE conditional on `open`.
    status       TEXT   NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    closed_by    TEXT,
    close_note   TEXT,
    closed_at    BIGINT,
    created_at   BIGINT NOT NULL,
    CONSTRAINT uq_order_alerts_dedupe UNIQUE (order_id, kind, dedupe_key)
);
-- The board (open or closed, newest first), a company's alerts, an order's.
CREATE INDEX order_alerts_status_created ON order_alerts (status, created_at, id);
CREATE INDEX order_alerts_company ON order_alerts (company_id, status, created_at, id);
CREATE INDEX order_alerts_order ON order_alerts (order_id, status);

-- How many hours without an event make a shipment of a mode silent, as
-- admins set them (1 to 720 hours); a mode without a row has the core's
-- default (`orders::alert::default_hours`).
CREATE TABLE order_alert_thresholds (
    mode       TEXT   PRIMARY KEY,
    hours      BIGINT NOT NULL CHECK (hours BETWEEN 1 AND 720),
    updated_by TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The silence scan: per mode, the watched statuses, not changed since a
-- cut-off (`updated_at` moves with every status change).
CREATE INDEX orders_silence ON orders (mode, status, updated_at, id);
