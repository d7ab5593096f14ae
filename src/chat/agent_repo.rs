//! SQL of CS roles and agents: the roles, who serves which, agents' states
//! and caps, their current loads, and canned replies.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::model::{AgentLoad, AgentStatus, CannedReply, CsRole};
use crate::db::Db;
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

pub async fn insert_role(db: &Db, role: &CsRole) -> AppResult<()> {
    sqlx::query(&format!(
        "INSERT INTO cs_roles ({ROLE_COLS}) VALUES ($1, $2, $3, $4, $5, $6)"
    ))
    .bind(role.id)
    .bind(&role.code)
    .bind(&role.name_zh)
    .bind(&role.name_en)
    .bind(role.reassign_after_minutes)
    .bind(role.created_at.0)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn roles(db: &Db) -> AppResult<Vec<CsRole>> {
    let rows = sqlx::query(&format!(
        "SELECT {ROLE_COLS} FROM cs_roles ORDER BY created_at, id"
    ))
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(role_from_row).collect::<Result<_, _>>()?)
}

pub async fn role_by_id(db: &Db, id: Id) -> AppResult<Option<CsRole>> {
    let row = sqlx::query(&format!("SELECT {ROLE_COLS} FROM cs_roles WHERE id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    Ok(row.as_ref().map(role_from_row).transpose()?)
}

/// Creates the agent row if missing (offline), then applies `status` and/or `max`.
pub async fn upsert_agent(
    conn: &mut AnyConnection,
    staff_id: Id,
    status: Option<AgentStatus>,
    max: Option<i64>,
    now: i64,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO cs_agents (staff_id, status, max_concurrent, last_seen_at, created_at) \
         VALUES ($1, COALESCE($2, 'offline'), COALESCE($3, 5), $4, $4) \
         ON CONFLICT (staff_id) DO UPDATE SET \
           status = COALESCE($2, cs_agents.status), \
           away_status = CASE WHEN $2 IS NULL THEN cs_agents.away_status ELSE NULL END, \
           max_concurrent = COALESCE($3, cs_agents.max_concurrent), last_seen_at = $4",
    )
    .bind(staff_id)
    .bind(status.map(AgentStatus::as_str))
    .bind(max)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Replaces the roles an agent serves.
pub async fn replace_agent_roles(
    conn: &mut AnyConnection,
    staff_id: Id,
    role_ids: &[Id],
    now: i64,
) -> AppResult<()> {
    sqlx::query("DELETE FROM cs_agent_roles WHERE staff_id = $1")
        .bind(staff_id)
        .execute(&mut *conn)
        .await?;
    for role_id in role_ids {
        sqlx::query(
            "INSERT INTO cs_agent_roles (staff_id, role_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(staff_id)
        .bind(role_id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn agent_role_ids(db: &Db, staff_id: Id) -> AppResult<Vec<Id>> {
    Ok(sqlx::query_scalar(
        "SELECT role_id FROM cs_agent_roles WHERE staff_id = $1 ORDER BY role_id",
    )
    .bind(staff_id)
    .fetch_all(db)
    .await?)
}

pub async fn serves_role(db: &Db, staff_id: Id, role_id: Id) -> AppResult<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM cs_agent_roles WHERE staff_id = $1 AND role_id = $2",
    )
    .bind(staff_id)
    .bind(role_id)
    .fetch_one(db)
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

/// The agents of a role (enabled staff only) with their open conversations.
pub async fn agent_loads(db: &Db, role_id: Id) -> AppResult<Vec<AgentLoad>> {
    let rows = sqlx::query(&format!(
        "{LOAD_SELECT} WHERE s.disabled = 0 AND a.staff_id IN \
         (SELECT ar.staff_id FROM cs_agent_roles ar WHERE ar.role_id = $1) ORDER BY a.staff_id"
    ))
    .bind(role_id)
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(load_from_row).collect::<Result<_, _>>()?)
}

pub async fn agent_load(db: &Db, staff_id: Id) -> AppResult<Option<AgentLoad>> {
    let row = sqlx::query(&format!("{LOAD_SELECT} WHERE a.staff_id = $1"))
        .bind(staff_id)
        .fetch_optional(db)
        .await?;
    Ok(row.as_ref().map(load_from_row).transpose()?)
}

/// The grace period after an agent's last socket closed ran out: an online
/// or busy agent is set offline, remembering the status to return to,
/// unless a socket of theirs is open on any instance (a live lease in
/// `agent_sockets`), checked in the same statement.
pub async fn go_away(db: &Db, staff_id: Id, now: i64) -> AppResult<bool> {
    let r = sqlx::query(
        "UPDATE cs_agents SET away_status = status, status = 'offline', last_seen_at = $2 \
         WHERE staff_id = $1 AND status <> 'offline' \
           AND NOT EXISTS (SELECT 1 FROM agent_sockets k \
                           WHERE k.staff_id = $1 AND k.lease_until > $2)",
    )
    .bind(staff_id)
    .bind(now)
    .execute(db)
    .await?;
    Ok(r.rows_affected() > 0)
}

/// A socket of an agent set away opened: their status comes back.
pub async fn return_from_away(db: &Db, staff_id: Id, now: i64) -> AppResult<Option<AgentStatus>> {
    let status: Option<String> = sqlx::query_scalar(
        "UPDATE cs_agents SET status = away_status, away_status = NULL, last_seen_at = $2 \
         WHERE staff_id = $1 AND away_status IS NOT NULL AND status = 'offline' RETURNING status",
    )
    .bind(staff_id)
    .bind(now)
    .fetch_optional(db)
    .await?;
    status.map(|s| AgentStatus::parse(&s)).transpose()
}

pub async fn insert_canned(db: &Db, c: &CannedReply, by: Id) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO canned_replies (id, role_id, title, body, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(c.id)
    .bind(c.role_id)
    .bind(&c.title)
    .bind(&c.body)
    .bind(by)
    .bind(c.created_at.0)
    .execute(db)
    .await?;
    Ok(())
}

/// Canned replies of the given roles and the shared ones, by title.
pub async fn canned_for(db: &Db, role_ids: Option<&[Id]>) -> AppResult<Vec<CannedReply>> {
    let filter = match role_ids {
        None => String::new(),
        Some(ids) => {
            let list: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
            if list.is_empty() {
                " WHERE role_id IS NULL".into()
            } else {
                format!(" WHERE role_id IS NULL OR role_id IN ({})", list.join(","))
            }
        }
    };
    let rows = sqlx::query(&format!(
        "SELECT id, role_id, title, body, created_at FROM canned_replies{filter} ORDER BY title, id"
    ))
    .fetch_all(db)
    .await?;
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

pub async fn delete_canned(db: &Db, id: Id) -> AppResult<bool> {
    let r = sqlx::query("DELETE FROM canned_replies WHERE id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Every agent (enabled staff) with their load.
pub async fn all_agent_loads(db: &Db) -> AppResult<Vec<AgentLoad>> {
    let rows = sqlx::query(&format!(
        "{LOAD_SELECT} WHERE s.disabled = 0 ORDER BY a.staff_id"
    ))
    .fetch_all(db)
    .await?;
    Ok(rows.iter().map(load_from_row).collect::<Result<_, _>>()?)
}
