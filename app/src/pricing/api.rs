//! Server functions of pricing.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::pricing::{
    Channel, ChannelDetail, ChannelFilter, ChannelForSave, ChannelLibrary, ChannelSummary,
    CompanyPriceLevel, Inquiry, LibraryForSave, LibraryPrecheck, PickupDay, PickupSlot,
    PickupSlotForSave, PriceLevel, PriceLevelForSave, QuoteAnswer, QuoteFilter, QuoteForSave,
    QuoteForSearch, QuoteForm, QuoteSummary, SavedQuote,
};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::pricing::service, shipdesk::PageQuery};

/// Reads a shipping inquiry written as people write it ("300kg 2方 深圳到美国FBA
/// ONT8 海派 带电") into fields, each with its value, a confidence and the
/// character span `[start, end)` it came from; what it could not read is in
/// `unread`. A field not found is absent. At most 2,000 characters.
#[server(prefix = "/api", endpoint = "parse_inquiry", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn parse_inquiry(text: String) -> Result<Inquiry, AppError> {
    let p = principal().await?;
    service::read_inquiry(&state()?, &p, &text)
}

/// The quote form's choices: countries the enabled channels reach, origin
/// warehouses, modes, goods types and line tags, and today's date in China.
#[server(prefix = "/api", endpoint = "get_quote_form", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_quote_form() -> Result<QuoteForm, AppError> {
    let p = principal().await?;
    service::quote_form(&state()?, &p).await
}

/// Every plan for a shipment, cheapest first, with the cheapest and fastest marked: chargeable weight and how it was computed, price lines, total in fen at the price level of the customer (staff: of `company_id`, or the default level, with the cost beside it), departure and ETA. With `explain`, why each other channel to the country gives none.
#[server(prefix = "/api", endpoint = "search_quotes", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn search_quotes(
    search: QuoteForSearch,
    explain: Option<bool>,
    company_id: Option<Id>,
) -> Result<QuoteAnswer, AppError> {
    let p = principal().await?;
    let explain = explain.unwrap_or(false);
    service::search_quotes(&state()?, &p, &search, explain, company_id).await
}

/// Saves one plan of a search as a numbered, immutable quote, priced again on the server. A customer saves for their company; staff for a company in their scope, or none.
#[server(prefix = "/api", endpoint = "save_quote", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_quote(input: QuoteForSave) -> Result<SavedQuote, AppError> {
    let p = principal().await?;
    service::save_quote(&state()?, &p, &input).await
}

/// A saved quote by its number, with whether it has expired.
#[server(prefix = "/api", endpoint = "get_quote", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_quote(number: String) -> Result<SavedQuote, AppError> {
    let p = principal().await?;
    service::get_quote(&state()?, &p, &number).await
}

/// Saved quotes the caller may read, newest first: a customer's company's; staff by their customer scope.
#[server(prefix = "/api", endpoint = "list_quotes", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_quotes(
    filter: QuoteFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<QuoteSummary>, AppError> {
    let p = principal().await?;
    let page = PageQuery::parse(page, size)?;
    service::list_quotes(&state()?, &p, &filter, page).await
}

/// Channels by country and name, filtered by text, country, mode and enabled (staff who work with customers).
#[server(prefix = "/api", endpoint = "list_channels", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_channels(
    filter: ChannelFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<ChannelSummary>, AppError> {
    let p = principal().await?;
    let page = PageQuery::parse(page, size)?;
    service::list_channels(&state()?, p.as_staff()?, &filter, page).await
}

/// A channel's whole definition and its versions, newest first.
#[server(prefix = "/api", endpoint = "get_channel", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_channel(id: Id) -> Result<ChannelDetail, AppError> {
    let p = principal().await?;
    service::get_channel(&state()?, p.as_staff()?, id).await
}

/// Creates (id 0) or replaces a channel read at `table_version`, which goes up by one; a newer version stored meanwhile is a 409 on `table_version` (ops, admin).
#[server(prefix = "/api", endpoint = "save_channel", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_channel(input: ChannelForSave) -> Result<Channel, AppError> {
    let p = principal().await?;
    service::save_channel(&state()?, p.as_staff()?, &input).await
}

/// Turns a channel on or off; its table version stays (ops, admin).
#[server(prefix = "/api", endpoint = "set_channel_enabled", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_channel_enabled(id: Id, enabled: bool) -> Result<(), AppError> {
    let p = principal().await?;
    service::set_channel_enabled(&state()?, p.as_staff()?, id, enabled).await
}

/// Every price level with how many companies have it (customer staff).
#[server(prefix = "/api", endpoint = "list_price_levels", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_price_levels() -> Result<Vec<PriceLevel>, AppError> {
    let p = principal().await?;
    service::list_price_levels(&state()?, p.as_staff()?).await
}

