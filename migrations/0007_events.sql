-- The outbox (src/events): every event that leaves the process (webhooks
-- today; orders, tracking and payments later) is a row written in the
-- transaction of the change it reports, so a committed change never loses
-- its event. A worker claims pending rows with a lease (claimed_until,
-- claim_token: one conditional UPDATE, so two instances never take one row
-- together), hands them on, and sets processed_at. Processed rows are pruned
-- after a week.
CREATE TABLE outbox_events (
    id             BIGINT PRIMARY KEY,
    -- What happened: 'message.created', 'conversation.assigned', 'order.paid'…
    topic          TEXT   NOT NULL,
    -- What it happened to: ('conversation', 123), ('order', 456)…
    aggregate_type TEXT   NOT NULL,
    aggregate_id   BIGINT NOT NULL,
    -- The event's data, JSON text.
    payload        TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    -- Epoch ms until which a worker holds the row; 0 when nobody does.
    claimed_until  BIGINT NOT NULL DEFAULT 0,
    claim_token    BIGINT,
    -- Times a worker claimed it (more than one: a worker died or failed).
    attempts       BIGINT NOT NULL DEFAULT 0,
    processed_at   BIGINT
);
CREATE INDEX ix_outbox_events_pending ON outbox_events (id) WHERE processed_at IS NULL;
CREATE INDEX ix_outbox_events_processed ON outbox_events (processed_at) WHERE processed_at IS NOT NULL;

-- Webhook deliveries get a lease of their own: next_attempt_at stays the
-- retry schedule, leased_until marks an attempt in flight (a claim sets it,
-- the attempt's outcome clears it). In-flight counts per hook bound how
-- many attempts one endpoint may hold at once.
ALTER TABLE webhook_deliveries ADD COLUMN leased_until BIGINT;
CREATE INDEX ix_webhook_deliveries_pending_hook ON webhook_deliveries (webhook_id, next_attempt_at)
    WHERE status = 'pending';
CREATE INDEX ix_webhook_deliveries_finished ON webhook_deliveries (created_at)
    WHERE status <> 'pending';
