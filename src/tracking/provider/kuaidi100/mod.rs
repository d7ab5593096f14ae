//! Kuaidi100 (快递100), the tracking aggregator most Chinese shippers use:
//!
//! - Real-time query: `POST {base}/poll/query.do`, a form of `customer`,
//!   `param` = `{"com", "num", "phone", "resultv2": "1", …}` and `sign` =
//!   upper-case hex MD5(param + key + customer); it answers the events, or
//!   `{"result": false, "returnCode", "message"}`.
//! - Subscription: `POST {base}/poll`, a form of `schema=json` and `param` =
//!   `{"company", "number", "key", "parameters": {"callbackurl", "salt",
//!   "resultv2": "1", "phone"}}`; it answers `{"result", "returnCode",
//!   "message"}` and then pushes each change to the callback URL ([`push`]).
//!
//! With `resultv2` its states come with sub-states (`1002` 干线, `204` 派件
//! 异常…), which [`wire::status_of`] normalises.

pub mod push;
pub mod sign;
pub mod wire;

use std::time::Duration;

use serde_json::json;

use super::{BoxFuture, ProviderError, TrackReport, TrackRequest, TrackingProvider};

/// Where Kuaidi100 answers, unless `SHIPDESK_KUAIDI100_BASE_URL` says.
pub const DEFAULT_BASE_URL: &str = "https://poll.kuaidi100.com";

/// A Kuaidi100 account (`SHIPDESK_KUAIDI100_*`).
#[derive(Clone, PartialEq, Eq)]
pub struct Kuaidi100Config {
    /// The account's 授权码 (`customer`).
    pub customer: String,
    /// The account's key (signs queries; sent with subscriptions).
    pub key: String,
    /// Where Kuaidi100 pushes: this server's `/tracking/kuaidi100/push`.
    pub callback_url: String,
    /// What pushes are signed with.
    pub salt: String,
    /// `https://poll.kuaidi100.com`, or a stand-in's address in tests.
    pub base_url: String,
}

impl std::fmt::Debug for Kuaidi100Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kuaidi100Config")
            .field("customer", &self.customer)
            .field("key", &"<redacted>")
            .field("callback_url", &self.callback_url)
            .field("salt", &"<redacted>")
            .field("base_url", &self.base_url)
            .finish()
    }
}

/// The Kuaidi100 client.
pub struct Kuaidi100 {
    config: Kuaidi100Config,
    client: reqwest::Client,
}

impl Kuaidi100 {
    pub fn new(config: Kuaidi100Config) -> Kuaidi100 {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap_or_default();
        Kuaidi100 { config, client }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url.trim_end_matches('/'))
    }

    async fn post(&self, path: &str, form: &[(&str, &str)]) -> Result<Vec<u8>, ProviderError> {
        let res = self
            .client
            .post(self.url(path))
            .form(form)
            .send()
            .await
            .map_err(|e| ProviderError::Unavailable(format!("kuaidi100 unreachable: {e}")))?;
        let status = res.status();
        let body = res
            .bytes()
            .await
            .map_err(|e| ProviderError::Unavailable(format!("kuaidi100 answer cut: {e}")))?;
        if status.is_server_error() {
            return Err(ProviderError::Unavailable(format!(
                "kuaidi100 answered {status}"
            )));
        }
        Ok(body.to_vec())
    }

    /// Every event Kuaidi100 has for the number now.
    pub async fn query_now(&self, req: TrackRequest<'_>) -> Result<TrackReport, ProviderError> {
        let param = json!({
            "com": wire::company_code(req.carrier),
            "num": req.number.as_str(),
            "phone": req.phone.unwrap_or(""),
            "resultv2": "1",
            "show": "0",
            "order": "desc",
        })
        .to_string();
        let c = &self.config;
        let sign = sign::query_sign(&param, &c.key, &c.customer);
        let form = [
            ("customer", c.customer.as_str()),
            ("sign", &sign),
            ("param", &param),
        ];
        let body = self.post("/poll/query.do", &form).await?;
        wire::read_query_answer(&body)
    }

    /// Asks Kuaidi100 to push the number's events to the callback URL.
    pub async fn subscribe_now(&self, req: TrackRequest<'_>) -> Result<(), ProviderError> {
        let c = &self.config;
        let param = json!({
            "company": wire::company_code(req.carrier),
            "number": req.number.as_str(),
            "key": c.key,
            "parameters": {
                "callbackurl": c.callback_url,
                "salt": c.salt,
                "resultv2": "1",
                "phone": req.phone.unwrap_or(""),
            },
        })
        .to_string();
        let body = self
            .post("/poll", &[("schema", "json"), ("param", &param)])
            .await?;
        wire::read_subscribe_answer(&body)
    }
}

impl TrackingProvider for Kuaidi100 {
    fn name(&self) -> &'static str {
        "kuaidi100"
    }

    fn query<'a>(
        &'a self,
        req: TrackRequest<'a>,
    ) -> BoxFuture<'a, Result<TrackReport, ProviderError>> {
        Box::pin(self.query_now(req))
    }

    fn subscribe<'a>(&'a self, req: TrackRequest<'a>) -> BoxFuture<'a, Result<(), ProviderError>> {
        Box::pin(self.subscribe_now(req))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_config_never_shows_its_secrets() {
        let c = Kuaidi100Config {
            customer: "CUST".into(),
            key: "very-secret-key".into(),
            callback_url: "https://desk.example.com/tracking/kuaidi100/push".into(),
            salt: "very-secret-salt".into(),
            base_url: DEFAULT_BASE_URL.into(),
        };
        let shown = format!("{c:?}");
        assert!(
            shown.contains("CUST") && !shown.contains("very-secret"),
            "{shown}"
        );
    }
}
