//! Bearer calls of server functions, and partners' login links.
//!
//! `bearer_gate` runs before every `/api/` request that carries
//! `Authorization: Bearer …`: a partner app's token (`spt_…`) is checked by
//! the core (`partner::service::authorize`: live, the app enabled, the
//! function given, within the rate) and the call is logged with its final
//! status and latency; a staff member's API token (`sdk_…`) acts as them.
//! The caller it finds is the request's caller: server functions see the
//! app's account, with its roles and companies, as they would see a person.

use std::time::Instant;

use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use shipdesk::auth::{Principal, SessionUser};
use shipdesk::partner::service::{self, LoginLink};
use shipdesk::state::AppState;
use shipdesk::AppError;
use shipdesk_app::server::{sign_in_session, Caller};
use tower_sessions::Session;

/// A partner app's token (`spt_…`) in `Authorization: Bearer`, if any.
fn partner_bearer(req: &Request) -> Option<String> {
    let v = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && service::is_partner_token(token))
        .then(|| token.to_owned())
}

/// An error in the API's shape and status (with `Retry-After` when limited).
fn refusal(e: &AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_string(e).unwrap_or_default();
    let mut res = (status, [(header::CONTENT_TYPE, "application/json")], body).into_response();
    if let AppError::RateLimited { retry_after_secs } = e {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(*retry_after_secs));
    }
    res
}

/// See the module note. Requests without a partner's bearer token pass
/// untouched (a staff API token, `sdk_…`, is for the compatibility
/// endpoints: on `/api/` it is no session, as it always was).
pub async fn bearer_gate(State(app): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let Some(function) = path
        .strip_prefix("/api/")
        .map(|f| f.trim_end_matches('/').to_owned())
    else {
        return next.run(req).await;
    };
    let Some(token) = partner_bearer(&req) else {
        return next.run(req).await;
    };
    let started = Instant::now();
    let ok = match service::authorize(&app, &token, &function).await {
        Ok(ok) => ok,
        Err(e) => return refusal(&e),
    };
    req.extensions_mut()
        .insert(Caller::known(Principal::Staff(ok.staff)));
    let res = next.run(req).await;
    let status = res.status();
    let (res, key) = if status.is_client_error() || status.is_server_error() {
        error_key(res).await
    } else {
        (res, None)
    };
    let ms = started.elapsed().as_millis() as i64;
    service::log_call(
        &app,
        ok.app_ref,
        &function,
        status.as_u16(),
        ms,
        key.as_deref(),
    )
    .await;
    res
}

/// The error key of a failed answer (its body is an `AppError`), and the
/// answer as it was.
async fn error_key(res: Response) -> (Response, Option<String>) {
    let (parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (Response::from_parts(parts, Body::empty()), None);
    };
    let key = serde_json::from_slice::<AppError>(&bytes)
        .ok()
        .map(|e| e.key().as_str().to_owned());
    (Response::from_parts(parts, Body::from(bytes)), key)
}

/// `GET /partner/login?app_id=&kind=&user=&timestamp=&nonce=&next=&signature=`:
/// a partner's signed one-time link; opens a session for the user it names
/// and goes to `next` (a path on this site), else the user's portal.
pub async fn login_link(
    State(app): State<AppState>,
    session: Session,
    Query(link): Query<LoginLink>,
) -> Response {
    let who = match service::sign_in_by_link(&app, &link).await {
        Ok(who) => who,
        Err(e) => return refused_page(&e),
    };
    if let Err(e) = sign_in_session(&app, &session, who).await {
        return refused_page(&e);
    }
    let home = match who {
        SessionUser::Staff(_) => "/admin",
        SessionUser::Member(_) => "/h5",
    };
    let next = (!link.next.is_empty()).then_some(link.next.as_str());
    Redirect::to(&shipdesk::auth::safe_next(next, home)).into_response()
}

/// A refused link, said plainly (a person followed it, not a program).
fn refused_page(e: &AppError) -> Response {
    let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let zh = shipdesk_app::i18n::error_message(e.key()).get(shipdesk::auth::Lang::Zh);
    let page = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>登录链接无效</title></head><body \
         style=\"font-family:sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem\">\
         <h1 style=\"font-size:1.25rem\">登录链接无效</h1><p>{zh}</p><p>请回到原系统重新打开。\
         </p><p><a href=\"/admin/login\">员工登录</a> · <a href=\"/h5/login\">客户登录</a></p>\
         </body></html>"
    );
    (status, axum::response::Html(page)).into_response()
}
