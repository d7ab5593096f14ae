//! API tokens: a staff member mints a token for an integration (or an old
//! client that sends seed 000's `token` header); it acts as them, with their
//! roles as they are at each call, until it is revoked (by its owner or an
//! admin), it expires, or the owner's sign-in epoch moves (a password reset
//! or disabling ends every token, as it ends every session). Only the
//! token's SHA-256 is stored; the token itself is shown once.

use super::policy::TOKEN_AUDITORS;
use super::{repo, token_repo, ApiToken, SessionUser, Staff, API_TOKEN_MAX_DAYS};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;
use sha2::{Digest, Sha256};

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
    token_repo::insert(&state.db, &t, staff.id, &hash(&secret), epoch).await?;
    Ok((t, secret))
}

/// The caller's tokens, newest first.
pub async fn list(state: &AppState, staff: &Staff) -> AppResult<Vec<ApiToken>> {
    token_repo::list_of(&state.db, staff.id, state.now()).await
}

/// Every account's tokens, newest first (admins audit and revoke them).
pub async fn list_all(state: &AppState, admin: &Staff) -> AppResult<Vec<ApiToken>> {
    admin.require(TOKEN_AUDITORS)?;
    token_repo::list_all(&state.db, state.now()).await
}

/// Revokes a token: the caller's own, or anyone's for an admin.
pub async fn revoke(state: &AppState, staff: &Staff, id: Id) -> AppResult<()> {
    let any_owner = staff.has_any(TOKEN_AUDITORS);
    if token_repo::revoke(&state.db, id, staff.id, any_owner, state.now()).await? {
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
    let (id, staff_id) = token_repo::live_by_hash(&state.db, &hash(token), now)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let staff = repo::staff_by_id(&state.db, staff_id)
        .await?
        .filter(|s| !s.disabled)
        .ok_or(AppError::Unauthorized)?;
    token_repo::touch(&state.db, id, now).await?;
    Ok(staff)
}
