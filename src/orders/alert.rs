//! Shipment exception alerts (异常预警), pure: what an alert is, which
//! statuses expect events (and so can fall silent), how long each transport
//! mode may stay silent, which courier events are exceptions, the keys that
//! make each alert be raised once, and what the customer is told.

use serde::{Deserialize, Serialize};

use super::model::OrderStatus;
use crate::auth::Lang;
use crate::error::{AppError, AppResult};
use crate::pricing::Mode;
use crate::tracking::TrackStatus;
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

crate::string_enum! {
    /// Why an alert was raised.
    pub enum AlertKind("kind", AlertKindInvalid) {
        /// No event for longer than the mode allows, in a status where
        /// events are expected.
        Silent = "silent",
        /// A courier reported an exception or a return for a tracking
        /// number on the order.
        TrackingException = "tracking_exception",
        /// Ops put the order in exception.
        OrderException = "order_exception",
    }
}

crate::string_enum! {
    /// Open until ops or an admin close it, once.
    pub enum AlertStatus("status", AlertStatusInvalid) {
        Open = "open",
        Closed = "closed",
    }
}

crate::string_enum! {
    /// Which alerts a list shows.
    #[derive(Default)]
    pub enum AlertShow("status", AlertStatusInvalid) {
        #[default]
        Open = "open",
        Closed = "closed",
        All = "all",
    }
}

impl AlertKind {
    /// The kind's name, as the board and the banner show it.
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            AlertKind::Silent => ("长时间无轨迹", "No events"),
            AlertKind::TrackingException => ("快递异常", "Courier exception"),
            AlertKind::OrderException => ("订单异常", "Order exception"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// An alert as the board, the API and the order's banner show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OrderAlert {
    pub id: Id,
    pub order_id: Id,
    /// The booking's number (`P20261202-0001`).
    pub number: String,
    /// Once confirmed: `O20261202-0001`.
    pub order_number: Option<String>,
    pub company_id: Id,
    pub company_name: String,
    pub mode: Mode,
    pub kind: AlertKind,
    /// The order's status when the alert was raised.
    pub order_status: OrderStatus,
    /// The courier's text (tracking), ops' note (order); empty for silent.
    pub detail: String,
    /// Silent: the last event the silence runs from; otherwise when the
    /// exception happened.
    pub since: Timestamp,
    pub status: AlertStatus,
    pub closed_by: Option<String>,
    /// Ops' note on closing (staff only).
    pub close_note: Option<String>,
    pub closed_at: Option<Timestamp>,
    pub created_at: Timestamp,
}

/// Which alerts to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AlertFilter {
    /// Open (the default), closed or all.
    #[serde(default)]
    pub status: AlertShow,
    #[serde(default)]
    pub kind: Option<AlertKind>,
    /// Staff: one company's alerts (a member may name only their own).
    #[serde(default)]
    pub company_id: Option<Id>,
    /// One order's alerts.
    #[serde(default)]
    pub order_id: Option<Id>,
}

/// How many hours without an event make a shipment of `mode` silent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AlertThreshold {
    pub mode: Mode,
    /// 1 to 720.
    pub hours: i64,
}

/// The silence thresholds, one per mode (those given are saved; the
/// others stay).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AlertSettings {
    pub thresholds: Vec<AlertThreshold>,
}

/// The longest silence a threshold may allow: 30 days.
pub const MAX_HOURS: i64 = 720;

/// The longest note on closing an alert.
pub const MAX_CLOSE_NOTE: usize = 500;

pub const HOUR_MS: i64 = 3_600_000;

/// Statuses where events are expected whatever the order carries: the
/// shipment is under way with the carrier.
pub const EXPECTING: [OrderStatus; 4] = [
    OrderStatus::Departed,
    OrderStatus::Arrived,
    OrderStatus::CustomsCleared,
    OrderStatus::OutForDelivery,
];

/// Statuses where events are expected only from the order's delivery
/// tracking numbers: the cartons are on their way to the warehouse with a
/// domestic courier. Without a number there is nothing to hear from.
pub const EXPECTING_WITH_PARCELS: [OrderStatus; 2] =
    [OrderStatus::Confirmed, OrderStatus::PickedUp];

