//! SQL of SMS sign-in codes (`sms_codes`): each kept as an HMAC, with its
//! attempts and whether it was used.

use sqlx::{Any, Executor, Row};

use crate::error::AppResult;
use crate::types::Id;

/// A code to store: its hash, and until when it may be used.
pub struct NewCode<'a> {
    pub id: Id,
    pub phone: &'a str,
    pub ip: &'a str,
    pub code_hash: &'a str,
    pub expires_at: i64,
    pub created_at: i64,
}

const INSERT: &str =
    "INSERT INTO sms_codes (id, phone, ip, code_hash, attempts, consumed, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, 0, 0, $5, $6)";

pub async fn insert(ex: impl Executor<'_, Database = Any>, c: &NewCode<'_>) -> AppResult<()> {
    sqlx::query(INSERT)
        .bind(c.id)
        .bind(c.phone)
        .bind(c.ip)
        .bind(c.code_hash)
        .bind(c.expires_at)
        .bind(c.created_at)
        .execute(ex)
        .await?;
    Ok(())
}

const RESERVE_ATTEMPT: &str = "UPDATE sms_codes SET attempts = attempts + 1 \
         WHERE id = (SELECT id FROM sms_codes WHERE phone = $1 AND consumed = 0 \
                     ORDER BY created_at DESC, id DESC LIMIT 1) \
           AND consumed = 0 AND attempts < $2 AND expires_at > $3 \
         RETURNING id, code_hash";

/// Takes one attempt of the phone's newest live code: one conditional
/// statement, so no more than `max_attempts` comparisons ever happen,
/// however many requests arrive at once. Returns the code's id and hash.
pub async fn reserve_attempt(
    ex: impl Executor<'_, Database = Any>,
    phone: &str,
    max_attempts: i64,
    now: i64,
) -> AppResult<Option<(Id, String)>> {
    let row = sqlx::query(RESERVE_ATTEMPT)
        .bind(phone)
        .bind(max_attempts)
        .bind(now)
        .fetch_optional(ex)
        .await?;
    Ok(row
        .map(|r| Ok::<_, sqlx::Error>((r.try_get("id")?, r.try_get("code_hash")?)))
        .transpose()?)
}

const NEWEST_EXPIRY: &str = "SELECT expires_at FROM sms_codes \
         WHERE phone = $1 AND consumed = 0 ORDER BY created_at DESC, id DESC LIMIT 1";

/// When the phone's newest unused code expires (read only to word a
/// refusal).
pub async fn newest_expiry(
    ex: impl Executor<'_, Database = Any>,
    phone: &str,
) -> AppResult<Option<i64>> {
    Ok(sqlx::query_scalar(NEWEST_EXPIRY)
        .bind(phone)
        .fetch_optional(ex)
        .await?)
}

const CONSUME: &str = "UPDATE sms_codes SET consumed = 1 WHERE id = $1 AND consumed = 0";

/// Marks a code used; false if another verification got there first.
pub async fn consume(ex: impl Executor<'_, Database = Any>, id: Id) -> AppResult<bool> {
    let done = sqlx::query(CONSUME).bind(id).execute(ex).await?;
    Ok(done.rows_affected() == 1)
}

/// Every statement of this file, by name, for the test that prepares
/// them all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("insert", INSERT),
    ("reserve_attempt", RESERVE_ATTEMPT),
    ("newest_expiry", NEWEST_EXPIRY),
    ("consume", CONSUME),
];
