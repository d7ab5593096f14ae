//! The agents' side of routing: their status, routing of new and re-opened
//! conversations, draining the queue, stale reassignment, claiming from the
//! queue and resolving.

use crate::auth::{Role, Staff};
use crate::chat::live::{events, presence};
use crate::chat::model::*;
use crate::chat::policy::{AGENTS, CHAT_STAFF};
use crate::chat::repo;
use crate::chat::routing::{pick_agent, Need};
use crate::chat::service::{self, handover, outbox, send};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::Id;
use crate::ErrorKey;

/// An agent sets their own status; going online hands them (or their
/// colleagues) the oldest queued conversations of their desks.
pub async fn set_agent_status(
    state: &AppState,
    agent: &Staff,
    status: AgentStatus,
) -> AppResult<Vec<Conversation>> {
    // Routing hands an online agent any company's customers: not for a
    // partner app given some companies.
    agent.require(AGENTS)?.require_all_companies()?;
    let mut tx = state.db.begin().await?;
    repo::agent::upsert_agent(&mut *tx, agent.id, Some(status), None, state.now()).await?;
    tx.commit().await?;
    let connected = presence::is_connected(state, agent.id).await?;
    events::presence(state, agent.id, status, connected);
    if status == AgentStatus::Online {
        drain_for_agent(state, agent.id).await
    } else {
        Ok(vec![])
    }
}

/// How an attempt to route a conversation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Routed {
    To(Id),
    NoAgent,
    /// The conversation or the agent changed meanwhile; worth another try.
    Lost,
}

/// Gives `conv` to the best agent of its desk other than `exclude`: a queued
/// (or just re-opened) conversation is assigned, an open one moves on.
pub async fn route(
    state: &AppState,
    conv: &Conversation,
    exclude: Option<Id>,
) -> AppResult<Routed> {
    let loads = repo::agent::agent_loads(&state.db, conv.desk_id).await?;
    let candidates: Vec<AgentLoad> = loads
        .into_iter()
        .filter(|a| Some(a.staff_id) != exclude)
        .collect();
    let Some(agent) = pick_agent(&candidates) else {
        return Ok(Routed::NoAgent);
    };
    let from = match conv.status {
        ConversationStatus::Open => conv.assignee_staff_id,
        _ => None,
    };
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let done = repo::assignment::try_assign(&mut tx, conv.id, agent, from, false, now).await?;
    if !done {
        return Ok(Routed::Lost);
    }
    outbox::conversation_changed(&mut tx, conv.id, now).await?;
    tx.commit().await?;
    let now = service::existing(state, conv.id).await?;
    events::conversation(state, &now, from);
    Ok(Routed::To(agent))
}

/// Assigns the desk's queued conversations, oldest first, while its agents
/// have room. Returns the conversations assigned.
pub async fn drain_queue(state: &AppState, desk_id: Id) -> AppResult<Vec<Conversation>> {
    let mut assigned = vec![];
    let mut lost = 0;
    while let Some(conv) = repo::assignment::oldest_queued(&state.db, desk_id).await? {
        match route(state, &conv, None).await? {
            Routed::To(_) => assigned.push(service::existing(state, conv.id).await?),
            Routed::NoAgent => break,
            // Another drain or a claim took it; a few races are fine, a loop is not.
            Routed::Lost if lost < 16 => lost += 1,
            Routed::Lost => break,
        }
    }
    Ok(assigned)
}

/// Drains the queues of every desk the agent serves.
pub async fn drain_for_agent(state: &AppState, staff_id: Id) -> AppResult<Vec<Conversation>> {
    let mut assigned = vec![];
    for desk_id in repo::desk::agent_desk_ids(&state.db, staff_id).await? {
        assigned.extend(drain_queue(state, desk_id).await?);
    }
    Ok(assigned)
}

/// Drains the queue of every desk.
pub async fn drain_all(state: &AppState) -> AppResult<Vec<Conversation>> {
    let mut assigned = vec![];
    for desk in repo::desk::all(&state.db).await? {
        assigned.extend(drain_queue(state, desk.id).await?);
    }
    Ok(assigned)
}

