//! Weight breaks, minimums and surcharge lines.

use super::fixtures::*;
use crate::pricing::model::*;

fn freight(p: &Plan) -> &PriceLine {
    &p.lines[0]
}

#[test]
fn the_weight_break_that_applies_is_the_last_one_reached() {
    let p = plan_of(base(), &query(heavy(1, 150.0)));
    assert_eq!(p.chargeable.chargeable, kg(150.0));
    assert_eq!(freight(&p).break_from, Some(Qty::units(100)));
    assert_eq!((freight(&p).rate_fen, p.total_fen), (Some(1100), 165_000));

    let p = plan_of(base(), &query(heavy(1, 30.0)));
    assert_eq!(freight(&p).break_from, Some(Qty::units(21)));
    assert_eq!(p.total_fen, 39_000);

    let p = plan_of(base(), &query(heavy(1, 45.0)));
    assert_eq!(
        (freight(&p).break_from, p.total_fen),
        (Some(Qty::units(45)), 54_000)
    );
}

#[test]
fn a_shipment_just_below_a_break_pays_that_breaks_minimum_when_cheaper() {
    // 44.5 kg × ¥13 = ¥578.50, but 45 kg × ¥12 = ¥540.
    let p = plan_of(base(), &query(heavy(1, 44.5)));
    assert_eq!(freight(&p).quantity, Some(kg(45.0)));
    assert_eq!(freight(&p).break_from, Some(Qty::units(45)));
    assert_eq!(p.total_fen, 54_000);
    assert_eq!(
        p.chargeable.chargeable,
        kg(44.5),
        "the chargeable weight itself is unchanged"
    );
}

#[test]
fn a_light_shipment_is_charged_the_shipment_minimum() {
    let p = plan_of(base(), &query(heavy(1, 10.0)));
    let c = p.chargeable;
    assert_eq!(
        (c.rounded, c.minimum, c.chargeable),
        (kg(10.0), Some(kg(21.0)), kg(21.0))
    );
    assert_eq!(c.by, ChargedBy::Minimum);
    assert_eq!(p.total_fen, 21 * 1300);
}

fn with(rule: Surcharge) -> Channel {
    let mut ch = base();
    ch.surcharges.push(rule);
    ch
}

fn rule(name: &str, charge: Charge, when: Vec<Condition>) -> Surcharge {
    Surcharge {
        name: name.into(),
        charge,
        when,
    }
}

#[test]
fn a_goods_type_surcharge_applies_to_those_goods_only() {
    let ch = with(rule(
        "带电附加费",
        Charge::Unit { fen: 200 },
        vec![Condition::Goods {
            types: vec![GoodsType::Battery],
        }],
    ));
    let mut q = query(heavy(2, 25.0));
    assert!(line(&plan_of(ch.clone(), &q), "带电附加费").is_none());
    q.goods_type = GoodsType::Battery;
    let p = plan_of(ch, &q);
    let l = line(&p, "带电附加费").unwrap();
    assert_eq!(
        (l.quantity, l.rate_fen, l.amount_fen),
        (Some(kg(50.0)), Some(200), 10_000)
    );
    assert_eq!(p.total_fen, 50 * 1200 + 10_000);
}

#[test]
fn a_remote_postcode_surcharge_applies_to_those_postcodes_only() {
    let mut ch = with(rule(
        "偏远附加费",
        Charge::Shipment { fen: 30_000 },
        vec![Condition::RemotePostcode {
            ranges: vec![range("995", "999")],
        }],
    ));
    ch.zones[0].postcodes.push(range("995", "999"));
    let mut q = query(heavy(1, 50.0));
    assert!(
        line(&plan_of(ch.clone(), &q), "偏远附加费").is_none(),
        "an FBA address has no postcode"
    );
    (q.fba_code, q.postcode) = (None, Some("99501".into()));
    assert_eq!(
        line(&plan_of(ch.clone(), &q), "偏远附加费")
            .unwrap()
            .amount_fen,
        30_000
    );
    q.postcode = Some("90210".into());
    assert!(line(&plan_of(ch, &q), "偏远附加费").is_none());
}

#[test]
fn an_oversize_surcharge_counts_only_the_cartons_with_a_long_side() {
    let ch = with(rule(
        "超长费",
        Charge::Carton { fen: 5_000 },
        vec![Condition::SideOver { cm: 120 }],
    ));
    let cargo = vec![
        cartons(2, [130, 40, 30], 20.0),
        cartons(3, [120, 50, 40], 12.0),
    ];
    let p = plan_of(ch.clone(), &query(Cargo::Cartons(cargo)));
    let l = line(&p, "超长费").unwrap();
    assert_eq!((l.cartons, l.amount_fen), (Some(2), 10_000));
    let at_limit = query(Cargo::Cartons(vec![cartons(3, [120, 50, 40], 12.0)]));
    assert!(line(&plan_of(ch, &at_limit), "超长费").is_none());
}

