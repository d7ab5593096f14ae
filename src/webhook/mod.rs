//! Webhooks (seed 002 注册回调地址 / 订阅事件): admins register callback
//! URLs with the events they want; each chat event becomes one delivery per
//! subscribed webhook, POSTed as JSON and signed:
//!
//! - `X-Shipdesk-Event`: the event name (`message.created`, …);
//! - `X-Shipdesk-Event-Id`: unique per event, the same on every retry;
//! - `X-Shipdesk-Timestamp`: Unix seconds of this attempt;
//! - `X-Shipdesk-Signature`: `sha256=` + hex HMAC-SHA256 with the webhook's
//!   secret over `<timestamp>.<body>`.
//!
//! A 2xx answer delivers; anything else is retried after 10 s, 20 s, 40 s…
//! up to `MAX_ATTEMPTS`, then marked failed. Every delivery is listed with its
//! status, attempts and last answer. The hub hands each locally published
//! event to `service::enqueue` (so with several instances each event is
//! enqueued once, by the instance that published it).

pub mod model;
#[cfg(feature = "ssr")]
pub mod repo;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod target;

pub use model::*;

#[cfg(all(test, feature = "ssr"))]
mod tests;
