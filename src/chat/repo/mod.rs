//! SQL of chat, one file per table or close group of tables: SQL only,
//! as named statements each file lists in `STATEMENTS` (prepared on both
//! databases by `crate::statements`). Functions that must run together
//! take a connection (`&mut *tx`); the services own the transactions.
//!
//! `conversation` (the row, its lock, seqs, read marks), `message`,
//! `assignment` (status changes under an agent's cap, the queue, stale
//! assignments), `list` (conversation lists with names), `desk` (desks
//! and who serves which), `agent` (states, caps, loads, away), `canned`
//! (canned replies), `attachment` (files and the upload quota), `live`
//! (sockets' leases, NOTIFY).

pub mod agent;
pub mod assignment;
pub mod attachment;
pub mod canned;
pub mod conversation;
pub mod desk;
pub mod list;
pub mod live;
pub mod message;
