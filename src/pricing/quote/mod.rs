//! The quote engine: pure, no I/O. A [`Catalogue`] holds the channels in
//! memory, indexed by destination country and FBA code; [`search`] prices
//! every channel that takes the cargo, [`explain`] says why the others do not.

mod catalogue;
mod dates;
mod price;
mod screen;
mod weight;

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests_dates;
#[cfg(test)]
mod tests_price;
#[cfg(test)]
mod tests_search;
#[cfg(test)]
mod tests_weight;

use super::model::*;
use crate::types::Id;
use catalogue::{zone_of, Prepared};

pub use catalogue::Catalogue;
pub use weight::chargeable;

/// Every plan for the query on `today`, cheapest first (then earliest
/// arrival), with the cheapest and the fastest marked.
pub fn search(cat: &Catalogue, q: &QuoteQuery, today: Date) -> Vec<Plan> {
    let mut plans = Vec::new();
    let mut scales = weight::Scales::default();
    for (c, z) in cat.candidates(q) {
        let p = &cat.channels[c as usize];
        if let Ok(p) = screen::evaluate(p, Some(z), q, today, false, &mut scales) {
            plans.push(p);
        }
    }
    sort(&mut plans);
    let cheapest = plans.first().map(|p| p.total_fen);
    let fastest = plans.iter().map(|p| p.eta.to).min();
    for p in &mut plans {
        p.cheapest = Some(p.total_fen) == cheapest;
        p.fastest = Some(p.eta.to) == fastest;
    }
    plans
}

/// Cheapest first, then earliest arrival, then channel id. Plans are large:
/// the keys are sorted and each plan moved once, along its cycle.
fn sort(plans: &mut [Plan]) {
    let mut order: Vec<_> = (plans.iter().enumerate())
        .map(|(i, p)| (p.total_fen, p.eta.to, p.channel.id, i))
        .collect();
    order.sort_unstable();
    let mut dest: Vec<usize> = vec![0; plans.len()];
    for (to, k) in order.iter().enumerate() {
        dest[k.3] = to;
    }
    for i in 0..plans.len() {
        while dest[i] != i {
            let j = dest[i];
            plans.swap(i, j);
            dest.swap(i, j);
        }
    }
}

/// For every channel to the query's country that gives no plan, all the
/// reasons why, in catalogue order.
pub fn explain(cat: &Catalogue, q: &QuoteQuery, today: Date) -> Vec<Explanation> {
    let Some(idx) = cat.countries.get(&q.country) else {
        return vec![];
    };
    (idx.channels.iter())
        .filter_map(|&c| explain_one(&cat.channels[c as usize], q, today))
        .collect()
}

/// Why this channel gives no plan for the query; `None` when it gives one
/// or is unknown.
pub fn explain_channel(
    cat: &Catalogue,
    id: Id,
    q: &QuoteQuery,
    today: Date,
) -> Option<Explanation> {
    let p = &cat.channels[*cat.by_id.get(&id)? as usize];
    if !p.ch.country.eq_ignore_ascii_case(&q.country) {
        let why = NoMatch::CountryNotServed {
            country: q.country.clone(),
        };
        return Some(explanation(&p.ch, vec![why]));
    }
    explain_one(p, q, today)
}

fn explain_one(p: &Prepared, q: &QuoteQuery, today: Date) -> Option<Explanation> {
    let mut scales = weight::Scales::default();
    let reasons = screen::evaluate(p, zone_of(&p.ch, q), q, today, true, &mut scales).err()?;
    Some(explanation(&p.ch, reasons))
}

fn explanation(ch: &Channel, reasons: Vec<NoMatch>) -> Explanation {
    Explanation {
        channel_id: ch.id,
        channel_name: ch.name.clone(),
        reasons: reasons.into_iter().map(Reason::from).collect(),
    }
}
