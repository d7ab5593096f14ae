//! Server functions of webhooks: admins only.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::webhook::{Delivery, Webhook, WebhookForCreate};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::auth::Role, shipdesk::webhook::service, shipdesk::PageQuery};

/// The webhooks, each with a hint of its signing secret (`whsec_…1a2b`):
/// the secret itself is shown only by `webhook_create` and
/// `webhook_rotate_secret`.
#[server(prefix = "/api", endpoint = "webhook_list", input = Json)]
pub async fn webhook_list() -> Result<Vec<(Webhook, String)>, AppError> {
    respond(
        async {
            let p = principal().await?;
            service::list(&state()?, p.require_staff(&[Role::Admin])?).await
        }
        .await,
    )
}

/// Registers a webhook; answers it with its signing secret (shown this once).
#[server(prefix = "/api", endpoint = "webhook_create", input = Json)]
pub async fn webhook_create(input: WebhookForCreate) -> Result<(Webhook, String), AppError> {
    respond(
        async {
            let p = principal().await?;
            service::create(&state()?, p.require_staff(&[Role::Admin])?, &input).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "webhook_set_active", input = Json)]
pub async fn webhook_set_active(id: Id, active: bool) -> Result<(), AppError> {
    respond(
        async {
            let p = principal().await?;
            service::set_active(&state()?, p.require_staff(&[Role::Admin])?, id, active).await
        }
        .await,
    )
}

/// Gives a webhook a new signing secret, answered this once; the old one
/// stops signing at once.
#[server(prefix = "/api", endpoint = "webhook_rotate_secret", input = Json)]
pub async fn webhook_rotate_secret(id: Id) -> Result<(Webhook, String), AppError> {
    respond(
        async {
            let p = principal().await?;
            service::rotate_secret(&state()?, p.require_staff(&[Role::Admin])?, id).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "webhook_deliveries", input = Json)]
pub async fn webhook_deliveries(
    webhook_id: Id,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<Delivery>, AppError> {
    respond(
        async {
            let p = principal().await?;
            let q = PageQuery::parse(page, size)?;
            service::deliveries(&state()?, p.require_staff(&[Role::Admin])?, webhook_id, q).await
        }
        .await,
    )
}
