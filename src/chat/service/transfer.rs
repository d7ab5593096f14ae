//! Transfers (转接): the assignee (or an admin) hands an open conversation
//! to another agent of its desk, within their cap, or to another desk's
//! queue, where it is routed at once. Both cases share their prelude (may
//! the caller act, is the conversation unresolved, does the note fit) and
//! their end: the note, if any, stays with the conversation for staff once
//! it has moved.

use crate::auth::{repo as auth_repo, Staff};
use crate::chat::live::events;
use crate::chat::model::*;
use crate::chat::repo;
use crate::chat::routing::Need;
use crate::chat::service::handover::conflict_as_other_active;
use crate::chat::service::{self, agent, outbox, send};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::Id;
use crate::ErrorKey;

/// The longest transfer note.
pub const MAX_NOTE_CHARS: usize = 500;

/// A transfer to `to`: [`to_agent`] or [`to_desk`].
pub async fn transfer(
    state: &AppState,
    staff: &Staff,
    conversation_id: Id,
    to: &TransferTo,
    note: &str,
) -> AppResult<Conversation> {
    match *to {
        TransferTo::Agent(agent) => to_agent(state, staff, conversation_id, agent, note).await,
        TransferTo::Desk(desk) => to_desk(state, staff, conversation_id, desk, note).await,
    }
}

/// The checks both transfers start with: the conversation the caller may
/// act on, unresolved, and the trimmed note within its length.
async fn prelude<'n>(
    state: &AppState,
    staff: &Staff,
    conversation_id: Id,
    note: &'n str,
) -> AppResult<(Conversation, &'n str)> {
    let conv = service::authorize_staff(state, staff, conversation_id, Need::Act).await?;
    if conv.status == ConversationStatus::Resolved {
        return Err(AppError::validation(
            "conversation_id",
            ErrorKey::ConversationResolved,
        ));
    }
    let note = note.trim();
    if note.chars().count() > MAX_NOTE_CHARS {
        return Err(AppError::validation("note", ErrorKey::TransferNoteTooLong));
    }
    Ok((conv, note))
}

/// The reason stays with the conversation, for staff, once it has moved.
async fn leave_note(
    state: &AppState,
    staff: &Staff,
    conversation_id: Id,
    note: &str,
) -> AppResult<()> {
    if !note.is_empty() {
        let body = format!("转接 / Transfer: {note}");
        send::note_for(state, staff, conversation_id, &body).await?;
    }
    Ok(())
}

/// Hands the conversation to `agent`, who must be another enabled agent of
/// its desk, not offline, with room under their cap.
pub async fn to_agent(
    state: &AppState,
    staff: &Staff,
    conversation_id: Id,
    agent: Id,
    note: &str,
) -> AppResult<Conversation> {
    let (conv, note) = prelude(state, staff, conversation_id, note).await?;
    check_agent(state, &conv, agent).await?;
    let from = conv.assignee_staff_id;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let done = repo::assignment::try_assign(&mut tx, conv.id, agent, from, true, now).await?;
    if !done {
        return Err(AppError::conflict("to", ErrorKey::AgentAtCapacity));
    }
    outbox::conversation_changed(&mut tx, conv.id, now).await?;
    tx.commit().await?;
    let after = service::existing(state, conv.id).await?;
    events::conversation(state, &after, from);
    if let Some(old) = from {
        agent::drain_for_agent(state, old).await?;
    }
    leave_note(state, staff, conv.id, note).await?;
    Ok(after)
}

/// May `agent` take `conv` over from its assignee?
async fn check_agent(state: &AppState, conv: &Conversation, agent: Id) -> AppResult<()> {
    if Some(agent) == conv.assignee_staff_id {
        return Err(AppError::validation("to", ErrorKey::TransferSameAgent));
    }
    let enabled = auth_repo::staff_by_id(&state.db, agent)
        .await?
        .is_some_and(|s| !s.disabled);
    if !enabled || !repo::desk::serves_desk(&state.db, agent, conv.desk_id).await? {
        return Err(AppError::validation("to", ErrorKey::TransferAgentNotInDesk));
    }
    match repo::agent::agent_load(&state.db, agent).await? {
        Some(a) if a.status == AgentStatus::Offline => {
            Err(AppError::validation("to", ErrorKey::AgentOffline))
        }
        Some(a) if a.open_count >= a.max_concurrent => {
            Err(AppError::conflict("to", ErrorKey::AgentAtCapacity))
        }
        Some(_) => Ok(()),
        None => Err(AppError::validation("to", ErrorKey::TransferAgentNotInDesk)),
    }
}

/// Moves the conversation to another desk's queue and routes it there; the
/// old desk's agents see it leave.
pub async fn to_desk(
    state: &AppState,
    staff: &Staff,
    conversation_id: Id,
    desk: Id,
    note: &str,
) -> AppResult<Conversation> {
    let (conv, note) = prelude(state, staff, conversation_id, note).await?;
    if desk == conv.desk_id {
        return Err(AppError::validation("to", ErrorKey::TransferSameDesk));
    }
    repo::desk::by_id(&state.db, desk)
        .await?
        .ok_or_else(|| AppError::validation("to", ErrorKey::DeskUnknown))?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let moved = repo::assignment::move_to_desk(&mut *tx, conv.id, desk, now)
        .await
        .map_err(conflict_as_other_active)?;
    if !moved {
        return Err(AppError::validation(
            "conversation_id",
            ErrorKey::ConversationResolved,
        ));
    }
    outbox::conversation_changed(&mut tx, conv.id, now).await?;
    tx.commit().await?;
    let moved = service::existing(state, conv.id).await?;
    let left = Conversation {
        desk_id: conv.desk_id,
        ..moved.clone()
    };
    events::conversation(state, &left, conv.assignee_staff_id);
    if !matches!(
        agent::route(state, &moved, None).await?,
        agent::Routed::To(_)
    ) {
        events::conversation(state, &moved, None);
    }
    if let Some(old) = conv.assignee_staff_id {
        agent::drain_for_agent(state, old).await?;
    }
    let after = service::existing(state, conv.id).await?;
    leave_note(state, staff, conv.id, note).await?;
    Ok(after)
}
