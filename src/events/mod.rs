//! The outbox: events that leave the process (webhooks today; orders,
//! tracking and payments publish here too). It knows no domain: an event is
//! a topic (`message.created`, `order.paid`…), the aggregate it is about, a
//! JSON payload and the time it happened.
//!
//! Invariants:
//! - An event is written with `repo::insert(&mut *tx, …)` in the transaction
//!   of the change it reports: it exists if and only if the change committed,
//!   and a restart loses none.
//! - A worker takes pending events with [`service::claim`], one conditional
//!   UPDATE that sets a lease and a fresh token, so two workers (or two
//!   instances) never hold one event together. It hands each event on and
//!   marks it with [`repo::complete`] in the transaction of the hand-on; a
//!   worker whose lease ran out (and was re-claimed) completes nothing, its
//!   transaction rolls back. An event is handed on at least once and its
//!   effects are committed exactly once.
//! - Processed events are pruned after [`service::KEEP_PROCESSED_MS`].

pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;

pub use model::*;

#[cfg(all(test, feature = "ssr"))]
mod tests;
