//! Tracking providers: who is asked for a number's events, and who pushes
//! them. [`kuaidi100`] is the real one (Kuaidi100's query and subscription
//! protocol); [`demo`] makes up plausible events and is on only when
//! configured (`SHIPDESK_TRACKING_DEMO=1`). A provider answers in the
//! normalised [`TrackEvent`]s, the raw words kept beside them.

pub mod demo;
pub mod kuaidi100;

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use super::model::{Carrier, TrackEvent, TrackStatus, TrackingNumber};
use crate::db::Clock;
use crate::types::Timestamp;

pub use kuaidi100::Kuaidi100Config;

/// A future a provider returns (providers are shared as trait objects).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A number to ask about.
#[derive(Debug, Clone, Copy)]
pub struct TrackRequest<'a> {
    pub carrier: Carrier,
    pub number: &'a TrackingNumber,
    /// The sender's or receiver's phone (SF asks for it; its last four
    /// digits are enough).
    pub phone: Option<&'a str>,
}

/// What a provider knows of a number.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrackReport {
    /// The number's state as the provider sums it up, with its own word.
    pub state: Option<(TrackStatus, String)>,
    /// Every event it knows, in any order.
    pub events: Vec<TrackEvent>,
}

/// Why a provider could not answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProviderError {
    /// No event yet (the carrier has not scanned the parcel).
    #[error("no result yet")]
    NoResult,
    /// The carrier or the provider does not take this number.
    #[error("number refused: {0}")]
    NumberRefused(String),
    /// The carrier wants a phone number with the query.
    #[error("the carrier wants the phone number")]
    PhoneRequired,
    /// The provider does not serve this carrier.
    #[error("carrier not served")]
    CarrierUnsupported,
    /// Our account was refused (credentials, signature, balance).
    #[error("account refused: {0}")]
    Account(String),
    /// Unreachable, busy, or an answer not in its format.
    #[error("unavailable: {0}")]
    Unavailable(String),
}

/// Where tracking events come from.
pub trait TrackingProvider: Send + Sync {
    /// A short, stable name, stored with each event (`kuaidi100`, `demo`).
    fn name(&self) -> &'static str;

    /// Every event the provider has for a number now.
    fn query<'a>(
        &'a self,
        req: TrackRequest<'a>,
    ) -> BoxFuture<'a, Result<TrackReport, ProviderError>>;

    /// Asks the provider to push the number's events as they come; asking
    /// again for a number already followed is no error.
    fn subscribe<'a>(&'a self, req: TrackRequest<'a>) -> BoxFuture<'a, Result<(), ProviderError>>;
}

/// Tracking settings (`SHIPDESK_KUAIDI100_*`, `SHIPDESK_TRACKING_DEMO`).
#[derive(Debug, Clone, Default)]
pub struct TrackingConfig {
    /// The Kuaidi100 account; none: no real provider.
    pub kuaidi100: Option<Kuaidi100Config>,
    /// The demo provider: made-up events, labelled 【演示】 (never with
    /// Kuaidi100, never in production).
    pub demo: bool,
}

/// How long before start-up the demo's parcels set off, so that some have
/// arrived already.
pub const DEMO_HEAD_START_MS: i64 = 72 * 3600 * 1000;

/// The provider `config` names, if any.
pub fn from_config(config: &TrackingConfig, clock: &Clock) -> Option<Arc<dyn TrackingProvider>> {
    if let Some(k) = &config.kuaidi100 {
        return Some(Arc::new(kuaidi100::Kuaidi100::new(k.clone())));
    }
    if config.demo {
        let start = Timestamp(clock.now_ms() - DEMO_HEAD_START_MS);
        return Some(Arc::new(demo::DemoProvider::new(start, clock.clone())));
    }
    None
}
