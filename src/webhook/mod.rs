//! Webhooks (seed 002 注册回调地址 / 订阅事件): admins register callback
//! URLs with the events they want; each outbox event (`crate::events`) of a
//! subscribed topic becomes one delivery per webhook, POSTed as JSON and
//! signed:
//!
//! - `X-Shipdesk-Event`: the event name (`message.created`, …);
//! - `X-Shipdesk-Event-Id`: unique per event, the same on every retry;
//! - `X-Shipdesk-Timestamp`: Unix seconds of this attempt;
//! - `X-Shipdesk-Signature`: `sha256=` + hex HMAC-SHA256 with the webhook's
//!   secret over `<timestamp>.<body>`.
//!
//! A 2xx answer delivers; anything else (a redirect too) is retried after
//! 10 s, 20 s, 40 s… up to `MAX_ATTEMPTS`, then marked failed. Every
//! delivery is listed with its status, attempts and last answer; finished
//! ones are pruned after 30 days.
//!
//! Invariants:
//! - A secret is shown once, on create or rotation; lists show a hint.
//! - A webhook reaches only public addresses unless `Config::webhook_allow`
//!   lists it (`target`); names are checked on the addresses connected to.
//! - A delivery is attempted by one claimer at a time (a lease set by one
//!   conditional UPDATE); a webhook has at most `PER_HOOK` attempts in
//!   flight; paused webhooks' deliveries wait and hold up nothing.
//!
//! Each webhook has an envelope (`envelope`): Shipdesk's body above, or
//! seed 002's v2 event format for partners of the old ChatMess API; the
//! headers and signature are the same for both.
//!
//! Files: `model` (types, checks shared with the client), `target` (which
//! addresses), `client` (the HTTP client), `service` (set-up, fan-out of
//! outbox events), `envelope` (the bodies' shapes), `deliver` (claims,
//! attempts, retries), `repo` (SQL).

#[cfg(feature = "ssr")]
pub mod client;
#[cfg(feature = "ssr")]
pub mod deliver;
#[cfg(feature = "ssr")]
pub mod envelope;
pub mod model;
pub mod policy;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod target;

pub use model::*;

#[cfg(all(test, feature = "ssr"))]
mod tests;
