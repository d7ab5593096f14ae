//! The quote engine: pure, no I/O. A [`Catalogue`] holds the channels in
//! memory, indexed by destination country and FBA code; [`search`] prices
//! every channel that takes the cargo, [`explain`] says why the others do not.

mod dates;
mod price;
mod screen;
mod weight;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests_dates;
#[cfg(test)]
mod tests_price;
#[cfg(test)]
mod tests_search;

use std::collections::HashMap;

use super::model::*;
use crate::error::{AppError, AppResult};
use crate::types::Id;
use crate::ErrorKey;

pub use weight::chargeable;

/// A channel and what the engine precomputes for it.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub ch: Channel,
    /// Bit `i` set: departs on weekday `i` (Monday 0).
    pub cutoffs: u8,
    pub names: Names,
}

/// What the channel's plans share.
#[derive(Debug)]
pub(crate) struct Names {
    pub card: Shared<ChannelCard>,
    pub zones: Vec<Shared<ZoneCard>>,
    pub surcharges: Vec<Shared<str>>,
}

impl Names {
    fn of(ch: &Channel) -> Names {
        let card = ChannelCard {
            id: ch.id,
            name: ch.name.clone(),
            mode: ch.mode,
            carrier: ch.carrier.clone(),
            tax_included: ch.tax_included,
            transit_days: ch.transit_days,
            valid_until: dates::valid_until(ch),
            special: ch.special.is_some(),
            tags: ch.tags.clone(),
            table_version: ch.table_version,
        };
        let zone = |z: &Zone| {
            ZoneCard {
                code: z.code.clone(),
                name: z.name.clone(),
            }
            .into()
        };
        Names {
            card: card.into(),
            zones: ch.zones.iter().map(zone).collect(),
            surcharges: ch
                .surcharges
                .iter()
                .map(|s| s.name.as_str().into())
                .collect(),
        }
    }
}

/// The channels to one destination country.
#[derive(Debug, Default)]
struct CountryIndex {
    channels: Vec<u32>,
    /// FBA code → (channel, zone), in catalogue order.
    fba: HashMap<String, Vec<(u32, u16)>>,
    /// Channels with postcode ranges in some zone.
    by_postcode: Vec<u32>,
}

/// Every channel, ready to search. Built once per table change.
#[derive(Debug, Default)]
pub struct Catalogue {
    channels: Vec<Prepared>,
    countries: HashMap<String, CountryIndex>,
    by_id: HashMap<Id, u32>,
}

impl Catalogue {
    /// Checks every channel ([`Channel::check`], errors prefixed with
    /// `channels[i].`) and indexes them. Ids must be unique.
    pub fn new(channels: Vec<Channel>) -> AppResult<Catalogue> {
        let mut cat = Catalogue::default();
        for (i, ch) in channels.into_iter().enumerate() {
            let at = |e: AppError| match e {
                AppError::Validation { field, key } => AppError::Validation {
                    field: format!("channels[{i}].{field}"),
                    key,
                },
                other => other,
            };
            ch.check().map_err(at)?;
            if cat.by_id.insert(ch.id, i as u32).is_some() {
                return Err(AppError::conflict(
                    &format!("channels[{i}].id"),
                    ErrorKey::Duplicate,
                ));
            }
            cat.index(i as u32, &ch);
            let cutoffs = ch
                .cutoff_weekdays
                .iter()
                .fold(0u8, |m, d| m | 1 << d.index());
            let names = Names::of(&ch);
            cat.channels.push(Prepared { ch, cutoffs, names });
        }
        Ok(cat)
    }

    fn index(&mut self, i: u32, ch: &Channel) {
        let idx = self
            .countries
            .entry(ch.country.to_ascii_uppercase())
            .or_default();
        idx.channels.push(i);
        for (z, zone) in ch.zones.iter().enumerate() {
            for code in &zone.fba_codes {
                let list = idx.fba.entry(code.to_ascii_uppercase()).or_default();
                if list.last().is_none_or(|&(c, _)| c != i) {
                    list.push((i, z as u16));
                }
            }
        }
        if ch.zones.iter().any(|z| !z.postcodes.is_empty()) {
            idx.by_postcode.push(i);
        }
    }

    pub fn len(&self) -> usize {
        self.channels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.channels.is_empty()
    }

    pub fn channel(&self, id: Id) -> Option<&Channel> {
        self.by_id.get(&id).map(|&i| &self.channels[i as usize].ch)
    }

    /// Countries some enabled channel goes to, sorted (获取可以到达的目的国家).
    pub fn countries(&self) -> Vec<String> {
        let mut v: Vec<String> = (self.countries.iter())
            .filter(|(_, idx)| {
                idx.channels
                    .iter()
                    .any(|&i| self.channels[i as usize].ch.enabled)
            })
            .map(|(c, _)| c.clone())
            .collect();
        v.sort();
        v
    }

    /// An FBA code no channel to the country knows is an input error.
    pub fn check_destination(&self, q: &QuoteQuery) -> AppResult<()> {
        let known = |code: &str| {
            self.countries
                .get(&q.country)
                .is_some_and(|idx| idx.fba.contains_key(code))
        };
        match &q.fba_code {
            Some(code) if !known(code) => {
                Err(AppError::validation("fba_code", ErrorKey::FbaCodeUnknown))
            }
            _ => Ok(()),
        }
    }

    /// (channel, zone) for every channel that delivers to the query's
    /// destination: by FBA code when there is one, else by postcode.
    fn candidates(&self, q: &QuoteQuery) -> Vec<(u32, usize)> {
        let Some(idx) = self.countries.get(&q.country) else {
            return vec![];
        };
        match (&q.fba_code, &q.postcode) {
            (Some(code), _) => idx.fba.get(code).map_or(vec![], |v| {
                v.iter().map(|&(c, z)| (c, z as usize)).collect()
            }),
            (None, Some(p)) => (idx.by_postcode.iter())
                .filter_map(|&c| Some((c, postcode_zone(&self.channels[c as usize].ch, p)?)))
                .collect(),
            (None, None) => vec![],
        }
    }
}

fn postcode_zone(ch: &Channel, postcode: &str) -> Option<usize> {
    ch.zones
        .iter()
        .position(|z| z.postcodes.iter().any(|r| r.contains(postcode)))
}

/// The zone of a channel that serves the query's destination.
fn zone_of(ch: &Channel, q: &QuoteQuery) -> Option<usize> {
    match (&q.fba_code, &q.postcode) {
        (Some(code), _) => ch
            .zones
            .iter()
            .position(|z| z.fba_codes.iter().any(|c| c == code)),
        (None, Some(p)) => postcode_zone(ch, p),
        (None, None) => None,
    }
}

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
