//! The state every request handler and server function shares: the pool,
//! configuration, the password hasher, the SMS sender, the clock and the
//! chat hub.

use std::sync::Arc;

use crate::auth::password::PasswordHasher;
use crate::auth::sms::{LogSmsSender, SmsSender};
use crate::chat::live::hub::Hub;
use crate::db::{Clock, Db};

/// Settings read from the environment by the server binary.
#[derive(Debug, Clone)]
pub struct Config {
    /// Dev mode: cookies without `Secure`, and the SMS code shown on the login page.
    pub dev_mode: bool,
    /// Key of the HMAC that stores SMS codes.
    pub otp_secret: Vec<u8>,
    /// A session ends after this long without a request…
    pub session_idle_secs: i64,
    /// …and this long after sign-in, whatever happens.
    pub session_absolute_secs: i64,
    /// An agent whose last socket closed is set offline after this long
    /// (a reload or a short network loss does not reassign their chats).
    pub presence_grace_secs: u64,
    /// How often a chat socket checks that its session still holds.
    pub socket_recheck_secs: u64,
    /// Where chat attachments are stored.
    pub upload_dir: std::path::PathBuf,
    /// The largest attachment accepted, in bytes.
    pub upload_max_bytes: usize,
    /// Proxies whose `X-Forwarded-For` is believed (`SHIPDESK_TRUSTED_PROXIES`).
    pub trusted_proxies: Vec<crate::net::IpNet>,
    /// The origin browsers reach the site at (`SHIPDESK_PUBLIC_ORIGIN`), e.g.
    /// `https://desk.example.com`; writes from any other origin are refused.
    /// Unset: the request's own `Host`.
    pub public_origin: Option<String>,
    /// Bytes of attachments one member (or staff member) may upload per UTC day.
    pub upload_daily_bytes: u64,
    /// Hosts and networks webhooks may reach although not public.
    pub webhook_allow: crate::webhook::target::AllowList,
    /// Where the older APIs' endpoints are served (`SHIPDESK_COMPAT_PREFIX`):
    /// empty (the seeds' own paths) or a path like `/legacy`.
    pub compat_prefix: String,
    /// Read the pricing catalogue from the database for every search
    /// (`SHIPDESK_PRICING_FROM_DB=1`): only to measure what the in-memory
    /// catalogue saves.
    pub pricing_from_db: bool,
    /// Where tracking events come from (Kuaidi100, the demo, or none).
    pub tracking: crate::tracking::provider::TrackingConfig,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dev_mode: true,
            otp_secret: b"shipdesk-dev-otp-secret".to_vec(),
            session_idle_secs: 2 * 3600,
            session_absolute_secs: 24 * 3600,
            presence_grace_secs: 30,
            socket_recheck_secs: 60,
            upload_dir: std::env::temp_dir().join("shipdesk-uploads"),
            upload_max_bytes: 10 * 1024 * 1024,
            trusted_proxies: Vec::new(),
            public_origin: None,
            upload_daily_bytes: 200 * 1024 * 1024,
            webhook_allow: Default::default(),
            compat_prefix: String::new(),
            pricing_from_db: false,
            tracking: Default::default(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub hasher: PasswordHasher,
    pub sms: Arc<dyn SmsSender>,
    pub clock: Clock,
    /// Live chat sockets and the fan-out of events to them.
    pub hub: Hub,
    /// The pricing catalogue in memory.
    pub pricing: crate::pricing::live::Catalogues,
    /// The tracking provider `config.tracking` names; none: tracking
    /// queries are refused and pushes are not expected.
    pub tracking: Option<Arc<dyn crate::tracking::provider::TrackingProvider>>,
}

impl AppState {
    pub fn new(db: Db, config: Config) -> Self {
        let clock = Clock::System;
        AppState {
            tracking: crate::tracking::provider::from_config(&config.tracking, &clock),
            db,
            sms: Arc::new(LogSmsSender {
                show_code: config.dev_mode,
            }),
            config: Arc::new(config),
            hasher: PasswordHasher::default(),
            clock,
            hub: Hub::default(),
            pricing: Default::default(),
        }
    }
    pub fn now(&self) -> i64 {
        self.clock.now_ms()
    }
}
