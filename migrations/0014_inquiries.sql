-- The inquiry hall (询价大厅): shipping inquiries customers post (from the
-- quote form or a free-text message) for sales to answer with a saved
-- quote, the hall's settings, and the outbox of WeCom group robot messages
-- (企业微信群机器人) that tell the sales group about them.

-- An inquiry. Posted by a customer member (member_id, company_id) or by a
-- staff member for a company or for nobody yet (staff_id). Status moves
-- pending → quoted → won | closed, or pending → closed; every change is
-- one UPDATE conditional on the status read. A customer's delete only
-- hides it from them (deleted_by_customer); staff keep seeing it.
CREATE TABLE inquiries (
    id                  BIGINT PRIMARY KEY,
    number              TEXT   NOT NULL UNIQUE,
    company_id          BIGINT REFERENCES companies (id),
    member_id           BIGINT REFERENCES members (id),
    staff_id            BIGINT REFERENCES staff (id),
    -- The form's QuoteForSearch as JSON, when the inquiry came from it.
    search              TEXT,
    -- The message as written, when it came as free text ('' otherwise).
    text                TEXT   NOT NULL DEFAULT '',
    -- The fields read from the text (parse_inquiry's `fields`), JSON.
    fields              TEXT   NOT NULL DEFAULT '[]',
    -- 1 when the reading missed a key field or doubted one.
    low_confidence      BIGINT NOT NULL DEFAULT 0,
    status              TEXT   NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'quoted', 'won', 'closed')),
    -- The saved quote that answered it (quotes.number).
    quote_number        TEXT   REFERENCES quotes (number),
    answered_by         BIGINT REFERENCES staff (id),
    answered_at         BIGINT,
    deleted_by_customer BIGINT NOT NULL DEFAULT 0,
    -- For the list's search box: number, text, destination, lower case.
    summary             TEXT   NOT NULL,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);
CREATE INDEX ix_inquiries_created ON inquiries (created_at);
CREATE INDEX ix_inquiries_status ON inquiries (status, created_at);
CREATE INDEX ix_inquiries_company ON inquiries (company_id, created_at);
CREATE INDEX ix_inquiries_member ON inquiries (member_id, created_at);

-- The hall's settings, one row a key: 'sla_minutes' (an inquiry pending
-- longer is overdue; 30 when unset) and 'robot_url' (the WeCom group
-- robot's webhook, https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…).
CREATE TABLE inquiry_settings (
    key        TEXT   PRIMARY KEY,
    value      TEXT   NOT NULL,
    updated_by BIGINT REFERENCES staff (id),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- Robot messages to send: written in the transaction of the post they tell
-- of, so a stopped process loses none; a worker claims due ones with a
-- lease (one conditional UPDATE), POSTs `body` to the robot URL set then,
-- and records the answer. An answer other than errcode 0 is retried after
-- 10 s, 20 s, 40 s… and marked failed after six attempts.
CREATE TABLE robot_messages (
    id              BIGINT PRIMARY KEY,
    -- What it is about ('inquiry', the inquiry's id).
    inquiry_id      BIGINT REFERENCES inquiries (id),
    -- The JSON body as WeCom takes it ({"msgtype": "markdown", …}).
    body            TEXT   NOT NULL,
    status          TEXT   NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    leased_until    BIGINT NOT NULL DEFAULT 0,
    -- The robot's last answer or why it could not be reached.
    last_error      TEXT,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT
);
CREATE INDEX ix_robot_messages_due ON robot_messages (status, next_attempt_at);
