//! Conversations changing hands outside routing (transfers are `transfer`): a
//! supervisor's takeover and release (seed 002 申请接管 / 终止接管),
//! re-activating a resolved conversation (激活会话), and an agent starting a
//! conversation with a customer (seed 000 客服发起会话).

use crate::auth::{repo as auth_repo, Role, Staff};
use crate::chat::live::events;
use crate::chat::model::*;
use crate::chat::policy::{CHAT_STAFF, SUPERVISORS};
use crate::chat::repo;
use crate::chat::routing::Need;
use crate::chat::service::{self, agent, outbox};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

/// A unique-key conflict of an assignment: the member has another
/// unresolved conversation in the desk.
pub(super) fn conflict_as_other_active(e: AppError) -> AppError {
    match e {
        AppError::Conflict { .. } => {
            AppError::validation("conversation_id", ErrorKey::ConversationOtherActive)
        }
        other => other,
    }
}

/// Gives `conv`, as it was read, to `staff` whatever their cap (remembering
/// `taken_over_from`), and tells who needs to know. A concurrent change
/// answers a conflict on `field`.
async fn hand_to(
    state: &AppState,
    conv: &Conversation,
    staff: Id,
    taken_over_from: Option<Id>,
    field: &str,
) -> AppResult<Conversation> {
    let now = state.now();
    let mut tx = state.db.begin().await?;
    let done = repo::assignment::force_assign(
        &mut *tx,
        conv.id,
        staff,
        conv.status.as_str(),
        conv.assignee_staff_id,
        taken_over_from,
        now,
    )
    .await
    .map_err(conflict_as_other_active)?;
    if !done {
        return Err(AppError::conflict(field, ErrorKey::ConversationChanged));
    }
    outbox::conversation_changed(&mut tx, conv.id, now).await?;
    tx.commit().await?;
    let after = service::existing(state, conv.id).await?;
    events::conversation(state, &after, conv.assignee_staff_id);
    Ok(after)
}

/// A supervisor takes an unresolved conversation over (whatever its queue or
/// assignee); the agent it came from gets it back on release.
pub async fn take_over(
    state: &AppState,
    supervisor: &Staff,
    conversation_id: Id,
) -> AppResult<Conversation> {
    supervisor.require(SUPERVISORS)?;
    let conv = service::existing(state, conversation_id).await?;
    if conv.status == ConversationStatus::Resolved {
        return Err(AppError::validation(
            "conversation_id",
            ErrorKey::ConversationResolved,
        ));
    }
    if conv.assignee_staff_id == Some(supervisor.id) {
        return Ok(conv);
    }
    hand_to(
        state,
        &conv,
        supervisor.id,
        conv.assignee_staff_id,
        "conversation_id",
    )
    .await
}

/// A supervisor who is no agent claims a queued conversation: it becomes
/// theirs, with no agent to give it back to on release.
pub(super) async fn claim_queued(
    state: &AppState,
    supervisor: &Staff,
    conv: &Conversation,
) -> AppResult<Conversation> {
    supervisor.require(SUPERVISORS)?;
    if conv.status != ConversationStatus::Queued {
        return Err(AppError::conflict(
            "status",
            ErrorKey::ConversationNotQueued,
        ));
    }
    hand_to(state, conv, supervisor.id, None, "status").await
}