/// For desks with automatic reassignment: open conversations whose assignee
/// is offline, or whose customer has waited the desk's N minutes for an
/// answer, go to another online agent, or back to the queue. Run by a
/// background job; returns the conversations that changed.
pub async fn reassign_stale(state: &AppState) -> AppResult<Vec<Conversation>> {
    let mut changed = vec![];
    for conv in repo::assignment::stale(&state.db, state.now()).await? {
        let Some(old) = conv.assignee_staff_id else {
            continue;
        };
        let moved = match route(state, &conv, Some(old)).await? {
            Routed::To(_) => true,
            Routed::NoAgent => {
                let released = release_to_queue(state, conv.id, old).await?;
                if released {
                    let now = service::existing(state, conv.id).await?;
                    events::conversation(state, &now, Some(old));
                }
                released
            }
            Routed::Lost => false,
        };
        if moved {
            changed.push(service::existing(state, conv.id).await?);
        }
    }
    Ok(changed)
}

/// Puts an open conversation of `from` back in its desk's queue, with its event.
pub(super) async fn release_to_queue(state: &AppState, id: Id, from: Id) -> AppResult<bool> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let released = repo::assignment::release_to_queue(&mut *tx, id, from, now).await?;
    if released {
        outbox::conversation_changed(&mut tx, id, now).await?;
        tx.commit().await?;
    }
    Ok(released)
}

/// An agent of the conversation's desk takes it from the queue, within their
/// cap; an admin who is no agent takes it as a supervisor (outside any cap,
/// as `handover::take_over` would).
pub async fn claim(
    state: &AppState,
    agent: &Staff,
    conversation_id: Id,
) -> AppResult<Conversation> {
    agent.require(CHAT_STAFF)?;
    let conv = service::existing(state, conversation_id).await?;
    if !agent.has(Role::Admin)
        && !repo::desk::serves_desk(&state.db, agent.id, conv.desk_id).await?
    {
        return Err(AppError::Forbidden);
    }
    match repo::agent::agent_load(&state.db, agent.id).await? {
        Some(a) if a.status != AgentStatus::Offline => {}
        None if agent.has(Role::Admin) => return handover::claim_queued(state, agent, &conv).await,
        _ => return Err(AppError::validation("status", ErrorKey::AgentOffline)),
    }
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let done = repo::assignment::try_assign(&mut tx, conv.id, agent.id, None, true, now).await?;
    if done {
        outbox::conversation_changed(&mut tx, conv.id, now).await?;
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    let after = service::existing(state, conv.id).await?;
    if done {
        events::conversation(state, &after, None);
        Ok(after)
    } else if after.status != ConversationStatus::Queued {
        Err(AppError::conflict(
            "status",
            ErrorKey::ConversationNotQueued,
        ))
    } else {
        Err(AppError::conflict(
            "max_concurrent",
            ErrorKey::AgentAtCapacity,
        ))
    }
}

/// The assignee (or an admin) resolves a conversation; the assignee's freed
/// place goes to the oldest queued conversation of their desks.
pub async fn resolve(
    state: &AppState,
    staff: &Staff,
    conversation_id: Id,
) -> AppResult<Conversation> {
    let conv = service::authorize_staff(state, staff, conversation_id, Need::Act).await?;
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let resolved = repo::assignment::resolve(&mut *tx, conv.id, now).await?;
    // Both sides see who ended it and when, in the history too.
    let line = if resolved {
        let line = send::system_line(&mut tx, conv.id, staff, "resolved", now).await?;
        outbox::conversation_changed(&mut tx, conv.id, now).await?;
        tx.commit().await?;
        Some(line)
    } else {
        tx.rollback().await?;
        None
    };
    let after = service::existing(state, conv.id).await?;
    if let Some(line) = line {
        events::message(state, &after, &line);
        events::conversation(state, &after, None);
        if let Some(assignee) = conv.assignee_staff_id {
            drain_for_agent(state, assignee).await?;
        }
    }
    Ok(after)
}
