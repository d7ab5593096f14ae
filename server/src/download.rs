//! What the plain-GET downloads share (a price table, the transfer-number
//! template, the order exports): the caller from the session, refusals as
//! the error shape with its status, and a file's headers (`no-store`, its
//! name as an attachment).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use shipdesk::auth::Principal;
use shipdesk::state::AppState;
use shipdesk::AppError;
use shipdesk_app::server::principal_in;
use tower_sessions::Session;

pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub fn error(e: AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(&e).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// The signed-in caller; 401 without one.
pub async fn caller(state: &AppState, session: &Session) -> Result<Principal, Response> {
    match principal_in(state, session).await {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err(error(AppError::Unauthorized)),
        Err(e) => Err(error(e)),
    }
}

/// A signed-in staff member; 401 without a caller, 403 for a member.
pub async fn staff(state: &AppState, session: &Session) -> Result<shipdesk::auth::Staff, Response> {
    let p = caller(state, session).await?;
    p.as_staff().cloned().map_err(error)
}

/// `res` as a download of `kind` named `name`.
pub fn file(mut res: Response, kind: &'static str, name: &str) -> Response {
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) =
        HeaderValue::from_str(&shipdesk::chat::file_type::content_disposition(name, kind))
    {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}
