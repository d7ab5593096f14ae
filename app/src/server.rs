//! What server functions share on the server: the state, the session, the
//! caller, the client's address. (A failed server function's status and
//! `Retry-After` come from its error, set by the server's API error layer.)

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use http::header::{HeaderValue, CONTENT_SECURITY_POLICY};
use http::request::Parts;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use shipdesk::auth::{service as auth, Lang, Principal, SessionUser};
use shipdesk::state::AppState;
use shipdesk::{AppError, AppResult};
use tower_sessions::Session;

pub const USER_KEY: &str = "user";
pub const LOGIN_AT_KEY: &str = "login_at";
pub const TOUCHED_KEY: &str = "touched";
pub const EPOCH_KEY: &str = "epoch";
pub const LANG_COOKIE: &str = "lang";

/// The process's state, for a server function whose request context was
/// disposed while it ran (see `current_principal`).
static FALLBACK_STATE: std::sync::RwLock<Option<AppState>> = std::sync::RwLock::new(None);

/// Registers the state the router serves (once per router).
pub fn set_fallback_state(state: AppState) {
    *FALLBACK_STATE.write().unwrap_or_else(|e| e.into_inner()) = Some(state);
}

pub fn state() -> AppResult<AppState> {
    use_context::<AppState>()
        .or_else(|| FALLBACK_STATE.read().ok().and_then(|s| s.clone()))
        .ok_or_else(|| {
            tracing::error!("AppState missing from context");
            AppError::Internal
        })
}

pub async fn session() -> AppResult<Session> {
    leptos_axum::extract::<Session>().await.map_err(|e| {
        tracing::error!(error = %e, "no session layer");
        AppError::Internal
    })
}

fn session_err(e: tower_sessions::session::Error) -> AppError {
    tracing::error!(error = %e, "session store error");
    AppError::Internal
}

/// The caller of one request, resolved from its session at most once (by
/// the first page resource or server function that asks) and shared by
/// everything else that asks during the same request. The router puts a
/// fresh one in every request's extensions (`caller_layer`); signing in or
/// out resets it.
#[derive(Clone, Default)]
pub struct Caller(std::sync::Arc<tokio::sync::Mutex<Option<Option<Principal>>>>);

impl Caller {
    /// The caller `session` holds, resolved on the first call only.
    pub async fn resolve(
        &self,
        state: &AppState,
        session: &Session,
    ) -> AppResult<Option<Principal>> {
        let mut known = self.0.lock().await;
        if let Some(p) = known.as_ref() {
            return Ok(p.clone());
        }
        let p = principal_in(state, session).await?;
        *known = Some(p.clone());
        Ok(p)
    }

    /// A caller already known (a bearer token's, checked by the server
    /// before the request reaches a server function).
    pub fn known(p: Principal) -> Caller {
        Caller(std::sync::Arc::new(tokio::sync::Mutex::new(Some(Some(p)))))
    }

    /// Forgets the resolved caller (the session changed hands).
    async fn reset(&self, to: Option<Option<Principal>>) {
        *self.0.lock().await = to;
    }
}

/// For axum handlers (the chat socket): the request's caller cache (a fresh
/// one where no `caller_layer` ran).
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Caller {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Caller>()
            .cloned()
            .unwrap_or_default())
    }
}

/// Gives every request a fresh, unresolved [`Caller`] (an axum middleware),
/// unless the bearer check before it already knows the caller.
pub async fn caller_layer(
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if req.extensions().get::<Caller>().is_none() {
        req.extensions_mut().insert(Caller::default());
    }
    next.run(req).await
}

fn request_caller() -> Option<Caller> {
    use_context::<Parts>().and_then(|p| p.extensions.get::<Caller>().cloned())
}

/// The signed-in caller, if any. Enforces the absolute session lifetime and
/// slides the idle timeout (touching the session at most once a minute).
/// Resolved once per request (see [`Caller`]).
pub async fn current_principal() -> AppResult<Option<Principal>> {
    let Some(state) = use_context::<AppState>() else {
        // leptos_router 0.8.10+ can poll the resource of a page instance it
        // already disposed while rendering on the server (leptos#4642). With
        // no request it cannot answer, and an error would reach the browser
        // in place of the live instance's value and break hydration, so it
        // stays pending a while (usually past the end of the response). (Once it
        // knows the caller, a call that loses its context midway goes on
        // with the process's state: its answer is the live one's.)
        tracing::debug!("server function polled without its request context");
        tokio::time::sleep(std::time::Duration::from_secs(5)).await;
        return Err(AppError::Internal);
    };
    let caller = request_caller();
    let session = session().await?;
    match caller {
        Some(caller) => caller.resolve(&state, &session).await,
        None => principal_in(&state, &session).await,
    }
}

