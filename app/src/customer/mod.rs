//! Customer companies and members in the admin console.

pub mod api;
pub mod views;
