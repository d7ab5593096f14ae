//! Pricing (查价): channels with their rate tables and surcharge rules, the
//! quote engine that prices a shipment on every channel that takes it, and
//! the free-text inquiry parser. The engine and the parser are pure: no
//! I/O, no clock (callers pass `today`), no database; storage, the
//! in-memory catalogue and services are behind `ssr` (`repo`, `live`,
//! `service`), rules of who may do what in `policy`.
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
//! - A saved quote is priced again on the server from its search; the
//!   client's figures are never stored. Its number comes from one upsert of
//!   a per-day counter, so parallel saves never share one.
//! - A channel's definition changes only by an UPDATE conditional on the
//!   version read (`table_version`), and each version is kept; a quote
//!   names the version it was priced on.
//! - The in-memory catalogue is reloaded after every committed change, on
//!   every instance (NOTIFY `shipdesk_pricing` on PostgreSQL).
//! - A price table read from a spreadsheet ([`sheet`]) is all or nothing:
//!   any bad cell gives every error at its row and column and no table.
//! - The inquiry parser is deterministic and offline: the same text and day
//!   give the same fields; it reports what it found, never a guess.

pub mod demo;
pub mod inquiry;
pub mod inquiry_hall;
pub mod level;
pub mod library;
#[cfg(feature = "ssr")]
pub mod live;
pub mod model;
pub mod pickup;
pub mod policy;
pub mod quote;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
pub mod sheet;
#[cfg(all(test, feature = "ssr"))]
mod tests;
#[cfg(all(test, feature = "ssr"))]
mod tests_levels;
#[cfg(all(test, feature = "ssr"))]
mod tests_tables;
#[cfg(all(test, feature = "ssr"))]
mod tests_uses;

pub use inquiry::{parse_inquiry, Field, FieldName, Inquiry};
pub use level::{CompanyPriceLevel, ModeAdjustment, PriceLevel, PriceLevelForSave};
pub use library::{ChannelLibrary, LibraryConflict, LibraryForSave, LibraryPrecheck, LibraryRules};
pub use model::*;
pub use pickup::{PickupDay, PickupSlot, PickupSlotForSave, PickupTime};
pub use quote::{explain, explain_channel, search, Catalogue};
