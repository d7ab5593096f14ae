//! What participants do with messages besides sending: reading them,
//! moving read marks, recalling one.

use crate::auth::Principal;
use crate::chat::live::events;
use crate::chat::model::*;
use crate::chat::repo;
use crate::chat::routing::Need;
use crate::chat::service::{authorize, existing, outbox};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::Id;
use crate::ErrorKey;

/// A sender may recall their own message this long after sending it.
pub const RECALL_WINDOW_MS: i64 = 2 * 60 * 1000;
/// The most messages one read returns.
pub const MAX_READ: i64 = 200;

/// Messages after `after_seq`, in seq order, at most `limit` (1–200). Members
/// never see notes, so their seqs may skip the notes' numbers.
pub async fn messages_after(
    state: &AppState,
    who: &Principal,
    conversation_id: Id,
    after_seq: i64,
    limit: i64,
) -> AppResult<Vec<Message>> {
    let (conv, me) = authorize(state, who, conversation_id, Need::Read).await?;
    let with_notes = me.kind == SenderKind::Staff;
    let limit = limit.clamp(1, MAX_READ);
    repo::message::after(&state.db, conv.id, after_seq.max(0), limit, with_notes).await
}

/// Moves the caller's side's read mark forward to `seq` (capped at the last
/// message; a smaller seq changes nothing) and returns the mark.
pub async fn mark_read(
    state: &AppState,
    who: &Principal,
    conversation_id: Id,
    seq: i64,
) -> AppResult<i64> {
    if seq < 0 {
        return Err(AppError::validation("seq", ErrorKey::MessageSeqInvalid));
    }
    let (conv, me) = authorize(state, who, conversation_id, Need::Act).await?;
    repo::conversation::mark_read(&state.db, conv.id, me.kind, seq.min(conv.last_seq)).await?;
    let after = existing(state, conv.id).await?;
    let (before, mark) = match me.kind {
        SenderKind::Member => (conv.customer_read_seq, after.customer_read_seq),
        _ => (conv.staff_read_seq, after.staff_read_seq),
    };
    if mark > before {
        events::read(state, &after, me.kind, mark);
    }
    Ok(mark)
}

/// Recalls the caller's own message within two minutes of sending it. The
/// message keeps its seq and loses its body for everyone.
pub async fn recall(
    state: &AppState,
    who: &Principal,
    conversation_id: Id,
    seq: i64,
) -> AppResult<Message> {
    let (conv, me) = authorize(state, who, conversation_id, Need::Act).await?;
    let msg = repo::message::by_seq(&state.db, conv.id, seq)
        .await?
        .filter(|m| me.kind == SenderKind::Staff || m.kind != MessageKind::Note)
        .ok_or_else(|| AppError::not_found("message"))?;
    if msg.sender_kind != me.kind || msg.sender_id != me.id {
        return Err(AppError::Forbidden);
    }
    if msg.recalled {
        return Ok(msg);
    }
    if state.now() - msg.created_at.0 > RECALL_WINDOW_MS {
        return Err(AppError::validation("seq", ErrorKey::MessageRecallExpired));
    }
    let mut tx = state.db.begin().await?;
    if repo::message::set_recalled(&mut *tx, msg.id).await? {
        outbox::message_recalled(&mut tx, &msg, state.now()).await?;
    }
    let msg = repo::message::by_seq(&mut *tx, conv.id, seq)
        .await?
        .ok_or(AppError::Internal)?;
    tx.commit().await?;
    events::recalled(state, &conv, &msg);
    Ok(msg)
}
