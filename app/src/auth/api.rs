//! Server functions of identity: sign-in, sign-out, current user, language.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::Json;
use shipdesk::auth::{ApiToken, Member, Principal, Staff};
use shipdesk::{AppError, Id};

#[cfg(feature = "ssr")]
use {
    crate::server::*,
    shipdesk::auth::{service as auth, Lang, SessionUser},
};

/// Saves the language chosen on the sign-in page (its cookie) on the account,
/// or, with no choice made, sets the cookie from the account.
#[cfg(feature = "ssr")]
async fn reconcile_lang(who: SessionUser, account_lang: Lang) -> shipdesk::AppResult<()> {
    let chosen = has_lang_cookie().then(request_lang);
    match chosen {
        Some(l) if l != account_lang => auth::set_language(&state()?, who, l).await,
        Some(_) => Ok(()),
        None => {
            set_lang_cookie(account_lang);
            Ok(())
        }
    }
}

#[cfg(feature = "ssr")]
fn has_lang_cookie() -> bool {
    use_context::<http::request::Parts>()
        .map(|p| {
            p.headers.get_all(http::header::COOKIE).iter().any(|v| {
                v.to_str()
                    .unwrap_or("")
                    .split(';')
                    .any(|c| c.trim().starts_with(&format!("{LANG_COOKIE}=")))
            })
        })
        .unwrap_or(false)
}

/// Staff sign-in with account and password. Starts a new session.
#[server(prefix = "/api", endpoint = "staff_login", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn staff_login(account: String, password: String) -> Result<Staff, AppError> {
    let state = state()?;
    let ip = client_ip().await;
    let staff = auth::staff_login(&state, &account, &password, &ip).await?;
    sign_in(SessionUser::Staff(staff.id)).await?;
    reconcile_lang(SessionUser::Staff(staff.id), staff.lang).await?;
    Ok(staff)
}

/// The answer to a code request. `dev_code` is set only in dev mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CodeSent {
    pub resend_after_secs: u32,
    pub dev_code: Option<String>,
}

/// Sends a sign-in code by SMS to a customer member's phone.
#[server(prefix = "/api", endpoint = "request_login_code", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn request_login_code(phone: String) -> Result<CodeSent, AppError> {
    let state = state()?;
    let ip = client_ip().await;
    let dev_code = auth::request_member_code(&state, &phone, &ip).await?;
    Ok(CodeSent {
        resend_after_secs: 60,
        dev_code,
    })
}

/// Customer sign-in with phone and SMS code. Starts a new session.
#[server(prefix = "/api", endpoint = "member_login", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn member_login(phone: String, code: String) -> Result<Member, AppError> {
    let state = state()?;
    let ip = client_ip().await;
    let member = auth::member_login(&state, &phone, &code, &ip).await?;
    sign_in(SessionUser::Member(member.id)).await?;
    reconcile_lang(SessionUser::Member(member.id), member.lang).await?;
    Ok(member)
}

/// Ends the session.
#[server(prefix = "/api", endpoint = "logout", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn logout() -> Result<(), AppError> {
    sign_out().await
}

/// Who is signed in (None for anonymous callers).
#[server(prefix = "/api", endpoint = "current_user", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn current_user() -> Result<Option<Principal>, AppError> {
    current_principal().await
}

/// Switches the UI language: a cookie, and the account's setting when signed in.
#[server(prefix = "/api", endpoint = "set_language", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    let lang = Lang::from_code(&lang)
        .ok_or_else(|| AppError::validation("lang", shipdesk::ErrorKey::BadRequest))?;
    set_lang_cookie(lang);
    if let Some(p) = current_principal().await? {
        let who = match &p {
            Principal::Staff(s) => SessionUser::Staff(s.id),
            Principal::Member(m) => SessionUser::Member(m.id),
        };
        auth::set_language(&state()?, who, lang).await?;
    }
    Ok(())
}

/// Mints an API token acting as the caller (staff), valid `expires_in_days`
/// (omitted: until revoked); the secret is returned once.
#[server(prefix = "/api", endpoint = "create_api_token", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_api_token(
    name: String,
    #[server(default)] expires_in_days: Option<i64>,
) -> Result<(ApiToken, String), AppError> {
    let p = principal().await?;
    let staff = p.as_staff()?;
    shipdesk::auth::api_token::create(&state()?, staff, &name, expires_in_days).await
}

/// Every account's API tokens (admins).
#[server(prefix = "/api", endpoint = "list_all_api_tokens", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_all_api_tokens() -> Result<Vec<ApiToken>, AppError> {
    let p = principal().await?;
    let staff = p.as_staff()?;
    shipdesk::auth::api_token::list_all(&state()?, staff).await
}

/// The caller's own API tokens (never their secrets), newest first.
#[server(prefix = "/api", endpoint = "list_api_tokens", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_api_tokens() -> Result<Vec<ApiToken>, AppError> {
    let p = principal().await?;
    let staff = p.as_staff()?;
    shipdesk::auth::api_token::list(&state()?, staff).await
}

/// Revokes one of the caller's tokens (an admin: anyone's).
#[server(prefix = "/api", endpoint = "revoke_api_token", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn revoke_api_token(id: Id) -> Result<(), AppError> {
    let p = principal().await?;
    let staff = p.as_staff()?;
    shipdesk::auth::api_token::revoke(&state()?, staff, id).await
}
