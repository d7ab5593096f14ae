//! Server functions of orders: booking, reading, listing and counting,
//! ops' moves and receiving, and the delivery tracking numbers.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::orders::pickup::{CancelReason, Pickup, PickupCheck, PickupFilter, PickupForSave};
use shipdesk::orders::transfer::{
    ProviderRef, TransferApplied, TransferPreview, TransferRowInput, TransferTrack,
};
use shipdesk::orders::{
    ActAsToken, ExportProgress, Order, OrderBrief, OrderCounts, OrderFilter, OrderForBook,
    OrderMove, OrderReceipt, OrderSummary, Parcel, ParcelForSave, ParcelTrack,
};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::orders::service, shipdesk::PageQuery};

/// Books a pre-order (预订单) from one of the company's saved quotes, at the quote's price (priced again on the booking day, with `detail.repriced` saying so, when the quote expired). Sending the same `client_key` again answers with the order it booked (customer members).
#[server(prefix = "/api", endpoint = "book_order", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn book_order(input: OrderForBook) -> Result<Order, AppError> {
    let p = principal().await?;
    service::book_order(&state()?, &p, &input).await
}

/// An order with its timeline, cartons, goods, price lines, measured cartons and adjustment, and tracking numbers (预订单详情 / ofc-订单详情). A customer's own company's only, and never the cost.
#[server(prefix = "/api", endpoint = "get_order", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_order(id: Id) -> Result<Order, AppError> {
    let p = principal().await?;
    service::get_order(&state()?, &p, id).await
}

/// An order by its booking number (`P…`) or order number (`O…`).
#[server(prefix = "/api", endpoint = "find_order", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn find_order(number: String) -> Result<Order, AppError> {
    let p = principal().await?;
    service::find_order(&state()?, &p, &number).await
}

/// An order as a chat card shows it, by its booking number (`P…`) or order number (`O…`): number, order number, status now, channel, destination, cartons and total. A customer's own company's only. Chat cards read it again to follow the order's status.
#[server(prefix = "/api", endpoint = "get_order_brief", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_order_brief(number: String) -> Result<OrderBrief, AppError> {
    let p = principal().await?;
    service::find_order_brief(&state()?, &p, &number).await
}

/// Orders the caller may see, newest first, filtered by status, booking day range (China time), destination, number and quick orders only: a customer's company's, a salesperson's customers' and quick orders, everyone's for ops and admins.
#[server(prefix = "/api", endpoint = "list_orders", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_orders(
    filter: OrderFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<OrderSummary>, AppError> {
    let p = principal().await?;
    let page = PageQuery::parse(page, size)?;
    service::list_orders(&state()?, &p, &filter, page).await
}

/// How many orders the caller may see are in each status, with pending (待处理) and processed (已处理) (工作台订单统计); with `quick_only`, only quick orders (crm预订单个数统计: a salesperson's quick orders).
#[server(prefix = "/api", endpoint = "count_orders", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn count_orders(
    company_id: Option<Id>,
    #[server(default)] quick_only: bool,
) -> Result<OrderCounts, AppError> {
    let p = principal().await?;
    service::count_orders(&state()?, &p, company_id, quick_only).await
}

/// How far the caller's order export `id` has got (the id the page gave the download as `progress=`): the rows it will hold, those written, finished or failed; `started` is false until the download reaches the server (any signed-in caller; their own exports only).
#[server(prefix = "/api", endpoint = "get_export_progress", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_export_progress(id: String) -> Result<ExportProgress, AppError> {
    let p = principal().await?;
    service::get_export_progress(&state()?, &p, &id).await
}

/// Confirms a waiting pre-order into an order with an order number, if still at `version` (ops, admin).
#[server(prefix = "/api", endpoint = "confirm_order", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn confirm_order(id: Id, version: i64) -> Result<Order, AppError> {
    let p = principal().await?;
    service::confirm_order(&state()?, &p, id, version).await
}

/// Rejects a waiting pre-order with a reason (ops, admin).
#[server(prefix = "/api", endpoint = "reject_order", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn reject_order(id: Id, version: i64, reason: String) -> Result<Order, AppError> {
    let p = principal().await?;
    service::reject_order(&state()?, &p, id, version, &reason).await
}

