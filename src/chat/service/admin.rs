//! Admin set-up of chat: desks, which agents serve them and with what
//! cap, cs accounts, and the views of agents and their loads.

use crate::auth::{
    parse_person_name, repo as auth_repo, service as auth, Role, Staff, StaffForCreate,
};
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

pub async fn create_desk(
    state: &AppState,
    admin: &Staff,
    input: &DeskForCreate,
) -> AppResult<Desk> {
    admin.require(SUPERVISORS)?;
    let desk = Desk {
        id: new_id(),
        code: parse_desk_code(&input.code)?,
        name_zh: parse_person_name("name_zh", &input.name_zh)?,
        name_en: parse_person_name("name_en", &input.name_en)?,
        reassign_after_minutes: input.reassign_after_minutes,
        created_at: Timestamp(state.now()),
    };
    if desk
        .reassign_after_minutes
        .is_some_and(|m| !(1..=24 * 60).contains(&m))
    {
        return Err(AppError::validation(
            "reassign_after_minutes",
            ErrorKey::DeskReassignInvalid,
        ));
    }
    repo::desk::insert(&state.db, &desk)
        .await
        .map_err(on_unique("code", "code", ErrorKey::DeskCodeTaken))?;
    Ok(desk)
}

/// The desks customers choose from, oldest first.
pub async fn list_desks(state: &AppState) -> AppResult<Vec<Desk>> {
    repo::desk::all(&state.db).await
}

/// Makes a cs staff member an agent of `desk_ids` with a cap of
/// `max_concurrent`, and gives them queued conversations if they are online.
pub async fn set_agent_desks(
    state: &AppState,
    admin: &Staff,
    staff_id: Id,
    desk_ids: &[Id],
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
    let mut ids = desk_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for id in &ids {
        if repo::desk::by_id(&state.db, *id).await?.is_none() {
            return Err(AppError::validation("desk_ids", ErrorKey::DeskUnknown));
        }
    }
    let now = state.now();
    let mut tx = state.db.begin().await?;
    repo::agent::upsert_agent(&mut *tx, staff_id, None, Some(max_concurrent), now).await?;
    repo::desk::replace_agent_desks(&mut tx, staff_id, &ids, now).await?;
    tx.commit().await?;
    drain_for_agent(state, staff_id).await
}

/// The agents of a desk with their load (seed 003's `accepted_case`).
pub async fn desk_agents(
    state: &AppState,
    staff: &Staff,
    desk_id: Id,
) -> AppResult<Vec<AgentLoad>> {
    staff.require(CHAT_STAFF)?;
    repo::agent::agent_loads(&state.db, desk_id).await
}

/// The longest canned reply title.
pub const MAX_CANNED_TITLE: usize = 40;

/// An admin adds a canned reply for one desk or all.
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
    if let Some(desk) = input.desk_id {
        if repo::desk::by_id(&state.db, desk).await?.is_none() {
            return Err(AppError::validation("desk_id", ErrorKey::DeskUnknown));
        }
    }
    let c = CannedReply {
        id: new_id(),
        desk_id: input.desk_id,
        title: title.to_owned(),
        body,
        created_at: Timestamp(state.now()),
    };
    repo::canned::insert(&state.db, &c, admin.id).await?;
    Ok(c)
}

/// The canned replies an agent may use (their desks' and the shared ones);
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

/// Every agent with their status, desks and load, for the supervisors'
/// board (seed 003's online agents with `accepted_case`).
pub async fn all_agents(state: &AppState, staff: &Staff) -> AppResult<Vec<AgentSetup>> {
    staff.require(SUPERVISORS)?;
    let mut out = vec![];
    for load in repo::agent::all_agent_loads(&state.db).await? {
        let desk_ids = repo::desk::agent_desk_ids(&state.db, load.staff_id).await?;
        out.push(AgentSetup { load, desk_ids });
    }
    Ok(out)
}

/// The desks `staff` serves (every desk for admins).
pub async fn desks_of(state: &AppState, staff: &Staff) -> AppResult<Vec<Desk>> {
    staff.require(CHAT_STAFF)?;
    let all = repo::desk::all(&state.db).await?;
    if staff.has_any(SUPERVISORS) {
        return Ok(all);
    }
    let mine = repo::desk::agent_desk_ids(&state.db, staff.id).await?;
    Ok(all.into_iter().filter(|r| mine.contains(&r.id)).collect())
}

/// The caller's own agent status and load (None: not set up as an agent).
pub async fn own_load(state: &AppState, staff: &Staff) -> AppResult<Option<AgentLoad>> {
    staff.require(CHAT_STAFF)?;
    repo::agent::agent_load(&state.db, staff.id).await
}

/// The enabled staff accounts with the cs role, by name (seed 003's 客服列表).
pub async fn cs_accounts(state: &AppState, staff: &Staff) -> AppResult<Vec<Staff>> {
    staff.require(CHAT_STAFF)?;
    auth_repo::staff_with_role(&state.db, Role::Cs).await
}

/// The cs agents online now, each with their account and load (seed 003's
/// 在线客服 with `accepted_case`), by staff id.
pub async fn online_agents(state: &AppState, staff: &Staff) -> AppResult<Vec<(Staff, AgentLoad)>> {
    let accounts = cs_accounts(state, staff).await?;
    let loads = repo::agent::all_agent_loads(&state.db).await?;
    Ok(loads
        .into_iter()
        .filter(|l| l.status == AgentStatus::Online)
        .filter_map(|l| {
            let s = accounts.iter().find(|s| s.id == l.staff_id)?;
            Some((s.clone(), l))
        })
        .collect())
}

/// An admin creates a cs staff account (seed 003 添加客服帐号) with no
/// password anyone knows: the agent signs in once an admin sets one.
/// Desks and a cap are set up as for any agent (`set_agent_desks`).
pub async fn create_cs_account(
    state: &AppState,
    admin: &Staff,
    account: &str,
    name: &str,
) -> AppResult<Staff> {
    // Letters and digits, as a new password needs; never shown to anyone.
    let password = format!("kf1{}", hex::encode(rand::random::<[u8; 24]>()));
    let input = StaffForCreate {
        account: account.to_owned(),
        name: name.to_owned(),
        password,
        roles: vec![Role::Cs.as_str().to_owned()],
    };
    auth::create_staff(state, admin, &input).await
}
