//! What the order pages and the API exchange: a booking, an order with its
//! timeline, the list's filter and summaries, the workbench counts, moves
//! and the measured cartons' adjustment.

use serde::{Deserialize, Serialize};

use crate::auth::Lang;
use crate::pricing::{
    CartonInput, Chargeable, Date, GoodsType, LineKind, Mode, Plan, QuoteForSearch,
};
use crate::tracking::{TrackEvent, TrackStatus};
use crate::types::{Id, Timestamp};

crate::string_enum! {
    /// Where an order is. A pre-order is `booked` (待处理) until ops confirm
    /// it (已处理) or reject it; then it moves along the timeline.
    pub enum OrderStatus("status", OrderStatusInvalid) {
        /// 待处理: a pre-order waiting for ops.
        Booked = "booked",
        /// 已确认: an order, with its order number.
        Confirmed = "confirmed",
        PickedUp = "picked_up",
        /// At the warehouse, measured.
        Received = "received",
        Departed = "departed",
        Arrived = "arrived",
        CustomsCleared = "customs_cleared",
        OutForDelivery = "out_for_delivery",
        Delivered = "delivered",
        /// Held by a problem; resumes from the status it left.
        Exception = "exception",
        Cancelled = "cancelled",
        Rejected = "rejected",
    }
}

impl OrderStatus {
    /// The status's name, as timelines, lists and exports show it.
    pub fn label(self, lang: Lang) -> &'static str {
        use OrderStatus::*;
        let (zh, en) = match self {
            Booked => ("待处理", "Pending"),
            Confirmed => ("已确认", "Confirmed"),
            PickedUp => ("已揽收", "Picked up"),
            Received => ("已入仓", "At the warehouse"),
            Departed => ("已发运", "Departed"),
            Arrived => ("已到港", "Arrived"),
            CustomsCleared => ("已清关", "Customs cleared"),
            OutForDelivery => ("派送中", "Out for delivery"),
            Delivered => ("已签收", "Delivered"),
            Exception => ("异常", "Exception"),
            Cancelled => ("已取消", "Cancelled"),
            Rejected => ("已拒绝", "Rejected"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// The shipper (发货人): who hands the cartons over in China.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Shipper {
    pub name: String,
    pub phone: String,
    /// The pickup or sending address.
    pub address: String,
}

/// Where the cartons go: an Amazon warehouse (with the shipment's ids) or an
/// address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Consignee {
    Fba {
        fba_code: String,
        /// Amazon's shipment ID (`FBA17ABCDEF1`).
        shipment_id: String,
        /// Amazon's reference ID (PO number), when there is one.
        #[serde(default)]
        reference_id: Option<String>,
    },
    Address {
        name: String,
        phone: String,
        postcode: String,
        city: String,
        address: String,
    },
}

/// A line of goods, as customs declare it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GoodsLine {
    pub name_zh: String,
    pub name_en: String,
    /// 6 to 10 digits.
    pub hs_code: String,
    pub material: String,
    /// The line's declared value, USD.
    pub declared_value_usd: f64,
    pub quantity: i64,
    #[serde(default)]
    pub brand: Option<String>,
}

/// A pre-order to book from a saved quote (预订单下单).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderForBook {
    /// The saved quote's number (`Q20261202-0007`): of the caller's company.
    pub quote_number: String,
    /// The client's key for this booking (8–64 letters, digits, `-`, `_`):
    /// sending it again answers with the order already booked.
    pub client_key: String,
    pub shipper: Shipper,
    pub consignee: Consignee,
    /// The cartons as packed; the price stays the quote's until the
    /// warehouse measures them.
    pub cartons: Vec<CartonInput>,
    pub goods: Vec<GoodsLine>,
    /// None: the quote's.
    #[serde(default)]
    pub goods_type: Option<GoodsType>,
    /// A pickup is wanted (else the customer delivers to the warehouse).
    #[serde(default)]
    pub pickup: bool,
    #[serde(default)]
    pub remarks: Option<String>,
}

/// Set when the quote had expired at booking: the same search priced again
/// on the booking day, on the same channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Repriced {
    pub quoted_total_fen: i64,
    pub total_fen: i64,
    pub quote_valid_until: Date,
}

