//! SQL of server-side sessions. The record's data is opaque JSON here; the
//! session layer (tower-sessions, in the server) owns its meaning.

use sqlx::Row;

use crate::db::Db;
use crate::error::AppResult;

/// Inserts a new session; `false` if the id is taken (the caller then picks
/// another id).
pub async fn create(db: &Db, id: &str, data: &str, expires_at: i64, now: i64) -> AppResult<bool> {
    let r = sqlx::query(
        "INSERT INTO sessions (id, data, expires_at, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(data)
    .bind(expires_at)
    .bind(now)
    .execute(db)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Saves a session that exists. Never re-creates one: a request that loaded
/// a session before a concurrent sign-out deleted it cannot bring it back.
/// `false` if the session is gone.
pub async fn update(db: &Db, id: &str, data: &str, expires_at: i64) -> AppResult<bool> {
    let r = sqlx::query("UPDATE sessions SET data = $1, expires_at = $2 WHERE id = $3")
        .bind(data)
        .bind(expires_at)
        .bind(id)
        .execute(db)
        .await?;
    Ok(r.rows_affected() == 1)
}

/// The data of a live session.
pub async fn load(db: &Db, id: &str, now: i64) -> AppResult<Option<(String, i64)>> {
    let row =
        sqlx::query("SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2")
            .bind(id)
            .bind(now)
            .fetch_optional(db)
            .await?;
    Ok(row
        .map(|r| Ok::<_, sqlx::Error>((r.try_get("data")?, r.try_get("expires_at")?)))
        .transpose()?)
}

pub async fn delete(db: &Db, id: &str) -> AppResult<()> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn prune(db: &Db, now: i64) -> AppResult<u64> {
    let r = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now)
        .execute(db)
        .await?;
    Ok(r.rows_affected())
}
