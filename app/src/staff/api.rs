//! Server functions of staff management (admins only).

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::auth::{Staff, StaffFilter, StaffForCreate};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {
    crate::server::*,
    shipdesk::auth::{service as auth, Role},
    shipdesk::PageQuery,
};

/// Staff accounts, searched by account or name and filtered by role, paged.
#[server(prefix = "/api", endpoint = "list_staff", input = Json)]
pub async fn list_staff(
    filter: StaffFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<Staff>, AppError> {
    respond(
        async {
            principal().await?.require_staff(&[Role::Admin])?;
            let page = PageQuery::parse(page, size)?;
            auth::list_staff(&state()?, &filter, page).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "create_staff", input = Json)]
pub async fn create_staff(input: StaffForCreate) -> Result<Staff, AppError> {
    respond(
        async {
            principal().await?.require_staff(&[Role::Admin])?;
            auth::create_staff(&state()?, &input).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "set_staff_roles", input = Json)]
pub async fn set_staff_roles(id: Id, roles: Vec<String>) -> Result<Staff, AppError> {
    respond(
        async {
            let p = principal().await?;
            let admin = p.require_staff(&[Role::Admin])?;
            auth::set_staff_roles(&state()?, admin, id, &roles).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "reset_staff_password", input = Json)]
pub async fn reset_staff_password(id: Id, password: String) -> Result<(), AppError> {
    respond(
        async {
            principal().await?.require_staff(&[Role::Admin])?;
            auth::reset_staff_password(&state()?, id, &password).await
        }
        .await,
    )
}

#[server(prefix = "/api", endpoint = "set_staff_disabled", input = Json)]
pub async fn set_staff_disabled(id: Id, disabled: bool) -> Result<Staff, AppError> {
    respond(
        async {
            let p = principal().await?;
            let admin = p.require_staff(&[Role::Admin])?;
            auth::set_staff_disabled(&state()?, admin, id, disabled).await
        }
        .await,
    )
}