/// What a booking stores beside the list's columns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderDetail {
    pub shipper: Shipper,
    pub consignee: Consignee,
    pub cartons: Vec<CartonInput>,
    pub goods: Vec<GoodsLine>,
    pub goods_type: GoodsType,
    pub pickup: bool,
    pub remarks: String,
    /// The quote's search, with the goods type booked: measured cartons
    /// are priced on it.
    pub search: QuoteForSearch,
    /// The plan the order is priced on (the quote's, or re-priced).
    pub plan: Plan,
    pub repriced: Option<Repriced>,
    /// The day the plan was priced on: measured cartons are priced as on it.
    pub priced_on: Date,
}

/// One line of an adjustment: the quoted and the actual amount of a price
/// line (matched by kind and label).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AdjustmentLine {
    pub kind: LineKind,
    pub label: Option<String>,
    pub quoted_fen: i64,
    pub actual_fen: i64,
    pub difference_fen: i64,
}

/// Quoted against measured: the chargeable quantities and each line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Adjustment {
    pub quoted: Chargeable,
    pub actual: Chargeable,
    pub lines: Vec<AdjustmentLine>,
    pub quoted_total_fen: i64,
    pub actual_total_fen: i64,
    /// Actual minus quoted: positive, the customer owes more.
    pub difference_fen: i64,
}

/// What the warehouse measured on receiving.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Measured {
    pub cartons: Vec<CartonInput>,
    /// None when the channel does not take the measured cartons (see
    /// `refusal`).
    pub adjustment: Option<Adjustment>,
    /// Why the channel does not take them, in the reasons' codes.
    pub refusal: Vec<String>,
    pub by: String,
    pub at: Timestamp,
}

/// One change on an order's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderEvent {
    pub from: Option<OrderStatus>,
    pub to: OrderStatus,
    pub note: String,
    /// `member`, `staff` or `system`.
    pub by_kind: String,
    pub by_name: String,
    /// A quick order's steps: the customer the salesperson acted for.
    pub acting_for: Option<String>,
    pub at: Timestamp,
}

/// A delivery tracking number (送仓单号) of an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Parcel {
    pub id: Id,
    pub number: String,
    /// A carrier code (`sf`, `zto`, …).
    pub carrier: String,
    pub cartons: String,
    pub added_by: String,
    pub created_at: Timestamp,
    /// The number's last known state (none before any event).
    #[serde(default)]
    pub track_status: Option<TrackStatus>,
    /// When that state's event happened.
    #[serde(default)]
    pub track_at: Option<Timestamp>,
}

/// A tracking number of an order with its courier's events
/// (通过快递单号查询轨迹), newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ParcelTrack {
    pub parcel: Parcel,
    pub events: Vec<TrackEvent>,
    /// A tracking provider is configured: the events were asked for
    /// (at most every few minutes) besides those pushed. Without one, only
    /// what was stored before is shown.
    pub live: bool,
}

/// An order as its detail page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Order {
    pub id: Id,
    /// The booking's number: `P20261202-0001`.
    pub number: String,
    /// Once confirmed: `O20261202-0001`.
    pub order_number: Option<String>,
    pub company_id: Id,
    pub company_name: String,
    /// Who booked: the member, or `销售名 → 客户名` for a quick order.
    pub booked_by: String,
    pub quick: bool,
    pub quote_number: String,
    pub channel_id: Id,
    pub channel_name: String,
    pub mode: Mode,
    pub country: String,
    pub destination: String,
    pub status: OrderStatus,
    /// While in exception: the status it left.
    pub held_status: Option<OrderStatus>,
    /// +1 on every change: send it back with a move.
    pub version: i64,
    pub total_fen: i64,
    pub actual_total_fen: Option<i64>,
    pub detail: OrderDetail,
    pub measured: Option<Measured>,
    /// Oldest first.
    pub events: Vec<OrderEvent>,
    pub parcels: Vec<Parcel>,
    /// The provider the order is assigned to (转单号 are theirs to upload).
    #[serde(default)]
    pub provider_id: Option<Id>,
    #[serde(default)]
    pub provider_name: Option<String>,
    /// The last-mile numbers of its cartons (转单号), by carton.
    #[serde(default)]
    pub transfers: Vec<super::transfer::Transfer>,
    /// The caller may cancel it now (a customer their waiting pre-order, a
    /// salesperson their waiting quick order, ops and admins any order not
    /// finished): the page shows the cancel.
    #[serde(default)]
    pub may_cancel: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

/// An order in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderSummary {
    pub id: Id,
    pub number: String,
    pub order_number: Option<String>,
    pub company_name: String,
    pub quick: bool,
    pub channel_name: String,
    pub mode: Mode,
    pub country: String,
    pub destination: String,
    pub status: OrderStatus,
    pub total_fen: i64,
    pub actual_total_fen: Option<i64>,
    pub created_at: Timestamp,
}

