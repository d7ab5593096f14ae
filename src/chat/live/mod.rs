//! Chat's live layer: the WebSocket side of conversations.
//!
//! `hub` (this instance's sockets and the fan-out of events to exactly the
//! sockets entitled to them), `pg` (the same fan-out across instances on
//! PostgreSQL, LISTEN/NOTIFY), `events` (what services publish once their
//! change is committed, and whom each reaches), `socket` (one socket's
//! session: commands, catch-up after a reconnect, exactly-once delivery),
//! `presence` (agents' sockets on every instance, the grace period, leases).

pub mod events;
pub mod hub;
pub mod pg;
pub mod presence;
pub mod socket;
