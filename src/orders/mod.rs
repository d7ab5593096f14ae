//! Orders (订单): pre-orders booked from saved quotes, confirmed by ops into
//! orders, moved along one timeline; the cartons measured at the warehouse
//! and the price adjusted for them; the delivery tracking numbers (送仓单号)
//! of each order.
//!
//! Invariants:
//! - An order is booked from a saved quote of its own company, at the
//!   quote's price (priced again on the booking day, with a notice, when the
//!   quote expired); once per client key, so a resend books nothing new.
//! - Its status changes only by moves [`flow::check`] allows, each one
//!   UPDATE conditional on the version and status read, with its timeline
//!   row and its outbox event (`order.created`, `order.status_changed`,
//!   `order.adjusted`) in the same transaction.
//! - Measured cartons are priced on the table version and day the order was
//!   priced on; the adjustment's lines sum to the totals' difference.
//! - A customer sees only their company's orders and never the cost; a
//!   salesperson their companies' and their quick orders; ops and admins all.
//! - A tracking number is on one order only (a unique column).
//! - An alert (异常预警) is raised once per (order, kind, dedupe key), by
//!   INSERT … ON CONFLICT DO NOTHING with its `order.alert` outbox event
//!   in the same transaction; it is closed once, by one UPDATE conditional
//!   on `open`. Telling the customer in chat follows the commit and never
//!   fails the raise.

pub mod adjust;
pub mod alert;
pub mod check;
pub mod export;
pub mod flow;
pub mod model;
pub mod pickup;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
#[cfg(all(test, feature = "ssr"))]
mod tests_alert;
#[cfg(all(test, feature = "ssr"))]
mod tests_pickup;
#[cfg(all(test, feature = "ssr"))]
mod tests_tracking;
#[cfg(all(test, feature = "ssr"))]
mod tests_transfers;
pub mod transfer;
#[cfg(feature = "ssr")]
pub mod transfer_xlsx;

pub use model::*;
