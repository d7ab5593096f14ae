//! What partner apps do: get a bearer token by a signed request, call
//! server functions with it (`authorize`, run by the server for every
//! bearer call, applies the app's scope as a role is applied), sign a user
//! in by a signed one-time link. Every refusal of a known app is logged
//! with the error it got.

use std::time::Instant;

use crate::auth::{repo as auth_repo, Lang, PartnerScope, SessionUser, Staff};
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::partner::model::*;
use crate::partner::policy::*;
use crate::partner::{repo, sign};
use crate::ratelimit::{self, Limit};
use crate::state::AppState;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

use super::admin::secret_of;

/// A bearer call let through: the app, and the staff member it acts as.
#[derive(Debug, Clone)]
pub struct Authorized {
    pub app_ref: Id,
    pub staff: Staff,
}

/// Writes one line of an app's log. A failed write is logged, not
/// raised: the call's answer stands.
pub async fn log_call(
    state: &AppState,
    app_ref: Id,
    function: &str,
    status: u16,
    latency_ms: i64,
    error: Option<&str>,
) {
    let line = PartnerRequest {
        id: new_id(),
        function: function.chars().take(64).collect(),
        status: status as i64,
        latency_ms,
        error: error.map(str::to_owned),
        created_at: Timestamp(state.now()),
    };
    if let Err(e) = repo::insert_request(&state.db, app_ref, &line).await {
        tracing::error!(error = %e, app_ref, "partner request log not written");
    }
}

/// Logs a refusal (with `logged_key` when it says more than the error).
async fn refuse(
    state: &AppState,
    app_ref: Id,
    function: &str,
    started: Instant,
    e: AppError,
    logged_key: Option<ErrorKey>,
) -> AppError {
    let key = logged_key.unwrap_or(e.key());
    let ms = started.elapsed().as_millis() as i64;
    log_call(state, app_ref, function, e.status(), ms, Some(key.as_str())).await;
    tracing::info!(
        app_ref,
        function,
        error = key.as_str(),
        "partner call refused"
    );
    e
}

/// Seed 002's 获取TOKEN: a bearer token for a request signed with the
/// app's secret. Unknown app or wrong signature: Unauthorized; a
/// timestamp more than 5 minutes off: 422 on `timestamp`; a nonce used
/// before: 409 on `nonce`; a paused app: Forbidden.
pub async fn issue_token(state: &AppState, req: &PartnerTokenRequest) -> AppResult<PartnerToken> {
    let started = Instant::now();
    let nonce = parse_nonce(&req.nonce)?;
    let row = match repo::app_by_app_id(&state.db, req.app_id.trim()).await? {
        Some(r) if req.app_id.len() <= 64 => r,
        _ => return Err(AppError::Unauthorized),
    };
    let (app_ref, f) = (row.app.id, "partner_token");
    let secret = secret_of(state, &row.app.app_id, &row.secret_salt);
    let ts = req.timestamp.to_string();
    if !sign::verify(&secret, &[&row.app.app_id, &ts, nonce], &req.signature) {
        let e = AppError::Unauthorized;
        return Err(refuse(
            state,
            app_ref,
            f,
            started,
            e,
            Some(ErrorKey::PartnerSignatureInvalid),
        )
        .await);
    }
    let now = state.now();
    if !sign::fresh(req.timestamp, now, TOKEN_WINDOW_SECS) {
        let e = AppError::validation("timestamp", ErrorKey::PartnerTimestampExpired);
        return Err(refuse(state, app_ref, f, started, e, None).await);
    }
    if !row.app.enabled {
        let e = AppError::Forbidden;
        return Err(refuse(
            state,
            app_ref,
            f,
            started,
            e,
            Some(ErrorKey::PartnerDisabled),
        )
        .await);
    }
    if !repo::use_nonce(&state.db, app_ref, nonce, now).await? {
        let e = AppError::conflict("nonce", ErrorKey::PartnerNonceReused);
        return Err(refuse(state, app_ref, f, started, e, None).await);
    }
    let token = format!("spt_{}", hex::encode(rand::random::<[u8; 32]>()));
    let expires_at = now + TOKEN_TTL_SECS * 1000;
    repo::insert_token(
        &state.db,
        &sign::token_hash(&token),
        app_ref,
        expires_at,
        now,
    )
    .await?;
    log_call(
        state,
        app_ref,
        f,
        200,
        started.elapsed().as_millis() as i64,
        None,
    )
    .await;
    Ok(PartnerToken {
        access_token: token,
        token_type: "Bearer".into(),
        expires_in: TOKEN_TTL_SECS,
        expires_at: Timestamp(expires_at),
    })
}

/// Whether a bearer token is a partner app's (`spt_…`), not an API token.
pub fn is_partner_token(token: &str) -> bool {
    token.starts_with("spt_")
}

/// The bearer check of one call of `function`: a live token of an enabled
/// app (else Unauthorized), a function the app may call (else Forbidden),
/// within its rate (else RateLimited). Answers the staff member the call
/// acts as: the app's account with its roles and companies.
pub async fn authorize(state: &AppState, token: &str, function: &str) -> AppResult<Authorized> {
    let started = Instant::now();
    if !is_partner_token(token) || token.len() > 100 {
        return Err(AppError::Unauthorized);
    }
    let now = state.now();
    let row = repo::app_of_token(&state.db, &sign::token_hash(token), now)
        .await?
        .ok_or(AppError::Unauthorized)?;
    let app = &row.app;
    if !app.enabled {
        let e = AppError::Unauthorized;
        return Err(refuse(
            state,
            app.id,
            function,
            started,
            e,
            Some(ErrorKey::PartnerDisabled),
        )
        .await);
    }
    if !allows_function(&app.functions, function) {
        return Err(refuse(state, app.id, function, started, AppError::Forbidden, None).await);
    }
    let limit = Limit::new(format!("partner:{}", app.id), app.rate_per_min, 60_000);
    if let Err(e) = ratelimit::reserve(&state.db, &[limit], now).await {
        return Err(refuse(state, app.id, function, started, e, None).await);
    }
    let staff = acting_staff(state, &row).await?;
    Ok(Authorized {
        app_ref: app.id,
        staff,
    })
}

