//! Identity: staff accounts (account + password, roles) and customer members
//! (phone + SMS code), who is signed in, and the rules that keep sign-in safe:
//! argon2id off the async runtime behind a time-bounded queue, failure slots
//! reserved per account (or phone) and per IP before any password or code is
//! checked, and
//! single-use, hashed, short-lived SMS codes with resend and daily caps.
//!
//! Invariants: a disabled staff member or member is never a principal; a
//! principal is re-read from the database on every request, so role changes,
//! password resets and disabling take effect at once.

#[cfg(feature = "ssr")]
pub mod api_token;
#[cfg(feature = "ssr")]
pub mod code_repo;
pub mod model;
pub mod next;
#[cfg(feature = "ssr")]
pub mod otp;
#[cfg(feature = "ssr")]
pub mod password;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod session_repo;
#[cfg(feature = "ssr")]
pub mod sms;
#[cfg(feature = "ssr")]
pub mod throttle;
#[cfg(feature = "ssr")]
pub mod token_repo;

pub use model::*;
pub use next::safe_next;

#[cfg(all(test, feature = "ssr"))]
mod tests;
#[cfg(all(test, feature = "ssr"))]
mod tests_burst;
#[cfg(all(test, feature = "ssr"))]
mod tests_tokens;
