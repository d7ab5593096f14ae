-- Orders (预订单 → 订单). A customer books a pre-order from a saved quote
-- (or a salesperson books one for a customer they own: 快捷下单); ops
-- confirm it into an order (it gets an order number) or reject it; from
-- then on it moves along one timeline, each move an event. Money in fen.

CREATE TABLE orders (
    id               BIGINT PRIMARY KEY,
    -- The booking's number, P20261202-0001, from day_counters.
    number           TEXT   NOT NULL UNIQUE,
    -- Given when ops confirm: O20261202-0001.
    order_number     TEXT   UNIQUE,
    company_id       BIGINT NOT NULL REFERENCES companies (id),
    -- Who booked: a member of the company, or a salesperson (staff_id)
    -- acting for member_id through an act-as token.
    member_id        BIGINT REFERENCES members (id),
    staff_id         BIGINT REFERENCES staff (id),
    quick            BIGINT NOT NULL DEFAULT 0,
    -- The client's key for this booking: a resend returns the same order.
    client_key       TEXT   NOT NULL,
    quote_id         BIGINT NOT NULL REFERENCES quotes (id),
    quote_number     TEXT   NOT NULL,
    channel_id       BIGINT NOT NULL,
    channel_name     TEXT   NOT NULL,
    mode             TEXT   NOT NULL,
    country          TEXT   NOT NULL,
    -- The FBA code, else the postcode.
    destination      TEXT   NOT NULL,
    status           TEXT   NOT NULL,
    -- While in exception: the status the order was in, to resume from.
    held_status      TEXT,
    -- +1 on every change; every move is an UPDATE conditional on it.
    version          BIGINT NOT NULL DEFAULT 0,
    total_fen        BIGINT NOT NULL,
    -- Once received and re-weighed: the price of the measured cartons.
    actual_total_fen BIGINT,
    -- JSON: shipper, consignee, cartons, goods, remarks and the priced plan.
    detail           TEXT   NOT NULL,
    -- JSON: the measured cartons, the actual plan and the adjustment.
    measured         TEXT,
    -- Lower case: numbers, destination and channel, for the list's search.
    summary          TEXT   NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    -- Delivery tracking numbers on the order: taken by one UPDATE
    -- conditional on the cap before a number is added.
    parcels          BIGINT NOT NULL DEFAULT 0,
    UNIQUE (company_id, client_key)
);
CREATE INDEX orders_created ON orders (created_at, id);
CREATE INDEX orders_status_created ON orders (status, created_at, id);
CREATE INDEX orders_company_created ON orders (company_id, created_at, id);
CREATE INDEX orders_company_status ON orders (company_id, status, created_at, id);

-- The timeline: one row per status change (and per note), with who did it.
CREATE TABLE order_events (
    id          BIGINT PRIMARY KEY,
    order_id    BIGINT NOT NULL REFERENCES orders (id),
    from_status TEXT,
    to_status   TEXT   NOT NULL,
    note        TEXT   NOT NULL DEFAULT '',
    -- member | staff | system
    by_kind     TEXT   NOT NULL,
    by_name     TEXT   NOT NULL,
    -- A quick order's steps: the customer member the salesperson acted for.
    acting_for  TEXT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX order_events_order ON order_events (order_id, created_at, id);

-- Delivery tracking numbers (送仓单号): the domestic courier numbers of the
-- cartons a customer sends to the warehouse. A number belongs to one order.
CREATE TABLE order_parcels (
    id         BIGINT PRIMARY KEY,
    order_id   BIGINT NOT NULL REFERENCES orders (id),
    -- Normalised: upper case, no spaces.
    number     TEXT   NOT NULL,
    carrier    TEXT   NOT NULL,
    -- Which cartons travel under it ("1-5"), free text.
    cartons    TEXT   NOT NULL DEFAULT '',
    added_by   TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT uq_order_parcels_number UNIQUE (number)
);
CREATE INDEX order_parcels_order ON order_parcels (order_id, created_at);
