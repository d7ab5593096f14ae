//! SQL of the chat limits every instance shares: staff sockets with their
//! leases (presence), and per-person send counts (the send rate limit).

use crate::db::Db;
use crate::error::AppResult;
use crate::types::Id;

/// Records an open staff socket on `instance`, leased until `lease_until`.
pub async fn insert_socket(
    db: &Db,
    id: Id,
    instance: i64,
    staff_id: Id,
    lease_until: i64,
    now: i64,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO agent_sockets (id, instance_id, staff_id, lease_until, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(instance)
    .bind(staff_id)
    .bind(lease_until)
    .bind(now)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn delete_socket(db: &Db, id: Id) -> AppResult<()> {
    sqlx::query("DELETE FROM agent_sockets WHERE id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Extends the leases of every socket of `instance`.
pub async fn renew_instance(db: &Db, instance: i64, lease_until: i64) -> AppResult<u64> {
    let r = sqlx::query("UPDATE agent_sockets SET lease_until = $1 WHERE instance_id = $2")
        .bind(lease_until)
        .bind(instance)
        .execute(db)
        .await?;
    Ok(r.rows_affected())
}

/// Deletes the sockets whose lease ran out (their instance stopped renewing)
/// and returns whose they were.
pub async fn expire_sockets(db: &Db, now: i64) -> AppResult<Vec<Id>> {
    let mut ids: Vec<Id> =
        sqlx::query_scalar("DELETE FROM agent_sockets WHERE lease_until <= $1 RETURNING staff_id")
            .bind(now)
            .fetch_all(db)
            .await?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// How many sockets a staff member has open on any instance.
pub async fn live_sockets(db: &Db, staff_id: Id, now: i64) -> AppResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM agent_sockets WHERE staff_id = $1 AND lease_until > $2",
    )
    .bind(staff_id)
    .bind(now)
    .fetch_one(db)
    .await?)
}

/// Counts one send of a person in the window starting at `window_start`,
/// unless they already sent `limit` in it: the check and the count are one
/// statement. False when over the limit.
pub async fn count_send(
    db: &Db,
    sender_kind: &str,
    sender_id: Id,
    window_start: i64,
    limit: i64,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(
        "INSERT INTO chat_send_counts (sender_kind, sender_id, window_start, sends, created_at) \
         VALUES ($1, $2, $3, 1, $4) \
         ON CONFLICT (sender_kind, sender_id, window_start) \
         DO UPDATE SET sends = chat_send_counts.sends + 1 WHERE chat_send_counts.sends < $5",
    )
    .bind(sender_kind)
    .bind(sender_id)
    .bind(window_start)
    .bind(now)
    .bind(limit)
    .execute(db)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Drops send counts of windows that started before `before`.
pub async fn prune_send_counts(db: &Db, before: i64) -> AppResult<u64> {
    let r = sqlx::query("DELETE FROM chat_send_counts WHERE window_start < $1")
        .bind(before)
        .execute(db)
        .await?;
    Ok(r.rows_affected())
}
