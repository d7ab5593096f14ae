//! SQL of the live layer that instances share: staff sockets with their
//! leases (presence), and NOTIFY (the hub's fan-out on PostgreSQL). Send
//! counts live in the shared limiter.

use sqlx::{Any, Executor};

use crate::error::AppResult;
use crate::types::Id;

const INSERT_SOCKET: &str =
    "INSERT INTO agent_sockets (id, instance_id, staff_id, lease_until, created_at) \
         VALUES ($1, $2, $3, $4, $5)";

/// Records an open staff socket on `instance`, leased until `lease_until`.
pub async fn insert_socket(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    instance: i64,
    staff_id: Id,
    lease_until: i64,
    now: i64,
) -> AppResult<()> {
    sqlx::query(INSERT_SOCKET)
        .bind(id)
        .bind(instance)
        .bind(staff_id)
        .bind(lease_until)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

const DELETE_SOCKET: &str = "DELETE FROM agent_sockets WHERE id = $1";

pub async fn delete_socket(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<()> {
    sqlx::query(DELETE_SOCKET).bind(id).execute(ex).await?;
    Ok(())
}

const RENEW_INSTANCE: &str = "UPDATE agent_sockets SET lease_until = $1 WHERE instance_id = $2";

/// Extends the leases of every socket of `instance`.
pub async fn renew_instance(
    ex: impl Executor<'_, Database = Any>,
    instance: i64,
    lease_until: i64,
) -> AppResult<u64> {
    let r = sqlx::query(RENEW_INSTANCE)
        .bind(lease_until)
        .bind(instance)
        .execute(ex)
        .await?;
    Ok(r.rows_affected())
}

const EXPIRE_SOCKETS: &str = "DELETE FROM agent_sockets WHERE lease_until <= $1 RETURNING staff_id";

/// Deletes the sockets whose lease ran out (their instance stopped renewing)
/// and returns whose they were.
pub async fn expire_sockets(ex: impl Executor<'_, Database = Any>, now: i64) -> AppResult<Vec<Id>> {
    let mut ids: Vec<Id> = sqlx::query_scalar(EXPIRE_SOCKETS)
        .bind(now)
        .fetch_all(ex)
        .await?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

const LIVE_SOCKETS: &str =
    "SELECT COUNT(*) FROM agent_sockets WHERE staff_id = $1 AND lease_until > $2";

/// How many sockets a staff member has open on any instance.
pub async fn live_sockets(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
    now: i64,
) -> AppResult<i64> {
    Ok(sqlx::query_scalar(LIVE_SOCKETS)
        .bind(staff_id)
        .bind(now)
        .fetch_one(ex)
        .await?)
}

const NOTIFY: &str = "SELECT pg_notify($1, $2)";

/// Publishes `payload` on the PostgreSQL channel (the hub's fan-out to other
/// instances; PostgreSQL only).
pub async fn notify(
    ex: impl Executor<'_, Database = Any>,
    channel: &str,
    payload: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(NOTIFY)
        .bind(channel)
        .bind(payload)
        .execute(ex)
        .await
        .map(|_| ())
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert_socket", INSERT_SOCKET),
    ("delete_socket", DELETE_SOCKET),
    ("renew_instance", RENEW_INSTANCE),
    ("expire_sockets", EXPIRE_SOCKETS),
    ("live_sockets", LIVE_SOCKETS),
];

/// The statements that exist only on PostgreSQL.
pub const PG_STATEMENTS: &[(&str, &str)] = &[("notify", NOTIFY)];
