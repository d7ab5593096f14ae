//! Matching: zones, postcodes, filters, marks, explanations, the catalogue.

use super::fixtures::*;
use super::{explain, explain_channel, search, Catalogue};
use crate::auth::Lang;
use crate::pricing::model::*;
use crate::ErrorKey;

#[test]
fn the_fba_code_picks_the_zone_and_its_prices() {
    let mut q = query(heavy(1, 150.0));
    let west = plan_of(base(), &q);
    q.fba_code = Some("JFK8".into());
    let east = plan_of(base(), &q);
    assert_eq!(
        (west.zone.code.as_str(), east.zone.code.as_str()),
        ("US-W", "US-E")
    );
    assert_eq!((west.total_fen, east.total_fen), (150 * 1100, 150 * 1200));
    q.fba_code = Some("XXX1".into());
    assert!(plan_on(base(), &q, today()).is_none());
}

#[test]
fn postcodes_match_zone_ranges_with_the_upper_bound_as_a_prefix() {
    let mut q = query(heavy(1, 50.0));
    q.fba_code = None;
    let zone = |p: &str, q: &mut QuoteQuery| {
        q.postcode = Some(normalize_postcode(p));
        plan_on(base(), q, today()).map(|p| p.zone.code.clone())
    };
    assert_eq!(zone("90000", &mut q).as_deref(), Some("US-W"));
    assert_eq!(zone("96199", &mut q).as_deref(), Some("US-W"));
    assert_eq!(zone("96200", &mut q), None);
    assert_eq!(zone("89999", &mut q), None);
    assert_eq!(zone("10001", &mut q).as_deref(), Some("US-E"));
    assert_eq!(zone("07001", &mut q).as_deref(), Some("US-E"));
    let uk = range("LU1", "LU7");
    assert!(uk.contains(&normalize_postcode("lu5 4fe")));
    assert!(!uk.contains(&normalize_postcode("LU8 1AA")));
}

#[test]
fn plans_come_cheapest_first_with_the_cheapest_and_fastest_marked() {
    let mut fast = base();
    (fast.id, fast.name, fast.mode) = (2, "空派".into(), Mode::AirExpress);
    fast.transit_days = DayRange { min: 8, max: 12 };
    for z in &mut fast.zones {
        z.rates.iter_mut().for_each(|r| r.fen += 2000);
    }
    let mut twin = base();
    twin.id = 3;
    let cat = Catalogue::new(vec![fast, base(), twin]).unwrap();
    let plans = search(&cat, &query(heavy(1, 150.0)), today());
    let ids: Vec<_> = plans
        .iter()
        .map(|p| (p.channel.id, p.cheapest, p.fastest))
        .collect();
    assert_eq!(
        ids,
        vec![(1, true, false), (3, true, false), (2, false, true)]
    );
}

#[test]
fn filters_keep_the_mode_tag_and_special_lines_asked_for() {
    let mut special = base();
    (special.id, special.special) = (
        2,
        Some(DateRange {
            from: today(),
            to: today().add_days(9),
        }),
    );
    special.tags = vec!["限时达".into()];
    let cat = Catalogue::new(vec![base(), special]).unwrap();
    let ids = |q: &QuoteQuery| {
        search(&cat, q, today())
            .iter()
            .map(|p| p.channel.id)
            .collect::<Vec<_>>()
    };
    let mut q = query(heavy(1, 100.0));
    assert_eq!(ids(&q).len(), 2);
    q.special_only = true;
    assert_eq!(ids(&q), vec![2]);
    q.special_only = false;
    q.tag = Some("包税".into());
    assert_eq!(ids(&q), vec![1]);
    q.tag = None;
    q.mode = Some(Mode::Rail);
    assert!(ids(&q).is_empty());
    q.mode = Some(Mode::SeaExpress);
    q.origin = Some("宁波".into());
    assert!(ids(&q).is_empty());
}

#[test]
fn an_explanation_gives_every_reason_in_both_languages() {
    let mut ch = base();
    ch.enabled = false;
    ch.accepts = vec![GoodsType::General];
    ch.limits = Limits {
        max_carton_kg: Some(40),
        max_side_cm: Some(100),
    };
    let cat = Catalogue::new(vec![ch]).unwrap();
    let mut q = query(Cargo::Cartons(vec![cartons(2, [120, 40, 40], 45.0)]));
    q.goods_type = GoodsType::Battery;
    let e = explain(&cat, &q, today());
    assert_eq!(e.len(), 1);
    let zh: Vec<&str> = e[0].reasons.iter().map(|r| r.zh.as_str()).collect();
    assert_eq!(
        zh,
        [
            "渠道已停用",
            "不走带电货",
            "超过单箱重量上限（40 kg）",
            "超过单边长度上限（100 cm）"
        ]
    );
    assert_eq!(e[0].reasons[1].en, "Does not take battery goods");
    assert!(search(&cat, &q, today()).is_empty());
}

