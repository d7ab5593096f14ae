//! Pricing types: transport modes, goods types, quantities, channels, the
//! quote query and its plans.

use serde::{Deserialize, Serialize};

use crate::auth::Lang;

mod cargo;
mod channel;
mod check;
mod date;
mod plan;
mod query;
mod saved;
mod shared;
#[cfg(test)]
mod tests_check;
#[cfg(test)]
mod tests_query;

pub use cargo::*;
pub use channel::*;
pub use check::MAX_THRESHOLD;
pub use date::*;
pub use plan::*;
pub use query::*;
pub use saved::*;
pub use shared::Shared;

crate::string_enum! {
    /// How cargo travels (运输方式).
    pub enum Mode("mode", ModeInvalid) {
        /// 海派 / 快船 (Matson, ZIM…): sea freight with courier or truck delivery, per kg.
        SeaExpress = "sea_express",
        /// 海运 / 海卡: sea freight priced per CBM.
        Sea = "sea",
        /// 空派 / 空运.
        AirExpress = "air_express",
        /// 快递: DHL, UPS, FedEx…
        Express = "express",
        /// 铁路 / 中欧班列.
        Rail = "rail",
        /// 卡航 / 卡派.
        Truck = "truck",
    }
}

impl Mode {
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Mode::SeaExpress => ("海派", "Sea express"),
            Mode::Sea => ("海运", "Sea freight"),
            Mode::AirExpress => ("空派", "Air express"),
            Mode::Express => ("快递", "Express"),
            Mode::Rail => ("铁路", "Rail"),
            Mode::Truck => ("卡航", "Truck"),
        };
        pick(lang, zh, en)
    }
}

crate::string_enum! {
    /// What the cargo is, as carriers classify it (货物类型).
    #[derive(Default)]
    pub enum GoodsType("goods_type", GoodsTypeInvalid) {
        /// 普货.
        #[default]
        General = "general",
        /// 带电: with built-in or packed batteries.
        Battery = "battery",
        /// 带磁.
        Magnetic = "magnetic",
        Liquid = "liquid",
        Powder = "powder",
        /// 纺织品: clothes, fabric.
        Textile = "textile",
    }
}

impl GoodsType {
    pub fn label(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            GoodsType::General => ("普货", "general cargo"),
            GoodsType::Battery => ("带电", "battery"),
            GoodsType::Magnetic => ("带磁", "magnetic"),
            GoodsType::Liquid => ("液体", "liquid"),
            GoodsType::Powder => ("粉末", "powder"),
            GoodsType::Textile => ("纺织品", "textile"),
        };
        pick(lang, zh, en)
    }
}

/// One entry of the goods-type list of the quote form (AI查价--查询货物类型).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GoodsTypeOption {
    pub value: GoodsType,
    pub label_zh: String,
    pub label_en: String,
}

/// The goods types of the quote form, general cargo first.
pub fn goods_type_options() -> Vec<GoodsTypeOption> {
    GoodsType::ALL
        .iter()
        .map(|&g| GoodsTypeOption {
            value: g,
            label_zh: g.label(Lang::Zh).to_owned(),
            label_en: g.label(Lang::En).to_owned(),
        })
        .collect()
}

pub(crate) fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

crate::string_enum! {
    /// The unit a price table charges by.
    pub enum Unit("unit", BadRequest) {
        Kg = "kg",
        Cbm = "cbm",
    }
}

/// A quantity in thousandths of its unit: grams for kg, litres for CBM.
/// Integer, so that minimums, breaks and rounding are exact.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(transparent)]
pub struct Qty(pub i64);

impl Qty {
    /// Whole units (kg or CBM).
    pub const fn units(n: i64) -> Qty {
        Qty(n * 1000)
    }

    /// `12.5`: the quantity in its unit, without trailing zeros.
    pub fn format(self) -> String {
        let whole = self.0.div_euclid(1000);
        let frac = self.0.rem_euclid(1000);
        if frac == 0 {
            return whole.to_string();
        }
        let digits = format!("{frac:03}");
        format!("{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// What a channel's table charges by and how volume turns into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "unit", rename_all = "snake_case")]
pub enum Basis {
    /// Per kg; a carton's volumetric weight is L×W×H cm³ / `divisor` kg
    /// (6000 for air and sea express, 5000 for express).
    Kg { divisor: u32 },
    /// Per CBM; a carton's weight counts as `kg_per_cbm` kg per CBM when that
    /// is more than its volume (weight or measure).
    Cbm { kg_per_cbm: u32 },
}

impl Basis {
    pub fn unit(self) -> Unit {
        match self {
            Basis::Kg { .. } => Unit::Kg,
            Basis::Cbm { .. } => Unit::Cbm,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_show_without_trailing_zeros() {
        assert_eq!(Qty(12_500).format(), "12.5");
        assert_eq!(Qty(3_000).format(), "3");
        assert_eq!(Qty(1_234).format(), "1.234");
        assert_eq!(Qty(50).format(), "0.05");
    }

    #[test]
    fn the_goods_type_list_has_every_type_in_both_languages() {
        let list = goods_type_options();
        assert_eq!(list.len(), GoodsType::ALL.len());
        assert_eq!(list[0].value, GoodsType::General);
        assert_eq!(list[1].label_zh, "带电");
        assert!(list.iter().all(|o| !o.label_en.is_empty()));
    }

    #[test]
    fn a_basis_travels_with_its_unit_as_tag() {
        let b = Basis::Kg { divisor: 6000 };
        assert_eq!(
            serde_json::to_string(&b).unwrap(),
            r#"{"unit":"kg","divisor":6000}"#
        );
        assert_eq!(b.unit(), Unit::Kg);
    }
}