/// The supervisor who took a conversation over gives it back to the agent
/// it came from, or, when that agent is gone or full, to routing. Either
/// way the takeover ends: `taken_over_from` is cleared by the assignment or
/// the release to the queue, so the conversation is reassigned again like
/// any other when its agent goes away.
pub async fn release(
    state: &AppState,
    supervisor: &Staff,
    conversation_id: Id,
) -> AppResult<Conversation> {
    supervisor.require(SUPERVISORS)?;
    let conv = service::existing(state, conversation_id).await?;
    if conv.status != ConversationStatus::Open || conv.assignee_staff_id != Some(supervisor.id) {
        return Err(AppError::validation(
            "conversation_id",
            ErrorKey::ConversationNotTakenOver,
        ));
    }
    let back_to = repo::assignment::taken_over_from(&state.db, conv.id).await?;
    let now = state.now();
    let mut given = false;
    if let Some(agent) = back_to {
        let mut tx = state.db.begin().await?;
        given =
            repo::assignment::try_assign(&mut tx, conv.id, agent, Some(supervisor.id), true, now)
                .await?;
        if given {
            outbox::conversation_changed(&mut tx, conv.id, now).await?;
            tx.commit().await?;
        }
    }
    if !given {
        let released = agent::release_to_queue(state, conv.id, supervisor.id).await?;
        if released {
            let queued = service::existing(state, conv.id).await?;
            if matches!(
                agent::route(state, &queued, None).await?,
                agent::Routed::To(_)
            ) {
                return service::existing(state, conv.id).await;
            }
        }
    }
    let after = service::existing(state, conv.id).await?;
    events::conversation(state, &after, Some(supervisor.id));
    Ok(after)
}

/// An agent of the desk (or an admin) re-activates a resolved conversation
/// and takes it.
pub async fn reactivate(
    state: &AppState,
    staff: &Staff,
    conversation_id: Id,
) -> AppResult<Conversation> {
    let conv = service::authorize_staff(state, staff, conversation_id, Need::Read).await?;
    if conv.status != ConversationStatus::Resolved {
        return Err(AppError::validation(
            "conversation_id",
            ErrorKey::ConversationNotResolved,
        ));
    }
    hand_to(state, &conv, staff.id, None, "conversation_id").await
}

/// An agent of `desk_id` (or an admin) starts a conversation with a member:
/// a new one assigned to them, or the member's unresolved one in the desk
/// if it is theirs or still queued.
pub async fn start_with_member(
    state: &AppState,
    staff: &Staff,
    member_id: Id,
    desk_id: Id,
) -> AppResult<Conversation> {
    staff.require(CHAT_STAFF)?;
    repo::desk::by_id(&state.db, desk_id)
        .await?
        .ok_or_else(|| AppError::validation("desk_id", ErrorKey::DeskUnknown))?;
    if !staff.has(Role::Admin) && !repo::desk::serves_desk(&state.db, staff.id, desk_id).await? {
        return Err(AppError::Forbidden);
    }
    let member = auth_repo::member_by_id(&state.db, member_id)
        .await?
        .ok_or_else(|| AppError::not_found("member"))?;
    if member.disabled {
        return Err(AppError::validation("member_id", ErrorKey::MemberDisabled));
    }
    let now = state.now();
    if let Some(c) = repo::conversation::active(&state.db, member.id, desk_id).await? {
        return match (c.status, c.assignee_staff_id) {
            (_, Some(a)) if a == staff.id => Ok(c),
            (ConversationStatus::Queued, _) => {
                hand_to(state, &c, staff.id, None, "member_id").await
            }
            _ => Err(AppError::conflict(
                "member_id",
                ErrorKey::ConversationAssignedElsewhere,
            )),
        };
    }
    // Inserted open and assigned: no queue drain can take it in between.
    let conv = Conversation {
        id: new_id(),
        company_id: member.company_id,
        member_id: member.id,
        desk_id,
        status: ConversationStatus::Open,
        assignee_staff_id: Some(staff.id),
        assigned_at: Some(Timestamp(now)),
        last_seq: 0,
        last_message_at: Timestamp(now),
        awaiting_since: None,
        customer_read_seq: 0,
        staff_read_seq: 0,
        created_at: Timestamp(now),
        updated_at: Timestamp(now),
        resolved_at: None,
    };
    let mut tx = state.db.begin().await?;
    repo::conversation::insert(&mut *tx, &conv)
        .await
        .map_err(|e| match e {
            AppError::Conflict { .. } => {
                AppError::conflict("member_id", ErrorKey::ConversationChanged)
            }
            other => other,
        })?;
    outbox::conversation_changed(&mut tx, conv.id, now).await?;
    tx.commit().await?;
    let after = service::existing(state, conv.id).await?;
    events::conversation(state, &after, None);
    Ok(after)
}
