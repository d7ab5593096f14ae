//! Seed 003, WeChat's customer-service accounts (客服帐号), over the cs staff:
//!
//! - `GET /cgi-bin/customservice/getkflist` → `{"kf_list": [{kf_account,
//!   kf_nick, kf_id, kf_headimgurl}]}`: every enabled cs account;
//! - `GET /cgi-bin/customservice/getonlinekflist` → `{"kf_online_list":
//!   [{kf_account, status: 1, kf_id, accepted_case}]}`: the agents online
//!   now with their open conversations;
//! - `POST /customservice/kfaccount/add` `{"kf_account", "nickname"}` →
//!   `{"errcode": 0, "errmsg": "ok"}`: an admin creates a cs account.
//!
//! `kf_account` is `<staff account>@shipdesk` (WeChat's `prefix@公众号`, the
//! suffix naming this platform); `kf_id` the staff id as a string;
//! `kf_headimgurl` is `""`. An added account has no password anyone knows
//! until an admin sets one. The token may also come as `?access_token=`.
//! Errors: `{"errcode": N, "errmsg": "…"}` with WeChat's codes, always
//! HTTP 200 as WeChat answers (see [`errcode`]).

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::Json;
use serde_json::{json, Map, Value};
use shipdesk::auth::{Lang, Staff};
use shipdesk::chat::service::admin;
use shipdesk::state::AppState;
use shipdesk::{AppError, ErrorKey};

use super::{describe, json_object, presented_token, staff_caller, Params};

/// The suffix of every `kf_account`.
pub const KF_DOMAIN: &str = "shipdesk";

fn kf_account(s: &Staff) -> String {
    format!("{}@{KF_DOMAIN}", s.account)
}

/// The staff account a `kf_account` names: `<account>@shipdesk`.
fn account_of(kf_account: &str) -> Result<&str, AppError> {
    match kf_account.trim().rsplit_once('@') {
        Some((account, domain)) if domain.eq_ignore_ascii_case(KF_DOMAIN) => Ok(account),
        _ => Err(AppError::validation("kf_account", ErrorKey::AccountInvalid)),
    }
}

/// WeChat's error code and message of an error; `token_given` tells a
/// missing token (41001) from a refused one (40001).
pub fn errcode(e: &AppError, token_given: bool) -> (i64, String) {
    let (code, text): (i64, &str) = match e {
        AppError::Unauthorized if !token_given => (41001, "access_token missing"),
        AppError::Unauthorized => (
            40001,
            "invalid credential, access_token is invalid or not latest",
        ),
        AppError::Forbidden => (48001, "api unauthorized"),
        AppError::RateLimited { .. } => (45009, "reach max api daily quota limit"),
        AppError::Internal => (-1, "system error"),
        AppError::Validation { field, key } | AppError::Conflict { field, key } => {
            match (field.as_str(), key) {
                ("request", ErrorKey::Required) => (44002, "empty post data"),
                ("request", _) => (47001, "data format error"),
                (_, ErrorKey::AccountTaken) => (65406, "kf_account exists"),
                ("kf_account" | "account", _) => (65404, "invalid kf_account"),
                ("nickname" | "name", _) => (65403, "invalid nickname"),
                _ => (40035, "invalid args"),
            }
        }
        AppError::NotFound { .. } => (40035, "invalid args"),
    };
    (code, format!("{text}: {}", describe(e, Lang::En)))
}

fn refusal(e: &AppError, headers: &HeaderMap, p: &Params) -> Json<Value> {
    let (code, msg) = errcode(e, presented_token(headers, p.get("access_token")).is_some());
    Json(json!({"errcode": code, "errmsg": msg}))
}

async fn caller(
    state: &AppState,
    headers: &HeaderMap,
    p: &Params,
    operation: &str,
) -> Result<Staff, AppError> {
    staff_caller(state, headers, p.get("access_token"), operation).await
}

pub async fn kf_list(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Json<Value> {
    let p = Params::of(query.as_deref());
    let run = async {
        let staff = caller(&state, &headers, &p, "kf_list").await?;
        let list = admin::cs_accounts(&state, &staff).await?;
        Ok::<_, AppError>(json!({"kf_list": list.iter().map(|s| json!({
            "kf_account": kf_account(s),
            "kf_headimgurl": "",
            "kf_id": s.id.to_string(),
            "kf_nick": s.name,
        })).collect::<Vec<_>>()}))
    };
    match run.await {
        Ok(v) => Json(v),
        Err(e) => refusal(&e, &headers, &p),
    }
}

pub async fn online_kf_list(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Json<Value> {
    let p = Params::of(query.as_deref());
    let run = async {
        let staff = caller(&state, &headers, &p, "kf_online_list").await?;
        let online = admin::online_agents(&state, &staff).await?;
        Ok::<_, AppError>(
            json!({"kf_online_list": online.iter().map(|(s, load)| json!({
            "kf_account": kf_account(s),
            "status": 1,
            "kf_id": s.id.to_string(),
            "accepted_case": load.open_count,
        })).collect::<Vec<_>>()}),
        )
    };
    match run.await {
        Ok(v) => Json(v),
        Err(e) => refusal(&e, &headers, &p),
    }
}

fn text<'a>(body: &'a Map<String, Value>, field: &str) -> Result<&'a str, AppError> {
    match body.get(field) {
        None | Some(Value::Null) => Err(AppError::validation(field, ErrorKey::FieldRequired)),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(AppError::validation(field, ErrorKey::BadRequest)),
    }
}

pub async fn add_kf_account(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Json<Value> {
    let p = Params::of(query.as_deref());
    let run = async {
        let admin_staff = caller(&state, &headers, &p, "kf_account_add").await?;
        let body = json_object(&body)?;
        let account = account_of(text(&body, "kf_account")?)?;
        let nickname = text(&body, "nickname")?;
        admin::create_cs_account(&state, &admin_staff, account, nickname).await
    };
    match run.await {
        Ok(_) => Json(json!({"errcode": 0, "errmsg": "ok"})),
        Err(e) => refusal(&e, &headers, &p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kf_account_names_a_staff_account_on_this_platform() {
        assert_eq!(account_of("cs_a@shipdesk").unwrap(), "cs_a");
        assert_eq!(account_of(" cs_a@ShipDesk ").unwrap(), "cs_a");
        assert!(account_of("cs_a@gh_123").is_err());
        assert!(account_of("cs_a").is_err());
    }

    #[test]
    fn errors_carry_wechats_codes() {
        assert_eq!(errcode(&AppError::Unauthorized, false).0, 41001);
        assert_eq!(errcode(&AppError::Unauthorized, true).0, 40001);
        assert_eq!(errcode(&AppError::Forbidden, true).0, 48001);
        let taken = AppError::conflict("account", ErrorKey::AccountTaken);
        assert_eq!(errcode(&taken, true).0, 65406);
        let empty = AppError::validation("request", ErrorKey::Required);
        assert_eq!(errcode(&empty, true).0, 44002);
        let nick = AppError::validation("name", ErrorKey::NameTooLong);
        assert_eq!(errcode(&nick, true).0, 65403);
    }
}
