//! Pricing's server functions (the free-text inquiry so far).

pub mod api;
