//! SMS verification codes: 6 digits, kept only as an HMAC, valid 10 minutes,
//! single use, at most 5 tries (each reserved before it is compared, by one
//! conditional statement: `code_repo::reserve_attempt`), one
//! request per phone per 60 s, and daily (24 h window) caps per phone and per
//! IP. Sending goes through [`super::sms::SmsSender`].

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{code_repo, repo};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::ratelimit::{self, Limit};
use crate::state::AppState;
use crate::ErrorKey;

pub const CODE_TTL_MS: i64 = 10 * 60 * 1000;

pub use super::model::RESEND_COOLDOWN_MS;
pub const MAX_ATTEMPTS: i64 = 5;
pub const DAILY_PER_PHONE: i64 = 10;
pub const DAILY_PER_IP: i64 = 30;
const DAY_MS: i64 = 24 * 3600 * 1000;

fn code_hash(secret: &[u8], phone: &str, code: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("hmac takes any key");
    mac.update(phone.as_bytes());
    mac.update(b":");
    mac.update(code.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// The limits one code request reserves: the phone's resend cooldown, the
/// phone's and the address's daily caps (fixed 24 h windows).
pub fn request_limits(phone: &str, ip: &str) -> [Limit; 3] {
    [
        Limit::new(format!("sms-cooldown:{phone}"), 1, RESEND_COOLDOWN_MS),
        Limit::new(format!("sms-day-phone:{phone}"), DAILY_PER_PHONE, DAY_MS),
        Limit::new(format!("sms-day-ip:{ip}"), DAILY_PER_IP, DAY_MS),
    ]
}

/// Issues a code for `phone` if it belongs to an active member, and returns it
/// (so dev mode can show it). For an unknown phone it answers the same way but
/// stores and sends nothing, so the form does not reveal who is a customer.
/// The cooldown and caps are reserved before anything is stored or sent, so
/// parallel requests for one phone send one SMS.
pub async fn request_code(state: &AppState, phone: &str, ip: &str) -> AppResult<Option<String>> {
    let now = state.now();
    let db = &state.db;
    ratelimit::reserve(db, &request_limits(phone, ip), now).await?;
    let is_member = repo::member_by_phone(db, phone)
        .await?
        .is_some_and(|m| !m.disabled);
    if !is_member {
        return Ok(None);
    }
    let code = format!("{:06}", rand::random::<u32>() % 1_000_000);
    let hash = code_hash(&state.config.otp_secret, phone, &code);
    let new = code_repo::NewCode {
        id: new_id(),
        phone,
        ip,
        code_hash: &hash,
        expires_at: now + CODE_TTL_MS,
        created_at: now,
    };
    code_repo::insert(db, &new).await?;
    // Sent from its own task: a member's answer takes no longer than an
    // unknown phone's (the provider's round trip would tell them apart).
    let (sms, to, text) = (state.sms.clone(), phone.to_owned(), code.clone());
    tokio::spawn(async move {
        if let Err(e) = sms.send(&to, &text).await {
            tracing::error!(error = %e, "SMS sending failed");
        }
    });
    Ok(Some(code))
}

/// Consumes the newest live code of `phone` if `code` matches it. A wrong
/// code answers `code.invalid`; a code out of attempts (compared or not)
/// answers `code.too_many_attempts`.
pub async fn verify_code(state: &AppState, phone: &str, code: &str) -> AppResult<()> {
    let now = state.now();
    let db = &state.db;
    let Some((id, stored)) = code_repo::reserve_attempt(db, phone, MAX_ATTEMPTS, now).await? else {
        let key = match code_repo::newest_expiry(db, phone).await? {
            None => ErrorKey::CodeInvalid,
            Some(expires_at) if expires_at <= now => ErrorKey::CodeExpired,
            Some(_) => ErrorKey::CodeTooManyAttempts,
        };
        return Err(AppError::validation("code", key));
    };
    let given = code_hash(&state.config.otp_secret, phone, code);
    if !constant_time_eq(given.as_bytes(), stored.as_bytes()) {
        return Err(AppError::validation("code", ErrorKey::CodeInvalid));
    }
    // Single use: only one concurrent verification can flip `consumed`.
    if !code_repo::consume(db, id).await? {
        return Err(AppError::validation("code", ErrorKey::CodeInvalid));
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
