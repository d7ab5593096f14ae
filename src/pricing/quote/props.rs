//! Properties over generated tables and cargo: a heavier shipment never
//! costs less on the same channel (any table, not only monotone ones,
//! since a higher break wins when cheaper), and no price is negative.

use proptest::prelude::*;

use super::fixtures::*;
use crate::pricing::model::*;

/// 1–8 breaks ascending from zero, each at ¥0–¥50 per unit, in any order
/// of price (a higher break may cost more per kg than a lower one).
fn rates() -> impl Strategy<Value = Vec<Rate>> {
    prop::collection::vec((1i64..300_000, 0i64..5_000), 1..8).prop_map(|v| {
        let mut from = 0;
        let mut out = Vec::with_capacity(v.len());
        for (step, fen) in v {
            out.push(Rate {
                from: Qty(from),
                fen,
            });
            from += step;
        }
        out
    })
}

fn surcharges() -> impl Strategy<Value = Vec<Surcharge>> {
    let one = (0u8..5, 0i64..20_000, 1u32..60).prop_map(|(kind, fen, n)| {
        let (charge, when) = match kind {
            0 => (Charge::Unit { fen }, vec![Condition::CartonOver { kg: n }]),
            1 => (
                Charge::Carton { fen },
                vec![Condition::CartonOver { kg: n }],
            ),
            2 => (
                Charge::Percent {
                    basis_points: n * 100,
                },
                vec![],
            ),
            3 => (
                Charge::Shipment { fen },
                vec![Condition::Goods {
                    types: vec![GoodsType::Battery],
                }],
            ),
            _ => (
                Charge::Carton { fen },
                vec![Condition::SideOver { cm: n * 2 }],
            ),
        };
        Surcharge {
            name: format!("rule {kind}"),
            charge,
            when,
        }
    });
    prop::collection::vec(one, 0..4)
}

prop_compose! {
    fn channel()(
        rates in rates(),
        divisor in 1_000u32..8_000,
        min_shipment in 0i64..50_000,
        min_carton in 0i64..20_000,
        rounding in 1i64..2_000,
        surcharges in surcharges(),
        customs in 0i64..50_000,
    ) -> Channel {
        let mut ch = base();
        for z in &mut ch.zones {
            z.rates = rates.clone();
        }
        ch.basis = Basis::Kg { divisor };
        (ch.min_shipment, ch.min_carton, ch.rounding) = (Qty(min_shipment), Qty(min_carton), Qty(rounding));
        (ch.surcharges, ch.customs_fee_fen) = (surcharges, customs);
        ch
    }
}

fn total(ch: &Channel, count: u32, sides: [i64; 3], weight_g: i64, goods: GoodsType) -> Plan {
    let line = CartonLine {
        count,
        sides_mm: sides.map(|s| s * 10),
        weight_g,
    };
    let mut q = query(Cargo::Cartons(vec![line]));
    q.goods_type = goods;
    plan_of(ch.clone(), &q)
}

fn goods() -> impl Strategy<Value = GoodsType> {
    prop_oneof![Just(GoodsType::General), Just(GoodsType::Battery)]
}

proptest! {
    #[test]
    fn a_heavier_shipment_never_costs_less(
        ch in channel(),
        count in 1u32..30,
        sides in [1i64..150, 1i64..150, 1i64..150],
        light in 100i64..600_000,
        extra in 0i64..400_000,
        goods in goods(),
    ) {
        let a = total(&ch, count, sides, light, goods);
        let b = total(&ch, count, sides, light + extra, goods);
        prop_assert!(a.total_fen <= b.total_fen, "{} > {}", a.total_fen, b.total_fen);
        prop_assert!(a.chargeable.chargeable <= b.chargeable.chargeable);
    }

    #[test]
    fn freight_never_falls_as_the_quantity_grows(rates in rates(), q in 0i64..3_000_000, more in 0i64..500_000) {
        let a = super::price::freight(&rates, Qty(q)).amount_fen;
        let b = super::price::freight(&rates, Qty(q + more)).amount_fen;
        prop_assert!(a <= b);
    }

    #[test]
    fn a_price_is_never_negative_and_is_the_sum_of_its_lines(
        ch in channel(),
        count in 1u32..30,
        sides in [1i64..300, 1i64..300, 1i64..300],
        weight in 1i64..900_000,
        goods in goods(),
    ) {
        let p = total(&ch, count, sides, weight, goods);
        prop_assert!(p.lines.iter().all(|l| l.amount_fen >= 0));
        prop_assert_eq!(p.total_fen, p.lines.iter().map(|l| l.amount_fen).sum::<i64>());
        prop_assert!(p.total_fen >= 0);
        prop_assert!(p.chargeable.chargeable >= p.chargeable.by_weight.max(ch.min_shipment));
    }
}