#[test]
fn an_overweight_surcharge_counts_only_the_heavy_cartons() {
    let ch = with(rule(
        "超重费",
        Charge::Carton { fen: 3_000 },
        vec![Condition::CartonOver { kg: 30 }],
    ));
    let cargo = vec![
        cartons(1, [40, 40, 40], 31.0),
        cartons(2, [40, 40, 40], 30.0),
    ];
    let p = plan_of(ch, &query(Cargo::Cartons(cargo)));
    assert_eq!(line(&p, "超重费").unwrap().amount_fen, 3_000);

    let per_kg = with(rule(
        "超重费",
        Charge::Unit { fen: 100 },
        vec![Condition::CartonOver { kg: 30 }],
    ));
    let cargo = vec![
        cartons(1, [20, 20, 20], 31.0),
        cartons(2, [20, 20, 20], 20.0),
    ];
    let l = plan_of(per_kg, &query(Cargo::Cartons(cargo))).lines[1].clone();
    assert_eq!((l.quantity, l.amount_fen), (Some(kg(31.0)), 3_100));
}

#[test]
fn carton_conditions_on_totals_use_the_average_carton_and_never_the_side() {
    let ch = with(rule(
        "超重费",
        Charge::Carton { fen: 3_000 },
        vec![Condition::CartonOver { kg: 30 }],
    ));
    let two = Cargo::Totals {
        weight_g: 100_000,
        volume_cm3: 0,
        pieces: Some(2),
    };
    assert_eq!(
        line(&plan_of(ch.clone(), &query(two)), "超重费")
            .unwrap()
            .amount_fen,
        6_000
    );
    let unknown = Cargo::Totals {
        weight_g: 100_000,
        volume_cm3: 0,
        pieces: None,
    };
    assert!(line(&plan_of(ch, &query(unknown.clone())), "超重费").is_none());
    let side = with(rule(
        "超长费",
        Charge::Carton { fen: 5_000 },
        vec![Condition::SideOver { cm: 1 }],
    ));
    assert!(line(&plan_of(side, &query(unknown)), "超长费").is_none());
}

#[test]
fn a_peak_season_surcharge_follows_the_departure_day() {
    let season = DateRange {
        from: d(2026, 3, 1),
        to: d(2026, 3, 31),
    };
    let ch = with(rule(
        "旺季附加费",
        Charge::Unit { fen: 50 },
        vec![Condition::Season { days: season }],
    ));
    let q = query(heavy(1, 100.0));
    assert_eq!(
        line(&plan_of(ch.clone(), &q), "旺季附加费")
            .unwrap()
            .amount_fen,
        5_000
    );
    let april = plan_on(ch, &q, d(2026, 4, 1)).unwrap();
    assert!(line(&april, "旺季附加费").is_none());
}

#[test]
fn a_rule_applies_only_when_all_its_conditions_hold() {
    let season = DateRange {
        from: d(2026, 3, 1),
        to: d(2026, 3, 31),
    };
    let both = vec![
        Condition::Goods {
            types: vec![GoodsType::Battery],
        },
        Condition::Season { days: season },
    ];
    let ch = with(rule("旺季带电", Charge::Shipment { fen: 10_000 }, both));
    let mut q = query(heavy(1, 100.0));
    assert!(line(&plan_of(ch.clone(), &q), "旺季带电").is_none());
    q.goods_type = GoodsType::Battery;
    assert!(line(&plan_of(ch.clone(), &q), "旺季带电").is_some());
    assert!(line(&plan_on(ch, &q, d(2026, 4, 1)).unwrap(), "旺季带电").is_none());
}

#[test]
fn a_percent_surcharge_is_a_share_of_the_freight_and_customs_a_fee_per_shipment() {
    let mut ch = with(rule(
        "燃油附加费",
        Charge::Percent { basis_points: 500 },
        vec![],
    ));
    ch.customs_fee_fen = 15_000;
    let p = plan_of(ch, &query(heavy(1, 150.0)));
    assert_eq!(line(&p, "燃油附加费").unwrap().amount_fen, 8_250);
    assert_eq!(line(&p, "报关费").unwrap().kind, LineKind::Customs);
    assert_eq!(p.total_fen, 165_000 + 8_250 + 15_000);
    assert_eq!(
        p.total_fen,
        p.lines.iter().map(|l| l.amount_fen).sum::<i64>()
    );
}