#[test]
fn a_matching_channel_has_no_explanation_and_another_country_says_so() {
    let cat = Catalogue::new(vec![base()]).unwrap();
    let mut q = query(heavy(1, 50.0));
    assert!(explain(&cat, &q, today()).is_empty());
    assert!(explain_channel(&cat, 1, &q, today()).is_none());
    (q.country, q.fba_code) = ("GB".into(), Some("LTN4".into()));
    let e = explain_channel(&cat, 1, &q, today()).unwrap();
    assert_eq!(
        e.reasons[0].why,
        NoMatch::CountryNotServed {
            country: "GB".into()
        }
    );
    q.country = "US".into();
    let why = &explain_channel(&cat, 1, &q, today()).unwrap().reasons[0];
    assert_eq!(
        (why.why.clone(), why.zh.as_str()),
        (NoMatch::DestinationNotCovered, "不派送该仓库或邮编")
    );
    assert_eq!(
        NoMatch::OriginNotServed {
            origin: "宁波".into()
        }
        .text(Lang::En),
        "Does not ship from 宁波"
    );
}

#[test]
fn the_catalogue_knows_its_countries_and_fba_codes() {
    let mut gb = base();
    (gb.id, gb.country) = (2, "GB".into());
    let mut off = base();
    (off.id, off.country, off.enabled) = (3, "DE".into(), false);
    let cat = Catalogue::new(vec![base(), gb, off]).unwrap();
    assert_eq!(cat.countries(), vec!["GB".to_owned(), "US".to_owned()]);
    assert_eq!(cat.channel(2).map(|c| c.country.as_str()), Some("GB"));
    let mut q = query(heavy(1, 50.0));
    assert!(cat.check_destination(&q).is_ok());
    q.fba_code = Some("ZZZ9".into());
    let e = cat.check_destination(&q).unwrap_err();
    assert_eq!(
        (e.field(), e.key()),
        (Some("fba_code"), ErrorKey::FbaCodeUnknown)
    );
}

#[test]
fn a_catalogue_refuses_a_broken_channel_naming_the_field() {
    let mut ch = base();
    ch.zones[1].rates[2].from = Qty::units(10);
    let e = Catalogue::new(vec![base_with_id(5), ch]).unwrap_err();
    assert_eq!(
        (e.field(), e.key()),
        (
            Some("channels[1].zones[1].rates"),
            ErrorKey::ChannelRatesInvalid
        )
    );
    let mut ch = base();
    ch.zones[0].rates[0].fen = -1;
    let e = Catalogue::new(vec![ch]).unwrap_err();
    assert_eq!(e.field(), Some("channels[0].zones[0].rates[0].fen"));
    let mut ch = base();
    ch.transit_days = DayRange { min: 9, max: 3 };
    assert_eq!(
        Catalogue::new(vec![ch]).unwrap_err().key(),
        ErrorKey::ChannelTransitInvalid
    );
    let e = Catalogue::new(vec![base(), base()]).unwrap_err();
    assert_eq!(
        (e.field(), e.key()),
        (Some("channels[1].id"), ErrorKey::Duplicate)
    );
}

fn base_with_id(id: i64) -> Channel {
    Channel { id, ..base() }
}

#[test]
fn channels_with_other_weighing_rules_weigh_the_cargo_their_own_way() {
    // More rule sets than a search keeps: the later ones are weighed afresh.
    let channels: Vec<Channel> = (0..40)
        .map(|i| Channel {
            id: i + 1,
            min_shipment: Qty::units(20 + i),
            ..base()
        })
        .collect();
    let cat = Catalogue::new(channels).unwrap();
    let plans = search(&cat, &query(heavy(1, 10.0)), today());
    assert_eq!(plans.len(), 40);
    for p in plans {
        assert_eq!(
            p.chargeable.chargeable,
            Qty::units(19 + p.channel.id),
            "channel {}",
            p.channel.id
        );
    }
}
