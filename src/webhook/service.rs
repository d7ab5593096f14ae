//! Webhook set-up (admins), turning chat events into deliveries, and
//! delivering them signed, with retries.

use std::collections::HashMap;
use std::time::Duration;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::mpsc;

use super::model::*;
use super::repo;
use crate::auth::{Role, Staff};
use crate::chat::wire::ServerMsg;
use crate::chat::ConversationStatus;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Page, PageQuery, Timestamp};

/// Attempts before a delivery is marked failed.
pub const MAX_ATTEMPTS: i64 = 6;
/// The first retry waits this long; each next one twice as long.
pub const FIRST_RETRY_MS: i64 = 10_000;

fn require_admin(staff: &Staff) -> AppResult<()> {
    if staff.has(Role::Admin) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Registers a webhook; returns it with its signing secret.
pub async fn create(
    state: &AppState,
    admin: &Staff,
    input: &WebhookForCreate,
) -> AppResult<(Webhook, String)> {
    require_admin(admin)?;
    let w = Webhook {
        id: new_id(),
        url: parse_url(&input.url)?,
        events: parse_events(&input.events)?,
        active: true,
        created_at: Timestamp(state.now()),
    };
    let secret = format!("whsec_{}", hex::encode(rand::random::<[u8; 24]>()));
    repo::insert(&state.db, &w, &secret, admin.id).await?;
    Ok((w, secret))
}

/// The webhooks with their secrets (admins manage them).
pub async fn list(state: &AppState, admin: &Staff) -> AppResult<Vec<(Webhook, String)>> {
    require_admin(admin)?;
    repo::all(&state.db).await
}

pub async fn set_active(state: &AppState, admin: &Staff, id: Id, active: bool) -> AppResult<()> {
    require_admin(admin)?;
    if repo::set_active(&state.db, id, active).await? {
        Ok(())
    } else {
        Err(AppError::not_found("webhook"))
    }
}

/// The delivery log of a webhook, newest first.
pub async fn deliveries(
    state: &AppState,
    admin: &Staff,
    webhook_id: Id,
    page: PageQuery,
) -> AppResult<Page<Delivery>> {
    require_admin(admin)?;
    repo::deliveries(&state.db, webhook_id, page).await
}

/// The webhook event of a chat event: (name, unique id, data), or None for
/// events webhooks do not carry (typing, read marks, presence).
pub fn event_of(msg: &ServerMsg) -> Option<(&'static str, String, serde_json::Value)> {
    match msg {
        // Notes are internal: they never leave the company.
        ServerMsg::Message { message } if message.kind == crate::chat::MessageKind::Note => None,
        ServerMsg::Message { message } => Some((
            "message.created",
            format!("msg-{}", message.id),
            serde_json::to_value(message).unwrap_or_default(),
        )),
        ServerMsg::Recalled {
            conversation_id,
            seq,
        } => Some((
            "message.recalled",
            format!("recall-{conversation_id}-{seq}"),
            serde_json::json!({"conversation_id": conversation_id, "seq": seq}),
        )),
        ServerMsg::Conversation { conversation: c } => {
            let (name, tag) = match c.status {
                ConversationStatus::Queued => ("conversation.queued", "q".to_owned()),
                ConversationStatus::Open => (
                    "conversation.assigned",
                    format!("a{}", c.assignee_staff_id.unwrap_or(0)),
                ),
                ConversationStatus::Resolved => ("conversation.resolved", "r".to_owned()),
            };
            Some((
                name,
                format!("conv-{}-{tag}-{}", c.id, c.updated_at.0),
                serde_json::to_value(c).unwrap_or_default(),
            ))
        }
        _ => None,
    }
}

/// Adds a delivery of `msg` for every active webhook that wants it.
pub async fn enqueue(
    state: &AppState,
    hooks: &[(Webhook, String)],
    msg: &ServerMsg,
) -> AppResult<usize> {
    let Some((event, event_id, data)) = event_of(msg) else {
        return Ok(0);
    };
    let now = state.now();
    let payload = serde_json::json!({
        "event": event, "event_id": event_id, "occurred_at": now, "data": data,
    })
    .to_string();
    let mut n = 0;
    for (w, _) in hooks
        .iter()
        .filter(|(w, _)| w.active && w.events.iter().any(|e| e == event))
    {
        let d = Delivery {
            id: new_id(),
            webhook_id: w.id,
            event_id: event_id.clone(),
            event: event.to_owned(),
            payload: payload.clone(),
            status: DeliveryStatus::Pending,
            attempts: 0,
            next_attempt_at: Timestamp(now),
            last_status_code: None,
            last_error: None,
            created_at: Timestamp(now),
            delivered_at: None,
        };
        repo::enqueue(&state.db, &d).await?;
        n += 1;
    }
    Ok(n)
}

/// `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Sends the deliveries due now, at once (a slow endpoint holds up no
/// other); returns how many were attempted.
pub async fn deliver_due(state: &AppState, http: &reqwest::Client) -> AppResult<usize> {
    let due = repo::due(&state.db, state.now(), 50).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let hooks: HashMap<Id, (Webhook, String)> = repo::all(&state.db)
        .await?
        .into_iter()
        .map(|(w, s)| (w.id, (w, s)))
        .collect();
    let mut attempts = tokio::task::JoinSet::new();
    for d in due {
        let Some((w, secret)) = hooks.get(&d.webhook_id).filter(|(w, _)| w.active) else {
            continue;
        };
        // Another instance may be sending it: take it for a minute first.
        if !repo::claim(&state.db, d.id, d.next_attempt_at.0, state.now() + 60_000).await? {
            continue;
        }
        let (state, http, url, secret) =
            (state.clone(), http.clone(), w.url.clone(), secret.clone());
        attempts.spawn(async move { attempt(&state, &http, &url, &secret, &d).await });
    }
    let mut n = 0;
    while let Some(done) = attempts.join_next().await {
        n += 1;
        match done {
            Ok(Ok(())) => {}
            Ok(Err(e)) => tracing::warn!(error = %e, "recording a webhook attempt failed"),
            Err(e) => tracing::error!(error = %e, "a webhook attempt panicked"),
        }
    }
    Ok(n)
}

/// One POST of a delivery, and its outcome recorded.
async fn attempt(
    state: &AppState,
    http: &reqwest::Client,
    url: &str,
    secret: &str,
    d: &Delivery,
) -> AppResult<()> {
    let now = state.now();
    let ts = now / 1000;
    let sent = http
        .post(url)
        .header("content-type", "application/json")
        .header("x-shipdesk-event", &d.event)
        .header("x-shipdesk-event-id", &d.event_id)
        .header("x-shipdesk-timestamp", ts.to_string())
        .header("x-shipdesk-signature", signature(secret, ts, &d.payload))
        .body(d.payload.clone())
        .send()
        .await;
    let (code, error) = match sent {
        Ok(res) if res.status().is_success() => (Some(i64::from(res.status().as_u16())), None),
        Ok(res) => (
            Some(i64::from(res.status().as_u16())),
            Some(format!("HTTP {}", res.status().as_u16())),
        ),
        Err(e) => (
            None,
            Some(e.to_string().chars().take(300).collect::<String>()),
        ),
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
    repo::record_attempt(&state.db, d.id, status, next, code, error.as_deref(), now).await
}

/// Starts the webhook worker: chat events published on this instance are
/// enqueued (the webhook list is re-read every few seconds), and due
/// deliveries are sent every second or as soon as one is enqueued.
pub fn start(state: &AppState) {
    let (tx, mut rx) = mpsc::unbounded_channel::<ServerMsg>();
    if !state.hub.set_tap(tx) {
        return;
    }
    let (wake_tx, mut wake_rx) = mpsc::channel::<()>(1);
    let enq = state.clone();
    tokio::spawn(async move {
        let mut hooks: Vec<(Webhook, String)> = vec![];
        let mut read_at: Option<i64> = None;
        while let Some(msg) = rx.recv().await {
            if event_of(&msg).is_none() {
                continue;
            }
            let now = enq.now();
            if read_at.is_none_or(|at| now - at > 5_000 || now < at) {
                match repo::all(&enq.db).await {
                    Ok(h) => hooks = h,
                    Err(e) => tracing::warn!(error = %e, "reading webhooks failed"),
                }
                read_at = Some(now);
            }
            if hooks.iter().all(|(w, _)| !w.active) {
                continue;
            }
            match enqueue(&enq, &hooks, &msg).await {
                Ok(n) if n > 0 => {
                    let _ = wake_tx.try_send(());
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "enqueueing a webhook delivery failed"),
            }
        }
    });
    let send = state.clone();
    tokio::spawn(async move {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        loop {
            let _ = tokio::time::timeout(Duration::from_secs(1), wake_rx.recv()).await;
            if let Err(e) = deliver_due(&send, &http).await {
                tracing::warn!(error = %e, "webhook deliveries failed");
            }
        }
    });
}