/// The app's account as the caller of its calls.
async fn acting_staff(state: &AppState, row: &repo::AppRow) -> AppResult<Staff> {
    let account = auth_repo::staff_by_id(&state.db, row.staff_id)
        .await?
        .filter(|s| !s.disabled)
        .ok_or(AppError::Unauthorized)?;
    let companies = if row.app.all_companies {
        None
    } else {
        Some(repo::companies_of(&state.db, row.app.id).await?)
    };
    Ok(Staff {
        partner: Some(PartnerScope {
            app_ref: row.app.id,
            app_id: row.app.app_id.clone(),
            companies,
        }),
        lang: Lang::Zh,
        ..account
    })
}

/// A signed one-time login link (seed 000's 授权登录接口), as the partner
/// builds it: `kind` is `staff` (user: an account) or `member` (user: a
/// phone); `signature` is HMAC-SHA256(secret, app_id + kind + user +
/// timestamp + nonce + next).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct LoginLink {
    pub app_id: String,
    pub kind: String,
    pub user: String,
    pub timestamp: i64,
    pub nonce: String,
    #[serde(default)]
    pub next: String,
    pub signature: String,
}

/// Who a login link signs in: checked like a token request, but good for
/// 60 seconds, and only for a user the app may sign in.
pub async fn sign_in_by_link(state: &AppState, link: &LoginLink) -> AppResult<SessionUser> {
    let started = Instant::now();
    // A query string can carry a NUL, which no text column takes.
    let texts = [
        &link.app_id,
        &link.kind,
        &link.user,
        &link.next,
        &link.signature,
    ];
    if texts.iter().any(|t| t.contains('\0') || t.len() > 200) {
        return Err(AppError::validation("request", ErrorKey::BadRequest));
    }
    let nonce = parse_nonce(&link.nonce)?;
    let row = repo::app_by_app_id(&state.db, link.app_id.trim())
        .await?
        .ok_or(AppError::Unauthorized)?;
    let (app, f) = (&row.app, "login_link");
    let secret = secret_of(state, &app.app_id, &row.secret_salt);
    let ts = link.timestamp.to_string();
    let parts = [
        app.app_id.as_str(),
        &link.kind,
        &link.user,
        &ts,
        nonce,
        &link.next,
    ];
    if !sign::verify(&secret, &parts, &link.signature) {
        let e = AppError::Unauthorized;
        return Err(refuse(
            state,
            app.id,
            f,
            started,
            e,
            Some(ErrorKey::PartnerSignatureInvalid),
        )
        .await);
    }
    let now = state.now();
    if !sign::fresh(link.timestamp, now, LOGIN_LINK_WINDOW_SECS) {
        let e = AppError::validation("timestamp", ErrorKey::PartnerTimestampExpired);
        return Err(refuse(state, app.id, f, started, e, None).await);
    }
    if !app.enabled {
        let e = AppError::Forbidden;
        return Err(refuse(
            state,
            app.id,
            f,
            started,
            e,
            Some(ErrorKey::PartnerDisabled),
        )
        .await);
    }
    let who = match link_user(state, &row, link).await? {
        Some(w) => w,
        None => {
            let e = AppError::Forbidden;
            return Err(refuse(
                state,
                app.id,
                f,
                started,
                e,
                Some(ErrorKey::PartnerLoginNotAllowed),
            )
            .await);
        }
    };
    if !repo::use_nonce(&state.db, app.id, nonce, now).await? {
        let e = AppError::conflict("nonce", ErrorKey::PartnerNonceReused);
        return Err(refuse(state, app.id, f, started, e, None).await);
    }
    log_call(
        state,
        app.id,
        f,
        303,
        started.elapsed().as_millis() as i64,
        None,
    )
    .await;
    Ok(who)
}

/// The user a link names, if they exist, are enabled and the app may sign
/// them in.
async fn link_user(
    state: &AppState,
    row: &repo::AppRow,
    link: &LoginLink,
) -> AppResult<Option<SessionUser>> {
    let mut app = row.app.clone();
    app.company_ids = repo::companies_of(&state.db, app.id).await?;
    Ok(match link.kind.as_str() {
        "staff" => auth_repo::staff_with_hash(&state.db, link.user.trim())
            .await?
            .map(|(s, _)| s)
            .filter(|s| !s.disabled && may_sign_in_staff(&app, &s.account))
            .map(|s| SessionUser::Staff(s.id)),
        "member" => auth_repo::member_by_phone(&state.db, link.user.trim())
            .await?
            .filter(|m| !m.disabled && may_sign_in_member(&app, m.company_id))
            .map(|m| SessionUser::Member(m.id)),
        _ => None,
    })
}

/// Drops used nonces past any accepted timestamp, ended tokens and log
/// lines older than 30 days (the housekeeping job).
pub async fn prune(state: &AppState) -> AppResult<u64> {
    let now = state.now();
    repo::prune(&state.db, now, now - NONCE_KEEP_MS, now - KEEP_REQUESTS_MS).await
}
