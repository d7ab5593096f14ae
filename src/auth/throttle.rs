//! Sign-in throttling: after `limit` failures in a 15-minute window a scope
//! (an account or an IP) waits until the oldest failure leaves the window.

use sqlx::Row;

use crate::db::{new_id, Db};
use crate::error::{AppError, AppResult};

pub const WINDOW_MS: i64 = 15 * 60 * 1000;
pub const ACCOUNT_LIMIT: i64 = 10;
pub const IP_LIMIT: i64 = 50;

pub fn account_scope(account: &str) -> String {
    format!("account:{}", account.to_ascii_lowercase())
}
pub fn ip_scope(ip: &str) -> String {
    format!("ip:{ip}")
}

/// Refuses with RateLimited (and how long to wait) if any scope is over its limit.
pub async fn check(db: &Db, scopes: &[(String, i64)], now: i64) -> AppResult<()> {
    for (scope, limit) in scopes {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, MIN(created_at) AS first FROM login_failures \
             WHERE scope = $1 AND created_at > $2",
        )
        .bind(scope)
        .bind(now - WINDOW_MS)
        .fetch_one(db)
        .await?;
        let n: i64 = row.try_get("n")?;
        if n >= *limit {
            let first: Option<i64> = row.try_get("first")?;
            let wait_ms = (first.unwrap_or(now) + WINDOW_MS - now).max(1000);
            return Err(AppError::RateLimited {
                retry_after_secs: (wait_ms as u64).div_ceil(1000),
            });
        }
    }
    Ok(())
}

pub async fn record_failure(db: &Db, scopes: &[(String, i64)], now: i64) -> AppResult<()> {
    for (scope, _) in scopes {
        sqlx::query("INSERT INTO login_failures (id, scope, created_at) VALUES ($1, $2, $3)")
            .bind(new_id())
            .bind(scope)
            .bind(now)
            .execute(db)
            .await?;
    }
    Ok(())
}

/// A successful sign-in clears the account's failures (not the IP's).
pub async fn clear(db: &Db, scope: &str) -> AppResult<()> {
    sqlx::query("DELETE FROM login_failures WHERE scope = $1")
        .bind(scope)
        .execute(db)
        .await?;
    Ok(())
}

/// Drops failures older than the window (run by a background job).
pub async fn prune(db: &Db, now: i64) -> AppResult<u64> {
    let r = sqlx::query("DELETE FROM login_failures WHERE created_at <= $1")
        .bind(now - WINDOW_MS)
        .execute(db)
        .await?;
    Ok(r.rows_affected())
}
