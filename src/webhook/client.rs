//! The HTTP client of webhook deliveries: TLS (rustls, the webpki roots),
//! no proxies, no redirects (a 3xx answer is a failed attempt), a timeout,
//! and a resolver that drops addresses a webhook may not reach (`target`),
//! so the address checked is the address connected to.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::redirect::Policy;

use super::target::{check_url, AllowList};
use crate::error::{AppError, AppResult};
use crate::state::Config;

/// A whole attempt (connect, send, answer) takes at most this long.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// Resolves (with the system resolver, or `hosts` first) and keeps only
/// permitted addresses.
struct GuardedResolver {
    allow: Arc<AllowList>,
    hosts: Arc<Vec<(String, IpAddr)>>,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let (allow, hosts) = (self.allow.clone(), self.hosts.clone());
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let fixed: Vec<SocketAddr> = hosts
                .iter()
                .filter(|(h, _)| h.eq_ignore_ascii_case(&host))
                .map(|(_, ip)| SocketAddr::new(*ip, 0))
                .collect();
            let found = if fixed.is_empty() {
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect()
            } else {
                fixed
            };
            let host_allowed = allow.host_allowed(&host);
            let kept: Vec<SocketAddr> = found
                .into_iter()
                .filter(|a| host_allowed || allow.permits(a.ip()))
                .collect();
            if kept.is_empty() {
                return Err(format!("{host} resolves to no public address: refused").into());
            }
            Ok(Box::new(kept.into_iter()) as Addrs)
        })
    }
}

/// What a client trusts and knows beyond the defaults.
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// PEM certificates trusted besides the webpki roots (an intranet CA; a
    /// test's self-signed receiver).
    pub extra_roots: Vec<Vec<u8>>,
    /// Fixed answers for host names, looked up before DNS, as `/etc/hosts`
    /// would give them; the address check applies to them all the same.
    pub hosts: Vec<(String, IpAddr)>,
}

/// The client every delivery is sent with.
#[derive(Clone)]
pub struct WebhookClient {
    http: reqwest::Client,
    allow: Arc<AllowList>,
}

impl WebhookClient {
    pub fn new(config: &Config) -> AppResult<WebhookClient> {
        Self::with_options(config, ClientOptions::default())
    }

    pub fn with_options(config: &Config, options: ClientOptions) -> AppResult<WebhookClient> {
        let allow = Arc::new(config.webhook_allow.clone());
        let mut b = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(Duration::from_secs(5))
            .redirect(Policy::none())
            .no_proxy()
            .user_agent("Shipdesk-Webhooks/1")
            .dns_resolver(Arc::new(GuardedResolver {
                allow: allow.clone(),
                hosts: Arc::new(options.hosts),
            }));
        for pem in &options.extra_roots {
            let cert = reqwest::Certificate::from_pem(pem).map_err(|e| {
                tracing::error!(error = %e, "webhook root certificate unreadable");
                AppError::Internal
            })?;
            b = b.add_root_certificate(cert);
        }
        let http = b.build().map_err(|e| {
            tracing::error!(error = %e, "building the webhook client failed");
            AppError::Internal
        })?;
        Ok(WebhookClient { http, allow })
    }

    /// A POST to `url`, or why it may not be sent. Addresses written in the
    /// URL are checked here (they are never resolved); names on connecting.
    pub(crate) fn post(&self, url: &str) -> Result<reqwest::RequestBuilder, String> {
        let url = check_url(url, &self.allow).map_err(|e| match e.key() {
            crate::ErrorKey::WebhookUrlForbidden => {
                "refused: the URL names a non-public address".to_owned()
            }
            _ => "invalid URL".to_owned(),
        })?;
        Ok(self.http.post(url))
    }
}
