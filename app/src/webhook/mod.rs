//! Webhook subscriptions and their delivery log (admins).

pub mod api;
pub mod text;
pub mod views;
