//! Customer-service chat (客服会话): desks (售前, 售后, 财务…), the agents
//! who serve them with a cap on concurrent conversations, conversations
//! between one member and the platform, and their messages.
//!
//! A conversation is queued → open (assigned) → resolved. Routing gives a new
//! or re-opened conversation to the least-loaded online agent of its desk
//! under their cap, else it waits in the desk's queue, drained oldest first
//! when an agent comes online, gets more room or resolves a conversation.
//! Desks may move stale conversations on (assignee offline, or a customer
//! waiting N minutes); a background job calls
//! `service::agent::reassign_stale`.
//!
//! Files: `model` (types, parsing), `card` (quote and order cards: a saved quote or an order
//! named by its number, rendered live by whoever reads it), `policy` (which staff roles chat
//! admits), `routing` (pure rules: who gets a conversation, who may touch
//! one), `file_type` (pure rules of attachment files), `wire` (socket
//! frames, shared with the client); behind `ssr`, `repo/` (the SQL, one file
//! per table), `service/` (what people and jobs do: sends, reads, routing
//! and queues, transfers and hand-overs, set-up, lists, send rates,
//! attachments, the outbox of webhook events), `live/` (the hub that fans
//! events out to sockets, across instances on PostgreSQL, what services
//! publish live, one socket's session, presence). Background loops that
//! drive chat (reassignment, queue drains, presence leases, the attachment
//! sweep) are the server's jobs.
//!
//! Invariants:
//! - Messages of a conversation are numbered 1, 2, 3… without gaps: the seq
//!   is taken (`last_seq = last_seq + 1 … RETURNING`) in the transaction that
//!   inserts the message, after a no-op write that locks the conversation.
//!   A message is returned to its sender only once committed.
//! - (conversation, sender, client id) is unique: a resend returns the stored
//!   message and stores nothing.
//! - Read marks (`customer_read_seq`, `staff_read_seq`) only move forward and
//!   never past `last_seq`; unread counts derive from them. Sending moves the
//!   sender's own side's mark.
//! - An agent never holds more open conversations than their cap: each
//!   assignment locks the agent's row, then updates the conversation only if
//!   it is still as expected and the agent's open count is under the cap.
//! - A member has at most one unresolved conversation per desk, and reaches
//!   only their own conversations (others' do not exist for them). Staff
//!   need the cs or admin role; an agent acts only on conversations assigned
//!   to them and reads those of the desks they serve; admins do anything.
//! - Notes are staff-only: members never receive them, so a member's seqs
//!   may skip the notes' numbers (a client must not read such a gap as loss).
//!
//! Lock order on PostgreSQL: an agent's row before a conversation's row;
//! sending locks only the conversation, and routing runs after its commit.

pub mod card;
pub mod file_type;
pub mod model;
pub mod policy;
pub mod routing;
pub mod wire;

#[cfg(feature = "ssr")]
pub mod live;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;

pub use card::{NumberedCard, OrderCard, QuoteCard};
pub use model::*;

#[cfg(all(test, feature = "ssr"))]
mod tests;
