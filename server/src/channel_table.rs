//! `GET /pricing/channels/{id}/table.xlsx`: a channel's price table as an
//! `.xlsx` download, for staff who may read channels (the core's
//! `export_table` decides). A plain GET, like a chat file's download, so
//! the page's 导出价格表 is a link the browser saves; refusals are the
//! error shape with its status.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use shipdesk::chat::file_type::content_disposition;
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

pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Id>,
) -> Response {
    let staff = match principal_in(&state, &session).await {
        Ok(Some(p)) => match p.as_staff() {
            Ok(s) => s.clone(),
            Err(e) => return error(e),
        },
        Ok(None) => return error(AppError::Unauthorized),
        Err(e) => return error(e),
    };
    let file = match export_table(&state, &staff, id).await {
        Ok(f) => f,
        Err(e) => return error(e),
    };
    let mut res = file.bytes.into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(XLSX));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&content_disposition(&file.name, XLSX)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}
