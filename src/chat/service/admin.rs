//! Admin set-up of chat: CS roles, which agents serve them and with what
//! cap, and the supervisors' view of agents and their loads.

use crate::auth::{parse_person_name, repo as auth_repo, Role, Staff};
use crate::chat::model::*;
use crate::chat::policy::{AGENTS, CHAT_STAFF, SUPERVISORS};
use crate::chat::repo;
use crate::chat::service::agent::drain_for_agent;
use crate::db::{new_id, on_unique};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

/// The most conversations an agent may be given at once.
pub const MAX_CONCURRENT_LIMIT: i64 = 50;

pub async fn create_cs_role(
    state: &AppState,
    admin: &Staff,
    input: &CsRoleForCreate,
) -> AppResult<CsRole> {
    admin.require(SUPERVISORS)?;
    let role = CsRole {
        id: new_id(),
        code: parse_role_code(&input.code)?,
        name_zh: parse_person_name("name_zh", &input.name_zh)?,
        name_en: parse_person_name("name_en", &input.name_en)?,
        reassign_after_minutes: input.reassign_after_minutes,
        created_at: Timestamp(state.now()),
    };
    if role
        .reassign_after_minutes
        .is_some_and(|m| !(1..=24 * 60).contains(&m))
    {
        return Err(AppError::validation(
            "reassign_after_minutes",
            ErrorKey::CsRoleReassignInvalid,
        ));
    }
    repo::desk::insert_role(&state.db, &role)
        .await
        .map_err(on_unique("code", "code", ErrorKey::CsRoleCodeTaken))?;
    Ok(role)
}

/// The roles customers choose from, oldest first.
pub async fn list_cs_roles(state: &AppState) -> AppResult<Vec<CsRole>> {
    repo::desk::roles(&state.db).await
}

/// Makes a cs staff member an agent of `role_ids` with a cap of
/// `max_concurrent`, and gives them queued conversations if they are online.
pub async fn set_agent_roles(
    state: &AppState,
    admin: &Staff,
    staff_id: Id,
    role_ids: &[Id],
    max_concurrent: i64,
) -> AppResult<Vec<Conversation>> {
    admin.require(SUPERVISORS)?;
    match auth_repo::staff_by_id(&state.db, staff_id).await? {
        Some(s) if s.has(Role::Cs) => {}
        Some(_) => return Err(AppError::validation("staff_id", ErrorKey::AgentNotCs)),
        None => return Err(AppError::not_found("staff")),
    }
    if !(1..=MAX_CONCURRENT_LIMIT).contains(&max_concurrent) {
        return Err(AppError::validation(
            "max_concurrent",
            ErrorKey::AgentMaxInvalid,
        ));
    }
    let mut ids = role_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for id in &ids {
        if repo::desk::role_by_id(&state.db, *id).await?.is_none() {
            return Err(AppError::validation("role_ids", ErrorKey::CsRoleUnknown));
        }
    }
    let now = state.now();
    let mut tx = state.db.begin().await?;
    repo::agent::upsert_agent(&mut *tx, staff_id, None, Some(max_concurrent), now).await?;
    repo::desk::replace_agent_roles(&mut tx, staff_id, &ids, now).await?;
    tx.commit().await?;
    drain_for_agent(state, staff_id).await
}

/// The agents of a role with their load (seed 003's `accepted_case`).
pub async fn role_agents(
    state: &AppState,
    staff: &Staff,
    role_id: Id,
) -> AppResult<Vec<AgentLoad>> {
    staff.require(CHAT_STAFF)?;
    repo::agent::agent_loads(&state.db, role_id).await
}

/// The longest canned reply title.
pub const MAX_CANNED_TITLE: usize = 40;

/// An admin adds a canned reply for one role or all.
pub async fn create_canned(
    state: &AppState,
    admin: &Staff,
    input: &CannedReplyForCreate,
) -> AppResult<CannedReply> {
    admin.require(SUPERVISORS)?;
    let title = input.title.trim();
    if title.is_empty() || title.chars().count() > MAX_CANNED_TITLE {
        return Err(AppError::validation("title", ErrorKey::CannedTitleInvalid));
    }
    let body = parse_message_body(MessageKind::Text, &input.body)?;
    if let Some(role) = input.role_id {
        if repo::desk::role_by_id(&state.db, role).await?.is_none() {
            return Err(AppError::validation("role_id", ErrorKey::CsRoleUnknown));
        }
    }
    let c = CannedReply {
        id: new_id(),
        role_id: input.role_id,
        title: title.to_owned(),
        body,
        created_at: Timestamp(state.now()),
    };
    repo::canned::insert(&state.db, &c, admin.id).await?;
    Ok(c)
}

/// The canned replies an agent may use (their roles' and the shared ones);
/// admins see all.
pub async fn canned_replies(state: &AppState, staff: &Staff) -> AppResult<Vec<CannedReply>> {
    if staff.has_any(SUPERVISORS) {
        return repo::canned::visible_to(&state.db, None).await;
    }
    staff.require(AGENTS)?;
    repo::canned::visible_to(&state.db, Some(staff.id)).await
}

pub async fn delete_canned(state: &AppState, admin: &Staff, id: Id) -> AppResult<()> {
    admin.require(SUPERVISORS)?;
    if repo::canned::delete(&state.db, id).await? {
        Ok(())
    } else {
        Err(AppError::not_found("canned_reply"))
    }
}

/// Every agent with their status, roles and load, for the supervisors'
/// board (seed 003's online agents with `accepted_case`).
pub async fn all_agents(state: &AppState, staff: &Staff) -> AppResult<Vec<AgentSetup>> {
    staff.require(SUPERVISORS)?;
    let mut out = vec![];
    for load in repo::agent::all_agent_loads(&state.db).await? {
        let role_ids = repo::desk::agent_role_ids(&state.db, load.staff_id).await?;
        out.push(AgentSetup { load, role_ids });
    }
    Ok(out)
}

/// The roles `staff` serves (every role for admins).
pub async fn roles_of(state: &AppState, staff: &Staff) -> AppResult<Vec<CsRole>> {
    staff.require(CHAT_STAFF)?;
    let all = repo::desk::roles(&state.db).await?;
    if staff.has_any(SUPERVISORS) {
        return Ok(all);
    }
    let mine = repo::desk::agent_role_ids(&state.db, staff.id).await?;
    Ok(all.into_iter().filter(|r| mine.contains(&r.id)).collect())
}

/// The caller's own agent status and load (None: not set up as an agent).
pub async fn own_load(state: &AppState, staff: &Staff) -> AppResult<Option<AgentLoad>> {
    staff.require(CHAT_STAFF)?;
    repo::agent::agent_load(&state.db, staff.id).await
}
