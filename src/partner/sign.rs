//! The signatures of partner apps (seed 002's 生成signature), pure: an app's
//! secret derived from the server's key, HMAC-SHA256 over the request's
//! parts, checked in constant time, and the time window a signed request is
//! good for.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// The app's secret: never stored, recomputed from the server's key, the
/// app id and the app's salt (a new salt is a new secret).
pub fn app_secret(server_key: &[u8], app_id: &str, salt: &str) -> String {
    let mut mac = HmacSha256::new_from_slice(server_key).expect("any key length");
    mac.update(b"shipdesk partner app\0");
    mac.update(app_id.as_bytes());
    mac.update(b"\0");
    mac.update(salt.as_bytes());
    format!("sps_{}", hex::encode(mac.finalize().into_bytes()))
}

/// Lowercase hex HMAC-SHA256(secret, the parts joined with nothing between).
pub fn sign(secret: &str, parts: &[&str]) -> String {
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("any key length");
    for p in parts {
        mac.update(p.as_bytes());
    }
    hex::encode(mac.finalize().into_bytes())
}

/// Whether `signature` (hex, either case) is `sign(secret, parts)`,
/// compared in constant time.
pub fn verify(secret: &str, parts: &[&str], signature: &str) -> bool {
    let Ok(given) = hex::decode(signature.trim()) else {
        return false;
    };
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes()).expect("any key length");
    for p in parts {
        mac.update(p.as_bytes());
    }
    mac.verify_slice(&given).is_ok()
}

/// Whether a request stamped `ts_secs` is within `window_secs` of `now_ms`,
/// either way (a clock ahead is as suspect as one behind).
pub fn fresh(ts_secs: i64, now_ms: i64, window_secs: i64) -> bool {
    ts_secs
        .checked_mul(1000)
        .and_then(|ts| now_ms.checked_sub(ts))
        .and_then(i64::checked_abs)
        .is_some_and(|d| d <= window_secs * 1000)
}

/// SHA-256 of a bearer token, the only form it is stored in.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_only_over_the_same_parts_and_secret() {
        let s = sign("sps_secret", &["pa_1", "1700000000", "nonce123"]);
        assert_eq!(s.len(), 64);
        assert!(verify(
            "sps_secret",
            &["pa_1", "1700000000", "nonce123"],
            &s
        ));
        assert!(verify(
            "sps_secret",
            &["pa_1", "1700000000", "nonce123"],
            &s.to_uppercase()
        ));
        assert!(!verify(
            "sps_secret",
            &["pa_1", "1700000001", "nonce123"],
            &s
        ));
        assert!(!verify(
            "sps_other",
            &["pa_1", "1700000000", "nonce123"],
            &s
        ));
        assert!(!verify(
            "sps_secret",
            &["pa_1", "1700000000", "nonce123"],
            "zz"
        ));
        assert!(!verify(
            "sps_secret",
            &["pa_1", "1700000000", "nonce123"],
            &s[..62]
        ));
    }

    #[test]
    fn the_known_vector_matches_rfc_4231() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assert_eq!(
            sign("Jefe", &["what do ya want ", "for nothing?"]),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn secrets_differ_by_app_salt_and_key() {
        let a = app_secret(b"k", "pa_1", "s1");
        assert!(a.starts_with("sps_"));
        assert_eq!(a, app_secret(b"k", "pa_1", "s1"));
        assert_ne!(a, app_secret(b"k", "pa_1", "s2"));
        assert_ne!(a, app_secret(b"k", "pa_2", "s1"));
        assert_ne!(a, app_secret(b"k2", "pa_1", "s1"));
    }

    #[test]
    fn a_timestamp_is_good_for_its_window_either_way() {
        let now = 1_700_000_000_000;
        assert!(fresh(1_700_000_000 - 300, now, 300));
        assert!(!fresh(1_700_000_000 - 301, now, 300));
        assert!(fresh(1_700_000_000 + 300, now, 300));
        assert!(!fresh(1_700_000_000 + 301, now, 300));
        assert!(!fresh(i64::MAX, now, 300));
        assert!(!fresh(i64::MIN, now, 300));
        assert!(!fresh(i64::MIN / 1000, now, 300));
    }
}
