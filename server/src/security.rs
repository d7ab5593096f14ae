//! Request guards and response headers: cross-origin writes are refused
//! (Leptos server functions have no CSRF protection of their own), and every
//! response carries the baseline security headers.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use shipdesk::AppError;

/// Is this request a write from another site?
pub fn is_cross_origin_write(req: &Request) -> bool {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return false;
    }
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if site == "cross-site" || site == "same-site" {
            return true;
        }
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        // Browsers always send Origin on cross-origin writes; non-browser
        // clients cannot ride on a victim's cookies.
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or("");
    origin == "null" || origin_host != host
}

pub async fn refuse_cross_origin_writes(req: Request, next: Next) -> Response {
    if is_cross_origin_write(&req) {
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

/// Errors raised while decoding a server function's arguments leave
/// server_fn with status 500 although their body is a client error
/// (`AppError::Validation`); this gives them the status of their kind.
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
    }
    Response::from_parts(parts, Body::from(bytes))
}

pub async fn security_headers(req: Request<Body>, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
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

    #[test]
    fn writes_from_another_origin_are_refused() {
        assert!(is_cross_origin_write(&req(
            Method::POST,
            &[("host", "a.test"), ("origin", "https://evil.test")]
        )));
        assert!(is_cross_origin_write(&req(
            Method::POST,
            &[("host", "a.test"), ("sec-fetch-site", "cross-site")]
        )));
        assert!(is_cross_origin_write(&req(
            Method::POST,
            &[("host", "a.test"), ("origin", "null")]
        )));
    }

    #[test]
    fn same_origin_writes_reads_and_plain_clients_pass() {
        assert!(!is_cross_origin_write(&req(
            Method::POST,
            &[("host", "a.test:3000"), ("origin", "http://a.test:3000")]
        )));
        assert!(!is_cross_origin_write(&req(
            Method::GET,
            &[("host", "a.test"), ("origin", "https://evil.test")]
        )));
        assert!(!is_cross_origin_write(&req(
            Method::POST,
            &[("host", "a.test")]
        )));
    }
}
