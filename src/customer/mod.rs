//! Customer companies (客户) and their members. A company has a unique
//! customer code, an owner salesperson and a certification status.
//!
//! Visibility: admin, cs, ops and finance see every company; a salesperson
//! sees the companies they own; providers see none; a member sees only their
//! own company. Full phone numbers are shown to admins and the owner
//! salesperson; everyone else sees them masked (`170****6528`).

pub mod model;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;

pub use model::*;
pub use policy::*;

#[cfg(all(test, feature = "ssr"))]
mod tests;