/// The caller a session holds (see `current_principal`); also used by the
/// chat socket, which has the session but no Leptos context.
pub async fn principal_in(state: &AppState, session: &Session) -> AppResult<Option<Principal>> {
    let Some(who) = session
        .get::<SessionUser>(USER_KEY)
        .await
        .map_err(session_err)?
    else {
        return Ok(None);
    };
    let now = state.now();
    let login_at = session
        .get::<i64>(LOGIN_AT_KEY)
        .await
        .map_err(session_err)?
        .unwrap_or(0);
    if now - login_at > state.config.session_absolute_secs * 1000 {
        session.flush().await.map_err(session_err)?;
        return Ok(None);
    }
    let touched = session
        .get::<i64>(TOUCHED_KEY)
        .await
        .map_err(session_err)?
        .unwrap_or(0);
    if now - touched > state.config.session_idle_secs * 1000 {
        // Idle too long by the app's clock (the store's row may not have
        // ended yet: it is extended only when the session is saved).
        session.flush().await.map_err(session_err)?;
        return Ok(None);
    }
    if now - touched > 60_000 {
        session
            .insert(TOUCHED_KEY, now)
            .await
            .map_err(session_err)?;
    }
    let epoch = session
        .get::<i64>(EPOCH_KEY)
        .await
        .map_err(session_err)?
        .unwrap_or(-1);
    auth::principal(state, who, epoch).await
}

/// The signed-in caller, or Unauthorized.
pub async fn principal() -> AppResult<Principal> {
    current_principal().await?.ok_or(AppError::Unauthorized)
}

/// Starts a new session for `who`: a fresh id (no fixation), the sign-in time.
pub async fn sign_in(who: SessionUser) -> AppResult<()> {
    let state = state()?;
    let session = session().await?;
    sign_in_session(&state, &session, who).await?;
    if let Some(caller) = request_caller() {
        caller.reset(None).await;
    }
    Ok(())
}

/// `sign_in` on a session an axum handler holds (a partner's login link).
pub async fn sign_in_session(
    state: &AppState,
    session: &Session,
    who: SessionUser,
) -> AppResult<()> {
    session.cycle_id().await.map_err(session_err)?;
    session.insert(USER_KEY, who).await.map_err(session_err)?;
    let epoch = auth::session_epoch(state, who).await?;
    session
        .insert(EPOCH_KEY, epoch)
        .await
        .map_err(session_err)?;
    session
        .insert(LOGIN_AT_KEY, state.now())
        .await
        .map_err(session_err)?;
    session
        .insert(TOUCHED_KEY, state.now())
        .await
        .map_err(session_err)?;
    Ok(())
}

pub async fn sign_out() -> AppResult<()> {
    let session = session().await?;
    let who = session
        .get::<SessionUser>(USER_KEY)
        .await
        .map_err(session_err)?;
    session.flush().await.map_err(session_err)?;
    if let Some(caller) = request_caller() {
        caller.reset(Some(None)).await;
    }
    if let Some(who) = who {
        auth::signed_out(&state()?, who);
    }
    Ok(())
}

/// The key of the client's address for per-address limits: the socket peer,
/// or behind a trusted proxy the forwarded client (`shipdesk::net`), IPv6 as
/// its /64.
pub async fn client_ip() -> String {
    let Ok(ConnectInfo(peer)) = leptos_axum::extract::<ConnectInfo<SocketAddr>>().await else {
        return "unknown".into();
    };
    let proxies = state()
        .map(|s| s.config.trusted_proxies.clone())
        .unwrap_or_default();
    let forwarded = use_context::<Parts>().and_then(|p| forwarded_for(&p.headers));
    let ip = shipdesk::net::client_addr(peer.ip(), forwarded.as_deref(), &proxies);
    shipdesk::net::limit_key(ip)
}

/// All `X-Forwarded-For` values of a request, joined in order.
pub fn forwarded_for(headers: &http::HeaderMap) -> Option<String> {
    let values: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    (!values.is_empty()).then(|| values.join(","))
}

/// Gives the page being rendered the HTTP status of an error it shows (a
/// page loads its data by calling server functions directly, so no API
/// error layer sees their errors): an unknown company's page answers 404.
pub fn set_page_status(e: &AppError) {
    if let Some(opts) = use_context::<ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(e.status()) {
            opts.set_status(status);
        }
        if let AppError::RateLimited { retry_after_secs } = e {
            if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                opts.insert_header(http::header::RETRY_AFTER, v);
            }
        }
    }
}

/// Remembers the language in a cookie for a year.
pub fn set_lang_cookie(lang: Lang) {
    if let Some(opts) = use_context::<ResponseOptions>() {
        let cookie = format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        );
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            opts.append_header(http::header::SET_COOKIE, v);
        }
    }
}

/// The `lang` cookie of the request being rendered, else zh-CN.
pub fn request_lang() -> Lang {
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get_all(http::header::COOKIE)
                .iter()
                .find_map(|v| {
                    v.to_str().ok()?.split(';').find_map(|pair| {
                        let (k, val) = pair.trim().split_once('=')?;
                        (k == LANG_COOKIE).then(|| Lang::from_code(val)).flatten()
                    })
                })
        })
        .unwrap_or_default()
}

/// A per-response nonce for the inline hydration script, and the CSP that
/// allows only it.
pub fn set_security_headers() {
    leptos::nonce::provide_nonce();
    let nonce = leptos::nonce::use_nonce()
        .map(|n| n.to_string())
        .unwrap_or_default();
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; \
         object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    );
    if let (Some(opts), Ok(v)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&csp),
    ) {
        opts.insert_header(CONTENT_SECURITY_POLICY, v);
    }
}
