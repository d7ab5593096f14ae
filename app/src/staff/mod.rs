//! The admin console's shell and staff management.

pub mod api;
pub mod views;
