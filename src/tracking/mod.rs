//! Tracking (送仓单号的快递与轨迹): which courier issued a tracking number,
//! and the events couriers report for it.
//!
//! - [`courier`] detects the carrier from the number alone: pure, ranked
//!   candidates with a confidence in 0–1, check digits verified where the
//!   carrier prints one, re-ranked (never extended) by context.
//! - A tracking number is stored normalised ([`TrackingNumber::parse`]):
//!   upper-case ASCII letters and digits, at most 40.

pub mod check_digit;
pub mod courier;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(test)]
mod tests_courier;

pub use courier::{detect, detect_courier, normalise};
pub use model::*;
