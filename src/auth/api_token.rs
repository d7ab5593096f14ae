//! API tokens: a staff member mints a token for an integration (or an old
//! client that sends seed 000's `token` header); it acts as them, with their
//! roles as they are at each call, until it is revoked (by its owner or an
//! admin), it expires, or the owner's sign-in epoch moves (a password reset
//! or disabling ends every token, as it ends every session). Only the
//! token's SHA-256 is stored; the token itself is shown once.

use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::Row;

use super::{repo, ApiToken, Role, SessionUser, Staff, API_TOKEN_MAX_DAYS};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

const DAY_MS: i64 = 24 * 3600 * 1000;

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Mints a token for the caller, valid `expires_in_days` (none: until
/// revoked); returns it with the one copy of the secret.
pub async fn create(
    state: &AppState,
    staff: &Staff,
    name: &str,
    expires_in_days: Option<i64>,
) -> AppResult<(ApiToken, String)> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 40 {
        return Err(AppError::validation("name", ErrorKey::ApiTokenNameInvalid));
    }
    if let Some(d) = expires_in_days {
        if !(1..=API_TOKEN_MAX_DAYS).contains(&d) {
            return Err(AppError::validation(
                "expires_in_days",
                ErrorKey::ApiTokenExpiryInvalid,
            ));
        }
    }
    let epoch = repo::auth_epoch(&state.db, SessionUser::Staff(staff.id))
        .await?
        .ok_or(AppError::Unauthorized)?;
    let now = state.now();
    let secret = format!("sdk_{}", hex::encode(rand::random::<[u8; 24]>()));
    let t = ApiToken {
        id: new_id(),
        name: name.to_owned(),
        created_at: Timestamp(now),
        last_used_at: None,
        revoked: false,
        expires_at: expires_in_days.map(|d| Timestamp(now + d * DAY_MS)),
        staff_account: staff.account.clone(),
        active: true,
    };
    sqlx::query(
        "INSERT INTO api_tokens (id, staff_id, name, token_hash, created_at, auth_epoch, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(t.id)
    .bind(staff.id)
    .bind(&t.name)
    .bind(hash(&secret))
    .bind(t.created_at.0)
    .bind(epoch)
    .bind(t.expires_at.map(|e| e.0))
    .execute(&state.db)
    .await?;
    Ok((t, secret))
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

/// The caller's tokens, newest first.
pub async fn list(state: &AppState, staff: &Staff) -> AppResult<Vec<ApiToken>> {
    let rows = sqlx::query(&format!(
        "{LIST} WHERE t.staff_id = $1 ORDER BY t.created_at DESC, t.id DESC"
    ))
    .bind(staff.id)
    .fetch_all(&state.db)
    .await?;
    let now = state.now();
    Ok(rows
        .iter()
        .map(|r| token_from_row(r, now))
        .collect::<Result<_, _>>()?)
}

/// Every account's tokens, newest first (admins audit and revoke them).
pub async fn list_all(state: &AppState, admin: &Staff) -> AppResult<Vec<ApiToken>> {
    if !admin.has(Role::Admin) {
        return Err(AppError::Forbidden);
    }
    let rows = sqlx::query(&format!(
        "{LIST} ORDER BY t.created_at DESC, t.id DESC LIMIT 500"
    ))
    .fetch_all(&state.db)
    .await?;
    let now = state.now();
    Ok(rows
        .iter()
        .map(|r| token_from_row(r, now))
        .collect::<Result<_, _>>()?)
}

/// Revokes a token: the caller's own, or anyone's for an admin.
pub async fn revoke(state: &AppState, staff: &Staff, id: Id) -> AppResult<()> {
    let any_owner = staff.has(Role::Admin);
    let r = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 \
         WHERE id = $2 AND (staff_id = $3 OR $4 = 1) AND revoked_at IS NULL",
    )
    .bind(state.now())
    .bind(id)
    .bind(staff.id)
    .bind(any_owner as i64)
    .execute(&state.db)
    .await?;
    if r.rows_affected() == 1 {
        Ok(())
    } else {
        Err(AppError::not_found("api_token"))
    }
}

/// The staff member a token acts for: Unauthorized for an unknown, revoked
/// or expired token, a disabled account, or a token older than the
/// account's last password reset.
pub async fn staff_for(state: &AppState, token: &str) -> AppResult<Staff> {
    if token.is_empty() || token.len() > 200 {
        return Err(AppError::Unauthorized);
    }
    let now = state.now();
    let row = sqlx::query(
        "SELECT t.id, t.staff_id FROM api_tokens t JOIN staff s ON s.id = t.staff_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.auth_epoch = s.auth_epoch \
           AND (t.expires_at IS NULL OR t.expires_at > $2)",
    )
    .bind(hash(token))
    .bind(now)
    .fetch_optional(&state.db)
    .await?
    .ok_or(AppError::Unauthorized)?;
    let (id, staff_id): (i64, i64) = (row.try_get("id")?, row.try_get("staff_id")?);
    let staff = repo::staff_by_id(&state.db, staff_id)
        .await?
        .filter(|s| !s.disabled)
        .ok_or(AppError::Unauthorized)?;
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(now)
        .bind(id)
        .execute(&state.db)
        .await?;
    Ok(staff)
}
