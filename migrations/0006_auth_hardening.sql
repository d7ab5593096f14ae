-- Hardening of identity: rate limits that hold under bursts, ids unique across
-- instances, API tokens tied to the account's sign-in epoch.

-- Fixed-window counters for every limit (sign-in failures per account, phone
-- and IP; SMS cooldown and daily caps). A hit is reserved by one conditional
-- upsert (`hits < max`, or a new window), so parallel requests cannot pass a
-- limit together; `window_ms` lets the sweep drop ended windows.
CREATE TABLE rate_limits (
    scope        TEXT   PRIMARY KEY,
    hits         BIGINT NOT NULL,
    window_start BIGINT NOT NULL,
    window_ms    BIGINT NOT NULL,
    created_at   BIGINT NOT NULL
);

-- The failure log the limits above replace.
DROP TABLE login_failures;

-- Id generator nodes: each server process leases one of 64 node numbers at
-- start-up (one conditional UPDATE on an expired lease) and renews it; ids
-- carry the node in their low 6 bits, so two instances never make the same id.
CREATE TABLE id_nodes (
    node        BIGINT PRIMARY KEY,
    holder      BIGINT NOT NULL,
    lease_until BIGINT NOT NULL,
    created_at  BIGINT NOT NULL DEFAULT 0
);
INSERT INTO id_nodes (node, holder, lease_until) VALUES
    (0, 0, 0),
    (1, 0, 0),
    (2, 0, 0),
    (3, 0, 0),
    (4, 0, 0),
    (5, 0, 0),
    (6, 0, 0),
    (7, 0, 0),
    (8, 0, 0),
    (9, 0, 0),
    (10, 0, 0),
    (11, 0, 0),
    (12, 0, 0),
    (13, 0, 0),
    (14, 0, 0),
    (15, 0, 0),
    (16, 0, 0),
    (17, 0, 0),
    (18, 0, 0),
    (19, 0, 0),
    (20, 0, 0),
    (21, 0, 0),
    (22, 0, 0),
    (23, 0, 0),
    (24, 0, 0),
    (25, 0, 0),
    (26, 0, 0),
    (27, 0, 0),
    (28, 0, 0),
    (29, 0, 0),
    (30, 0, 0),
    (31, 0, 0),
    (32, 0, 0),
    (33, 0, 0),
    (34, 0, 0),
    (35, 0, 0),
    (36, 0, 0),
    (37, 0, 0),
    (38, 0, 0),
    (39, 0, 0),
    (40, 0, 0),
    (41, 0, 0),
    (42, 0, 0),
    (43, 0, 0),
    (44, 0, 0),
    (45, 0, 0),
    (46, 0, 0),
    (47, 0, 0),
    (48, 0, 0),
    (49, 0, 0),
    (50, 0, 0),
    (51, 0, 0),
    (52, 0, 0),
    (53, 0, 0),
    (54, 0, 0),
    (55, 0, 0),
    (56, 0, 0),
    (57, 0, 0),
    (58, 0, 0),
    (59, 0, 0),
    (60, 0, 0),
    (61, 0, 0),
    (62, 0, 0),
    (63, 0, 0);

-- API tokens end with the account's sign-in epoch (a password reset or
-- disabling), and may carry an expiry.
ALTER TABLE api_tokens ADD COLUMN auth_epoch BIGINT NOT NULL DEFAULT 0;
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
-- Tokens minted before this migration keep working until the next reset.
UPDATE api_tokens SET auth_epoch = (SELECT s.auth_epoch FROM staff s WHERE s.id = api_tokens.staff_id);
