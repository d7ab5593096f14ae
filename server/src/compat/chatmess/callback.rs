//! Seed 002's callbacks over Shipdesk's webhooks (admins only), delivered by
//! the webhook worker in the v2 event format (`WebhookEnvelope::ChatMess`:
//! `{requestId, errmsg, succeed, msgTime, eventType, values, errdesc}`),
//! signed and retried like every webhook:
//!
//! - `POST /v2/Callback/Register` (注册回调地址) `{callbackUrl, events?}`:
//!   a new subscription, to every chat event unless `events` names some.
//!   `values`: `{callbackId, secret, events}`; the signing secret is shown
//!   this once.
//! - `POST /v2/Callback/Subscribe` (订阅事件) `{callbackId, events}`: the
//!   events it gets from now on. `values`: `{callbackId, events}`.
//!
//! `events` is a list, or a comma-separated string, of `message.created`,
//! `message.recalled`, `conversation.queued`, `conversation.assigned`,
//! `conversation.resolved`.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Value};
use shipdesk::auth::Staff;
use shipdesk::state::AppState;
use shipdesk::webhook::{service, WebhookEnvelope, WebhookForCreate, EVENTS};
use shipdesk::{AppError, ErrorKey};

use super::{begin, envelope, Body};

pub async fn register(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Json<Value> {
    let answer = async {
        let (staff, body) = begin(&state, &headers, &body, "chatmess_callback_register").await?;
        register_as(&state, &staff, &body).await
    };
    envelope(&state, answer.await)
}

pub async fn subscribe(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Json<Value> {
    let answer = async {
        let (staff, body) = begin(&state, &headers, &body, "chatmess_callback_subscribe").await?;
        subscribe_as(&state, &staff, &body).await
    };
    envelope(&state, answer.await)
}

/// `events` as names: a list of strings or one comma-separated string.
fn events(b: &Body) -> Result<Option<Vec<String>>, AppError> {
    let bad = || AppError::validation("events", ErrorKey::WebhookEventUnknown);
    match b.0.get("events") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(
            s.split(',')
                .map(|e| e.trim().to_owned())
                .filter(|e| !e.is_empty())
                .collect(),
        )),
        Some(Value::Array(items)) => items
            .iter()
            .map(|e| e.as_str().map(str::to_owned).ok_or_else(bad))
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        Some(_) => Err(bad()),
    }
}

async fn register_as(state: &AppState, staff: &Staff, b: &Body) -> Result<Value, AppError> {
    let input = WebhookForCreate {
        url: b.required_text("callbackUrl")?,
        events: events(b)?.unwrap_or_else(|| EVENTS.iter().map(|e| e.to_string()).collect()),
        envelope: WebhookEnvelope::ChatMess,
    };
    let (hook, secret) = service::create(state, staff, &input)
        .await
        .map_err(|e| match e {
            AppError::Validation { field, key } if field == "url" => {
                AppError::validation("callbackUrl", key)
            }
            other => other,
        })?;
    Ok(json!({"callbackId": hook.id, "secret": secret, "events": hook.events}))
}

async fn subscribe_as(state: &AppState, staff: &Staff, b: &Body) -> Result<Value, AppError> {
    let id = b.required_int("callbackId")?;
    let wanted =
        events(b)?.ok_or_else(|| AppError::validation("events", ErrorKey::FieldRequired))?;
    let hook = service::set_events(state, staff, id, &wanted).await?;
    Ok(json!({"callbackId": hook.id, "events": hook.events}))
}
