//! Request guards and response headers: cross-origin writes are refused
//! (Leptos server functions have no CSRF protection of their own), and every
//! response carries the baseline security headers.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use shipdesk::state::AppState;
use shipdesk::AppError;

/// Does the request's `Origin` (if any) name this site? With a configured
/// public origin (`SHIPDESK_PUBLIC_ORIGIN`, for a proxy that rewrites `Host`)
/// it must be exactly that; otherwise its host must be the request's `Host`.
/// A request without `Origin` passes: browsers always send it on
/// cross-origin writes and socket upgrades, and non-browser clients cannot
/// ride on a victim's cookies.
pub fn origin_matches(headers: &HeaderMap, public_origin: Option<&str>) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    if origin == "null" {
        return false;
    }
    if let Some(expected) = public_origin {
        return origin.eq_ignore_ascii_case(expected.trim_end_matches('/'));
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    origin.split_once("://").map(|(_, h)| h) == Some(host)
}

/// Is this request a write from another site?
pub fn is_cross_origin_write(req: &Request, public_origin: Option<&str>) -> bool {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site == "cross-site" || site == "same-site" {
            return true;
        }
    }
    !origin_matches(headers, public_origin)
}

pub async fn refuse_cross_origin_writes(
    State(app): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if is_cross_origin_write(&req, app.config.public_origin.as_deref()) {
        tracing::warn!(path = %req.uri().path(), "cross-origin write refused");
        let body = serde_json::to_string(&AppError::Forbidden).unwrap_or_default();
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
    }
    next.run(req).await
}

/// Refuses a server function's JSON body whose text holds a NUL character
/// (`\u0000`): PostgreSQL cannot store one in a text column, so it would
/// fail deep inside a statement; here it is the input's fault, a 422 naming
/// the request, on both databases alike.
pub async fn refuse_nul_text(req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/") || req.method() != Method::POST {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        let e = AppError::validation("request", shipdesk::ErrorKey::BadRequest);
        return refusal(StatusCode::PAYLOAD_TOO_LARGE, &e);
    };
    // JSON spells a NUL `\u0000` (any case); a raw 0 byte is refused too. A
    // byte scan, not a second parse of every body.
    let has_nul =
        bytes.contains(&0) || bytes.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"));
    if has_nul {
        let e = AppError::validation("request", shipdesk::ErrorKey::BadRequest);
        return refusal(StatusCode::UNPROCESSABLE_ENTITY, &e);
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn refusal(status: StatusCode, e: &AppError) -> Response {
    let body = serde_json::to_string(e).unwrap_or_default();
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// A failed server function answers 500 with its `AppError` as the body
/// (server functions set no status of their own, and errors raised while
/// decoding arguments are client errors too); this gives each the status of
/// its kind, and a rate-limited one its `Retry-After`.
pub async fn api_error_status(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if !is_api || res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response();
    };
    if let Ok(err) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if let AppError::RateLimited { retry_after_secs } = err {
            parts
                .headers
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// Baseline headers on every response; outside dev also HSTS (production
/// is served over TLS, so browsers should never try plain HTTP again).
pub async fn security_headers(
    State(app): State<AppState>,
    req: Request<Body>,
    next: Next,
) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    if !app.config.dev_mode {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; object-src 'none'; frame-ancestors 'none'",
            ),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(method: Method, headers: &[(&str, &str)]) -> Request {
        let mut b = Request::builder().method(method).uri("/api/x");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    fn cross(r: &Request) -> bool {
        is_cross_origin_write(r, None)
    }

    #[test]
    fn a_configured_public_origin_is_the_only_one_accepted() {
        let behind_proxy = req(
            Method::POST,
            &[
                ("host", "127.0.0.1:3000"),
                ("origin", "https://desk.example.com"),
            ],
        );
        assert!(cross(&behind_proxy), "Host rewritten by the proxy");
        assert!(!is_cross_origin_write(
            &behind_proxy,
            Some("https://desk.example.com/")
        ));
        let evil = req(
            Method::POST,
            &[
                ("host", "desk.example.com"),
                ("origin", "https://evil.test"),
            ],
        );
        assert!(is_cross_origin_write(
            &evil,
            Some("https://desk.example.com")
        ));
        let spoofed_host = req(
            Method::POST,
            &[("host", "evil.test"), ("origin", "https://evil.test")],
        );
        assert!(is_cross_origin_write(
            &spoofed_host,
            Some("https://desk.example.com")
        ));
    }

    #[test]
    fn writes_from_another_origin_are_refused() {
        assert!(cross(&req(
            Method::POST,
            &[("host", "a.test"), ("origin", "https://evil.test")]
        )));
        assert!(cross(&req(
            Method::POST,
            &[("host", "a.test"), ("sec-fetch-site", "cross-site")]
        )));
        assert!(cross(&req(
            Method::POST,
            &[("host", "a.test"), ("origin", "null")]
        )));
    }

    #[test]
    fn same_origin_writes_reads_and_plain_clients_pass() {
        assert!(!cross(&req(
            Method::POST,
            &[("host", "a.test:3000"), ("origin", "http://a.test:3000")]
        )));
        assert!(!cross(&req(
            Method::GET,
            &[("host", "a.test"), ("origin", "https://evil.test")]
        )));
        assert!(!cross(&req(Method::POST, &[("host", "a.test")])));
    }
}
