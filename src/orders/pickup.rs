//! Pickups (揽收叫车): what a pickup of an order collects, the plan ops or
//! the customer save (address, contact, a window of the origin city's
//! pickup slots, vehicle, pieces, weight) and its cancel with a reason from
//! the list admin keeps. Checks are pure; the window's capacity is taken in
//! the database by one conditional statement.

use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};
use crate::pricing::{Date, PickupDay};
use crate::types::{Id, Timestamp};
use crate::ErrorKey;

crate::string_enum! {
    /// The vehicle sent.
    pub enum Vehicle("vehicle", PickupVehicleInvalid) {
        /// 面包车
        Van = "van",
        /// 4.2 米厢货
        Truck42 = "truck_42",
        /// 7.6 米货车
        Truck76 = "truck_76",
    }
}

crate::string_enum! {
    pub enum PickupStatus("status", PickupStatusInvalid) {
        Scheduled = "scheduled",
        Cancelled = "cancelled",
    }
}

/// What a pickup of an order would collect (验证订单并查询信息), and the
/// windows the origin city offers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PickupCheck {
    pub order_id: Id,
    pub number: String,
    pub city: String,
    pub address: String,
    pub contact: String,
    pub phone: String,
    pub pieces: i64,
    pub weight_kg: f64,
    pub volume_cbm: f64,
    /// The next 14 days' windows with what is left of each.
    pub days: Vec<PickupDay>,
    /// The order's scheduled pickup, if it has one.
    pub scheduled: Option<Pickup>,
}

/// A pickup plan to save (保存揽收计划).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PickupForSave {
    pub order_id: Id,
    pub slot_id: Id,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub address: String,
    pub contact: String,
    pub phone: String,
    pub vehicle: Vehicle,
    pub pieces: i64,
    pub weight_kg: f64,
}

/// A pickup as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Pickup {
    pub id: Id,
    pub order_id: Id,
    pub order_number: String,
    pub company_name: String,
    pub date: Date,
    pub start: String,
    pub end: String,
    pub city: String,
    pub address: String,
    pub contact: String,
    pub phone: String,
    pub vehicle: Vehicle,
    pub pieces: i64,
    pub weight_kg: f64,
    pub status: PickupStatus,
    pub cancel_reason: String,
    pub created_by: String,
    pub created_at: Timestamp,
}

/// Which pickups to list (查询揽收叫车).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PickupFilter {
    /// `YYYY-MM-DD`: that day's pickups.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub status: Option<PickupStatus>,
}

/// A reason a pickup may be cancelled for (查询取消原因).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CancelReason {
    pub id: Id,
    pub text_zh: String,
    pub text_en: String,
}

/// Pieces and weight of a plan: 1–100,000 pieces, 0–1,000,000 kg.
pub fn check_load(pieces: i64, weight_kg: f64) -> AppResult<i64> {
    if !(1..=100_000).contains(&pieces) {
        return Err(AppError::validation("pieces", ErrorKey::CargoCountInvalid));
    }
    if !weight_kg.is_finite() || weight_kg <= 0.0 || weight_kg > 1_000_000.0 {
        return Err(AppError::validation(
            "weight_kg",
            ErrorKey::CargoNotPositive,
        ));
    }
    Ok((weight_kg * 1000.0).round() as i64)
}

/// A text field of a plan: required, at most `max` characters.
pub fn text(field: &str, s: &str, max: usize) -> AppResult<String> {
    let s = s.trim();
    if s.is_empty() {
        return Err(AppError::validation(field, ErrorKey::FieldRequired));
    }
    if s.chars().count() > max {
        return Err(AppError::validation(field, ErrorKey::TextTooLong));
    }
    Ok(s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_needs_pieces_and_a_weight() {
        assert_eq!(check_load(5, 110.5).unwrap(), 110_500);
        assert!(check_load(0, 1.0).is_err());
        assert!(check_load(1, f64::NAN).is_err());
        assert!(check_load(1, 0.0).is_err());
        assert_eq!(Vehicle::parse("truck_42").unwrap(), Vehicle::Truck42);
    }
}
