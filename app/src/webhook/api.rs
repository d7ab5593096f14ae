//! Server functions of webhooks: admins only.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::webhook::{Delivery, Webhook, WebhookForCreate};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::webhook::service, shipdesk::PageQuery};

/// The webhooks, each with a hint of its signing secret (`whsec_…1a2b`):
/// the secret itself is shown only by `create_webhook` and
/// `rotate_webhook_secret`.
#[server(prefix = "/api", endpoint = "webhook_list", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_webhooks() -> Result<Vec<(Webhook, String)>, AppError> {
    let p = principal().await?;
    service::list(&state()?, p.as_staff()?).await
}

/// Registers a webhook; answers it with its signing secret (shown this once).
#[server(prefix = "/api", endpoint = "webhook_create", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_webhook(input: WebhookForCreate) -> Result<(Webhook, String), AppError> {
    let p = principal().await?;
    service::create(&state()?, p.as_staff()?, &input).await
}

/// Pauses or resumes a webhook subscription.
#[server(prefix = "/api", endpoint = "webhook_set_active", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_webhook_active(id: Id, active: bool) -> Result<(), AppError> {
    let p = principal().await?;
    service::set_active(&state()?, p.as_staff()?, id, active).await
}

/// Gives a webhook a new signing secret, answered this once; the old one
/// stops signing at once.
#[server(prefix = "/api", endpoint = "webhook_rotate_secret", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn rotate_webhook_secret(id: Id) -> Result<(Webhook, String), AppError> {
    let p = principal().await?;
    service::rotate_secret(&state()?, p.as_staff()?, id).await
}

/// A webhook's deliveries, newest first, with their attempts and last answers.
#[server(prefix = "/api", endpoint = "webhook_deliveries", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_webhook_deliveries(
    webhook_id: Id,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<Delivery>, AppError> {
    let p = principal().await?;
    let q = PageQuery::parse(page, size)?;
    service::deliveries(&state()?, p.as_staff()?, webhook_id, q).await
}