/// Whether an order in `status` (with or without tracking numbers) should
/// hear of its shipment regularly.
pub fn expects_events(status: OrderStatus, has_parcels: bool) -> bool {
    EXPECTING.contains(&status) || (has_parcels && EXPECTING_WITH_PARCELS.contains(&status))
}

/// Whether a shipment that last heard of itself at `last_event` is silent
/// at `now` for a threshold of `hours`.
pub fn is_silent(last_event: i64, now: i64, hours: i64) -> bool {
    now - last_event > hours * HOUR_MS
}

/// The open alerts an order's move from `from` to `to` settles, closed by
/// the platform in the move's transaction: every one once the order is
/// done (delivered, cancelled, rejected); its own exception when it
/// resumes; a silence on any move, which is news of the shipment. A
/// courier's exception stays open for ops until the order is done.
pub fn settled_by(from: OrderStatus, to: OrderStatus) -> &'static [AlertKind] {
    if super::flow::is_final(to) {
        &AlertKind::ALL
    } else if from == OrderStatus::Exception {
        &[AlertKind::Silent, AlertKind::OrderException]
    } else {
        &[AlertKind::Silent]
    }
}

/// The note of an alert the platform closed on a move to `to`:
/// `订单已签收`.
pub fn settled_note(to: OrderStatus) -> String {
    format!("订单{}", to.label(Lang::Zh))
}

/// Courier events that raise an alert.
pub fn is_exception(s: TrackStatus) -> bool {
    matches!(s, TrackStatus::Exception | TrackStatus::Returned)
}

/// A mode's threshold until an admin sets one (no row stored): express
/// and air shipments report daily; a sea voyage crosses an ocean for two
/// to three weeks with no scan between departure and arrival.
pub fn default_hours(mode: Mode) -> i64 {
    match mode {
        Mode::Express => 48,
        Mode::AirExpress => 72,
        Mode::Truck => 120,
        Mode::Rail => 240,
        Mode::SeaExpress => 336,
        Mode::Sea => 480,
    }
}

/// Checks thresholds to save: hours within 1..=720, each mode once. The
/// field names the row: `thresholds[2].hours`.
pub fn check_settings(s: &AlertSettings) -> AppResult<()> {
    for (i, t) in s.thresholds.iter().enumerate() {
        if !(1..=MAX_HOURS).contains(&t.hours) {
            return Err(AppError::validation(
                &format!("thresholds[{i}].hours"),
                ErrorKey::AlertHoursInvalid,
            ));
        }
        if s.thresholds[..i].iter().any(|o| o.mode == t.mode) {
            return Err(AppError::validation(
                &format!("thresholds[{i}].mode"),
                ErrorKey::AlertModeRepeated,
            ));
        }
    }
    Ok(())
}

/// One silent alert per stretch in a status: the status and the version.
pub fn silent_key(status: OrderStatus, version: i64) -> String {
    format!("{status}:{version}")
}

/// One exception alert per move into exception: the version after it.
pub fn order_key(version: i64) -> String {
    version.to_string()
}

/// One tracking alert per courier event: the number and the event's key.
pub fn tracking_key(carrier: &str, number: &str, event_key: &str) -> String {
    format!("{carrier}:{number}:{event_key}")
}

