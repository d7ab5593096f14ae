//! A channel's invariants, each error naming its field as the editor names
//! its inputs (`zones[1].fba_codes[0]`, `surcharges[2].when[0]`).

use std::collections::HashSet;

use super::{normalize_postcode, MAX_FEE_FEN};
use super::{parse_fba_code, Basis, Channel, Charge, Condition, PostcodeRange, Rate, Zone};
use crate::error::{AppError, AppResult};
use crate::ErrorKey;

/// The longest side or heaviest carton a surcharge condition may name.
pub const MAX_THRESHOLD: u32 = 1_000;

fn bad(field: String, key: ErrorKey) -> AppError {
    AppError::Validation { field, key }
}

fn fee_ok(fen: i64) -> bool {
    (0..=MAX_FEE_FEN).contains(&fen)
}

impl Channel {
    /// The channel's invariants, each error naming its field: a name, a
    /// two-letter country, at least one zone and origin; zones with a code
    /// of their own, valid FBA codes each in one zone only, postcode ranges
    /// in order; breaks strictly ascending from zero or more; fees between
    /// zero and [`MAX_FEE_FEN`]; surcharges with a name and conditions that
    /// can hold; ranges in order.
    pub fn check(&self) -> AppResult<()> {
        if self.name.trim().is_empty() {
            return Err(bad("name".into(), ErrorKey::FieldRequired));
        }
        let code = self.country.trim();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(bad("country".into(), ErrorKey::CountryInvalid));
        }
        let divisor = match self.basis {
            Basis::Kg { divisor } => divisor,
            Basis::Cbm { kg_per_cbm } => kg_per_cbm,
        };
        if divisor == 0 {
            return Err(bad("basis".into(), ErrorKey::ChannelStepInvalid));
        }
        if self.rounding.0 <= 0 || self.min_shipment.0 < 0 || self.min_carton.0 < 0 {
            return Err(bad("rounding".into(), ErrorKey::ChannelStepInvalid));
        }
        if self.origins.is_empty() || self.accepts.is_empty() {
            let field = if self.origins.is_empty() {
                "origins"
            } else {
                "accepts"
            };
            return Err(bad(field.into(), ErrorKey::FieldRequired));
        }
        self.check_zones()?;
        self.check_rules()
    }

    fn check_zones(&self) -> AppResult<()> {
        if self.zones.is_empty() {
            return Err(bad("zones".into(), ErrorKey::ChannelZonesRequired));
        }
        let mut codes = HashSet::new();
        let mut fba = HashSet::new();
        for (i, zone) in self.zones.iter().enumerate() {
            let at = |f: &str| format!("zones[{i}].{f}");
            if zone.code.trim().is_empty() {
                return Err(bad(at("code"), ErrorKey::FieldRequired));
            }
            if !codes.insert(zone.code.trim()) {
                return Err(bad(at("code"), ErrorKey::Duplicate));
            }
            check_fba_codes(&at("fba_codes"), zone, &mut fba)?;
            check_ranges(&at("postcodes"), &zone.postcodes)?;
            check_rates(&at("rates"), &zone.rates)?;
        }
        Ok(())
    }

    fn check_rules(&self) -> AppResult<()> {
        for (i, s) in self.surcharges.iter().enumerate() {
            if s.name.trim().is_empty() {
                return Err(bad(
                    format!("surcharges[{i}].name"),
                    ErrorKey::FieldRequired,
                ));
            }
            let ok = match s.charge {
                Charge::Unit { fen } | Charge::Carton { fen } | Charge::Shipment { fen } => {
                    fee_ok(fen)
                }
                Charge::Percent { basis_points } => basis_points <= 100_000,
            };
            if !ok {
                return Err(bad(
                    format!("surcharges[{i}].charge"),
                    ErrorKey::ChannelAmountInvalid,
                ));
            }
            for (k, c) in s.when.iter().enumerate() {
                check_condition(&format!("surcharges[{i}].when[{k}]"), c)?;
            }
        }
        if !fee_ok(self.customs_fee_fen) {
            return Err(bad(
                "customs_fee_fen".into(),
                ErrorKey::ChannelAmountInvalid,
            ));
        }
        if self.transit_days.min > self.transit_days.max {
            return Err(bad("transit_days".into(), ErrorKey::ChannelTransitInvalid));
        }
        let ranges = [Some(self.validity), self.special];
        if ranges.iter().flatten().any(|r| r.from > r.to) {
            return Err(bad("validity".into(), ErrorKey::DateRangeInvalid));
        }
        Ok(())
    }
}

fn check_fba_codes<'a>(field: &str, zone: &'a Zone, seen: &mut HashSet<&'a str>) -> AppResult<()> {
    for (j, code) in zone.fba_codes.iter().enumerate() {
        if parse_fba_code(code).is_err() {
            return Err(bad(format!("{field}[{j}]"), ErrorKey::FbaCodeInvalid));
        }
        if !seen.insert(code.as_str()) {
            return Err(bad(format!("{field}[{j}]"), ErrorKey::Duplicate));
        }
    }
    Ok(())
}

/// Each range's ends are 1–10 letters or digits, as postcodes compare
/// (upper case, no spaces), and `from` is not after `to`.
fn check_ranges(field: &str, ranges: &[PostcodeRange]) -> AppResult<()> {
    let end_ok = |s: &str| {
        (1..=10).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_alphanumeric())
            && normalize_postcode(s) == s
    };
    match ranges
        .iter()
        .position(|r| !end_ok(&r.from) || !end_ok(&r.to) || r.from > r.to)
    {
        Some(k) => Err(bad(format!("{field}[{k}]"), ErrorKey::PostcodeInvalid)),
        None => Ok(()),
    }
}

fn check_condition(field: &str, c: &Condition) -> AppResult<()> {
    match c {
        Condition::Goods { types } if types.is_empty() => {
            Err(bad(field.into(), ErrorKey::FieldRequired))
        }
        Condition::RemotePostcode { ranges } if ranges.is_empty() => {
            Err(bad(field.into(), ErrorKey::FieldRequired))
        }
        Condition::RemotePostcode { ranges } => check_ranges(&format!("{field}.ranges"), ranges),
        Condition::SideOver { cm: n } | Condition::CartonOver { kg: n }
            if !(1..=MAX_THRESHOLD).contains(n) =>
        {
            Err(bad(field.into(), ErrorKey::SurchargeThresholdInvalid))
        }
        Condition::Season { days } if days.from > days.to => {
            Err(bad(field.into(), ErrorKey::DateRangeInvalid))
        }
        _ => Ok(()),
    }
}

fn check_rates(field: &str, rates: &[Rate]) -> AppResult<()> {
    if rates.is_empty() || rates[0].from.0 < 0 {
        return Err(bad(field.into(), ErrorKey::ChannelRatesInvalid));
    }
    if rates.windows(2).any(|w| w[0].from >= w[1].from) {
        return Err(bad(field.into(), ErrorKey::ChannelRatesInvalid));
    }
    match rates.iter().position(|r| !fee_ok(r.fen)) {
        Some(j) => Err(bad(
            format!("{field}[{j}].fen"),
            ErrorKey::ChannelAmountInvalid,
        )),
        None => Ok(()),
    }
}
