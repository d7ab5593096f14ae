//! Chinese and English in one message, as forwarders write (today is
//! Monday 2 March 2026); spans, conflicts and what is left unread.

use super::tests_fixture::{reads, today};
use super::{parse_inquiry, FieldName};

#[test]
fn city_codes_and_capital_units() {
    reads(
        "SZ to US ONT8 海派 300KG 2CBM",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "sea_express"),
            ("weight_kg", "300"),
            ("volume_cbm", "2"),
        ],
    );
}

#[test]
fn english_mode_and_goods_in_a_chinese_message() {
    reads(
        "宁波到US LGB8 sea 1.8cbm 260kg battery",
        &[
            ("origin", "宁波"),
            ("country", "US"),
            ("fba_code", "LGB8"),
            ("mode", "sea"),
            ("weight_kg", "260"),
            ("volume_cbm", "1.8"),
            ("goods_type", "battery"),
        ],
    );
}

#[test]
fn weight_per_carton_with_a_slash() {
    reads(
        "深圳 to UK LTN4 空派 5 ctns 22kg/箱 50*40*30",
        &[
            ("origin", "深圳"),
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
fn the_country_from_the_warehouse_code() {
    reads(
        "义乌 FBA: BHX4 海派 带电 10箱 48*38*30cm 每箱18.5kg",
        &[
            ("origin", "义乌"),
            ("country", "GB"),
            ("fba_code", "BHX4"),
            ("mode", "sea_express"),
            ("weight_kg", "185"),
            ("volume_cbm", "0.5472"),
            ("cartons", "10"),
            ("goods_type", "battery"),
        ],
    );
}

#[test]
fn full_width_times_sign_and_a_slash_date() {
    reads(
        "广州发加拿大 YYZ9 空派 ３箱 ６０×４０×４０ｃｍ 每箱２８ＫＧ 3/25前到",
        &[
            ("origin", "广州"),
            ("country", "CA"),
            ("fba_code", "YYZ9"),
            ("mode", "air_express"),
            ("weight_kg", "84"),
            ("volume_cbm", "0.288"),
            ("cartons", "3"),
            ("wanted_date", "2026-03-25"),
        ],
    );
}

#[test]
fn tons_in_chinese_with_an_english_city() {
    reads(
        "Yiwu发德国 DTM2 铁路 总重1.5吨 6方 textile",
        &[
            ("origin", "义乌"),
            ("country", "DE"),
            ("fba_code", "DTM2"),
            ("mode", "rail"),
            ("weight_kg", "1500"),
            ("volume_cbm", "6"),
            ("goods_type", "textile"),
        ],
    );
}

#[test]
fn a_ready_date_is_not_the_wanted_date() {
    let i = reads(
        "东莞 to ONT8 快船 matson 带电 400kg 3cbm ready 3/10 出货",
        &[
            ("origin", "东莞"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "sea_express"),
            ("weight_kg", "400"),
            ("volume_cbm", "3"),
            ("goods_type", "battery"),
        ],
    );
    assert_eq!(i.unread, vec!["3/10", "ready"]);
}

#[test]
fn what_has_no_field_is_unread() {
    let i = reads(
        "深圳到美国FBA ONT8 美森 不带电 20箱 每箱 15kg 45*45*45 加急",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "sea_express"),
            ("weight_kg", "300"),
            ("volume_cbm", "1.8225"),
            ("cartons", "20"),
            ("goods_type", "general"),
        ],
    );
    assert_eq!(i.unread, vec!["加急"]);
}

#[test]
fn airport_codes_of_cities_and_pieces() {
    reads(
        "from SZX to DE FRA1 by air 2 pcs 12kg",
        &[
            ("origin", "深圳"),
            ("country", "DE"),
            ("fba_code", "FRA1"),
            ("mode", "air_express"),
            ("weight_kg", "12"),
            ("cartons", "2"),
        ],
    );
}

#[test]
fn a_question_left_over_is_unread() {
    let i = reads(
        "深圳到美国 邮编 99501 海派 5箱 30kg 偏远吗",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("postcode", "99501"),
            ("mode", "sea_express"),
            ("weight_kg", "30"),
            ("cartons", "5"),
        ],
    );
    assert_eq!(i.unread, vec!["偏远吗"]);
}

#[test]
fn spans_are_char_offsets_of_the_text_as_written() {
    let text = "３００ｋｇ 深圳到美国 ONT8";
    let i = parse_inquiry(text, today());
    let chars: Vec<char> = text.chars().collect();
    let at = |name| {
        let [s, e] = i.get(name).unwrap().span;
        chars[s..e].iter().collect::<String>()
    };
    assert_eq!(at(FieldName::WeightKg), "３００ｋｇ");
    assert_eq!(at(FieldName::Origin), "深圳");
    assert_eq!(at(FieldName::Country), "美国");
    assert_eq!(at(FieldName::FbaCode), "ONT8");
}

#[test]
fn a_country_that_disagrees_with_the_code_lowers_both() {
    let i = reads(
        "深圳到英国 ONT8 空派 100kg",
        &[
            ("origin", "深圳"),
            ("country", "GB"),
            ("fba_code", "ONT8"),
            ("mode", "air_express"),
            ("weight_kg", "100"),
        ],
    );
    assert!(i.get(FieldName::Country).unwrap().confidence <= 0.5);
    assert!(i.get(FieldName::FbaCode).unwrap().confidence <= 0.5);
}

#[test]
fn nothing_is_guessed_from_a_message_without_fields() {
    let i = reads("你好，在吗？", &[]);
    assert!(i.unread.is_empty(), "{:?}", i.unread);
    let i = reads("老板 报个价 ASAP", &[]);
    assert!(i.unread.is_empty(), "{:?}", i.unread);
    let i = reads("size 50*40*30cm, 20kg each", &[]);
    assert_eq!(
        i.unread,
        vec!["50*40*30cm", "20kg each"],
        "without a count there are no totals"
    );
}

#[test]
fn the_inquiry_travels_as_the_public_contract() {
    let i = parse_inquiry("300kg 深圳到美国", today());
    let json: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&i).unwrap()).unwrap();
    assert_eq!(
        json["fields"][0],
        serde_json::json!({"name": "origin", "value": "深圳", "confidence": 0.95, "span": [6, 8]})
    );
    assert_eq!(json["fields"][2]["name"], "weight_kg");
    assert_eq!(json["unread"], serde_json::json!([]));
}
