//! Channels (渠道) in the admin console: the list, a channel's page with its
//! price table, surcharges and versions, the editor for ops and admins, and
//! the price table's XLSX import and export; the channel libraries with
//! their pre-check and the tag list; the price levels and a company's level
//! on its page. The quote search pages are pricing's; this is the
//! maintenance of what they search and at what price.

pub mod api;
pub mod levels_text;
pub mod library_text;
pub mod rules_text;
pub mod text;
pub mod views;
