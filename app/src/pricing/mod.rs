//! Pricing's server functions (the free-text inquiry so far), and the
//! inquiry hall's (`hall_api`).

pub mod api;
pub mod hall_api;
