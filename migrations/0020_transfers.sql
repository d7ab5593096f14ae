-- Transfer numbers (转单号): the last-mile numbers (UPS, FedEx, Amazon…) a
-- provider, ops or an admin uploads in bulk for an order's cartons. Ops
-- assign an order to a provider (a staff account with the provider role);
-- a provider reads and uploads for the orders assigned to them only.
ALTER TABLE orders ADD COLUMN provider_id BIGINT REFERENCES staff (id);
CREATE INDEX orders_provider_created ON orders (provider_id, created_at, id);

-- One number for a range of an order's cartons (1-based, inclusive). An
-- upload replaces the transfer numbers of each order it names, in one
-- transaction; a number is on one order only.
CREATE TABLE order_transfers (
    id          BIGINT PRIMARY KEY,
    order_id    BIGINT NOT NULL REFERENCES orders (id),
    carton_from BIGINT NOT NULL,
    carton_to   BIGINT NOT NULL,
    -- A carrier code (ups, fedex, amazon…).
    carrier     TEXT   NOT NULL,
    -- Normalised: upper case, letters and digits.
    number      TEXT   NOT NULL,
    uploaded_by TEXT   NOT NULL,
    created_at  BIGINT NOT NULL,
    CONSTRAINT uq_order_transfers_number UNIQUE (number),
    CHECK (carton_from >= 1 AND carton_to >= carton_from)
);
CREATE INDEX order_transfers_order ON order_transfers (order_id, carton_from);
