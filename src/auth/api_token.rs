//! API tokens: a staff member mints a token for an integration (or an old
//! client that sends seed 000's `token` header); it acts as them, with their
//! roles as they are at each call, until revoked or the account is disabled.
//! Only the token's SHA-256 is stored; the token itself is shown once.

use sha2::{Digest, Sha256};
use sqlx::Row;

use super::{repo, ApiToken, Staff};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Timestamp};

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Mints a token for the caller; returns it with the one copy of the secret.
pub async fn create(state: &AppState, staff: &Staff, name: &str) -> AppResult<(ApiToken, String)> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 40 {
        return Err(AppError::validation("name", "api_token.name_invalid"));
    }
    let secret = format!("sdk_{}", hex::encode(rand::random::<[u8; 24]>()));
    let t = ApiToken {
        id: new_id(),
        name: name.to_owned(),
        created_at: Timestamp(state.now()),
        last_used_at: None,
        revoked: false,
    };
    sqlx::query(
        "INSERT INTO api_tokens (id, staff_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(t.id)
    .bind(staff.id)
    .bind(&t.name)
    .bind(hash(&secret))
    .bind(t.created_at.0)
    .execute(&state.db)
    .await?;
    Ok((t, secret))
}

/// The caller's tokens, newest first.
pub async fn list(state: &AppState, staff: &Staff) -> AppResult<Vec<ApiToken>> {
    let rows = sqlx::query(
        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens \
         WHERE staff_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(staff.id)
    .fetch_all(&state.db)
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            Ok::<_, sqlx::Error>(ApiToken {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                created_at: Timestamp(r.try_get("created_at")?),
                last_used_at: r.try_get::<Option<i64>, _>("last_used_at")?.map(Timestamp),
                revoked: r.try_get::<Option<i64>, _>("revoked_at")?.is_some(),
            })
        })
        .collect::<Result<_, _>>()?)
}

/// Revokes one of the caller's tokens.
pub async fn revoke(state: &AppState, staff: &Staff, id: Id) -> AppResult<()> {
    let r = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND staff_id = $3 AND revoked_at IS NULL",
    )
    .bind(state.now())
    .bind(id)
    .bind(staff.id)
    .execute(&state.db)
    .await?;
    if r.rows_affected() == 1 {
        Ok(())
    } else {
        Err(AppError::not_found("api_token"))
    }
}

/// The staff member a token acts for: Unauthorized for an unknown or revoked
/// token or a disabled account.
pub async fn staff_for(state: &AppState, token: &str) -> AppResult<Staff> {
    if token.is_empty() || token.len() > 200 {
        return Err(AppError::Unauthorized);
    }
    let row = sqlx::query(
        "SELECT id, staff_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
    )
    .bind(hash(token))
    .fetch_optional(&state.db)
    .await?
    .ok_or(AppError::Unauthorized)?;
    let (id, staff_id): (i64, i64) = (row.try_get("id")?, row.try_get("staff_id")?);
    let staff = repo::staff_by_id(&state.db, staff_id)
        .await?
        .filter(|s| !s.disabled)
        .ok_or(AppError::Unauthorized)?;
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(state.now())
        .bind(id)
        .execute(&state.db)
        .await?;
    Ok(staff)
}
