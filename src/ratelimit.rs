//! Limits that hold under bursts: fixed-window counters, one row per scope
//! (`account:alice`, `sms-day-ip:1.2.3.4`, …). A hit is *reserved* by one
//! conditional upsert that either starts a new window or adds one while
//! `hits < max`; no read precedes the write, so a hundred parallel requests
//! cannot pass a limit of ten together, on SQLite or PostgreSQL. Used by
//! sign-in (failures), SMS codes (cooldown, daily caps) and any later domain
//! that needs a quota.

use sqlx::{Any, Executor, Row};

use crate::db::Db;
use crate::error::{AppError, AppResult};

/// At most `max` hits per `window_ms` for `scope`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    pub scope: String,
    pub max: i64,
    pub window_ms: i64,
}

impl Limit {
    pub fn new(scope: impl Into<String>, max: i64, window_ms: i64) -> Limit {
        Limit {
            scope: scope.into(),
            max,
            window_ms,
        }
    }
}

const RESERVE: &str = "INSERT INTO rate_limits (scope, hits, window_start, window_ms, created_at) \
     VALUES ($1, 1, $2, $3, $2) \
     ON CONFLICT (scope) DO UPDATE SET \
       hits = CASE WHEN rate_limits.window_start + rate_limits.window_ms <= $2 THEN 1 ELSE rate_limits.hits + 1 END, \
       window_start = CASE WHEN rate_limits.window_start + rate_limits.window_ms <= $2 THEN $2 ELSE rate_limits.window_start END, \
       window_ms = $3 \
     WHERE rate_limits.window_start + rate_limits.window_ms <= $2 OR rate_limits.hits < $4 \
     RETURNING hits";

const WINDOW_END: &str =
    "SELECT window_start + window_ms AS ends FROM rate_limits WHERE scope = $1";

const RELEASE: &str = "UPDATE rate_limits SET hits = hits - 1 WHERE scope = $1 AND hits > 0";

const CLEAR: &str = "DELETE FROM rate_limits WHERE scope = $1";

const PRUNE: &str = "DELETE FROM rate_limits WHERE window_start + window_ms <= $1";

/// The statements of this module, for the test that prepares every one.
/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("reserve", RESERVE),
    ("window_end", WINDOW_END),
    ("release", RELEASE),
    ("clear", CLEAR),
    ("prune", PRUNE),
];

/// Takes one hit of `limit`, or answers `RateLimited` with the seconds until
/// its window ends.
pub async fn reserve_one(db: &Db, limit: &Limit, now: i64) -> AppResult<()> {
    let took: Option<i64> = sqlx::query_scalar(RESERVE)
        .bind(&limit.scope)
        .bind(now)
        .bind(limit.window_ms)
        .bind(limit.max)
        .fetch_optional(db)
        .await?;
    if took.is_some() {
        return Ok(());
    }
    let ends: Option<i64> = sqlx::query(WINDOW_END)
        .bind(&limit.scope)
        .fetch_optional(db)
        .await?
        .map(|r| r.try_get("ends"))
        .transpose()?;
    Err(retry_after(ends.unwrap_or(now + limit.window_ms), now))
}

/// Takes one hit of every limit, in order; if one is exhausted, the hits
/// already taken are given back and the answer is `RateLimited`.
pub async fn reserve(db: &Db, limits: &[Limit], now: i64) -> AppResult<()> {
    for (i, limit) in limits.iter().enumerate() {
        if let Err(e) = reserve_one(db, limit, now).await {
            for taken in &limits[..i] {
                release(db, &taken.scope).await?;
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Gives one hit back (a reserved attempt that turned out to succeed).
pub async fn release(ex: impl Executor<'_, Database = Any>, scope: &str) -> AppResult<()> {
    sqlx::query(RELEASE).bind(scope).execute(ex).await?;
    Ok(())
}

/// Forgets a scope's window (a successful sign-in clears its account).
pub async fn clear(ex: impl Executor<'_, Database = Any>, scope: &str) -> AppResult<()> {
    sqlx::query(CLEAR).bind(scope).execute(ex).await?;
    Ok(())
}

/// Drops ended windows (run by a background job).
pub async fn prune(ex: impl Executor<'_, Database = Any>, now: i64) -> AppResult<u64> {
    let r = sqlx::query(PRUNE).bind(now).execute(ex).await?;
    Ok(r.rows_affected())
}

fn retry_after(until_ms: i64, now: i64) -> AppError {
    AppError::RateLimited {
        retry_after_secs: ((until_ms - now).max(1000) as u64).div_ceil(1000),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::fresh_db;

    #[tokio::test]
    async fn a_hundred_parallel_hits_take_exactly_the_limit() {
        let db = fresh_db().await;
        let limit = Limit::new("test:burst", 10, 60_000);
        let tasks: Vec<_> = (0..100)
            .map(|_| {
                let (db, limit) = (db.clone(), limit.clone());
                tokio::spawn(async move { reserve_one(&db, &limit, 1_000).await })
            })
            .collect();
        let mut ok = 0;
        for t in tasks {
            match t.await.unwrap() {
                Ok(()) => ok += 1,
                Err(AppError::RateLimited { retry_after_secs }) => assert_eq!(retry_after_secs, 60),
                Err(e) => panic!("unexpected {e:?}"),
            }
        }
        assert_eq!(ok, 10);
    }

    #[tokio::test]
    async fn a_window_reopens_when_it_ends_and_released_hits_come_back() {
        let db = fresh_db().await;
        let limit = Limit::new("test:window", 2, 1_000);
        reserve_one(&db, &limit, 0).await.unwrap();
        reserve_one(&db, &limit, 10).await.unwrap();
        assert!(reserve_one(&db, &limit, 20).await.is_err());
        release(&db, "test:window").await.unwrap();
        reserve_one(&db, &limit, 30).await.unwrap();
        assert!(reserve_one(&db, &limit, 999).await.is_err());
        reserve_one(&db, &limit, 1_000).await.unwrap();
        assert_eq!(prune(&db, 1_999).await.unwrap(), 0);
        assert_eq!(prune(&db, 2_000).await.unwrap(), 1);
    }

    #[tokio::test]
    async fn a_failed_limit_gives_back_the_hits_taken_before_it() {
        let db = fresh_db().await;
        let open = Limit::new("test:open", 5, 60_000);
        let shut = Limit::new("test:shut", 1, 60_000);
        reserve_one(&db, &shut, 0).await.unwrap();
        for _ in 0..3 {
            assert!(reserve(&db, &[open.clone(), shut.clone()], 0)
                .await
                .is_err());
        }
        for _ in 0..5 {
            reserve_one(&db, &open, 0).await.unwrap();
        }
        assert!(reserve_one(&db, &open, 0).await.is_err());
    }
}
