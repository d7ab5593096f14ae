//! A plan's price lines: freight at its weight break, each surcharge whose
//! conditions hold, the customs fee.

use super::weight::Weighed;
use super::{screen, Prepared};
use crate::pricing::model::*;

/// `qty` (thousandths) × `fen` per unit, rounded half up to the fen.
pub(crate) fn times(qty: Qty, fen: i64) -> i64 {
    match qty.0.checked_mul(fen) {
        Some(p) if p <= i64::MAX - 500 => (p + 500) / 1000,
        _ => ((qty.0 as i128 * fen as i128 + 500) / 1000) as i64,
    }
}

/// `basis_points` of `fen`, rounded half up.
pub(crate) fn share(fen: i64, basis_points: u32) -> i64 {
    match fen.checked_mul(basis_points as i64) {
        Some(p) if p <= i64::MAX - 5_000 => (p + 5_000) / 10_000,
        _ => ((fen as i128 * basis_points as i128 + 5_000) / 10_000) as i64,
    }
}

/// Freight for `qty` by the zone's breaks. The break is the last whose
/// `from` is at most `qty` (below the first, the first at its `from`). A
/// higher break charged at its own `from` wins when that costs less (as
/// air freight does), so freight never falls as the quantity grows.
pub(super) fn freight(rates: &[Rate], qty: Qty) -> PriceLine {
    let i = rates.partition_point(|r| r.from <= qty).saturating_sub(1);
    let own = qty.max(rates[i].from);
    let mut best = (own, i, times(own, rates[i].fen));
    for (j, r) in rates.iter().enumerate().skip(i + 1) {
        let cost = times(r.from, r.fen);
        if cost < best.2 {
            best = (r.from, j, cost);
        }
    }
    let (charged, j, amount_fen) = best;
    PriceLine {
        kind: LineKind::Freight,
        label: None,
        quantity: Some(charged),
        cartons: None,
        rate_fen: Some(rates[j].fen),
        percent_bp: None,
        break_from: Some(rates[j].from),
        amount_fen,
    }
}

/// The plan of a channel that takes the query, in zone `z`.
pub(super) fn plan(
    p: &Prepared,
    z: usize,
    q: &QuoteQuery,
    w: &Weighed,
    departure: Date,
    eta: DateRange,
) -> Plan {
    let (ch, names) = (&p.ch, &p.names);
    let c = w.total;
    let mut lines = Vec::with_capacity(2 + ch.surcharges.len());
    lines.push(freight(&ch.zones[z].rates, c.chargeable));
    let freight_fen = lines[0].amount_fen;
    let rules = ch.surcharges.iter().zip(&names.surcharges);
    let applied = rules.filter_map(|(s, label)| surcharge(s, label, q, w, freight_fen, departure));
    lines.extend(applied);
    if ch.customs_fee_fen > 0 {
        lines.push(PriceLine {
            kind: LineKind::Customs,
            label: None,
            quantity: None,
            cartons: None,
            rate_fen: Some(ch.customs_fee_fen),
            percent_bp: None,
            break_from: None,
            amount_fen: ch.customs_fee_fen,
        });
    }
    Plan {
        channel: names.card.clone(),
        zone: names.zones[z].clone(),
        chargeable: c,
        total_fen: lines.iter().map(|l| l.amount_fen).sum(),
        cost_total_fen: None,
        lines,
        departure,
        eta,
        fastest: false,
        cheapest: false,
    }
}

/// Whether a shipment-level condition holds.
fn holds(cond: &Condition, q: &QuoteQuery, departure: Date) -> bool {
    match cond {
        Condition::Goods { types } => types.contains(&q.goods_type),
        Condition::RemotePostcode { ranges } => q
            .postcode
            .as_deref()
            .is_some_and(|p| ranges.iter().any(|r| r.contains(p))),
        Condition::Season { days } => days.contains(departure),
        Condition::SideOver { .. } | Condition::CartonOver { .. } => true,
    }
}

/// Whether one carton meets a carton condition (shipment ones pass).
fn carton_meets(cond: &Condition, longest_mm: Option<i64>, weight_g: i64) -> bool {
    match cond {
        Condition::SideOver { cm } => longest_mm.is_some_and(|l| l > *cm as i64 * 10),
        Condition::CartonOver { kg } => weight_g > *kg as i64 * 1000,
        _ => true,
    }
}

/// The (quantity, cartons) a surcharge counts: every carton, or only those
/// meeting its carton conditions. Totals without a piece count meet none.
fn counted(s: &Surcharge, cargo: &Cargo, w: &Weighed) -> (Qty, u32) {
    let pieces = cargo.pieces();
    if !s.when.iter().any(Condition::is_per_carton) {
        return (w.total.chargeable, pieces.unwrap_or(1));
    }
    let meets = |longest, weight_g| s.when.iter().all(|c| carton_meets(c, longest, weight_g));
    match cargo {
        Cargo::Cartons(lines) => {
            let hit = lines
                .iter()
                .zip(&w.per_carton)
                .filter(|(l, _)| meets(Some(l.longest_mm()), l.weight_g));
            hit.fold((Qty(0), 0), |(q, n), (l, one)| {
                (Qty(q.0 + one.0 * l.count as i64), n + l.count)
            })
        }
        Cargo::Totals { .. } => match screen::heaviest_carton_g(cargo) {
            Some(avg) if meets(None, avg) => (w.total.chargeable, pieces.unwrap_or(1)),
            _ => (Qty(0), 0),
        },
    }
}

fn surcharge(
    s: &Surcharge,
    label: &Shared<str>,
    q: &QuoteQuery,
    w: &Weighed,
    freight_fen: i64,
    departure: Date,
) -> Option<PriceLine> {
    if !s.when.iter().all(|c| holds(c, q, departure)) {
        return None;
    }
    let (qty, cartons) = counted(s, &q.cargo, w);
    if cartons == 0 {
        return None;
    }
    let mut line = PriceLine {
        kind: LineKind::Surcharge,
        label: Some(label.clone()),
        quantity: None,
        cartons: None,
        rate_fen: None,
        percent_bp: None,
        break_from: None,
        amount_fen: 0,
    };
    match s.charge {
        Charge::Unit { fen } => {
            (line.quantity, line.rate_fen, line.amount_fen) =
                (Some(qty), Some(fen), times(qty, fen))
        }
        Charge::Carton { fen } => {
            (line.cartons, line.rate_fen, line.amount_fen) =
                (Some(cartons), Some(fen), fen * cartons as i64)
        }
        Charge::Shipment { fen } => (line.rate_fen, line.amount_fen) = (Some(fen), fen),
        Charge::Percent { basis_points } => {
            line.percent_bp = Some(basis_points);
            line.amount_fen = share(freight_fen, basis_points);
        }
    }
    Some(line)
}