/// Cancels an order with a reason: a customer their waiting pre-order, a salesperson their waiting quick order, ops and admins any order not finished.
#[server(prefix = "/api", endpoint = "cancel_order", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn cancel_order(id: Id, version: i64, reason: String) -> Result<Order, AppError> {
    let p = principal().await?;
    service::cancel_order(&state()?, &p, id, version, &reason).await
}

/// Moves an order along its timeline (departed, arrived, customs cleared, out for delivery, delivered; exception and resume), if the state machine allows it and the order is still at `version`; cancel, reject and exception need a `note` (ops, admin).
#[server(prefix = "/api", endpoint = "move_order", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn move_order(input: OrderMove) -> Result<Order, AppError> {
    let p = principal().await?;
    service::move_order(&state()?, &p, &input).await
}

/// Records the cartons measured at the warehouse and moves the order to received; the order is priced again for them and shows the adjustment line by line, and the customer is told in chat when the price changes (ops, admin).
#[server(prefix = "/api", endpoint = "receive_order", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn receive_order(input: OrderReceipt) -> Result<Order, AppError> {
    let p = principal().await?;
    service::receive_order(&state()?, &p, &input).await
}

/// An order's delivery tracking numbers (通过订单号查询快递单号列表): whoever may read the order.
#[server(prefix = "/api", endpoint = "list_parcels", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_parcels(order_id: Id) -> Result<Vec<Parcel>, AppError> {
    let p = principal().await?;
    service::list_parcels(&state()?, &p, order_id).await
}

/// A delivery tracking number of an order with its courier's events, newest first (通过快递单号查询轨迹): the provider is asked first when the stored state is over ten minutes old; `live` is false when no provider is configured (whoever may read the order).
#[server(prefix = "/api", endpoint = "track_parcel", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn track_parcel(order_id: Id, parcel_id: Id) -> Result<ParcelTrack, AppError> {
    let p = principal().await?;
    service::track_parcel(&state()?, &p, order_id, parcel_id).await
}

/// A transfer number (转单号, last mile) of an order with its carrier's events, newest first: asked of the provider first when the stored state is over ten minutes old; `live` is false when no provider is configured (whoever may read the order).
#[server(prefix = "/api", endpoint = "track_transfer", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn track_transfer(order_id: Id, transfer_id: Id) -> Result<TransferTrack, AppError> {
    let p = principal().await?;
    service::track_transfer(&state()?, &p, order_id, transfer_id).await
}

/// Adds (no `id`) or changes a delivery tracking number of an order; the carrier is the one given, else the best detected. A number on another order is a 409 on `number` (the company's members, ops, admin).
#[server(prefix = "/api", endpoint = "save_parcel", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_parcel(input: ParcelForSave) -> Result<Vec<Parcel>, AppError> {
    let p = principal().await?;
    service::save_parcel(&state()?, &p, &input).await
}

/// Deletes a delivery tracking number of an order (the company's members, ops, admin).
#[server(prefix = "/api", endpoint = "delete_parcel", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn delete_parcel(order_id: Id, id: Id) -> Result<Vec<Parcel>, AppError> {
    let p = principal().await?;
    service::delete_parcel(&state()?, &p, order_id, id).await
}

/// What a pickup of an order collects (pieces, weight, volume, the shipper's address) and the next 14 days' windows of its origin city with their places left (验证订单并查询信息: the company's members, ops, admin).
#[server(prefix = "/api", endpoint = "check_pickup", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn check_pickup(order_id: Id) -> Result<PickupCheck, AppError> {
    let p = principal().await?;
    service::check_pickup(&state()?, &p, order_id).await
}

/// Saves a pickup plan (保存揽收计划) in an open window with room; a full window is a 409 on `slot_id`, an order with a plan already a 409 on `order_id` (the company's members, ops, admin).
#[server(prefix = "/api", endpoint = "save_pickup", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_pickup(input: PickupForSave) -> Result<Pickup, AppError> {
    let p = principal().await?;
    service::save_pickup(&state()?, &p, &input).await
}

