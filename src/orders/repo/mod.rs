//! SQL of the orders domain: orders, their timeline, their delivery
//! tracking numbers and their alerts.

pub mod act_as;
pub mod alert;
pub mod event;
pub mod export;
pub mod follow;
pub mod order;
pub mod order_list;
pub mod parcel;
pub mod pickup;
pub mod transfer;

use crate::error::{AppError, AppResult};

fn json<T: serde::Serialize>(v: &T) -> AppResult<String> {
    serde_json::to_string(v).map_err(|e| {
        tracing::error!(error = %e, "an order did not serialise");
        AppError::Internal
    })
}

fn parse<T: serde::de::DeserializeOwned>(s: &str) -> AppResult<T> {
    serde_json::from_str(s).map_err(|e| {
        tracing::error!(error = %e, "a stored order did not parse");
        AppError::Internal
    })
}

/// Every statement of the domain, by name, for the test that prepares them
/// all on both databases (`crate::statements`).
pub const STATEMENTS: &[(&str, &str)] = &[
    ("orders.insert", order::INSERT),
    ("orders.by_id", order::BY_ID),
    ("orders.by_key", order::BY_KEY),
    ("orders.by_number", order::BY_NUMBER),
    ("orders.move", order::MOVE),
    ("order_events.insert", event::INSERT),
    ("order_events.of_order", event::OF_ORDER),
    ("order_parcels.insert", parcel::INSERT),
    ("order_parcels.take", parcel::TAKE),
    ("order_parcels.give_back", parcel::GIVE_BACK),
    ("order_parcels.update", parcel::UPDATE),
    ("order_parcels.delete", parcel::DELETE),
    ("order_parcels.of_order", parcel::OF_ORDER),
    ("order_parcels.by_number", parcel::BY_NUMBER),
    ("order_transfers.of_order", transfer::OF_ORDER),
    ("orders.unfollowed_numbers", follow::UNFOLLOWED),
    ("export_progress.sweep", export::SWEEP),
    ("export_progress.start", export::START),
    ("export_progress.advance", export::ADVANCE),
    ("export_progress.finish", export::FINISH),
    ("export_progress.get", export::GET),
    ("order_transfers.target", transfer::TARGET),
    ("order_transfers.holder", transfer::HOLDER),
    ("order_transfers.lock", transfer::LOCK),
    ("order_transfers.clear", transfer::CLEAR),
    ("order_transfers.insert", transfer::INSERT),
    ("order_transfers.assign", transfer::ASSIGN),
    ("order_transfers.assigned", transfer::ASSIGNED),
    ("act_as.insert", act_as::INSERT),
    ("act_as.live", act_as::LIVE),
    ("act_as.prune", act_as::PRUNE),
    ("pickups.open_day", pickup::OPEN_DAY),
    ("pickups.take", pickup::TAKE),
    ("pickups.give_back", pickup::GIVE_BACK),
    ("pickups.booked_from", pickup::BOOKED_FROM),
    ("pickups.insert", pickup::INSERT),
    ("pickups.cancel", pickup::CANCEL),
    ("pickups.by_id", pickup::BY_ID),
    ("pickups.of_order", pickup::OF_ORDER),
    ("pickups.list", pickup::LIST),
    ("pickups.count", pickup::COUNT),
    ("pickups.reasons", pickup::REASONS),
    ("pickups.insert_reason", pickup::INSERT_REASON),
    ("pickups.reason_by_id", pickup::REASON_BY_ID),
    ("order_alerts.insert", alert::INSERT),
    ("order_alerts.by_id", alert::BY_ID),
    ("order_alerts.list", alert::LIST),
    ("order_alerts.count", alert::COUNT),
    ("order_alerts.close", alert::CLOSE),
    ("order_alerts.settle", alert::SETTLE),
    ("order_alerts.thresholds", alert::THRESHOLDS),
    ("order_alerts.save_threshold", alert::SAVE_THRESHOLD),
    ("order_alerts.silent", alert::SILENT),
];
