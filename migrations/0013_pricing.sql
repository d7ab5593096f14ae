-- Pricing (查价): channels with their rate tables, every version of each
-- table, and saved quotes. A channel's whole definition (zones, breaks,
-- surcharges, schedule) is one JSON document the engine loads into memory;
-- the columns beside it are what lists filter and sort by. Money in fen.

-- A carrier service line (渠道). `table_version` goes up by one on every
-- change, by a conditional UPDATE on the version read, so that two editors
-- never overwrite each other unseen.
CREATE TABLE channels (
    id            BIGINT PRIMARY KEY,
    name          TEXT   NOT NULL,
    mode          TEXT   NOT NULL,
    carrier       TEXT   NOT NULL,
    country       TEXT   NOT NULL,
    enabled       BIGINT NOT NULL DEFAULT 1,
    special       BIGINT NOT NULL DEFAULT 0,
    -- The Channel as JSON, without its id and version (those are columns).
    definition    TEXT   NOT NULL,
    table_version BIGINT NOT NULL DEFAULT 1,
    updated_by    BIGINT REFERENCES staff (id),
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX ix_channels_country ON channels (country, mode);

-- Every version of a channel's definition, the first included: a saved
-- quote names the version it was priced on, and this is that version.
CREATE TABLE channel_versions (
    channel_id BIGINT NOT NULL REFERENCES channels (id),
    version    BIGINT NOT NULL,
    definition TEXT   NOT NULL,
    changed_by BIGINT REFERENCES staff (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (channel_id, version)
);

-- Document numbers by day (Q20261202-0007 for quotes, I… for inquiries,
-- orders later): one counter a prefix and day, taken by one upsert so that
-- parallel saves never share a number (crate::db::next_number).
CREATE TABLE day_counters (
    prefix     TEXT   NOT NULL,
    day        TEXT   NOT NULL,
    last       BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (prefix, day)
);

-- A saved quote: an immutable snapshot of one plan and the search that
-- gave it. Saved by a customer member (member_id, company_id) or a staff
-- member (staff_id, and company_id when it is for a customer).
CREATE TABLE quotes (
    id            BIGINT PRIMARY KEY,
    number        TEXT   NOT NULL UNIQUE,
    company_id    BIGINT REFERENCES companies (id),
    member_id     BIGINT REFERENCES members (id),
    staff_id      BIGINT REFERENCES staff (id),
    channel_id    BIGINT NOT NULL REFERENCES channels (id),
    table_version BIGINT NOT NULL,
    total_fen     BIGINT NOT NULL,
    -- The last day the price holds, YYYY-MM-DD.
    valid_until   TEXT   NOT NULL,
    -- The QuoteForSearch and the Plan, as JSON.
    search        TEXT   NOT NULL,
    plan          TEXT   NOT NULL,
    -- For the list's search box: number, channel name, destination.
    summary       TEXT   NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX ix_quotes_company ON quotes (company_id, created_at);
CREATE INDEX ix_quotes_member ON quotes (member_id, created_at);
CREATE INDEX ix_quotes_staff ON quotes (staff_id, created_at);

-- Customer price levels (价格等级): a markup or discount over the table
-- (cost) price, in basis points (800 = +8 %), with modes of their own in
-- `by_mode` (JSON [{"mode", "bp"}]). Companies without a level get the one
-- marked default; with no levels at all, customers pay the table price.
CREATE TABLE price_levels (
    id         BIGINT PRIMARY KEY,
    name       TEXT   NOT NULL,
    default_bp BIGINT NOT NULL,
    by_mode    TEXT   NOT NULL DEFAULT '[]',
    -- The channel libraries its searches use (JSON [id]); [] is every channel.
    libraries  TEXT   NOT NULL DEFAULT '[]',
    is_default BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT uq_price_levels_name UNIQUE (name)
);

-- A company's level, when it is not the default.
CREATE TABLE company_price_levels (
    company_id BIGINT PRIMARY KEY REFERENCES companies (id),
    level_id   BIGINT NOT NULL REFERENCES price_levels (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX ix_company_price_levels_level ON company_price_levels (level_id);

-- Channel libraries (渠道库): channels picked by tag rules plus manual
-- includes and excludes; the definition (rules, include, exclude) as JSON.
CREATE TABLE channel_libraries (
    id         BIGINT PRIMARY KEY,
    name       TEXT   NOT NULL,
    definition TEXT   NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CONSTRAINT uq_channel_libraries_name UNIQUE (name)
);

-- The line tags channels may carry (查询线路标签下拉), kept by ops and admins.
CREATE TABLE channel_tags (
    name       TEXT   PRIMARY KEY,
    created_at BIGINT NOT NULL
);

-- Pickup windows per origin city (查询上门揽收时间): weekdays as JSON
-- (["mon", …], [] every day), HH:MM times, pickups a day.
CREATE TABLE pickup_slots (
    id         BIGINT PRIMARY KEY,
    city       TEXT   NOT NULL,
    weekdays   TEXT   NOT NULL DEFAULT '[]',
    start_time TEXT   NOT NULL,
    end_time   TEXT   NOT NULL,
    capacity   BIGINT NOT NULL,
    enabled    BIGINT NOT NULL DEFAULT 1,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX ix_pickup_slots_city ON pickup_slots (city);
