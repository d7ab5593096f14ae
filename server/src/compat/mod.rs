//! Endpoints of the older chat APIs existing clients still call, each in
//! its own envelope, field names and error format, as mapping shims over
//! the chat core (which checks what the caller may do):
//!
//! - `find_history`: seed 000's `GET /im/cs/find-history-sessions`;
//! - `history_list`: seed 001's `GET /plugin.yun-chat.frontend.chat.history-list`;
//! - `chatmess`: seed 002's v2 open API (`POST /v2/ChatMess/…`, `/v2/Callback/…`);
//! - `kf`: seed 003's WeChat customer-service accounts (`/cgi-bin/customservice/…`,
//!   `/customservice/kfaccount/add`).
//!
//! All are served under `SHIPDESK_COMPAT_PREFIX` (none by default) and
//! authenticate through [`staff_caller`] only.

pub mod chatmess;
pub mod find_history;
pub mod history_list;
pub mod kf;

use axum::http::{header, HeaderMap};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{Map, Value};
use shipdesk::auth::{api_token, Lang, Staff};
use shipdesk::partner::service as partner;
use shipdesk::state::AppState;
use shipdesk::{AppError, ErrorKey};

use crate::ServerState;

/// Shipdesk is one tenant: the id the old APIs' tenant fields carry
/// (seed 001's `uniacid`, seed 002's `merchantid`).
pub const TENANT_ID: i64 = 1;

/// The compat routes, at the paths the seeds show; `lib::router` mounts
/// them under the configured prefix.
pub fn routes() -> Router<ServerState> {
    Router::new()
        .route(
            "/im/cs/find-history-sessions",
            get(find_history::find_history_sessions),
        )
        .route(
            "/plugin.yun-chat.frontend.chat.history-list",
            get(history_list::history_list),
        )
        .merge(chatmess::routes())
        .route("/cgi-bin/customservice/getkflist", get(kf::kf_list))
        .route(
            "/cgi-bin/customservice/getonlinekflist",
            get(kf::online_kf_list),
        )
        .route("/customservice/kfaccount/add", post(kf::add_kf_account))
}

/// The token a request presents: `Authorization: Bearer <token>`, else the
/// `token` header (seed 000), else `access_token` from the query (seed 003).
pub fn presented_token<'a>(
    headers: &'a HeaderMap,
    access_token: Option<&'a str>,
) -> Option<&'a str> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        });
    let header_token = headers.get("token").and_then(|v| v.to_str().ok());
    [bearer, header_token, access_token]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|t| !t.is_empty())
}

/// The staff member a compat request acts as: the one place these
/// endpoints authenticate. An API token (minted by a staff member in the
/// console) acts as its owner with the owner's roles at the time of the
/// call; a partner app's token (`spt_…`) acts as the app's account, if the
/// app was given `operation` (the endpoint's operationId in the API
/// document), within its rate and companies, and is written to its log
/// (these APIs answer in their envelopes, so the log says the call was let
/// through; refusals carry their error). No token, or an unknown, revoked or
/// expired one, is Unauthorized.
pub async fn staff_caller(
    state: &AppState,
    headers: &HeaderMap,
    access_token: Option<&str>,
    operation: &str,
) -> Result<Staff, AppError> {
    let token = presented_token(headers, access_token).ok_or(AppError::Unauthorized)?;
    if partner::is_partner_token(token) {
        let ok = partner::authorize(state, token, operation).await?;
        partner::log_call(state, ok.app_ref, operation, 200, 0, None).await;
        return Ok(ok.staff);
    }
    api_token::staff_for(state, token).await
}

/// A query string's parameters; the first of each name wins, and nothing
/// is refused (the old APIs ignore what they do not know).
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn of(query: Option<&str>) -> Params {
        let pairs = form_urlencoded::parse(query.unwrap_or("").as_bytes());
        Params(pairs.into_owned().collect())
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A whole number parameter; empty means absent.
    pub fn number(&self, name: &str, key: ErrorKey) -> Result<Option<u32>, AppError> {
        match self.get(name).map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => v
                .parse()
                .map(Some)
                .map_err(|_| AppError::validation(name, key)),
        }
    }

    /// A text parameter, trimmed; empty means absent. A NUL is bad input
    /// (PostgreSQL stores none).
    pub fn text(&self, name: &str) -> Result<Option<&str>, AppError> {
        match self.get(name).map(str::trim).filter(|v| !v.is_empty()) {
            Some(v) if v.contains('\0') => Err(AppError::validation(name, ErrorKey::BadRequest)),
            other => Ok(other),
        }
    }
}

/// The JSON object of a compat POST. An empty body is a missing `request`;
/// anything else that is not a JSON object, or any NUL in it (PostgreSQL
/// stores none), is a bad `request`.
pub fn json_object(body: &[u8]) -> Result<Map<String, Value>, AppError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(AppError::validation("request", ErrorKey::Required));
    }
    let bad = || AppError::validation("request", ErrorKey::BadRequest);
    if body.contains(&0) || body.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000")) {
        return Err(bad());
    }
    match serde_json::from_slice(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(bad()),
    }
}

/// What an error says to a person in `lang`, with the field it is about.
pub fn describe(e: &AppError, lang: Lang) -> String {
    let text = shipdesk_app::i18n::error_message(e.key()).get(lang);
    match e.field() {
        Some(field) => format!("{text} ({field})"),
        None => text.to_owned(),
    }
}

/// Percent-encodes a query value or a seed 002 `resvred` (urlDecode-able).
pub fn url_encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn a_token_comes_from_bearer_then_the_token_header_then_the_query() {
        let both = headers(&[("authorization", "Bearer sdk_a"), ("token", "sdk_b")]);
        assert_eq!(presented_token(&both, Some("sdk_c")), Some("sdk_a"));
        let header_only = headers(&[("authorization", "Basic eA=="), ("token", "sdk_b")]);
        assert_eq!(presented_token(&header_only, None), Some("sdk_b"));
        let empty = headers(&[("authorization", ""), ("token", " ")]);
        assert_eq!(presented_token(&empty, Some("sdk_c")), Some("sdk_c"));
        assert_eq!(presented_token(&empty, Some("")), None);
    }

    #[test]
    fn params_take_the_first_value_and_bodies_must_be_objects() {
        let p = Params::of(Some("page=2&page=3&user_name=%E5%BC%A0&x=%zz"));
        assert_eq!(p.get("page"), Some("2"));
        assert_eq!(p.text("user_name").unwrap(), Some("张"));
        assert!(p.number("x", ErrorKey::PageInvalid).is_err());
        assert_eq!(json_object(b" ").unwrap_err().key(), ErrorKey::Required);
        assert_eq!(json_object(b"[1]").unwrap_err().key(), ErrorKey::BadRequest);
        assert!(json_object(br#"{"a":"\u0000"}"#).is_err());
        assert!(json_object(br#"{"a":1}"#).is_ok());
    }
}
