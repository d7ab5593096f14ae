-- Chat's "CS roles" become desks (售前, 售后, 财务…): "role" already means a
-- staff permission (`staff.roles`), so the chat tables and columns say desk.
-- Only names change; rows, keys and references stay. Portable: ALTER TABLE
-- … RENAME TO / RENAME COLUMN run on SQLite (3.25+, which also rewrites the
-- references, indexes and foreign keys naming them) and on PostgreSQL.

ALTER TABLE cs_roles RENAME TO desks;
-- Which desks an agent serves.
ALTER TABLE cs_agent_roles RENAME TO agent_desks;

ALTER TABLE agent_desks RENAME COLUMN role_id TO desk_id;
ALTER TABLE conversations RENAME COLUMN role_id TO desk_id;
-- `desk_id` NULL: a canned reply for every desk.
ALTER TABLE canned_replies RENAME COLUMN role_id TO desk_id;

-- Indexes keep their columns through the renames; those named after the
-- role are made again under the desk's name (neither database renames an
-- index portably). `uq_conversations_active` (one unresolved conversation
-- per member and desk) keeps its name.
DROP INDEX ix_cs_agent_roles_role;
CREATE INDEX ix_agent_desks_desk ON agent_desks (desk_id);
DROP INDEX ix_conversations_role;
CREATE INDEX ix_conversations_desk ON conversations (desk_id, status, created_at);
DROP INDEX ix_canned_replies_role;
CREATE INDEX ix_canned_replies_desk ON canned_replies (desk_id);

-- Constraints cannot be renamed on SQLite, so on PostgreSQL the desk code's
-- unique constraint keeps its name `uq_cs_roles_code` (and the primary key
-- of agent_desks `cs_agent_roles_pkey`). A conflict is still named by the
-- constraint's last part, `code`, as SQLite's `desks.code` is: the code's
-- conflict reaches the person as before.
