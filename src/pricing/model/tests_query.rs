//! A quote search's input is refused with the field named.

use super::*;
use crate::ErrorKey;

fn today() -> Date {
    Date::from_ymd(2026, 3, 2).unwrap()
}

fn carton(count: i64, l: f64, kg: f64) -> CartonInput {
    CartonInput {
        count,
        length_cm: l,
        width_cm: 40.0,
        height_cm: 30.0,
        weight_kg: kg,
    }
}

fn input(cargo: CargoInput) -> QuoteForSearch {
    QuoteForSearch {
        country: " us ".into(),
        fba_code: Some("ont8".into()),
        postcode: None,
        origin: Some("深圳".into()),
        cargo,
        goods_type: GoodsType::General,
        wanted_date: None,
        mode: None,
        tag: None,
        special_only: false,
    }
}

fn error_of(i: &QuoteForSearch) -> (String, ErrorKey) {
    let e = QuoteQuery::parse(i, today()).unwrap_err();
    (e.field().unwrap().to_owned(), e.key())
}

fn lines(l: Vec<CartonInput>) -> CargoInput {
    CargoInput::Cartons { lines: l }
}

#[test]
fn a_good_search_is_normalised() {
    let q = QuoteQuery::parse(&input(lines(vec![carton(5, 50.0, 22.5)])), today()).unwrap();
    assert_eq!(
        (q.country.as_str(), q.fba_code.as_deref()),
        ("US", Some("ONT8"))
    );
    let Cargo::Cartons(l) = &q.cargo else {
        panic!()
    };
    assert_eq!(
        (l[0].count, l[0].sides_mm, l[0].weight_g),
        (5, [500, 400, 300], 22_500)
    );
    assert_eq!((q.cargo.weight_g(), q.cargo.pieces()), (112_500, Some(5)));
}

/// A bad carton line, the field its error names and the error.
fn bad_cartons() -> Vec<(CartonInput, &'static str, ErrorKey)> {
    vec![
        (
            carton(0, 50.0, 20.0),
            "cargo.lines[0].count",
            ErrorKey::CargoCountInvalid,
        ),
        (
            carton(-2, 50.0, 20.0),
            "cargo.lines[0].count",
            ErrorKey::CargoCountInvalid,
        ),
        (
            carton(1, 0.0, 20.0),
            "cargo.lines[0].length_cm",
            ErrorKey::CargoNotPositive,
        ),
        (
            carton(1, -5.0, 20.0),
            "cargo.lines[0].length_cm",
            ErrorKey::CargoNotPositive,
        ),
        (
            carton(1, f64::NAN, 20.0),
            "cargo.lines[0].length_cm",
            ErrorKey::CargoNotANumber,
        ),
        (
            carton(1, 1_200.0, 20.0),
            "cargo.lines[0].length_cm",
            ErrorKey::CargoTooLarge,
        ),
        (
            carton(1, 50.0, 0.0),
            "cargo.lines[0].weight_kg",
            ErrorKey::CargoNotPositive,
        ),
        (
            carton(1, 50.0, 1_000.5),
            "cargo.lines[0].weight_kg",
            ErrorKey::CargoCartonTooHeavy,
        ),
        (
            carton(1, 50.0, f64::INFINITY),
            "cargo.lines[0].weight_kg",
            ErrorKey::CargoNotANumber,
        ),
    ]
}

#[test]
fn zero_negative_and_absurd_cargo_is_refused_naming_the_field() {
    for (c, field, key) in bad_cartons() {
        let i = input(lines(vec![carton(1, 50.0, 10.0), c]));
        let field = field.replace("[0]", "[1]");
        assert_eq!(error_of(&i), (field, key));
    }
    assert_eq!(
        error_of(&input(lines(vec![]))),
        ("cargo.lines".into(), ErrorKey::CargoEmpty)
    );
}

#[test]
fn totals_need_a_weight_or_a_volume_and_a_sane_carton() {
    let t = |kg, cbm, pieces| {
        input(CargoInput::Totals {
            weight_kg: kg,
            volume_cbm: cbm,
            pieces,
        })
    };
    assert_eq!(
        error_of(&t(None, None, None)),
        ("cargo.weight_kg".into(), ErrorKey::CargoEmpty)
    );
    assert_eq!(
        error_of(&t(Some(-1.0), None, None)).1,
        ErrorKey::CargoNotPositive
    );
    assert_eq!(
        error_of(&t(None, Some(0.0), None)),
        ("cargo.volume_cbm".into(), ErrorKey::CargoNotPositive)
    );
    assert_eq!(
        error_of(&t(Some(3000.0), None, Some(2))).1,
        ErrorKey::CargoCartonTooHeavy
    );
    assert_eq!(error_of(&t(Some(30.0), None, Some(0))).0, "cargo.pieces");
    let ok = QuoteQuery::parse(&t(None, Some(2.0), None), today()).unwrap();
    assert_eq!(
        ok.cargo,
        Cargo::Totals {
            weight_g: 0,
            volume_cm3: 2_000_000,
            pieces: None
        }
    );
}

#[test]
fn the_destination_and_dates_are_checked() {
    let mut i = input(lines(vec![carton(1, 50.0, 10.0)]));
    i.country = "USA".into();
    assert_eq!(error_of(&i), ("country".into(), ErrorKey::CountryInvalid));
    i.country = "US".into();
    i.fba_code = Some("ON".into());
    assert_eq!(error_of(&i), ("fba_code".into(), ErrorKey::FbaCodeInvalid));
    i.fba_code = Some("  ".into());
    assert_eq!(
        error_of(&i),
        ("fba_code".into(), ErrorKey::DestinationRequired)
    );
    i.postcode = Some("lu5 4fe".into());
    assert_eq!(
        QuoteQuery::parse(&i, today()).unwrap().postcode.as_deref(),
        Some("LU54FE")
    );
    i.postcode = Some("9#".into());
    assert_eq!(error_of(&i), ("postcode".into(), ErrorKey::PostcodeInvalid));
    i.postcode = Some("90210".into());
    i.wanted_date = Some("2026-03-01".into());
    assert_eq!(
        error_of(&i),
        ("wanted_date".into(), ErrorKey::WantedDateInPast)
    );
    i.wanted_date = Some("next week".into());
    assert_eq!(error_of(&i), ("wanted_date".into(), ErrorKey::DateInvalid));
    i.wanted_date = Some("2026-03-02".into());
    assert!(
        QuoteQuery::parse(&i, today()).is_ok(),
        "today is not in the past"
    );
}
