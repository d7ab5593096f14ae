//! `GET /pricing/channels/{id}/table.xlsx`: a channel's price table as an
//! `.xlsx` download, for staff who may read channels (the core's
//! `export_table` decides); `GET /orders/transfers/template.xlsx`: the
//! transfer-number template (上传转单号模板), for those who upload them
//! (`transfer_template` decides). Plain GETs, like a chat file's download,
//! so the pages' buttons are links the browser saves; refusals are the
//! error shape with its status.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use shipdesk::chat::file_type::content_disposition;
use shipdesk::orders::service::transfer_template;
use shipdesk::pricing::service::export_table;
use shipdesk::state::AppState;
use shipdesk::{AppError, Id};
use shipdesk_app::server::principal_in;
use tower_sessions::Session;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn error(e: AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(&e).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn staff_of(state: &AppState, session: &Session) -> Result<shipdesk::auth::Staff, Response> {
    match principal_in(state, session).await {
        Ok(Some(p)) => p.as_staff().cloned().map_err(error),
        Ok(None) => Err(error(AppError::Unauthorized)),
        Err(e) => Err(error(e)),
    }
}

fn xlsx_file(name: &str, bytes: Vec<u8>) -> Response {
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(XLSX));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&content_disposition(name, XLSX)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

/// `GET /orders/transfers/template.xlsx`
pub async fn transfers_template(State(state): State<AppState>, session: Session) -> Response {
    let staff = match staff_of(&state, &session).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    match transfer_template(&state, &staff).await {
        Ok(f) => xlsx_file(&f.name, f.bytes),
        Err(e) => error(e),
    }
}

pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
) -> Response {
    let staff = match staff_of(&state, &session).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let file = match export_table(&state, &staff, id).await {
        Ok(f) => f,
        Err(e) => return error(e),
    };
    xlsx_file(&file.name, file.bytes)
}
