-- Daily upload quota of chat attachments: the bytes each uploader (member or
-- staff) stored, or holds reserved for an upload under way, per UTC day
-- (`day` = days since 1970-01-01). An upload reserves its bytes with one
-- conditional upsert (`… WHERE bytes + n <= cap`), so parallel uploads
-- cannot pass the cap together; a failed upload gives its bytes back. Rows
-- of past days are pruned by the attachment sweep.
CREATE TABLE upload_quota (
    uploader_kind TEXT   NOT NULL CHECK (uploader_kind IN ('member', 'staff')),
    uploader_id   BIGINT NOT NULL,
    day           BIGINT NOT NULL,
    bytes         BIGINT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    PRIMARY KEY (uploader_kind, uploader_id, day)
);

-- The sweep looks for old attachments that no message names, oldest first.
CREATE INDEX ix_attachments_created ON attachments (created_at);
