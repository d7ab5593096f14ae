//! Notices (seed 002 发送通知): staff who may act on a conversation post a
//! line in it as the platform, shown to both sides as a system line
//! (`{"event":"notice","by":"小林","text":"…"}`), not as anyone's message.

use crate::auth::{Principal, Staff};
use crate::chat::live::events;
use crate::chat::model::*;
use crate::chat::repo;
use crate::chat::routing::Need;
use crate::chat::service::{authorize_staff, existing, limit, send};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::Id;
use crate::ErrorKey;

/// Posts `text` as a system line in an unresolved conversation the caller
/// may act on (its assignee, or an admin). Counted against the caller's
/// send rate like a message.
pub async fn send_notice(
    state: &AppState,
    staff: &Staff,
    conversation_id: Id,
    text: &str,
) -> AppResult<Message> {
    authorize_staff(state, staff, conversation_id, Need::Act).await?;
    let text = parse_message_body(MessageKind::Text, text)?;
    limit::count_send(state, &Principal::Staff(staff.clone())).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if !repo::conversation::lock(&mut *tx, conversation_id).await? {
        return Err(AppError::not_found("conversation"));
    }
    // Read under the lock: a resolve in between is seen.
    let conv = repo::conversation::by_id(&mut *tx, conversation_id)
        .await?
        .ok_or_else(|| AppError::not_found("conversation"))?;
    if conv.status == ConversationStatus::Resolved {
        return Err(AppError::validation(
            "conversation_id",
            ErrorKey::ConversationResolved,
        ));
    }
    let body = serde_json::json!({ "event": "notice", "by": staff.name, "text": text });
    let line = send::system_message(&mut tx, conv.id, staff, "notice", body, now).await?;
    tx.commit().await?;
    let after = existing(state, conv.id).await?;
    events::message(state, &after, &line);
    Ok(line)
}

/// The desk a platform message opens a conversation in when the member has
/// none open: after-sales (`aftersales`), else the first desk.
const AFTER_SALES: &str = "aftersales";

/// Tells a member something the platform did (an order re-weighed at the
/// warehouse, a shipment held): a notice line by `staff` in the member's
/// most recent unresolved conversation, or in a new one at the after-sales
/// desk. None when there is no desk to open one in.
pub async fn notify_member(
    state: &AppState,
    member: &crate::auth::Member,
    staff: &Staff,
    text: &str,
) -> AppResult<Option<Message>> {
    let desks = repo::desk::all(&state.db).await?;
    let mut open = None;
    for d in &desks {
        if let Some(c) = repo::conversation::active(&state.db, member.id, d.id).await? {
            if open
                .as_ref()
                .is_none_or(|o: &Conversation| c.last_message_at.0 > o.last_message_at.0)
            {
                open = Some(c);
            }
        }
    }
    let conv = match open {
        Some(c) => c,
        None => {
            let Some(desk) = desks
                .iter()
                .find(|d| d.code == AFTER_SALES)
                .or(desks.first())
            else {
                return Ok(None);
            };
            super::send::open_conversation(state, member, desk.id).await?
        }
    };
    let now = state.now();
    let mut tx = state.db.begin().await?;
    if !repo::conversation::lock(&mut *tx, conv.id).await? {
        return Err(AppError::not_found("conversation"));
    }
    let body = serde_json::json!({ "event": "notice", "by": staff.name, "text": text });
    let line = send::system_message(&mut tx, conv.id, staff, "notice", body, now).await?;
    tx.commit().await?;
    let after = existing(state, conv.id).await?;
    events::message(state, &after, &line);
    Ok(Some(line))
}