/// Creates (id 0) or changes a price level: a markup or discount in basis points over cost, per mode; made the default, it is the only default (admin).
#[server(prefix = "/api", endpoint = "save_price_level", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_price_level(input: PriceLevelForSave) -> Result<PriceLevel, AppError> {
    let p = principal().await?;
    service::save_price_level(&state()?, p.as_staff()?, &input).await
}

/// Deletes a price level that no company has and that is not the default (admin).
#[server(prefix = "/api", endpoint = "delete_price_level", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn delete_price_level(id: Id) -> Result<(), AppError> {
    let p = principal().await?;
    service::delete_price_level(&state()?, p.as_staff()?, id).await
}

/// Gives a company a price level, or (null) the default one again (admin).
#[server(prefix = "/api", endpoint = "set_company_price_level", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_company_price_level(company_id: Id, level_id: Option<Id>) -> Result<(), AppError> {
    let p = principal().await?;
    service::set_company_price_level(&state()?, p.as_staff()?, company_id, level_id).await
}

/// The level a company's searches price at (its own, else the default; none: table prices) and whether it follows the default (customer staff who may see the company).
#[server(prefix = "/api", endpoint = "get_company_price_level", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_company_price_level(company_id: Id) -> Result<CompanyPriceLevel, AppError> {
    let p = principal().await?;
    service::get_company_price_level(&state()?, p.as_staff()?, company_id).await
}

/// Every channel library, by name, with its rules, manual entries and how many channels it holds now (渠道库下拉; customer staff).
#[server(prefix = "/api", endpoint = "list_channel_libraries", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_channel_libraries() -> Result<Vec<ChannelLibrary>, AppError> {
    let p = principal().await?;
    service::list_channel_libraries(&state()?, p.as_staff()?).await
}

/// What saving a library would change: the channels added and removed and the manual entries that conflict; nothing is saved (前置校验; ops, admin).
#[server(prefix = "/api", endpoint = "precheck_channel_library", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn precheck_channel_library(input: LibraryForSave) -> Result<LibraryPrecheck, AppError> {
    let p = principal().await?;
    service::precheck_channel_library(&state()?, p.as_staff()?, &input).await
}

/// Creates (id 0) or changes a channel library (ops, admin).
#[server(prefix = "/api", endpoint = "save_channel_library", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_channel_library(input: LibraryForSave) -> Result<ChannelLibrary, AppError> {
    let p = principal().await?;
    service::save_channel_library(&state()?, p.as_staff()?, &input).await
}

/// Deletes a channel library no price level uses (ops, admin).
#[server(prefix = "/api", endpoint = "delete_channel_library", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn delete_channel_library(id: Id) -> Result<(), AppError> {
    let p = principal().await?;
    service::delete_channel_library(&state()?, p.as_staff()?, id).await
}

/// The line tags channels may carry, by name (查询线路标签下拉; customer staff).
#[server(prefix = "/api", endpoint = "list_channel_tags", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_channel_tags() -> Result<Vec<String>, AppError> {
    let p = principal().await?;
    service::list_channel_tags(&state()?, p.as_staff()?).await
}

/// Adds a line tag of 1 to 20 characters (ops, admin).
#[server(prefix = "/api", endpoint = "add_channel_tag", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn add_channel_tag(name: String) -> Result<(), AppError> {
    let p = principal().await?;
    service::add_channel_tag(&state()?, p.as_staff()?, &name).await
}

/// Deletes a line tag no channel carries (ops, admin).
#[server(prefix = "/api", endpoint = "delete_channel_tag", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn delete_channel_tag(name: String) -> Result<(), AppError> {
    let p = principal().await?;
    service::delete_channel_tag(&state()?, p.as_staff()?, &name).await
}

/// Every pickup window, by city and time (customer staff).
#[server(prefix = "/api", endpoint = "list_pickup_slots", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_pickup_slots() -> Result<Vec<PickupSlot>, AppError> {
    let p = principal().await?;
    service::list_pickup_slots(&state()?, p.as_staff()?).await
}

/// Creates (id 0) or changes a pickup window of a city: weekdays, HH:MM start and end, pickups a day (ops, admin).
#[server(prefix = "/api", endpoint = "save_pickup_slot", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_pickup_slot(input: PickupSlotForSave) -> Result<PickupSlot, AppError> {
    let p = principal().await?;
    service::save_pickup_slot(&state()?, p.as_staff()?, &input).await
}

/// Deletes a pickup window (ops, admin).
#[server(prefix = "/api", endpoint = "delete_pickup_slot", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn delete_pickup_slot(id: Id) -> Result<(), AppError> {
    let p = principal().await?;
    service::delete_pickup_slot(&state()?, p.as_staff()?, id).await
}

/// The pickup windows a city offers on each of the next `days` days (1–31, default 7), with what is left of each (查询上门揽收时间).
#[server(prefix = "/api", endpoint = "get_pickup_times", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_pickup_times(city: String, days: Option<u32>) -> Result<Vec<PickupDay>, AppError> {
    let p = principal().await?;
    service::get_pickup_times(&state()?, &p, &city, days.unwrap_or(7)).await
}
