//! Partner app types and their validation.

use serde::{Deserialize, Serialize};

use crate::auth::Role;
use crate::error::{AppError, AppResult};
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

/// A partner app as an admin sees it (never with its secret).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerApp {
    pub id: Id,
    /// The public id the app signs with (`pa_…`).
    pub app_id: String,
    pub name: String,
    /// Its own staff account (`app:<app_id>`): what it writes is by it.
    pub account: String,
    /// The roles it acts with, as a staff member would.
    pub roles: Vec<Role>,
    /// The server functions it may call (the path after `/api/`).
    pub functions: Vec<String>,
    /// Every customer company, or only `company_ids`.
    pub all_companies: bool,
    pub company_ids: Vec<Id>,
    /// Staff accounts it may sign in by a login link.
    pub login_staff: Vec<String>,
    /// Whether it may sign in members of its companies by a login link.
    pub login_members: bool,
    /// Calls a minute; more answer 429 with Retry-After.
    pub rate_per_min: i64,
    pub enabled: bool,
    pub created_at: Timestamp,
}

/// A new partner app, or the new settings of one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerAppForCreate {
    pub name: String,
    pub roles: Vec<Role>,
    pub functions: Vec<String>,
    #[serde(default)]
    pub all_companies: bool,
    #[serde(default)]
    pub company_ids: Vec<Id>,
    #[serde(default)]
    pub login_staff: Vec<String>,
    #[serde(default)]
    pub login_members: bool,
    pub rate_per_min: i64,
}

/// Seed 002's 获取TOKEN: `signature` is the lowercase hex
/// HMAC-SHA256(secret, app_id + timestamp + nonce), `timestamp` in seconds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerTokenRequest {
    pub app_id: String,
    pub timestamp: i64,
    pub nonce: String,
    pub signature: String,
}

/// A bearer token for `Authorization: Bearer …`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerToken {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds from now.
    pub expires_in: i64,
    pub expires_at: Timestamp,
}

/// One call of a partner app, or one refusal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerRequest {
    pub id: Id,
    pub function: String,
    /// The HTTP status it was answered with.
    pub status: i64,
    pub latency_ms: i64,
    /// The error key of a refusal or failure.
    pub error: Option<String>,
    pub created_at: Timestamp,
}

/// The filter of an app's request log.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PartnerRequestFilter {
    /// One function only.
    #[serde(default)]
    pub function: Option<String>,
    /// Only answers of status 400 and above.
    #[serde(default)]
    pub failed_only: bool,
}

/// A name people tell the app by: 1 to 40 characters.
pub fn parse_name(s: &str) -> AppResult<String> {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > 40 {
        return Err(AppError::validation("name", ErrorKey::PartnerNameInvalid));
    }
    Ok(s.to_owned())
}

/// Known functions (`known`), each once, at least one.
pub fn parse_functions(list: &[String], known: &[&str]) -> AppResult<Vec<String>> {
    let mut out: Vec<String> = vec![];
    for f in list {
        let f = f.trim();
        if !known.contains(&f) {
            return Err(AppError::validation(
                "functions",
                ErrorKey::PartnerFunctionUnknown,
            ));
        }
        if !out.iter().any(|x| x == f) {
            out.push(f.to_owned());
        }
    }
    if out.is_empty() {
        return Err(AppError::validation(
            "functions",
            ErrorKey::PartnerFunctionsEmpty,
        ));
    }
    out.sort();
    Ok(out)
}

/// Calls a minute: 1 to 6,000.
pub fn parse_rate(n: i64) -> AppResult<i64> {
    if (1..=6000).contains(&n) {
        Ok(n)
    } else {
        Err(AppError::validation(
            "rate_per_min",
            ErrorKey::PartnerRateInvalid,
        ))
    }
}

/// At least one role, each known (the enum already is), each once.
pub fn parse_roles(roles: &[Role]) -> AppResult<Vec<Role>> {
    let mut v = roles.to_vec();
    v.sort();
    v.dedup();
    if v.is_empty() {
        return Err(AppError::validation("roles", ErrorKey::RolesRequired));
    }
    Ok(v)
}

/// A nonce: 8 to 64 characters of `A-Z a-z 0-9 - _`.
pub fn parse_nonce(s: &str) -> AppResult<&str> {
    let ok = (8..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(s)
    } else {
        Err(AppError::validation("nonce", ErrorKey::PartnerNonceInvalid))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked_field_by_field() {
        assert_eq!(parse_name("  ERP ").unwrap(), "ERP");
        assert_eq!(parse_name("").unwrap_err().field(), Some("name"));
        assert_eq!(
            parse_name(&"x".repeat(41)).unwrap_err().field(),
            Some("name")
        );
        let known = ["list_companies", "get_company"];
        let f = parse_functions(&["get_company".into(), "get_company".into()], &known).unwrap();
        assert_eq!(f, vec!["get_company"]);
        let e = parse_functions(&["drop_everything".into()], &known).unwrap_err();
        assert_eq!(e.key(), ErrorKey::PartnerFunctionUnknown);
        assert_eq!(
            parse_functions(&[], &known).unwrap_err().key(),
            ErrorKey::PartnerFunctionsEmpty
        );
        assert!(parse_rate(0).is_err() && parse_rate(6001).is_err() && parse_rate(60).is_ok());
        assert!(parse_roles(&[]).is_err());
        assert_eq!(parse_roles(&[Role::Cs, Role::Cs]).unwrap(), vec![Role::Cs]);
    }

    #[test]
    fn a_nonce_is_short_plain_text() {
        assert!(parse_nonce("a1b2c3d4").is_ok());
        assert!(parse_nonce("short").is_err());
        assert!(parse_nonce("has space 123").is_err());
        assert!(parse_nonce(&"n".repeat(65)).is_err());
    }
}
