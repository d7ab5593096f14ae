//! SMS verification codes: 6 digits, kept only as an HMAC, valid 10 minutes,
//! single use, at most 5 wrong tries, one request per phone per 60 s, and
//! daily (rolling 24 h) caps per phone and per IP.

use std::future::Future;
use std::pin::Pin;

use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::Row;

use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub const CODE_TTL_MS: i64 = 10 * 60 * 1000;
pub const RESEND_COOLDOWN_MS: i64 = 60 * 1000;
pub const MAX_ATTEMPTS: i64 = 5;
pub const DAILY_PER_PHONE: i64 = 10;
pub const DAILY_PER_IP: i64 = 30;
const DAY_MS: i64 = 24 * 3600 * 1000;

/// Sends a code to a phone. The default writes it to the log.
pub trait SmsSender: Send + Sync {
    fn send<'a>(
        &'a self,
        phone: &'a str,
        code: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;
}

pub struct LogSmsSender;

impl SmsSender for LogSmsSender {
    fn send<'a>(
        &'a self,
        phone: &'a str,
        code: &'a str,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>> {
        Box::pin(async move {
            tracing::info!(phone, code, "SMS verification code (log sender)");
            Ok(())
        })
    }
}

fn code_hash(secret: &[u8], phone: &str, code: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("hmac takes any key");
    mac.update(phone.as_bytes());
    mac.update(b":");
    mac.update(code.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

fn retry_after(until_ms: i64, now: i64) -> AppError {
    AppError::RateLimited {
        retry_after_secs: ((until_ms - now).max(1000) as u64).div_ceil(1000),
    }
}

/// Issues a code for `phone` if it belongs to an active member, and returns it
/// (so dev mode can show it). For an unknown phone it answers the same way but
/// stores and sends nothing, so the form does not reveal who is a customer.
pub async fn request_code(state: &AppState, phone: &str, ip: &str) -> AppResult<Option<String>> {
    let now = state.now();
    let db = &state.db;
    let last: Option<i64> =
        sqlx::query("SELECT MAX(created_at) AS t FROM sms_codes WHERE phone = $1")
            .bind(phone)
            .fetch_one(db)
            .await?
            .try_get("t")?;
    if let Some(t) = last {
        if now - t < RESEND_COOLDOWN_MS {
            return Err(retry_after(t + RESEND_COOLDOWN_MS, now));
        }
    }
    let since = now - DAY_MS;
    for (column, value, cap) in [("phone", phone, DAILY_PER_PHONE), ("ip", ip, DAILY_PER_IP)] {
        let row = sqlx::query(&format!(
            "SELECT COUNT(*) AS n, MIN(created_at) AS first FROM sms_codes WHERE {column} = $1 AND created_at > $2"
        ))
        .bind(value)
        .bind(since)
        .fetch_one(db)
        .await?;
        let n: i64 = row.try_get("n")?;
        if n >= cap {
            let first: Option<i64> = row.try_get("first")?;
            return Err(retry_after(first.unwrap_or(now) + DAY_MS, now));
        }
    }
    let is_member: Option<i64> =
        sqlx::query_scalar("SELECT id FROM members WHERE phone = $1 AND disabled = 0")
            .bind(phone)
            .fetch_optional(db)
            .await?;
    let code = format!("{:06}", rand::random::<u32>() % 1_000_000);
    // Unknown phones count against the caps too (a row with an unusable hash).
    let stored_hash = if is_member.is_some() {
        code_hash(&state.config.otp_secret, phone, &code)
    } else {
        String::from("-")
    };
    sqlx::query(
        "INSERT INTO sms_codes (id, phone, ip, code_hash, attempts, consumed, expires_at, created_at) \
         VALUES ($1, $2, $3, $4, 0, 0, $5, $6)",
    )
    .bind(new_id())
    .bind(phone)
    .bind(ip)
    .bind(&stored_hash)
    .bind(now + CODE_TTL_MS)
    .bind(now)
    .execute(db)
    .await?;
    if is_member.is_none() {
        return Ok(None);
    }
    state.sms.send(phone, &code).await.map_err(|e| {
        tracing::error!(error = %e, "SMS sending failed");
        AppError::Internal
    })?;
    Ok(Some(code))
}

/// Consumes the newest live code of `phone` if `code` matches it.
pub async fn verify_code(state: &AppState, phone: &str, code: &str) -> AppResult<()> {
    let now = state.now();
    let db = &state.db;
    let row = sqlx::query(
        "SELECT id, code_hash, attempts, expires_at FROM sms_codes \
         WHERE phone = $1 AND consumed = 0 ORDER BY created_at DESC LIMIT 1",
    )
    .bind(phone)
    .fetch_optional(db)
    .await?;
    let Some(row) = row else {
        return Err(AppError::validation("code", "code.invalid"));
    };
    let id: i64 = row.try_get("id")?;
    let attempts: i64 = row.try_get("attempts")?;
    let expires_at: i64 = row.try_get("expires_at")?;
    let stored: String = row.try_get("code_hash")?;
    if expires_at <= now {
        return Err(AppError::validation("code", "code.expired"));
    }
    if attempts >= MAX_ATTEMPTS {
        return Err(AppError::validation("code", "code.too_many_attempts"));
    }
    let given = code_hash(&state.config.otp_secret, phone, code);
    if !constant_time_eq(given.as_bytes(), stored.as_bytes()) {
        sqlx::query("UPDATE sms_codes SET attempts = attempts + 1 WHERE id = $1")
            .bind(id)
            .execute(db)
            .await?;
        let key = if attempts + 1 >= MAX_ATTEMPTS {
            "code.too_many_attempts"
        } else {
            "code.invalid"
        };
        return Err(AppError::validation("code", key));
    }
    // Single use: only one concurrent verification can flip `consumed`.
    let done = sqlx::query("UPDATE sms_codes SET consumed = 1 WHERE id = $1 AND consumed = 0")
        .bind(id)
        .execute(db)
        .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::validation("code", "code.invalid"));
    }
    Ok(())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_hashed_per_phone() {
        let a = code_hash(b"k", "13800138000", "123456");
        assert_eq!(a.len(), 64);
        assert_ne!(a, code_hash(b"k", "13800138001", "123456"));
        assert_ne!(a, code_hash(b"other", "13800138000", "123456"));
        assert!(!a.contains("123456"));
    }
}
