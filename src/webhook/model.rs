//! Webhook types and their validation.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

/// The events a webhook may subscribe to.
pub const EVENTS: &[&str] = &[
    "message.created",
    "message.recalled",
    "conversation.queued",
    "conversation.assigned",
    "conversation.resolved",
    "order.created",
    "order.status_changed",
    "order.adjusted",
    "pickup.scheduled",
    "pickup.cancelled",
    "tracking.updated",
    "order.alert",
];

crate::string_enum! {
    /// The shape of a webhook's bodies: Shipdesk's own
    /// `{event, event_id, occurred_at, data}`, or seed 002's v2 envelope
    /// `{requestId, errmsg, succeed, msgTime, eventType, values, errdesc}`
    /// for partners of the old ChatMess API (`envelope`).
    #[derive(Default)]
    pub enum WebhookEnvelope("envelope", WebhookEnvelopeInvalid) {
        #[default]
        Shipdesk = "shipdesk",
        ChatMess = "chatmess",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Webhook {
    pub id: Id,
    pub url: String,
    pub events: Vec<String>,
    pub active: bool,
    pub created_at: Timestamp,
    #[serde(default)]
    pub envelope: WebhookEnvelope,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WebhookForCreate {
    pub url: String,
    pub events: Vec<String>,
    /// The shape of the bodies (default `shipdesk`).
    #[serde(default)]
    pub envelope: WebhookEnvelope,
}

crate::string_enum! {
    /// Where a webhook delivery stands.
    pub enum DeliveryStatus("status", WebhookStatusInvalid) {
        Pending = "pending",
        Delivered = "delivered",
        Failed = "failed",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Delivery {
    pub id: Id,
    pub webhook_id: Id,
    pub event_id: String,
    pub event: String,
    pub payload: String,
    pub status: DeliveryStatus,
    pub attempts: i64,
    pub next_attempt_at: Timestamp,
    pub last_status_code: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub delivered_at: Option<Timestamp>,
}

/// A callback URL: http(s), with a host, at most 500 characters.
pub fn parse_url(s: &str) -> AppResult<String> {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        Some(h) if !h.is_empty() && s.len() <= 500 && !s.contains(char::is_whitespace) => {
            Ok(s.to_owned())
        }
        _ => Err(AppError::validation("url", ErrorKey::WebhookUrlInvalid)),
    }
}

/// Known events, each once, at least one.
pub fn parse_events(list: &[String]) -> AppResult<Vec<String>> {
    let mut out: Vec<String> = vec![];
    for e in list {
        let e = e.trim();
        if !EVENTS.contains(&e) {
            return Err(AppError::validation(
                "events",
                ErrorKey::WebhookEventUnknown,
            ));
        }
        if !out.iter().any(|x| x == e) {
            out.push(e.to_owned());
        }
    }
    if out.is_empty() {
        return Err(AppError::validation("events", ErrorKey::WebhookEventsEmpty));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_events_are_checked() {
        assert!(parse_url("https://erp.example.com/hooks/im").is_ok());
        assert!(parse_url("http://127.0.0.1:9000/x").is_ok());
        for bad in ["ftp://x", "https://", "javascript:alert(1)", "https://a b"] {
            assert_eq!(parse_url(bad).unwrap_err().field(), Some("url"), "{bad}");
        }
        let ok = parse_events(&["message.created".into(), "message.created".into()]).unwrap();
        assert_eq!(ok, vec!["message.created"]);
        assert!(parse_events(&[]).is_err());
        assert!(parse_events(&["order.paid".into()]).is_err());
    }
}
