//! Sign-in throttling: every attempt reserves a failure slot of its account
//! (or phone) and of its client address *before* the password is hashed or
//! the code compared, so a burst gets no more tries than the limit; a
//! successful sign-in gives the slots back. After `limit` failures in a
//! 15-minute window a scope waits until the window ends.

use crate::error::AppResult;
use crate::ratelimit::{self, Limit};
use crate::state::AppState;

pub const WINDOW_MS: i64 = 15 * 60 * 1000;
pub const ACCOUNT_LIMIT: i64 = 10;
pub const PHONE_LIMIT: i64 = 10;
pub const IP_LIMIT: i64 = 50;

pub fn account_scope(account: &str) -> String {
    format!("account:{}", account.to_ascii_lowercase())
}
pub fn phone_scope(phone: &str) -> String {
    format!("phone:{phone}")
}
pub fn ip_scope(ip: &str) -> String {
    format!("ip:{ip}")
}

/// The slots a staff sign-in reserves: its account and its address.
pub fn staff_limits(account: &str, ip: &str) -> [Limit; 2] {
    [
        Limit::new(account_scope(account), ACCOUNT_LIMIT, WINDOW_MS),
        Limit::new(ip_scope(ip), IP_LIMIT, WINDOW_MS),
    ]
}

/// The slots a member sign-in reserves: its phone and its address.
pub fn member_limits(phone: &str, ip: &str) -> [Limit; 2] {
    [
        Limit::new(phone_scope(phone), PHONE_LIMIT, WINDOW_MS),
        Limit::new(ip_scope(ip), IP_LIMIT, WINDOW_MS),
    ]
}

/// Reserves a failure slot in each scope, or answers `RateLimited`.
pub async fn reserve(state: &AppState, limits: &[Limit]) -> AppResult<()> {
    ratelimit::reserve(&state.db, limits, state.now()).await
}

/// After a success: the first scope (the account or phone) starts afresh,
/// the others get their slot back.
pub async fn succeeded(state: &AppState, limits: &[Limit]) -> AppResult<()> {
    if let Some((first, rest)) = limits.split_first() {
        ratelimit::clear(&state.db, &first.scope).await?;
        for l in rest {
            ratelimit::release(&state.db, &l.scope).await?;
        }
    }
    Ok(())
}

/// Gives every slot back (an attempt that was never checked).
pub async fn released(state: &AppState, limits: &[Limit]) -> AppResult<()> {
    for l in limits {
        ratelimit::release(&state.db, &l.scope).await?;
    }
    Ok(())
}
