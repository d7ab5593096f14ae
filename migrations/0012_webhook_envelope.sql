-- The shape of a webhook's bodies: 'shipdesk' (`{event, event_id,
-- occurred_at, data}`), or 'chatmess', seed 002's v2 envelope (`{requestId,
-- errmsg, succeed, msgTime, eventType, values, errdesc}`) for partners of
-- the old ChatMess API who register through /v2/Callback/Register. Existing
-- webhooks keep Shipdesk's shape.
ALTER TABLE webhooks ADD COLUMN envelope TEXT NOT NULL DEFAULT 'shipdesk'
    CHECK (envelope IN ('shipdesk', 'chatmess'));
