//! What people and jobs do in chat, each action a function that takes the
//! state, the caller and its input, checks what the caller may do (the
//! `policy` roles, `routing::check_access`), owns its transaction, writes
//! the outbox events in it (`outbox`) and publishes live events after the
//! commit (`live::events`).
//!
//! `message` (reads, read marks, recall), `send` (open, send), `agent`
//! (status, routing, queue drains, stale reassignment, claim, resolve),
//! `transfer`, `handover` (takeover, release, re-activate, agent-started),
//! `admin` (desks, agents, canned replies, cs accounts), `list`
//! (conversation lists), `notice` (system notices staff post),
//! `transcript` (paged exports for partner systems), `limit` (send rates),
//! `attachment` (uploads, downloads, the sweep), `outbox`. This file holds
//! the access check they share.

pub mod admin;
pub mod agent;
pub mod attachment;
pub mod handover;
pub mod limit;
pub mod list;
pub mod message;
pub mod notice;
pub mod outbox;
pub mod send;
pub mod transcript;
pub mod transfer;

use crate::auth::{Principal, Staff};
use crate::chat::model::Conversation;
use crate::chat::policy::CHAT_STAFF;
use crate::chat::repo;
use crate::chat::routing::{check_access, Need, Sender};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::Id;

/// The conversation, or not found.
pub(super) async fn existing(state: &AppState, id: Id) -> AppResult<Conversation> {
    repo::conversation::by_id(&state.db, id)
        .await?
        .ok_or_else(|| AppError::not_found("conversation"))
}

/// A conversation `who` may read or act on, and who they are in it.
pub(super) async fn authorize(
    state: &AppState,
    who: &Principal,
    id: Id,
    need: Need,
) -> AppResult<(Conversation, Sender)> {
    let conv = existing(state, id).await?;
    let serves = match who {
        Principal::Staff(s) if need == Need::Read => {
            repo::desk::serves_desk(&state.db, s.id, conv.desk_id).await?
        }
        _ => false,
    };
    let sender = check_access(who, &conv, need, serves)?;
    Ok((conv, sender))
}

/// As [`authorize`], for staff who work conversations at all (`CHAT_STAFF`).
pub(super) async fn authorize_staff(
    state: &AppState,
    staff: &Staff,
    id: Id,
    need: Need,
) -> AppResult<Conversation> {
    staff.require(CHAT_STAFF)?;
    let (conv, _) = authorize(state, &Principal::Staff(staff.clone()), id, need).await?;
    Ok(conv)
}