/// What the customer is told in chat of an alert on their order.
pub fn chat_text(a: &OrderAlert, now: i64, lang: Lang) -> String {
    let number = a.order_number.as_deref().unwrap_or(&a.number);
    let status = a.order_status.label(lang);
    let hours = ((now - a.since.0) / HOUR_MS).max(1);
    let detail = a.detail.trim();
    match (lang, a.kind) {
        (Lang::Zh, AlertKind::Silent) => format!(
            "【异常预警】订单 {number}（{status}）已 {hours} 小时没有新的物流动态，我们正在核实，有进展会第一时间告诉您。"
        ),
        (Lang::Zh, AlertKind::TrackingException) => format!(
            "【异常预警】订单 {number} 的快递出现异常：{detail}。我们正在联系快递处理，如有疑问请直接回复。"
        ),
        (Lang::Zh, AlertKind::OrderException) => format!(
            "【异常预警】订单 {number} 出现异常：{detail}。我们正在处理，如有疑问请直接回复。"
        ),
        (Lang::En, AlertKind::Silent) => format!(
            "[Alert] Order {number} ({status}) has had no tracking update for {hours} hours. We are checking and will tell you as soon as we know more."
        ),
        (Lang::En, AlertKind::TrackingException) => format!(
            "[Alert] A courier reported a problem with order {number}: {detail}. We are on it with the courier; reply here with any question."
        ),
        (Lang::En, AlertKind::OrderException) => format!(
            "[Alert] Order {number} is on hold: {detail}. We are on it; reply here with any question."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipments_under_way_expect_events_and_waiting_ones_only_with_numbers() {
        assert!(expects_events(OrderStatus::Departed, false));
        assert!(expects_events(OrderStatus::OutForDelivery, false));
        assert!(!expects_events(OrderStatus::Confirmed, false));
        assert!(expects_events(OrderStatus::Confirmed, true));
        assert!(expects_events(OrderStatus::PickedUp, true));
        for s in [
            OrderStatus::Booked,
            OrderStatus::Received,
            OrderStatus::Delivered,
            OrderStatus::Exception,
            OrderStatus::Cancelled,
        ] {
            assert!(!expects_events(s, true), "{s}");
        }
    }

    #[test]
    fn a_shipment_is_silent_only_past_its_threshold() {
        let h = HOUR_MS;
        assert!(!is_silent(0, 48 * h, 48));
        assert!(is_silent(0, 48 * h + 1, 48));
        assert!(!is_silent(0, 100 * h, 480));
    }

    #[test]
    fn every_mode_has_a_default_within_bounds() {
        for m in Mode::ALL {
            assert!((1..=MAX_HOURS).contains(&default_hours(m)), "{m}");
        }
        assert!(default_hours(Mode::Express) < default_hours(Mode::Sea));
    }

    #[test]
    fn settings_name_the_row_that_is_wrong() {
        let row = |mode, hours| AlertThreshold { mode, hours };
        let ok = AlertSettings {
            thresholds: vec![row(Mode::Sea, 720), row(Mode::Express, 1)],
        };
        assert_eq!(check_settings(&ok), Ok(()));
        for bad in [0, -5, 721] {
            let s = AlertSettings {
                thresholds: vec![row(Mode::Sea, 100), row(Mode::AirExpress, bad)],
            };
            let e = check_settings(&s).unwrap_err();
            assert_eq!(e.field(), Some("thresholds[1].hours"), "{bad}");
            assert_eq!(e.key(), ErrorKey::AlertHoursInvalid);
        }
        let twice = AlertSettings {
            thresholds: vec![row(Mode::Sea, 100), row(Mode::Sea, 200)],
        };
        assert_eq!(
            check_settings(&twice).unwrap_err().field(),
            Some("thresholds[1].mode")
        );
    }

    #[test]
    fn exceptions_and_returns_raise_alerts_and_nothing_else_does() {
        for s in TrackStatus::ALL {
            assert_eq!(
                is_exception(s),
                matches!(s, TrackStatus::Exception | TrackStatus::Returned)
            );
        }
    }

    #[test]
    fn the_customer_is_told_in_their_language_with_the_order_number() {
        let a = OrderAlert {
            id: 1,
            order_id: 2,
            number: "P20261202-0001".into(),
            order_number: Some("O20261202-0003".into()),
            company_id: 3,
            company_name: "c".into(),
            mode: Mode::Sea,
            kind: AlertKind::Silent,
            order_status: OrderStatus::Departed,
            detail: String::new(),
            since: Timestamp(0),
            status: AlertStatus::Open,
            closed_by: None,
            close_note: None,
            closed_at: None,
            created_at: Timestamp(0),
        };
        let zh = chat_text(&a, 500 * HOUR_MS, Lang::Zh);
        assert!(zh.contains("O20261202-0003") && zh.contains("500 小时") && zh.contains("已发运"));
        let en = chat_text(&a, 500 * HOUR_MS, Lang::En);
        assert!(en.contains("500 hours") && en.contains("Departed"), "{en}");
    }
}
