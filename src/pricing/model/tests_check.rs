//! A channel's checks on zones and surcharge rules, each error at its field.

use super::*;
use crate::error::AppError;
use crate::pricing::demo;
use crate::ErrorKey;

fn channel() -> Channel {
    let today = Date::from_ymd(2026, 12, 2).unwrap();
    demo::catalogue(1, today)
        .into_iter()
        .find(|c| c.country == "US" && c.zones.len() > 1 && c.surcharges.len() > 1)
        .unwrap()
}

fn field_of(c: &Channel) -> (String, ErrorKey) {
    match c.check().unwrap_err() {
        AppError::Validation { field, key } => (field, key),
        other => panic!("{other:?}"),
    }
}

fn range(from: &str, to: &str) -> PostcodeRange {
    PostcodeRange {
        from: from.into(),
        to: to.into(),
    }
}

#[test]
fn every_demo_channel_passes_its_checks() {
    let today = Date::from_ymd(2026, 12, 2).unwrap();
    for c in demo::catalogue(1, today) {
        assert_eq!(c.check(), Ok(()), "{}", c.name);
    }
}

#[test]
fn a_zone_needs_a_code_of_its_own_and_warehouses_in_no_other_zone() {
    let mut blank = channel();
    blank.zones[1].code = " ".into();
    let mut twice = channel();
    twice.zones[1].code = twice.zones[0].code.clone();
    let mut shared = channel();
    let ont8 = shared.zones[0].fba_codes[0].clone();
    shared.zones[1].fba_codes.push(ont8);
    let last = shared.zones[1].fba_codes.len() - 1;
    let mut bad_code = channel();
    bad_code.zones[0].fba_codes.insert(0, "8ONT".into());

    assert_eq!(
        field_of(&blank),
        ("zones[1].code".into(), ErrorKey::FieldRequired)
    );
    assert_eq!(
        field_of(&twice),
        ("zones[1].code".into(), ErrorKey::Duplicate)
    );
    assert_eq!(
        field_of(&shared),
        (format!("zones[1].fba_codes[{last}]"), ErrorKey::Duplicate)
    );
    assert_eq!(
        field_of(&bad_code),
        ("zones[0].fba_codes[0]".into(), ErrorKey::FbaCodeInvalid)
    );
}

#[test]
fn postcode_ranges_run_forwards_in_upper_case_letters_and_digits() {
    for (from, to) in [("961", "850"), ("lu1", "lu9"), ("90 0", "961"), ("", "1")] {
        let mut c = channel();
        c.zones[0].postcodes = vec![range("010", "099"), range(from, to)];
        assert_eq!(
            field_of(&c),
            ("zones[0].postcodes[1]".into(), ErrorKey::PostcodeInvalid),
            "{from}–{to}"
        );
    }
    let mut prefix = channel();
    prefix.zones[0].postcodes = vec![range("LU", "LU9")];
    assert_eq!(prefix.check(), Ok(()));
}

#[test]
fn a_surcharge_needs_a_name_and_conditions_that_can_hold() {
    let rule = |when: Condition| Surcharge {
        name: "附加费".into(),
        charge: Charge::Carton { fen: 3_000 },
        when: vec![Condition::SideOver { cm: 120 }, when],
    };
    let cases = [
        (Condition::Goods { types: vec![] }, ErrorKey::FieldRequired),
        (
            Condition::RemotePostcode { ranges: vec![] },
            ErrorKey::FieldRequired,
        ),
        (
            Condition::SideOver { cm: 0 },
            ErrorKey::SurchargeThresholdInvalid,
        ),
        (
            Condition::CartonOver { kg: 1_001 },
            ErrorKey::SurchargeThresholdInvalid,
        ),
        (
            Condition::Season {
                days: DateRange {
                    from: Date::from_ymd(2027, 1, 2).unwrap(),
                    to: Date::from_ymd(2027, 1, 1).unwrap(),
                },
            },
            ErrorKey::DateRangeInvalid,
        ),
    ];
    for (when, key) in cases {
        let mut c = channel();
        c.surcharges.push(rule(when.clone()));
        let i = c.surcharges.len() - 1;
        assert_eq!(
            field_of(&c),
            (format!("surcharges[{i}].when[1]"), key),
            "{when:?}"
        );
    }
    let mut remote = channel();
    remote.surcharges[0].when = vec![Condition::RemotePostcode {
        ranges: vec![range("999", "995")],
    }];
    let mut unnamed = channel();
    unnamed.surcharges[1].name = "  ".into();

    assert_eq!(
        field_of(&remote),
        (
            "surcharges[0].when[0].ranges[0]".into(),
            ErrorKey::PostcodeInvalid
        )
    );
    assert_eq!(
        field_of(&unnamed),
        ("surcharges[1].name".into(), ErrorKey::FieldRequired)
    );
}
