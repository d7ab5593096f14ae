//! Messages in English, with typos (today is Monday 2 March 2026).

use super::tests_fixture::reads;
use super::FieldName;

#[test]
fn the_issues_english_example() {
    let i = reads(
        "2 cbm sea to LAX8 from Ningbo, textiles",
        &[
            ("origin", "宁波"),
            ("country", "US"),
            ("fba_code", "LAX8"),
            ("mode", "sea"),
            ("volume_cbm", "2"),
            ("goods_type", "textile"),
        ],
    );
    let code = i.get(FieldName::FbaCode).unwrap();
    assert!(
        code.confidence < 0.9,
        "LAX8 is not listed, only LAX: {code:?}"
    );
    assert_eq!(
        i.get(FieldName::Country).unwrap().span,
        code.span,
        "the country comes from the code"
    );
    assert!(i.unread.is_empty(), "{:?}", i.unread);
}

#[test]
fn a_quote_request_with_punctuation() {
    reads(
        "Need quote: 500kg, 3 cbm, Shenzhen to ONT8 by sea express, battery goods",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "sea_express"),
            ("weight_kg", "500"),
            ("volume_cbm", "3"),
            ("goods_type", "battery"),
        ],
    );
}

#[test]
fn a_misspelt_city_and_weight_each() {
    let i = reads(
        "Shenzen to USA FBA LGB8 air express 12 ctns 45x35x30cm 18kg each",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "LGB8"),
            ("mode", "air_express"),
            ("weight_kg", "216"),
            ("volume_cbm", "0.567"),
            ("cartons", "12"),
        ],
    );
    assert_eq!(i.get(FieldName::Origin).unwrap().confidence, 0.7);
}

#[test]
fn weight_and_volume_with_a_slash() {
    reads(
        "from Yiwu to Germany, FRA3, rail, 800 kg / 4.5 cbm",
        &[
            ("origin", "义乌"),
            ("country", "DE"),
            ("fba_code", "FRA3"),
            ("mode", "rail"),
            ("weight_kg", "800"),
            ("volume_cbm", "4.5"),
        ],
    );
}

#[test]
fn per_carton_after_the_unit() {
    reads(
        "Quote for 20 cartons 60*40*40 cm 25 kg per carton Guangzhou to UK BHX4 by air",
        &[
            ("origin", "广州"),
            ("country", "GB"),
            ("fba_code", "BHX4"),
            ("mode", "air_express"),
            ("weight_kg", "500"),
            ("volume_cbm", "1.92"),
            ("cartons", "20"),
        ],
    );
}

#[test]
fn tons_and_ocean_freight() {
    reads(
        "Xiamen to Canada YVR2, 1.5 tons, 6 cbm, ocean freight, general cargo",
        &[
            ("origin", "厦门"),
            ("country", "CA"),
            ("fba_code", "YVR2"),
            ("mode", "sea"),
            ("weight_kg", "1500"),
            ("volume_cbm", "6"),
            ("goods_type", "general"),
        ],
    );
}

#[test]
fn an_english_date_to_arrive_by() {
    reads(
        "Hi, 150 kgs lithium batteries from Shanghai to JP NRT2 by express, arrive by March 20",
        &[
            ("origin", "上海"),
            ("country", "JP"),
            ("fba_code", "NRT2"),
            ("mode", "express"),
            ("weight_kg", "150"),
            ("goods_type", "battery"),
            ("wanted_date", "2026-03-20"),
        ],
    );
}

#[test]
fn a_swapped_letter_and_thousands_commas() {
    reads(
        "Ningbo -> Amercia ONT8, fast boat, 35 ctns, 1,200 kg, 5.2 cbm",
        &[
            ("origin", "宁波"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "sea_express"),
            ("weight_kg", "1200"),
            ("volume_cbm", "5.2"),
            ("cartons", "35"),
        ],
    );
}

#[test]
fn pallets_are_not_cartons() {
    let i = reads(
        "Qingdao to Poland by rail, 10 pallets 2000kg 8cbm",
        &[
            ("origin", "青岛"),
            ("country", "PL"),
            ("mode", "rail"),
            ("weight_kg", "2000"),
            ("volume_cbm", "8"),
        ],
    );
    assert_eq!(i.unread, vec!["10", "pallets"]);
}

#[test]
fn an_iso_date_and_a_one_word_mode() {
    reads(
        "magnetic goods, 80kg, Dongguan to LAX9, air, need before 2026-04-10",
        &[
            ("origin", "东莞"),
            ("country", "US"),
            ("fba_code", "LAX9"),
            ("mode", "air_express"),
            ("weight_kg", "80"),
            ("goods_type", "magnetic"),
            ("wanted_date", "2026-04-10"),
        ],
    );
}

#[test]
fn canton_and_boxes_each() {
    reads(
        "Canton to Spain MAD9 by truck 3 boxes 30x30x30 10kg each",
        &[
            ("origin", "广州"),
            ("country", "ES"),
            ("fba_code", "MAD9"),
            ("mode", "truck"),
            ("weight_kg", "30"),
            ("volume_cbm", "0.081"),
            ("cartons", "3"),
        ],
    );
}

#[test]
fn powder_by_air_express() {
    reads(
        "Shanghai to Italy MXP5 air express 25 kg powder",
        &[
            ("origin", "上海"),
            ("country", "IT"),
            ("fba_code", "MXP5"),
            ("mode", "air_express"),
            ("weight_kg", "25"),
            ("goods_type", "powder"),
        ],
    );
}

#[test]
fn a_zip_code_and_a_carrier_beside_the_mode() {
    reads(
        "Shenzhen to US, zip 10001, express by UPS, 2 cartons 50x50x50 cm 30 kg each",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("postcode", "10001"),
            ("mode", "express"),
            ("weight_kg", "60"),
            ("volume_cbm", "0.25"),
            ("cartons", "2"),
        ],
    );
}

#[test]
fn within_a_number_of_days() {
    reads(
        "Shenzhen to ONT8 by air 60 kg, within 10 days",
        &[
            ("origin", "深圳"),
            ("country", "US"),
            ("fba_code", "ONT8"),
            ("mode", "air_express"),
            ("weight_kg", "60"),
            ("wanted_date", "2026-03-12"),
        ],
    );
}
