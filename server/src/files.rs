//! Chat attachments over HTTP: `POST /chat/upload?conversation_id=&name=`
//! with the file as the raw body (up to the upload limit), answered with the
//! attachment as JSON; `GET /chat/files/{key}` serves it to those who may
//! read its conversation (images inline, other files as downloads, both
//! named with the extension of their sniffed type).

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use shipdesk::chat::attachment;
use shipdesk::state::AppState;
use shipdesk::{AppError, Id};
use shipdesk_app::server::principal_in;
use tower_sessions::Session;

fn error(e: AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(&e).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

#[derive(Deserialize)]
pub struct UploadQuery {
    conversation_id: Option<Id>,
    name: Option<String>,
}

pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    Query(q): Query<UploadQuery>,
    body: Bytes,
) -> Response {
    let who = match principal_in(&state, &session).await {
        Ok(Some(p)) => p,
        Ok(None) => return error(AppError::Unauthorized),
        Err(e) => return error(e),
    };
    let Some(conversation_id) = q.conversation_id else {
        return error(AppError::validation("conversation_id", "field.required"));
    };
    let name = q.name.unwrap_or_default();
    match attachment::upload(&state, &who, conversation_id, &name, &body).await {
        Ok(a) => (StatusCode::OK, axum::Json(a)).into_response(),
        Err(e) => error(e),
    }
}

pub async fn download(
    State(state): State<AppState>,
    session: Session,
    Path(key): Path<String>,
) -> Response {
    let who = match principal_in(&state, &session).await {
        Ok(Some(p)) => p,
        Ok(None) => return error(AppError::Unauthorized),
        Err(e) => return error(e),
    };
    match attachment::download(&state, &who, &key).await {
        Ok((att, bytes)) => {
            let mut res = (StatusCode::OK, bytes).into_response();
            let h = res.headers_mut();
            if let Ok(v) = HeaderValue::from_str(&att.mime) {
                h.insert(header::CONTENT_TYPE, v);
            }
            h.insert(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, max-age=86400"),
            );
            let disposition = attachment::content_disposition(&att.name, &att.mime);
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            res
        }
        Err(e) => error(e),
    }
}