/// An order as a chat card shows it (and a transcript embeds it): what it
/// is, where it goes and where it stands now, read as the caller may.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderBrief {
    pub id: Id,
    /// The booking number, `P20261202-0001` (what a card names).
    pub number: String,
    pub order_number: Option<String>,
    pub company_id: Id,
    pub status: OrderStatus,
    pub channel_name: String,
    pub mode: Mode,
    pub country: String,
    pub destination: String,
    /// Cartons: as measured at the warehouse once they are, else as booked.
    pub cartons: i64,
    /// The quoted total; once measured, the actual one.
    pub total_fen: i64,
    pub updated_at: Timestamp,
}

impl From<&Order> for OrderBrief {
    fn from(o: &Order) -> Self {
        let lines = o
            .measured
            .as_ref()
            .map_or(&o.detail.cartons, |m| &m.cartons);
        OrderBrief {
            id: o.id,
            number: o.number.clone(),
            order_number: o.order_number.clone(),
            company_id: o.company_id,
            status: o.status,
            channel_name: o.channel_name.clone(),
            mode: o.mode,
            country: o.country.clone(),
            destination: o.destination.clone(),
            cartons: lines.iter().map(|c| c.count).sum(),
            total_fen: o.actual_total_fen.unwrap_or(o.total_fen),
            updated_at: o.updated_at,
        }
    }
}

/// Which orders to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderFilter {
    #[serde(default)]
    pub status: Option<OrderStatus>,
    /// `YYYY-MM-DD`, booked on or after (China time).
    #[serde(default)]
    pub from: Option<String>,
    /// `YYYY-MM-DD`, booked on or before.
    #[serde(default)]
    pub to: Option<String>,
    /// An FBA code or postcode, exactly.
    #[serde(default)]
    pub destination: Option<String>,
    /// Part of a booking, order or quote number, or the channel's name.
    #[serde(default)]
    pub q: Option<String>,
    /// Staff: one company's orders.
    #[serde(default)]
    pub company_id: Option<Id>,
    /// Only quick orders (快捷下单列表).
    #[serde(default)]
    pub quick_only: bool,
}

/// How many orders are in one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StatusCount {
    pub status: OrderStatus,
    pub count: i64,
    /// Counted up to `count` only: there are more (a status is counted up
    /// to 10,000, so the tabs cost the same over a million orders).
    #[serde(default)]
    pub capped: bool,
}

/// The workbench's counts (工作台订单统计, crm预订单个数统计).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderCounts {
    pub total: i64,
    /// 待处理: pre-orders waiting for ops.
    pub pending: i64,
    /// 已处理: confirmed or further, or rejected.
    pub processed: i64,
    /// Every status with at least one order.
    pub by_status: Vec<StatusCount>,
    /// Some status was counted only so far: the totals are lower bounds.
    #[serde(default)]
    pub capped: bool,
}

/// A status move by ops (or a cancel): to `to`, with a note (the reason,
/// required for cancel, reject and exception), if the order is still at
/// `version`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderMove {
    pub id: Id,
    pub to: OrderStatus,
    #[serde(default)]
    pub note: String,
    pub version: i64,
}

/// Cartons measured at the warehouse (入仓).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderReceipt {
    pub id: Id,
    pub cartons: Vec<CartonInput>,
    #[serde(default)]
    pub note: String,
    pub version: i64,
}

/// A delivery tracking number to add to an order, or to change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ParcelForSave {
    pub order_id: Id,
    /// Set to change that number; none to add.
    #[serde(default)]
    pub id: Option<Id>,
    pub number: String,
    /// A carrier code; none: the detected one.
    #[serde(default)]
    pub carrier: Option<String>,
    #[serde(default)]
    pub cartons: String,
}

/// An act-as token (生成用户临时的token), shown once: a salesperson books
/// quick orders for `member` with it until `expires_at`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ActAsToken {
    /// `sda_` and 64 hex digits.
    pub token: String,
    pub member_id: Id,
    pub member_name: String,
    pub company_id: Id,
    pub expires_at: Timestamp,
}

/// How far an order export has got (the page's progress bar). Not
/// started: the download has not reached the server yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ExportProgress {
    pub started: bool,
    /// The rows the file will hold.
    pub total: i64,
    /// The rows written so far.
    pub done: i64,
    /// The file is complete (its download is under way or done).
    pub finished: bool,
    /// The export stopped on an error: the file is incomplete.
    pub failed: bool,
}
