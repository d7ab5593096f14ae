//! The axum server: configuration, router, session layer, security layers,
//! background jobs. `main.rs` holds the command line.

// The Leptos view types of the whole app are laid out in this crate too.
#![recursion_limit = "256"]

pub mod channel_table;
pub mod compat;
pub mod config;
pub mod download;
pub mod files;
pub mod jobs;
pub mod order_export;
pub mod partner;
pub mod security;
pub mod session_store;
pub mod tracking;
pub mod ws;

use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::{middleware, Json, Router};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use shipdesk::state::AppState;
use shipdesk_app::{shell, App};
use tower_http::limit::RequestBodyLimitLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::session_store::DbSessionStore;

/// Largest accepted request body.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

#[derive(Clone, axum::extract::FromRef)]
pub struct ServerState {
    pub leptos_options: LeptosOptions,
    pub app: AppState,
}

/// The app's routes, listed once per process. Listing them renders the app
/// with resource loading suppressed by a process-wide flag, so a page that
/// another router (a test's, say) renders meanwhile would wait forever on a
/// resource first polled while the flag is up (leptos issue #4773).
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole application as an axum router.
pub fn router(app: AppState, leptos_options: LeptosOptions) -> Router {
    let routes = route_list();
    let state = ServerState {
        leptos_options: leptos_options.clone(),
        app: app.clone(),
    };
    shipdesk_app::server::set_fallback_state(app.clone());
    let ctx_state = app.clone();
    let context = move || provide_context(ctx_state.clone());
    let sessions = SessionManagerLayer::new(DbSessionStore::of(&app))
        .with_name("sd_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(!app.config.dev_mode)
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(
            app.config.session_idle_secs,
        )));
    // Uploads have their own body limit; everything else the global one.
    let uploads = Router::new()
        .route("/chat/upload", post(files::upload))
        .layer(middleware::from_fn(shipdesk_app::server::caller_layer))
        .layer(sessions.clone())
        .layer(middleware::from_fn_with_state(
            app.clone(),
            security::refuse_cross_origin_writes,
        ))
        .layer(RequestBodyLimitLayer::new(
            app.config.upload_max_bytes + 64 * 1024,
        ))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(middleware::from_fn_with_state(
            app.clone(),
            security::security_headers,
        ))
        .with_state(state.clone());
    // Kuaidi100's pushes: signed forms from its servers, no session.
    let pushes = Router::new()
        .route("/tracking/kuaidi100/push", post(tracking::kuaidi100_push))
        .layer(RequestBodyLimitLayer::new(tracking::PUSH_BODY_LIMIT))
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(middleware::from_fn_with_state(
            app.clone(),
            security::security_headers,
        ))
        .with_state(state.clone());
    let main = Router::new()
        .route("/healthz", get(healthz))
        .route("/api/openapi.json", get(openapi_json))
        .route("/api/docs", get(api_docs))
        .route("/ws", get(ws::handler))
        .route("/chat/files/{key}", get(files::download))
        .route(
            "/pricing/channels/{id}/table.xlsx",
            get(channel_table::download),
        )
        .route(
            "/orders/transfers/template.xlsx",
            get(order_export::transfers_template),
        )
        .route("/orders/export.csv", get(order_export::csv))
        .route("/orders/export.xlsx", get(order_export::xlsx))
        .route("/partner/login", get(partner::login_link));
    // The older APIs' endpoints, under their prefix when one is configured.
    let main = match app.config.compat_prefix.as_str() {
        "" => main.merge(compat::routes()),
        prefix => main.nest(prefix, compat::routes()),
    };
    let main = main
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let o = leptos_options.clone();
            move || shell(o.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            ServerState,
            _,
        >(context, shell))
        // The caller is resolved from the session once per request, by
        // whatever asks first (the page, a server function, the socket).
        .layer(middleware::from_fn(shipdesk_app::server::caller_layer))
        .layer(sessions)
        .layer(middleware::from_fn(security::refuse_nul_text))
        .layer(middleware::from_fn(security::api_error_status))
        // Outside the status layer, so a partner's log has final statuses.
        .layer(middleware::from_fn_with_state(
            app.clone(),
            partner::bearer_gate,
        ))
        .layer(middleware::from_fn_with_state(
            app.clone(),
            security::refuse_cross_origin_writes,
        ))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            app.clone(),
            security::security_headers,
        ))
        .with_state(state);
    let pkg = static_pkg(&leptos_options).layer(middleware::from_fn_with_state(
        app.clone(),
        security::security_headers,
    ));
    uploads.merge(pushes).merge(pkg).merge(main)
}

/// `/pkg`: the built front end, served from its precompressed copies
/// (`.br`, `.gz`) when the browser accepts them. A content-named directory
/// (`pkg/<hash>/`, what `scripts/site.sh` writes) never changes, so its files
/// are cached for a year; a plain `pkg/` (`cargo leptos watch`) is revalidated.
fn static_pkg(options: &LeptosOptions) -> Router {
    use axum::http::{header, HeaderValue};
    use tower_http::services::ServeDir;
    use tower_http::set_header::SetResponseHeaderLayer;
    let root = std::path::Path::new(options.site_root.as_ref()).join("pkg");
    let cache = if options.site_pkg_dir.as_ref() == "pkg" {
        HeaderValue::from_static("no-cache")
    } else {
        HeaderValue::from_static("public, max-age=31536000, immutable")
    };
    let files = ServeDir::new(root)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(false);
    Router::new().nest_service(
        "/pkg",
        tower::ServiceBuilder::new()
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                cache,
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .service(files),
    )
}

