//! SQL of a conversation's status: assignment under the agent's cap, the
//! queue, release, resolve and reopen, and the search for stale assignments.

use const_format::formatcp;
use sqlx::{Any, AnyConnection, Executor};

use super::conversation::{from_row as conversation_from_row, CONV_COLS};
use crate::chat::model::Conversation;
use crate::error::AppResult;
use crate::types::Id;

const LOCK_AGENT: &str = "UPDATE cs_agents SET max_concurrent = max_concurrent \
     WHERE staff_id = $1 AND status = 'online'";
const LOCK_AGENT_OR_BUSY: &str = "UPDATE cs_agents SET max_concurrent = max_concurrent \
     WHERE staff_id = $1 AND status IN ('online', 'busy')";
const ASSIGN_UNDER_CAP: &str = "UPDATE conversations SET status = 'open', assignee_staff_id = $1, \
     assigned_at = $2, updated_at = $2, taken_over_from = NULL WHERE id = $3 AND ";
const ASSIGN_QUEUED: &str = formatcp!("{ASSIGN_UNDER_CAP}status = 'queued' {UNDER_CAP}");
const REASSIGN: &str =
    formatcp!("{ASSIGN_UNDER_CAP}status = 'open' AND assignee_staff_id = $4 {UNDER_CAP}");
const UNDER_CAP: &str = "AND (SELECT COUNT(*) FROM conversations o \
       WHERE o.assignee_staff_id = $1 AND o.status = 'open') \
     < (SELECT a.max_concurrent FROM cs_agents a WHERE a.staff_id = $1)";

/// Assigns conversation `id` to `agent` if it is still as expected (`from`:
/// None = queued, Some(a) = open and assigned to a), the agent is online (or
/// busy, with `allow_busy`) and under their cap. The agent's row is locked
/// first, so concurrent assignments to one agent are serialised and the cap
/// holds on PostgreSQL as on SQLite. An assignment this way ends any
/// supervisor's takeover (`taken_over_from` is cleared). Run inside a
/// transaction.
pub async fn try_assign(
    conn: &mut AnyConnection,
    id: Id,
    agent: Id,
    from: Option<Id>,
    allow_busy: bool,
    now: i64,
) -> AppResult<bool> {
    let lock = if allow_busy {
        LOCK_AGENT_OR_BUSY
    } else {
        LOCK_AGENT
    };
    let locked = sqlx::query(lock).bind(agent).execute(&mut *conn).await?;
    if locked.rows_affected() == 0 {
        return Ok(false);
    }
    let q = match from {
        None => sqlx::query(ASSIGN_QUEUED).bind(agent).bind(now).bind(id),
        Some(a) => sqlx::query(REASSIGN).bind(agent).bind(now).bind(id).bind(a),
    };
    Ok(q.execute(&mut *conn).await?.rows_affected() == 1)
}

const RELEASE_TO_QUEUE: &str = "UPDATE conversations SET status = 'queued', assignee_staff_id = NULL, assigned_at = NULL, \
         taken_over_from = NULL, updated_at = $1 WHERE id = $2 AND status = 'open' AND assignee_staff_id = $3";

