//! A channel (渠道): one carrier service line with its price table, surcharge
//! rules, schedule and validity. [`Channel::check`] (in `check.rs`) holds
//! its invariants.

use serde::{Deserialize, Serialize};

use super::{Basis, DateRange, GoodsType, Mode, Qty, Weekday};
use crate::types::Id;

/// The most a rate or a fee may be: ¥1,000,000 (in fen).
pub const MAX_FEE_FEN: i64 = 100_000_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Channel {
    pub id: Id,
    pub name: String,
    pub mode: Mode,
    /// The carrier line, e.g. `美森 Matson + UPS`.
    pub carrier: String,
    /// Origin warehouses by the city's Chinese name (`深圳`, `义乌`).
    pub origins: Vec<String>,
    /// ISO 3166 alpha-2 (`US`, `GB`).
    pub country: String,
    pub zones: Vec<Zone>,
    pub basis: Basis,
    /// The least a shipment is charged for, in the table's unit.
    pub min_shipment: Qty,
    /// The least a carton is charged for.
    pub min_carton: Qty,
    /// Each carton's chargeable quantity is rounded up to a multiple of this
    /// (500 = 0.5 kg).
    pub rounding: Qty,
    pub limits: Limits,
    /// The goods types the channel takes.
    pub accepts: Vec<GoodsType>,
    pub surcharges: Vec<Surcharge>,
    /// Customs declaration fee (报关费) per shipment, in fen.
    pub customs_fee_fen: i64,
    /// 包税: duties and taxes are in the price.
    pub tax_included: bool,
    pub transit_days: DayRange,
    /// Departure days (截单/开船日); empty means every day.
    pub cutoff_weekdays: Vec<Weekday>,
    /// The price holds for shipments departing within these days.
    pub validity: DateRange,
    /// A special price (特价线路) and the days it holds for.
    pub special: Option<DateRange>,
    pub tags: Vec<String>,
    pub enabled: bool,
    /// Goes up on every change of the table; a quote records it.
    pub table_version: u32,
}

/// A group of destinations priced alike (US West, UK…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Zone {
    pub code: String,
    pub name: String,
    /// Amazon warehouse codes, upper case (`ONT8`).
    pub fba_codes: Vec<String>,
    /// Postcodes of other addresses.
    pub postcodes: Vec<PostcodeRange>,
    /// Weight breaks, `from` strictly ascending.
    pub rates: Vec<Rate>,
}

/// From `from` (in the table's unit) on, `fen` per unit (kg or CBM).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Rate {
    pub from: Qty,
    pub fen: i64,
}

/// Postcodes from `from` to `to`, compared upper case without spaces or
/// hyphens; `to` is inclusive as a prefix, so `900`–`961` covers 90000–96199.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PostcodeRange {
    pub from: String,
    pub to: String,
}

impl PostcodeRange {
    /// Whether a normalised postcode (see [`normalize_postcode`]) is in range.
    pub fn contains(&self, postcode: &str) -> bool {
        postcode >= self.from.as_str()
            && (postcode <= self.to.as_str() || postcode.starts_with(self.to.as_str()))
    }
}

/// Upper case, without spaces and hyphens: `lu5 4fe` → `LU54FE`.
pub fn normalize_postcode(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The channel refuses cartons beyond these (超过单箱重量上限).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct Limits {
    pub max_carton_kg: Option<u32>,
    pub max_side_cm: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DayRange {
    pub min: u16,
    pub max: u16,
}

/// A surcharge rule: `charge` applies when every condition in `when` holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Surcharge {
    /// Shown on the price line, e.g. `带电附加费`.
    pub name: String,
    pub charge: Charge,
    pub when: Vec<Condition>,
}

/// How a surcharge is counted. With carton conditions (side, weight) it
/// counts only the cartons that meet them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "per", rename_all = "snake_case")]
pub enum Charge {
    /// Per chargeable unit (kg or CBM).
    Unit {
        fen: i64,
    },
    Carton {
        fen: i64,
    },
    Shipment {
        fen: i64,
    },
    /// Of the freight line, in basis points (150 = 1.5%).
    Percent {
        basis_points: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "if", rename_all = "snake_case")]
pub enum Condition {
    /// The cargo is one of these goods types.
    Goods { types: Vec<GoodsType> },
    /// The delivery postcode is in one of these ranges (偏远).
    RemotePostcode { ranges: Vec<PostcodeRange> },
    /// A carton has a side longer than this (超长).
    SideOver { cm: u32 },
    /// A carton weighs more than this (超重).
    CartonOver { kg: u32 },
    /// The shipment departs within these days (旺季).
    Season { days: DateRange },
}

impl Condition {
    /// Conditions on single cartons rather than on the shipment.
    pub fn is_per_carton(&self) -> bool {
        matches!(
            self,
            Condition::SideOver { .. } | Condition::CartonOver { .. }
        )
    }
}
