-- How far each order export (直客导出订单详情) has got, for the progress
-- bar of the page that asked for it: the page names its export with an id
-- of its own (`?progress=…`), the download writes the rows done as it
-- goes, and the page reads them (`get_export_progress`). Rows belong to
-- their caller (`owner`: `member:<id>` or `staff:<id>`); a day later they
-- are deleted when the same caller starts another export.
CREATE TABLE export_progress (
    owner       TEXT    NOT NULL,
    id          TEXT    NOT NULL,
    -- The rows the export will hold (counted before the first), and those
    -- handed on so far.
    total       BIGINT  NOT NULL,
    done        BIGINT  NOT NULL DEFAULT 0,
    -- When the file was complete (epoch ms); NULL while it is written.
    finished_at BIGINT,
    failed      BIGINT  NOT NULL DEFAULT 0,
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL,
    PRIMARY KEY (owner, id)
);
