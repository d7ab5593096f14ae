//! Sending deliveries: claimed with a lease (one instance sends each), at
//! most `PER_HOOK` in flight per webhook so one slow endpoint holds up no
//! other, signed, and retried with backoff.

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::task::JoinSet;

use super::client::WebhookClient;
use super::model::*;
use super::repo;
use crate::error::AppResult;
use crate::state::AppState;

/// Attempts before a delivery is marked failed.
pub const MAX_ATTEMPTS: i64 = 6;
/// The first retry waits this long; each next one twice as long.
pub const FIRST_RETRY_MS: i64 = 10_000;
/// Attempts one webhook may have in flight at once (across instances, as
/// far as leases show).
pub const PER_HOOK: i64 = 4;
/// How long a claim holds a delivery: well past the client's timeout, so an
/// attempt finishes within it; a crashed instance's deliveries are retried
/// after it.
pub const LEASE_MS: i64 = 60_000;

/// `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Claims up to `room` due deliveries and starts their attempts in `tasks`
/// without waiting for them; returns how many were started. A worker calls
/// it again whenever a task ends, so a slow endpoint only ever holds its
/// own `PER_HOOK` places.
pub async fn start_due(
    state: &AppState,
    client: &WebhookClient,
    tasks: &mut JoinSet<()>,
    room: usize,
) -> AppResult<usize> {
    if room == 0 {
        return Ok(0);
    }
    let now = state.now();
    let due = repo::claim_due(&state.db, now, now + LEASE_MS, PER_HOOK, room as i64).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let hooks = repo::active(&state.db).await?;
    let mut started = 0;
    for d in due {
        let Some((w, secret)) = hooks.iter().find(|(w, _)| w.id == d.webhook_id) else {
            // Paused between the claim and now: it waits for a resume.
            repo::release(&state.db, d.id).await?;
            continue;
        };
        let (state, client, url, secret) =
            (state.clone(), client.clone(), w.url.clone(), secret.clone());
        tasks.spawn(async move {
            if let Err(e) = attempt(&state, &client, &url, &secret, &d).await {
                tracing::warn!(error = %e, delivery = d.id, "recording a webhook attempt failed");
            }
        });
        started += 1;
    }
    Ok(started)
}

/// Sends the deliveries due now and waits for their outcomes; returns how
/// many were attempted. (The worker uses `start_due`; this is one pass.)
pub async fn deliver_due(state: &AppState, client: &WebhookClient) -> AppResult<usize> {
    let mut tasks = JoinSet::new();
    let n = start_due(state, client, &mut tasks, 50).await?;
    while let Some(done) = tasks.join_next().await {
        if let Err(e) = done {
            tracing::error!(error = %e, "a webhook attempt panicked");
        }
    }
    Ok(n)
}

/// An error with its causes, shortened for the delivery log.
fn describe(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text.chars().take(300).collect()
}

/// One POST of a delivery, and its outcome recorded.
async fn attempt(
    state: &AppState,
    client: &WebhookClient,
    url: &str,
    secret: &str,
    d: &Delivery,
) -> AppResult<()> {
    let now = state.now();
    let ts = now / 1000;
    let (code, error) = match client.post(url) {
        Err(refused) => (None, Some(refused)),
        Ok(req) => {
            let sent = req
                .header("content-type", "application/json")
                .header("x-shipdesk-event", &d.event)
                .header("x-shipdesk-event-id", &d.event_id)
                .header("x-shipdesk-timestamp", ts.to_string())
                .header("x-shipdesk-signature", signature(secret, ts, &d.payload))
                .body(d.payload.clone())
                .send()
                .await;
            match sent {
                Ok(res) if res.status().is_success() => {
                    (Some(i64::from(res.status().as_u16())), None)
                }
                Ok(res) => (
                    Some(i64::from(res.status().as_u16())),
                    Some(format!("HTTP {}", res.status().as_u16())),
                ),
                Err(e) => (None, Some(describe(&e))),
            }
        }
    };
    let attempts = d.attempts + 1;
    let (status, next) = match &error {
        None => (DeliveryStatus::Delivered, now),
        Some(_) if attempts >= MAX_ATTEMPTS => (DeliveryStatus::Failed, now),
        Some(_) => (
            DeliveryStatus::Pending,
            now + FIRST_RETRY_MS * (1 << (attempts - 1).min(10)),
        ),
    };
    let done = state.now();
    repo::record_attempt(&state.db, d.id, status, next, code, error.as_deref(), done).await
}
