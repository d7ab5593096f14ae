//! Channels (渠道) in the admin console: the list, a channel's page with its
//! price table, surcharges and versions, the editor for ops and admins, and
//! the price table's XLSX import and export. The quote search pages are
//! pricing's; this is the maintenance of what they search.

pub mod api;
pub mod text;
pub mod views;
