//! The catalogue: every channel with what the engine precomputes for it,
//! indexed by destination country, FBA code and id.

use std::collections::HashMap;

use super::dates;
use crate::error::{AppError, AppResult};
use crate::pricing::model::*;
use crate::types::Id;
use crate::ErrorKey;

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
pub(super) struct CountryIndex {
    pub(super) channels: Vec<u32>,
    /// FBA code → (channel, zone), in catalogue order.
    fba: HashMap<String, Vec<(u32, u16)>>,
    /// Channels with postcode ranges in some zone.
    by_postcode: Vec<u32>,
}

/// Every channel, ready to search. Built once per table change.
#[derive(Debug, Default)]
pub struct Catalogue {
    pub(super) channels: Vec<Prepared>,
    pub(super) countries: HashMap<String, CountryIndex>,
    pub(super) by_id: HashMap<Id, u32>,
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

    /// Every channel, in catalogue order.
    pub fn channels(&self) -> impl Iterator<Item = &Channel> {
        self.channels.iter().map(|p| &p.ch)
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
    pub(super) fn candidates(&self, q: &QuoteQuery) -> Vec<(u32, usize)> {
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
pub(super) fn zone_of(ch: &Channel, q: &QuoteQuery) -> Option<usize> {
    match (&q.fba_code, &q.postcode) {
        (Some(code), _) => ch
            .zones
            .iter()
            .position(|z| z.fba_codes.iter().any(|c| c == code)),
        (None, Some(p)) => postcode_zone(ch, p),
        (None, None) => None,
    }
}
