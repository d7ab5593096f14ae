//! Text of the channel editor's zones and surcharge rules.
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // zones
    ADD_ZONE = "添加分区", "Add a zone";
    REMOVE_ZONE = "删除分区", "Remove the zone";
    FBA_HINT = "FBA 仓库代码，空格或逗号分隔，如 ONT8 LGB8", "FBA codes, separated by spaces or commas, e.g. ONT8 LGB8";
    POSTCODES_HINT = "邮编范围，如 900-961、967", "Postcode ranges, e.g. 900-961, 967";
    NO_ZONES = "还没有分区：至少添加一个", "No zone yet: add at least one";
    NEW_ZONE_HINT = "新分区的价格填在下方价格表", "Fill the new zone's rates in the price table below";

    // surcharge rules
    ADD_SURCHARGE = "添加附加费", "Add a surcharge";
    REMOVE_SURCHARGE = "删除附加费", "Remove the surcharge";
    NAME_PLACEHOLDER = "如 带电附加费", "e.g. Battery surcharge";
    PER = "计费方式", "Charged";
    PER_UNIT = "按计费重/体积", "Per chargeable unit";
    PER_CARTON = "按箱", "Per carton";
    PER_SHIPMENT = "按票", "Per shipment";
    PER_PERCENT = "按运费百分比", "Percent of freight";
    AMOUNT = "金额", "Amount";
    PERCENT_SIGN = "%", "%";
    YUAN_PER_CARTON = "元/箱", "¥ a carton";
    YUAN_PER_SHIPMENT = "元/票", "¥ a shipment";
    WHEN = "收取条件（全部满足时收取）", "Charged when (all of these hold)";
    NO_CONDITION = "没有条件：每票都收取", "No condition: charged on every shipment";
    ADD_CONDITION = "添加条件", "Add a condition";
    REMOVE_CONDITION = "删除条件", "Remove the condition";
    IF_GOODS = "货物类型", "Goods type";
    IF_REMOTE = "偏远邮编", "Remote postcode";
    IF_SIDE = "单边长度超过", "A side over";
    IF_WEIGHT = "单箱重量超过", "A carton over";
    IF_SEASON = "旺季出运日期", "Peak season departure";
    SEASON_FROM = "从", "from";
    SEASON_TO = "到", "to";
    DATE_HINT = "YYYY-MM-DD", "YYYY-MM-DD";
    CARTON_NOTE = "带超长/超重条件时，只按符合条件的箱子计算", "With a side or weight condition, only the cartons that meet it count";
}

/// `元/kg` / `¥ per kg`, after an amount charged per unit.
pub fn yuan_per(unit: &str) -> String {
    match lang() {
        Lang::Zh => format!("元/{unit}"),
        Lang::En => format!("¥ per {unit}"),
    }
}

/// A rule's heading: `附加费 2` / `Surcharge 2`.
pub fn rule_number(n: usize) -> String {
    match lang() {
        Lang::Zh => format!("附加费 {n}"),
        Lang::En => format!("Surcharge {n}"),
    }
}
