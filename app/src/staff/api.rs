//! Server functions of staff management (the service lets only admins in).

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::auth::{Staff, StaffFilter, StaffForCreate};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::auth::service as auth, shipdesk::PageQuery};

/// Staff accounts, searched by account or name and filtered by role, paged.
#[server(prefix = "/api", endpoint = "list_staff", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_staff(
    filter: StaffFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<Staff>, AppError> {
    let p = principal().await?;
    let admin = p.as_staff()?;
    let page = PageQuery::parse(page, size)?;
    auth::list_staff(&state()?, admin, &filter, page).await
}

/// Creates a staff account with its roles and an initial password.
#[server(prefix = "/api", endpoint = "create_staff", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_staff(input: StaffForCreate) -> Result<Staff, AppError> {
    let p = principal().await?;
    auth::create_staff(&state()?, p.as_staff()?, &input).await
}

/// Replaces a staff member's roles (an admin cannot drop their own admin role).
#[server(prefix = "/api", endpoint = "set_staff_roles", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_staff_roles(id: Id, roles: Vec<String>) -> Result<Staff, AppError> {
    let p = principal().await?;
    auth::set_staff_roles(&state()?, p.as_staff()?, id, &roles).await
}

/// Sets a new password for a staff member and signs them out everywhere.
#[server(prefix = "/api", endpoint = "reset_staff_password", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn reset_staff_password(id: Id, password: String) -> Result<(), AppError> {
    let p = principal().await?;
    auth::reset_staff_password(&state()?, p.as_staff()?, id, &password).await
}

/// Disables a staff account (signed out at once) or enables it again.
#[server(prefix = "/api", endpoint = "set_staff_disabled", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_staff_disabled(id: Id, disabled: bool) -> Result<Staff, AppError> {
    let p = principal().await?;
    auth::set_staff_disabled(&state()?, p.as_staff()?, id, disabled).await
}
