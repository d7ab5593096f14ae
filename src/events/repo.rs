//! SQL of the outbox.

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::model::OutboxEvent;
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

/// Writes an event; call it with the transaction of the change it reports.
pub async fn insert(ex: impl Executor<'_, Database = Any>, e: &OutboxEvent) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(e.id)
        .bind(&e.topic)
        .bind(&e.aggregate_type)
        .bind(e.aggregate_id)
        .bind(&e.payload)
        .bind(e.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

pub(crate) const INSERT: &str = "INSERT INTO outbox_events \
     (id, topic, aggregate_type, aggregate_id, payload, created_at) VALUES ($1, $2, $3, $4, $5, $6)";

/// Takes up to `limit` pending events nobody holds, oldest first, until
/// `lease_until`, under `token`: one statement, so a row goes to one claimer.
pub(crate) const CLAIM: &str = "UPDATE outbox_events \
     SET claimed_until = $1, claim_token = $2, attempts = attempts + 1 \
     WHERE id IN (SELECT id FROM outbox_events WHERE processed_at IS NULL AND claimed_until <= $3 \
                  ORDER BY id LIMIT $4) \
       AND processed_at IS NULL AND claimed_until <= $3 \
     RETURNING id, topic, aggregate_type, aggregate_id, payload, created_at";

pub(crate) const COMPLETE: &str = "UPDATE outbox_events SET processed_at = $1, claimed_until = 0 \
     WHERE id = $2 AND claim_token = $3 AND processed_at IS NULL";

pub(crate) const PRUNE: &str =
    "DELETE FROM outbox_events WHERE processed_at IS NOT NULL AND processed_at < $1";

fn event_from_row(r: &AnyRow) -> Result<OutboxEvent, sqlx::Error> {
    Ok(OutboxEvent {
        id: r.try_get("id")?,
        topic: r.try_get("topic")?,
        aggregate_type: r.try_get("aggregate_type")?,
        aggregate_id: r.try_get("aggregate_id")?,
        payload: r.try_get("payload")?,
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

pub async fn claim(
    ex: impl Executor<'_, Database = Any>,
    now: i64,
    lease_until: i64,
    token: i64,
    limit: i64,
) -> AppResult<Vec<OutboxEvent>> {
    let rows = sqlx::query(CLAIM)
        .bind(lease_until)
        .bind(token)
        .bind(now)
        .bind(limit)
        .fetch_all(ex)
        .await?;
    let mut events = rows
        .iter()
        .map(event_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    events.sort_by_key(|e| e.id);
    Ok(events)
}

/// Marks a claimed event handed on, in the transaction of the hand-on.
/// False if the claim was lost (the lease ran out and another took it).
pub async fn complete(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    token: i64,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(COMPLETE)
        .bind(now)
        .bind(id)
        .bind(token)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// Deletes events processed before `before`; returns how many.
pub async fn prune(ex: impl Executor<'_, Database = Any>, before: i64) -> AppResult<u64> {
    Ok(sqlx::query(PRUNE)
        .bind(before)
        .execute(ex)
        .await?
        .rows_affected())
}

const PENDING_COUNT: &str = "SELECT COUNT(*) FROM outbox_events WHERE processed_at IS NULL";

/// Pending (unprocessed) events, for the health of the worker and tests.
pub async fn pending_count(ex: impl Executor<'_, Database = Any>) -> AppResult<i64> {
    Ok(sqlx::query_scalar(PENDING_COUNT).fetch_one(ex).await?)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert", INSERT),
    ("claim", CLAIM),
    ("complete", COMPLETE),
    ("prune", PRUNE),
    ("pending_count", PENDING_COUNT),
];
