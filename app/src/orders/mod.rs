//! Orders in the portals: the server functions (`api`, `alert_api`) and the
//! order pages.

pub mod admin_text;
pub mod alert_api;
pub mod alert_text;
pub mod api;
pub mod text;
pub mod transfer_text;
pub mod views;
