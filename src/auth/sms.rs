//! Sending SMS codes. [`HttpSmsSender`] posts to an SMS provider's HTTP API
//! with a signed request; [`LogSmsSender`] is the dev stand-in, which writes
//! the code to the log only in dev mode (the server refuses to start in
//! production with it).

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Sends a code to a phone.
pub trait SmsSender: Send + Sync {
    fn send<'a>(
        &'a self,
        phone: &'a str,
        code: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

/// The dev stand-in: logs that a code was sent, and the code itself only
/// when `show_code` (dev mode).
pub struct LogSmsSender {
    pub show_code: bool,
}

impl SmsSender for LogSmsSender {
    fn send<'a>(
        &'a self,
        phone: &'a str,
        code: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            if self.show_code {
                tracing::info!(phone, code, "SMS verification code (dev log sender)");
            } else {
                tracing::warn!("SMS code not delivered: the log sender has no provider");
            }
            Ok(())
        })
    }
}

/// An SMS provider reached over HTTP(S): `POST url` with the JSON body
/// `{"phone", "template", "params": {"code"}}` and the headers
/// `X-Shipdesk-Timestamp` (epoch ms), `X-Shipdesk-Nonce` and
/// `X-Shipdesk-Signature: sha256=<hex HMAC-SHA256(key, "<timestamp>.<nonce>.<body>")>`.
/// Any 2xx answer means sent.
pub struct HttpSmsSender {
    url: String,
    key: Vec<u8>,
    template: String,
    client: reqwest::Client,
}

impl HttpSmsSender {
    pub fn new(url: &str, key: &str, template: &str) -> Result<Self, String> {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err("SHIPDESK_SMS_URL must be an http(s) URL".into());
        }
        if key.len() < 16 {
            return Err("SHIPDESK_SMS_KEY must be at least 16 characters".into());
        }
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| format!("SMS client: {e}"))?;
        Ok(HttpSmsSender {
            url: url.to_owned(),
            key: key.as_bytes().to_vec(),
            template: template.to_owned(),
            client,
        })
    }
}

/// The signature the provider checks: hex HMAC-SHA256 over
/// `"<timestamp>.<nonce>.<body>"`.
pub fn signature(key: &[u8], timestamp: &str, nonce: &str, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("hmac takes any key");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(nonce.as_bytes());
    mac.update(b".");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

impl SmsSender for HttpSmsSender {
    fn send<'a>(
        &'a self,
        phone: &'a str,
        code: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            let body = serde_json::json!({
                "phone": phone,
                "template": self.template,
                "params": { "code": code },
            })
            .to_string();
            let ts = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis())
                .unwrap_or(0)
                .to_string();
            let nonce = hex::encode(rand::random::<[u8; 12]>());
            let sig = signature(&self.key, &ts, &nonce, body.as_bytes());
            let res = self
                .client
                .post(&self.url)
                .header("content-type", "application/json")
                .header("x-shipdesk-timestamp", &ts)
                .header("x-shipdesk-nonce", &nonce)
                .header("x-shipdesk-signature", format!("sha256={sig}"))
                .body(body)
                .send()
                .await
                .map_err(|e| format!("SMS provider unreachable: {e}"))?;
            if res.status().is_success() {
                Ok(())
            } else {
                Err(format!("SMS provider answered {}", res.status()))
            }
        })
    }
}
