//! Server functions of alerts (异常预警): ops' board and the customer's
//! banner list them, ops close them, admins set each mode's silence
//! threshold.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::orders::alert::{AlertFilter, AlertSettings, OrderAlert};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::orders::service, shipdesk::PageQuery};

/// Alerts on shipments, newest first, filtered by status (`open`, the default; `closed`; `all`), kind, company and order: ops, admins and cs all; a salesperson those of the companies they own and of their quick orders; a customer member their company's.
#[server(prefix = "/api", endpoint = "list_alerts", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_alerts(
    filter: AlertFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<OrderAlert>, AppError> {
    let p = principal().await?;
    let page = PageQuery::parse(page, size)?;
    service::list_alerts(&state()?, &p, &filter, page).await
}

/// Closes an open alert with an optional note (up to 500 characters); an alert closed before is a 409 on `status` (ops, admin).
#[server(prefix = "/api", endpoint = "close_alert", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn close_alert(id: Id, note: Option<String>) -> Result<OrderAlert, AppError> {
    let p = principal().await?;
    service::close_alert(&state()?, &p, id, note.as_deref()).await
}

/// Each transport mode's silence threshold: the hours without an event after which a shipment under way raises an alert (ops, admin).
#[server(prefix = "/api", endpoint = "get_alert_settings", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_alert_settings() -> Result<AlertSettings, AppError> {
    let p = principal().await?;
    service::alert_settings(&state()?, &p).await
}

/// Saves the silence thresholds given (1 to 720 hours, each mode once; a bad row is named, `thresholds[1].hours`) and answers every mode's (admin).
#[server(prefix = "/api", endpoint = "save_alert_settings", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_alert_settings(input: AlertSettings) -> Result<AlertSettings, AppError> {
    let p = principal().await?;
    service::save_alert_settings(&state()?, &p, &input).await
}