/// Pickups by day and status (查询揽收叫车): ops and admins all, a customer member their company's.
#[server(prefix = "/api", endpoint = "list_pickups", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_pickups(
    filter: PickupFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<Pickup>, AppError> {
    let p = principal().await?;
    let page = PageQuery::parse(page, size)?;
    service::list_pickups(&state()?, &p, &filter, page).await
}

/// Cancels a scheduled pickup with one of the listed reasons (取消揽收计划); its window's place is given back (the company's members, ops, admin).
#[server(prefix = "/api", endpoint = "cancel_pickup", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn cancel_pickup(id: Id, reason_id: Id) -> Result<Pickup, AppError> {
    let p = principal().await?;
    service::cancel_pickup(&state()?, &p, id, reason_id).await
}

/// The reasons a pickup may be cancelled for (查询取消原因; any signed-in caller).
#[server(prefix = "/api", endpoint = "list_pickup_cancel_reasons", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_pickup_cancel_reasons() -> Result<Vec<CancelReason>, AppError> {
    principal().await?;
    service::list_cancel_reasons(&state()?).await
}

/// Adds a reason a pickup may be cancelled for (admin).
#[server(prefix = "/api", endpoint = "add_pickup_cancel_reason", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn add_pickup_cancel_reason(
    text_zh: String,
    text_en: String,
) -> Result<CancelReason, AppError> {
    let p = principal().await?;
    service::add_cancel_reason(&state()?, p.as_staff()?, &text_zh, &text_en).await
}

/// Mints an act-as token (生成用户临时的token) to book quick orders for one member of a company the salesperson owns, for 1–30 `minutes`; the token is shown once (sales).
#[server(prefix = "/api", endpoint = "create_act_as_token", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn create_act_as_token(member_id: Id, minutes: i64) -> Result<ActAsToken, AppError> {
    let p = principal().await?;
    service::create_act_as_token(&state()?, p.as_staff()?, member_id, minutes).await
}

/// Books a quick order (快捷下单) as the token's member from one of their company's saved quotes; the order and its timeline name the salesperson and the member. Only the token's salesperson, while it lasts (sales).
#[server(prefix = "/api", endpoint = "book_quick_order", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn book_quick_order(token: String, input: OrderForBook) -> Result<Order, AppError> {
    let p = principal().await?;
    service::book_quick_order(&state()?, p.as_staff()?, &token, &input).await
}

/// Reads an uploaded transfer-number sheet (服务商/管理端/ofc 上传转单号模板: `订单号 | 箱号 | 承运商 | 转单号`, `.xlsx`, `.xls` or `.ods`, as base64) and checks every row: the rows to apply, or every error by row, column and field. Nothing is saved (ops, admin; a provider for the orders assigned to them).
#[server(prefix = "/api", endpoint = "preview_transfers", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn preview_transfers(file_base64: String) -> Result<TransferPreview, AppError> {
    use base64::Engine;
    let p = principal().await?;
    let staff = p.as_staff()?;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(file_base64.trim())
        .map_err(|_| AppError::validation("file", shipdesk::ErrorKey::TableFileInvalid))?;
    service::preview_transfers(&state()?, staff, &bytes).await
}

/// Checks the rows again and, when every one is right, replaces the transfer numbers of each order they name, all or nothing (rows with an empty number are skipped). A bad row is a 422 at its field (`rows[3].number`); a number taken meanwhile a 409 on `rows`.
#[server(prefix = "/api", endpoint = "apply_transfers", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn apply_transfers(rows: Vec<TransferRowInput>) -> Result<TransferApplied, AppError> {
    let p = principal().await?;
    service::apply_transfers(&state()?, p.as_staff()?, rows).await
}

/// The providers an order may be assigned to (ops, admin).
#[server(prefix = "/api", endpoint = "list_providers", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_providers() -> Result<Vec<ProviderRef>, AppError> {
    let p = principal().await?;
    service::list_providers(&state()?, p.as_staff()?).await
}

/// Assigns an order to a provider, or unassigns it with no `provider_id` (ops, admin); the provider then reads the order and uploads its transfer numbers.
#[server(prefix = "/api", endpoint = "assign_provider", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn assign_provider(id: Id, provider_id: Option<Id>) -> Result<Order, AppError> {
    let p = principal().await?;
    service::assign_provider(&state()?, p.as_staff()?, id, provider_id).await
}
