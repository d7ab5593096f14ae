//! Server functions of partner apps: the token request (anyone holding an
//! app's secret) and the admins' set-up.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::partner::{
    PartnerApp, PartnerAppForCreate, PartnerRequest, PartnerRequestFilter, PartnerToken,
    PartnerTokenRequest,
};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::partner::service, shipdesk::PageQuery};

/// The functions there are, for an app's allowed list.
#[cfg(feature = "ssr")]
fn known() -> Vec<String> {
    crate::openapi::operation_names()
        .into_iter()
        .map(|(_, name)| name)
        .collect()
}

#[cfg(feature = "ssr")]
fn known_refs(names: &[String]) -> Vec<&str> {
    names.iter().map(String::as_str).collect()
}

/// Seed 002's 获取TOKEN: a bearer token (2 hours) for a request signed with
/// the app's secret, `signature` = hex HMAC-SHA256(secret, app_id +
/// timestamp + nonce), `timestamp` in seconds (±5 minutes), each nonce once.
#[server(prefix = "/api", endpoint = "partner_token", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_partner_token(input: PartnerTokenRequest) -> Result<PartnerToken, AppError> {
    service::issue_token(&state()?, &input).await
}

/// The partner apps, newest first (never their secrets).
#[server(prefix = "/api", endpoint = "list_partner_apps", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_partner_apps() -> Result<Vec<PartnerApp>, AppError> {
    let p = principal().await?;
    service::list(&state()?, p.as_staff()?).await
}

/// Registers a partner app; answers it with its secret (shown this once).
#[server(prefix = "/api", endpoint = "create_partner_app", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_partner_app(
    input: PartnerAppForCreate,
) -> Result<(PartnerApp, String), AppError> {
    let p = principal().await?;
    let names = known();
    service::create(&state()?, p.as_staff()?, &input, &known_refs(&names)).await
}

/// New settings for a partner app (all of them).
#[server(prefix = "/api", endpoint = "update_partner_app", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn update_partner_app(
    id: Id,
    input: PartnerAppForCreate,
) -> Result<PartnerApp, AppError> {
    let p = principal().await?;
    let names = known();
    service::update(&state()?, p.as_staff()?, id, &input, &known_refs(&names)).await
}

/// Pauses or resumes a partner app (a paused app's tokens are refused).
#[server(prefix = "/api", endpoint = "set_partner_app_enabled", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_partner_app_enabled(id: Id, enabled: bool) -> Result<(), AppError> {
    let p = principal().await?;
    service::set_enabled(&state()?, p.as_staff()?, id, enabled).await
}

/// A new secret for a partner app, answered this once; its tokens end.
#[server(prefix = "/api", endpoint = "rotate_partner_app_secret", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn rotate_partner_app_secret(id: Id) -> Result<(PartnerApp, String), AppError> {
    let p = principal().await?;
    service::rotate_secret(&state()?, p.as_staff()?, id).await
}

/// A partner app's request log (function, status, latency), newest first.
#[server(prefix = "/api", endpoint = "list_partner_requests", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_partner_requests(
    app_id: Id,
    #[server(default)] filter: PartnerRequestFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<PartnerRequest>, AppError> {
    let p = principal().await?;
    let q = PageQuery::parse(page, size)?;
    service::requests(&state()?, p.as_staff()?, app_id, &filter, q).await
}

/// The server functions an app may be given, as `(domain, name)`.
#[server(prefix = "/api", endpoint = "list_partner_functions", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_partner_functions() -> Result<Vec<(String, String)>, AppError> {
    let p = principal().await?;
    p.require_staff(shipdesk::partner::policy::PARTNER_ADMINS)?;
    Ok(crate::openapi::operation_names())
}
