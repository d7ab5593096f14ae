//! Partner apps (seed 002's 获取TOKEN, 生成signature, 请求Headers说明): a
//! system outside that calls the server functions as itself.
//!
//! Invariants:
//! - An app acts through its own staff account (`app:<app_id>`, no
//!   password) with the roles an admin gave it, so every rule that applies
//!   to a role applies to it, and what it writes is by it. On top of the
//!   roles: only the functions it was given, only its customer companies
//!   (`Staff::sees_company`), at most its rate a minute.
//! - Its secret is never stored: it is derived from the server's key and a
//!   salt; rotating the salt ends every token of the app.
//! - A signed request (token request, login link) is good for its window
//!   (5 minutes, 60 seconds) and its nonce once: recording the nonce is the
//!   statement that refuses a reused one.
//! - Every call and every refusal of a known app is in its request log.

pub mod model;
pub mod policy;

#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod sign;

#[cfg(all(test, feature = "ssr"))]
mod tests;

pub use model::*;
