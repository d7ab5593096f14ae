//! Chat attachments over HTTP: `POST /chat/upload?conversation_id=&name=`
//! with the file as the raw body, answered with the attachment as JSON;
//! `GET /chat/files/{key}` streams it to those who may read its
//! conversation (images inline, other files as downloads, both named with
//! the extension of their sniffed type).
//!
//! The upload's caller is resolved and authorised (by the core) before the
//! body is read; the body is then streamed to disk, counted as it goes.

use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::TryStreamExt;
use serde::Deserialize;
use shipdesk::chat::file_type;
use shipdesk::chat::service::attachment;
use shipdesk::state::AppState;
use shipdesk::ErrorKey;
use shipdesk::{AppError, Id};
use shipdesk_app::server::principal_in;
use tokio_util::io::{ReaderStream, StreamReader};
use tower_sessions::Session;

fn error(e: AppError) -> Response {
    let status = match &e {
        AppError::Validation {
            key: ErrorKey::AttachmentTooLarge,
            ..
        } => StatusCode::PAYLOAD_TOO_LARGE,
        _ => StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
    };
    let body = serde_json::to_string(&e).unwrap_or_default();
    let mut res = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    if let AppError::RateLimited { retry_after_secs } = e {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
    }
    res
}

#[derive(Deserialize)]
pub struct UploadQuery {
    conversation_id: Option<Id>,
    name: Option<String>,
}

pub async fn upload(
    State(state): State<AppState>,
    session: Session,
    q: Result<Query<UploadQuery>, axum::extract::rejection::QueryRejection>,
    req: Request,
) -> Response {
    // A malformed query (`conversation_id=abc`) is the input's fault: 422
    // with the error shape, like every other refusal, not axum's plain 400.
    let Ok(Query(q)) = q else {
        return error(AppError::validation(
            "conversation_id",
            ErrorKey::BadRequest,
        ));
    };
    let who = match principal_in(&state, &session).await {
        Ok(Some(p)) => p,
        Ok(None) => return error(AppError::Unauthorized),
        Err(e) => return error(e),
    };
    let Some(conversation_id) = q.conversation_id else {
        return error(AppError::validation(
            "conversation_id",
            ErrorKey::FieldRequired,
        ));
    };
    let name = q.name.unwrap_or_default();
    let len = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let body = req
        .into_body()
        .into_data_stream()
        .map_err(std::io::Error::other);
    let body = StreamReader::new(body);
    match attachment::upload(&state, &who, conversation_id, &name, len, body).await {
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
    let (att, file, len) = match attachment::download(&state, &who, &key).await {
        Ok(found) => found,
        Err(e) => return error(e),
    };
    let mut res = Body::from_stream(ReaderStream::new(file)).into_response();
    let h = res.headers_mut();
    let mime = if att.mime.starts_with("text/") {
        format!("{}; charset=utf-8", att.mime)
    } else {
        att.mime.clone()
    };
    if let Ok(v) = HeaderValue::from_str(&mime) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CONTENT_LENGTH, HeaderValue::from(len));
    // `nosniff` comes with every response (security::security_headers).
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    let disposition = file_type::content_disposition(&att.name, &att.mime);
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    res
}
