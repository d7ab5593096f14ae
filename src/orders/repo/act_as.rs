//! Act-as tokens: stored by their SHA-256, read only while unexpired.

use sqlx::{Any, Executor, Row};

use crate::error::AppResult;
use crate::types::Id;

pub(crate) const INSERT: &str = "INSERT INTO act_as_tokens (id, token_hash, staff_id, member_id, \
     scope, expires_at, created_at) VALUES ($1, $2, $3, $4, 'book', $5, $6)";

pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    hash: &str,
    staff_id: Id,
    member_id: Id,
    expires_at: i64,
    now: i64,
) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(id)
        .bind(hash)
        .bind(staff_id)
        .bind(member_id)
        .bind(expires_at)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

pub(crate) const LIVE: &str = "SELECT member_id FROM act_as_tokens \
     WHERE token_hash = $1 AND staff_id = $2 AND scope = 'book' AND expires_at > $3";

/// The member a token of `staff_id` acts for, while it lasts.
pub async fn live(
    ex: impl Executor<'_, Database = Any>,
    hash: &str,
    staff_id: Id,
    now: i64,
) -> AppResult<Option<Id>> {
    let row = sqlx::query(LIVE)
        .bind(hash)
        .bind(staff_id)
        .bind(now)
        .fetch_optional(ex)
        .await?;
    Ok(row.map(|r| r.try_get("member_id")).transpose()?)
}

pub(crate) const PRUNE: &str = "DELETE FROM act_as_tokens WHERE expires_at < $1";

/// Deletes the tokens that ended before `now`.
pub async fn prune(ex: impl Executor<'_, Database = Any>, now: i64) -> AppResult<u64> {
    Ok(sqlx::query(PRUNE)
        .bind(now)
        .execute(ex)
        .await?
        .rows_affected())
}
