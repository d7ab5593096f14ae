//! Kuaidi100's push callback, `POST /tracking/kuaidi100/push`: a form of
//! `param` and `sign` (MD5(param + salt)), verified and stored by the core
//! (`shipdesk::tracking::service::receive_kuaidi100_push`), answered in
//! Kuaidi100's format `{"result", "returnCode", "message"}`. A success
//! (also for a replay, which stores nothing) stops Kuaidi100's retries; a
//! refusal stores nothing.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use shipdesk::state::AppState;
use shipdesk::tracking::provider::kuaidi100::push::{answer, PushError};
use shipdesk::tracking::service::{receive_kuaidi100_push, PushRefusal};

/// The largest push accepted.
pub const PUSH_BODY_LIMIT: usize = 2 * 1024 * 1024;

pub async fn kuaidi100_push(State(app): State<AppState>, body: Bytes) -> Response {
    let (status, message) = match receive_kuaidi100_push(&app, &body).await {
        Ok((push, new)) => {
            tracing::debug!(carrier = %push.carrier, number = %push.number, new, "kuaidi100 push stored");
            (StatusCode::OK, "成功")
        }
        Err(PushRefusal::Push(PushError::Forged)) => {
            tracing::warn!("kuaidi100 push refused: its sign does not match");
            (StatusCode::UNAUTHORIZED, "签名错误")
        }
        Err(PushRefusal::Push(PushError::Malformed(why))) => {
            tracing::warn!(why, "kuaidi100 push refused: malformed");
            (StatusCode::BAD_REQUEST, "参数错误")
        }
        Err(PushRefusal::Push(PushError::UnknownCompany(com))) => {
            tracing::warn!(com, "kuaidi100 push refused: a company we do not follow");
            (StatusCode::UNPROCESSABLE_ENTITY, "未知的快递公司")
        }
        Err(PushRefusal::NotConfigured) => {
            tracing::warn!("kuaidi100 push refused: no Kuaidi100 account is configured");
            (StatusCode::NOT_FOUND, "未启用快递100推送")
        }
        Err(PushRefusal::Store(_)) => (StatusCode::INTERNAL_SERVER_ERROR, "保存失败，请重试"),
    };
    (status, Json(answer(status == StatusCode::OK, message))).into_response()
}
