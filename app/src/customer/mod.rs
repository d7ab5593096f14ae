//! Customer companies and members in the admin console.

pub mod api;
pub mod text;
pub mod views;
