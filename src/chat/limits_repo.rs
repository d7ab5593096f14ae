//! SQL of the chat limits every instance shares: per-person send counts
//! (the send rate limit).

use crate::db::Db;
use crate::error::AppResult;
use crate::types::Id;

/// Counts one send of a person in the window starting at `window_start`,
/// unless they already sent `limit` in it: the check and the count are one
/// statement. False when over the limit.
pub async fn count_send(
    db: &Db,
    sender_kind: &str,
    sender_id: Id,
    window_start: i64,
    limit: i64,
    now: i64,
) -> AppResult<bool> {
    let r = sqlx::query(
        "INSERT INTO chat_send_counts (sender_kind, sender_id, window_start, sends, created_at) \
         VALUES ($1, $2, $3, 1, $4) \
         ON CONFLICT (sender_kind, sender_id, window_start) \
         DO UPDATE SET sends = chat_send_counts.sends + 1 WHERE chat_send_counts.sends < $5",
    )
    .bind(sender_kind)
    .bind(sender_id)
    .bind(window_start)
    .bind(now)
    .bind(limit)
    .execute(db)
    .await?;
    Ok(r.rows_affected() == 1)
}

/// Drops send counts of windows that started before `before`.
pub async fn prune_send_counts(db: &Db, before: i64) -> AppResult<u64> {
    let r = sqlx::query("DELETE FROM chat_send_counts WHERE window_start < $1")
        .bind(before)
        .execute(db)
        .await?;
    Ok(r.rows_affected())
}
