//! The hall's settings (key/value) and the robot's outbox.

use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::db::Db;
use crate::error::AppResult;
use crate::pricing::inquiry_hall::model::{RobotMessage, RobotMessageStatus};
use crate::types::{Id, Timestamp};

/// The settings' keys.
pub const SLA_MINUTES: &str = "sla_minutes";
pub const ROBOT_URL: &str = "robot_url";

pub(crate) const SETTINGS: &str = "SELECT key, value FROM inquiry_settings";
pub(crate) const PUT_SETTING: &str = "INSERT INTO inquiry_settings \
     (key, value, updated_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) \
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, \
     updated_by = excluded.updated_by, updated_at = excluded.updated_at";
pub(crate) const DROP_SETTING: &str = "DELETE FROM inquiry_settings WHERE key = $1";

/// Every setting as (key, value).
pub async fn settings(ex: impl Executor<'_, Database = Any>) -> AppResult<Vec<(String, String)>> {
    let rows = sqlx::query(SETTINGS).fetch_all(ex).await?;
    Ok(rows
        .iter()
        .map(|r| Ok((r.try_get("key")?, r.try_get("value")?)))
        .collect::<Result<_, sqlx::Error>>()?)
}

/// Sets `key` to `value`, or (None) removes it.
pub async fn put_setting(
    ex: impl Executor<'_, Database = Any>,
    key: &str,
    value: Option<&str>,
    by: Id,
    now: i64,
) -> AppResult<()> {
    match value {
        Some(v) => {
            sqlx::query(PUT_SETTING)
                .bind(key)
                .bind(v)
                .bind(by)
                .bind(now)
                .execute(ex)
                .await?
        }
        None => sqlx::query(DROP_SETTING).bind(key).execute(ex).await?,
    };
    Ok(())
}

pub(crate) const INSERT_MESSAGE: &str = "INSERT INTO robot_messages \
     (id, inquiry_id, body, status, attempts, next_attempt_at, created_at) \
     VALUES ($1, $2, $3, 'pending', 0, $4, $4)";

/// Queues a message; call it in the transaction of what it tells of.
pub async fn insert_message(
    ex: impl Executor<'_, Database = Any>,
    id: Id,
    inquiry: Option<Id>,
    body: &str,
    now: i64,
) -> AppResult<()> {
    sqlx::query(INSERT_MESSAGE)
        .bind(id)
        .bind(inquiry)
        .bind(body)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

/// Takes up to `limit` due messages nobody holds until `lease_until`: one
/// statement, so a message goes to one sender.
pub(crate) const CLAIM: &str = "UPDATE robot_messages SET leased_until = $1 \
     WHERE id IN (SELECT id FROM robot_messages WHERE status = 'pending' \
                  AND next_attempt_at <= $2 AND leased_until <= $2 ORDER BY id LIMIT $3) \
       AND status = 'pending' AND leased_until <= $2 \
     RETURNING id, body, attempts";

/// A claimed message: its id, body and attempts so far.
pub struct Due {
    pub id: Id,
    pub body: String,
    pub attempts: i64,
}

pub async fn claim(db: &Db, now: i64, lease_until: i64, limit: i64) -> AppResult<Vec<Due>> {
    let rows = sqlx::query(CLAIM)
        .bind(lease_until)
        .bind(now)
        .bind(limit)
        .fetch_all(db)
        .await?;
    let mut due = rows
        .iter()
        .map(|r| {
            Ok(Due {
                id: r.try_get("id")?,
                body: r.try_get("body")?,
                attempts: r.try_get("attempts")?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    due.sort_by_key(|d| d.id);
    Ok(due)
}

pub(crate) const RECORD: &str = "UPDATE robot_messages SET status = $1, attempts = attempts + 1, \
     next_attempt_at = $2, leased_until = 0, last_error = $3, sent_at = $4 WHERE id = $5";

/// Records an attempt's outcome and releases the lease.
pub async fn record(
    db: &Db,
    id: Id,
    status: RobotMessageStatus,
    next_attempt_at: i64,
    error: Option<&str>,
    sent_at: Option<i64>,
) -> AppResult<()> {
    sqlx::query(RECORD)
        .bind(status.as_str())
        .bind(next_attempt_at)
        .bind(error)
        .bind(sent_at)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub(crate) const RECENT: &str = "SELECT id, inquiry_id, status, attempts, last_error, \
     created_at, sent_at FROM robot_messages ORDER BY created_at DESC, id DESC LIMIT $1";

/// The latest messages, newest first.
pub async fn recent(db: &Db, limit: i64) -> AppResult<Vec<RobotMessage>> {
    let rows = sqlx::query(RECENT).bind(limit).fetch_all(db).await?;
    rows.iter().map(message).collect()
}

pub(crate) const PRUNE: &str =
    "DELETE FROM robot_messages WHERE status <> 'pending' AND created_at < $1";

/// Deletes finished messages made before `before`; how many.
pub async fn prune(db: &Db, before: i64) -> AppResult<u64> {
    Ok(sqlx::query(PRUNE)
        .bind(before)
        .execute(db)
        .await?
        .rows_affected())
}

fn message(r: &AnyRow) -> AppResult<RobotMessage> {
    Ok(RobotMessage {
        id: r.try_get("id")?,
        inquiry_id: r.try_get("inquiry_id")?,
        status: RobotMessageStatus::parse(&r.try_get::<String, _>("status")?)?,
        attempts: r.try_get("attempts")?,
        last_error: r.try_get("last_error")?,
        created_at: Timestamp(r.try_get("created_at")?),
        sent_at: r.try_get::<Option<i64>, _>("sent_at")?.map(Timestamp),
    })
}
