//! Messages in Chinese, as customers write them in WeChat (today is
//! Monday 2 March 2026).

use super::tests_fixture::reads;

#[test]
fn weight_volume_route_mode_and_goods() {
    let i = reads(
        "300kg 2方 深圳到美国FBA ONT8 海派 带电",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "sea_express"),
            ("weight_kg", "300"),
            ("volume_cbm", "2"),
            ("goods_type", "battery"),
        ],
    );
    assert!(i.unread.is_empty(), "{:?}", i.unread);
}

#[test]
fn cartons_with_their_size_and_weight_make_the_totals() {
    reads(
        "5箱 每箱 50*40*30cm 22kg 义乌发英国 LTN4 空派",
        &[
            ("origin", "义乌"),
            ("country", "GB"),
            ("fba_code", "LTN4"),
            ("mode", "air_express"),
            ("weight_kg", "110"),
            ("volume_cbm", "0.3"),
            ("cartons", "5"),
        ],
    );
}

#[test]
fn kilograms_in_chinese_and_general_cargo() {
    reads(
        "深圳到美国 LAX9 空派 120公斤 0.8方 普货",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "LAX9"),
            ("mode", "air_express"),
            ("weight_kg", "120"),
            ("volume_cbm", "0.8"),
            ("goods_type", "general"),
        ],
    );
}

#[test]
fn sea_freight_to_germany_with_textiles() {
    reads(
        "宁波 到 德国 FRA7，海运 3.5cbm 600kg 纺织品",
        &[
            ("origin", "宁波"),
            ("country", "DE"),
            ("fba_code", "FRA7"),
            ("mode", "sea"),
            ("weight_kg", "600"),
            ("volume_cbm", "3.5"),
            ("goods_type", "textile"),
        ],
    );
}

#[test]
fn chinese_numerals_and_a_size_after_the_weight() {
    reads(
        "上海发日本 NRT5 快递 两箱 每箱15kg 40*30*30",
        &[
            ("origin", "上海"),
            ("country", "JP"),
            ("fba_code", "NRT5"),
            ("mode", "express"),
            ("weight_kg", "30"),
            ("volume_cbm", "0.072"),
            ("cartons", "2"),
        ],
    );
}

#[test]
fn sea_and_truck_to_canada_magnetic() {
    reads(
        "广州到加拿大YYZ4 海卡 1200kg 5.6方 带磁",
        &[
            ("origin", "广州"),
            ("country", "CA"),
            ("fba_code", "YYZ4"),
            ("mode", "sea"),
            ("weight_kg", "1200"),
            ("volume_cbm", "5.6"),
            ("goods_type", "magnetic"),
        ],
    );
}

#[test]
fn totals_said_as_totals() {
    reads(
        "厦门出发 美国 MDW2 美森 总重 850 kg 共 40 箱 4.2 cbm",
        &[
            ("origin", "厦门"),
            ("country", "US"),
            ("fba_code", "MDW2"),
            ("mode", "sea_express"),
            ("weight_kg", "850"),
            ("volume_cbm", "4.2"),
            ("cartons", "40"),
        ],
    );
}

#[test]
fn per_carton_weight_after_the_size() {
    reads(
        "东莞到美国SBD1 空运 3箱 60x50x40cm 每箱 25kg 液体",
        &[
            ("origin", "东莞"),
            ("country", "US"),
            ("fba_code", "SBD1"),
            ("mode", "air_express"),
            ("weight_kg", "75"),
            ("volume_cbm", "0.36"),
            ("cartons", "3"),
            ("goods_type", "liquid"),
        ],
    );
}

#[test]
fn rail_to_a_country_without_a_warehouse_code() {
    reads(
        "青岛 铁路 到 波兰 500kg 3方",
        &[
            ("origin", "青岛"),
            ("country", "PL"),
            ("mode", "rail"),
            ("weight_kg", "500"),
            ("volume_cbm", "3"),
        ],
    );
}

#[test]
fn courtesy_words_are_not_unread() {
    let i = reads(
        "请问深圳到英国BHX4 卡航 800公斤 4个方 多少钱",
        &[
            ("origin", "深圳"),
            ("country", "GB"),
            ("fba_code", "BHX4"),
            ("mode", "truck"),
            ("weight_kg", "800"),
            ("volume_cbm", "4"),
        ],
    );
    assert!(i.unread.is_empty(), "{:?}", i.unread);
}

#[test]
fn full_width_digits_and_a_negated_battery() {
    reads(
        "义乌发美国 ONT8 海派 不带电 ２３０ＫＧ １．５方",
        &[
            ("origin", "义乌"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "sea_express"),
            ("weight_kg", "230"),
            ("volume_cbm", "1.5"),
            ("goods_type", "general"),
        ],
    );
}

#[test]
fn full_width_punctuation_throughout() {
    reads(
        "深圳－美国ＬＧＢ８，空派，１２箱，每箱２０公斤，尺寸５０＊４０＊３５ｃｍ",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "LGB8"),
            ("mode", "air_express"),
            ("weight_kg", "240"),
            ("volume_cbm", "0.84"),
            ("cartons", "12"),
        ],
    );
}
