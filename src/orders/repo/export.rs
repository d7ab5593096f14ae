//! The progress of order exports (`export_progress`): started with its
//! total, advanced chunk by chunk, finished or failed; read by its owner.

use sqlx::{Any, Executor, Row};

use crate::error::AppResult;
use crate::orders::model::ExportProgress;

/// A day: older progress rows of the owner go when they start another.
pub const KEEP_MS: i64 = 24 * 60 * 60 * 1000;

pub(crate) const SWEEP: &str = "DELETE FROM export_progress WHERE owner = $1 AND created_at < $2";
pub(crate) const START: &str = "INSERT INTO export_progress (owner, id, total, done, \
     created_at, updated_at) VALUES ($1, $2, $3, 0, $4, $4) ON CONFLICT (owner, id) DO UPDATE \
     SET total = excluded.total, done = 0, finished_at = NULL, failed = 0, \
     updated_at = excluded.updated_at";
pub(crate) const ADVANCE: &str =
    "UPDATE export_progress SET done = $3, updated_at = $4 WHERE owner = $1 AND id = $2";
pub(crate) const FINISH: &str = "UPDATE export_progress SET finished_at = $3, failed = $4, \
     updated_at = $3 WHERE owner = $1 AND id = $2";
pub(crate) const GET: &str =
    "SELECT total, done, finished_at, failed FROM export_progress WHERE owner = $1 AND id = $2";

pub async fn start(
    db: &crate::db::Db,
    owner: &str,
    id: &str,
    total: i64,
    now: i64,
) -> AppResult<()> {
    sqlx::query(SWEEP)
        .bind(owner)
        .bind(now - KEEP_MS)
        .execute(db)
        .await?;
    sqlx::query(START)
        .bind(owner)
        .bind(id)
        .bind(total)
        .bind(now)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn advance(
    ex: impl Executor<'_, Database = Any>,
    owner: &str,
    id: &str,
    done: i64,
    now: i64,
) -> AppResult<()> {
    sqlx::query(ADVANCE)
        .bind(owner)
        .bind(id)
        .bind(done)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

pub async fn finish(
    ex: impl Executor<'_, Database = Any>,
    owner: &str,
    id: &str,
    failed: bool,
    now: i64,
) -> AppResult<()> {
    sqlx::query(FINISH)
        .bind(owner)
        .bind(id)
        .bind(now)
        .bind(failed as i64)
        .execute(ex)
        .await?;
    Ok(())
}

/// The owner's export `id`; none if it has not started (or is gone).
pub async fn get(
    ex: impl Executor<'_, Database = Any>,
    owner: &str,
    id: &str,
) -> AppResult<Option<ExportProgress>> {
    let Some(r) = sqlx::query(GET)
        .bind(owner)
        .bind(id)
        .fetch_optional(ex)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(ExportProgress {
        started: true,
        total: r.try_get("total")?,
        done: r.try_get("done")?,
        finished: r.try_get::<Option<i64>, _>("finished_at")?.is_some(),
        failed: r.try_get::<i64, _>("failed")? != 0,
    }))
}
