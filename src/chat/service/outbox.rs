//! The chat events that leave the process (webhooks subscribe to them),
//! written to the outbox in the transaction of the change they report. The
//! live fan-out to sockets (`live::events`, after commit) is separate.
//!
//! Topics: `message.created` (not for notes: they never leave the company),
//! `message.recalled`, and `conversation.queued` / `.assigned` / `.resolved`
//! by the conversation's status after the change.

use sqlx::AnyConnection;

use crate::chat::model::*;
use crate::chat::repo;
use crate::error::{AppError, AppResult};
use crate::events::{repo as outbox, OutboxEvent};

const AGGREGATE: &str = "conversation";

/// The topic of a conversation in `status`.
pub fn conversation_topic(status: ConversationStatus) -> &'static str {
    match status {
        ConversationStatus::Queued => "conversation.queued",
        ConversationStatus::Open => "conversation.assigned",
        ConversationStatus::Resolved => "conversation.resolved",
    }
}

/// A message was stored (notes stay inside).
pub async fn message_created(conn: &mut AnyConnection, m: &Message) -> AppResult<()> {
    if m.kind == MessageKind::Note {
        return Ok(());
    }
    let e = OutboxEvent::new(
        "message.created",
        AGGREGATE,
        m.conversation_id,
        m,
        m.created_at.0,
    );
    outbox::insert(&mut *conn, &e).await
}

/// A message was recalled (notes stay inside).
pub async fn message_recalled(conn: &mut AnyConnection, m: &Message, now: i64) -> AppResult<()> {
    if m.kind == MessageKind::Note {
        return Ok(());
    }
    let data = serde_json::json!({"conversation_id": m.conversation_id, "seq": m.seq});
    let e = OutboxEvent::new("message.recalled", AGGREGATE, m.conversation_id, &data, now);
    outbox::insert(&mut *conn, &e).await
}

/// A conversation's status or assignee changed: reads it as the
/// transaction now sees it, records the event, and returns it.
pub async fn conversation_changed(
    conn: &mut AnyConnection,
    id: crate::types::Id,
    now: i64,
) -> AppResult<Conversation> {
    let c = repo::conversation::by_id(&mut *conn, id)
        .await?
        .ok_or(AppError::Internal)?;
    let e = OutboxEvent::new(conversation_topic(c.status), AGGREGATE, c.id, &c, now);
    outbox::insert(&mut *conn, &e).await?;
    Ok(c)
}
