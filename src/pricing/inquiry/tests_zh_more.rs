//! More Chinese messages: dates, postcodes, input-method slips (today is
//! Monday 2 March 2026).

use super::tests_fixture::reads;

#[test]
fn a_month_and_day_before_which_it_should_arrive() {
    reads(
        "3月20号前到 深圳到美国FBA ONT8 海派 200kg",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "sea_express"),
            ("weight_kg", "200"),
            ("wanted_date", "2026-03-20"),
        ],
    );
}

#[test]
fn next_friday_and_a_city_without_a_cue() {
    let i = reads(
        "货在宁波，要发德国DTM2，空派，65公斤，带电池，下周五前要到",
        &[
            ("origin", "宁波"),
            ("country", "DE"),
            ("fba_code", "DTM2"),
            ("mode", "air_express"),
            ("weight_kg", "65"),
            ("goods_type", "battery"),
            ("wanted_date", "2026-03-13"),
        ],
    );
    assert!(i.unread.is_empty(), "{:?}", i.unread);
}

#[test]
fn the_end_of_the_month() {
    reads(
        "深圳到日本 KIX4 海运 1.2立方 180公斤 月底前到",
        &[
            ("origin", "深圳"),
            ("country", "JP"),
            ("fba_code", "KIX4"),
            ("mode", "sea"),
            ("weight_kg", "180"),
            ("volume_cbm", "1.2"),
            ("wanted_date", "2026-03-31"),
        ],
    );
}

#[test]
fn ten_cartons_by_rail_to_spain() {
    reads(
        "义乌到西班牙 MAD4 铁路 10箱 45*35*30 每箱12kg",
        &[
            ("origin", "义乌"),
            ("country", "ES"),
            ("fba_code", "MAD4"),
            ("mode", "rail"),
            ("weight_kg", "120"),
            ("volume_cbm", "0.4725"),
            ("cartons", "10"),
        ],
    );
}

#[test]
fn each_written_as_ge() {
    reads(
        "上海到法国 空派 ORY4 2箱 各20kg",
        &[
            ("origin", "上海"),
            ("country", "FR"),
            ("fba_code", "ORY4"),
            ("mode", "air_express"),
            ("weight_kg", "40"),
            ("cartons", "2"),
        ],
    );
}

#[test]
fn a_named_mode_wins_over_a_carrier() {
    reads(
        "深圳到澳洲 SYD8 快递 DHL 35kg 服装",
        &[
            ("origin", "深圳"),
            ("country", "AU"),
            ("fba_code", "SYD8"),
            ("mode", "express"),
            ("weight_kg", "35"),
            ("goods_type", "textile"),
        ],
    );
}

#[test]
fn a_day_of_this_month() {
    reads(
        "深圳空派美国ONT8，带磁，150kg，0.9方，10号前到",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "air_express"),
            ("weight_kg", "150"),
            ("volume_cbm", "0.9"),
            ("goods_type", "magnetic"),
            ("wanted_date", "2026-03-10"),
        ],
    );
}

#[test]
fn a_private_address_by_postcode() {
    reads(
        "厦门到美国私人地址 邮编90210 海派 100kg",
        &[
            ("origin", "厦门"),
            ("country", "US"),
            ("postcode", "90210"),
            ("mode", "sea_express"),
            ("weight_kg", "100"),
        ],
    );
}

#[test]
fn a_uk_postcode_names_the_country() {
    reads(
        "深圳发 LU5 4FE 空派 3箱 20kg",
        &[
            ("origin", "深圳"),
            ("country", "GB"),
            ("postcode", "LU5 4FE"),
            ("mode", "air_express"),
            ("weight_kg", "20"),
            ("cartons", "3"),
        ],
    );
}

#[test]
fn an_input_method_slip_and_a_lower_case_code() {
    let i = reads(
        "深圳到美国 ont8 海配 300kg",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "sea_express"),
            ("weight_kg", "300"),
        ],
    );
    let mode = i.get(super::FieldName::Mode).unwrap();
    assert!(mode.confidence < 0.8, "a slip is less sure: {mode:?}");
}

#[test]
fn a_homophone_of_yiwu_and_half_a_ton() {
    reads(
        "义务发美国 LGB8 海派 0.5吨 带电",
        &[
            ("origin", "义乌"),
            ("country", "US"),
            ("fba_code", "LGB8"),
            ("mode", "sea_express"),
            ("weight_kg", "500"),
            ("goods_type", "battery"),
        ],
    );
}
