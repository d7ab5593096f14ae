//! SQL of API tokens (`api_tokens`): only each token's SHA-256 is stored.

use const_format::formatcp;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use super::ApiToken;
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

const INSERT: &str =
    "INSERT INTO api_tokens (id, staff_id, name, token_hash, created_at, auth_epoch, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)";

pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    t: &ApiToken,
    staff_id: Id,
    token_hash: &str,
    auth_epoch: i64,
) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(t.id)
        .bind(staff_id)
        .bind(&t.name)
        .bind(token_hash)
        .bind(t.created_at.0)
        .bind(auth_epoch)
        .bind(t.expires_at.map(|e| e.0))
        .execute(ex)
        .await?;
    Ok(())
}

const LIST: &str =
    "SELECT t.id, t.name, t.created_at, t.last_used_at, t.revoked_at, t.expires_at, \
     t.auth_epoch, s.account, s.auth_epoch AS staff_epoch, s.disabled \
     FROM api_tokens t JOIN staff s ON s.id = t.staff_id";

fn token_from_row(r: &AnyRow, now: i64) -> Result<ApiToken, sqlx::Error> {
    let revoked = r.try_get::<Option<i64>, _>("revoked_at")?.is_some();
    let expires_at = r.try_get::<Option<i64>, _>("expires_at")?;
    let epoch_ok = r.try_get::<i64, _>("auth_epoch")? == r.try_get::<i64, _>("staff_epoch")?;
    let disabled = r.try_get::<i64, _>("disabled")? != 0;
    Ok(ApiToken {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        created_at: Timestamp(r.try_get("created_at")?),
        last_used_at: r.try_get::<Option<i64>, _>("last_used_at")?.map(Timestamp),
        revoked,
        expires_at: expires_at.map(Timestamp),
        staff_account: r.try_get("account")?,
        active: !revoked && !disabled && epoch_ok && expires_at.is_none_or(|e| e > now),
    })
}

const LIST_OF: &str =
    formatcp!("{LIST} WHERE t.staff_id = $1 ORDER BY t.created_at DESC, t.id DESC");

/// One staff member's tokens, newest first, as valid at `now`.
pub async fn list_of(
    ex: impl Executor<'_, Database = Any>,
    staff_id: Id,
    now: i64,
) -> AppResult<Vec<ApiToken>> {
    let rows = sqlx::query(LIST_OF).bind(staff_id).fetch_all(ex).await?;
    Ok(rows
        .iter()
        .map(|r| token_from_row(r, now))
        .collect::<Result<_, _>>()?)
}

const LIST_ALL: &str = formatcp!("{LIST} ORDER BY t.created_at DESC, t.id DESC LIMIT 500");

/// The newest 500 tokens of every account, as valid at `now`.
pub async fn list_all(ex: impl Executor<'_, Database = Any>, now: i64) -> AppResult<Vec<ApiToken>> {
    let rows = sqlx::query(LIST_ALL).fetch_all(ex).await?;
    Ok(rows
        .iter()
        .map(|r| token_from_row(r, now))
        .collect::<Result<_, _>>()?)
}

const REVOKE: &str = "UPDATE api_tokens SET revoked_at = $1 \
         WHERE id = $2 AND (staff_id = $3 OR $4 = 1) AND revoked_at IS NULL";

/// Revokes a live token of `staff_id` (of anyone when `any_owner`); false
/// if there was none.
pub async fn revoke(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    staff_id: Id,
    any_owner: bool,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(REVOKE)
        .bind(now)
        .bind(id)
        .bind(staff_id)
        .bind(any_owner as i64)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const LIVE_BY_HASH: &str =
    "SELECT t.id, t.staff_id FROM api_tokens t JOIN staff s ON s.id = t.staff_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.auth_epoch = s.auth_epoch \
           AND (t.expires_at IS NULL OR t.expires_at > $2)";

/// The (token id, staff id) of a live token with this hash: not revoked,
/// not expired, minted in its owner's current sign-in epoch.
pub async fn live_by_hash(
    ex: impl Executor<'_, Database = Any>,
    token_hash: &str,
    now: i64,
) -> AppResult<Option<(Id, Id)>> {
    let row = sqlx::query(LIVE_BY_HASH)
        .bind(token_hash)
        .bind(now)
        .fetch_optional(ex)
        .await?;
    Ok(row
        .map(|r| Ok::<_, sqlx::Error>((r.try_get("id")?, r.try_get("staff_id")?)))
        .transpose()?)
}

const TOUCH: &str = "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2";

pub async fn touch(ex: impl Executor<'_, Database = Any>, id: Id, now: i64) -> AppResult<()> {
    sqlx::query(TOUCH).bind(now).bind(id).execute(ex).await?;
    Ok(())
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert", INSERT),
    ("list_of", LIST_OF),
    ("list_all", LIST_ALL),
    ("revoke", REVOKE),
    ("live_by_hash", LIVE_BY_HASH),
    ("touch", TOUCH),
];
