//! Server functions of customer companies: each resolves the caller and
//! calls the service, which decides what the caller may see and do.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::customer::{
    Company, CompanyDetail, CompanyFilter, CompanyForCreate, CompanyForUpdate, MemberForCreate,
};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::customer::service as customer, shipdesk::PageQuery};

/// Companies the caller may see: all for admin/cs/ops/finance, own for sales.
#[server(prefix = "/api", endpoint = "list_companies", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_companies(
    filter: CompanyFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<Company>, AppError> {
    let p = principal().await?;
    let staff = p.as_staff()?;
    let page = PageQuery::parse(page, size)?;
    customer::list_companies(&state()?, staff, &filter, page).await
}

/// One company with its members (phones masked unless the caller may see them) and what the caller may change.
#[server(prefix = "/api", endpoint = "get_company", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_company(id: Id) -> Result<CompanyDetail, AppError> {
    let p = principal().await?;
    customer::get_company(&state()?, p.as_staff()?, id).await
}

/// Creates a company. Admins pick any salesperson as owner; a salesperson owns what they create.
#[server(prefix = "/api", endpoint = "create_company", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_company(input: CompanyForCreate) -> Result<Company, AppError> {
    let p = principal().await?;
    customer::create_company(&state()?, p.as_staff()?, &input).await
}

/// Updates a company's name, contact and address.
#[server(prefix = "/api", endpoint = "update_company", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn update_company(id: Id, input: CompanyForUpdate) -> Result<CompanyDetail, AppError> {
    let p = principal().await?;
    customer::update_company(&state()?, p.as_staff()?, id, &input).await
}

/// Hands a company to another salesperson (or to none).
#[server(prefix = "/api", endpoint = "set_company_owner", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_company_owner(
    id: Id,
    owner_staff_id: Option<Id>,
) -> Result<CompanyDetail, AppError> {
    let p = principal().await?;
    customer::set_company_owner(&state()?, p.as_staff()?, id, owner_staff_id).await
}

/// Adds a member (a customer who signs in with their phone) to a company.
#[server(prefix = "/api", endpoint = "add_member", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn add_member(company_id: Id, input: MemberForCreate) -> Result<CompanyDetail, AppError> {
    let p = principal().await?;
    customer::add_member(&state()?, p.as_staff()?, company_id, &input).await
}

/// Disables a member (signed out at once) or enables them again.
#[server(prefix = "/api", endpoint = "set_member_disabled", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_member_disabled(
    company_id: Id,
    member_id: Id,
    disabled: bool,
) -> Result<CompanyDetail, AppError> {
    let p = principal().await?;
    let staff = p.as_staff()?;
    customer::set_member_disabled(&state()?, staff, company_id, member_id, disabled).await
}

/// Salespeople to pick an owner from (admin and sales).
#[server(prefix = "/api", endpoint = "list_salespeople", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_salespeople() -> Result<Vec<(Id, String)>, AppError> {
    let p = principal().await?;
    customer::list_salespeople(&state()?, p.as_staff()?).await
}

/// The signed-in customer's own company and its members.
#[server(prefix = "/api", endpoint = "my_company", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn my_company() -> Result<CompanyDetail, AppError> {
    let p = principal().await?;
    customer::my_company(&state()?, p.require_member()?).await
}
