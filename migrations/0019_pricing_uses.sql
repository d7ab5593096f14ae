-- What uses a line tag or a channel library, as rows a foreign key guards.
-- The JSON definitions (channels.definition's tags, price_levels.libraries)
-- stay what the engine and the pages read; these rows follow them in the
-- same transaction. So deleting a tag a channel carries, or a library a
-- price level uses, is one conditional DELETE (… AND NOT EXISTS …), and a
-- channel saved with a tag deleted meanwhile fails on the key instead of
-- keeping a tag the list no longer has.

-- The tags each channel carries.
CREATE TABLE channel_tag_uses (
    channel_id BIGINT NOT NULL REFERENCES channels (id),
    tag        TEXT   NOT NULL REFERENCES channel_tags (name),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (channel_id, tag)
);
CREATE INDEX ix_channel_tag_uses_tag ON channel_tag_uses (tag);

-- The libraries each price level's searches use; they go with the level.
CREATE TABLE price_level_libraries (
    level_id   BIGINT NOT NULL REFERENCES price_levels (id) ON DELETE CASCADE,
    library_id BIGINT NOT NULL REFERENCES channel_libraries (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (level_id, library_id)
);
CREATE INDEX ix_price_level_libraries_library ON price_level_libraries (library_id);

-- The uses stored so far, read from the JSON with what both databases have.
-- A library list is serde's compact `[1,2]`, so `,1,` in `,1,2,` is exact.
-- A tag is found as its quoted name after the definition's `"tags":[`
-- (only the enabled flag and the version follow it); a tag holding a quote
-- or a backslash, written escaped, is not found.
INSERT INTO price_level_libraries (level_id, library_id, created_at)
SELECT l.id, b.id, l.updated_at
FROM price_levels l
JOIN channel_libraries b
  ON (',' || REPLACE(REPLACE(l.libraries, '[', ''), ']', '') || ',')
     LIKE ('%,' || CAST(b.id AS TEXT) || ',%');

INSERT INTO channel_tag_uses (channel_id, tag, created_at)
SELECT c.id, t.name, c.updated_at
FROM channels c
JOIN channel_tags t
  ON c.definition LIKE ('%"tags":[%"' || t.name || '"%');
