-- An order's change reaches everyone in an open conversation with its
-- company's members (`chat::live::events::order_changed`): the company's
-- unresolved conversations are read by this index.
CREATE INDEX ix_conversations_company ON conversations (company_id, status);
