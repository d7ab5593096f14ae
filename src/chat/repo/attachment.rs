//! SQL of attachments.

use sqlx::{Any, Executor, Row};

use crate::chat::model::{Attachment, SenderKind};
use crate::error::AppResult;
use crate::types::{Id, Timestamp};

const INSERT: &str =
    "INSERT INTO attachments (key, conversation_id, uploader_kind, uploader_id, name, mime, \
         size, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

pub async fn insert(
    ex: impl Executor<'_, Database = Any>,
    a: &Attachment,
    kind: SenderKind,
    uploader: Id,
) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(&a.key)
        .bind(a.conversation_id)
        .bind(kind.as_str())
        .bind(uploader)
        .bind(&a.name)
        .bind(&a.mime)
        .bind(a.size)
        .bind(a.created_at.0)
        .execute(ex)
        .await?;
    Ok(())
}

const BY_KEY: &str =
    "SELECT key, conversation_id, name, mime, size, created_at FROM attachments WHERE key = $1";

pub async fn by_key(
    ex: impl Executor<'_, Database = Any>,
    key: &str,
) -> AppResult<Option<Attachment>> {
    let row = sqlx::query(BY_KEY).bind(key).fetch_optional(ex).await?;
    Ok(row
        .map(|r| {
            Ok::<_, sqlx::Error>(Attachment {
                key: r.try_get("key")?,
                conversation_id: r.try_get("conversation_id")?,
                name: r.try_get("name")?,
                mime: r.try_get("mime")?,
                size: r.try_get("size")?,
                created_at: Timestamp(r.try_get("created_at")?),
            })
        })
        .transpose()?)
}

const RESERVE_QUOTA: &str =
    "INSERT INTO upload_quota (uploader_kind, uploader_id, day, bytes, created_at, updated_at) \
         SELECT $1, $2, $3, $4, $5, $5 WHERE $4 <= $6 \
         ON CONFLICT (uploader_kind, uploader_id, day) DO UPDATE \
         SET bytes = upload_quota.bytes + excluded.bytes, updated_at = excluded.updated_at \
         WHERE upload_quota.bytes + excluded.bytes <= $6";

/// Reserves `bytes` of the uploader's quota for `day` if the day's total
/// stays within `cap`, in one statement (parallel uploads cannot pass the
/// cap together). Whether it was reserved.
pub async fn reserve_quota(
    ex: impl Executor<'_, Database = Any>,
    uploader: (SenderKind, Id),
    day: i64,
    bytes: i64,
    cap: i64,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(RESERVE_QUOTA)
        .bind(uploader.0.as_str())
        .bind(uploader.1)
        .bind(day)
        .bind(bytes)
        .bind(now)
        .bind(cap)
        .execute(ex)
        .await?;
    Ok(r.rows_affected() == 1)
}

const RELEASE_QUOTA: &str =
    "UPDATE upload_quota SET bytes = CASE WHEN bytes > $4 THEN bytes - $4 ELSE 0 END, \
         updated_at = $5 WHERE uploader_kind = $1 AND uploader_id = $2 AND day = $3";

/// Gives back `bytes` reserved for `day` (an upload failed or was smaller).
pub async fn release_quota(
    ex: impl Executor<'_, Database = Any>,
    uploader: (SenderKind, Id),
    day: i64,
    bytes: i64,
    now: i64,
) -> AppResult<()> {
    sqlx::query(RELEASE_QUOTA)
        .bind(uploader.0.as_str())
        .bind(uploader.1)
        .bind(day)
        .bind(bytes)
        .bind(now)
        .execute(ex)
        .await?;
    Ok(())
}

const QUOTA_USED: &str =
    "SELECT bytes FROM upload_quota WHERE uploader_kind = $1 AND uploader_id = $2 AND day = $3";

/// The bytes the uploader used or holds reserved on `day`.
pub async fn quota_used(
    ex: impl Executor<'_, Database = Any>,
    uploader: (SenderKind, Id),
    day: i64,
) -> AppResult<i64> {
    let used: Option<i64> = sqlx::query_scalar(QUOTA_USED)
        .bind(uploader.0.as_str())
        .bind(uploader.1)
        .bind(day)
        .fetch_optional(ex)
        .await?;
    Ok(used.unwrap_or(0))
}

const PRUNE_QUOTA: &str = "DELETE FROM upload_quota WHERE day < $1";

/// Forgets quota days before `day`.
pub async fn prune_quota(ex: impl Executor<'_, Database = Any>, day: i64) -> AppResult<u64> {
    let r = sqlx::query(PRUNE_QUOTA).bind(day).execute(ex).await?;
    Ok(r.rows_affected())
}

const DELETE_UNREFERENCED: &str =
    "DELETE FROM attachments WHERE key IN (SELECT a.key FROM attachments a \
           WHERE a.created_at < $1 AND NOT EXISTS (SELECT 1 FROM messages m \
             WHERE m.conversation_id = a.conversation_id AND m.kind IN ('image', 'file') \
               AND m.recalled = 0 AND m.body LIKE '{\"key\":\"' || a.key || '\"%') \
           ORDER BY a.created_at LIMIT $2) \
         RETURNING key";

/// Deletes up to `limit` attachments created before `before` that no
/// message names (recalled messages show nothing, so they do not count),
/// returning their keys. An image or file message's body is the
/// attachment's JSON, which starts with its key.
pub async fn delete_unreferenced(
    ex: impl Executor<'_, Database = Any>,
    before: i64,
    limit: i64,
) -> AppResult<Vec<String>> {
    let keys = sqlx::query_scalar(DELETE_UNREFERENCED)
        .bind(before)
        .bind(limit)
        .fetch_all(ex)
        .await?;
    Ok(keys)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert", INSERT),
    ("by_key", BY_KEY),
    ("reserve_quota", RESERVE_QUOTA),
    ("release_quota", RELEASE_QUOTA),
    ("quota_used", QUOTA_USED),
    ("prune_quota", PRUNE_QUOTA),
    ("delete_unreferenced", DELETE_UNREFERENCED),
];
