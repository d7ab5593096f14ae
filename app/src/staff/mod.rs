//! The admin console's shell and staff management.

pub mod api;
pub mod text;
pub mod views;
