//! SQL of the chat state every instance shares: staff sockets with their
//! leases (presence). Send counts live in the shared limiter.

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
