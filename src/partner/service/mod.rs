//! Partner app services: set-up by admins (`admin`), and what apps do
//! (`access`: tokens, the bearer check every call passes, login links, the
//! request log).

pub mod access;
pub mod admin;

pub use access::*;
pub use admin::*;
