//! Chargeable quantity: per carton the larger of weight and volume (in the
//! table's unit) and the carton minimum, rounded up to the channel's step,
//! summed over the cartons; then the shipment minimum.

use crate::pricing::model::*;

fn ceil_div(a: i64, b: i64) -> i64 {
    (a + b - 1).div_euclid(b)
}

fn round_up(q: i64, step: i64) -> i64 {
    ceil_div(q, step) * step
}

/// (by weight, by volume) of a weight in grams and a volume in mm³.
fn figures(basis: Basis, weight_g: i64, volume_mm3: i64) -> (i64, i64) {
    match basis {
        Basis::Kg { divisor } => (weight_g, ceil_div(volume_mm3, divisor as i64)),
        Basis::Cbm { kg_per_cbm } => (
            ceil_div(weight_g, kg_per_cbm as i64),
            ceil_div(volume_mm3, 1_000_000),
        ),
    }
}

/// One carton's rounded chargeable quantity and what decided it.
fn carton(ch: &Channel, weight_g: i64, volume_mm3: i64, min: i64) -> (i64, i64, i64, ChargedBy) {
    let (w, v) = figures(ch.basis, weight_g, volume_mm3);
    let by = if min > w.max(v) {
        ChargedBy::Minimum
    } else if v > w {
        ChargedBy::Volume
    } else {
        ChargedBy::Weight
    };
    (w, v, round_up(w.max(v).max(min), ch.rounding.0), by)
}

/// A carton line's chargeable quantity for one carton.
fn carton_qty(ch: &Channel, line: &CartonLine) -> Qty {
    Qty(carton(ch, line.weight_g, line.volume_mm3(), ch.min_carton.0).2)
}

/// A cargo weighed by one channel's rules, with each carton line's
/// quantity for one carton.
#[derive(Debug)]
pub(crate) struct Weighed {
    pub total: Chargeable,
    pub per_carton: Vec<Qty>,
}

/// The weighing rules: channels that share them weigh a cargo alike.
type Rules = (Basis, Qty, Qty, Qty);

/// A search weighs its cargo once per set of rules (most channels share
/// the common ones), keeping up to `SCALES` of them.
#[derive(Debug, Default)]
pub(crate) struct Scales(Vec<(Rules, Weighed)>);

const SCALES: usize = 32;

impl Scales {
    pub fn weigh(&mut self, ch: &Channel, cargo: &Cargo) -> &Weighed {
        let key = (ch.basis, ch.min_shipment, ch.min_carton, ch.rounding);
        let i = match self.0.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None if self.0.len() < SCALES => {
                self.0.push((key, weighed(ch, cargo)));
                self.0.len() - 1
            }
            None => {
                self.0[SCALES - 1] = (key, weighed(ch, cargo));
                SCALES - 1
            }
        };
        &self.0[i].1
    }
}

fn weighed(ch: &Channel, cargo: &Cargo) -> Weighed {
    let per_carton = match cargo {
        Cargo::Cartons(lines) => lines.iter().map(|l| carton_qty(ch, l)).collect(),
        Cargo::Totals { .. } => vec![],
    };
    Weighed {
        total: chargeable(ch, cargo),
        per_carton,
    }
}

/// The chargeable quantity of `cargo` on `ch`, with how it was reached.
/// Totals count as one carton of that weight and volume, whose minimum is
/// the carton minimum times the pieces (when given).
pub fn chargeable(ch: &Channel, cargo: &Cargo) -> Chargeable {
    let (mut w, mut v, mut rounded, mut by) = (0, 0, 0, None::<ChargedBy>);
    let mut add = |n: i64, (cw, cv, cr, cby): (i64, i64, i64, ChargedBy)| {
        w += n * cw;
        v += n * cv;
        rounded += n * cr;
        by = Some(match by {
            Some(b) if b != cby => ChargedBy::Mixed,
            _ => cby,
        });
    };
    match cargo {
        Cargo::Cartons(lines) => {
            for l in lines {
                add(
                    l.count as i64,
                    carton(ch, l.weight_g, l.volume_mm3(), ch.min_carton.0),
                );
            }
        }
        Cargo::Totals {
            weight_g,
            volume_cm3,
            pieces,
        } => {
            let min = ch.min_carton.0 * pieces.unwrap_or(1) as i64;
            add(1, carton(ch, *weight_g, volume_cm3 * 1000, min));
        }
    }
    let minimum = (ch.min_shipment.0 > rounded).then_some(ch.min_shipment);
    Chargeable {
        unit: ch.basis.unit(),
        by_weight: Qty(w),
        by_volume: Qty(v),
        divisor: match ch.basis {
            Basis::Kg { divisor } => divisor,
            Basis::Cbm { kg_per_cbm } => kg_per_cbm,
        },
        step: ch.rounding,
        rounded: Qty(rounded),
        minimum,
        chargeable: Qty(rounded.max(ch.min_shipment.0)),
        by: if minimum.is_some() {
            ChargedBy::Minimum
        } else {
            by.unwrap_or(ChargedBy::Weight)
        },
    }
}
