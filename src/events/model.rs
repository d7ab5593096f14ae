//! An outbox event.

use serde::{Deserialize, Serialize};

use crate::types::{Id, Timestamp};

/// One event, as written by the service that made the change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OutboxEvent {
    pub id: Id,
    /// What happened: `message.created`, `conversation.assigned`…
    pub topic: String,
    /// What it happened to: `conversation`, `order`…
    pub aggregate_type: String,
    pub aggregate_id: Id,
    /// The event's data, JSON text.
    pub payload: String,
    pub created_at: Timestamp,
}

impl OutboxEvent {
    /// A new event with a fresh id; `payload` is stored as JSON text.
    #[cfg(feature = "ssr")]
    pub fn new(
        topic: &str,
        aggregate_type: &str,
        aggregate_id: Id,
        payload: &impl Serialize,
        now: i64,
    ) -> OutboxEvent {
        OutboxEvent {
            id: crate::db::new_id(),
            topic: topic.to_owned(),
            aggregate_type: aggregate_type.to_owned(),
            aggregate_id,
            payload: serde_json::to_string(payload).unwrap_or_else(|_| "null".into()),
            created_at: Timestamp(now),
        }
    }
}

/// Events a worker holds until its lease runs out; `token` proves it.
#[derive(Debug, Clone, PartialEq)]
pub struct Claimed {
    pub token: i64,
    /// Oldest first.
    pub events: Vec<OutboxEvent>,
}
