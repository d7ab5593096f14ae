//! Orders in the portals: the server functions (`api`) and the order pages.

pub mod admin_text;
pub mod api;
pub mod text;
pub mod views;
