//! Whether a channel takes a query: each check gives the reason it does not.
//! A search stops at the first reason; an explanation collects them all.

use super::weight::Scales;
use super::{dates, price, Prepared};
use crate::pricing::model::*;

type Check = fn(&Channel, Option<usize>, &QuoteQuery) -> Option<NoMatch>;

/// In the order a person would ask them.
const CHECKS: [Check; 9] = [
    enabled,
    mode_asked,
    tag_asked,
    special_asked,
    origin,
    destination,
    goods,
    carton_weight,
    carton_side,
];

/// The plan of channel `p` in `zone` for `q`, or why there is none (only
/// the first reason unless `all`).
pub(super) fn evaluate(
    p: &Prepared,
    zone: Option<usize>,
    q: &QuoteQuery,
    today: Date,
    all: bool,
    scales: &mut Scales,
) -> Result<Plan, Vec<NoMatch>> {
    let ch = &p.ch;
    let mut why = Vec::new();
    for check in CHECKS {
        if let Some(r) = check(ch, zone, q) {
            why.push(r);
            if !all {
                return Err(why);
            }
        }
    }
    let departure = dates::departure(today, p.cutoffs);
    let eta = dates::eta(departure, ch.transit_days);
    dates::reasons(ch, departure, eta, q.wanted_date, &mut why);
    match zone {
        Some(z) if why.is_empty() => {
            let w = scales.weigh(ch, &q.cargo);
            Ok(price::plan(p, z, q, w, departure, eta))
        }
        _ => Err(why),
    }
}

fn enabled(ch: &Channel, _: Option<usize>, _: &QuoteQuery) -> Option<NoMatch> {
    (!ch.enabled).then_some(NoMatch::Disabled)
}

fn mode_asked(ch: &Channel, _: Option<usize>, q: &QuoteQuery) -> Option<NoMatch> {
    match q.mode {
        Some(m) if m != ch.mode => Some(NoMatch::OtherMode { mode: ch.mode }),
        _ => None,
    }
}

fn tag_asked(ch: &Channel, _: Option<usize>, q: &QuoteQuery) -> Option<NoMatch> {
    match &q.tag {
        Some(t) if !ch.tags.contains(t) => Some(NoMatch::TagMissing { tag: t.clone() }),
        _ => None,
    }
}

fn special_asked(ch: &Channel, _: Option<usize>, q: &QuoteQuery) -> Option<NoMatch> {
    (q.special_only && ch.special.is_none()).then_some(NoMatch::NotSpecial)
}

fn origin(ch: &Channel, _: Option<usize>, q: &QuoteQuery) -> Option<NoMatch> {
    match &q.origin {
        Some(o) if !ch.origins.contains(o) => Some(NoMatch::OriginNotServed { origin: o.clone() }),
        _ => None,
    }
}

fn destination(_: &Channel, zone: Option<usize>, _: &QuoteQuery) -> Option<NoMatch> {
    zone.is_none().then_some(NoMatch::DestinationNotCovered)
}

fn goods(ch: &Channel, _: Option<usize>, q: &QuoteQuery) -> Option<NoMatch> {
    let ok = ch.accepts.contains(&q.goods_type);
    (!ok).then_some(NoMatch::GoodsNotAccepted {
        goods: q.goods_type,
    })
}

/// The heaviest carton in grams, when cartons are known (totals with a
/// piece count give the average).
pub(super) fn heaviest_carton_g(cargo: &Cargo) -> Option<i64> {
    match cargo {
        Cargo::Cartons(lines) => lines.iter().map(|l| l.weight_g).max(),
        Cargo::Totals {
            weight_g,
            pieces: Some(n),
            ..
        } => Some(weight_g / (*n).max(1) as i64),
        Cargo::Totals { .. } => None,
    }
}

fn carton_weight(ch: &Channel, _: Option<usize>, q: &QuoteQuery) -> Option<NoMatch> {
    let max_kg = ch.limits.max_carton_kg?;
    let over = heaviest_carton_g(&q.cargo)? > max_kg as i64 * 1000;
    over.then_some(NoMatch::CartonTooHeavy { max_kg })
}

fn carton_side(ch: &Channel, _: Option<usize>, q: &QuoteQuery) -> Option<NoMatch> {
    let max_cm = ch.limits.max_side_cm?;
    let Cargo::Cartons(lines) = &q.cargo else {
        return None;
    };
    let over = lines.iter().any(|l| l.longest_mm() > max_cm as i64 * 10);
    over.then_some(NoMatch::SideTooLong { max_cm })
}
