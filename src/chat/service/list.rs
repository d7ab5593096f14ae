//! The conversation lists of agents, supervisors and members. Staff see
//! their side's unread count and, unless admin, masked phone numbers.

use crate::auth::{Member, Principal, Role, Staff};
use crate::chat::model::{AgentTab, ConversationSummary, HistoryFilter};
use crate::chat::policy::CHAT_STAFF;
use crate::chat::repo;
use crate::chat::routing::Need;
use crate::chat::service;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{mask_phone, Id, Page, PageQuery};
use crate::ErrorKey;

/// Admins see members' phones in full; other staff see them masked, and
/// their searches match only a whole phone number.
fn sees_full_phones(staff: &Staff) -> bool {
    staff.has(Role::Admin)
}

/// A summary as `staff` sees it.
fn for_staff(staff: &Staff, mut s: ConversationSummary) -> ConversationSummary {
    let c = &s.conversation;
    s.unread = (c.last_seq - c.staff_read_seq).max(0);
    if !sees_full_phones(staff) {
        s.member_phone = mask_phone(&s.member_phone);
    }
    s
}

fn all_for_staff(staff: &Staff, list: Vec<ConversationSummary>) -> Vec<ConversationSummary> {
    list.into_iter().map(|s| for_staff(staff, s)).collect()
}

/// One list of the agents' console; a queue names its desk.
pub async fn agent_list(
    state: &AppState,
    staff: &Staff,
    tab: AgentTab,
    desk_id: Option<Id>,
) -> AppResult<Vec<ConversationSummary>> {
    staff.require(CHAT_STAFF)?;
    match (tab, desk_id) {
        (AgentTab::Current, _) => agent_conversations(state, staff).await,
        (AgentTab::Unreplied, _) => unreplied(state, staff).await,
        (AgentTab::Queue, Some(r)) => desk_queue(state, staff, r).await,
        (AgentTab::Queue, None) => Err(AppError::validation("desk_id", ErrorKey::FieldRequired)),
    }
}

/// The agent's current (open) conversations.
pub async fn agent_conversations(
    state: &AppState,
    agent: &Staff,
) -> AppResult<Vec<ConversationSummary>> {
    agent.require(CHAT_STAFF)?;
    let list = repo::list::by_assignee(&state.db, agent.id, false).await?;
    Ok(all_for_staff(agent, list))
}

/// The agent's open conversations where a customer waits for an answer.
pub async fn unreplied(state: &AppState, agent: &Staff) -> AppResult<Vec<ConversationSummary>> {
    agent.require(CHAT_STAFF)?;
    let list = repo::list::by_assignee(&state.db, agent.id, true).await?;
    Ok(all_for_staff(agent, list))
}

/// The queue of a desk the agent serves (any desk for admins).
pub async fn desk_queue(
    state: &AppState,
    staff: &Staff,
    desk_id: Id,
) -> AppResult<Vec<ConversationSummary>> {
    staff.require(CHAT_STAFF)?.require_all_companies()?;
    if !staff.has(Role::Admin) && !repo::desk::serves_desk(&state.db, staff.id, desk_id).await? {
        return Err(AppError::Forbidden);
    }
    let list = repo::list::queue(&state.db, desk_id).await?;
    Ok(all_for_staff(staff, list))
}

/// The member's own conversations, latest first.
pub async fn member_conversations(
    state: &AppState,
    member: &Member,
) -> AppResult<Vec<ConversationSummary>> {
    repo::list::by_member(&state.db, member.id).await
}

/// History search by the customer's name or phone (seed 000's
/// `find-history-sessions`, seed 001's `history-list`), paged.
pub async fn history(
    state: &AppState,
    staff: &Staff,
    f: &HistoryFilter,
    page: PageQuery,
) -> AppResult<Page<ConversationSummary>> {
    history_for(state, staff, f, false, page).await
}

/// As `history`; `mine_only` keeps the conversations assigned to the caller.
pub async fn history_for(
    state: &AppState,
    staff: &Staff,
    f: &HistoryFilter,
    mine_only: bool,
    page: PageQuery,
) -> AppResult<Page<ConversationSummary>> {
    // A partner app given some companies cannot search them all.
    staff.require(CHAT_STAFF)?.require_all_companies()?;
    let scope = (!staff.has(Role::Admin)).then_some(staff.id);
    let assignee = mine_only.then_some(staff.id);
    let digits = sees_full_phones(staff);
    let mut p = repo::list::history(&state.db, scope, assignee, digits, f, page).await?;
    p.items = all_for_staff(staff, std::mem::take(&mut p.items));
    Ok(p)
}

/// One conversation as the caller sees it (members: their own only).
pub async fn summary(
    state: &AppState,
    who: &Principal,
    conversation_id: Id,
) -> AppResult<ConversationSummary> {
    service::authorize(state, who, conversation_id, Need::Read).await?;
    let s = repo::list::by_id(&state.db, conversation_id)
        .await?
        .ok_or_else(|| AppError::not_found("conversation"))?;
    Ok(match who {
        Principal::Staff(staff) => for_staff(staff, s),
        Principal::Member(_) => s,
    })
}
