//! Detection on real number formats: one table of numbers and what each
//! must give, then ambiguity, context, garbage and full-width input, and a
//! property over arbitrary strings.

use proptest::prelude::*;

use super::courier::{detect, normalise, WRONG_CHECK};
use super::model::*;
use crate::{AppError, ErrorKey};

fn found(n: &str, ctx: &CheckedContext) -> Vec<(Carrier, f64)> {
    detect(n, ctx)
        .into_iter()
        .map(|c| (c.carrier, c.confidence))
        .collect()
}

fn carriers(n: &str) -> Vec<Carrier> {
    found(n, &CheckedContext::default())
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

fn confidence(n: &str, carrier: Carrier, ctx: &CheckedContext) -> Option<f64> {
    found(n, ctx)
        .into_iter()
        .find(|(c, _)| *c == carrier)
        .map(|(_, v)| v)
}

use Carrier::*;

/// Numbers in the formats each carrier prints (check digits verified
/// where there is one) and every candidate they must give, best first.
const FORMATS: &[(&str, &[Carrier])] = &[
    ("SF1411620938917", &[Sf]),
    ("SF141162093891", &[Sf]),
    ("JDVA00293847561", &[Jd]),
    ("JDX004567890123", &[Jd]),
    ("JDVB0123456789011", &[Jd]),
    ("YT7412345678901", &[Yto]),
    ("75423177712345", &[Zto]),
    ("78312345678901", &[Zto]),
    ("4312345678901", &[Yunda]),
    ("9876543210987", &[Ems]),
    ("EA123456785CN", &[Ems]),
    ("PA12345678901", &[Ems]),
    ("DPK364012345678", &[Deppon]),
    ("JT5012345678901", &[Jtexpress]),
    ("1Z5R89390357567127", &[Ups]),
    ("1Z999AA10123456784", &[Ups]),
    ("041441760228964", &[Fedex]),
    ("9611020987654312345672", &[Fedex]),
    ("1001921334250001000300779017972697", &[Fedex]),
    ("9622001900000000000000776632517510", &[Fedex]),
    ("3318810025", &[Dhl]),
    ("73891051146", &[Dhl]),
    ("JJD0099999999", &[Dhl]),
    ("JD014600006281230704", &[Dhl]),
    ("GM2951173225174494", &[Dhl]),
    ("RR123456785DE", &[Dhl]),
    ("9400111201080805483016", &[Usps]),
    ("9405803699300124287899", &[Usps]),
    ("92748931507708513018050063", &[Usps]),
    ("420221539101026837331000039521", &[Usps]),
    ("4201002334249200190132607600833457", &[Usps]),
    ("EA123456785US", &[Usps]),
    ("TBA502887274000", &[Amazon]),
    ("RR123456785GB", &[Royalmail]),
    ("0073938000549297", &[Canadapost]),
    ("EA123456785CA", &[Canadapost]),
    // Another post's S10: China Post carries it in China.
    ("RR123456785JP", &[Ems]),
    ("557012345678", &[Best, Sf]),
    ("773123456789012", &[Sto]),
    ("312345678901234", &[Yunda]),
    ("61299998820821171811", &[Fedex]),
    ("03071790000523483741", &[Usps]),
];

#[test]
fn each_carriers_format_gives_exactly_its_candidates_best_first() {
    let mut wrong = vec![];
    for (n, want) in FORMATS {
        if carriers(n) != *want {
            wrong.push(format!(
                "{n}: want {want:?}, got {:?}",
                found(n, &Default::default())
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn distinctive_prefixes_are_near_certain_and_alone() {
    for n in [
        "SF1411620938917",
        "JT5012345678901",
        "TBA502887274000",
        "1Z5R89390357567127",
    ] {
        let got = found(n, &Default::default());
        assert_eq!(got.len(), 1, "{n}: {got:?}");
        assert!(got[0].1 >= 0.95, "{n}: {got:?}");
    }
}

#[test]
fn a_wrong_check_digit_lowers_a_carriers_own_shape_and_drops_bare_digits() {
    let none = CheckedContext::default();
    // 1Z… and S10 of a known post: kept, at a fraction.
    let ups = confidence("1Z5R89390357567128", Ups, &none).unwrap();
    assert_eq!(ups, (0.99 * WRONG_CHECK * 100.0).round() / 100.0);
    let ems = confidence("EA123456784CN", Ems, &none).unwrap();
    assert!(ems < 0.35, "{ems}");
    let gb = confidence("RR123456784GB", Royalmail, &none).unwrap();
    assert!(gb < 0.35, "{gb}");
    // Bare digits: the carrier with the check digit is gone.
    assert_eq!(carriers("996578788855"), vec![Sf], "FedEx dropped");
    assert!(carriers("3318810010").is_empty(), "DHL dropped");
    assert!(
        carriers("9400111201080805483017").is_empty(),
        "USPS dropped"
    );
    assert!(
        carriers("0073938000549292").is_empty(),
        "Canada Post dropped"
    );
    assert!(
        carriers("9611020987654312345673").is_empty(),
        "FedEx 96 dropped"
    );
    // Another post's S10 with a wrong check digit is nobody's.
    assert!(carriers("RR123456784JP").is_empty());
}

#[test]
fn numbers_several_carriers_print_alike_give_several_candidates() {
    let none = CheckedContext::default();
    // 13 digits from 10: domestic EMS and Yunda, as sure of either.
    let both = found("1012345678901", &none);
    let mut set: Vec<Carrier> = both.iter().map(|(c, _)| *c).collect();
    set.sort_by_key(|c| c.as_str());
    assert_eq!(set, vec![Ems, Yunda], "{both:?}");
    assert_eq!(both[0].1, both[1].1);
    // An IMpb 92… number: USPS, or FedEx SmartPost which prints the same.
    assert_eq!(carriers("9261292700768711948021"), vec![Usps, Fedex]);
    // 15 digits from 43: Yunda, then STO.
    assert_eq!(carriers("431234567890123")[..2], [Yunda, Sto]);
    // A valid FedEx check on 12 digits: FedEx, then SF's old format.
    assert_eq!(carriers("986578788855"), vec![Fedex, Sf]);
}

#[test]
fn context_reranks_but_never_adds_a_candidate() {
    let n = "986578788855";
    let china = CheckedContext {
        origin: Some("CN".into()),
        ..Default::default()
    };
    assert_eq!(found(n, &china)[0].0, Sf, "from China, SF first");
    let us = CheckedContext {
        origin: Some("US".into()),
        ..Default::default()
    };
    let from_us = found(n, &us);
    assert_eq!(from_us[0].0, Fedex);
    assert!(from_us[1].1 < 0.3, "SF abroad loses: {from_us:?}");
    let usual = CheckedContext {
        usual: vec![Ems],
        ..Default::default()
    };
    assert_eq!(found("1012345678901", &usual)[0].0, Ems);
    let never = CheckedContext {
        origin: Some("US".into()),
        usual: vec![Ups, Usps],
    };
    assert_eq!(carriers("SF1411620938917"), vec![Sf]);
    assert_eq!(found("SF1411620938917", &never).len(), 1);
    let damped = confidence("EA123456785US", Usps, &china).unwrap();
    assert!(damped < 0.5, "USPS from China: {damped}");
}

#[test]
fn garbage_gives_no_candidate() {
    for n in [
        "",
        "   ",
        "hello world",
        "1234567",
        "ABCDEFGHIJKL",
        "000000000000",
        "111111111111111",
        "SF#1411620938917",
        "顺丰速运",
        "🚚🚚🚚🚚🚚🚚🚚🚚",
        "SF1411620938917SF1411620938917SF1411620938917",
        "12345678X",
    ] {
        assert!(carriers(n).is_empty(), "{n}: {:?}", carriers(n));
    }
}

#[test]
fn full_width_spaced_dashed_and_lower_case_input_reads_as_printed() {
    assert_eq!(
        normalise(" ＳＦ１４１１　６２０９－３８９１７ "),
        "SF1411620938917"
    );
    for n in [
        "ＳＦ１４１１６２０９３８９１７",
        "sf 1411 6209 3891 7",
        "SF-1411-6209-3891-7",
        "\u{3000}SF1411620938917\u{3000}",
        "SF1411\u{2013}620938917",
    ] {
        assert_eq!(carriers(n), vec![Sf], "{n}");
    }
    assert_eq!(carriers("1z 5r8 939 0357 5671 27"), vec![Ups]);
    assert_eq!(carriers("ｅａ１２３４５６７８５ｃｎ"), vec![Ems]);
}

#[test]
fn the_checked_entry_names_the_number_field_when_empty_or_too_long() {
    use super::courier::detect_courier;
    assert_eq!(
        detect_courier(" - ", None).unwrap_err(),
        AppError::validation("number", ErrorKey::FieldRequired)
    );
    assert_eq!(
        detect_courier(&"1".repeat(41), None).unwrap_err(),
        AppError::validation("number", ErrorKey::TextTooLong)
    );
    assert!(detect_courier("hello", None).unwrap().candidates.is_empty());
    let ctx = CourierContext {
        origin_country: Some("CN".into()),
        ..Default::default()
    };
    let got = detect_courier("986578788855", Some(&ctx)).unwrap();
    assert_eq!(got.candidates[0].carrier, Sf);
    assert_eq!(got.candidates[0].name, "顺丰速运");
}

fn context() -> impl Strategy<Value = CheckedContext> {
    let origin = prop::option::of(prop::sample::select(vec![
        "CN", "US", "GB", "CA", "DE", "JP",
    ]));
    let usual = prop::collection::vec(prop::sample::select(Carrier::ALL.to_vec()), 0..4);
    (origin, usual).prop_map(|(o, usual)| CheckedContext {
        origin: o.map(str::to_owned),
        usual,
    })
}

fn assert_well_formed(n: &str, ctx: &CheckedContext) -> Result<(), TestCaseError> {
    let got = detect(n, ctx);
    for w in got.windows(2) {
        prop_assert!(w[0].confidence >= w[1].confidence, "sorted: {got:?}");
    }
    for (i, c) in got.iter().enumerate() {
        prop_assert!((0.0..=1.0).contains(&c.confidence), "{c:?}");
        prop_assert!(
            got[i + 1..].iter().all(|d| d.carrier != c.carrier),
            "once: {got:?}"
        );
        prop_assert_eq!(&c.name, c.carrier.name());
    }
    prop_assert_eq!(detect(&normalise(n), ctx), got);
    Ok(())
}

proptest! {
    #[test]
    fn detection_never_panics_and_answers_sorted_confidences_in_0_to_1(
        n in "\\PC{0,60}",
        ctx in context(),
    ) {
        assert_well_formed(&n, &ctx)?;
    }

    #[test]
    fn number_shaped_strings_answer_sorted_confidences_in_0_to_1(
        n in "(SF|JD[A-Z]{0,2}|YT|JT|DPK|TBA|1Z|JJD|GM|[A-Z]{2})?[0-9A-Z -]{6,36}",
        ctx in context(),
    ) {
        assert_well_formed(&n, &ctx)?;
    }
}
