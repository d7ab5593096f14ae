//! Webhook subscriptions and their delivery log (admins).

pub mod api;
pub mod views;