/// The site's current pkg directory as `scripts/site.sh` left it
/// (`<site root>/pkg.current`, e.g. `pkg/3f2a…`), unless
/// `LEPTOS_SITE_PKG_DIR` names one; else `pkg` (`cargo leptos`).
pub fn current_pkg_dir(options: &mut LeptosOptions) {
    if std::env::var_os("LEPTOS_SITE_PKG_DIR").is_some() {
        return;
    }
    let marker = std::path::Path::new(options.site_root.as_ref()).join("pkg.current");
    if let Ok(dir) = std::fs::read_to_string(&marker) {
        let dir = dir.trim();
        let valid = dir.starts_with("pkg/")
            && dir[4..].chars().all(|c| c.is_ascii_alphanumeric())
            && dir.len() > 4;
        if valid {
            options.site_pkg_dir = dir.to_string().into();
        } else {
            tracing::warn!(marker = %marker.display(), "ignoring a malformed pkg.current");
        }
    }
}

/// The OpenAPI 3.1 document of the API, built from the code once.
async fn openapi_json() -> impl IntoResponse {
    static DOC: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let doc = DOC.get_or_init(|| shipdesk_app::openapi::document().to_string());
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        doc.as_str(),
    )
}

/// The human reference: Swagger UI (bundled into the site by
/// `scripts/site.sh`) rendering `/api/openapi.json`, with no inline script.
async fn api_docs() -> impl IntoResponse {
    // The site's policy, with the renderer's inline icons (data: images).
    let csp = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";
    let page = axum::response::Html(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Shipdesk API</title>
<link rel="icon" href="/favicon.ico" sizes="32x32 48x48" />
<link rel="stylesheet" href="/api-docs/swagger-ui.css" />
</head>
<body>
<div id="docs"></div>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>"#,
    );
    ([(axum::http::header::CONTENT_SECURITY_POLICY, csp)], page)
}

async fn healthz(State(app): State<AppState>) -> impl IntoResponse {
    let backend = format!("{:?}", shipdesk::db::backend(&app.db)).to_lowercase();
    match shipdesk::db::ping(&app.db).await {
        Ok(_) => (
            StatusCode::OK,
            Json(serde_json::json!({"status": "ok", "database": "ok", "backend": backend})),
        ),
        Err(e) => {
            tracing::error!(error = %e, "health check: database down");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(
                    serde_json::json!({"status": "degraded", "database": "down", "backend": backend}),
                ),
            )
        }
    }
}

/// On PostgreSQL, chat events fan out to every instance through
/// LISTEN/NOTIFY; on SQLite (one instance) they stay in-process.
pub async fn start_fan_out(app: &AppState) -> Result<(), String> {
    if shipdesk::db::backend(&app.db) == shipdesk::db::Backend::Postgres {
        app.hub
            .start_postgres(app.db.clone())
            .await
            .map_err(|e| format!("LISTEN for chat events: {e}"))?;
        app.pricing
            .start_postgres(app.db.clone())
            .await
            .map_err(|e| format!("LISTEN for channel changes: {e}"))?;
    }
    Ok(())
}

/// Background jobs (`jobs/`): the outbox (events to webhook deliveries)
/// and the webhook sender; the WeCom robot sender every second; every 20 s
/// chat reassignment, queue drains and presence leases; the silence scan of
/// shipments every five minutes; housekeeping every ten minutes.
pub fn spawn_jobs(app: AppState) {
    let wake_sender = std::sync::Arc::new(tokio::sync::Notify::new());
    jobs::events::spawn(app.clone(), wake_sender.clone());
    jobs::webhook::spawn(app.clone(), wake_sender);
    jobs::chat::spawn(app.clone());
    jobs::robot::spawn(app.clone());
    jobs::orders::spawn(app.clone());
    jobs::orders::spawn_follow(app.clone());
    jobs::housekeeping::spawn(app);
}

/// Serves `router` on `listener` with client addresses available, until
/// Ctrl-C or SIGTERM (then open requests finish).
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    // Answers leave at once: with Nagle's algorithm a response written in
    // two segments waited for the client's delayed ACK (about 40 ms at p99).
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY not set");
        }
    });
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            match signal(SignalKind::terminate()) {
                Ok(mut term) => {
                    tokio::select! {
                        _ = tokio::signal::ctrl_c() => {}
                        _ = term.recv() => {}
                    }
                }
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
        #[cfg(not(unix))]
        let _ = tokio::signal::ctrl_c().await;
        // Open sockets would hold a graceful shutdown forever.
        tokio::spawn(async {
            tokio::time::sleep(Duration::from_secs(10)).await;
            tracing::warn!("connections still open 10 s after the signal: exiting");
            std::process::exit(0);
        });
    })
    .await
}
