//! The bodies webhooks POST, in the shape each subscription chose: pure, so
//! the shapes are tested without a receiver.
//!
//! - `shipdesk`: `{"event", "event_id", "occurred_at" (epoch ms), "data"}`;
//! - `chatmess` (seed 002's v2 event format, for partners of the old
//!   ChatMess API): `{"requestId": event id, "errmsg": 0, "succeed": true,
//!   "msgTime": "yyyy-MM-dd HH:mm:ss" (Shanghai), "eventType": event,
//!   "values": data, "errdesc": null}`.
//!
//! Either way `data` is the event's own JSON and the event id is the same on
//! every retry.

use serde_json::{json, Value};

use super::model::WebhookEnvelope;
use crate::events::OutboxEvent;

/// The id receivers deduplicate on: `evt_<outbox id>`.
pub fn event_id(e: &OutboxEvent) -> String {
    format!("evt_{}", e.id)
}

/// The body of `e` in `envelope`'s shape.
pub fn body(envelope: WebhookEnvelope, e: &OutboxEvent) -> String {
    let data: Value = serde_json::from_str(&e.payload).unwrap_or_default();
    let id = event_id(e);
    match envelope {
        WebhookEnvelope::Shipdesk => json!({
            "event": e.topic, "event_id": id, "occurred_at": e.created_at.0, "data": data,
        }),
        WebhookEnvelope::ChatMess => json!({
            "requestId": id, "errmsg": 0, "succeed": true,
            "msgTime": e.created_at.format_shanghai(), "eventType": e.topic,
            "values": data, "errdesc": null,
        }),
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Timestamp;

    fn event() -> OutboxEvent {
        OutboxEvent {
            id: 42,
            topic: "message.created".into(),
            aggregate_type: "conversation".into(),
            aggregate_id: 7,
            payload: r#"{"seq":3}"#.into(),
            created_at: Timestamp(1_700_000_000_000),
        }
    }

    #[test]
    fn the_shipdesk_shape_carries_the_event_with_its_data() {
        let v: Value = serde_json::from_str(&body(WebhookEnvelope::Shipdesk, &event())).unwrap();
        assert_eq!(
            v,
            json!({"event": "message.created", "event_id": "evt_42",
                   "occurred_at": 1_700_000_000_000_i64, "data": {"seq": 3}})
        );
    }

    #[test]
    fn the_chatmess_shape_is_the_v2_envelope_with_the_event_type() {
        let v: Value = serde_json::from_str(&body(WebhookEnvelope::ChatMess, &event())).unwrap();
        assert_eq!(
            v,
            json!({"requestId": "evt_42", "errmsg": 0, "succeed": true,
                   "msgTime": "2023-11-15 06:13:20", "eventType": "message.created",
                   "values": {"seq": 3}, "errdesc": null})
        );
    }
}
