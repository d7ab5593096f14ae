//! Tracking (送仓单号的快递与轨迹): which courier issued a tracking number,
//! and the events couriers report for it.
//!
//! - [`courier`] detects the carrier from the number alone: pure, ranked
//!   candidates with a confidence in 0–1, check digits verified where the
//!   carrier prints one, re-ranked (never extended) by context.
//! - A tracking number is stored normalised ([`TrackingNumber::parse`]):
//!   upper-case ASCII letters and digits, at most 40.
//! - Events come from a [`provider`] (Kuaidi100, or the demo when
//!   configured) by query or by push, normalised to a [`TrackStatus`] with
//!   the provider's raw words, time and place kept beside it.
//! - Each event is stored once per (carrier, number): its key is a hash of
//!   its time and text, unique in the table, so replayed pushes and
//!   queries repeating a push store nothing. A push is stored only after
//!   its signature is verified, and all of it or nothing (one transaction).
//! - The last known state of a number moves only to that of a newer event
//!   (one conditional UPDATE), so a late push never rolls it back.
//! - Numbers are keyed by (carrier, number), not by order: the orders
//!   domain links to them.

pub mod check_digit;
pub mod courier;
pub mod model;
#[cfg(feature = "ssr")]
pub mod provider;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(all(test, feature = "ssr"))]
mod tests;
#[cfg(test)]
mod tests_courier;

pub use courier::{detect, detect_courier, normalise};
pub use model::*;
