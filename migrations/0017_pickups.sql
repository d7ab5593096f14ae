-- Pickups (揽收叫车): a van collecting an order's cartons in one of the
-- origin city's pickup windows (pickup_slots). A window's pickups a day are
-- counted in pickup_slot_days, taken by one UPDATE conditional on the
-- window's capacity, so parallel bookings never overfill it.

CREATE TABLE pickup_slot_days (
    slot_id    BIGINT NOT NULL REFERENCES pickup_slots (id),
    -- YYYY-MM-DD, China time.
    day        TEXT   NOT NULL,
    booked     BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (slot_id, day)
);

-- The reasons ops pick from when a pickup is cancelled (查询取消原因).
CREATE TABLE pickup_cancel_reasons (
    id         BIGINT PRIMARY KEY,
    text_zh    TEXT   NOT NULL,
    text_en    TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE pickups (
    id            BIGINT PRIMARY KEY,
    order_id      BIGINT NOT NULL REFERENCES orders (id),
    slot_id       BIGINT NOT NULL REFERENCES pickup_slots (id),
    day           TEXT   NOT NULL,
    start_time    TEXT   NOT NULL,
    end_time      TEXT   NOT NULL,
    city          TEXT   NOT NULL,
    address       TEXT   NOT NULL,
    contact       TEXT   NOT NULL,
    phone         TEXT   NOT NULL,
    -- van | truck_42 | truck_76
    vehicle       TEXT   NOT NULL,
    pieces        BIGINT NOT NULL,
    weight_g      BIGINT NOT NULL,
    -- scheduled | cancelled
    status        TEXT   NOT NULL,
    cancel_reason TEXT   NOT NULL DEFAULT '',
    created_by    TEXT   NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
-- At most one scheduled pickup an order.
CREATE UNIQUE INDEX uq_pickups_order ON pickups (order_id) WHERE status = 'scheduled';
CREATE INDEX pickups_day ON pickups (day, status);
