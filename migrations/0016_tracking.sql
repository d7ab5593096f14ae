-- Tracking (送仓单号的轨迹): what couriers report for a (carrier, number),
-- from queries and pushes (Kuaidi100) or the demo provider. Numbers are
-- not tied to orders here: the orders domain links its tracking numbers by
-- (carrier, number). Carriers are the API's codes (sf, ups…); numbers are
-- normalised (upper-case letters and digits).

-- One followed number and its last known state. A state changes only by
-- an UPDATE conditional on the newest event time stored, so an older push
-- arriving late never overwrites a newer state.
CREATE TABLE tracking_numbers (
    carrier       TEXT   NOT NULL,
    number        TEXT   NOT NULL,
    -- The standard status of the last state (info_received, in_transit,
    -- out_for_delivery, delivered, exception, returned); NULL before any
    -- event.
    status        TEXT
        CHECK (status IN ('info_received', 'in_transit', 'out_for_delivery',
                          'delivered', 'exception', 'returned')),
    -- The provider's own state (Kuaidi100: its state code, `1002`).
    raw_state     TEXT,
    -- When the newest stored event happened (epoch ms).
    last_event_at BIGINT,
    -- When a push subscription was accepted (epoch ms).
    subscribed_at BIGINT,
    -- The provider's last word on the subscription (Kuaidi100: polling,
    -- shutdown, abort, updateall).
    push_status   TEXT,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (carrier, number)
);

-- Every event reported for a number, once: `event_key` is a hash of the
-- event's time and text, unique per number, so a replayed push or a query
-- that repeats what a push brought inserts nothing (INSERT … ON CONFLICT
-- DO NOTHING).
CREATE TABLE tracking_events (
    id          BIGINT PRIMARY KEY,
    carrier     TEXT   NOT NULL,
    number      TEXT   NOT NULL,
    event_key   TEXT   NOT NULL,
    -- When it happened (epoch ms), and as the provider wrote it.
    occurred_at BIGINT NOT NULL,
    raw_time    TEXT   NOT NULL,
    status      TEXT   NOT NULL
        CHECK (status IN ('info_received', 'in_transit', 'out_for_delivery',
                          'delivered', 'exception', 'returned')),
    -- The provider's own status (`1002 在途`), the carrier's text, the place.
    raw_status  TEXT   NOT NULL,
    context     TEXT   NOT NULL,
    place       TEXT,
    -- Who reported it: kuaidi100, or demo (made-up events).
    source      TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    FOREIGN KEY (carrier, number) REFERENCES tracking_numbers (carrier, number),
    CONSTRAINT uq_tracking_events_event UNIQUE (carrier, number, event_key)
);
CREATE INDEX ix_tracking_events_number ON tracking_events (carrier, number, occurred_at);
