//! SQL of CS roles and agents: the roles, who serves which, agents' states
//! and caps, their current loads, and canned replies.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Executor, Row};

use super::model::{AgentLoad, AgentStatus, CannedReply, CsRole};
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

const ROLE_COLS: &str = "id, code, name_zh, name_en, reassign_after_minutes, created_at";

fn role_from_row(r: &AnyRow) -> Result<CsRole, sqlx::Error> {
    Ok(CsRole {
        id: r.try_get("id")?,
        code: r.try_get("code")?,
        name_zh: r.try_get("name_zh")?,
        name_en: r.try_get("name_en")?,
        reassign_after_minutes: r.try_get("reassign_after_minutes")?,
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

const INSERT_ROLE: &str =
    formatcp!("INSERT INTO cs_roles ({ROLE_COLS}) VALUES ($1, $2, $3, $4, $5, $6)");

pub async fn insert_role(ex: impl Executor<'_, Database = Any>, role: &CsRole) -> AppResult<()> {
    sqlx::query(INSERT_ROLE)
        .bind(role.id)
        .bind(&role.code)
        .bind(&role.name_zh)
        .bind(&role.name_en)
        .bind(role.reassign_after_minutes)
        .bind(role.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const ROLES: &str = formatcp!("SELECT {ROLE_COLS} FROM cs_roles ORDER BY created_at, id");

pub async fn roles(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<CsRole>> {
    let rows = sqlx::query(ROLES).fetch_all(ex).await?;
    Ok(rows.iter().map(role_from_row).collect::<Result<_, _>>()?)
}

const ROLE_BY_ID: &str = formatcp!("SELECT {ROLE_COLS} FROM cs_roles WHERE id = $1");

pub async fn role_by_id(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
) -> AppResult<Option<CsRole>> {
    let row = sqlx::query(ROLE_BY_ID).bind(id).fetch_optional(ex).await?;
    Ok(row.as_ref().map(role_from_row).transpose()?)
}

const UPSERT_AGENT: &str =
    "INSERT INTO cs_agents (staff_id, status, max_concurrent, last_seen_at, created_at) \
         VALUES ($1, COALESCE($2, 'offline'), COALESCE($3, 5), $4, $4) \
         ON CONFLICT (staff_id) DO UPDATE SET \
           status = COALESCE($2, cs_agents.status), \
           away_status = CASE WHEN $2 IS NULL THEN cs_agents.away_status ELSE NULL END, \
           max_concurrent = COALESCE($3, cs_agents.max_concurrent), last_seen_at = $4";

/// Creates the agent row if missing (offline), then applies `status` and/or `max`.
pub async fn upsert_agent(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
    status: Option<AgentStatus>,
    max: Option<i64>,
    now: i64,
) -> AppResult<()> {
    sqlx::query(UPSERT_AGENT)
        .bind(staff_id)
        .bind(status.map(AgentStatus::as_str))
        .bind(max)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

const REPLACE_AGENT_ROLES: &str = "DELETE FROM cs_agent_roles WHERE staff_id = $1";
const REPLACE_AGENT_ROLES_2: &str =
    "INSERT INTO cs_agent_roles (staff_id, role_id, created_at) VALUES ($1, $2, $3)";

/// Replaces the roles an agent serves.
pub async fn replace_agent_roles(
    conn: &mut AnyConnection,
    staff_id: Id,
    role_ids: &[Id],
    now: i64,
) -> AppResult<()> {
    sqlx::query(REPLACE_AGENT_ROLES)
        .bind(staff_id)
        .execute(&mut *conn)
        .await?;
    for role_id in role_ids {
        sqlx::query(REPLACE_AGENT_ROLES_2)
            .bind(staff_id)
            .bind(role_id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

const AGENT_ROLE_IDS: &str =
    "SELECT role_id FROM cs_agent_roles WHERE staff_id = $1 ORDER BY role_id";

pub async fn agent_role_ids(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
) -> AppResult<Vec<Id>> {
    Ok(sqlx::query_scalar(AGENT_ROLE_IDS)
        .bind(staff_id)
        .fetch_all(ex)
        .await?)
}

const SERVES_ROLE: &str =
    "SELECT COUNT(*) FROM cs_agent_roles WHERE staff_id = $1 AND role_id = $2";

pub async fn serves_role(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
    role_id: Id,
) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(SERVES_ROLE)
        .bind(staff_id)
        .bind(role_id)
        .fetch_one(ex)
        .await?;
    Ok(n > 0)
}

const LOAD_SELECT: &str = "SELECT a.staff_id, s.name, a.status, a.max_concurrent, \
     (SELECT COUNT(*) FROM conversations o WHERE o.assignee_staff_id = a.staff_id \
        AND o.status = 'open') AS open_count \
     FROM cs_agents a JOIN staff s ON s.id = a.staff_id";

fn load_from_row(r: &AnyRow) -> Result<AgentLoad, sqlx::Error> {
    Ok(AgentLoad {
        staff_id: r.try_get("staff_id")?,
        name: r.try_get("name")?,
        status: AgentStatus::parse(&r.try_get::<String, _>("status")?)
            .map_err(|e| sqlx::Error::Decode(e.to_string().into()))?,
        max_concurrent: r.try_get("max_concurrent")?,
        open_count: r.try_get("open_count")?,
    })
}

const AGENT_LOADS: &str = formatcp!(
    "{LOAD_SELECT} WHERE s.disabled = 0 AND a.staff_id IN \
         (SELECT ar.staff_id FROM cs_agent_roles ar WHERE ar.role_id = $1) ORDER BY a.staff_id"
);

/// The agents of a role (enabled staff only) with their open conversations.
pub async fn agent_loads(
    ex: impl Executor<'_, Database = Any>,
    role_id: Id,
) -> AppResult<Vec<AgentLoad>> {
    let rows = sqlx::query(AGENT_LOADS).bind(role_id).fetch_all(ex).await?;
    Ok(rows.iter().map(load_from_row).collect::<Result<_, _>>()?)
}

const AGENT_LOAD: &str = formatcp!("{LOAD_SELECT} WHERE a.staff_id = $1");

pub async fn agent_load(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
) -> AppResult<Option<AgentLoad>> {
    let row = sqlx::query(AGENT_LOAD)
        .bind(staff_id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(load_from_row).transpose()?)
}

const GO_AWAY: &str =
    "UPDATE cs_agents SET away_status = status, status = 'offline', last_seen_at = $2 \
         WHERE staff_id = $1 AND status <> 'offline' \
           AND NOT EXISTS (SELECT 1 FROM agent_sockets k \
                           WHERE k.staff_id = $1 AND k.lease_until > $2)";

/// The grace period after an agent's last socket closed ran out: an online
/// or busy agent is set offline, remembering the status to return to,
/// unless a socket of theirs is open on any instance (a live lease in
/// `agent_sockets`), checked in the same statement.
pub async fn go_away(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(GO_AWAY)
        .bind(staff_id)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() > 0)
}

const RETURN_FROM_AWAY: &str =
    "UPDATE cs_agents SET status = away_status, away_status = NULL, last_seen_at = $2 \
         WHERE staff_id = $1 AND away_status IS NOT NULL AND status = 'offline' RETURNING status";

/// A socket of an agent set away opened: their status comes back.
pub async fn return_from_away(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
    now: i64,
) -> AppResult<Option<AgentStatus>> {
    let status: Option<String> = sqlx::query_scalar(RETURN_FROM_AWAY)
        .bind(staff_id)
        .bind(now)
        .fetch_optional(ex)
        .await?;
    status.map(|s| AgentStatus::parse(&s)).transpose()
}

const INSERT_CANNED: &str =
    "INSERT INTO canned_replies (id, role_id, title, body, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)";

pub async fn insert_canned(
    ex: impl Executor<'_, Database = Any>,
    c: &CannedReply,
    by: Id,
) -> AppResult<()> {
    sqlx::query(INSERT_CANNED)
        .bind(c.id)
        .bind(c.role_id)
        .bind(&c.title)
        .bind(&c.body)
        .bind(by)
        .bind(c.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const CANNED_COLS: &str = "SELECT id, role_id, title, body, created_at FROM canned_replies";
const ALL_CANNED: &str = formatcp!("{CANNED_COLS} ORDER BY title, id");
const CANNED_OF_AGENT: &str = formatcp!(
    "{CANNED_COLS} WHERE role_id IS NULL \
     OR role_id IN (SELECT role_id FROM cs_agent_roles WHERE staff_id = $1) ORDER BY title, id"
);

/// Canned replies by title: every one (`agent` None), or the shared ones and
/// those of the roles `agent` serves.
pub async fn canned_for(
    ex: impl Executor<'_, Database = Any>,
    agent: Option<Id>,
) -> AppResult<Vec<CannedReply>> {
    let q = match agent {
        None => sqlx::query(ALL_CANNED),
        Some(staff_id) => sqlx::query(CANNED_OF_AGENT).bind(staff_id),
    };
    let rows = q.fetch_all(ex).await?;
    Ok(rows
        .iter()
        .map(|r| {
            Ok(CannedReply {
                id: r.try_get("id")?,
                role_id: r.try_get("role_id")?,
                title: r.try_get("title")?,
                body: r.try_get("body")?,
                created_at: Timestamp(r.try_get("created_at")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()?)
}

const DELETE_CANNED: &str = "DELETE FROM canned_replies WHERE id = $1";

pub async fn delete_canned(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let r = sqlx::query(DELETE_CANNED).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}

const ALL_AGENT_LOADS: &str = formatcp!("{LOAD_SELECT} WHERE s.disabled = 0 ORDER BY a.staff_id");

/// Every agent (enabled staff) with their load.
pub async fn all_agent_loads(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<AgentLoad>> {
    let rows = sqlx::query(ALL_AGENT_LOADS).fetch_all(ex).await?;
    Ok(rows.iter().map(load_from_row).collect::<Result<_, _>>()?)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert_role", INSERT_ROLE),
    ("roles", ROLES),
    ("role_by_id", ROLE_BY_ID),
    ("upsert_agent", UPSERT_AGENT),
    ("replace_agent_roles", REPLACE_AGENT_ROLES),
    ("replace_agent_roles_2", REPLACE_AGENT_ROLES_2),
    ("agent_role_ids", AGENT_ROLE_IDS),
    ("serves_role", SERVES_ROLE),
    ("agent_loads", AGENT_LOADS),
    ("agent_load", AGENT_LOAD),
    ("go_away", GO_AWAY),
    ("return_from_away", RETURN_FROM_AWAY),
    ("insert_canned", INSERT_CANNED),
    ("all_canned", ALL_CANNED),
    ("canned_of_agent", CANNED_OF_AGENT),
    ("delete_canned", DELETE_CANNED),
    ("all_agent_loads", ALL_AGENT_LOADS),
];
