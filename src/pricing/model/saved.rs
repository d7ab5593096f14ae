//! What the quote pages exchange with the server besides the engine's own
//! types: the search form's choices, a search's answer, saved quotes and
//! the channels' admin list.

use serde::{Deserialize, Serialize};

use super::{Date, Explanation, GoodsTypeOption, Mode, Plan, QuoteForSearch};
use crate::auth::Lang;
use crate::types::{Id, Timestamp};

/// A destination country (获取可以到达的目的国家).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Country {
    /// ISO 3166 alpha-2.
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A transport mode with its names (渠道类型).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ModeOption {
    pub value: Mode,
    pub label_zh: String,
    pub label_en: String,
}

/// The choices of the quote search form, from the enabled channels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteForm {
    /// Countries some enabled channel reaches, by code.
    pub countries: Vec<Country>,
    /// Origin warehouses, by the city's Chinese name.
    pub origins: Vec<String>,
    /// The modes some enabled channel runs.
    pub modes: Vec<ModeOption>,
    pub goods_types: Vec<GoodsTypeOption>,
    /// The line tags (查询线路标签下拉).
    pub tags: Vec<String>,
    /// Today in China, the day searches are priced on.
    pub today: Date,
}

/// A search's answer: every plan, cheapest first, and when asked, why the
/// other channels to the country give none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteAnswer {
    pub plans: Vec<Plan>,
    pub misses: Vec<Explanation>,
    /// The day the plans were priced on.
    pub priced_on: Date,
}

/// A quote to save: the search and the channel of the plan chosen. The
/// server prices it again; nothing of the client's price is trusted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteForSave {
    pub search: QuoteForSearch,
    pub channel_id: Id,
    /// Staff only: the customer company the quote is for.
    #[serde(default)]
    pub company_id: Option<Id>,
}

/// A saved quote: an immutable snapshot of a plan with its search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SavedQuote {
    pub id: Id,
    /// `Q` + the day + a sequence: `Q20261202-0007`.
    pub number: String,
    pub company_id: Option<Id>,
    pub company_name: Option<String>,
    /// Who saved it: a member's or a staff member's name.
    pub created_by: String,
    pub search: QuoteForSearch,
    pub plan: Plan,
    pub total_fen: i64,
    pub table_version: u32,
    /// The last day the price holds.
    pub valid_until: Date,
    /// Past its validity on the day it was read.
    pub expired: bool,
    pub created_at: Timestamp,
}

/// A saved quote in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteSummary {
    pub id: Id,
    pub number: String,
    pub company_name: Option<String>,
    pub created_by: String,
    pub country: String,
    /// The FBA code, else the postcode.
    pub destination: String,
    pub channel_name: String,
    pub mode: Mode,
    pub total_fen: i64,
    pub valid_until: Date,
    pub expired: bool,
    pub created_at: Timestamp,
}

/// Which saved quotes to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuoteFilter {
    /// Part of the number, the channel's name or the destination.
    #[serde(default)]
    pub q: Option<String>,
    /// Staff: one company's quotes.
    #[serde(default)]
    pub company_id: Option<Id>,
}

/// A channel in the admin list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChannelSummary {
    pub id: Id,
    pub name: String,
    pub mode: Mode,
    pub carrier: String,
    pub country: String,
    pub origins: Vec<String>,
    pub zones: u32,
    pub tags: Vec<String>,
    pub special: bool,
    pub enabled: bool,
    pub table_version: u32,
    pub valid_until: Date,
    pub updated_at: Timestamp,
}

/// Which channels to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChannelFilter {
    /// Part of the name or the carrier.
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub mode: Option<Mode>,
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// One version of a channel's table: who changed it and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChannelVersion {
    pub version: u32,
    pub changed_by: String,
    pub created_at: Timestamp,
}

/// A channel with its history, for its admin page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChannelDetail {
    pub channel: super::Channel,
    pub versions: Vec<ChannelVersion>,
}

/// A change to a channel: the whole definition and the version it was read
/// at; a save over a newer version is a conflict, not a silent overwrite.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChannelForSave {
    pub channel: super::Channel,
}

/// The countries the demo and the forms know, with their names.
pub const COUNTRY_NAMES: &[(&str, &str, &str)] = &[
    ("US", "美国", "United States"),
    ("GB", "英国", "United Kingdom"),
    ("DE", "德国", "Germany"),
    ("FR", "法国", "France"),
    ("IT", "意大利", "Italy"),
    ("ES", "西班牙", "Spain"),
    ("NL", "荷兰", "Netherlands"),
    ("PL", "波兰", "Poland"),
    ("CZ", "捷克", "Czechia"),
    ("SE", "瑞典", "Sweden"),
    ("JP", "日本", "Japan"),
    ("CA", "加拿大", "Canada"),
    ("MX", "墨西哥", "Mexico"),
    ("AU", "澳大利亚", "Australia"),
    ("AE", "阿联酋", "United Arab Emirates"),
    ("SA", "沙特阿拉伯", "Saudi Arabia"),
    ("SG", "新加坡", "Singapore"),
    ("IN", "印度", "India"),
    ("BR", "巴西", "Brazil"),
    ("TR", "土耳其", "Türkiye"),
];

impl Country {
    /// The country of `code` with its names (the code itself when unknown).
    pub fn of(code: &str) -> Country {
        let code = code.to_ascii_uppercase();
        let (zh, en) = COUNTRY_NAMES
            .iter()
            .find(|(c, _, _)| *c == code)
            .map_or((code.as_str(), code.as_str()), |(_, zh, en)| (*zh, *en));
        Country {
            name_zh: zh.to_owned(),
            name_en: en.to_owned(),
            code,
        }
    }

    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.name_zh,
            Lang::En => &self.name_en,
        }
    }
}

impl ModeOption {
    pub fn of(m: Mode) -> ModeOption {
        ModeOption {
            value: m,
            label_zh: m.label(Lang::Zh).to_owned(),
            label_en: m.label(Lang::En).to_owned(),
        }
    }
}
