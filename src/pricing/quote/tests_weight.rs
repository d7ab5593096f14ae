//! Chargeable weight: volumetric against actual, rounding, carton
//! minimums, per-CBM tables.

use super::fixtures::*;
use crate::pricing::model::*;

fn freight(p: &Plan) -> &PriceLine {
    &p.lines[0]
}

#[test]
fn volumetric_weight_counts_when_it_is_more_than_the_actual() {
    // 60×50×40 cm / 6000 = 20 kg a carton, more than its 12 kg.
    let p = plan_of(
        base(),
        &query(Cargo::Cartons(vec![cartons(5, [60, 50, 40], 12.0)])),
    );
    let c = p.chargeable;
    assert_eq!(
        (c.by_weight, c.by_volume, c.chargeable),
        (kg(60.0), kg(100.0), kg(100.0))
    );
    assert_eq!((c.by, c.divisor), (ChargedBy::Volume, 6000));
    assert_eq!(p.total_fen, 110_000);

    let mixed = vec![
        cartons(5, [60, 50, 40], 12.0),
        cartons(2, [20, 20, 20], 30.0),
    ];
    let p = plan_of(base(), &query(Cargo::Cartons(mixed)));
    assert_eq!(
        (p.chargeable.chargeable, p.chargeable.by),
        (kg(160.0), ChargedBy::Mixed)
    );
}

#[test]
fn each_carton_is_rounded_up_to_the_step_before_summing() {
    let mut ch = base();
    ch.min_shipment = Qty(0);
    let q = query(heavy(3, 10.2));
    assert_eq!(plan_of(ch.clone(), &q).chargeable.chargeable, kg(31.5));
    ch.rounding = Qty::units(1);
    assert_eq!(plan_of(ch, &q).chargeable.chargeable, kg(33.0));
}

#[test]
fn a_light_carton_is_charged_the_carton_minimum() {
    let mut ch = base();
    ch.min_carton = Qty::units(12);
    let p = plan_of(ch, &query(heavy(3, 8.0)));
    assert_eq!(
        (p.chargeable.chargeable, p.chargeable.by),
        (kg(36.0), ChargedBy::Minimum)
    );
    assert_eq!(
        p.chargeable.minimum, None,
        "the shipment minimum did not apply"
    );
}

fn sea() -> Channel {
    let mut ch = base();
    ch.mode = Mode::Sea;
    ch.basis = Basis::Cbm { kg_per_cbm: 500 };
    ch.rounding = Qty(100);
    ch.min_shipment = Qty::units(1);
    for z in &mut ch.zones {
        z.rates = vec![
            Rate {
                from: Qty(0),
                fen: 120_000,
            },
            Rate {
                from: Qty::units(5),
                fen: 110_000,
            },
        ];
    }
    ch
}

fn totals(kg: f64, cbm: f64) -> Cargo {
    Cargo::Totals {
        weight_g: (kg * 1000.0) as i64,
        volume_cm3: (cbm * 1e6) as i64,
        pieces: None,
    }
}

#[test]
fn sea_freight_is_charged_by_cbm_or_by_weight_when_that_is_more() {
    let p = plan_of(sea(), &query(totals(300.0, 2.0)));
    assert_eq!(p.chargeable.unit, Unit::Cbm);
    assert_eq!(
        (p.chargeable.by_weight, p.chargeable.by_volume),
        (Qty(600), Qty(2000))
    );
    assert_eq!(p.total_fen, 240_000);

    let p = plan_of(sea(), &query(totals(100.0, 1.23)));
    assert_eq!((p.chargeable.chargeable, p.total_fen), (Qty(1300), 156_000));

    let p = plan_of(sea(), &query(totals(800.0, 1.0)));
    assert_eq!(
        (p.chargeable.chargeable, p.chargeable.by),
        (Qty(1600), ChargedBy::Weight)
    );

    let p = plan_of(sea(), &query(totals(50.0, 0.4)));
    assert_eq!((p.chargeable.chargeable, p.total_fen), (Qty(1000), 120_000));

    let p = plan_of(sea(), &query(totals(100.0, 4.8)));
    assert_eq!(
        (freight(&p).quantity, p.total_fen),
        (Some(Qty(5000)), 550_000)
    );
}
