//! Pricing (查价): channels with their rate tables and surcharge rules, the
//! quote engine that prices a shipment on every channel that takes it, and
//! the free-text inquiry parser. Everything here is pure: no I/O, no clock
//! (callers pass `today`), no database; persistence and services come later
//! behind `ssr`.
//!
//! Invariants:
//! - Money is integer fen (CNY); quantities are integer thousandths of the
//!   table's unit ([`Qty`]: grams or litres), so breaks, minimums and
//!   rounding are exact.
//! - A channel in a [`Catalogue`] has passed [`Channel::check`]: zones with
//!   breaks strictly ascending, fees between zero and [`MAX_FEE_FEN`], date
//!   and day ranges in order. So no plan has a negative line or total.
//! - A plan's total is the sum of its lines; its freight never falls as the
//!   chargeable quantity grows (a higher break wins when cheaper).
//! - A search returns every matching plan, cheapest first; `explain` gives
//!   every reason a channel of the country does not match.
//! - The inquiry parser is deterministic and offline: the same text and day
//!   give the same fields; it reports what it found, never a guess.

pub mod demo;
pub mod inquiry;
pub mod model;
pub mod quote;
#[cfg(feature = "ssr")]
pub mod service;

pub use inquiry::{parse_inquiry, Field, FieldName, Inquiry};
pub use model::*;
pub use quote::{explain, explain_channel, search, Catalogue};