/// Puts an open conversation of `from` back in its desk's queue (ending any
/// takeover).
pub async fn release_to_queue(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    from: Id,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(RELEASE_TO_QUEUE)
        .bind(now)
        .bind(id)
        .bind(from)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const RESOLVE: &str =
    "UPDATE conversations SET status = 'resolved', resolved_at = $1, awaiting_since = NULL, \
         updated_at = $1 WHERE id = $2 AND status <> 'resolved'";

/// Resolves a conversation unless it already is; the assignee is kept.
pub async fn resolve(ex: impl Executor<'_, Database = Any>, id: Id, now: i64) -> AppResult<bool> {
    let r = sqlx::query(RESOLVE).bind(now).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}

const REOPEN: &str =
    "UPDATE conversations SET status = 'queued', assignee_staff_id = NULL, assigned_at = NULL, \
         resolved_at = NULL, updated_at = $1 WHERE id = $2 AND status = 'resolved'";

/// Sends a resolved conversation back to its desk's queue. Fails with a
/// conflict if the member has since opened another one in the same desk.
pub async fn reopen(ex: impl Executor<'_, Database = Any>, id: Id, now: i64) -> AppResult<bool> {
    let r = sqlx::query(REOPEN).bind(now).bind(id).execute(ex).await?;
    Ok(r.rows_affected() == 1)
}

const OLDEST_QUEUED: &str = formatcp!(
    "SELECT {CONV_COLS} FROM conversations c WHERE c.desk_id = $1 AND c.status = 'queued' \
         ORDER BY c.created_at, c.id LIMIT 1"
);

/// The conversation that has waited longest in a desk's queue.
pub async fn oldest_queued(
    ex: impl Executor<'_, Database = Any>,
    desk_id: Id,
) -> AppResult<Option<Conversation>> {
    let row = sqlx::query(OLDEST_QUEUED)
        .bind(desk_id)
        .fetch_optional(ex)
        .await?;
    Ok(row.as_ref().map(conversation_from_row).transpose()?)
}

const STALE: &str = formatcp!(
    "SELECT {CONV_COLS} FROM conversations c \
         JOIN desks r ON r.id = c.desk_id \
         JOIN cs_agents a ON a.staff_id = c.assignee_staff_id \
         WHERE c.status = 'open' AND r.reassign_after_minutes IS NOT NULL \
           AND c.taken_over_from IS NULL \
           AND (a.status = 'offline' \
                OR (c.awaiting_since <= $1 - r.reassign_after_minutes * 60000 \
                    AND c.assigned_at <= $1 - r.reassign_after_minutes * 60000)) \
         ORDER BY c.id"
);

/// Open conversations of desks with automatic reassignment whose assignee is
/// offline, or whose customer has waited N minutes for an answer (counted
/// from the assignment too, so a new assignee gets the full N minutes).
/// A supervisor's takeover, or a conversation held by staff who are not
/// agents, is never stale.
pub async fn stale(
    ex: impl Executor<'_, Database = Any>,
    now: i64,
) -> AppResult<Vec<Conversation>> {
    let rows = sqlx::query(STALE).bind(now).fetch_all(ex).await?;
    Ok(rows
        .iter()
        .map(conversation_from_row)
        .collect::<Result<_, _>>()?)
}

const FORCE_ASSIGN: &str =
    "UPDATE conversations SET status = 'open', assignee_staff_id = $1, assigned_at = $2, \
         updated_at = $2, resolved_at = NULL, taken_over_from = $3 \
         WHERE id = $4 AND status = $5 \
           AND COALESCE(assignee_staff_id, 0) = COALESCE($6, 0)";

/// Gives an unresolved or resolved conversation to `staff` whatever their
/// cap (a supervisor's takeover, an agent's re-activation or own start).
/// `expect_status`/`expect_assignee` guard against a concurrent change;
/// `taken_over_from` remembers whom to give it back to. Conflicts with
/// another unresolved conversation of the member in the desk.
pub async fn force_assign(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    staff: Id,
    expect_status: &str,
    expect_assignee: Option<Id>,
    taken_over_from: Option<Id>,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(FORCE_ASSIGN)
        .bind(staff)
        .bind(now)
        .bind(taken_over_from)
        .bind(id)
        .bind(expect_status)
        .bind(expect_assignee)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const TAKEN_OVER_FROM: &str = "SELECT taken_over_from FROM conversations WHERE id = $1";

/// Whom a taken-over conversation came from.
pub async fn taken_over_from(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
) -> AppResult<Option<Id>> {
    Ok(sqlx::query_scalar::<_, Option<i64>>(TAKEN_OVER_FROM)
        .bind(id)
        .fetch_optional(ex)
        .await?
        .flatten())
}

const MOVE_TO_DESK: &str =
    "UPDATE conversations SET desk_id = $1, status = 'queued', assignee_staff_id = NULL, \
         assigned_at = NULL, taken_over_from = NULL, updated_at = $2 \
         WHERE id = $3 AND status <> 'resolved'";

/// Moves an open or queued conversation to another desk's queue. Conflicts
/// if the member already has an unresolved conversation there.
pub async fn move_to_desk(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    desk_id: Id,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(MOVE_TO_DESK)
        .bind(desk_id)
        .bind(now)
        .bind(id)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("lock_agent", LOCK_AGENT),
    ("lock_agent_or_busy", LOCK_AGENT_OR_BUSY),
    ("assign_queued", ASSIGN_QUEUED),
    ("reassign", REASSIGN),
    ("release_to_queue", RELEASE_TO_QUEUE),
    ("resolve", RESOLVE),
    ("reopen", REOPEN),
    ("oldest_queued", OLDEST_QUEUED),
    ("stale", STALE),
    ("force_assign", FORCE_ASSIGN),
    ("taken_over_from", TAKEN_OVER_FROM),
    ("move_to_desk", MOVE_TO_DESK),
];
