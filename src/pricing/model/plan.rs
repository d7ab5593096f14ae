//! What a search answers: the plans that match, each priced line by line,
//! and for the channels that do not, the reasons why.

use serde::{Deserialize, Serialize};

use super::{pick, Date, DateRange, DayRange, GoodsType, Mode, Qty, Shared, Unit};
use crate::auth::Lang;
use crate::types::Id;

/// What a plan says of its channel: the same for every search, shared by
/// all its plans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChannelCard {
    pub id: Id,
    pub name: String,
    pub mode: Mode,
    pub carrier: String,
    pub tax_included: bool,
    pub transit_days: DayRange,
    /// The last departure day the price holds for.
    pub valid_until: Date,
    pub special: bool,
    pub tags: Vec<String>,
    pub table_version: u32,
}

/// The zone a plan is priced in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ZoneCard {
    pub code: String,
    pub name: String,
}

/// One priced way to ship the cargo.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Plan {
    pub channel: Shared<ChannelCard>,
    pub zone: Shared<ZoneCard>,
    pub chargeable: Chargeable,
    pub lines: Vec<PriceLine>,
    /// All-in, CNY fen: the sum of the lines. The caller's price: a
    /// customer's at their company's price level.
    pub total_fen: i64,
    /// Staff only: the total at the table's (cost) price, beside the sell
    /// price in `total_fen`. Never sent to a customer.
    #[serde(default)]
    pub cost_total_fen: Option<i64>,
    /// The next cut-off day on or after the search day.
    pub departure: Date,
    /// Departure plus the transit days.
    pub eta: DateRange,
    /// Arrives first (latest ETA earliest) among the plans found.
    pub fastest: bool,
    /// Costs least among the plans found.
    pub cheapest: bool,
}

/// How the chargeable quantity came about. For a kg table `by_weight` is
/// the actual weight and `by_volume` the volumetric weight; for a CBM table
/// `by_volume` is the measured volume and `by_weight` the weight's CBM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Chargeable {
    pub unit: Unit,
    pub by_weight: Qty,
    pub by_volume: Qty,
    /// The volumetric divisor (kg tables) or kg per CBM (CBM tables).
    pub divisor: u32,
    /// Each carton's larger figure (at least the carton minimum), rounded
    /// up to this step, then summed.
    pub step: Qty,
    pub rounded: Qty,
    /// The shipment minimum, when it applied.
    pub minimum: Option<Qty>,
    pub chargeable: Qty,
    pub by: ChargedBy,
}

crate::string_enum! {
    /// Which figure decided the chargeable quantity.
    pub enum ChargedBy("by", BadRequest) {
        Weight = "weight",
        Volume = "volume",
        /// Weight for some cartons, volume for others.
        Mixed = "mixed",
        Minimum = "minimum",
    }
}

crate::string_enum! {
    pub enum LineKind("kind", BadRequest) {
        Freight = "freight",
        Surcharge = "surcharge",
        Customs = "customs",
    }
}

/// One line of a price: what, how counted, how much.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PriceLine {
    pub kind: LineKind,
    /// The surcharge's name (`带电附加费`); freight and customs lines are
    /// named by their kind.
    pub label: Option<Shared<str>>,
    /// The quantity charged (kg, CBM or, for `cartons`, not used).
    pub quantity: Option<Qty>,
    /// Cartons counted, for per-carton surcharges.
    pub cartons: Option<u32>,
    /// Per unit or per carton, fen.
    pub rate_fen: Option<i64>,
    pub percent_bp: Option<u32>,
    /// The weight break that applied (freight).
    pub break_from: Option<Qty>,
    pub amount_fen: i64,
}

/// Why a channel gave no plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum NoMatch {
    Disabled,
    CountryNotServed { country: String },
    OriginNotServed { origin: String },
    DestinationNotCovered,
    GoodsNotAccepted { goods: GoodsType },
    CartonTooHeavy { max_kg: u32 },
    SideTooLong { max_cm: u32 },
    NotYetValid { from: Date },
    Expired { to: Date },
    SpecialNotInForce { days: DateRange },
    ArrivesTooLate { eta: Date, wanted: Date },
    OtherMode { mode: Mode },
    TagMissing { tag: String },
    NotSpecial,
}

impl NoMatch {
    /// The reason as a person reads it.
    pub fn text(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let t = |a: &'static str, b: &'static str| pick(lang, a, b).to_owned();
        match self {
            NoMatch::Disabled => t("渠道已停用", "The channel is disabled"),
            NoMatch::CountryNotServed { country } if zh => format!("不到{country}"),
            NoMatch::CountryNotServed { country } => format!("Does not go to {country}"),
            NoMatch::OriginNotServed { origin } if zh => format!("不从{origin}发货"),
            NoMatch::OriginNotServed { origin } => format!("Does not ship from {origin}"),
            NoMatch::DestinationNotCovered => t(
                "不派送该仓库或邮编",
                "Does not deliver to this warehouse or postcode",
            ),
            NoMatch::GoodsNotAccepted { goods } if zh => format!("不走{}货", goods.label(lang)),
            NoMatch::GoodsNotAccepted { goods } => {
                format!("Does not take {} goods", goods.label(lang))
            }
            NoMatch::CartonTooHeavy { max_kg } if zh => format!("超过单箱重量上限（{max_kg} kg）"),
            NoMatch::CartonTooHeavy { max_kg } => format!("A carton is over the {max_kg} kg limit"),
            NoMatch::SideTooLong { max_cm } if zh => format!("超过单边长度上限（{max_cm} cm）"),
            NoMatch::SideTooLong { max_cm } => format!("A carton side is over {max_cm} cm"),
            NoMatch::NotYetValid { from } if zh => format!("价格{from}起生效"),
            NoMatch::NotYetValid { from } => format!("The price holds from {from}"),
            NoMatch::Expired { to } if zh => format!("价格已于{to}过期"),
            NoMatch::Expired { to } => format!("The price expired on {to}"),
            NoMatch::SpecialNotInForce { days } if zh => {
                format!("特价仅限{}至{}", days.from, days.to)
            }
            NoMatch::SpecialNotInForce { days } => {
                format!("The special price holds {} to {} only", days.from, days.to)
            }
            NoMatch::ArrivesTooLate { eta, wanted } if zh => {
                format!("预计最晚{eta}到达，晚于期望的{wanted}")
            }
            NoMatch::ArrivesTooLate { eta, wanted } => {
                format!("Arrives by {eta}, after the wanted {wanted}")
            }
            NoMatch::OtherMode { mode } if zh => format!("运输方式是{}", mode.label(lang)),
            NoMatch::OtherMode { mode } => format!("The mode is {}", mode.label(lang)),
            NoMatch::TagMissing { tag } if zh => format!("没有标签「{tag}」"),
            NoMatch::TagMissing { tag } => format!("Has no tag \"{tag}\""),
            NoMatch::NotSpecial => t("不是特价线路", "Not a special-price line"),
        }
    }
}

/// A reason with its text in both languages, for lists that show it as is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Reason {
    pub why: NoMatch,
    pub zh: String,
    pub en: String,
}

impl From<NoMatch> for Reason {
    fn from(why: NoMatch) -> Reason {
        Reason {
            zh: why.text(Lang::Zh),
            en: why.text(Lang::En),
            why,
        }
    }
}

/// Why one channel gave no plan for a search: every reason, not just the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Explanation {
    pub channel_id: Id,
    pub channel_name: String,
    pub reasons: Vec<Reason>,
}
