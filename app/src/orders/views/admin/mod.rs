//! The staff's order pages: `/admin/orders` (ops' list over all customers,
//! with the counts per status) and `/admin/orders/:id` (an order's detail,
//! with ops' actions, the measured cartons' adjustment, the tracking
//! numbers, the provider and transfer numbers, and the timeline),
//! `/admin/transfers` (上传转单号: template, preview, import),
//! `/admin/pickups` (查询揽收叫车: by day and status, cancel with a reason) and
//! `/admin/alerts` (异常预警: ops' board of alerts with the silence
//! thresholds). Ops and admins act; cs, sales and
//! finance read (`shipdesk::orders::policy::may_process` tells them apart).

mod actions;
mod adjustment;
mod alert_row;
mod alert_settings;
mod alerts_page;
mod badge;
mod cartons;
mod counts;
mod detail_page;
mod filters;
mod goods;
mod header;
mod list_page;
mod list_row;
mod parcel_form;
mod parcels;
mod parties;
mod pickups_page;
mod price;
mod reason_form;
mod receive_draft;
mod receive_form;
mod settle;
mod timeline;
mod transfers;
mod transfers_page;

pub use alert_row::detail_of as alert_detail;
pub use alerts_page::AlertsPage;
pub use detail_page::OrderPage;
pub use list_page::OrdersPage;
pub use pickups_page::PickupsPage;
pub use transfers_page::TransfersPage;

use shipdesk::{Money, Timestamp};

/// `¥1,234.50`.
fn yuan(fen: i64) -> String {
    Money::from_fen(fen).format_yuan()
}

/// `2026-12-02 10:30`, China time.
fn when(t: Timestamp) -> String {
    let s = t.format_shanghai();
    s.get(..16).unwrap_or(&s).to_owned()
}

/// A figure as people write it: `12.5`, `0.06`, `30`.
fn fig(v: f64) -> String {
    shipdesk::pricing::Qty((v * 1000.0).round() as i64).format()
}
