//! SQL of agents: their state and cap, their current loads, and the
//! away status of presence.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::chat::model::{AgentLoad, AgentStatus};
use crate::error::AppResult;
use crate::types::Id;

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
         (SELECT ar.staff_id FROM agent_desks ar WHERE ar.desk_id = $1) ORDER BY a.staff_id"
);

/// The agents of a desk (enabled staff only) with their open conversations.
pub async fn agent_loads(
    ex: impl Executor<'_, Database = Any>,
    desk_id: Id,
) -> AppResult<Vec<AgentLoad>> {
    let rows = sqlx::query(AGENT_LOADS).bind(desk_id).fetch_all(ex).await?;
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
const ALL_AGENT_LOADS: &str = formatcp!("{LOAD_SELECT} WHERE s.disabled = 0 ORDER BY a.staff_id");

/// Every agent (enabled staff) with their load.
pub async fn all_agent_loads(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<AgentLoad>> {
    let rows = sqlx::query(ALL_AGENT_LOADS).fetch_all(ex).await?;
    Ok(rows.iter().map(load_from_row).collect::<Result<_, _>>()?)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("upsert_agent", UPSERT_AGENT),
    ("agent_loads", AGENT_LOADS),
    ("agent_load", AGENT_LOAD),
    ("all_agent_loads", ALL_AGENT_LOADS),
    ("go_away", GO_AWAY),
    ("return_from_away", RETURN_FROM_AWAY),
];
